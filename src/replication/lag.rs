//! Replication lag per site, as the master sees it, for `/metrics`.
//!
//! Berkeley DB 5.3 keeps no per-site applied LSN that its API exposes, so
//! every 2 s the master asks each other site that has registered an HTTP
//! address for its `/v1/status` LSN, and reports how many bytes of log the
//! site had yet to apply: the master's log end *after* the answer minus the
//! site's LSN, so the figure is an upper bound (it includes what was
//! committed during the round trip). A site that does not answer within
//! 500 ms has no series until it does; so does every site on a non-master.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::shape;
use super::view::{Role, View};
use crate::bdb::Lsn;
use crate::client::Client;
use crate::store::Store;

const EVERY: Duration = Duration::from_secs(2);
const ASK_TIMEOUT: Duration = Duration::from_millis(500);

/// Runs until `shutdown`.
pub async fn watch(store: Arc<Store>, view: watch::Receiver<View>, shutdown: CancellationToken) {
    let mut clients: std::collections::HashMap<String, Client> = std::collections::HashMap::new();
    while shutdown.run_until_cancelled(tokio::time::sleep(EVERY)).await.is_some() {
        let metrics = crate::metrics::get();
        if view.borrow().role != Role::Master {
            metrics.set_replication_lag(&[]);
            continue;
        }
        let s = Arc::clone(&store);
        let Ok(Ok(sites)) = tokio::task::spawn_blocking(move || registered_sites(&s)).await else { continue };
        let mut lags = Vec::new();
        for (site, http) in sites {
            let client = match clients.get(&http) {
                Some(c) => c.clone(),
                None => match Client::new(&format!("http://{http}"), ASK_TIMEOUT) {
                    Ok(c) => clients.entry(http).or_insert(c).clone(),
                    Err(_) => continue,
                },
            };
            let Some(theirs) = ask_lsn(&client).await else { continue };
            let env = store.env();
            if let Ok(lag) = env.current_lsn().and_then(|ours| env.log_distance(theirs, ours)) {
                lags.push((site, lag));
            }
        }
        metrics.set_replication_lag(&lags);
    }
}

/// The other sites of the group with their registered HTTP addresses.
fn registered_sites(store: &Store) -> Result<Vec<(String, String)>, crate::store::StoreError> {
    Ok(shape::registered_sites(store)?
        .into_iter()
        .filter_map(|(site, record)| Some((site.addr.to_string(), record?.http)))
        .collect())
}

async fn ask_lsn(client: &Client) -> Option<Lsn> {
    let lsn = client.status().await.ok()?.lsn?;
    Some(Lsn { file: lsn.file, offset: lsn.offset })
}
