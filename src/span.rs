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
            };
            chars.next();
        }
        out[i] = count;
    }
    out
}
