//! Between the linter's byte offsets and findings and LSP's positions,
//! diagnostics and document URIs.

use std::path::PathBuf;

use client_lint::{Diagnostic, Layout, Severity};
use lsp_types::{DiagnosticSeverity, NumberOrString, Position, Range, Uri};

/// A position in the units the client and the server agreed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    Utf8,
    Utf16,
}

/// Line starts of a text (after `\n`, `\r\n` and a lone `\r`, as LSP counts
/// them), and conversions between byte offsets and LSP positions.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let b = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines { starts }
    }

    pub fn position(&self, text: &str, offset: usize, units: Units) -> Position {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts[line];
        let before = text.get(start..offset).unwrap_or("");
        let character = match units {
            Units::Utf8 => before.len(),
            Units::Utf16 => before.encode_utf16().count(),
        };
        Position::new(line as u32, character as u32)
    }

    pub fn offset(&self, text: &str, p: Position, units: Units) -> usize {
        let Some(&start) = self.starts.get(p.line as usize) else {
            return text.len();
        };
        let mut units_seen = 0u32;
        for (i, c) in text[start..].char_indices() {
            if units_seen >= p.character || matches!(c, '\n' | '\r') {
                return start + i;
            }
            units_seen += match units {
                Units::Utf8 => c.len_utf8() as u32,
                Units::Utf16 => c.len_utf16() as u32,
            };
        }
        text.len()
    }
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
    if s.ends_with(".ndjson") || s.ends_with(".jsonl") {
        Layout::Ndjson
    } else {
        Layout::Auto
    }
}

/// A finding as an LSP diagnostic: range in the agreed units, severity, code,
/// source, message with its help.
pub fn to_lsp(d: &Diagnostic, text: &str, lines: &Lines, units: Units) -> lsp_types::Diagnostic {
    let span = d.span().unwrap_or_default();
    let range = Range::new(
        lines.position(text, span.start, units),
        lines.position(text, span.end, units),
    );
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
        let lines = Lines::new(text);
        assert_eq!(lines.starts, [0, 3, 5, 7]);
        for (offset, line, ch) in [(0, 0, 0), (3, 1, 0), (5, 2, 0), (8, 3, 1)] {
            assert_eq!(
                lines.position(text, offset, Units::Utf16),
                Position::new(line, ch)
            );
            assert_eq!(lines.offset(text, Position::new(line, ch), Units::Utf16), offset);
        }
    }
}
