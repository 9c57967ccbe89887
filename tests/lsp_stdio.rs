//! `client-lint lsp` over real standard input and output, with real
//! framing, fed what broken clients send (issue 21): a malformed body, bytes
//! that are not UTF-8, a lone surrogate escape in a document, a
//! `Content-Length` off by a few bytes, one far too large; and `exit`
//! without `shutdown`. The server keeps answering, or ends cleanly.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

struct Server {
    child: Child,
    out: BufReader<ChildStdout>,
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut m = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    m.extend_from_slice(body);
    m
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_client-lint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = BufReader::new(child.stdout.take().unwrap());
        // A watchdog, so that a server that stops answering fails the test
        // instead of hanging it.
        let pid = child.id().to_string();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(60));
            let _ = Command::new("kill").arg(&pid).status();
        });
        let mut s = Server { child, out };
        s.send(&json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}));
        assert!(s.until(|m| m["id"] == 0)["result"]["capabilities"].is_object());
        s.send(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        s
    }

    fn raw(&mut self, bytes: &[u8]) {
        let stdin = self.child.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, v: &Value) {
        self.raw(&frame(v.to_string().as_bytes()));
    }

    fn read(&mut self) -> Option<Value> {
        let mut length = None;
        loop {
            let mut line = String::new();
            if self.out.read_line(&mut line).ok()? == 0 {
                return None;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length?];
        self.out.read_exact(&mut body).ok()?;
        serde_json::from_slice(&body).ok()
    }

    /// Messages until one `want` accepts (panics at the end of the output).
    fn until(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        loop {
            let m = self.read().expect("the server ended");
            if want(&m) {
                return m;
            }
        }
    }

    /// Still alive: answers a request.
    fn answers(&mut self, id: i64) {
        self.send(
            &json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": "file:///nowhere.json"}, "position": {"line": 0, "character": 0}}}),
        );
        self.until(|m| m["id"] == id);
    }

    /// `shutdown`, then `exit`: the status the server ends with.
    fn shut_down(mut self) -> i32 {
        self.send(&json!({"jsonrpc": "2.0", "id": 999, "method": "shutdown"}));
        self.until(|m| m["id"] == 999);
        self.send(&json!({"jsonrpc": "2.0", "method": "exit"}));
        self.exit_status()
    }

    fn exit_status(mut self) -> i32 {
        drop(self.child.stdin.take());
        self.child.wait().unwrap().code().unwrap_or(-1)
    }
}

#[test]
fn bad_messages_are_skipped_and_the_session_goes_on() {
    let mut s = Server::start();
    // A body that is no JSON: logged, skipped.
    s.raw(&frame(b"{this is not json"));
    let log = s.until(|m| m["method"] == "window/logMessage");
    assert!(
        log["params"]["message"]
            .as_str()
            .unwrap()
            .contains("not JSON-RPC")
    );
    s.answers(1);
    // Bytes that are not UTF-8 in a document: decoded lossily and linted.
    let template = br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/a.json","languageId":"json","version":1,"text":"{\"name\": \"@\", \"type\": \"x\"}"}}}"#;
    let mut open: Vec<u8> = template
        .iter()
        .map(|&b| if b == b'@' { 0xFF } else { b })
        .collect();
    s.raw(&frame(&open));
    let d = s.until(|m| m["method"] == "textDocument/publishDiagnostics");
    assert!(
        d["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "CL202")
    );
    // A lone surrogate escape, as JSON.stringify writes one.
    open = br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/b.json","languageId":"json","version":1,"text":"{\"name\": \"\ud800\", \"type\": \"x\"}"}}}"#.to_vec();
    s.raw(&frame(&open));
    let d = s.until(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == "file:///tmp/b.json"
    });
    assert!(
        d["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "CL202")
    );
    // A Content-Length three bytes short: that message is lost, the next read.
    let body = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
    let mut short = format!("Content-Length: {}\r\n\r\n", body.len() - 3).into_bytes();
    short.extend_from_slice(body);
    short.extend_from_slice(b"\r\n");
    s.raw(&short);
    s.answers(2);
    // Shut down properly: exit status 0.
    s.send(&json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}));
    s.until(|m| m["id"] == 3);
    s.send(&json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.exit_status(), 0);
}

#[test]
fn a_huge_length_ends_the_session_cleanly_without_allocating_it() {
    for length in ["99999999999999", "8000000000"] {
        let mut s = Server::start();
        s.raw(format!("Content-Length: {length}\r\n\r\n{{}}").as_bytes());
        let log = s.until(|m| m["method"] == "window/logMessage");
        assert!(
            log["params"]["message"]
                .as_str()
                .unwrap()
                .contains("over the limit"),
            "{log}"
        );
        // Ended by itself (no abort: an abort is no exit code).
        let code = s.exit_status();
        assert_eq!(code, 1, "{length}");
    }
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let mut s = Server::start();
    s.send(&json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.exit_status(), 1);
}

impl Server {
    /// Open `path` with `text`; the diagnostics published for it.
    fn open(&mut self, path: &std::path::Path, text: &str) -> Vec<Value> {
        let uri = format!("file://{}", path.display());
        self.send(
            &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}}),
        );
        let d = self.until(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri);
        d["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

/// The editor attaches the server to every JSON file: only those the
/// configuration's `include` and `exclude` select get findings (issue 21).
#[test]
fn files_outside_include_or_in_exclude_get_no_findings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("client-lint.toml"),
        "include = [\"clients/**/*.json\", \"*.ndjson\"]\nexclude = [\"clients/drafts/\"]\n",
    )
    .unwrap();
    let mut s = Server::start();
    let bad = r#"{"type": "x", "devDependencies": {}}"#;
    assert!(!s.open(&root.join("clients/acme.json"), bad).is_empty());
    assert!(!s.open(&root.join("clients/eu/acme.json"), bad).is_empty());
    assert!(!s.open(&root.join("export.ndjson"), bad).is_empty());
    assert!(s.open(&root.join("package.json"), bad).is_empty());
    assert!(s.open(&root.join("clients/drafts/new.json"), bad).is_empty());
    // Without a configuration: every JSON file, as before.
    let plain = tempfile::tempdir().unwrap();
    assert!(!s.open(&plain.path().join("package.json"), bad).is_empty());
    assert_eq!(s.shut_down(), 0);
}

/// Records of an open document are checked against each other (issue 23).
#[test]
fn duplicates_inside_an_open_document_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Server::start();
    let found = s.open(
        &dir.path().join("fleet.ndjson"),
        "{\"domain\": \"pbx.example.com\"}\n{\"domain\": \"PBX.example.com\"}\n",
    );
    let dup: Vec<&Value> = found.iter().filter(|d| d["code"] == "CL902").collect();
    assert_eq!(dup.len(), 1, "{found:?}");
    assert_eq!(dup[0]["range"]["start"]["line"], 1);
    assert!(
        dup[0]["message"].as_str().unwrap().contains("record 0"),
        "{dup:?}"
    );
    let found = s.open(&dir.path().join("one.json"), "{\"domain\": \"pbx.example.com\"}");
    assert!(found.iter().all(|d| d["code"] != "CL902"), "{found:?}");
    assert_eq!(s.shut_down(), 0);
}
