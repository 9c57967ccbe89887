//! Short formatted strings: dialling prefixes, extension length, creation date,
//! language, caller id.
//!
//! ## What it checks
//! `domain_prefix` and `prefix` hold ASCII digits only; `extension_len` is
//! `"2"`, `"3"` or `"4"`; `create_date` is `YYYY-MM-DD HH:MM:SS` and a real
//! calendar date and time; `language` is a lower-case ISO 639-1 code (`ru`,
//! `en`; wrong case gets a safe fix, other shapes a warning, since no list of
//! values is published); `did_as_transfer_caller_id` holds digits and `+` (and
//! the separators people type: spaces, `-`, `(`, `)`), warning otherwise.
//!
//! ## Why
//! Prefixes are dialled on a keypad: anything but digits can never match.
//! The extension length cannot change after creation.
//!
//! ## Example
//! ```json
//! {"domain_prefix": "12-345", "extension_len": "5", "create_date": "2024-02-30 10:00:00"}
//! ```
//!
//! ## Use instead
//! ```json
//! {"domain_prefix": "12345", "extension_len": "3", "create_date": "2024-02-29 10:00:00"}
//! ```
//!
//! ## References
//! ISO 639-1; ITU-T E.164 (digits of a number); client resource documentation.

use super::{Ctx, FieldAt, Found, as_str, is_padded, structured, tr};
use crate::diagnostic::Applicability;
use crate::error::FieldError;
use crate::registry::{Explanation, Rule, Text};

pub(crate) static NON_DIGIT_PREFIX: Explanation = Explanation {
    what: Text {
        en: "`domain_prefix` or `prefix` holds something other than ASCII digits.",
        ru: "`domain_prefix` или `prefix` содержит что-то кроме цифр ASCII.",
    },
    why: Text {
        en: "Prefixes are dialled: with prefix `12345`, extension `000*000@domain` is reached as `12345*000*000`. A letter or separator can never be dialled.",
        ru: "Префиксы набираются: при префиксе `12345` добавочный `000*000@domain` вызывается как `12345*000*000`. Букву или разделитель набрать нельзя.",
    },
    example: r#"{"domain_prefix": "12-345"}"#,
    instead: r#"{"domain_prefix": "12345"}"#,
    references: &["client resource documentation: `domain_prefix`, `prefix`"],
};

pub(crate) static INVALID_EXTENSION_LEN: Explanation = Explanation {
    what: Text {
        en: "`extension_len` is not `\"2\"`, `\"3\"` (the default) or `\"4\"`.",
        ru: "`extension_len` не равен `\"2\"`, `\"3\"` (по умолчанию) или `\"4\"`.",
    },
    why: Text {
        en: "Only these lengths exist, and the length cannot be changed after the client is created.",
        ru: "Других длин нет, а после создания клиента длину изменить нельзя.",
    },
    example: r#"{"extension_len": "5"}"#,
    instead: r#"{"extension_len": "3"}"#,
    references: &["client resource documentation: `extension_len`"],
};

pub(crate) static INVALID_CREATE_DATE: Explanation = Explanation {
    what: Text {
        en: "`create_date` is not `YYYY-MM-DD HH:MM:SS`, or names a date or time that does not exist (`2023-02-29`, `24:00:00`).",
        ru: "`create_date` не в формате `ГГГГ-ММ-ДД ЧЧ:ММ:СС` или указывает несуществующие дату или время (`2023-02-29`, `24:00:00`).",
    },
    why: Text {
        en: "Exports with broken dates break audits and imports.",
        ru: "Выгрузки с испорченными датами ломают аудит и импорт.",
    },
    example: r#"{"create_date": "2023-02-29T10:00:00Z"}"#,
    instead: r#"{"create_date": "2023-02-28 10:00:00"}"#,
    references: &["client resource documentation: `create_date`", "ISO 8601"],
};

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

pub(crate) static INVALID_CALLER_ID: Explanation = Explanation {
    what: Text {
        en: "`did_as_transfer_caller_id` holds characters other than digits, `+` and the separators `-`, `(`, `)` and space.",
        ru: "`did_as_transfer_caller_id` содержит символы, кроме цифр, `+` и разделителей `-`, `(`, `)` и пробела.",
    },
    why: Text {
        en: "It is a telephone number shown to the called party; letters cannot be presented as a caller id.",
        ru: "Это номер телефона, показываемый вызываемому; буквы нельзя передать как номер вызывающего.",
    },
    example: r#"{"did_as_transfer_caller_id": "ext. 100"}"#,
    instead: r#"{"did_as_transfer_caller_id": "+74951234567"}"#,
    references: &["ITU-T E.164"],
};

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Parse a dialling prefix (`domain_prefix`, `prefix`): ASCII digits.
///
/// ```
/// use client_lint::{FieldError, parse_prefix};
/// assert_eq!(parse_prefix("12345"), Ok("12345"));
/// assert_eq!(parse_prefix("12 345"), Err(FieldError::NotDigits));
/// assert_eq!(parse_prefix(""), Err(FieldError::Empty));
/// assert_eq!(parse_prefix("\t123"), Err(FieldError::Whitespace));
/// ```
pub fn parse_prefix(s: &str) -> Result<&str, FieldError> {
    if s.is_empty() {
        Err(FieldError::Empty)
    } else if is_padded(s) {
        Err(FieldError::Whitespace)
    } else if is_digits(s) {
        Ok(s)
    } else {
        Err(FieldError::NotDigits)
    }
}

/// Parse `extension_len`: `"2"`, `"3"` or `"4"`.
///
/// ```
/// assert_eq!(client_lint::parse_extension_len("3"), Ok(3));
/// assert!(client_lint::parse_extension_len("5").is_err());
/// assert_eq!(client_lint::parse_extension_len("3 "), Err(client_lint::FieldError::Whitespace));
/// ```
pub fn parse_extension_len(s: &str) -> Result<u8, FieldError> {
    match s {
        "2" => Ok(2),
        "3" => Ok(3),
        "4" => Ok(4),
        "" => Err(FieldError::Empty),
        _ if is_padded(s) => Err(FieldError::Whitespace),
        _ => Err(FieldError::NotAllowed {
            allowed: "`\"2\"`, `\"3\"` or `\"4\"`",
        }),
    }
}

/// A creation time as the API writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CreateDate {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–59.
    pub second: u8,
}

impl std::fmt::Display for CreateDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// Parse `create_date`: `YYYY-MM-DD HH:MM:SS`, a real date and time.
///
/// ```
/// use client_lint::{FieldError, parse_create_date};
/// assert_eq!(parse_create_date("2024-02-29 23:59:59").unwrap().to_string(), "2024-02-29 23:59:59");
/// assert_eq!(parse_create_date("2023-02-29 10:00:00"), Err(FieldError::NoSuchDate));
/// assert_eq!(parse_create_date("2023-02-28T10:00:00"), Err(FieldError::DateFormat));
/// ```
pub fn parse_create_date(s: &str) -> Result<CreateDate, FieldError> {
    if s.is_empty() {
        return Err(FieldError::Empty);
    }
    if is_padded(s) {
        return Err(FieldError::Whitespace);
    }
    let b = s.as_bytes();
    let shape = b.len() == 19
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            10 => c == b' ',
            13 | 16 => c == b':',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return Err(FieldError::DateFormat);
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<u16>().unwrap_or(u16::MAX);
    let (year, month, day, hour, minute, second) =
        (n(0..4), n(5..7), n(8..10), n(11..13), n(14..16), n(17..19));
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    if day == 0 || day > days || hour > 23 || minute > 59 || second > 59 || year == 0 {
        return Err(FieldError::NoSuchDate);
    }
    Ok(CreateDate {
        year,
        month: month as u8,
        day: day as u8,
        hour: hour as u8,
        minute: minute as u8,
        second: second as u8,
    })
}

/// Parse `language`: a lower-case two-letter ISO 639-1 code.
///
/// ```
/// use client_lint::{FieldError, parse_language};
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

pub(crate) fn check_digits(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(
        ctx,
        at,
        |v| parse_prefix(v).map(drop),
        |ctx, t, _| {
            let name = at.key;
            ctx.emit(Rule::NonDigitPrefix, Some(at.pointer()), at.node.span, |s| {
                let v = s.q(t);
                let digits: String = t.chars().filter(char::is_ascii_digit).collect();
                let f = Found::new(tr!(
                    s,
                    "`{name}` must hold digits only, found `{v}`",
                    "`{name}` должен содержать только цифры, найдено `{v}`"
                ));
                if digits.is_empty() {
                    f.help(tr!(
                        s,
                        "write digits such as `12345`",
                        "укажите цифры, например `12345`"
                    ))
                } else {
                    let d = s.q(&digits);
                    f.help(tr!(s, "did you mean `{d}`?", "может быть, `{d}`?"))
                        .fix(at.replace(digits.as_str(), Applicability::Unsafe))
                }
            });
        },
    );
}

pub(crate) fn check_extension_len(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(ctx, at, parse_extension_len, |ctx, t, _| {
        ctx.emit(Rule::InvalidExtensionLen, Some(at.pointer()), at.node.span, |s| {
            let v = s.q(t);
            Found::new(tr!(
                s,
                "`extension_len` must be `\"2\"`, `\"3\"` or `\"4\"`, found `{v}`",
                "`extension_len` должен быть `\"2\"`, `\"3\"` или `\"4\"`, найдено `{v}`"
            ))
            .help(tr!(
                s,
                "write `\"3\"` (the default) unless extensions need 2 or 4 digits; it cannot change after creation",
                "укажите `\"3\"` (по умолчанию), если добавочным не нужны 2 или 4 цифры; после создания длину не изменить"
            ))
        });
    });
}

pub(crate) fn check_create_date(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(ctx, at, parse_create_date, |ctx, t, err| {
        ctx.emit(Rule::InvalidCreateDate, Some(at.pointer()), at.node.span, |s| {
            let v = s.q(t);
            if err == FieldError::NoSuchDate {
                Found::new(tr!(
                    s,
                    "`create_date` names a date or time that does not exist: `{v}`",
                    "`create_date` указывает несуществующие дату или время: `{v}`"
                ))
                .help(tr!(
                    s,
                    "check the day of the month (leap years) and that the time is within 00:00:00–23:59:59",
                    "проверьте число месяца (високосные годы) и что время в пределах 00:00:00–23:59:59"
                ))
            } else {
                Found::new(tr!(
                    s,
                    "`create_date` must look like `2024-01-31 14:05:00`, found `{v}`",
                    "`create_date` должен иметь вид `2024-01-31 14:05:00`, найдено `{v}`"
                ))
                .help(tr!(
                    s,
                    "write `YYYY-MM-DD HH:MM:SS`: a space between date and time, no `T`, no zone",
                    "пишите `ГГГГ-ММ-ДД ЧЧ:ММ:СС`: пробел между датой и временем, без `T` и зоны"
                ))
            }
        });
    });
}

pub(crate) fn check_language(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(
        ctx,
        at,
        |v| parse_language(v).map(drop),
        |ctx, t, e| match e {
            FieldError::WrongCase { canonical } => {
                ctx.emit(Rule::InvalidLanguage, Some(at.pointer()), at.node.span, |s| {
                    let v = s.q(t);
                    Found::new(tr!(
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
                ctx.emit(Rule::InvalidLanguage, Some(at.pointer()), at.node.span, |s| {
                    let v = s.q(t);
                    let f = Found::new(tr!(
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

pub(crate) fn check_caller_id(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    let Some(raw) = as_str(at.node) else { return };
    // Free text first: control characters, empty, white space around it.
    let Some(t) = super::text::free_text(ctx, at, raw) else {
        return;
    };
    if crate::scan::control(t.as_bytes()).is_some() {
        return;
    }
    let ok = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | ' '))
        && t.chars().any(|c| c.is_ascii_digit());
    if !ok {
        ctx.emit(Rule::InvalidCallerId, Some(at.pointer()), at.node.span, |s| {
            let v = s.q(t);
            Found::new(tr!(
                s,
                "caller id `{v}` must be a phone number: digits and `+`",
                "номер `{v}` должен быть телефонным: цифры и `+`"
            ))
            .help(tr!(
                s,
                "write a number such as `+74951234567`",
                "укажите номер, например `+74951234567`"
            ))
        });
    }
}
