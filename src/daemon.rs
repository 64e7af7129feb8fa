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
use crate::replication::shape::SiteRecord;
use crate::replication::{self, Group};
use crate::signals::{self, Intent};
use crate::store::{Store, StoreError, StoreOptions};
use crate::systemd;

/// Replication Manager message threads.
const REPMGR_THREADS: u32 = 3;
/// How long in-flight requests get to finish after a shutdown signal.
const DRAIN: Duration = Duration::from_secs(10);

/// Why a site could not run.
#[derive(Debug, thiserror::Error)]
pub enum DaemonError {
    #[error("a new member front-end needs replication.helpers: the back-end sites it joins the group through")]
    FrontNeedsHelpers,
    #[error("cannot open the store in {dir}: {source}")]
    Store { dir: String, source: StoreError },
    #[error("cannot listen for HTTP on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    #[error("cannot start the HTTP threads: {0}")]
    HttpThreads(#[source] std::io::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Runs the site until a shutdown signal; returns once everything is closed.
pub fn run(config: Config) -> Result<(), DaemonError> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().thread_name("fish-worker").build()?;
    runtime.block_on(run_site(config))
}

async fn run_site(config: Config) -> Result<(), DaemonError> {
    let intents = signals::listen()?;
    let started = Instant::now();
    if let Some(FrontMode::Proxy { backends }) = &config.front {
        let backends = backends.iter().map(ToString::to_string).collect();
        return run_proxy(config, backends, intents, started).await;
    }
    if config.role == Role::Front && config.replication.helpers.is_empty() && crate::store::is_fresh(&config.data_dir) {
        return Err(DaemonError::FrontNeedsHelpers);
    }
    tracing::info!(name = %config.name, role = %config.role, data_dir = %config.data_dir.display(), "starting fishd {}", env!("CARGO_PKG_VERSION"));
    let (events_tx, events_rx) = std::sync::mpsc::channel();
    let store = open_store(&config, events_tx).await?;
    crate::http::remove_unfinished_backups(&config.data_dir);
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "store open, recovery done");
    let addr = config.http.listen.to_string();
    let listener = TcpListener::bind(&addr).await.map_err(|source| DaemonError::Bind { addr: addr.clone(), source })?;
    tracing::info!(http = %addr, "serving HTTP");

    let config = Arc::new(config);
    let group = Arc::new(Group::start(Arc::clone(&store), Arc::clone(&config), events_rx));
    let shutdown = CancellationToken::new();
    tokio::task::spawn_blocking({
        let (store, config, shutdown) = (Arc::clone(&store), Arc::clone(&config), shutdown.clone());
        move || join_group(&store, &config, &shutdown)
    });
    let app = Arc::new(App {
        store: Some(Arc::clone(&store)),
        config: config.into(),
        group,
        forwarder: Default::default(),
        started,
    });
    tokio::spawn(handle_intents(intents, shutdown.clone(), Arc::clone(&app)));
    tokio::spawn(keep_registered(Arc::clone(&app)));
    if let Some(store) = app.store.clone() {
        tokio::spawn(crate::replication::lag::watch(store, Arc::clone(&app.group)));
    }
    tokio::spawn(notify_systemd(Arc::clone(&app)));
    let threads = if app.config().role == Role::Front { http::Threads::PerCore } else { http::Threads::Shared };
    let served = http::serve(listener, app, shutdown.clone(), DRAIN, threads).await;
    shutdown.cancel(); // when serving failed, the group join must stop too

    tracing::info!("HTTP stopped; checkpointing and closing the store");
    let closing = Arc::clone(&store);
    match tokio::task::spawn_blocking(move || closing.shutdown()).await {
        Ok(Ok(())) => {}
        Ok(Err(err)) => tracing::warn!(%err, "final checkpoint failed; the next start runs recovery"),
        Err(err) => tracing::warn!(%err, "final checkpoint task failed"),
    }
    drop(store);
    served.map_err(DaemonError::HttpThreads)?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// Keeps this member's record (role, priority) current in the replicated
/// registry, writing it through the master, and reports the group's fault
/// tolerance: the master warns (once per shape) when priority-0 members
/// make it lower than the back-ends alone would give.
async fn keep_registered(app: Arc<App>) {
    let me = app.config().replication.listen.to_string();
    let record = serde_json::to_vec(&SiteRecord::of(&app.config())).expect("serialising a record");
    let key = SiteRecord::key(&me);
    let mut last: Option<usize> = None;
    let mut warned = None;
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let view = app.group.view();
        let Some(store) = app.store.clone().filter(|_| view.synced) else { continue };
        let (s, k, c) = (Arc::clone(&store), key.clone(), app.config());
        let (current, shape) = match tokio::task::spawn_blocking(move || {
            Ok::<_, StoreError>((s.meta_get(&k)?, crate::replication::shape::shape(&s, &c)?))
        })
        .await
        {
            Ok(Ok(found)) => found,
            Ok(Err(err)) => {
                tracing::debug!(%err, "group shape not available yet");
                continue;
            }
            Err(_) => continue,
        };
        if current.as_deref() != Some(record.as_slice()) {
            register(&app, &store, &view, &key, &me, &record).await;
        }
        let tolerated = shape.quorum_write_failures_tolerated;
        if last != Some(tolerated) {
            tracing::info!(
                fish_event = "group_shape",
                tolerated,
                members = shape.members,
                electable = shape.electable,
                unregistered = shape.unregistered,
                "the group tolerates {tolerated} back-end failure(s) for quorum writes"
            );
        }
        let ideal = shape.without_priority_zero().quorum_write_failures_tolerated;
        let is_master = view.role == crate::replication::Role::Master;
        if is_master && shape.unregistered == 0 && tolerated < ideal && warned != Some(shape) {
            tracing::warn!(
                fish_event = "tolerance_lowered",
                tolerated,
                without_them = ideal,
                members = shape.members,
                electable = shape.electable,
                "priority-0 members lower what the group tolerates to {tolerated} back-end failure(s) for quorum writes ({ideal} without them): in Berkeley DB 5.3 they count in the quorum but never acknowledge; use proxy front-ends"
            );
            warned = Some(shape);
        }
        last = Some(tolerated);
    }
}

async fn register(app: &App, store: &Arc<Store>, view: &crate::replication::View, key: &str, me: &str, record: &[u8]) {
    if view.role == crate::replication::Role::Master {
        let (s, k, r) = (Arc::clone(store), key.to_string(), record.to_vec());
        let _ = tokio::task::spawn_blocking(move || s.meta_put(&k, &r)).await;
    } else if let Some(http) = view.master_http() {
        let Ok(client) = crate::client::Client::new(&format!("http://{http}"), Duration::from_secs(2)) else { return };
        let path = format!("/v1/internal/sites/{}", crate::http::encoding::percent_encode(me.as_bytes()));
        let name = app.config().name.clone();
        let headers = [("content-type", "application/json"), (crate::http::FORWARDED_BY, name.as_str())];
        if let Err(err) = client.send(hyper::Method::PUT, &path, &headers, bytes::Bytes::copy_from_slice(record)).await
        {
            tracing::debug!(%err, "registering with the master failed; retrying");
        }
    }
}

/// READY=1 the first time the site is usable, STATUS= on every change of
/// role or master, and WATCHDOG=1 (when systemd asks for it) only while
/// the event loop runs and Berkeley DB answers.
async fn notify_systemd(app: Arc<App>) {
    if let Some(every) = systemd::watchdog_interval() {
        tokio::spawn(watchdog(Arc::clone(&app), every));
    }
    let mut views = app.group.subscribe();
    let mut ready = false;
    let mut last = String::new();
    loop {
        let view = views.borrow_and_update().clone();
        let line = view.describe();
        if !ready && view.is_ready() {
            systemd::ready(&line);
            tracing::info!(fish_event = "ready", status = %line, "ready");
            ready = true;
        } else if line != last {
            systemd::status(&line);
        }
        last = line;
        if views.changed().await.is_err() {
            return;
        }
    }
}

async fn watchdog(app: Arc<App>, every: Duration) {
    loop {
        tokio::time::sleep(every).await;
        let responsive = match app.store.clone() {
            None => true,
            Some(store) => {
                let probe = tokio::task::spawn_blocking(move || store.env().rep_state().is_ok());
                matches!(tokio::time::timeout(every, probe).await, Ok(Ok(true)))
            }
        };
        if responsive {
            systemd::watchdog();
        } else {
            tracing::warn!(
                fish_event = "watchdog_missed",
                "Berkeley DB did not answer within {every:?}; not feeding the watchdog"
            );
        }
    }
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
    let app =
        Arc::new(App { store: None, config: Arc::new(config).into(), group, forwarder: Default::default(), started });
    tokio::spawn(notify_systemd(Arc::clone(&app)));
    tokio::spawn(handle_intents(intents, shutdown.clone(), Arc::clone(&app)));
    http::serve(listener, app, shutdown, DRAIN, http::Threads::PerCore).await.map_err(DaemonError::HttpThreads)?;
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
    opts.env.cache_bytes = cache_size(config);
    opts.env.sync = config.storage.sync;
    opts.env.replication = Some(replication::rep_config(config, events, fresh));
    if fresh && opts.env.replication.as_ref().is_some_and(|r| r.group_creator) && !config.replication.group_creator {
        tracing::info!("no helpers and no group membership yet: this site creates a new group");
    }
    opts.checkpoint_every = config.storage.checkpoint_every;
    opts.min_free_bytes = config.storage.min_free_bytes;
    opts.page_size = config.storage.page_size;
    let opened = tokio::task::spawn_blocking(move || Store::open(&dir, &opts)).await.map_err(std::io::Error::other)?;
    opened.map(Arc::new).map_err(|source| DaemonError::Store { dir: config.data_dir.display().to_string(), source })
}

/// The buffer pool: `[storage] cache_mb` when set; otherwise sized from the
/// data already on disk, so that a restarted site keeps its whole data set
/// in memory (reads then never wait for the disk, and the replica read path
/// runs on the async workers, see `Store::get_now`): the database files
/// plus a quarter, at least 64 MiB, at most a quarter of the machine's
/// memory. A site whose data outgrows its cache gets a bigger one at its
/// next restart.
fn cache_size(config: &Config) -> u64 {
    const MIN: u64 = 64 << 20;
    if let Some(bytes) = config.storage.cache_bytes {
        return bytes;
    }
    let home = crate::store::env_dir(&config.data_dir);
    let data: u64 = std::fs::read_dir(&home)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".db"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let pages = nix::unistd::sysconf(nix::unistd::SysconfVar::_PHYS_PAGES).ok().flatten().unwrap_or(0) as u64;
    let page = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE).ok().flatten().unwrap_or(4096) as u64;
    let ceiling = (pages * page / 4).max(MIN);
    let bytes = (data + data / 4).clamp(MIN, ceiling);
    tracing::info!(
        cache_mb = bytes >> 20,
        data_mb = data >> 20,
        "buffer pool sized from the data ([storage] cache_mb unset)"
    );
    bytes
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
async fn handle_intents(
    mut intents: tokio::sync::mpsc::UnboundedReceiver<Intent>,
    shutdown: CancellationToken,
    app: Arc<App>,
) {
    while let Some(intent) = intents.recv().await {
        match intent {
            Intent::Shutdown { signal } if shutdown.is_cancelled() => {
                tracing::warn!(signal, "second shutdown signal: exiting now");
                std::process::exit(1);
            }
            Intent::Shutdown { signal } => {
                systemd::stopping();
                tracing::info!(signal, "shutting down: no new requests, finishing in-flight ones");
                shutdown.cancel();
            }
            Intent::Reload => {
                let app = Arc::clone(&app);
                // Reading the file and calling Berkeley DB setters: off the async workers.
                let _ = tokio::task::spawn_blocking(move || crate::reload::reload(&app)).await;
            }
        }
    }
}
