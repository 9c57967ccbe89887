//! `language` checked against its sources (`tests/data/iso-codes/`,
//! `tests/data/cldr/`): exactly the ISO 639-1 codes parse; a withdrawn code
//! is told the code that replaced it; a country's code is told the
//! country's official languages.

use std::collections::{BTreeMap, BTreeSet};

use client_lint::values::{FieldError, parse_language};
use client_lint::{Lang, Options};

fn data(path: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// ISO 639-1: code → English name, from iso-codes' ISO 639-2 table.
fn iso_639_1() -> BTreeMap<String, String> {
    let v: serde_json::Value = serde_json::from_str(&data("iso-codes/iso_639-2.json")).unwrap();
    v["639-2"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| {
            Some((
                l["alpha_2"].as_str()?.to_string(),
                l["name"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// The value of `attr="…"` in an XML element's text.
fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let at = element.find(&format!(" {name}=\""))? + name.len() + 3;
    element[at..].split('"').next()
}

/// CLDR's deprecated two-letter language aliases: old → new.
fn withdrawn() -> BTreeMap<String, String> {
    data("cldr/languageAlias.xml")
        .lines()
        .filter(|l| attr(l, "reason") == Some("deprecated"))
        .map(|l| {
            (
                attr(l, "type").unwrap().to_string(),
                attr(l, "replacement").unwrap().to_string(),
            )
        })
        .collect()
}

/// CLDR's official (and de facto official) languages of each territory.
fn official_languages() -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut territory = String::new();
    for l in data("cldr/territoryInfo.xml").lines() {
        if l.trim_start().starts_with("<territory ") {
            territory = attr(l, "type").unwrap().to_lowercase();
            out.entry(territory.clone()).or_default();
        } else if matches!(attr(l, "officialStatus"), Some("official" | "de_facto_official")) {
            let code = attr(l, "type").unwrap().split('_').next().unwrap().to_string();
            out.entry(territory.clone()).or_default().insert(code);
        }
    }
    out
}

fn all_pairs() -> impl Iterator<Item = String> {
    (b'a'..=b'z').flat_map(|a| (b'a'..=b'z').map(move |b| String::from_utf8(vec![a, b]).unwrap()))
}

#[test]
fn exactly_the_iso_639_1_codes_parse() {
    let iso = iso_639_1();
    assert_eq!(iso.len(), 184);
    for code in all_pairs() {
        let parsed = parse_language(&code);
        assert_eq!(parsed.is_ok(), iso.contains_key(&code), "{code}: {parsed:?}");
        if let Ok(l) = parsed {
            let name = &iso[&code];
            let short = name.split([';', ',', '(']).next().unwrap().trim();
            assert_eq!(l.english_name(), Some(short), "{code}");
            // Upper case: the same code, lower case, as a safe fix.
            assert_eq!(
                parse_language(&code.to_uppercase()),
                Err(FieldError::WrongCase {
                    canonical: code.clone()
                })
            );
        }
    }
}

#[test]
fn withdrawn_codes_are_told_their_successor() {
    let iso = iso_639_1();
    let mut seen = 0;
    for (old, new) in withdrawn() {
        if iso.contains_key(&old) || !iso.contains_key(&new) {
            continue;
        }
        seen += 1;
        let Err(FieldError::WithdrawnLanguage { successor }) = parse_language(&old) else {
            panic!("{old}: {:?}", parse_language(&old));
        };
        assert_eq!(successor, new, "{old}");
    }
    // iw, in, ji, jw, mo.
    assert_eq!(seen, 5);
}

#[test]
fn country_codes_are_told_the_countrys_official_languages() {
    let iso = iso_639_1();
    let withdrawn = withdrawn();
    let official = official_languages();
    let mut told = 0;
    for code in all_pairs() {
        if iso.contains_key(&code) || withdrawn.contains_key(&code) {
            continue;
        }
        let Err(FieldError::UnknownLanguage { suggestions }) = parse_language(&code) else {
            panic!("{code}: {:?}", parse_language(&code));
        };
        let want: BTreeSet<String> = official
            .get(&code)
            .map(|langs| langs.iter().filter(|l| iso.contains_key(*l)).cloned().collect())
            .unwrap_or_default();
        if want.is_empty() {
            assert!(suggestions.is_empty(), "{code}: {suggestions:?}");
            continue;
        }
        told += 1;
        assert!(
            !suggestions.is_empty() && suggestions.len() <= 3,
            "{code}: {suggestions:?}"
        );
        for s in &suggestions {
            assert!(want.contains(*s), "{code}: {s} is not official there ({want:?})");
        }
    }
    assert!(told > 100, "{told}");
    // The mistakes people make: the country's own language first.
    for (country, language) in [
        ("ua", "uk"),
        ("by", "be"),
        ("kz", "kk"),
        ("jp", "ja"),
        ("cz", "cs"),
        ("cn", "zh"),
        ("gr", "el"),
        ("dk", "da"),
    ] {
        let Err(FieldError::UnknownLanguage { suggestions }) = parse_language(country) else {
            panic!("{country}");
        };
        assert_eq!(suggestions.first(), Some(&language), "{country}");
    }
}

/// `se` is Northern Sami in ISO 639-1 and stays valid, though it is also
/// Sweden's country code (the README says why).
#[test]
fn codes_that_are_also_countries_stay_valid() {
    for code in ["se", "ee", "ru", "de", "it"] {
        assert!(parse_language(code).is_ok(), "{code}");
    }
}

/// The lint's finding and fix follow the parser, in both languages.
#[test]
fn the_lint_suggests_the_language_as_an_unsafe_fix() {
    for lang in [Lang::En, Lang::Ru] {
        let report = client_lint::lint_str(r#"{"language": "ua"}"#, &Options::new().with_lang(lang));
        let d = &report.diagnostics()[0];
        assert_eq!(d.name(), "invalid-language");
        assert_eq!(d.fix().unwrap().value().unwrap(), "uk");
        assert_eq!(
            d.fix().unwrap().applicability(),
            client_lint::Applicability::Unsafe
        );
        assert!(d.help().unwrap().contains("`uk`"));
    }
}
