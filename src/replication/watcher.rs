//! The replication thread: turns Berkeley DB's events into one structured
//! log event each and keeps the [`View`] current; on becoming master it
//! creates the databases if needed and publishes this site's HTTP address
//! in `fish.meta.db` (see the module docs of `replication`).
//!
//! Berkeley DB callbacks only wake this thread; everything else happens here,
//! and the view is also refreshed every `REFRESH` so a missed event cannot
//! leave it stale. The thread ends when the site shuts down (its token) or
//! the environment closes (the event sender inside it is dropped).

use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::shape;
use super::view::{Master, Role, View};
use crate::bdb::RepEvent;
use crate::config::Running;
use crate::store::Store;

/// How often the view is refreshed without an event.
const REFRESH: Duration = Duration::from_millis(100);
/// The meta record in which the master publishes itself.
const MASTER_KEY: &str = "master";
/// The meta record a master rewrites after a stall, as a barrier.
const PULSE_KEY: &str = "pulse";

/// What the master publishes about itself.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Published {
    name: String,
    http: String,
    replication: String,
    generation: u32,
    /// The master's ack policy: every site must use the same one.
    #[serde(default)]
    ack_policy: String,
}

pub(super) struct Watcher {
    pub store: Arc<Store>,
    pub running: Arc<Running>,
    pub pulse: Arc<super::pulse::Pulse>,
    pub own_lag: Arc<super::lag::OwnLag>,
    pub view: watch::Sender<View>,
    pub published_gen: Option<u32>,
    pub policy_warned: bool,
}

impl Watcher {
    pub fn run(mut self, events: Receiver<RepEvent>, shutdown: CancellationToken) {
        while !shutdown.is_cancelled() {
            let master = self.view.borrow().role == Role::Master;
            self.pulse.beat(self.running.get().replication.heartbeat_monitor, master);
            match events.recv_timeout(REFRESH) {
                Ok(ev) => self.log(&ev),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return, // environment closed
            }
            if let Err(err) = self.refresh() {
                tracing::debug!(%err, "replication state not available yet");
            }
            if self.pulse.unconfirmed() {
                self.confirm_after_stall();
            }
        }
    }

    /// After a stall (see `pulse`): a master commits a barrier record; its
    /// acknowledgement by a quorum confirms this site is still master. A
    /// site that is not master has nothing to confirm.
    fn confirm_after_stall(&mut self) {
        if self.view.borrow().role != Role::Master {
            self.pulse.confirm();
            return;
        }
        let at = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        let acknowledged = self.store.meta_put(PULSE_KEY, at.as_millis().to_string().as_bytes());
        self.pulse.touch();
        match acknowledged {
            Ok(true) => {
                self.pulse.confirm();
                tracing::info!(fish_event = "stall_confirmed", "still master after the stall: a quorum acknowledged");
            }
            Ok(false) => tracing::warn!("after a stall, a quorum did not acknowledge this master; master work waits"),
            Err(err) => tracing::debug!(%err, "the barrier after a stall failed; retrying"),
        }
        if let Err(err) = self.refresh() {
            tracing::debug!(%err, "replication state not available yet");
        }
    }

    fn log(&self, ev: &RepEvent) {
        let m = crate::metrics::get();
        let counter = match ev {
            RepEvent::Elected => Some(&m.elections_won),
            RepEvent::ElectionFailed => Some(&m.elections_failed),
            RepEvent::PermFailed => Some(&m.ack_failures),
            _ => None,
        };
        if let Some(c) = counter {
            c.inc();
        }
        let addr =
            |eid: i32| self.store.env().site(eid).map(|s| s.addr.to_string()).unwrap_or_else(|_| format!("eid {eid}"));
        match ev {
            RepEvent::Elected => tracing::info!(fish_event = "elected", "this site won the election"),
            RepEvent::ElectionFailed => {
                tracing::warn!(fish_event = "election_failed", "election ended without a master")
            }
            RepEvent::MasterFailure => {
                tracing::warn!(fish_event = "master_failure", "lost the master; an election follows")
            }
            RepEvent::ConnectionUp { eid } => {
                tracing::info!(fish_event = "connection_up", site = %addr(*eid), "connected")
            }
            RepEvent::ConnectionDown { eid, errno } => {
                tracing::warn!(fish_event = "connection_down", site = %addr(*eid), errno, "connection lost")
            }
            RepEvent::ConnectAttemptFailed { eid, errno } => {
                tracing::debug!(fish_event = "connect_failed", site = %addr(*eid), errno, "connection attempt failed")
            }
            RepEvent::SiteAdded { eid } => {
                tracing::info!(fish_event = "site_added", site = %addr(*eid), "site joined the group")
            }
            RepEvent::SiteRemoved { eid } => tracing::info!(fish_event = "site_removed", eid, "site left the group"),
            RepEvent::LocalSiteRemoved => {
                tracing::warn!(fish_event = "site_removed", "this site was removed from the group")
            }
            RepEvent::PermFailed => tracing::warn!(
                fish_event = "ack_failure",
                "a commit missed the acknowledgements its ack policy requires"
            ),
            RepEvent::StartupDone => tracing::info!(fish_event = "startup_done", "caught up with the master"),
            RepEvent::InitDone => {
                tracing::info!(fish_event = "init_done", "internal initialisation from the master finished")
            }
            RepEvent::JoinFailure => tracing::error!(fish_event = "join_failed", "could not join the group"),
            RepEvent::DupMaster => tracing::warn!(fish_event = "dup_master", "two masters met; stepping down"),
            RepEvent::WouldRollback => {
                tracing::warn!(fish_event = "would_rollback", "sync would roll back committed transactions")
            }
            RepEvent::Panic { errno } => {
                // Every later call into the environment fails with
                // DB_RUNRECOVERY, so a site that stayed up would only answer
                // errors. Exit like a crash (EX_SOFTWARE): systemd restarts
                // it (Restart=on-failure) and opening runs recovery. With
                // master leases Berkeley DB panics on purpose when a
                // master's commit finishes after its lease ran out
                // (`__txn_commit`): a partition during a commit takes the
                // master down rather than let it serve stale reads.
                tracing::error!(
                    fish_event = "panic",
                    errno,
                    "Berkeley DB environment panicked: exiting so that the restart runs recovery"
                );
                std::process::exit(70);
            }
            RepEvent::WriteFailed { errno } => {
                tracing::error!(fish_event = "write_failed", errno, "a write to disk failed")
            }
            // Role changes are logged by `refresh` as one master_changed event.
            RepEvent::BecameMaster | RepEvent::BecameClient | RepEvent::NewMaster { .. } => {}
            RepEvent::Other { code } => tracing::debug!(code, "replication event"),
        }
    }

    /// What this site publishes when master, from the running config (a
    /// reload that changes the ack policy is published at the next
    /// election).
    fn me(&self) -> Published {
        let config = self.running.get();
        Published {
            name: config.name.clone(),
            http: config.http.advertise.to_string(),
            replication: config.replication.listen.to_string(),
            generation: 0,
            ack_policy: config.replication.ack_policy.name().to_string(),
        }
    }

    fn refresh(&mut self) -> Result<(), crate::store::StoreError> {
        let me = self.me();
        let env = self.store.env();
        let state = env.rep_state()?;
        let mut next = View { generation: state.generation, joined: env.replication_started(), ..View::default() };
        if state.is_master {
            next.role = Role::Master;
            next.synced = true;
            next.master = Some(Master {
                name: Some(me.name.clone()),
                replication: me.replication.clone(),
                http: Some(me.http.clone()),
            });
            // Serve as master at once; publishing commits a record whose
            // acknowledgements can take up to the ack timeout right after an
            // election, while the clients sync with the new master.
            if self.published_gen != Some(state.generation) {
                // Opening (or, in a new group, creating) the databases
                // commits no write that needs acknowledgements.
                self.store.create_databases()?;
                self.announce(next);
                return self.publish(Published { generation: state.generation, ..me });
            }
        } else if let Some(eid) = state.master {
            next.role = Role::Client;
            // Synced only while the link to the master is up: Berkeley DB
            // keeps naming a master it no longer hears from, and a replica
            // cut off from it (its heartbeat monitor then drops the link)
            // would otherwise say "synced" while it falls behind.
            let master = env.site(eid)?;
            next.synced = state.startup_complete && master.connected;
            // And not too far behind it, once measured (`lag`).
            next.lag_bytes = self.own_lag.get();
            let max = self.running.get().replication.max_lag_bytes;
            if let Some(lag) = next.lag_bytes.filter(|lag| max > 0 && *lag > max) {
                if next.synced {
                    tracing::debug!(lag, max, "more than max_lag_mb behind the master: not synced");
                }
                next.synced = false;
            }
            let replication = master.addr.to_string();
            let published = self.read_published().filter(|p| p.replication == replication);
            if let Some(p) = &published {
                self.check_ack_policy(&me, p);
            }
            // Right after an election the new master's published record has
            // not replicated here yet (publishing is a commit that waits for
            // the clients to sync with it): its registration, written when
            // it joined, already names its HTTP address. Forwarding can start
            // the moment Berkeley DB announces the new master.
            let (name, http) = match published {
                Some(p) => (Some(p.name), Some(p.http)),
                None => match self.read_registered(&replication) {
                    Some(r) => (Some(r.name), Some(r.http)),
                    None => (None, None),
                },
            };
            next.master = Some(Master { name, http, replication });
        } else {
            next.role = if state.is_client { Role::Client } else { Role::Starting };
        }
        self.announce(next);
        Ok(())
    }

    fn publish(&mut self, record: Published) -> Result<(), crate::store::StoreError> {
        let generation = record.generation;
        let json = serde_json::to_vec(&record).expect("serialising a record");
        self.store.meta_put(MASTER_KEY, &json)?;
        self.published_gen = Some(generation);
        Ok(())
    }

    /// Berkeley DB applies the ack policy of whichever site is master, so
    /// a site configured differently would change durability on failover.
    fn check_ack_policy(&mut self, me: &Published, master: &Published) {
        if !master.ack_policy.is_empty() && master.ack_policy != me.ack_policy && !self.policy_warned {
            tracing::warn!(
                fish_event = "ack_policy_mismatch",
                ours = %me.ack_policy,
                master = %master.ack_policy,
                "this site's ack_policy differs from the master's; if it becomes master, durability changes: use one ack_policy on every site"
            );
            self.policy_warned = true;
        }
    }

    fn read_registered(&self, replication: &str) -> Option<shape::SiteRecord> {
        let raw = self.store.meta_get(&shape::SiteRecord::key(replication)).ok()??;
        serde_json::from_slice(&raw).ok()
    }

    fn read_published(&self) -> Option<Published> {
        let raw = self.store.meta_get(MASTER_KEY).ok()??;
        serde_json::from_slice(&raw).ok()
    }

    /// Publishes the new view; logs a master change once per change.
    fn announce(&self, next: View) {
        let prev = self.view.borrow().clone();
        if next == prev {
            return;
        }
        let key = |v: &View| v.master.as_ref().map(|m| m.replication.clone());
        let m = crate::metrics::get();
        m.set_role(match next.role {
            Role::Master => "master",
            Role::Client => "client",
            Role::Starting => "starting",
        });
        if key(&next) != key(&prev) {
            m.master_changes.inc();
        }
        if key(&next) != key(&prev) || next.role != prev.role {
            let lsn = self.store.env().current_lsn().unwrap_or_default();
            tracing::info!(
                fish_event = "master_changed",
                message_id = crate::logging::MASTER_CHANGED_MESSAGE_ID,
                role = %next.role,
                master_name = next.master.as_ref().and_then(|m| m.name.as_deref()).unwrap_or("unknown"),
                master = next.master.as_ref().map_or("none", |m| m.replication.as_str()),
                previous = prev.master.as_ref().map_or("none", |m| m.replication.as_str()),
                generation = next.generation,
                lsn = %format!("{}/{}", lsn.file, lsn.offset),
                "{}",
                next.describe()
            );
        }
        self.view.send_replace(next);
    }
}
