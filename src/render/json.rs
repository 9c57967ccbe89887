use serde::Serialize;

use crate::diagnostic::Diagnostic;

#[derive(Serialize)]
struct WithPlace<'a> {
    #[serde(flatten)]
    diagnostic: &'a Diagnostic,
    file: &'a str,
    record: usize,
}

/// The diagnostic record plus `file` and `record` (0-based), on one line, in
/// the documented key order, as printed by `--format json` (in an array) and
/// `--format jsonl` (one per line).
///
/// ```
/// let report = client_lint::lint_str(r#"{"type": "x"}"#, &Default::default());
/// let line = client_lint::render::json_record(&report.diagnostics()[0], "a.json", 0);
/// assert!(line.starts_with(r#"{"code":"CL202","name":"unknown-client-type","severity":"error""#));
/// assert!(line.ends_with(r#""file":"a.json","record":0}"#));
/// ```
pub fn json_record(d: &Diagnostic, file: &str, record: usize) -> String {
    serde_json::to_string(&WithPlace {
        diagnostic: d,
        file,
        record,
    })
    .unwrap_or_default()
}
