//! Replication lag: per site as the master sees it, for `/metrics`, and a
//! client's own, for its readiness.
//!
//! Berkeley DB 5.3 keeps no per-site applied LSN that its API exposes, so
//! every second the master asks each other site that has registered an HTTP
//! address for its `/v1/status` LSN, and reports how many bytes of log the
//! site had yet to apply: the master's log end *after* the answer minus the
//! site's LSN, so the figure is an upper bound (it includes what was
//! committed during the round trip). A site that does not answer within
//! 500 ms has no series until it does; so does every site on a non-master.
//! A client asks the master the same way for the master's LSN: its own lag
//! (an upper bound too) goes to [`OwnLag`], which the watcher compares with
//! `[replication] max_lag_mb`. In seconds, a client's lag is how long ago
//! the master's log end was where the client's is now, from the master
//! LSNs it heard in the last ten minutes (1 s resolution): both go to
//! `/metrics` (`fish_replica_lag_bytes`, `fish_replica_lag_seconds`).

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::shape;
use super::view::{Role, View};
use crate::bdb::Lsn;
use crate::client::Client;
use crate::store::Store;

const EVERY: Duration = Duration::from_secs(1);
const ASK_TIMEOUT: Duration = Duration::from_millis(500);
/// Master log ends remembered for the lag in seconds: ten minutes' worth.
const HISTORY: usize = 600;

/// A client's own lag in bytes, as last measured; `u64::MAX`: unknown.
pub struct OwnLag(AtomicU64);

impl Default for OwnLag {
    fn default() -> Self {
        OwnLag(AtomicU64::new(u64::MAX))
    }
}

impl OwnLag {
    pub fn get(&self) -> Option<u64> {
        Some(self.0.load(Ordering::Relaxed)).filter(|l| *l != u64::MAX)
    }

    fn set(&self, lag: Option<u64>) {
        self.0.store(lag.unwrap_or(u64::MAX), Ordering::Relaxed);
    }
}

/// Runs until `shutdown`.
pub async fn watch(
    store: Arc<Store>,
    running: Arc<crate::config::Running>,
    view: watch::Receiver<View>,
    own: Arc<OwnLag>,
    shutdown: CancellationToken,
) {
    let mut clients: std::collections::HashMap<String, Client> = std::collections::HashMap::new();
    let mut client_for = |http: String| -> Option<Client> {
        match clients.get(&http) {
            Some(c) => Some(c.clone()),
            None => crate::client::for_site(&running.get(), &http, ASK_TIMEOUT)
                .ok()
                .map(|c| clients.entry(http).or_insert(c).clone()),
        }
    };
    let mut heard: VecDeque<(Instant, Lsn)> = VecDeque::new();
    while shutdown.run_until_cancelled(tokio::time::sleep(EVERY)).await.is_some() {
        let metrics = crate::metrics::get();
        let (role, master_http) = {
            let v = view.borrow();
            metrics.set_synced(v.synced);
            (v.role, v.master_http().map(str::to_string))
        };
        if role != Role::Master {
            metrics.set_replication_lag(&[]);
            metrics.set_group_synced(&[]);
            let theirs = match master_http.and_then(&mut client_for) {
                Some(master) => ask_lsn(&master).await,
                None => None,
            };
            let env = store.env();
            if let Some(theirs) = theirs {
                heard.push_back((Instant::now(), theirs));
                if heard.len() > HISTORY {
                    heard.pop_front();
                }
            }
            let ours = env.current_lsn().ok();
            let bytes = theirs.zip(ours).and_then(|(theirs, ours)| env.log_distance(ours, theirs).ok());
            own.set(bytes);
            metrics.set_own_lag(bytes.zip(ours.map(|ours| behind(&heard, ours))));
            continue;
        }
        heard.clear();
        own.set(None);
        metrics.set_own_lag(Some((0, Duration::ZERO)));
        let s = Arc::clone(&store);
        let Ok(Ok(sites)) = tokio::task::spawn_blocking(move || registered_sites(&s)).await else { continue };
        let mut lags = Vec::new();
        let mut synced = Vec::new();
        let max_lag = running.get().replication.max_lag_bytes;
        for (site, http) in sites {
            let theirs = match client_for(http) {
                Some(client) => ask_lsn(&client).await,
                None => None,
            };
            let env = store.env();
            let lag = theirs.and_then(|theirs| env.current_lsn().and_then(|ours| env.log_distance(theirs, ours)).ok());
            synced.push((site.clone(), lag.is_some_and(|lag| max_lag == 0 || lag <= max_lag)));
            if let Some(lag) = lag {
                lags.push((site, lag));
            }
        }
        metrics.set_replication_lag(&lags);
        metrics.set_group_synced(&synced);
    }
}

/// How long ago the master's log end was at `ours`, from the master log
/// ends `heard` (oldest first): the age of the first one past `ours`
/// (zero if none is).
fn behind(heard: &VecDeque<(Instant, Lsn)>, ours: Lsn) -> Duration {
    heard.iter().find(|(_, theirs)| *theirs > ours).map_or(Duration::ZERO, |(at, _)| at.elapsed())
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
