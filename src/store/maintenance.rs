//! Background upkeep of an open environment: periodic checkpoints, which
//! bound recovery time after a crash and (with log auto-removal) let old log
//! files be deleted so the log does not grow without bound.

use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::bdb::Env;

/// Checkpoint when at least this much log was written since the last one.
const CHECKPOINT_MIN_KBYTES: u32 = 1024;

/// The upkeep thread; stopped by `stop` or on drop.
pub struct Maintenance {
    stop: Mutex<Option<(Sender<()>, JoinHandle<()>)>>,
}

impl Maintenance {
    pub fn start(env: Env, every: Duration) -> Maintenance {
        let (tx, rx) = mpsc::channel::<()>();
        let handle = std::thread::Builder::new()
            .name("fish-checkpoint".into())
            .spawn(move || {
                while let Err(RecvTimeoutError::Timeout) = rx.recv_timeout(every) {
                    if let Err(err) = env.checkpoint(CHECKPOINT_MIN_KBYTES) {
                        tracing::warn!(%err, "periodic checkpoint failed");
                    }
                }
            })
            .expect("spawning the checkpoint thread");
        Maintenance { stop: Mutex::new(Some((tx, handle))) }
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
