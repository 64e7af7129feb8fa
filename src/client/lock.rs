//! Leases, locks and elections over the API, as `fishctl lease`, `lock`
//! and `elect` use them.
//!
//! **The lock recipe.** Each contender grants itself a lease and creates
//! `NAME/<lease id, 16 hex digits>` under it, create-only. Versions of
//! newly created keys grow with the log (see `store`), so the contenders'
//! keys, ordered by version, are the queue in order of arrival: the first
//! holds the lock; every other one waits, through a watch, for the delete
//! (or expiry) of the one just before it, then looks again. Nobody races
//! for a freed lock, and a contender that dies leaves the queue when its
//! lease expires.
//!
//! **Fencing.** The holder's key and its version are the fencing token:
//! as long as that key exists at that version, no other contender can be
//! first (later keys have higher versions, and a key once deleted is
//! re-created at a new version). A write guarded by `Fish-Fence:
//! KEY@VERSION`, or a txn `check` of the key at the version, is applied
//! only while the lock is still held, in the same transaction: a holder
//! that was paused past its TTL and comes back has every write refused
//! (412 `fenced`).

use std::time::Duration;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::{Method, StatusCode};
use serde_json::Value;

use super::{Client, ClientError, Reply};
use crate::api::encoding::percent_encode;

/// Why a lease or lock operation failed.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error("{message} ({status})")]
    Refused { status: StatusCode, message: String },
    #[error("lease {0} is gone (it expired or was revoked)")]
    LeaseGone(u64),
    #[error("unexpected answer: {0}")]
    Malformed(String),
}

fn refused(reply: &Reply) -> LockError {
    if reply.status == StatusCode::NOT_FOUND {
        if let Ok(v) = serde_json::from_slice::<Value>(&reply.body) {
            if let Some(id) = v["lease"].as_u64() {
                return LockError::LeaseGone(id);
            }
        }
    }
    LockError::Refused { status: reply.status, message: reply.error_message() }
}

fn json(reply: &Reply) -> Result<Value, LockError> {
    serde_json::from_slice(&reply.body).map_err(|e| LockError::Malformed(e.to_string()))
}

/// `POST /v1/leases`: a new lease's id.
pub async fn grant(client: &Client, ttl_s: u32) -> Result<u64, LockError> {
    let body = serde_json::to_vec(&serde_json::json!({ "ttl_s": ttl_s })).expect("JSON");
    let reply = client.send(Method::POST, "/v1/leases", &[("content-type", "application/json")], body.into()).await?;
    if reply.status != StatusCode::OK {
        return Err(refused(&reply));
    }
    json(&reply)?["id"].as_u64().ok_or_else(|| LockError::Malformed("a grant without an id".into()))
}

/// One keepalive; the lease's TTL.
pub async fn keepalive(client: &Client, id: u64) -> Result<u32, LockError> {
    let reply = client.send(Method::POST, &format!("/v1/leases/{id}/keepalive"), &[], Bytes::new()).await?;
    if reply.status != StatusCode::OK {
        return Err(refused(&reply));
    }
    Ok(json(&reply)?["ttl_s"].as_u64().unwrap_or(0) as u32)
}

/// `DELETE /v1/leases/{id}`: how many keys went with it.
pub async fn revoke(client: &Client, id: u64) -> Result<u64, LockError> {
    let reply = client.send(Method::DELETE, &format!("/v1/leases/{id}"), &[], Bytes::new()).await?;
    if reply.status != StatusCode::OK {
        return Err(refused(&reply));
    }
    Ok(json(&reply)?["deleted"].as_u64().unwrap_or(0))
}

/// Keeps lease `id` alive until it is gone or `stop` fires: a keepalive
/// every third of the TTL, retried every 200 ms while the group has no
/// master (a failover). Returns why it stopped (`Ok` when told to).
pub async fn keep_alive(
    client: &Client,
    id: u64,
    ttl_s: u32,
    mut stop: tokio::sync::watch::Receiver<bool>,
    on_renew: impl Fn(u32),
) -> Result<(), LockError> {
    let every = Duration::from_millis(u64::from(ttl_s) * 1000 / 3).max(Duration::from_millis(100));
    let mut next = every;
    loop {
        tokio::select! {
            _ = stop.changed() => return Ok(()),
            () = tokio::time::sleep(next) => {}
        }
        next = match keepalive(client, id).await {
            Ok(ttl) => {
                on_renew(ttl);
                every
            }
            Err(e @ LockError::LeaseGone(_)) => return Err(e),
            Err(LockError::Refused { status, message }) if status.is_client_error() => {
                return Err(LockError::Refused { status, message });
            }
            // No master right now, or no answer: soon again.
            Err(_) => Duration::from_millis(200),
        };
    }
}

/// A lock held (or leadership won).
#[derive(Debug, Clone)]
pub struct Held {
    /// This contender's key: `NAME/<lease>`.
    pub key: String,
    /// Its version: the fencing token.
    pub version: u64,
    pub lease: u64,
}

impl Held {
    /// The `Fish-Fence` header value that guards a write with this lock.
    pub fn fence(&self) -> String {
        format!("{}@{}", percent_encode(self.key.as_bytes()), self.version)
    }
}

/// Joins the queue of lock `name` under lease `lease` and waits until
/// first in it. `waiting` is told who holds it while this one waits.
pub async fn acquire(
    client: &Client,
    name: &str,
    lease: u64,
    value: &[u8],
    waiting: impl Fn(&str),
) -> Result<Held, LockError> {
    let key = format!("{name}/{lease:016x}");
    let path = format!("/v1/kv/{}?lease={lease}", percent_encode(key.as_bytes()));
    let reply = loop {
        let reply = client.send(Method::PUT, &path, &[("if-none-match", "*")], Bytes::copy_from_slice(value)).await?;
        if !reply.status.is_server_error() {
            break reply;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let version = match reply.status {
        StatusCode::NO_CONTENT => etag(&reply)?,
        // Our own key from an earlier try whose answer was lost.
        StatusCode::PRECONDITION_FAILED => current_version(client, &key).await?,
        _ => return Err(refused(&reply)),
    };
    let prefix = format!("{name}/");
    let mut told = String::new();
    loop {
        let queue = queue(client, &prefix).await?;
        let Some(mine) = queue.iter().position(|(k, _)| *k == key) else {
            return Err(LockError::LeaseGone(lease));
        };
        if mine == 0 {
            return Ok(Held { key, version, lease });
        }
        if told != queue[0].0 {
            told = queue[0].0.clone();
            waiting(&told);
        }
        wait_deleted(client, &prefix, &queue[mine - 1].0).await?;
    }
}

/// The contenders for a lock, first (lowest version) first.
pub async fn queue(client: &Client, prefix: &str) -> Result<Vec<(String, u64)>, LockError> {
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut path = format!("/v1/kv?prefix={}&limit=1000", percent_encode(prefix.as_bytes()));
        if let Some(a) = &after {
            path.push_str(&format!("&start_after={}", percent_encode(a.as_bytes())));
        }
        let reply = client.get(&path).await?;
        if reply.status != StatusCode::OK {
            if reply.status.is_server_error() {
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            }
            return Err(refused(&reply));
        }
        let page = json(&reply)?;
        for item in page["items"].as_array().into_iter().flatten() {
            if let (Some(k), Some(v)) = (item["key"].as_str(), item["version"].as_u64()) {
                out.push((k.to_string(), v));
            }
        }
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_string()),
            None => break,
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// Waits until `key` is deleted (or expires), or 5 s pass (the caller
/// looks again either way).
async fn wait_deleted(client: &Client, prefix: &str, key: &str) -> Result<(), LockError> {
    const AT_MOST: Duration = Duration::from_secs(5);
    let path = format!("/v1/watch?prefix={}", percent_encode(prefix.as_bytes()));
    let resp = match client.open(Method::GET, &path).await {
        Ok(resp) if resp.status() == StatusCode::OK => resp,
        // No watch here (a proxy front-end, or no change log yet): poll.
        _ => {
            tokio::time::sleep(Duration::from_millis(500)).await;
            return Ok(());
        }
    };
    // The watch runs from now; the key may have gone just before.
    if current_version(client, key).await.is_err() {
        return Ok(());
    }
    let mut body = resp.into_body();
    let mut pending = Vec::new();
    let deadline = tokio::time::Instant::now() + AT_MOST;
    loop {
        let frame = match tokio::time::timeout_at(deadline, body.frame()).await {
            Ok(Some(Ok(frame))) => frame,
            _ => return Ok(()),
        };
        let Ok(data) = frame.into_data() else { continue };
        pending.extend_from_slice(&data);
        while let Some(end) = pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = pending.drain(..=end).collect();
            let Ok(event) = serde_json::from_slice::<Value>(&line) else { return Ok(()) };
            let gone = matches!(event["type"].as_str(), Some("delete" | "expire" | "cut_off"));
            if gone && (event["key"].as_str() == Some(key) || event["type"] == "cut_off") {
                return Ok(());
            }
        }
    }
}

/// A key's version (linearizable), or `Refused` 404 when it is absent.
async fn current_version(client: &Client, key: &str) -> Result<u64, LockError> {
    let reply = client.get(&format!("/v1/kv/{}", percent_encode(key.as_bytes()))).await?;
    if reply.status != StatusCode::OK {
        return Err(refused(&reply));
    }
    etag(&reply)
}

fn etag(reply: &Reply) -> Result<u64, LockError> {
    reply
        .header("etag")
        .and_then(|e| e.trim_matches('"').parse().ok())
        .ok_or_else(|| LockError::Malformed("an answer without a version (ETag)".into()))
}
