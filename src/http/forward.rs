//! Sending a request on to the master: writes and master-consistency reads
//! that reach a client site.
//!
//! The request waits (up to `[http] master_wait_ms`) for a master whose HTTP
//! address is known, then goes over a pooled keep-alive connection. If the
//! connection cannot even be made, nothing was sent, so it waits for a
//! master again and retries until the deadline; any later failure is
//! reported as 503, because the write may or may not have been applied;
//! a read (GET) is sent again instead, to the next master, as it changes
//! nothing.
//! When the group elects another master while a request is pending, the
//! request's captured connection tells the two apart: none yet (the old
//! master refused or is cut off) means it goes to the new master; one
//! means 503, as above.
//! A forwarded request carries `Fish-Forwarded-By`; a site that receives one
//! and is not master answers 503 instead of forwarding again (no loops),
//! marked `Fish-Not-Master`: it did nothing with the request, so the site
//! that forwarded it sends it to the new master once it knows one. That is
//! also how a master that hands mastership over (replication::handover)
//! answers the forwarded requests that waited for it.

use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::{self, HeaderName, HeaderValue};
use hyper::{Request, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::{CaptureConnection, capture_connection};
use hyper_util::rt::TokioExecutor;

use super::error::ApiError;
use super::{App, Resp, batch};

use crate::api::header::{FORWARDED_BY, NOT_MASTER};

/// Headers that travel to the master (and back).
/// The caller's `Authorization` goes too: the site that runs a request
/// decides who may (see `auth`).
/// Every header that changes what a write does must be here: a fence that
/// stayed behind would turn a fenced write into an unfenced one.
static REQUEST_HEADERS: [HeaderName; 6] = [
    header::AUTHORIZATION,
    header::CONTENT_TYPE,
    header::IF_MATCH,
    header::IF_NONE_MATCH,
    HeaderName::from_static(crate::api::header::FISH_AFTER),
    HeaderName::from_static(crate::api::header::FISH_FENCE),
];

/// A pool of connections to whichever site is master (and, on a proxy
/// front-end, to the back-ends that serve its replica reads).
type Pool = Client<crate::client::Connector, Full<Bytes>>;

pub struct Forwarder {
    /// Swapped by a reload (new certificates); requests in flight keep the
    /// pool they started with.
    pool: std::sync::RwLock<Pool>,
    /// `https` when this site serves HTTPS: a group's sites all do, or none.
    scheme: &'static str,
    next_replica: std::sync::atomic::AtomicUsize,
    /// Writes waiting to travel to the master together (`batch`).
    pub(super) batches: super::batch::Lanes,
}

impl Forwarder {
    /// A forwarder that reaches other sites as this site would be reached:
    /// over HTTPS verified with the group's CA when `[http.tls]` is set
    /// (read once, at start).
    pub fn new(config: &crate::config::Config) -> Result<Forwarder, String> {
        let (pool, scheme) = Forwarder::pool(config)?;
        Ok(Forwarder {
            pool: std::sync::RwLock::new(pool),
            scheme,
            next_replica: Default::default(),
            batches: Default::default(),
        })
    }

    /// Re-reads the certificates (SIGHUP) for the connections made from
    /// now on; HTTPS on or off stays as it started.
    pub fn reload(&self, config: &crate::config::Config) -> Result<(), String> {
        let (pool, _) = Forwarder::pool(config)?;
        *self.pool.write().unwrap_or_else(|e| e.into_inner()) = pool;
        Ok(())
    }

    pub(super) fn scheme(&self) -> &'static str {
        self.scheme
    }

    fn client(&self) -> Pool {
        self.pool.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn pool(config: &crate::config::Config) -> Result<(Pool, &'static str), String> {
        let tls = crate::client::site_tls(config)?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        let connector = crate::client::connector(tls.as_deref(), Some(Duration::from_secs(1)));
        let pool = Client::builder(TokioExecutor::new()).pool_idle_timeout(Duration::from_secs(30)).build(connector);
        Ok((pool, scheme))
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

/// A forwarded request at a site that is not master: it was not applied,
/// and the site that forwarded it sends it on to the new master.
pub fn not_master() -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "not_master", "this site is no longer master; retry")
        .with_header(header::RETRY_AFTER, "1")
        .with_header(HeaderName::from_static(NOT_MASTER), "1")
}

/// A master back from a stall that no quorum has confirmed yet.
pub fn unconfirmed_master(app: &App) -> ApiError {
    no_master_because(app, |ms| {
        format!(
            "this site was master, but a stall of its process or a hand-over of mastership was not settled within {ms} ms"
        )
    })
}

fn no_master(app: &App) -> ApiError {
    no_master_because(app, |ms| format!("no master is known after waiting {ms} ms (election in progress?)"))
}

/// 503 `no_master` with `Retry-After`, saying why in terms of the
/// `master_wait_ms` the request waited.
fn no_master_because(app: &App, why: impl FnOnce(u128) -> String) -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "no_master", why(app.config().http.master_wait.as_millis()))
        .with_header(header::RETRY_AFTER, "1")
}

/// Forwards `parts` + `body` to the master, retrying while nothing was sent.
///
/// `expect_move`: the request itself moves mastership (a step-down), so a
/// new master appearing while it is pending is its answer on the way, not
/// a sign that the master froze.
pub async fn forward(
    app: &App,
    parts: hyper::http::request::Parts,
    body: Bytes,
    deadline: Instant,
    expect_move: bool,
) -> Result<Resp, ApiError> {
    if parts.headers.contains_key(FORWARDED_BY) {
        return Err(not_master());
    }
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str()).to_string();
    let reads_only = parts.method == hyper::Method::GET || parts.method == hyper::Method::HEAD;
    let mut unreachable: Option<String> = None;
    loop {
        let target = wait_for_master(app, deadline).await?;
        let to_self = matches!(target, Target::Local);
        let master = match target {
            // This site became master while the request waited: its body
            // is already read, so it goes to this site's own listener.
            Target::Local => own_http(app),
            Target::Remote(http) => http,
        };
        if unreachable.as_deref() == Some(master.as_str()) {
            // Still the master we could not reach, or that said it is not
            // master: wait for news (a new master is usually known within
            // tens of ms), trying it again now and then in case it is back.
            if Instant::now() >= deadline {
                return Err(no_master(app));
            }
            if to_self {
                // This site, handing mastership over: the hand-over
                // settles within milliseconds.
                tokio::time::sleep(Duration::from_millis(5)).await;
            } else {
                let until = deadline.min(Instant::now() + Duration::from_millis(50));
                let _ = tokio::time::timeout_at(until.into(), master_moved(app, &master)).await;
            }
            unreachable = None;
            continue;
        }
        // A write goes alone or waits to travel in a batch (`batch`).
        let go =
            if expect_move || to_self { batch::Go::Alone } else { batch::submit(app, &master, &parts, &path, &body) };
        let (sent, on_the_way) = match go {
            batch::Go::Alone => {
                let (request, connection) = build(app, &parts, &body, &master, &path)?;
                (futures_util::future::Either::Left(send(app, request)), OnTheWay::Alone(connection))
            }
            batch::Go::Queued(state, answer) => {
                let sent =
                    async move { answer.await.unwrap_or_else(|_| Err(Sent::Lost("the batch was dropped".into()))) };
                (futures_util::future::Either::Right(sent), OnTheWay::Queued(state))
            }
        };
        tokio::pin!(sent);
        let sent = match unless_master_moved(app, &master, !expect_move && !to_self, &mut sent).await {
            Some(sent) => sent,
            None => match &on_the_way {
                OnTheWay::Alone(connection) => moved_on(&master, connection),
                // Still queued: it leaves the queue, never sent.
                OnTheWay::Queued(state) if state.abandon() => Err(Sent::NotConnected(format!(
                    "the group elected another master while waiting to send to {master}"
                ))),
                // In a batch, which watches the master itself.
                OnTheWay::Queued(_) => (&mut sent).await,
            },
        };
        match sent {
            // The site is not master (any more) and did nothing with it.
            Ok(resp) if resp.headers().contains_key(NOT_MASTER) => {
                if Instant::now() >= deadline {
                    return Err(no_master(app));
                }
                tracing::debug!(master, "not master any more; waiting for the new one");
                unreachable = Some(master);
            }
            Ok(resp) => return Ok(resp),
            // Nothing was sent: past the deadline that is "no master".
            Err(Sent::NotConnected(_)) if Instant::now() >= deadline => return Err(no_master(app)),
            Err(Sent::NotConnected(e)) => {
                tracing::debug!(master, err = %e, "master unreachable; waiting for a new one");
                unreachable = Some(master);
            }
            // A read changes nothing: sent again, to the new master, it
            // cannot be applied twice.
            Err(Sent::Lost(e)) if reads_only && Instant::now() < deadline => {
                tracing::debug!(master, err = %e, "lost the master during a read; asking the next one");
                unreachable = Some(master);
            }
            Err(Sent::Lost(e)) => return Err(lost(&master, &e)),
        }
    }
}

/// A forwarded request on its way: alone (with the handle that says
/// whether it got a connection), or queued for a batch.
enum OnTheWay {
    Alone(CaptureConnection),
    Queued(std::sync::Arc<batch::ItemState>),
}

/// How long a request pending at the old master may still take to answer
/// once the group knows a new one (see [`unless_master_moved`]).
const MOVED_GRACE: Duration = Duration::from_millis(50);

/// Awaits `sent`, a request on its way to `master` (lone or a batch). If
/// `watch` and the group elects another master meanwhile, `sent` gets
/// [`MOVED_GRACE`] more: a live old master answers by then (one that handed
/// over says `Fish-Not-Master` at once), a frozen one does not, and the
/// answer is None; the caller decides what the request became.
pub(super) async fn unless_master_moved<F: Future + Unpin>(
    app: &App,
    master: &str,
    watch: bool,
    sent: &mut F,
) -> Option<F::Output> {
    tokio::select! {
        biased;
        sent = &mut *sent => Some(sent),
        () = master_moved(app, master), if watch => tokio::time::timeout(MOVED_GRACE, sent).await.ok(),
    }
}

/// This site's own HTTP listener, as an address to connect to.
fn own_http(app: &App) -> String {
    let listen = app.config().http.listen.to_string();
    match listen.parse::<std::net::SocketAddr>() {
        Ok(addr) if addr.ip().is_unspecified() => {
            let lo = if addr.is_ipv4() { "127.0.0.1".to_string() } else { "[::1]".to_string() };
            format!("{lo}:{}", addr.port())
        }
        _ => listen,
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
#[derive(Debug, Clone)]
pub(super) enum Sent {
    /// No connection could be made: nothing was sent.
    NotConnected(String),
    /// The request may have reached the site.
    Lost(String),
}

/// What to answer when the group moved on while a request to `master` was
/// pending. Without a connection the request never left this site (the old
/// master refused it or is cut off), so it is safe to send to the new
/// master; with one, it may have been applied.
pub(super) fn moved_on(master: &str, connection: &CaptureConnection) -> Result<Resp, Sent> {
    if connection.connection_metadata().is_none() {
        Err(Sent::NotConnected(format!("the group elected another master while connecting to {master}")))
    } else {
        Err(Sent::Lost(format!(
            "the group elected another master while {master} had not answered (frozen or cut off?)"
        )))
    }
}

/// The headers a request forwarded from this site carries: those of
/// [`REQUEST_HEADERS`] it has, and `Fish-Forwarded-By`.
pub(super) fn forwarded_headers<'a>(
    app: &App,
    parts: &'a hyper::http::request::Parts,
) -> impl Iterator<Item = (&'a HeaderName, HeaderValue)> {
    let by = HeaderValue::from_str(&app.config().name).ok().map(|v| (&FORWARDED_BY_NAME, v));
    REQUEST_HEADERS.iter().filter_map(|name| Some((name, parts.headers.get(name)?.clone()))).chain(by)
}

static FORWARDED_BY_NAME: HeaderName = HeaderName::from_static(FORWARDED_BY);

/// The request to send on to `to`, and a handle that tells whether it was
/// given a connection (and so may have been sent).
fn build(
    app: &App,
    parts: &hyper::http::request::Parts,
    body: &Bytes,
    to: &str,
    path: &str,
) -> Result<(Request<Full<Bytes>>, CaptureConnection), ApiError> {
    let scheme = app.forwarder.scheme;
    let mut req = Request::builder().method(parts.method.clone()).uri(format!("{scheme}://{to}{path}"));
    for (name, value) in forwarded_headers(app, parts) {
        req = req.header(name, value);
    }
    let mut req = req
        .body(Full::new(body.clone()))
        .map_err(|e| ApiError::internal(format!("building the request to {to}: {e}")))?;
    let connection = capture_connection(&mut req);
    Ok((req, connection))
}

/// Sends `req` and reads the answer, at most `[http] max_response_bytes`
/// of it: a larger one is lost to the caller (the request did run).
pub(super) async fn send(app: &App, req: Request<Full<Bytes>>) -> Result<Resp, Sent> {
    send_limited(app, req, app.config().http.max_response_bytes).await
}

/// [`send`], reading at most `limit` bytes of the answer.
pub(super) async fn send_limited(app: &App, req: Request<Full<Bytes>>, limit: usize) -> Result<Resp, Sent> {
    match app.forwarder.client().request(req).await {
        Ok(resp) => {
            let (parts, body) = resp.into_parts();
            let body = http_body_util::Limited::new(body, limit).collect().await.map_err(|e| {
                if e.is::<http_body_util::LengthLimitError>() {
                    crate::metrics::get().limited("forwarded_answer");
                    Sent::Lost(format!("its answer is larger than [http] max_response_bytes ({limit})"))
                } else {
                    Sent::Lost(e.to_string())
                }
            })?;
            Ok(Resp::from_parts(parts, super::full(body.to_bytes())))
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
            let (request, _) = build(app, &parts, &body, to, &path)?;
            match send(app, request).await {
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

#[cfg(test)]
mod tests {
    use std::net::SocketAddr;

    use tokio::io::AsyncReadExt;

    use super::*;

    fn test_config() -> crate::config::Config {
        crate::config::Config::parse("role = \"back\"\n[replication]\nlisten = \"127.0.0.1:7000\"\n", "test", Some("t"))
            .unwrap()
    }

    fn request(to: SocketAddr) -> (Request<Full<Bytes>>, CaptureConnection) {
        let mut req = Request::put(format!("http://{to}/v1/kv/k")).body(Full::new(Bytes::from_static(b"v"))).unwrap();
        let connection = capture_connection(&mut req);
        (req, connection)
    }

    /// The master is cut off: a listener whose accept queue is full drops
    /// new SYNs, so the connect hangs.
    #[tokio::test]
    async fn a_request_still_connecting_when_the_master_moves_goes_to_the_new_one() {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let listener = socket.listen(0).unwrap();
        let addr = listener.local_addr().unwrap();
        let _fills_the_queue = std::net::TcpStream::connect(addr).unwrap();
        let forwarder = Forwarder::new(&test_config()).unwrap();
        let (req, connection) = request(addr);
        let answer = tokio::time::timeout(Duration::from_millis(300), forwarder.client().request(req)).await;
        assert!(answer.is_err(), "the connect should still be pending: {answer:?}");
        assert!(matches!(moved_on("old", &connection), Err(Sent::NotConnected(_))));
    }

    /// The master is frozen: it has the request and does not answer.
    #[tokio::test]
    async fn a_request_sent_before_the_master_moved_may_have_been_applied() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (got, mut request_arrived) = tokio::sync::mpsc::channel(1);
        tokio::spawn(async move {
            let (mut conn, _) = listener.accept().await.unwrap();
            let mut buf = vec![0; 4096];
            while conn.read(&mut buf).await.is_ok_and(|n| n > 0) {
                let _ = got.try_send(());
            }
        });
        let forwarder = Forwarder::new(&test_config()).unwrap();
        let (req, connection) = request(addr);
        let pending = forwarder.client().request(req);
        tokio::pin!(pending);
        tokio::select! {
            answer = &mut pending => panic!("a frozen master answered: {answer:?}"),
            _ = request_arrived.recv() => {}
        }
        assert!(matches!(moved_on("old", &connection), Err(Sent::Lost(_))));
    }
}
