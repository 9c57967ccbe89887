//! Linear time and memory, shown by counting work rather than timing it: each
//! hostile shape runs at two sizes, and the bytes allocated must grow like the
//! input (about 2x for twice the input), not like its square (4x).
//!
//! One test function runs every shape in turn, since the allocator's counts
//! are global to this test binary.

use client_lint::{Options, Severity};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Bytes allocated while `f` runs.
fn allocated<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let region = Region::new(GLOBAL);
    let out = f();
    (region.change().bytes_allocated, out)
}

/// 120 nested objects under long keys, then `dups` distinct keys each given
/// twice at the bottom: every duplicate's pointer holds the whole key path.
fn nested_duplicates(s: usize) -> String {
    let key = "k".repeat(200 * s);
    let mut doc = String::from("{\"extra\": ");
    for _ in 0..120 {
        doc.push_str(&format!("{{\"{key}\": "));
    }
    doc.push('{');
    for i in 0..2000 * s {
        if i > 0 {
            doc.push_str(", ");
        }
        doc.push_str(&format!("\"d{i}\": 1, \"d{i}\": 2"));
    }
    doc.push('}');
    doc.push_str(&"}".repeat(121));
    doc
}

fn unknown_keys(s: usize) -> String {
    let mut doc = String::from("{");
    for i in 0..20_000 * s {
        doc.push_str(&format!("\"u{i}\": 1, "));
    }
    doc.push_str("\"type\": \"x\"}");
    doc
}

fn repeated_countries(s: usize) -> String {
    format!("{{\"geo_list\": \"{}BY\"}}", "RU ".repeat(100_000 * s))
}

/// The ratio of the work at twice the size, for `lint` on `shape`.
fn growth(shape: fn(usize) -> String, options: &Options) -> (f64, usize, usize) {
    let (small, large) = (shape(1), shape(2));
    let (a, _) = allocated(|| client_lint::lint_str(&small, options).diagnostics().len());
    let (b, _) = allocated(|| client_lint::lint_str(&large, options).diagnostics().len());
    (b as f64 / a as f64, a, small.len())
}

#[test]
fn hostile_shapes_take_linear_work_and_the_cap_never_hides_an_error() {
    let unlimited = Options::new().with_max_findings(usize::MAX);
    let capped = Options::new();
    for (name, shape) in [
        ("nested duplicates", nested_duplicates as fn(usize) -> String),
        ("unknown keys", unknown_keys),
        ("repeated countries", repeated_countries),
    ] {
        for (label, options) in [("unlimited", &unlimited), ("capped", &capped)] {
            let (ratio, bytes, input) = growth(shape, options);
            assert!(
                ratio < 2.6,
                "{name} ({label}): twice the input took {ratio:.2}x the memory"
            );
            // Capped, a small multiple of the input, whatever the findings.
            if label == "capped" {
                assert!(
                    bytes < 50 * input,
                    "{name} ({label}): {bytes} bytes allocated for {input} bytes of input"
                );
            }
        }
    }

    // Every public entry point, on every shape and on an array of records:
    // twice the input, about twice the work.
    type Entry = fn(&str, &Options) -> usize;
    let entries: [(&str, Entry); 8] = [
        ("lint_slice", |t, o| {
            client_lint::lint_slice(t.as_bytes(), o).diagnostics().len()
        }),
        ("lint_value", |t, o| {
            let value: serde_json::Value = serde_json::from_str(t).unwrap();
            client_lint::lint_value(&value, o).diagnostics().len()
        }),
        ("lint_records", |t, o| {
            client_lint::lint_records(t, o, client_lint::Layout::Auto).len()
        }),
        ("lint_ndjson", |t, o| {
            client_lint::lint_ndjson(t.as_bytes(), o).count()
        }),
        ("fix_str", |t, o| {
            client_lint::fix_str(t, o, client_lint::UnsafeFixes::Apply)
                .text
                .len()
        }),
        ("parse", |t, o| match client_lint::parse(t, o) {
            Ok(parsed) => parsed.warnings.diagnostics().len(),
            Err(rejected) => rejected.report().diagnostics().len(),
        }),
        ("json_array", |t, o| {
            client_lint::render::json_array(client_lint::lint_str(t, o).diagnostics()).len()
        }),
        ("parts", |t, o| {
            let Some(parts) = client_lint::stream::ArrayParts::new(t, 64) else {
                return 0;
            };
            let mut joiner = client_lint::stream::Joiner::new();
            let mut n = 0;
            for part in parts {
                n += joiner.join(t, o, part.lint(t, o)).len();
            }
            n + joiner.finish(t, o).len()
        }),
    ];
    let array = |s: usize| {
        format!(
            "[{}]",
            vec!["{\"type\":\"x\",\"geo_list\":\"ru\"}"; 20_000 * s].join(",")
        )
    };
    for (entry, run) in entries {
        for (name, shape) in [
            ("nested duplicates", nested_duplicates as fn(usize) -> String),
            ("unknown keys", unknown_keys),
            ("repeated countries", repeated_countries),
            ("array of records", array),
        ] {
            // What is written out grows with findings times pointer length
            // (the nested shape's pointers grow with it): the cap bounds
            // the findings written.
            let options = if entry == "json_array" {
                &capped
            } else {
                &unlimited
            };
            let (small, large) = (shape(1), shape(2));
            let (a, _) = allocated(|| run(&small, options));
            let (b, n) = allocated(|| run(&large, options));
            if entry == "parts" && name != "array of records" {
                continue; // only arrays are read in parts
            }
            assert!(n > 0, "{entry} on {name}: no work");
            let ratio = b as f64 / a as f64;
            assert!(
                ratio < 2.6,
                "{entry} on {name}: twice the input took {ratio:.2}x the memory"
            );
        }
    }

    // A long value in any field is read where it lies: checking it never
    // copies it whole (one copy would be 1 MB here; a time zone made two).
    for field in client_lint::fields::FIELDS {
        for value in [
            "a".repeat(1 << 20),
            "1".repeat(1 << 20),
            format!("a@{}", "b.".repeat(1 << 19)),
        ] {
            let doc = format!("{{\"{}\": \"{value}\"}}", field.name);
            let (bytes, _) = allocated(|| {
                client_lint::lint_str(&doc, &Options::default())
                    .diagnostics()
                    .len()
            });
            // `geo_list` writes the value in upper case (its canonical form,
            // quoted in the help and offered as a fix): at most two copies.
            let allowed = if field.name == "geo_list" {
                5 << 19
            } else {
                1 << 19
            };
            assert!(
                bytes < allowed,
                "{}: {bytes} bytes allocated for a 1 MB value",
                field.name
            );
        }
    }

    // Pointers are shared, not copied: reading every one of them out is the
    // only place their text is built.
    let doc = nested_duplicates(1);
    let report = client_lint::lint_str(&doc, &unlimited);
    // Serialising them keeps no copy of their paths (each is 24 KB here).
    let region = Region::new(GLOBAL);
    for (i, d) in report.diagnostics().iter().enumerate() {
        drop(client_lint::render::json_record(d, "nested.json", i));
    }
    drop(client_lint::render::json_array(report.diagnostics()));
    drop(serde_json::to_string(report.diagnostics()));
    let src = client_lint::render::Source::new("nested.json", &doc);
    for (i, d) in report.diagnostics().iter().enumerate() {
        drop(client_lint::render::sarif_result(d, "nested.json", i));
        drop(client_lint::render::human(
            d,
            &src,
            None,
            &client_lint::render::HumanStyle::default(),
        ));
    }
    let change = region.change();
    let kept = change.bytes_allocated.saturating_sub(change.bytes_deallocated);
    assert!(kept < 1 << 20, "serialising kept {kept} bytes");
    let dups = report
        .diagnostics()
        .iter()
        .filter(|d| d.name() == "duplicate-key")
        .count();
    assert_eq!(dups, 2000);
    let expected_prefix = format!("/extra{}", format!("/{}", "k".repeat(200)).repeat(120));
    for d in report
        .diagnostics()
        .iter()
        .filter(|d| d.name() == "duplicate-key")
    {
        let p = d.pointer().unwrap();
        assert!(
            p.starts_with(&expected_prefix) && p[expected_prefix.len()..].starts_with("/d"),
            "{}",
            &p[..40]
        );
    }

    // The cap: an error after 5,000 warnings is shown, in place of a warning.
    let mut doc = String::from("{");
    for i in 0..5000 {
        doc.push_str(&format!("\"unknown{i}\": 1, "));
    }
    doc.push_str("\"type\": \"x\"}");
    let report = client_lint::lint_str(&doc, &Options::default());
    assert_eq!(report.diagnostics().len(), 1001);
    assert!(
        report
            .diagnostics()
            .iter()
            .any(|d| d.name() == "unknown-client-type")
    );
    let last = report.diagnostics().last().unwrap();
    assert_eq!(
        (last.name(), last.severity()),
        ("too-many-findings", Severity::Warning)
    );
    assert!(
        last.message()
            .starts_with("4001 more findings not shown (4001 warnings)"),
        "{}",
        last.message()
    );
    assert!(report.has_errors());
    // Only warnings left out: a warning, and still no error.
    let report = client_lint::lint_str(
        &doc.replace("\"type\": \"x\"", "\"type\": \"J\""),
        &Options::default(),
    );
    assert_eq!(report.diagnostics().last().unwrap().severity(), Severity::Warning);
    assert!(!report.has_errors());
    // The cap cannot be turned off.
    let options =
        Options::default().with_level(client_lint::Rule::TooManyFindings, client_lint::Level::Allow);
    assert!(client_lint::lint_str(&doc, &options).has_errors());
}
