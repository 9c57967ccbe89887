//! Property tests: valid documents are silent, one bad field is reported at
//! exactly its pointer, text and value agree, safe fixes converge.

use client_lint::values::deprecated_timezone;
use client_lint::{Applicability, Mode, Options, Severity};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn zones() -> Vec<&'static str> {
    chrono_tz::TZ_VARIANTS
        .iter()
        .map(|t| t.name())
        .filter(|n| deprecated_timezone(n).is_none())
        // Legacy names (EST, CET, …) are valid but warned about.
        .filter(|n| {
            n.contains('/') || *n == "UTC" || !n.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
        .collect()
}

fn countries() -> Vec<&'static str> {
    isocountry::CountryCode::as_array()
        .iter()
        .map(isocountry::CountryCode::alpha2)
        .collect()
}

fn label() -> impl Strategy<Value = String> {
    // RFC 5891 reserves `--` in the third and fourth place for `xn--` labels.
    "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?".prop_filter("reserved hyphens", |l| l.get(2..4) != Some("--"))
}

prop_compose! {
    fn host()(labels in prop::collection::vec(label(), 1..4), tld in "[a-z]{2,6}") -> String {
        let mut h = labels.join(".");
        h.push('.');
        h.push_str(&tld);
        h
    }
}

prop_compose! {
    fn email()(local in "[a-z0-9+_-]{1,6}(\\.[a-z0-9+_-]{1,6}){0,2}", host in host()) -> String {
        format!("{local}@{host}")
    }
}

prop_compose! {
    fn text()(s in "[A-Za-zА-Яа-я0-9][A-Za-zА-Яа-я0-9 ,.\"'«»-]{0,30}[A-Za-zА-Яа-я0-9.]") -> String { s }
}

prop_compose! {
    fn geo_list()(all in any::<bool>(), idx in prop::collection::btree_set(0usize..249, 1..6)) -> String {
        if all { return "*".into() }
        let c = countries();
        idx.into_iter().map(|i| c[i]).collect::<Vec<_>>().join(" ")
    }
}

prop_compose! {
    fn date()(y in 1990u16..2100, m in 1u8..=12, d in 1u8..=28, h in 0u8..24, mi in 0u8..60, s in 0u8..60) -> String {
        format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}")
    }
}

/// A valid client, as a response (so server-owned fields are expected).
fn valid_client() -> impl Strategy<Value = Map<String, Value>> {
    let zones = zones();
    (
        (
            prop::option::of(1i64..i64::MAX),
            prop::option::of(text()),
            prop::option::of(prop::sample::select(vec!["J", "F"])),
            prop::option::of(email()),
            prop::option::of(prop::sample::select(zones)),
            prop::option::of(prop::sample::select(vec!["ru", "en", "de"])),
            prop::option::of(host()),
            prop::option::of("[0-9]{1,8}"),
        ),
        (
            prop::option::of("[0-9]{1,6}"),
            prop::option::of(prop::sample::select(vec!["2", "3", "4"])),
            prop::option::of(date()),
            prop::option::of(text()),
            prop::option::of(geo_list()),
            prop::option::of(prop::option::of(1i64..1_000_000)),
            prop::option::of((email(), 0i64..=100)),
            prop::option::of(any::<bool>()),
            prop::option::of("\\+?[0-9]{5,12}"),
        ),
    )
        .prop_map(
            |(
                (id, name, ty, em, tz, lang, domain, dp),
                (prefix, ext, date, addr, geo, hold, notify, reg, caller),
            )| {
                let mut m = Map::new();
                let mut put = |k: &str, v: Option<Value>| {
                    if let Some(v) = v {
                        m.insert(k.to_string(), v);
                    }
                };
                put("id", id.map(|v| json!(v)));
                put("name", name.map(Value::from));
                put("type", ty.map(Value::from));
                put("email", em.map(Value::from));
                put("timezone", tz.map(Value::from));
                put("language", lang.map(Value::from));
                put("domain", domain.map(Value::from));
                put("domain_prefix", dp.map(Value::from));
                put("prefix", prefix.map(Value::from));
                put("extension_len", ext.map(Value::from));
                put("create_date", date.map(Value::from));
                put("jur_address", addr.map(Value::from));
                // A valid client's list holds a country of its own zone
                // (home-country-not-allowed otherwise).
                let home = tz.and_then(|z| {
                    z.parse::<client_lint::values::Timezone>()
                        .ok()?
                        .countries()
                        .next()
                });
                let geo = geo.map(|g| match home {
                    Some(h) if g != "*" && !g.split(' ').any(|c| c == h) => format!("{g} {h}"),
                    _ => g,
                });
                put("geo_list", geo.map(Value::from));
                put("hold_music", hold.map(|h| h.map_or(Value::Null, |v| json!(v))));
                if let Some((e, t)) = notify {
                    put("disk_space_notify_email", Some(e.into()));
                    put("disk_space_notify_threshold", Some(json!(t)));
                }
                put("reg_status_log", reg.map(Value::from));
                put("did_as_transfer_caller_id", caller.map(Value::from));
                m
            },
        )
}

fn response() -> Options {
    Options::new().with_mode(Mode::Response)
}

fn render(m: &Map<String, Value>, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(m).unwrap()
    } else {
        serde_json::to_string(m).unwrap()
    }
}

/// One bad value per field, each an error.
fn bad_values() -> Vec<(&'static str, Value)> {
    vec![
        ("id", json!(0)),
        ("name", json!("Acme\u{0}")),
        ("type", json!("X")),
        ("email", json!("not-an-address")),
        ("timezone", json!("Mars/Olympus_Mons")),
        ("domain", json!("bad_host.example.com")),
        ("domain_prefix", json!("12a")),
        ("prefix", json!("x")),
        ("extension_len", json!("7")),
        ("create_date", json!("2023-13-01 00:00:00")),
        ("jur_address", json!("a\u{7}b")),
        ("geo_list", json!("RU ZZ")),
        ("hold_music", json!(-1)),
        ("dial_rule_id", json!(1.5)),
        ("sip_network_permission_id", json!("x")),
        ("disk_space_notify_threshold", json!(101)),
        ("reg_status_log", json!("maybe")),
        ("type", json!("j")),
        ("timezone", json!("europe/moscow")),
        ("geo_list", json!("* RU")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256), .. ProptestConfig::default() })]

    #[test]
    fn valid_documents_are_silent(m in valid_client(), pretty in any::<bool>()) {
        let text = render(&m, pretty);
        let report = client_lint::lint_str(&text, &response());
        prop_assert!(report.diagnostics().is_empty(), "{}\n{:#?}", text, report.diagnostics());
        let report = client_lint::lint_str(&text, &Options::default());
        prop_assert!(!report.has_errors(), "request mode: {}\n{:#?}", text, report.diagnostics());
    }

    #[test]
    fn one_bad_field_is_reported_at_its_pointer(
        m in valid_client(),
        which in 0usize..20,
        pretty in any::<bool>(),
    ) {
        let (field, bad) = bad_values().swap_remove(which);
        let mut m = m;
        // Keep the notification pair together so only the bad field errs.
        if field == "disk_space_notify_threshold" {
            m.insert("disk_space_notify_email".into(), json!("ops@example.com"));
        }
        m.insert(field.to_string(), bad);
        let text = render(&m, pretty);
        let report = client_lint::lint_str(&text, &response());
        let errors: Vec<_> = report.diagnostics().iter().filter(|d| d.severity() == Severity::Error).collect();
        prop_assert!(!errors.is_empty(), "{}", text);
        let want = format!("/{field}");
        for d in &errors {
            prop_assert_eq!(d.pointer(), Some(want.as_str()), "{}", text);
        }
    }

    #[test]
    fn text_and_value_agree(m in valid_client(), which in 0usize..20, mutate in any::<bool>(), pretty in any::<bool>()) {
        let mut m = m;
        if mutate {
            let (field, bad) = bad_values().swap_remove(which);
            m.insert(field.to_string(), bad);
        }
        let text = render(&m, pretty);
        let value = Value::Object(m);
        for options in [response(), Options::default()] {
            let mut a: Vec<_> = client_lint::lint_str(&text, &options).diagnostics().iter()
                .map(|d| (d.code(), d.pointer().map(str::to_string))).collect();
            let mut b: Vec<_> = client_lint::lint_value(&value, &options).diagnostics().iter()
                .map(|d| (d.code(), d.pointer().map(str::to_string))).collect();
            a.sort();
            b.sort();
            prop_assert_eq!(a, b, "{}", text);
        }
    }

    #[test]
    fn safe_fixes_converge(
        m in valid_client(),
        tz_case in any::<bool>(),
        geo_mess in any::<bool>(),
        pad_name in any::<bool>(),
        lower_type in any::<bool>(),
        ext_number in any::<bool>(),
        pretty in any::<bool>(),
    ) {
        let mut m = m;
        if tz_case { m.insert("timezone".into(), json!(" europe/kiev")); }
        if geo_mess { m.insert("geo_list".into(), json!("ru, by;ru  kz")); }
        if pad_name { m.insert("name".into(), json!("  Acme ")); }
        if lower_type { m.insert("type".into(), json!("f")); }
        if ext_number { m.insert("extension_len".into(), json!(4)); }
        let text = render(&m, pretty);
        let fixed = client_lint::fix_str(&text, &response(), client_lint::UnsafeFixes::Skip);
        let again = client_lint::lint_str(&fixed.text, &response());
        prop_assert!(
            again.diagnostics().iter().all(|d| d.fix().is_none_or(|f| f.applicability() != Applicability::Safe)),
            "{} → {}\n{:#?}", text, fixed.text, again.diagnostics()
        );
        // The fixed text is still JSON with the same keys in the same order.
        let before: Vec<String> = m.keys().cloned().collect();
        let after: Map<String, Value> = serde_json::from_str(&fixed.text).unwrap();
        prop_assert_eq!(before, after.keys().cloned().collect::<Vec<_>>());
        // The injected mistakes all have safe fixes: none is left after fixing.
        prop_assert!(!again.has_errors(), "{} → {}\n{:#?}", text, fixed.text, again.diagnostics());
    }
}

/// A member value that is fixable, or not, and random white space around it.
fn member_value() -> impl Strategy<Value = (&'static str, Value)> {
    prop::sample::select(vec![
        ("type", json!("j")),
        ("type", json!("J")),
        ("timezone", json!("europe/moscow")),
        ("timezone", json!("Europe/Kiev")),
        ("timezone", json!("Mars/Base")),
        ("geo_list", json!("ru,by ru")),
        ("geo_list", json!("RU")),
        ("name", json!("  Acme\t")),
        ("name", json!("Acme «Юг»")),
        ("extension_len", json!(3)),
        ("language", json!("EN")),
        ("domain", json!("HTTPS://PBX.Example.com/x")),
        ("hold_music", json!("12")),
        ("colour", json!([1, {"a": "b"}])),
        ("dial_rule_id", json!(5.0)),
    ])
}

fn space() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", " ", "  ", "\n", "\n  ", "\t", "\r\n    "]).prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256), .. ProptestConfig::default() })]

    /// Every byte outside the fixed values is unchanged by `fix_str`.
    #[test]
    fn fixes_change_only_the_fixed_values(
        members in prop::collection::vec((member_value(), space(), space(), space()), 0..8),
        end in space(),
    ) {
        // Write the document by hand, remembering each value's byte range.
        let mut text = String::from("{");
        let mut values = Vec::new();
        for (i, ((key, value), s1, s2, s3)) in members.iter().enumerate() {
            if i > 0 { text.push(','); }
            text.push_str(s1);
            text.push_str(&format!("\"{key}\"{s2}:{s3}"));
            let start = text.len();
            text.push_str(&value.to_string());
            values.push((format!("/{key}"), start, text.len()));
        }
        text.push_str(&end);
        text.push('}');
        let report = client_lint::lint_str(&text, &Options::default());
        let fixed_pointers: std::collections::HashSet<String> = report
            .diagnostics()
            .iter()
            .filter_map(|d| d.fix())
            .filter(|f| f.applicability() == Applicability::Safe)
            .map(|f| f.pointer().to_string())
            .collect();
        let fixed = client_lint::fix_str(&text, &Options::default(), client_lint::UnsafeFixes::Skip).text;
        // Walk both texts: the bytes between values must be identical, and
        // so must every value that had no safe fix.
        let (mut at_in, mut at_out) = (0, 0);
        for (pointer, start, end) in &values {
            let between = &text[at_in..*start];
            prop_assert_eq!(&fixed[at_out..at_out + between.len()], between, "{} → {}", text, fixed);
            at_out += between.len();
            let value_len = if fixed_pointers.contains(pointer) {
                // A JSON value was written here; measure it.
                let mut stream = serde_json::Deserializer::from_str(&fixed[at_out..]).into_iter::<Value>();
                prop_assert!(stream.next().is_some_and(|v| v.is_ok()), "{}", fixed);
                stream.byte_offset()
            } else {
                let original = &text[*start..*end];
                prop_assert_eq!(&fixed[at_out..at_out + original.len()], original, "{} → {}", text, fixed);
                original.len()
            };
            at_out += value_len;
            at_in = *end;
        }
        prop_assert_eq!(&fixed[at_out..], &text[at_in..], "{} → {}", text, fixed);
    }
}

/// Values that are warnings, not errors: the typed client still comes.
fn warned_values() -> Vec<(&'static str, Value)> {
    vec![
        ("timezone", json!("Europe/Kiev")),
        ("timezone", json!("EST")),
        ("geo_list", json!("RU RU")),
        ("geo_list", json!("")),
        ("language", json!("ru-RU")),
        ("language", json!("RU")),
        ("email", json!("")),
        ("email", json!("ops@pbx.local")),
        ("colour", json!("red")),
        ("name", json!(" Acme ")),
        ("disk_space_notify_email", json!("ops@example.com")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256), .. ProptestConfig::default() })]

    /// `parse` gives a client exactly when the linter finds no error, and the
    /// client serialises to a document that lints without errors.
    #[test]
    fn parse_succeeds_exactly_without_errors_and_round_trips(
        m in valid_client(),
        bad in prop::option::of(0usize..20),
        warned in prop::option::of(0usize..11),
        response_mode in any::<bool>(),
        pretty in any::<bool>(),
    ) {
        let mut m = m;
        if let Some(i) = bad {
            let (field, value) = bad_values().swap_remove(i);
            m.insert(field.to_string(), value);
        }
        if let Some(i) = warned {
            let (field, value) = warned_values().swap_remove(i);
            m.insert(field.to_string(), value);
        }
        let text = render(&m, pretty);
        let options = if response_mode { response() } else { Options::default() };
        let report = client_lint::lint_str(&text, &options);
        match client_lint::parse(&text, &options) {
            Ok(parsed) => {
                prop_assert!(!report.has_errors(), "{}: parsed despite {:#?}", text, report.diagnostics());
                prop_assert_eq!(parsed.warnings.diagnostics().len(), report.diagnostics().len());
                let back = serde_json::to_string(&parsed.client).unwrap();
                let again = client_lint::lint_str(&back, &options);
                prop_assert!(!again.has_errors(), "{} → {}: {:#?}", text, back, again.diagnostics());
                // And it reads back as the same client.
                let reparsed = client_lint::parse(&back, &options).unwrap();
                prop_assert_eq!(&reparsed.client, &parsed.client);
                // The client parse builds from the linter's tree is serde's
                // reading of the same text (when serde's floats can read it).
                let body = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
                if let Ok(mut via_serde) = serde_json::from_str::<client_lint::ValidClient>(body) {
                    if !response_mode {
                        via_serde.id = None;
                        via_serde.prefix = None;
                        via_serde.create_date = None;
                        via_serde.reg_status_log = None;
                    }
                    prop_assert_eq!(via_serde, parsed.client);
                }
            }
            Err(r) => {
                prop_assert!(report.has_errors(), "{}: refused without an error: {:#?}", text, report.diagnostics());
                prop_assert_eq!(r.into_report(), report);
            }
        }
    }
}

proptest! {
    /// `offsets_in` counts what `chars()` and `encode_utf16()` count, for
    /// every character boundary, whatever order the offsets come in.
    #[test]
    fn offsets_in_counts_code_points_and_utf16(text in "[a-zЖ😀\u{301}\n]{0,40}", seed in any::<u64>()) {
        let mut bytes: Vec<usize> = (0..=text.len()).filter(|&b| text.is_char_boundary(b)).collect();
        let n = bytes.len();
        bytes.rotate_left(usize::try_from(seed % n as u64).unwrap());
        let cp = client_lint::offsets_in(&text, &bytes, client_lint::OffsetUnit::CodePoints);
        let u16 = client_lint::offsets_in(&text, &bytes, client_lint::OffsetUnit::Utf16);
        for (k, &b) in bytes.iter().enumerate() {
            prop_assert_eq!(cp[k], text[..b].chars().count());
            prop_assert_eq!(u16[k], text[..b].encode_utf16().count());
        }
    }
}

proptest! {
    /// `render::locate` in code points gives the columns the diagnostics
    /// carry, and offsets that cut out the same text as their byte spans;
    /// in UTF-16 the same cuts, counted in UTF-16 units.
    #[test]
    fn locate_agrees_with_spans_and_positions(
        name in "[a-zЖ😀 \u{FEFF}]{0,8}",
        ty in "[jJfx😀]{0,2}",
        nl in prop::sample::select(vec!["\n", "\r\n", " ", "\n\n"]),
        bom in any::<bool>(),
    ) {
        use client_lint::{OffsetUnit, render::locate};
        let text = format!(
            "{}{{{nl}\"name\": {},{nl}\"type\": {},\"zzz\": 1}}",
            if bom { "\u{FEFF}" } else { "" },
            serde_json::to_string(&name).unwrap(),
            serde_json::to_string(&ty).unwrap()
        );
        let report = client_lint::lint_str(&text, &Options::default());
        let chars: Vec<char> = text.chars().collect();
        let units: Vec<u16> = text.encode_utf16().collect();
        let cp = locate(&text, report.diagnostics(), OffsetUnit::CodePoints);
        let u16 = locate(&text, report.diagnostics(), OffsetUnit::Utf16);
        for ((d, c), u) in report.diagnostics().iter().zip(&cp).zip(&u16) {
            let Some(span) = d.span() else { continue };
            let want = &text[span.start..span.end];
            let (s, e) = (c.start.unwrap(), c.end.unwrap());
            prop_assert_eq!(chars[s..e].iter().collect::<String>(), want);
            let (s16, e16) = (u.start.unwrap(), u.end.unwrap());
            prop_assert_eq!(String::from_utf16(&units[s16..e16]).unwrap(), want);
            prop_assert_eq!(c.column, d.start().map(|p| p.column));
            prop_assert_eq!(c.end_column, d.end().map(|p| p.column));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// `geo_list` help names only values that pass, and every fix writes one
    /// (issue 20: `uk` was told "write `UK`", the README's own example
    /// "write `RU UK RUS RU`").
    #[test]
    fn geo_list_suggests_only_values_that_pass(
        toks in prop::collection::vec(
            prop::sample::select(vec!["ru", "RU", "uk", "UK", "rus", "BLR", "*", "all", "ANY", "Россия", "gb", "zz", "el"]),
            1..5,
        ),
        seps in prop::collection::vec(prop::sample::select(vec![" ", "  ", ",", ", ", ";"]), 4),
    ) {
        let mut value = String::new();
        for (i, t) in toks.iter().enumerate() {
            if i > 0 {
                value.push_str(seps[i - 1]);
            }
            value.push_str(t);
        }
        let doc = json!({ "geo_list": value }).to_string();
        for lang in [client_lint::Lang::En, client_lint::Lang::Ru] {
            let report = client_lint::lint_str(&doc, &Options::new().with_lang(lang));
            for d in report.diagnostics() {
                let help = d.help().unwrap_or_default();
                for marker in ["write `", "напишите `"] {
                    if let Some(at) = help.find(marker) {
                        let rest = &help[at + marker.len()..];
                        let shown = &rest[..rest.find('`').unwrap()];
                        prop_assert!(
                            client_lint::values::parse_geo_list(shown).is_ok(),
                            "{value:?}: {} suggests {shown:?}", d.name()
                        );
                    }
                }
                if let Some(v) = d.fix().and_then(|f| f.value()).and_then(Value::as_str) {
                    prop_assert!(client_lint::values::parse_geo_list(v).is_ok(), "{value:?}: {} fixes to {v:?}", d.name());
                }
            }
        }
    }
}

/// A JSON number literal: sign, integer part, fraction, exponent.
fn number_literal() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::sample::select(vec![
            "0",
            "1",
            "7",
            "9",
            "42",
            "90",
            "100",
            "101",
            "150",
            "123456789",
            "9007199254740993",
            "9223372036854775807",
            "9223372036854775808",
        ]),
        prop::option::of(prop::sample::select(vec!["0", "00", "5", "25", "000001"])),
        prop::option::of((
            prop::sample::select(vec!["e", "E"]),
            prop::sample::select(vec!["", "+", "-"]),
            0u32..25,
        )),
    )
        .prop_map(|(neg, int, frac, exp)| {
            let mut s = String::new();
            if neg {
                s.push('-');
            }
            s.push_str(int);
            if let Some(f) = frac {
                s.push('.');
                s.push_str(f);
            }
            if let Some((e, sign, n)) = exp {
                s.push_str(&format!("{e}{sign}{n}"));
            }
            s
        })
}

/// What a report says, without positions: rule, severity, fix value.
fn verdict(report: &client_lint::Report) -> Vec<(String, Severity, Option<String>)> {
    let mut v: Vec<_> = report
        .diagnostics()
        .iter()
        .map(|d| {
            let fix = d
                .fix()
                .and_then(|f| f.value())
                .map(std::string::ToString::to_string);
            (d.name().to_string(), d.severity(), fix)
        })
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Every spelling of a number gets one verdict from `lint_str`,
    /// `lint_value` and `parse` (issue 20): by its JSON meaning, exactly.
    /// `parse` is `Ok` exactly when there is no error, never `Err` without
    /// one, and its typed value is the number's.
    #[test]
    fn numbers_get_one_verdict_on_every_entry_point(n in number_literal(), field in prop::sample::select(vec!["hold_music", "disk_space_notify_threshold"])) {
        let text = format!(r#"{{"{field}": {n}, "disk_space_notify_email": "ops@example.com"}}"#);
        let options = Options::default();
        let from_text = client_lint::lint_str(&text, &options);
        // serde_json reads a fraction, an exponent or a number beyond u64 as
        // an f64: `lint_value` sees its value, the same as the literal's when
        // the mantissa has at most 15 digits (f64's exact decimal precision).
        let mantissa_digits = n.split(['e', 'E']).next().unwrap().bytes().filter(u8::is_ascii_digit).count();
        if let Ok(value) = serde_json::from_str::<Value>(&text) {
            let shown = value[field].to_string();
            if mantissa_digits <= 15 || value[field].is_u64() || value[field].is_i64() {
                let from_value = client_lint::lint_value(&value, &options);
                let names = |v: Vec<(String, Severity, Option<String>)>| v.into_iter().map(|(n, s, _)| (n, s)).collect::<Vec<_>>();
                prop_assert_eq!(names(verdict(&from_text)), names(verdict(&from_value)), "{} read as {}", n, shown);
            }
        }
        match client_lint::parse(&text, &options) {
            Ok(parsed) => {
                prop_assert!(!from_text.has_errors(), "{n}");
                let got = match field {
                    "hold_music" => parsed.client.hold_music.map(client_lint::values::Id::get),
                    _ => parsed.client.disk_space_notify_threshold.map(|p| u64::from(p.get())),
                };
                let want = match field {
                    "hold_music" => client_lint::values::parse_id(&n).ok().map(client_lint::values::Id::get),
                    _ => client_lint::values::parse_threshold(&n).ok().map(|p| u64::from(p.get())),
                };
                prop_assert_eq!(got, want, "{}", n);
            }
            Err(report) => {
                prop_assert!(report.report().has_errors(), "Err without an error for {n}");
                prop_assert!(from_text.has_errors());
            }
        }
    }
}
