//! This site's part in its replication group: the one room for
//! replication above the Berkeley DB wrapper.
//!
//! | file | what |
//! |---|---|
//! | `mod.rs` | [`configure`] a store for replication; [`Group`]: start, reload, stop |
//! | [`join`] | starting the Replication Manager, retrying while the group cannot take a member |
//! | `watcher.rs` | the replication thread: events → log lines, the [`View`], the master's published record |
//! | [`registry`] | this member's registration (role, priority, HTTP address) and the group's fault tolerance |
//! | [`shape`] | what the group's shape tolerates (a pure rule of Berkeley DB) |
//! | [`members`] | the members as the replica knows them; removing a site; `/v1/status` facts |
//! | [`lag`] | replication lag per site, as the master sees it |
//! | [`pulse`] | whether master work may go ahead now: not after a stall until confirmed, not during a hand-over |
//! | [`barrier`] | read barriers: a quorum confirms a linearizable read's master after the read |
//! | [`handover`] | handing mastership over on purpose: step-down, SIGTERM of the master, a slow disk |
//! | [`disk`] | the disk probe, and a master with a slow disk that steps aside |
//! | [`follow`] | a proxy front-end's view, from the back-ends' `/v1/status` |
//! | [`view`] | the view the rest of Fish acts on |
//!
//! The master publishes its HTTP address in `fish.meta.db` (replicated,
//! unreachable from the KV API). Clients read it from their own replica and
//! trust it only when it names the replication address of the master
//! Berkeley DB reports, so a stale record from the previous master is never
//! followed.
//!
//! Every background task of the room takes the site's shutdown token, and
//! [`Group::stop`] waits for all of them: after it, nothing here holds the
//! store, so the daemon can close the environment (which closes repmgr's
//! connections: the other sites see this one leave at once).

pub mod barrier;
pub mod disk;
pub mod follow;
pub mod handover;
pub mod join;
pub mod lag;
pub mod members;
pub mod pulse;
pub mod registry;
pub mod shape;
pub mod tls;
pub mod view;
mod watcher;

use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::bdb::{self, RepEvent};
use crate::config::{AckPolicy, Config, Role as SiteRole, Running};
use crate::store::{Store, StoreOptions};
pub use view::{Master, Role, View};

/// Berkeley DB's replication events, and the TLS transport if any, from
/// [`configure`] to [`Group::start`].
pub struct Events(Receiver<RepEvent>, Option<Arc<tls::Tls>>);

/// Adds this site's replication settings to `opts`, before the store opens.
/// `fresh`: the data dir has never been part of a group.
///
/// Fails if `[replication.tls]` names files that cannot make a TLS
/// configuration (the error names the file). Call inside the runtime.
pub fn configure(config: &Config, opts: &mut StoreOptions, fresh: bool) -> Result<Events, tls::TlsError> {
    let r = &config.replication;
    let (events, rx) = std::sync::mpsc::channel();
    let tls = r.tls.as_ref().map(tls::Tls::new).transpose()?;
    // A fresh site with nowhere to join starts a new group (a single
    // machine needs no config); with helpers it joins through them.
    let group_creator = r.group_creator || (fresh && r.helpers.is_empty() && config.role == SiteRole::Back);
    if fresh && group_creator && !r.group_creator {
        tracing::info!("no helpers and no group membership yet: this site creates a new group");
    }
    opts.env.replication = Some(bdb::RepConfig {
        local: members::site_addr(&r.listen),
        group_creator,
        helpers: r.helpers.iter().map(members::site_addr).collect(),
        priority: r.priority,
        // Every front-end with a replica is a view: it never votes, acks
        // or counts in the group size (Fish's Berkeley DB patch 0010).
        view: config.is_view(),
        ack_policy: ack_policy(r.ack_policy),
        timeouts: timeouts(config),
        lease: r.leases.then_some(r.heartbeat_monitor.max(r.ack_timeout)),
        events,
        transport: tls.clone().map(|t| t as Arc<dyn bdb::Transport>),
    });
    Ok(Events(rx, tls))
}

fn ack_policy(policy: AckPolicy) -> bdb::AckPolicy {
    match policy {
        AckPolicy::Quorum => bdb::AckPolicy::Quorum,
        AckPolicy::AllPeers => bdb::AckPolicy::AllPeers,
        AckPolicy::All => bdb::AckPolicy::All,
        AckPolicy::AllAvailable => bdb::AckPolicy::AllAvailable,
        AckPolicy::One => bdb::AckPolicy::One,
        AckPolicy::OnePeer => bdb::AckPolicy::OnePeer,
        AckPolicy::None => bdb::AckPolicy::None,
    }
}

/// The replication timeouts of `config`.
fn timeouts(config: &Config) -> bdb::RepTimeouts {
    let r = &config.replication;
    bdb::RepTimeouts {
        ack: r.ack_timeout,
        election: r.election_timeout,
        election_retry: r.election_timeout.min(Duration::from_millis(200)),
        connection_retry: Duration::from_millis(500),
        heartbeat_send: r.heartbeat_send,
        heartbeat_monitor: r.heartbeat_monitor,
    }
}

/// Where master work runs: see [`Group::master_work`].
pub enum MasterWork {
    Here(WorkGuard),
    Elsewhere,
}

/// Master work under way here; a hand-over waits until every guard drops.
pub struct WorkGuard(Option<Arc<pulse::Pulse>>);

impl Drop for WorkGuard {
    fn drop(&mut self) {
        if let Some(pulse) = &self.0 {
            pulse.leave_work();
        }
    }
}

/// A background task of the room.
enum Task {
    Thread(std::thread::JoinHandle<()>),
    Async(tokio::task::JoinHandle<()>),
}

/// This site's replication: its view of the group and the tasks that keep
/// it (and the site's place in the group) current.
pub struct Group {
    view: watch::Receiver<View>,
    /// None on a proxy front-end, which is not a member.
    store: Option<Arc<Store>>,
    /// The replication thread's beat (members only): see [`pulse`].
    pulse: Option<Arc<pulse::Pulse>>,
    /// The running config (members only).
    running: Option<Arc<Running>>,
    /// The disk probe's window (members only).
    disk: Option<Arc<disk::DiskHealth>>,
    /// Mutual TLS between sites, when configured (see [`tls`]).
    tls: Option<Arc<tls::Tls>>,
    /// Read barriers for linearizable reads (members only).
    barrier: Option<Arc<barrier::ReadBarrier>>,
    tasks: Mutex<Vec<Task>>,
}

impl Group {
    /// Starts replication for `store`: the watcher thread, joining the group
    /// (with retry), registration, and lag watching, all until `shutdown`.
    pub fn start(store: Arc<Store>, running: Arc<Running>, events: Events, shutdown: CancellationToken) -> Group {
        let (tx, rx) = watch::channel(View::default());
        let Events(events_rx, tls) = events;
        let pulse = Arc::new(pulse::Pulse::default());
        let running_for_group = Arc::clone(&running);
        let health = Arc::new(disk::DiskHealth::default());
        store.observe_commits(Box::new(|took| crate::metrics::get().commit_seconds.observe(took.as_secs_f64())));
        let own_lag = Arc::new(lag::OwnLag::default());
        let read_barrier = Arc::new(barrier::ReadBarrier::default());
        let watcher = watcher::Watcher {
            store: Arc::clone(&store),
            running: Arc::clone(&running),
            pulse: Arc::clone(&pulse),
            own_lag: Arc::clone(&own_lag),
            view: tx,
            published_gen: None,
            policy_warned: false,
        };
        let stop = shutdown.clone();
        let thread = std::thread::Builder::new()
            .name("fish-replication".into())
            .spawn(move || watcher.run(events_rx, stop))
            .expect("spawning the replication thread");
        let mut tasks = vec![
            Task::Thread(thread),
            // The change feed for watchers lives in the store; it runs for
            // as long as the group does (see `store::feed`).
            Task::Thread(
                std::thread::Builder::new()
                    .name("fish-feed".into())
                    .spawn({
                        let (store, running, shutdown) =
                            (Arc::clone(&store), Arc::clone(&running_for_group), shutdown.clone());
                        move || {
                            let options = || crate::store::feed::FeedOptions {
                                history: running.get().watch.history,
                                quiet_read_every: crate::store::feed::QUIET_READ_EVERY,
                            };
                            crate::store::feed::run(&store, &options, &|| shutdown.is_cancelled());
                        }
                    })
                    .expect("spawning the change feed thread"),
            ),
            // So does the lease keeper, which expires leases on the master
            // (see `store::leases`).
            Task::Thread(
                std::thread::Builder::new()
                    .name("fish-leases".into())
                    .spawn({
                        let (store, running, shutdown) =
                            (Arc::clone(&store), Arc::clone(&running_for_group), shutdown.clone());
                        move || {
                            let limits = || {
                                let leases = &running.get().leases;
                                (leases.max_leases, leases.max_keys_per_lease)
                            };
                            let expired = |keys: usize| crate::metrics::get().lease_expired(keys);
                            crate::store::leases::run(&store, &limits, &expired, &|| shutdown.is_cancelled());
                        }
                    })
                    .expect("spawning the lease keeper thread"),
            ),
            Task::Async(tokio::task::spawn_blocking({
                let (store, running, shutdown) = (Arc::clone(&store), Arc::clone(&running), shutdown.clone());
                move || join::join(&store, &running.get(), &shutdown)
            })),
            Task::Async(tokio::spawn(registry::keep_registered(
                Arc::clone(&store),
                running,
                rx.clone(),
                shutdown.clone(),
            ))),
            Task::Async(tokio::spawn(lag::watch(
                Arc::clone(&store),
                Arc::clone(&running_for_group),
                rx.clone(),
                own_lag,
                shutdown.clone(),
            ))),
            Task::Thread(
                std::thread::Builder::new()
                    .name("fish-disk".into())
                    .spawn({
                        // Beside the environment, not in it: Berkeley DB
                        // takes every file of its directory for a database
                        // when it lists them (internal init, backups).
                        let dir = running_for_group.get().data_dir.clone();
                        let health = Arc::clone(&health);
                        let running = Arc::clone(&running_for_group);
                        let shutdown = shutdown.clone();
                        move || disk::probe(dir, health, running, shutdown)
                    })
                    .expect("spawning the disk probe thread"),
            ),
        ];
        for i in 0..barrier::THREADS {
            let (barrier, store, shutdown) = (Arc::clone(&read_barrier), Arc::clone(&store), shutdown.clone());
            let thread = std::thread::Builder::new()
                .name(format!("fish-barrier-{i}"))
                .spawn(move || barrier.run(store, shutdown))
                .expect("spawning a read barrier thread");
            tasks.push(Task::Thread(thread));
        }
        Group {
            view: rx,
            store: Some(store),
            pulse: Some(pulse),
            running: Some(running_for_group),
            disk: Some(health),
            tls,
            barrier: Some(read_barrier),
            tasks: Mutex::new(tasks),
        }
    }

    /// A proxy front-end's view: it follows the master the back-ends at
    /// `backends` (HTTP addresses) report, without joining the group.
    pub fn follow(config: &Config, backends: Vec<String>, shutdown: CancellationToken) -> Group {
        let (view, task) = follow::start(config, backends, shutdown);
        Group {
            view,
            store: None,
            pulse: None,
            running: None,
            disk: None,
            tls: None,
            barrier: None,
            tasks: Mutex::new(vec![Task::Async(task)]),
        }
    }

    /// The current view.
    pub fn view(&self) -> View {
        self.view.borrow().clone()
    }

    /// This site's role, without copying the view (the request path asks).
    pub fn role(&self) -> Role {
        self.view.borrow().role
    }

    /// Master work can go ahead at once: no stall of this process was seen
    /// or is under way (see [`pulse`]).
    pub fn steady(&self) -> bool {
        self.pulse.as_ref().is_none_or(|pulse| pulse.steady())
    }

    /// Where master work (a write, a `master` read) runs now: here, with
    /// the work counted until the guard drops; elsewhere (this site is not
    /// master, or stopped being master during a stall's confirmation or a
    /// hand-over); or `None` if neither was settled by `deadline`.
    ///
    /// `forwarded` work does not wait for a hand-over: it goes elsewhere at
    /// once, and its forwarder (which knows it was not applied) sends it to
    /// the new master, rather than waiting for an answer from this site
    /// while the group moves on.
    pub async fn master_work(&self, deadline: std::time::Instant, forwarded: bool) -> Option<MasterWork> {
        loop {
            if self.role() != Role::Master || (forwarded && self.pulse.as_ref().is_some_and(|p| p.handing_over())) {
                return Some(MasterWork::Elsewhere);
            }
            match &self.pulse {
                None => return Some(MasterWork::Here(WorkGuard(None))),
                Some(pulse) if pulse.enter_work() => return Some(MasterWork::Here(WorkGuard(Some(Arc::clone(pulse))))),
                Some(_) => {}
            }
            if std::time::Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    }

    /// The generation of the view, when this site is master in it: what a
    /// linearizable read notes before it reads (see [`barrier`]).
    pub fn master_generation(&self) -> Option<u32> {
        let view = self.view.borrow();
        (view.role == Role::Master).then_some(view.generation)
    }

    /// Confirms a linearizable read done as master in generation `read_in`
    /// (see [`barrier`]), waiting at most `within`.
    pub async fn confirm_read(&self, read_in: u32, within: Duration) -> Result<(), barrier::Unconfirmed> {
        match &self.barrier {
            Some(barrier) => barrier.confirm(read_in, within).await,
            None => Err(barrier::Unconfirmed::Failed("a proxy front-end holds no data".into())),
        }
    }

    /// A master with a slow disk hands over (see [`disk`]); until `shutdown`.
    pub fn watch_disk(self: &Arc<Self>, shutdown: CancellationToken) {
        if self.disk.is_some() {
            let task = tokio::spawn(disk::watch_master(Arc::clone(self), shutdown));
            self.tasks.lock().unwrap_or_else(|e| e.into_inner()).push(Task::Async(task));
        }
    }

    /// This site's disk probe, as `/v1/status` shows it.
    pub fn disk(&self) -> Option<crate::api::DiskStatus> {
        let (health, running) = (self.disk.as_ref()?, self.running.as_ref()?);
        let r = &running.get().replication;
        health.status(r.step_down_after, r.step_down_sync)
    }

    /// A receiver that sees every change of the view.
    pub fn subscribe(&self) -> watch::Receiver<View> {
        self.view.clone()
    }

    /// Applies a reload's replication changes (ack policy, priority,
    /// timeouts); `changed` logs each and says whether it changed. The
    /// registration and the published record follow the new config by
    /// themselves: they read the running config each time.
    ///
    /// A master keeps its priority when the reload would make it 0: it would
    /// stay master regardless (Berkeley DB does not depose a master for
    /// its priority): the operator hands mastership over first
    /// (`fishctl step-down`), then reloads.
    pub fn apply_reload(&self, old: &Config, new: &mut Config, changed: &dyn Fn(&str, String, String) -> bool) {
        let Some(env) = self.store.as_ref().map(|s| s.env()) else { return };
        if new.replication.priority == 0 && old.replication.priority > 0 && self.role() == Role::Master {
            tracing::warn!(
                fish_event = "reload_refused",
                key = "replication.priority",
                running = old.replication.priority,
                "replication.priority = 0 refused on the master: it would stay master all the same; run `fishctl step-down` first, then reload"
            );
            new.replication.priority = old.replication.priority;
        }
        let new = &*new;
        let (o, n) = (&old.replication, &new.replication);
        let ms = |d: Duration| d.as_millis().to_string();
        if changed("replication.ack_policy", o.ack_policy.name().into(), n.ack_policy.name().into())
            && let Err(err) = env.set_ack_policy(ack_policy(n.ack_policy))
        {
            tracing::warn!(%err, "could not apply replication.ack_policy");
        }
        if changed("replication.priority", o.priority.to_string(), n.priority.to_string())
            && let Err(err) = env.set_priority(n.priority)
        {
            tracing::warn!(%err, "could not apply replication.priority");
        }
        let timeouts_changed = [
            changed("replication.ack_timeout_ms", ms(o.ack_timeout), ms(n.ack_timeout)),
            changed("replication.election_timeout_ms", ms(o.election_timeout), ms(n.election_timeout)),
            changed("replication.heartbeat_send_ms", ms(o.heartbeat_send), ms(n.heartbeat_send)),
            changed("replication.heartbeat_monitor_ms", ms(o.heartbeat_monitor), ms(n.heartbeat_monitor)),
        ];
        // Read each round by the watcher and the disk probe.
        changed("replication.max_lag_mb", (o.max_lag_bytes >> 20).to_string(), (n.max_lag_bytes >> 20).to_string());
        changed("replication.step_down_sync_ms", ms(o.step_down_sync), ms(n.step_down_sync));
        changed(
            "replication.step_down_after_s",
            o.step_down_after.as_secs().to_string(),
            n.step_down_after.as_secs().to_string(),
        );
        changed(
            "replication.step_down_hold_off_s",
            o.step_down_hold_off.as_secs().to_string(),
            n.step_down_hold_off.as_secs().to_string(),
        );
        // Certificates and CAs are re-read at every reload, for rotation:
        // new connections use them, working ones keep theirs.
        match (&self.tls, &new.replication.tls) {
            (Some(tls), Some(files)) => match tls.reload(files) {
                Ok(()) => tracing::info!("re-read the replication TLS files"),
                Err(err) => tracing::warn!(%err, "replication TLS files not reloaded; the running ones stay"),
            },
            (None, Some(_)) | (Some(_), None) => {
                tracing::warn!("turning replication TLS on or off needs a restart; the running setting stays")
            }
            (None, None) => {}
        }
        if timeouts_changed.contains(&true)
            && let Err(err) = env.set_timeouts(&timeouts(new))
        {
            tracing::warn!(%err, "could not apply the replication timeouts");
        }
    }

    /// Waits for every task of the room to end; call after cancelling the
    /// shutdown token given to [`Group::start`] or [`Group::follow`].
    pub async fn stop(&self) {
        let tasks = std::mem::take(&mut *self.tasks.lock().unwrap_or_else(|e| e.into_inner()));
        if let Some(store) = &self.store {
            store.feed.wake();
        }
        for task in tasks {
            match task {
                Task::Async(handle) => {
                    let _ = handle.await;
                }
                Task::Thread(handle) => {
                    let _ = tokio::task::spawn_blocking(move || handle.join()).await;
                }
            }
        }
    }

    /// True while Berkeley DB answers (the systemd watchdog's probe).
    pub fn responsive(&self) -> bool {
        self.store.as_ref().is_none_or(|s| s.env().rep_state().is_ok())
    }
}
