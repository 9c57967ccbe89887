//! An arbitrary `serde_json::Value` → `lint_value` agrees with `lint_str` of
//! its serialisation on codes and pointers.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use client_lint::{Mode, Options};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

/// Keys that are none of the fields', but close to them or odd.
const OTHER_KEYS: &[&str] = &["timezon", "geoList", "a/b~c"];

/// Keys drawn mostly from the field table, so the rules run.
fn key(u: &mut Unstructured<'_>) -> arbitrary::Result<&'static str> {
    let fields = client_lint::fields::FIELDS;
    let i = u.choose_index(fields.len() + OTHER_KEYS.len())?;
    Ok(fields.get(i).map_or_else(|| OTHER_KEYS[i - fields.len()], |f| f.name))
}

/// Strings drawn mostly from the resource, so the rules run.
const STRINGS: &[&str] = &[
    "J",
    "j",
    "F",
    "x",
    "",
    " ",
    "Europe/Moscow",
    "europe/kiev",
    "UTC",
    "MSK",
    "+03:00",
    "RU BY",
    "ru, uk",
    "*",
    "* RU",
    "a@example.com",
    "Joe <a@example.com>",
    "a@b",
    "pbx.example.com",
    "HTTPS://X.Y/",
    "12345",
    "12-3",
    "3",
    "5",
    "2024-02-29 10:00:00",
    "2023-02-29 10:00:00",
    "{\"a\":",
    "ru",
    "RU",
    "ask Ivan",
    "+7 495",
    "a\nb",
];

fn value(u: &mut Unstructured<'_>, depth: usize) -> arbitrary::Result<Value> {
    let kind = u.int_in_range(0..=if depth > 4 { 4 } else { 6 })?;
    Ok(match kind {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => match u.int_in_range(0..=2)? {
            0 => Value::from(u.arbitrary::<i64>()?),
            1 => Value::from(u.arbitrary::<u64>()?),
            _ => serde_json::Number::from_f64(u.arbitrary::<f64>()?).map_or(Value::Null, Value::Number),
        },
        3 => Value::from(*u.choose(STRINGS)?),
        4 => Value::from(String::arbitrary(u)?),
        5 => {
            let n = u.int_in_range(0..=3)?;
            Value::Array((0..n).map(|_| value(u, depth + 1)).collect::<Result<_, _>>()?)
        }
        _ => Value::Object(object(u, depth + 1)?),
    })
}

fn object(u: &mut Unstructured<'_>, depth: usize) -> arbitrary::Result<Map<String, Value>> {
    let mut m = Map::new();
    for _ in 0..u.int_in_range(0..=8)? {
        let key = if u.ratio(7, 8)? {
            key(u)?.to_string()
        } else {
            String::arbitrary(u)?
        };
        m.insert(key, value(u, depth)?);
    }
    Ok(m)
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(root) = (if u.ratio(15, 16).unwrap_or(true) {
        object(&mut u, 0).map(Value::Object)
    } else {
        value(&mut u, 0)
    }) else {
        return;
    };
    let text = serde_json::to_string(&root).unwrap();
    for mode in [Mode::Request, Mode::Response] {
        let options = Options::new().with_mode(mode);
        let mut a: Vec<_> = client_lint::lint_str(&text, &options)
            .diagnostics()
            .iter()
            .map(|d| (d.code(), d.pointer().map(str::to_string)))
            .collect();
        let mut b: Vec<_> = client_lint::lint_value(&root, &options)
            .diagnostics()
            .iter()
            .map(|d| (d.code(), d.pointer().map(str::to_string)))
            .collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{text}");
    }
});
