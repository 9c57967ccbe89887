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

impl Lang {
    /// The language's code, as every option spells it: `en`, `ru`.
    ///
    /// ```
    /// assert_eq!(client_lint::Lang::Ru.as_str(), "ru");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language of a locale as POSIX (`ru_RU.UTF-8`), BCP 47 (`ru-RU`)
    /// or an editor (`ru`) writes it: Russian for any Russian locale,
    /// English otherwise (an empty or unknown locale included).
    ///
    /// ```
    /// use client_lint::Lang;
    /// assert_eq!(Lang::from_locale("ru_RU.UTF-8"), Lang::Ru);
    /// assert_eq!(Lang::from_locale("RU-ru"), Lang::Ru);
    /// assert_eq!(Lang::from_locale("de_DE"), Lang::En);
    /// assert_eq!(Lang::from_locale("rust"), Lang::En);
    /// ```
    pub fn from_locale(locale: &str) -> Lang {
        let language = locale.split(['_', '-', '.', '@']).next().unwrap_or_default();
        if language.eq_ignore_ascii_case("ru") {
            Lang::Ru
        } else {
            Lang::En
        }
    }
}

/// The form of a Russian noun after the number `n`: 1 файл, 2 файла,
/// 5 файлов, 11 файлов, 21 файл (the forms for 1, 2 and 5).
///
/// ```
/// use client_lint::i18n::ru_form;
/// let forms = ("файл", "файла", "файлов");
/// let got: Vec<_> = [1, 2, 3, 5, 11, 12, 21, 22, 101, 111].map(|n| ru_form(n, forms)).into();
/// assert_eq!(got, ["файл", "файла", "файла", "файлов", "файлов", "файлов", "файл", "файла", "файл", "файлов"]);
/// ```
pub fn ru_form<'a>(n: usize, forms: (&'a str, &'a str, &'a str)) -> &'a str {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => forms.0,
        (2..=4, r) if !(12..=14).contains(&r) => forms.1,
        _ => forms.2,
    }
}

/// `n` and a noun in the form the number asks for, in `lang`: English
/// singular and plural, Russian forms for 1, 2 and 5.
///
/// ```
/// use client_lint::{Lang, i18n::count};
/// let e = |n| count(n, Lang::En, ("error", "errors"), ("ошибка", "ошибки", "ошибок"));
/// let r = |n| count(n, Lang::Ru, ("error", "errors"), ("ошибка", "ошибки", "ошибок"));
/// assert_eq!([e(1), e(2)], ["1 error", "2 errors"]);
/// assert_eq!([r(1), r(3), r(5), r(21)], ["1 ошибка", "3 ошибки", "5 ошибок", "21 ошибка"]);
/// ```
pub fn count(n: usize, lang: Lang, en: (&str, &str), ru: (&str, &str, &str)) -> String {
    match lang {
        Lang::En => format!("{n} {}", if n == 1 { en.0 } else { en.1 }),
        Lang::Ru => format!("{n} {}", ru_form(n, ru)),
    }
}

/// A language code that is not `en` or `ru`.
///
/// ```
/// let e = "de".parse::<client_lint::Lang>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown lang `de`: expected `en` or `ru`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown lang `{input}`: expected `en` or `ru`")]
pub struct ParseLangError {
    input: String,
}

impl std::str::FromStr for Lang {
    type Err = ParseLangError;

    /// `en` or `ru`, exactly (a locale is [`Lang::from_locale`]'s).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "en" => Ok(Lang::En),
            "ru" => Ok(Lang::Ru),
            _ => Err(ParseLangError { input: s.to_string() }),
        }
    }
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
