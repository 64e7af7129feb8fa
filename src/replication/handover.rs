//! Handing mastership over on purpose: `fishctl step-down`, SIGTERM of the
//! master, and a master whose disk turned slow (see `disk`).
//!
//! Berkeley DB 5.3 elects by log position first, then priority. Fish's
//! patch 0013 splits a master's exit into two calls: step down (become a
//! client; the log's end is final then) and call an election. Between the
//! two the old master prepares the election so that a chosen site wins and
//! nothing acknowledged is lost:
//!
//! 1. It closes the master-work gate (`pulse`): new writes wait, the ones
//!    under way finish and get their acknowledgements.
//! 2. It sets its own priority to 0 and steps down. Berkeley DB writes a
//!    few log records of its own while doing so; after it, this site
//!    writes nothing.
//! 3. It sends the end of its log to the target's
//!    `POST /v1/internal/takeover`. The target answers once it has the
//!    log up to there and has forgotten the old master, and raises its
//!    priority to [`TAKEOVER_PRIORITY`] for [`TAKEOVER_HOLD`] (then returns
//!    to its configured one).
//! 4. It calls the election: no site has more log than the target, none a
//!    higher priority, so the target wins.
//! 5. Once the new master is known, the gate opens again and the writes
//!    that waited go to the new master (the HTTP layer forwards them).
//!
//! If stepping down fails, the site stays master. If the target does not
//! confirm, the election is called all the same (the group then elects by
//! log and priority, as after a failure). Clients whose master stepped down
//! call one by themselves after the election retry time (200 ms at most),
//! so that a master dying half-way leaves no group without a master. On a
//! loaded host that election can come before step 3 is done: the target
//! then sees a master of a later generation than the one that stepped
//! down, answers so instead of waiting for a master-less moment that will
//! not come, and the old master skips step 4. After the hand-over
//! the old master keeps priority 0 for the hold-off asked for (0 for a
//! planned one), so that it is not elected back while it is why the group
//! moved away.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::Group;
use super::shape::{self, SiteRecord};
use super::view::Role;
use crate::bdb::{Lsn, SiteInfo};
use crate::config::Running;
use crate::store::Store;

/// The priority a target takes while it is meant to win: above any a
/// site can be configured with (1,000,000 at most).
pub const TAKEOVER_PRIORITY: u32 = 2_000_000;
/// How long a target keeps [`TAKEOVER_PRIORITY`].
pub const TAKEOVER_HOLD: Duration = Duration::from_secs(5);

/// Why mastership is handed over (the `reason` label and event field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// `fishctl step-down` (`POST /v1/step-down`).
    Request,
    /// SIGTERM or SIGINT of the master.
    Shutdown,
    /// The master's disk stayed slow (see `disk`).
    SlowDisk,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Request => "request",
            Reason::Shutdown => "shutdown",
            Reason::SlowDisk => "slow_disk",
        }
    }
}

/// A finished hand-over.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct HandedOver {
    /// This site's name.
    pub from: String,
    /// The new master's name.
    pub to: String,
    /// The new master's replication address.
    pub replication: String,
    pub generation: u32,
    /// From closing the gate to knowing the new master.
    pub took_ms: u64,
}

/// Why a hand-over did not happen (the site is still master unless said).
#[derive(Debug, thiserror::Error)]
pub enum HandOverError {
    #[error("this site is not master")]
    NotMaster,
    #[error("a hand-over is already under way")]
    InProgress,
    #[error("no member of the group is named or has the replication address {0:?}")]
    UnknownSite(String),
    #[error("{site} cannot take over: {why}")]
    NotElectable { site: String, why: String },
    #[error("no electable member is connected to take over")]
    NoCandidate,
    #[error("writes under way did not finish within {0:?}; still master")]
    Busy(Duration),
    #[error("the replicated state could not be read: {0}; still master")]
    State(String),
    #[error("{site} did not confirm it can take over ({why}); the group holds an election all the same")]
    TargetRefused { site: String, why: String },
    #[error("stepping down failed: {0}; still master")]
    StepDown(String),
    #[error("calling the election failed: {0}; the other sites call one after the election retry time")]
    Election(String),
    #[error("stepped down, but no new master was known within {0:?}; this site may be elected again")]
    NoNewMaster(Duration),
}

/// What the target is asked (`POST /v1/internal/takeover`).
#[derive(Debug, Serialize, Deserialize)]
pub struct Takeover {
    pub from: String,
    /// The end of the old master's log, final: have it before answering.
    pub lsn_file: u32,
    pub lsn_offset: u32,
    /// The generation the old master stepped down in: a master of a later
    /// one means the group has already elected (absent from fishd 0.1.0's
    /// asks, which then wait for the master-less moment alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generation: Option<u32>,
}

impl Takeover {
    /// The end of the old master's log.
    fn end(&self) -> Lsn {
        Lsn { file: self.lsn_file, offset: self.lsn_offset }
    }
}

/// The target's answer when it has nothing to prepare (`200`; a prepared
/// target answers `204`).
#[derive(Debug, Serialize, Deserialize)]
pub struct AlreadyElected {
    /// The generation of the master the group elected by itself.
    pub elected_generation: u32,
}

/// What the target did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prepared {
    /// It has the whole log, no master, and the highest priority.
    Ready,
    /// The group elected a master (of this generation) after the old one
    /// stepped down, before the target was asked: no election to call.
    AlreadyElected(u32),
}

/// An electable member that could take over.
struct Candidate {
    name: String,
    replication: String,
    http: String,
    priority: u32,
}

impl Group {
    /// Hands mastership over to `to` (a member's name or replication
    /// address), or to the electable connected member with the highest
    /// priority; then keeps this site's priority 0 for `hold_off`.
    ///
    /// Runs as a task of its own: a caller that goes away (an HTTP client
    /// that disconnects) does not stop it half-way with the gate closed.
    pub async fn hand_over(
        self: &Arc<Self>,
        to: Option<&str>,
        reason: Reason,
        hold_off: Duration,
    ) -> Result<HandedOver, HandOverError> {
        let (group, to) = (Arc::clone(self), to.map(str::to_string));
        tokio::spawn(async move { group.hand_over_now(to.as_deref(), reason, hold_off).await })
            .await
            .unwrap_or_else(|e| Err(HandOverError::State(format!("the hand-over task failed: {e}"))))
    }

    async fn hand_over_now(
        &self,
        to: Option<&str>,
        reason: Reason,
        hold_off: Duration,
    ) -> Result<HandedOver, HandOverError> {
        let (Some(store), Some(pulse), Some(running)) = (&self.store, &self.pulse, &self.running) else {
            return Err(HandOverError::NotMaster);
        };
        if self.role() != Role::Master {
            return Err(HandOverError::NotMaster);
        }
        let target = {
            let s = Arc::clone(store);
            let sites = tokio::task::spawn_blocking(move || shape::registered_sites(&s))
                .await
                .map_err(|e| HandOverError::State(e.to_string()))?
                .map_err(|e| HandOverError::State(e.to_string()))?;
            choose(&sites, to)?
        };
        let target_name = target.as_ref().map_or("the best electable site", |t| t.name.as_str()).to_string();
        if !pulse.begin_hand_over() {
            return Err(HandOverError::InProgress);
        }
        // The gate opens again however this ends (a panic included).
        struct Reopen<'a>(&'a super::pulse::Pulse);
        impl Drop for Reopen<'_> {
            fn drop(&mut self) {
                self.0.end_hand_over();
            }
        }
        let _reopen = Reopen(pulse);
        let started = Instant::now();
        let config = running.get();
        tracing::info!(
            fish_event = "handing_over",
            reason = reason.as_str(),
            to = %target_name,
            "handing mastership over to {target_name}: new writes wait"
        );
        let outcome = self.hand_over_to(store, pulse, &config, target.as_ref(), started).await;
        match &outcome {
            Ok(done) => {
                crate::metrics::get().step_down(reason.as_str());
                tracing::info!(
                    fish_event = "stepped_down",
                    reason = reason.as_str(),
                    to = %done.to,
                    generation = done.generation,
                    took_ms = done.took_ms,
                    "handed mastership over to {} in {} ms",
                    done.to,
                    done.took_ms
                );
                restore_priority_after(store, Arc::clone(running), hold_off);
            }
            Err(err) => tracing::warn!(reason = reason.as_str(), %err, "hand-over failed"),
        }
        outcome
    }

    async fn hand_over_to(
        &self,
        store: &Arc<Store>,
        pulse: &super::pulse::Pulse,
        config: &crate::config::Config,
        target: Option<&Candidate>,
        started: Instant,
    ) -> Result<HandedOver, HandOverError> {
        let wait = config.http.master_wait;
        // 1. The writes under way finish.
        while pulse.work_in_flight() > 0 {
            if started.elapsed() > wait {
                return Err(HandOverError::Busy(wait));
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        let drained = started.elapsed();
        // 2. Step down; the log's end is final after it.
        let s = Arc::clone(store);
        let stepped = tokio::task::spawn_blocking(move || {
            let env = s.env();
            let generation = env.rep_state()?.generation;
            env.set_priority(0)?;
            env.step_down()?;
            Ok::<_, crate::bdb::Error>((env.current_lsn()?, generation))
        })
        .await
        .map_err(|e| HandOverError::StepDown(e.to_string()))?;
        let (end, generation) = match stepped {
            Ok(stepped) => stepped,
            Err(err) => {
                let _ = store.env().set_priority(config.replication.priority);
                return Err(HandOverError::StepDown(err.to_string()));
            }
        };
        // 3. The target has the whole log and the highest priority.
        let asked = match target {
            Some(target) => ask_to_take_over(config, target, end, generation, wait).await,
            None => Ok(Prepared::Ready),
        };
        let prepared = started.elapsed();
        // 4. The election, unless the group already held one.
        if let Ok(Prepared::AlreadyElected(elected)) = asked {
            tracing::info!(
                drained_ms = drained.as_millis() as u64,
                prepared_ms = prepared.as_millis() as u64,
                generation = elected,
                "stepped down; the group elected a master by itself before the target was prepared"
            );
        } else {
            let s = Arc::clone(store);
            let priority = config.replication.priority;
            let restore = asked.is_err();
            let called = tokio::task::spawn_blocking(move || {
                if restore {
                    // Nobody was prepared: this site may be the best one left.
                    s.env().set_priority(priority)?;
                }
                s.env().elect_now()
            })
            .await
            .map_err(|e| HandOverError::Election(e.to_string()))?;
            asked?;
            called.map_err(|e| HandOverError::Election(e.to_string()))?;
            tracing::info!(
                drained_ms = drained.as_millis() as u64,
                prepared_ms = prepared.as_millis() as u64,
                "stepped down and called the election"
            );
        }
        // 5. The new master.
        let bound = config.replication.election_timeout * 2 + Duration::from_secs(1);
        let mut views = self.subscribe();
        let deadline = tokio::time::Instant::now() + bound;
        loop {
            let view = views.borrow_and_update().clone();
            if view.role == Role::Client
                && let Some(master) = view.master.as_ref()
            {
                let to = if let Some(t) = target.filter(|t| t.replication == master.replication) {
                    t.name.clone()
                } else {
                    master.name.clone().unwrap_or_else(|| master.replication.clone())
                };
                return Ok(HandedOver {
                    from: config.name.clone(),
                    to,
                    replication: master.replication.clone(),
                    generation: view.generation,
                    took_ms: started.elapsed().as_millis() as u64,
                });
            }
            if !matches!(tokio::time::timeout_at(deadline, views.changed()).await, Ok(Ok(()))) {
                let _ = store.env().set_priority(config.replication.priority);
                return Err(HandOverError::NoNewMaster(bound));
            }
        }
    }

    /// The target's side: once this site has the old master's log up to
    /// its final end and has forgotten it as master, raise this site's
    /// priority for [`TAKEOVER_HOLD`]. If the group has meanwhile elected
    /// a master of a later generation than the one that stepped down
    /// (the clients' own election after the retry time), there is nothing
    /// left to prepare.
    pub async fn take_over(&self, ask: &Takeover) -> Result<Prepared, String> {
        let (Some(store), Some(running)) = (&self.store, &self.running) else {
            return Err("a proxy front-end holds no replica".into());
        };
        let config = running.get();
        if config.is_view() || config.replication.priority == 0 {
            return Err(format!("{} is not electable (a view, or priority 0)", config.name));
        }
        let deadline = Instant::now() + config.http.master_wait;
        loop {
            let s = Arc::clone(store);
            let now = tokio::task::spawn_blocking(move || -> Result<_, crate::bdb::Error> {
                let env = s.env();
                Ok((env.current_lsn()?, env.rep_state()?))
            })
            .await
            .map_err(|e| e.to_string())?;
            // A site syncing with a master it just learned of is locked out
            // for a moment: ask again.
            let why = match now {
                Ok((lsn, state)) => match readiness(ask, lsn, &state) {
                    Some(Prepared::Ready) => break,
                    Some(elected) => {
                        tracing::info!(
                            from = %ask.from,
                            generation = state.generation,
                            "asked to take over from {}: the group has already elected a master",
                            ask.from
                        );
                        return Ok(elected);
                    }
                    None => {
                        let (end, master) = (ask.end(), if master_known(&state) { "a master" } else { "no master" });
                        format!(
                            "had the log up to {}/{} of {}/{}, with {master} of generation {}",
                            lsn.file, lsn.offset, end.file, end.offset, state.generation
                        )
                    }
                },
                Err(err) => err.to_string(),
            };
            if Instant::now() >= deadline {
                return Err(format!("{why}, after {:?}", config.http.master_wait));
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        store.env().set_priority(TAKEOVER_PRIORITY).map_err(|e| e.to_string())?;
        tracing::info!(from = %ask.from, "taking over from {}: priority raised for {:?}", ask.from, TAKEOVER_HOLD);
        restore_priority_after(store, Arc::clone(running), TAKEOVER_HOLD);
        Ok(Prepared::Ready)
    }
}

/// Whether the target of `ask` is done waiting, given its log's end `lsn`
/// and its replication state: `None` while it lacks some of the old
/// master's log or still takes it (or anyone of its generation) for master.
fn readiness(ask: &Takeover, lsn: Lsn, state: &crate::bdb::RepState) -> Option<Prepared> {
    let known = master_known(state);
    if known && ask.generation.is_some_and(|g| state.generation > g) {
        Some(Prepared::AlreadyElected(state.generation))
    } else if !known && lsn >= ask.end() {
        Some(Prepared::Ready)
    } else {
        None
    }
}

/// This site is master, or knows one.
fn master_known(state: &crate::bdb::RepState) -> bool {
    state.master.is_some() || state.is_master
}

/// The target: `to` by name or replication address, else the connected
/// electable member with the highest priority. `None`: no member has
/// registered yet (just after the group started), but some that may be
/// electable are connected: the election alone decides (the site with the
/// most log, then the highest priority, wins; a quorum has the barrier).
fn choose(sites: &[(SiteInfo, Option<SiteRecord>)], to: Option<&str>) -> Result<Option<Candidate>, HandOverError> {
    let electable = |site: &SiteInfo, record: &SiteRecord| -> Result<(), String> {
        if site.view {
            Err("it is a view".into())
        } else if record.priority == 0 {
            Err("its priority is 0".into())
        } else if !site.connected {
            Err("it is not connected to the master".into())
        } else {
            Ok(())
        }
    };
    let candidate = |site: &SiteInfo, record: &SiteRecord| Candidate {
        name: record.name.clone(),
        replication: site.addr.to_string(),
        http: record.http.clone(),
        priority: record.priority,
    };
    match to {
        Some(to) => {
            let (site, record) = sites
                .iter()
                .find(|(site, record)| site.addr.to_string() == to || record.as_ref().is_some_and(|r| r.name == to))
                .ok_or_else(|| HandOverError::UnknownSite(to.to_string()))?;
            let Some(record) = record else {
                return Err(HandOverError::NotElectable { site: to.into(), why: "it has not registered yet".into() });
            };
            electable(site, record).map_err(|why| HandOverError::NotElectable { site: record.name.clone(), why })?;
            Ok(Some(candidate(site, record)))
        }
        None => {
            let best = sites
                .iter()
                .filter_map(|(site, record)| record.as_ref().map(|r| (site, r)))
                .filter(|(site, record)| electable(site, record).is_ok())
                .map(|(site, record)| candidate(site, record))
                .max_by_key(|c| c.priority);
            match best {
                Some(best) => Ok(Some(best)),
                None if sites.iter().any(|(site, record)| record.is_none() && site.connected && !site.view) => Ok(None),
                None => Err(HandOverError::NoCandidate),
            }
        }
    }
}

async fn ask_to_take_over(
    config: &crate::config::Config,
    target: &Candidate,
    end: Lsn,
    generation: u32,
    wait: Duration,
) -> Result<Prepared, HandOverError> {
    let from = config.name.as_str();
    let refused = |why: String| HandOverError::TargetRefused { site: target.name.clone(), why };
    let client = crate::client::for_site(config, &target.http, wait + Duration::from_secs(1))
        .map_err(|e| refused(e.to_string()))?;
    let ask = Takeover { from: from.into(), lsn_file: end.file, lsn_offset: end.offset, generation: Some(generation) };
    let body = serde_json::to_vec(&ask).expect("serialising");
    let reply = client
        .send(
            hyper::Method::POST,
            "/v1/internal/takeover",
            &[("content-type", "application/json")],
            bytes::Bytes::from(body),
        )
        .await
        .map_err(|e| refused(e.to_string()))?;
    if reply.status == hyper::StatusCode::OK {
        let elected: AlreadyElected =
            serde_json::from_slice(&reply.body).map_err(|e| refused(format!("its answer: {e}")))?;
        Ok(Prepared::AlreadyElected(elected.elected_generation))
    } else if reply.status.is_success() {
        Ok(Prepared::Ready)
    } else {
        Err(refused(format!("{}: {}", reply.status, reply.error_message())))
    }
}

/// Returns this site to its configured priority after `hold`, unless the
/// configured priority is what it has already. Holds the store only
/// weakly, so that a site shutting down meanwhile can close it.
fn restore_priority_after(store: &Arc<Store>, running: Arc<Running>, hold: Duration) {
    let store = Arc::downgrade(store);
    tokio::spawn(async move {
        tokio::time::sleep(hold).await;
        let Some(store) = store.upgrade() else { return };
        let wanted = running.get().replication.priority;
        let env = store.env();
        if env.priority().is_ok_and(|p| p != wanted)
            && let Err(err) = env.set_priority(wanted)
        {
            tracing::warn!(%err, "could not return to priority {wanted}");
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bdb::SiteAddr;

    fn site(port: u16, connected: bool, view: bool, name: &str, priority: u32) -> (SiteInfo, Option<SiteRecord>) {
        let addr = SiteAddr { host: "127.0.0.1".into(), port };
        let record = SiteRecord { name: name.into(), role: "back".into(), priority, http: format!("127.0.0.1:{port}") };
        (SiteInfo { eid: i32::from(port), addr, connected, view }, Some(record))
    }

    #[test]
    fn the_target_waits_for_the_whole_log_and_no_master_unless_the_group_elected_already() {
        let ask = Takeover { from: "back0".into(), lsn_file: 1, lsn_offset: 500, generation: Some(7) };
        let state = |master: Option<i32>, is_master: bool, generation: u32| crate::bdb::RepState {
            is_master,
            is_client: !is_master,
            master,
            generation,
            startup_complete: true,
            nsites: 3,
            elections: 0,
        };
        let short = Lsn { file: 1, offset: 499 };
        let whole = Lsn { file: 1, offset: 500 };
        assert_eq!(readiness(&ask, whole, &state(None, false, 7)), Some(Prepared::Ready));
        assert_eq!(readiness(&ask, Lsn { file: 2, offset: 0 }, &state(None, false, 0)), Some(Prepared::Ready));
        assert_eq!(readiness(&ask, short, &state(None, false, 7)), None, "some of the log is missing");
        assert_eq!(readiness(&ask, whole, &state(Some(1), false, 7)), None, "still takes the old master for master");
        assert_eq!(
            readiness(&ask, short, &state(Some(2), false, 8)),
            Some(Prepared::AlreadyElected(8)),
            "another site was elected: its log is what counts now"
        );
        assert_eq!(readiness(&ask, short, &state(Some(0), true, 8)), Some(Prepared::AlreadyElected(8)), "this one");
        let old = Takeover { generation: None, ..ask };
        assert_eq!(readiness(&old, whole, &state(Some(2), false, 8)), None, "an old master's ask waits as before");
    }

    #[test]
    fn the_target_is_the_named_site_or_the_best_electable_one() {
        let sites = [
            site(1, true, false, "back1", 50),
            site(2, true, false, "back2", 90),
            site(3, false, false, "back3", 99),
            site(4, true, true, "front0", 0),
            site(5, true, false, "back5", 0),
        ];
        let name = |to| choose(&sites, to).unwrap().unwrap().name;
        assert_eq!(name(None), "back2", "highest priority among the connected electable");
        assert_eq!(name(Some("back1")), "back1");
        assert_eq!(name(Some("127.0.0.1:1")), "back1", "by replication address");
        for (to, why) in [("back3", "not connected"), ("front0", "view"), ("back5", "priority is 0")] {
            let err = choose(&sites, Some(to)).err().unwrap().to_string();
            assert!(err.contains(why), "{to}: {err}");
        }
        assert!(matches!(choose(&sites, Some("nobody")), Err(HandOverError::UnknownSite(_))));
        assert!(matches!(choose(&sites[2..], None), Err(HandOverError::NoCandidate)));
        let mut unregistered = site(6, true, false, "back6", 50);
        unregistered.1 = None;
        assert!(choose(&[unregistered.clone()], None).unwrap().is_none(), "the election decides");
        assert!(matches!(choose(&[unregistered], Some("back6")), Err(HandOverError::UnknownSite(_))));
    }
}
