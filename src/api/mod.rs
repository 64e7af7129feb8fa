//! The HTTP API's wire contract as types: the bodies of `/v1/status` and
//! `/v1/members`, Fish's header names, and how bytes are written in paths
//! and JSON ([`encoding`]), and the body of a batch of forwarded requests
//! ([`batch`]). The server ([`crate::http`])
//! builds these types and every reader deserialises them: a proxy
//! front-end's follower and the master's lag watcher
//! ([`crate::replication`]), `fishctl` (through [`crate::client`]), and the
//! test suites. A field renamed here is renamed for all of them, and the
//! compiler finds every reader.
//!
//! This module imports nothing from the rest of Fish: it is the contract,
//! not an implementation.

pub mod batch;
pub mod encoding;

use serde::{Deserialize, Serialize};

/// Fish's own HTTP headers (lower case, as hyper stores them).
pub mod header {
    /// On a write's answer: the commit token of the write.
    pub const FISH_TOKEN: &str = "fish-token";
    /// On a read: wait until the commit of this token is applied here.
    pub const FISH_AFTER: &str = "fish-after";
    /// On a forwarded request: the name of the site that forwarded it. A
    /// site that receives one and is not master answers 503 rather than
    /// forwarding again, so requests never loop.
    pub const FORWARDED_BY: &str = "fish-forwarded-by";
    /// On that 503 (and on one from a master that handed mastership over
    /// while the request waited): nothing was done with the request, so
    /// the forwarding site sends it to the new master itself.
    pub const NOT_MASTER: &str = "fish-not-master";
    /// On a key's answer: the lease the key is attached to.
    pub const FISH_LEASE: &str = "fish-lease";
    /// On a PUT or DELETE: `KEY@VERSION` (KEY percent-encoded as in a
    /// path): apply the write only if KEY is at VERSION, in the same
    /// transaction; a lock holder's fencing token.
    pub const FISH_FENCE: &str = "fish-fence";
    /// On a backup: the log position the backup holds every write before.
    pub const BACKUP_LSN: &str = "fish-backup-lsn";
    /// On a backup: the bytes of its files (the archive adds a little), for
    /// a client's progress.
    pub const BACKUP_BYTES: &str = "fish-backup-bytes";
}

/// A log position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Lsn {
    pub file: u32,
    pub offset: u32,
}

/// The master as a site knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Master {
    /// Its site name, once its published record has replicated here.
    pub name: Option<String>,
    /// Its replication address (`host:port`).
    pub replication: String,
    /// Its HTTP address, once known.
    pub http: Option<String>,
}

/// One site of the group in a status body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusSite {
    pub replication: String,
    #[serde(rename = "self")]
    pub is_self: bool,
    pub connected: bool,
    /// A view (a front-end with a replica): never votes or acknowledges.
    #[serde(default)]
    pub view: bool,
    /// Berkeley DB's environment id of a remote site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eid: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http: Option<String>,
}

/// How many back-end failures the group's current shape tolerates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultTolerance {
    /// Voting members: views are not counted.
    pub members: usize,
    pub electable: usize,
    /// Views (front-ends with a replica): they never change the tolerance.
    #[serde(default)]
    pub views: usize,
    pub unregistered: usize,
    /// Back-end failures after which quorum writes are still acknowledged
    /// (and a master can still be elected).
    pub quorum_write_failures_tolerated: usize,
}

/// How long this site's disk takes to make a small write durable (the disk
/// probe: a 4 KiB append and fdatasync every 500 ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiskStatus {
    /// The median over the last `step_down_after_s`, in microseconds.
    pub sync_p50_us: u64,
    /// The latest probe, in microseconds.
    pub sync_last_us: u64,
    /// The median has been above `step_down_sync_ms` for a whole window.
    pub slow: bool,
}

/// `GET /v1/status`: what a site is and where it stands. Fields that only
/// a site with a replica has are absent on a proxy front-end, and the
/// reverse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub name: String,
    /// `back` or `front`.
    pub role: String,
    /// `view` on a front-end with a replica, `proxy` on one without.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// `master`, `client` or `starting`.
    pub state: String,
    /// One line: `master`, `client, master back1 10.0.0.2:7000`, `electing`, `joining the group`.
    pub status: String,
    /// Master, or a client that finished its initial sync, hears the master
    /// and is at most `max_lag_mb` behind it.
    pub synced: bool,
    /// A client: bytes of log it is behind the master, when last measured
    /// (an upper bound: it includes what was committed while it asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lag_bytes: Option<u64>,
    pub master: Option<Master>,
    pub generation: u32,
    /// This site's log end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lsn: Option<Lsn>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<StatusSite>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault_tolerance: Option<FaultTolerance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ack_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_files: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk: Option<DiskStatus>,
    /// Proxy front-ends: HTTP addresses of the synced back-ends that serve
    /// its replica reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replicas: Option<Vec<String>>,
    pub uptime_s: u64,
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub berkeley_db: Option<String>,
}

impl Status {
    pub fn is_master(&self) -> bool {
        self.state == "master"
    }
}

/// One member in `GET /v1/members`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub replication: String,
    #[serde(rename = "self")]
    pub is_self: bool,
    pub connected: bool,
    pub master: bool,
    /// A view: never votes, acknowledges or becomes master.
    #[serde(default)]
    pub view: bool,
    /// From the member's registration, once it has one.
    pub name: Option<String>,
    pub http: Option<String>,
    pub role: Option<String>,
}

/// `GET /v1/members`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Members {
    pub members: Vec<Member>,
    pub generation: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names on the wire are the contract (`docs/` and the SPEC list
    /// them); a rename of a Rust field must not rename them.
    #[test]
    fn status_fields_keep_their_wire_names() {
        let s = Status {
            name: "back0".into(),
            role: "back".into(),
            mode: None,
            state: "master".into(),
            status: "master".into(),
            synced: true,
            lag_bytes: None,
            master: Some(Master { name: Some("back0".into()), replication: "h:1".into(), http: Some("h:2".into()) }),
            generation: 3,
            lsn: Some(Lsn { file: 1, offset: 28 }),
            sites: vec![StatusSite {
                replication: "h:1".into(),
                is_self: true,
                connected: true,
                view: false,
                eid: None,
                name: Some("back0".into()),
                http: Some("h:2".into()),
            }],
            priority: Some(100),
            fault_tolerance: None,
            ack_policy: Some("quorum".into()),
            data_dir: Some("/d".into()),
            log_files: Some(1),
            disk: None,
            replicas: None,
            uptime_s: 5,
            version: "0".into(),
            berkeley_db: Some("5.3.28".into()),
        };
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["sites"][0]["self"], true);
        assert_eq!(v["lsn"]["offset"], 28);
        assert_eq!(v["master"]["http"], "h:2");
        assert!(v.get("mode").is_none() && v.get("replicas").is_none());
        assert_eq!(serde_json::from_value::<Status>(v).unwrap(), s);
    }
}
