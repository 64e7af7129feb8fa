//! Read transactions kept open across lookups ([`super::Store::get_now`]).
//!
//! A transaction per lookup took Berkeley DB's transaction-region, locker
//! and replication (operation count) mutexes on begin and again on commit:
//! with two async workers reading at once those were contended, and the
//! contention cost more than the lookup. Reusing a transaction for the
//! lookups of the next couple of milliseconds measured +13–20% replica
//! reads at 64 connections (docs/performance.md).
//!
//! A reused transaction reads what a fresh one would. It is read-committed
//! and no-wait: a lookup releases its page locks when it returns, so the
//! transaction holds no lock between lookups; and read-committed is not a
//! snapshot, so each lookup sees every transaction committed (on a replica:
//! applied) before it starts, including the one a `Fish-After` token
//! waited for.
//!
//! It is short-lived because an open transaction counts as an operation in
//! flight, which a replication lockout (a role change, an internal init)
//! waits to drain. A sweeper thread commits every pooled transaction older
//! than [`MAX_AGE`] (it checks every `MAX_AGE`, and parks while the pool is
//! empty); one that has served [`MAX_USES`] lookups is committed when it
//! comes back; one whose lookup failed is aborted, never pooled (during a
//! lockout every lookup fails at once). So a lockout waits at most about
//! 2 × `MAX_AGE` for this pool.
//!
//! A database handle must not be closed while a transaction that used it is
//! open: the store drains the pool before it forgets its handles, which
//! also retires the transactions in use at that moment (each pooled
//! transaction carries the epoch it was begun in), and drops the pool first.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, TryLockError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::bdb::{self, Env, OwnedTxn, Txn, TxnFlags};

/// How long one transaction serves lookups.
pub const MAX_AGE: Duration = Duration::from_millis(2);
/// How many lookups one transaction serves.
pub const MAX_USES: u32 = 1000;

/// A transaction taken from the pool for one lookup.
pub struct Reader {
    txn: OwnedTxn,
    born: Instant,
    uses: u32,
    epoch: u64,
}

impl Reader {
    pub fn txn(&self) -> &Txn<'_> {
        self.txn.txn()
    }

    /// Ends a reader that is not going back to the pool. Its lookups are
    /// done and answered, so a failed commit loses nothing; it is logged.
    fn finish(self) {
        if let Err(err) = self.txn.commit() {
            tracing::debug!(%err, "committing a pooled read transaction failed");
        }
    }

    /// Ends a reader whose lookup failed.
    pub fn discard(self) {
        if let Err(err) = self.txn.abort() {
            tracing::debug!(%err, "aborting a pooled read transaction failed");
        }
    }
}

/// The pool, and the sweeper thread that commits what it leaves idle.
///
/// The pool is a few slots, one idle reader each; a thread uses the slot
/// its sequence number picks, so the async workers (the only callers)
/// neither contend for a lock nor share a cache line. Nothing here waits
/// on a lookup's path: a busy slot means "begin a fresh transaction" or
/// "commit this one", never "wait".
pub struct Readers {
    shared: Arc<Shared>,
    sweeper: Option<JoinHandle<()>>,
}

struct Shared {
    slots: Box<[Slot]>,
    max_age: Duration,
    /// Bumped by `drain`: readers of an older epoch are not pooled again.
    epoch: AtomicU64,
    /// The sweeper found every slot empty and waits for a put-back.
    parked: AtomicBool,
    closed: AtomicBool,
    park: Mutex<()>,
    wake: Condvar,
}

/// One idle reader, on a cache line of its own.
#[repr(align(128))]
#[derive(Default)]
struct Slot(Mutex<Option<Reader>>);

impl Slot {
    /// The slot, unless another thread holds it right now. (A panic while
    /// it was held leaves at worst an unfinished reader, which is still
    /// usable or, dropped, aborted.)
    fn try_lock(&self) -> Option<MutexGuard<'_, Option<Reader>>> {
        match self.0.try_lock() {
            Ok(idle) => Some(idle),
            Err(TryLockError::Poisoned(e)) => Some(e.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<Reader>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Shared {
    /// The slot of the calling thread.
    fn slot(&self) -> &Slot {
        static THREADS: AtomicUsize = AtomicUsize::new(0);
        thread_local! {
            static SEQUENCE: Cell<Option<usize>> = const { Cell::new(None) };
        }
        let n = SEQUENCE.with(|seq| {
            *seq.get().get_or_insert_with(|| {
                let n = THREADS.fetch_add(1, Ordering::Relaxed);
                seq.set(Some(n));
                n
            })
        });
        &self.slots[n % self.slots.len()]
    }

    fn wake_sweeper(&self) {
        let _guard = self.park.lock().unwrap_or_else(|e| e.into_inner());
        self.wake.notify_one();
    }
}

impl Readers {
    /// A pool whose transactions serve lookups for `max_age` ([`MAX_AGE`]).
    pub fn new(max_age: Duration) -> Readers {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let shared = Arc::new(Shared {
            slots: (0..(2 * threads).max(4)).map(|_| Slot::default()).collect(),
            max_age,
            epoch: AtomicU64::new(0),
            parked: AtomicBool::new(false),
            closed: AtomicBool::new(false),
            park: Mutex::new(()),
            wake: Condvar::new(),
        });
        let sweeper = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("fish-readers".into())
                .spawn(move || sweep(&shared))
                .map_err(|err| tracing::warn!(%err, "no sweeper thread: read transactions are not reused"))
                .ok()
        };
        Readers { shared, sweeper }
    }

    /// This thread's pooled transaction, or a new one. (The sweeper
    /// retires pooled ones past their age.)
    pub fn take(&self, env: &Env) -> bdb::Result<Reader> {
        let pooled = self.shared.slot().try_lock().and_then(|mut idle| idle.take());
        if let Some(mut reader) = pooled {
            reader.uses += 1;
            return Ok(reader);
        }
        let epoch = self.shared.epoch.load(Ordering::SeqCst);
        let txn = env.begin_owned(TxnFlags::ReadCommittedNoWait)?;
        Ok(Reader { txn, born: Instant::now(), uses: 1, epoch })
    }

    /// Returns a reader whose lookup succeeded. One that has served its
    /// `MAX_USES`, or began before a `drain`, is committed instead.
    pub fn put_back(&self, reader: Reader) {
        if reader.uses >= MAX_USES || self.sweeper.is_none() {
            return reader.finish();
        }
        let Some(mut idle) = self.shared.slot().try_lock() else { return reader.finish() };
        // Checked under the slot's lock: `drain` bumps the epoch before it
        // empties the slots, so it either sees this reader or we see it.
        if idle.is_some()
            || reader.epoch != self.shared.epoch.load(Ordering::SeqCst)
            || self.shared.closed.load(Ordering::SeqCst)
        {
            drop(idle);
            return reader.finish();
        }
        *idle = Some(reader);
        drop(idle);
        if self.shared.parked.swap(false, Ordering::SeqCst) {
            self.shared.wake_sweeper();
        }
    }

    /// Commits every idle reader, and makes those in use end instead of
    /// coming back: before database handles are closed.
    pub fn drain(&self) {
        self.shared.epoch.fetch_add(1, Ordering::SeqCst);
        for slot in &self.shared.slots {
            let reader = slot.lock().take();
            if let Some(reader) = reader {
                reader.finish();
            }
        }
    }
}

impl Drop for Readers {
    fn drop(&mut self) {
        self.shared.closed.store(true, Ordering::SeqCst);
        self.shared.wake_sweeper();
        if let Some(sweeper) = self.sweeper.take() {
            let _ = sweeper.join();
        }
        self.drain();
    }
}

/// Every `max_age`, commits the idle readers that are past it; parks while
/// every slot is empty, so an idle daemon has no timer running.
fn sweep(shared: &Shared) {
    let mut guard = shared.park.lock().unwrap_or_else(|e| e.into_inner());
    while !shared.closed.load(Ordering::SeqCst) {
        drop(guard);
        let now = Instant::now();
        let mut pooled = false;
        for slot in &shared.slots {
            // In use right now: it is looked at on the next round.
            let Some(mut idle) = slot.try_lock() else {
                pooled = true;
                continue;
            };
            match idle.as_ref() {
                Some(r) if now.saturating_duration_since(r.born) >= shared.max_age => {
                    let reader = idle.take();
                    drop(idle);
                    if let Some(reader) = reader {
                        reader.finish();
                    }
                }
                Some(_) => pooled = true,
                None => {}
            }
        }
        guard = shared.park.lock().unwrap_or_else(|e| e.into_inner());
        if pooled {
            guard = shared.wake.wait_timeout(guard, shared.max_age).unwrap_or_else(|e| e.into_inner()).0;
            continue;
        }
        // Park; a put-back that raced with the scan above either is seen
        // by this re-check or sees `parked` and wakes us.
        shared.parked.store(true, Ordering::SeqCst);
        if shared.slots.iter().any(|s| s.lock().is_some()) {
            shared.parked.store(false, Ordering::SeqCst);
            continue;
        }
        guard = shared
            .wake
            .wait_while(guard, |_| shared.parked.load(Ordering::SeqCst) && !shared.closed.load(Ordering::SeqCst))
            .unwrap_or_else(|e| e.into_inner());
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;
    use crate::bdb::{Database, EnvConfig, PageSize};

    fn open() -> (tempfile::TempDir, Env, Arc<Database>) {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::open(dir.path(), &EnvConfig::default()).unwrap();
        let txn = env.begin(TxnFlags::default()).unwrap();
        let db = Database::open_btree(&env, &txn, "t.db", PageSize::new(4096)).unwrap();
        txn.commit().unwrap();
        (dir, env, Arc::new(db))
    }

    fn idle(readers: &Readers) -> usize {
        readers.shared.slots.iter().filter(|s| s.lock().is_some()).count()
    }

    /// The pooled transaction holds no lock between lookups and is no
    /// snapshot: a writer of the key it read goes ahead, and its next
    /// lookup sees the new value.
    #[test]
    fn a_reused_transaction_sees_later_commits_and_blocks_no_writer() {
        let (_dir, env, db) = open();
        let readers = Readers::new(Duration::from_secs(3600));
        let reader = readers.take(&env).unwrap();
        assert_eq!(db.get(Some(reader.txn()), b"k", false).unwrap(), None);
        readers.put_back(reader);

        // A thread of its own, so that a blocked writer fails the test
        // rather than hanging it.
        let (done, written) = mpsc::channel();
        let (writer_env, writer_db) = (env.clone(), Arc::clone(&db));
        std::thread::spawn(move || {
            let txn = writer_env.begin(TxnFlags::default()).unwrap();
            writer_db.put(&txn, b"k", b"v2").unwrap();
            txn.commit().unwrap();
            done.send(()).unwrap();
        });
        written.recv_timeout(Duration::from_secs(10)).expect("the writer was blocked by a pooled reader");

        let reader = readers.take(&env).unwrap();
        assert_eq!(reader.uses, 2, "the same transaction, reused");
        assert_eq!(db.get(Some(reader.txn()), b"k", false).unwrap().as_deref(), Some(&b"v2"[..]));
        readers.put_back(reader);
    }

    #[test]
    fn a_transaction_that_served_its_uses_is_committed_not_reused() {
        let (_dir, env, _db) = open();
        let readers = Readers::new(Duration::from_secs(3600));
        let mut reader = readers.take(&env).unwrap();
        reader.uses = MAX_USES;
        readers.put_back(reader);
        assert_eq!(idle(&readers), 0);
        assert_eq!(readers.take(&env).unwrap().uses, 1, "a new transaction");
    }

    /// Past its age, a pooled transaction is committed by the sweeper
    /// (and the sweeper parks when the pool is empty, waking for the next).
    #[test]
    fn the_sweeper_commits_idle_transactions() {
        let (_dir, env, _db) = open();
        let readers = Readers::new(Duration::from_millis(20));
        let reader = readers.take(&env).unwrap();
        readers.put_back(reader);
        let deadline = Instant::now() + Duration::from_secs(10);
        while idle(&readers) > 0 {
            assert!(Instant::now() < deadline, "an idle read transaction stayed open");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(readers.take(&env).unwrap().uses, 1, "a new transaction");
        readers.put_back(readers.take(&env).unwrap());
        while idle(&readers) > 0 {
            assert!(Instant::now() < deadline, "the sweeper did not wake for a new idle transaction");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Before handles close: idle ones are committed, and one in use at
    /// that moment is committed when it comes back instead of pooled.
    #[test]
    fn drain_retires_idle_transactions_and_those_in_use() {
        let (_dir, env, _db) = open();
        let readers = Readers::new(Duration::from_secs(3600));
        let in_use = readers.take(&env).unwrap();
        readers.put_back(readers.take(&env).unwrap());
        assert_eq!(idle(&readers), 1);
        readers.drain();
        assert_eq!(idle(&readers), 0);
        readers.put_back(in_use);
        assert_eq!(idle(&readers), 0);
    }
}
