//! Languages and bilingual text. A leaf: it imports nothing from the crate.

/// The language of messages and help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
}

/// Text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Russian.
    pub ru: &'static str,
}

impl Text {
    /// Text in English and Russian.
    pub const fn new(en: &'static str, ru: &'static str) -> Self {
        Text { en, ru }
    }

    /// The text in `lang`.
    ///
    /// ```
    /// use client_lint::Lang;
    /// use client_lint::i18n::Text;
    /// let t = Text::new("hello", "привет");
    /// assert_eq!(t.get(Lang::Ru), "привет");
    /// ```
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ru => self.ru,
        }
    }
}
