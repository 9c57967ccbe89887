//! The time zone, `timezone`: an exact IANA name (CL401–CL404). The parser is
//! [`parse_timezone`]. Deprecated means a link in tzdata's `backward` file
//! whose name is not a location in `zone.tab` (the generated table in
//! `timezone_links.rs`); `backward` also links 106 current country names
//! (`Europe/Oslo` → `Europe/Berlin`), which stay silent. Explanations are the
//! `Explanation` statics below.

use chrono_tz::Tz;

use super::context::{Check, Ctx, FieldAt, Finding, Say, is_padded, tr};
use super::declare::{Declared, declare};
use super::text::structured;
pub use super::timezone_names::deprecated_timezone;
use super::timezone_names::{ABBREVIATIONS, Offset, legacy_timezone, lowercase_names, suggestions};
use crate::diagnostic::Applicability;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

const IANA: &str = "IANA Time Zone Database: https://www.iana.org/time-zones";

pub(crate) static UNKNOWN_TIMEZONE: Explanation = Explanation {
    what: Text {
        en: "`timezone` is not a name of the IANA time-zone database. The closest names are suggested; a bare city (`Moscow`) finds its zone. An offset under `Etc/` (`Etc/GMT-3:00`, `Etc/UTC+3`) is told only the `Etc/GMT` zone with exactly that offset, or nothing when none has it (half hours, beyond UTC+14 or UTC−12).",
        ru: "`timezone` — не имя из базы часовых поясов IANA. Предлагаются ближайшие имена; по названию города (`Moscow`) находится его зона. Смещению под `Etc/` (`Etc/GMT-3:00`, `Etc/UTC+3`) предлагается только зона `Etc/GMT` с точно таким смещением или ничего, если такой нет (получасовые, дальше UTC+14 или UTC−12).",
    },
    why: Text {
        en: "The server cannot resolve it: the request is rejected or the client silently runs on UTC.",
        ru: "Сервер не сможет его разрешить: запрос будет отклонён или клиент молча будет работать по UTC.",
    },
    example: r#"{"timezone": "Europe/Moskow"}"#,
    instead: r#"{"timezone": "Europe/Moscow"}"#,
    references: &[IANA],
};

pub(crate) static TIMEZONE_WRONG_CASE: Explanation = Explanation {
    what: Text {
        en: "A valid zone name in the wrong letter case (`europe/moscow`, `utc`). A deprecated name in the wrong case (`europe/kiev`) is fixed to its successor (`Europe/Kyiv`) in one step.",
        ru: "Верное имя зоны в неправильном регистре (`europe/moscow`, `utc`). Устаревшее имя в неправильном регистре (`europe/kiev`) исправляется сразу на преемника (`Europe/Kyiv`).",
    },
    why: Text {
        en: "Zone names are case-sensitive on most systems (they are file names).",
        ru: "Имена зон чувствительны к регистру в большинстве систем (это имена файлов).",
    },
    example: r#"{"timezone": "europe/moscow"}"#,
    instead: r#"{"timezone": "Europe/Moscow"}"#,
    references: &[IANA],
};

pub(crate) static DEPRECATED_TIMEZONE_LINK: Explanation = Explanation {
    what: Text {
        en: "A deprecated alias: a link in tzdata's `backward` file that is not a location in `zone.tab` (`Europe/Kiev`, `US/Eastern`, `Asia/Calcutta`). Current country zones that `backward` also links (`Europe/Oslo`) are not reported.",
        ru: "Устаревший псевдоним: ссылка из файла `backward` базы tzdata, не являющаяся локацией в `zone.tab` (`Europe/Kiev`, `US/Eastern`, `Asia/Calcutta`). Актуальные зоны стран, на которые `backward` тоже ссылается (`Europe/Oslo`), не сообщаются.",
    },
    why: Text {
        en: "Aliases are kept for compatibility only and may be missing from minimal tz databases.",
        ru: "Псевдонимы сохраняются лишь для совместимости и могут отсутствовать в урезанных базах часовых поясов.",
    },
    example: r#"{"timezone": "Europe/Kiev"}"#,
    instead: r#"{"timezone": "Europe/Kyiv"}"#,
    references: &[IANA, "tzdata `backward` file"],
};

pub(crate) static LEGACY_TIMEZONE: Explanation = Explanation {
    what: Text {
        en: "A legacy tzdata name: `EST`, `MST`, `HST` (fixed offsets without daylight saving), `EST5EDT`, `CST6CDT`, `MST7MDT`, `PST8PDT` (US rules), `CET`, `MET`, `EET`, `WET` (EU rules). They are valid, so this is a warning, and the fix to the zone usually meant is unsafe: `EST` is UTC−5 all year, while a US customer writing it usually means `America/New_York`, which has daylight saving.",
        ru: "Устаревшее имя tzdata: `EST`, `MST`, `HST` (фиксированные смещения без летнего времени), `EST5EDT`, `CST6CDT`, `MST7MDT`, `PST8PDT` (правила США), `CET`, `MET`, `EET`, `WET` (правила ЕС). Они допустимы, поэтому это предупреждение, а исправление на обычно имеемую в виду зону небезопасно: `EST` — это UTC−5 круглый год, а клиент из США, написавший его, обычно имеет в виду `America/New_York` с летним временем.",
    },
    why: Text {
        en: "The clock moves an hour wrong for half the year when `EST` is meant as US Eastern time; tzdata keeps these names for compatibility only.",
        ru: "Если под `EST` понимать восточное время США, полгода часы расходятся на час; tzdata хранит эти имена лишь для совместимости.",
    },
    example: r#"{"timezone": "EST"}"#,
    instead: r#"{"timezone": "America/New_York"}"#,
    references: &[
        IANA,
        "tzdata `northamerica` and `europe` files (the legacy zones)",
    ],
};

pub(crate) static TIMEZONE_ABBREVIATION: Explanation = Explanation {
    what: Text {
        en: "An abbreviation (`MSK`, `PST`) or a UTC offset (`+03:00`, `GMT+3`) instead of a zone name. An offset is told the `Etc/GMT` zone with exactly that offset, or none when no zone has it (`UTC+5:30`, `UTC−13`). Note that POSIX signs are inverted: `Etc/GMT-3` means UTC+3 and `Etc/GMT+3` means UTC−3.",
        ru: "Аббревиатура (`MSK`, `PST`) или смещение от UTC (`+03:00`, `GMT+3`) вместо имени зоны. Смещению предлагается зона `Etc/GMT` с точно таким смещением или ничего, если такой нет (`UTC+5:30`, `UTC−13`). Учтите, что знаки POSIX инвертированы: `Etc/GMT-3` означает UTC+3, а `Etc/GMT+3` — UTC−3.",
    },
    why: Text {
        en: "Abbreviations are ambiguous (`IST` is India, Ireland and Israel) and offsets ignore daylight saving time. A zone name carries the full history.",
        ru: "Аббревиатуры неоднозначны (`IST` — Индия, Ирландия и Израиль), а смещения не учитывают летнее время. Имя зоны несёт всю историю.",
    },
    example: r#"{"timezone": "MSK"}"#,
    instead: r#"{"timezone": "Europe/Moscow"}"#,
    references: &[IANA, "tzdata `etcetera` file (Etc/GMT sign convention)"],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL401 UnknownTimezone "unknown-timezone" Error Unsafe => UNKNOWN_TIMEZONE;
    CL402 TimezoneWrongCase "timezone-wrong-case" Error Safe => TIMEZONE_WRONG_CASE;
    CL403 DeprecatedTimezoneLink "deprecated-timezone-link" Warning Safe => DEPRECATED_TIMEZONE_LINK;
    CL404 TimezoneAbbreviation "timezone-abbreviation-or-offset" Error Unsafe => TIMEZONE_ABBREVIATION;
    CL405 LegacyTimezone "legacy-timezone" Warning Unsafe => LEGACY_TIMEZONE;
];

/// A valid IANA time-zone name, as [`parse_timezone`] reads it (deprecated
/// and legacy names included: they are valid, the linter warns).
///
/// ```
/// use client_lint::values::Timezone;
/// let tz: Timezone = "Europe/Moscow".parse().unwrap();
/// assert_eq!((tz.tz(), tz.to_string()), (chrono_tz::Europe::Moscow, "Europe/Moscow".to_string()));
/// assert!("Europe/Moskow".parse::<Timezone>().unwrap_err().to_string().contains("did you mean `Europe/Moscow`?"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timezone(Tz);

impl Timezone {
    /// The zone, for time arithmetic with chrono.
    pub fn tz(self) -> Tz {
        self.0
    }

    /// The IANA name, as written (a deprecated link keeps its own name).
    ///
    /// ```
    /// let tz = client_lint::values::parse_timezone("Europe/Kiev").unwrap();
    /// assert_eq!(tz.name(), "Europe/Kiev");
    /// ```
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The ISO 3166-1 countries whose clocks follow this zone, from tzdata's
    /// `zone.tab` and `zone1970.tab` (through `backward` for a link): the
    /// zone's own location first. None for `UTC`, `Etc/GMT-3` and the like.
    ///
    /// ```
    /// use client_lint::values::Timezone;
    /// let countries = |z: &str| z.parse::<Timezone>().unwrap().countries().collect::<Vec<_>>();
    /// assert_eq!(countries("Europe/Moscow"), ["RU"]);
    /// assert_eq!(countries("Europe/Copenhagen"), ["DK", "DE", "NO", "SE", "SJ"]);
    /// assert_eq!(countries("Europe/Kiev"), ["UA"]);
    /// assert!(countries("Etc/GMT-3").is_empty());
    /// ```
    pub fn countries(self) -> impl Iterator<Item = &'static str> {
        facts(self.0).countries.split_ascii_whitespace()
    }
}

/// What the checks ask of a zone, looked up once per zone for all of them.
pub(crate) struct ZoneFacts {
    /// The zone a deprecated link points to.
    pub deprecated: Option<&'static str>,
    /// A legacy name (`EST`, `CET`, …).
    pub legacy: bool,
    /// Its countries, space-separated (empty when none).
    pub countries: &'static str,
}

/// The facts of `tz`: one index into a table built on first use from the
/// sorted tables (three binary searches of names per zone, once).
pub(crate) fn facts(tz: Tz) -> &'static ZoneFacts {
    static FACTS: std::sync::OnceLock<Vec<ZoneFacts>> = std::sync::OnceLock::new();
    let table = FACTS.get_or_init(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            .map(|z| ZoneFacts {
                deprecated: deprecated_timezone(z.name()),
                legacy: legacy_timezone(z.name()).is_some(),
                countries: zone_countries(z.name()),
            })
            .collect()
    });
    // Tz is a field-less enum whose variants are TZ_VARIANTS in order (a
    // test checks); a zone outside the table would have no facts.
    const NONE: ZoneFacts = ZoneFacts {
        deprecated: None,
        legacy: false,
        countries: "",
    };
    table.get(tz as usize).unwrap_or(&NONE)
}

/// The countries of the zone `name`, space-separated (empty when none).
pub(crate) fn zone_countries(name: &str) -> &'static str {
    use super::zone_countries::ZONE_COUNTRIES;
    ZONE_COUNTRIES
        .binary_search_by(|(zone, _)| (*zone).cmp(name))
        .map_or("", |i| ZONE_COUNTRIES[i].1)
}

impl std::fmt::Display for Timezone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.name())
    }
}

impl std::str::FromStr for Timezone {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_timezone(s)
    }
}

/// Longer than any zone name, with room to spare (a test checks).
const NAME_MAX: usize = 64;

/// Parse a time-zone name: exact IANA names only.
///
/// Deprecated aliases parse (they are valid names); see
/// [`deprecated_timezone`].
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
///
/// ```
/// use client_lint::values::{FieldError, parse_timezone};
/// assert_eq!(parse_timezone("Europe/Moscow").unwrap().tz(), chrono_tz::Europe::Moscow);
/// assert_eq!(parse_timezone("UTC").unwrap().name(), "UTC");
/// assert_eq!(parse_timezone("utc"), Err(FieldError::WrongCase { canonical: "UTC".into() }));
/// assert_eq!(parse_timezone("UTC\n"), Err(FieldError::Whitespace));
/// assert_eq!(
///     parse_timezone("GMT+3"),
///     Err(FieldError::TimezoneAbbreviation { suggestion: Some("Etc/GMT-3".into()) })
/// );
/// let Err(FieldError::UnknownTimezone { suggestions }) = parse_timezone("Europe/Moskow") else { panic!() };
/// assert_eq!(suggestions[0], "Europe/Moscow");
/// ```
pub fn parse_timezone(s: &str) -> Result<Timezone, FieldError> {
    zone(s).map(Timezone)
}

/// [`parse_timezone`]'s grammar, giving chrono-tz's zone.
fn zone(s: &str) -> Result<Tz, FieldError> {
    if let Ok(tz) = s.parse::<Tz>() {
        return Ok(tz);
    }
    if s.is_empty() {
        return Err(FieldError::Empty);
    }
    if is_padded(s) {
        return Err(FieldError::Whitespace);
    }
    // No zone name is that long (the longest has 32 bytes): no case-folded
    // copy of a long value is made.
    let lookup = s.len() <= NAME_MAX;
    if let Some(&name) = lookup
        .then(|| lowercase_names().get(&s.to_ascii_lowercase()))
        .flatten()
    {
        // A deprecated name in the wrong case: the value to write is its
        // successor, in one step.
        return Err(FieldError::WrongCase {
            canonical: deprecated_timezone(name).unwrap_or(name).to_string(),
        });
    }
    if let Some(offset) = Offset::read(s) {
        // Only the zone with exactly this offset, or none.
        let zone = offset.zone();
        return Err(if offset.posix {
            FieldError::UnknownTimezone {
                suggestions: zone.into_iter().collect(),
            }
        } else {
            FieldError::TimezoneAbbreviation {
                suggestion: zone.map(str::to_string),
            }
        });
    }
    if (2..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        let upper = s.to_ascii_uppercase();
        let suggestion = ABBREVIATIONS
            .iter()
            .find(|(a, _)| *a == upper)
            .map(|(_, z)| z.to_string());
        if suggestion.is_some() || s.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(FieldError::TimezoneAbbreviation { suggestion });
        }
    }
    Err(FieldError::UnknownTimezone {
        suggestions: suggestions(s),
    })
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    let Some(tz) = structured(ctx, at, parse_timezone, |ctx, t, e| report(ctx, at, t, e)) else {
        return;
    };
    let facts = facts(tz.tz());
    if let Some(legacy) = facts.legacy.then(|| legacy_timezone(tz.name())).flatten() {
        let name = tz.name();
        at.emit(ctx, Rule::LegacyTimezone, |s| {
            Finding::new(tr!(
                s,
                "`{name}` is a legacy time-zone name that rarely means what it seems",
                "`{name}` — устаревшее имя часового пояса, которое редко значит то, что кажется"
            ))
            .help(legacy.meaning.get(s.lang).to_string())
            .fix(at.replace(legacy.zone, Applicability::Unsafe))
        });
        return;
    }
    let Some(target) = facts.deprecated else {
        return;
    };
    let name = tz.name();
    at.emit(ctx, Rule::DeprecatedTimezoneLink, |s| {
        Finding::new(tr!(
            s,
            "`{name}` is a deprecated alias of `{target}`",
            "`{name}` — устаревший псевдоним `{target}`"
        ))
        .help(tr!(s, "write `{target}`", "напишите `{target}`"))
        .fix(at.replace(target, Applicability::Safe))
    });
}

/// Map a [`parse_timezone`] error of the value `t` to its rule.
fn report(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, t: &str, e: FieldError) {
    match e {
        FieldError::WrongCase { canonical } => {
            // `europe/kiev`: the name it spells is deprecated.
            let spelled = lowercase_names()
                .get(&t.to_ascii_lowercase())
                .copied()
                .filter(|n| *n != canonical);
            at.emit(ctx, Rule::TimezoneWrongCase, |s| {
                let v = s.quote(t);
                let f = Finding::new(tr!(
                    s,
                    "time zone `{v}` is in the wrong case",
                    "часовой пояс `{v}` записан в неверном регистре"
                ));
                match spelled {
                    Some(old) => f.help(tr!(
                        s,
                        "write `{canonical}` (`{old}` is its deprecated alias)",
                        "напишите `{canonical}` (`{old}` — его устаревший псевдоним)"
                    )),
                    None => f.help(tr!(s, "write `{canonical}`", "напишите `{canonical}`")),
                }
                .fix(at.replace(canonical.as_str(), Applicability::Safe))
            });
        }
        FieldError::TimezoneAbbreviation { suggestion } => {
            at.emit(ctx, Rule::TimezoneAbbreviation, |s| {
                let v = s.quote(t);
                let f = Finding::new(tr!(
                    s,
                    "`{v}` is an abbreviation or offset, not an IANA time-zone name",
                    "`{v}` — аббревиатура или смещение, а не имя часового пояса IANA"
                ));
                match (&suggestion, Offset::read(t)) {
                    (Some(z), Some(offset)) if z.starts_with("Etc/GMT") => {
                        let iso = offset.iso();
                        f.help(tr!(
                            s,
                            "write the zone of the client's city (e.g. `Europe/Moscow`); the fixed offset {iso} is `{z}` (tzdata's `Etc/GMT` names invert the sign, as POSIX does)",
                            "укажите зону города клиента (например, `Europe/Moscow`); фиксированное смещение {iso} — это `{z}` (в именах `Etc/GMT` знак инвертирован, как в POSIX)"
                        ))
                        .fix(at.replace(z.as_str(), Applicability::Unsafe))
                    }
                    (None, Some(offset)) => f.help(no_zone_has(s, offset)),
                    (Some(z), _) => f
                        .help(tr!(s, "did you mean `{z}`?", "может быть, `{z}`?"))
                        .fix(at.replace(z.as_str(), Applicability::Unsafe)),
                    (None, None) => f.help(tr!(
                        s,
                        "write the zone of the client's city, e.g. `Europe/Moscow`",
                        "укажите зону города клиента, например `Europe/Moscow`"
                    )),
                }
            });
        }
        e => {
            let suggestions = match e {
                FieldError::UnknownTimezone { suggestions } => suggestions,
                _ => Vec::new(),
            };
            at.emit(ctx, Rule::UnknownTimezone, |s| {
                let v = s.quote(t);
                let f = Finding::new(tr!(
                    s,
                    "unknown time zone `{v}`",
                    "неизвестный часовой пояс `{v}`"
                ));
                match (suggestions.as_slice(), Offset::read(t)) {
                    ([], Some(offset)) => f.help(no_zone_has(s, offset)),
                    ([one], Some(offset)) => {
                        let iso = offset.iso();
                        let opposite = Offset {
                            east: -offset.east,
                            ..offset
                        };
                        let help = match opposite.zone().filter(|_| offset.east != 0) {
                            Some(other) => {
                                let other_iso = opposite.iso();
                                tr!(
                                    s,
                                    "did you mean `{one}`, which is {iso}? (`Etc/GMT` names invert the sign, as POSIX does: for {other_iso} write `{other}`)",
                                    "может быть, `{one}`, то есть {iso}? (в именах `Etc/GMT` знак инвертирован, как в POSIX: для {other_iso} напишите `{other}`)"
                                )
                            }
                            None => tr!(s, "did you mean `{one}`, which is {iso}?", "может быть, `{one}`, то есть {iso}?"),
                        };
                        f.help(help).fix(at.replace(*one, Applicability::Unsafe))
                    }
                    ([], None) => f.help(tr!(
                        s,
                        "write an IANA name such as `Europe/Moscow`, `America/New_York` or `UTC`",
                        "укажите имя IANA, например `Europe/Moscow`, `America/New_York` или `UTC`"
                    )),
                    ([one], None) => f
                        .help(tr!(s, "did you mean `{one}`?", "может быть, `{one}`?"))
                        .fix(at.replace(*one, Applicability::Unsafe)),
                    ([first, rest @ ..], _) => {
                        let others = rest
                            .iter()
                            .map(|z| format!("`{z}`"))
                            .collect::<Vec<_>>()
                            .join(", ");
                        f.help(tr!(
                            s,
                            "did you mean `{first}`? (or {others})",
                            "может быть, `{first}`? (или {others})"
                        ))
                        .fix(at.replace(*first, Applicability::Unsafe))
                    }
                }
            });
        }
    }
}

/// The help for an offset that no zone has.
fn no_zone_has(s: &Say, offset: Offset) -> String {
    let iso = offset.iso();
    let example = if offset.east % 60 == 0 {
        "`Europe/Moscow`"
    } else {
        "`Asia/Kolkata` (UTC+5:30)"
    };
    tr!(
        s,
        "no IANA zone has the fixed offset {iso}: `Etc/GMT` zones are whole hours from `Etc/GMT-14` (UTC+14) to `Etc/GMT+12` (UTC−12); write the zone of the client's city, e.g. {example}",
        "ни у одной зоны IANA нет фиксированного смещения {iso}: зоны `Etc/GMT` — целые часы от `Etc/GMT-14` (UTC+14) до `Etc/GMT+12` (UTC−12); укажите зону города клиента, например {example}"
    )
}

/// `timezone`.
pub(crate) static CHECK: Check = Check {
    run: check,
    parse: Some(|s| zone(s).map(drop)),
    rules: &[
        Rule::UnknownTimezone,
        Rule::TimezoneWrongCase,
        Rule::DeprecatedTimezoneLink,
        Rule::TimezoneAbbreviation,
        Rule::LegacyTimezone,
        Rule::EmptyValue,
        Rule::PaddedValue,
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facts_table_is_indexed_by_the_zone() {
        for (i, tz) in chrono_tz::TZ_VARIANTS.iter().enumerate() {
            assert_eq!(*tz as usize, i, "{}", tz.name());
            let f = facts(*tz);
            assert_eq!(f.deprecated, deprecated_timezone(tz.name()), "{}", tz.name());
            assert_eq!(f.legacy, legacy_timezone(tz.name()).is_some(), "{}", tz.name());
            assert_eq!(f.countries, zone_countries(tz.name()), "{}", tz.name());
        }
    }
    use chrono_tz::TZ_VARIANTS;

    use super::super::timezone_links::DEPRECATED_LINKS;

    /// Values longer than this skip the case-insensitive lookup: no zone
    /// may be that long.
    #[test]
    fn every_zone_name_is_shorter_than_the_lookup_limit() {
        let longest = TZ_VARIANTS.iter().map(|z| z.name().len()).max().unwrap();
        assert!(longest <= NAME_MAX, "{longest}");
    }

    #[test]
    fn generated_table_is_sorted_and_resolves() {
        assert!(DEPRECATED_LINKS.windows(2).all(|w| w[0].0 < w[1].0));
        for (name, target) in DEPRECATED_LINKS {
            assert!(name.parse::<Tz>().is_ok(), "{name}");
            assert!(target.parse::<Tz>().is_ok(), "{target}");
            assert_eq!(deprecated_timezone(target), None, "{target} is itself deprecated");
        }
    }

    #[test]
    fn current_country_links_stay_silent() {
        for name in [
            "Europe/Oslo",
            "Africa/Accra",
            "Asia/Kuala_Lumpur",
            "UTC",
            "Europe/Moscow",
        ] {
            assert_eq!(deprecated_timezone(name), None, "{name}");
        }
        for (name, target) in [
            ("Europe/Kiev", "Europe/Kyiv"),
            ("US/Eastern", "America/New_York"),
            ("Asia/Calcutta", "Asia/Kolkata"),
            ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ] {
            assert_eq!(deprecated_timezone(name), Some(target));
        }
    }

    #[test]
    fn offsets_and_abbreviations() {
        let abbr = |s| match parse_timezone(s) {
            Err(FieldError::TimezoneAbbreviation { suggestion }) => suggestion,
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(abbr("+03:00").as_deref(), Some("Etc/GMT-3"));
        assert_eq!(abbr("UTC-5").as_deref(), Some("Etc/GMT+5"));
        assert_eq!(abbr("UTC+0").as_deref(), Some("UTC"));
        assert_eq!(abbr("+0530"), None);
        assert_eq!(abbr("MSK").as_deref(), Some("Europe/Moscow"));
        assert_eq!(abbr("XYZ"), None);
    }

    #[test]
    fn city_names_find_their_zone() {
        let Err(FieldError::UnknownTimezone { suggestions }) = parse_timezone("New York") else {
            panic!()
        };
        assert_eq!(suggestions, vec!["America/New_York"]);
    }
}
