//! E-mail addresses, `email` and `disk_space_notify_email`: one RFC 5321
//! `Mailbox` (CL301–CL304). The parser is [`parse_email`]: the local part is
//! checked with the `email_address` crate, the domain as a host name or an
//! address literal with the standard library's IP parsers. Explanations are
//! the `Explanation` statics below.

use std::net::{Ipv4Addr, Ipv6Addr};

use email_address::EmailAddress;

use super::{Ctx, FieldAt, Finding, as_str, is_padded, structured, tr};
use crate::diagnostic::Applicability;
use crate::error::{EmailProblem, FieldError, HostProblem};
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

const RFC: &str = "RFC 5321 section 4.1.2 (Mailbox)";

pub(crate) static INVALID_EMAIL: Explanation = Explanation {
    what: Text {
        en: "Not an e-mail address in the RFC 5321 `Mailbox` form: a missing `@`, local part or domain, two dots in a row, an unquoted space, a non-ASCII character, a local part over 64 octets or an address over 254.",
        ru: "Не адрес электронной почты в форме `Mailbox` RFC 5321: нет `@`, локальной части или домена, две точки подряд, пробел без кавычек, не-ASCII символ, локальная часть длиннее 64 октетов или адрес длиннее 254.",
    },
    why: Text {
        en: "Mail to it cannot be delivered: notifications silently go nowhere.",
        ru: "Письмо на него не доставить: уведомления молча пропадут.",
    },
    example: r#"{"email": "joe..bloggs@example.com"}"#,
    instead: r#"{"email": "joe.bloggs@example.com"}"#,
    references: &[RFC, "RFC 5322 section 3.4.1"],
};

pub(crate) static EMAIL_DISPLAY_NAME: Explanation = Explanation {
    what: Text {
        en: "An address with a display name or angle brackets (`Joe <joe@example.com>`). The unsafe fix keeps the bare address.",
        ru: "Адрес с отображаемым именем или в угловых скобках (`Joe <joe@example.com>`). Небезопасное исправление оставляет только адрес.",
    },
    why: Text {
        en: "The field holds a mailbox, not a message header.",
        ru: "Поле содержит почтовый ящик, а не заголовок письма.",
    },
    example: r#"{"email": "Joe Bloggs <joe@example.com>"}"#,
    instead: r#"{"email": "joe@example.com"}"#,
    references: &[RFC],
};

pub(crate) static MULTIPLE_EMAILS: Explanation = Explanation {
    what: Text {
        en: "Several addresses in one field (separated by commas, semicolons or spaces).",
        ru: "Несколько адресов в одном поле (через запятую, точку с запятой или пробел).",
    },
    why: Text {
        en: "The field takes exactly one mailbox. Use a mailing list address to reach several people.",
        ru: "Поле принимает ровно один ящик. Чтобы писать нескольким людям, используйте адрес рассылки.",
    },
    example: r#"{"email": "a@example.com, b@example.com"}"#,
    instead: r#"{"email": "team@example.com"}"#,
    references: &[RFC],
};

pub(crate) static INVALID_EMAIL_DOMAIN: Explanation = Explanation {
    what: Text {
        en: "The domain after `@` is not a fully qualified host name (see `invalid-domain`) nor a valid address literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`).",
        ru: "Домен после `@` не является полным именем хоста (см. `invalid-domain`) или корректным адресным литералом (`[192.0.2.1]`, `[IPv6:2001:db8::1]`).",
    },
    why: Text {
        en: "The `email_address` crate alone accepts `joe@invalid=domain.com` and `a@[300.1.1.1]`; no mail server can deliver there.",
        ru: "Крейт `email_address` сам по себе принимает `joe@invalid=domain.com` и `a@[300.1.1.1]`; ни один почтовый сервер туда не доставит.",
    },
    example: r#"{"email": "joe@[127.0.0.300]"}"#,
    instead: r#"{"email": "joe@[127.0.0.1]"}"#,
    references: &[
        RFC,
        "RFC 5321 section 4.1.3 (address literals)",
        "RFC 1123 section 2.1",
    ],
};

/// This family's rules and their explanations.
pub(crate) static EXPLAINED: &[(Rule, &Explanation)] = &[
    (Rule::InvalidEmail, &INVALID_EMAIL),
    (Rule::EmailDisplayName, &EMAIL_DISPLAY_NAME),
    (Rule::MultipleEmails, &MULTIPLE_EMAILS),
    (Rule::InvalidEmailDomain, &INVALID_EMAIL_DOMAIN),
];

/// A validated e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email {
    address: String,
    at: usize,
}

impl Email {
    /// The whole address.
    ///
    /// ```
    /// let e = client_lint::values::parse_email("joe@example.com").unwrap();
    /// assert_eq!(e.as_str(), "joe@example.com");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.address
    }

    /// The part before `@`.
    ///
    /// ```
    /// assert_eq!(client_lint::values::parse_email("joe@example.com").unwrap().local_part(), "joe");
    /// ```
    pub fn local_part(&self) -> &str {
        &self.address[..self.at]
    }

    /// The part after `@`.
    ///
    /// ```
    /// assert_eq!(client_lint::values::parse_email("joe@example.com").unwrap().domain(), "example.com");
    /// ```
    pub fn domain(&self) -> &str {
        &self.address[self.at + 1..]
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.address)
    }
}

impl std::str::FromStr for Email {
    type Err = FieldError;

    /// ```
    /// let e: client_lint::values::Email = "joe@example.com".parse().unwrap();
    /// assert_eq!(e.to_string(), "joe@example.com");
    /// assert!("joe@localhost".parse::<client_lint::values::Email>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_email(s)
    }
}

/// Index of the `@` that ends the local part (after a quoted string when the
/// local part is quoted), or what is wrong instead.
fn split_at(s: &str) -> Result<usize, EmailProblem> {
    if s.starts_with('"') {
        let mut escaped = false;
        for (i, c) in s.char_indices().skip(1) {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' if s[i + 1..].starts_with('@') => return Ok(i + 1),
                '"' if s[i + 1..].contains('@') => return Err(EmailProblem::TextAfterQuotes),
                '"' => return Err(EmailProblem::MissingAt),
                _ => {}
            }
        }
        Err(EmailProblem::MissingAt)
    } else {
        s.find('@').ok_or(EmailProblem::MissingAt)
    }
}

/// Whether `s` holds more than one address: several `@` outside quotes with
/// a separator between them.
fn looks_multiple(s: &str) -> bool {
    // Every character that matters is ASCII: scan bytes.
    let mut in_quote = false;
    let mut escaped = false;
    let mut ats = 0;
    let mut separator_after_at = false;
    for c in s.bytes() {
        match c {
            _ if escaped => escaped = false,
            b'\\' if in_quote => escaped = true,
            b'"' => in_quote = !in_quote,
            b'@' if !in_quote => {
                if separator_after_at {
                    return true;
                }
                ats += 1;
            }
            b',' | b';' | b' ' if !in_quote && ats > 0 => separator_after_at = true,
            _ => {}
        }
    }
    false
}

fn domain_error(domain: &str) -> Option<HostProblem> {
    if let Some(literal) = domain.strip_prefix('[') {
        let Some(inner) = literal.strip_suffix(']') else {
            return Some(HostProblem::LiteralUnclosed);
        };
        return if let Some(v6) = inner.strip_prefix("IPv6:") {
            v6.parse::<Ipv6Addr>().err().map(|_| HostProblem::LiteralIpv6)
        } else if inner.parse::<Ipv4Addr>().is_ok() {
            None
        } else {
            Some(HostProblem::LiteralKind)
        };
    }
    if let Some(problem) = super::domain::host_error(domain) {
        return Some(problem);
    }
    if !domain.contains('.') {
        return Some(HostProblem::NoDot);
    }
    None
}

/// Parse one e-mail address in RFC 5321 `Mailbox` form.
///
/// ```
/// use client_lint::values::{FieldError, parse_email};
/// assert!(parse_email("joe.bloggs@example.com").is_ok());
/// assert!(parse_email("joe@[IPv6:::1]").is_ok());
/// assert!(matches!(parse_email("joe@invalid=domain.com"), Err(FieldError::InvalidHost { .. })));
/// assert_eq!(
///     parse_email("Joe <joe@example.com>"),
///     Err(FieldError::DisplayName { address: "joe@example.com".into() })
/// );
/// assert_eq!(parse_email("a@example.com, b@example.com"), Err(FieldError::MultipleEmails));
/// ```
pub fn parse_email(s: &str) -> Result<Email, FieldError> {
    validate(s).map(|at| Email {
        address: s.to_string(),
        at,
    })
}

/// [`parse_email`] without building the value: the index of the `@`.
fn validate(s: &str) -> Result<usize, FieldError> {
    let invalid = |p| Err(FieldError::InvalidEmail(p));
    if s.is_empty() {
        return Err(FieldError::Empty);
    }
    // Before white space: CR/LF at the edges must not be trimmed away
    // silently, since they would end up in a mail header.
    if crate::swar::control(s.as_bytes()).is_some() {
        return invalid(EmailProblem::ControlCharacter);
    }
    if is_padded(s) {
        return Err(FieldError::Whitespace);
    }
    if let Some(open) = s.ends_with('>').then(|| s.rfind('<')).flatten() {
        let inner = &s[open + 1..s.len() - 1];
        if !looks_multiple(s) && validate(inner).is_ok() {
            return Err(FieldError::DisplayName {
                address: inner.to_string(),
            });
        }
    }
    if looks_multiple(s) {
        return Err(FieldError::MultipleEmails);
    }
    let at = match split_at(s) {
        Ok(at) => at,
        Err(p) => return invalid(p),
    };
    let (local, domain) = (&s[..at], &s[at + 1..]);
    if !local.is_ascii() {
        return invalid(EmailProblem::NonAsciiLocalPart);
    }
    if !domain.is_ascii() {
        return invalid(EmailProblem::NonAsciiDomain);
    }
    if local.is_empty() {
        return invalid(EmailProblem::NothingBeforeAt);
    }
    if domain.is_empty() {
        return invalid(EmailProblem::NothingAfterAt);
    }
    if local.len() > 64 {
        return invalid(EmailProblem::LocalTooLong);
    }
    if s.len() > 254 {
        return invalid(EmailProblem::TooLong);
    }
    if !EmailAddress::is_valid_local_part(local) {
        let problem = if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
            EmailProblem::LocalDots
        } else if local.contains(' ') {
            EmailProblem::LocalSpace
        } else if domain.contains('@') || local.contains('@') {
            EmailProblem::TwoAts
        } else {
            EmailProblem::LocalCharacter
        };
        return invalid(problem);
    }
    if let Some(problem) = domain_error(domain) {
        return Err(FieldError::InvalidHost(problem));
    }
    Ok(at)
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(ctx, at, validate, |ctx, t, e| report(ctx, at, t, e));
}

/// Map a [`parse_email`] error of the value `t` to its rule.
fn report(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, t: &str, e: FieldError) {
    let name = at.key;
    match e {
        FieldError::DisplayName { address } => {
            at.emit(ctx, Rule::EmailDisplayName, |s| {
                let a = s.quote(&address);
                Finding::new(tr!(
                    s,
                    "`{name}` holds a display name besides the address",
                    "`{name}` содержит отображаемое имя помимо адреса"
                ))
                .help(tr!(s, "write only `{a}`", "оставьте только `{a}`"))
                .fix(at.replace(address.as_str(), Applicability::Unsafe))
            });
        }
        FieldError::MultipleEmails => at.emit(ctx, Rule::MultipleEmails, |s| {
            Finding::new(tr!(
                s,
                "`{name}` holds several addresses; it takes exactly one",
                "`{name}` содержит несколько адресов; допустим ровно один"
            ))
            .help(tr!(
                s,
                "keep one address, e.g. a mailing list that reaches everybody",
                "оставьте один адрес, например адрес рассылки для всех"
            ))
        }),
        FieldError::InvalidHost(problem) => {
            let domain = t.rsplit_once('@').map_or("", |(_, d)| d);
            at.emit(ctx, Rule::InvalidEmailDomain, |s| {
                let d = s.quote(domain);
                let reason = problem.in_lang(s.lang);
                Finding::new(tr!(
                    s,
                    "invalid domain `{d}` in e-mail address: {reason}",
                    "некорректный домен `{d}` в адресе почты: {reason}"
                ))
                .help(tr!(
                    s,
                    "write the mail server's full domain after `@`, e.g. `name@example.com`",
                    "после `@` укажите полный домен почтового сервера, например `name@example.com`"
                ))
            });
        }
        other => {
            let problem = match other {
                FieldError::InvalidEmail(p) => p,
                _ => EmailProblem::LocalCharacter,
            };
            // A control character is pointed at where it is (it is found
            // before white space is trimmed, so in the value as written).
            let control = match problem {
                EmailProblem::ControlCharacter => {
                    as_str(at.node).and_then(|raw| crate::swar::control(raw.as_bytes()))
                }
                _ => None,
            };
            let span = control.map_or(at.node.span, |i| at.sub_span(i, i + 1));
            at.emit_at(ctx, Rule::InvalidEmail, span, |s| {
                let v = s.quote(t);
                let reason = problem.in_lang(s.lang);
                Finding::new(tr!(
                    s,
                    "`{v}` is not a valid e-mail address: {reason}",
                    "`{v}` — некорректный адрес почты: {reason}"
                ))
                .help(tr!(
                    s,
                    "write the address as `name@example.com`",
                    "запишите адрес в виде `name@example.com`"
                ))
            });
        }
    }
}
