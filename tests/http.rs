//! The HTTP service of `examples/server.rs`, tested for real: it listens on
//! `127.0.0.1:0` and a real HTTP client (reqwest) sends it the bundled
//! examples, broken JSON, a Russian request, an oversized body, a wrong
//! content type, and 1,000 concurrent requests. It stops with the test.

#[path = "../examples/server.rs"]
#[allow(dead_code)]
mod server;

use client_lint::{Lang, Options};
use serde_json::Value;

const MAX_BODY: usize = 64 << 10;

/// Start the service on a free port; its base URL.
async fn start() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, server::app(MAX_BODY)).await });
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

    // In Russian.
    let (status, _, body) = post(
        &client,
        &url,
        mistakes.clone(),
        &[JSON, ("accept-language", "ru-RU, en;q=0.5")],
    )
    .await;
    assert_eq!(status, 422);
    let ru = client_lint::lint_str(&mistakes, &Options::new().lang(Lang::Ru));
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
