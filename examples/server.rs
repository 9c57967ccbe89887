//! An HTTP service that a server team can copy: `POST /client/` lints the
//! body and answers `201 Created` with the normalised client (and the
//! warnings), or `422` with an RFC 9457 problem whose `errors` member is the
//! array of diagnostics exactly as the library serialises them.
//!
//! ```sh
//! cargo run --release --example server   # CLIENT_LINT_ADDR, CLIENT_LINT_MAX_BODY
//! ```
//!
//! - `Accept-Language` selects Russian messages when it prefers `ru` (q-values honoured);
//! - bodies over `CLIENT_LINT_MAX_BODY` bytes (default 1 MiB) get `413`; a value that is no
//!   number refuses to start;
//! - a content type other than JSON gets `415`.

use axum::Router;
use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use client_lint::{Lang, Options};

/// Bodies larger than this get `413` unless `CLIENT_LINT_MAX_BODY` says otherwise.
pub const DEFAULT_MAX_BODY: usize = 1 << 20;

/// The service: `POST /client/`.
pub fn app(max_body: usize) -> Router {
    Router::new()
        .route("/client/", post(create))
        .layer(DefaultBodyLimit::max(max_body))
}

/// An RFC 9457 problem document; `errors`, when given, is the JSON array of
/// diagnostic records as the library serialises them (in their field order).
fn problem(status: StatusCode, title: &str, errors: Option<String>) -> Response {
    let title = serde_json::to_string(title).unwrap_or_default();
    let errors = errors.map(|e| format!(",\"errors\":{e}")).unwrap_or_default();
    let body = format!(
        "{{\"type\":\"about:blank\",\"title\":{title},\"status\":{}{errors}}}",
        status.as_u16()
    );
    (status, [(header::CONTENT_TYPE, "application/problem+json")], body).into_response()
}

/// `application/json`, or any `+json` type, with or without parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(ct) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    mime == "application/json" || mime.ends_with("+json")
}

/// The language the client prefers among English and Russian, by the
/// q-values of `Accept-Language` (RFC 9110, section 12.5.4): `ru`,
/// `ru-RU, en;q=0.5` and `en;q=0.1, ru;q=0.9` are Russian; `q=0` refuses a
/// language; without a preference, English.
fn lang(headers: &HeaderMap) -> Lang {
    let value = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut best: Option<(f32, Lang)> = None;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let lang = match Lang::from_locale(tag) {
            Lang::Ru => Lang::Ru,
            _ if tag.get(..2).is_some_and(|t| t.eq_ignore_ascii_case("en")) => Lang::En,
            _ => continue,
        };
        // The first of equal preferences wins.
        if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, lang));
        }
    }
    best.map_or(Lang::En, |(_, l)| l)
}

async fn create(headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return problem(StatusCode::PAYLOAD_TOO_LARGE, "the body is too large", None);
        }
        Err(e) => return problem(e.status(), &e.body_text(), None),
    };
    if !is_json(&headers) {
        return problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the client as application/json",
            None,
        );
    }
    let lang = lang(&headers);
    let options = Options::new().lang(lang);
    let title = match lang {
        Lang::Ru => "в описании клиента есть ошибки",
        _ => "the client document has errors",
    };
    // The bytes serde_json would write, about twice as fast.
    let errors = |report: &client_lint::Report| Some(client_lint::render::json_array(report.diagnostics()));
    // Not UTF-8: the encoding finding says where.
    let Ok(text) = std::str::from_utf8(&body) else {
        let report = client_lint::lint_bytes(&body, &options);
        return problem(StatusCode::UNPROCESSABLE_ENTITY, title, errors(&report));
    };
    match client_lint::parse(text, &options) {
        Ok(parsed) => {
            let client = serde_json::to_string(&parsed.client).unwrap_or_default();
            let warnings = client_lint::render::json_array(parsed.warnings.diagnostics());
            let body = format!("{{\"client\":{client},\"warnings\":{warnings}}}");
            (
                StatusCode::CREATED,
                [(header::CONTENT_TYPE, "application/json")],
                body,
            )
                .into_response()
        }
        Err(report) => problem(StatusCode::UNPROCESSABLE_ENTITY, title, errors(&report)),
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::var("CLIENT_LINT_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".to_string());
    // A limit that does not parse is refused, not replaced by the default.
    let max_body = match std::env::var("CLIENT_LINT_MAX_BODY") {
        Err(_) => DEFAULT_MAX_BODY,
        Ok(v) => v.trim().parse().map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("CLIENT_LINT_MAX_BODY={v:?} is not a number of bytes"),
            )
        })?,
    };
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    eprintln!("client-lint service on http://{}/client/", listener.local_addr()?);
    axum::serve(listener, app(max_body)).await
}
