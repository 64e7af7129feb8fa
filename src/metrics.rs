//! Prometheus metrics (`prometheus-client`), served at `/metrics`: requests
//! and latencies by route and status, commits, acknowledgement failures,
//! elections, master changes, hand-overs, commit and disk-sync latency,
//! this site's role, and (on the master) each other site's replication lag.
//!
//! One process-wide registry, like a Prometheus client's default one: the
//! HTTP layer and the replication thread record into it without threading
//! a handle through every call.

use std::sync::OnceLock;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: &'static str,
    method: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct SiteLabels {
    site: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabels {
    reason: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RoleLabels {
    role: &'static str,
}

/// Every metric of this process.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    pub commits: Counter,
    pub ack_failures: Counter,
    pub elections_won: Counter,
    pub elections_failed: Counter,
    pub master_changes: Counter,
    step_downs: Family<ReasonLabels, Counter>,
    auth_failures: Family<ReasonLabels, Counter>,
    /// Connections the HTTP listener has open.
    pub http_connections: Gauge,
    /// Connections closed by a limit (`reason`: body_timeout, ...).
    http_cut_offs: Family<ReasonLabels, Counter>,
    /// A write batch's commit on the master: log write, flush and the
    /// acknowledgements its policy waits for.
    pub commit_seconds: Histogram,
    /// The disk probe: a 4 KiB append and fdatasync in the environment's
    /// directory (see `replication::disk`).
    pub disk_sync_seconds: Histogram,
    role: Family<RoleLabels, Gauge>,
    lag: Family<SiteLabels, Gauge>,
    /// Read barriers committed by this site as master, by outcome.
    read_barriers: Family<OutcomeLabels, Counter>,
    /// Linearizable reads confirmed (or refused) by a read barrier.
    linearizable_reads: Family<OutcomeLabels, Counter>,
    /// `Fish-After` reads waiting for their commit now.
    pub token_waits: Gauge,
    /// Watchers connected now.
    pub watchers: Gauge,
    /// Changes sent to watchers.
    pub watch_events: Counter,
    /// Watches ended by the site, by reason.
    watch_cut_offs: Family<ReasonLabels, Counter>,
    /// How many revisions behind the site's feed a watcher is, each time
    /// it is handed a stretch of changes.
    pub watch_lag: Histogram,
    /// Leases granted, kept alive, revoked and expired by this site as
    /// master, and the keys their expiry or revocation deleted.
    lease_ops: Family<OutcomeLabels, Counter>,
    lease_keys_deleted: Counter,
}

/// The process's metrics.
pub fn get() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(Metrics::new)
}

impl Metrics {
    fn new() -> Metrics {
        let mut registry = Registry::with_prefix("fish");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests by route, method and status", requests.clone());
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.000_05, 2.0, 18))
        });
        registry.register("http_request_duration_seconds", "HTTP request latency by route", latency.clone());
        let m = Metrics {
            requests,
            latency,
            commits: Counter::default(),
            ack_failures: Counter::default(),
            elections_won: Counter::default(),
            elections_failed: Counter::default(),
            master_changes: Counter::default(),
            step_downs: Family::default(),
            auth_failures: Family::default(),
            http_connections: Gauge::default(),
            http_cut_offs: Family::default(),
            commit_seconds: Histogram::new(exponential_buckets(0.000_25, 2.0, 14)),
            disk_sync_seconds: Histogram::new(exponential_buckets(0.000_25, 2.0, 14)),
            role: Family::default(),
            lag: Family::default(),
            read_barriers: Family::default(),
            linearizable_reads: Family::default(),
            token_waits: Gauge::default(),
            watchers: Gauge::default(),
            watch_events: Counter::default(),
            watch_cut_offs: Family::default(),
            watch_lag: Histogram::new(exponential_buckets(1.0, 4.0, 10)),
            lease_ops: Family::default(),
            lease_keys_deleted: Counter::default(),
            registry: Registry::default(),
        };
        registry.register("commits", "Write transactions committed by this site as master", m.commits.clone());
        registry.register("ack_failures", "Commits that missed their ack policy (PERM_FAILED)", m.ack_failures.clone());
        registry.register("elections_won", "Elections this site won", m.elections_won.clone());
        registry.register("elections_failed", "Elections that ended without a master", m.elections_failed.clone());
        registry.register("master_changes", "Changes of the master this site follows", m.master_changes.clone());
        registry.register("step_downs", "Hand-overs of mastership by this site, by reason", m.step_downs.clone());
        registry.register(
            "http_auth_failures",
            "HTTP requests refused for their credential (missing, invalid: 401; forbidden: 403)",
            m.auth_failures.clone(),
        );
        registry.register("http_connections", "HTTP connections open now", m.http_connections.clone());
        registry.register(
            "http_limited",
            "HTTP requests and connections refused or cut off by a limit, by limit",
            m.http_cut_offs.clone(),
        );
        registry.register(
            "commit_duration_seconds",
            "Write batches committed as master: log write, flush and acknowledgements",
            m.commit_seconds.clone(),
        );
        registry.register(
            "disk_sync_duration_seconds",
            "The disk probe: a 4 KiB append and fdatasync in the data directory",
            m.disk_sync_seconds.clone(),
        );
        registry.register("role", "1 for this site's current role (master, client, starting, proxy)", m.role.clone());
        registry.register(
            "replication_lag_bytes",
            "On the master: bytes of log each other site had yet to apply when last asked (every 2 s)",
            m.lag.clone(),
        );
        registry.register(
            "read_barriers",
            "Read barriers committed as master (acknowledged, failed); linearizable reads share them",
            m.read_barriers.clone(),
        );
        registry.register(
            "linearizable_reads",
            "Linearizable reads served as master, by what their barrier said (confirmed, refused)",
            m.linearizable_reads.clone(),
        );
        registry.register(
            "token_waits",
            "Fish-After reads waiting for their commit now (bounded by [http] max_token_waits)",
            m.token_waits.clone(),
        );
        registry.register("watchers", "Watchers connected to this site now", m.watchers.clone());
        registry.register("watch_events", "Changes sent to this site's watchers", m.watch_events.clone());
        registry.register(
            "watch_cut_offs",
            "Watches this site ended (stopping, too_slow, compacted); each was told where to resume",
            m.watch_cut_offs.clone(),
        );
        registry.register(
            "watch_lag_revisions",
            "Revisions a watcher was behind this site's feed when handed new changes",
            m.watch_lag.clone(),
        );
        registry.register(
            "lease_operations",
            "Lease operations done by this site as master (granted, kept_alive, revoked, expired)",
            m.lease_ops.clone(),
        );
        registry.register(
            "lease_keys_deleted",
            "Keys deleted with their lease (expired or revoked) by this site as master",
            m.lease_keys_deleted.clone(),
        );
        Metrics { registry, ..m }
    }

    /// Records one answered request.
    pub fn request(&self, path: &str, method: &hyper::Method, status: u16, took: Duration) {
        let route = route_of(path);
        self.requests.get_or_create(&RequestLabels { route, method: method_of(method), status }).inc();
        self.latency.get_or_create(&RouteLabels { route }).observe(took.as_secs_f64());
    }

    /// Counts one hand-over of mastership (`request`, `shutdown`, `slow_disk`).
    pub fn step_down(&self, reason: &'static str) {
        self.step_downs.get_or_create(&ReasonLabels { reason }).inc();
    }

    /// Counts one request refused for its credential (`missing`, `invalid`,
    /// `forbidden`).
    pub fn auth_failure(&self, reason: &'static str) {
        self.auth_failures.get_or_create(&ReasonLabels { reason }).inc();
    }

    /// Counts one request or connection stopped by a limit.
    /// A lease operation (`granted`, `kept_alive`, `revoked`).
    pub fn lease(&self, outcome: &'static str) {
        self.lease_ops.get_or_create(&OutcomeLabels { outcome }).inc();
    }

    /// A lease expired, taking `keys` with it.
    pub fn lease_expired(&self, keys: usize) {
        self.lease("expired");
        self.lease_keys_deleted.inc_by(keys as u64);
    }

    /// A lease revoked, taking `keys` with it.
    pub fn lease_revoked(&self, keys: usize) {
        self.lease("revoked");
        self.lease_keys_deleted.inc_by(keys as u64);
    }

    pub fn limited(&self, reason: &'static str) {
        self.http_cut_offs.get_or_create(&ReasonLabels { reason }).inc();
    }

    /// Counts one read barrier (`acknowledged`, `failed`).
    pub fn read_barrier(&self, outcome: &'static str) {
        self.read_barriers.get_or_create(&OutcomeLabels { outcome }).inc();
    }

    /// Counts one linearizable read's confirmation (`confirmed`, `refused`).
    pub fn read_confirmed(&self, outcome: &'static str) {
        self.linearizable_reads.get_or_create(&OutcomeLabels { outcome }).inc();
    }

    /// Counts one watch ended by the site.
    pub fn watch_cut_off(&self, reason: &'static str) {
        self.watch_cut_offs.get_or_create(&ReasonLabels { reason }).inc();
    }

    /// Sets the role gauge: 1 for `role`, 0 for the others.
    pub fn set_role(&self, role: &'static str) {
        for r in ["master", "client", "starting", "proxy"] {
            self.role.get_or_create(&RoleLabels { role: r }).set(i64::from(r == role));
        }
    }

    /// Replaces the per-site lag gauges with `lags` (empty: none, as on
    /// a site that is not master).
    pub fn set_replication_lag(&self, lags: &[(String, u64)]) {
        self.lag.clear();
        for (site, bytes) in lags {
            self.lag.get_or_create(&SiteLabels { site: site.clone() }).set(i64::try_from(*bytes).unwrap_or(i64::MAX));
        }
    }

    /// The Prometheus text exposition.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry).expect("writing to a String");
        out
    }
}

/// A bounded set of method labels: a client can send any token as its
/// method, and each would have become a series of its own.
fn method_of(method: &hyper::Method) -> &'static str {
    use hyper::Method;
    match *method {
        Method::GET => "GET",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        Method::PATCH => "PATCH",
        _ => "other",
    }
}

/// A bounded set of route labels (keys never become labels).
fn route_of(path: &str) -> &'static str {
    match path {
        "/v1/kv" | "/v1/kv/" => "/v1/kv",
        "/v1/txn" => "/v1/txn",
        "/v1/status" => "/v1/status",
        "/v1/members" => "/v1/members",
        "/healthz" => "/healthz",
        "/readyz" => "/readyz",
        "/metrics" => "/metrics",
        "/v1/backup" => "/v1/backup",
        p if p.starts_with("/v1/kv/") => "/v1/kv/{key}",
        p if p.starts_with("/v1/members/") => "/v1/members/{site}",
        "/v1/step-down" => "/v1/step-down",
        p if p.starts_with("/v1/internal/") => "/v1/internal",
        _ => "other",
    }
}
