//! Byte ranges in the linted text. A leaf.

/// A half-open byte range `start..end` in the linted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// ```
    /// let span = client_lint::Span::new(3, 7);
    /// assert_eq!(span.len(), 4);
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    ///
    /// ```
    /// assert_eq!(client_lint::Span::new(2, 2).len(), 0);
    /// ```
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// assert!(client_lint::Span::new(2, 2).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A unit text offsets are counted in, besides bytes: what other languages
/// index strings by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OffsetUnit {
    /// Unicode scalar values: Python's `str`, Rust's `chars()`.
    CodePoints,
    /// UTF-16 code units: JavaScript strings, LSP's default.
    Utf16,
    /// UTF-8 code units (bytes): Rust's `str`, LSP's `utf-8` encoding.
    Utf8,
}

/// Byte offsets into `text`, each converted to `unit`, in one pass over the
/// text for all of them, so a document with many findings stays linear.
/// Offsets past the end count as the end; one inside a character counts up
/// to that character's start.
///
/// ```
/// use client_lint::{OffsetUnit, offsets_in};
/// let text = "Ж😀x"; // bytes: Ж 0..2, 😀 2..6, x 6..7
/// assert_eq!(offsets_in(text, &[6, 0, 2], OffsetUnit::CodePoints), [2, 0, 1]);
/// assert_eq!(offsets_in(text, &[6, 0, 2], OffsetUnit::Utf16), [3, 0, 1]);
/// ```
#[must_use]
pub fn offsets_in(text: &str, bytes: &[usize], unit: OffsetUnit) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_unstable_by_key(|&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let (mut chars, mut count) = (text.char_indices().peekable(), 0);
    for i in order {
        let target = bytes[i].min(text.len());
        while let Some(&(at, c)) = chars.peek() {
            if at + c.len_utf8() > target {
                break;
            }
            count += match unit {
                OffsetUnit::CodePoints => 1,
                OffsetUnit::Utf16 => c.len_utf16(),
                OffsetUnit::Utf8 => c.len_utf8(),
            };
            chars.next();
        }
        out[i] = count;
    }
    out
}

/// Which characters end a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineBreaks {
    /// `\n` only: the lines of [`crate::Position`] and of every output format.
    Lf,
    /// `\n`, `\r\n` and a lone `\r`: the Language Server Protocol's.
    Any,
}

/// The starts of a text's lines, found once, so that the line and column of
/// many offsets cost one pass over the text: the one line index of the
/// renderers, the language server and the language packages.
///
/// ```
/// use client_lint::{LineBreaks, LineIndex, OffsetUnit};
/// let text = "a\r\nЖ😀x\rb";
/// let lines = LineIndex::new(text, LineBreaks::Any);
/// assert_eq!(lines.line_count(), 3);
/// // `x` (byte 9) is on line 1 (0-based), after 3 UTF-16 units or 2 code points.
/// assert_eq!(lines.positions(text, &[9, 0], OffsetUnit::Utf16), [(1, 3), (0, 0)]);
/// assert_eq!(lines.positions(text, &[9], OffsetUnit::CodePoints), [(1, 2)]);
/// assert_eq!(lines.offset(text, 1, 3, OffsetUnit::Utf16), 9);
/// // Past a line's end: that line's end, before its break.
/// assert_eq!(lines.offset(text, 0, 99, OffsetUnit::Utf8), 1);
/// assert_eq!(LineIndex::new(text, LineBreaks::Lf).line_count(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the lines of `text`, broken as `breaks` says.
    #[must_use]
    pub fn new(text: &str, breaks: LineBreaks) -> Self {
        let mut starts = vec![0];
        match breaks {
            LineBreaks::Lf => starts.extend(text.match_indices('\n').map(|(i, _)| i + 1)),
            LineBreaks::Any => {
                let b = text.as_bytes();
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
            }
        }
        LineIndex { starts }
    }

    /// How many lines there are (an empty text has one).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line of a byte offset.
    #[must_use]
    pub fn line(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s <= byte).saturating_sub(1)
    }

    /// The byte offset where a 0-based line starts.
    #[must_use]
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The 0-based line and column in `unit` of each byte offset, in one
    /// pass over the text for all of them, however long the lines: linear
    /// in the text, whatever the unit. Offsets past the end count as the end.
    #[must_use]
    pub fn positions(&self, text: &str, bytes: &[usize], unit: OffsetUnit) -> Vec<(usize, usize)> {
        let lines: Vec<usize> = bytes.iter().map(|&b| self.line(b.min(text.len()))).collect();
        let mut all = Vec::with_capacity(bytes.len() * 2);
        all.extend_from_slice(bytes);
        all.extend(lines.iter().map(|&l| self.starts[l]));
        let units = offsets_in(text, &all, unit);
        let n = bytes.len();
        (0..n).map(|i| (lines[i], units[i] - units[n + i])).collect()
    }

    /// The byte offset of a 0-based line and a column in `unit`; a column
    /// past the line's end is the line's end (before its break), a line past
    /// the last is the text's end. Linear in the line's length.
    #[must_use]
    pub fn offset(&self, text: &str, line: usize, column: usize, unit: OffsetUnit) -> usize {
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let mut seen = 0;
        for (i, c) in text[start..].char_indices() {
            if seen >= column || matches!(c, '\n' | '\r') {
                return start + i;
            }
            seen += match unit {
                OffsetUnit::CodePoints => 1,
                OffsetUnit::Utf16 => c.len_utf16(),
                OffsetUnit::Utf8 => c.len_utf8(),
            };
        }
        text.len()
    }
}
