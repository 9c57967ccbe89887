//! Time zones checked against tzdata's own files (`tests/data/tzdata/`,
//! release 2025b, the one chrono-tz bundles): every deprecated name's
//! suggestion is a `zone.tab` location in the old name's own country, and
//! legacy names are warned about with an unsafe fix only.

use std::collections::HashMap;

use client_lint::values::{FieldError, deprecated_timezone, parse_timezone};
use client_lint::{Applicability, Options, Severity};

fn data(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/data/tzdata/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// zone.tab: location → country code.
fn zone_tab() -> HashMap<String, String> {
    data("zone.tab")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[2].to_string(), f[0].to_string())
        })
        .collect()
}

/// iso3166.tab: lower-case country name → code.
fn countries() -> HashMap<String, String> {
    data("iso3166.tab")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (code, name) = l.split_once('\t').unwrap();
            (name.to_lowercase(), code.to_string())
        })
        .collect()
}

/// backward: (link name, target, `#=` successor).
fn backward() -> Vec<(String, String, Option<String>)> {
    data("backward")
        .lines()
        .filter(|l| l.starts_with("Link"))
        .map(|l| {
            let (code, comment) = l.split_once('#').unwrap_or((l, ""));
            let f: Vec<&str> = code.split_whitespace().collect();
            let t1 = comment.strip_prefix('=').map(|t| t.trim().to_string());
            (f[2].to_string(), f[1].to_string(), t1)
        })
        .collect()
}

const LEGACY: &[&str] = &[
    "CET", "CST6CDT", "EET", "EST", "EST5EDT", "HST", "MET", "MST", "MST7MDT", "PST8PDT", "WET",
];

#[test]
fn every_deprecated_name_is_succeeded_by_a_location_of_its_own_country() {
    let zones = zone_tab();
    let countries = countries();
    let mut checked_country = 0;
    let mut deprecated = 0;
    for (name, target, t1) in backward() {
        if zones.contains_key(&name) || name == "UTC" || LEGACY.contains(&name.as_str()) {
            assert_eq!(deprecated_timezone(&name), None, "{name} is current");
            continue;
        }
        deprecated += 1;
        let s =
            deprecated_timezone(&name).unwrap_or_else(|| panic!("{name} is deprecated but has no successor"));
        // A location of zone.tab, or one of the country-less Etc zones.
        assert!(
            zones.contains_key(s) || s.starts_with("Etc/"),
            "{name} → {s}: not a zone.tab location"
        );
        assert!(parse_timezone(s).is_ok(), "{s}");
        // The old name's country, where a source says it: the `#=` comment,
        // or a part of the name that is a country's name or code.
        let named = name.split('/').map(|p| p.replace('_', " ")).find_map(|p| {
            countries
                .get(&p.to_lowercase())
                .cloned()
                .or_else(|| countries.values().find(|c| **c == p).cloned())
        });
        let country = t1.as_ref().and_then(|t| zones.get(t)).cloned().or(named);
        if let Some(c) = country {
            checked_country += 1;
            let got = zones.get(s).map(String::as_str);
            // ISO 3166 codes the US territories apart: `US/Samoa` is American
            // Samoa (AS).
            let us_territory = c == "US" && matches!(got, Some("AS" | "GU" | "MP" | "PR" | "UM" | "VI"));
            assert!(
                got == Some(c.as_str()) || us_territory,
                "{name} (country {c}) → {s} (link target {target})"
            );
        }
    }
    assert_eq!(deprecated, 138);
    assert!(
        checked_country > 60,
        "only {checked_country} names had a known country"
    );
}

#[test]
fn the_issue_cases_move_within_their_country() {
    for (old, new) in [
        ("Iceland", "Atlantic/Reykjavik"),
        ("Pacific/Truk", "Pacific/Chuuk"),
        ("Pacific/Ponape", "Pacific/Pohnpei"),
        ("America/Virgin", "America/St_Thomas"),
        ("Africa/Asmera", "Africa/Asmara"),
        ("Antarctica/South_Pole", "Antarctica/McMurdo"),
        ("Pacific/Yap", "Pacific/Chuuk"),
        ("Atlantic/Jan_Mayen", "Arctic/Longyearbyen"),
        ("America/Coral_Harbour", "America/Atikokan"),
        ("Africa/Timbuktu", "Africa/Bamako"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("US/Pacific", "America/Los_Angeles"),
    ] {
        assert_eq!(deprecated_timezone(old), Some(new), "{old}");
        let fixed = client_lint::fix_str(
            &format!(r#"{{"timezone": "{old}"}}"#),
            &Options::default(),
            client_lint::UnsafeFixes::Skip,
        );
        assert_eq!(fixed.text, format!(r#"{{"timezone": "{new}"}}"#));
    }
}

#[test]
fn legacy_names_warn_with_an_unsafe_fix_that_explains_them() {
    for name in LEGACY {
        assert!(parse_timezone(name).is_ok(), "{name} is a valid tzdata name");
        let doc = format!(r#"{{"timezone": "{name}"}}"#);
        for lang in [client_lint::Lang::En, client_lint::Lang::Ru] {
            let report = client_lint::lint_str(&doc, &Options::new().with_lang(lang));
            let d = &report.diagnostics()[0];
            assert_eq!(
                (report.diagnostics().len(), d.name()),
                (1, "legacy-timezone"),
                "{name}"
            );
            assert_eq!(d.severity(), Severity::Warning);
            let fix = d.fix().unwrap();
            assert_eq!(fix.applicability(), Applicability::Unsafe, "{name}");
            let zone = fix.value().unwrap().as_str().unwrap();
            assert!(
                parse_timezone(zone).is_ok() && deprecated_timezone(zone).is_none(),
                "{zone}"
            );
            assert!(
                d.help().unwrap().contains(&format!("`{name}`")),
                "{name}: {:?}",
                d.help()
            );
        }
        // --fix alone leaves it: the meaning would change.
        let fixed = client_lint::fix_str(&doc, &Options::default(), client_lint::UnsafeFixes::Skip);
        assert_eq!(fixed.text, doc);
    }
    let report = client_lint::lint_str(r#"{"timezone": "EST"}"#, &Options::default());
    let d = &report.diagnostics()[0];
    assert!(d.help().unwrap().contains("UTC−5 all year"));
    assert_eq!(d.fix().unwrap().value().unwrap(), "America/New_York");
}

fn suggested(s: &str) -> Vec<&'static str> {
    match parse_timezone(s) {
        Err(FieldError::UnknownTimezone { suggestions }) => suggestions,
        other => panic!("{s}: {other:?}"),
    }
}

/// No zone has these offsets: nothing is suggested, never a zone hours
/// away (issue 20: `Etc/GMT-3:00` was told `Etc/GMT+10`).
#[test]
fn out_of_range_offsets_get_nothing() {
    for s in [
        "Etc/GMT-15",
        "Etc/GMT+13",
        "etc/gmt+14",
        "Etc/GMT+99",
        "Etc/GMT-100",
        "Etc/GMT+5:30",
    ] {
        assert!(suggested(s).is_empty(), "{s}: {:?}", suggested(s));
    }
}

#[test]
fn city_names_find_current_and_deprecated_zones() {
    assert_eq!(suggested("Kiev"), ["Europe/Kyiv"]);
    assert_eq!(suggested("Kyiv"), ["Europe/Kyiv"]);
    assert_eq!(suggested("Moscow"), ["Europe/Moscow"]);
    assert_eq!(suggested("Calcutta"), ["Asia/Kolkata"]);
    assert_eq!(suggested("Saigon"), ["Asia/Ho_Chi_Minh"]);
    // Legacy and deprecated names are never suggested themselves.
    for s in ["Europe/Kie", "Asia/Calcuta", "PST8PD", "Americ/Virgin"] {
        for z in suggested(s) {
            assert!(
                deprecated_timezone(z).is_none() && !LEGACY.contains(&z),
                "{s} → {z}"
            );
        }
    }
}

/// etcetera: the fixed-offset zones, hours east of UTC → name.
fn etcetera() -> HashMap<i32, String> {
    data("etcetera")
        .lines()
        .filter(|l| l.starts_with("Zone\tEtc/GMT") && l.contains("%z"))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[2].parse().unwrap(), f[1].to_string())
        })
        .collect()
}

/// An offset written where a zone belongs is told the zone with exactly that
/// offset from tzdata's `etcetera`, or nothing: in ISO 8601's sign (`UTC+3`,
/// `+03:00`, `GMT-0530`) and in the POSIX sign of `Etc/` names
/// (`Etc/GMT-3:00`, `Etc/UTC+3`, `Etc/GMT+03`).
#[test]
fn offsets_are_told_the_zone_with_the_same_offset_or_none() {
    let zones = etcetera();
    assert_eq!(zones.len(), 26, "Etc/GMT-14 to Etc/GMT+12 without zero");
    for minutes in (-16 * 60..=16 * 60).step_by(30) {
        let want = match (minutes % 60, minutes / 60) {
            (0, 0) => Some("UTC".to_string()),
            (0, h) => zones.get(&h).cloned(),
            _ => None,
        };
        let (sign, posix_sign) = if minutes < 0 { ('-', '+') } else { ('+', '-') };
        let (h, m) = (minutes.abs() / 60, minutes.abs() % 60);
        for iso in [
            format!("UTC{sign}{h}:{m:02}"),
            format!("{sign}{h:02}{m:02}"),
            format!("GMT{sign}{h:02}:{m:02}"),
        ] {
            match parse_timezone(&iso) {
                Err(FieldError::TimezoneAbbreviation { suggestion }) => {
                    assert_eq!(suggestion, want, "{iso}");
                }
                other => panic!("{iso}: {other:?}"),
            }
        }
        for etc in [
            format!("Etc/GMT{posix_sign}{h}:{m:02}"),
            format!("Etc/UTC{posix_sign}{h:02}:{m:02}"),
        ] {
            match parse_timezone(&etc) {
                Err(FieldError::UnknownTimezone { suggestions }) => {
                    assert_eq!(
                        suggestions.first().map(std::string::ToString::to_string),
                        want,
                        "{etc}"
                    );
                    assert!(suggestions.len() <= 1, "{etc}: {suggestions:?}");
                }
                other => panic!("{etc}: {other:?}"),
            }
        }
    }
}

/// The countries of every zone name, recomputed from tzdata's own files
/// (`zone.tab`, `zone1970.tab`, `backward` in tests/data/tzdata), agree with
/// the embedded table (issue 23): the zone's own zone.tab country first, then
/// its zone1970.tab countries, then those of the zone it links to.
#[test]
fn the_countries_of_each_zone_are_tzdata_s() {
    use client_lint::values::Timezone;
    let read = |name: &str| {
        std::fs::read_to_string(format!("{}/tests/data/tzdata/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    let rows = |text: &str| {
        let mut out: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            out.entry(cols[2].to_string())
                .or_default()
                .extend(cols[0].split(',').map(str::to_string));
        }
        out
    };
    let (zone_tab, zone1970) = (rows(&read("zone.tab")), rows(&read("zone1970.tab")));
    let links: std::collections::HashMap<String, String> = read("backward")
        .lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            (cols.first() == Some(&"Link")).then(|| (cols[2].to_string(), cols[1].to_string()))
        })
        .collect();
    let mut with_countries = 0;
    for tz in chrono_tz::TZ_VARIANTS {
        let name = tz.name();
        let mut want: Vec<String> = Vec::new();
        for zone in [Some(name), links.get(name).map(String::as_str)]
            .into_iter()
            .flatten()
        {
            for c in zone_tab.get(zone).into_iter().chain(zone1970.get(zone)).flatten() {
                if !want.contains(c) {
                    want.push(c.clone());
                }
            }
        }
        let got: Vec<&str> = name.parse::<Timezone>().unwrap().countries().collect();
        assert_eq!(got, want, "{name}");
        with_countries += usize::from(!got.is_empty());
        for c in &got {
            assert!(
                isocountry::CountryCode::for_alpha2(c).is_ok(),
                "{name}: {c} is no ISO 3166-1 code"
            );
        }
    }
    assert!(with_countries > 500, "{with_countries}");
}
