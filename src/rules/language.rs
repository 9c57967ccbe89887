//! The interface language: `language` (CL704).

use super::context::{Check, Ctx, FieldAt, Finding, is_padded, tr};
use super::text::structured;
use crate::diagnostic::Applicability;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

pub(crate) static INVALID_LANGUAGE: Explanation = Explanation {
    what: Text {
        en: "`language` is not a lower-case two-letter ISO 639-1 code. Wrong case (`RU`) gets a safe fix; other shapes (`russian`, `ru-RU`) a warning, because the API publishes no list of values.",
        ru: "`language` — не двухбуквенный код ISO 639-1 в нижнем регистре. Для неверного регистра (`RU`) есть безопасное исправление; другие формы (`russian`, `ru-RU`) — предупреждение, так как API не публикует список значений.",
    },
    why: Text {
        en: "The interface language is looked up by code; an unknown code falls back to the default language.",
        ru: "Язык интерфейса ищется по коду; неизвестный код приводит к языку по умолчанию.",
    },
    example: r#"{"language": "RU"}"#,
    instead: r#"{"language": "ru"}"#,
    references: &["ISO 639-1"],
};

/// This family's rules and their explanations.
pub(crate) static EXPLAINED: &[(Rule, &Explanation)] = &[(Rule::InvalidLanguage, &INVALID_LANGUAGE)];

/// The interface language as the API takes it. No list of values is
/// published, so anything but an empty or padded value is accepted (as the
/// linter only warns); [`Language::is_iso_639_1`] tells whether it is the
/// expected lower-case two-letter code, as [`parse_language`] checks.
///
/// ```
/// use client_lint::values::Language;
/// let ru: Language = "ru".parse().unwrap();
/// assert!(ru.is_iso_639_1());
/// let odd: Language = "ru-RU".parse().unwrap();
/// assert!(!odd.is_iso_639_1());
/// assert!(" ru".parse::<Language>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Language(String);

impl Language {
    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether it is a lower-case ISO 639-1 code ([`parse_language`] accepts it).
    pub fn is_iso_639_1(&self) -> bool {
        parse_language(&self.0).is_ok()
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Language {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match parse_language(s) {
            Ok(_) | Err(FieldError::WrongCase { .. } | FieldError::NotLanguageCode) => {
                Ok(Language(s.to_string()))
            }
            Err(e) => Err(e),
        }
    }
}

/// Parse `language`: a lower-case two-letter ISO 639-1 code.
///
/// ```
/// use client_lint::values::{FieldError, parse_language};
/// assert_eq!(parse_language("ru"), Ok("ru"));
/// assert_eq!(parse_language("RU"), Err(FieldError::WrongCase { canonical: "ru".into() }));
/// assert_eq!(parse_language("russian"), Err(FieldError::NotLanguageCode));
/// ```
pub fn parse_language(s: &str) -> Result<&str, FieldError> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(s)
    } else if s.is_empty() {
        Err(FieldError::Empty)
    } else if is_padded(s) {
        Err(FieldError::Whitespace)
    } else if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        Err(FieldError::WrongCase {
            canonical: s.to_ascii_lowercase(),
        })
    } else {
        Err(FieldError::NotLanguageCode)
    }
}

pub(crate) fn check_language(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(
        ctx,
        at,
        |v| parse_language(v).map(drop),
        |ctx, t, e| match e {
            FieldError::WrongCase { canonical } => {
                at.emit(ctx, Rule::InvalidLanguage, |s| {
                    let v = s.quote(t);
                    Finding::new(tr!(
                        s,
                        "language code `{v}` must be lower case",
                        "код языка `{v}` пишется строчными буквами"
                    ))
                    .help(tr!(s, "write `{canonical}`", "напишите `{canonical}`"))
                    .fix(at.replace(canonical.as_str(), Applicability::Safe))
                });
            }
            _ => {
                // `ru-RU`, `ru_RU` → `ru` is likely.
                let base = t
                    .split(['-', '_'])
                    .next()
                    .filter(|b| {
                        b.len() == 2 && b.bytes().all(|c| c.is_ascii_alphabetic()) && b.len() < t.len()
                    })
                    .map(str::to_ascii_lowercase);
                at.emit(ctx, Rule::InvalidLanguage, |s| {
                    let v = s.quote(t);
                    let f = Finding::new(tr!(
                        s,
                        "`{v}` is not a two-letter ISO 639-1 language code",
                        "`{v}` — не двухбуквенный код языка ISO 639-1"
                    ));
                    match &base {
                        Some(b) => f
                            .help(tr!(s, "did you mean `{b}`?", "может быть, `{b}`?"))
                            .fix(at.replace(b.as_str(), Applicability::Unsafe)),
                        None => f.help(tr!(
                            s,
                            "write a code such as `ru` or `en`",
                            "укажите код, например `ru` или `en`"
                        )),
                    }
                });
            }
        },
    );
}

/// `language`.
pub(crate) static CHECK: Check = Check {
    run: check_language,
    parse: Some(|s| parse_language(s).map(drop)),
    rules: &[Rule::InvalidLanguage, Rule::EmptyValue, Rule::PaddedValue],
};
