//! Between the linter's byte offsets and findings and LSP's positions,
//! diagnostics and document URIs.

use std::path::PathBuf;

use client_lint::{Diagnostic, Layout, LineBreaks, LineIndex, OffsetUnit, Severity, Span};
use lsp_types::{DiagnosticSeverity, NumberOrString, Position, Range, Uri};

/// A document's lines as LSP counts them (after `\n`, `\r\n` and a lone
/// `\r`), with the position unit the client and the server agreed on: the
/// library's [`LineIndex`], so that every conversion of a document is one
/// pass over it, however long its lines.
pub struct Lines<'t> {
    text: &'t str,
    index: LineIndex,
    unit: OffsetUnit,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str, unit: OffsetUnit) -> Self {
        Lines {
            text,
            index: LineIndex::new(text, LineBreaks::Any),
            unit,
        }
    }

    /// The positions of many byte offsets, in one pass.
    pub fn positions(&self, bytes: &[usize]) -> Vec<Position> {
        self.index
            .positions(self.text, bytes, self.unit)
            .into_iter()
            .map(|(line, column)| Position::new(saturate(line), saturate(column)))
            .collect()
    }

    /// The ranges of many spans, in one pass.
    pub fn ranges(&self, spans: &[Span]) -> Vec<Range> {
        let bytes: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
        self.positions(&bytes)
            .chunks(2)
            .map(|p| Range::new(p[0], p[1]))
            .collect()
    }

    /// The byte offset of an LSP position (clamped to its line, then the text).
    pub fn offset(&self, p: Position) -> usize {
        self.index
            .offset(self.text, p.line as usize, p.character as usize, self.unit)
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The file system path of a `file:` URI.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str().strip_prefix("file://")?;
    let mut bytes = Vec::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(v) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            bytes.push(v);
            i += 3;
            continue;
        }
        bytes.push(b[i]);
        i += 1;
    }
    Some(PathBuf::from(String::from_utf8(bytes).ok()?))
}

pub fn layout(uri: &Uri) -> Layout {
    let s = uri.as_str();
    if crate::inputs::is_ndjson_name(s) {
        Layout::Ndjson
    } else {
        Layout::Auto
    }
}

/// Findings as LSP diagnostics: ranges in the agreed units (all found in
/// one pass), severity, code, source, message with its help.
pub fn to_lsp<'d>(
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    lines: &Lines<'_>,
) -> Vec<lsp_types::Diagnostic> {
    let diagnostics: Vec<&Diagnostic> = diagnostics.into_iter().collect();
    let spans: Vec<Span> = diagnostics.iter().map(|d| d.span().unwrap_or_default()).collect();
    lines
        .ranges(&spans)
        .into_iter()
        .zip(diagnostics)
        .map(|(range, d)| one(d, range))
        .collect()
}

fn one(d: &Diagnostic, range: Range) -> lsp_types::Diagnostic {
    let severity = match d.severity() {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        _ => DiagnosticSeverity::INFORMATION,
    };
    let message = match d.help() {
        Some(h) => format!("{}\n{h}", d.message()),
        None => d.message().to_string(),
    };
    lsp_types::Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(d.code().to_string())),
        source: Some("client-lint".to_string()),
        message,
        data: Some(serde_json::json!({"name": d.name()})),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_as_lsp_counts() {
        let text = "a\r\nb\rc\nd";
        let lines = Lines::new(text, OffsetUnit::Utf16);
        for (offset, line, ch) in [(0, 0, 0), (3, 1, 0), (5, 2, 0), (8, 3, 1)] {
            assert_eq!(lines.positions(&[offset]), [Position::new(line, ch)]);
            assert_eq!(lines.offset(Position::new(line, ch)), offset);
        }
    }
}
