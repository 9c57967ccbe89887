//! Languages and bilingual text. A leaf: it imports nothing from the crate.

/// The language of messages and help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
}

/// Text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Russian.
    pub ru: &'static str,
}

impl Text {
    /// The text in `lang`.
    ///
    /// ```
    /// use client_lint::{Lang, Text};
    /// let t = Text { en: "hello", ru: "привет" };
    /// assert_eq!(t.get(Lang::Ru), "привет");
    /// ```
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ru => self.ru,
        }
    }
}
