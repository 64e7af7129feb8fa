//! Background upkeep of an open environment: periodic checkpoints, which
//! bound recovery time after a crash and (with log auto-removal) let old log
//! files be deleted so the log does not grow without bound.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::bdb::Env;

/// Checkpoint when at least this much log was written since the last one.
const CHECKPOINT_MIN_KBYTES: u32 = 1024;

/// The upkeep thread; stopped by `stop` or on drop.
pub struct Maintenance {
    stop: Mutex<Option<(Sender<()>, JoinHandle<()>)>>,
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
    pub fn start(env: Env, every: Duration) -> Maintenance {
        let (tx, rx) = mpsc::channel::<()>();
        let checkpoints = Arc::new(Checkpoints::default());
        let times = Arc::clone(&checkpoints);
        let handle = std::thread::Builder::new()
            .name("fish-checkpoint".into())
            .spawn(move || {
                while let Err(RecvTimeoutError::Timeout) = rx.recv_timeout(every) {
                    let started = std::time::Instant::now();
                    match env.checkpoint(CHECKPOINT_MIN_KBYTES) {
                        Ok(()) => times.record(started.elapsed()),
                        Err(err) => tracing::warn!(%err, "periodic checkpoint failed"),
                    }
                }
            })
            .expect("spawning the checkpoint thread");
        Maintenance { stop: Mutex::new(Some((tx, handle))), checkpoints }
    }

    /// Stops the thread and waits for it; later calls do nothing.
    pub fn stop(&self) {
        let taken = self.stop.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some((tx, handle)) = taken {
            drop(tx);
            let _ = handle.join();
        }
    }
}

impl Drop for Maintenance {
    fn drop(&mut self) {
        self.stop();
    }
}
