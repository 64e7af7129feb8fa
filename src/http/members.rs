//! Group membership: `GET /v1/members` lists the sites of the replication
//! group as this site knows them; `DELETE /v1/members/{host:port}` removes a
//! site from the group (a master operation: clients forward it).

use hyper::body::Incoming;
use hyper::{Method, Request, StatusCode};
use serde_json::json;

use super::encoding::percent_decode;
use super::error::ApiError;
use super::request::{allow, blocking};
use super::{App, Resp, empty, json_response};
use crate::bdb::{self, SiteAddr};
use crate::replication::shape::SiteRecord;
use crate::store::StoreError;

pub async fn list(app: &App, req: &Request<Incoming>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    let store = app.store()?;
    // Each site with its registered record (name, role, http), if any.
    let sites = blocking(move || crate::replication::shape::registered_sites(&store)).await?;
    let view = app.group.view();
    let master = view.master.as_ref().map(|m| m.replication.clone());
    let me = app.config().replication.listen.to_string();
    let mut out = vec![json!({
        "replication": me,
        "self": true,
        "connected": true,
        "master": master.as_deref() == Some(me.as_str()),
        "name": app.config().name,
        "http": app.config().http.advertise.to_string(),
        "role": app.config().role.to_string(),
    })];
    out.extend(sites.iter().map(|(s, record)| {
        let addr = s.addr.to_string();
        json!({
            "replication": addr,
            "self": false,
            "connected": s.connected,
            "master": master.as_deref() == Some(addr.as_str()),
            "name": record.as_ref().map(|r| r.name.clone()),
            "http": record.as_ref().map(|r| r.http.clone()),
            "role": record.as_ref().map(|r| r.role.clone()),
        })
    }));
    Ok(json_response(StatusCode::OK, &json!({ "members": out, "generation": view.generation })))
}

pub async fn remove(app: &App, req: &Request<Incoming>, encoded: &str) -> Result<Resp, ApiError> {
    allow(req, &[Method::DELETE])?;
    let addr = parse_addr(encoded)?;
    if addr.to_string() == app.config().replication.listen.to_string() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "is_master",
            format!("{addr} is this site, the master; stop it (another site takes over) and remove it from there"),
        ));
    }
    let store = app.store()?;
    let known = {
        let store = store.clone();
        blocking(move || Ok(store.env().sites()?)).await?
    };
    if !known.iter().any(|s| s.addr == addr) {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "not_found", format!("{addr} is not a member of the group")));
    }
    let target = addr.clone();
    blocking(move || store.env().remove_site(&target).map_err(StoreError::from)).await.map_err(|e| match e.status {
        StatusCode::INTERNAL_SERVER_ERROR => ApiError::new(StatusCode::CONFLICT, "remove_failed", e.message),
        _ => e,
    })?;
    tracing::info!(fish_event = "site_removed", site = %addr, "removed a site from the group");
    Ok(empty(StatusCode::NO_CONTENT))
}

/// A percent-encoded `host:port` from the path.
fn parse_addr(encoded: &str) -> Result<SiteAddr, ApiError> {
    let text = percent_decode(encoded)
        .ok()
        .and_then(|b| String::from_utf8(b.into_owned()).ok())
        .ok_or_else(|| ApiError::bad_request("bad_encoding", "the site address is not valid percent-encoded UTF-8"))?;
    let text = text.as_str();
    let bad = || ApiError::bad_request("invalid_argument", format!("{text:?} is not HOST:PORT"));
    let (host, port) = text.rsplit_once(':').ok_or_else(bad)?;
    let port = port.parse::<u16>().map_err(|_| bad())?;
    if host.is_empty() {
        return Err(bad());
    }
    Ok(bdb::SiteAddr { host: host.to_string(), port })
}

/// `PUT /v1/internal/sites/{host:port}`: a member registers its role and
/// priority (see `replication::shape`). A master operation.
pub async fn register(app: &App, req: Request<Incoming>, encoded: &str) -> Result<Resp, ApiError> {
    allow(&req, &[Method::PUT])?;
    let addr = parse_addr(encoded)?.to_string();
    let body = super::request::body(req, 4096, "a site record").await?;
    let record: SiteRecord = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("invalid_json", format!("site record: {e}")))?;
    let store = app.store()?;
    let json = serde_json::to_vec(&record).expect("serialising a record");
    blocking(move || store.meta_put(&SiteRecord::key(&addr), &json)).await?;
    Ok(empty(StatusCode::NO_CONTENT))
}
