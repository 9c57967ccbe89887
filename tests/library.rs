//! The library's tests: rule vectors from `tests/data/rules.toml` in both
//! languages, the registry's completeness, and conformance with peer data.

use std::collections::BTreeSet;

use client_lint::rule::RULES;
use client_lint::{Applicability, Diagnostic, Lang, Layout, Mode, Options, Severity, UnsafeFixes};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vectors {
    valid: Vec<Valid>,
    invalid: Vec<Invalid>,
}

#[derive(Deserialize)]
struct Valid {
    doc: String,
    mode: Option<String>,
}

#[derive(Deserialize)]
struct Invalid {
    rule: String,
    doc: Option<String>,
    hex: Option<String>,
    mode: Option<String>,
    pointer: Option<String>,
    at: Option<String>,
    help: Option<String>,
    fix: Option<String>,
    remove: Option<bool>,
    /// `nofix = true`: the finding must offer no fix.
    nofix: Option<bool>,
    applicability: Option<String>,
    /// `error`, `warning` or `info`: the finding's severity, when it matters.
    severity: Option<String>,
    /// Part of the English message.
    message: Option<String>,
    /// The findings cap per record, when the vector needs a small one.
    max_findings: Option<usize>,
}

fn vectors() -> Vectors {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/rules.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

fn options(mode: Option<&str>, lang: Lang) -> Options {
    let mode = match mode {
        Some("response") => Mode::Response,
        _ => Mode::Request,
    };
    Options::new().with_mode(mode).with_lang(lang)
}

fn bytes(v: &Invalid) -> Vec<u8> {
    match (&v.doc, &v.hex) {
        (Some(doc), _) => doc.as_bytes().to_vec(),
        (None, Some(hex)) => (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect(),
        _ => panic!("vector for {} has neither doc nor hex", v.rule),
    }
}

#[test]
fn valid_vectors_are_silent() {
    for v in vectors().valid {
        let report = client_lint::lint_str(&v.doc, &options(v.mode.as_deref(), Lang::En));
        assert!(
            report.diagnostics().is_empty(),
            "{}\n{:#?}",
            v.doc,
            report.diagnostics()
        );
    }
}

/// The findings for a vector: of the document, or, for the rules across
/// records (`duplicate-*`), of its NDJSON records against each other.
fn lint_as_vector(rule: &str, input: &[u8], opts: &Options) -> client_lint::Report {
    if !rule.starts_with("duplicate-") || rule == "duplicate-key" || rule == "duplicate-country" {
        return client_lint::lint_slice(input, opts);
    }
    let text = std::str::from_utf8(input).unwrap();
    let mut records = client_lint::lint_records(text, opts, client_lint::Layout::Ndjson);
    client_lint::fleet::Fleet::new(opts).add_records("vector.ndjson", text, &mut records);
    let mut all = client_lint::Report::default();
    for r in records {
        all = merge(all, r.report);
    }
    all
}

/// Two reports as one, in order.
fn merge(a: client_lint::Report, b: client_lint::Report) -> client_lint::Report {
    let mut d = a.into_diagnostics();
    d.extend(b.into_diagnostics());
    client_lint::Report::from_diagnostics(d)
}

fn check_invalid(v: &Invalid, lang: Lang) -> Diagnostic {
    let input = bytes(v);
    let mut opts = options(v.mode.as_deref(), lang);
    if let Some(max) = v.max_findings {
        opts = opts.with_max_findings(max);
    }
    let report = lint_as_vector(&v.rule, &input, &opts);
    let found: Vec<&Diagnostic> = report
        .diagnostics()
        .iter()
        .filter(|d| d.name() == v.rule)
        .collect();
    let ctx = format!(
        "{} on {:?}: {:#?}",
        v.rule,
        String::from_utf8_lossy(&input),
        report.diagnostics()
    );
    assert!(!found.is_empty(), "no diagnostic: {ctx}");
    let d = found[0];
    assert_eq!(d.pointer(), v.pointer.as_deref(), "pointer: {ctx}");
    if let Some(at) = &v.at {
        let span = d.span().expect("span");
        assert_eq!(
            &String::from_utf8_lossy(&input)[span.start..span.end],
            at.as_str(),
            "span: {ctx}"
        );
    }
    // Line and column agree with the span (columns in scalar values).
    if let (Some(span), Some(start)) = (d.span(), d.start()) {
        let before = String::from_utf8_lossy(&input[..span.start.min(input.len())]).into_owned();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!((start.line, start.column), (line, column), "position: {ctx}");
    }
    if let Some(severity) = &v.severity {
        assert_eq!(d.severity().as_str(), severity, "severity: {ctx}");
    }
    if let (Some(message), Lang::En) = (&v.message, lang) {
        assert!(d.message().contains(message.as_str()), "message: {ctx}");
    }
    if let (Some(help), Lang::En) = (&v.help, lang) {
        assert!(d.help().unwrap_or("").contains(help.as_str()), "help: {ctx}");
    }
    match (&v.fix, v.remove) {
        (Some(fix), _) => {
            let want: serde_json::Value = serde_json::from_str(fix).unwrap();
            let f = d.fix().unwrap_or_else(|| panic!("no fix: {ctx}"));
            assert_eq!(f.value(), Some(&want), "fix: {ctx}");
            assert_eq!(f.pointer(), d.pointer().unwrap(), "fix pointer: {ctx}");
        }
        (None, Some(true)) => assert!(d.fix().is_some_and(client_lint::Fix::is_remove), "remove: {ctx}"),
        _ => {}
    }
    if v.nofix == Some(true) {
        assert!(d.fix().is_none(), "no fix expected: {ctx}");
    }
    if let Some(a) = &v.applicability {
        let want = if a == "safe" {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        assert_eq!(
            d.fix().map(client_lint::Fix::applicability),
            Some(want),
            "applicability: {ctx}"
        );
    }
    assert!(!d.message().is_empty());
    assert!(
        !d.message().ends_with('.') && !d.message().starts_with(char::is_uppercase),
        "message style (lowercase start, no period): {}",
        d.message()
    );
    d.clone()
}

#[test]
fn invalid_vectors_report_in_both_languages() {
    for v in vectors().invalid {
        let en = check_invalid(&v, Lang::En);
        let ru = check_invalid(&v, Lang::Ru);
        assert_ne!(en.message(), ru.message(), "{}: untranslated message", v.rule);
        assert!(
            ru.message()
                .chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
            "{}: Russian message has no Cyrillic: {}",
            v.rule,
            ru.message()
        );
        if let (Some(h_en), Some(h_ru)) = (en.help(), ru.help()) {
            assert_ne!(h_en, h_ru, "{}: untranslated help", v.rule);
        }
        assert_eq!(en.fix(), ru.fix(), "{}: fixes differ between languages", v.rule);
    }
}

#[test]
fn every_rule_is_complete() {
    let vectors = vectors();
    let covered: BTreeSet<&str> = vectors.invalid.iter().map(|v| v.rule.as_str()).collect();
    let mut codes = BTreeSet::new();
    let mut names = BTreeSet::new();
    for (i, r) in RULES.iter().enumerate() {
        assert_eq!(r.rule as usize, i, "registry order");
        assert!(codes.insert(r.code), "duplicate code {}", r.code);
        assert!(names.insert(r.name), "duplicate name {}", r.name);
        assert!(r.code.starts_with("CL") && r.code.len() == 5, "{}", r.code);
        assert!(
            r.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "not kebab-case: {}",
            r.name
        );
        let e = r.rule.explanation();
        for t in [e.what, e.why] {
            assert!(
                !t.en.is_empty() && !t.ru.is_empty() && t.en != t.ru,
                "{}: explanation text",
                r.name
            );
        }
        assert!(
            !e.example.is_empty() && !e.instead.is_empty() && e.example != e.instead,
            "{}",
            r.name
        );
        assert!(!e.references.is_empty(), "{}: no reference", r.name);
        assert!(
            covered.contains(r.name),
            "{} has no vector in tests/data/rules.toml",
            r.name
        );
    }
    for name in &covered {
        assert!(names.contains(name), "vector for unknown rule {name}");
    }
}

#[test]
fn explanation_examples_trigger_their_rule_and_fixes_are_silent() {
    for r in RULES {
        let e = r.rule.explanation();
        if !e.example.starts_with('{') || r.name == "nesting-too-deep" {
            continue;
        }
        let options = Options::new().with_mode(if r.name.contains("create-date") {
            Mode::Response
        } else {
            Mode::Request
        });
        let options = if r.name.starts_with("duplicate-")
            && !["duplicate-key", "duplicate-country"].contains(&r.name)
        {
            options.with_mode(Mode::Response)
        } else {
            options
        };
        let bad = lint_as_vector(r.name, e.example.as_bytes(), &options);
        assert!(
            bad.diagnostics().iter().any(|d| d.rule() == r.rule),
            "{}: example does not trigger it: {:#?}",
            r.name,
            bad.diagnostics()
        );
        let good = lint_as_vector(r.name, e.instead.as_bytes(), &options);
        assert!(
            good.diagnostics().iter().all(|d| d.rule() != r.rule),
            "{}: `use instead` still triggers it",
            r.name
        );
    }
}

#[test]
fn severity_overrides_and_allow() {
    use client_lint::{Level, Rule};
    let doc = r#"{"colour": "red"}"#;
    let warn = client_lint::lint_str(doc, &Options::default());
    assert_eq!(warn.diagnostics()[0].severity(), Severity::Warning);
    let err = client_lint::lint_str(
        doc,
        &Options::default().with_level(Rule::UnknownKey, Level::Error),
    );
    assert!(err.has_errors());
    let off = client_lint::lint_str(
        doc,
        &Options::default().with_level(Rule::UnknownKey, Level::Allow),
    );
    assert!(off.diagnostics().is_empty());
}

#[test]
fn redact_keeps_values_out_of_messages() {
    let doc = r#"{"email": "secret.person@example", "jur_address": "Hidden Street 1\n", "timezone": "Secretville"}"#;
    let options = Options::new().with_redact(true);
    let report = client_lint::lint_str(doc, &options);
    assert!(report.diagnostics().len() >= 3);
    for d in report.diagnostics() {
        let text = format!("{} {}", d.message(), d.help().unwrap_or(""));
        for secret in ["secret", "Hidden", "Secretville"] {
            assert!(!text.contains(secret), "{text}");
        }
    }
    let plain = client_lint::lint_str(doc, &Options::default());
    assert!(
        plain
            .diagnostics()
            .iter()
            .any(|d| d.message().contains("Secretville"))
    );
}

#[test]
fn response_mode_expects_server_fields() {
    let doc = r#"{"id": 1, "prefix": "2566", "create_date": "2024-01-01 00:00:00", "reg_status_log": true}"#;
    let req = client_lint::lint_str(doc, &Options::default());
    let names: Vec<_> = req
        .diagnostics()
        .iter()
        .map(client_lint::Diagnostic::name)
        .collect();
    assert_eq!(
        names,
        [
            "read-only-field",
            "read-only-field",
            "read-only-field",
            "provider-owned-field"
        ]
    );
    let resp = client_lint::lint_str(doc, &options(Some("response"), Lang::En));
    assert!(resp.diagnostics().is_empty());
}

#[test]
fn diagnostic_serialises_as_documented() {
    let text = "{\n  \"geo_list\": \"RU UK\"\n}";
    let report = client_lint::lint_str(text, &Options::default());
    let json = serde_json::to_value(&report.diagnostics()[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "code": "CL504", "name": "unknown-country", "severity": "error",
            "pointer": "/geo_list",
            "message": "`UK` is not an ISO 3166-1 alpha-2 country code",
            "help": "did you mean `GB`?",
            "line": 2, "column": 19, "end_line": 2, "end_column": 21,
            "span": {"start": 20, "end": 22},
            "fix": {"pointer": "/geo_list", "value": "RU GB", "applicability": "unsafe"}
        })
    );
    let syntax = client_lint::lint_str("{\n  \"a\" 1}", &Options::default());
    let json = serde_json::to_value(&syntax.diagnostics()[0]).unwrap();
    assert_eq!(json["pointer"], serde_json::Value::Null);
    assert_eq!(
        (json["line"].as_u64(), json["column"].as_u64()),
        (Some(2), Some(7))
    );
    assert!(json.get("fix").is_none());
    let removal = client_lint::lint_str(r#"{"id": 1}"#, &Options::default());
    let json = serde_json::to_value(&removal.diagnostics()[0]).unwrap();
    assert_eq!(
        json["fix"],
        serde_json::json!({"pointer": "/id", "remove": true, "applicability": "unsafe"})
    );
}

#[test]
fn all_problems_in_document_order() {
    let text = r#"{"type": "x", "timezone": "Nowhere", "geo_list": "XX YY", "colour": 1}"#;
    let report = client_lint::lint_str(text, &Options::default());
    let starts: Vec<usize> = report
        .diagnostics()
        .iter()
        .map(|d| d.span().unwrap().start)
        .collect();
    assert_eq!(report.diagnostics().len(), 5);
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
}

#[test]
fn removal_fixes_keep_json_valid() {
    for doc in [
        r#"{"id": 1}"#,
        r#"{"id": 1, "name": "a"}"#,
        r#"{"name": "a", "id": 1}"#,
        r#"{"name": "a", "id": 1, "prefix": "1", "type": "J"}"#,
        "{\n  \"id\": 1,\n  \"prefix\": \"1\"\n}",
    ] {
        let fixed = client_lint::fix_str(doc, &Options::default(), client_lint::UnsafeFixes::Apply);
        let v: serde_json::Value =
            serde_json::from_str(&fixed.text).unwrap_or_else(|e| panic!("{doc} → {}: {e}", fixed.text));
        assert!(
            v.get("id").is_none() && v.get("prefix").is_none(),
            "{}",
            fixed.text
        );
        assert_eq!(v.get("name").is_some(), doc.contains("name"));
    }
}

#[test]
fn batches_number_records_and_keep_file_positions() {
    let text = "[\n  {\"type\": \"J\"},\n  {\"type\": \"x\"},\n  5\n]";
    let records = client_lint::lint_records(text, &Options::default(), client_lint::Layout::Auto);
    assert_eq!(records.len(), 3);
    assert!(records[0].report.diagnostics().is_empty());
    let d = &records[1].report.diagnostics()[0];
    assert_eq!(
        (d.name(), d.pointer(), d.start().unwrap().line),
        ("unknown-client-type", Some("/type"), 3)
    );
    assert_eq!(records[2].report.diagnostics()[0].name(), "root-not-object");
    // NDJSON: a broken line does not stop the next ones.
    let nd = "{\"type\": \"J\"}\n{\"type\": \n{\"type\": \"j\"}\n";
    let records = client_lint::lint_records(nd, &Options::default(), client_lint::Layout::Ndjson);
    assert_eq!(records.len(), 3);
    assert_eq!(records[1].report.diagnostics()[0].name(), "syntax-error");
    assert_eq!(records[2].report.diagnostics()[0].start().unwrap().line, 3);
}

// --- conformance -------------------------------------------------------------

#[test]
fn every_bundled_time_zone_is_accepted() {
    for tz in chrono_tz::TZ_VARIANTS {
        assert_eq!(
            client_lint::values::parse_timezone(tz.name()).map(client_lint::values::Timezone::tz),
            Ok(tz),
            "{}",
            tz.name()
        );
        let doc = serde_json::json!({ "timezone": tz.name() }).to_string();
        let report = client_lint::lint_str(&doc, &Options::default());
        assert!(
            report
                .diagnostics()
                .iter()
                .all(|d| d.severity() < Severity::Error),
            "{}: {:?}",
            tz.name(),
            report.diagnostics()
        );
    }
}

#[test]
fn exactly_the_iso_alpha2_codes_are_accepted() {
    let mut accepted = 0;
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = String::from_utf8(vec![a, b]).unwrap();
            let official = isocountry::CountryCode::for_alpha2(&code).is_ok();
            let ok = client_lint::values::parse_geo_list(&code).is_ok();
            assert_eq!(ok, official, "{code}");
            accepted += usize::from(ok);
        }
    }
    assert_eq!(accepted, 249);
}

/// The string cases of a JSON Schema Test Suite file in `tests/data/peer/`:
/// data, expected verdict (flipped for a listed deviation), description.
fn jsts(file: &str, deviations: &[Deviation]) -> Vec<(String, bool, String)> {
    let path = format!("{}/tests/data/peer/{file}", env!("CARGO_MANIFEST_DIR"));
    let groups: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases: Vec<(String, bool, String)> = groups
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["tests"].as_array().unwrap())
        .filter_map(|t| {
            let data = t["data"].as_str()?.to_string();
            let valid = t["valid"].as_bool().unwrap();
            let deviates = deviations.iter().any(|d| d.data == data);
            Some((data, valid != deviates, t["description"].to_string()))
        })
        .collect();
    assert!(cases.len() >= 20, "only {} cases read from {file}", cases.len());
    cases
}

/// JSON Schema Test Suite `format: email` cases. Deviations are listed in
/// `tests/data/deviations.toml` with their reasons.
#[test]
fn jsts_email_vectors() {
    let wrong: Vec<_> = jsts("jsts-format-email.json", &deviations().email)
        .into_iter()
        .filter(|(data, expected, _)| client_lint::values::parse_email(data).is_ok() != *expected)
        .collect();
    assert!(
        wrong.is_empty(),
        "verdicts that differ from the suite's: {wrong:#?}"
    );
}

/// JSON Schema Test Suite `format: hostname` cases, for the `domain` rule.
#[test]
fn jsts_hostname_vectors() {
    // Upper case is valid host syntax; the domain rule only asks for lower
    // case. A Unicode name is not host syntax until converted.
    let wrong: Vec<_> = jsts("jsts-format-hostname.json", &deviations().hostname)
        .into_iter()
        .filter(|(data, expected, _)| {
            let ok = matches!(
                client_lint::values::parse_domain(data),
                Ok(_) | Err(client_lint::values::FieldError::WrongCase { .. })
            );
            ok != *expected
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "verdicts that differ from the suite's: {wrong:#?}"
    );
}

#[derive(Deserialize)]
struct Deviations {
    email: Vec<Deviation>,
    hostname: Vec<Deviation>,
}

#[derive(Deserialize)]
struct Deviation {
    data: String,
    #[allow(dead_code)]
    reason: String,
}

fn deviations() -> Deviations {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/deviations.toml")).unwrap();
    let d: Deviations = toml::from_str(&text).unwrap();
    for dev in d.email.iter().chain(&d.hostname) {
        assert!(dev.reason.len() > 20, "deviation {:?} needs a reason", dev.data);
    }
    d
}

#[test]
fn broken_arrays_of_records_report_where_they_break() {
    use client_lint::{Layout, lint_records};
    let found = |text: &str| -> Vec<(usize, &'static str, usize)> {
        lint_records(text, &Options::default(), Layout::Auto)
            .iter()
            .flat_map(|r| {
                r.report
                    .diagnostics()
                    .iter()
                    .map(move |d| (r.index, d.name(), d.span().unwrap().start))
            })
            .collect()
    };
    assert_eq!(found(r#"[{"type": "J"},]"#), [(1, "syntax-error", 14)]);
    assert_eq!(found(r#"[{"type": "J"}"#), [(1, "syntax-error", 14)]);
    assert_eq!(found(r#"[{"type": "J"} {}]"#), [(1, "syntax-error", 15)]);
    assert_eq!(
        found(r#"[{"type": "x"}] ж"#),
        [(0, "unknown-client-type", 10), (0, "syntax-error", 16)]
    );
    assert_eq!(found("[] x"), [(0, "syntax-error", 3)]);
    assert_eq!(found("[]"), []);
    // Recovery: the records after a broken one are checked.
    assert_eq!(
        found(r#"[{"type": "j",, "x": 1}, {"type": "f"}]"#),
        [
            (0, "client-type-wrong-case", 10),
            (0, "syntax-error", 14),
            (0, "unknown-key", 16),
            (1, "client-type-wrong-case", 34)
        ]
    );
    assert_eq!(
        found("[{\"type\": \"J\"} x\n {\"type\": \"f\"}]"),
        [(1, "syntax-error", 15), (1, "client-type-wrong-case", 27)]
    );
    assert_eq!(
        found(r#"[{"type": "J"}, {"type": "j""#),
        [(1, "client-type-wrong-case", 25), (1, "syntax-error", 28)]
    );
    assert_eq!(found(r#"[{"type": "J"}"#), [(1, "syntax-error", 14)]);
}

/// The README's rules table, as the registry and the field table say it.
fn rules_table() -> String {
    let mut t = String::from("| code | name | severity | fix | fields |\n|---|---|---|---|---|\n");
    for r in RULES {
        t.push_str(&format!(
            "| `{}` | `{}` | {} | {} | {} |\n",
            r.code,
            r.name,
            r.default_severity.as_str(),
            r.fix.as_str(),
            r.rule.fields_label()
        ));
    }
    t
}

/// The README's field table, as the field table says it.
fn fields_table() -> String {
    let mut t = String::from("| field | type | set by | kind | meaning |\n|---|---|---|---|---|\n");
    for f in client_lint::fields::FIELDS {
        let owner = match f.owner {
            client_lint::fields::Owner::User => "client",
            client_lint::fields::Owner::Server => "server (read-only)",
            client_lint::fields::Owner::Provider => "provider",
            _ => "?",
        };
        let kind = match f.kind {
            client_lint::fields::ValueKind::Structured => "structured",
            client_lint::fields::ValueKind::FreeText => "free text",
            _ => "?",
        };
        t.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            f.name,
            f.json_type.as_str(),
            owner,
            kind,
            f.description.en
        ));
    }
    t
}

#[test]
fn the_readme_tables_match_the_registry_and_the_field_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (what, table) in [("rules", rules_table()), ("fields", fields_table())] {
        assert!(
            readme.contains(&table),
            "the README's {what} table is out of date; it should read:\n\n{table}"
        );
    }
}

/// Every finding at a field's value is one of the rules its row in the field
/// table lists (or a rule for any key, or ownership).
#[test]
fn findings_at_a_field_are_listed_in_its_row() {
    for v in vectors().invalid {
        let report = client_lint::lint_slice(&bytes(&v), &options(v.mode.as_deref(), Lang::En));
        for d in report.diagnostics() {
            let Some(field) = d
                .pointer()
                .and_then(|p| p.strip_prefix('/'))
                .and_then(client_lint::fields::field)
            else {
                continue;
            };
            let r = d.rule();
            assert!(
                r.applies_to_any_field() || r.fields().contains(&field.name),
                "{} reported at /{} but not listed in its row",
                d.name(),
                field.name
            );
        }
    }
}

/// The streaming NDJSON reader and the in-memory batch agree record by record
/// (they share one implementation; this keeps it that way).
#[test]
fn lint_ndjson_agrees_with_lint_records() {
    let text = concat!(
        "{\"type\": \"j\", \"timezone\": \"Europe/Kiev\"}\n",
        "\n",
        "   \r\n",
        "{\"geo_list\": \"ru, uk\"}\r\n",
        "{\"name\": \"a\",}\n",
        "{\"email\": \"joe@localhost\"}"
    );
    let options = Options::default();
    let whole = client_lint::lint_records(text, &options, client_lint::Layout::Ndjson);
    let streamed: Vec<_> =
        client_lint::lint_ndjson(std::io::BufReader::with_capacity(7, text.as_bytes()), &options)
            .map(|r| r.unwrap().1)
            .collect();
    assert_eq!(whole.len(), 4);
    assert_eq!(streamed.len(), whole.len());
    for (a, b) in whole.iter().zip(&streamed) {
        assert_eq!(a.index, b.index);
        let key = |r: &client_lint::Record| {
            r.report
                .diagnostics()
                .iter()
                .map(|d| (d.code(), d.span(), d.start(), d.end(), d.message().to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(a), key(b));
    }
}

/// An array that ends without `]` after a whole record is a syntax error,
/// whatever the record is (it once was only when the record was an object,
/// so `[{"type": "j"}, "x"` lost the error and `--fix` rewrote the file).
#[test]
fn an_unclosed_array_is_a_syntax_error_after_any_record() {
    for text in [
        r#"[{"type": "j"},"client""#,
        r#"[{"type": "j"},[]"#,
        r#"[{"type": "j"},{}"#,
        "[1",
        r#"[{"type": "j"}"#,
    ] {
        let records = client_lint::lint_records(text, &Options::default(), Layout::Auto);
        assert!(
            records.iter().any(|r| r.report.has_syntax_error()),
            "no syntax error for {text}"
        );
        let fixed = client_lint::fix_records(text, &Options::default(), Layout::Auto, UnsafeFixes::Skip);
        assert_eq!(
            (fixed.text.as_str(), fixed.applied),
            (text, 0),
            "{text} was rewritten"
        );
    }
}

/// Every message that carries a count reads right with 1, 2, 3, 5, 11, 21,
/// 22 and 101 in both languages (issue 20: "1 more findings", "ещё 1
/// сообщений", an untranslated "info").
#[test]
fn counted_messages_agree_with_their_numbers() {
    // The forms each number takes, from the grammars (not from the code).
    let cases = [
        (
            1,
            "1 more finding",
            "1 warning",
            "1 finding",
            "ещё 1 сообщение не показано",
            "1 предупреждение",
        ),
        (
            2,
            "2 more findings",
            "2 warnings",
            "2 findings",
            "ещё 2 сообщения не показаны",
            "2 предупреждения",
        ),
        (
            3,
            "3 more findings",
            "3 warnings",
            "3 findings",
            "ещё 3 сообщения не показаны",
            "3 предупреждения",
        ),
        (
            5,
            "5 more findings",
            "5 warnings",
            "5 findings",
            "ещё 5 сообщений не показано",
            "5 предупреждений",
        ),
        (
            11,
            "11 more findings",
            "11 warnings",
            "11 findings",
            "ещё 11 сообщений не показано",
            "11 предупреждений",
        ),
        (
            21,
            "21 more findings",
            "21 warnings",
            "21 findings",
            "ещё 21 сообщение не показано",
            "21 предупреждение",
        ),
        (
            22,
            "22 more findings",
            "22 warnings",
            "22 findings",
            "ещё 22 сообщения не показаны",
            "22 предупреждения",
        ),
        (
            101,
            "101 more findings",
            "101 warnings",
            "101 findings",
            "ещё 101 сообщение не показано",
            "101 предупреждение",
        ),
    ];
    let doc = |keys: usize| {
        let members: Vec<String> = (0..keys).map(|i| format!("\"x{i}\": 1")).collect();
        format!("{{{}}}", members.join(", "))
    };
    let last = |text: &str, lang: Lang, max: usize| {
        let report = client_lint::lint_str(text, &Options::new().with_lang(lang).with_max_findings(max));
        let d = report.diagnostics().last().unwrap().clone();
        assert_eq!(d.name(), "too-many-findings");
        d.message().to_string()
    };
    for (n, more_en, warnings_en, cap_en, more_ru, warnings_ru) in cases {
        // n findings left out past a cap of 1.
        assert_eq!(
            last(&doc(n + 1), Lang::En, 1),
            format!("{more_en} not shown ({warnings_en}): a record shows at most 1 finding")
        );
        assert_eq!(
            last(&doc(n + 1), Lang::Ru, 1),
            format!("{more_ru} ({warnings_ru}): предел на запись — 1")
        );
        // One left out past a cap of n.
        assert_eq!(
            last(&doc(n + 1), Lang::En, n),
            format!("1 more finding not shown (1 warning): a record shows at most {cap_en}")
        );
        assert_eq!(
            last(&doc(n + 1), Lang::Ru, n),
            format!("ещё 1 сообщение не показано (1 предупреждение): предел на запись — {n}")
        );
    }
    // Errors and info are named in both languages, zero counts left out.
    let report = client_lint::lint_str(
        r#"{"x": 1, "type": "Q", "id": 5, "hold_music": 0}"#,
        &Options::new().with_lang(Lang::Ru).with_max_findings(1),
    );
    let m = report.diagnostics().last().unwrap().message().to_string();
    assert!(m.contains("ошибк") && !m.contains("info"), "{m}");
}

/// The cap keeps errors before warnings (issue 20): 100,000 unknown keys
/// and one bad `type` show the error, whichever entry point reads them.
#[test]
fn the_findings_cap_never_hides_an_error_behind_warnings() {
    let mut members: Vec<String> = (0..100_000).map(|i| format!("\"x{i}\": 1")).collect();
    members.push("\"type\": \"Q\"".to_string());
    members.push("\"y\": 2".to_string());
    let text = format!("{{{}}}", members.join(", "));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let options = Options::default();
    let reports = [
        client_lint::lint_str(&text, &options),
        client_lint::lint_value(&value, &options),
        client_lint::lint_records(&text, &options, client_lint::Layout::Auto)
            .pop()
            .unwrap()
            .report,
    ];
    for report in reports {
        let d = report.diagnostics();
        assert_eq!(d.len(), 1001, "the cap and its summary");
        assert!(d.iter().any(|d| d.name() == "unknown-client-type"));
        let last = d.last().unwrap();
        assert_eq!(last.name(), "too-many-findings");
        assert_eq!(
            last.severity(),
            client_lint::Severity::Warning,
            "no error left out"
        );
        assert_eq!(
            last.message(),
            // 100,001 warnings: 999 shown beside the error.
            "99002 more findings not shown (99002 warnings): a record shows at most 1000 findings"
        );
    }
    // More errors than the cap: the cap is all errors, the summary an error.
    let errors: Vec<String> = (0..5).map(|i| format!("\"id\": {i}")).collect();
    let text = format!("{{\"x\": 1, {}}}", errors.join(", "));
    let report = client_lint::lint_str(&text, &Options::new().with_max_findings(3));
    let severities: Vec<_> = report
        .diagnostics()
        .iter()
        .map(|d| d.severity().as_str())
        .collect();
    assert_eq!(
        severities,
        ["error", "error", "error", "error"],
        "{:#?}",
        report.diagnostics()
    );
}
