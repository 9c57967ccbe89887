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
pub use human::{DEFAULT_WIDTH, HumanStyle, Source, human};
pub use json::{json_array, json_diagnostic, json_record};
pub use located::{Located, locate};
pub use sarif::{FileFindings, sarif, sarif_frame, sarif_result, sarif_result_text, sarif_results_omitted};
