//! An HTTP service that a server team can copy: `POST /client/` lints the
//! body and answers `201 Created` with the normalised client (and the
//! warnings), or `422` with an RFC 9457 problem whose `errors` member is the
//! array of diagnostics exactly as the library serialises them.
//!
//! ```sh
//! cargo run --release --example server
//! ```
//!
//! - `Accept-Language` selects Russian messages when it prefers `ru` (q-values honoured);
//! - the headers are checked before a byte of the body is read: a content type other
//!   than JSON gets `415`, a `Content-Length` over the limit `413` at once;
//! - a body that grows over the limit gets `413`, one that is not complete within
//!   the body timeout `408`;
//! - a connection that has not sent its headers within the header timeout, or that
//!   moves no byte for the idle timeout (also between keep-alive requests), is closed;
//! - at the connection limit the service stops accepting: new connections wait in
//!   the kernel's backlog until one ends, so idle connections can never use up the
//!   process's file descriptors, and the idle timeout frees their places.
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `CLIENT_LINT_ADDR` | address to listen on | `127.0.0.1:8080` |
//! | `CLIENT_LINT_MAX_BODY` | largest body, bytes | 1048576 |
//! | `CLIENT_LINT_HEADER_TIMEOUT` | seconds to send the request headers | 10 |
//! | `CLIENT_LINT_BODY_TIMEOUT` | seconds to send the body | 30 |
//! | `CLIENT_LINT_IDLE_TIMEOUT` | seconds without a byte either way | 60 |
//! | `CLIENT_LINT_MAX_CONNECTIONS` | open connections at once | 512 |
//!
//! A value that is not a number (or is zero) refuses to start, with a message.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use client_lint::{Lang, Options};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::time::{Instant, Sleep};

/// The service's limits; [`Config::from_env`] reads them from the environment.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Bodies larger than this many bytes get `413`.
    pub max_body: usize,
    /// Time to send the request line and headers.
    pub header_timeout: Duration,
    /// Time to send the whole body, from the end of the headers.
    pub body_timeout: Duration,
    /// Time without a byte read or written, in any state of the connection.
    pub idle_timeout: Duration,
    /// Connections served at once; more wait to be accepted.
    pub max_connections: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_body: 1 << 20,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            max_connections: 512,
        }
    }
}

impl Config {
    /// The configuration from the `CLIENT_LINT_*` variables that `var` returns;
    /// an unset variable keeps its default, one that is not a positive whole
    /// number is an error naming it.
    ///
    /// # Errors
    ///
    /// The message naming the variable whose value is not a positive whole
    /// number.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        let number = |name: &str| -> Result<Option<u64>, String> {
            match var(name) {
                None => Ok(None),
                Some(v) => match v.trim().parse::<u64>() {
                    Ok(n) if n > 0 => Ok(Some(n)),
                    _ => Err(format!("{name}={v:?} is not a positive whole number")),
                },
            }
        };
        let d = Config::default();
        let secs = |name: &str, default: Duration| -> Result<Duration, String> {
            Ok(number(name)?.map_or(default, Duration::from_secs))
        };
        let count = |name: &str, default: usize| -> Result<usize, String> {
            Ok(number(name)?.map_or(default, |n| usize::try_from(n).unwrap_or(usize::MAX)))
        };
        Ok(Config {
            max_body: count("CLIENT_LINT_MAX_BODY", d.max_body)?,
            header_timeout: secs("CLIENT_LINT_HEADER_TIMEOUT", d.header_timeout)?,
            body_timeout: secs("CLIENT_LINT_BODY_TIMEOUT", d.body_timeout)?,
            idle_timeout: secs("CLIENT_LINT_IDLE_TIMEOUT", d.idle_timeout)?,
            max_connections: count("CLIENT_LINT_MAX_CONNECTIONS", d.max_connections)?,
        })
    }
}

/// The routes: `POST /client/`.
pub fn app(config: &Config) -> Router {
    let (max_body, body_timeout) = (config.max_body, config.body_timeout);
    Router::new().route(
        "/client/",
        post(move |req: Request| create(req, max_body, body_timeout)),
    )
}

/// Serve [`app`] on `listener` with the limits of `config`, until the task is dropped.
pub async fn serve(listener: TcpListener, config: Config) {
    let router = app(&config);
    let slots = Arc::new(Semaphore::new(config.max_connections));
    loop {
        // At the limit, stop accepting: new connections wait in the kernel's
        // backlog until one ends (the idle timeout ends stalled ones), and the
        // process never runs out of file descriptors.
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let Ok((stream, _)) = listener.accept().await else {
            // Out of file descriptors or similar: let in-flight connections finish.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        let io = hyper_util::rt::TokioIo::new(Idle::new(stream, config.idle_timeout));
        let header_timeout = config.header_timeout;
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(io, service)
                .await;
            drop(slot);
        });
    }
}

/// A stream that fails with `TimedOut` when no byte has moved either way for
/// `limit`: idle keep-alive connections, stalled headers or bodies, and
/// clients that stop reading their answer.
struct Idle<S> {
    inner: S,
    limit: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl<S> Idle<S> {
    fn new(inner: S, limit: Duration) -> Self {
        Idle {
            inner,
            limit,
            deadline: Box::pin(tokio::time::sleep(limit)),
        }
    }

    /// After progress, move the deadline; while pending, fail once it passes.
    fn watch<T>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        match poll {
            Poll::Ready(r) => {
                let limit = self.limit;
                self.deadline.as_mut().reset(Instant::now() + limit);
                Poll::Ready(r)
            }
            Poll::Pending => {
                ready!(self.deadline.as_mut().poll(cx));
                Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, "idle connection")))
            }
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Idle<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        self.watch(cx, poll)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Idle<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let poll = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.watch(cx, poll)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let poll = Pin::new(&mut self.inner).poll_flush(cx);
        self.watch(cx, poll)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
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

/// `to_bytes` stopped at the limit (a chunked body grew too large).
fn is_over_limit(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if err.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = err.source();
    }
    false
}

/// Headers first (415, 413 from `Content-Length`), then the body within its
/// limit and timeout, then the lint.
async fn create(req: Request, max_body: usize, body_timeout: Duration) -> Response {
    let (parts, body) = req.into_parts();
    let headers = parts.headers;
    if !is_json(&headers) {
        return problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the client as application/json",
            None,
        );
    }
    let too_large = || problem(StatusCode::PAYLOAD_TOO_LARGE, "the body is too large", None);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_body as u64) {
        return too_large();
    }
    let body = match tokio::time::timeout(body_timeout, axum::body::to_bytes(body, max_body)).await {
        Ok(Ok(b)) => b,
        Ok(Err(e)) if is_over_limit(&e) => return too_large(),
        Ok(Err(_)) => return problem(StatusCode::BAD_REQUEST, "the body could not be read", None),
        Err(_) => return problem(StatusCode::REQUEST_TIMEOUT, "the body took too long", None),
    };
    let lang = lang(&headers);
    let options = Options::new().with_lang(lang);
    let title = match lang {
        Lang::Ru => "в описании клиента есть ошибки",
        _ => "the client document has errors",
    };
    // The bytes serde_json would write, about twice as fast.
    let errors = |report: &client_lint::Report| Some(client_lint::render::json_array(report.diagnostics()));
    // Not UTF-8: the encoding finding says where.
    let Ok(text) = std::str::from_utf8(&body) else {
        let report = client_lint::lint_slice(&body, &options);
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
        Err(rejected) => problem(StatusCode::UNPROCESSABLE_ENTITY, title, errors(rejected.report())),
    }
}

#[tokio::main]
async fn main() -> io::Result<()> {
    let addr = std::env::var("CLIENT_LINT_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".to_string());
    // A limit that does not parse is refused, not replaced by the default.
    let config = Config::from_env(|name| std::env::var(name).ok())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    let listener = TcpListener::bind(&addr).await?;
    eprintln!("client-lint service on http://{}/client/", listener.local_addr()?);
    serve(listener, config).await;
    Ok(())
}
