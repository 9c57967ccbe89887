//! The binary, run as users run it.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_client-lint"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    // Deterministic defaults whatever the machine says.
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env_remove("NO_COLOR");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).stdin(Stdio::null()).output().unwrap()
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The JSON records of `--format jsonl` output.
fn records(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// One member of each `--format jsonl` record, as text.
fn column(o: &Output, key: &str) -> Vec<String> {
    records(o)
        .iter()
        .map(|v| v[key].as_str().unwrap_or_default().to_string())
        .collect()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

/// The binary under GNU time, to measure its peak memory; `None` where GNU
/// time is not installed (it is on CI's machine).
fn timed() -> Option<Command> {
    let time = Path::new("/usr/bin/time");
    time.exists().then(|| {
        let mut c = Command::new(time);
        c.args(["-f", "maxrss_kb=%M", env!("CARGO_BIN_EXE_client-lint")]);
        c
    })
}

/// Peak memory in KiB, from the line GNU time wrote to standard error.
fn peak_kb(o: &Output) -> Option<u64> {
    stderr(o)
        .lines()
        .find_map(|l| l.strip_prefix("maxrss_kb="))
        .map(|kb| kb.trim().parse().unwrap())
}

const BAD: &str = "examples/client-with-mistakes.json";
const GOOD: &str = "examples/client.json";
const BATCH: &str = "examples/batch.ndjson";

// --- formats ---------------------------------------------------------------

#[test]
fn human_output() {
    let o = run(&[BAD, "--color", "never"]);
    assert_eq!(code(&o), 1);
    insta::assert_snapshot!("human", stdout(&o));
    insta::assert_snapshot!("human_summary", stderr(&o));
}

#[test]
fn human_output_in_russian() {
    let o = run(&[BAD, "--lang", "ru"]);
    insta::assert_snapshot!("human_ru", stdout(&o));
    assert!(
        stderr(&o).contains("найдено: 13 ошибок и 5 предупреждений"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn language_comes_from_the_environment() {
    let o = bin()
        .args([BAD, "--format", "jsonl"])
        .env("LANG", "ru_RU.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&o).contains("неизвестное поле"));
    let o = bin()
        .args([BAD, "--format", "jsonl", "--lang", "en"])
        .env("LANG", "ru_RU.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&o).contains("unknown field"));
}

#[test]
fn colour_is_off_in_pipes_and_on_when_asked() {
    let plain = run(&[BAD]);
    assert!(!stdout(&plain).contains('\u{1b}'));
    let coloured = run(&[BAD, "--color", "always"]);
    assert!(stdout(&coloured).contains("\u{1b}["));
}

#[test]
fn json_output() {
    let o = run(&[BATCH, "--format", "json"]);
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    insta::assert_json_snapshot!("json", v);
    let empty = run(&[GOOD, "--format", "json"]);
    assert_eq!(stdout(&empty).trim(), "[]");
}

#[test]
fn jsonl_output() {
    let o = run(&[BATCH, "--format", "jsonl"]);
    insta::assert_snapshot!("jsonl", stdout(&o));
    for line in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["file"], BATCH);
    }
}

#[test]
fn github_output() {
    let o = run(&[BATCH, "--format", "github"]);
    insta::assert_snapshot!("github", stdout(&o));
}

/// The SARIF 2.1.0 schema (`tests/data/peer/`), formats checked.
fn sarif_validator() -> jsonschema::Validator {
    let schema_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/peer/sarif-schema-2.1.0.json"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// Over GitHub code scanning's 25,000 results a run, the log keeps the first
/// 25,000 and says in `invocations` how many more there were (issue 22).
#[test]
fn sarif_keeps_at_most_25000_results_and_says_how_many_more() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.ndjson");
    std::fs::write(&path, "{\"type\": \"x\"}\n".repeat(25_010)).unwrap();
    for (lang, words) in [
        ("en", "10 more results were left out"),
        ("ru", "ещё 10 результатов не записаны"),
    ] {
        let o = run(&[
            "--isolated",
            "--lang",
            lang,
            "--format",
            "sarif",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code(&o), 1);
        let log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let errors: Vec<String> = sarif_validator()
            .iter_errors(&log)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let run0 = &log["runs"][0];
        assert_eq!(run0["results"].as_array().unwrap().len(), 25_000);
        let note = &run0["invocations"][0]["toolExecutionNotifications"][0];
        assert_eq!(note["descriptor"]["id"], "client-lint/results-omitted");
        assert!(
            note["message"]["text"].as_str().unwrap().contains(words),
            "{note}"
        );
    }
    // Under the limit: no invocation.
    let o = run(&[BAD, "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(log["runs"][0].get("invocations").is_none());
}

#[test]
fn sarif_output_validates_against_the_schema() {
    let o = run(&[BAD, BATCH, "--format", "sarif"]);
    assert_eq!(code(&o), 1);
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run0 = &log["runs"][0];
    assert_eq!(
        run0["tool"]["driver"]["rules"].as_array().unwrap().len(),
        client_lint::rule::RULES.len()
    );
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 18 + 6);
    let first = &results[0];
    assert_eq!(
        first["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    assert!(results.iter().any(|r| r["fixes"].is_array()));
    // A mutation the schema must catch, so that this test can fail.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
    insta::assert_json_snapshot!("sarif_results", results[..3]);
}

// --- exit codes and inputs -----------------------------------------------------

#[test]
fn exit_codes() {
    assert_eq!(code(&run(&[GOOD])), 0);
    assert_eq!(code(&run(&[BAD])), 1);
    let dir = tempfile::tempdir().unwrap();
    let warn = dir.path().join("warn.json");
    std::fs::write(&warn, r#"{"colour": "red"}"#).unwrap();
    let w = warn.to_str().unwrap();
    assert_eq!(code(&run(&[w])), 0, "warnings alone pass");
    assert_eq!(code(&run(&[w, "--deny-warnings"])), 1);
    // `-q` prints no summary, and changes no exit code.
    let quiet = run(&[BAD, "-q"]);
    assert_eq!((code(&quiet), stderr(&quiet).as_str()), (1, ""));
    assert!(!stdout(&quiet).is_empty());
    assert_eq!(code(&run(&["--format", "yaml", GOOD])), 2);
}

#[test]
fn a_missing_file_fails_but_the_others_are_checked() {
    let o = run(&["no/such/file.json", BAD, "--format", "jsonl"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("no/such/file.json: no such file or directory"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o).lines().count(), 18);
}

#[test]
fn invalid_utf8_is_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("cp1251.json");
    std::fs::write(&bad, b"{\"name\": \"\xcf\xf0\xe8\xe2\xe5\xf2\"}").unwrap();
    let o = run(&[bad.to_str().unwrap(), GOOD, "--format", "jsonl"]);
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(v["name"], "invalid-encoding");
    assert_eq!((v["line"].as_u64(), v["column"].as_u64()), (Some(1), Some(11)));
}

#[test]
fn directories_are_walked_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("b.json"), r#"{"type": "x"}"#).unwrap();
    std::fs::write(dir.path().join("sub/a.jsonl"), "{\"type\": \"y\"}\n").unwrap();
    std::fs::write(dir.path().join("a.json"), r#"{"type": "z"}"#).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not json").unwrap();
    // Skipped: hidden directories, `target`, `node_modules`.
    for skipped in [".git", "target", "node_modules"] {
        std::fs::create_dir(dir.path().join(skipped)).unwrap();
        std::fs::write(dir.path().join(skipped).join("x.json"), r#"{"type": "q"}"#).unwrap();
    }
    let o = run(&[dir.path().to_str().unwrap(), "--format", "jsonl"]);
    let files: Vec<String> = column(&o, "file")
        .into_iter()
        .map(|f| {
            Path::new(&f)
                .strip_prefix(dir.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(files, ["a.json", "b.json", "sub/a.jsonl"]);
    let empty = tempfile::tempdir().unwrap();
    let o = run(&[empty.path().to_str().unwrap(), GOOD]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("no file to check in this directory"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn stdin_with_a_name() {
    let text = std::fs::read(BAD).unwrap();
    let o = run_stdin(&["--stdin-filename", "client.json", "--format", "jsonl"], &text);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).lines().all(|l| l.contains(r#""file":"client.json""#)));
    let dash = run_stdin(&["-", "--format", "jsonl"], &text);
    assert!(stdout(&dash).contains(r#""file":"<stdin>""#));
}

#[test]
fn batch_files_number_their_records() {
    let o = run(&[BATCH, "--format", "jsonl"]);
    let records: Vec<(u64, u64)> = records(&o)
        .into_iter()
        .map(|v| (v["record"].as_u64().unwrap(), v["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(records, [(1, 2), (2, 3), (2, 3), (2, 3), (3, 4), (4, 5)]);
    let array = r#"[{"type": "J"}, {"type": "x"},
  {"timezone": "Nowhere"}]"#;
    let o = run_stdin(&["--format", "jsonl"], array.as_bytes());
    let v: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        (v[0]["record"].as_u64(), v[0]["line"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        (
            v[1]["record"].as_u64(),
            v[1]["line"].as_u64(),
            v[1]["column"].as_u64()
        ),
        (Some(2), Some(2), Some(16))
    );
}

#[test]
fn human_output_names_the_record_in_batches() {
    let o = run(&[BATCH, "--color", "never"]);
    assert!(
        stdout(&o).contains("unknown-client-type (record 2)"),
        "{}",
        stdout(&o)
    );
}

// --- fixing ----------------------------------------------------------------------

fn temp_copy(src: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.json");
    std::fs::copy(src, &path).unwrap();
    (dir, path)
}

#[test]
fn fix_changes_only_the_fixed_values() {
    let (_dir, path) = temp_copy(BAD);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let before = std::fs::read_to_string(&path).unwrap();
    let o = run(&[path.to_str().unwrap(), "--fix", "--format", "jsonl"]);
    assert_eq!(code(&o), 1, "errors without a safe fix remain");
    let after = std::fs::read_to_string(&path).unwrap();
    insta::assert_snapshot!("fixed_file", after);
    // The country list with unknown codes gets no safe fix: it would stay wrong.
    assert!(stderr(&o).contains("fixed 6 problems"), "{}", stderr(&o));
    // Keys, order, indentation and every other byte stay: lines differ only
    // between the `": ` after the key and the end of the value.
    let (b, a): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(b.len(), a.len());
    let mut changed = 0;
    for (x, y) in b.iter().zip(&a) {
        if x != y {
            changed += 1;
            let key_end = x.find("\": ").unwrap() + 3;
            assert_eq!(x[..key_end], y[..key_end], "key part changed: {x} → {y}");
            assert_eq!(x.ends_with(','), y.ends_with(','), "{x} → {y}");
        }
    }
    assert_eq!(changed, 6, "six values change; the geo_list line stays");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
    // What remains is reported against the fixed file.
    assert!(
        stdout(&o)
            .lines()
            .all(|l| !l.contains("\"applicability\":\"safe\""))
    );
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
}

#[test]
fn unsafe_fixes_need_both_flags() {
    let (_dir, path) = temp_copy(BAD);
    run(&[path.to_str().unwrap(), "--fix", "--unsafe-fixes"]);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(v.get("id").is_none(), "the read-only id is removed");
    assert_eq!(v["email"], "admin@acme.example");
    // Once the list is valid, the client's own country (Europe/Kiev: UA) is
    // missing from it, and the unsafe fix adds it (home-country-not-allowed).
    assert_eq!(v["geo_list"], "RU GB UA");
}

#[test]
fn files_with_syntax_errors_are_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    let text = "{\"type\": \"j\",\n  \"timezone\": \"utc\"\n";
    std::fs::write(&path, text).unwrap();
    let o = run(&[path.to_str().unwrap(), "--fix"]);
    assert_eq!(code(&o), 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn diff_prints_and_changes_nothing() {
    let (_dir, path) = temp_copy(BAD);
    let before = std::fs::read(&path).unwrap();
    let o = run(&[path.to_str().unwrap(), "--diff"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.lines().any(|l| l == "-  \"type\": \"j\","), "{out}");
    assert!(out.lines().any(|l| l == "+  \"type\": \"J\","), "{out}");
    assert!(!out.contains("error["), "--diff prints the diff alone");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(code(&run(&[GOOD, "--diff"])), 0);
}

#[test]
fn fix_on_stdin_prints_the_fixed_document() {
    let o = run_stdin(
        &["--fix", "--format", "jsonl"],
        br#"{"type": "j", "hold_music": 0}"#,
    );
    assert_eq!(stdout(&o), r#"{"type": "J", "hold_music": 0}"#);
    assert!(
        stderr(&o).contains("id-out-of-range"),
        "findings go to stderr: {}",
        stderr(&o)
    );
    assert_eq!(code(&o), 1);
}

// --- configuration -------------------------------------------------------------

#[test]
fn config_is_found_upward_and_overridden_by_flags() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("client-lint.toml"),
        "mode = \"response\"\nlang = \"ru\"\n\n[rules]\nunknown-key = \"error\"\nCL403 = \"allow\"\n",
    )
    .unwrap();
    let sub = dir.path().join("deep/er");
    std::fs::create_dir_all(&sub).unwrap();
    let doc = sub.join("c.json");
    std::fs::write(&doc, r#"{"id": 5, "colour": 1, "timezone": "Europe/Kiev"}"#).unwrap();
    let o = bin()
        .current_dir(&sub)
        .args(["c.json", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(code(&o), 1, "unknown-key raised to error");
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.contains("\"severity\":\"error\"") && out.contains("неизвестное поле"),
        "{out}"
    );
    // Flags win over the file.
    let o = bin()
        .current_dir(&sub)
        .args([
            "c.json",
            "--format",
            "jsonl",
            "--mode",
            "request",
            "--lang",
            "en",
            "--ignore",
            "unknown-key",
        ])
        .output()
        .unwrap();
    let names: Vec<String> = column(&o, "name");
    assert_eq!(names, ["read-only-field"]);
    // --isolated ignores it.
    let o = bin()
        .current_dir(&sub)
        .args(["c.json", "--format", "jsonl", "--isolated"])
        .output()
        .unwrap();
    assert_eq!(stdout(&o).lines().count(), 3);
}

#[test]
fn select_keeps_only_the_named_rules() {
    let o = run(&[BAD, "--format", "jsonl", "--select", "CL504,duplicate-country"]);
    let names: Vec<String> = column(&o, "name");
    assert_eq!(names, ["unknown-country", "unknown-country", "duplicate-country"]);
}

#[test]
fn configuration_errors_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("x.toml");
    std::fs::write(&cfg, "[rules]\nunknown-timezon = \"error\"\n").unwrap();
    let o = run(&[GOOD, "--config", cfg.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("unknown rule `unknown-timezon`; did you mean `unknown-timezone`?"),
        "{}",
        stderr(&o)
    );
    std::fs::write(&cfg, "[rules]\nunknown-key = \"loud\"\n").unwrap();
    let o = run(&[GOOD, "--config", cfg.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("unknown level `loud`"), "{}", stderr(&o));
    std::fs::write(&cfg, "colour = true\n").unwrap();
    assert_eq!(code(&run(&[GOOD, "--config", cfg.to_str().unwrap()])), 2);
    let o = run(&[GOOD, "--select", "nope"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("--select: unknown rule `nope`"),
        "{}",
        stderr(&o)
    );
}

// --- other commands --------------------------------------------------------------

#[test]
fn rules_command() {
    let o = run(&["rules", "--format", "json"]);
    let v: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.len(), client_lint::rule::RULES.len());
    assert_eq!(v[0]["code"], "CL001");
    let ru = stdout(&run(&["rules", "--lang", "ru"]));
    assert!(ru.starts_with("код"), "{ru}");
    let human = stdout(&run(&["rules"]));
    assert!(
        human.lines().any(|l| l.starts_with("CL401  unknown-timezone")),
        "{human}"
    );
}

#[test]
fn explain_command() {
    let o = run(&["explain", "CL403"]);
    insta::assert_snapshot!("explain_en", stdout(&o));
    let o = run(&["explain", "deprecated-timezone-link", "--lang", "ru"]);
    insta::assert_snapshot!("explain_ru", stdout(&o));
    let o = run(&["explain", "unknown-timezon"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("did you mean `unknown-timezone`?"));
}

#[test]
fn schema_accepts_valid_examples_and_rejects_type_errors() {
    let o = run(&["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let good: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(GOOD).unwrap()).unwrap();
    assert!(
        validator.is_valid(&good),
        "{:?}",
        validator
            .iter_errors(&good)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    for line in std::fs::read_to_string(BATCH).unwrap().lines().take(2) {
        assert!(validator.is_valid(&serde_json::from_str(line).unwrap()), "{line}");
    }
    for bad in [
        serde_json::json!({"extension_len": 3}),
        serde_json::json!({"hold_music": "12"}),
        serde_json::json!({"reg_status_log": "yes"}),
        serde_json::json!({"type": "X"}),
        serde_json::json!({"disk_space_notify_threshold": 101}),
    ] {
        assert!(!validator.is_valid(&bad), "{bad}");
    }
    // An unknown key is a warning of the linter: no schema error either
    // (tests/schema.rs holds the two together).
    assert!(validator.is_valid(&serde_json::json!({"timezon": "UTC"})));
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.ndjson");
    let line = "{\"type\": \"x\", \"timezone\": \"Nowhere\"}\n";
    std::fs::write(&path, line.repeat(20_000)).unwrap();
    let mut child = bin()
        .args([path.to_str().unwrap(), "--color", "never"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert!(!err.contains("panicked"), "{err}");
    // The status the findings call for, so that `set -o pipefail` catches it.
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(
        err.contains("found 40000 errors"),
        "the run went on to the end: {err}"
    );
}

#[test]
fn a_million_ndjson_records_stream_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ndjson");
    let mut text = String::new();
    for i in 0..1_000_000 {
        if i % 100_000 == 7 {
            text.push_str("{\"type\": \"x\", \"timezone\": \"UTC\"}\n");
        } else {
            text.push_str("{\"type\": \"J\", \"timezone\": \"Europe/Moscow\"}\n");
        }
    }
    std::fs::write(&path, &text).unwrap();
    let size_kb = text.len() as u64 / 1024;
    drop(text);
    let p = path.to_str().unwrap();
    // Peak memory from GNU time when it is installed.
    let o = match timed() {
        Some(mut c) => c.args([p, "--format", "jsonl"]).output().unwrap(),
        None => run(&[p, "--format", "jsonl"]),
    };
    assert_eq!(code(&o), 1);
    let records: Vec<u64> = records(&o)
        .into_iter()
        .map(|v| v["record"].as_u64().unwrap())
        .collect();
    assert_eq!(records, (0..10).map(|k| k * 100_000 + 7).collect::<Vec<_>>());
    if let Some(rss) = peak_kb(&o) {
        // Streaming keeps one batch of lines (and its reports) in memory, not the
        // 44 MiB file: peak memory stays below the file's size.
        assert!(rss < size_kb, "peak {rss} KiB for a {size_kb} KiB file");
    }
}

#[test]
fn streaming_agrees_with_the_whole_file_path() {
    // Over the 1 MiB streaming threshold, with blank lines, errors and
    // multi-byte text spread across chunk and piece boundaries.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.ndjson");
    let mut text = String::new();
    for i in 0..160_000 {
        let t = ["J", "F", "j", "X"][i % 4];
        text.push_str(&format!(
            "{{\"name\": \"Клиент {i}\", \"type\": \"{t}\", \"timezone\": \"Europe/Moscow\"}}\n"
        ));
        if i % 997 == 0 {
            text.push('\n');
        }
    }
    assert!(text.len() > 8 << 20);
    std::fs::write(&path, &text).unwrap();
    // Named as NDJSON, or found to be NDJSON by its content: the same.
    let named_json = dir.path().join("mixed.json");
    std::fs::write(&named_json, &text).unwrap();
    let o = run(&[path.to_str().unwrap(), "--format", "jsonl"]);
    let by_content = run(&[named_json.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(
        stdout(&by_content),
        stdout(&o).replace("mixed.ndjson", "mixed.json")
    );
    let streamed: Vec<(u64, u64, u64, String)> = records(&o)
        .into_iter()
        .map(|v| {
            let n = |k: &str| v[k].as_u64().unwrap();
            (
                n("record"),
                n("line"),
                n("column"),
                v["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let whole: Vec<(u64, u64, u64, String)> = client_lint::lint_records(
        &text,
        &client_lint::Options::default(),
        client_lint::Layout::Ndjson,
    )
    .iter()
    .flat_map(|r| {
        r.report.diagnostics().iter().map(move |d| {
            let s = d.start().unwrap();
            (
                r.index as u64,
                s.line as u64,
                s.column as u64,
                d.code().to_string(),
            )
        })
    })
    .collect();
    assert_eq!(streamed.len(), 80_000);
    assert_eq!(streamed, whole);
}

/// A JSON array of `n` records over the 1 MiB threshold: pretty lines and
/// long minified ones, multi-byte text, strings that hold brackets and
/// commas, a third with mistakes.
fn large_array(n: usize) -> String {
    let mut text = String::from("[\n");
    for i in 0..n {
        let t = ["J", "j", "X"][i % 3];
        let record =
            format!("{{\"name\": \"Клиент ],[{{\\\"{i}\", \"type\": \"{t}\", \"geo_list\": \"RU BY\"}}");
        text.push_str(&record);
        text.push_str(if i + 1 == n {
            "\n"
        } else if i % 50 == 0 {
            ",\n  "
        } else {
            ", "
        });
    }
    text.push_str("]\n");
    text
}

/// Every finding of `text` as the library gives it, as `--format jsonl`
/// writes it for `file`.
fn library_jsonl(text: &str, file: &str) -> Vec<serde_json::Value> {
    client_lint::lint_records(text, &client_lint::Options::default(), client_lint::Layout::Auto)
        .iter()
        .flat_map(|r| {
            r.report.diagnostics().iter().map(move |d| {
                serde_json::from_str(&client_lint::render::json_record(d, file, r.index)).unwrap()
            })
        })
        .collect()
}

#[test]
fn large_arrays_are_checked_in_parts_and_agree_with_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clients.json");
    let text = large_array(30_000);
    assert!(text.len() > 1 << 20, "large enough to be read in parts");
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    let outputs: Vec<Output> = ["1", "2"]
        .iter()
        .map(|threads| {
            bin()
                .env("RAYON_NUM_THREADS", threads)
                .args([p, "--format", "jsonl"])
                .output()
                .unwrap()
        })
        .collect();
    assert_eq!(code(&outputs[0]), 1);
    assert_eq!(outputs[0].stdout, outputs[1].stdout);
    let found = records(&outputs[0]);
    assert_eq!(found.len(), 20_000);
    assert_eq!(found, library_jsonl(&text, p));
    // The human report too: the same whether the array is read from its
    // file or from standard input, once the name is the same.
    let parts = stdout(&run(&[p, "--color", "never"]));
    let whole = stdout(&run_stdin(&["--color", "never", "-"], text.as_bytes()));
    assert!(parts.contains("fix available with `--fix`"));
    assert_eq!(parts, whole.replace("<stdin>", p));
}

#[test]
fn a_large_broken_array_reports_everything_and_nothing_as_fixable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    let mut text = large_array(30_000);
    // A missing colon two thirds of the way in.
    let at = text[text.len() * 2 / 3..].find("\"type\":").unwrap() + text.len() * 2 / 3;
    text.replace_range(at + 6..at + 7, " ");
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    let o = run(&[p, "--format", "jsonl"]);
    assert_eq!(code(&o), 1);
    let strip = |mut v: serde_json::Value| {
        v.as_object_mut().unwrap().remove("fix");
        v
    };
    let found: Vec<_> = records(&o).into_iter().map(strip).collect();
    let whole: Vec<_> = library_jsonl(&text, p).into_iter().map(strip).collect();
    assert!(
        found.iter().any(|v| v["code"] == "CL001"),
        "the syntax error is reported"
    );
    assert_eq!(found, whole);
    // The summary counts no fixes: the file would not be rewritten.
    let err = stderr(&run(&[p]));
    assert!(err.contains("found "), "{err}");
    assert!(!err.contains("fixable"), "{err}");
}

#[test]
fn large_documents_are_checked_in_memory_bounded_by_their_size() {
    if timed().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // A finding every 13 bytes of an array (holding them all took 125 times
    // the file), and every 13 bytes of NDJSON in a file named `.json` (found
    // to be NDJSON by its content; held whole, 67 times).
    let array = format!("[{}]", vec!["{\"type\":\"x\"}"; 2_000_000].join(","));
    let ndjson = "{\"type\": \"x\", \"colour\": 1}\n".repeat(1_000_000);
    // The array once more on standard input.
    let cases = [
        ("dense.json", array.clone(), false),
        ("lines.json", ndjson, false),
        ("piped.json", array, true),
    ];
    for (name, text, piped) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let size_kb = text.len() as u64 / 1024;
        drop(text);
        let out = dir.path().join("out.jsonl");
        let mut cmd = timed().unwrap();
        if piped {
            cmd.args(["-", "--format", "jsonl"])
                .stdin(std::fs::File::open(&path).unwrap());
        } else {
            cmd.args([path.to_str().unwrap(), "--format", "jsonl"]);
        }
        let o = cmd.stdout(std::fs::File::create(&out).unwrap()).output().unwrap();
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        let lines = std::io::BufRead::lines(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
        assert_eq!(lines.count(), 2_000_000, "{name}: every finding is written");
        let rss = peak_kb(&o).unwrap();
        // The text once, and a bounded batch of findings (about 1.5 times
        // these files; 1.04 times a 100 MB array, BENCHMARKS.md).
        assert!(
            rss < 2 * size_kb,
            "{name}: peak {rss} KiB for a {size_kb} KiB file"
        );
    }
}

#[test]
fn one_large_document_is_held_once() {
    if timed().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // A 30 MB value, valid and as an unknown time zone: the text is not
    // copied when read, nor case-folded when it cannot be a zone name.
    for (name, key, code) in [("valid.json", "name", 0), ("zone.json", "timezone", 1)] {
        let text = format!("{{\"{key}\": \"{}\"}}", "a".repeat(30_000_000));
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let size_kb = text.len() as u64 / 1024;
        drop(text);
        let o = timed().unwrap().arg(&path).output().unwrap();
        assert_eq!(o.status.code(), Some(code), "{}", stderr(&o));
        let rss = peak_kb(&o).unwrap();
        // Twice the text before: a copy for the report, then a lowercase one.
        assert!(
            rss < size_kb * 3 / 2,
            "{name}: peak {rss} KiB for a {size_kb} KiB file"
        );
    }
    // Fixed: the input and the output, not a third copy for a pass that
    // finds nothing more to apply.
    let text = format!("{{\"type\": \"j\", \"name\": \"{}\"}}", "a".repeat(30_000_000));
    let path = dir.path().join("fix.json");
    std::fs::write(&path, &text).unwrap();
    let size_kb = text.len() as u64 / 1024;
    drop(text);
    let o = timed().unwrap().arg("--fix").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("{\"type\": \"J\"")
    );
    let rss = peak_kb(&o).unwrap();
    assert!(
        rss < size_kb * 5 / 2,
        "--fix: peak {rss} KiB for a {size_kb} KiB file"
    );
}

/// `--fix` and `--diff` of files whose records keep findings after the fix,
/// and of one whose last line is broken: at most three times the file plus a
/// constant (issue 21: 16 to 70 times, every record's findings held at once
/// and `similar` run over the whole file).
#[test]
fn fix_and_diff_memory_is_bounded_when_findings_remain() {
    if timed().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let record = |i: usize| {
        format!(
            "{{\"id\": {}, \"type\": \"j\", \"timezone\": \"Europe/Kiev\", \"language\": \"xx\", \"extra_params\": \"a\"}}",
            i + 1
        )
    };
    let ndjson: String = (0..100_000).map(|i| record(i) + "\n").collect();
    let pretty = {
        let records: Vec<serde_json::Value> = (0..60_000)
            .map(|i| serde_json::from_str(&record(i)).unwrap())
            .collect();
        serde_json::to_string_pretty(&records).unwrap()
    };
    let broken = format!("{ndjson}{{\"broken\n");
    for (name, text, args, want_code) in [
        ("fix.ndjson", &ndjson, &["--fix"][..], 0),
        ("diff.ndjson", &ndjson, &["--diff"][..], 1),
        ("diff.json", &pretty, &["--diff"][..], 1),
        ("fix.json", &pretty, &["--fix"][..], 0),
        ("broken.ndjson", &broken, &["--fix"][..], 1),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let size_kb = text.len() as u64 / 1024;
        let o = timed()
            .unwrap()
            .args(["--isolated", "--format", "jsonl"])
            .args(args)
            .arg(&path)
            .stdout(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(want_code), "{name}: {}", stderr(&o));
        let rss = peak_kb(&o).unwrap();
        // The constant: one batch of findings as in a check (about 10 MB
        // here), the threads' batches in flight and what the allocator keeps
        // of freed copies; peaks vary by 4 MB from run to run with thread
        // timing (debug build: 39 to 44 MB for the 7 MB array).
        assert!(
            rss < 3 * size_kb + 32 * 1024,
            "{name} {args:?}: peak {rss} KiB for a {size_kb} KiB file"
        );
    }
    // What was written is what a whole-file fix gives.
    let fixed = std::fs::read_to_string(dir.path().join("fix.json")).unwrap();
    let want = client_lint::fix_records(
        &pretty,
        &client_lint::Options::default(),
        client_lint::Layout::Auto,
        client_lint::UnsafeFixes::Skip,
    );
    assert_eq!(fixed, want.text);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("broken.ndjson")).unwrap(),
        broken
    );
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.ndjson");
    let text: String = (0..250_000)
        .map(|i| {
            format!(
                "{{\"type\": \"{}\", \"geo_list\": \"RU {}\"}}\n",
                ["J", "x"][i % 2],
                ["BY", "UK"][i % 3 % 2]
            )
        })
        .collect();
    assert!(text.len() > 8 << 20, "large enough to be streamed");
    std::fs::write(&path, text).unwrap();
    let p = path.to_str().unwrap();
    let outputs: Vec<Vec<u8>> = ["1", "2"]
        .iter()
        .map(|threads| {
            let o = bin()
                .env("RAYON_NUM_THREADS", threads)
                .args([p, "--format", "jsonl"])
                .output()
                .unwrap();
            assert_eq!(code(&o), 1);
            o.stdout
        })
        .collect();
    assert!(outputs[0].len() > 1_000_000);
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn the_readme_shows_real_output() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("$ client-lint examples/client-with-mistakes.json\n")
        .unwrap();
    let shown = &readme[start..];
    let shown = &shown[shown.find('\n').unwrap() + 1..shown.find("\n```").unwrap()];
    let (blocks, summary) = shown.split_once("\n…\n").unwrap();
    let o = run(&[BAD, "--color", "never"]);
    for block in blocks.split("\n\n") {
        assert!(
            stdout(&o).contains(block),
            "README block not in the output:\n{block}"
        );
    }
    assert_eq!(stderr(&o).trim(), summary.trim());
}

#[test]
fn fix_on_stdin_echoes_unfixable_input_byte_for_byte() {
    // Not UTF-8: once, only the valid prefix came back.
    let cp1251 = b"{\"type\": \"j\", \"name\": \"\xcf\xf0\xe8\xe2\xe5\xf2\", \"x\": 1}\n";
    let o = run_stdin(&["--fix", "--format", "jsonl"], cp1251);
    assert_eq!(o.stdout, cp1251.to_vec());
    assert_eq!(code(&o), 1);
    // A syntax error: nothing is fixed, everything is echoed.
    let broken = b"{\"type\": \"j\",\n  \"timezone\": \"utc\"\n";
    let o = run_stdin(&["--fix"], broken);
    assert_eq!(o.stdout, broken.to_vec());
}

#[test]
fn the_pre_commit_hook_runs_this_binary_on_its_files() {
    let hook =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.pre-commit-hooks.yaml")).unwrap();
    let field = |name: &str| {
        hook.lines()
            .find_map(|l| l.trim().strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("no `{name}` in the hook"))
            .to_string()
    };
    assert_eq!(field("- id"), "client-lint");
    assert_eq!(field("entry"), "client-lint");
    let files = field("files");
    for ext in ["json", "ndjson", "jsonl"] {
        assert!(files.contains(ext), "{files} misses .{ext}");
    }
    // pre-commit runs a hook on a file only when both `files` and `types`
    // match, and its `json` type is `.json` alone: a type filter would skip
    // .ndjson and .jsonl silently (issue 22).
    assert!(
        !hook.lines().any(|l| {
            let l = l.trim();
            l.starts_with("types:") || l.starts_with("types_or:")
        }),
        "a type filter skips .ndjson/.jsonl"
    );
}

// --- a clean report means the API accepts the document -----------------------------

/// Run in `dir` with `args`; `--isolated` unless a config is under test.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn padded_structured_values_fail_the_check() {
    let dir = tempfile::tempdir().unwrap();
    for (i, doc) in [
        r#"{"type": " J"}"#,
        r#"{"extension_len": "3 "}"#,
        r#"{"timezone": "UTC\n"}"#,
        r#"{"domain_prefix": "\t123"}"#,
        r#"{"email": "admin@example.com\r\n"}"#,
    ]
    .iter()
    .enumerate()
    {
        let path = dir.path().join(format!("c{i}.json"));
        std::fs::write(&path, doc).unwrap();
        let o = run(&[path.to_str().unwrap(), "--format", "jsonl"]);
        assert_eq!(code(&o), 1, "{doc}: {}", stdout(&o));
        let errors: Vec<_> = records(&o)
            .into_iter()
            .filter(|r| r["severity"] == "error")
            .collect();
        assert!(!errors.is_empty(), "{doc}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), *doc);
    }
}

/// Broken JSON and non-UTF-8 text fail whatever the rule levels say, and
/// `--fix` leaves such a file byte for byte, saying so.
#[test]
fn syntax_and_encoding_errors_cannot_be_silenced() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("t.json");
    let text = "{\"type\": \"j\",}";
    std::fs::write(&broken, text).unwrap();
    let latin1 = dir.path().join("l.json");
    let bytes = b"{\"name\": \"Caf\xe9\", \"type\": \"j\"}";
    std::fs::write(&latin1, bytes).unwrap();
    let config = dir.path().join("client-lint.toml");
    std::fs::write(
        &config,
        "[rules]\nsyntax-error = \"allow\"\ninvalid-encoding = \"allow\"\n",
    )
    .unwrap();
    for file in ["t.json", "l.json"] {
        for args in [
            vec![file, "--isolated", "--ignore", "CL001,CL009"],
            vec![file, "--isolated", "--select", "CL201"],
            vec![file],
            vec![file, "--fix"],
            vec![file, "--fix", "--ignore", "CL001", "--ignore", "invalid-encoding"],
        ] {
            let o = run_in(dir.path(), &args);
            let err = stderr(&o);
            assert_eq!(code(&o), 1, "{args:?}: {err}");
            assert!(!err.contains("all checks passed"), "{args:?}: {err}");
            assert!(
                err.contains("found 1 error") || err.contains("found 2 errors"),
                "{args:?}: {err}"
            );
            if args.contains(&"--fix") {
                let why = if file == "t.json" {
                    "not valid JSON"
                } else {
                    "not UTF-8"
                };
                assert!(
                    err.contains(&format!("{file}: not fixed: it is {why}")),
                    "{args:?}: {err}"
                );
                assert!(!err.contains("fixable"), "{args:?}: {err}");
            }
            if args.contains(&"--ignore") || !args.contains(&"--isolated") {
                assert!(err.contains("cannot be turned off"), "{args:?}: {err}");
            }
        }
    }
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), text);
    assert_eq!(std::fs::read(&latin1).unwrap(), bytes);
}

#[test]
fn unreadable_inputs_never_pass() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.json"), "{\"type\": \"J\"}").unwrap();
    // A name that lists as a JSON file but cannot be read as one.
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop.json")).unwrap();
    let o = run_in(dir.path(), &["--isolated", "good.json", "missing.json"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(!stderr(&o).contains("all checks passed"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no problems found in 1 file, 1 record; 1 input could not be read"),
        "{}",
        stderr(&o)
    );
    #[cfg(unix)]
    {
        let o = run_in(dir.path(), &["--isolated", "."]);
        assert_eq!(code(&o), 2, "{}", stderr(&o));
        assert!(stderr(&o).contains("loop.json"), "{}", stderr(&o));
        assert!(stderr(&o).contains("1 input could not be read"), "{}", stderr(&o));
    }
}

#[test]
fn select_accepts_spaces_after_commas() {
    let o = run(&[BAD, "--isolated", "--select", "CL201, CL402", "--format", "jsonl"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let mut names = column(&o, "name");
    names.sort();
    names.dedup();
    assert_eq!(names, ["client-type-wrong-case", "timezone-wrong-case"]);
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.json"), r#"{"type": "j"}"#).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("c.json"), dir.path().join("link.json")).unwrap();
    let o = run_in(
        dir.path(),
        &[
            "--isolated",
            "--format",
            "jsonl",
            "c.json",
            ".",
            "./c.json",
            "link.json",
        ],
    );
    assert_eq!(records(&o).len(), 1, "{}", stdout(&o));
    assert_eq!(records(&o)[0]["file"], "c.json");
}

#[test]
fn a_byte_order_mark_is_no_column() {
    let o = run_stdin(
        &["--isolated", "--format", "jsonl", "-"],
        "\u{FEFF}{\"type\": \"j\"}".as_bytes(),
    );
    let r = records(&o);
    assert_eq!(r[1]["name"], "client-type-wrong-case");
    assert_eq!(r[1]["column"], 10);
}

/// A hostile file name and hostile values reach no terminal or CI log raw,
/// in any format; SARIF names the file by a relative reference that cannot
/// be read as a scheme.
#[cfg(unix)]
#[test]
fn hostile_names_and_values_are_escaped_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let name = "javascript:alert(1)\u{1b}[2J\n\u{202e}x.json";
    std::fs::write(
        dir.path().join(name),
        "{\"name\": \"a\u{9b}b\u{202e}c\u{7f}\", \"type\": \"\u{1b}[31mj\u{2066}\", \"timezone\": \"x\u{202e}\"}",
    )
    .unwrap();
    let hostile = |s: &str| {
        s.chars()
            .any(|c| matches!(c, '\u{1b}' | '\u{9b}' | '\u{7f}' | '\u{202e}' | '\u{2066}'))
    };
    for format in ["human", "github"] {
        let o = run_in(
            dir.path(),
            &["--isolated", "--color", "never", "--format", format, "."],
        );
        assert_eq!(code(&o), 1, "{format}");
        let (out, err) = (stdout(&o), stderr(&o));
        assert!(!hostile(&out) && !hostile(&err), "{format}: {out:?} {err:?}");
        assert!(out.contains("\\u{1b}[2J\\u{a}\\u{202e}x.json"), "{format}: {out}");
        if format == "human" {
            // The name stays on one `-->` line.
            assert!(
                out.lines()
                    .any(|l| l.trim_start().starts_with("--> ./javascript:alert(1)\\u{1b}")),
                "{out}"
            );
        }
    }
    // JSON and JSON Lines: JSON escapes, so a parser reads back the name.
    for format in ["json", "jsonl"] {
        let o = run_in(dir.path(), &["--isolated", "--format", format, "."]);
        assert_eq!(code(&o), 1, "{format}");
        let out = stdout(&o);
        assert!(!hostile(&out), "{format}: {out:?}");
        assert!(out.contains("\\u202ex.json"), "{format}: {out}");
        let record: serde_json::Value = if format == "json" {
            serde_json::from_str::<serde_json::Value>(&out).unwrap()[0].clone()
        } else {
            serde_json::from_str(out.lines().next().unwrap()).unwrap()
        };
        assert_eq!(record["file"], format!("./{name}"), "{format}");
    }
    let o = run_in(dir.path(), &["--isolated", "--format", "sarif", "."]);
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(uri, "./javascript%3Aalert%281%29%1B%5B2J%0A%E2%80%AEx.json");
}

// --- --fix a careful administrator trusts ------------------------------------------

/// A file with one fixable mistake.
const FIXABLE: &str = "{\"type\": \"j\"}\n";

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("client-lint"))
        .collect()
}

#[cfg(unix)]
#[test]
fn hard_links_and_read_only_files_are_refused_without_force() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    std::fs::write(&a, FIXABLE).unwrap();
    std::fs::hard_link(&a, dir.path().join("b.json")).unwrap();
    let o = run_in(dir.path(), &["--isolated", "--fix", "a.json"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("a.json: not fixed: it has 2 hard links"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&a).unwrap(), FIXABLE);
    let o = run_in(dir.path(), &["--isolated", "--fix", "--force", "a.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "{\"type\": \"J\"}\n");

    let ro = dir.path().join("ro.json");
    std::fs::write(&ro, FIXABLE).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = run_in(dir.path(), &["--isolated", "--fix", "ro.json"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("ro.json: not fixed: the file is read-only"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), FIXABLE);
    let o = run_in(dir.path(), &["--isolated", "--fix", "--force", "ro.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        std::fs::metadata(&ro).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert!(temp_files(dir.path()).is_empty());
}

/// Owner, group, mode and extended attributes survive the rewrite.
#[cfg(unix)]
#[test]
fn fixing_keeps_owner_group_mode_and_extended_attributes() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("c.json");
    std::fs::write(&f, FIXABLE).unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
    // As root (as CI runs): a file owned by nobody:nogroup stays theirs.
    let root = std::fs::metadata(dir.path()).unwrap().uid() == 0
        && std::os::unix::fs::chown(&f, Some(65534), Some(65534)).is_ok();
    let xattr = xattr::set(&f, "user.client-lint-test", b"kept").is_ok();
    let before = std::fs::metadata(&f).unwrap();
    let o = run_in(dir.path(), &["--isolated", "--fix", "c.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let after = std::fs::metadata(&f).unwrap();
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "{\"type\": \"J\"}\n");
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    if root {
        assert_eq!((after.uid(), after.gid()), (65534, 65534));
    }
    assert_eq!(after.mode() & 0o777, 0o640);
    if xattr {
        assert_eq!(
            xattr::get(&f, "user.client-lint-test").unwrap().as_deref(),
            Some(&b"kept"[..])
        );
    }
}

/// Leftovers of a killed run (the old fixed name, or any other) never block a
/// later run, even with the same process id.
#[test]
fn leftover_temporary_files_do_not_block_a_later_fix() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.json"), FIXABLE).unwrap();
    for leftover in [".c.json.client-lint-1.tmp", ".c.json.abcdefghij.client-lint.tmp"] {
        std::fs::write(dir.path().join(leftover), "half").unwrap();
    }
    let o = run_in(dir.path(), &["--isolated", "--fix", "c.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("c.json")).unwrap(),
        "{\"type\": \"J\"}\n"
    );
}

/// SIGTERM while fixing a large file: no temporary file stays, and the file
/// is whole, old or new.
#[cfg(unix)]
#[test]
fn a_terminated_fix_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("big.ndjson");
    let old = FIXABLE.repeat(400_000);
    std::fs::write(&f, &old).unwrap();
    let mut child = bin()
        .current_dir(dir.path())
        .args(["--isolated", "--fix", "-q", "big.ndjson"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the temporary file to appear (or the run to end), then stop it.
    let mut seen = false;
    for _ in 0..60_000 {
        if !temp_files(dir.path()).is_empty() {
            seen = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert!(
        temp_files(dir.path()).is_empty(),
        "left behind: {:?}",
        temp_files(dir.path())
    );
    let now = std::fs::read_to_string(&f).unwrap();
    assert!(
        now == old || now == old.replace('j', "J"),
        "the file is neither old nor new"
    );
    if seen {
        assert_eq!(status.code(), Some(130), "interrupted while writing");
    }
}

/// Standard input, `/dev/stdin` and FIFOs are read, never rewritten: their
/// fixed text goes to standard output.
#[cfg(unix)]
#[test]
fn streams_are_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s.json");
    std::fs::write(&s, FIXABLE).unwrap();
    let o = bin()
        .current_dir(dir.path())
        .args(["--isolated", "--fix", "/dev/stdin"])
        .stdin(std::fs::File::open(&s).unwrap())
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&s).unwrap(),
        FIXABLE,
        "s.json was rewritten"
    );
    assert_eq!(stdout(&o), "{\"type\": \"J\"}\n");

    let fifo = dir.path().join("f.json");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, FIXABLE).unwrap())
    };
    let o = run_in(dir.path(), &["--isolated", "--fix", "f.json"]);
    writer.join().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "{\"type\": \"J\"}\n");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

// --- the language server over stdio -------------------------------------------------

/// Write one LSP message with its `Content-Length` header.
fn lsp_send(w: &mut impl Write, body: &serde_json::Value) {
    let text = body.to_string();
    write!(w, "Content-Length: {}\r\n\r\n{text}", text.len()).unwrap();
    w.flush().unwrap();
}

/// Read one LSP message.
fn lsp_read(r: &mut impl std::io::BufRead) -> serde_json::Value {
    let mut len = 0;
    loop {
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse().unwrap();
        }
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

#[cfg(feature = "lsp")]
#[test]
fn the_language_server_speaks_lsp_over_stdio() {
    let mut child = bin()
        .args(["lsp"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = std::io::BufReader::new(child.stdout.take().unwrap());
    lsp_send(
        &mut input,
        &serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    let init = lsp_read(&mut output);
    assert_eq!(init["result"]["serverInfo"]["name"], "client-lint");
    assert_eq!(init["result"]["capabilities"]["textDocumentSync"], 1);
    lsp_send(
        &mut input,
        &serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    let uri = "file:///tmp/stdio-test/c.ndjson";
    lsp_send(
        &mut input,
        &serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "json", "version": 1,
            "text": "{\"type\": \"J\"}\n{\"type\": \"x\"}\n"}}}),
    );
    let published = lsp_read(&mut output);
    assert_eq!(published["method"], "textDocument/publishDiagnostics");
    let d = &published["params"]["diagnostics"][0];
    assert_eq!(
        (d["code"].as_str(), d["range"]["start"]["line"].as_u64()),
        (Some("CL202"), Some(1))
    );
    lsp_send(
        &mut input,
        &serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    assert_eq!(lsp_read(&mut output)["id"], 2);
    lsp_send(
        &mut input,
        &serde_json::json!({"jsonrpc": "2.0", "method": "exit"}),
    );
    drop(input);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

/// A symbolic-link loop and a dangling link say so (issue 21), not "no such
/// file or directory"; the exit status is 2 either way.
#[cfg(unix)]
#[test]
fn link_loops_and_dangling_links_say_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, dangling) = (
        dir.path().join("a.json"),
        dir.path().join("b.json"),
        dir.path().join("c.json"),
    );
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    std::os::unix::fs::symlink(dir.path().join("missing.json"), &dangling).unwrap();
    for (path, want) in [
        (&a, "too many levels of symbolic links"),
        (&dangling, "a symbolic link to nothing"),
        (&dir.path().join("none.json"), "no such file or directory"),
    ] {
        let o = run(&[path.to_str().unwrap(), "--lang", "en"]);
        assert_eq!(code(&o), 2);
        assert!(stderr(&o).contains(want), "{}", stderr(&o));
    }
}

/// A configuration that cannot be used is an error naming it, never
/// silently skipped (issue 21): a directory or a dangling link of that name,
/// a rule set twice by code and by name; TOML's error keeps its lines.
#[cfg(unix)]
#[test]
fn configurations_that_cannot_be_used_are_errors() {
    type Make = dyn Fn(&std::path::Path);
    let cases: [(&str, &Make, &str); 4] = [
        ("a directory", &|p| std::fs::create_dir(p).unwrap(), "directory"),
        (
            "a dangling link",
            &|p| std::os::unix::fs::symlink("/nonexistent/x.toml", p).unwrap(),
            "a symbolic link to nothing",
        ),
        (
            "a rule twice",
            &|p| std::fs::write(p, "[rules]\nCL401 = \"off\"\nunknown-timezone = \"error\"\n").unwrap(),
            "is set twice",
        ),
        (
            "broken TOML",
            &|p| std::fs::write(p, "mode = [x\n").unwrap(),
            "\n1 | mode = [x\n",
        ),
    ];
    for (what, make, want) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("c.json"), "{}").unwrap();
        make(&dir.path().join("client-lint.toml"));
        let o = bin()
            .current_dir(dir.path())
            .arg("c.json")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(code(&o), 2, "{what}");
        assert!(stderr(&o).contains("client-lint.toml"), "{what}: {}", stderr(&o));
        assert!(stderr(&o).contains(want), "{what}: {}", stderr(&o));
        assert!(!stderr(&o).contains("\\u{a}"), "{what}: {}", stderr(&o));
    }
}

/// A discovered `client-lint.toml` owned by another user (or a link another
/// user planted) is refused with exit 2 and a message naming it, like git's
/// `safe.directory`; one named with `--config` is trusted; the human summary
/// names the configuration used (issue 21).
#[cfg(unix)]
#[test]
fn a_configuration_planted_by_another_user_is_refused() {
    use std::os::unix::fs::{chown, lchown, symlink};
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    std::fs::write(work.join("c.json"), "{\"type\": \"j\"}\n").unwrap();
    let config = dir.path().join("client-lint.toml");
    std::fs::write(&config, "[rules]\nclient-type-wrong-case = \"allow\"\n").unwrap();

    // One's own configuration is used, and the summary says which.
    let o = run_in(&work, &["c.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("configuration: ") && stderr(&o).contains("client-lint.toml"),
        "{}",
        stderr(&o)
    );

    // Another user's: only root can make one here (CI runs as root).
    if chown(&config, Some(12345), None).is_err() {
        eprintln!("not root: the foreign-owner case needs chown; the own-file case was checked");
        return;
    }
    let o = run_in(&work, &["c.json"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("client-lint.toml: owned by user 12345"), "{err}");
    assert!(err.contains("--config"), "{err}");
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    // Named explicitly: trusted.
    let o = run_in(&work, &["--config", config.to_str().unwrap(), "c.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // `--isolated` ignores it.
    let o = run_in(&work, &["--isolated", "c.json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    // Root's own is trusted.
    chown(&config, Some(0), None).unwrap();
    assert_eq!(code(&run_in(&work, &["c.json"])), 0);

    // A link another user planted, to a file of one's own: refused too.
    std::fs::rename(&config, dir.path().join("mine.toml")).unwrap();
    symlink("mine.toml", &config).unwrap();
    assert_eq!(code(&run_in(&work, &["c.json"])), 0);
    lchown(&config, Some(12345), None).unwrap();
    let o = run_in(&work, &["c.json"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("owned by user 12345"), "{}", stderr(&o));
}

/// `setfacl`/`getfacl` (Debian's `acl`), or `None` where they are not
/// installed; CI installs them (`.ci/run`), so there a missing tool fails.
#[cfg(unix)]
fn acl_tools() -> Option<()> {
    let found = Command::new("setfacl").arg("--version").output().is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI must install `acl` (setfacl) for the ACL tests"
    );
    found.then_some(())
}

#[cfg(unix)]
fn acl(args: &[&str], path: &Path) -> String {
    let tool = if args.is_empty() { "getfacl" } else { "setfacl" };
    let o = Command::new(tool).args(args).arg(path).output().unwrap();
    assert!(
        o.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// A private file in a directory whose default ACL grants another user read:
/// after `--fix` it carries exactly its own ACL and extended attributes, not
/// the directory's default (issue 21: the temporary file inherited it).
#[cfg(target_os = "linux")]
#[test]
fn fix_keeps_exactly_the_original_acl_and_attributes() {
    use std::os::unix::fs::PermissionsExt;
    if acl_tools().is_none() {
        eprintln!("setfacl is not installed: skipped here, run on CI");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.json");
    let own = dir.path().join("own.json");
    for f in [&plain, &own] {
        std::fs::write(f, FIXABLE).unwrap();
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    // `own` has its own ACL (nobody: nothing) and a user attribute.
    acl(&["-m", "u:nobody:---"], &own);
    xattr::set(&own, "user.owner-note", b"keep me").unwrap();
    // Then the directory gets a default ACL granting nobody read and write.
    acl(&["-d", "-m", "u:nobody:rw"], dir.path());
    let (plain_before, own_before) = (acl(&[], &plain), acl(&[], &own));
    assert!(!plain_before.contains("user:nobody"), "{plain_before}");

    let o = run_in(dir.path(), &["--isolated", "--fix", "plain.json", "own.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&plain).unwrap(), "{\"type\": \"J\"}\n");
    assert_eq!(acl(&[], &plain), plain_before);
    assert_eq!(acl(&[], &own), own_before);
    let names = |p: &Path| {
        let mut v: Vec<String> = xattr::list(p)
            .unwrap()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| !n.starts_with("security."))
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&plain), Vec::<String>::new());
    assert_eq!(names(&own), ["system.posix_acl_access", "user.owner-note"]);
    assert_eq!(xattr::get(&own, "user.owner-note").unwrap().unwrap(), b"keep me");
    assert_eq!(
        std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

/// `include` and `exclude` in client-lint.toml choose the files of a
/// directory walk; files named on the command line are always checked; an
/// invalid pattern is an error naming it (issue 21).
#[test]
fn include_and_exclude_choose_the_files_of_a_walk() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for f in [
        "clients/a.json",
        "clients/drafts/b.json",
        "package.json",
        "other/c.jsonl",
        "clients/x.txt",
    ] {
        let path = root.join(f);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "{\"type\": \"x\"}\n").unwrap();
    }
    let files = |o: &Output| {
        let mut v: Vec<String> = records(o)
            .iter()
            .map(|r| r["file"].as_str().unwrap().to_string())
            .collect();
        v.dedup();
        v
    };
    // No configuration: every *.json, *.ndjson, *.jsonl.
    let o = run_in(root, &["--isolated", "--format", "jsonl", "."]);
    assert_eq!(
        files(&o),
        [
            "./clients/a.json",
            "./clients/drafts/b.json",
            "./other/c.jsonl",
            "./package.json"
        ]
    );
    let config = root.join("client-lint.toml");
    std::fs::write(&config, "exclude = [\"package.json\", \"drafts/\"]\n").unwrap();
    let o = run_in(root, &["--format", "jsonl", "."]);
    assert_eq!(files(&o), ["./clients/a.json", "./other/c.jsonl"]);
    std::fs::write(
        &config,
        "include = [\"clients/**/*.json\", \"*.txt\"]\nexclude = [\"/clients/drafts\"]\n",
    )
    .unwrap();
    let o = run_in(root, &["--format", "jsonl", "."]);
    assert_eq!(files(&o), ["./clients/a.json", "./clients/x.txt"]);
    // From a subdirectory, the patterns are still the configuration's.
    let o = run_in(&root.join("clients"), &["--format", "jsonl", "."]);
    assert_eq!(files(&o), ["./a.json", "./x.txt"]);
    // Named: checked whatever the patterns say.
    let o = run_in(root, &["--format", "jsonl", "package.json"]);
    assert_eq!(files(&o), ["package.json"]);
    // Nothing selected: said so, exit 2.
    let o = run_in(root, &["other"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("other: no file to check in this directory"),
        "{}",
        stderr(&o)
    );
    // An invalid pattern.
    std::fs::write(&config, "include = [\"clients/[a\"]\n").unwrap();
    let o = run_in(root, &["."]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("include: `clients/[a`"), "{}", stderr(&o));
}

/// `client-lint completions SHELL` and `client-lint manpage`, generated from
/// the command line's own definition (issue 22).
#[test]
fn completions_and_manpage_come_from_the_command_line() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run(&["completions", shell]);
        assert_eq!(code(&o), 0, "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        // Fish writes options as `-l format`, the others as `--format`.
        for word in [
            "client-lint",
            "fix",
            "format",
            "unsafe-fixes",
            "explain",
            "completions",
        ] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    // The bash script is valid bash, and completes subcommands and formats.
    let o = run(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("client-lint.bash");
    std::fs::write(&script, &o.stdout).unwrap();
    let check = Command::new("bash").arg("-n").arg(&script).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let complete = |line: &str| {
        let words: Vec<&str> = line.split(' ').collect();
        // As bash calls it: the command, the word being completed, the one before.
        let n = words.len();
        let probe = format!(
            "source {}; COMP_WORDS=({}); COMP_CWORD={}; _client__lint client-lint '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display(),
            words
                .iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join(" "),
            n - 1,
            words[n - 1],
            words[n - 2]
        );
        let o = Command::new("bash").arg("-c").arg(probe).output().unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    assert!(complete("client-lint --format s").lines().any(|l| l == "sarif"));
    assert!(complete("client-lint ex").lines().any(|l| l == "explain"));
    // An unknown shell is a usage error naming the ones there are.
    let o = run(&["completions", "tcsh"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("bash, elvish, fish, powershell, zsh"),
        "{}",
        stderr(&o)
    );

    let o = run(&["manpage"]);
    assert_eq!(code(&o), 0);
    let page = stdout(&o);
    assert!(page.contains(".TH client-lint 1"), "{page}");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
        ".SH VERSION",
    ] {
        assert!(page.contains(section), "manpage lacks {section}");
    }
    assert!(page.contains("\\-\\-unsafe\\-fixes"));
    assert!(page.contains(env!("CARGO_PKG_VERSION")));
    // Where man is installed, it renders the page.
    let file = dir.path().join("client-lint.1");
    std::fs::write(&file, &page).unwrap();
    if let Ok(o) = Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .output()
    {
        let shown = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success() && shown.contains("--unsafe-fixes"), "{shown}");
    }
}

/// `--statistics`: one line per rule across all inputs, most first, the
/// same counts as the findings themselves, on whole files and on a large
/// NDJSON file checked in batches (issue 23).
#[test]
fn statistics_count_what_the_findings_are() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ndjson");
    let text: String = (0..80_000)
        .map(|i| match i % 4 {
            0 => "{\"type\": \"j\", \"geo_list\": \"RU UK\"}\n".to_string(),
            1 => "{\"type\": \"x\"}\n".to_string(),
            2 => format!("{{\"name\": \"c{i}\"}}\n"),
            _ => "{\"timezone\": \"Europe/Kiev\"}\n".to_string(),
        })
        .collect();
    std::fs::write(&big, text).unwrap();
    assert!(
        std::fs::metadata(&big).unwrap().len() > 1 << 20,
        "streamed in batches"
    );
    let count_of = |args: &[&str]| {
        let mut by_code = std::collections::BTreeMap::<String, u64>::new();
        for r in records(&run(&[&["--isolated", "--format", "jsonl"], args].concat())) {
            *by_code
                .entry(r["code"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
        by_code
    };
    for inputs in [vec![BAD, BATCH, GOOD], vec![big.to_str().unwrap()]] {
        let o = run(&[&["--isolated", "--statistics", "--format", "json"], &inputs[..]].concat());
        assert_eq!(code(&o), 1);
        let stats: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
        let got: std::collections::BTreeMap<String, u64> = stats
            .iter()
            .map(|s| {
                (
                    s["code"].as_str().unwrap().to_string(),
                    s["count"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(got, count_of(&inputs), "{inputs:?}");
        let counts: Vec<u64> = stats.iter().map(|s| s["count"].as_u64().unwrap()).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most first: {counts:?}");
        let errors: u64 = stats
            .iter()
            .filter(|s| s["severity"] == "error")
            .map(|s| s["count"].as_u64().unwrap())
            .sum();
        // The human summary counts the same findings.
        let o = run(&[&["--isolated", "--statistics"], &inputs[..]].concat());
        assert!(
            stderr(&o).contains(&format!("found {errors} error")),
            "{}",
            stderr(&o)
        );
    }
    // The table: a header, then one line per rule with its count first.
    let o = run(&["--isolated", "--statistics", big.to_str().unwrap()]);
    let table = stdout(&o);
    let mut lines = table.lines();
    assert!(lines.next().unwrap().trim_start().starts_with("count  code"));
    let first = lines.next().unwrap();
    assert!(first.trim_start().starts_with("20000  CL"), "{table}");
    assert!(
        table.contains("client-type-wrong-case") && table.contains("20000 safe"),
        "{table}"
    );
    // A severity set by configuration is the one counted.
    let o = run(&[
        "--isolated",
        "--statistics",
        "--format",
        "json",
        "--ignore",
        "CL403",
        big.to_str().unwrap(),
    ]);
    assert!(!stdout(&o).contains("CL403"));
    // Only a table or JSON.
    let o = run(&["--isolated", "--statistics", "--format", "sarif", GOOD]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("--statistics prints a table"),
        "{}",
        stderr(&o)
    );
}
