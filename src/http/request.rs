//! Reading requests: bounded bodies, query parameters, methods, conditional
//! headers, and moving blocking store calls off the async workers.

use std::borrow::Cow;

use bytes::Bytes;
use http_body_util::{BodyExt, Limited};
use hyper::header::{self, HeaderMap};
use hyper::http::request::Parts;
use hyper::{Method, Request, StatusCode};

use super::error::ApiError;
use crate::api::encoding::percent_decode;
use crate::store::Condition;

/// A request's body: read from the connection, or, for one request of a
/// batch of forwarded writes (`batch`), already in memory.
#[derive(Debug)]
pub enum ReqBody {
    Wire(hyper::body::Incoming),
    InMemory(Option<Bytes>),
}

impl hyper::body::Body for ReqBody {
    type Data = Bytes;
    type Error = hyper::Error;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Bytes>, hyper::Error>>> {
        match self.get_mut() {
            ReqBody::Wire(body) => std::pin::Pin::new(body).poll_frame(cx),
            ReqBody::InMemory(body) => std::task::Poll::Ready(body.take().map(|b| Ok(hyper::body::Frame::data(b)))),
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            ReqBody::Wire(body) => body.is_end_stream(),
            ReqBody::InMemory(body) => body.is_none(),
        }
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        match self {
            ReqBody::Wire(body) => body.size_hint(),
            ReqBody::InMemory(body) => hyper::body::SizeHint::with_exact(body.as_ref().map_or(0, |b| b.len() as u64)),
        }
    }
}

/// 405 unless the request uses one of `allowed` (HEAD rides along with GET).
pub fn allow(req: &Request<ReqBody>, allowed: &[Method]) -> Result<(), ApiError> {
    let m = req.method();
    if allowed.contains(m) || (m == Method::HEAD && allowed.contains(&Method::GET)) {
        Ok(())
    } else {
        Err(ApiError::method_not_allowed(m, allowed))
    }
}

/// Reads the whole body, refusing (413) anything over `limit` bytes before
/// reading it when Content-Length says so, and while reading otherwise.
pub async fn body(req: Request<ReqBody>, limit: usize, what: &str) -> Result<Bytes, ApiError> {
    split_body(req, limit, what).await.map(|(_, body)| body)
}

/// As [`body`], keeping the request's method, URI and headers.
pub async fn split_body(req: Request<ReqBody>, limit: usize, what: &str) -> Result<(Parts, Bytes), ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("{what} is larger than the limit of {limit} bytes"),
        )
    };
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        // The body stays unread: the connection cannot carry another request.
        return Err(too_large().with_header(header::CONNECTION, "close"));
    }
    let within = req.extensions().get::<BodyTimeout>().map_or(std::time::Duration::MAX, |t| t.0);
    let (parts, body) = req.into_parts();
    let Ok(collected) = tokio::time::timeout(within, Limited::new(body, limit).collect()).await else {
        crate::metrics::get().limited("body_timeout");
        return Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "body_timeout",
            format!("{what} did not arrive within {} ms ([http] body_timeout_ms)", within.as_millis()),
        )
        .with_header(header::CONNECTION, "close"));
    };
    match collected {
        Ok(collected) => Ok((parts, collected.to_bytes())),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(too_large()),
        Err(e) => Err(ApiError::bad_request("bad_body", format!("reading the request body failed: {e}"))),
    }
}

/// The most of an unread body that a refusal reads and throws away so the
/// connection can carry the client's next request.
const DISCARD_AT_MOST: u64 = 64 * 1024;
/// How long a refusal waits for such a body.
const DISCARD_WITHIN: std::time::Duration = std::time::Duration::from_secs(1);

/// Reads and drops the body of a request refused before its handler ran
/// (404, 405, 401, 403), so that `err` can go out on a connection that stays
/// usable. Without this, hyper closes a connection whose body is still
/// unread after it may already have promised keep-alive in the answer's
/// head, and a client that sends its next request on it (ureq, curl) sees
/// the connection end without an answer. A body larger than 64 KiB, or one
/// that does not arrive within a second, is not waited for: the answer then
/// says `Connection: close`.
pub async fn refuse(req: Request<ReqBody>, err: ApiError) -> ApiError {
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let chunked = req.headers().contains_key(header::TRANSFER_ENCODING);
    if declared.unwrap_or(0) == 0 && !chunked {
        return err;
    }
    if declared.is_some_and(|n| n > DISCARD_AT_MOST) {
        return err.with_header(header::CONNECTION, "close");
    }
    let body = Limited::new(req.into_body(), DISCARD_AT_MOST as usize);
    match tokio::time::timeout(DISCARD_WITHIN, body.collect()).await {
        Ok(Ok(_)) => err,
        _ => err.with_header(header::CONNECTION, "close"),
    }
}

/// Runs `checks` on a request whose body is still unread, and gives the
/// request back with their result; when they fail, the body is read and
/// dropped first ([`refuse`]), so the refusal leaves the connection usable.
pub async fn before_body<T>(
    req: Request<ReqBody>,
    checks: impl FnOnce(&Request<ReqBody>) -> Result<T, ApiError>,
) -> Result<(Request<ReqBody>, T), ApiError> {
    match checks(&req) {
        Ok(checked) => Ok((req, checked)),
        Err(err) => Err(refuse(req, err).await),
    }
}

/// How long a request's body may take to arrive: put in each request's
/// extensions by the server (`[http] body_timeout_ms`).
#[derive(Debug, Clone, Copy)]
pub struct BodyTimeout(pub std::time::Duration);

/// Query parameters as (name, raw bytes) pairs, borrowed from the request
/// where nothing was percent-encoded.
pub type Params<'a> = Vec<(Cow<'a, str>, Cow<'a, [u8]>)>;

/// The query string as (name, raw bytes) pairs; names must be known.
pub fn query<'a>(req: &'a Request<ReqBody>, known: &[&str]) -> Result<Params<'a>, ApiError> {
    let Some(q) = req.uri().query() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for part in q.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = part.split_once('=').unwrap_or((part, ""));
        let bad = |e| ApiError::bad_request("bad_encoding", format!("query parameter {name:?}: {e}"));
        let name = match percent_decode(name).map_err(bad)? {
            Cow::Borrowed(_) => Cow::Borrowed(name),
            Cow::Owned(bytes) => Cow::Owned(
                String::from_utf8(bytes)
                    .map_err(|_| ApiError::bad_request("bad_encoding", "a query parameter name is not UTF-8"))?,
            ),
        };
        if !known.contains(&name.as_ref()) {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("unknown query parameter {name:?}; known: {}", known.join(", ")),
            ));
        }
        let value = percent_decode(value)
            .map_err(|e| ApiError::bad_request("bad_encoding", format!("query parameter {name:?}: {e}")))?;
        out.push((name, value));
    }
    Ok(out)
}

/// The single value of query parameter `name`, as UTF-8 text.
pub fn param_text<'a>(params: &'a Params<'_>, name: &str) -> Result<Option<&'a str>, ApiError> {
    match params.iter().find(|(n, _)| n == name) {
        None => Ok(None),
        Some((_, v)) => std::str::from_utf8(v)
            .map(Some)
            .map_err(|_| ApiError::bad_request("bad_encoding", format!("query parameter {name:?} is not UTF-8"))),
    }
}

/// Read consistency requested with `?consistency=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consistency {
    /// The default: what a read on the true master at that instant would
    /// answer (the master confirms it with a read barrier,
    /// `replication::barrier`).
    Linearizable,
    /// Whichever site believes it is master: fast, may be stale during a
    /// partition.
    Master,
    /// The local copy.
    Replica,
}

/// The `consistency` of a read's parsed query.
pub fn consistency(params: &Params<'_>) -> Result<Consistency, ApiError> {
    parse_consistency(param_text(params, "consistency")?)
}

/// The `consistency` of a read, straight from its URI (for routing, before
/// the handler parses the whole query).
pub fn consistency_of(uri: &hyper::Uri) -> Result<Consistency, ApiError> {
    for part in uri.query().unwrap_or("").split('&') {
        let (name, value) = part.split_once('=').unwrap_or((part, ""));
        if percent_decode(name).is_ok_and(|n| *n == *b"consistency") {
            let value = percent_decode(value).ok();
            let text = value.as_deref().and_then(|v| std::str::from_utf8(v).ok());
            return parse_consistency(Some(text.unwrap_or("\u{fffd}")));
        }
    }
    Ok(Consistency::Linearizable)
}

fn parse_consistency(text: Option<&str>) -> Result<Consistency, ApiError> {
    match text {
        None | Some("linearizable") => Ok(Consistency::Linearizable),
        Some("master") => Ok(Consistency::Master),
        Some("replica") => Ok(Consistency::Replica),
        Some(other) => Err(ApiError::bad_request(
            "invalid_argument",
            format!("consistency {other:?} is not \"linearizable\", \"master\" or \"replica\""),
        )),
    }
}

/// The precondition expressed by `If-Match` / `If-None-Match`.
pub fn condition(headers: &HeaderMap) -> Result<Condition, ApiError> {
    let text = |name: header::HeaderName| -> Result<Option<String>, ApiError> {
        headers
            .get(&name)
            .map(|v| v.to_str().map(|s| s.trim().to_string()))
            .transpose()
            .map_err(|_| ApiError::bad_request("invalid_argument", format!("{name} is not ASCII")))
    };
    match (text(header::IF_MATCH)?, text(header::IF_NONE_MATCH)?) {
        (Some(_), Some(_)) => Err(ApiError::bad_request("invalid_argument", "use If-Match or If-None-Match, not both")),
        (None, Some(v)) if v == "*" => Ok(Condition::Absent),
        (None, Some(v)) => Err(ApiError::bad_request(
            "invalid_argument",
            format!("If-None-Match {v:?}: only \"*\" (create only) is supported"),
        )),
        (Some(v), None) if v == "*" => Ok(Condition::Exists),
        (Some(v), None) => parse_etag(&v).map(Condition::Version),
        (None, None) => Ok(Condition::Any),
    }
}

/// `"123"` (or bare `123`) → 123.
pub fn parse_etag(v: &str) -> Result<u64, ApiError> {
    let inner = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(v);
    inner.parse::<u64>().map_err(|_| {
        ApiError::bad_request("invalid_argument", format!("If-Match {v:?} is not a version such as \"42\""))
    })
}

/// Runs a blocking store call on the blocking pool, never on an async worker.
pub async fn blocking<T, E, F>(f: F) -> Result<T, ApiError>
where
    F: FnOnce() -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
    ApiError: From<E>,
{
    match tokio::task::spawn_blocking(f).await {
        Ok(result) => result.map_err(ApiError::from),
        Err(e) => Err(ApiError::internal(format!("store task failed: {e}"))),
    }
}
