//! Read barriers: what makes a `linearizable` read never stale.
//!
//! A site that believes it is master may have been replaced: cut off by a
//! partition, it keeps its role until it hears from the new master, and
//! meanwhile its copy misses writes the new master acknowledged. Before a
//! linearizable read is answered, the master therefore confirms that it is
//! still master, after the read was done, with a quorum of the group:
//!
//! 1. the read notes the generation of the view it was served in and reads
//!    the local copy;
//! 2. it waits for a barrier that *started after the read*: the commit of
//!    a transaction that holds only a note in the log (no page, no lock),
//!    without a local log flush (its durability does not matter, only its
//!    acknowledgements);
//! 3. the read is answered if that commit was acknowledged as the ack
//!    policy requires, in the generation the read was served in.
//!
//! Why this is enough. A client acknowledges a commit only in its own
//! generation: one that follows a newer master ignores the old master's
//! records. A newer master needs a quorum to acknowledge anything, and two
//! quorums share a site; so if a quorum acknowledged the barrier in
//! generation G, no write of a later generation had been acknowledged when
//! that quorum's shared site acknowledged the barrier, which was after the
//! read. Writes acknowledged in G or earlier are in the master's copy. The
//! barrier is also later in the log than everything the read saw, so a
//! quorum has all of it: the answer cannot show a write that a failover
//! later loses. A read served in generation G whose barrier committed in
//! another generation (mastership lost and won back in between) is refused.
//! The argument needs the ack policy `quorum` (the default) or stronger;
//! under `one` or `none` acknowledged writes themselves can be lost.
//!
//! Cost: one barrier is shared by every read that finished before it
//! started, so reads pay one round trip to a quorum per batch, not each.
//! Every barrier costs every site CPU (the master's commit, each replica's
//! acknowledgement), and on a busy site CPU is what runs out: so one barrier
//! runs at a time, and after one that several reads waited for, the next
//! waits a moment (see [`GAP_PER_READER`]) so that more reads share it. A
//! lone reader never waits. Measured at 64 connections through a view
//! front-end (3 back-ends, 2 cores): back-to-back barriers 8,200-9,100
//! reads/s, with the gap 16,800-18,200; two barriers in flight at once
//! 5,500-6,000; one connection's p50 0.57-0.62 ms either way.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::store::Store;

/// After a barrier that `n` reads wait for, the next one starts no sooner
/// than `(n - 1) ×` this, at most [`MAX_GAP`], after it. Measured at 64
/// connections: barriers back to back confirmed ~4 reads each and left
/// 9,000 reads/s; 1 ms apart 15,800; 2 ms apart 18,400 (the replicas spent
/// two thirds of a core acknowledging back-to-back barriers).
const GAP_PER_READER: Duration = Duration::from_micros(100);
const MAX_GAP: Duration = Duration::from_millis(2);
/// Barriers in flight at most (one thread each): more cost more CPU than
/// they save waiting (see the module docs).
pub const THREADS: usize = 1;
/// How often the barrier thread looks at its shutdown token while idle.
const IDLE_CHECK: Duration = Duration::from_millis(100);

/// Why a linearizable read could not be confirmed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unconfirmed {
    #[error("a quorum did not acknowledge that this site is still master")]
    NotAcknowledged,
    #[error("mastership changed while the read was being confirmed (generation {read_in}, now {now})")]
    GenerationChanged { read_in: u32, now: u32 },
    #[error("the read barrier failed: {0}")]
    Failed(String),
    #[error("the read barrier did not finish within {0:?}")]
    TimedOut(Duration),
}

/// The outcomes so far, by barrier number (1, 2, ...). Overlapping
/// barriers may finish out of order: only the highest numbers count.
#[derive(Debug, Clone, Default)]
struct Outcomes {
    /// The highest-numbered barrier that finished, whatever its outcome.
    finished: u64,
    /// The highest-numbered acknowledged barrier and its generation.
    ok: Option<(u64, u32)>,
    /// The highest-numbered barrier that failed, and why.
    failed: Option<(u64, Unconfirmed)>,
}

#[derive(Debug, Default)]
struct Wanted {
    /// Barriers started so far.
    started: u64,
    /// The highest barrier number a read waits for.
    wanted: u64,
}

pub struct ReadBarrier {
    /// Reads waiting for a barrier that has not started.
    waiting: AtomicUsize,
    wanted: Mutex<Wanted>,
    wake: Condvar,
    outcomes: watch::Sender<Outcomes>,
}

impl Default for ReadBarrier {
    fn default() -> Self {
        ReadBarrier {
            waiting: AtomicUsize::new(0),
            wanted: Mutex::default(),
            wake: Condvar::new(),
            outcomes: watch::channel(Outcomes::default()).0,
        }
    }
}

impl ReadBarrier {
    /// Confirms a read that has been done (in a view of generation
    /// `read_in`): waits for the next barrier to start and finish, at most
    /// `within`.
    pub async fn confirm(&self, read_in: u32, within: Duration) -> Result<(), Unconfirmed> {
        let number = {
            let mut w = self.wanted.lock().unwrap_or_else(|e| e.into_inner());
            w.wanted = w.started + 1;
            self.waiting.fetch_add(1, Ordering::Relaxed);
            w.wanted
        };
        self.wake.notify_one();
        let mut rx = self.outcomes.subscribe();
        let outcomes = match tokio::time::timeout(within, rx.wait_for(|o| o.finished >= number)).await {
            Ok(Ok(o)) => o.clone(),
            Ok(Err(_)) => return Err(Unconfirmed::Failed("the site is shutting down".into())),
            Err(_) => return Err(Unconfirmed::TimedOut(within)),
        };
        let m = crate::metrics::get();
        let result = match (outcomes.ok, outcomes.failed) {
            // Any barrier from `number` on started after the read.
            (Some((n, generation)), _) if n >= number && generation == read_in => Ok(()),
            (Some((n, now)), _) if n >= number => Err(Unconfirmed::GenerationChanged { read_in, now }),
            (_, Some((n, why))) if n >= number => Err(why),
            _ => unreachable!("a barrier from {number} on finished without an outcome"),
        };
        m.read_confirmed(if result.is_ok() { "confirmed" } else { "refused" });
        result
    }

    /// One barrier thread (of [`THREADS`]): commits a barrier whenever a
    /// read waits for one that has not started, until `shutdown`.
    pub fn run(self: Arc<Self>, store: Arc<Store>, shutdown: CancellationToken) {
        let mut last_start = std::time::Instant::now();
        let mut gap = Duration::ZERO;
        loop {
            // Under load, waiting a moment lets more reads share the next
            // barrier (each costs every site CPU); a lone reader does not
            // wait.
            std::thread::sleep(gap.saturating_sub(last_start.elapsed()));
            let number = {
                let mut w = self.wanted.lock().unwrap_or_else(|e| e.into_inner());
                while w.wanted <= w.started {
                    if shutdown.is_cancelled() {
                        return;
                    }
                    w = self.wake.wait_timeout(w, IDLE_CHECK).unwrap_or_else(|e| e.into_inner()).0;
                }
                w.started += 1;
                w.started
            };
            last_start = std::time::Instant::now();
            let readers = self.waiting.swap(0, Ordering::Relaxed) as u32;
            gap = (GAP_PER_READER * readers.saturating_sub(1)).min(MAX_GAP);
            let outcome = match store.barrier() {
                Ok(c) if c.acknowledged => Ok(c.token.generation()),
                Ok(_) => Err(Unconfirmed::NotAcknowledged),
                Err(err) => Err(Unconfirmed::Failed(err.to_string())),
            };
            crate::metrics::get().read_barrier(if outcome.is_ok() { "acknowledged" } else { "failed" });
            self.outcomes.send_modify(|o| {
                o.finished = o.finished.max(number);
                match outcome {
                    Ok(generation) if o.ok.is_none_or(|(n, _)| n < number) => o.ok = Some((number, generation)),
                    Err(why) if o.failed.as_ref().is_none_or(|(n, _)| *n < number) => o.failed = Some((number, why)),
                    _ => {}
                }
            });
        }
    }
}
