use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Severity};
use crate::options::Lang;
use crate::rule::{FixKind, RULES};

/// The findings of one file, for [`sarif`].
#[derive(Debug, Clone, Default)]
pub struct FileFindings {
    /// The file name as shown (a relative path becomes the artifact URI).
    pub path: String,
    /// Record index and diagnostic, in output order.
    pub findings: Vec<(usize, Diagnostic)>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file name as a relative URI reference (RFC 3986): every byte but the
/// unreserved characters and `/` percent-encoded, so no control character
/// survives; and `./` in front when the first segment holds a `:`, which
/// would otherwise read as a scheme (`javascript:alert(1).json`).
fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    let mut out = String::with_capacity(p.len() + 2);
    if p.split('/').next().is_some_and(|first| first.contains(':')) {
        out.push_str("./");
    }
    for b in p.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A SARIF 2.1.0 log with one run: the tool's rules (with help text in
/// `lang`) and every finding with its region and fix. Columns are Unicode
/// scalar values (`columnKind: unicodeCodePoints`).
///
/// ```
/// use client_lint::render::{FileFindings, sarif};
/// let report = client_lint::lint_str(r#"{"type": "j"}"#, &Default::default());
/// let files = [FileFindings {
///     path: "a.json".into(),
///     findings: report.diagnostics().iter().map(|d| (0, d.clone())).collect(),
/// }];
/// let log = sarif(&files, client_lint::Lang::En);
/// assert_eq!(log["version"], "2.1.0");
/// assert_eq!(log["runs"][0]["results"][0]["ruleId"], "CL201");
/// ```
pub fn sarif(files: &[FileFindings], lang: Lang) -> Value {
    let mut log = sarif_log(lang);
    let results: Vec<Value> = files
        .iter()
        .flat_map(|f| {
            f.findings
                .iter()
                .map(move |(record, d)| sarif_result(d, &f.path, *record))
        })
        .collect();
    log["runs"][0]["results"] = Value::Array(results);
    log
}

/// The SARIF log without results: the tool and its rules (help text in
/// `lang`).
fn sarif_log(lang: Lang) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let e = r.rule.explanation();
            // The same explanation as `client-lint explain` and the hover,
            // headings in the log's language.
            let text = r.rule.explain(lang);
            let markdown = r.rule.explain_markdown(lang);
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": e.what.get(lang)},
                "fullDescription": {"text": e.why.get(lang)},
                "help": {"text": text, "markdown": markdown},
                "defaultConfiguration": {"level": level(r.default_severity)},
                "properties": {"fields": r.rule.fields_label(), "fix": r.fix.as_str(), "tags": ["client-lint", if r.fix == FixKind::None { "no-fix" } else { "fixable" }]},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "client-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    })
}

/// The SARIF log split around its results, for writing them as they come
/// (memory bounded by one result, not by all of them): write the first part,
/// then the results of [`sarif_result`] separated by commas, then the second.
///
/// ```
/// use client_lint::render::{sarif_frame, sarif_result};
/// let report = client_lint::lint_str(r#"{"type": "j"}"#, &Default::default());
/// let (head, tail) = sarif_frame(client_lint::Lang::En);
/// let result = sarif_result(&report.diagnostics()[0], "a.json", 0);
/// let log: serde_json::Value = serde_json::from_str(&format!("{head}{result}{tail}")).unwrap();
/// assert_eq!(log["runs"][0]["results"][0]["ruleId"], "CL201");
/// ```
pub fn sarif_frame(lang: Lang) -> (String, String) {
    const MARK: &str = "\"client-lint:results\"";
    let mut log = sarif_log(lang);
    log["runs"][0]["results"] = json!([MARK.trim_matches('"')]);
    let text = serde_json::to_string_pretty(&log).unwrap_or_default();
    match text.split_once(MARK) {
        Some((head, tail)) => (head.to_string(), tail.to_string()),
        None => (text, String::new()),
    }
}

/// The `invocations` member that says a run left results out: GitHub code
/// scanning takes at most 25,000 results a run, so a writer that stops there
/// tells the reader how many more there were
/// (`toolExecutionNotifications`, SARIF 2.1.0 section 3.20.21).
///
/// ```
/// use client_lint::{Lang, render::sarif_results_omitted};
/// let member = sarif_results_omitted(25_000, 3, Lang::En);
/// let v: serde_json::Value = serde_json::from_str(&format!("{{{member}}}")).unwrap();
/// let note = &v["invocations"][0]["toolExecutionNotifications"][0];
/// assert_eq!(note["descriptor"]["id"], "client-lint/results-omitted");
/// assert!(note["message"]["text"].as_str().unwrap().contains("3 more results"));
/// ```
pub fn sarif_results_omitted(kept: usize, omitted: usize, lang: Lang) -> String {
    let text = match lang {
        Lang::Ru => format!(
            "в журнале первые {kept} {} из {}: ещё {omitted} {} не записаны (GitHub принимает не больше {kept} за запуск); \
             полный список даёт --format json",
            crate::i18n::ru_form(kept, ("результат", "результата", "результатов")),
            kept + omitted,
            crate::i18n::ru_form(omitted, ("результат", "результата", "результатов")),
        ),
        _ => format!(
            "the log holds the first {kept} of {} results: {omitted} more results were left out \
             (GitHub code scanning takes at most {kept} a run); --format json lists them all",
            kept + omitted
        ),
    };
    let invocation = json!([{
        "executionSuccessful": true,
        "toolExecutionNotifications": [{
            "level": "warning",
            "descriptor": {"id": "client-lint/results-omitted"},
            "message": {"text": text},
        }],
    }]);
    format!("\"invocations\":{invocation}")
}

/// [`sarif_result`] as text, written directly rather than built as a
/// `serde_json::Value` first: the same bytes as `sarif_result(…).to_string()`
/// (keys in sorted order, as serde_json's map keeps them unless its
/// `preserve_order` feature is on), about three times as fast. `--format
/// sarif` writes these.
///
/// ```
/// use client_lint::render::{sarif_result, sarif_result_text};
/// let report = client_lint::lint_str(r#"{"type": "j"}"#, &Default::default());
/// let d = &report.diagnostics()[0];
/// assert_eq!(sarif_result_text(d, "a.json", 0), sarif_result(d, "a.json", 0).to_string());
/// ```
pub fn sarif_result_text(d: &Diagnostic, path: &str, record: usize) -> String {
    use super::json::{number, string};
    let uri = uri(path);
    let artifact = |out: &mut String| {
        out.push_str("{\"uri\":");
        string(out, &uri);
        out.push('}');
    };
    let mut out = String::with_capacity(512);
    out.push('{');
    if let Some((fix, (span, new))) = d.fix().and_then(|f| Some((f, f.edit()?))) {
        out.push_str("\"fixes\":[{\"artifactChanges\":[{\"artifactLocation\":");
        artifact(&mut out);
        out.push_str(",\"replacements\":[{\"deletedRegion\":{\"byteLength\":");
        number(&mut out, span.len());
        out.push_str(",\"byteOffset\":");
        number(&mut out, span.start);
        out.push_str("},\"insertedContent\":{\"text\":");
        string(&mut out, new);
        out.push_str("}}]}],\"description\":{\"text\":");
        let description = match fix.value() {
            Some(v) => format!("replace the value with {v} ({})", fix.applicability().as_str()),
            None => format!("remove {} ({})", fix.pointer(), fix.applicability().as_str()),
        };
        string(&mut out, &description);
        out.push_str("}}],");
    }
    out.push_str("\"level\":");
    string(&mut out, level(d.severity()));
    out.push_str(",\"locations\":[{");
    if let Some(p) = d.pointer_text() {
        out.push_str("\"logicalLocations\":[{\"fullyQualifiedName\":");
        string(&mut out, &p);
        out.push_str(",\"kind\":\"member\"}],");
    }
    out.push_str("\"physicalLocation\":{\"artifactLocation\":");
    artifact(&mut out);
    if let (Some(s), Some(e), Some(span)) = (d.start(), d.end(), d.span()) {
        out.push_str(",\"region\":{\"byteLength\":");
        number(&mut out, span.len());
        out.push_str(",\"byteOffset\":");
        number(&mut out, span.start);
        out.push_str(",\"endColumn\":");
        number(&mut out, e.column);
        out.push_str(",\"endLine\":");
        number(&mut out, e.line);
        out.push_str(",\"startColumn\":");
        number(&mut out, s.column);
        out.push_str(",\"startLine\":");
        number(&mut out, s.line);
        out.push('}');
    }
    out.push_str("}}],\"message\":{\"text\":");
    let message = match d.help() {
        Some(h) => format!("{} ({h})", d.message()),
        None => d.message().to_string(),
    };
    string(&mut out, &message);
    out.push_str("},\"properties\":{\"name\":");
    string(&mut out, d.name());
    out.push_str(",\"record\":");
    number(&mut out, record);
    out.push_str("},\"ruleId\":");
    string(&mut out, d.code());
    out.push_str(",\"ruleIndex\":");
    number(&mut out, d.rule() as usize);
    out.push('}');
    out
}

/// One finding as a SARIF result: rule, level, message with help, region,
/// logical location (the JSON Pointer), the record, and the fix.
pub fn sarif_result(d: &Diagnostic, path: &str, record: usize) -> Value {
    let artifact = json!({"uri": uri(path)});
    let mut message = d.message().to_string();
    if let Some(h) = d.help() {
        message.push_str(" (");
        message.push_str(h);
        message.push(')');
    }
    let mut location = json!({"physicalLocation": {"artifactLocation": artifact.clone()}});
    if let (Some(s), Some(e), Some(span)) = (d.start(), d.end(), d.span()) {
        location["physicalLocation"]["region"] = json!({
            "startLine": s.line, "startColumn": s.column,
            "endLine": e.line, "endColumn": e.column,
            "byteOffset": span.start, "byteLength": span.len(),
        });
    }
    if let Some(p) = d.pointer_text() {
        location["logicalLocations"] = json!([{"fullyQualifiedName": p, "kind": "member"}]);
    }
    let mut result = json!({
        "ruleId": d.code(),
        "ruleIndex": d.rule() as usize,
        "level": level(d.severity()),
        "message": {"text": message},
        "locations": [location],
        "properties": {"record": record, "name": d.name()},
    });
    if let Some((fix, (span, new))) = d.fix().and_then(|f| Some((f, f.edit()?))) {
        let description = match fix.value() {
            Some(v) => format!("replace the value with {v}"),
            None => format!("remove {}", fix.pointer()),
        };
        result["fixes"] = json!([{
            "description": {"text": format!("{description} ({})", fix.applicability().as_str())},
            "artifactChanges": [{
                "artifactLocation": artifact,
                "replacements": [{
                    "deletedRegion": {"byteOffset": span.start, "byteLength": span.len()},
                    "insertedContent": {"text": new},
                }],
            }],
        }]);
    }
    result
}
