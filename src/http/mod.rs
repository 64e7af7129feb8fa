//! The HTTP API (hyper 1 on tokio): routing here; the accept loop, the HTTP
//! threads and graceful draining in [`server`]. Handlers live in [`kv`],
//! [`txn`] and [`status`]; a store call that may wait goes through
//! [`request::blocking`], so Berkeley DB never blocks an HTTP thread.

mod backup;
pub use backup::remove_leftovers as remove_unfinished_backups;
pub mod encoding;
pub mod error;
mod forward;
pub use forward::FORWARDED_BY;
mod kv;
mod members;
mod request;
mod server;
pub use server::{Threads, serve};
mod status;
pub mod txn;

use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};

use crate::config::Config;
use crate::replication::{Group, Role};
use crate::store::Store;
use error::ApiError;

/// A response body: complete in memory (every answer but one), or streamed
/// as it is produced (a backup).
pub type Body = http_body_util::combinators::BoxBody<Bytes, std::io::Error>;
pub type Resp = Response<Body>;

/// A complete, in-memory body.
pub fn full(bytes: impl Into<Bytes>) -> Body {
    use http_body_util::BodyExt;
    Full::new(bytes.into()).map_err(|never| match never {}).boxed()
}

/// What handlers share.
pub struct App {
    /// None on a proxy front-end, which has no data of its own.
    pub store: Option<Arc<Store>>,
    /// The running configuration; a SIGHUP reload swaps it.
    pub config: std::sync::RwLock<Arc<Config>>,
    pub group: Arc<Group>,
    pub forwarder: forward::Forwarder,
    pub started: Instant,
}

impl App {
    /// The running configuration (a snapshot: a reload swaps in a new one).
    pub fn config(&self) -> Arc<Config> {
        Arc::clone(&self.config.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Installs a reloaded configuration.
    pub fn set_config(&self, config: Arc<Config>) {
        *self.config.write().unwrap_or_else(|e| e.into_inner()) = config;
    }

    /// The local store; a proxy front-end has none (its requests are all
    /// forwarded before they reach a handler that would ask).
    fn store(&self) -> Result<Arc<Store>, ApiError> {
        self.store.clone().ok_or_else(|| ApiError::internal("this front-end has no local store"))
    }
}

async fn route(app: &App, req: Request<Incoming>) -> Resp {
    let started = Instant::now();
    let method = req.method().clone();
    // A Uri clone shares the request's bytes: no copy of the path.
    let uri = req.uri().clone();
    let resp = answer(app, req, uri.path()).await;
    crate::metrics::get().request(uri.path(), &method, resp.status().as_u16(), started.elapsed());
    resp
}

async fn answer(app: &App, req: Request<Incoming>, path: &str) -> Resp {
    let result = if needs_master(&req) && app.group.view().role != Role::Master {
        relay(app, req).await
    } else if app.store.is_none() && !matches!(path, "/healthz" | "/readyz" | "/v1/status" | "/metrics" | "/v1/backup")
    {
        to_replica(app, req).await
    } else {
        dispatch(app, req, path).await
    };
    result.unwrap_or_else(|err| {
        if err.status.is_server_error() {
            tracing::warn!(path, status = err.status.as_u16(), code = err.code, message = %err.message, "request failed");
        }
        err.into_response()
    })
}

/// Writes, transactions, removing a member, and reads at the default
/// `master` consistency must be served by the master.
fn needs_master(req: &Request<Incoming>) -> bool {
    let path = req.uri().path();
    let kv = path == "/v1/kv" || path.starts_with("/v1/kv/");
    let admin = (path.starts_with("/v1/members/") && req.method() == Method::DELETE)
        || (path.starts_with("/v1/internal/sites/") && req.method() == Method::PUT);
    if path == "/v1/txn" || admin {
        return true;
    }
    if !kv {
        return false;
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return true;
    }
    let local_read = req.headers().contains_key("fish-after")
        || req
            .uri()
            .query()
            .is_some_and(|q| q.split('&').any(|p| p.starts_with("consistency=") && p != "consistency=master"));
    !local_read
}

/// Serves here if this site turns out to be master, else forwards.
async fn relay(app: &App, req: Request<Incoming>) -> Result<Resp, ApiError> {
    let deadline = Instant::now() + app.config().http.master_wait;
    let uri = req.uri().clone();
    match forward::wait_for_master(app, deadline).await? {
        forward::Target::Local => dispatch(app, req, uri.path()).await,
        forward::Target::Remote(_) => {
            let (parts, body) = body_to_forward(app, req).await?;
            forward::forward(app, parts, body, deadline).await
        }
    }
}

/// A proxy front-end sends reads that need no master to a synced back-end.
async fn to_replica(app: &App, req: Request<Incoming>) -> Result<Resp, ApiError> {
    let deadline = Instant::now() + app.config().http.master_wait;
    let (parts, body) = body_to_forward(app, req).await?;
    forward::to_replica(app, parts, body, deadline).await
}

/// Reads a request to forward, bounded by the largest body any endpoint
/// accepts (the site that handles it applies the exact limit).
async fn body_to_forward(app: &App, req: Request<Incoming>) -> Result<(hyper::http::request::Parts, Bytes), ApiError> {
    let http = &app.config().http;
    request::split_body(req, http.max_txn_bytes.max(http.max_value_bytes), "the request body").await
}

async fn dispatch(app: &App, req: Request<Incoming>, path: &str) -> Result<Resp, ApiError> {
    match path {
        "/healthz" => status::healthz(&req),
        "/readyz" => status::readyz(app, &req),
        "/v1/status" => status::status(app, &req).await,
        "/metrics" => status::metrics(&req),
        "/v1/kv" | "/v1/kv/" => kv::list(app, req).await,
        "/v1/txn" => txn::handle(app, req).await,
        "/v1/members" => members::list(app, &req).await,
        "/v1/backup" => backup::take(app, &req).await,
        p => {
            if let Some(key) = p.strip_prefix("/v1/kv/") {
                kv::key(app, req, key).await
            } else if let Some(site) = p.strip_prefix("/v1/members/") {
                members::remove(app, &req, site).await
            } else if let Some(site) = p.strip_prefix("/v1/internal/sites/") {
                members::register(app, req, site).await
            } else {
                Err(ApiError::no_route(p))
            }
        }
    }
}

fn empty(status: StatusCode) -> Resp {
    let mut resp = Response::new(full(Bytes::new()));
    *resp.status_mut() = status;
    resp
}

fn json_response(status: StatusCode, body: &serde_json::Value) -> Resp {
    let mut resp = Response::new(full(body.to_string()));
    *resp.status_mut() = status;
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    resp
}
