//! The HTTP API (hyper 1 on tokio): the route table and routing here; the
//! accept loop, the HTTP threads and graceful draining in [`server`].
//! Handlers live in [`kv`], [`txn`], [`members`], [`backup`], [`status`],
//! [`watch`] and [`batch`] (forwarded writes, many to a request); a store
//! call that may wait goes through
//! [`request::blocking`], so Berkeley DB never blocks an HTTP thread.
//!
//! [`ROUTES`] is the one place that says, for each path and method, which
//! handler answers, where the request must run ([`Runs`]) and who may call
//! it ([`auth::Needs`]): a new endpoint is one row.

pub mod auth;
mod backup;
mod batch;
pub use backup::remove_leftovers as remove_unfinished_backups;
pub mod error;
mod forward;
mod kv;
mod leases;
mod members;
mod request;
mod server;
pub use forward::Forwarder;
pub use server::{Threads, bind, serve};
mod status;
pub mod tls;
pub mod txn;
mod watch;

use std::sync::Arc;
use std::time::Instant;

pub use self::request::ReqBody;
use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};

use crate::config::Running;
use crate::replication::{Group, MasterWork, Role};
use crate::store::Store;
use auth::Needs;
use error::ApiError;
use request::Consistency;

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
    pub config: Arc<Running>,
    pub group: Arc<Group>,
    pub forwarder: forward::Forwarder,
    /// `[http.tls]`: HTTPS on this site's listener.
    pub tls: Option<tls::ServerTls>,
    /// `Fish-After` reads waiting now (bounded by `[http] max_token_waits`).
    pub token_waits: std::sync::atomic::AtomicUsize,
    /// The watchers of this site (`GET /v1/watch`).
    pub watches: Arc<watch::Watches>,
    /// Keepalives per client (`[leases] keepalives_per_s`).
    pub keepalives: leases::KeepaliveLimiter,
    pub started: Instant,
    /// This app itself, for work that outlives a handler's borrow (a
    /// streaming keepalive); built with `Arc::new_cyclic`.
    pub me: std::sync::Weak<App>,
}

impl App {
    /// The running configuration (a snapshot: a reload swaps in a new one).
    pub fn config(&self) -> crate::config::Snapshot {
        self.config.load()
    }

    /// The local store; a proxy front-end has none (its requests are all
    /// forwarded before they reach a handler that would ask).
    fn store(&self) -> Result<Arc<Store>, ApiError> {
        self.store.clone().ok_or_else(|| ApiError::internal("this front-end has no local store"))
    }
}

async fn route(app: &App, req: Request<ReqBody>) -> Resp {
    let started = Instant::now();
    let method = req.method().clone();
    // A Uri clone shares the request's bytes: no copy of the path.
    let uri = req.uri().clone();
    let resp = answer(app, req, uri.path()).await;
    crate::metrics::get().request(uri.path(), &method, resp.status().as_u16(), started.elapsed());
    resp
}

/// Where a request must run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Runs {
    /// On whichever site receives it, a proxy front-end included.
    Here,
    /// On a site with a replica: a proxy front-end sends it on to a synced
    /// back-end.
    Replica,
    /// On the master: any other site forwards it.
    Master,
    /// On the master, but not master work that a hand-over waits for (the
    /// step-down itself).
    MasterAdmin,
    /// A read: on the master, unless it asks for a local read
    /// (`consistency=replica`, or `Fish-After`), which runs as `Replica`.
    MasterUnlessLocal,
}

/// How a route matches a path.
enum PathIs {
    Exact(&'static str),
    /// The rest of the path is passed to the handler.
    Under(&'static str),
}

type Answer<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Resp, ApiError>> + Send + 'a>>;
/// A handler: the request and the rest of the path after the route's prefix.
type Handler = for<'a> fn(&'a App, Request<ReqBody>, &'a str) -> Answer<'a>;

struct Route {
    path: PathIs,
    /// HEAD rides along with GET.
    methods: &'static [Method],
    runs: Runs,
    /// Who may call it (`auth`).
    needs: Needs,
    handler: Handler,
}

const GET: &[Method] = &[Method::GET];

/// Every endpoint of the API.
#[rustfmt::skip]
static ROUTES: &[Route] = &[
    //  path                                  methods                         runs                     needs         handler
    row(PathIs::Exact("/healthz"),            GET,                            Runs::Here,              auth::OPEN,   |_, r, _| Box::pin(async move { status::healthz(&r) })),
    row(PathIs::Exact("/readyz"),             GET,                            Runs::Here,              auth::OPEN,   |a, r, _| Box::pin(async move { status::readyz(a, &r) })),
    row(PathIs::Exact("/v1/status"),          GET,                            Runs::Here,              auth::ADMIN,  |a, r, _| Box::pin(async move { status::status(a, &r).await })),
    row(PathIs::Exact("/metrics"),            GET,                            Runs::Here,              auth::METRIC, |a, r, _| Box::pin(async move { status::metrics(a, &r).await })),
    row(PathIs::Exact("/v1/backup"),          &[Method::POST],                Runs::Here,              auth::ADMIN,  |a, r, _| Box::pin(async move { backup::take(a, &r).await })),
    row(PathIs::Exact("/v1/kv"),              GET,                            Runs::MasterUnlessLocal, auth::READ,   |a, r, _| Box::pin(kv::list(a, r))),
    row(PathIs::Exact("/v1/kv/"),             GET,                            Runs::MasterUnlessLocal, auth::READ,   |a, r, _| Box::pin(kv::list(a, r))),
    row(PathIs::Under("/v1/kv/"),             GET,                            Runs::MasterUnlessLocal, auth::READ,   |a, r, k| Box::pin(kv::key(a, r, k))),
    row(PathIs::Under("/v1/kv/"),             &[Method::PUT, Method::DELETE], Runs::Master,            auth::WRITE,  |a, r, k| Box::pin(kv::key(a, r, k))),
    row(PathIs::Exact("/v1/txn"),             &[Method::POST],                Runs::Master,            auth::WRITE,  |a, r, _| Box::pin(txn::handle(a, r))),
    row(PathIs::Exact("/v1/leases"),          &[Method::POST],                Runs::Master,            auth::WRITE,  |a, r, _| Box::pin(leases::grant(a, r))),
    row(PathIs::Exact("/v1/leases"),          GET,                            Runs::Master,            auth::READ,   |a, r, _| Box::pin(leases::list(a, r))),
    row(PathIs::Under("/v1/leases/"),         GET,                            Runs::Master,            auth::READ,   |a, r, s| Box::pin(leases::one(a, r, s))),
    row(PathIs::Under("/v1/leases/"),         &[Method::DELETE],              Runs::Master,            auth::WRITE,  |a, r, s| Box::pin(leases::one(a, r, s))),
    row(PathIs::Under("/v1/leases/"),         &[Method::POST],                Runs::Here,              auth::WRITE,  |a, r, s| Box::pin(leases::one(a, r, s))),
    row(PathIs::Exact("/v1/watch"),           GET,                            Runs::Here,              auth::READ,   |a, r, _| Box::pin(watch::watch(a, r))),
    row(PathIs::Exact("/v1/members"),         GET,                            Runs::Replica,           auth::ADMIN,  |a, r, _| Box::pin(async move { members::list(a, &r).await })),
    row(PathIs::Under("/v1/members/"),        &[Method::DELETE],              Runs::Master,            auth::ADMIN,  |a, r, s| Box::pin(async move { members::remove(a, &r, s).await })),
    row(PathIs::Under("/v1/internal/sites/"), &[Method::PUT],                 Runs::Master,            auth::SITE,   |a, r, s| Box::pin(members::register(a, r, s))),
    row(PathIs::Exact("/v1/internal/takeover"), &[Method::POST],              Runs::Here,              auth::SITE,   |a, r, _| Box::pin(members::take_over(a, r))),
    row(PathIs::Exact(batch::PATH),           &[Method::POST],                Runs::Here,              auth::SITE,   |a, r, _| Box::pin(batch::handle(a, r))),
    row(PathIs::Exact("/v1/step-down"),       &[Method::POST],                Runs::MasterAdmin,       auth::ADMIN,  |a, r, _| Box::pin(members::step_down(a, r))),
];

const fn row(path: PathIs, methods: &'static [Method], runs: Runs, needs: Needs, handler: Handler) -> Route {
    Route { path, methods, runs, needs, handler }
}

/// The route for `method` on `path` and the rest of the path; or the
/// answer when there is none (404, or 405 naming the methods allowed).
fn find<'p>(method: &Method, path: &'p str) -> Result<(&'static Route, &'p str), ApiError> {
    let matching = ROUTES.iter().filter_map(|route| {
        let rest = match route.path {
            PathIs::Exact(p) if p == path => "",
            PathIs::Under(prefix) => path.strip_prefix(prefix).filter(|rest| !rest.is_empty())?,
            PathIs::Exact(_) => return None,
        };
        Some((route, rest))
    });
    let get_or_head = |m: &Method| m == method || (method == Method::HEAD && m == Method::GET);
    if let Some(found) = matching.clone().find(|(route, _)| route.methods.iter().any(get_or_head)) {
        return Ok(found);
    }
    let allowed: Vec<Method> = matching.flat_map(|(route, _)| route.methods.iter().cloned()).collect();
    if allowed.is_empty() { Err(ApiError::no_route(path)) } else { Err(ApiError::method_not_allowed(method, &allowed)) }
}

async fn answer(app: &App, req: Request<ReqBody>, path: &str) -> Resp {
    let result = match find(req.method(), path) {
        Err(e) => Err(request::refuse(req, e).await),
        // Who may call it is settled before anything runs or is forwarded.
        Ok((route, rest)) => {
            match auth::authorize(&app.config(), req.headers(), req.extensions().get().copied(), route.needs) {
                Err(refused) => Err(request::refuse(req, refused).await),
                Ok(_caller) => dispatch(app, req, route, rest).await,
            }
        }
    };
    result.unwrap_or_else(|err| {
        if err.status.is_server_error() {
            tracing::warn!(path, status = err.status.as_u16(), code = err.code, message = %err.message, "request failed");
        }
        err.into_response()
    })
}

/// Runs an authorized request where its route says it must run.
async fn dispatch(app: &App, req: Request<ReqBody>, route: &Route, rest: &str) -> Result<Resp, ApiError> {
    let runs = match route.runs {
        Runs::MasterUnlessLocal if local_read(&req) => Runs::Replica,
        Runs::MasterUnlessLocal => Runs::Master,
        other => other,
    };
    match runs {
        Runs::Master if app.group.role() != Role::Master => relay(app, req, route, rest).await,
        // Master work waits while a stall is being confirmed or mastership
        // handed over (see replication::pulse), and is counted while it
        // runs, so a hand-over can wait for it.
        Runs::Master => {
            let deadline = Instant::now() + app.config().http.master_wait;
            let forwarded = req.headers().contains_key(crate::api::header::FORWARDED_BY);
            match app.group.master_work(deadline, forwarded).await {
                Some(MasterWork::Here(_work)) => (route.handler)(app, req, rest).await,
                Some(MasterWork::Elsewhere) => relay(app, req, route, rest).await,
                None => Err(forward::unconfirmed_master(app)),
            }
        }
        Runs::MasterAdmin if app.group.role() != Role::Master => relay(app, req, route, rest).await,
        Runs::Replica if app.store.is_none() => to_replica(app, req).await,
        _ => (route.handler)(app, req, rest).await,
    }
}

/// A read that asks to be served from this site's replica: `Fish-After`, or
/// `consistency=replica` (an invalid one is refused here too).
fn local_read(req: &Request<ReqBody>) -> bool {
    req.headers().contains_key(crate::api::header::FISH_AFTER)
        || !matches!(request::consistency_of(req.uri()), Ok(Consistency::Master | Consistency::Linearizable))
}

/// Serves here if this site turns out to be master (counted as master work
/// unless the route is `MasterAdmin`), else forwards.
async fn relay(app: &App, req: Request<ReqBody>, route: &Route, rest: &str) -> Result<Resp, ApiError> {
    let forwarded = req.headers().contains_key(crate::api::header::FORWARDED_BY);
    if forwarded && app.group.role() != Role::Master {
        // Its forwarder knows nothing was applied here and finds the new
        // master itself. Waiting here to learn of it (an old master that
        // just handed over can take 100 ms under load) would only make the
        // forwarder give up on this site as frozen once it learns first.
        return Err(forward::not_master());
    }
    let deadline = Instant::now() + app.config().http.master_wait;
    if let forward::Target::Local = forward::wait_for_master(app, deadline).await? {
        if route.runs == Runs::MasterAdmin {
            return (route.handler)(app, req, rest).await;
        }
        match app.group.master_work(deadline, forwarded).await {
            Some(MasterWork::Here(_work)) => return (route.handler)(app, req, rest).await,
            Some(MasterWork::Elsewhere) => {}
            None => return Err(forward::unconfirmed_master(app)),
        }
    }
    let (parts, body) = body_to_forward(app, req).await?;
    forward::forward(app, parts, body, deadline, route.runs == Runs::MasterAdmin).await
}

/// A proxy front-end sends reads that need no master to a synced back-end.
async fn to_replica(app: &App, req: Request<ReqBody>) -> Result<Resp, ApiError> {
    let deadline = Instant::now() + app.config().http.master_wait;
    let (parts, body) = body_to_forward(app, req).await?;
    forward::to_replica(app, parts, body, deadline).await
}

/// Reads a request to forward, bounded by the largest body any endpoint
/// accepts (the site that handles it applies the exact limit).
async fn body_to_forward(app: &App, req: Request<ReqBody>) -> Result<(hyper::http::request::Parts, Bytes), ApiError> {
    let http = &app.config().http;
    request::split_body(req, http.max_txn_bytes.max(http.max_value_bytes), "the request body").await
}

fn empty(status: StatusCode) -> Resp {
    let mut resp = Response::new(full(Bytes::new()));
    *resp.status_mut() = status;
    resp
}

/// A JSON answer: a `json!` value or one of the `api` types.
fn json_response(status: StatusCode, body: &impl serde::Serialize) -> Resp {
    let mut resp = Response::new(full(serde_json::to_vec(body).expect("serialising a response body")));
    *resp.status_mut() = status;
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    resp
}

#[cfg(test)]
mod tests {
    use hyper::Method;

    use super::{Runs, find};

    fn runs(method: Method, path: &str) -> Result<(Runs, String), u16> {
        find(&method, path).map(|(r, rest)| (r.runs, rest.to_string())).map_err(|e| e.status.as_u16())
    }

    #[test]
    fn the_route_table_says_where_each_request_runs() {
        assert_eq!(runs(Method::GET, "/v1/kv/a%2Fb"), Ok((Runs::MasterUnlessLocal, "a%2Fb".into())));
        assert_eq!(runs(Method::HEAD, "/v1/kv/k"), Ok((Runs::MasterUnlessLocal, "k".into())), "HEAD rides with GET");
        assert_eq!(runs(Method::PUT, "/v1/kv/k"), Ok((Runs::Master, "k".into())));
        assert_eq!(runs(Method::GET, "/v1/kv"), Ok((Runs::MasterUnlessLocal, String::new())));
        assert_eq!(runs(Method::POST, "/v1/txn"), Ok((Runs::Master, String::new())));
        assert_eq!(runs(Method::GET, "/v1/members"), Ok((Runs::Replica, String::new())));
        assert_eq!(runs(Method::DELETE, "/v1/members/h:7000"), Ok((Runs::Master, "h:7000".into())));
        assert_eq!(runs(Method::GET, "/v1/status"), Ok((Runs::Here, String::new())));
    }

    #[test]
    fn unknown_paths_are_404_and_wrong_methods_405_naming_the_allowed_ones() {
        assert_eq!(runs(Method::GET, "/v2/kv/k"), Err(404));
        assert_eq!(runs(Method::GET, "/v1/members/"), Err(404), "no site named");
        assert_eq!(runs(Method::POST, "/v1/kv/k"), Err(405));
        let err = find(&Method::PATCH, "/v1/kv/k").err().unwrap();
        assert!(err.message.contains("GET, PUT, DELETE"), "{}", err.message);
    }
}
