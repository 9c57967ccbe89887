//! What is dialled: `domain_prefix` and `prefix` (CL701), `extension_len`
//! (CL702) and the caller id shown on transfer (CL705).

use super::context::{Check, Ctx, FieldAt, Finding, as_str, is_padded, tr};
use super::declare::{Declared, declare};
use super::text::structured;
use crate::diagnostic::Applicability;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

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

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL701 NonDigitPrefix "non-digit-prefix" Error Unsafe => NON_DIGIT_PREFIX;
    CL702 InvalidExtensionLen "invalid-extension-len" Error None => INVALID_EXTENSION_LEN;
    CL705 InvalidCallerId "invalid-caller-id" Warning None => INVALID_CALLER_ID;
];

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A dialling prefix (`domain_prefix`, `prefix`): ASCII digits.
///
/// ```
/// let p: client_lint::values::DomainPrefix = "12345".parse().unwrap();
/// assert_eq!(p.as_str(), "12345");
/// assert!("12-345".parse::<client_lint::values::DomainPrefix>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DomainPrefix(String);

impl DomainPrefix {
    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DomainPrefix {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for DomainPrefix {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_prefix(s)
    }
}

/// The length of extension numbers: 2, 3 or 4.
///
/// ```
/// let n: client_lint::values::ExtensionLen = "3".parse().unwrap();
/// assert_eq!((n.get(), n.to_string()), (3, "3".to_string()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExtensionLen(u8);

impl ExtensionLen {
    /// 2, 3 or 4.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl std::fmt::Display for ExtensionLen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for ExtensionLen {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_extension_len(s)
    }
}

/// Parse a dialling prefix (`domain_prefix`, `prefix`): ASCII digits.
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
///
/// ```
/// use client_lint::values::{FieldError, parse_prefix};
/// assert_eq!(parse_prefix("12345").unwrap().as_str(), "12345");
/// assert_eq!(parse_prefix("12 345"), Err(FieldError::NotDigits));
/// assert_eq!(parse_prefix(""), Err(FieldError::Empty));
/// assert_eq!(parse_prefix("\t123"), Err(FieldError::Whitespace));
/// ```
pub fn parse_prefix(s: &str) -> Result<DomainPrefix, FieldError> {
    check_prefix(s).map(|()| DomainPrefix(s.to_string()))
}

/// [`parse_prefix`]'s grammar without the copy it returns: the lint's check.
fn check_prefix(s: &str) -> Result<(), FieldError> {
    if s.is_empty() {
        Err(FieldError::Empty)
    } else if is_padded(s) {
        Err(FieldError::Whitespace)
    } else if is_digits(s) {
        Ok(())
    } else {
        Err(FieldError::NotDigits)
    }
}

/// Parse `extension_len`: `"2"`, `"3"` or `"4"`.
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
///
/// ```
/// assert_eq!(client_lint::values::parse_extension_len("3").map(|n| n.get()), Ok(3));
/// assert!(client_lint::values::parse_extension_len("5").is_err());
/// assert_eq!(client_lint::values::parse_extension_len("3 "), Err(client_lint::values::FieldError::Whitespace));
/// ```
pub fn parse_extension_len(s: &str) -> Result<ExtensionLen, FieldError> {
    match s {
        "2" => Ok(ExtensionLen(2)),
        "3" => Ok(ExtensionLen(3)),
        "4" => Ok(ExtensionLen(4)),
        "" => Err(FieldError::Empty),
        _ if is_padded(s) => Err(FieldError::Whitespace),
        _ => Err(FieldError::NotAllowed {
            allowed: "`\"2\"`, `\"3\"` or `\"4\"`",
        }),
    }
}

pub(crate) fn check_digits(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(ctx, at, check_prefix, |ctx, t, _| {
        let name = at.key;
        at.emit(ctx, Rule::NonDigitPrefix, |s| {
            let v = s.quote(t);
            let digits: String = t.chars().filter(char::is_ascii_digit).collect();
            let f = Finding::new(tr!(
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
                let d = s.quote(&digits);
                f.help(tr!(s, "did you mean `{d}`?", "может быть, `{d}`?"))
                    .fix(at.replace(digits.as_str(), Applicability::Unsafe))
            }
        });
    });
}

pub(crate) fn check_extension_len(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(ctx, at, parse_extension_len, |ctx, t, _| {
        at.emit(ctx, Rule::InvalidExtensionLen, |s| {
            let v = s.quote(t);
            Finding::new(tr!(
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

pub(crate) fn check_caller_id(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    let Some(raw) = as_str(at.node) else { return };
    // Free text first: control characters, empty, white space around it.
    let Some(t) = super::text::free_text(ctx, at, raw) else {
        return;
    };
    if crate::swar::control(t.as_bytes()).is_some() {
        return;
    }
    let ok = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | ' '))
        && t.chars().any(|c| c.is_ascii_digit());
    if !ok {
        at.emit(ctx, Rule::InvalidCallerId, |s| {
            let v = s.quote(t);
            Finding::new(tr!(
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

/// A dialling prefix: digits.
pub(crate) static PREFIX: Check = Check {
    run: check_digits,
    parse: Some(check_prefix),
    rules: &[Rule::NonDigitPrefix, Rule::EmptyValue, Rule::PaddedValue],
};

/// `extension_len`.
pub(crate) static EXTENSION_LEN: Check = Check {
    run: check_extension_len,
    parse: Some(|s| parse_extension_len(s).map(drop)),
    rules: &[Rule::InvalidExtensionLen, Rule::EmptyValue, Rule::PaddedValue],
};

/// `did_as_transfer_caller_id`.
pub(crate) static CALLER_ID: Check = Check {
    run: check_caller_id,
    parse: None,
    rules: &[
        Rule::ControlCharacter,
        Rule::EmptyValue,
        Rule::SurroundingWhitespace,
        Rule::InvalidCallerId,
    ],
};
