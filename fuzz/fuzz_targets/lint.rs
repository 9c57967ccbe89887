//! Arbitrary bytes → lint (one document and as a batch) → every output format.
//! Checks: no panic; every span lies inside the input on character
//! boundaries; line and column agree with the span; every pointer resolves in
//! the document; a pointer is null only for syntax and encoding findings; an
//! array read in small parts gives the records read whole; the JSON and
//! SARIF writers write what serde_json writes.
#![no_main]

use client_lint::render::{FileFindings, HumanStyle, Source};
use client_lint::{Diagnostic, Lang, Layout, Options, Rule};
use libfuzzer_sys::fuzz_target;

/// Line and column of `offset`: columns count Unicode scalar values, and a
/// byte order mark at the start is no column (editors do not show it).
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let mut column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    if line == 1 && before.starts_with('\u{FEFF}') {
        column -= 1;
    }
    (line, column)
}

fn check(text: &str, d: &Diagnostic, doc: Option<&serde_json::Value>) {
    if let Some(span) = d.span() {
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?}"
        );
        let (s, e) = (d.start().unwrap(), d.end().unwrap());
        assert_eq!((s.line, s.column), position(text, span.start));
        assert_eq!((e.line, e.column), position(text, span.end));
    }
    match d.pointer() {
        None => assert!(
            matches!(
                d.rule(),
                Rule::SyntaxError | Rule::InvalidEncoding | Rule::ByteOrderMark
            ),
            "{d:?}"
        ),
        Some(p) => {
            if let Some(doc) = doc {
                assert!(doc.pointer(p).is_some(), "pointer {p} does not resolve in {doc}");
            }
        }
    }
    if let Some((span, _)) = d.fix().and_then(|f| f.edit()) {
        assert!(
            span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let options = Options::default();
    let report = client_lint::lint_slice(data, &options);
    let Ok(text) = std::str::from_utf8(data) else {
        assert_eq!(report.diagnostics()[0].name(), "invalid-encoding");
        return;
    };
    // serde_json agrees on what parses, except for what it rejects and we
    // accept (depth beyond its 128 limit): pointers are checked where it parses.
    let doc: Option<serde_json::Value> = serde_json::from_str(text).ok();
    for d in report.diagnostics() {
        check(
            text,
            d,
            if report.has_syntax_error() {
                None
            } else {
                doc.as_ref()
            },
        );
    }
    // The JSON writer writes what serde_json writes, but for DEL, C1 and
    // bidirectional controls, which it escapes: the same value, and the same
    // bytes where there are none.
    let ours = client_lint::render::json_array(report.diagnostics());
    let theirs = serde_json::to_string(report.diagnostics()).unwrap();
    let inert = |c: char| c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c) || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    assert!(!ours.chars().any(inert), "{ours}");
    if theirs.chars().any(inert) {
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&ours).unwrap(),
            serde_json::from_str::<serde_json::Value>(&theirs).unwrap()
        );
    } else {
        assert_eq!(ours, theirs);
    }
    let records = client_lint::lint_records(text, &options, Layout::Auto);
    // The rules across records, twice over the same records: the second pass
    // finds every keyed record again.
    let mut fleet = client_lint::fleet::Fleet::new(&options);
    let mut again = records.clone();
    fleet.add_records("fuzz.json", text, &mut again.clone());
    fleet.add_records("fuzz.json", text, &mut again);
    for (r, a) in records.iter().zip(&again) {
        assert!(a.report.diagnostics().len() >= r.report.diagnostics().len());
    }
    let mut files = FileFindings {
        path: "fuzz.json".into(),
        findings: Vec::new(),
    };
    for r in &records {
        for d in r.report.diagnostics() {
            check(text, d, None);
            let _ = client_lint::render::human(
                d,
                &Source::new("fuzz.json", text),
                Some(r.index),
                &HumanStyle {
                    color: true,
                    lang: Lang::Ru,
                    // Narrow, so that long lines are cut around every span.
                    width: 30,
                },
            );
            let _ = client_lint::render::json_record(d, "fuzz.json", r.index);
            // The same result; compared as values, since the order of a
            // `serde_json::Value`'s keys depends on serde_json's features.
            let sarif: serde_json::Value =
                serde_json::from_str(&client_lint::render::sarif_result_text(d, "fuzz.json", r.index)).unwrap();
            assert_eq!(sarif, client_lint::render::sarif_result(d, "fuzz.json", r.index));
            let _ = client_lint::render::github(d, "fuzz.json");
            files.findings.push((r.index, d.clone()));
        }
    }
    // In parts of a few bytes (the first byte picks how many), joined.
    if let Some(parts) = client_lint::stream::ArrayParts::new(text, usize::from(data.first().copied().unwrap_or(0) % 16) + 1) {
        let mut joiner = client_lint::stream::Joiner::new();
        let mut joined = Vec::new();
        for part in parts {
            joined.extend(joiner.join(text, &options, part.lint(text, &options)));
        }
        joined.extend(joiner.finish(text, &options));
        assert_eq!(joined.len(), records.len());
        for (a, b) in joined.iter().zip(&records) {
            assert_eq!(a.index, b.index);
            let (da, db) = (a.report.diagnostics(), b.report.diagnostics());
            assert_eq!(da.len(), db.len());
            for (x, y) in da.iter().zip(db) {
                // Fixes may differ: a whole broken file has none; records
                // joined before the broken one keep theirs.
                assert_eq!((x.rule(), x.span(), x.start(), x.end(), x.message()), (y.rule(), y.span(), y.start(), y.end(), y.message()));
            }
        }
    }
    let log = client_lint::render::sarif(&[files], Lang::En);
    assert_eq!(log["version"], "2.1.0");
});
