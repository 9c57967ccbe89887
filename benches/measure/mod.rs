//! Running the `client-lint` binary for a bench: wall-clock seconds and peak
//! memory from GNU time (`/usr/bin/time`) when it is installed. Shared by
//! `benches/cli.rs` and `benches/hostile.rs`.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Instant;

/// The binary, under GNU time when it is installed; arguments follow.
pub fn command() -> Command {
    let bin = env!("CARGO_BIN_EXE_client-lint");
    let time = Path::new("/usr/bin/time");
    if time.exists() {
        let mut c = Command::new(time);
        c.args(["-f", "maxrss_kb=%M", bin]);
        c
    } else {
        Command::new(bin)
    }
}

/// Run `cmd` (standard error is taken for GNU time's report): seconds, peak
/// KiB (`None` without GNU time), and what it printed.
pub fn run(mut cmd: Command) -> (f64, Option<u64>, Output) {
    cmd.stderr(Stdio::piped());
    let start = Instant::now();
    let out = cmd.output().expect("run client-lint");
    let secs = start.elapsed().as_secs_f64();
    let rss = String::from_utf8_lossy(&out.stderr)
        .lines()
        .find_map(|l| l.strip_prefix("maxrss_kb=").and_then(|v| v.trim().parse().ok()));
    (secs, rss, out)
}
