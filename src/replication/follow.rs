//! The view of a proxy front-end, which is not a group member: it asks the
//! back-ends it was given (`[front] backends`) for their status every
//! `POLL`, and follows the master they report from the replicated record
//! the master published, preferring the answer of the highest replication
//! generation (a back-end that has not heard of a new master yet reports an
//! older one). Back-ends that answer and are synced are the replicas that
//! replica and token reads go to.

use std::time::Duration;

use tokio::sync::watch;

use super::view::{MasterInfo, Role, View};
use crate::client::Client;

const POLL: Duration = Duration::from_millis(200);

/// Starts polling; the returned receiver sees every change.
pub fn start(backends: Vec<String>) -> watch::Receiver<View> {
    let (tx, rx) = watch::channel(View::default());
    let clients: Vec<(String, Client)> = backends
        .into_iter()
        .map(|b| {
            let c = Client::new(&format!("http://{b}"), Duration::from_secs(1)).expect("validated host:port");
            (b, c)
        })
        .collect();
    crate::metrics::get().set_role("proxy");
    tokio::spawn(async move {
        loop {
            let next = poll(&clients).await;
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
            tokio::time::sleep(POLL).await;
        }
    });
    rx
}

async fn poll(clients: &[(String, Client)]) -> View {
    let mut view = View { role: Role::Client, ..View::default() };
    let mut best_gen = None;
    for (addr, client) in clients {
        let Ok(reply) = client.get("/v1/status").await else { continue };
        let Ok(status) = serde_json::from_slice::<serde_json::Value>(&reply.body) else { continue };
        if status["synced"] == true {
            view.replicas.push(addr.clone());
        }
        let generation = status["generation"].as_u64().unwrap_or(0) as u32;
        let m = &status["master"];
        if let (Some(rep), Some(http)) = (m["replication"].as_str(), m["http"].as_str())
            && best_gen.is_none_or(|g| generation > g)
        {
            best_gen = Some(generation);
            view.generation = generation;
            view.master = Some(MasterInfo {
                name: m["name"].as_str().map(str::to_string),
                replication: rep.into(),
                http: Some(http.into()),
            });
        }
    }
    view.synced = view.master.is_some();
    view
}
