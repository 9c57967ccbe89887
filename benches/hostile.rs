//! `cargo bench --bench hostile`: the hostile shapes of BENCHMARKS.md, each at
//! two sizes, through the command line: wall-clock time and peak memory
//! (GNU time). Linear work shows as about twice the time and memory at twice
//! the size. Also every output format on 1,000,000 findings, and `--fix` on
//! large NDJSON and array files. Files are generated in a temporary directory.

use std::fmt::Write as _;
use std::path::Path;

mod measure;

/// Run the binary with `args`; seconds, peak KiB, and the output's bytes.
fn measure(args: &[&str], dir: &Path) -> (f64, Option<u64>, u64) {
    let out_path = dir.join("out");
    let out_file = std::fs::File::create(&out_path).expect("output file");
    let mut cmd = measure::command();
    cmd.current_dir(dir)
        .args(["--isolated", "--color", "never", "-q"])
        .args(args)
        .stdout(out_file);
    let (secs, rss, _) = measure::run(cmd);
    let bytes = std::fs::metadata(&out_path).map_or(0, |m| m.len());
    (secs, rss, bytes)
}

fn nested_duplicates(s: usize) -> String {
    let key = "k".repeat(1000);
    let mut doc = String::from("{\"extra\": ");
    for _ in 0..120 {
        doc.push_str(&format!("{{\"{key}\": "));
    }
    doc.push('{');
    let items: Vec<String> = (0..5_000 * s)
        .map(|i| format!("\"d{i}\": 1, \"d{i}\": 2"))
        .collect();
    doc.push_str(&items.join(", "));
    doc.push('}');
    doc.push_str(&"}".repeat(121));
    doc
}

fn unknown_keys_one_line(s: usize) -> String {
    let items: Vec<String> = (0..62_500 * s).map(|i| format!("\"key{i}\": 1")).collect();
    format!("{{{}}}", items.join(","))
}

fn minified_array(s: usize) -> String {
    minified_array_of(2_000_000 * s)
}

/// `[{"type":"x"},…]`: a finding every 13 bytes.
fn minified_array_of(n: usize) -> String {
    format!("[{}]", vec!["{\"type\":\"x\"}"; n].join(","))
}

/// A pretty-printed array of full records, a third with a mistake.
fn records_array(mb: usize) -> String {
    let good = r#"{"name": "Acme Telecom", "type": "J", "email": "admin@acme.example", "timezone": "Europe/Moscow", "language": "ru", "domain": "acme.pbx.example", "geo_list": "RU BY KZ", "disk_space_notify_threshold": 90}"#;
    let bad = r#"{"name": "Acme Telecom", "type": "j", "email": "admin@acme", "timezone": "Europe/Moskow", "language": "ru", "domain": "acme.pbx.example", "geo_list": "ru, by", "disk_space_notify_threshold": 90}"#;
    let n = mb * 1_000_000 / (good.len() + 4);
    let items: Vec<&str> = (0..n).map(|i| if i % 3 == 0 { bad } else { good }).collect();
    format!("[\n  {}\n]\n", items.join(",\n  "))
}

fn repeated_countries(s: usize) -> String {
    format!("{{\"geo_list\": \"{}BY\"}}", "RU ".repeat(500_000 * s))
}

fn findings_ndjson(records: usize) -> String {
    "{\"type\": \"x\", \"colour\": 1}\n".repeat(records)
}

fn fixable_ndjson(mb: usize) -> String {
    let line = "{\"name\": \"Acme\", \"type\": \"j\", \"timezone\": \"Europe/Kiev\"}\n";
    line.repeat(mb * 1_000_000 / line.len())
}

fn fixable_array(mb: usize) -> String {
    let item = "{\"name\": \"Acme\", \"type\": \"j\", \"timezone\": \"Europe/Kiev\"}";
    let n = mb * 1_000_000 / (item.len() + 2);
    format!("[{}]", vec![item; n].join(",\n"))
}

fn row(table: &mut String, shape: &str, size: usize, args: &[&str], dir: &Path) {
    let input = std::fs::metadata(dir.join(args.last().unwrap_or(&""))).map_or(0, |m| m.len());
    let (secs, rss, out) = measure(args, dir);
    let mem = rss.map_or("n/a".to_string(), |k| format!("{:.1} MB", k as f64 / 1024.0));
    let _ = writeln!(
        table,
        "| {shape} | {size}x | {:.2} MB | {} | {secs:.2} s | {mem} | {:.1} MB |",
        input as f64 / 1e6,
        args[..args.len() - 1].join(" "),
        out as f64 / 1e6
    );
    eprintln!("{shape} {size}x: {secs:.2} s, {mem}");
}

fn main() {
    // `cargo bench` passes --bench; nothing else is read.
    let dir = tempfile::tempdir().expect("temporary directory");
    let d = dir.path();
    let mut table = String::from(
        "| shape | size | input | arguments | time | peak memory | output |\n|---|---|---|---|---|---|---|\n",
    );
    type Shape = fn(usize) -> String;
    let shapes: [(&str, Shape, &[&str]); 4] = [
        (
            "nested long keys, duplicates inside",
            nested_duplicates,
            &["--format", "jsonl", "--max-findings", "0"],
        ),
        (
            "unknown keys on one line",
            unknown_keys_one_line,
            &["--format", "human", "--max-findings", "0"],
        ),
        (
            "minified array, an error per record",
            minified_array,
            &["--format", "human"],
        ),
        (
            "geo_list of repeated codes",
            repeated_countries,
            &["--format", "human", "--max-findings", "0"],
        ),
    ];
    for (name, shape, args) in shapes {
        for s in [1, 2] {
            let file = format!("shape-{s}.json");
            std::fs::write(d.join(&file), shape(s)).expect("write input");
            let mut a: Vec<&str> = args.to_vec();
            a.push(&file);
            row(&mut table, name, s, &a, d);
        }
    }
    for mb in [100, 200] {
        let file = format!("records-{mb}.json");
        std::fs::write(d.join(&file), records_array(mb)).expect("write input");
        row(
            &mut table,
            "array of records, a third with mistakes",
            mb / 100,
            &["--format", "jsonl", &file],
            d,
        );
    }
    std::fs::write(d.join("findings.ndjson"), findings_ndjson(500_000)).expect("write input");
    for format in ["human", "json", "jsonl", "sarif", "github"] {
        row(
            &mut table,
            "1,000,000 findings",
            1,
            &["--format", format, "findings.ndjson"],
            d,
        );
    }
    std::fs::write(d.join("findings.json"), minified_array_of(1_000_000)).expect("write input");
    for format in ["json", "sarif"] {
        row(
            &mut table,
            "1,000,000 findings, one array",
            1,
            &["--format", format, "findings.json"],
            d,
        );
    }
    for (name, make) in [
        ("--fix, NDJSON", fixable_ndjson as fn(usize) -> String),
        ("--fix, array", fixable_array),
    ] {
        for mb in [50, 100] {
            let file = format!("fix-{mb}.json");
            std::fs::write(d.join(&file), make(mb)).expect("write input");
            row(
                &mut table,
                name,
                mb / 50,
                &["--fix", "--format", "jsonl", &file],
                d,
            );
        }
    }
    println!("{table}");
}
