//! Errors of the public field parsers.

/// Why a field parser rejected its input.
///
/// The variants carry what a caller needs to correct the value (the canonical
/// spelling, the closest names). `Display` is English; the linter's own
/// diagnostics are bilingual.
///
/// ```
/// use client_lint::{FieldError, parse_client_type};
/// assert_eq!(parse_client_type("j"), Err(FieldError::WrongCase { canonical: "J".into() }));
/// assert_eq!(parse_client_type("j").unwrap_err().to_string(), "wrong case: write `J`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FieldError {
    /// The value is empty.
    #[error("empty value")]
    Empty,
    /// The value has white space around it.
    #[error("white space around the value")]
    Whitespace,
    /// Right value, wrong letter case.
    #[error("wrong case: write `{canonical}`")]
    WrongCase {
        /// The canonical spelling.
        canonical: String,
    },
    /// Not an integer literal.
    #[error("not an integer")]
    NotInteger,
    /// An integer outside the allowed range.
    #[error("out of range {min}..={max}")]
    OutOfRange {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// Not one of the allowed values.
    #[error("not one of {allowed}")]
    NotAllowed {
        /// The allowed values, for the message.
        allowed: &'static str,
    },
    /// Not a known IANA time zone.
    #[error("unknown time zone")]
    UnknownTimezone {
        /// Close zone names, best first.
        suggestions: Vec<&'static str>,
    },
    /// A time-zone abbreviation or UTC offset instead of a zone name.
    #[error("abbreviation or offset instead of an IANA zone name")]
    TimezoneAbbreviation {
        /// A zone to suggest, when one is certain (`GMT+3` → `Etc/GMT-3`).
        suggestion: Option<String>,
    },
    /// `geo_list` is not in canonical form.
    #[error("not in canonical form: write `{canonical}`")]
    NotCanonical {
        /// The canonical form.
        canonical: String,
    },
    /// A country listed twice.
    #[error("duplicate country `{code}`")]
    DuplicateCountry {
        /// The repeated code.
        code: String,
    },
    /// `*` together with country codes.
    #[error("`*` together with country codes")]
    WildcardWithCountries,
    /// Not an ISO 3166-1 alpha-2 code.
    #[error("unknown country code `{code}`")]
    UnknownCountry {
        /// The code as written.
        code: String,
        /// The code probably meant (`UK` → `GB`, `RUS` → `RU`).
        hint: Option<&'static str>,
    },
    /// Not an e-mail address.
    #[error("invalid e-mail address: {reason}")]
    InvalidEmail {
        /// What is wrong, in English.
        reason: &'static str,
    },
    /// An address with a display name (`Name <a@b.c>`).
    #[error("display name around the address `{address}`")]
    DisplayName {
        /// The bare address.
        address: String,
    },
    /// More than one address.
    #[error("several e-mail addresses")]
    MultipleEmails,
    /// Not a valid host name.
    #[error("invalid host name: {reason}")]
    InvalidHost {
        /// What is wrong, in English.
        reason: &'static str,
    },
    /// A URL where a bare host name is expected.
    #[error("a URL instead of a host name `{host}`")]
    Url {
        /// The host part.
        host: String,
    },
    /// Characters other than ASCII digits.
    #[error("not ASCII digits")]
    NotDigits,
    /// Not `YYYY-MM-DD HH:MM:SS`.
    #[error("not `YYYY-MM-DD HH:MM:SS`")]
    DateFormat,
    /// The shape is right but the date or time does not exist.
    #[error("no such date or time")]
    NoSuchDate,
    /// Not a two-letter lowercase ISO 639-1 code.
    #[error("not an ISO 639-1 language code")]
    NotLanguageCode,
}
