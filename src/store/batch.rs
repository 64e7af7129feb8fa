//! Group commit of single-key writes: concurrent PUTs and DELETEs share
//! Berkeley DB transactions.
//!
//! Why: Berkeley DB already group-commits on the master (one log flush
//! serves every commit waiting for it), but a replication client applies
//! and flushes each transaction on its own, one at a time, under its apply
//! mutex (`__rep_process_rec` flushes the log per commit record). With
//! `sync = "fsync"` a replica therefore acknowledges at most one
//! transaction per fsync, and a quorum commit waits for it: one write per
//! transaction capped the group at about 3,000 writes/s here, while the
//! master had CPU and disk to spare.
//!
//! How: writes go into a queue; `COMMITTERS` threads each take what is
//! queued (up to `MAX_OPS` operations or `MAX_BYTES` of values), apply it
//! in one transaction, commit it and answer every waiter. Several batches
//! are in flight at once, so the master still overlaps log flushes and
//! acknowledgement waits, and a batch forms while the previous ones wait.
//! Under light load a batch holds one write and costs what it did before.
//!
//! Each write keeps its own meaning: its condition is checked against the
//! state left by the writes before it in the batch, and a failed condition
//! fails that write alone. Keys are applied in key order (stable, so two
//! writes of one key keep their order), so that concurrent batches take
//! page locks in one order. If the transaction fails as a whole (not
//! master, acknowledgement missing, ...), every write of the batch gets
//! that outcome; all of them share the commit token.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, Weak};

use tokio::sync::oneshot;

use super::{Op, OpResult, Store, StoreError};
use crate::bdb::CommitToken;

/// Batches in flight at once.
const COMMITTERS: usize = 4;
/// Most operations one batch holds.
const MAX_OPS: usize = 256;
/// Most value bytes one batch holds (a larger single write still goes alone).
const MAX_BYTES: usize = 4 << 20;

/// A write's outcome.
pub type Written = Result<(OpResult, CommitToken), StoreError>;

pub(super) struct Pending {
    pub(super) op: Op,
    pub(super) reply: oneshot::Sender<Written>,
}

/// The queue; committer threads start with the first write.
pub(super) struct Batcher {
    tx: Sender<Pending>,
    rx: Arc<Mutex<Receiver<Pending>>>,
    started: std::sync::Once,
}

impl Batcher {
    pub(super) fn new() -> Batcher {
        let (tx, rx) = channel();
        Batcher { tx, rx: Arc::new(Mutex::new(rx)), started: std::sync::Once::new() }
    }

    /// Queues `op`; the answer arrives on the returned channel.
    pub(super) fn submit(&self, store: &Arc<Store>, op: Op) -> oneshot::Receiver<Written> {
        self.started.call_once(|| {
            for i in 0..COMMITTERS {
                let (rx, store) = (Arc::clone(&self.rx), Arc::downgrade(store));
                std::thread::Builder::new()
                    .name(format!("fish-commit-{i}"))
                    .spawn(move || commit_loop(&rx, &store))
                    .expect("spawning a committer thread");
            }
        });
        let (reply, answer) = oneshot::channel();
        // The receiver lives as long as the store, which the caller holds.
        let _ = self.tx.send(Pending { op, reply });
        answer
    }
}

/// Takes batches until the store (and with it the queue's sender) is gone.
fn commit_loop(rx: &Mutex<Receiver<Pending>>, store: &Weak<Store>) {
    loop {
        let batch = {
            let rx = rx.lock().unwrap_or_else(|e| e.into_inner());
            let Ok(first) = rx.recv() else { return };
            let mut bytes = value_bytes(&first.op);
            let mut batch = vec![first];
            while batch.len() < MAX_OPS && bytes < MAX_BYTES {
                match rx.try_recv() {
                    Ok(p) => {
                        bytes += value_bytes(&p.op);
                        batch.push(p);
                    }
                    Err(_) => break,
                }
            }
            batch
        };
        let Some(store) = store.upgrade() else { return };
        let ops: Vec<&Op> = batch.iter().map(|p| &p.op).collect();
        let outcomes = store.write_batch(&ops);
        for (p, outcome) in batch.into_iter().zip(outcomes) {
            let _ = p.reply.send(outcome);
        }
    }
}

fn value_bytes(op: &Op) -> usize {
    match op {
        Op::Put { value, .. } => value.len(),
        _ => 0,
    }
}
