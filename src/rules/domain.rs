//! The SIP domain, `domain`: a lower-case host name (CL601–CL603). The parser
//! is [`parse_domain`]; [`host_error`] also serves the domain of e-mail
//! addresses. Explanations are the `Explanation` statics below.

use super::context::{Check, Ctx, FieldAt, Finding, as_str, is_padded, tr};
use super::declare::{Declared, declare};
use super::idna2008::PERMITTED;
use super::text::structured;
use crate::diagnostic::Applicability;
use crate::error::{FieldError, HostProblem};
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

pub(crate) static INVALID_DOMAIN: Explanation = Explanation {
    what: Text {
        en: "`domain` is not a host name: a character other than letters, digits, `-` and `.`, an empty label, a label over 63 characters or a name over 253, a hyphen at a label's edge, an all-numeric last label or an IP address (RFC 1123: a top-level domain is never numeric), an `xn--` label that is not valid IDNA (UTS 46, strict, then IDNA2008: RFC 5892's code point classes and contextual rules, so symbols and emoji such as `💩.la` are invalid), or, written in Unicode, a label that mixes scripts beyond UTS 39's \"highly restrictive\" level (`pаypal.com` with a Cyrillic `а`), whose ASCII look-alike is offered as an unsafe fix.",
        ru: "`domain` — не имя хоста: символ, отличный от букв, цифр, `-` и `.`, пустая метка, метка длиннее 63 символов или имя длиннее 253, дефис на краю метки, последняя метка из одних цифр или IP-адрес (RFC 1123: домен верхнего уровня не бывает числовым) метка `xn--`, некорректная по IDNA (UTS 46, строго, затем IDNA2008: классы кодовых точек и контекстные правила RFC 5892, так что символы и эмодзи вроде `💩.la` недопустимы) либо, в записи Unicode, метка, смешивающая письменности сверх уровня UTS 39 «highly restrictive» (`pаypal.com` с кириллической `а`); её ASCII-двойник предлагается небезопасным исправлением.",
    },
    why: Text {
        en: "SIP extensions are addressed as `prefix*name@domain`: a domain that cannot be resolved means no phone can register.",
        ru: "SIP-добавочные адресуются как `prefix*name@domain`: домен, который нельзя разрешить, не позволит зарегистрировать ни один телефон.",
    },
    example: r#"{"domain": "pbx_01.example.com"}"#,
    instead: r#"{"domain": "pbx-01.example.com"}"#,
    references: &[
        "RFC 1123 section 2.1",
        "RFC 1035 section 2.3.1",
        "RFC 5891 section 4.2.3.1",
    ],
};

pub(crate) static DOMAIN_IS_URL: Explanation = Explanation {
    what: Text {
        en: "`domain` holds a URL (`https://host/path`) instead of a host name. The fix keeps the host.",
        ru: "`domain` содержит URL (`https://host/path`) вместо имени хоста. Исправление оставляет только хост.",
    },
    why: Text {
        en: "The field is the SIP domain itself; scheme, port and path make it unresolvable.",
        ru: "Поле — это сам SIP-домен; схема, порт и путь делают его неразрешимым.",
    },
    example: r#"{"domain": "https://pbx.example.com/"}"#,
    instead: r#"{"domain": "pbx.example.com"}"#,
    references: &["RFC 3986 section 3.2.2 (host)"],
};

pub(crate) static UNICODE_DOMAIN: Explanation = Explanation {
    what: Text {
        en: "`domain` written in Unicode (`пример.рф`, `MÜNCHEN.de`). The safe fix writes its ASCII form under UTS 46 (punycode, lower case: `xn--e1afmkfd.xn--p1ai`), which names the same domain.",
        ru: "`domain` записан в Unicode (`пример.рф`, `MÜNCHEN.de`). Безопасное исправление записывает его ASCII-форму по UTS 46 (punycode, нижний регистр: `xn--e1afmkfd.xn--p1ai`), которая обозначает тот же домен.",
    },
    why: Text {
        en: "DNS, SIP URIs and extension addresses carry the ASCII form; a Unicode domain is resolved only by software that converts it first.",
        ru: "DNS, SIP URI и адреса добавочных используют ASCII-форму; Unicode-домен разрешит только программа, которая сначала его преобразует.",
    },
    example: r#"{"domain": "пример.рф"}"#,
    instead: r#"{"domain": "xn--e1afmkfd.xn--p1ai"}"#,
    references: &[
        "UTS 46 (Unicode IDNA Compatibility Processing)",
        "RFC 5891 (IDNA2008 protocol)",
    ],
};

pub(crate) static DOMAIN_NOT_LOWERCASE: Explanation = Explanation {
    what: Text {
        en: "`domain` contains upper-case letters.",
        ru: "`domain` содержит заглавные буквы.",
    },
    why: Text {
        en: "Host names are case-insensitive, but the domain is also compared as text in SIP URIs and extension addresses: lower case avoids mismatches.",
        ru: "Имена хостов нечувствительны к регистру, но домен также сравнивается как текст в SIP URI и адресах добавочных: нижний регистр исключает расхождения.",
    },
    example: r#"{"domain": "PBX.Example.com"}"#,
    instead: r#"{"domain": "pbx.example.com"}"#,
    references: &["RFC 4343 (DNS case insensitivity)"],
};

pub(crate) static MIXED_SCRIPT_DOMAIN: Explanation = Explanation {
    what: Text {
        en: "A valid host name (in `domain` or an e-mail address) whose `xn--` labels decode to a label mixing scripts beyond UTS 39's \"highly restrictive\" level, such as Latin with Cyrillic (`xn--pypal-4ve.com` is `pаypal.com`). Written in Unicode, such a label is an error (`invalid-domain`, `invalid-email-domain`) with the ASCII look-alike as an unsafe fix; already in ASCII form, a warning.",
        ru: "Корректное имя хоста (в `domain` или в адресе почты), метки `xn--` которого декодируются в метку, смешивающую письменности сверх уровня UTS 39 «highly restrictive», например латиницу с кириллицей (`xn--pypal-4ve.com` — это `pаypal.com`). Записанная в Unicode, такая метка — ошибка (`invalid-domain`, `invalid-email-domain`) с ASCII-двойником как небезопасным исправлением; уже в ASCII-форме — предупреждение.",
    },
    why: Text {
        en: "Mixing scripts is how look-alike domains are made: calls and mail would go to another party's server while the name looks right.",
        ru: "Смешением письменностей создают домены-двойники: вызовы и почта уйдут на чужой сервер, а имя будет выглядеть правильным.",
    },
    example: r#"{"domain": "xn--pypal-4ve.com"}"#,
    instead: r#"{"domain": "paypal.com"}"#,
    references: &[
        "UTS 39: Unicode Security Mechanisms, section 5.2 (restriction levels)",
        "RFC 5890",
    ],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL605 MixedScriptDomain "mixed-script-domain" Warning None => MIXED_SCRIPT_DOMAIN;
    CL601 InvalidDomain "invalid-domain" Error None => INVALID_DOMAIN;
    CL602 DomainIsUrl "domain-is-url" Error Safe => DOMAIN_IS_URL;
    CL603 DomainNotLowercase "domain-not-lowercase" Error Safe => DOMAIN_NOT_LOWERCASE;
    CL604 UnicodeDomain "unicode-domain" Error Safe => UNICODE_DOMAIN;
];

/// Why `s` is not a host name, or `None` when it is one.
pub(crate) fn host_error(s: &str) -> Option<HostProblem> {
    if s.is_empty() {
        return Some(HostProblem::Empty);
    }
    if !s.is_ascii() {
        return Some(HostProblem::InvalidIdna);
    }
    if s.len() > 253 {
        return Some(HostProblem::TooLong);
    }
    // One pass over the bytes, label by label.
    let b = s.as_bytes();
    let mut start = 0;
    let mut idna = false;
    let mut last_numeric = false;
    for i in 0..=b.len() {
        let c = b.get(i).copied().unwrap_or(b'.');
        if c != b'.' {
            if !(c.is_ascii_alphanumeric() || c == b'-') {
                return Some(HostProblem::Characters);
            }
            continue;
        }
        let label = &b[start..i];
        match label {
            [] => return Some(HostProblem::EmptyLabel),
            _ if label.len() > 63 => return Some(HostProblem::LabelTooLong),
            [b'-', ..] | [.., b'-'] => return Some(HostProblem::LabelHyphen),
            [x, n, b'-', b'-', ..] if !(x.eq_ignore_ascii_case(&b'x') && n.eq_ignore_ascii_case(&b'n')) => {
                return Some(HostProblem::ReservedHyphens);
            }
            [_, _, b'-', b'-', ..] => idna = true,
            _ => {}
        }
        last_numeric = label.iter().all(u8::is_ascii_digit);
        start = i + 1;
    }
    if last_numeric {
        return Some(if s.parse::<std::net::Ipv4Addr>().is_ok() {
            HostProblem::IpAddress
        } else {
            HostProblem::NumericTld
        });
    }
    // `xn--` labels must decode to a valid internationalized name.
    if idna && punycode(s).is_none() {
        return Some(HostProblem::InvalidIdna);
    }
    None
}

/// The ASCII form of a host name under UTS 46, strict (STD3 rules, hyphen
/// checks, DNS lengths): punycode for Unicode labels, lower case; `None` when
/// it is not a valid internationalized domain name, which includes a label
/// holding a character IDNA2008 disallows (RFC 5892: `💩.la`, `xn--n3h.com`),
/// since UTS 46 maps and keeps symbols and emoji that IDNA2008 forbids.
///
/// The one place the crate converts or validates IDNA.
pub(crate) fn punycode(s: &str) -> Option<String> {
    use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
    let ascii = Uts46::new()
        .to_ascii(
            s.as_bytes(),
            AsciiDenyList::STD3,
            Hyphens::Check,
            DnsLength::Verify,
        )
        .ok()?
        .into_owned();
    if ascii.contains("xn--") {
        let unicode = unicode_form(&ascii)?;
        if !unicode.chars().all(|c| c.is_ascii() || idna2008_permits(c))
            || !unicode.split('.').all(contexto_ok)
        {
            return None;
        }
    }
    Some(ascii)
}

/// IDNA2008's CONTEXTO rules (RFC 5892, appendix A.3-A.9) for one label.
fn contexto_ok(label: &str) -> bool {
    use unicode_script::{Script, UnicodeScript};
    let chars: Vec<char> = label.chars().collect();
    let has = |f: &dyn Fn(char) -> bool| chars.iter().any(|&c| f(c));
    let arabic_indic = |c: char| ('\u{0660}'..='\u{0669}').contains(&c);
    let extended = |c: char| ('\u{06F0}'..='\u{06F9}').contains(&c);
    chars.iter().enumerate().all(|(i, &c)| {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        match c {
            // MIDDLE DOT: between two `l`s (Catalan `l·l`).
            '\u{00B7}' => before == Some('l') && after == Some('l'),
            // GREEK LOWER NUMERAL SIGN: before a Greek character.
            '\u{0375}' => after.is_some_and(|a| a.script() == Script::Greek),
            // HEBREW GERESH and GERSHAYIM: after a Hebrew character.
            '\u{05F3}' | '\u{05F4}' => before.is_some_and(|b| b.script() == Script::Hebrew),
            // KATAKANA MIDDLE DOT: in a label with Hiragana, Katakana or Han.
            '\u{30FB}' => has(&|x| matches!(x.script(), Script::Hiragana | Script::Katakana | Script::Han)),
            // The two sets of Arabic digits never mix.
            _ if arabic_indic(c) => !has(&extended),
            _ if extended(c) => !has(&arabic_indic),
            _ => true,
        }
    })
}

/// The Unicode form of a valid ASCII host name (UTS 46 ToUnicode).
pub(crate) fn unicode_form(ascii: &str) -> Option<String> {
    use idna::uts46::{AsciiDenyList, Hyphens, Uts46};
    let (unicode, result) = Uts46::new().to_unicode(ascii.as_bytes(), AsciiDenyList::STD3, Hyphens::Check);
    result.ok().map(|()| unicode.into_owned())
}

/// Whether IDNA2008 permits `c` in a label (PVALID, CONTEXTJ, CONTEXTO).
fn idna2008_permits(c: char) -> bool {
    let cp = u32::from(c);
    // Even entries start a range, odd ones end it: inside one exactly when
    // an odd number of entries are at or below `cp`.
    PERMITTED.partition_point(|&bound| bound <= cp) % 2 == 1
}

/// A host name whose Unicode form has a label mixing scripts beyond UTS 39's
/// "highly restrictive" level: the label, and the whole host name as its
/// ASCII look-alike when every other character has a one-letter ASCII
/// prototype in UTS 39's confusables (`pаypal.com` → `paypal.com`).
pub(crate) struct MixedScript {
    pub label: String,
    pub lookalike: Option<String>,
}

/// The mixed-script label of a valid host name, written in Unicode or in
/// ASCII (`xn--` labels are decoded), if any.
pub(crate) fn mixed_script(host: &str) -> Option<MixedScript> {
    if host.is_ascii() && !host.contains("xn--") {
        return None;
    }
    let ascii = if host.is_ascii() {
        host.to_string()
    } else {
        punycode(host)?
    };
    unicode_mixed_script(&unicode_form(&ascii)?)
}

/// The mixed-script label of `unicode` (a host name's Unicode form), if any.
fn unicode_mixed_script(unicode: &str) -> Option<MixedScript> {
    use unicode_security::{RestrictionLevel, RestrictionLevelDetection};
    if unicode.is_ascii() {
        return None;
    }
    let label = unicode.split('.').find(|label| {
        // Digits and `-` belong to every script; `-` is no identifier
        // character for UTS 39, so it is left out of the test.
        let letters: String = label.chars().filter(|&c| c != '-').collect();
        letters.as_str().detect_restriction_level() > RestrictionLevel::HighlyRestrictive
    })?;
    let lookalike: String = unicode
        .chars()
        .map(|c| {
            if c.is_ascii() {
                return c;
            }
            super::confusables::ascii_lookalike(c).unwrap_or(c)
        })
        .collect();
    Some(MixedScript {
        label: label.to_string(),
        lookalike: (lookalike.is_ascii() && host_error(&lookalike).is_none()).then_some(lookalike),
    })
}

/// A host name, in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Domain(String);

impl Domain {
    /// The host name.
    ///
    /// ```
    /// assert_eq!(client_lint::values::parse_domain("pbx.example.com").unwrap().as_str(), "pbx.example.com");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Domain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Domain {
    type Err = FieldError;

    /// ```
    /// let d: client_lint::values::Domain = "pbx.example.com".parse().unwrap();
    /// assert_eq!(d.to_string(), "pbx.example.com");
    /// assert!("PBX.example.com".parse::<client_lint::values::Domain>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_domain(s)
    }
}

/// The host of a URL-looking value (`https://user@Host:5060/path`).
fn url_host(s: &str) -> Option<&str> {
    let (scheme, rest) = s.split_once("://").or_else(|| {
        // `sip:host`, `sips:host`
        let (scheme, rest) = s.split_once(':')?;
        matches!(scheme.to_ascii_lowercase().as_str(), "sip" | "sips").then_some((scheme, rest))
    })?;
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#', ';']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let host = host_port.split(':').next().unwrap_or(host_port);
    Some(host)
}

/// Parse the `domain` field: a lower-case host name.
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
///
/// ```
/// use client_lint::values::{FieldError, parse_domain};
/// assert!(parse_domain("pbx.example.com").is_ok());
/// assert_eq!(
///     parse_domain("https://pbx.example.com/"),
///     Err(FieldError::Url { host: "pbx.example.com".into() })
/// );
/// assert_eq!(
///     parse_domain("PBX.example.com"),
///     Err(FieldError::WrongCase { canonical: "pbx.example.com".into() })
/// );
/// assert!(matches!(parse_domain("pbx_1.example.com"), Err(FieldError::InvalidHost(_))));
/// assert_eq!(parse_domain("\tpbx.example.com"), Err(FieldError::Whitespace));
/// assert_eq!(
///     parse_domain("пример.рф"),
///     Err(FieldError::Unicode { ascii: "xn--e1afmkfd.xn--p1ai".into() })
/// );
/// ```
pub fn parse_domain(s: &str) -> Result<Domain, FieldError> {
    validate(s).map(|()| Domain(s.to_string()))
}

/// The host name of a document the linter accepted (`parse_domain` said `Ok`
/// there): built without validating again.
pub(crate) fn accepted_domain(s: &str) -> Domain {
    Domain(s.to_string())
}

/// [`parse_domain`] without building the value.
fn validate(s: &str) -> Result<(), FieldError> {
    if s.is_empty() {
        return Err(FieldError::Empty);
    }
    if is_padded(s) {
        return Err(FieldError::Whitespace);
    }
    if let Some(host) = s.contains(':').then(|| url_host(s)).flatten() {
        return Err(FieldError::Url {
            host: host.to_ascii_lowercase(),
        });
    }
    if !s.is_ascii() {
        return Err(match punycode(s) {
            Some(ascii) if host_error(&ascii).is_some() => FieldError::InvalidHost(HostProblem::InvalidIdna),
            // A look-alike gets no safe conversion to punycode.
            Some(_) if mixed_script(s).is_some() => FieldError::InvalidHost(HostProblem::MixedScript),
            Some(ascii) => FieldError::Unicode { ascii },
            None => FieldError::InvalidHost(HostProblem::InvalidIdna),
        });
    }
    if let Some(problem) = host_error(s) {
        return Err(FieldError::InvalidHost(problem));
    }
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(FieldError::WrongCase {
            canonical: s.to_ascii_lowercase(),
        });
    }
    Ok(())
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    if structured(ctx, at, validate, |ctx, t, e| report(ctx, at, t, e)).is_some()
        && let Some(host) = as_str(at.node)
    {
        mixed_a_label(ctx, at, super::context::trim(host));
    }
}

/// A valid host name whose `xn--` labels decode to mixed scripts: the
/// `mixed-script-domain` warning (in `domain`, or the domain of an e-mail
/// address), naming the decoded label and its ASCII look-alike.
pub(crate) fn mixed_a_label(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, host: &str) {
    let Some(mixed) = mixed_script(host) else {
        return;
    };
    at.emit(ctx, Rule::MixedScriptDomain, |s| {
        let (h, l) = (s.quote(host), s.quote(&mixed.label));
        let f = Finding::new(tr!(
            s,
            "`{h}` decodes to `{l}`, a label that mixes scripts",
            "`{h}` декодируется в `{l}` — метку, смешивающую письменности"
        ));
        match &mixed.lookalike {
            Some(a) => f.help(tr!(
                s,
                "it looks like `{a}`; make sure this is the domain you mean",
                "оно выглядит как `{a}`; убедитесь, что имеется в виду именно этот домен"
            )),
            None => f.help(tr!(
                s,
                "make sure this is the domain you mean: mixed scripts are how look-alike domains are made",
                "убедитесь, что имеется в виду именно этот домен: смешение письменностей — способ создавать двойники доменов"
            )),
        }
    });
}

/// Map a [`parse_domain`] error of the value `t` to its rule.
fn report(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, t: &str, e: FieldError) {
    match e {
        FieldError::WrongCase { canonical } => {
            at.emit(ctx, Rule::DomainNotLowercase, |s| {
                let v = s.quote(t);
                let c = s.quote(&canonical);
                Finding::new(tr!(
                    s,
                    "domain `{v}` contains upper-case letters",
                    "домен `{v}` содержит заглавные буквы"
                ))
                .help(tr!(s, "write `{c}`", "напишите `{c}`"))
                .fix(at.replace(canonical.as_str(), Applicability::Safe))
            });
        }
        FieldError::Unicode { ascii } => {
            at.emit(ctx, Rule::UnicodeDomain, |s| {
                let v = s.quote(t);
                let a = s.quote(&ascii);
                Finding::new(tr!(
                    s,
                    "domain `{v}` is written in Unicode; the API takes its ASCII form",
                    "домен `{v}` записан в Unicode; API принимает его ASCII-форму"
                ))
                .help(tr!(s, "write `{a}` (punycode)", "напишите `{a}` (punycode)"))
                .fix(at.replace(ascii.as_str(), Applicability::Safe))
            });
        }
        FieldError::Url { host } => {
            // The fix must leave a value the field accepts.
            let valid = validate(&host).is_ok();
            at.emit(ctx, Rule::DomainIsUrl, |s| {
                let v = s.quote(t);
                let h = s.quote(&host);
                let f = Finding::new(tr!(
                    s,
                    "`domain` must be a host name, not a URL: `{v}`",
                    "`domain` должен быть именем хоста, а не URL: `{v}`"
                ));
                if valid {
                    f.help(tr!(s, "write `{h}`", "напишите `{h}`"))
                        .fix(at.replace(host.as_str(), Applicability::Safe))
                } else {
                    f.help(tr!(
                        s,
                        "write only the host name, e.g. `pbx.example.com`",
                        "укажите только имя хоста, например `pbx.example.com`"
                    ))
                }
            });
        }
        FieldError::InvalidHost(HostProblem::MixedScript) => {
            let mixed = mixed_script(t);
            let lookalike = mixed.as_ref().and_then(|m| m.lookalike.clone());
            let label = mixed.map(|m| m.label).unwrap_or_default();
            at.emit(ctx, Rule::InvalidDomain, |s| {
                let (v, l) = (s.quote(t), s.quote(&label));
                let f = Finding::new(tr!(
                    s,
                    "`{v}` mixes scripts in the label `{l}`: a look-alike of another name",
                    "`{v}` смешивает письменности в метке `{l}`: двойник другого имени"
                ));
                match &lookalike {
                    Some(a) => f
                        .help(tr!(
                            s,
                            "it looks like `{a}`: if that is the domain meant, write it",
                            "оно выглядит как `{a}`: если имеется в виду он, напишите его"
                        ))
                        .fix(at.replace(a.as_str(), Applicability::Unsafe)),
                    None => f.help(tr!(
                        s,
                        "write every label in one script (UTS 39)",
                        "пишите каждую метку одной письменностью (UTS 39)"
                    )),
                }
            });
        }
        e => {
            let problem = match e {
                FieldError::InvalidHost(p) => p,
                _ => HostProblem::Characters,
            };
            at.emit(ctx, Rule::InvalidDomain, |s| {
                let v = s.quote(t);
                let reason = problem.in_lang(s.lang);
                Finding::new(tr!(
                    s,
                    "`{v}` is not a valid host name: {reason}",
                    "`{v}` — некорректное имя хоста: {reason}"
                ))
                .help(tr!(
                    s,
                    "write a host name such as `pbx.example.com`",
                    "укажите имя хоста, например `pbx.example.com`"
                ))
            });
        }
    }
}

/// `domain`.
pub(crate) static CHECK: Check = Check {
    run: check,
    parse: Some(|s| parse_domain(s).map(drop)),
    rules: &[
        Rule::MixedScriptDomain,
        Rule::InvalidDomain,
        Rule::DomainIsUrl,
        Rule::DomainNotLowercase,
        Rule::UnicodeDomain,
        Rule::EmptyValue,
        Rule::PaddedValue,
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        for ok in [
            "a",
            "a-b.c",
            "xn--9n2bp8q.xn--9t4b11yi5a",
            "1host",
            &format!("{}.com", "a".repeat(63)),
        ] {
            assert_eq!(host_error(ok), None, "{ok}");
        }
        for bad in [
            "",
            ".",
            "a.",
            ".a",
            "a..b",
            "-a",
            "a-",
            "a_b",
            "ab--c",
            "é.com",
            &"a".repeat(64),
        ] {
            assert!(host_error(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn urls() {
        assert_eq!(
            url_host("https://u@Pbx.Example.com:5060/x?y"),
            Some("Pbx.Example.com")
        );
        assert_eq!(url_host("sip:pbx.example.com"), Some("pbx.example.com"));
        assert_eq!(url_host("pbx.example.com"), None);
    }
}
