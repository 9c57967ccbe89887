//! The languages of the command line's own messages (summaries, warnings,
//! headings). The library's `Lang` may grow; until this binary translates its
//! strings for a new language, they fall back to English.

use client_lint::Lang;

/// A language the command line's own strings are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    En,
    Ru,
}

/// The command line's language for the library's `lang`.
pub fn ui(lang: Lang) -> Ui {
    if lang == Lang::Ru { Ui::Ru } else { Ui::En }
}
