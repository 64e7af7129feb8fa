//! Whether this site may act as master right now, after a stall.
//!
//! A master that was paused (SIGSTOP, a VM stall) longer than the heartbeat
//! monitor may have been replaced while it could not run. When it resumes,
//! it still believes it is master until it hears from the newer master
//! (Berkeley DB patch 0011 then makes it a client). The other sites closed
//! their connections to it while it was silent, so that can take a
//! reconnection; meanwhile it would answer a `consistency=master` read
//! with a value older than writes the new master acknowledged.
//!
//! The replication thread beats every 100 ms. A gap of a heartbeat monitor
//! or more between two beats, or a last beat that old when a request
//! arrives, means the process stalled. The site is then *unconfirmed*:
//! master work waits while the replication thread commits a small record
//! (a barrier) to `fish.meta.db`. If a quorum acknowledges it, the clients
//! still follow this master in this generation (a client of a newer one
//! ignores it) and master work goes ahead here; if the site stops being
//! master, requests go to the new one.
//!
//! A hand-over (see `handover`) uses the same gate: while it runs, new
//! master work waits, and it waits itself until the master work already
//! under way (counted here) has finished.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct Pulse {
    start: Instant,
    /// Milliseconds since `start` of the last beat.
    last_beat: AtomicU64,
    /// The stall bound of the last beat (the heartbeat monitor), in ms.
    stall: AtomicU64,
    /// A stall was seen and no barrier has confirmed mastership since.
    unconfirmed: AtomicBool,
    /// A hand-over of mastership is under way.
    handing_over: AtomicBool,
    /// Master work (requests served here as master) under way.
    in_work: AtomicUsize,
}

impl Default for Pulse {
    fn default() -> Self {
        Pulse {
            start: Instant::now(),
            last_beat: AtomicU64::new(0),
            stall: AtomicU64::new(u64::MAX),
            unconfirmed: AtomicBool::new(false),
            handing_over: AtomicBool::new(false),
            in_work: AtomicUsize::new(0),
        }
    }
}

impl Pulse {
    fn now(&self) -> u64 {
        self.start.elapsed().as_millis() as u64
    }

    /// The replication thread's beat: on a master, a gap of `stall` or more
    /// since the last one leaves the site unconfirmed.
    pub fn beat(&self, stall: Duration, master: bool) {
        self.stall.store(stall.as_millis() as u64, Ordering::Relaxed);
        let now = self.now();
        let gap = now.saturating_sub(self.last_beat.swap(now, Ordering::Relaxed));
        if master && gap >= stall.as_millis() as u64 && !self.unconfirmed.swap(true, Ordering::Relaxed) {
            tracing::info!(
                fish_event = "stall",
                gap_ms = gap,
                "this process did not run for {gap} ms: master work waits until a quorum confirms this site is still master"
            );
        }
    }

    /// Records a beat without looking at the gap (after the thread's own
    /// barrier, which may take up to the ack timeout).
    pub fn touch(&self) {
        self.last_beat.store(self.now(), Ordering::Relaxed);
    }

    pub fn unconfirmed(&self) -> bool {
        self.unconfirmed.load(Ordering::Relaxed)
    }

    /// Mastership confirmed by a barrier, or the site is no longer master.
    pub fn confirm(&self) {
        self.unconfirmed.store(false, Ordering::Relaxed);
    }

    /// Master work can go ahead now: no stall seen, none unconfirmed. (The
    /// request path asks: two atomic loads, no lock.)
    pub fn steady(&self) -> bool {
        self.now().saturating_sub(self.last_beat.load(Ordering::Relaxed)) < self.stall.load(Ordering::Relaxed)
            && !self.unconfirmed()
            && !self.handing_over.load(Ordering::SeqCst)
    }

    /// Counts master work in if the site is steady. Counting first and
    /// checking after (both SeqCst) means a hand-over that starts at the
    /// same moment either sees this work or this work sees the hand-over.
    pub fn enter_work(&self) -> bool {
        self.in_work.fetch_add(1, Ordering::SeqCst);
        if self.steady() {
            return true;
        }
        self.leave_work();
        false
    }

    pub fn leave_work(&self) {
        self.in_work.fetch_sub(1, Ordering::SeqCst);
    }

    /// Closes the gate for a hand-over; false if one is already under way.
    pub fn begin_hand_over(&self) -> bool {
        !self.handing_over.swap(true, Ordering::SeqCst)
    }

    pub fn handing_over(&self) -> bool {
        self.handing_over.load(Ordering::SeqCst)
    }

    pub fn end_hand_over(&self) {
        self.handing_over.store(false, Ordering::SeqCst);
    }

    /// Master work under way.
    pub fn work_in_flight(&self) -> usize {
        self.in_work.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_in_the_beats_leaves_the_site_unconfirmed_until_confirmed() {
        let stall = Duration::from_millis(50);
        let p = Pulse::default();
        p.beat(stall, true);
        p.confirm(); // the first beat sees the gap since start
        assert!(p.steady());
        std::thread::sleep(Duration::from_millis(70));
        assert!(!p.steady(), "no beat for longer than the stall bound");
        p.beat(stall, true);
        assert!(p.unconfirmed() && !p.steady(), "unconfirmed after the gap");
        p.beat(stall, true);
        assert!(!p.steady(), "beats alone do not confirm");
        p.confirm();
        assert!(p.steady());
    }

    #[test]
    fn a_hand_over_closes_the_gate_and_counts_the_work_under_way() {
        let p = Pulse::default();
        p.beat(Duration::from_secs(60), true);
        p.confirm();
        assert!(p.enter_work());
        assert!(p.begin_hand_over() && !p.begin_hand_over(), "one hand-over at a time");
        assert!(!p.enter_work(), "no new master work during a hand-over");
        assert_eq!(p.work_in_flight(), 1, "the work that entered before is still counted");
        p.leave_work();
        assert_eq!(p.work_in_flight(), 0);
        p.end_hand_over();
        assert!(p.enter_work());
    }
}
