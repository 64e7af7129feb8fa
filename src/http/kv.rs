//! `/v1/kv/{key}` (GET, PUT, DELETE) and `/v1/kv?prefix=` (ordered listing).

use std::borrow::Cow;

use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, StatusCode};
use serde_json::json;

use super::encoding::{self, percent_decode};
use super::error::ApiError;
use super::request::{self, allow, blocking};
use super::{App, Resp, empty, json_response};
use crate::bdb::CommitToken;
use crate::store::{Entry, MAX_KEY_BYTES};

/// Listing page size when `limit` is not given, and the most one page holds.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 10_000;

/// Requests on one key.
pub async fn key(app: &App, req: Request<Incoming>, encoded: &str) -> Result<Resp, ApiError> {
    allow(&req, &[Method::GET, Method::PUT, Method::DELETE])?;
    let key = decode_key(encoded)?;
    match *req.method() {
        Method::PUT => put(app, req, key.into_owned()).await,
        Method::DELETE => delete(app, req, key.into_owned()).await,
        _ => get(app, req, &key).await,
    }
}

fn decode_key(encoded: &str) -> Result<Cow<'_, [u8]>, ApiError> {
    let key = percent_decode(encoded).map_err(|e| ApiError::bad_request("bad_encoding", format!("key: {e}")))?;
    match key.len() {
        0 => Err(ApiError::bad_request("invalid_key", "the key is empty")),
        n if n > MAX_KEY_BYTES => Err(ApiError::new(
            StatusCode::URI_TOO_LONG,
            "key_too_long",
            format!("key is {n} bytes; the limit is {MAX_KEY_BYTES}"),
        )),
        _ => Ok(key),
    }
}

async fn get(app: &App, req: Request<Incoming>, key: &[u8]) -> Result<Resp, ApiError> {
    let params = request::query(&req, &["consistency"])?;
    request::consistency(&params)?;
    wait_for_token(app, &req).await?;
    let store = app.store()?;
    let found = match store.get_now(key) {
        Some(done) => done?,
        None => {
            let k = key.to_vec();
            blocking(move || store.get(&k)).await?
        }
    };
    match found {
        Some(Entry { value, version }) => {
            let mut resp = Resp::new(super::full(value));
            let h = resp.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
            h.insert(header::ETAG, etag(version));
            Ok(resp)
        }
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("key {:?} not found", String::from_utf8_lossy(key)),
        )),
    }
}

async fn put(app: &App, req: Request<Incoming>, key: Vec<u8>) -> Result<Resp, ApiError> {
    request::query(&req, &[])?;
    let cond = request::condition(req.headers())?;
    let value = request::body(req, app.config().http.max_value_bytes, "the value").await?;
    let store = app.store()?;
    let (version, token) = store.put_batched(key, value.to_vec(), cond).await?;
    crate::metrics::get().commits.inc();
    let mut resp = empty(StatusCode::NO_CONTENT);
    resp.headers_mut().insert(header::ETAG, etag(version));
    set_token(&mut resp, &token);
    Ok(resp)
}

async fn delete(app: &App, req: Request<Incoming>, key: Vec<u8>) -> Result<Resp, ApiError> {
    request::query(&req, &[])?;
    let cond = request::condition(req.headers())?;
    let store = app.store()?;
    let token = store.delete_batched(key, cond).await?;
    crate::metrics::get().commits.inc();
    let mut resp = empty(StatusCode::NO_CONTENT);
    set_token(&mut resp, &token);
    Ok(resp)
}

/// `GET /v1/kv?prefix=P&limit=N&start_after=K`.
pub async fn list(app: &App, req: Request<Incoming>) -> Result<Resp, ApiError> {
    allow(&req, &[Method::GET])?;
    let params = request::query(&req, &["prefix", "limit", "start_after", "consistency"])?;
    request::consistency(&params)?;
    let bytes_of = |name: &str| params.iter().find(|(n, _)| n == name).map(|(_, v)| v.to_vec());
    let prefix = bytes_of("prefix").unwrap_or_default();
    let start_after = bytes_of("start_after");
    let limit = match request::param_text(&params, "limit")? {
        None => DEFAULT_LIMIT,
        Some(s) => s.parse::<usize>().ok().filter(|n| (1..=MAX_LIMIT).contains(n)).ok_or_else(|| {
            ApiError::bad_request("invalid_argument", format!("limit {s:?} is not a number from 1 to {MAX_LIMIT}"))
        })?,
    };
    wait_for_token(app, &req).await?;
    let store = app.store()?;
    let page = blocking(move || store.list(&prefix, start_after.as_deref(), limit)).await?;
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

/// Writes `name` (and `name_encoding: "base64"` when the bytes are not UTF-8).
pub fn put_bytes(obj: &mut serde_json::Map<String, serde_json::Value>, name: &str, bytes: &[u8]) {
    let (text, enc) = encoding::to_json(bytes);
    obj.insert(name.into(), text.into());
    if !enc.is_utf8() {
        obj.insert(format!("{name}_encoding"), "base64".into());
    }
}

/// Read-your-writes: with `Fish-After: <token>`, wait (bounded) until that
/// commit is applied on this site before reading.
async fn wait_for_token(app: &App, req: &Request<Incoming>) -> Result<(), ApiError> {
    let Some(v) = req.headers().get("fish-after") else {
        return Ok(());
    };
    let token: CommitToken =
        v.to_str().ok().and_then(|s| s.trim().parse().ok()).ok_or_else(|| {
            ApiError::bad_request("invalid_argument", "Fish-After is not a commit token (40 hex digits)")
        })?;
    let env = app.store()?.env().clone();
    let wait = app.config().http.token_wait;
    match tokio::task::spawn_blocking(move || wait_applied(&env, &token, wait)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(crate::bdb::Error::Timeout)) => Err(ApiError::new(
            StatusCode::GATEWAY_TIMEOUT,
            "token_timeout",
            format!("the commit in Fish-After was not applied here within {} ms", wait.as_millis()),
        )),
        Ok(Err(crate::bdb::Error::NotFound)) => Err(ApiError::new(
            StatusCode::CONFLICT,
            "token_unknown",
            "this site will never apply the commit in Fish-After (it belongs to another environment or was rolled back)",
        )),
        Ok(Err(e)) => Err(ApiError::from(crate::store::StoreError::from(e))),
        Err(e) => Err(ApiError::internal(format!("token wait failed: {e}"))),
    }
}

/// Waits until `token` is applied here, at most `wait`.
///
/// Berkeley DB's `txn_applied` answers DB_NOTFOUND ("will never be
/// applied") for a token from a newer generation than this site knows when
/// the site is not a client in a clean state: a master cut off from the
/// group that has not yet heard of its successor, or a site whose log runs
/// past the token's LSN with writes that the new master's sync will roll
/// back. Both apply the commit once they catch up, so a token from a newer
/// generation is retried until the deadline; only a token this site's own
/// history rules out is "never".
///
/// For a token from an older generation `txn_applied` judges by the
/// generation history alone: right after a master change a replica can hear
/// "applied" for a commit its log has not reached yet (the fault suite read
/// 404s that way, 12 in 160,000 token reads). So success also needs this
/// site's log to run past the token's LSN, and "never" is believed only once
/// it does.
///
/// `txn_applied` reads the generation history in a transaction of its own,
/// which the replication apply thread can pick as a deadlock victim, or
/// which meets a lockout during a sync: retried too (the fault suite saw
/// both as 500s).
fn wait_applied(
    env: &crate::bdb::Env,
    token: &CommitToken,
    wait: std::time::Duration,
) -> Result<(), crate::bdb::Error> {
    let deadline = std::time::Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let result = env.wait_applied(token, left);
        let reached = || env.current_lsn().is_ok_and(|end| end > token.lsn());
        match result {
            Ok(()) if reached() => return Ok(()),
            Ok(()) => {}
            Err(crate::bdb::Error::NotFound) if token.generation() > env.rep_state()?.generation || !reached() => {}
            Err(e) if e.is_retryable() || matches!(e, crate::bdb::Error::RepLockout) => {}
            other => return other,
        }
        if left.is_zero() {
            return Err(crate::bdb::Error::Timeout);
        }
        std::thread::sleep(left.min(std::time::Duration::from_millis(20)));
    }
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
    resp.headers_mut().insert("fish-token", v);
}
