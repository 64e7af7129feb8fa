//! The file as written: every field optional, unknown keys rejected, spans
//! kept so that validation can name the line of a bad value.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub role: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub data_dir: Option<Spanned<String>>,
    #[serde(default)]
    pub http: RawHttp,
    #[serde(default)]
    pub replication: RawReplication,
    #[serde(default)]
    pub storage: RawStorage,
    #[serde(default)]
    pub watch: RawWatch,
    #[serde(default)]
    pub leases: RawLeases,
    pub front: Option<Spanned<RawFront>>,
    #[serde(default)]
    pub log: RawLog,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawHttp {
    pub listen: Option<Spanned<String>>,
    pub advertise: Option<Spanned<String>>,
    pub max_value_bytes: Option<Spanned<i64>>,
    pub max_txn_ops: Option<Spanned<i64>>,
    pub max_txn_bytes: Option<Spanned<i64>>,
    pub master_wait_ms: Option<Spanned<i64>>,
    pub token_wait_ms: Option<Spanned<i64>>,
    pub tokens_file: Option<Spanned<String>>,
    pub insecure: Option<Spanned<bool>>,
    pub public_metrics: Option<Spanned<bool>>,
    pub max_connections: Option<Spanned<i64>>,
    pub body_timeout_ms: Option<Spanned<i64>>,
    pub response_timeout_ms: Option<Spanned<i64>>,
    pub max_response_bytes: Option<Spanned<i64>>,
    pub max_token_waits: Option<Spanned<i64>>,
    pub tls: Option<Spanned<RawHttpTls>>,
}

/// `[http.tls]`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawHttpTls {
    pub cert: Option<Spanned<String>>,
    pub key: Option<Spanned<String>>,
    pub client_ca: Option<Spanned<String>>,
    pub ca: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawReplication {
    pub listen: Option<Spanned<String>>,
    pub helpers: Option<Spanned<Vec<Spanned<String>>>>,
    pub group_creator: Option<Spanned<bool>>,
    pub priority: Option<Spanned<i64>>,
    pub ack_policy: Option<Spanned<String>>,
    pub ack_timeout_ms: Option<Spanned<i64>>,
    pub election_timeout_ms: Option<Spanned<i64>>,
    pub heartbeat_send_ms: Option<Spanned<i64>>,
    pub heartbeat_monitor_ms: Option<Spanned<i64>>,
    pub leases: Option<Spanned<bool>>,
    pub max_lag_mb: Option<Spanned<i64>>,
    pub step_down_sync_ms: Option<Spanned<i64>>,
    pub step_down_after_s: Option<Spanned<i64>>,
    pub step_down_hold_off_s: Option<Spanned<i64>>,
    pub tls: Option<Spanned<RawTls>>,
    pub insecure: Option<Spanned<bool>>,
}

/// `[replication.tls]`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawTls {
    pub ca: Option<Spanned<String>>,
    pub cert: Option<Spanned<String>>,
    pub key: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawStorage {
    pub cache_mb: Option<Spanned<i64>>,
    pub checkpoint_interval_s: Option<Spanned<i64>>,
    pub min_free_mb: Option<Spanned<i64>>,
    pub page_size_kb: Option<Spanned<i64>>,
    pub sync: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawWatch {
    pub history: Option<Spanned<i64>>,
    pub progress_ms: Option<Spanned<i64>>,
    pub max_watchers: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawLeases {
    pub max_leases: Option<Spanned<i64>>,
    pub max_keys_per_lease: Option<Spanned<i64>>,
    pub max_ttl_s: Option<Spanned<i64>>,
    pub keepalives_per_s: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawLog {
    pub level: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawFront {
    pub mode: Option<Spanned<String>>,
    pub backends: Option<Spanned<Vec<Spanned<String>>>>,
}
