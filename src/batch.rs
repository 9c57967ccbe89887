//! Files of several records: one object, a JSON array of objects, or NDJSON.

use crate::diagnostic::Diagnostic;
use crate::lint::{bom, check_text, syntax_error_at};
use crate::ndjson::NdjsonLines;
use crate::options::Options;
use crate::report::{Record, Report, finish_order, resolve_positions_from};
use crate::rules::Ctx;
use crate::span::Span;
use crate::syntax;

/// How a file lays out its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Layout {
    /// One object, an array of objects, or NDJSON: decided from the text.
    #[default]
    Auto,
    /// One JSON value per line; a broken line does not stop the others.
    Ndjson,
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
#[must_use]
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
                    span: Some(Span::new(start, text.len())),
                }]
            }
        }
    };
    if !first_diags.is_empty() {
        if records.is_empty() {
            records.push(Record {
                index: 0,
                report: Report::default(),
                span: None,
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
    resolve_positions_from(text, 0, &mut records, 0);
    records
}

/// [`lint_records`] for raw bytes (a file as read). Text that is not UTF-8 is
/// one record with its `invalid-encoding` finding. Returns the text the spans
/// point into: all of it, or the part before the first byte that is not UTF-8.
///
/// ```
/// use client_lint::{Layout, lint_records_slice};
/// let (text, records) = lint_records_slice(b"{\"name\": \"Caf\xe9\"}", &Default::default(), Layout::Auto);
/// assert_eq!(text, "{\"name\": \"Caf");
/// assert_eq!(records[0].report.diagnostics()[0].name(), "invalid-encoding");
/// ```
#[must_use]
pub fn lint_records_slice<'b>(bytes: &'b [u8], options: &Options, layout: Layout) -> (&'b str, Vec<Record>) {
    match crate::lint::decode(bytes, options) {
        Ok(text) => (text, lint_records(text, options, layout)),
        Err((valid, report)) => (
            valid,
            vec![Record {
                index: 0,
                report,
                span: None,
            }],
        ),
    }
}

impl Layout {
    /// Whether [`lint_records`] reads `text` under this layout as NDJSON, one
    /// record per line (else as one object or a JSON array).
    ///
    /// ```
    /// use client_lint::Layout;
    /// assert!(Layout::Auto.reads_as_ndjson("{}\n{}\n"));
    /// assert!(!Layout::Auto.reads_as_ndjson("[{}, {}]"));
    /// assert!(!Layout::Auto.reads_as_ndjson("{}"));
    /// assert!(Layout::Ndjson.reads_as_ndjson("{}"));
    /// ```
    pub fn reads_as_ndjson(self, text: &str) -> bool {
        is_ndjson(text, self)
    }
}

/// Whether `text` is read as NDJSON under `layout`: one value per line.
pub(crate) fn is_ndjson(text: &str, layout: Layout) -> bool {
    match layout {
        Layout::Ndjson => true,
        Layout::Auto => {
            let start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
            let s = skip_ws(text, start);
            text.as_bytes().get(s) != Some(&b'[') && is_multi_value(text, s)
        }
    }
}

pub(crate) fn skip_ws(text: &str, mut i: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = text.as_bytes().get(i) {
        i += 1;
    }
    i
}

/// Whether the text holds several values, the next one after a line break.
fn is_multi_value(text: &str, start: usize) -> bool {
    let parsed = syntax::parse(text, start, true);
    if !parsed.errors.is_empty() {
        return false;
    }
    let rest = &text[parsed.end..];
    let next = skip_ws(text, parsed.end);
    next < text.len() && rest[..next - parsed.end].contains('\n')
}

/// NDJSON text after `start` (past a byte order mark), through the one
/// NDJSON reader.
fn ndjson(text: &str, start: usize, options: &Options) -> Vec<Record> {
    NdjsonLines::new(&text.as_bytes()[start..])
        .filter_map(Result::ok)
        .map(|mut line| {
            line.offset += start;
            line.lint(options)
        })
        .collect()
}

/// The records of a JSON array. After a broken record, or broken text
/// between records, checking resumes at the next record; an error between
/// records is filed under the record that follows it (or a record of its own
/// at the end).
fn array(text: &str, open: usize, options: &Options) -> Vec<Record> {
    match first_element(text, open, options) {
        Ok(pos) => elements(text, pos, options, usize::MAX, [false; 3]).records,
        Err(records) => records,
    }
}

/// Where the first element of the array opened at `open` starts, or the
/// records of an empty array.
pub(crate) fn first_element(text: &str, open: usize, options: &Options) -> Result<usize, Vec<Record>> {
    let pos = skip_ws(text, open + 1);
    if text.as_bytes().get(pos) == Some(&b']') {
        return Err(trailing(text, pos + 1, Vec::new(), options));
    }
    Ok(pos)
}

/// What [`elements`] read.
pub(crate) struct Elements {
    pub records: Vec<Record>,
    /// The keys of the kinds wanted, by index in `records` (records
    /// without any are left out).
    pub keys: Vec<(usize, crate::fleet::Keys)>,
    /// Where the next element starts, when reading stopped before the end.
    pub next: Option<usize>,
}

/// The array's elements from the one at `pos` to the end, numbered from 0,
/// and their [`Keys`](crate::fleet::Keys) of the kinds `wanted`, read from
/// the same parse. Stops early, cleanly, where the next element after a
/// comma starts at or after `stop`, and returns that start: the records up
/// to it are then what reading the whole array gives (so an array can be
/// read in parts).
pub(crate) fn elements(
    text: &str,
    pos: usize,
    options: &Options,
    stop: usize,
    wanted: [bool; 3],
) -> Elements {
    let mut keys = Vec::new();
    let (records, next) = elements_keyed(text, pos, options, stop, wanted, &mut keys);
    Elements { records, keys, next }
}

fn elements_keyed(
    text: &str,
    mut pos: usize,
    options: &Options,
    stop: usize,
    wanted: [bool; 3],
    keys: &mut Vec<(usize, crate::fleet::Keys)>,
) -> (Vec<Record>, Option<usize>) {
    use syntax::SyntaxErrorKind as K;
    let mut records = Vec::new();
    let bytes = text.as_bytes();
    let mut pending: Vec<Diagnostic> = Vec::new();
    loop {
        let mut ctx = Ctx::new(options, Some(text));
        ctx.diags.append(&mut pending);
        let (end, failed, found) = crate::fleet::check_keyed(&mut ctx, text, pos, wanted);
        if !found.is_empty() {
            keys.push((records.len(), found));
        }
        records.push(Record {
            index: records.len(),
            report: finish_order(ctx.diags),
            span: Some(Span::new(pos, end)),
        });
        pos = skip_ws(text, end);
        let (kind, span) = match bytes.get(pos) {
            Some(b',') => {
                let comma = pos;
                pos = skip_ws(text, pos + 1);
                if bytes.get(pos) != Some(&b']') {
                    if pos >= stop {
                        return (records, Some(pos));
                    }
                    continue;
                }
                (K::TrailingComma, Span::new(comma, comma + 1))
            }
            Some(b']') => return (trailing(text, pos + 1, records, options), None),
            // A broken record already says what is wrong (often that the
            // text ended inside it). A whole one, then the end of the text:
            // the array is not closed, whatever the record is.
            None if failed => return (records, None),
            None => (K::Eof, Span::new(text.len(), text.len())),
            Some(_) => (
                K::ExpectedCommaOrArrayEnd,
                Span::new(pos, syntax::next_char_end(text, pos)),
            ),
        };
        pending = syntax_error_at(text, options, kind, span);
        match kind {
            K::TrailingComma => {
                records.push(Record {
                    index: records.len(),
                    report: Report {
                        diagnostics: std::mem::take(&mut pending),
                    },
                    span: None,
                });
                return (trailing(text, pos + 1, records, options), None);
            }
            // A record where a comma belongs: read it.
            K::ExpectedCommaOrArrayEnd if bytes.get(pos) == Some(&b'{') => {}
            K::ExpectedCommaOrArrayEnd => match syntax::resync(bytes, pos, 0, b']', b'{') {
                (next, syntax::Resync::Item) => pos = next,
                (after, syntax::Resync::End) => {
                    records.push(Record {
                        index: records.len(),
                        report: Report {
                            diagnostics: std::mem::take(&mut pending),
                        },
                        span: None,
                    });
                    return (trailing(text, after, records, options), None);
                }
                (_, syntax::Resync::Eof) => break,
            },
            _ => break,
        }
    }
    records.push(Record {
        index: records.len(),
        report: Report { diagnostics: pending },
        span: None,
    });
    (records, None)
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
                span: None,
            }),
        }
    }
    records
}
