//! Site configuration: `/etc/fish/NAME.toml` → [`Config`].
//!
//! Three steps, as in the SPEC: the file is parsed into [`raw`] structs that
//! reject unknown keys; `validate` checks every value and names the file,
//! line and key of the first bad one; the result is the typed `Config` the
//! program uses, with the single-machine defaults filled in.

mod raw;
mod tokens;
pub use tokens::{AccessRole, Caller, MIN_SECRET_LEN, Tokens, new_secret};

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use toml::Spanned;

use raw::RawConfig;

/// Which part a site plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A replication-group site that can be master.
    Back,
    /// An HTTP entry point with a read-only replica; never master.
    Front,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Back => "back",
            Role::Front => "front",
        })
    }
}

/// Which sites must acknowledge a commit before it counts as durable
/// (Berkeley DB's `DB_REPMGR_ACKS_*`; `replication` converts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AckPolicy {
    Quorum,
    AllPeers,
    All,
    AllAvailable,
    One,
    OnePeer,
    None,
}

impl AckPolicy {
    /// Config names, as in the SPEC.
    pub const NAMES: [(&'static str, AckPolicy); 7] = [
        ("quorum", AckPolicy::Quorum),
        ("all-peers", AckPolicy::AllPeers),
        ("all", AckPolicy::All),
        ("all-available", AckPolicy::AllAvailable),
        ("one", AckPolicy::One),
        ("one-peer", AckPolicy::OnePeer),
        ("none", AckPolicy::None),
    ];

    pub fn parse(s: &str) -> Option<AckPolicy> {
        Self::NAMES.iter().find(|(n, _)| *n == s).map(|(_, p)| *p)
    }

    pub fn name(self) -> &'static str {
        Self::NAMES.iter().find(|(_, p)| *p == self).map_or("?", |(n, _)| n)
    }
}

/// When a commit reaches the disk (`[storage] sync`; the store converts it
/// to Berkeley DB's flags, and docs/performance.md measures each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SyncPolicy {
    /// Each commit is fsynced before it returns.
    #[default]
    Fsync,
    /// Written to the operating system, not fsynced: a machine crash may
    /// lose the last commits.
    WriteNoSync,
    /// Left in the log buffer: durable only through replication.
    None,
}

impl SyncPolicy {
    pub const NAMES: [(&'static str, SyncPolicy); 3] =
        [("fsync", SyncPolicy::Fsync), ("write-no-sync", SyncPolicy::WriteNoSync), ("none", SyncPolicy::None)];

    pub fn parse(name: &str) -> Option<SyncPolicy> {
        SyncPolicy::NAMES.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
    }

    pub fn name(self) -> &'static str {
        SyncPolicy::NAMES.iter().find(|(_, p)| *p == self).map(|(n, _)| *n).expect("every policy has a name")
    }
}

/// A `host:port` address as written in the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort {
    pub host: String,
    pub port: u16,
}

impl std::str::FromStr for HostPort {
    type Err = String;

    /// `host:port`, `[v6]:port`: the one parser of addresses in Fish.
    fn from_str(s: &str) -> Result<HostPort, String> {
        let (host, port) = s.rsplit_once(':').ok_or_else(|| format!("{s:?} is not host:port"))?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return Err(format!("{s:?} has no host"));
        }
        let port = port.parse::<u16>().map_err(|_| format!("{s:?} has no valid port (1-65535)"))?;
        if port == 0 {
            return Err(format!("{s:?} has port 0"));
        }
        Ok(HostPort { host: host.to_string(), port })
    }
}

impl HostPort {
    /// True for 0.0.0.0 and ::, which others cannot use to reach us.
    pub fn is_wildcard(&self) -> bool {
        self.host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_unspecified())
    }

    /// Reachable from this host only: a loopback address or `localhost`.
    pub fn is_loopback(&self) -> bool {
        self.host.eq_ignore_ascii_case("localhost")
            || self
                .host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }
}

impl fmt::Display for HostPort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

/// `[http]`.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    pub listen: HostPort,
    /// What other sites use to reach this API.
    pub advertise: HostPort,
    pub max_value_bytes: usize,
    pub max_txn_ops: usize,
    pub max_txn_bytes: usize,
    /// How long a request that needs the master waits for one (then 503).
    pub master_wait: Duration,
    /// How long a `Fish-After` read waits for its commit (then 504).
    pub token_wait: Duration,
    /// `tokens_file`, read and checked (re-read on SIGHUP); `None`: no
    /// authentication (loopback, or `insecure = true`).
    pub tokens: Option<std::sync::Arc<Tokens>>,
    /// `insecure = true`: the operator accepts an API on a network without
    /// tokens.
    pub insecure: bool,
    /// `public_metrics = true`: `/metrics` needs no token.
    pub public_metrics: bool,
    /// `[http.tls]`: HTTPS on the API.
    pub tls: Option<HttpTlsFiles>,
    /// Connections served at once; further ones wait in the kernel's queue.
    pub max_connections: usize,
    /// A request body must arrive within this (then 408).
    pub body_timeout: Duration,
    /// An answer must be taken by the client within this (then the
    /// connection is closed).
    pub response_timeout: Duration,
    /// No answer built in memory grows past this: list pages stop early
    /// with `next`, txns that read more are refused (413), forwarded
    /// answers are cut off (503).
    pub max_response_bytes: usize,
    /// `Fish-After` reads waiting for their commit at once (then 503).
    pub max_token_waits: usize,
}

/// The files of `[http.tls]`: this site's certificate (chain) and key, and
/// optionally the CA whose client certificates it requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpTlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
    pub client_ca: Option<PathBuf>,
    /// The CA sites verify one another's HTTPS with; `None`: the one of
    /// `[replication.tls]`.
    pub ca: Option<PathBuf>,
}

/// `[replication]`.
#[derive(Debug, Clone)]
pub struct ReplicationConfig {
    pub listen: HostPort,
    pub helpers: Vec<HostPort>,
    pub group_creator: bool,
    pub priority: u32,
    pub ack_policy: AckPolicy,
    pub ack_timeout: Duration,
    pub election_timeout: Duration,
    pub heartbeat_send: Duration,
    pub heartbeat_monitor: Duration,
    pub leases: bool,
    /// A client more than this many bytes of log behind the master is not
    /// synced (`/readyz` 503); 0: no bound.
    pub max_lag_bytes: u64,
    /// A master whose disk probe (a 4 KiB append and fdatasync) has had a
    /// median above this for `step_down_after` hands mastership to a
    /// healthy synced replica (`replication::disk`); zero: never.
    pub step_down_sync: Duration,
    pub step_down_after: Duration,
    /// After stepping down for a slow disk, the site stays unelectable
    /// (priority 0) this long.
    pub step_down_hold_off: Duration,
    /// `[replication.tls]`: mutual TLS between sites (`replication::tls`).
    pub tls: Option<TlsFiles>,
    /// `insecure = true`: the operator accepts a replication address on a
    /// network without TLS (refused otherwise; loopback needs no TLS).
    pub insecure: bool,
}

/// The files of `[replication.tls]`: the group's CA certificate(s), this
/// site's certificate (chain) and its private key, all PEM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    pub ca: PathBuf,
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// How a front-end reaches the group (`[front] mode`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrontMode {
    /// Not a group member: no local replica; learns the master from the
    /// back-ends' published record over HTTP and forwards every request
    /// but those it can answer without data. For hosts that must hold none.
    Proxy { backends: Vec<HostPort> },
    /// The default: a view of the group (Fish's Berkeley DB patch 0010), a
    /// full local replica that serves replica and token reads, learns the
    /// master from the replicated database, and never votes, acknowledges
    /// or counts in the group size: any number of them leave the
    /// back-ends' fault tolerance unchanged (docs/replication.md).
    Member,
}

/// `[storage]`.
#[derive(Debug, Clone)]
pub struct StorageConfig {
    /// `None`: sized from the data at start (see `store::StoreOptions::for_site`).
    pub cache_bytes: Option<u64>,
    pub sync: SyncPolicy,
    pub checkpoint_every: Duration,
    /// Free space the data dir's filesystem must keep: writes are refused
    /// (507) below it. 0: no reserve.
    pub min_free_bytes: u64,
    /// The page size in bytes of the databases this site creates (a power
    /// of two from 1 to 64 KiB); `None`: the store's default.
    pub page_size: Option<u32>,
}

/// `[watch]`: the change log and the watchers of this site. All apply on
/// SIGHUP.
#[derive(Debug, Clone)]
pub struct WatchConfig {
    /// Revisions the master keeps in the change log; a watcher asking for
    /// an older one gets 410 Gone.
    pub history: u64,
    /// How often a watcher gets a progress event with the current revision.
    pub progress: Duration,
    /// Watchers this site serves at once; more get 503.
    pub max_watchers: usize,
}

/// `[leases]`: bounds on leases (see `store::leases`). All apply on SIGHUP
/// (a lower bound does not revoke what exists).
#[derive(Debug, Clone)]
pub struct LeasesConfig {
    /// Leases the group holds at once; more grants get 409.
    pub max_leases: u64,
    /// Keys one lease holds; attaching more gets 409. A lease's keys are
    /// deleted in one transaction, which every write behind it waits for
    /// on the replicas: 1,000 keys cost about 0.1 s (docs/leases.md).
    pub max_keys_per_lease: u64,
    /// The longest TTL a grant may ask for.
    pub max_ttl_s: u32,
    /// Keepalives one client (address) may send per second, on average;
    /// more get 429.
    pub keepalives_per_s: u32,
}

/// The running configuration of a site, shared by everything that reads
/// it: a SIGHUP reload swaps in a new one, and each reader takes a
/// snapshot when it needs one (so nothing keeps a copy from start-up).
///
/// Every HTTP request reads it (its credential, its timeouts), from both
/// HTTP threads at once: an `ArcSwap`, whose `load` writes only to a slot
/// of the reading thread, where a lock and an `Arc` clone would bounce
/// one shared cache line between the cores on every read.
#[derive(Debug)]
pub struct Running(arc_swap::ArcSwap<Config>);

/// A short-lived snapshot of the running configuration (`Running::load`):
/// derefs to `Config`. Keep it for one request, not for the life of a task.
pub type Snapshot = arc_swap::Guard<std::sync::Arc<Config>>;

impl Running {
    pub fn new(config: Config) -> Running {
        Running(arc_swap::ArcSwap::from_pointee(config))
    }

    /// The current configuration, to keep as long as needed.
    pub fn get(&self) -> std::sync::Arc<Config> {
        self.0.load_full()
    }

    /// The current configuration for the hot path (one request): no
    /// shared write, where `get` adds a reference to the shared `Arc`.
    pub fn load(&self) -> Snapshot {
        self.0.load()
    }

    /// Installs a reloaded configuration.
    pub fn set(&self, config: Config) {
        self.0.store(std::sync::Arc::new(config));
    }
}

/// A validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    pub role: Role,
    pub name: String,
    pub data_dir: PathBuf,
    pub http: HttpConfig,
    pub replication: ReplicationConfig,
    pub storage: StorageConfig,
    pub watch: WatchConfig,
    pub leases: LeasesConfig,
    /// Front-ends only.
    pub front: Option<FrontMode>,
    /// A tracing filter: a level (`info`) or directives (`info,fish::bdb=debug`).
    pub log_level: String,
    /// The keys the file sets (`replication.priority`, ...): a reload names
    /// each key that was set and no longer is, since it falls back to its
    /// default.
    pub keys: std::collections::BTreeSet<String>,
}

/// A config that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    /// 1-based; 0 when the problem has no single place (e.g. unreadable file).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.message),
            l => write!(f, "{}:{}:{}: {}", self.file, l, self.column, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Defaults: one machine, loopback.
pub const DEFAULT_HTTP_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_REPLICATION_LISTEN: &str = "127.0.0.1:7000";
const DEFAULT_MAX_VALUE_BYTES: i64 = 1 << 20;
const MAX_MAX_VALUE_BYTES: i64 = 256 << 20;

impl Config {
    /// A view of the group: a front-end with its own replica (Berkeley DB
    /// patch 0010). The one rule: every other place asks this.
    pub fn is_view(&self) -> bool {
        self.front == Some(FrontMode::Member)
    }

    /// Reads and validates `path`. The default name is the file stem.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let origin = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: origin.clone(),
            line: 0,
            column: 0,
            message: format!("cannot read: {e}"),
        })?;
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let mut cfg = Config::parse(&src, &origin, stem.as_deref())?;
        cfg.path = Some(path.to_path_buf());
        Ok(cfg)
    }

    /// Validates config text; `origin` names it in errors.
    pub fn parse(src: &str, origin: &str, stem: Option<&str>) -> Result<Config, ConfigError> {
        let v = Validator { src, origin };
        let raw: RawConfig = toml::from_str(src).map_err(|e| v.error(e.span(), e.message().to_string()))?;
        let mut config = v.build(raw, stem)?;
        let table: toml::Table =
            src.parse().map_err(|e: toml::de::Error| v.error(e.span(), e.message().to_string()))?;
        config.keys = dotted_keys(&table, "");
        Ok(config)
    }
}

/// Every key of `table`, nested tables written `section.key`.
fn dotted_keys(table: &toml::Table, prefix: &str) -> std::collections::BTreeSet<String> {
    let mut keys = std::collections::BTreeSet::new();
    for (k, v) in table {
        let key = format!("{prefix}{k}");
        match v {
            toml::Value::Table(inner) => keys.extend(dotted_keys(inner, &format!("{key}."))),
            _ => {
                keys.insert(key);
            }
        }
    }
    keys
}

struct Validator<'a> {
    src: &'a str,
    origin: &'a str,
}

impl Validator<'_> {
    fn error(&self, span: Option<Range<usize>>, message: String) -> ConfigError {
        let (line, column) = match span {
            Some(span) => {
                let before = &self.src[..span.start.min(self.src.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line, column)
            }
            None => (0, 0),
        };
        ConfigError { file: self.origin.to_string(), line, column, message }
    }

    fn at<T>(&self, field: &Spanned<T>, key: &str, why: impl fmt::Display) -> ConfigError {
        self.error(Some(field.span()), format!("{key}: {why}"))
    }

    fn address(&self, field: Option<&Spanned<String>>, key: &str, default: &str) -> Result<HostPort, ConfigError> {
        match field {
            Some(f) => f.get_ref().parse::<HostPort>().map_err(|why| self.at(f, key, why)),
            None => Ok(default.parse::<HostPort>().expect("default addresses parse")),
        }
    }

    /// A list of `host:port`; an error names the bad element's line.
    fn addresses(
        &self,
        field: Option<&Spanned<Vec<Spanned<String>>>>,
        key: &str,
    ) -> Result<Vec<HostPort>, ConfigError> {
        let Some(list) = field else { return Ok(Vec::new()) };
        list.get_ref().iter().map(|h| h.get_ref().parse::<HostPort>().map_err(|why| self.at(h, key, why))).collect()
    }

    fn int(
        &self,
        field: Option<&Spanned<i64>>,
        key: &str,
        default: i64,
        range: Range<i64>,
    ) -> Result<i64, ConfigError> {
        let Some(f) = field else { return Ok(default) };
        let v = *f.get_ref();
        if range.contains(&v) {
            Ok(v)
        } else {
            Err(self.at(f, key, format!("{v} is out of range {}..={}", range.start, range.end - 1)))
        }
    }

    fn millis(&self, field: Option<&Spanned<i64>>, key: &str, default: i64) -> Result<Duration, ConfigError> {
        let ms = self.int(field, key, default, 1..3_600_001)?;
        Ok(Duration::from_millis(ms as u64))
    }

    /// A key the file must set: an empty or cut-off file must not start (or
    /// reload) a site with every default.
    fn missing(&self, key: &str, why: &str) -> ConfigError {
        self.error(None, format!("{key} is missing: {why}"))
    }

    fn build(&self, raw: RawConfig, stem: Option<&str>) -> Result<Config, ConfigError> {
        let role = match &raw.role {
            None => Role::Back, // refused below, once the values present are checked
            Some(f) => match f.get_ref().as_str() {
                "back" => Role::Back,
                "front" => Role::Front,
                other => {
                    return Err(self.at(f, "role", format!("{other:?} is not \"back\" or \"front\"")));
                }
            },
        };
        let name = self.name(raw.name.as_ref(), stem)?;
        let data_dir = match &raw.data_dir {
            Some(f) if f.get_ref().is_empty() => {
                return Err(self.at(f, "data_dir", "must not be empty"));
            }
            Some(f) => PathBuf::from(f.get_ref()),
            None => default_data_dir(&name),
        };
        let http = self.http(&raw.http)?;
        let replication = self.replication(&raw.replication, role)?;
        let storage = StorageConfig {
            cache_bytes: match raw.storage.cache_mb.as_ref() {
                None => None,
                f => Some(self.int(f, "storage.cache_mb", 64, 1..1_048_577)? as u64 * (1 << 20)),
            },
            sync: match &raw.storage.sync {
                None => SyncPolicy::Fsync,
                Some(f) => SyncPolicy::parse(f.get_ref()).ok_or_else(|| {
                    self.at(f, "storage.sync", format!("{:?} is not one of fsync, write-no-sync, none", f.get_ref()))
                })?,
            },
            checkpoint_every: Duration::from_secs(self.int(
                raw.storage.checkpoint_interval_s.as_ref(),
                "storage.checkpoint_interval_s",
                30,
                1..86_401,
            )? as u64),
            min_free_bytes: self.int(raw.storage.min_free_mb.as_ref(), "storage.min_free_mb", 64, 0..1_048_577)? as u64
                * (1 << 20),
            page_size: match raw.storage.page_size_kb.as_ref() {
                None => None,
                Some(f) => Some(
                    u32::try_from(*f.get_ref())
                        .ok()
                        .filter(|kb| kb.is_power_of_two() && *kb <= 64)
                        .map(|kb| kb * 1024)
                        .ok_or_else(|| {
                            self.at(
                                f,
                                "storage.page_size_kb",
                                format!("{} is not one of 1, 2, 4, 8, 16, 32, 64", f.get_ref()),
                            )
                        })?,
                ),
            },
        };
        let log_level = match &raw.log.level {
            None => "info".to_string(),
            Some(f) => {
                tracing_subscriber::EnvFilter::try_new(f.get_ref())
                    .map_err(|e| self.at(f, "log.level", format!("{:?} is not a level or filter: {e}", f.get_ref())))?;
                f.get_ref().clone()
            }
        };
        let front = self.front(raw.front.as_ref(), role)?;
        // Checked last, so that a wrong value is named before a missing key.
        if raw.role.is_none() {
            return Err(self.missing("role", "write role = \"back\" or role = \"front\""));
        }
        if role == Role::Back && raw.replication.listen.is_none() {
            return Err(self.missing(
                "replication.listen",
                "a back-end needs the address its peers reach it at, e.g. [replication] listen = \"10.0.0.1:7000\"",
            ));
        }
        if front == Some(FrontMode::Member) {
            if raw.replication.listen.is_none() {
                return Err(self.missing(
                    "replication.listen",
                    "a front-end holds a replica of the group and needs the address its peers reach it at, e.g. [replication] listen = \"10.0.0.9:7000\" (or [front] mode = \"proxy\" with backends, for a front-end without data)",
                ));
            }
            if replication.helpers.is_empty() {
                return Err(self.missing(
                    "replication.helpers",
                    "a front-end joins the group through one or more of its sites, e.g. [replication] helpers = [\"10.0.0.1:7000\"]",
                ));
            }
        }
        // Secure by default: a site that joins the group over a network
        // needs mutual TLS, or the operator's explicit `insecure = true`.
        let joins = role == Role::Back || front == Some(FrontMode::Member);
        if joins && replication.tls.is_none() && !replication.insecure && !replication.listen.is_loopback() {
            let why = format!(
                "{} is a network address, and without TLS anyone who reaches it can join the group and read every write; add [replication.tls] (`fishctl cert` makes the files, see docs/security.md), or set [replication] insecure = true to accept that",
                replication.listen
            );
            return Err(match &raw.replication.listen {
                Some(f) => self.at(f, "replication.listen", why),
                None => self.missing("replication.tls", &why),
            });
        }
        if let (Some(t), None) = (&http.tls, &replication.tls)
            && t.ca.is_none()
        {
            return Err(self.missing(
                "http.tls.ca",
                "sites call one another's HTTPS API and verify it with the group's CA: set [http.tls] ca, or [replication.tls]",
            ));
        }
        // Likewise the API: on a network, tokens or an explicit insecure.
        if http.tokens.is_none() && !http.insecure && !http.listen.is_loopback() {
            let why = format!(
                "{} is a network address, and without tokens anyone who reaches it can read, write and delete every key; set [http] tokens_file (see docs/security.md), or set [http] insecure = true to accept that",
                http.listen
            );
            return Err(match &raw.http.listen {
                Some(f) => self.at(f, "http.listen", why),
                None => self.missing("http.tokens_file", &why),
            });
        }
        let watch = WatchConfig {
            history: self.int(raw.watch.history.as_ref(), "watch.history", 100_000, 1..1_000_000_001)? as u64,
            progress: self.millis(raw.watch.progress_ms.as_ref(), "watch.progress_ms", 5000)?,
            max_watchers: self.int(raw.watch.max_watchers.as_ref(), "watch.max_watchers", 10_000, 0..1_000_001)?
                as usize,
        };
        let leases = LeasesConfig {
            max_leases: self.int(raw.leases.max_leases.as_ref(), "leases.max_leases", 100_000, 1..100_000_001)? as u64,
            max_keys_per_lease: self.int(
                raw.leases.max_keys_per_lease.as_ref(),
                "leases.max_keys_per_lease",
                1_000,
                1..10_000_001,
            )? as u64,
            max_ttl_s: self.int(raw.leases.max_ttl_s.as_ref(), "leases.max_ttl_s", 86_400, 1..315_360_001)? as u32,
            keepalives_per_s: self.int(
                raw.leases.keepalives_per_s.as_ref(),
                "leases.keepalives_per_s",
                100,
                1..1_000_001,
            )? as u32,
        };
        let keys = Default::default(); // filled in by `parse`
        Ok(Config {
            path: None,
            role,
            name,
            data_dir,
            http,
            replication,
            storage,
            watch,
            leases,
            front,
            log_level,
            keys,
        })
    }

    fn front(&self, raw: Option<&Spanned<raw::RawFront>>, role: Role) -> Result<Option<FrontMode>, ConfigError> {
        let default = raw::RawFront::default();
        let f = match (raw, role) {
            (Some(t), Role::Back) => {
                return Err(self.at(t, "front", "only a front-end (role = \"front\") takes a [front] section"));
            }
            (None, Role::Back) => return Ok(None),
            (Some(t), Role::Front) => t.get_ref(),
            (None, Role::Front) => &default,
        };
        let backends = self.addresses(f.backends.as_ref(), "front.backends")?;
        match f.mode.as_ref().map(|m| (m, m.get_ref().as_str())) {
            // A file from before views named only back-ends: still a proxy.
            None if !backends.is_empty() => Ok(Some(FrontMode::Proxy { backends })),
            None => Ok(Some(FrontMode::Member)),
            Some((m, "proxy")) if backends.is_empty() => {
                Err(self.at(m, "front.backends", "a proxy front-end needs the HTTP addresses of one or more back-ends"))
            }
            Some((_, "proxy")) => Ok(Some(FrontMode::Proxy { backends })),
            Some((m, "member")) if !backends.is_empty() => Err(self.at(
                m,
                "front.backends",
                "a member front-end joins through replication.helpers; remove backends",
            )),
            Some((_, "member")) => Ok(Some(FrontMode::Member)),
            Some((m, other)) => Err(self.at(m, "front.mode", format!("{other:?} is not \"member\" or \"proxy\""))),
        }
    }

    fn name(&self, field: Option<&Spanned<String>>, stem: Option<&str>) -> Result<String, ConfigError> {
        let valid = |s: &str| {
            !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        };
        let why = "must be 1-64 characters of A-Z a-z 0-9 - _ .";
        match (field, stem) {
            (Some(f), _) if valid(f.get_ref()) => Ok(f.get_ref().clone()),
            (Some(f), _) => Err(self.at(f, "name", format!("{:?} {why}", f.get_ref()))),
            (None, Some(stem)) if valid(stem) => Ok(stem.to_string()),
            (None, Some(stem)) => {
                Err(self.error(None, format!("the file name {stem:?} cannot be the site name ({why}); set name")))
            }
            (None, None) => Err(self.error(None, "name is required when the config is not read from a file".into())),
        }
    }

    fn http(&self, raw: &raw::RawHttp) -> Result<HttpConfig, ConfigError> {
        let listen = self.address(raw.listen.as_ref(), "http.listen", DEFAULT_HTTP_LISTEN)?;
        let advertise = match &raw.advertise {
            Some(f) => f.get_ref().parse::<HostPort>().map_err(|why| self.at(f, "http.advertise", why))?,
            None if listen.is_wildcard() => {
                let f = raw.listen.as_ref().expect("the default listen address is not a wildcard");
                return Err(self.at(
                    f,
                    "http.listen",
                    "is a wildcard address; set http.advertise to the address other sites should use",
                ));
            }
            None => listen.clone(),
        };
        let max_value_bytes = self.int(
            raw.max_value_bytes.as_ref(),
            "http.max_value_bytes",
            DEFAULT_MAX_VALUE_BYTES,
            1..MAX_MAX_VALUE_BYTES + 1,
        )?;
        let max_txn_ops = self.int(raw.max_txn_ops.as_ref(), "http.max_txn_ops", 128, 1..10_001)?;
        let max_txn_bytes = self.int(raw.max_txn_bytes.as_ref(), "http.max_txn_bytes", 4 << 20, 1..(1 << 30) + 1)?;
        Ok(HttpConfig {
            listen,
            advertise,
            max_value_bytes: max_value_bytes as usize,
            max_txn_ops: max_txn_ops as usize,
            max_txn_bytes: max_txn_bytes as usize,
            master_wait: self.millis(raw.master_wait_ms.as_ref(), "http.master_wait_ms", 5000)?,
            token_wait: self.millis(raw.token_wait_ms.as_ref(), "http.token_wait_ms", 5000)?,
            tokens: match &raw.tokens_file {
                None => None,
                Some(f) if f.get_ref().is_empty() => return Err(self.at(f, "http.tokens_file", "must not be empty")),
                Some(f) => Some(std::sync::Arc::new(
                    Tokens::load(Path::new(f.get_ref())).map_err(|why| self.at(f, "http.tokens_file", why))?,
                )),
            },
            insecure: raw.insecure.as_ref().is_some_and(|f| *f.get_ref()),
            public_metrics: raw.public_metrics.as_ref().is_some_and(|f| *f.get_ref()),
            tls: match &raw.tls {
                None => None,
                Some(t) => {
                    let path = |f: &Option<Spanned<String>>, key: &str| match f {
                        Some(f) if !f.get_ref().is_empty() => Ok(Some(PathBuf::from(f.get_ref()))),
                        Some(f) => Err(self.at(f, key, "must not be empty")),
                        None => Ok(None),
                    };
                    let needed = |p: Option<PathBuf>, key: &str| {
                        p.ok_or_else(|| self.at(t, key, "is missing: [http.tls] needs cert and key"))
                    };
                    let t_ref = t.get_ref();
                    Some(HttpTlsFiles {
                        cert: needed(path(&t_ref.cert, "http.tls.cert")?, "http.tls.cert")?,
                        key: needed(path(&t_ref.key, "http.tls.key")?, "http.tls.key")?,
                        client_ca: path(&t_ref.client_ca, "http.tls.client_ca")?,
                        ca: path(&t_ref.ca, "http.tls.ca")?,
                    })
                }
            },
            max_connections: self.int(raw.max_connections.as_ref(), "http.max_connections", 4096, 1..1_000_001)?
                as usize,
            body_timeout: self.millis(raw.body_timeout_ms.as_ref(), "http.body_timeout_ms", 30_000)?,
            response_timeout: self.millis(raw.response_timeout_ms.as_ref(), "http.response_timeout_ms", 30_000)?,
            max_response_bytes: self.int(
                raw.max_response_bytes.as_ref(),
                "http.max_response_bytes",
                16 << 20,
                1 << 20..(1 << 30) + 1,
            )? as usize,
            max_token_waits: self.int(raw.max_token_waits.as_ref(), "http.max_token_waits", 1024, 1..1_000_001)?
                as usize,
        })
    }

    fn replication(&self, raw: &raw::RawReplication, role: Role) -> Result<ReplicationConfig, ConfigError> {
        let listen = self.address(raw.listen.as_ref(), "replication.listen", DEFAULT_REPLICATION_LISTEN)?;
        if let (true, Some(f)) = (listen.is_wildcard(), &raw.listen) {
            return Err(self.at(
                f,
                "replication.listen",
                "must be the address peers use to reach this site, not a wildcard",
            ));
        }
        let helpers = self.addresses(raw.helpers.as_ref(), "replication.helpers")?;
        let group_creator = raw.group_creator.as_ref().is_some_and(|f| *f.get_ref());
        let priority = match (&raw.priority, role) {
            (Some(f), Role::Front) if *f.get_ref() != 0 => {
                return Err(self.at(
                    f,
                    "replication.priority",
                    "front-ends are always priority 0 (never master); remove it",
                ));
            }
            (_, Role::Front) => 0,
            (f, Role::Back) => self.int(f.as_ref(), "replication.priority", 100, 0..1_000_001)? as u32,
        };
        if let (Some(f), Role::Front, true) = (&raw.group_creator, role, group_creator) {
            return Err(self.at(f, "replication.group_creator", "only a back-end can create the group"));
        }
        let ack_policy = match &raw.ack_policy {
            None => AckPolicy::Quorum,
            Some(f) => AckPolicy::parse(f.get_ref()).ok_or_else(|| {
                let names: Vec<_> = AckPolicy::NAMES.iter().map(|(n, _)| *n).collect();
                self.at(f, "replication.ack_policy", format!("{:?} is not one of {}", f.get_ref(), names.join(", ")))
            })?,
        };
        let heartbeat_send = self.millis(raw.heartbeat_send_ms.as_ref(), "replication.heartbeat_send_ms", 200)?;
        let heartbeat_monitor =
            self.millis(raw.heartbeat_monitor_ms.as_ref(), "replication.heartbeat_monitor_ms", 600)?;
        if heartbeat_monitor <= heartbeat_send {
            let f = raw.heartbeat_monitor_ms.as_ref().or(raw.heartbeat_send_ms.as_ref()).expect("defaults are ordered");
            return Err(self.at(f, "replication.heartbeat_monitor_ms", "must be longer than heartbeat_send_ms"));
        }
        Ok(ReplicationConfig {
            listen,
            helpers,
            group_creator,
            priority,
            ack_policy,
            ack_timeout: self.millis(raw.ack_timeout_ms.as_ref(), "replication.ack_timeout_ms", 1000)?,
            election_timeout: self.millis(raw.election_timeout_ms.as_ref(), "replication.election_timeout_ms", 1000)?,
            heartbeat_send,
            heartbeat_monitor,
            leases: raw.leases.as_ref().is_some_and(|f| *f.get_ref()),
            max_lag_bytes: self.int(raw.max_lag_mb.as_ref(), "replication.max_lag_mb", 8, 0..1_048_577)? as u64
                * (1 << 20),
            step_down_sync: Duration::from_millis(self.int(
                raw.step_down_sync_ms.as_ref(),
                "replication.step_down_sync_ms",
                100,
                0..60_001,
            )? as u64),
            step_down_after: Duration::from_secs(self.int(
                raw.step_down_after_s.as_ref(),
                "replication.step_down_after_s",
                10,
                1..3_601,
            )? as u64),
            tls: match &raw.tls {
                None => None,
                Some(t) => {
                    let path = |f: &Option<Spanned<String>>, key: &str| match f {
                        Some(f) if !f.get_ref().is_empty() => Ok(PathBuf::from(f.get_ref())),
                        Some(f) => Err(self.at(f, key, "must not be empty")),
                        None => Err(self.at(t, key, "is missing: [replication.tls] needs ca, cert and key")),
                    };
                    let t_ref = t.get_ref();
                    Some(TlsFiles {
                        ca: path(&t_ref.ca, "replication.tls.ca")?,
                        cert: path(&t_ref.cert, "replication.tls.cert")?,
                        key: path(&t_ref.key, "replication.tls.key")?,
                    })
                }
            },
            insecure: raw.insecure.as_ref().is_some_and(|f| *f.get_ref()),
            step_down_hold_off: Duration::from_secs(self.int(
                raw.step_down_hold_off_s.as_ref(),
                "replication.step_down_hold_off_s",
                300,
                0..86_401,
            )? as u64),
        })
    }
}

/// `$STATE_DIRECTORY` under systemd (`StateDirectory=fish/%i`), else
/// `/var/lib/fish/<name>`.
fn default_data_dir(name: &str) -> PathBuf {
    match std::env::var_os("STATE_DIRECTORY") {
        Some(dirs) if !dirs.is_empty() => {
            let first = dirs.to_string_lossy().split(':').next().unwrap_or_default().to_string();
            PathBuf::from(first)
        }
        _ => PathBuf::from("/var/lib/fish").join(name),
    }
}

#[cfg(test)]
mod tests;
