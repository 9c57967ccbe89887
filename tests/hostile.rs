//! Hostile input: each gets a clear diagnostic or a documented limit, in
//! linear time, never a crash. (Speed is measured in benches/, not here.)

use client_lint::{Layout, Options, lint_records, lint_slice, lint_str};

/// Every finding kept: these tests are about scale (the default cap keeps
/// 1,000 per record; tests/linear.rs checks it).
fn unlimited() -> Options {
    Options::new().with_max_findings(usize::MAX)
}

fn names(text: &str) -> Vec<&'static str> {
    lint_str(text, &Options::default())
        .diagnostics()
        .iter()
        .map(client_lint::Diagnostic::name)
        .collect()
}

#[test]
fn a_million_levels_deep_in_an_unknown_field() {
    let depth = 1_000_000;
    let text = format!(
        r#"{{"extra": {}{}, "type": "x"}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let r = lint_str(&text, &Options::default());
    let n: Vec<_> = r
        .diagnostics()
        .iter()
        .map(client_lint::Diagnostic::name)
        .collect();
    assert_eq!(
        n,
        ["unknown-key", "nesting-too-deep", "unknown-client-type"],
        "the rest is still checked"
    );
}

#[test]
fn a_million_levels_deep_in_a_known_field() {
    let depth = 1_000_000;
    let text = format!(
        r#"{{"name": {}{}, "type": "J"}}"#,
        "{\"a\":".repeat(depth),
        "}".repeat(depth)
    );
    assert_eq!(names(&text), ["wrong-type"]);
    // Unclosed: a syntax error at the end, not a stack overflow.
    let text = format!(r#"{{"name": {}"#, "[".repeat(depth));
    assert_eq!(names(&text), ["syntax-error"]);
}

#[test]
fn a_deep_value_given_to_lint_value() {
    // Built by hand: `json!([v])` would re-serialise `v` recursively.
    let mut v = serde_json::Value::from(1);
    for _ in 0..100_000 {
        v = serde_json::Value::Array(vec![v]);
    }
    let mut map = serde_json::Map::new();
    map.insert("extra".into(), v);
    let doc = serde_json::Value::Object(map);
    let r = client_lint::lint_value(&doc, &Options::default());
    assert!(r.diagnostics().iter().any(|d| d.name() == "nesting-too-deep"));
    // serde_json drops deep values recursively; leak it to spare the test's stack.
    std::mem::forget(doc);
}

#[test]
fn a_100_mb_string_value() {
    let big = "a".repeat(100 << 20);
    let text = format!(r#"{{"name": "{big}", "timezone": "{big}"}}"#);
    assert_eq!(names(&text), ["unknown-timezone"]);
}

#[test]
fn a_million_country_codes() {
    let codes = "RU ".repeat(1_000_000);
    let text = format!(r#"{{"geo_list": "{codes}XX"}}"#);
    let r = lint_str(&text, &unlimited());
    // One duplicate finding per repetition, one unknown code, all in order.
    assert_eq!(r.diagnostics().len(), 1_000_000);
    assert_eq!(r.diagnostics().last().unwrap().name(), "unknown-country");
    // `XX` has no hint: no fix could leave a valid list, so none is offered.
    assert_eq!(r.diagnostics().iter().filter(|d| d.fix().is_some()).count(), 0);
    // A valid list with a million repeats: only the first duplicate carries
    // the (whole-value) fix, so memory stays linear.
    let text = format!(r#"{{"geo_list": "{codes}BY"}}"#);
    let r = lint_str(&text, &unlimited());
    assert_eq!(r.diagnostics().len(), 999_999);
    assert_eq!(r.diagnostics().iter().filter(|d| d.fix().is_some()).count(), 1);
    let fixed = client_lint::fix_str(&text, &unlimited(), client_lint::UnsafeFixes::Skip);
    assert_eq!(fixed.text, r#"{"geo_list": "RU BY"}"#);
}

#[test]
fn a_hundred_thousand_unknown_and_duplicate_keys() {
    let unknown: Vec<String> = (0..100_000).map(|i| format!("\"key{i}\": {i}")).collect();
    let text = format!("{{{}}}", unknown.join(","));
    assert_eq!(lint_str(&text, &unlimited()).diagnostics().len(), 100_000);
    let dups = vec!["\"name\": \"a\""; 100_000].join(",");
    let r = lint_str(&format!("{{{dups}}}"), &unlimited());
    assert_eq!(
        r.diagnostics()
            .iter()
            .filter(|d| d.name() == "duplicate-key")
            .count(),
        99_999
    );
    // Many keys in a nested object, each twice: past the scan, into the set.
    let keys: Vec<String> = (0..20_000).map(|i| format!("\"k{}\": 1", i % 10_000)).collect();
    let r = lint_str(&format!("{{\"extra\": {{{}}}}}", keys.join(",")), &unlimited());
    let dups: Vec<_> = r
        .diagnostics()
        .iter()
        .filter(|d| d.name() == "duplicate-key")
        .collect();
    assert_eq!(dups.len(), 10_000);
    assert_eq!(dups[0].pointer(), Some("/extra/k0"));
}

#[test]
fn encodings_and_bytes() {
    let ru = |b: &[u8]| -> Vec<&'static str> {
        lint_slice(b, &Options::default())
            .diagnostics()
            .iter()
            .map(client_lint::Diagnostic::name)
            .collect()
    };
    assert_eq!(ru(b"{\"name\": \"\xff\"}"), ["invalid-encoding"]);
    let utf16: Vec<u8> = "\u{feff}{\"name\": \"a\"}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(ru(&utf16), ["invalid-encoding"]);
    assert_eq!(ru("\u{feff}{\"type\": \"J\"}".as_bytes()), ["byte-order-mark"]);
    assert_eq!(ru(b"{\"name\": \"a\0b\"}"), ["syntax-error"]);
    assert_eq!(ru(b"{\"name\": \"a\\u0000b\"}"), ["control-character"]);
    assert_eq!(ru(b"\0\0\0"), ["syntax-error"]);
    assert_eq!(ru(b"{\"name\": \"abc\\"), ["syntax-error"]);
    assert_eq!(ru(b"{\"name\": \"abc\\u12"), ["syntax-error"]);
}

#[test]
fn numbers_beyond_every_range() {
    let big = "9".repeat(300);
    for (doc, want) in [
        // By value (issue 20): 1e400 is a whole number, out of range.
        (r#"{"hold_music": 1e400}"#.to_string(), "id-out-of-range"),
        (r#"{"hold_music": 1e-400}"#.to_string(), "number-not-integer"),
        (format!(r#"{{"hold_music": 1e{big}}}"#), "id-out-of-range"),
        (format!(r#"{{"hold_music": {big}}}"#), "id-out-of-range"),
        (format!(r#"{{"hold_music": -{big}}}"#), "id-out-of-range"),
        (
            format!(r#"{{"disk_space_notify_threshold": {big}, "disk_space_notify_email": "a@b.cd"}}"#),
            "threshold-out-of-range",
        ),
        (
            r#"{"disk_space_notify_threshold": 1e2, "disk_space_notify_email": "a@b.cd"}"#.to_string(),
            "non-canonical-integer",
        ),
        (r#"{"extension_len": 1e400}"#.to_string(), "wrong-type"),
    ] {
        assert_eq!(names(&doc), [want], "{doc}");
    }
}

#[test]
fn surrogates_and_escaped_keys() {
    // Valid grammar: reported at the value, and the rest is checked.
    assert_eq!(names(r#"{"name": "\ud800"}"#), ["lone-surrogate"]);
    assert_eq!(
        names(r#"{"name": "\udc00\ud800", "type": "j"}"#),
        ["lone-surrogate", "lone-surrogate", "client-type-wrong-case"]
    );
    assert_eq!(names(r#"{"a\ud800": 1}"#), ["unknown-key", "lone-surrogate"]);
    assert_eq!(names(r#"{"name": "\ud83d\ude00"}"#), Vec::<&str>::new());
    // `ty\u0070e` is `type`: checked as `type`, and a duplicate of it.
    assert_eq!(names(r#"{"ty\u0070e": "x"}"#), ["unknown-client-type"]);
    assert_eq!(names(r#"{"type": "J", "ty\u0070e": "F"}"#), ["duplicate-key"]);
}

#[test]
fn a_million_ndjson_records() {
    let line = "{\"type\": \"J\", \"timezone\": \"Europe/Moscow\"}\n";
    let text = line.repeat(1_000_000);
    let records = lint_records(&text, &Options::default(), Layout::Ndjson);
    assert_eq!(records.len(), 1_000_000);
    assert!(records.iter().all(|r| r.report.diagnostics().is_empty()));
}

#[test]
fn fix_never_touches_broken_text() {
    for text in [
        "{\"type\": \"j\"",
        "{\"type\": \"j\",}",
        "\u{feff}{\"type\": \"j\" x}",
    ] {
        assert_eq!(
            client_lint::fix_str(text, &Options::default(), client_lint::UnsafeFixes::Apply).text,
            text
        );
    }
}
