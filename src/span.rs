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
