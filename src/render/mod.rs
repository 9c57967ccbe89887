//! Renderers: findings → text in each output format. Pure functions that
//! return strings; the caller writes them wherever it wants.
//!
//! - [`human`]: rustc-style, with the source line, a caret under the span,
//!   `help:` and the fix;
//! - [`json_record`]: the diagnostic record plus `file` and `record` (the
//!   CLI's `--format json` and `--format jsonl`); [`json_array`]: a report's
//!   findings as the JSON array serde_json writes, faster;
//! - [`sarif`]: a SARIF 2.1.0 log for code scanning;
//! - [`github`]: a GitHub Actions workflow command;
//! - [`locate`]: offsets and columns in code points or UTF-16 units, for
//!   the Python and JavaScript packages.

mod github;
mod human;
mod json;
mod located;
mod sarif;

pub use crate::escape::terminal_safe;
pub use github::github;
pub use human::{DEFAULT_WIDTH, HumanStyle, human};
pub use json::{json_array, json_record};
pub use located::{Located, locate};
pub use sarif::{FileFindings, sarif, sarif_frame, sarif_result, sarif_result_text};

/// Where a diagnostic's spans point: the text (or the part of it) that was
/// linted, and where that part starts in the file.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file name to show.
    pub path: &'a str,
    /// The text, or one part of it (an NDJSON line).
    pub text: &'a str,
    /// Bytes of the file before `text`.
    pub byte_offset: usize,
}

impl<'a> Source<'a> {
    /// A whole file.
    ///
    /// ```
    /// let src = client_lint::render::Source::new("client.json", "{}");
    /// assert_eq!(src.byte_offset, 0);
    /// ```
    pub fn new(path: &'a str, text: &'a str) -> Self {
        Source {
            path,
            text,
            byte_offset: 0,
        }
    }
}
