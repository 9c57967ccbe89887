//! The HTTP service of `examples/server.rs`, tested for real: it listens on
//! `127.0.0.1:0` and a real HTTP client (reqwest) sends it the bundled
//! examples, broken JSON, a Russian request, an oversized body, a wrong
//! content type, and 1,000 concurrent requests; then slow and hostile clients
//! over raw TCP (half-sent headers and bodies, idle connections, lying
//! lengths, more connections than the limit). It stops with the test.

#[path = "../examples/server.rs"]
#[allow(dead_code)]
mod server;

use client_lint::{Lang, Options};
use serde_json::Value;

const MAX_BODY: usize = 64 << 10;

/// Start the service on a free port; its base URL.
async fn start() -> String {
    // 1,000 clients at once below, each on its own connection: above the
    // default limit, which has its own test at the end.
    start_with(server::Config {
        max_body: MAX_BODY,
        max_connections: 1024,
        ..Default::default()
    })
    .await
}

/// Start the service with `config`; its base URL.
async fn start_with(config: server::Config) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(server::serve(listener, config));
    format!("http://{addr}/client/")
}

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// POST `body`; status, content type and body.
async fn post(
    client: &reqwest::Client,
    url: &str,
    body: impl Into<reqwest::Body>,
    headers: &[(&str, &str)],
) -> (u16, String, Value) {
    let mut req = client.post(url).body(body);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let text = resp.text().await.unwrap();
    (status, ct, serde_json::from_str(&text).unwrap_or(Value::Null))
}

const JSON: (&str, &str) = ("content-type", "application/json");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_answers_as_documented() {
    let url = start().await;
    let client = reqwest::Client::new();

    // The valid example: 201 and the normalised client.
    let (status, ct, body) = post(&client, &url, example("client.json"), &[JSON]).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(ct, "application/json");
    let expected = client_lint::parse(&example("client.json"), &Options::default()).unwrap();
    assert_eq!(body["client"], serde_json::to_value(&expected.client).unwrap());
    assert_eq!(
        body["warnings"],
        serde_json::to_value(expected.warnings.diagnostics()).unwrap()
    );

    // The example with mistakes: 422, a problem whose errors are the
    // library's diagnostic records exactly.
    let mistakes = example("client-with-mistakes.json");
    let (status, ct, body) = post(&client, &url, mistakes.clone(), &[JSON]).await;
    assert_eq!((status, ct.as_str()), (422, "application/problem+json"));
    assert_eq!(body["status"], 422);
    assert_eq!(body["title"], "the client document has errors");
    let report = client_lint::lint_str(&mistakes, &Options::default());
    assert_eq!(
        body["errors"],
        serde_json::to_value(report.diagnostics()).unwrap()
    );

    // One record everywhere: the same records as tests/data/record-shape.json.
    let shape: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/record-shape.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let (status, _, body) = post(
        &client,
        &url,
        shape["document"].as_str().unwrap().to_string(),
        &[JSON],
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"], shape["records"]);

    // In Russian.
    let (status, _, body) = post(
        &client,
        &url,
        mistakes.clone(),
        &[JSON, ("accept-language", "ru-RU, en;q=0.5")],
    )
    .await;
    assert_eq!(status, 422);
    let ru = client_lint::lint_str(&mistakes, &Options::new().with_lang(Lang::Ru));
    assert_eq!(body["errors"], serde_json::to_value(ru.diagnostics()).unwrap());
    assert_eq!(body["title"], "в описании клиента есть ошибки");

    // Every spelling of a number (issue 20): 201 with the integer and a
    // warning, or 422 with its error, never 422 with an empty `errors`.
    for (n, status_want, value) in [
        ("90.0", 201, Some(90)),
        ("9e1", 201, Some(90)),
        ("-0", 201, Some(0)),
        ("1.5e2", 422, None),
        ("90.5", 422, None),
    ] {
        let doc = format!(
            r#"{{"disk_space_notify_threshold": {n}, "disk_space_notify_email": "ops@example.com"}}"#
        );
        let (status, _, body) = post(&client, &url, doc, &[JSON]).await;
        assert_eq!(status, status_want, "{n}: {body}");
        match value {
            Some(v) => assert_eq!(body["client"]["disk_space_notify_threshold"], v, "{n}"),
            None => assert!(!body["errors"].as_array().unwrap().is_empty(), "{n}: {body}"),
        }
    }

    // Accept-Language by q-values (issue 21).
    for (accept, russian) in [
        ("en;q=0.1, ru;q=0.9", true),
        ("ru;q=0.2, en", false),
        ("ru;q=0, en;q=0.1", false),
        ("de, ru-RU;q=0.5", true),
        ("*", false),
    ] {
        let (status, _, body) = post(
            &client,
            &url,
            r#"{"type": "j"}"#,
            &[JSON, ("accept-language", accept)],
        )
        .await;
        assert_eq!(status, 422);
        let message = body["errors"][0]["message"].as_str().unwrap();
        assert_eq!(message.contains("заглав"), russian, "{accept}: {message}");
    }

    // Broken JSON: 422 with the syntax error, and the fields after it.
    let (status, _, body) = post(&client, &url, r#"{"type": "j",, "timezone": "utc"}"#, &[JSON]).await;
    assert_eq!(status, 422);
    let names: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["client-type-wrong-case", "syntax-error", "timezone-wrong-case"]
    );

    // Not UTF-8 (Latin-1): 422 with the encoding finding.
    let (status, _, body) = post(&client, &url, b"{\"name\": \"Caf\xe9\"}".to_vec(), &[JSON]).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["name"], "invalid-encoding");

    // Oversized: 413. Not JSON: 415.
    let big = format!("{{\"name\": \"{}\"}}", "a".repeat(MAX_BODY));
    let (status, ct, _) = post(&client, &url, big, &[JSON]).await;
    assert_eq!((status, ct.as_str()), (413, "application/problem+json"));
    let (status, _, body) = post(&client, &url, "{}", &[("content-type", "text/plain")]).await;
    assert_eq!(status, 415, "{body}");
    let (status, _, _) = post(
        &client,
        &url,
        "{}",
        &[("content-type", "application/merge-patch+json")],
    )
    .await;
    assert_eq!(status, 201);

    // 1,000 concurrent requests, valid and not: each gets its own answer.
    let mut tasks = Vec::new();
    for i in 0..1000 {
        let (client, url) = (client.clone(), url.clone());
        tasks.push(tokio::spawn(async move {
            let body = if i % 2 == 0 {
                format!("{{\"hold_music\": {}}}", i + 1)
            } else {
                format!("{{\"hold_music\": -{i}}}")
            };
            let (status, _, body) = post(&client, &url, body, &[JSON]).await;
            (i, status, body)
        }));
    }
    for t in tasks {
        let (i, status, body) = t.await.unwrap();
        if i % 2 == 0 {
            assert_eq!(status, 201);
            assert_eq!(body["client"]["hold_music"], i + 1);
        } else {
            assert_eq!(status, 422);
            assert_eq!(body["errors"][0]["name"], "id-out-of-range");
        }
    }
}

// Slow and hostile clients (issue 21): raw TCP over loopback, every wait
// bounded, so a regression fails instead of hanging.

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const BOUND: Duration = Duration::from_secs(10);

fn short(config: &server::Config) -> server::Config {
    server::Config {
        max_body: MAX_BODY,
        ..*config
    }
}

/// Connect to the service behind `url` and send `bytes`.
async fn raw(url: &str, bytes: &[u8]) -> TcpStream {
    let addr = url.trim_start_matches("http://").trim_end_matches("/client/");
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(bytes).await.unwrap();
    stream
}

/// Everything the service sends until it closes the connection; panics if it
/// is still open after `BOUND`.
async fn until_closed(stream: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let read = tokio::time::timeout(BOUND, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the connection is still open after {BOUND:?}");
    String::from_utf8_lossy(&out).into_owned()
}

fn status_of(response: &str) -> &str {
    response.split(' ').nth(1).unwrap_or("")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_sent_headers_are_cut_off_by_the_header_timeout() {
    let url = start_with(short(&server::Config {
        header_timeout: Duration::from_millis(300),
        ..Default::default()
    }))
    .await;
    let mut stream = raw(&url, b"POST /client/ HTTP/1.1\r\nhost: a\r\ncontent-type: appl").await;
    let answer = until_closed(&mut stream).await;
    assert!(answer.is_empty() || status_of(&answer) == "408", "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_half_sent_body_gets_408_after_the_body_timeout() {
    let url = start_with(short(&server::Config {
        body_timeout: Duration::from_millis(300),
        ..Default::default()
    }))
    .await;
    let head = "POST /client/ HTTP/1.1\r\nhost: a\r\ncontent-type: application/json\r\n\
                content-length: 100\r\n\r\n{\"name\"";
    let mut stream = raw(&url, head.as_bytes()).await;
    let answer = until_closed(&mut stream).await;
    assert_eq!(status_of(&answer), "408", "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn headers_are_judged_before_the_body_is_read() {
    // The default body timeout (30 s) is far beyond BOUND: an answer within
    // BOUND proves the service did not wait for the body.
    let url = start().await;
    // A declared length over the limit: 413 from the header, with 7 bytes sent.
    let head = "POST /client/ HTTP/1.1\r\nhost: a\r\ncontent-type: application/json\r\n\
                content-length: 99999999999\r\n\r\n{\"a\":1}";
    let mut stream = raw(&url, head.as_bytes()).await;
    let answer = until_closed(&mut stream).await;
    assert_eq!(status_of(&answer), "413", "{answer}");
    // Not JSON: 415 before a byte of the body.
    let head = "POST /client/ HTTP/1.1\r\nhost: a\r\ncontent-type: text/plain\r\n\
                content-length: 100\r\n\r\n";
    let mut stream = raw(&url, head.as_bytes()).await;
    let answer = until_closed(&mut stream).await;
    assert_eq!(status_of(&answer), "415", "{answer}");
    // A chunked body that grows over the limit: 413.
    let mut stream = raw(
        &url,
        b"POST /client/ HTTP/1.1\r\nhost: a\r\ncontent-type: application/json\r\n\
          transfer-encoding: chunked\r\nconnection: close\r\n\r\n",
    )
    .await;
    let chunk = "a".repeat(MAX_BODY + 1);
    let _ = stream
        .write_all(format!("{:x}\r\n{chunk}\r\n0\r\n\r\n", chunk.len()).as_bytes())
        .await;
    let answer = until_closed(&mut stream).await;
    assert_eq!(status_of(&answer), "413", "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_keep_alive_connection_is_closed() {
    let url = start_with(short(&server::Config {
        idle_timeout: Duration::from_millis(300),
        ..Default::default()
    }))
    .await;
    let request = "POST /client/ HTTP/1.1\r\nhost: a\r\ncontent-type: application/json\r\n\
                   content-length: 2\r\n\r\n{}";
    let mut stream = raw(&url, request.as_bytes()).await;
    // The answer comes, then nothing: the connection stays open for another
    // request until the idle timeout closes it (the header timeout is 10 s).
    let answer = until_closed(&mut stream).await;
    assert_eq!(status_of(&answer), "201", "{answer}");
    // Never a byte: closed as well.
    let mut stream = raw(&url, b"").await;
    assert_eq!(until_closed(&mut stream).await, "");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_connections_at_the_limit_do_not_starve_a_request() {
    let url = start_with(short(&server::Config {
        idle_timeout: Duration::from_millis(500),
        max_connections: 3,
        ..Default::default()
    }))
    .await;
    let mut idle = Vec::new();
    for _ in 0..10 {
        idle.push(raw(&url, b"").await);
    }
    let client = reqwest::Client::new();
    let answer = tokio::time::timeout(BOUND, post(&client, &url, "{}", &[JSON])).await;
    let (status, _, body) = answer.expect("a request behind idle connections is served");
    assert_eq!(status, 201, "{body}");
    for mut stream in idle {
        assert_eq!(until_closed(&mut stream).await, "");
    }
}

#[test]
fn settings_that_are_not_positive_numbers_refuse_to_start() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    };
    assert_eq!(server::Config::from_env(env(&[])), Ok(server::Config::default()));
    let config = server::Config::from_env(env(&[
        ("CLIENT_LINT_MAX_BODY", " 2048 "),
        ("CLIENT_LINT_IDLE_TIMEOUT", "5"),
        ("CLIENT_LINT_MAX_CONNECTIONS", "64"),
    ]))
    .unwrap();
    assert_eq!(config.max_body, 2048);
    assert_eq!(config.idle_timeout, Duration::from_secs(5));
    assert_eq!(config.max_connections, 64);
    for (name, value) in [
        ("CLIENT_LINT_MAX_BODY", "1MB"),
        ("CLIENT_LINT_MAX_BODY", "-1"),
        ("CLIENT_LINT_HEADER_TIMEOUT", "0"),
        ("CLIENT_LINT_BODY_TIMEOUT", "1.5"),
        ("CLIENT_LINT_IDLE_TIMEOUT", ""),
        ("CLIENT_LINT_MAX_CONNECTIONS", "many"),
    ] {
        let pairs: &'static [(&'static str, &'static str)] =
            Box::leak(vec![(name, value)].into_boxed_slice());
        let err = server::Config::from_env(env(pairs)).unwrap_err();
        assert!(err.contains(name) && err.contains(value), "{err}");
    }
}
