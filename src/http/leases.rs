//! `/v1/leases`: grant, keep alive, revoke and show leases (see
//! `store::leases` for what a lease guarantees).
//!
//! - `POST /v1/leases {"ttl_s": N}` → `{"id", "ttl_s"}`
//! - `POST /v1/leases/{id}/keepalive` → `{"id", "ttl_s"}`: the lease runs
//!   a full TTL from now. With `?stream=true` the request body is a stream
//!   of lines, each one keepalive, each answered by a line: one connection
//!   for a lease's whole life (`fishctl lease keepalive`, `fishctl lock`).
//! - `DELETE /v1/leases/{id}` → `{"id", "deleted"}`: its keys and the
//!   lease go in one transaction.
//! - `GET /v1/leases/{id}` → `{"id", "ttl_s", "remaining_ms", "key_count",
//!   "keys"}` (the first 1,000 keys).
//! - `GET /v1/leases?after=ID&limit=N` → `{"leases": [...], "next"}`.
//!
//! Everything runs on the master, which keeps the clock. A keepalive is
//! answered only once a read barrier confirms this site was still master
//! after it moved the deadline, so a keepalive answered 200 was heard by
//! the true master: the lease then lasts at least its TTL from when the
//! client sent it (a failover only lengthens it). Keepalives run where
//! they arrive (`Runs::Here`) so that the rate limit (`[leases]
//! keepalives_per_s`, per client address) applies at the edge, then go to
//! the master one by one; a streaming keepalive keeps its connection to
//! this site.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, StreamBody};
use hyper::body::Frame;
use hyper::{Method, Request, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::error::ApiError;
use super::request::{self, ReqBody, allow, blocking};
use super::{App, Resp, json_response};
use crate::api;
use crate::replication::Role;
use crate::store::leases::LeaseInfo;

/// Keys `GET /v1/leases/{id}` lists.
const SHOWN_KEYS: usize = 1_000;
/// Leases one page of `GET /v1/leases` holds by default, and at most.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 10_000;
/// Longest keepalive line of a stream.
const MAX_LINE: usize = 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GrantBody {
    ttl_s: u64,
}

/// `POST /v1/leases`.
pub async fn grant(app: &App, req: Request<ReqBody>) -> Result<Resp, ApiError> {
    let (req, _) = request::before_body(req, |req| {
        allow(req, &[Method::POST])?;
        request::query(req, &[]).map(drop)
    })
    .await?;
    let raw = request::body(req, 4096, "the lease").await?;
    let body: GrantBody =
        serde_json::from_slice(&raw).map_err(|e| ApiError::bad_request("invalid_json", format!("lease: {e}")))?;
    let max = app.config().leases.max_ttl_s;
    let ttl_s = u32::try_from(body.ttl_s).ok().filter(|t| (1..=max).contains(t)).ok_or_else(|| {
        ApiError::bad_request(
            "invalid_argument",
            format!("ttl_s {} is not from 1 to {max} ([leases] max_ttl_s)", body.ttl_s),
        )
    })?;
    let store = app.store()?;
    let granted = blocking(move || store.grant_lease(ttl_s)).await?;
    crate::metrics::get().lease("granted");
    Ok(json_response(StatusCode::OK, &json!({ "id": granted.id, "ttl_s": granted.ttl_s })))
}

/// `GET /v1/leases`.
pub async fn list(app: &App, req: Request<ReqBody>) -> Result<Resp, ApiError> {
    allow(&req, &[Method::GET])?;
    let params = request::query(&req, &["after", "limit"])?;
    let number = |name: &str, range: std::ops::RangeInclusive<u64>| -> Result<Option<u64>, ApiError> {
        request::param_text(&params, name)?
            .map(|s| {
                s.parse::<u64>().ok().filter(|n| range.contains(n)).ok_or_else(|| {
                    ApiError::bad_request(
                        "invalid_argument",
                        format!("{name} {s:?} is not a number from {} to {}", range.start(), range.end()),
                    )
                })
            })
            .transpose()
    };
    let after = number("after", 0..=u64::MAX)?.unwrap_or(0);
    let limit = number("limit", 1..=MAX_LIMIT as u64)?.map_or(DEFAULT_LIMIT, |n| n as usize);
    let store = app.store()?;
    let page = blocking(move || store.list_leases(after, limit + 1)).await?;
    let next = (page.len() > limit).then(|| page[limit - 1].id);
    let leases: Vec<Value> = page.iter().take(limit).map(show).collect();
    Ok(json_response(StatusCode::OK, &json!({ "leases": leases, "next": next })))
}

/// `/v1/leases/{id}` and `/v1/leases/{id}/keepalive`.
pub async fn one(app: &App, req: Request<ReqBody>, rest: &str) -> Result<Resp, ApiError> {
    let (id, keepalive) = match rest.split_once('/') {
        Some((id, "keepalive")) => (id, true),
        Some(_) => return Err(ApiError::no_route(req.uri().path())),
        None => (rest, false),
    };
    let id = id.parse::<u64>().ok().filter(|&id| id > 0).ok_or_else(|| {
        ApiError::bad_request("invalid_argument", format!("lease {id:?} is not a lease id (a whole number)"))
    })?;
    match (req.method().clone(), keepalive) {
        (Method::POST, true) => keepalive_request(app, req, id).await,
        (_, true) => Err(request::refuse(req, ApiError::method_not_allowed(&Method::GET, &[Method::POST])).await),
        (Method::DELETE, false) => {
            request::query(&req, &[])?;
            let store = app.store()?;
            let (deleted, token) = blocking(move || store.revoke_lease(id)).await?;
            crate::metrics::get().commits.inc();
            crate::metrics::get().lease_revoked(deleted);
            let mut resp = json_response(StatusCode::OK, &json!({ "id": id, "deleted": deleted }));
            super::kv::set_token(&mut resp, &token);
            Ok(resp)
        }
        (Method::GET | Method::HEAD, false) => {
            request::query(&req, &[])?;
            let store = app.store()?;
            match blocking(move || store.lease_info(id, SHOWN_KEYS)).await? {
                Some(info) => Ok(json_response(StatusCode::OK, &show(&info))),
                None => Err(crate::store::StoreError::LeaseNotFound(id).into()),
            }
        }
        (method, false) => Err(ApiError::method_not_allowed(&method, &[Method::GET, Method::DELETE])),
    }
}

fn show(info: &LeaseInfo) -> Value {
    let mut obj = serde_json::Map::new();
    obj.insert("id".into(), info.id.into());
    obj.insert("ttl_s".into(), info.ttl_s.into());
    obj.insert("remaining_ms".into(), info.remaining.map(|r| r.as_millis() as u64).into());
    obj.insert("key_count".into(), info.key_count.into());
    if info.key_count > 0 && !info.keys.is_empty() {
        let keys: Vec<Value> = info
            .keys
            .iter()
            .map(|k| {
                let mut key = serde_json::Map::new();
                crate::api::encoding::put_bytes(&mut key, "key", k);
                key.remove("key").unwrap_or_default()
            })
            .collect();
        obj.insert("keys".into(), keys.into());
    }
    Value::Object(obj)
}

/// Keepalives per client address: a token bucket each.
#[derive(Default)]
pub struct KeepaliveLimiter(Mutex<HashMap<IpAddr, (f64, Instant)>>);

impl KeepaliveLimiter {
    /// Takes one keepalive from `peer`'s bucket (`per_s` a second, bursts
    /// of as many); false when it is empty.
    fn take(&self, peer: IpAddr, per_s: u32) -> bool {
        let now = Instant::now();
        let mut buckets = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > 100_000 {
            // Forget the full (idle) ones rather than grow without bound.
            buckets.retain(|_, (_, at)| now.duration_since(*at) < Duration::from_secs(1));
        }
        let per_s = f64::from(per_s);
        let (tokens, at) = buckets.entry(peer).or_insert((per_s, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * per_s).min(per_s);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The rate limit, for one keepalive of a request with these headers and
/// extensions (a forwarded one was counted where it arrived).
fn limit(app: &App, headers: &hyper::HeaderMap, extensions: &hyper::http::Extensions) -> Result<(), ApiError> {
    if headers.contains_key(api::header::FORWARDED_BY) {
        return Ok(());
    }
    let Some(super::auth::Peer(peer)) = extensions.get::<super::auth::Peer>().copied() else { return Ok(()) };
    let per_s = app.config().leases.keepalives_per_s;
    if app.keepalives.take(peer.ip(), per_s) {
        return Ok(());
    }
    crate::metrics::get().limited("keepalives_per_s");
    Err(ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_keepalives",
        format!("more than {per_s} keepalives a second from {} ([leases] keepalives_per_s); slow down", peer.ip()),
    )
    .with_header(hyper::header::RETRY_AFTER, "1"))
}

async fn keepalive_request(app: &App, req: Request<ReqBody>, id: u64) -> Result<Resp, ApiError> {
    let params = request::query(&req, &["stream"])?;
    let stream = match request::param_text(&params, "stream")? {
        None | Some("false") => false,
        Some("true") => true,
        Some(other) => {
            return Err(ApiError::bad_request("invalid_argument", format!("stream {other:?} is not true or false")));
        }
    };
    if stream {
        let app = app.me.upgrade().ok_or_else(|| ApiError::internal("the site is stopping"))?;
        return Ok(keepalive_stream(app, req, id));
    }
    limit(app, req.headers(), req.extensions())?;
    let (parts, _) = request::split_body(req, MAX_LINE, "the keepalive").await?;
    keepalive(app, &parts, id).await
}

/// One keepalive: here if this site is master, else on the master.
async fn keepalive(app: &App, parts: &hyper::http::request::Parts, id: u64) -> Result<Resp, ApiError> {
    let deadline = Instant::now() + app.config().http.master_wait;
    if app.group.role() == Role::Master && app.store.is_some() {
        let forwarded = parts.headers.contains_key(api::header::FORWARDED_BY);
        if let Some(crate::replication::MasterWork::Here(_work)) = app.group.master_work(deadline, forwarded).await {
            let generation = super::kv::serving_in(app)?;
            let store = app.store()?;
            let ttl_s = blocking(move || store.keep_lease_alive(id)).await?;
            // Answered only once the group confirms this site was master
            // after the deadline moved (see the module header).
            super::kv::confirm(app, Some(generation)).await?;
            crate::metrics::get().lease("kept_alive");
            return Ok(json_response(StatusCode::OK, &json!({ "id": id, "ttl_s": ttl_s })));
        }
    }
    let mut to_master = hyper::http::Request::builder()
        .method(Method::POST)
        .uri(format!("/v1/leases/{id}/keepalive"))
        .body(())
        .expect("a valid request")
        .into_parts()
        .0;
    for name in [hyper::header::AUTHORIZATION, hyper::header::HeaderName::from_static(api::header::FORWARDED_BY)] {
        if let Some(v) = parts.headers.get(&name) {
            to_master.headers.insert(name, v.clone());
        }
    }
    super::forward::forward(app, to_master, Bytes::new(), deadline, false).await
}

/// `?stream=true`: one keepalive per line of the request body, one line
/// of answer each, until the client ends the body or a keepalive fails
/// (the last line then is `{"id", "error", "message"}`).
fn keepalive_stream(app: std::sync::Arc<App>, req: Request<ReqBody>, id: u64) -> Resp {
    let (parts, mut body) = req.into_parts();
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(4);
    tokio::spawn(async move {
        let mut pending = 0usize;
        loop {
            let frame = match body.frame().await {
                Some(Ok(frame)) => frame,
                _ => break,
            };
            let Ok(data) = frame.into_data() else { continue };
            for byte in data.iter() {
                if *byte != b'\n' {
                    pending += 1;
                    if pending > MAX_LINE {
                        let _ = tx
                            .send(error_line(
                                id,
                                &ApiError::bad_request("invalid_argument", "a keepalive line is longer than 1 KiB"),
                            ))
                            .await;
                        return;
                    }
                    continue;
                }
                pending = 0;
                let (status, line) = match limit(&app, &parts.headers, &parts.extensions) {
                    Err(e) => (e.status, error_line(id, &e)),
                    Ok(()) => match keepalive(&app, &parts, id).await {
                        Ok(resp) => answer_line(id, resp).await,
                        Err(e) => (e.status, error_line(id, &e)),
                    },
                };
                // A lease that is gone stays gone: the stream ends.
                let gone = status == StatusCode::NOT_FOUND;
                if tx.send(line).await.is_err() || gone {
                    return;
                }
            }
        }
    });
    let stream = tokio_stream::wrappers::ReceiverStream::new(rx);
    let body = StreamBody::new(tokio_stream::StreamExt::map(stream, |b| Ok::<_, std::io::Error>(Frame::data(b))));
    let mut resp = Resp::new(BodyExt::boxed(body));
    resp.headers_mut()
        .insert(hyper::header::CONTENT_TYPE, hyper::header::HeaderValue::from_static("application/x-ndjson"));
    resp
}

/// A keepalive's answer (here or from the master) as one line, with the
/// lease id and, when it failed, the status.
async fn answer_line(id: u64, resp: Resp) -> (StatusCode, Bytes) {
    let status = resp.status();
    let body = match resp.into_body().collect().await {
        Ok(b) => b.to_bytes(),
        Err(e) => {
            return (StatusCode::BAD_GATEWAY, error_line(id, &ApiError::internal(format!("reading the answer: {e}"))));
        }
    };
    let mut obj = match serde_json::from_slice::<Value>(&body) {
        Ok(Value::Object(obj)) => obj,
        _ => serde_json::Map::new(),
    };
    obj.insert("id".into(), id.into());
    if !status.is_success() {
        obj.insert("status".into(), status.as_u16().into());
    }
    let mut line = serde_json::to_vec(&Value::Object(obj)).expect("JSON of plain values");
    line.push(b'\n');
    (status, line.into())
}

fn error_line(id: u64, e: &ApiError) -> Bytes {
    let mut line =
        serde_json::to_vec(&json!({ "id": id, "error": e.code, "status": e.status.as_u16(), "message": e.message }))
            .expect("JSON of plain values");
    line.push(b'\n');
    line.into()
}
