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
//! How: writes go into a queue; one committer thread takes what is queued
//! (up to `MAX_OPS` operations or `MAX_BYTES` of values), applies it in one
//! transaction, commits it and answers every waiter; the next batch forms
//! while this one waits for its acknowledgements. Under light load a batch
//! holds one write and costs what it did before.
//!
//! Why one committer: replicas apply transactions one at a time anyway, so
//! several batches in flight buy no overlap there, only smaller batches
//! (more transactions, messages, acks and fsyncs per write). Measured side
//! by side (3 back-ends + 1 front-end, quorum, fsync, 64 connections):
//! 1 committer 13,400-13,600 writes/s, 2: 10,100-10,800, 3: ~9,750,
//! 4: 8,800-9,200; at 16 connections 1 committer 6,900-7,100 vs 4:
//! 5,600-6,000.
//!
//! Each write keeps its own meaning: its condition is checked against the
//! state left by the writes before it in the batch, and a failed condition
//! fails that write alone. Keys are applied in key order (stable, so two
//! writes of one key keep their order), so that page locks come in one
//! order, which keeps deadlocks with concurrent `/v1/txn` transactions
//! rare. If the transaction fails as a whole (not master, acknowledgement
//! missing, ...), every write of the batch gets that outcome; all of them
//! share the commit token.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, Weak};

use tokio::sync::oneshot;

use super::{Op, OpResult, Store, StoreError};
use crate::bdb::CommitToken;

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

/// The queue; the committer thread starts with the first write.
pub(super) struct Batcher {
    tx: Sender<Pending>,
    /// Taken by the committer thread when it starts.
    rx: Mutex<Option<Receiver<Pending>>>,
}

impl Batcher {
    pub(super) fn new() -> Batcher {
        let (tx, rx) = channel();
        Batcher { tx, rx: Mutex::new(Some(rx)) }
    }

    /// Queues `op`; the answer arrives on the returned channel.
    pub(super) fn submit(&self, store: &Arc<Store>, op: Op) -> oneshot::Receiver<Written> {
        if let Some(rx) = self.rx.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let store = Arc::downgrade(store);
            std::thread::Builder::new()
                .name("fish-commit".into())
                .spawn(move || commit_loop(&rx, &store))
                .expect("spawning the committer thread");
        }
        let (reply, answer) = oneshot::channel();
        // The receiver lives as long as the store, which the caller holds.
        let _ = self.tx.send(Pending { op, reply });
        answer
    }
}

/// Takes batches until the store (and with it the queue's sender) is gone.
fn commit_loop(rx: &Receiver<Pending>, store: &Weak<Store>) {
    while let Ok(first) = rx.recv() {
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
        let Some(store) = store.upgrade() else { return };
        let ops: Vec<&Op> = batch.iter().map(|p| &p.op).collect();
        // One thread commits every write: a panic (a bug) fails its own
        // batch, not every write after it.
        let outcomes = std::panic::catch_unwind(AssertUnwindSafe(|| store.write_batch(&ops)));
        drop(store);
        match outcomes {
            Ok(outcomes) => {
                for (p, outcome) in batch.into_iter().zip(outcomes) {
                    let _ = p.reply.send(outcome);
                }
            }
            Err(_) => {
                tracing::error!(writes = batch.len(), "a write batch panicked; its writes fail, later ones go on");
                for p in batch {
                    let _ = p.reply.send(Err(StoreError::BatchPanicked));
                }
            }
        }
    }
}

fn value_bytes(op: &Op) -> usize {
    match op {
        Op::Put { value, .. } => value.len(),
        _ => 0,
    }
}
