//! Sending a request on to the master: writes and master-consistency reads
//! that reach a client site.
//!
//! The request waits (up to `[http] master_wait_ms`) for a master whose HTTP
//! address is known, then goes over a pooled keep-alive connection. If the
//! connection cannot even be made, nothing was sent, so it waits for a
//! master again and retries until the deadline; any later failure is
//! reported as 503, because the write may or may not have been applied.
//! A forwarded request carries `Fish-Forwarded-By`; a site that receives one
//! and is not master answers 503 instead of forwarding again (no loops).

use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::{self, HeaderName};
use hyper::{Request, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use super::error::ApiError;
use super::{App, Resp};

pub const FORWARDED_BY: &str = "fish-forwarded-by";

/// Headers that travel to the master (and back).
const REQUEST_HEADERS: [HeaderName; 4] =
    [header::CONTENT_TYPE, header::IF_MATCH, header::IF_NONE_MATCH, HeaderName::from_static("fish-after")];

/// A pool of connections to whichever site is master (and, on a proxy
/// front-end, to the back-ends that serve its replica reads).
pub struct Forwarder {
    client: Client<HttpConnector, Full<Bytes>>,
    next_replica: std::sync::atomic::AtomicUsize,
}

impl Default for Forwarder {
    fn default() -> Self {
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        connector.set_connect_timeout(Some(Duration::from_secs(1)));
        let client = Client::builder(TokioExecutor::new()).pool_idle_timeout(Duration::from_secs(30)).build(connector);
        Forwarder { client, next_replica: Default::default() }
    }
}

/// Where a request that needs the master goes.
pub enum Target {
    /// This site is master.
    Local,
    Remote(String),
}

/// Waits until this site is master or knows the master's HTTP address.
pub async fn wait_for_master(app: &App, deadline: Instant) -> Result<Target, ApiError> {
    let mut view = app.group.subscribe();
    let decide = |v: &crate::replication::View| match (v.role, v.master_http()) {
        (crate::replication::Role::Master, _) => Some(Target::Local),
        (_, Some(http)) if http != app.config().http.advertise.to_string() => Some(Target::Remote(http.to_string())),
        _ => None,
    };
    loop {
        if let Some(t) = decide(&view.borrow_and_update()) {
            return Ok(t);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || tokio::time::timeout(left, view.changed()).await.is_err() {
            return Err(no_master(app));
        }
    }
}

fn no_master(app: &App) -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "no_master",
        format!(
            "no master is known after waiting {} ms (election in progress?)",
            app.config().http.master_wait.as_millis()
        ),
    )
    .with_header(header::RETRY_AFTER, "1")
}

/// Forwards `parts` + `body` to the master, retrying while nothing was sent.
pub async fn forward(
    app: &App,
    parts: hyper::http::request::Parts,
    body: Bytes,
    deadline: Instant,
) -> Result<Resp, ApiError> {
    if parts.headers.contains_key(FORWARDED_BY) {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "not_master",
            "this site is no longer master; retry",
        )
        .with_header(header::RETRY_AFTER, "1"));
    }
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str()).to_string();
    let mut unreachable: Option<String> = None;
    loop {
        let master = match wait_for_master(app, deadline).await? {
            // The request body is already read, so it cannot be handed to the
            // local handlers; the client retries and lands here as master.
            Target::Local => {
                return Err(ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "master_changed",
                    "this site just became master; retry",
                )
                .with_header(header::RETRY_AFTER, "0"));
            }
            Target::Remote(http) if unreachable.as_deref() == Some(http.as_str()) => {
                // Still the master we could not reach: wait for news (a new
                // master is usually known within tens of ms of a crash),
                // trying it again now and then in case it is back.
                if Instant::now() >= deadline {
                    return Err(no_master(app));
                }
                let mut view = app.group.subscribe();
                let _ = tokio::time::timeout(Duration::from_millis(50), view.changed()).await;
                unreachable = None;
                continue;
            }
            Target::Remote(http) => http,
        };
        let sent = tokio::select! {
            sent = send(app, &parts, &body, &master, &path) => sent,
            () = master_moved(app, &master) => Err(Sent::Lost(format!(
                "the group elected another master while {master} had not answered (frozen or cut off?)"
            ))),
        };
        match sent {
            Ok(resp) => return Ok(resp),
            // Nothing was sent: past the deadline that is "no master".
            Err(Sent::NotConnected(_)) if Instant::now() >= deadline => return Err(no_master(app)),
            Err(Sent::NotConnected(e)) => {
                tracing::debug!(master, err = %e, "master unreachable; waiting for a new one");
                unreachable = Some(master);
            }
            Err(Sent::Lost(e)) => return Err(lost(&master, &e)),
        }
    }
}

/// Returns once this site knows a master other than `master` (or became
/// master itself). A master that froze (SIGSTOP, a stalled VM) keeps its
/// connections open, so a request sent to it would otherwise wait for it
/// to thaw: answering 503 as soon as the group has moved on lets the client
/// retry against the new master.
async fn master_moved(app: &App, master: &str) {
    let mut view = app.group.subscribe();
    loop {
        {
            let v = view.borrow_and_update();
            let elsewhere = v.role == crate::replication::Role::Master
                || v.master.as_ref().and_then(|m| m.http.as_deref()).is_some_and(|h| h != master);
            if elsewhere {
                return;
            }
        }
        if view.changed().await.is_err() {
            return std::future::pending().await;
        }
    }
}

/// Why a forwarded request got no answer.
enum Sent {
    /// No connection could be made: nothing was sent.
    NotConnected(String),
    /// The request may have reached the site.
    Lost(String),
}

async fn send(
    app: &App,
    parts: &hyper::http::request::Parts,
    body: &Bytes,
    to: &str,
    path: &str,
) -> Result<Resp, Sent> {
    let mut req = Request::builder().method(parts.method.clone()).uri(format!("http://{to}{path}"));
    for name in &REQUEST_HEADERS {
        if let Some(v) = parts.headers.get(name) {
            req = req.header(name, v);
        }
    }
    let req = req
        .header(FORWARDED_BY, app.config().name.as_str())
        .body(Full::new(body.clone()))
        .map_err(|e| Sent::NotConnected(format!("building the forwarded request: {e}")))?;
    match app.forwarder.client.request(req).await {
        Ok(resp) => {
            let (parts, body) = resp.into_parts();
            let body = body.collect().await.map_err(|e| Sent::Lost(e.to_string()))?.to_bytes();
            Ok(Resp::from_parts(parts, super::full(body)))
        }
        Err(e) if e.is_connect() => Err(Sent::NotConnected(e.to_string())),
        Err(e) => Err(Sent::Lost(e.to_string())),
    }
}

/// Proxy front-ends: sends a read to one of the synced back-ends (in
/// turn), trying the next one when a connection cannot be made.
pub async fn to_replica(
    app: &App,
    parts: hyper::http::request::Parts,
    body: Bytes,
    deadline: Instant,
) -> Result<Resp, ApiError> {
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str()).to_string();
    loop {
        let replicas = app.group.view().replicas;
        if !replicas.is_empty() {
            let n = app.forwarder.next_replica.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let to = &replicas[n % replicas.len()];
            match send(app, &parts, &body, to, &path).await {
                Ok(resp) => return Ok(resp),
                Err(Sent::Lost(e)) => return Err(lost(to, &e)),
                Err(Sent::NotConnected(_)) => {}
            }
        }
        if Instant::now() >= deadline {
            return Err(ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "no_replica", "no back-end is reachable")
                .with_header(header::RETRY_AFTER, "1"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn lost(master: &str, err: &dyn std::fmt::Display) -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "master_unreachable",
        format!("lost the connection to the master {master} ({err}); a write may or may not have been applied"),
    )
    .with_header(header::RETRY_AFTER, "1")
}
