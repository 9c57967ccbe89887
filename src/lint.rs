//! Entry points for one document: text, bytes or a parsed value →
//! [`Report`].

use crate::diagnostic::Diagnostic;
use crate::options::Options;
use crate::report::{Report, finish_order, resolve_positions};
use crate::rules::{Ctx, document, encoding, record, syntax_errors};
use crate::span::Span;
use crate::syntax;

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
    lint_then(text, options, |_, _| None::<()>).0
}

/// Lint raw bytes: like [`lint_str`], after checking that they are UTF-8.
///
/// ```
/// let report = client_lint::lint_slice(b"\xff\xfe{\x00}\x00", &Default::default());
/// assert_eq!(report.diagnostics()[0].name(), "invalid-encoding");
/// ```
pub fn lint_slice(bytes: &[u8], options: &Options) -> Report {
    match decode(bytes, options) {
        Ok(text) => lint_str(text, options),
        Err((_, report)) => report,
    }
}

/// Read everything `reader` gives, then [`lint_slice`] it. For a request body
/// or a file; the whole record is held in memory (cap the reader with
/// [`Read::take`](std::io::Read::take) when its size is not trusted).
///
/// # Errors
///
/// The reader's own error; what it gave is not linted then.
///
/// ```
/// let body: &[u8] = br#"{"type": "x"}"#;
/// let report = client_lint::lint_reader(body, &Default::default()).unwrap();
/// assert_eq!(report.diagnostics()[0].name(), "unknown-client-type");
/// ```
pub fn lint_reader<R: std::io::Read>(mut reader: R, options: &Options) -> std::io::Result<Report> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(lint_slice(&bytes, options))
}

/// UTF-8 text, or the valid part before the first bad byte and a report
/// saying why.
pub(crate) fn decode<'b>(bytes: &'b [u8], options: &Options) -> Result<&'b str, (&'b str, Report)> {
    let mut ctx = Ctx::new(options, Some(""));
    let valid = match encoding::check_utf8(&mut ctx, bytes) {
        Ok(text) => return Ok(text),
        Err(valid) => valid,
    };
    let valid = valid_prefix(&bytes[..valid]);
    let mut reports = vec![Report {
        diagnostics: ctx.diags,
    }];
    resolve_positions(valid, &mut reports);
    Err((valid, reports.pop().unwrap_or_default()))
}

/// Parse one value of `text` at `start`, check it as a record and report a
/// syntax error; the byte where it ended and whether it failed.
pub(crate) fn check_text(ctx: &mut Ctx<'_>, text: &str, start: usize, allow_trailing: bool) -> (usize, bool) {
    let parsed = syntax::parse(text, start, allow_trailing);
    check_parsed(ctx, &parsed)
}

/// [`lint_str`], and `read` of the checked tree when it parsed without a
/// syntax error, told whether the linter found an error in it: what
/// [`crate::parse`] builds its typed client from and the fleet reads its
/// keys from, without reading the text a second time.
pub(crate) fn lint_then<T>(
    text: &str,
    options: &Options,
    read: impl FnOnce(&syntax::Node<'_>, bool) -> Option<T>,
) -> (Report, Option<T>) {
    let mut ctx = Ctx::new(options, Some(text));
    let start = bom(&mut ctx, text);
    let parsed = syntax::parse(text, start, false);
    let (_, broken) = check_parsed(&mut ctx, &parsed);
    if broken {
        ctx.diags.iter_mut().for_each(Diagnostic::drop_fix);
    }
    let mut reports = vec![finish_order(ctx.diags)];
    let read = match &parsed.root {
        Some(root) if !broken => read(root, !reports[0].has_errors()),
        _ => None,
    };
    drop(parsed);
    resolve_positions(text, &mut reports);
    (reports.pop().unwrap_or_default(), read)
}

pub(crate) fn check_parsed(ctx: &mut Ctx<'_>, parsed: &syntax::Parsed<'_>) -> (usize, bool) {
    if let Some(root) = &parsed.root {
        record::check_record(ctx, root, parsed.errors.is_empty());
        for &span in &parsed.surrogates {
            document::lone_surrogate(ctx, || record::pointer_at(root, span), span);
        }
    }
    for e in &parsed.errors {
        syntax_errors::syntax_error(ctx, e);
    }
    record::finish(ctx, Span::new(parsed.end, parsed.end));
    (parsed.end, !parsed.errors.is_empty())
}

/// The findings of one syntax error at `span` (between array elements, after
/// the array).
pub(crate) fn syntax_error_at(
    text: &str,
    options: &Options,
    kind: syntax::SyntaxErrorKind,
    span: Span,
) -> Vec<Diagnostic> {
    let mut ctx = Ctx::new(options, Some(text));
    syntax_errors::syntax_error(&mut ctx, &syntax::SyntaxError { kind, span });
    ctx.diags
}

pub(crate) fn bom(ctx: &mut Ctx<'_>, text: &str) -> usize {
    encoding::byte_order_mark(ctx, text)
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
    let root = syntax::from_value::node(value);
    record::check_record(&mut ctx, &root, true);
    record::finish(&mut ctx, Span::default());
    Report {
        diagnostics: ctx.diags,
    }
}

/// The longest prefix of `bytes` that is UTF-8.
pub(crate) fn valid_prefix(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    }
}
