//! Inputs the fuzzers found that once broke something; each says what broke.

use client_lint::render::{FileFindings, HumanStyle, Source};
use client_lint::{Lang, Layout, Options};

/// Lint and render in every format, as the `lint` fuzz target does.
fn lint_and_render(data: &[u8]) -> usize {
    let Ok(text) = std::str::from_utf8(data) else {
        return 0;
    };
    let mut n = 0;
    let mut files = FileFindings {
        path: "f.json".into(),
        findings: Vec::new(),
    };
    for r in client_lint::lint_records(text, &Options::default(), Layout::Auto) {
        for d in r.report.diagnostics() {
            for lang in [Lang::En, Lang::Ru] {
                let out = client_lint::render::human(
                    d,
                    &Source::new("f.json", text),
                    Some(r.index),
                    &HumanStyle {
                        color: false,
                        lang,
                        width: 0,
                    },
                );
                assert!(out.contains(d.code()));
            }
            let _ = client_lint::render::json_record(d, "f.json", r.index);
            let _ = client_lint::render::github(d, "f.json");
            files.findings.push((r.index, d.clone()));
            n += 1;
        }
    }
    let _ = client_lint::render::sarif(&[files], Lang::En);
    n
}

/// fuzz/lint crash-3202e682: an error at the end of input after bare `\r`s.
/// The human renderer trimmed the `\r`s from its excerpt but kept the caret's
/// start beyond it, and annotate-snippets panicked ("Annotation range `5..5`
/// is beyond the end of buffer `1`").
#[test]
fn caret_after_trailing_carriage_returns() {
    assert_eq!(lint_and_render(b"{\r\r\r\r"), 1);
    assert_eq!(lint_and_render(b"{\"type\": \"x\"\r\r}"), 1);
}

/// fuzz/fix crash-37a400fe: a `geo_list` token with digits (`R111…1U`) was
/// called non-canonical, with a "safe fix" to the very same text, so fixing
/// never converged. The upper-cased token was compared by allocation, not by
/// content. Now a token is borrowed whenever upper-casing changes nothing, and
/// no fix that would write back the same text is ever offered.
#[test]
fn geo_list_tokens_with_digits_are_not_called_non_canonical() {
    let text = r#"{"geo_list": "R111U"}"#;
    let report = client_lint::lint_str(text, &Options::default());
    let names: Vec<_> = report
        .diagnostics()
        .iter()
        .map(client_lint::Diagnostic::name)
        .collect();
    assert_eq!(names, ["unknown-country"]);
    let fixed = client_lint::fix_str(text, &Options::default(), client_lint::UnsafeFixes::Skip);
    assert_eq!(fixed.text, text);
    let again = client_lint::lint_str(&fixed.text, &Options::default());
    assert!(again.diagnostics().iter().all(|d| d.fix().is_none()));
}

/// fuzz/fields crash-85c8ed67: `+` then U+FEFF and a control byte as a time
/// zone. The offset parser split the four bytes after the sign at byte 2,
/// inside the three-byte U+FEFF, and panicked. Offsets are ASCII; anything
/// else is not an offset.
#[test]
fn offset_parsing_never_splits_a_character() {
    for s in ["+\u{feff}\u{19}", "-\u{2212}жж", "UTC+жж", "GMT-\u{feff}"] {
        assert!(client_lint::values::parse_timezone(s).is_err());
        let doc = serde_json::json!({ "timezone": s }).to_string();
        assert_eq!(lint_and_render(doc.as_bytes()), 1, "{s:?}");
    }
}

/// fuzz/lint crash-e1a60778: a syntax error after one complete member (`id`)
/// left a partial root with no closing brace; the fix removing `id` assumed
/// one and cut "everything before the last byte", which fell inside a
/// three-byte character. A partial object now removes just the member.
#[test]
fn removal_spans_in_a_partial_object_stay_on_character_boundaries() {
    let text = "{\n  \"id\": 42,\n  \"name\": \" Acme\u{feff}\n}";
    let report = client_lint::lint_str(text, &Options::default());
    for d in report.diagnostics() {
        if let Some((span, _)) = d.fix().and_then(|f| f.edit()) {
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{d:?}"
            );
            assert_eq!(&text[span.start..span.end], "\"id\": 42");
        }
    }
    assert!(lint_and_render(text.as_bytes()) >= 2);
}

/// Fuzz (fix target): once lone surrogates became valid grammar (decoded as
/// U+FFFD), mapping a position inside an escaped string back to the text
/// still read every high surrogate as half of a pair: the span landed inside
/// a character and slicing panicked. `"\ud800 UK"` and `"\ud83europ…"`.
#[test]
fn spans_after_a_lone_surrogate_in_an_escaped_string() {
    for (doc, rule, at) in [
        (r#"{"geo_list": "\ud800 UK"}"#, "unknown-country", "UK"),
        (r#"{"name": "\ud83e\u0007x"}"#, "control-character", "\\u0007"),
        (
            r#"{"name": "\udc00\ud83d\ude00\u0007"}"#,
            "control-character",
            "\\u0007",
        ),
    ] {
        let report = client_lint::lint_str(doc, &Options::default());
        let texts: Vec<&str> = report
            .diagnostics()
            .iter()
            .filter(|d| d.name() == rule)
            .map(|d| d.span().unwrap())
            .map(|s| &doc[s.start..s.end])
            .collect();
        assert!(texts.contains(&at), "{doc}: {texts:?}");
    }
    // A copy of the fuzz seed (fuzz/ is not packaged), read as text with
    // its NUL bytes and lone surrogate escapes.
    let bytes = include_bytes!("data/regressions/lone-surrogate-then-text-in-a-string");
    let text = std::str::from_utf8(bytes).expect("the seed is UTF-8");
    assert!(
        text.contains("\\ud83d"),
        "the seed holds its lone surrogate escape"
    );
    let _ = client_lint::fix_str(text, &Options::default(), client_lint::UnsafeFixes::Skip);
}
