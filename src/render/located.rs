//! Findings with their offsets and columns in the units another language
//! indexes strings by: what the Python and JavaScript packages hand out.

use crate::diagnostic::Diagnostic;
use crate::span::{LineBreaks, LineIndex, OffsetUnit, offsets_in};

/// A finding and where it is, counted in one [`OffsetUnit`]: `start` and
/// `end` index the linted text as that language does (`text[start:end]` in
/// Python, `text.slice(start, end)` in JavaScript); columns are 1-based on
/// the lines [`Diagnostic::start`] counts, so in code points they equal its
/// columns.
/// `None` where the finding has no span (or its fix no text edit).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Located<'d> {
    /// The finding.
    pub diagnostic: &'d Diagnostic,
    /// Offset of the span's start.
    pub start: Option<usize>,
    /// Offset of the span's end.
    pub end: Option<usize>,
    /// 1-based column of the span's start.
    pub column: Option<usize>,
    /// 1-based column of the span's end.
    pub end_column: Option<usize>,
    /// Offset of the start of the text the fix replaces.
    pub fix_start: Option<usize>,
    /// Offset of the end of the text the fix replaces.
    pub fix_end: Option<usize>,
}

/// Every finding of `diagnostics` (linted from `text`) located in `unit`:
/// one pass over the text for all of them, so many findings stay linear.
///
/// ```
/// use client_lint::OffsetUnit;
/// use client_lint::render::locate;
/// let text = r#"{"name": "😀", "type": "j"}"#;
/// let report = client_lint::lint_str(text, &Default::default());
/// let utf16: Vec<u16> = text.encode_utf16().collect();
/// let at = locate(text, report.diagnostics(), OffsetUnit::Utf16);
/// let (start, end) = (at[0].start.unwrap(), at[0].end.unwrap());
/// assert_eq!(String::from_utf16(&utf16[start..end]).unwrap(), r#""j""#);
/// assert_eq!(at[0].column, Some(start + 1)); // one line: column = offset + 1
/// assert_eq!(at[0].fix_start, Some(start));
/// ```
#[must_use]
pub fn locate<'d>(text: &str, diagnostics: &'d [Diagnostic], unit: OffsetUnit) -> Vec<Located<'d>> {
    // Line starts, for columns, as `Diagnostic::start` counts lines (after
    // `\n`); a byte order mark is no column there, nor here.
    let lines = LineIndex::new(text, LineBreaks::Lf);
    let line_start = |at: usize| {
        lines
            .line_start(lines.line(at.min(text.len())))
            .unwrap_or_default()
    };
    let bom = usize::from(text.starts_with('\u{FEFF}'));
    let mut bytes = Vec::with_capacity(diagnostics.len() * 8);
    for d in diagnostics {
        if let Some(s) = d.span() {
            bytes.extend([s.start, s.end, line_start(s.start), line_start(s.end)]);
        }
        if let Some((s, _)) = d.fix().and_then(|f| f.edit()) {
            bytes.extend([s.start, s.end]);
        }
    }
    let units = offsets_in(text, &bytes, unit);
    let mut pairs: Vec<(usize, usize)> = bytes.into_iter().zip(units).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let at = |b: usize| {
        pairs
            .binary_search_by_key(&b, |&(byte, _)| byte)
            .ok()
            .map(|i| pairs[i].1)
    };
    let column = |b: usize| {
        let from = line_start(b);
        let skip = if from == 0 && b >= 3 { bom } else { 0 };
        Some(at(b)? - at(from)? - skip + 1)
    };
    diagnostics
        .iter()
        .map(|d| {
            let span = d.span();
            let edit = d.fix().and_then(|f| f.edit());
            Located {
                diagnostic: d,
                start: span.and_then(|s| at(s.start)),
                end: span.and_then(|s| at(s.end)),
                column: span.and_then(|s| column(s.start)),
                end_column: span.and_then(|s| column(s.end)),
                fix_start: edit.and_then(|(s, _)| at(s.start)),
                fix_end: edit.and_then(|(s, _)| at(s.end)),
            }
        })
        .collect()
}
