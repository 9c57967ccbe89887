//! The time zone, `timezone`: an exact IANA name (CL401–CL404). The parser is
//! [`parse_timezone`]. Deprecated means a link in tzdata's `backward` file
//! whose name is not a location in `zone.tab` (the generated table in
//! `timezone_links.rs`); `backward` also links 106 current country names
//! (`Europe/Oslo` → `Europe/Berlin`), which stay silent. Explanations are the
//! `Explanation` statics below.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono_tz::{TZ_VARIANTS, Tz};

use super::context::{Check, Ctx, FieldAt, Finding, is_padded, tr};
use super::text::structured;
use super::timezone_links::{DEPRECATED_LINKS, LEGACY_NAMES};
use crate::diagnostic::Applicability;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

const IANA: &str = "IANA Time Zone Database: https://www.iana.org/time-zones";

pub(crate) static UNKNOWN_TIMEZONE: Explanation = Explanation {
    what: Text {
        en: "`timezone` is not a name of the IANA time-zone database. The closest names are suggested; a bare city (`Moscow`) finds its zone.",
        ru: "`timezone` — не имя из базы часовых поясов IANA. Предлагаются ближайшие имена; по названию города (`Moscow`) находится его зона.",
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
        en: "A valid zone name in the wrong letter case (`europe/moscow`, `utc`).",
        ru: "Верное имя зоны в неправильном регистре (`europe/moscow`, `utc`).",
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
        en: "An abbreviation (`MSK`, `PST`) or a UTC offset (`+03:00`, `GMT+3`) instead of a zone name. Note that POSIX signs are inverted: `Etc/GMT-3` means UTC+3 and `Etc/GMT+3` means UTC−3.",
        ru: "Аббревиатура (`MSK`, `PST`) или смещение от UTC (`+03:00`, `GMT+3`) вместо имени зоны. Учтите, что знаки POSIX инвертированы: `Etc/GMT-3` означает UTC+3, а `Etc/GMT+3` — UTC−3.",
    },
    why: Text {
        en: "Abbreviations are ambiguous (`IST` is India, Ireland and Israel) and offsets ignore daylight saving time. A zone name carries the full history.",
        ru: "Аббревиатуры неоднозначны (`IST` — Индия, Ирландия и Израиль), а смещения не учитывают летнее время. Имя зоны несёт всю историю.",
    },
    example: r#"{"timezone": "MSK"}"#,
    instead: r#"{"timezone": "Europe/Moscow"}"#,
    references: &[IANA, "tzdata `etcetera` file (Etc/GMT sign convention)"],
};

/// This family's rules and their explanations.
pub(crate) static EXPLAINED: &[(Rule, &Explanation)] = &[
    (Rule::UnknownTimezone, &UNKNOWN_TIMEZONE),
    (Rule::TimezoneWrongCase, &TIMEZONE_WRONG_CASE),
    (Rule::DeprecatedTimezoneLink, &DEPRECATED_TIMEZONE_LINK),
    (Rule::TimezoneAbbreviation, &TIMEZONE_ABBREVIATION),
    (Rule::LegacyTimezone, &LEGACY_TIMEZONE),
];

/// Abbreviations that name one zone without doubt.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("AKST", "America/Anchorage"),
    ("IRKT", "Asia/Irkutsk"),
    ("KALT", "Europe/Kaliningrad"),
    ("KRAT", "Asia/Krasnoyarsk"),
    ("MAGT", "Asia/Magadan"),
    ("MSD", "Europe/Moscow"),
    ("MSK", "Europe/Moscow"),
    ("NOVT", "Asia/Novosibirsk"),
    ("OMST", "Asia/Omsk"),
    ("PDT", "America/Los_Angeles"),
    ("PETT", "Asia/Kamchatka"),
    ("PST", "America/Los_Angeles"),
    ("SAMT", "Europe/Samara"),
    ("VLAT", "Asia/Vladivostok"),
    ("YAKT", "Asia/Yakutsk"),
    ("YEKT", "Asia/Yekaterinburg"),
];

fn lowercase_names() -> &'static HashMap<String, &'static str> {
    static MAP: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        TZ_VARIANTS
            .iter()
            .map(|tz| (tz.name().to_ascii_lowercase(), tz.name()))
            .collect()
    })
}

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
}

impl std::fmt::Display for Timezone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.name())
    }
}

impl std::str::FromStr for Timezone {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_timezone(s).map(Timezone)
    }
}

/// The current zone that succeeds a deprecated name, or `None` for a current
/// name. The successor is the zone tzdata records as the name's successor, in
/// the name's own country (`Iceland` → `Atlantic/Reykjavik`, not the link
/// target `Africa/Abidjan`); see `tools/gen_deprecated_zones.py`.
///
/// ```
/// assert_eq!(client_lint::values::deprecated_timezone("Iceland"), Some("Atlantic/Reykjavik"));
/// assert_eq!(client_lint::values::deprecated_timezone("Europe/Kiev"), Some("Europe/Kyiv"));
/// assert_eq!(client_lint::values::deprecated_timezone("Europe/Oslo"), None);
/// assert_eq!(client_lint::values::deprecated_timezone("UTC"), None);
/// ```
pub fn deprecated_timezone(name: &str) -> Option<&'static str> {
    DEPRECATED_LINKS
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| DEPRECATED_LINKS[i].1)
}

/// A legacy tzdata name (`EST`, `CET`, `PST8PDT`, …): valid, with a fixed
/// meaning that is rarely what was meant. Its entry: the zone most users
/// mean (offered as an unsafe fix) and what the name means, in both
/// languages.
pub(crate) struct Legacy {
    pub zone: &'static str,
    pub meaning: Text,
}

/// What each legacy name means (tzdata's `northamerica` and `europe` files)
/// and the zone usually meant instead.
const LEGACY: &[(&str, &str, &str, &str)] = &[
    (
        "CET",
        "Europe/Brussels",
        "`CET` is Central European Time with the EU's daylight saving rules; write the zone of the client's country, e.g. `Europe/Berlin`, `Europe/Paris`, `Europe/Warsaw`",
        "`CET` — центральноевропейское время с правилами перехода ЕС; укажите зону страны клиента, например `Europe/Berlin`, `Europe/Paris`, `Europe/Warsaw`",
    ),
    (
        "CST6CDT",
        "America/Chicago",
        "`CST6CDT` is US Central time (UTC−6, daylight saving UTC−5); write `America/Chicago` (or the client's city)",
        "`CST6CDT` — центральное время США (UTC−6, летом UTC−5); укажите `America/Chicago` (или город клиента)",
    ),
    (
        "EET",
        "Europe/Athens",
        "`EET` is Eastern European Time with the EU's daylight saving rules; write the zone of the client's country, e.g. `Europe/Athens`, `Europe/Bucharest`, `Europe/Helsinki`, `Europe/Kyiv`",
        "`EET` — восточноевропейское время с правилами перехода ЕС; укажите зону страны клиента, например `Europe/Athens`, `Europe/Bucharest`, `Europe/Helsinki`, `Europe/Kyiv`",
    ),
    (
        "EST",
        "America/New_York",
        "`EST` is UTC−5 all year, without daylight saving (as in Panama or Jamaica); for US Eastern time with daylight saving write `America/New_York`",
        "`EST` — UTC−5 круглый год, без перехода на летнее время (как в Панаме или на Ямайке); для восточного времени США с летним временем укажите `America/New_York`",
    ),
    (
        "EST5EDT",
        "America/New_York",
        "`EST5EDT` is US Eastern time (UTC−5, daylight saving UTC−4); write `America/New_York` (or the client's city)",
        "`EST5EDT` — восточное время США (UTC−5, летом UTC−4); укажите `America/New_York` (или город клиента)",
    ),
    (
        "HST",
        "Pacific/Honolulu",
        "`HST` is Hawaii time, UTC−10 all year; write `Pacific/Honolulu`",
        "`HST` — гавайское время, UTC−10 круглый год; укажите `Pacific/Honolulu`",
    ),
    (
        "MET",
        "Europe/Brussels",
        "`MET` is Middle European Time, the same as `CET`; write the zone of the client's country, e.g. `Europe/Berlin`, `Europe/Paris`",
        "`MET` — среднеевропейское время, то же, что `CET`; укажите зону страны клиента, например `Europe/Berlin`, `Europe/Paris`",
    ),
    (
        "MST",
        "America/Denver",
        "`MST` is UTC−7 all year, without daylight saving; for US Mountain time with daylight saving write `America/Denver`, for Arizona (no daylight saving) `America/Phoenix`",
        "`MST` — UTC−7 круглый год, без перехода на летнее время; для горного времени США с летним временем укажите `America/Denver`, для Аризоны (без перехода) — `America/Phoenix`",
    ),
    (
        "MST7MDT",
        "America/Denver",
        "`MST7MDT` is US Mountain time (UTC−7, daylight saving UTC−6); write `America/Denver` (or the client's city)",
        "`MST7MDT` — горное время США (UTC−7, летом UTC−6); укажите `America/Denver` (или город клиента)",
    ),
    (
        "PST8PDT",
        "America/Los_Angeles",
        "`PST8PDT` is US Pacific time (UTC−8, daylight saving UTC−7); write `America/Los_Angeles` (or the client's city)",
        "`PST8PDT` — тихоокеанское время США (UTC−8, летом UTC−7); укажите `America/Los_Angeles` (или город клиента)",
    ),
    (
        "WET",
        "Europe/Lisbon",
        "`WET` is Western European Time with the EU's daylight saving rules; write the zone of the client's place, e.g. `Europe/Lisbon`, `Atlantic/Canary`, `Atlantic/Faroe`",
        "`WET` — западноевропейское время с правилами перехода ЕС; укажите зону места клиента, например `Europe/Lisbon`, `Atlantic/Canary`, `Atlantic/Faroe`",
    ),
];

/// The legacy entry of `name`, or `None` for any other name.
pub(crate) fn legacy_timezone(name: &str) -> Option<Legacy> {
    if LEGACY_NAMES.binary_search_by(|(n, _)| (*n).cmp(name)).is_err() {
        return None;
    }
    LEGACY
        .iter()
        .find(|(n, ..)| *n == name)
        .map(|&(_, zone, en, ru)| Legacy {
            zone,
            meaning: Text { en, ru },
        })
}

/// `UTC+3`, `GMT-03:00`, `+0300`, `+3` → the offset in whole hours.
fn offset_hours(s: &str) -> Option<Option<i32>> {
    // The longest offset read here is `UTC−14:00`: 11 bytes.
    if s.len() > 16 {
        return None;
    }
    let upper = s.to_ascii_uppercase();
    let rest = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .unwrap_or(&upper);
    let (sign, digits) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' | 0xE2 => (-1, rest.trim_start_matches(['-', '\u{2212}'])),
        _ => return None,
    };
    if !digits.is_ascii() {
        return None;
    }
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => digits.split_at(2),
        None => (digits, "0"),
    };
    if h.is_empty() || h.len() > 2 || m.len() > 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    Some((m == 0 && h <= 14).then_some(sign * h))
}

/// Longer than any zone name, with room to spare (a test checks).
const NAME_MAX: usize = 64;

/// Parse a time-zone name: exact IANA names only.
///
/// Deprecated aliases parse (they are valid names); see
/// [`deprecated_timezone`].
///
/// ```
/// use client_lint::values::{FieldError, parse_timezone};
/// assert_eq!(parse_timezone("Europe/Moscow"), Ok(chrono_tz::Europe::Moscow));
/// assert_eq!(parse_timezone("UTC"), Ok(chrono_tz::UTC));
/// assert_eq!(parse_timezone("utc"), Err(FieldError::WrongCase { canonical: "UTC".into() }));
/// assert_eq!(parse_timezone("UTC\n"), Err(FieldError::Whitespace));
/// assert_eq!(
///     parse_timezone("GMT+3"),
///     Err(FieldError::TimezoneAbbreviation { suggestion: Some("Etc/GMT-3".into()) })
/// );
/// let Err(FieldError::UnknownTimezone { suggestions }) = parse_timezone("Europe/Moskow") else { panic!() };
/// assert_eq!(suggestions[0], "Europe/Moscow");
/// ```
pub fn parse_timezone(s: &str) -> Result<Tz, FieldError> {
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
    if let Some(&canonical) = lookup
        .then(|| lowercase_names().get(&s.to_ascii_lowercase()))
        .flatten()
    {
        return Err(FieldError::WrongCase {
            canonical: canonical.to_string(),
        });
    }
    if let Some(hours) = offset_hours(s) {
        let suggestion = hours.map(|h| match h {
            0 => "UTC".to_string(),
            h => format!("Etc/GMT{:+}", -h),
        });
        return Err(FieldError::TimezoneAbbreviation { suggestion });
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

/// Zones to suggest: neither deprecated nor legacy.
fn current_zones() -> impl Iterator<Item = &'static str> {
    TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|n| deprecated_timezone(n).is_none() && LEGACY_NAMES.iter().all(|(l, _)| l != n))
}

/// `Etc/GMT-15` (out of range): the nearest `Etc/GMT` zone, since tzdata has
/// `Etc/GMT-14` to `Etc/GMT+12`; `None` for other names, and for offsets
/// too far out to be a slip (beyond 24 hours).
fn nearest_etc_gmt(s: &str) -> Option<Option<&'static str>> {
    let rest = s
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("Etc/GMT"))
        .map(|_| &s[7..])?;
    let (sign, digits) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = digits.parse().ok()?;
    Some(match (sign, n) {
        (_, 25..) => None,
        (1, 13..) => Some("Etc/GMT+12"),
        (-1, 15..) => Some("Etc/GMT-14"),
        _ => None,
    })
}

/// Every current zone, folded once.
fn all_current() -> &'static crate::suggest::Candidates {
    static ALL: OnceLock<crate::suggest::Candidates> = OnceLock::new();
    ALL.get_or_init(|| crate::suggest::Candidates::new(current_zones()))
}

/// Current zones by lower-case region (`europe` → `Europe/…`), keyed by the
/// rest of the name, folded once.
fn regions() -> &'static HashMap<String, crate::suggest::Candidates> {
    static REGIONS: OnceLock<HashMap<String, crate::suggest::Candidates>> = OnceLock::new();
    REGIONS.get_or_init(|| {
        let mut names: HashMap<String, Vec<&'static str>> = HashMap::new();
        for z in current_zones() {
            if let Some((region, _)) = z.split_once('/') {
                names.entry(region.to_ascii_lowercase()).or_default().push(z);
            }
        }
        names
            .into_iter()
            .map(|(r, z)| {
                let keyed = z
                    .into_iter()
                    .map(|z| (z.split_once('/').map_or(z, |(_, c)| c), z));
                (r, crate::suggest::Candidates::keyed(keyed))
            })
            .collect()
    })
}

/// Closest zone names: a bare city first (current and deprecated names
/// alike, a deprecated one as its successor: `Kiev` → `Europe/Kyiv`), then by
/// edit distance. An out-of-range `Etc/GMT` offset gets the nearest valid one
/// or nothing, never a zone hours away.
fn suggestions(s: &str) -> Vec<&'static str> {
    if let Some(nearest) = nearest_etc_gmt(s) {
        return nearest.into_iter().collect();
    }
    let mut out: Vec<&'static str> = Vec::new();
    if !s.contains('/') && !s.is_empty() && s.len() <= crate::suggest::MAX_LEN {
        let city = s.replace(' ', "_").to_ascii_lowercase();
        for n in TZ_VARIANTS.iter().map(|tz| tz.name()) {
            let last = n.rsplit('/').next().unwrap_or(n);
            if last.to_ascii_lowercase() != city || LEGACY_NAMES.iter().any(|(l, _)| *l == n) {
                continue;
            }
            let zone = deprecated_timezone(n).unwrap_or(n);
            if !out.contains(&zone) && out.len() < 3 {
                out.push(zone);
            }
        }
    }
    if out.is_empty() {
        // Within the region typed (`Europe/…`) first, comparing the rest of
        // the name: a tenth of the zones, and shorter strings.
        if let Some((region, city)) = s.split_once('/')
            && let Some(zones) = regions().get(&region.to_ascii_lowercase())
        {
            out = zones.closest_n(city, 3);
        }
    }
    if out.is_empty() {
        out = all_current().closest_n(s, 3);
    }
    out
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    let Some(tz) = structured(ctx, at, parse_timezone, |ctx, t, e| report(ctx, at, t, e)) else {
        return;
    };
    if let Some(legacy) = legacy_timezone(tz.name()) {
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
    let Some(target) = deprecated_timezone(tz.name()) else {
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
            at.emit(ctx, Rule::TimezoneWrongCase, |s| {
                let v = s.quote(t);
                Finding::new(tr!(
                    s,
                    "time zone `{v}` is in the wrong case",
                    "часовой пояс `{v}` записан в неверном регистре"
                ))
                .help(tr!(s, "write `{canonical}`", "напишите `{canonical}`"))
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
                match &suggestion {
                    Some(z) if z.starts_with("Etc/GMT") => f
                        .help(tr!(
                            s,
                            "write the zone of the client's city (e.g. `Europe/Moscow`); a fixed offset is `{z}`: POSIX signs are inverted, `Etc/GMT-3` is UTC+3",
                            "укажите зону города клиента (например, `Europe/Moscow`); фиксированное смещение — `{z}`: знаки POSIX инвертированы, `Etc/GMT-3` — это UTC+3"
                        ))
                        .fix(at.replace(z.as_str(), Applicability::Unsafe)),
                    Some(z) => f
                        .help(tr!(s, "did you mean `{z}`?", "может быть, `{z}`?"))
                        .fix(at.replace(z.as_str(), Applicability::Unsafe)),
                    None => f.help(tr!(
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
                match suggestions.as_slice() {
                    [] => f.help(tr!(
                        s,
                        "write an IANA name such as `Europe/Moscow`, `America/New_York` or `UTC`",
                        "укажите имя IANA, например `Europe/Moscow`, `America/New_York` или `UTC`"
                    )),
                    [one] => f
                        .help(tr!(s, "did you mean `{one}`?", "может быть, `{one}`?"))
                        .fix(at.replace(*one, Applicability::Unsafe)),
                    [first, rest @ ..] => {
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

/// `timezone`.
pub(crate) static CHECK: Check = Check {
    run: check,
    parse: Some(|s| parse_timezone(s).map(drop)),
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
