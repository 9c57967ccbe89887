//! What the time-zone check knows about names besides tzdata's list: the
//! deprecated links and legacy names (tables generated in
//! `timezone_links.rs`), abbreviations, fixed UTC offsets written where a
//! zone belongs, and the "did you mean" search.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono_tz::TZ_VARIANTS;

use super::timezone_links::{DEPRECATED_LINKS, LEGACY_NAMES};
use crate::i18n::Text;

/// Abbreviations that name one zone without doubt.
pub(crate) const ABBREVIATIONS: &[(&str, &str)] = &[
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

pub(crate) fn lowercase_names() -> &'static HashMap<String, &'static str> {
    static MAP: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        TZ_VARIANTS
            .iter()
            .map(|tz| (tz.name().to_ascii_lowercase(), tz.name()))
            .collect()
    })
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

/// A fixed UTC offset written where a zone belongs: `UTC+3`, `GMT-03:00`,
/// `+0300`, `+3` (ISO 8601's sign: east of Greenwich is `+`), or a name
/// under `Etc/` with an offset tzdata does not spell that way:
/// `Etc/GMT-3:00`, `Etc/GMT+03`, `Etc/UTC+3` (POSIX's sign, as tzdata's
/// `Etc/GMT` zones have it: east is `-`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Offset {
    /// Minutes east of UTC.
    pub east: i32,
    /// Written under `Etc/`, with the POSIX sign.
    pub posix: bool,
}

impl Offset {
    /// Read `s` as an offset; `None` when it is not one.
    pub fn read(s: &str) -> Option<Offset> {
        // The longest offset read here is `Etc/GMT−14:00`: 15 bytes.
        if s.len() > 16 || !s.is_char_boundary(s.len().min(4)) {
            return None;
        }
        let posix = s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("Etc/"));
        let rest = if posix { &s[4..] } else { s };
        let prefixed = rest
            .get(..3)
            .filter(|p| p.eq_ignore_ascii_case("UTC") || p.eq_ignore_ascii_case("GMT"))
            .map(|_| &rest[3..]);
        let rest = match (posix, prefixed) {
            (_, Some(r)) => r,
            (true, None) => return None,
            (false, None) => rest,
        };
        let (sign, digits) = if let Some(d) = rest.strip_prefix('+') {
            (1, d)
        } else if let Some(d) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('\u{2212}')) {
            (-1, d)
        } else {
            return None;
        };
        if !digits.is_ascii() {
            return None;
        }
        let (h, m) = match digits.split_once(':') {
            Some((h, m)) if m.len() == 2 => (h, m),
            Some(_) => return None,
            None if digits.len() == 4 => digits.split_at(2),
            None => (digits, "0"),
        };
        if h.is_empty() || h.len() > 3 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
        if m >= 60 {
            return None;
        }
        let minutes = sign * (h * 60 + m);
        Some(Offset {
            east: if posix { -minutes } else { minutes },
            posix,
        })
    }

    /// The tzdata zone with exactly this fixed offset: `UTC` for zero, else
    /// `Etc/GMT-14` (UTC+14) to `Etc/GMT+12` (UTC−12) in whole hours, the
    /// sign inverted; `None` when no zone has it (half hours, UTC−13…).
    pub fn zone(self) -> Option<&'static str> {
        if self.east % 60 != 0 {
            return None;
        }
        if self.east == 0 {
            return Some("UTC");
        }
        let name = format!("Etc/GMT{:+}", -self.east / 60);
        TZ_VARIANTS.iter().map(|z| z.name()).find(|z| *z == name)
    }

    /// The offset as ISO 8601 writes it in a message: `UTC+3`, `UTC−5:30`.
    pub fn iso(self) -> String {
        let sign = if self.east < 0 { '−' } else { '+' };
        let (h, m) = (self.east.abs() / 60, self.east.abs() % 60);
        if m == 0 {
            format!("UTC{sign}{h}")
        } else {
            format!("UTC{sign}{h}:{m:02}")
        }
    }
}

/// Zones to suggest: neither deprecated nor legacy.
fn current_zones() -> impl Iterator<Item = &'static str> {
    TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|n| deprecated_timezone(n).is_none() && LEGACY_NAMES.iter().all(|(l, _)| l != n))
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
/// edit distance. (Offsets never come here: see [`Offset`].)
pub(crate) fn suggestions(s: &str) -> Vec<&'static str> {
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
