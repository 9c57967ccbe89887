//! `cargo bench`: client-lint against its peers, in the same run, on the same
//! inputs (benches/inputs.rs). See BENCHMARKS.md for results.

use std::hint::black_box;

use client_lint::Options;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use serde::de::IgnoredAny;

mod inputs;
mod peers;

fn documents(c: &mut Criterion) {
    let schema = client_lint::schema();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the emitted schema compiles");
    // Records with every field are API responses: server-owned fields are expected.
    let options = Options::new().with_mode(client_lint::Mode::Response);
    for (name, text) in [
        ("typical", inputs::typical()),
        ("small", inputs::small()),
        ("ten_errors", inputs::ten_errors()),
    ] {
        let mut g = c.benchmark_group(format!("document/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        // The peers agree with the linter on which documents are valid.
        let hand_ok = serde_json::from_str::<peers::HandClient>(&text)
            .is_ok_and(|c| garde::Validate::validate(&c).is_ok());
        assert_eq!(
            hand_ok,
            !client_lint::lint_str(&text, &options).has_errors(),
            "{name}"
        );
        g.bench_function("client_lint::lint_str", |b| {
            b.iter(|| client_lint::lint_str(black_box(&text), &options));
        });
        g.bench_function("client_lint::parse (typed client)", |b| {
            b.iter(|| client_lint::parse(black_box(&text), &options).is_ok());
        });
        g.bench_function("serde_json -> hand-written struct", |b| {
            b.iter(|| serde_json::from_str::<peers::HandClient>(black_box(&text)).is_ok());
        });
        g.bench_function("serde_json -> hand-written struct + garde", |b| {
            b.iter(|| {
                serde_json::from_str::<peers::HandClient>(black_box(&text))
                    .is_ok_and(|c| garde::Validate::validate(&c).is_ok())
            });
        });
        g.bench_function("client_lint::lint_value (pre-parsed)", |b| {
            b.iter(|| client_lint::lint_value(black_box(&value), &options));
        });
        g.bench_function("serde_json -> Value", |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap());
        });
        g.bench_function("serde_json -> IgnoredAny (floor)", |b| {
            b.iter(|| serde_json::from_str::<IgnoredAny>(black_box(&text)).unwrap());
        });
        g.bench_function("serde_json + jsonschema is_valid", |b| {
            b.iter(|| {
                let v: serde_json::Value = serde_json::from_str(black_box(&text)).unwrap();
                validator.is_valid(&v)
            });
        });
        g.bench_function("serde_json + jsonschema iter_errors (messages)", |b| {
            b.iter(|| {
                let v: serde_json::Value = serde_json::from_str(black_box(&text)).unwrap();
                validator
                    .iter_errors(&v)
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
            });
        });
        g.finish();
    }
}

/// The error path as a server answers it: every finding serialised to JSON
/// (pointer, message and all the rest for client-lint; instance path and
/// message, all jsonschema has, for jsonschema).
fn error_path(c: &mut Criterion) {
    let schema = client_lint::schema();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the emitted schema compiles");
    let options = Options::default();
    for (name, text) in [
        ("ten_errors", inputs::ten_errors()),
        ("example_with_mistakes", inputs::example_with_mistakes()),
    ] {
        let mut g = c.benchmark_group(format!("error_path/{name}"));
        g.bench_function("client_lint::lint_str + render::json_array", |b| {
            b.iter(|| {
                let report = client_lint::lint_str(black_box(&text), &options);
                client_lint::render::json_array(report.diagnostics())
            });
        });
        g.bench_function("client_lint::lint_str + serde_json::to_string", |b| {
            b.iter(|| {
                let report = client_lint::lint_str(black_box(&text), &options);
                serde_json::to_string(report.diagnostics()).unwrap()
            });
        });
        g.bench_function("serde_json + jsonschema iter_errors + to_string", |b| {
            b.iter(|| {
                let v: serde_json::Value = serde_json::from_str(black_box(&text)).unwrap();
                let errors: Vec<serde_json::Value> = validator
                    .iter_errors(&v)
                    .map(|e| serde_json::json!({"pointer": e.instance_path().as_str(), "message": e.to_string()}))
                    .collect();
                serde_json::to_string(&errors).unwrap()
            });
        });
        g.finish();
    }
}

fn parsers(c: &mut Criterion) {
    let mut g = c.benchmark_group("parser");
    macro_rules! pair {
        ($f:path, $ok:expr, $bad:expr) => {
            g.bench_with_input(BenchmarkId::new(stringify!($f), "valid"), $ok, |b, s| {
                b.iter(|| $f(black_box(s)))
            });
            g.bench_with_input(BenchmarkId::new(stringify!($f), "invalid"), $bad, |b, s| {
                b.iter(|| $f(black_box(s)))
            });
        };
    }
    pair!(
        client_lint::values::parse_timezone,
        "Europe/Moscow",
        "Europe/Moskow"
    );
    pair!(client_lint::values::parse_geo_list, "RU BY KZ US", "ru, uk RUS");
    pair!(
        client_lint::values::parse_email,
        "admin@acme.example",
        "Admin <admin@acme>"
    );
    pair!(
        client_lint::values::parse_domain,
        "acme.pbx.example",
        "https://PBX.acme.example/"
    );
    pair!(client_lint::values::parse_threshold, "90", "150");
    pair!(client_lint::values::parse_id, "1042", "0");
    pair!(client_lint::values::parse_client_type, "J", "legal");
    pair!(
        client_lint::values::parse_create_date,
        "2024-02-29 10:15:00",
        "2023-02-29 10:15:00"
    );
    pair!(client_lint::values::parse_language, "ru", "russian");
    pair!(client_lint::values::parse_prefix, "12345", "12-345");
    pair!(client_lint::values::parse_extension_len, "3", "5");
    g.finish();
}

fn batch(c: &mut Criterion) {
    let text = inputs::batch(100_000);
    let lines: Vec<&str> = text.lines().collect();
    let options = Options::default();
    let mut g = c.benchmark_group("batch/100k_records");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("lint_str per line, 1 thread", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| client_lint::lint_str(l, &options).diagnostics().len())
                .sum::<usize>()
        });
    });
    g.bench_function("lint_str per line, rayon (all cores)", |b| {
        b.iter(|| {
            lines
                .par_iter()
                .map(|l| client_lint::lint_str(l, &options).diagnostics().len())
                .sum::<usize>()
        });
    });
    g.bench_function("lint_records (NDJSON, 1 thread)", |b| {
        b.iter(|| client_lint::lint_records(&text, &options, client_lint::Layout::Ndjson).len());
    });
    g.bench_function("serde_json -> Value per line", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| serde_json::from_str::<serde_json::Value>(l).unwrap().is_object())
                .count()
        });
    });
    g.finish();
}

criterion_group!(benches, documents, error_path, parsers, batch);
criterion_main!(benches);
