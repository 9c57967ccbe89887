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
    std::fs::remove_dir_all(&dir).ok();
}
