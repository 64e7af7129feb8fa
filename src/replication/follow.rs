//! The view of a proxy front-end, which is not a group member: it asks the
//! back-ends it was given (`[front] backends`) for their status every
//! `POLL`, and follows the master they report from the replicated record
//! the master published, preferring the answer of the highest replication
//! generation (a back-end that has not heard of a new master yet reports an
//! older one). Back-ends that answer and are synced are the replicas that
//! replica and token reads go to.

use std::time::Duration;

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::view::{Role, View};
use crate::client::Client;

const POLL: Duration = Duration::from_millis(200);

/// Starts polling until `shutdown`; the returned receiver sees every change.
pub fn start(
    backends: Vec<String>,
    shutdown: CancellationToken,
) -> (watch::Receiver<View>, tokio::task::JoinHandle<()>) {
    let (tx, rx) = watch::channel(View::default());
    let clients: Vec<(String, Client)> = backends
        .into_iter()
        .map(|b| {
            let c = Client::new(&format!("http://{b}"), Duration::from_secs(1)).expect("validated host:port");
            (b, c)
        })
        .collect();
    crate::metrics::get().set_role("proxy");
    let task = tokio::spawn(async move {
        while let Some(next) = shutdown.run_until_cancelled(poll(&clients)).await {
            let prev = tx.borrow().clone();
            if next != prev {
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
                if tx.send(next).is_err() {
                    return;
                }
            }
            if shutdown.run_until_cancelled(tokio::time::sleep(POLL)).await.is_none() {
                return;
            }
        }
    });
    (rx, task)
}

async fn poll(clients: &[(String, Client)]) -> View {
    let mut view = View { role: Role::Client, ..View::default() };
    let mut best_gen = None;
    for (addr, client) in clients {
        let Ok(status) = client.status().await else { continue };
        if status.synced {
            view.replicas.push(addr.clone());
        }
        if let Some(master) = status.master.filter(|m| m.http.is_some())
            && best_gen.is_none_or(|g| status.generation > g)
        {
            best_gen = Some(status.generation);
            view.generation = status.generation;
            view.master = Some(master);
        }
    }
    view.synced = view.master.is_some();
    view
}
