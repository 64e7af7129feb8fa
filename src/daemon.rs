//! One site's life: open the store (recovery), serve HTTP, start
//! replication (joining with retry), and on SIGTERM/SIGINT shut down in
//! order — stop accepting, drain in-flight requests (bounded),
//! checkpoint, close the databases, then the environment.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::config::{Config, FrontMode, Role};
use crate::http::{self, App};
use crate::replication::{self, Group};
use crate::signals::{self, Intent};
use crate::store::{Store, StoreError, StoreOptions};

/// Replication Manager message threads.
const REPMGR_THREADS: u32 = 3;
/// How long in-flight requests get to finish after a shutdown signal.
const DRAIN: Duration = Duration::from_secs(10);

/// Why a site could not run.
#[derive(Debug, thiserror::Error)]
pub enum DaemonError {
    #[error("a new front-end needs replication.helpers: the back-end sites it joins the group through")]
    FrontNeedsHelpers,
    #[error("cannot open the store in {dir}: {source}")]
    Store { dir: String, source: StoreError },
    #[error("cannot listen for HTTP on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Runs the site until a shutdown signal; returns once everything is closed.
pub fn run(config: Config) -> Result<(), DaemonError> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().thread_name("fish-worker").build()?;
    runtime.block_on(run_site(config))
}

async fn run_site(config: Config) -> Result<(), DaemonError> {
    if config.role == Role::Front && config.replication.helpers.is_empty() && crate::store::is_fresh(&config.data_dir) {
        return Err(DaemonError::FrontNeedsHelpers);
    }
    let intents = signals::listen()?;
    let started = Instant::now();
    if let Some(FrontMode::Proxy { backends }) = &config.front {
        let backends = backends.iter().map(ToString::to_string).collect();
        return run_proxy(config, backends, intents, started).await;
    }
    tracing::info!(name = %config.name, role = %config.role, data_dir = %config.data_dir.display(), "starting fishd {}", env!("CARGO_PKG_VERSION"));
    let (events_tx, events_rx) = std::sync::mpsc::channel();
    let store = open_store(&config, events_tx).await?;
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "store open, recovery done");
    let addr = config.http.listen.to_string();
    let listener = TcpListener::bind(&addr).await.map_err(|source| DaemonError::Bind { addr: addr.clone(), source })?;
    tracing::info!(http = %addr, "serving HTTP");

    let config = Arc::new(config);
    let group = Arc::new(Group::start(Arc::clone(&store), Arc::clone(&config), events_rx));
    let shutdown = CancellationToken::new();
    tokio::spawn(handle_intents(intents, shutdown.clone()));
    tokio::task::spawn_blocking({
        let (store, config, shutdown) = (Arc::clone(&store), Arc::clone(&config), shutdown.clone());
        move || join_group(&store, &config, &shutdown)
    });
    let app = Arc::new(App { store: Some(Arc::clone(&store)), config, group, forwarder: Default::default(), started });
    http::serve(listener, app, shutdown, DRAIN).await;

    tracing::info!("HTTP stopped; checkpointing and closing the store");
    let closing = Arc::clone(&store);
    match tokio::task::spawn_blocking(move || closing.shutdown()).await {
        Ok(Ok(())) => {}
        Ok(Err(err)) => tracing::warn!(%err, "final checkpoint failed; the next start runs recovery"),
        Err(err) => tracing::warn!(%err, "final checkpoint task failed"),
    }
    drop(store);
    tracing::info!("stopped cleanly");
    Ok(())
}

/// A proxy front-end: no data dir and no group membership; it follows the
/// master the back-ends report and forwards every request.
async fn run_proxy(
    config: Config,
    backends: Vec<String>,
    intents: tokio::sync::mpsc::UnboundedReceiver<Intent>,
    started: Instant,
) -> Result<(), DaemonError> {
    tracing::info!(name = %config.name, backends = ?backends, "starting fishd {} as a proxy front-end", env!("CARGO_PKG_VERSION"));
    let addr = config.http.listen.to_string();
    let listener = TcpListener::bind(&addr).await.map_err(|source| DaemonError::Bind { addr: addr.clone(), source })?;
    tracing::info!(http = %addr, "serving HTTP");
    let group = Arc::new(Group::follow(backends));
    let shutdown = CancellationToken::new();
    tokio::spawn(handle_intents(intents, shutdown.clone()));
    let app = Arc::new(App { store: None, config: Arc::new(config), group, forwarder: Default::default(), started });
    http::serve(listener, app, shutdown, DRAIN).await;
    tracing::info!("stopped cleanly");
    Ok(())
}

async fn open_store(
    config: &Config,
    events: std::sync::mpsc::Sender<crate::bdb::RepEvent>,
) -> Result<Arc<Store>, DaemonError> {
    let dir = config.data_dir.clone();
    let fresh = crate::store::is_fresh(&dir);
    let mut opts = StoreOptions::default();
    opts.env.cache_bytes = config.storage.cache_bytes;
    opts.env.replication = Some(replication::rep_config(config, events, fresh));
    if fresh && opts.env.replication.as_ref().is_some_and(|r| r.group_creator) && !config.replication.group_creator {
        tracing::info!("no helpers and no group membership yet: this site creates a new group");
    }
    opts.checkpoint_every = config.storage.checkpoint_every;
    let opened = tokio::task::spawn_blocking(move || Store::open(&dir, &opts)).await.map_err(std::io::Error::other)?;
    opened.map(Arc::new).map_err(|source| DaemonError::Store { dir: config.data_dir.display().to_string(), source })
}

/// Starts the Replication Manager. Joining is itself a replicated write to
/// the membership database, so it fails with DB_REP_UNAVAIL while too few
/// sites are up (e.g. several joining at once): retry with backoff, say so.
fn join_group(store: &Store, config: &Config, shutdown: &CancellationToken) {
    let electable = config.replication.priority > 0;
    let mut delay = Duration::from_millis(100);
    let mut attempt = 1u32;
    while !shutdown.is_cancelled() {
        match store.start_replication(REPMGR_THREADS, electable) {
            Ok(()) => {
                tracing::info!(fish_event = "replication_started", attempt, local = %config.replication.listen, "replication started");
                return;
            }
            Err(StoreError::Bdb(crate::bdb::Error::RepUnavail(why))) => {
                tracing::warn!(
                    fish_event = "join_retry",
                    attempt,
                    retry_in_ms = delay.as_millis() as u64,
                    "cannot join the group yet ({why}); retrying"
                );
            }
            Err(err) => {
                tracing::error!(fish_event = "join_failed", attempt, %err, "starting replication failed; retrying");
            }
        }
        std::thread::sleep(delay);
        delay = (delay * 2).min(Duration::from_secs(2));
        attempt += 1;
    }
}

/// First shutdown signal: graceful. Second: exit at once (the environment is
/// recovered at the next start, so no committed write is lost).
async fn handle_intents(mut intents: tokio::sync::mpsc::UnboundedReceiver<Intent>, shutdown: CancellationToken) {
    while let Some(intent) = intents.recv().await {
        match intent {
            Intent::Shutdown { signal } if shutdown.is_cancelled() => {
                tracing::warn!(signal, "second shutdown signal: exiting now");
                std::process::exit(1);
            }
            Intent::Shutdown { signal } => {
                tracing::info!(signal, "shutting down: no new requests, finishing in-flight ones");
                shutdown.cancel();
            }
            Intent::Reload => {
                tracing::warn!(
                    "SIGHUP: configuration reload is not supported by this version yet; restart fishd to apply changes"
                );
            }
        }
    }
}
