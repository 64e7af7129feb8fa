//! `/v1/kv/{key}` (GET, PUT, DELETE) and `/v1/kv?prefix=` (ordered listing).

use std::borrow::Cow;

use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, StatusCode};
use serde_json::json;

use super::error::ApiError;
use super::request::{self, allow, blocking};
use super::{App, Resp, empty, json_response};
use crate::api;
use crate::api::encoding::{self, percent_decode};
use crate::store::{self, CommitToken, Entry};

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
    store::check_key(&key)?;
    Ok(key)
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
    let Some(v) = req.headers().get(api::header::FISH_AFTER) else {
        return Ok(());
    };
    let token: CommitToken =
        v.to_str().ok().and_then(|s| s.trim().parse().ok()).ok_or_else(|| {
            ApiError::bad_request("invalid_argument", "Fish-After is not a commit token (40 hex digits)")
        })?;
    let (store, wait) = (app.store()?, app.config().http.token_wait);
    Ok(store.wait_applied(token, wait).await?)
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
