//! `client-lint lsp`: a language server over standard input and output, on
//! rust-analyzer's synchronous `lsp-server`. Documents are synced whole; each
//! open and change publishes the document's findings; code actions offer one
//! quick fix per fixable finding (preferred when safe) and
//! `source.fixAll.client-lint`, which applies the safe fixes; hover over a
//! finding shows its rule's explanation. The loop runs over a `Connection`,
//! so tests drive it in memory.

use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error;
use std::path::{Path, PathBuf};

use client_lint::{Diagnostic, Lang, Mode, Options};

use crate::config::Files;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, HoverParams,
    HoverProviderCapability, InitializeParams, PositionEncodingKind, PublishDiagnosticsParams,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};

mod actions;
mod convert;
mod transport;

use client_lint::OffsetUnit;
use convert::{Lines, layout, path_of, to_lsp};

type Result<T> = std::result::Result<T, Box<dyn Error + Send + Sync>>;

/// The code action kind of "apply every safe fix".
pub const FIX_ALL: &str = "source.fixAll.client-lint";

/// What the command line said (`--lang`, `--mode`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    pub lang: Option<Lang>,
    pub mode: Option<Mode>,
}

/// Serve over standard input and output until `exit`.
/// `Ok(true)` when the client asked to shut down before `exit` (exit status
/// 0), `Ok(false)` when it did not (the LSP specification's status 1).
pub fn run_stdio(settings: Settings) -> Result<bool> {
    let (connection, reader, writer) = transport::stdio();
    let clean = serve(connection, settings)?;
    // The reader may be blocked on standard input after an `exit`: it ends
    // with the process.
    drop(reader);
    writer.join().map_err(|_| "the writer thread panicked")??;
    Ok(clean)
}

/// An open document and what was found in it.
struct Doc {
    text: String,
    findings: Vec<Diagnostic>,
}

struct Server {
    connection: Connection,
    settings: Settings,
    /// The editor's locale, when it asked for Russian.
    locale_lang: Option<Lang>,
    /// The position unit agreed with the client: UTF-16 unless it offers UTF-8.
    units: OffsetUnit,
    docs: HashMap<Uri, Doc>,
    /// Options by configuration file (`None`: none found), with the file's
    /// modification time and length when they were read: read again only
    /// when the file changes.
    configs: RefCell<Configs>,
}

/// When a configuration file was last changed, and its length.
type Stamp = (Option<std::time::SystemTime>, u64);

/// Options and the files they apply to, by configuration file, with the
/// file's stamp when read.
type Configs = HashMap<Option<PathBuf>, (Option<Stamp>, (Options, Files))>;

impl Server {
    /// The options for a document: `client-lint.toml` found from its
    /// directory, then the command line, then the editor's locale; and which
    /// files that configuration checks (its `include` and `exclude`).
    fn options(&self, uri: &Uri) -> (Options, Files) {
        let dir = path_of(uri).and_then(|p| p.parent().map(Path::to_path_buf));
        let file = dir.as_deref().and_then(crate::config::discover);
        let stamp = file
            .as_deref()
            .and_then(|f| std::fs::metadata(f).ok())
            .map(|m| (m.modified().ok(), m.len()));
        if let Some((seen, options)) = self.configs.borrow().get(&file)
            && *seen == stamp
        {
            return options.clone();
        }
        let options = match self.read_options(dir.as_deref()) {
            Ok(built) => (built.options, built.files),
            Err(e) => {
                // Shown once per change of the file; the command line's
                // settings still apply.
                let params = lsp_types::ShowMessageParams {
                    typ: lsp_types::MessageType::ERROR,
                    message: format!("client-lint: {e}; using the language server's own settings"),
                };
                let _ = self.notify::<lsp_types::notification::ShowMessage>(params);
                let mut o = Options::new().with_mode(self.settings.mode.unwrap_or_default());
                o = o.with_lang(
                    self.settings
                        .lang
                        .or(self.locale_lang)
                        .unwrap_or_else(crate::config::env_lang),
                );
                (o, Files::default())
            }
        };
        self.configs.borrow_mut().insert(file, (stamp, options.clone()));
        options
    }

    /// The options from the configuration found from `dir`, under the
    /// command line's `--mode` and `--lang` (or the editor's locale).
    fn read_options(&self, dir: Option<&Path>) -> std::result::Result<crate::config::Built, String> {
        let mut args = vec!["client-lint".to_string()];
        if let Some(m) = self.settings.mode {
            args.extend(["--mode".into(), m.as_str().into()]);
        }
        let lang = self.settings.lang.or(self.locale_lang);
        if let Some(l) = lang {
            args.extend(["--lang".into(), l.as_str().into()]);
        }
        let cli = <crate::args::Cli as clap::Parser>::try_parse_from(&args).map_err(|e| e.to_string())?;
        crate::config::options_in(&cli.check, dir)
    }

    fn publish(&mut self, uri: &Uri) -> Result<()> {
        let (options, files) = self.options(uri);
        let Some(doc) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        // A file the configuration does not include (`package.json`, say)
        // gets no findings: the editor attaches the server to every JSON file.
        let in_scope = path_of(uri).is_none_or(|p| files.accepts(&p));
        doc.findings = if in_scope {
            let mut records = client_lint::lint_records(&doc.text, &options, layout(uri));
            // Records of the document against each other (arrays, NDJSON).
            let name = path_of(uri).map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string());
            client_lint::fleet::Fleet::new(&options).add_records(&name, &doc.text, &mut records);
            records
                .into_iter()
                .flat_map(|r| r.report.into_diagnostics())
                .collect()
        } else {
            Vec::new()
        };
        let diagnostics = to_lsp(&doc.findings, &Lines::new(&doc.text, self.units));
        let params = PublishDiagnosticsParams::new(uri.clone(), diagnostics, None);
        self.notify::<lsp_types::notification::PublishDiagnostics>(params)
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) -> Result<()> {
        let n = Notification::new(N::METHOD.to_string(), params);
        self.connection.sender.send(Message::Notification(n))?;
        Ok(())
    }

    fn reply(&self, r: Response) -> Result<()> {
        self.connection.sender.send(Message::Response(r))?;
        Ok(())
    }
    fn on_request(&mut self, req: Request) -> Result<()> {
        use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
        let id = req.id.clone();
        let result = match req.method.as_str() {
            CodeActionRequest::METHOD => serde_json::from_value::<CodeActionParams>(req.params)
                .map(|p| serde_json::to_value(self.code_actions(&p))),
            HoverRequest::METHOD => serde_json::from_value::<HoverParams>(req.params)
                .map(|p| serde_json::to_value(self.hover(&p))),
            _ => {
                return self.reply(Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("unknown request {}", req.method),
                ));
            }
        };
        match result {
            Ok(Ok(value)) => self.reply(Response::new_ok(id, value)),
            Ok(Err(e)) | Err(e) => self.reply(Response::new_err(
                id,
                ErrorCode::InvalidParams as i32,
                e.to_string(),
            )),
        }
    }

    fn on_notification(&mut self, n: Notification) -> Result<()> {
        use lsp_types::notification::{
            DidChangeConfiguration, DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument,
            Notification as _,
        };
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    self.docs.insert(
                        uri.clone(),
                        Doc {
                            text: p.text_document.text,
                            findings: Vec::new(),
                        },
                    );
                    self.publish(&uri)?;
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params)
                    && let Some(change) = p.content_changes.into_iter().last()
                {
                    let uri = p.text_document.uri;
                    if let Some(doc) = self.docs.get_mut(&uri) {
                        // Full sync: each change is the whole text.
                        doc.text = change.text;
                    }
                    self.publish(&uri)?;
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    self.docs.remove(&p.text_document.uri);
                    let params = PublishDiagnosticsParams::new(p.text_document.uri, Vec::new(), None);
                    self.notify::<lsp_types::notification::PublishDiagnostics>(params)?;
                }
            }
            // Settings or configuration files changed: lint every open document again.
            DidChangeConfiguration::METHOD => {
                let uris: Vec<Uri> = self.docs.keys().cloned().collect();
                for uri in uris {
                    self.publish(&uri)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// Run the server loop over `connection` until the client says `exit`:
/// `Ok(true)` after a `shutdown` request, `Ok(false)` otherwise.
pub fn serve(connection: Connection, settings: Settings) -> Result<bool> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let utf8 = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
    let locale_lang = params.locale.as_deref().map(Lang::from_locale);
    let capabilities = ServerCapabilities {
        position_encoding: Some(if utf8 {
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL)]),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..Default::default()
    };
    connection.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "client-lint", "version": env!("CARGO_PKG_VERSION")},
        }),
    )?;
    let mut server = Server {
        connection,
        settings,
        locale_lang,
        units: if utf8 { OffsetUnit::Utf8 } else { OffsetUnit::Utf16 },
        docs: HashMap::new(),
        configs: RefCell::new(HashMap::new()),
    };
    while let Ok(msg) = server.connection.receiver.recv() {
        match msg {
            Message::Request(req) => {
                if server.connection.handle_shutdown(&req)? {
                    return Ok(true);
                }
                server.on_request(req)?;
            }
            // `exit` without `shutdown`.
            Message::Notification(n) if n.method == "exit" => return Ok(false),
            Message::Notification(n) => server.on_notification(n)?,
            Message::Response(_) => {}
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_server::RequestId;
    use lsp_types::Position;
    use serde_json::{Value, json};

    /// A server on an in-memory connection and the client's end.
    struct Session {
        client: Connection,
        thread: Option<std::thread::JoinHandle<bool>>,
        next_id: i32,
    }

    impl Session {
        fn start(init: Value) -> (Self, Value) {
            Self::start_with(Settings::default(), init)
        }

        fn start_with(settings: Settings, init: Value) -> (Self, Value) {
            let (server, client) = Connection::memory();
            let thread = std::thread::spawn(move || serve(server, settings).unwrap());
            let mut s = Session {
                client,
                thread: Some(thread),
                next_id: 0,
            };
            let caps = s.request("initialize", init);
            s.notify("initialized", json!({}));
            (s, caps)
        }

        fn request(&mut self, method: &str, params: Value) -> Value {
            self.next_id += 1;
            let id = RequestId::from(self.next_id);
            let req = Request::new(id.clone(), method.to_string(), params);
            self.client.sender.send(Message::Request(req)).unwrap();
            loop {
                match self.client.receiver.recv().unwrap() {
                    Message::Response(r) if r.id == id => {
                        return match r.error {
                            Some(e) => json!({"error": e.code}),
                            None => r.result.unwrap_or(Value::Null),
                        };
                    }
                    _ => {}
                }
            }
        }

        fn notify(&self, method: &str, params: Value) {
            let n = Notification::new(method.to_string(), params);
            self.client.sender.send(Message::Notification(n)).unwrap();
        }

        /// The next diagnostics published.
        /// The next notification named `method`.
        fn next(&self, method: &str) -> Value {
            loop {
                // Bounded, so that a missing notification fails the test.
                let m = self
                    .client
                    .receiver
                    .recv_timeout(std::time::Duration::from_secs(30));
                if let Message::Notification(n) = m.expect("a notification")
                    && n.method == method
                {
                    return n.params;
                }
            }
        }

        fn diagnostics(&self) -> Vec<Value> {
            loop {
                if let Message::Notification(n) = self.client.receiver.recv().unwrap()
                    && n.method == "textDocument/publishDiagnostics"
                {
                    return n.params["diagnostics"].as_array().unwrap().clone();
                }
            }
        }

        fn stop(mut self) {
            assert_eq!(self.request("shutdown", Value::Null), Value::Null);
            self.notify("exit", Value::Null);
            assert!(
                self.thread.take().unwrap().join().unwrap(),
                "shutdown, then exit: clean"
            );
        }

        /// `exit` without `shutdown`: not clean (exit status 1).
        fn exit_abruptly(mut self) {
            self.notify("exit", Value::Null);
            assert!(!self.thread.take().unwrap().join().unwrap());
        }
    }

    /// A broken `client-lint.toml` is shown to the editor once, the server's
    /// own `--mode` and `--lang` still apply, and the file is read again
    /// only when it changes (issue 21).
    #[test]
    fn a_broken_configuration_is_shown_and_the_command_line_kept() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("client-lint.toml");
        std::fs::write(&config, "mode = [respons\n").unwrap();
        let uri = format!("file://{}/client.json", dir.path().display());
        let settings = Settings {
            lang: Some(Lang::Ru),
            mode: Some(Mode::Response),
        };
        let (s, _) = Session::start_with(settings, json!({"capabilities": {}}));
        let open = |version: i32| {
            s.notify(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": uri, "languageId": "json", "version": version,
                        "text": "{\"id\": 5, \"type\": \"j\"}"}}),
            );
        };
        open(1);
        let shown = s.next("window/showMessage");
        assert_eq!(shown["type"], 1);
        assert!(
            shown["message"].as_str().unwrap().contains("client-lint.toml"),
            "{shown}"
        );
        // Response mode (no read-only-field for `id`), Russian messages.
        let d = s.diagnostics();
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0]["message"].as_str().unwrap().contains("заглавн"), "{d:?}");
        // Unchanged: not read (nor shown) again; changed: read again.
        open(2);
        let d = s.diagnostics();
        assert_eq!(d.len(), 1);
        std::fs::write(&config, "[rules]\nclient-type-wrong-case = \"off\"\n").unwrap();
        open(3);
        assert!(s.diagnostics().is_empty());
        s.stop();
    }

    #[test]
    fn exit_without_shutdown_is_not_clean() {
        let (s, _) = Session::start(json!({"capabilities": {}}));
        s.exit_abruptly();
    }

    const URI: &str = "file:///tmp/client-lint-lsp-test/client.json";

    fn open(s: &Session, text: &str) -> Vec<Value> {
        s.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "json", "version": 1, "text": text}}),
        );
        s.diagnostics()
    }

    /// Apply LSP text edits (UTF-16 positions) to `text`.
    fn apply(text: &str, edits: &[Value]) -> String {
        let lines = Lines::new(text, OffsetUnit::Utf16);
        let mut spans: Vec<(usize, usize, String)> = edits
            .iter()
            .map(|e| {
                let pos = |p: &Value| {
                    Position::new(
                        u32::try_from(p["line"].as_u64().unwrap()).unwrap(),
                        u32::try_from(p["character"].as_u64().unwrap()).unwrap(),
                    )
                };
                (
                    lines.offset(pos(&e["range"]["start"])),
                    lines.offset(pos(&e["range"]["end"])),
                    e["newText"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        spans.sort_by_key(|s| std::cmp::Reverse(s.0));
        let mut out = text.to_string();
        for (a, b, t) in spans {
            out.replace_range(a..b, &t);
        }
        out
    }

    #[test]
    fn diagnostics_fixes_hover_and_change() {
        let (mut s, caps) = Session::start(json!({"capabilities": {}}));
        assert_eq!(caps["capabilities"]["positionEncoding"], "utf-16");
        let text = "{\n  \"name\": \"😀 Acme\", \"type\": \"j\",\n  \"timezone\": \"Europe/Moskow\"\n}\n";
        let diags = open(&s, text);
        let codes: Vec<&str> = diags.iter().map(|d| d["code"].as_str().unwrap()).collect();
        assert_eq!(codes, ["CL201", "CL401"]);
        // UTF-16: the emoji counts two units before `"type"`'s value.
        let ty = &diags[0];
        assert_eq!(ty["range"]["start"], json!({"line": 1, "character": 29}));
        assert_eq!(ty["source"], "client-lint");
        assert_eq!(ty["severity"], 1);
        assert!(ty["message"].as_str().unwrap().ends_with("\nwrite `J`"));

        // fixAll: every safe fix, in one edit of the whole document.
        let all = s.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": ty["range"], "context": {"diagnostics": [], "only": ["source.fixAll.client-lint"]}}),
        );
        assert_eq!(all[0]["kind"], FIX_ALL);
        let everything = apply(text, all[0]["edit"]["changes"][URI].as_array().unwrap());
        assert!(
            everything.contains("\"type\": \"J\"") && everything.contains("Europe/Moskow"),
            "{everything}"
        );

        // A quick fix for the finding under the cursor, preferred (safe).
        let actions = s.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": ty["range"], "context": {"diagnostics": [ty]}}),
        );
        let quick: Vec<&Value> = actions
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["kind"] == "quickfix")
            .collect();
        assert_eq!(quick.len(), 1, "{actions}");
        assert_eq!(quick[0]["isPreferred"], true);
        let edits = quick[0]["edit"]["changes"][URI].as_array().unwrap();
        let fixed = apply(text, edits);
        assert!(fixed.contains("\"type\": \"J\""), "{fixed}");
        // The time zone's fix is unsafe: offered, not preferred, and labelled.
        let tz = s.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": diags[1]["range"], "context": {"diagnostics": [], "only": ["quickfix"]}}),
        );
        assert_eq!(tz[0]["isPreferred"], false);
        assert!(tz[0]["title"].as_str().unwrap().contains("unsafe"));

        // Applying the edit is a change: the server lints again.
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": fixed}]}),
        );
        let diags = s.diagnostics();
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0]["code"], "CL401");

        // Hover over the finding: its rule's explanation.
        let hover = s.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": diags[0]["range"]["start"]}),
        );
        let md = hover["contents"]["value"].as_str().unwrap();
        assert!(md.starts_with("**CL401 unknown-timezone**"), "{md}");

        // fixAll applies the safe fixes only.
        let all = s.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
        );
        assert_eq!(all.as_array().unwrap().len(), 0, "nothing safe left: {all}");

        // A malformed request is an error response, not a crash.
        let bad = s.request("textDocument/codeAction", json!({"nonsense": true}));
        assert_eq!(bad["error"], ErrorCode::InvalidParams as i32);
        let unknown = s.request("client-lint/nothing", json!({}));
        assert_eq!(unknown["error"], ErrorCode::MethodNotFound as i32);
        s.stop();
    }

    #[test]
    fn utf8_when_offered_and_russian_by_locale() {
        let (s, caps) = Session::start(json!({
            "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}},
            "locale": "ru-RU",
        }));
        assert_eq!(caps["capabilities"]["positionEncoding"], "utf-8");
        let text = "{\"name\": \"😀\", \"type\": \"f\",\r\"geo_list\": \"ru by\"}";
        let diags = open(&s, text);
        // UTF-8: the emoji counts four bytes; a lone CR breaks the line.
        assert_eq!(diags[0]["range"]["start"], json!({"line": 0, "character": 25}));
        assert_eq!(diags[1]["range"]["start"], json!({"line": 1, "character": 12}));
        assert!(
            diags[0]["message"].as_str().unwrap().starts_with("тип клиента"),
            "{}",
            diags[0]["message"]
        );
        s.stop();
    }
}
