//! Reading requests: bounded bodies, query parameters, methods, conditional
//! headers, and moving blocking store calls off the async workers.

use std::borrow::Cow;

use bytes::Bytes;
use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use hyper::header::{self, HeaderMap};
use hyper::http::request::Parts;
use hyper::{Method, Request, StatusCode};

use super::error::ApiError;
use crate::api::encoding::percent_decode;
use crate::store::Condition;

/// 405 unless the request uses one of `allowed` (HEAD rides along with GET).
pub fn allow(req: &Request<Incoming>, allowed: &[Method]) -> Result<(), ApiError> {
    let m = req.method();
    if allowed.contains(m) || (m == Method::HEAD && allowed.contains(&Method::GET)) {
        Ok(())
    } else {
        Err(ApiError::method_not_allowed(m, allowed))
    }
}

/// Reads the whole body, refusing (413) anything over `limit` bytes before
/// reading it when Content-Length says so, and while reading otherwise.
pub async fn body(req: Request<Incoming>, limit: usize, what: &str) -> Result<Bytes, ApiError> {
    split_body(req, limit, what).await.map(|(_, body)| body)
}

/// As [`body`], keeping the request's method, URI and headers.
pub async fn split_body(req: Request<Incoming>, limit: usize, what: &str) -> Result<(Parts, Bytes), ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("{what} is larger than the limit of {limit} bytes"),
        )
    };
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    let (parts, body) = req.into_parts();
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok((parts, collected.to_bytes())),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(too_large()),
        Err(e) => Err(ApiError::bad_request("bad_body", format!("reading the request body failed: {e}"))),
    }
}

/// Query parameters as (name, raw bytes) pairs, borrowed from the request
/// where nothing was percent-encoded.
pub type Params<'a> = Vec<(Cow<'a, str>, Cow<'a, [u8]>)>;

/// The query string as (name, raw bytes) pairs; names must be known.
pub fn query<'a>(req: &'a Request<Incoming>, known: &[&str]) -> Result<Params<'a>, ApiError> {
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
    Master,
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
    Ok(Consistency::Master)
}

fn parse_consistency(text: Option<&str>) -> Result<Consistency, ApiError> {
    match text {
        None | Some("master") => Ok(Consistency::Master),
        Some("replica") => Ok(Consistency::Replica),
        Some(other) => Err(ApiError::bad_request(
            "invalid_argument",
            format!("consistency {other:?} is not \"master\" or \"replica\""),
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
