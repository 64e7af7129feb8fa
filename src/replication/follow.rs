//! The view of a proxy front-end, which is not a group member: it asks each
//! back-end it was given (`[front] backends`) for its status, and follows
//! the master they report from the replicated record the master published,
//! preferring the answer of the highest replication generation (a back-end
//! that has not heard of a new master yet reports an older one). Back-ends
//! that answer and are synced are the replicas that replica and token reads
//! go to.
//!
//! Each back-end is asked by a task of its own, every `POLL`, and the view
//! is recomputed from the latest answers whenever one arrives: a back-end
//! that is frozen or cut off delays nobody's answer but its own. (One loop
//! that asked the back-ends in turn, each with a 1 s timeout, made one
//! frozen back-end cost the whole front-end a second per round.) An answer
//! counts for `FRESH`; a back-end that stops answering drops out of the
//! view after that.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, watch};
use tokio_util::sync::CancellationToken;

use super::view::{Role, View};
use crate::api;
use crate::client::Client;

/// How often each back-end is asked.
const POLL: Duration = Duration::from_millis(200);
/// How long one ask may take.
const ASK_TIMEOUT: Duration = Duration::from_millis(500);
/// How long an answer counts.
const FRESH: Duration = Duration::from_secs(1);

/// Starts following until `shutdown`; the returned receiver sees every
/// change.
pub fn start(
    config: &crate::config::Config,
    backends: Vec<String>,
    shutdown: CancellationToken,
) -> (watch::Receiver<View>, tokio::task::JoinHandle<()>) {
    let (tx, rx) = watch::channel(View::default());
    crate::metrics::get().set_role("proxy");
    let clients: Vec<Result<Client, _>> =
        backends.iter().map(|addr| crate::client::for_site(config, addr, ASK_TIMEOUT)).collect();
    let task = tokio::spawn(async move {
        let (answers_tx, mut answers) = mpsc::channel(64);
        let mut askers = tokio::task::JoinSet::new();
        for (index, client) in clients.into_iter().enumerate() {
            match client {
                Ok(client) => drop(askers.spawn(ask(index, client, answers_tx.clone(), shutdown.clone()))),
                Err(err) => tracing::error!(%err, backend = backends[index], "cannot ask this back-end for the master"),
            }
        }
        drop(answers_tx);
        let mut latest: HashMap<usize, (Instant, api::Status)> = HashMap::new();
        while let Some(Some((index, answer))) = shutdown.run_until_cancelled(answers.recv()).await {
            match answer {
                Some(status) => latest.insert(index, (Instant::now(), status)),
                None => latest.remove(&index),
            };
            latest.retain(|_, (at, _)| at.elapsed() < FRESH);
            if !announce(&tx, combine(&backends, &latest)) {
                break;
            }
        }
        askers.shutdown().await;
    });
    (rx, task)
}

/// Asks one back-end for its status every `POLL` until `shutdown`.
async fn ask(
    index: usize,
    client: Client,
    answers: mpsc::Sender<(usize, Option<api::Status>)>,
    shutdown: CancellationToken,
) {
    loop {
        let Some(answer) = shutdown.run_until_cancelled(client.status()).await else { return };
        if answers.send((index, answer.ok())).await.is_err()
            || shutdown.run_until_cancelled(tokio::time::sleep(POLL)).await.is_none()
        {
            return;
        }
    }
}

/// The view from the latest answer of each back-end.
fn combine(backends: &[String], latest: &HashMap<usize, (Instant, api::Status)>) -> View {
    let mut view = View { role: Role::Client, ..View::default() };
    let mut best_gen = None;
    for (index, addr) in backends.iter().enumerate() {
        let Some((_, status)) = latest.get(&index) else { continue };
        if status.synced {
            view.replicas.push(addr.clone());
        }
        if let Some(master) = status.master.as_ref().filter(|m| m.http.is_some())
            && best_gen.is_none_or(|g| status.generation > g)
        {
            best_gen = Some(status.generation);
            view.generation = status.generation;
            view.master = Some(master.clone());
        }
    }
    view.synced = view.master.is_some();
    view
}

/// Publishes `next` if it differs, logging a change of master; false once
/// nobody listens.
fn announce(tx: &watch::Sender<View>, next: View) -> bool {
    let prev = tx.borrow().clone();
    if next == prev {
        return true;
    }
    let name = |v: &View| v.master.as_ref().map(|m| m.replication.clone());
    if name(&next) != name(&prev) {
        crate::metrics::get().master_changes.inc();
        tracing::info!(
            fish_event = "master_changed",
            message_id = crate::logging::MASTER_CHANGED_MESSAGE_ID,
            role = "proxy",
            master_name = next.master.as_ref().and_then(|m| m.name.as_deref()).unwrap_or("unknown"),
            master = next.master.as_ref().map_or("none", |m| m.replication.as_str()),
            previous = prev.master.as_ref().map_or("none", |m| m.replication.as_str()),
            generation = next.generation,
            "{}",
            next.describe()
        );
    }
    tx.send(next).is_ok()
}
