//! Background upkeep of an open environment, one thread each:
//!
//! - periodic checkpoints, which bound recovery time after a crash and
//!   (with log auto-removal) let old log files be deleted so the log does
//!   not grow without bound;
//! - the next log file, written full of zeros before the log reaches it
//!   (`Env::prepare_next_log_file`), so that no commit's fdatasync has to
//!   allocate blocks. Checked every [`LOG_AHEAD_EVERY`]: at 16 MiB a file
//!   and ~5 MB/s of log at full write load, a file lasts ~3 s, and writing
//!   the next one takes tens of milliseconds.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::bdb::Env;

/// Checkpoint when at least this much log was written since the last one.
const CHECKPOINT_MIN_KBYTES: u32 = 1024;

/// How often the log-ahead thread looks at the end of the log.
const LOG_AHEAD_EVERY: Duration = Duration::from_millis(250);

/// The upkeep threads; stopped by `stop` or on drop.
pub struct Maintenance {
    /// Dropping a thread's sender stops it.
    stop: Mutex<Vec<(Sender<()>, JoinHandle<()>)>>,
    pub checkpoints: Arc<Checkpoints>,
}

/// How the periodic checkpoints went, for `/metrics`.
#[derive(Default)]
pub struct Checkpoints {
    count: AtomicU64,
    total_us: AtomicU64,
    last_us: AtomicU64,
}

impl Checkpoints {
    fn record(&self, took: Duration) {
        let us = took.as_micros() as u64;
        self.count.fetch_add(1, Ordering::Relaxed);
        self.total_us.fetch_add(us, Ordering::Relaxed);
        self.last_us.store(us, Ordering::Relaxed);
    }

    /// Checkpoints run, their total time, and the last one's.
    pub fn read(&self) -> (u64, Duration, Duration) {
        (
            self.count.load(Ordering::Relaxed),
            Duration::from_micros(self.total_us.load(Ordering::Relaxed)),
            Duration::from_micros(self.last_us.load(Ordering::Relaxed)),
        )
    }
}

impl Maintenance {
    /// Starts the threads: a checkpoint `every` so often, and the next log
    /// file prepared while at least `min_free` bytes would stay free.
    pub fn start(env: Env, every: Duration, min_free: u64) -> Maintenance {
        let (tx, rx) = mpsc::channel::<()>();
        let (ahead_tx, ahead_rx) = mpsc::channel::<()>();
        let checkpoints = Arc::new(Checkpoints::default());
        let times = Arc::clone(&checkpoints);
        let checkpointing = env.clone();
        let checkpointer = std::thread::Builder::new()
            .name("fish-checkpoint".into())
            .spawn(move || {
                while let Err(RecvTimeoutError::Timeout) = rx.recv_timeout(every) {
                    let started = std::time::Instant::now();
                    match checkpointing.checkpoint(CHECKPOINT_MIN_KBYTES) {
                        Ok(()) => times.record(started.elapsed()),
                        Err(err) => tracing::warn!(%err, "periodic checkpoint failed"),
                    }
                }
            })
            .expect("spawning the checkpoint thread");
        let log_ahead = std::thread::Builder::new()
            .name("fish-log-ahead".into())
            .spawn(move || log_ahead(&env, &ahead_rx, min_free))
            .expect("spawning the log-ahead thread");
        Maintenance { stop: Mutex::new(vec![(tx, checkpointer), (ahead_tx, log_ahead)]), checkpoints }
    }

    /// Stops the threads and waits for them; later calls do nothing.
    pub fn stop(&self) {
        let taken = std::mem::take(&mut *self.stop.lock().unwrap_or_else(|e| e.into_inner()));
        for (tx, handle) in taken {
            drop(tx);
            let _ = handle.join();
        }
    }
}

/// Keeps the log file after the current one prepared. Berkeley DB decides,
/// under its own lock, whether a prepared file may be named (patch 0021),
/// and an internal init removes it with the rest of the log.
fn log_ahead(env: &Env, stop: &mpsc::Receiver<()>, min_free: u64) {
    let mut warned = false;
    loop {
        let prepared = if room_for_next_log_file(env, min_free) { env.prepare_next_log_file() } else { Ok(None) };
        match prepared {
            Ok(Some(_)) => warned = false,
            Ok(None) => {}
            // A full disk or a read-only filesystem: Berkeley DB will make
            // the file itself when it needs it; say so once.
            Err(err) if !warned => {
                warned = true;
                tracing::warn!(%err, "could not prepare the next log file; commits will allocate it as they go");
            }
            Err(_) => {}
        }
        if !matches!(stop.recv_timeout(LOG_AHEAD_EVERY), Err(RecvTimeoutError::Timeout)) {
            return;
        }
    }
}

/// Whether the next log file fits with `min_free` bytes left over (and
/// whether it is known: a failed statvfs or size says yes, and Berkeley DB
/// reports any real failure).
fn room_for_next_log_file(env: &Env, min_free: u64) -> bool {
    match (super::free_bytes(env.home()), env.log_file_bytes()) {
        (Some(free), Ok(file_bytes)) => free >= min_free.saturating_add(u64::from(file_bytes)),
        _ => true,
    }
}

impl Drop for Maintenance {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_log_file_is_prepared_only_with_room_to_spare() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::open(dir.path(), &crate::bdb::EnvConfig::default()).unwrap();
        // Other processes share the filesystem: margins of 1 GiB, not bytes.
        let free = super::super::free_bytes(dir.path()).unwrap();
        let file = u64::from(env.log_file_bytes().unwrap());
        assert!(room_for_next_log_file(&env, 0));
        assert!(room_for_next_log_file(&env, free.saturating_sub(file + (1 << 30))));
        assert!(!room_for_next_log_file(&env, free + (1 << 30)), "the file would eat into the reserve");
        assert!(!room_for_next_log_file(&env, u64::MAX));
    }
}
