//! The client type, `type`: `J` or `F` (CL201, CL202). The parser is
//! [`parse_client_type`]; explanations are the `Explanation` statics below
//! (`client-lint explain`).

use super::context::{Check, Ctx, FieldAt, Finding, is_padded, tr};
use super::declare::{Declared, declare};
use super::text::structured;
use crate::diagnostic::Applicability;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

pub(crate) static CLIENT_TYPE_WRONG_CASE: Explanation = Explanation {
    what: Text {
        en: "`type` written in lower case (`j`, `f`).",
        ru: "`type` записан строчной буквой (`j`, `f`).",
    },
    why: Text {
        en: "The API compares the letter exactly.",
        ru: "API сравнивает букву точно.",
    },
    example: r#"{"type": "f"}"#,
    instead: r#"{"type": "F"}"#,
    references: &["client resource documentation: `type`"],
};

pub(crate) static UNKNOWN_CLIENT_TYPE: Explanation = Explanation {
    what: Text {
        en: "`type` is neither `J` (legal entity) nor `F` (individual).",
        ru: "`type` не равен ни `J` (юридическое лицо), ни `F` (физическое лицо).",
    },
    why: Text {
        en: "Only these two letters are defined; the request is rejected.",
        ru: "Определены только эти две буквы; запрос будет отклонён.",
    },
    example: r#"{"type": "legal"}"#,
    instead: r#"{"type": "J"}"#,
    references: &["client resource documentation: `type`"],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL201 ClientTypeWrongCase "client-type-wrong-case" Error Safe => CLIENT_TYPE_WRONG_CASE;
    CL202 UnknownClientType "unknown-client-type" Error None => UNKNOWN_CLIENT_TYPE;
];

/// The client type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClientType {
    /// `J`: a legal entity.
    Legal,
    /// `F`: an individual.
    Individual,
}

impl ClientType {
    /// The letter the API uses.
    ///
    /// ```
    /// assert_eq!(client_lint::values::ClientType::Legal.as_str(), "J");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ClientType::Legal => "J",
            ClientType::Individual => "F",
        }
    }
}

impl std::fmt::Display for ClientType {
    /// The letter the API uses.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ClientType {
    type Err = FieldError;

    /// ```
    /// use client_lint::values::ClientType;
    /// assert_eq!("J".parse::<ClientType>(), Ok(ClientType::Legal));
    /// assert_eq!(ClientType::Individual.to_string(), "F");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_client_type(s)
    }
}

/// Parse the `type` field: exactly `J` or `F`.
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
///
/// ```
/// use client_lint::values::{ClientType, FieldError, parse_client_type};
/// assert_eq!(parse_client_type("J"), Ok(ClientType::Legal));
/// assert_eq!(parse_client_type("F"), Ok(ClientType::Individual));
/// assert_eq!(parse_client_type(" J"), Err(FieldError::Whitespace));
/// assert!(matches!(parse_client_type("X"), Err(FieldError::NotAllowed { .. })));
/// ```
pub fn parse_client_type(s: &str) -> Result<ClientType, FieldError> {
    match s {
        "J" => Ok(ClientType::Legal),
        "F" => Ok(ClientType::Individual),
        "" => Err(FieldError::Empty),
        _ if is_padded(s) => Err(FieldError::Whitespace),
        "j" | "f" => Err(FieldError::WrongCase {
            canonical: s.to_ascii_uppercase(),
        }),
        _ => Err(FieldError::NotAllowed {
            allowed: "`J` (legal entity) or `F` (individual)",
        }),
    }
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(ctx, at, parse_client_type, |ctx, t, e| match e {
        FieldError::WrongCase { canonical } => {
            at.emit(ctx, Rule::ClientTypeWrongCase, |s| {
                let v = s.quote(t);
                Finding::new(tr!(
                    s,
                    "client type `{v}` must be upper case",
                    "тип клиента `{v}` пишется заглавной буквой"
                ))
                .help(tr!(s, "write `{canonical}`", "напишите `{canonical}`"))
                .fix(at.replace(canonical.as_str(), Applicability::Safe))
            });
        }
        _ => {
            at.emit(ctx, Rule::UnknownClientType, |s| {
                let v = s.quote(t);
                Finding::new(tr!(
                    s,
                    "unknown client type `{v}`",
                    "неизвестный тип клиента `{v}`"
                ))
                .help(tr!(
                    s,
                    "write `J` for a legal entity or `F` for an individual",
                    "напишите `J` для юридического лица или `F` для физического"
                ))
            });
        }
    });
}

/// `type`.
pub(crate) static CHECK: Check = Check {
    run: check,
    parse: Some(|s| parse_client_type(s).map(drop)),
    rules: &[
        Rule::ClientTypeWrongCase,
        Rule::UnknownClientType,
        Rule::EmptyValue,
        Rule::PaddedValue,
    ],
};
