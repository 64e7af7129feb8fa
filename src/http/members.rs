//! Group membership: `GET /v1/members` lists the sites of the replication
//! group as this site knows them; `DELETE /v1/members/{host:port}` removes a
//! site from the group (a master operation: clients forward it);
//! `POST /v1/step-down` hands mastership over (`replication::handover`),
//! and `POST /v1/internal/takeover` is its request to the site taking over.
//! The rules live in `replication`; this module only speaks HTTP.

use hyper::{Method, Request, StatusCode};

use super::error::ApiError;
use super::request::{ReqBody, allow, blocking};
use super::{App, Resp, empty, json_response};
use crate::api::encoding::percent_decode;
use crate::config::HostPort;
use crate::replication::handover::{AlreadyElected, HandOverError, Prepared, Reason, Takeover};
use crate::replication::members::{self, RemoveError};
use crate::replication::shape::SiteRecord;

pub async fn list(app: &App, req: &Request<ReqBody>) -> Result<Resp, ApiError> {
    allow(req, &[Method::GET])?;
    let (store, config, view) = (app.store()?, app.config(), app.group.view());
    let body = blocking(move || members::members(&store, &config, &view)).await?;
    Ok(json_response(StatusCode::OK, &body))
}

pub async fn remove(app: &App, req: &Request<ReqBody>, encoded: &str) -> Result<Resp, ApiError> {
    allow(req, &[Method::DELETE])?;
    let site = parse_site(encoded)?;
    let (store, config) = (app.store()?, app.config());
    blocking(move || members::remove(&store, &config, &site)).await?;
    Ok(empty(StatusCode::NO_CONTENT))
}

impl From<RemoveError> for ApiError {
    fn from(err: RemoveError) -> ApiError {
        match err {
            RemoveError::IsSelf(_) => ApiError::new(StatusCode::CONFLICT, "is_master", err.to_string()),
            RemoveError::NotMember(_) => ApiError::new(StatusCode::NOT_FOUND, "not_found", err.to_string()),
            RemoveError::Failed(e) => match ApiError::from(e) {
                e if e.status == StatusCode::INTERNAL_SERVER_ERROR => {
                    ApiError::new(StatusCode::CONFLICT, "remove_failed", e.message)
                }
                e => e,
            },
        }
    }
}

/// A percent-encoded `host:port` from the path.
fn parse_site(encoded: &str) -> Result<HostPort, ApiError> {
    let text = percent_decode(encoded)
        .ok()
        .and_then(|b| String::from_utf8(b.into_owned()).ok())
        .ok_or_else(|| ApiError::bad_request("bad_encoding", "the site address is not valid percent-encoded UTF-8"))?;
    text.parse::<HostPort>().map_err(|why| ApiError::bad_request("invalid_argument", why))
}

/// `PUT /v1/internal/sites/{host:port}`: a member registers its role and
/// priority (see `replication::shape`). A master operation.
pub async fn register(app: &App, req: Request<ReqBody>, encoded: &str) -> Result<Resp, ApiError> {
    let (req, site) = super::request::before_body(req, |req| {
        allow(req, &[Method::PUT])?;
        parse_site(encoded)
    })
    .await?;
    let body = super::request::body(req, 4096, "a site record").await?;
    let record: SiteRecord = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("invalid_json", format!("site record: {e}")))?;
    let store = app.store()?;
    blocking(move || members::record_registration(&store, &site, &record)).await?;
    Ok(empty(StatusCode::NO_CONTENT))
}

/// `POST /v1/step-down` with an optional `{"to": NAME or HOST:PORT}`: hands
/// mastership over and answers once the new master is known.
pub async fn step_down(app: &App, req: Request<ReqBody>) -> Result<Resp, ApiError> {
    let (req, ()) = super::request::before_body(req, |req| allow(req, &[Method::POST])).await?;
    let body = super::request::body(req, 4096, "a step-down request").await?;
    let to = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct StepDown {
            to: Option<String>,
        }
        let ask: StepDown = serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request("invalid_json", format!("step-down request: {e}")))?;
        ask.to
    };
    let done = app.group.hand_over(to.as_deref(), Reason::Request, std::time::Duration::ZERO).await?;
    Ok(json_response(StatusCode::OK, &done))
}

impl From<HandOverError> for ApiError {
    fn from(err: HandOverError) -> ApiError {
        let (status, code) = match &err {
            HandOverError::NotMaster => (StatusCode::SERVICE_UNAVAILABLE, "not_master"),
            HandOverError::InProgress => (StatusCode::CONFLICT, "in_progress"),
            HandOverError::UnknownSite(_) => (StatusCode::NOT_FOUND, "not_found"),
            HandOverError::NotElectable { .. } => (StatusCode::CONFLICT, "not_electable"),
            HandOverError::NoCandidate => (StatusCode::CONFLICT, "no_candidate"),
            HandOverError::Busy(_)
            | HandOverError::State(_)
            | HandOverError::Election(_)
            | HandOverError::TargetRefused { .. }
            | HandOverError::StepDown(_)
            | HandOverError::NoNewMaster(_) => (StatusCode::SERVICE_UNAVAILABLE, "hand_over_failed"),
        };
        ApiError::new(status, code, err.to_string())
    }
}

/// `POST /v1/internal/takeover`: the master handing over asks this site to
/// apply its last commit and raise its priority for the election.
pub async fn take_over(app: &App, req: Request<ReqBody>) -> Result<Resp, ApiError> {
    let (req, ()) = super::request::before_body(req, |req| allow(req, &[Method::POST])).await?;
    let body = super::request::body(req, 4096, "a takeover request").await?;
    let ask: Takeover = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("invalid_json", format!("takeover request: {e}")))?;
    match app.group.take_over(&ask).await.map_err(|why| ApiError::new(StatusCode::CONFLICT, "cannot_take_over", why))? {
        Prepared::Ready => Ok(empty(StatusCode::NO_CONTENT)),
        Prepared::AlreadyElected(elected_generation) => {
            Ok(json_response(StatusCode::OK, &AlreadyElected { elected_generation }))
        }
    }
}
