//! Findings as JSON text, written directly: the same bytes as serialising
//! [`Diagnostic`] with serde_json (a test and the fuzzer hold them equal),
//! except that DEL, C1 and bidirectional controls are `\uXXXX` escapes (the
//! same string to a parser, inert in a terminal),
//! without serde's per-key escaping and with strings scanned eight bytes at a
//! time. About twice as fast: this is the error path of a server that answers
//! with its findings, and of `--format json`/`jsonl`.

use crate::diagnostic::{Diagnostic, Fix};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Append `s` as a JSON string, escaped as serde_json escapes: `"`, `\` and
/// control characters. Unlike serde_json, DEL, C1 controls and bidirectional
/// controls (which a terminal or a log viewer would act on: "Trojan Source")
/// are written as `\uXXXX` escapes too, so a file name or a fixed value can
/// never reorder or recolour what a reader of `--format json` sees; a JSON
/// parser reads back the same string.
pub(super) fn string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    while let Some(j) = crate::swar::string_end(&bytes[start..]) {
        let i = start + j;
        // `i` is an ASCII byte, so a character boundary.
        plain(out, &s[start..i]);
        match bytes[i] {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            b => {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
        start = i + 1;
    }
    plain(out, &s[start..]);
    out.push('"');
}

/// Append `s`, which has no `"`, `\\` or C0 control; DEL, C1 and
/// bidirectional controls (all in the Basic Multilingual Plane) as `\uXXXX`.
fn plain(out: &mut String, s: &str) {
    if !s.bytes().any(|b| b >= 0x7f) || !s.chars().any(crate::escape::is_unsafe) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        if crate::escape::is_unsafe(c) {
            let n = c as u32;
            out.push_str("\\u");
            for shift in [12, 8, 4, 0] {
                out.push(char::from(HEX[((n >> shift) & 0xf) as usize]));
            }
        } else {
            out.push(c);
        }
    }
}

pub(super) fn number(out: &mut String, n: usize) {
    out.push_str(itoa::Buffer::new().format(n));
}

fn fix(out: &mut String, f: &Fix) {
    out.push_str("{\"pointer\":");
    string(out, f.pointer());
    if let Some(v) = f.value() {
        out.push_str(",\"value\":");
        match v {
            serde_json::Value::String(s) => string(out, s),
            v => out.push_str(&v.to_string()),
        }
    }
    if f.is_remove() {
        out.push_str(",\"remove\":true");
    }
    out.push_str(",\"applicability\":");
    string(out, f.applicability().as_str());
    out.push('}');
}

/// Append one diagnostic record, with `file` and `record` when given.
fn record(out: &mut String, d: &Diagnostic, place: Option<(&str, usize)>) {
    out.push_str("{\"code\":");
    string(out, d.code());
    out.push_str(",\"name\":");
    string(out, d.name());
    out.push_str(",\"severity\":");
    string(out, d.severity().as_str());
    out.push_str(",\"pointer\":");
    match d.pointer_text() {
        Some(p) => string(out, &p),
        None => out.push_str("null"),
    }
    out.push_str(",\"message\":");
    string(out, d.message());
    if let Some(h) = d.help() {
        out.push_str(",\"help\":");
        string(out, h);
    }
    if let Some(s) = d.start() {
        out.push_str(",\"line\":");
        number(out, s.line);
        out.push_str(",\"column\":");
        number(out, s.column);
    }
    if let Some(e) = d.end() {
        out.push_str(",\"end_line\":");
        number(out, e.line);
        out.push_str(",\"end_column\":");
        number(out, e.column);
    }
    if let Some(span) = d.span() {
        out.push_str(",\"span\":{\"start\":");
        number(out, span.start);
        out.push_str(",\"end\":");
        number(out, span.end);
        out.push('}');
    }
    if let Some(f) = d.fix() {
        out.push_str(",\"fix\":");
        fix(out, f);
    }
    if let Some((file, index)) = place {
        out.push_str(",\"file\":");
        string(out, file);
        out.push_str(",\"record\":");
        number(out, index);
    }
    out.push('}');
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
    let mut out = String::with_capacity(384);
    self::record(&mut out, d, Some((file, record)));
    out
}

/// Append the diagnostic record of `d` to `out`: the object
/// [`json_array`] writes for it. For bindings that add members of their own
/// (JavaScript's UTF-16 offsets).
///
/// ```
/// let report = client_lint::lint_str(r#"{"type": "x"}"#, &Default::default());
/// let mut out = String::new();
/// client_lint::render::json_diagnostic(&mut out, &report.diagnostics()[0]);
/// assert_eq!(format!("[{out}]"), client_lint::render::json_array(report.diagnostics()));
/// ```
pub fn json_diagnostic(out: &mut String, d: &Diagnostic) {
    record(out, d, None);
}

/// The findings as one JSON array: the text `serde_json::to_string` gives
/// for them (DEL, C1 and bidirectional controls escaped), about twice as
/// fast. For a server that answers with its findings.
///
/// ```
/// let report = client_lint::lint_str(r#"{"type": "x", "geo_list": "ru"}"#, &Default::default());
/// let json = client_lint::render::json_array(report.diagnostics());
/// assert_eq!(json, serde_json::to_string(report.diagnostics()).unwrap());
/// assert!(json.starts_with(r#"[{"code":"CL202","name":"unknown-client-type""#));
/// ```
pub fn json_array(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::with_capacity(16 + 384 * diagnostics.len());
    out.push('[');
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        record(&mut out, d, None);
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, lint_str};
    use proptest::prelude::*;
    use serde::Serialize;

    /// What serde_json writes: the reference.
    #[derive(Serialize)]
    struct WithPlace<'a> {
        #[serde(flatten)]
        diagnostic: &'a Diagnostic,
        file: &'a str,
        record: usize,
    }

    /// The JSON records and the SARIF results, written directly and by
    /// serde_json.
    fn same_as_serde(text: &str, file: &str) -> Result<(), TestCaseError> {
        for options in [Options::default(), Options::new().with_lang(crate::Lang::Ru)] {
            let report = lint_str(text, &options);
            let d = report.diagnostics();
            prop_assert_eq!(json_array(d), serde_json::to_string(d).unwrap());
            for (i, d) in d.iter().enumerate() {
                let reference = serde_json::to_string(&WithPlace {
                    diagnostic: d,
                    file,
                    record: i,
                })
                .unwrap();
                prop_assert_eq!(json_record(d, file, i), reference);
                prop_assert_eq!(
                    crate::render::sarif_result_text(d, file, i),
                    crate::render::sarif_result(d, file, i).to_string()
                );
            }
        }
        Ok(())
    }

    const FIELDS: &[&str] = &[
        "type",
        "email",
        "timezone",
        "geo_list",
        "domain",
        "name",
        "extension_len",
        "hold_music",
        "extra_params",
        "colour",
        "language",
        "disk_space_notify_threshold",
        "id",
        "create_date",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any document's findings, messages quoting any characters (quotes,
        /// backslashes, control characters, non-ASCII), fixes of any value.
        #[test]
        fn the_writer_writes_what_serde_writes(
            members in prop::collection::vec((prop::sample::select(FIELDS), prop_oneof![
                "[\\PC\"\\\\\u{0}-\u{1f}]{0,12}".prop_map(|s| serde_json::to_string(&s).unwrap()),
                Just("1e400".to_string()),
                Just("-3".to_string()),
                Just("[1, {\"a\": null}]".to_string()),
                Just("\"ru, by\"".to_string()),
                Just("\"Europe/Moskow\"".to_string()),
            ]), 0..6),
            file in "[\\PC\"\\\\\u{0}-\u{1f}]{0,8}",
            broken in any::<bool>(),
        ) {
            let body: Vec<String> = members.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
            let mut text = format!("{{{}}}", body.join(", "));
            if broken {
                text.pop();
            }
            same_as_serde(&text, &file)?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// File names and values with bidirectional and C1 controls: no such
        /// character is written raw, and a JSON parser reads back exactly what
        /// serde_json would have written.
        #[test]
        fn bidi_and_c1_controls_are_escaped_and_read_back(
            file in "[a-z\u{202a}-\u{202e}\u{2066}-\u{2069}\u{200e}\u{200f}\u{61c}\u{80}-\u{9f}é]{0,8}",
            name in "[a-z\u{202e}\u{2067}\u{9b} ]{0,8}",
        ) {
            let text = format!("{{\"name\": {}}}", serde_json::to_string(&format!(" {name} ")).unwrap());
            let report = lint_str(&text, &Options::default());
            for (i, d) in report.diagnostics().iter().enumerate() {
                let ours = json_record(d, &file, i);
                prop_assert!(!ours.chars().any(crate::escape::is_unsafe), "{}", ours);
                let reference = serde_json::to_value(WithPlace { diagnostic: d, file: &file, record: i }).unwrap();
                prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&ours).unwrap(), reference);
            }
        }
    }

    #[test]
    fn bidi_controls_in_a_file_name_are_json_escapes() {
        let report = lint_str(r#"{"type": "j"}"#, &Options::default());
        let line = json_record(&report.diagnostics()[0], "a\u{202e}nosj.exe\u{9b}", 0);
        assert!(line.contains(r#""file":"a\u202enosj.exe\u009b""#), "{line}");
    }

    #[test]
    fn control_characters_are_escaped_as_serde_escapes_them() {
        let mut out = String::new();
        string(&mut out, "a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é😀");
        // serde_json's bytes, but DEL as an escape (a terminal control).
        assert_eq!(
            out,
            serde_json::to_string("a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é😀")
                .unwrap()
                .replace('\u{7f}', "\\u007f")
        );
    }
}
