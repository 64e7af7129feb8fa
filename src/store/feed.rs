//! The feed: the change log, as it grows, handed to this site's watchers.
//!
//! One thread per site (`fish-feed`) follows the change log ([`super::changes`])
//! and broadcasts each new stretch of it to every watcher at once, so a
//! thousand watchers cost one read of the log, not a thousand. A watcher
//! that starts behind reads the log itself up to the feed's horizon, then
//! follows the broadcast.
//!
//! **The horizon**: the feed hands out changes only up to the highest
//! revision known to be acknowledged by a quorum: on the master, what its
//! own acknowledged commits say; on a replica, what the master wrote into
//! the log's head (see [`super::changes`]). Nothing a watcher sees can be rolled
//! back by a failover. On a busy group the head is one commit behind the
//! master, so an idle master writes the head alone once its last commit is
//! acknowledged (`IDLE_MARK` later), and watchers on replicas see the
//! last change too.
//!
//! The master also trims the log to `[watch] history` revisions, a little
//! at a time.
//!
//! **Quiet**: the feed polls every `POLL`, but once the end of the log
//! has stood still for `QUIET_POLLS` polls with nothing left to do (no
//! idle mark owed, no trim in chunks), it reads no more of the change log
//! until the end moves, or [`QUIET_READ_EVERY`] passes: an idle site read
//! its log 200 times a second, 1% of a core. The quiet polls are there
//! because a replica writes a transaction to its log before it applies
//! it: a read between the two sees the old head at the new end, and the
//! polls that follow see the transaction once it is applied. A quiet feed
//! with no watcher on its site dozes: it looks again after
//! [`QUIET_READ_EVERY`], or as soon as a watcher subscribes or (on the
//! master) a commit is acknowledged, which wake it.
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
/// Polls that find the log's end unchanged, each still reading the change
/// log, before the feed stops reading it (see "Quiet" above).
const QUIET_POLLS: u32 = 20;
/// The longest a quiet feed goes without reading the change log (the
/// daemon's [`FeedOptions::quiet_read_every`]).
pub const QUIET_READ_EVERY: Duration = Duration::from_secs(1);
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
    /// The feed may be asleep for `quiet_read_every`: a commit wakes it.
    pub(super) dozing: AtomicBool,
    /// Polls that read the change log (for the store's tests).
    pub(super) steps: AtomicU64,
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
            dozing: AtomicBool::new(false),
            steps: AtomicU64::new(0),
        }
    }
}

impl Feed {
    /// A new subscription and the horizon at that moment: every revision up
    /// to the horizon is in the log (or was trimmed), every later one will
    /// arrive on the subscription.
    pub fn subscribe(&self) -> (broadcast::Receiver<Stretch>, u64) {
        let rx = self.tx.subscribe();
        // A dozing feed polls again at once: watchers on a replica are
        // served by its polls. (Under the wake lock, so a feed about to
        // doze cannot miss it.)
        self.wake();
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
        // own poll will do (it costs a commit nothing then), unless it
        // dozes: then it would write the idle mark late, and watchers on
        // replicas would see this commit late. (`dozing` is set before the
        // feed reads the log's end, which this commit moved before it was
        // acknowledged: a feed that dozes off has it set by now.)
        if self.tx.receiver_count() > 0 || self.dozing.load(Ordering::SeqCst) {
            self.wake();
        }
    }

    /// Wakes the feed thread: it looks at the log now, and sees a stop
    /// asked of it (a dozing feed would otherwise hold a shutdown up for
    /// as long as it dozes).
    pub fn wake(&self) {
        let (woken, cvar) = &self.wake;
        *woken.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cvar.notify_one();
    }

    fn sleep(&self, nap: Duration) {
        let (woken, cvar) = &self.wake;
        let guard = woken.lock().unwrap_or_else(|e| e.into_inner());
        let (mut guard, _) = cvar.wait_timeout_while(guard, nap, |w| !*w).unwrap_or_else(|e| e.into_inner());
        *guard = false;
    }
}

/// How the feed thread runs.
#[derive(Debug, Clone, Copy)]
pub struct FeedOptions {
    /// Revisions the master keeps in the log (`[watch] history`).
    pub history: u64,
    /// The longest a quiet feed goes without reading the change log:
    /// [`QUIET_READ_EVERY`] (tests set an hour, so that only a wake-up can
    /// make it read).
    pub quiet_read_every: Duration,
}

/// The feed thread: follows the log until `stop` says so.
pub fn run(store: &Store, options: &dyn Fn() -> FeedOptions, stop: &dyn Fn() -> bool) {
    let feed = &store.feed;
    let mut last_trim = Instant::now();
    let mut quiet = Quiet::default();
    let mut nap = POLL;
    while !stop() {
        feed.sleep(nap);
        nap = POLL;
        // Before the log's end is read (see `Feed::committed`).
        let dozes = feed.tx.receiver_count() == 0;
        feed.dozing.store(dozes, Ordering::SeqCst);
        // Read before the step, so that whatever moves during it is seen
        // as a move at the next poll.
        let seen = store.env.current_lsn().ok().map(|end| (end, feed.acked()));
        let options = options();
        if quiet.skips(seen, options.quiet_read_every) {
            if dozes {
                nap = options.quiet_read_every;
            }
            continue;
        }
        feed.dozing.store(false, Ordering::SeqCst);
        match step(store, options, &mut last_trim) {
            Ok(settled) => quiet.stepped(seen.filter(|_| settled)),
            Err(err) => {
                quiet.stepped(None);
                tracing::debug!(%err, "the change feed could not read the log yet");
            }
        }
        feed.steps.fetch_add(1, Ordering::Relaxed);
    }
}

/// Whether the feed may skip reading the change log (see "Quiet" above).
#[derive(Default)]
struct Quiet {
    /// The log's end and the master's acknowledged revision at the last
    /// step, if that step left nothing to do.
    settled: Option<(crate::bdb::Lsn, u64)>,
    /// Polls in a row that found them unchanged.
    polls: u32,
    last_step: Option<Instant>,
}

impl Quiet {
    fn skips(&mut self, seen: Option<(crate::bdb::Lsn, u64)>, read_every: Duration) -> bool {
        if seen.is_none() || seen != self.settled {
            self.polls = 0;
            return false;
        }
        self.polls = self.polls.saturating_add(1);
        self.polls > QUIET_POLLS && self.last_step.is_some_and(|t| t.elapsed() < read_every)
    }

    /// (Unsettled, the next poll's `seen` differs and restarts the count.)
    fn stepped(&mut self, settled: Option<(crate::bdb::Lsn, u64)>) {
        self.settled = settled;
        self.last_step = Some(Instant::now());
    }
}

/// One look at the change log. `Ok(true)`: nothing is left for the next
/// poll to do unless the log moves.
fn step(store: &Store, options: FeedOptions, last_trim: &mut Instant) -> Result<bool, super::StoreError> {
    let feed = &store.feed;
    let Some(head) = store.change_head()? else {
        feed.available.store(false, Ordering::Relaxed);
        return Ok(true);
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
    let mut settled = true;
    if head.acked < head.last() {
        settled = false;
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
                settled = false;
                // More to trim: the next chunk at the next step. Otherwise
                // not before TRIM_EVERY: trimming at every step (5 ms) under
                // load was a small replicated transaction each time, about
                // one for every four write batches, and 9% of the master's
                // CPU went to the feed.
                *last_trim = Instant::now() - TRIM_EVERY;
            }
        }
    }
    Ok(settled)
}
