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
                        b'\r' if b.get(i + 1) == Some(&b'\n') => {
                            starts.push(i + 2);
                            i += 1;
                        }
                        b'\n' | b'\r' => starts.push(i + 1),
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

/// How many line breaks (`\n`, the [`LineBreaks::Lf`] policy) `bytes` holds.
pub(crate) fn line_breaks(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// A position: 1-based line and column, columns counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode scalar values (not bytes, not UTF-16 units).
    pub column: usize,
}

#[cfg(test)]
fn positions(text: &str, offsets: &[usize]) -> Vec<Position> {
    positions_from(text, 0, offsets, 0).0
}

/// Resolve byte offsets to positions with one forward pass over `text`,
/// counted from `from` (line 1, column 1 there); also the position of `to`
/// (when it is after the last offset; else the last offset's). A part of a
/// text resolved on its own, to be placed later.
///
/// `offsets` need not be sorted; the result is in the same order. Linear in
/// the bytes scanned plus `k log k` for `k` offsets, whatever the line
/// lengths.
///
/// The same arithmetic as [`LineIndex`] with [`LineBreaks::Lf`] in code
/// points (a test holds the two together), without a table of line starts:
/// the report places a record's findings, or a part of a large array, in
/// one pass and keeps nothing.
pub(crate) fn positions_from(
    text: &str,
    from: usize,
    offsets: &[usize],
    to: usize,
) -> (Vec<Position>, Position) {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![Position::default(); offsets.len()];
    let bytes = text.as_bytes();
    // A byte order mark is no column: editors do not show it.
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let (mut pos, mut line, mut column) = (from.min(text.len()), 1usize, 1usize);
    // Counting loops without branches, which the compiler vectorises.
    let mut advance = |target: usize, line: &mut usize, column: &mut usize| {
        if target <= pos {
            return;
        }
        let run = &bytes[pos..target];
        let newlines = line_breaks(run);
        let mut tail = pos;
        if newlines > 0 {
            *line += newlines;
            *column = 1;
            tail = pos + run.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        }
        // Count scalar values: every byte but UTF-8 continuation bytes.
        let tail = tail.max(bom);
        if tail < target {
            *column += bytes[tail..target].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        }
        pos = target;
    };
    for i in order {
        advance(offsets[i].min(text.len()), &mut line, &mut column);
        out[i] = Position { line, column };
    }
    advance(to.min(text.len()), &mut line, &mut column);
    (out, Position { line, column })
}

#[cfg(test)]
mod sweep_tests {
    use super::*;

    #[test]
    fn positions_count_scalar_values_and_lines() {
        let text = "ab\nжж😀x\n";
        let p = positions(text, &[0, 2, 3, 5, 7, 11, 12, 100]);
        let lc: Vec<_> = p.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(
            lc,
            vec![(1, 1), (1, 3), (2, 1), (2, 2), (2, 3), (2, 4), (2, 5), (3, 1)]
        );
    }

    #[test]
    fn a_byte_order_mark_is_no_column() {
        let text = "\u{FEFF}{\"a\": 1}";
        let p = positions(text, &[0, 3, 4, 10]);
        let lc: Vec<_> = p.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(lc, vec![(1, 1), (1, 1), (1, 2), (1, 8)]);
    }

    /// The sweep and the line index are one arithmetic: the same positions
    /// for every offset of texts of lines, multi-byte characters and `\r`.
    #[test]
    fn the_sweep_agrees_with_the_line_index() {
        for text in ["", "a", "ab\nжж😀x\n", "\n\n\r\nx\ry😀\n", "{\"a\":\n \"ß\"}"] {
            let offsets: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let index = LineIndex::new(text, LineBreaks::Lf);
            let want: Vec<_> = index
                .positions(text, &offsets, OffsetUnit::CodePoints)
                .into_iter()
                .map(|(line, column)| (line + 1, column + 1))
                .collect();
            let got: Vec<_> = positions(text, &offsets)
                .iter()
                .map(|p| (p.line, p.column))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn positions_accept_unsorted_offsets() {
        let p = positions("a\nb", &[2, 0]);
        assert_eq!((p[0].line, p[1].line), (2, 1));
    }
}
