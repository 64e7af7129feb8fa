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
    /// A write batch's commit on the master: log write, flush and the
    /// acknowledgements its policy waits for.
    pub commit_seconds: Histogram,
    /// The disk probe: a 4 KiB append and fdatasync in the environment's
    /// directory (see `replication::disk`).
    pub disk_sync_seconds: Histogram,
    role: Family<RoleLabels, Gauge>,
    lag: Family<SiteLabels, Gauge>,
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
            commit_seconds: Histogram::new(exponential_buckets(0.000_25, 2.0, 14)),
            disk_sync_seconds: Histogram::new(exponential_buckets(0.000_25, 2.0, 14)),
            role: Family::default(),
            lag: Family::default(),
            registry: Registry::default(),
        };
        registry.register("commits", "Write transactions committed by this site as master", m.commits.clone());
        registry.register("ack_failures", "Commits that missed their ack policy (PERM_FAILED)", m.ack_failures.clone());
        registry.register("elections_won", "Elections this site won", m.elections_won.clone());
        registry.register("elections_failed", "Elections that ended without a master", m.elections_failed.clone());
        registry.register("master_changes", "Changes of the master this site follows", m.master_changes.clone());
        registry.register("step_downs", "Hand-overs of mastership by this site, by reason", m.step_downs.clone());
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
