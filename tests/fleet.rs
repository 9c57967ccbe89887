//! Rules across records (issue 23): the same `id` (response mode), `domain`
//! or `domain_prefix` in two records. The whole-text pass
//! ([`Fleet::add_records`]) is the reference; a record-at-a-time pass over
//! NDJSON lines, the same records as a JSON array, and the command line's
//! streamed and parallel paths must report exactly what it does.

use std::process::Command;

use client_lint::fleet::{Fleet, Keys, lint_keyed};
use client_lint::stream::NdjsonLines;
use client_lint::{Layout, Mode, Options, lint_records};
use proptest::prelude::*;

/// One client with values drawn from small pools, so that they repeat, in
/// the spellings that must compare equal.
fn client() -> impl Strategy<Value = String> {
    let domain = prop_oneof![
        Just(None),
        (0..4u8, prop::sample::select(vec!["", " ", "."]), any::<bool>()).prop_map(|(n, pad, upper)| {
            let d = format!("pbx{n}.example.com");
            let d = if upper { d.to_uppercase() } else { d };
            Some(match pad {
                " " => format!(" {d} "),
                "." => format!("{d}."),
                _ => d,
            })
        }),
        Just(Some("пример.рф".to_string())),
        Just(Some("xn--e1afmkfd.xn--p1ai".to_string())),
    ];
    let prefix = prop_oneof![Just(None), (0..4u8).prop_map(|n| Some(format!("12{n}")))];
    let id = prop_oneof![
        Just(None),
        (1..5u8).prop_map(|n| Some(n.to_string())),
        Just(Some("2.0".to_string()))
    ];
    (domain, prefix, id).prop_map(|(d, p, i)| {
        let mut members = Vec::new();
        if let Some(i) = i {
            members.push(format!("\"id\": {i}"));
        }
        if let Some(d) = d {
            members.push(format!("\"domain\": {}", serde_json::to_string(&d).unwrap()));
        }
        if let Some(p) = p {
            members.push(format!("\"domain_prefix\": \"{p}\""));
        }
        format!("{{{}}}", members.join(", "))
    })
}

/// The conflicts of each record: (record, rule, message).
fn conflicts(records: &[client_lint::Record]) -> Vec<(usize, String, String)> {
    records
        .iter()
        .flat_map(|r| {
            r.report
                .diagnostics()
                .iter()
                .filter(|d| d.code().starts_with("CL9"))
                .map(move |d| (r.index, d.name().to_string(), d.message().to_string()))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_path_reports_what_the_whole_pass_reports(clients in prop::collection::vec(client(), 0..25), response in any::<bool>()) {
        let options = Options::new().with_mode(if response { Mode::Response } else { Mode::Request });
        let ndjson: String = clients.iter().map(|c| format!("{c}\n")).collect();
        let mut whole = lint_records(&ndjson, &options, Layout::Ndjson);
        Fleet::new(&options).add_records("f", &ndjson, &mut whole);
        let want = conflicts(&whole);

        // A line at a time, keys read apart (as threads do), in order.
        let mut fleet = Fleet::new(&options);
        let mut streamed = Vec::new();
        for line in NdjsonLines::new(ndjson.as_bytes()) {
            let line = line.unwrap();
            let keys = Keys::of(line.text());
            let report = fleet.add_keys(keys, "f", line.index, line.text(), line.offset, line.line);
            streamed.push(client_lint::Record::new(line.index, report, None));
        }
        prop_assert_eq!(conflicts(&streamed), want.clone());

        // The same records as a JSON array: the same conflicts, but lines.
        let array = format!("[{}]", clients.join(",\n"));
        let mut records = lint_records(&array, &options, Layout::Auto);
        Fleet::new(&options).add_records("f", &array, &mut records);
        let strip = |v: Vec<(usize, String, String)>| -> Vec<(usize, String)> { v.into_iter().map(|(i, n, _)| (i, n)).collect() };
        prop_assert_eq!(strip(conflicts(&records)), strip(want.clone()));

        // Ids only in response mode; each later equal value once per key.
        if !response {
            prop_assert!(want.iter().all(|(_, n, _)| n != "duplicate-id"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// One reading for both: what `lint_keyed` reports and keys is what
    /// `lint_str` reports and `Keys::of` keys (the part the options
    /// compare), for a whole line and through `NdjsonLine::lint_keyed`,
    /// also on texts cut short, with a member given twice or after a byte
    /// order mark.
    #[test]
    fn lint_keyed_is_lint_str_and_keys_of(c in client(), twice in any::<bool>(), bom in any::<bool>(), cut in prop_oneof![Just(0usize), 0usize..80], response in any::<bool>()) {
        let options = Options::new().with_mode(if response { Mode::Response } else { Mode::Request });
        let text = if twice { c.replacen('{', "{\"domain\": \"first.example.com\", \"id\": 99, ", 1) } else { c };
        let text = if bom { format!("\u{FEFF}{text}") } else { text };
        // The last `cut` characters cut off.
        let keep = text.chars().count().saturating_sub(cut);
        let text: String = text.chars().take(keep).collect();
        let text = text.as_str();
        let (report, keys) = lint_keyed(text, &options);
        prop_assert_eq!(&report, &client_lint::lint_str(text, &options));
        prop_assert_eq!(keys, Keys::of(text).compared_by(&options));
        let ndjson = format!("{text}\n");
        // A blank line holds no record.
        if let Some(line) = NdjsonLines::new(ndjson.as_bytes()).next() {
            let line = line.unwrap();
            let (record, line_keys) = line.lint_keyed(&options);
            prop_assert_eq!(record, line.lint(&options));
            prop_assert_eq!(line_keys, keys);
        }
    }
}

#[test]
fn of_a_member_given_twice_the_last_counts() {
    assert_eq!(
        Keys::of(r#"{"domain": "a.example.com", "domain": "b.example.com"}"#),
        Keys::of(r#"{"domain": "b.example.com"}"#)
    );
    assert_eq!(Keys::of(r#"{"id": 1, "id": 2}"#), Keys::of(r#"{"id": 2}"#));
}

#[test]
fn values_compare_in_canonical_form() {
    let k = |t: &str| Keys::of(t);
    assert_eq!(
        k(r#"{"domain": " PBX.Example.COM. "}"#),
        k(r#"{"domain": "pbx.example.com"}"#)
    );
    assert_eq!(
        k(r#"{"domain": "пример.рф"}"#),
        k(r#"{"domain": "xn--e1afmkfd.xn--p1ai"}"#)
    );
    assert_eq!(
        k(r#"{"domain_prefix": " 123"}"#),
        k(r#"{"domain_prefix": "123"}"#)
    );
    // Longer than the 64 bytes lower-cased at a time, upper case across the cut.
    let long = format!("{}.example.com", ["lab"; 30].join("."));
    let shouted = format!("{}.example.com", ["LaB"; 30].join("."));
    assert!(long.len() > 64 * 2);
    assert_eq!(
        k(&format!(r#"{{"domain": "{shouted}"}}"#)),
        k(&format!(r#"{{"domain": "{long}"}}"#))
    );
    assert_eq!(k(r#"{"id": 7e0, "name": "x"}"#), k(r#"{"id": 7}"#));
    assert_ne!(
        k(r#"{"domain": "a.example.com"}"#),
        k(r#"{"domain": "b.example.com"}"#)
    );
    assert!(k(r#"{"id": "7"}"#).is_empty());
    assert!(k(r#"{"domain": 5}"#).is_empty());
    assert!(k("not json").is_empty());
    assert!(!k(r#"{"domain": "\u0061.example.com"}"#).is_empty());
    assert_eq!(
        k(r#"{"domain": "\u0061.example.com"}"#),
        k(r#"{"domain": "a.example.com"}"#)
    );
    // Memory grows with distinct values, not with records.
    let mut fleet = Fleet::new(&Options::default());
    for i in 0..10_000 {
        let _ = fleet.add(
            "f",
            i,
            &format!("{{\"domain\": \"c{}.example.com\"}}", i % 100),
            0,
            i,
        );
    }
    assert_eq!(fleet.len(), 100);
}

/// The command line, on a file large enough to be streamed (NDJSON in
/// batches, the array in parts), on one thread and on two: the records the
/// whole-text pass gives, byte for byte.
#[test]
fn the_command_line_reports_what_the_whole_pass_reports() {
    let dir = tempfile::tempdir().unwrap();
    let clients: Vec<String> = (0..30_000)
        .map(|i| {
            format!(
                "{{\"id\": {}, \"domain\": \"c{}.example.com\", \"domain_prefix\": \"{}\", \"name\": \"client number {i}\"}}",
                i % 29_000 + 1,
                i % 27_000,
                i % 28_000
            )
        })
        .collect();
    let options = Options::new().with_mode(Mode::Response);
    for (name, text) in [
        (
            "fleet.ndjson",
            clients.iter().map(|c| format!("{c}\n")).collect::<String>(),
        ),
        ("fleet.json", format!("[\n{}\n]\n", clients.join(",\n"))),
    ] {
        assert!(text.len() > 1 << 20, "streamed");
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let mut records = lint_records(&text, &options, Layout::Auto);
        let file = path.to_str().unwrap();
        Fleet::new(&options).add_records(file, &text, &mut records);
        let want: String = records
            .iter()
            .flat_map(|r| {
                r.report
                    .diagnostics()
                    .iter()
                    .map(move |d| client_lint::render::json_record(d, file, r.index) + "\n")
            })
            .collect();
        assert_eq!(want.matches("CL90").count(), 3 * 1000 + 2000 + 1000, "{name}");
        for threads in ["1", "2"] {
            let o = Command::new(env!("CARGO_BIN_EXE_client-lint"))
                .args(["--isolated", "--mode", "response", "--format", "jsonl", file])
                .env("RAYON_NUM_THREADS", threads)
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(1));
            assert!(
                String::from_utf8(o.stdout).unwrap() == want,
                "{name} on {threads} thread(s)"
            );
        }
    }
}

/// A duplicate names the file of the record that first had the value, also
/// when the records of several files interleave and a file comes back.
#[test]
fn a_duplicate_names_the_file_of_the_first_record() {
    let mut fleet = Fleet::new(&Options::default());
    let mut add = |file: &str, record: usize, domain: &str| {
        let text = format!(r#"{{"domain": "{domain}"}}"#);
        fleet.add(file, record, &text, 0, record)
    };
    let firsts = [
        ("a.ndjson", 0, "one.example"),
        ("b.ndjson", 0, "two.example"),
        ("a.ndjson", 1, "three.example"),
        ("c.ndjson", 5, "four.example"),
        ("b.ndjson", 2, "five.example"),
    ];
    for (file, record, domain) in firsts {
        assert!(add(file, record, domain).diagnostics().is_empty());
    }
    for (file, record, domain) in firsts {
        let report = add("d.ndjson", 9, domain);
        let message = report.diagnostics()[0].message();
        let at = format!("record {record} ({file}, line {})", record + 1);
        assert!(message.ends_with(&at), "{message}");
    }
}
