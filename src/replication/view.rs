//! The view of the group that the rest of Fish acts on.

use std::fmt;

pub use crate::api::Master;

/// What this site is in its group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Replication not started or no role yet (joining, electing).
    #[default]
    Starting,
    Master,
    Client,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Starting => "starting",
            Role::Master => "master",
            Role::Client => "client",
        })
    }
}

/// This site's role and the master it follows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct View {
    pub role: Role,
    pub master: Option<Master>,
    pub generation: u32,
    /// Master, or a client that finished its initial sync, hears the master
    /// and is at most `[replication] max_lag_mb` behind it.
    pub synced: bool,
    /// A client: bytes of log it is behind the master, when last measured.
    pub lag_bytes: Option<u64>,
    /// Proxy front-ends only: HTTP addresses of synced back-ends that serve
    /// replica and token reads.
    pub replicas: Vec<String>,
    /// Replication has started here: the site has joined its group (or
    /// rejoined it after a restart) and takes part in elections. Until
    /// then a joining site may be copying the whole database.
    pub joined: bool,
}

impl View {
    /// The HTTP address writes go to, if known and not this site.
    pub fn master_http(&self) -> Option<&str> {
        match self.role {
            Role::Master => None,
            _ => self.master.as_ref()?.http.as_deref(),
        }
    }

    /// Usable: master, or a client that has caught up and knows the
    /// master's HTTP address. Drives /readyz and READY=1.
    pub fn is_ready(&self) -> bool {
        match self.role {
            Role::Master => true,
            Role::Client => self.synced && self.master_http().is_some(),
            Role::Starting => false,
        }
    }

    /// One line for STATUS= and logs: `master`, `client, master back1
    /// 10.0.0.2:7000`, `electing`, or `joining the group`.
    pub fn describe(&self) -> String {
        match (self.role, &self.master) {
            (Role::Master, _) => "master".to_string(),
            (Role::Client, Some(m)) => format!(
                "client, master {} {}{}",
                m.name.as_deref().unwrap_or("?"),
                m.replication,
                if self.synced { "" } else { ", not synced" }
            ),
            (Role::Client, None) => "client, electing".to_string(),
            (Role::Starting, _) if self.joined => "electing".to_string(),
            (Role::Starting, _) => "joining the group".to_string(),
        }
    }
}
