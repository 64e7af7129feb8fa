//! `/healthz`, `/readyz`, `/v1/status` and `/metrics`.

use hyper::{Method, Request, StatusCode};
use serde_json::json;

use super::error::ApiError;
use super::request::{ReqBody, allow, blocking};
use super::{App, Resp, json_response};
use crate::api;

/// 200 while the process serves HTTP at all.
pub fn healthz(req: &Request<ReqBody>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    Ok(json_response(StatusCode::OK, &json!({ "status": "ok" })))
}

/// 200 once the site can serve: master, or a client that has caught up and
/// knows the master's HTTP address. 503 (with the reason) until then.
pub fn readyz(app: &App, req: &Request<ReqBody>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    let view = app.group.view();
    let ready = view.is_ready();
    let status = if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    Ok(json_response(status, &json!({ "ready": ready, "state": view.describe() })))
}

/// What this site is and where it stands.
pub async fn status(app: &App, req: &Request<ReqBody>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    let Some(store) = app.store.clone() else {
        return Ok(json_response(StatusCode::OK, &proxy_status(app)));
    };
    let config = app.config();
    let local = {
        let config = config.clone();
        blocking(move || crate::replication::members::local_state(&store, &config)).await?
    };
    let c = &config;
    let view = app.group.view();
    let mut sites = vec![api::StatusSite {
        replication: c.replication.listen.to_string(),
        is_self: true,
        connected: true,
        view: c.is_view(),
        eid: None,
        name: Some(c.name.clone()),
        http: Some(c.http.advertise.to_string()),
    }];
    sites.extend(local.sites);
    let status = api::Status {
        name: c.name.clone(),
        role: c.role.to_string(),
        mode: c.is_view().then(|| "view".to_string()),
        state: view.role.to_string(),
        status: view.describe(),
        synced: view.synced,
        lag_bytes: view.lag_bytes,
        master: view.master.clone(),
        generation: view.generation,
        lsn: local.lsn,
        sites,
        priority: Some(c.replication.priority),
        fault_tolerance: local.fault_tolerance,
        ack_policy: Some(c.replication.ack_policy.name().to_string()),
        data_dir: Some(c.data_dir.display().to_string()),
        log_files: local.log_files,
        disk: app.group.disk(),
        replicas: None,
        uptime_s: app.started.elapsed().as_secs(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        berkeley_db: Some(local.berkeley_db),
    };
    Ok(json_response(StatusCode::OK, &status))
}

/// Prometheus text exposition of this process's metrics, with Berkeley
/// DB's counters sampled now.
pub async fn metrics(app: &App, req: &Request<ReqBody>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    if let Some(store) = app.store.clone()
        && let Ok(s) = blocking(move || store.stats()).await
    {
        crate::metrics::get().set_storage(crate::metrics::StorageSample {
            cache_hits: s.env.cache_hits,
            cache_misses: s.env.cache_misses,
            lock_waits: s.env.lock_waits,
            deadlocks: s.env.deadlocks,
            log_bytes: s.env.log_bytes,
            log_flushes: s.env.log_flushes,
            rep_log_records: s.env.rep_log_records,
            rep_log_queued: s.env.rep_log_queued,
            rep_log_requested: s.env.rep_log_requested,
            checkpoints: s.checkpoints,
            checkpoint_seconds: s.checkpoint_time.as_secs_f64(),
            last_checkpoint_seconds: s.last_checkpoint.as_secs_f64(),
            free_bytes: s.free_bytes,
            min_free_bytes: s.min_free_bytes,
        });
    }
    let mut resp = Resp::new(super::full(crate::metrics::get().encode()));
    resp.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    Ok(resp)
}

/// A proxy front-end's status: it has no replica, only the master and the
/// back-ends it follows.
fn proxy_status(app: &App) -> api::Status {
    let view = app.group.view();
    let c = app.config();
    api::Status {
        name: c.name.clone(),
        role: "front".into(),
        mode: Some("proxy".into()),
        state: view.role.to_string(),
        status: view.describe(),
        synced: false,
        lag_bytes: None,
        master: view.master.clone(),
        generation: view.generation,
        lsn: None,
        sites: Vec::new(),
        priority: None,
        fault_tolerance: None,
        ack_policy: None,
        data_dir: None,
        log_files: None,
        disk: None,
        replicas: Some(view.replicas.clone()),
        uptime_s: app.started.elapsed().as_secs(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        berkeley_db: None,
    }
}
