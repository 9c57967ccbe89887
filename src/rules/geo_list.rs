//! The country list, `geo_list`: `*` or ISO 3166-1 alpha-2 codes (CL501–CL505).
//! One analysis ([`analyze`]) serves both the parser, [`parse_geo_list`], and
//! the check, which reports every problem at its code. Explanations are the
//! `Explanation` statics below.

use isocountry::CountryCode;

use super::countries::{CodeSet, country};

use super::context::{Check, Ctx, FieldAt, Finding, as_str, tr};
use super::declare::{Declared, declare};
use crate::diagnostic::Applicability;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

mod home;
pub(crate) use home::home_country;

const ISO: &str = "ISO 3166-1 alpha-2: https://www.iso.org/iso-3166-country-codes.html";

pub(crate) static GEO_LIST_NOT_CANONICAL: Explanation = Explanation {
    what: Text {
        en: "`geo_list` in another form than upper-case codes separated by single spaces: lower case, commas, semicolons, repeated or edge spaces.",
        ru: "`geo_list` записан не как заглавные коды через одиночный пробел: строчные буквы, запятые, точки с запятой, лишние пробелы.",
    },
    why: Text {
        en: "The documented format is `RU US BY`; other separators may be read as one unknown code.",
        ru: "Документированный формат — `RU US BY`; другие разделители могут прочитаться как один неизвестный код.",
    },
    example: r#"{"geo_list": "ru,us;  by"}"#,
    instead: r#"{"geo_list": "RU US BY"}"#,
    references: &[ISO],
};

pub(crate) static DUPLICATE_COUNTRY: Explanation = Explanation {
    what: Text {
        en: "A country code listed more than once, or `*` more than once (`* *`). The fix removes every repetition.",
        ru: "Код страны указан несколько раз или `*` указан несколько раз (`* *`). Исправление удаляет все повторы.",
    },
    why: Text {
        en: "Harmless to the API but usually a sign of a copy-paste mistake.",
        ru: "Для API безвредно, но обычно это след ошибки при копировании.",
    },
    example: r#"{"geo_list": "RU US RU"}"#,
    instead: r#"{"geo_list": "RU US"}"#,
    references: &[ISO],
};

pub(crate) static WILDCARD_WITH_COUNTRIES: Explanation = Explanation {
    what: Text {
        en: "`*` (every country) together with country codes.",
        ru: "`*` (все страны) вместе с кодами стран.",
    },
    why: Text {
        en: "Contradictory: `*` allows every country and ignores the provider's list, codes restrict. Which was meant is unclear, so there is no automatic fix.",
        ru: "Противоречие: `*` разрешает все страны и игнорирует список провайдера, а коды ограничивают. Что имелось в виду, неясно, поэтому автоматического исправления нет.",
    },
    example: r#"{"geo_list": "* RU"}"#,
    instead: r#"{"geo_list": "*"}"#,
    references: &["client resource documentation: `geo_list`"],
};

pub(crate) static UNKNOWN_COUNTRY: Explanation = Explanation {
    what: Text {
        en: "A code that is not an ISO 3166-1 alpha-2 country code. Reported at the code itself. Well-known mistakes get an unsafe fix: `UK` → `GB`, `EL` → `GR`, alpha-3 codes (`RUS`) → alpha-2 (`RU`), and `all` or `any` alone → `*`. Help names only values that pass.",
        ru: "Код, не являющийся кодом страны ISO 3166-1 alpha-2. Сообщается в месте самого кода. Для известных ошибок есть небезопасное исправление: `UK` → `GB`, `EL` → `GR`, коды alpha-3 (`RUS`) → alpha-2 (`RU`), а `all` или `any` отдельно → `*`. Подсказка называет только допустимые значения.",
    },
    why: Text {
        en: "The provider cannot match an unknown code to IP addresses: the country you meant stays blocked.",
        ru: "Провайдер не сопоставит неизвестный код с IP-адресами: нужная страна останется заблокированной.",
    },
    example: r#"{"geo_list": "RU UK"}"#,
    instead: r#"{"geo_list": "RU GB"}"#,
    references: &[ISO],
};

pub(crate) static EMPTY_GEO_LIST: Explanation = Explanation {
    what: Text {
        en: "`geo_list` is an empty string.",
        ru: "`geo_list` — пустая строка.",
    },
    why: Text {
        en: "Unset (`null`) means the provider's list applies; whether an empty string means the same or \"no country\" is not documented.",
        ru: "Незаданное значение (`null`) означает, что действует список провайдера; означает ли то же пустая строка или «ни одной страны», не документировано.",
    },
    example: r#"{"geo_list": ""}"#,
    instead: r#"{"geo_list": null}"#,
    references: &["client resource documentation: `geo_list`"],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL501 GeoListNotCanonical "geo-list-not-canonical" Error Safe => GEO_LIST_NOT_CANONICAL;
    CL502 DuplicateCountry "duplicate-country" Warning Safe => DUPLICATE_COUNTRY;
    CL503 WildcardWithCountries "wildcard-with-countries" Error None => WILDCARD_WITH_COUNTRIES;
    CL504 UnknownCountry "unknown-country" Error Unsafe => UNKNOWN_COUNTRY;
    CL505 EmptyGeoList "empty-geo-list" Warning Unsafe => EMPTY_GEO_LIST;
    CL506 HomeCountryNotAllowed "home-country-not-allowed" Warning Unsafe => home::HOME_COUNTRY_NOT_ALLOWED;
];

/// The parsed `geo_list`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GeoList {
    /// `*`: every country; the provider's list is ignored.
    All,
    /// These countries, in the order written (never empty). A repeated code
    /// is kept as written: the API accepts it, and the linter warns.
    Countries(Vec<CountryCode>),
}

impl std::fmt::Display for GeoList {
    /// The canonical form: `*` or codes separated by single spaces.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GeoList::All => f.write_str("*"),
            GeoList::Countries(codes) => {
                for (i, c) in codes.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" ")?;
                    }
                    f.write_str(c.alpha2())?;
                }
                Ok(())
            }
        }
    }
}

impl std::str::FromStr for GeoList {
    type Err = FieldError;

    /// ```
    /// let g: client_lint::values::GeoList = "RU BY".parse().unwrap();
    /// assert_eq!(g.to_string(), "RU BY");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_geo_list(s)
    }
}

/// One code of the list: its byte range in the value, and upper-cased text
/// (borrowed when it already is).
struct Token<'s> {
    start: usize,
    end: usize,
    raw: &'s str,
    upper: std::borrow::Cow<'s, str>,
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == ',' || c == ';'
}

fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (start, is_separator(c)) {
            (None, false) => start = Some(i),
            (Some(b), true) => {
                let raw = &s[b..i];
                // Borrowed exactly when upper-casing changes nothing.
                let upper = if raw.bytes().any(|b| b.is_ascii_lowercase() || !b.is_ascii()) {
                    let up = raw.to_uppercase();
                    if up == raw {
                        std::borrow::Cow::Borrowed(raw)
                    } else {
                        std::borrow::Cow::Owned(up)
                    }
                } else {
                    std::borrow::Cow::Borrowed(raw)
                };
                out.push(Token {
                    start: b,
                    end: i,
                    raw,
                    upper,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether the value is exactly its tokens, upper case, joined by single spaces.
fn is_canonical(s: &str, toks: &[Token<'_>]) -> bool {
    let b = s.as_bytes();
    toks.first().is_some_and(|t| t.start == 0)
        && toks.last().is_some_and(|t| t.end == s.len())
        && toks
            .iter()
            .all(|t| matches!(t.upper, std::borrow::Cow::Borrowed(_)))
        && toks
            .windows(2)
            .all(|w| w[1].start == w[0].end + 1 && b[w[0].end] == b' ')
}

/// The alpha-2 code probably meant by an unknown code (`*` for a word
/// meaning every country, when it stands `alone`).
fn hint(code: &str, alone: bool) -> Option<&'static str> {
    match code {
        "UK" => Some("GB"),
        "EL" => Some("GR"),
        "ALL" | "ANY" | "ВСЕ" | "ЛЮБЫЕ" if alone => Some("*"),
        _ if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
            CountryCode::for_alpha3(code).ok().map(|c| c.alpha2())
        }
        _ => None,
    }
}

/// What is wrong with one code of the list.
enum CodeProblem {
    /// Not an ISO 3166-1 alpha-2 code; maybe the code meant.
    Unknown(Option<&'static str>),
    /// A known code listed before.
    Repeated(CountryCode),
}

/// Everything the grammar says about a `geo_list` value: the one analysis
/// behind both [`parse_geo_list`] and the lint.
struct Analysis<'s> {
    toks: Vec<Token<'s>>,
    /// The canonical form, when the value is not written in it.
    not_canonical: Option<String>,
    /// Whether a token is `*`.
    wildcard: bool,
    /// Whether every token is `*` (`* *`: a repeat, not a combination).
    only_wildcards: bool,
    /// Per-token problems, in order: index into `toks`.
    problems: Vec<(usize, CodeProblem)>,
}

fn analyze(s: &str) -> Analysis<'_> {
    let toks = tokens(s);
    let wildcard = toks.iter().any(|t| t.upper == "*");
    let only_wildcards = wildcard && toks.iter().all(|t| t.upper == "*");
    let not_canonical = (!is_canonical(s, &toks)).then(|| {
        if only_wildcards {
            "*".to_string()
        } else {
            canonical(&toks)
        }
    });
    let mut problems = Vec::new();
    if !wildcard {
        let mut seen = CodeSet::new();
        for (i, t) in toks.iter().enumerate() {
            match country(&t.upper) {
                Some(code) if seen.repeated(code.alpha2()) => problems.push((i, CodeProblem::Repeated(code))),
                Some(_) => {}
                None => problems.push((i, CodeProblem::Unknown(hint(&t.upper, toks.len() == 1)))),
            }
        }
    }
    Analysis {
        toks,
        not_canonical,
        wildcard,
        only_wildcards,
        problems,
    }
}

/// Parse `geo_list`: `*`, or upper-case ISO 3166-1 alpha-2 codes separated by
/// single spaces.
///
/// A repeated code is accepted (the API accepts it; the linter warns), and
/// kept in [`GeoList::Countries`] as written. Errors come in this order: the
/// empty string, white space only, `*` with codes, the first unknown code,
/// then any other departure from the canonical form.
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
///
/// ```
/// use client_lint::values::{FieldError, GeoList, parse_geo_list};
/// use isocountry::CountryCode;
/// assert_eq!(parse_geo_list("*"), Ok(GeoList::All));
/// assert_eq!(
///     parse_geo_list("RU BY"),
///     Ok(GeoList::Countries(vec![CountryCode::RUS, CountryCode::BLR]))
/// );
/// assert_eq!(parse_geo_list("ru by"), Err(FieldError::NotCanonical { canonical: "RU BY".into() }));
/// assert_eq!(
///     parse_geo_list("RU UK"),
///     Err(FieldError::UnknownCountry { code: "UK".into(), hint: Some("GB") })
/// );
/// ```
pub fn parse_geo_list(s: &str) -> Result<GeoList, FieldError> {
    if s.is_empty() {
        return Err(FieldError::Empty);
    }
    if s == "*" {
        return Ok(GeoList::All);
    }
    let a = analyze(s);
    if a.toks.is_empty() {
        return Err(FieldError::Whitespace);
    }
    if a.only_wildcards {
        // `* *` repeats `*` as `RU RU` repeats a code: accepted, warned about.
        return match a.not_canonical {
            Some(canonical) => Err(FieldError::NotCanonical { canonical }),
            None => Ok(GeoList::All),
        };
    }
    if a.wildcard {
        return Err(FieldError::WildcardWithCountries);
    }
    if let Some((i, CodeProblem::Unknown(hint))) = a
        .problems
        .iter()
        .find(|(_, p)| matches!(p, CodeProblem::Unknown(_)))
    {
        return Err(FieldError::UnknownCountry {
            code: a.toks[*i].raw.to_string(),
            hint: *hint,
        });
    }
    if let Some(canonical) = a.not_canonical {
        return Err(FieldError::NotCanonical { canonical });
    }
    Ok(GeoList::Countries(
        a.toks.iter().filter_map(|t| country(&t.upper)).collect(),
    ))
}

/// The list of a document the linter accepted, so canonical (`*`, or known
/// codes and single spaces): built without analysing it again.
pub(crate) fn accepted_geo_list(s: &str) -> GeoList {
    let codes: Vec<_> = s.split(' ').filter_map(country).collect();
    if codes.is_empty() {
        GeoList::All
    } else {
        GeoList::Countries(codes)
    }
}

fn canonical(toks: &[Token<'_>]) -> String {
    let mut out = String::with_capacity(toks.len() * 3);
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&t.upper);
    }
    out
}

/// The common case without allocating: `XX YY ZZ`, known codes, no repeat.
/// A shortcut of [`analyze`]: `true` only for values it finds no problem in.
fn plainly_valid(s: &str) -> bool {
    if s == "*" {
        return true;
    }
    let b = s.as_bytes();
    if b.len() % 3 != 2 {
        return false;
    }
    let mut seen = CodeSet::new();
    b.chunks(3).all(|c| {
        matches!(c, [_, _] | [_, _, b' '])
            && std::str::from_utf8(&c[..2]).is_ok_and(|code| country(code).is_some() && !seen.repeated(code))
    })
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    let Some(s) = as_str(at.node) else { return };
    if plainly_valid(s) {
        return;
    }
    if s.is_empty() {
        at.emit(ctx, Rule::EmptyGeoList, |s| {
            Finding::new(tr!(s, "`geo_list` is empty", "`geo_list` пуст"))
                .help(tr!(
                    s,
                    "write `null` to use the provider's list, `*` for every country, or codes like `RU BY`",
                    "напишите `null`, чтобы действовал список провайдера, `*` для всех стран или коды вида `RU BY`"
                ))
                .fix(at.replace(serde_json::Value::Null, Applicability::Unsafe))
        });
        return;
    }
    let a = analyze(s);
    if a.toks.is_empty() {
        return super::text::padded(ctx, at, "", false);
    }
    // A safe fix must leave a value the field accepts: the canonical form
    // and the removal of repeats are offered only when no code is unknown
    // and `*` stands alone (`ru-by` -> `RU-BY` would still be wrong).
    let fixable = if a.wildcard {
        a.only_wildcards
    } else {
        a.problems
            .iter()
            .all(|(_, p)| matches!(p, CodeProblem::Repeated(_)))
    };
    // The value to suggest, only when it would pass: `*` for a repeated
    // `*`; otherwise, when every unknown code has a hint, the whole list
    // with each hint applied and repeats removed. Never for `*` with codes.
    let hinted = if a.wildcard {
        a.only_wildcards.then(|| "*".to_string())
    } else {
        let alone = a.toks.len() == 1;
        a.problems
            .iter()
            .all(|(_, p)| !matches!(p, CodeProblem::Unknown(None)))
            .then(|| {
                let mut kept = std::collections::HashSet::new();
                let v: Vec<&str> = a
                    .toks
                    .iter()
                    .map(|t| hint(&t.upper, alone).unwrap_or(&t.upper))
                    .filter(|u| kept.insert(*u))
                    .collect();
                v.join(" ")
            })
    };
    if let Some(c) = &a.not_canonical {
        // Help shows only a value that passes: the canonical form when it
        // does (with the safe fix), the hinted list when every unknown code
        // has a hint, and otherwise what to do without a value.
        let shown = if fixable { Some(c) } else { hinted.as_ref() };
        at.emit(ctx, Rule::GeoListNotCanonical, |s| {
            let f = Finding::new(tr!(
                s,
                "country codes must be upper case and separated by single spaces",
                "коды стран пишутся заглавными буквами через одиночный пробел"
            ));
            match shown {
                Some(v) => {
                    let v = s.quote(v);
                    f.help(tr!(s, "write `{v}`", "напишите `{v}`"))
                }
                None => f.help(tr!(
                    s,
                    "write two-letter ISO 3166-1 codes in upper case, separated by single spaces, and correct the codes reported apart",
                    "напишите двухбуквенные коды ISO 3166-1 заглавными буквами через одиночный пробел и исправьте коды, о которых сообщается отдельно"
                )),
            }
            .fix(
                fixable
                    .then(|| at.replace(c.as_str(), Applicability::Safe))
                    .flatten(),
            )
        });
    }
    if a.only_wildcards {
        if let Some(second) = a.toks.get(1) {
            let span = at.sub_span(second.start, second.end);
            at.emit_at(ctx, Rule::DuplicateCountry, span, |s| {
                Finding::new(tr!(s, "`*` is listed more than once", "`*` указан несколько раз"))
                    .help(tr!(s, "write `*` once", "оставьте один `*`"))
                    .fix(at.replace("*", Applicability::Safe))
            });
        }
        return;
    }
    if a.wildcard {
        if a.toks.len() > 1 {
            at.emit(ctx, Rule::WildcardWithCountries, |s| {
                Finding::new(tr!(
                    s,
                    "`*` (every country) is combined with country codes",
                    "`*` (все страны) указан вместе с кодами стран"
                ))
                .help(tr!(
                    s,
                    "write `*` alone to allow every country, or list only the codes",
                    "оставьте только `*`, чтобы разрешить все страны, или только коды"
                ))
            });
        }
        return;
    }
    // Each fix rewrites the whole value, so only the first finding of a kind
    // carries one, correcting every occurrence at once: a million-code list
    // stays linear.
    let mut repeat_fixed = false;
    let mut hint_fixed = false;
    for (i, problem) in &a.problems {
        let t = &a.toks[*i];
        let span = at.sub_span(t.start, t.end);
        match problem {
            CodeProblem::Repeated(code) => {
                let fix = (!repeat_fixed && fixable).then(|| {
                    let mut kept = std::collections::HashSet::new();
                    let v: Vec<&str> = a
                        .toks
                        .iter()
                        .map(|t| t.upper.as_ref())
                        .filter(|u| kept.insert(*u))
                        .collect();
                    v.join(" ")
                });
                repeat_fixed = true;
                at.emit_at(ctx, Rule::DuplicateCountry, span, |s| {
                    let c = code.alpha2();
                    Finding::new(tr!(
                        s,
                        "`{c}` is listed more than once",
                        "`{c}` указан несколько раз"
                    ))
                    .help(tr!(s, "remove the repetition", "удалите повтор"))
                    .fix(fix.and_then(|v| at.replace(v, Applicability::Safe)))
                });
            }
            CodeProblem::Unknown(h) => {
                let fix = (!hint_fixed).then(|| hinted.clone()).flatten();
                hint_fixed |= fix.is_some();
                let raw = t.raw;
                at.emit_at(ctx, Rule::UnknownCountry, span, |s| {
                    let v = s.quote(raw);
                    let f = Finding::new(tr!(
                        s,
                        "`{v}` is not an ISO 3166-1 alpha-2 country code",
                        "`{v}` — не код страны ISO 3166-1 alpha-2"
                    ));
                    match h {
                        Some("*") => f
                            .help(tr!(
                                s,
                                "did you mean `*`, which allows every country?",
                                "может быть, `*` — все страны?"
                            ))
                            .fix(fix.and_then(|v| at.replace(v, Applicability::Unsafe))),
                        Some(h) => f
                            .help(tr!(s, "did you mean `{h}`?", "может быть, `{h}`?"))
                            .fix(fix.and_then(|v| at.replace(v, Applicability::Unsafe))),
                        None => f.help(tr!(
                            s,
                            "use two-letter codes such as `RU`, `BY`, `US`",
                            "используйте двухбуквенные коды, например `RU`, `BY`, `US`"
                        )),
                    }
                });
            }
        }
    }
}

/// `geo_list`.
pub(crate) static CHECK: Check = Check {
    run: check,
    parse: Some(|s| parse_geo_list(s).map(drop)),
    rules: &[
        Rule::GeoListNotCanonical,
        Rule::DuplicateCountry,
        Rule::WildcardWithCountries,
        Rule::UnknownCountry,
        Rule::EmptyGeoList,
        Rule::PaddedValue,
        Rule::HomeCountryNotAllowed,
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_byte_ranges() {
        let t = tokens(" ru,,uk ;  ");
        let r: Vec<_> = t.iter().map(|t| (t.start, t.end, t.upper.as_ref())).collect();
        assert_eq!(r, vec![(1, 3, "RU"), (5, 7, "UK")]);
    }

    #[test]
    fn parse_errors() {
        assert_eq!(parse_geo_list(""), Err(FieldError::Empty));
        assert_eq!(parse_geo_list("* RU"), Err(FieldError::WildcardWithCountries));
        // A repeat is a warning of the lint, not an error of the grammar.
        assert_eq!(
            parse_geo_list("RU RU"),
            Ok(GeoList::Countries(vec![CountryCode::RUS, CountryCode::RUS]))
        );
        assert_eq!(parse_geo_list(" \t"), Err(FieldError::Whitespace));
        assert_eq!(
            parse_geo_list("RUS"),
            Err(FieldError::UnknownCountry {
                code: "RUS".into(),
                hint: Some("RU")
            })
        );
        assert_eq!(
            parse_geo_list(" * "),
            Err(FieldError::NotCanonical {
                canonical: "*".into()
            })
        );
    }
}
