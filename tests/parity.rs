//! One grammar per field: a field's public parser and the linter agree on
//! every value. For each structured string field, `parse_x(v)` is `Ok` exactly
//! when linting `{"field": v}` (response mode, so ownership does not
//! interfere) reports no error at `/field`. For `language`, and for the empty
//! string (a deliberate warning), the parser is `Ok` exactly when there is no
//! finding at all.

use client_lint::fields::{FIELDS, ValueKind};
use client_lint::values::FieldError;
use client_lint::{Mode, Options, Severity};
use proptest::prelude::*;

/// The fields whose parsers the invariant covers.
const PARSED: &[&str] = &[
    "type",
    "email",
    "timezone",
    "language",
    "domain",
    "domain_prefix",
    "prefix",
    "extension_len",
    "create_date",
    "geo_list",
    "disk_space_notify_email",
];

/// Valid values and near misses, per field: the seeds that mutations start from.
fn seeds(field: &str) -> &'static [&'static str] {
    match field {
        "type" => &["J", "F", "j", "f", "X", "legal", "JF"],
        "email" | "disk_space_notify_email" => &[
            "joe@example.com",
            "joe.bloggs+tag@mail.example.org",
            "\"joe bloggs\"@example.com",
            "joe@[IPv6:2001:db8::1]",
            "joe@[192.0.2.1]",
            "Joe <joe@example.com>",
            "a@example.com, b@example.com",
            "joe@localhost",
            "joe..bloggs@example.com",
            "joe@invalid=domain.com",
            "\"joe\"bloggs@example.com",
        ],
        "timezone" => &[
            "UTC",
            "Europe/Moscow",
            "America/New_York",
            "Europe/Kiev",
            "US/Eastern",
            "Etc/GMT-3",
            "europe/moscow",
            "utc",
            "Europe/Moskow",
            "MSK",
            "+03:00",
            "GMT+3",
        ],
        "language" => &["ru", "en", "RU", "ru-RU", "russian", "r"],
        "domain" => &[
            "pbx.example.com",
            "a",
            "xn--e1afmkfd.xn--p1ai",
            "PBX.Example.com",
            "https://pbx.example.com/",
            "pbx_1.example.com",
            "-a.com",
            "a..b",
        ],
        "domain_prefix" | "prefix" => &["12345", "0", "12a", "12-345", "+7"],
        "extension_len" => &["2", "3", "4", "5", "03", "three"],
        "create_date" => &[
            "2024-02-29 23:59:59",
            "2023-01-01 00:00:00",
            "2023-02-29 10:00:00",
            "2024-01-01T10:00:00",
            "2024-13-01 00:00:00",
        ],
        "geo_list" => &[
            "*", "RU", "RU US BY", "RU RU", "ru by", "RU,BY", "RU UK", "RUS", "* RU", "ru-by",
        ],
        other => panic!("no seeds for {other}"),
    }
}

/// White space of every kind the issue names, and more of Unicode's.
const PADDING: &[&str] = &[
    " ", "\t", "\n", "\r\n", "\r", "\u{a0}", "\u{2028}", "\u{3000}", "\u{85}", "\u{2003}", "\u{feff}",
];

/// Control characters, C0, DEL and C1.
const CONTROLS: &[&str] = &["\u{0}", "\u{7}", "\u{1b}", "\u{7f}", "\r", "\n", "\t", "\u{9b}"];

fn response() -> Options {
    Options::new().with_mode(Mode::Response)
}

/// What the linter says about `{"field": value}` at `/field`: (any error, any finding).
fn lint(field: &str, value: &str) -> (bool, bool, String) {
    let doc = serde_json::json!({ field: value }).to_string();
    let report = client_lint::lint_str(&doc, &response());
    let pointer = format!("/{field}");
    let at: Vec<_> = report
        .diagnostics()
        .iter()
        .filter(|d| d.pointer() == Some(pointer.as_str()))
        .collect();
    let errors = at.iter().any(|d| d.severity() == Severity::Error);
    let described = at
        .iter()
        .map(|d| format!("{} {}: {}", d.code(), d.severity().as_str(), d.message()))
        .collect::<Vec<_>>()
        .join("; ");
    (errors, !at.is_empty(), described)
}

fn parse(field: &str, value: &str) -> Result<(), FieldError> {
    client_lint::fields::field(field)
        .and_then(|f| f.parse(value))
        .unwrap_or_else(|| panic!("{field} has no parser"))
}

/// The invariant, as a `Result` for proptest.
fn agrees(field: &str, value: &str) -> Result<(), String> {
    let parsed = parse(field, value);
    let (errors, findings, described) = lint(field, value);
    let ok = parsed.is_ok();
    let fine = if field == "language" || value.is_empty() {
        !findings
    } else {
        !errors
    };
    if ok != fine {
        return Err(format!(
            "{field} = {value:?}: parser says {parsed:?}, linter says [{described}]"
        ));
    }
    if value.is_empty() && errors {
        return Err(format!(
            "{field} = \"\": the empty string is a warning, not an error: [{described}]"
        ));
    }
    Ok(())
}

#[test]
fn the_field_table_has_a_parser_for_exactly_these_fields() {
    let mut with_parser: Vec<_> = FIELDS
        .iter()
        .filter(|f| f.parse("").is_some())
        .map(|f| f.name)
        .collect();
    let mut want = PARSED.to_vec();
    with_parser.sort_unstable();
    want.sort_unstable();
    assert_eq!(with_parser, want);
    for f in FIELDS.iter().filter(|f| f.parse("").is_some()) {
        assert_eq!(f.kind, ValueKind::Structured, "{}", f.name);
    }
}

/// The cases that were wrong before (issue 8), and every padding around every
/// valid seed: each must be an error, from the parser and from the linter.
#[test]
fn padded_and_broken_structured_values_are_errors() {
    let fixed: &[(&str, &str)] = &[
        ("type", " J"),
        ("extension_len", "3 "),
        ("timezone", "UTC\n"),
        ("domain_prefix", "\t123"),
        ("email", "admin@example.com\r\n"),
        ("disk_space_notify_email", "\nops@example.com"),
        ("domain", "pbx.example.com\u{a0}"),
        ("create_date", "\u{3000}2024-02-29 23:59:59"),
        ("language", "ru\u{2028}"),
        ("prefix", "2566\r\n"),
        ("geo_list", " RU"),
        ("geo_list", "RU\t"),
        ("geo_list", " "),
        ("timezone", "  "),
    ];
    for (field, value) in fixed {
        assert!(parse(field, value).is_err(), "{field} = {value:?} parses");
        let (errors, _, described) = lint(field, value);
        assert!(errors, "{field} = {value:?}: no error: [{described}]");
    }
    for field in PARSED {
        for seed in seeds(field) {
            if parse(field, seed).is_err() {
                continue;
            }
            for pad in PADDING.iter().filter(|p| p.trim().is_empty()) {
                for value in [format!("{pad}{seed}"), format!("{seed}{pad}")] {
                    assert!(parse(field, &value).is_err(), "{field} = {value:?} parses");
                    let (errors, _, described) = lint(field, &value);
                    assert!(errors, "{field} = {value:?}: no error: [{described}]");
                }
            }
        }
    }
}

/// Every seed of every field, as written: parser and linter agree.
#[test]
fn seeds_agree() {
    for field in PARSED {
        for seed in seeds(field).iter().chain(&[""]) {
            agrees(field, seed).unwrap();
        }
    }
}

fn field() -> impl Strategy<Value = &'static str> {
    prop::sample::select(PARSED.to_vec())
}

/// A value near a seed of `field`: padded, with a control character, in
/// another case, with a character dropped, doubled or replaced; or random.
fn value_for(field: &'static str) -> impl Strategy<Value = String> {
    let seed = prop::sample::select(seeds(field).to_vec());
    let noise = prop::sample::select(
        PADDING
            .iter()
            .chain(CONTROLS)
            .copied()
            .chain(["@", ".", "-", "*", ",", "\"", "a", "Z", "0", "Ж", "😀"])
            .collect::<Vec<_>>(),
    );
    prop_oneof![
        seed.clone().prop_map(str::to_string),
        (seed.clone(), noise.clone(), any::<bool>()).prop_map(|(s, p, front)| if front {
            format!("{p}{s}")
        } else {
            format!("{s}{p}")
        }),
        (seed.clone(), noise.clone(), any::<prop::sample::Index>()).prop_map(|(s, c, i)| {
            let at = char_boundary(s, i);
            format!("{}{c}{}", &s[..at], &s[at..])
        }),
        (seed.clone(), any::<bool>()).prop_map(|(s, up)| if up {
            s.to_uppercase()
        } else {
            s.to_lowercase()
        }),
        (seed.clone(), any::<prop::sample::Index>()).prop_map(|(s, i)| {
            let at = char_boundary(s, i);
            let mut out = s.to_string();
            if at < s.len() {
                out.remove(at);
            }
            out
        }),
        (seed, any::<prop::sample::Index>()).prop_map(|(s, i)| {
            let at = char_boundary(s, i);
            let c = s[at..].chars().next().unwrap_or('x');
            format!("{}{c}{}", &s[..at], &s[at..])
        }),
        "[ -~\\t\\n\u{a0}\u{3000}Жё]{0,12}",
    ]
}

/// A character boundary of `s` chosen by `i`.
fn char_boundary(s: &str, i: prop::sample::Index) -> usize {
    let bounds: Vec<usize> = s.char_indices().map(|(b, _)| b).chain([s.len()]).collect();
    bounds[i.index(bounds.len())]
}

proptest! {
    /// With proptest's default case count (256, or `PROPTEST_CASES`).
    #[test]
    fn parser_ok_exactly_when_the_linter_finds_no_error(
        (field, value) in field().prop_flat_map(|f| (Just(f), value_for(f)))
    ) {
        if let Err(e) = agrees(field, &value) {
            prop_assert!(false, "{}", e);
        }
    }
}

/// Every safe fix at a field leaves a value the field's parser accepts.
fn safe_fixes_are_accepted(field: &str, value: &str) -> Result<(), String> {
    let doc = serde_json::json!({ field: value }).to_string();
    let pointer = format!("/{field}");
    for d in client_lint::lint_str(&doc, &response()).diagnostics() {
        let Some(fix) = d
            .fix()
            .filter(|f| f.applicability() == client_lint::Applicability::Safe)
        else {
            continue;
        };
        if fix.pointer() != pointer {
            continue;
        }
        if let Some(fixed) = fix.value().and_then(|v| v.as_str())
            && let Err(e) = parse(field, fixed)
        {
            return Err(format!(
                "{field} = {value:?}: {} offers the safe fix {fixed:?}, which parses as {e:?}",
                d.code()
            ));
        }
    }
    Ok(())
}

#[test]
fn safe_fixes_of_the_issue_cases_are_accepted() {
    for (field, value) in [
        ("geo_list", "ru-by"),
        ("geo_list", "ru, uk"),
        ("geo_list", "RU RU UK"),
        ("geo_list", " * ru"),
    ] {
        safe_fixes_are_accepted(field, value).unwrap();
    }
    for field in PARSED {
        for seed in seeds(field) {
            for pad in ["", " ", "\t"] {
                safe_fixes_are_accepted(field, &format!("{pad}{seed}{pad}")).unwrap();
            }
        }
    }
}

proptest! {
    #[test]
    fn a_safe_fix_leaves_a_value_the_field_accepts(
        (field, value) in field().prop_flat_map(|f| (Just(f), value_for(f)))
    ) {
        if let Err(e) = safe_fixes_are_accepted(field, &value) {
            prop_assert!(false, "{}", e);
        }
    }
}
