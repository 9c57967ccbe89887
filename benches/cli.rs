//! `cargo bench --bench cli`: the command line on a large NDJSON file, on one
//! thread and on all cores, with peak memory. The file is generated from the
//! shared batch helper into a temporary directory; its size is
//! `CLIENT_LINT_BENCH_MB` (default 1024, the 1 GB of BENCHMARKS.md).
//! Peak memory comes from GNU time (`/usr/bin/time`) when it is installed.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

mod inputs;
mod measure;

/// Run the binary on `file`; wall-clock seconds and peak memory in KiB.
fn measure(file: &Path, threads: Option<usize>) -> (f64, Option<u64>) {
    let mut cmd = measure::command();
    cmd.arg(file)
        .args(["--format", "jsonl", "-q"])
        .stdout(Stdio::null());
    if let Some(t) = threads {
        cmd.env("RAYON_NUM_THREADS", t.to_string());
    }
    let (secs, rss, _) = measure::run(cmd);
    (secs, rss)
}

fn main() {
    // `cargo bench -- FILTER` passes the filter to every bench target.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_some_and(|f| !"cli".contains(f.as_str()) && !f.contains("cli")) {
        return;
    }
    let mb: usize = std::env::var("CLIENT_LINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024);
    let dir = std::env::temp_dir().join(format!("client-lint-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("batch.ndjson");
    let block = inputs::batch(100_000);
    let block_records = 100_000;
    let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
    let (mut bytes, mut records) = (0usize, 0usize);
    while bytes < mb << 20 {
        f.write_all(block.as_bytes()).unwrap();
        bytes += block.len();
        records += block_records;
    }
    f.flush().unwrap();
    drop(f);
    println!(
        "cli/ndjson: {records} records, {:.0} MiB",
        bytes as f64 / f64::from(1 << 20)
    );
    let (one, rss1) = measure(&file, Some(1));
    let (all, rss) = measure(&file, None);
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    for (label, secs, rss) in [("1 thread", one, rss1), (&*format!("{cores} threads"), all, rss)] {
        println!(
            "cli/ndjson/{label:<10} {secs:>7.2} s  {:>10.0} records/s  {:>7.1} MB/s  peak {}",
            records as f64 / secs,
            bytes as f64 / 1e6 / secs,
            rss.map_or("n/a (no /usr/bin/time)".to_string(), |k| format!(
                "{:.1} MB",
                k as f64 / 1024.0
            ))
        );
    }
    println!("cli/ndjson/speed-up      {:.2}x on {cores} cores", one / all);
    std::fs::remove_file(&file).ok();
    one_finding_beside_peers(&dir, mb);
    std::fs::remove_dir_all(&dir).ok();
}

/// The same size of NDJSON where every record has exactly one finding
/// (`"type": "j"`) and its own domain (the cross-record rules have work to
/// do), through client-lint on one thread and on all cores, beside `jq -c .`
/// and a Python `json.loads` loop over the same file, in the same run.
fn one_finding_beside_peers(dir: &Path, mb: usize) {
    let file = dir.join("one-finding.ndjson");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
    let (mut bytes, mut records) = (0usize, 0usize);
    while bytes < mb << 20 {
        let line = format!(
            r#"{{"name":"Client {records}","type":"j","email":"user{records}@example.com","timezone":"Europe/Moscow","geo_list":"RU BY","domain":"c{records}.pbx.example","extension_len":"3","hold_music":7,"disk_space_notify_email":"ops@example.com","disk_space_notify_threshold":90}}"#
        );
        f.write_all(line.as_bytes()).unwrap();
        f.write_all(b"\n").unwrap();
        bytes += line.len() + 1;
        records += 1;
    }
    f.flush().unwrap();
    drop(f);
    let mb_s = |secs: f64| bytes as f64 / 1e6 / secs;
    println!(
        "cli/one-finding: {records} records, one finding each, {:.0} MiB",
        bytes as f64 / f64::from(1 << 20)
    );
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    for threads in [1, cores] {
        let (secs, rss) = measure(&file, Some(threads));
        println!(
            "cli/one-finding/client-lint, {threads} thread(s) {secs:>7.2} s  {:>7.1} MB/s  peak {}",
            mb_s(secs),
            rss.map_or("n/a".to_string(), |k| format!("{:.1} MB", k as f64 / 1024.0))
        );
    }
    let peers: [(&str, &str, &[&str]); 2] = [
        ("jq -c .", "jq", &["-c", "."]),
        (
            "python3 json.loads loop",
            "python3",
            &[
                "-c",
                "import json, sys\nfor line in sys.stdin.buffer:\n    json.loads(line)",
            ],
        ),
    ];
    for (label, program, args) in peers {
        let input = std::fs::File::open(&file).unwrap();
        let start = std::time::Instant::now();
        let status = std::process::Command::new(program)
            .args(args)
            .stdin(input)
            .stdout(Stdio::null())
            .status();
        match status {
            Ok(s) if s.success() => {
                let secs = start.elapsed().as_secs_f64();
                println!(
                    "cli/one-finding/{label:<26} {secs:>7.2} s  {:>7.1} MB/s",
                    mb_s(secs)
                );
            }
            _ => println!("cli/one-finding/{label:<26} not run ({program} is not installed)"),
        }
    }
}
