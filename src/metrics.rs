//! Prometheus metrics (`prometheus-client`), served at `/metrics`: requests
//! and latencies by route and status, commits, acknowledgement failures,
//! elections, master changes, hand-overs, commit and disk-sync latency,
//! this site's role, its own replication lag (bytes and seconds), and (on
//! the master) each other site's. Sampled at each scrape: Berkeley DB's
//! buffer pool, locks and log, checkpoints and the data dir's free space
//! (set by the HTTP handler, which has the store: [`Metrics::set_storage`]),
//! and the process (`process_*`, the names every Prometheus client uses,
//! read from `/proc/self`).
//!
//! One process-wide registry, like a Prometheus client's default one: the
//! HTTP layer and the replication thread record into it without threading
//! a handle through every call.

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric};
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::gauge::ConstGauge;

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
    /// `process_*`, without the `fish_` prefix.
    process: Registry,
    storage: Arc<Mutex<Option<StorageSample>>>,
    /// This site's own lag behind the master (0 on the master; absent on a
    /// proxy, and until measured).
    own_lag_bytes: Gauge<f64, std::sync::atomic::AtomicU64>,
    own_lag_seconds: Gauge<f64, std::sync::atomic::AtomicU64>,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    pub commits: Counter,
    /// Batches of forwarded writes this site sent to the master, and the
    /// writes they carried (`http::batch`).
    pub forward_batches: Counter,
    pub forward_batched_writes: Counter,
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
    /// 1 while this site is synced (see `/v1/status`).
    synced: Gauge,
    /// On the master: 1 for each other registered site that answered and is
    /// within `max_lag_mb`, 0 for one that is not.
    group_synced: Family<SiteLabels, Gauge>,
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
        let storage = Arc::new(Mutex::new(None));
        registry.register_collector(Box::new(StorageCollector(Arc::clone(&storage))));
        let mut process = Registry::default();
        process.register_collector(Box::new(ProcessCollector));
        let m = Metrics {
            process: Registry::default(),
            storage,
            own_lag_bytes: Gauge::default(),
            own_lag_seconds: Gauge::default(),
            requests,
            latency,
            commits: Counter::default(),
            forward_batches: Counter::default(),
            forward_batched_writes: Counter::default(),
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
            synced: Gauge::default(),
            group_synced: Family::default(),
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
        registry.register(
            "commits",
            "Writes committed by this site as master: each PUT, DELETE, transaction and lease revocation (group commit puts many in one Berkeley DB transaction; fish_commit_duration_seconds_count counts those)",
            m.commits.clone(),
        );
        registry.register(
            "forward_batches",
            "Batches of forwarded writes this site sent to the master",
            m.forward_batches.clone(),
        );
        registry.register(
            "forward_batched_writes",
            "Forwarded writes that travelled to the master in a batch",
            m.forward_batched_writes.clone(),
        );
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
            "synced",
            "1 while this site is synced: master, or a client that hears the master and is within max_lag_mb",
            m.synced.clone(),
        );
        registry.register(
            "group_site_synced",
            "On the master, for each other registered site: 1 if it answered within 500 ms and is within max_lag_mb",
            m.group_synced.clone(),
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
        registry.register(
            "replica_lag_bytes",
            "This site's log behind the master's end when last measured (every second; 0 on the master)",
            m.own_lag_bytes.clone(),
        );
        registry.register(
            "replica_lag_seconds",
            "How long ago the master's log end was where this site's is now (1 s resolution; 0 on the master)",
            m.own_lag_seconds.clone(),
        );
        m.set_own_lag(None); // until measured; a proxy never is
        Metrics { registry, process, ..m }
    }

    /// This site's own lag; None: not known now (NaN, which no alert
    /// compares true with and graphs leave out).
    pub fn set_own_lag(&self, lag: Option<(u64, Duration)>) {
        let (bytes, seconds) = lag.map_or((f64::NAN, f64::NAN), |(b, d)| (b as f64, d.as_secs_f64()));
        self.own_lag_bytes.set(bytes);
        self.own_lag_seconds.set(seconds);
    }

    /// Berkeley DB's counters and the data dir's space, sampled for this
    /// scrape.
    pub fn set_storage(&self, sample: StorageSample) {
        *self.storage.lock().unwrap_or_else(|e| e.into_inner()) = Some(sample);
    }

    /// Records one answered request.
    ///
    /// Both HTTP threads record every request: each keeps the handles it
    /// has used (a counter and a histogram share their values with the
    /// family's), so a request takes no family lock, only the metric's own.
    pub fn request(&self, path: &str, method: &hyper::Method, status: u16, took: Duration) {
        // One `Metrics` per process (`get`), so one set of handles per thread.
        type Handles = std::collections::HashMap<RequestLabels, (Counter, Histogram)>;
        thread_local! {
            static HANDLES: std::cell::RefCell<Handles> = Default::default();
        }
        let labels = RequestLabels { route: route_of(path), method: method_of(method), status };
        HANDLES.with_borrow_mut(|handles| {
            let (count, latency) = handles.entry(labels).or_insert_with_key(|labels| {
                let count = self.requests.get_or_create(labels).clone();
                (count, self.latency.get_or_create(&RouteLabels { route: labels.route }).clone())
            });
            count.inc();
            latency.observe(took.as_secs_f64());
        });
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

    /// Counts one request or connection stopped by a limit.
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

    /// Whether this site is synced now.
    pub fn set_synced(&self, synced: bool) {
        self.synced.set(i64::from(synced));
    }

    /// Replaces the master's view of the other sites (empty on a site that
    /// is not master).
    pub fn set_group_synced(&self, sites: &[(String, bool)]) {
        self.group_synced.clear();
        for (site, synced) in sites {
            self.group_synced.get_or_create(&SiteLabels { site: site.clone() }).set(i64::from(*synced));
        }
    }

    /// The Prometheus text exposition.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry).expect("writing to a String");
        // Two registries, one exposition: one `# EOF`, at the end.
        let fish_end = out.strip_suffix("# EOF\n").map_or(out.len(), str::len);
        out.truncate(fish_end);
        prometheus_client::encoding::text::encode(&mut out, &self.process).expect("writing to a String");
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

/// Berkeley DB and the data dir, as `Store::stats` found them at a scrape.
#[derive(Debug, Clone, Copy, Default)]
pub struct StorageSample {
    pub cache_hits: u64,
    pub cache_misses: u64,
    pub lock_waits: u64,
    pub deadlocks: u64,
    pub log_bytes: u64,
    pub log_flushes: u64,
    pub rep_log_records: u64,
    pub rep_log_queued: u64,
    pub rep_log_requested: u64,
    pub checkpoints: u64,
    pub checkpoint_seconds: f64,
    pub last_checkpoint_seconds: f64,
    pub free_bytes: Option<u64>,
    pub min_free_bytes: u64,
}

#[derive(Debug)]
struct StorageCollector(Arc<Mutex<Option<StorageSample>>>);

/// Encodes one unlabelled counter or gauge.
fn encode_one(
    encoder: &mut DescriptorEncoder,
    name: &str,
    help: &str,
    metric: &impl EncodeMetric,
) -> Result<(), std::fmt::Error> {
    metric.encode(encoder.encode_descriptor(name, help, None, metric.metric_type())?)
}

impl Collector for StorageCollector {
    fn encode(&self, mut e: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let Some(s) = *self.0.lock().unwrap_or_else(|e| e.into_inner()) else { return Ok(()) };
        encode_one(
            &mut e,
            "bdb_cache_hits",
            "Page requests the buffer pool answered from memory",
            &ConstCounter::new(s.cache_hits),
        )?;
        encode_one(
            &mut e,
            "bdb_cache_misses",
            "Page requests that read the page from disk",
            &ConstCounter::new(s.cache_misses),
        )?;
        encode_one(&mut e, "bdb_lock_waits", "Lock requests that had to wait", &ConstCounter::new(s.lock_waits))?;
        encode_one(&mut e, "bdb_deadlocks", "Deadlocks Berkeley DB broke", &ConstCounter::new(s.deadlocks))?;
        encode_one(&mut e, "bdb_log_written_bytes", "Bytes written to the log", &ConstCounter::new(s.log_bytes))?;
        encode_one(&mut e, "bdb_log_flushes", "Times the log was flushed to disk", &ConstCounter::new(s.log_flushes))?;
        encode_one(
            &mut e,
            "bdb_rep_log_records",
            "Log records this site received from the master as a replica",
            &ConstCounter::new(s.rep_log_records),
        )?;
        encode_one(
            &mut e,
            "bdb_rep_log_queued",
            "Log records that arrived ahead of a gap and waited for the records before them",
            &ConstCounter::new(s.rep_log_queued),
        )?;
        encode_one(
            &mut e,
            "bdb_rep_log_requested",
            "Log records this site asked the master for again",
            &ConstCounter::new(s.rep_log_requested),
        )?;
        encode_one(
            &mut e,
            "checkpoints",
            "Periodic checkpoints ([storage] checkpoint_interval_s; Berkeley DB skips the work when under 1 MiB of log was written since the last)",
            &ConstCounter::new(s.checkpoints),
        )?;
        encode_one(
            &mut e,
            "checkpoint_duration_seconds",
            "Time spent in periodic checkpoints (divide its rate by checkpoints' for the mean)",
            &ConstCounter::new(s.checkpoint_seconds),
        )?;
        encode_one(
            &mut e,
            "checkpoint_last_duration_seconds",
            "How long the last periodic checkpoint took",
            &ConstGauge::new(s.last_checkpoint_seconds),
        )?;
        if let Some(free) = s.free_bytes {
            encode_one(
                &mut e,
                "data_dir_free_bytes",
                "Free space of the data dir's filesystem",
                &ConstGauge::new(free as i64),
            )?;
        }
        encode_one(
            &mut e,
            "data_dir_min_free_bytes",
            "[storage] min_free_mb: below this much free space writes get 507",
            &ConstGauge::new(s.min_free_bytes as i64),
        )?;
        Ok(())
    }
}

/// `process_*` from `/proc/self`, as the Prometheus clients of other
/// languages export them.
#[derive(Debug)]
struct ProcessCollector;

impl Collector for ProcessCollector {
    fn encode(&self, mut e: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let Some(p) = ProcessSample::read() else { return Ok(()) };
        encode_one(&mut e, "process_cpu_seconds", "User and system CPU time spent", &ConstCounter::new(p.cpu_seconds))?;
        encode_one(&mut e, "process_resident_memory_bytes", "Resident memory size", &ConstGauge::new(p.rss_bytes))?;
        encode_one(&mut e, "process_virtual_memory_bytes", "Virtual memory size", &ConstGauge::new(p.vsize_bytes))?;
        encode_one(&mut e, "process_open_fds", "Open file descriptors", &ConstGauge::new(p.open_fds))?;
        encode_one(&mut e, "process_max_fds", "The limit of open file descriptors", &ConstGauge::new(p.max_fds))?;
        encode_one(&mut e, "process_threads", "Threads of the process", &ConstGauge::new(p.threads))?;
        encode_one(
            &mut e,
            "process_start_time_seconds",
            "When the process started, in seconds since the Unix epoch",
            &ConstGauge::new(p.start_time_seconds),
        )?;
        Ok(())
    }
}

struct ProcessSample {
    cpu_seconds: f64,
    rss_bytes: i64,
    vsize_bytes: i64,
    open_fds: i64,
    max_fds: i64,
    threads: i64,
    start_time_seconds: f64,
}

impl ProcessSample {
    fn read() -> Option<ProcessSample> {
        let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        // Fields after the command name, which may hold spaces and ')'.
        let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
        let num = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
        // proc(5): utime 14, stime 15, num_threads 20, starttime 22,
        // vsize 23, rss 24 (1-based, counting pid and comm as 1 and 2).
        let ticks = nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK).ok()??.max(1) as f64;
        let page = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE).ok()??.max(1) as f64;
        let boot = std::fs::read_to_string("/proc/stat")
            .ok()?
            .lines()
            .find_map(|l| l.strip_prefix("btime ")?.trim().parse::<f64>().ok())?;
        let open_fds = std::fs::read_dir("/proc/self/fd").map(|d| d.count() as i64 - 1).unwrap_or(0);
        let max_fds = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE)
            .map(|(soft, _)| i64::try_from(soft).unwrap_or(i64::MAX))
            .unwrap_or(0);
        Some(ProcessSample {
            cpu_seconds: (num(11)? + num(12)?) / ticks,
            threads: num(17)? as i64,
            start_time_seconds: boot + num(19)? / ticks,
            vsize_bytes: num(20)? as i64,
            rss_bytes: (num(21)? * page) as i64,
            open_fds,
            max_fds,
        })
    }
}
