//! The feed: the change log, as it grows, handed to this site's watchers.
//!
//! One thread per site (`fish-feed`) follows the change log ([`changes`])
//! and broadcasts each new stretch of it to every watcher at once, so a
//! thousand watchers cost one read of the log, not a thousand. A watcher
//! that starts behind reads the log itself up to the feed's horizon, then
//! follows the broadcast.
//!
//! **The horizon**: the feed hands out changes only up to the highest
//! revision known to be acknowledged by a quorum: on the master, what its
//! own acknowledged commits say; on a replica, what the master wrote into
//! the log's head (see [`changes`]). Nothing a watcher sees can be rolled
//! back by a failover. On a busy group the head is one commit behind the
//! master, so an idle master writes the head alone once its last commit is
//! acknowledged ([`IDLE_MARK`] later), and watchers on replicas see the
//! last change too.
//!
//! The master also trims the log to `[watch] history` revisions, a little
//! at a time.
//!
//! Memory is bounded: the broadcast keeps the last [`CAPACITY`] stretches
//! (each at most [`STRETCH_CHANGES`] changes or [`STRETCH_BYTES`] of keys
//! and values); a watcher further behind than that is cut off and told
//! where to resume.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use bytes::Bytes;
use tokio::sync::broadcast;

use super::Store;
use super::changes::Change;

/// Stretches the broadcast keeps for watchers that are behind.
pub const CAPACITY: usize = 256;
/// Most changes in one stretch.
pub const STRETCH_CHANGES: usize = 512;
/// Most bytes of keys and values in one stretch (past its first change).
pub const STRETCH_BYTES: usize = 1 << 20;
/// How often the feed looks at the log without being woken (a replica is
/// never woken: it polls).
const POLL: Duration = Duration::from_millis(5);
/// How long a master waits after its last commit before it writes the
/// head alone, so replicas learn that commit was acknowledged.
const IDLE_MARK: Duration = Duration::from_millis(20);
/// How often the master trims the log.
const TRIM_EVERY: Duration = Duration::from_secs(1);
/// Most revisions one trimming transaction deletes.
const TRIM_CHUNK: usize = 1000;

/// One change as watchers get it, with its encoding for the wire, made by
/// the first watcher that sends it and shared by the others.
#[derive(Debug)]
pub struct Event {
    pub change: Change,
    pub line: OnceLock<Bytes>,
}

/// A stretch of consecutive revisions.
pub type Stretch = Arc<Vec<Event>>;

pub struct Feed {
    /// Every revision up to here has been broadcast (0: none).
    horizon: AtomicU64,
    /// This site has a change log (false on a replica of an older master).
    available: AtomicBool,
    /// On the master: the highest revision its acknowledged commits cover.
    acked: AtomicU64,
    /// When the master last committed a change (for [`IDLE_MARK`]).
    last_commit: Mutex<Option<Instant>>,
    tx: broadcast::Sender<Stretch>,
    wake: (Mutex<bool>, Condvar),
}

impl Default for Feed {
    fn default() -> Self {
        Feed {
            horizon: AtomicU64::new(0),
            available: AtomicBool::new(false),
            acked: AtomicU64::new(0),
            last_commit: Mutex::new(None),
            tx: broadcast::channel(CAPACITY).0,
            wake: (Mutex::new(false), Condvar::new()),
        }
    }
}

impl Feed {
    /// A new subscription and the horizon at that moment: every revision up
    /// to the horizon is in the log (or was trimmed), every later one will
    /// arrive on the subscription.
    pub fn subscribe(&self) -> (broadcast::Receiver<Stretch>, u64) {
        let rx = self.tx.subscribe();
        (rx, self.horizon.load(Ordering::Acquire))
    }

    pub fn horizon(&self) -> u64 {
        self.horizon.load(Ordering::Acquire)
    }

    pub fn available(&self) -> bool {
        self.available.load(Ordering::Relaxed)
    }

    /// The highest revision this site's acknowledged commits cover.
    pub(super) fn acked(&self) -> u64 {
        self.acked.load(Ordering::Acquire)
    }

    /// A commit on this site (as master) logged changes up to `last` and
    /// was acknowledged: the feed may hand them out.
    pub(super) fn committed(&self, last: u64) {
        self.acked.fetch_max(last, Ordering::AcqRel);
        *self.last_commit.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
        // Without watchers there is nothing to hand out now: the feed's
        // own poll will do (it costs a commit nothing then).
        if self.tx.receiver_count() > 0 {
            let (woken, cvar) = &self.wake;
            *woken.lock().unwrap_or_else(|e| e.into_inner()) = true;
            cvar.notify_one();
        }
    }

    fn sleep(&self) {
        let (woken, cvar) = &self.wake;
        let guard = woken.lock().unwrap_or_else(|e| e.into_inner());
        let (mut guard, _) = cvar.wait_timeout_while(guard, POLL, |w| !*w).unwrap_or_else(|e| e.into_inner());
        *guard = false;
    }
}

/// What the feed thread needs from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct FeedOptions {
    /// Revisions the master keeps in the log (`[watch] history`).
    pub history: u64,
}

/// The feed thread: follows the log until `stop` says so.
pub fn run(store: &Store, options: &dyn Fn() -> FeedOptions, stop: &dyn Fn() -> bool) {
    let feed = &store.feed;
    let mut last_trim = Instant::now();
    while !stop() {
        feed.sleep();
        if let Err(err) = step(store, options(), &mut last_trim) {
            tracing::debug!(%err, "the change feed could not read the log yet");
        }
    }
}

fn step(store: &Store, options: FeedOptions, last_trim: &mut Instant) -> Result<(), super::StoreError> {
    let feed = &store.feed;
    let Some(head) = store.change_head()? else {
        feed.available.store(false, Ordering::Relaxed);
        return Ok(());
    };
    let acked = feed.acked.load(Ordering::Acquire);
    let durable = head.acked.max(acked).min(head.last());
    if !feed.available.load(Ordering::Relaxed) {
        // A feed that starts hands out nothing from before it started:
        // watchers that want the past read it from the log. Watchers are
        // served only from now on, so none subscribed before this horizon.
        feed.horizon.fetch_max(durable, Ordering::AcqRel);
        feed.available.store(true, Ordering::Release);
    }
    let mut horizon = feed.horizon.load(Ordering::Acquire);
    if horizon < durable {
        // The horizon first: a watcher that subscribes from now on reads up
        // to it from the log (and skips what it then gets on its
        // subscription); one that subscribed before is counted below. With
        // no watcher at all, nothing is read.
        feed.horizon.store(durable, Ordering::Release);
        while horizon < durable && feed.tx.receiver_count() > 0 {
            let changes = store.changes_between(horizon, durable, STRETCH_CHANGES, STRETCH_BYTES)?;
            let Some(last) = changes.last().map(|c| c.revision) else { break };
            // A stretch that does not start at horizon + 1 (trimmed under a
            // feed that fell far behind) tells its watchers so.
            let stretch: Vec<Event> =
                changes.into_iter().map(|change| Event { change, line: OnceLock::new() }).collect();
            let _ = feed.tx.send(Arc::new(stretch));
            horizon = last;
        }
    }
    // An idle master writes the head alone: with what it knows is
    // acknowledged, so replicas see its last changes; and since any commit
    // it gets acknowledged makes everything before it durable, that commit
    // also covers changes an earlier master left unconfirmed (the next
    // mark tells the replicas).
    if head.acked < head.last() {
        let idle = feed.last_commit.lock().unwrap_or_else(|e| e.into_inner()).is_none_or(|t| t.elapsed() >= IDLE_MARK);
        if idle && store.is_master() {
            if let Some(durable) = store.mark_changes_acked(acked)? {
                feed.acked.fetch_max(durable, Ordering::AcqRel);
            }
        }
    }
    if last_trim.elapsed() >= TRIM_EVERY {
        *last_trim = Instant::now();
        if let Some(oldest) = store.oldest_change()?
            && head.last().saturating_sub(oldest) + 1 > options.history
            && store.is_master()
        {
            let keep_after = head.last() - options.history;
            let trimmed = store.trim_changes(keep_after, TRIM_CHUNK)?;
            tracing::debug!(trimmed, keep_after, "trimmed the change log");
            if trimmed == TRIM_CHUNK {
                // More to trim: the next chunk at the next step. Otherwise
                // not before TRIM_EVERY: trimming at every step (5 ms) under
                // load was a small replicated transaction each time, about
                // one for every four write batches, and 9% of the master's
                // CPU went to the feed.
                *last_trim = Instant::now() - TRIM_EVERY;
            }
        }
    }
    Ok(())
}
