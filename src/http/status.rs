//! `/healthz`, `/readyz` and `/v1/status`.

use hyper::body::Incoming;
use hyper::{Method, Request, StatusCode};
use serde_json::json;

use super::error::ApiError;
use super::request::{allow, blocking};
use super::{App, Resp, json_response};

/// 200 while the process serves HTTP at all.
pub fn healthz(req: &Request<Incoming>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    Ok(json_response(StatusCode::OK, &json!({ "status": "ok" })))
}

/// 200 once the site can serve: master, or a client that has caught up and
/// knows the master's HTTP address. 503 (with the reason) until then.
pub fn readyz(app: &App, req: &Request<Incoming>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    let view = app.group.view();
    let ready = view.is_ready();
    let status = if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    Ok(json_response(status, &json!({ "ready": ready, "state": view.describe() })))
}

/// What this site is and where it stands.
pub async fn status(app: &App, req: &Request<Incoming>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    if app.store.is_none() {
        return Ok(proxy_status(app));
    }
    let store = app.store()?;
    let config = app.config();
    let (lsn, log_files, sites, shape) = blocking(move || {
        let env = store.env();
        let shape = crate::replication::shape::shape(&store, &config).ok();
        Ok((env.current_lsn()?, env.log_files()?.len(), env.sites()?, shape))
    })
    .await?;
    let c = &app.config();
    let view = app.group.view();
    let mut group: Vec<_> = vec![json!({
        "replication": c.replication.listen.to_string(),
        "name": c.name,
        "http": c.http.advertise.to_string(),
        "self": true,
        "connected": true,
    })];
    group.extend(
        sites.iter().map(
            |s| json!({ "replication": s.addr.to_string(), "eid": s.eid, "connected": s.connected, "self": false }),
        ),
    );
    let master = master_json(&view);
    let body = json!({
        "name": c.name,
        "role": c.role.to_string(),
        "state": view.role.to_string(),
        "status": view.describe(),
        "synced": view.synced,
        "master": master,
        "generation": view.generation,
        "lsn": { "file": lsn.file, "offset": lsn.offset },
        "sites": group,
        "priority": c.replication.priority,
        "fault_tolerance": shape,
        "ack_policy": c.replication.ack_policy.name(),
        "data_dir": c.data_dir.display().to_string(),
        "log_files": log_files,
        "uptime_s": app.started.elapsed().as_secs(),
        "version": env!("CARGO_PKG_VERSION"),
        "berkeley_db": crate::bdb::version(),
    });
    Ok(json_response(StatusCode::OK, &body))
}

/// Prometheus text exposition of this process's metrics.
pub fn metrics(req: &Request<Incoming>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    let mut resp = Resp::new(super::full(crate::metrics::get().encode()));
    resp.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    Ok(resp)
}

/// A proxy front-end's status: it has no replica, only the master and the
/// back-ends it follows.
fn proxy_status(app: &App) -> Resp {
    let view = app.group.view();
    let c = &app.config();
    let master = master_json(&view);
    json_response(
        StatusCode::OK,
        &json!({
            "name": c.name,
            "role": "front",
            "mode": "proxy",
            "state": view.role.to_string(),
            "status": view.describe(),
            "synced": false,
            "master": master,
            "generation": view.generation,
            "replicas": view.replicas,
            "uptime_s": app.started.elapsed().as_secs(),
            "version": env!("CARGO_PKG_VERSION"),
        }),
    )
}

/// The master as a site knows it, for status bodies.
fn master_json(view: &crate::replication::View) -> Option<serde_json::Value> {
    view.master.as_ref().map(|m| json!({ "name": m.name, "replication": m.replication, "http": m.http }))
}
