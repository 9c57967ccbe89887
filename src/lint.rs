//! Entry points: text or value → [`Report`]; batches of records; fixing.

use crate::diagnostic::{Applicability, Diagnostic, Edit, positions};
use crate::options::Options;
use crate::rule::Rule;
use crate::rules::{Ctx, encoding, record, syntax_errors};
use crate::span::Span;
use crate::syntax::{self, Member, Node, Value};

/// The findings for one document or record, in document order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Whether any finding has error severity.
    ///
    /// ```
    /// assert!(client_lint::lint_str("{", &Default::default()).has_errors());
    /// assert!(!client_lint::lint_str("{}", &Default::default()).has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == crate::Severity::Error)
    }

    /// The findings, in document order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The findings, by value.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// How many findings have this severity.
    ///
    /// ```
    /// use client_lint::Severity;
    /// let r = client_lint::lint_str(r#"{"colour": 1, "type": "x"}"#, &Default::default());
    /// assert_eq!((r.count(Severity::Error), r.count(Severity::Warning)), (1, 1));
    /// ```
    pub fn count(&self, severity: crate::Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == severity)
            .count()
    }

    /// Whether the text could not be read as JSON (syntax or encoding error):
    /// such a text is never rewritten by fixes.
    pub fn has_syntax_error(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| matches!(d.rule(), Rule::SyntaxError | Rule::InvalidEncoding))
    }

    /// Move every span and line by the given amounts: for a record that was
    /// linted on its own but sits at `byte_offset` and line `line_offset + 1` of
    /// a larger file (NDJSON read line by line).
    ///
    /// ```
    /// let mut r = client_lint::lint_str(r#"{"type": "x"}"#, &Default::default());
    /// r.shift(100, 9);
    /// let d = &r.diagnostics()[0];
    /// assert_eq!(d.span().unwrap().start, 109);
    /// assert_eq!(d.start().unwrap().line, 10);
    /// ```
    pub fn shift(&mut self, byte_offset: usize, line_offset: usize) {
        for d in &mut self.diagnostics {
            d.shift(byte_offset);
            if let (Some(s), Some(e)) = (d.start(), d.end()) {
                d.set_positions(
                    crate::Position {
                        line: s.line + line_offset,
                        column: s.column,
                    },
                    crate::Position {
                        line: e.line + line_offset,
                        column: e.column,
                    },
                );
            }
        }
    }
}

/// Lint the JSON text of one client document.
///
/// Never panics, does no I/O, runs in time linear in `text.len()`. A text with
/// a syntax error reports what was checked before the error, with no fixes:
/// it is never rewritten until it parses.
///
/// ```
/// let text = r#"{"timezone": "Europe/Moskow", "geo_list": "RU UK"}"#;
/// let report = client_lint::lint_str(text, &client_lint::Options::default());
/// let names: Vec<_> = report.diagnostics().iter().map(|d| d.name()).collect();
/// assert_eq!(names, ["unknown-timezone", "unknown-country"]);
/// assert_eq!(report.diagnostics()[1].span().map(|s| &text[s.start..s.end]), Some("UK"));
/// ```
pub fn lint_str(text: &str, options: &Options) -> Report {
    let mut ctx = Ctx::new(options, Some(text));
    let start = bom(&mut ctx, text);
    let (_, broken) = check_text(&mut ctx, text, start, false);
    if broken {
        ctx.diags.iter_mut().for_each(Diagnostic::drop_fix);
    }
    let mut reports = vec![finish_order(ctx.diags)];
    resolve_positions(text, &mut reports);
    reports.pop().unwrap_or_default()
}

/// Lint raw bytes: like [`lint_str`], after checking that they are UTF-8.
///
/// ```
/// let report = client_lint::lint_bytes(b"\xff\xfe{\x00}\x00", &Default::default());
/// assert_eq!(report.diagnostics()[0].name(), "invalid-encoding");
/// ```
pub fn lint_bytes(bytes: &[u8], options: &Options) -> Report {
    match decode(bytes, options) {
        Ok(text) => lint_str(text, options),
        Err(report) => report,
    }
}

/// UTF-8 text, or a report saying why not.
pub(crate) fn decode<'b>(bytes: &'b [u8], options: &Options) -> Result<&'b str, Report> {
    let mut ctx = Ctx::new(options, Some(""));
    let valid = match encoding::check_utf8(&mut ctx, bytes) {
        Ok(text) => return Ok(text),
        Err(valid) => valid,
    };
    let valid = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
    let mut reports = vec![Report {
        diagnostics: ctx.diags,
    }];
    resolve_positions(valid, &mut reports);
    Err(reports.pop().unwrap_or_default())
}

/// Parse one value of `text` at `start`, check it as a record and report a
/// syntax error; the byte where it ended and whether it failed.
fn check_text(ctx: &mut Ctx<'_>, text: &str, start: usize, allow_trailing: bool) -> (usize, bool) {
    let parsed = syntax::parse(text, start, allow_trailing);
    if let Some(root) = &parsed.root {
        record::check_record(ctx, root, parsed.error.is_none());
    }
    if let Some(e) = &parsed.error {
        syntax_errors::syntax_error(ctx, e);
    }
    (parsed.end, parsed.error.is_some())
}

/// The findings of one syntax error at `span` (between array elements, after
/// the array).
fn syntax_error_at(
    text: &str,
    options: &Options,
    kind: syntax::SyntaxErrorKind,
    span: Span,
) -> Vec<Diagnostic> {
    let mut ctx = Ctx::new(options, Some(text));
    syntax_errors::syntax_error(&mut ctx, &syntax::SyntaxError { kind, span });
    ctx.diags
}

fn bom(ctx: &mut Ctx<'_>, text: &str) -> usize {
    encoding::byte_order_mark(ctx, text)
}

fn finish_order(mut diags: Vec<Diagnostic>) -> Report {
    diags.sort_by_key(|d| d.span().map(|s| s.start));
    Report { diagnostics: diags }
}

/// Fill in line and column for every diagnostic with one pass over `text`.
fn resolve_positions(text: &str, reports: &mut [Report]) {
    let offsets: Vec<usize> = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .filter_map(|d| d.span())
        .flat_map(|s| [s.start, s.end])
        .collect();
    if offsets.is_empty() {
        return;
    }
    let pos = positions(text, &offsets);
    let mut i = 0;
    for d in reports.iter_mut().flat_map(|r| &mut r.diagnostics) {
        if d.span().is_some() {
            d.set_positions(pos[i], pos[i + 1]);
            i += 2;
        }
    }
}

/// Lint a client that a server already parsed. There are no spans, so
/// diagnostics have pointers but no line, column, span or text edit.
///
/// ```
/// let value = serde_json::json!({"type": "j", "hold_music": 0});
/// let report = client_lint::lint_value(&value, &Default::default());
/// let found: Vec<_> = report.diagnostics().iter().map(|d| (d.name(), d.pointer().unwrap())).collect();
/// assert_eq!(found, [("id-out-of-range", "/hold_music"), ("client-type-wrong-case", "/type")]);
/// ```
pub fn lint_value(value: &serde_json::Value, options: &Options) -> Report {
    let mut ctx = Ctx::new(options, None);
    let root = to_node(value, 0);
    record::check_record(&mut ctx, &root, true);
    Report {
        diagnostics: ctx.diags,
    }
}

fn to_node(value: &serde_json::Value, depth: usize) -> Node<'_> {
    use std::borrow::Cow;
    let value = match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(_) => Value::Bool,
        serde_json::Value::Number(n) => Value::Number(Cow::Owned(n.to_string())),
        serde_json::Value::String(s) => Value::String(Cow::Borrowed(s)),
        serde_json::Value::Array(_) | serde_json::Value::Object(_) if depth >= syntax::MAX_DEPTH => {
            Value::TooDeep
        }
        serde_json::Value::Array(items) => {
            Value::Array(items.iter().map(|v| to_node(v, depth + 1)).collect())
        }
        serde_json::Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| Member {
                    key: Cow::Borrowed(k),
                    key_span: Span::default(),
                    value: to_node(v, depth + 1),
                })
                .collect(),
        ),
    };
    Node {
        span: Span::default(),
        value,
    }
}

/// How a file lays out its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// One object, an array of objects, or NDJSON: decided from the text.
    #[default]
    Auto,
    /// One JSON value per line; a broken line does not stop the others.
    Ndjson,
}

/// One record of a batch and its findings.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// 0-based index of the record in the file.
    pub index: usize,
    /// Its findings; positions and spans are in the whole file.
    pub report: Report,
}

/// Lint a file that holds one client, a JSON array of clients, or NDJSON.
///
/// Line, column and span are positions in the whole text; pointers are
/// relative to each record. When any record has a syntax error, no finding
/// carries a fix, since the file is never rewritten.
///
/// ```
/// use client_lint::{Layout, lint_records};
/// let text = "{\"type\": \"J\"}\n{\"type\": \"x\"}\n";
/// let records = lint_records(text, &Default::default(), Layout::Auto);
/// assert_eq!(records.len(), 2);
/// let d = &records[1].report.diagnostics()[0];
/// assert_eq!((d.pointer(), d.start().unwrap().line), (Some("/type"), 2));
/// ```
pub fn lint_records(text: &str, options: &Options, layout: Layout) -> Vec<Record> {
    let mut ctx = Ctx::new(options, Some(text));
    let start = bom(&mut ctx, text);
    let first_diags = std::mem::take(&mut ctx.diags);
    let mut records = match layout {
        Layout::Ndjson => ndjson(text, start, options),
        Layout::Auto => {
            let s = skip_ws(text, start);
            if text.as_bytes().get(s) == Some(&b'[') {
                array(text, s, options)
            } else if is_multi_value(text, s) {
                ndjson(text, start, options)
            } else {
                let mut ctx = Ctx::new(options, Some(text));
                check_text(&mut ctx, text, start, false);
                vec![Record {
                    index: 0,
                    report: finish_order(ctx.diags),
                }]
            }
        }
    };
    if !first_diags.is_empty() {
        if records.is_empty() {
            records.push(Record {
                index: 0,
                report: Report::default(),
            });
        }
        let r = &mut records[0].report.diagnostics;
        r.splice(0..0, first_diags);
    }
    // A file with a syntax error anywhere is never rewritten: no fixes.
    if records.iter().any(|r| r.report.has_syntax_error()) {
        records
            .iter_mut()
            .flat_map(|r| &mut r.report.diagnostics)
            .for_each(Diagnostic::drop_fix);
    }
    let mut reports: Vec<Report> = records
        .iter_mut()
        .map(|r| std::mem::take(&mut r.report))
        .collect();
    resolve_positions(text, &mut reports);
    for (r, rep) in records.iter_mut().zip(reports) {
        r.report = rep;
    }
    records
}

fn skip_ws(text: &str, mut i: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = text.as_bytes().get(i) {
        i += 1;
    }
    i
}

/// Whether the text holds several values, the next one after a line break.
fn is_multi_value(text: &str, start: usize) -> bool {
    let parsed = syntax::parse(text, start, true);
    if parsed.error.is_some() {
        return false;
    }
    let rest = &text[parsed.end..];
    let next = skip_ws(text, parsed.end);
    next < text.len() && rest[..next - parsed.end].contains('\n')
}

fn ndjson(text: &str, start: usize, options: &Options) -> Vec<Record> {
    let mut records = Vec::new();
    let mut line_start = start;
    let bytes = text.as_bytes();
    while line_start < text.len() {
        let line_end = bytes[line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        if !line.trim().is_empty() {
            let mut ctx = Ctx::new(options, Some(line));
            check_text(&mut ctx, line, 0, false);
            let mut report = finish_order(ctx.diags);
            // Positions are resolved later, over the whole text: shift bytes only.
            report.shift(line_start, 0);
            records.push(Record {
                index: records.len(),
                report,
            });
        }
        line_start = line_end + 1;
    }
    records
}

fn array(text: &str, open: usize, options: &Options) -> Vec<Record> {
    use syntax::SyntaxErrorKind as K;
    let mut records = Vec::new();
    let bytes = text.as_bytes();
    let mut pos = skip_ws(text, open + 1);
    if bytes.get(pos) == Some(&b']') {
        return trailing(text, pos + 1, records, options);
    }
    loop {
        let mut ctx = Ctx::new(options, Some(text));
        let (end, failed) = check_text(&mut ctx, text, pos, true);
        records.push(Record {
            index: records.len(),
            report: finish_order(ctx.diags),
        });
        if failed {
            return records;
        }
        pos = skip_ws(text, end);
        let (kind, span) = match bytes.get(pos) {
            Some(b',') => {
                pos = skip_ws(text, pos + 1);
                if bytes.get(pos) != Some(&b']') {
                    continue;
                }
                (K::TrailingComma, Span::new(pos, pos + 1))
            }
            Some(b']') => return trailing(text, pos + 1, records, options),
            None => (K::Eof, Span::new(text.len(), text.len())),
            Some(_) => (
                K::ExpectedCommaOrArrayEnd,
                Span::new(pos, syntax::next_char_end(text, pos)),
            ),
        };
        records.push(Record {
            index: records.len(),
            report: Report {
                diagnostics: syntax_error_at(text, options, kind, span),
            },
        });
        return records;
    }
}

fn trailing(text: &str, after: usize, mut records: Vec<Record>, options: &Options) -> Vec<Record> {
    let pos = skip_ws(text, after);
    if pos < text.len() {
        let span = Span::new(pos, syntax::next_char_end(text, pos));
        let diags = syntax_error_at(text, options, syntax::SyntaxErrorKind::TrailingCharacters, span);
        match records.last_mut() {
            Some(last) => last.report.diagnostics.extend(diags),
            None => records.push(Record {
                index: 0,
                report: Report { diagnostics: diags },
            }),
        }
    }
    records
}

/// Apply the fixes of `diagnostics` to `text`: safe ones, and unsafe ones too
/// when `unsafe_fixes`. Overlapping edits after the first are skipped (run
/// again to apply them); identical edits are applied once. Returns the new
/// text and the number of edits applied. Bytes outside the edited spans are
/// copied unchanged.
///
/// ```
/// let text = "{\n  \"type\": \"j\",\n  \"geo_list\": \"ru, by\"\n}\n";
/// let report = client_lint::lint_str(text, &Default::default());
/// let (fixed, n) = client_lint::apply_fixes(text, report.diagnostics(), false);
/// assert_eq!(n, 2);
/// assert_eq!(fixed, "{\n  \"type\": \"J\",\n  \"geo_list\": \"RU BY\"\n}\n");
/// ```
pub fn apply_fixes<'d>(
    text: &str,
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    unsafe_fixes: bool,
) -> (String, usize) {
    let mut edits: Vec<&Edit> = diagnostics
        .into_iter()
        .filter_map(|d| d.fix())
        .filter(|f| unsafe_fixes || f.applicability() == Applicability::Safe)
        .filter_map(|f| f.edit.as_ref())
        .filter(|e| {
            e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        })
        .collect();
    edits.sort();
    edits.dedup();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut applied = 0;
    for e in edits {
        if e.span.start < copied {
            continue;
        }
        out.push_str(&text[copied..e.span.start]);
        out.push_str(&e.replacement);
        copied = e.span.end;
        applied += 1;
    }
    out.push_str(&text[copied..]);
    (out, applied)
}

/// The result of [`fix_str`] and [`fix_records`].
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    /// The fixed text (the input itself when nothing applied).
    pub text: String,
    /// How many edits were applied in all.
    pub applied: usize,
}

/// Most passes of fix → lint → fix before giving up on convergence.
const MAX_FIX_PASSES: usize = 10;

/// Apply fixes until none is left (at most 10 passes): each pass lints the
/// text again, so fixes that touched the same value are applied in turn.
/// A text with a syntax error is returned unchanged.
///
/// ```
/// let fixed = client_lint::fix_str(r#"{"timezone": " europe/kiev "}"#, &Default::default(), false);
/// assert_eq!(fixed.text, r#"{"timezone": "Europe/Kyiv"}"#);
/// ```
pub fn fix_str(text: &str, options: &Options, unsafe_fixes: bool) -> Fixed {
    fix_loop(text, unsafe_fixes, |t| {
        let r = lint_str(t, options);
        (r.has_syntax_error(), r.into_diagnostics())
    })
}

/// [`fix_str`] for a file of records (one object, an array, or NDJSON).
///
/// ```
/// use client_lint::{Layout, fix_records};
/// let fixed = fix_records("{\"type\": \"j\"}\n{\"type\": \"f\"}\n", &Default::default(), Layout::Auto, false);
/// assert_eq!(fixed.text, "{\"type\": \"J\"}\n{\"type\": \"F\"}\n");
/// ```
pub fn fix_records(text: &str, options: &Options, layout: Layout, unsafe_fixes: bool) -> Fixed {
    fix_loop(text, unsafe_fixes, |t| {
        let records = lint_records(t, options, layout);
        let broken = records.iter().any(|r| r.report.has_syntax_error());
        (
            broken,
            records
                .into_iter()
                .flat_map(|r| r.report.into_diagnostics())
                .collect(),
        )
    })
}

fn fix_loop(text: &str, unsafe_fixes: bool, lint: impl Fn(&str) -> (bool, Vec<Diagnostic>)) -> Fixed {
    let mut current = text.to_string();
    let mut applied = 0;
    for _ in 0..MAX_FIX_PASSES {
        let (broken, diags) = lint(&current);
        if broken {
            break;
        }
        let (next, n) = apply_fixes(&current, &diags, unsafe_fixes);
        if n == 0 || next == current {
            break;
        }
        current = next;
        applied += n;
    }
    Fixed {
        text: current,
        applied,
    }
}
