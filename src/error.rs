//! Errors of the public field parsers.

use crate::i18n::{Lang, Text};

/// Why a field parser rejected its input.
///
/// The variants carry what a caller needs to correct the value (the canonical
/// spelling, the closest names). `Display` is English; the linter's own
/// diagnostics are bilingual.
///
/// ```
/// use client_lint::values::{FieldError, parse_client_type};
/// assert_eq!(parse_client_type("j"), Err(FieldError::WrongCase { canonical: "J".into() }));
/// assert_eq!(parse_client_type("j").unwrap_err().to_string(), "wrong case: write `J`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FieldError {
    /// The value is empty.
    #[error("empty value")]
    Empty,
    /// The value has white space (any Unicode white space, CR/LF included)
    /// at its start or end, or is white space only. Every parser reports this
    /// before anything else about the value, because the API matches values
    /// exactly; parse the trimmed text to learn what else is wrong.
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
    #[error("unknown time zone{}", did_you_mean(suggestions.first()))]
    UnknownTimezone {
        /// Close zone names, best first.
        suggestions: Vec<&'static str>,
    },
    /// A time-zone abbreviation or UTC offset instead of a zone name.
    #[error("abbreviation or offset instead of an IANA zone name{}", did_you_mean(suggestion.as_ref()))]
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
    /// `*` together with country codes.
    #[error("`*` together with country codes")]
    WildcardWithCountries,
    /// Not an ISO 3166-1 alpha-2 code.
    #[error("unknown country code `{code}`{}", did_you_mean(hint.as_ref()))]
    UnknownCountry {
        /// The code as written.
        code: String,
        /// The code probably meant (`UK` → `GB`, `RUS` → `RU`).
        hint: Option<&'static str>,
    },
    /// Not an e-mail address.
    #[error("invalid e-mail address: {0}")]
    InvalidEmail(EmailProblem),
    /// An address with a display name (`Name <a@b.c>`).
    #[error("display name around the address `{address}`")]
    DisplayName {
        /// The bare address.
        address: String,
    },
    /// More than one address.
    #[error("several e-mail addresses")]
    MultipleEmails,
    /// Not a valid host name (the `domain` field, or the domain of an
    /// e-mail address).
    #[error("invalid host name: {0}")]
    InvalidHost(HostProblem),
    /// A Unicode domain name where the API takes its ASCII form.
    #[error("Unicode domain: write `{ascii}`")]
    Unicode {
        /// The whole value with the domain in punycode (UTS 46).
        ascii: String,
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
    /// Not two letters: no ISO 639-1 code has this shape.
    #[error("not an ISO 639-1 language code")]
    NotLanguageCode,
    /// Two letters that are no ISO 639-1 code.
    #[error("not an ISO 639-1 language code{}", did_you_mean(suggestions.first()))]
    UnknownLanguage {
        /// When the letters are a country's code (`ua`, `jp`): the country's
        /// official languages, the one particular to it first (`uk`, `ru`).
        suggestions: Vec<&'static str>,
    },
    /// A code withdrawn from ISO 639-1 (`iw`, `in`, `ji`, `jw`, `mo`).
    #[error("withdrawn ISO 639-1 code: write `{successor}`")]
    WithdrawnLanguage {
        /// The code that replaced it.
        successor: &'static str,
    },
}

/// `; did you mean `x`?` for a suggestion, or nothing.
fn did_you_mean(s: Option<&impl std::fmt::Display>) -> String {
    s.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default()
}

/// Declares a reason enum whose every variant carries its English and Russian
/// text in one line, so that no reason can miss its translation.
macro_rules! reasons {
    ($(#[$meta:meta])* $name:ident { $( $(#[$vmeta:meta])* $variant:ident $en:literal $ru:literal; )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every variant, for tests and documentation.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            /// What is wrong, in both languages.
            pub const fn text(self) -> Text {
                match self {
                    $( $name::$variant => Text { en: $en, ru: $ru }, )*
                }
            }

            /// What is wrong, in `lang`.
            pub const fn in_lang(self, lang: Lang) -> &'static str {
                self.text().get(lang)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.text().en)
            }
        }
    };
}

reasons! {
    /// Why a host name is invalid.
    ///
    /// ```
    /// use client_lint::Lang;
    /// use client_lint::values::{FieldError, HostProblem, parse_domain};
    /// let Err(FieldError::InvalidHost(p)) = parse_domain("pbx_1.example.com") else { panic!() };
    /// assert_eq!(p, HostProblem::Characters);
    /// assert_eq!(p.to_string(), "only letters, digits, `-` and `.` are allowed");
    /// assert_eq!(p.in_lang(Lang::Ru), "допустимы только буквы, цифры, `-` и `.`");
    /// ```
    HostProblem {
        /// Nothing at all.
        Empty "empty host name" "пустое имя хоста";
        /// Not a valid internationalized domain name: an `xn--` label that
        /// does not decode, Unicode with no ASCII form under UTS 46, or a
        /// character IDNA2008 disallows (RFC 5892: symbols, emoji…).
        InvalidIdna "not a valid internationalized domain name (UTS 46 and IDNA2008): an `xn--` label that does not decode, or characters a domain may not hold (symbols and emoji are disallowed)" "некорректное интернационализированное доменное имя (UTS 46 и IDNA2008): метка `xn--`, которая не декодируется, или недопустимые в домене символы (символы и эмодзи запрещены)";
        /// A label mixing scripts beyond UTS 39's "highly restrictive" level
        /// (`pаypal` with a Cyrillic `а`): a look-alike of another name.
        MixedScript "a label mixes scripts (UTS 39, highly restrictive): a look-alike of another name" "метка смешивает письменности (UTS 39, highly restrictive): двойник другого имени";
        /// A dotted-quad IPv4 address where a name is expected.
        IpAddress "an IP address, not a host name" "IP-адрес, а не имя хоста";
        /// The last label is all digits (`example.123`).
        NumericTld "the last label is all digits: a top-level domain is never numeric (RFC 1123, section 2.1)" "последняя метка состоит из цифр: домен верхнего уровня не бывает числовым (RFC 1123, раздел 2.1)";
        /// More than 253 characters.
        TooLong "longer than 253 characters" "длиннее 253 символов";
        /// A dot at an end, or two in a row.
        EmptyLabel "empty label (a dot at the start or end, or two dots in a row)" "пустая метка (точка в начале или в конце либо две точки подряд)";
        /// A label of more than 63 characters.
        LabelTooLong "a label is longer than 63 characters" "метка длиннее 63 символов";
        /// A character other than letters, digits, `-` and `.`.
        Characters "only letters, digits, `-` and `.` are allowed" "допустимы только буквы, цифры, `-` и `.`";
        /// A label starting or ending with `-`.
        LabelHyphen "a label starts or ends with `-`" "метка начинается или заканчивается на `-`";
        /// `--` in the third and fourth place of a label that is not `xn--`.
        ReservedHyphens "`--` in the third and fourth place is reserved for IDNA (`xn--`)" "`--` на третьей и четвёртой позициях зарезервировано для IDNA (`xn--`)";
        /// `[` without `]`.
        LiteralUnclosed "address literal is missing its closing `]`" "у адресного литерала нет закрывающей `]`";
        /// `[IPv6:…]` that is no IPv6 address.
        LiteralIpv6 "invalid IPv6 address literal" "некорректный адресный литерал IPv6";
        /// An address literal that is neither IPv4 nor `IPv6:`.
        LiteralKind "address literal must be IPv4 (`[192.0.2.1]`) or IPv6 (`[IPv6:2001:db8::1]`)" "адресный литерал должен быть IPv4 (`[192.0.2.1]`) или IPv6 (`[IPv6:2001:db8::1]`)";
        /// An e-mail domain without a dot (`joe@localhost`).
        NoDot "it has no dot" "в нём нет точки";
    }
}

reasons! {
    /// Why an e-mail address is invalid (besides its domain: see [`HostProblem`]).
    ///
    /// ```
    /// use client_lint::values::{EmailProblem, FieldError, parse_email};
    /// assert_eq!(
    ///     parse_email("joe..bloggs@example.com"),
    ///     Err(FieldError::InvalidEmail(EmailProblem::LocalDots))
    /// );
    /// ```
    EmailProblem {
        /// A control character anywhere, CR and LF at the edges included: it
        /// would end up in a mail header.
        ControlCharacter "a control character (line break, tab…): it would end up in a mail header" "управляющий символ (перевод строки, табуляция…): он попадёт в заголовок письма";
        /// Non-ASCII characters before `@`.
        NonAsciiLocalPart "non-ASCII characters before `@` need SMTPUTF8, which most mail servers refuse" "не-ASCII символы до `@` требуют SMTPUTF8, который большинство почтовых серверов не принимает";
        /// No `@` at all.
        MissingAt "missing `@`" "нет `@`";
        /// Text between a quoted local part and `@` (`"joe"bloggs@example.com`).
        TextAfterQuotes "text after the closing quote: a quoted part must be the whole part before `@`" "текст после закрывающей кавычки: часть в кавычках должна занимать всю часть до `@`";
        /// Nothing before `@`.
        NothingBeforeAt "nothing before `@`" "ничего нет перед `@`";
        /// Nothing after `@`.
        NothingAfterAt "nothing after `@`" "ничего нет после `@`";
        /// A local part over 64 octets.
        LocalTooLong "the part before `@` is longer than 64 characters" "часть до `@` длиннее 64 символов";
        /// An address over 254 octets.
        TooLong "longer than 254 characters" "длиннее 254 символов";
        /// A dot at an end of the local part, or two in a row.
        LocalDots "a dot at the start or end of the part before `@`, or two dots in a row" "точка в начале или в конце части до `@` либо две точки подряд";
        /// A space outside quotes.
        LocalSpace "a space before `@` (only allowed inside double quotes)" "пробел до `@` (допустим только в двойных кавычках)";
        /// More than one `@` outside quotes.
        TwoAts "more than one `@`" "больше одного `@`";
        /// Any other character not allowed in a local part.
        LocalCharacter "a character that is not allowed before `@`" "недопустимый символ до `@`";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_unique_and_translated() {
        let texts = HostProblem::ALL
            .iter()
            .map(|p| p.text())
            .chain(EmailProblem::ALL.iter().map(|p| p.text()));
        let mut seen = std::collections::HashSet::new();
        for t in texts {
            assert!(!t.ru.is_empty() && t.ru != t.en, "{}", t.en);
            assert!(seen.insert(t.en), "{}", t.en);
        }
    }
}
