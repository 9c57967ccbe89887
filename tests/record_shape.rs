//! One diagnostic record everywhere. `tests/data/record-shape.json` holds a
//! document and the library's serialised records for it; this test holds the
//! library and the command line's `--format json` to it, `tests/http.rs` the
//! service's problem+json, and the Python and JavaScript packages' own tests
//! (`crates/client-lint-py/tests`, `crates/client-lint-wasm/tests`) their
//! `to_dict()` and objects, each after removing only the members that binding
//! adds (offsets in its own units). A change of the record fails here first;
//! `CLIENT_LINT_BLESS=1 cargo test --test record_shape` rewrites the file
//! after a deliberate one.

use serde_json::{Value, json};
use std::path::Path;

const FIXTURE: &str = "tests/data/record-shape.json";

/// A document whose findings have every member of the record: a fix with a
/// value, one that removes, none; safe and unsafe; code points beyond the
/// BMP before them, so that every unit of offsets differs.
const DOCUMENT: &str = "{\n  \"name\": \"Ж 😀\", \"type\": \"j\",\n  \"id\": 5,\n  \"timezone\": \"Europe/Moskow\",\n  \"email\": \"a@b@c\"\n}\n";

fn fixture() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    serde_json::from_str(&std::fs::read_to_string(path).expect(FIXTURE)).expect("JSON")
}

fn library_records() -> Value {
    let report = client_lint::lint_str(DOCUMENT, &client_lint::Options::default());
    serde_json::to_value(report.diagnostics()).unwrap()
}

#[test]
fn the_library_writes_the_record_of_the_fixture() {
    let want = json!({ "document": DOCUMENT, "mode": "request", "records": library_records() });
    if std::env::var_os("CLIENT_LINT_BLESS").is_some() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
        std::fs::write(path, serde_json::to_string_pretty(&want).unwrap() + "\n").unwrap();
    }
    let got = fixture();
    assert_eq!(got, want, "the library's record changed; bless it on purpose");
    // The fixture covers every member of the record.
    let records = got["records"].as_array().unwrap();
    let keys = |v: &Value| {
        v.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
    };
    let all: std::collections::BTreeSet<_> = records.iter().flat_map(keys).collect();
    let every = [
        "code",
        "name",
        "severity",
        "pointer",
        "message",
        "help",
        "line",
        "column",
        "end_line",
        "end_column",
        "span",
        "fix",
    ];
    assert_eq!(all, every.iter().map(std::string::ToString::to_string).collect());
    let fix_keys: std::collections::BTreeSet<_> = records
        .iter()
        .filter_map(|r| r.get("fix"))
        .flat_map(keys)
        .collect();
    assert_eq!(
        fix_keys,
        ["applicability", "pointer", "remove", "value"]
            .iter()
            .map(std::string::ToString::to_string)
            .collect()
    );
    assert!(
        records.iter().any(|r| r.get("fix").is_none()),
        "a finding without a fix"
    );
}

#[test]
fn the_command_line_writes_the_same_records_plus_file_and_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.json");
    std::fs::write(&path, DOCUMENT).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_client-lint"))
        .args(["--isolated", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let mut records: Vec<Value> = serde_json::from_slice(&out.stdout).expect("a JSON array");
    for r in &mut records {
        let m = r.as_object_mut().unwrap();
        assert_eq!(m.remove("file").as_ref().and_then(Value::as_str), path.to_str());
        assert_eq!(m.remove("record"), Some(json!(0)));
    }
    assert_eq!(Value::Array(records), fixture()["records"]);
}
