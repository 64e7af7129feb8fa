//! Who may call what: each route names the role it needs ([`Needs`], a
//! column of the route table), and [`authorize`] checks the request's
//! `Authorization: Bearer SECRET` against `[http] tokens_file`
//! (`config::Tokens`) before anything else runs.
//!
//! Without a tokens file (a loopback API, or `insecure = true`) every
//! request is allowed. With one: no or an unknown credential is 401 (with
//! `WWW-Authenticate: Bearer`), a role too weak 403. Both are counted in
//! `fish_http_auth_failures_total` and logged with the peer's address
//! (never the secret), at most one line a second so that a flood cannot
//! flood the journal.
//!
//! A site that forwards a request (to the master, or from a proxy to a
//! back-end) checks it first and passes the caller's `Authorization` on
//! unchanged: the site that runs the request decides again, with its own
//! copy of the file. Sites call one another's `/v1/internal/*` with the
//! `site` credential, which no person needs.

use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::Instant;

use hyper::StatusCode;
use hyper::header::{self, HeaderMap};

use super::error::ApiError;
use crate::config::{AccessRole, Caller, Config};

/// What a route needs from its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Nothing: liveness and readiness, for load balancers and systemd.
    Open,
    /// `/metrics`: admin, unless `[http] public_metrics = true`.
    Metrics,
    /// A credential of this role or a stronger one.
    Role(AccessRole),
}

pub const OPEN: Needs = Needs::Open;
pub const METRIC: Needs = Needs::Metrics;
pub const READ: Needs = Needs::Role(AccessRole::Read);
pub const WRITE: Needs = Needs::Role(AccessRole::Write);
pub const ADMIN: Needs = Needs::Role(AccessRole::Admin);
pub const SITE: Needs = Needs::Role(AccessRole::Site);

/// The connection's remote address, put in each request's extensions by
/// the server.
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub SocketAddr);

/// The caller, if the request may run; else the 401 or 403 to answer.
/// `None` when no credential was needed or no tokens file is set.
pub fn authorize(
    config: &Config,
    headers: &HeaderMap,
    peer: Option<Peer>,
    needs: Needs,
) -> Result<Option<Caller>, ApiError> {
    let Some(tokens) = &config.http.tokens else { return Ok(None) };
    let needed = match needs {
        Needs::Open => return Ok(None),
        Needs::Metrics if config.http.public_metrics => return Ok(None),
        Needs::Metrics => AccessRole::Admin,
        Needs::Role(role) => role,
    };
    let presented = headers.get(header::AUTHORIZATION).map(|v| v.as_bytes());
    let secret = presented.and_then(|v| v.strip_prefix(b"Bearer ").or_else(|| v.strip_prefix(b"bearer ")));
    let caller = match secret.map(|s| s.trim_ascii()) {
        None => return Err(refuse(peer, "missing", None)),
        Some(secret) => tokens.check(secret).ok_or_else(|| refuse(peer, "invalid", None))?,
    };
    if caller.role < needed {
        return Err(refuse(peer, "forbidden", Some((&caller, needed))));
    }
    Ok(Some(caller))
}

fn refuse(peer: Option<Peer>, reason: &'static str, weak: Option<(&Caller, AccessRole)>) -> ApiError {
    crate::metrics::get().auth_failure(reason);
    log_refusal(peer, reason, weak.map(|(c, _)| c.name.as_str()));
    match weak {
        Some((caller, needed)) => ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            format!("{:?} has the role {}; this needs {needed}", caller.name, caller.role),
        ),
        None => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            match reason {
                "missing" => "this needs a credential: Authorization: Bearer <token>",
                _ => "the token is not valid here",
            },
        )
        .with_header(header::WWW_AUTHENTICATE, "Bearer"),
    }
}

/// Logs refusals, at most one line a second with the count since the last.
fn log_refusal(peer: Option<Peer>, reason: &str, caller: Option<&str>) {
    static LAST: Mutex<Option<(Instant, u64)>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    let now = Instant::now();
    let (logged_at, unlogged) = last.get_or_insert((now - std::time::Duration::from_secs(2), 0));
    if now.duration_since(*logged_at).as_secs() < 1 {
        *unlogged += 1;
        return;
    }
    let earlier = std::mem::take(unlogged);
    *logged_at = now;
    let peer = peer.map_or_else(|| "?".to_string(), |p| p.0.to_string());
    tracing::warn!(
        fish_event = "http_auth_failed",
        peer,
        reason,
        caller = caller.unwrap_or("-"),
        refused_since_last_line = earlier,
        "refused an HTTP request for its credential"
    );
}
