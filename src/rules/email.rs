//! E-mail addresses, `email` and `disk_space_notify_email`: one RFC 5321
//! `Mailbox` (CL301–CL304). The parser is [`parse_email`]: the local part is
//! checked with the `email_address` crate, the domain as a host name or an
//! address literal with the standard library's IP parsers. Explanations are
//! the `Explanation` statics below.

use email_address::EmailAddress;

mod split;

use split::{local_and_domain, looks_multiple, quoted_local_part, split_at};

use super::context::{Check, Ctx, FieldAt, Finding, as_str, is_padded, tr};
use super::declare::{Declared, declare};
use super::mail_domain::{domain_error, special_use};
use super::text::structured;
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
        en: "No mail server can deliver to `joe@invalid=domain.com` or `a@[300.1.1.1]`. Decisions: the domain must contain a dot (`joe@localhost` is an error because a single label is not a fully qualified name, RFC 5321 section 2.3.5, not because `localhost` is special-use: `joe@host.localhost` is only the warning `special-use-email-domain`); an IPv4 address written as a name (`joe@192.0.2.1`) is an error whose unsafe fix writes the address literal `joe@[192.0.2.1]`; a numeric top-level label (`joe@example.123`) is an error (RFC 1123 section 2.1); the domain must be valid IDNA (UTS 46, then IDNA2008: no symbols or emoji) and no label may mix scripts beyond UTS 39's \"highly restrictive\" level (`joe@аpple.com`, whose ASCII look-alike is an unsafe fix).",
        ru: "Ни один почтовый сервер не доставит письмо на `joe@invalid=domain.com` или `a@[300.1.1.1]`. Решения: в домене должна быть точка (`joe@localhost` — ошибка, потому что одна метка — не полное имя, RFC 5321 раздел 2.3.5, а не потому, что `localhost` зарезервирован: `joe@host.localhost` — лишь предупреждение `special-use-email-domain`); IPv4-адрес, записанный как имя (`joe@192.0.2.1`), — ошибка, небезопасное исправление записывает адресный литерал `joe@[192.0.2.1]`; числовая метка верхнего уровня (`joe@example.123`) — ошибка (RFC 1123 раздел 2.1); домен должен быть корректен по IDNA (UTS 46, затем IDNA2008: без символов и эмодзи), и ни одна метка не может смешивать письменности сверх уровня UTS 39 «highly restrictive» (`joe@аpple.com`; его ASCII-двойник — небезопасное исправление).",
    },
    example: r#"{"email": "joe@[127.0.0.300]"}"#,
    instead: r#"{"email": "joe@[127.0.0.1]"}"#,
    references: &[
        RFC,
        "RFC 5321 section 4.1.3 (address literals)",
        "RFC 1123 section 2.1",
    ],
};

pub(crate) static SPECIAL_USE_EMAIL_DOMAIN: Explanation = Explanation {
    what: Text {
        en: "An address whose domain is a special-use name: `.invalid`, `.test`, `.localhost`, `.local`, `.onion`, `.arpa`, or `localhost.localdomain`. Documentation names (`example.com`, `.example`) are not reported. A warning: the address is well-formed.",
        ru: "Адрес с доменом специального назначения: `.invalid`, `.test`, `.localhost`, `.local`, `.onion`, `.arpa` или `localhost.localdomain`. Имена для документации (`example.com`, `.example`) не сообщаются. Предупреждение: адрес корректен по форме.",
    },
    why: Text {
        en: "Mail to these names is never delivered: they do not resolve in the public DNS, or only inside one network or over Tor, so notifications go nowhere.",
        ru: "Письма на эти имена никогда не доставляются: они не разрешаются в публичном DNS или работают лишь внутри одной сети или через Tor, поэтому уведомления пропадут.",
    },
    example: r#"{"email": "admin@pbx.local"}"#,
    instead: r#"{"email": "admin@example.com"}"#,
    references: &[
        "RFC 6761 (special-use domain names)",
        "RFC 6762 (.local)",
        "RFC 7686 (.onion)",
        "RFC 2606 (example names)",
    ],
};

pub(crate) static UNICODE_EMAIL_DOMAIN: Explanation = Explanation {
    what: Text {
        en: "An address whose domain is written in Unicode (`joe@пример.рф`). The safe fix writes the domain's ASCII form under UTS 46 (`joe@xn--e1afmkfd.xn--p1ai`), which is the same mailbox. A non-ASCII part before `@` is `invalid-email` instead: it needs SMTPUTF8.",
        ru: "Адрес с доменом в Unicode (`joe@пример.рф`). Безопасное исправление записывает ASCII-форму домена по UTS 46 (`joe@xn--e1afmkfd.xn--p1ai`) — это тот же ящик. Не-ASCII часть до `@` — это `invalid-email`: для неё нужен SMTPUTF8.",
    },
    why: Text {
        en: "RFC 5321 mailboxes are ASCII; a server without SMTPUTF8 rejects the Unicode form, while the punycode form reaches the same domain everywhere.",
        ru: "Ящики RFC 5321 — ASCII; сервер без SMTPUTF8 отклонит Unicode-форму, а punycode-форма везде ведёт к тому же домену.",
    },
    example: r#"{"email": "joe@пример.рф"}"#,
    instead: r#"{"email": "joe@xn--e1afmkfd.xn--p1ai"}"#,
    references: &[
        RFC,
        "UTS 46 (Unicode IDNA Compatibility Processing)",
        "RFC 6531 (SMTPUTF8)",
    ],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL301 InvalidEmail "invalid-email" Error None => INVALID_EMAIL;
    CL302 EmailDisplayName "email-display-name" Error Unsafe => EMAIL_DISPLAY_NAME;
    CL303 MultipleEmails "multiple-emails" Error None => MULTIPLE_EMAILS;
    CL304 InvalidEmailDomain "invalid-email-domain" Error Sometimes => INVALID_EMAIL_DOMAIN;
    CL305 SpecialUseEmailDomain "special-use-email-domain" Warning None => SPECIAL_USE_EMAIL_DOMAIN;
    CL306 UnicodeEmailDomain "unicode-email-domain" Error Safe => UNICODE_EMAIL_DOMAIN;
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

/// Parse one e-mail address in RFC 5321 `Mailbox` form.
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
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

/// The address of a document the linter accepted (`parse_email` said `Ok`
/// there): built without validating again. The local part may hold `@` only
/// inside quotes; a host name never holds one, and an address literal
/// (`[…]`, where `@` may appear but `[` may not) follows the last `@[`.
pub(crate) fn accepted_email(s: &str) -> Option<Email> {
    let at = if s.ends_with(']') {
        s.rfind("@[")
    } else {
        s.rfind('@')
    };
    at.map(|at| Email {
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
    // White space first, as every parser: a line break or tab at the edges
    // is the `padded-value` error, whose safe fix trims it when the address
    // inside is valid (never silently). One inside the address would end up
    // in a mail header.
    if is_padded(s) {
        return Err(FieldError::Whitespace);
    }
    if crate::swar::control(s.as_bytes()).is_some() {
        return invalid(EmailProblem::ControlCharacter);
    }
    // RFC 5322 `name-addr`, `phrase <addr-spec>`: recognised first, so that
    // the display name is what is reported, whatever is wrong inside.
    if let Some(open) = s.ends_with('>').then(|| s.rfind('<')).flatten() {
        let inner = s[open + 1..s.len() - 1].trim();
        if inner.contains('@') && !s[..open].contains(['<', '>']) && !looks_multiple(s) {
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
    // A Unicode domain is checked in its ASCII form, and reported last, with
    // that form, once nothing else is wrong.
    let ascii = if domain.is_ascii() {
        None
    } else {
        match super::domain::punycode(domain) {
            Some(a) => Some(a),
            None => return Err(FieldError::InvalidHost(HostProblem::InvalidIdna)),
        }
    };
    let domain = ascii.as_deref().unwrap_or(domain);
    if local.is_empty() {
        return invalid(EmailProblem::NothingBeforeAt);
    }
    if domain.is_empty() {
        return invalid(EmailProblem::NothingAfterAt);
    }
    if local.len() > 64 {
        return invalid(EmailProblem::LocalTooLong);
    }
    if local.len() + 1 + domain.len() > 254 {
        return invalid(EmailProblem::TooLong);
    }
    if local.starts_with('"') {
        if let Some(problem) = quoted_local_part(local) {
            return invalid(problem);
        }
    } else if !EmailAddress::is_valid_local_part(local) {
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
    // `a@b@example.com`: a second `@` outside quotes is the address's
    // mistake, not its domain's (a domain literal, `[…]`, is the domain's).
    if domain.contains('@') && !domain.starts_with('[') {
        return invalid(EmailProblem::TwoAts);
    }
    if let Some(problem) = domain_error(domain) {
        return Err(FieldError::InvalidHost(problem));
    }
    if let Some(ascii) = ascii {
        // A look-alike domain gets no safe conversion to punycode.
        if super::domain::mixed_script(&ascii).is_some() {
            return Err(FieldError::InvalidHost(HostProblem::MixedScript));
        }
        return Err(FieldError::Unicode {
            ascii: format!("{local}@{ascii}"),
        });
    }
    Ok(at)
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    let Some(i) = structured(ctx, at, validate, |ctx, t, e| report(ctx, at, t, e)) else {
        return;
    };
    let Some(value) = as_str(at.node) else { return };
    let domain = super::context::trim(value).get(i + 1..).unwrap_or_default();
    if domain.starts_with('[') {
        return;
    }
    super::domain::mixed_a_label(ctx, at, domain);
    if let Some(name) = special_use(domain) {
        let field = at.key;
        at.emit(ctx, Rule::SpecialUseEmailDomain, |s| {
            let d = s.quote(domain);
            Finding::new(tr!(
                s,
                "mail to `{d}` is never delivered: `{name}` is a special-use name",
                "письмо на `{d}` не будет доставлено: `{name}` — имя специального назначения"
            ))
            .help(tr!(
                s,
                "write an address at a domain that receives mail for `{field}`",
                "укажите в `{field}` адрес в домене, который принимает почту"
            ))
        });
    }
}

/// Map a [`parse_email`] error of the value `t` to its rule.
fn report(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, t: &str, e: FieldError) {
    let name = at.key;
    match e {
        FieldError::DisplayName { address } => {
            let inner = validate(&address).err();
            at.emit(ctx, Rule::EmailDisplayName, |s| {
                let a = s.quote(&address);
                let f = Finding::new(tr!(
                    s,
                    "`{name}` holds a display name besides the address",
                    "`{name}` содержит отображаемое имя помимо адреса"
                ));
                match inner {
                    None => f
                        .help(tr!(s, "write only `{a}`", "оставьте только `{a}`"))
                        .fix(at.replace(address.as_str(), Applicability::Unsafe)),
                    Some(_) => f.help(tr!(
                        s,
                        "write only the address, `{a}`, corrected as reported",
                        "оставьте только адрес, `{a}`, исправив его, как сказано"
                    )),
                }
            });
            // The address inside has problems of its own: reported too,
            // without a fix (it would drop the name).
            if let Some(e) = inner {
                report(ctx, &at.without_fixes(), &address, e);
            }
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
        FieldError::Unicode { ascii } => {
            at.emit(ctx, Rule::UnicodeEmailDomain, |s| {
                let a = s.quote(&ascii);
                Finding::new(tr!(
                    s,
                    "the domain of `{name}` is written in Unicode; mail servers take its ASCII form",
                    "домен в `{name}` записан в Unicode; почтовые серверы принимают его ASCII-форму"
                ))
                .help(tr!(s, "write `{a}` (punycode)", "напишите `{a}` (punycode)"))
                .fix(at.replace(ascii.as_str(), Applicability::Safe))
            });
        }
        FieldError::InvalidHost(HostProblem::MixedScript) => {
            let (local, domain) = local_and_domain(t);
            let mixed = super::domain::mixed_script(domain);
            let label = mixed.as_ref().map(|m| m.label.clone()).unwrap_or_default();
            let lookalike = mixed.and_then(|m| m.lookalike).map(|a| format!("{local}@{a}"));
            at.emit(ctx, Rule::InvalidEmailDomain, |s| {
                let (d, l) = (s.quote(domain), s.quote(&label));
                let f = Finding::new(tr!(
                    s,
                    "the domain `{d}` of `{name}` mixes scripts in the label `{l}`: a look-alike of another name",
                    "домен `{d}` в `{name}` смешивает письменности в метке `{l}`: двойник другого имени"
                ));
                match &lookalike {
                    Some(a) => {
                        let q = s.quote(a);
                        f.help(tr!(
                            s,
                            "it looks like `{q}`: if that is the address meant, write it",
                            "оно выглядит как `{q}`: если имеется в виду он, напишите его"
                        ))
                        .fix(at.replace(a.as_str(), Applicability::Unsafe))
                    }
                    None => f.help(tr!(
                        s,
                        "write every label of the domain in one script (UTS 39)",
                        "пишите каждую метку домена одной письменностью (UTS 39)"
                    )),
                }
            });
        }
        FieldError::InvalidHost(HostProblem::IpAddress) => {
            let (local, ip) = local_and_domain(t);
            let literal = format!("{local}@[{ip}]");
            at.emit(ctx, Rule::InvalidEmailDomain, |s| {
                let d = s.quote(ip);
                let l = s.quote(&literal);
                Finding::new(tr!(
                    s,
                    "`{d}` after `@` is an IP address written as a domain name",
                    "`{d}` после `@` — IP-адрес, записанный как доменное имя"
                ))
                .help(tr!(
                    s,
                    "write the address literal `{l}`, or better the mail server's domain",
                    "запишите адресный литерал `{l}` или, лучше, домен почтового сервера"
                ))
                .fix(at.replace(literal.as_str(), Applicability::Unsafe))
            });
        }
        FieldError::InvalidHost(problem) => {
            let (_, domain) = local_and_domain(t);
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
            // A control character is pointed at where it is in the value as
            // written (`t` is it without the white space around it).
            let control = match problem {
                EmailProblem::ControlCharacter => as_str(at.node).and_then(|raw| {
                    let start = raw.len() - raw.trim_start().len();
                    crate::swar::control(t.as_bytes()).map(|i| start + i)
                }),
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

/// The rules of an e-mail field; the notification address's last one is
/// the half of the pair the numbers family checks (`email-without-threshold`).
static RULES: [Rule; 10] = [
    Rule::InvalidEmail,
    Rule::EmailDisplayName,
    Rule::MultipleEmails,
    Rule::InvalidEmailDomain,
    Rule::SpecialUseEmailDomain,
    Rule::UnicodeEmailDomain,
    Rule::MixedScriptDomain,
    Rule::EmptyValue,
    Rule::PaddedValue,
    Rule::EmailWithoutThreshold,
];

/// An e-mail address.
pub(crate) static CHECK: Check = Check {
    run: check,
    parse: Some(|s| parse_email(s).map(drop)),
    rules: RULES.split_last().expect("rules").1,
};

/// The disk-space notification address.
pub(crate) static NOTIFY_EMAIL: Check = Check {
    run: check,
    parse: Some(|s| parse_email(s).map(drop)),
    rules: &RULES,
};
