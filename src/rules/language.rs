//! The interface language: `language` (CL704), an ISO 639-1 code. The list
//! of codes, the withdrawn codes and the languages of countries whose code
//! is written instead are in `language_codes.rs`, generated from ISO 639-1
//! (Debian's iso-codes) and CLDR by `tools/gen_languages.py`.

use super::context::{Check, Ctx, FieldAt, Finding, Say, is_padded, tr};
use super::declare::{Declared, declare};
use super::language_codes::{COUNTRY_LANGUAGES, ISO_639_1, WITHDRAWN};
use super::text::structured;
use crate::diagnostic::Applicability;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

pub(crate) static INVALID_LANGUAGE: Explanation = Explanation {
    what: Text {
        en: "`language` is not one of the 184 lower-case two-letter codes of ISO 639-1. Wrong case (`RU`) gets a safe fix; a withdrawn code (`iw`, `in`, `ji`, `jw`, `mo`) gets its successor and a country code written for a language (`ua`, `jp`, `cz`) the country's official languages (CLDR), as unsafe fixes; other shapes (`russian`, `ru-RU`) a warning. A warning, not an error, because the API publishes no list of values.",
        ru: "`language` — не один из 184 двухбуквенных кодов ISO 639-1 в нижнем регистре. Для неверного регистра (`RU`) есть безопасное исправление; для отменённого кода (`iw`, `in`, `ji`, `jw`, `mo`) предлагается его преемник, для кода страны вместо кода языка (`ua`, `jp`, `cz`) — официальные языки страны (CLDR), как небезопасные исправления; другие формы (`russian`, `ru-RU`) — предупреждение. Предупреждение, а не ошибка, так как API не публикует список значений.",
    },
    why: Text {
        en: "The interface language is looked up by code; an unknown code falls back to the default language.",
        ru: "Язык интерфейса ищется по коду; неизвестный код приводит к языку по умолчанию.",
    },
    example: r#"{"language": "RU"}"#,
    instead: r#"{"language": "ru"}"#,
    references: &[
        "ISO 639-1: Codes for the representation of names of languages (the list as Debian's iso-codes ships it)",
        "Unicode CLDR: territory languages and deprecated language aliases",
    ],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL704 InvalidLanguage "invalid-language" Warning Sometimes => INVALID_LANGUAGE;
];

/// The interface language as the API takes it. No list of values is
/// published, so anything but an empty or padded value is accepted (as the
/// linter only warns); [`Language::is_iso_639_1`] tells whether it is one of
/// ISO 639-1's codes, as [`parse_language`] checks.
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

    /// The language's English name, for an ISO 639-1 code.
    ///
    /// ```
    /// let uk: client_lint::values::Language = "uk".parse().unwrap();
    /// assert_eq!(uk.english_name(), Some("Ukrainian"));
    /// ```
    pub fn english_name(&self) -> Option<&'static str> {
        entry(&self.0).map(|(_, en, _)| en)
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
            Ok(l) => Ok(l),
            Err(FieldError::Empty | FieldError::Whitespace) => parse_language(s),
            Err(_) => Ok(Language(s.to_string())),
        }
    }
}

/// The ISO 639-1 entry of `code`: (code, English name, Russian name).
/// Every code has two bytes: compared as one integer, not with `memcmp`
/// (the table's order is the same).
fn entry(code: &str) -> Option<(&'static str, &'static str, &'static str)> {
    let key = |c: &str| match c.as_bytes() {
        &[a, b] => Some(u16::from_be_bytes([a, b])),
        _ => None,
    };
    let want = key(code)?;
    ISO_639_1
        .binary_search_by_key(&Some(want), |(c, ..)| key(c))
        .ok()
        .map(|i| ISO_639_1[i])
}

/// Parse `language`: one of the lower-case two-letter codes of ISO 639-1.
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
///
/// ```
/// use client_lint::values::{FieldError, parse_language};
/// assert_eq!(parse_language("ru").unwrap().as_str(), "ru");
/// assert_eq!(parse_language("RU"), Err(FieldError::WrongCase { canonical: "ru".into() }));
/// assert_eq!(parse_language("iw"), Err(FieldError::WithdrawnLanguage { successor: "he" }));
/// assert_eq!(parse_language("ua"), Err(FieldError::UnknownLanguage { suggestions: vec!["uk", "ru"] }));
/// assert_eq!(parse_language("qq"), Err(FieldError::UnknownLanguage { suggestions: vec![] }));
/// assert_eq!(parse_language("russian"), Err(FieldError::NotLanguageCode));
/// ```
pub fn parse_language(s: &str) -> Result<Language, FieldError> {
    let two_letters = s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic());
    if two_letters && s.bytes().all(|b| b.is_ascii_lowercase()) {
        if entry(s).is_some() {
            return Ok(Language(s.to_string()));
        }
        if let Ok(i) = WITHDRAWN.binary_search_by(|(c, _)| (*c).cmp(s)) {
            return Err(FieldError::WithdrawnLanguage {
                successor: WITHDRAWN[i].1,
            });
        }
        let suggestions = COUNTRY_LANGUAGES
            .binary_search_by(|(c, _)| (*c).cmp(s))
            .map_or_else(|_| Vec::new(), |i| COUNTRY_LANGUAGES[i].1.to_vec());
        Err(FieldError::UnknownLanguage { suggestions })
    } else if s.is_empty() {
        Err(FieldError::Empty)
    } else if is_padded(s) {
        Err(FieldError::Whitespace)
    } else if two_letters {
        // `RU`: the lower-case code, when it is one; otherwise what is wrong
        // with the lower-case code.
        let lower = s.to_ascii_lowercase();
        match parse_language(&lower) {
            Ok(_) => Err(FieldError::WrongCase { canonical: lower }),
            Err(e) => Err(e),
        }
    } else {
        Err(FieldError::NotLanguageCode)
    }
}

/// `uk` (Ukrainian), in the message's language.
fn named(s: &Say, code: &str) -> String {
    match entry(code) {
        Some((_, en, ru)) => tr!(s, "`{code}` ({en})", "`{code}` ({ru})"),
        None => format!("`{code}`"),
    }
}

pub(crate) fn check_language(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(
        ctx,
        at,
        |v| parse_language(v).map(drop),
        |ctx, t, e| match e {
            FieldError::WithdrawnLanguage { successor } => {
                at.emit(ctx, Rule::InvalidLanguage, |s| {
                    let v = s.quote(t);
                    let new = named(s, successor);
                    Finding::new(tr!(
                        s,
                        "`{v}` is a withdrawn ISO 639-1 code",
                        "`{v}` — отменённый код ISO 639-1"
                    ))
                    .help(tr!(
                        s,
                        "write {new}, the code that replaced it",
                        "напишите {new} — код, который его заменил"
                    ))
                    .fix(at.replace(successor, Applicability::Unsafe))
                });
            }
            FieldError::UnknownLanguage { suggestions } => {
                let country = isocountry::CountryCode::for_alpha2_caseless(t)
                    .ok()
                    .filter(|_| !suggestions.is_empty())
                    .map(|c| c.name());
                at.emit(ctx, Rule::InvalidLanguage, |s| {
                    let v = s.quote(t);
                    let f = match country {
                        Some(name) => Finding::new(tr!(
                            s,
                            "`{v}` is the country code of {name}, not a language code",
                            "`{v}` — код страны, а не код языка"
                        )),
                        None => Finding::new(tr!(
                            s,
                            "`{v}` is not an ISO 639-1 language code",
                            "`{v}` — не код языка ISO 639-1"
                        )),
                    };
                    match suggestions.as_slice() {
                        [] => f.help(tr!(
                            s,
                            "write a code of ISO 639-1 such as `ru` or `en`",
                            "укажите код ISO 639-1, например `ru` или `en`"
                        )),
                        [first, rest @ ..] => {
                            let one = named(s, first);
                            let help = if rest.is_empty() {
                                tr!(s, "did you mean {one}?", "может быть, {one}?")
                            } else {
                                let others = rest.iter().map(|c| named(s, c)).collect::<Vec<_>>().join(", ");
                                tr!(
                                    s,
                                    "did you mean {one} or {others}?",
                                    "может быть, {one} или {others}?"
                                )
                            };
                            f.help(help).fix(at.replace(*first, Applicability::Unsafe))
                        }
                    }
                });
            }
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
                    .filter(|b| b.len() < t.len())
                    .map(str::to_ascii_lowercase)
                    .filter(|b| parse_language(b).is_ok());
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
