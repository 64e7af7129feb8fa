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

/// 200 once the site can serve the KV API. A standalone back-end is ready
/// as soon as its environment is open and recovered, which precedes
/// listening; replication will make this depend on group state.
pub fn readyz(req: &Request<Incoming>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    Ok(json_response(StatusCode::OK, &json!({ "ready": true })))
}

/// What this site is and where it stands.
pub async fn status(app: &App, req: &Request<Incoming>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    let store = app.store.clone();
    let (lsn, log_files) = blocking(move || {
        let env = store.env();
        Ok((env.current_lsn()?, env.log_files()?.len()))
    })
    .await?;
    let c = &app.config;
    let me = json!({
        "name": c.name,
        "http": c.http.advertise.to_string(),
        "replication": c.replication.listen.to_string(),
    });
    let body = json!({
        "name": c.name,
        "role": c.role.to_string(),
        "state": "master",
        "replicated": false,
        "master": me,
        "lsn": { "file": lsn.file, "offset": lsn.offset },
        "sites": [me],
        "ack_policy": c.replication.ack_policy.name(),
        "data_dir": c.data_dir.display().to_string(),
        "log_files": log_files,
        "uptime_s": app.started.elapsed().as_secs(),
        "version": env!("CARGO_PKG_VERSION"),
        "berkeley_db": crate::bdb::version(),
    });
    Ok(json_response(StatusCode::OK, &body))
}
