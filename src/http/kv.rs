//! `/v1/kv/{key}` (GET, PUT, DELETE) and `/v1/kv?prefix=` (ordered listing).

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, StatusCode};
use serde_json::json;

use super::error::ApiError;
use super::request::{self, ReqBody, allow, blocking};
use super::{App, Resp, empty, json_response};
use crate::api;
use crate::api::encoding::{percent_decode, put_bytes};
use crate::replication::barrier::Unconfirmed;
use crate::store::{self, CommitToken, Entry};

/// Listing page size when `limit` is not given, and the most one page holds.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 10_000;

/// Requests on one key.
pub async fn key(app: &App, req: Request<ReqBody>, encoded: &str) -> Result<Resp, ApiError> {
    let (req, key) = request::before_body(req, |req| {
        allow(req, &[Method::GET, Method::PUT, Method::DELETE])?;
        decode_key(encoded)
    })
    .await?;
    match *req.method() {
        Method::PUT => put(app, req, key.into_owned()).await,
        Method::DELETE => delete(app, req, key.into_owned()).await,
        _ => get(app, req, &key).await,
    }
}

fn decode_key(encoded: &str) -> Result<Cow<'_, [u8]>, ApiError> {
    let key = percent_decode(encoded).map_err(|e| ApiError::bad_request("bad_encoding", format!("key: {e}")))?;
    store::check_key(&key)?;
    Ok(key)
}

async fn get(app: &App, req: Request<ReqBody>, key: &[u8]) -> Result<Resp, ApiError> {
    let params = request::query(&req, &["consistency"])?;
    let read_in = linearizable(app, &req, request::consistency(&params)?)?;
    wait_for_token(app, &req).await?;
    let store = app.store()?;
    let found = match store.get_now(key) {
        Some(done) => done?,
        None => {
            let k = key.to_vec();
            blocking(move || store.get(&k)).await?
        }
    };
    confirm(app, read_in).await?;
    match found {
        Some(Entry { value, version, lease }) => {
            let mut resp = Resp::new(super::full(value));
            let h = resp.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
            h.insert(header::ETAG, etag(version));
            if lease != 0 {
                h.insert(api::header::FISH_LEASE, HeaderValue::from(lease));
            }
            Ok(resp)
        }
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("key {:?} not found", String::from_utf8_lossy(key)),
        )),
    }
}

async fn put(app: &App, req: Request<ReqBody>, key: Vec<u8>) -> Result<Resp, ApiError> {
    let (req, (cond, lease, fence)) = request::before_body(req, |req| {
        let params = request::query(req, &["lease"])?;
        let lease = match request::param_text(&params, "lease")? {
            None => 0,
            Some(s) => s.parse::<u64>().ok().filter(|&id| id > 0).ok_or_else(|| {
                ApiError::bad_request("invalid_argument", format!("lease {s:?} is not a lease id (a whole number)"))
            })?,
        };
        Ok((request::condition(req.headers())?, lease, fence(req)?))
    })
    .await?;
    let value = request::body(req, app.config().http.max_value_bytes, "the value").await?;
    let store = app.store()?;
    let (version, token) = match fence {
        None => store.put_batched(key, value.to_vec(), cond, lease).await.map_err(|e| on_one_key(e, cond))?,
        Some((fence, at)) => {
            blocking(move || {
                store.put_fenced((&fence, at), key, value.to_vec(), cond, lease).map_err(|e| on_one_key(e, cond))
            })
            .await?
        }
    };
    crate::metrics::get().commits.inc();
    let mut resp = empty(StatusCode::NO_CONTENT);
    resp.headers_mut().insert(header::ETAG, etag(version));
    set_token(&mut resp, &token);
    Ok(resp)
}

async fn delete(app: &App, req: Request<ReqBody>, key: Vec<u8>) -> Result<Resp, ApiError> {
    request::query(&req, &[])?;
    let cond = request::condition(req.headers())?;
    let store = app.store()?;
    let token = match fence(&req)? {
        None => store.delete_batched(key, cond).await.map_err(|e| on_one_key(e, cond))?,
        Some((fence, at)) => {
            blocking(move || store.delete_fenced((&fence, at), key, cond).map_err(|e| on_one_key(e, cond))).await?
        }
    };
    crate::metrics::get().commits.inc();
    let mut resp = empty(StatusCode::NO_CONTENT);
    set_token(&mut resp, &token);
    Ok(resp)
}

/// A single-key write's error. Its failed condition is told in the terms
/// of the request (`If-Match`, `If-None-Match`), not as op 0 of a
/// transaction; the body keeps `current_version`.
fn on_one_key(err: store::StoreError, cond: store::Condition) -> ApiError {
    let store::StoreError::ConditionFailed { key, current, .. } = &err else { return err.into() };
    let key = String::from_utf8_lossy(key);
    let message = match (cond, current) {
        (store::Condition::Absent, Some(v)) => format!("If-None-Match: * failed: key {key:?} exists (version {v})"),
        (store::Condition::Version(want), Some(v)) => {
            format!("If-Match: \"{want}\" failed: key {key:?} is at version {v}")
        }
        (store::Condition::Version(want), None) => format!("If-Match: \"{want}\" failed: key {key:?} does not exist"),
        (_, Some(v)) => format!("the condition failed: key {key:?} is at version {v}"),
        (_, None) => format!("If-Match: * failed: key {key:?} does not exist"),
    };
    ApiError::new(StatusCode::PRECONDITION_FAILED, "condition_failed", message)
        .with_detail(json!({ "current_version": current }))
}

/// A write's `Fish-Fence: KEY@VERSION`, if it has one.
fn fence(req: &Request<ReqBody>) -> Result<Option<(Vec<u8>, u64)>, ApiError> {
    let Some(v) = req.headers().get(api::header::FISH_FENCE) else { return Ok(None) };
    let bad = || {
        ApiError::bad_request(
            "invalid_argument",
            "Fish-Fence is not KEY@VERSION (KEY percent-encoded, VERSION a whole number)",
        )
    };
    let text = v.to_str().map_err(|_| bad())?.trim();
    let (key, version) = text.rsplit_once('@').ok_or_else(bad)?;
    let version = version.parse::<u64>().ok().filter(|&v| v > 0).ok_or_else(bad)?;
    Ok(Some((decode_key(key)?.into_owned(), version)))
}

/// `GET /v1/kv?prefix=P&limit=N&start_after=K`.
pub async fn list(app: &App, req: Request<ReqBody>) -> Result<Resp, ApiError> {
    allow(&req, &[Method::GET])?;
    let params = request::query(&req, &["prefix", "limit", "start_after", "consistency"])?;
    let consistency = request::consistency(&params)?;
    let bytes_of = |name: &str| params.iter().find(|(n, _)| n == name).map(|(_, v)| v.to_vec());
    let prefix = bytes_of("prefix").unwrap_or_default();
    let start_after = bytes_of("start_after");
    let limit = match request::param_text(&params, "limit")? {
        None => DEFAULT_LIMIT,
        Some(s) => s.parse::<usize>().ok().filter(|n| (1..=MAX_LIMIT).contains(n)).ok_or_else(|| {
            ApiError::bad_request("invalid_argument", format!("limit {s:?} is not a number from 1 to {MAX_LIMIT}"))
        })?,
    };
    let read_in = linearizable(app, &req, consistency)?;
    wait_for_token(app, &req).await?;
    let store = app.store()?;
    // Base64 (for bytes that are not UTF-8) and JSON escaping can double
    // what is read: half of `max_response_bytes` keeps the answer under it.
    let max_bytes = app.config().http.max_response_bytes / 2;
    let page = blocking(move || store.list_bounded(&prefix, start_after.as_deref(), limit, max_bytes)).await?;
    confirm(app, read_in).await?;
    let items: Vec<_> = page
        .items
        .iter()
        .map(|(k, e)| {
            let mut item = serde_json::Map::new();
            put_bytes(&mut item, "key", k);
            put_bytes(&mut item, "value", &e.value);
            item.insert("version".into(), json!(e.version));
            serde_json::Value::Object(item)
        })
        .collect();
    let mut body = serde_json::Map::new();
    body.insert("items".into(), items.into());
    match &page.next {
        Some(next) => put_bytes(&mut body, "next", next),
        None => {
            body.insert("next".into(), serde_json::Value::Null);
        }
    }
    Ok(json_response(StatusCode::OK, &serde_json::Value::Object(body)))
}

/// For a linearizable read, which the route table sends to the master
/// (a `Fish-After` read is served locally whatever its consistency): the
/// generation it is served in, to be confirmed after reading ([`confirm`]).
pub(super) fn linearizable(
    app: &App,
    req: &Request<ReqBody>,
    consistency: request::Consistency,
) -> Result<Option<u32>, ApiError> {
    if consistency != request::Consistency::Linearizable || req.headers().contains_key(api::header::FISH_AFTER) {
        return Ok(None);
    }
    serving_in(app).map(Some)
}

/// The generation this site is master in, as a linearizable read served
/// here notes it; 503 if it is no longer master.
pub(super) fn serving_in(app: &App) -> Result<u32, ApiError> {
    app.group.master_generation().ok_or_else(|| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "not_confirmed",
            "this site stopped being master before the linearizable read was served; retry",
        )
        .with_header(hyper::header::RETRY_AFTER, "1")
    })
}

/// Holds a linearizable read's answer until a read barrier confirms that
/// this site was still master after the read (`replication::barrier`):
/// 503 `not_confirmed` when a quorum did not acknowledge it, 504 when that
/// was not settled in time.
pub(super) async fn confirm(app: &App, read_in: Option<u32>) -> Result<(), ApiError> {
    let Some(generation) = read_in else {
        return Ok(());
    };
    let config = app.config();
    let within = config.http.master_wait + config.replication.ack_timeout;
    app.group.confirm_read(generation, within).await.map_err(|why| {
        let status = match why {
            Unconfirmed::TimedOut(_) => StatusCode::GATEWAY_TIMEOUT,
            _ => StatusCode::SERVICE_UNAVAILABLE,
        };
        ApiError::new(status, "not_confirmed", format!("the linearizable read was not confirmed: {why}; retry"))
            .with_header(hyper::header::RETRY_AFTER, "1")
    })
}

/// Read-your-writes: with `Fish-After: <token>`, wait (bounded) until that
/// commit is applied on this site before reading.
async fn wait_for_token(app: &App, req: &Request<ReqBody>) -> Result<(), ApiError> {
    let Some(v) = req.headers().get(api::header::FISH_AFTER) else {
        return Ok(());
    };
    let token: CommitToken =
        v.to_str().ok().and_then(|s| s.trim().parse().ok()).ok_or_else(|| {
            ApiError::bad_request("invalid_argument", "Fish-After is not a commit token (40 hex digits)")
        })?;
    let (store, config) = (app.store()?, app.config());
    // The wait holds no thread, but each check does for a moment: bound how
    // many wait at once, so forged tokens cannot crowd out store calls.
    let waiting = &app.token_waits;
    if waiting.fetch_add(1, Ordering::Relaxed) >= config.http.max_token_waits {
        waiting.fetch_sub(1, Ordering::Relaxed);
        crate::metrics::get().limited("max_token_waits");
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "too_many_waits",
            format!(
                "{} Fish-After reads are already waiting ([http] max_token_waits); retry",
                config.http.max_token_waits
            ),
        )
        .with_header(hyper::header::RETRY_AFTER, "1"));
    }
    // Released however the wait ends (a client that hangs up drops it).
    struct Waiting<'a>(&'a AtomicUsize);
    impl Drop for Waiting<'_> {
        fn drop(&mut self) {
            self.0.fetch_sub(1, Ordering::Relaxed);
            crate::metrics::get().token_waits.dec();
        }
    }
    crate::metrics::get().token_waits.inc();
    let _waiting = Waiting(waiting);
    Ok(store.wait_applied(token, config.http.token_wait).await?)
}

fn etag(version: u64) -> HeaderValue {
    use std::io::Write;
    // Formatted on the stack: `"` + at most 20 digits + `"`.
    let mut buf = std::io::Cursor::new([0u8; 22]);
    write!(buf, "\"{version}\"").expect("22 bytes hold any u64 in quotes");
    let len = buf.position() as usize;
    HeaderValue::from_bytes(&buf.get_ref()[..len]).expect("digits are a valid header value")
}

pub fn set_token(resp: &mut Resp, token: &CommitToken) {
    let v = HeaderValue::from_str(&token.to_string()).expect("hex is a valid header value");
    resp.headers_mut().insert(api::header::FISH_TOKEN, v);
}
