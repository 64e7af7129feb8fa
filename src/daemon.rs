//! One site's life, as one visible sequence:
//!
//! 1. open the store (recovery) and bind the HTTP listener;
//! 2. start replication ([`Group::start`]: joining with retry, the watcher,
//!    registration, lag) and the systemd notifier, every background task
//!    with the one shutdown token;
//! 3. serve HTTP until SIGTERM/SIGINT; a master first hands mastership
//!    over (`replication::handover`), then the token is cancelled;
//! 4. drain in-flight requests (bounded), then wait for every background
//!    task to end ([`Group::stop`]), so nothing holds the store;
//! 5. close the store: final checkpoint, databases, then the environment,
//!    which closes the Replication Manager's connections, so the other
//!    sites see this one leave at once rather than after a timeout.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::config::{Config, FrontMode, Role, Running};
use crate::http::{self, App};
use crate::replication::{self, Group};
use crate::signals::{self, Intent};
use crate::store::{Store, StoreError, StoreOptions};
use crate::systemd;

/// How long in-flight requests get to finish after a shutdown signal.
const DRAIN: Duration = Duration::from_secs(10);
/// A master that hands over at exit keeps priority 0 this long (longer
/// than it takes to close), so it is not elected back on its way out.
const HOLD_OFF_AT_EXIT: Duration = Duration::from_secs(60);

/// Why a site could not run.
#[derive(Debug, thiserror::Error)]
pub enum DaemonError {
    #[error("cannot open the store in {dir}: {source}")]
    Store { dir: String, source: StoreError },
    #[error("cannot listen for HTTP on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    #[error("cannot start the HTTP threads: {0}")]
    HttpThreads(#[source] std::io::Error),
    #[error("replication TLS: {0}")]
    Tls(String),
    #[error("HTTP: {0}")]
    HttpTls(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Runs the site until a shutdown signal; returns once everything is closed.
pub fn run(config: Config) -> Result<(), DaemonError> {
    batch_scheduling();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().thread_name("fish-worker").build()?;
    runtime.block_on(run_site(config))
}

/// Puts this thread, and so every thread the site starts after it (its
/// runtime's, the committer, Berkeley DB's replication threads), under
/// `SCHED_BATCH`: the kernel then no longer lets a thread it wakes take
/// the CPU from the thread that woke it.
///
/// Why: a site's threads hand work to each other all the time, and so do
/// the sites of a group on one host. The master's committer sends each
/// transaction to every other site and then flushes its log; under the
/// default policy each send woke the receiving site's thread, which took
/// the committer's CPU on the spot, so its flush (and the next
/// transaction) waited: 2.1 preemptions per transaction at 64 connections.
/// Under `SCHED_BATCH`, 0.35; a commit took 1.03 against 1.16 ms, and
/// durable writes through a front-end ran faster in four of five sets of
/// alternating runs (medians +10%, +2.4%, +8.8%, -1.8%, +7.7%); replica
/// reads did not lose (+5%). A thread that wakes still runs as soon as a CPU is
/// free, and within one scheduler slice (a few milliseconds) when none is.
///
/// A policy or niceness the operator chose (systemd's
/// `CPUSchedulingPolicy=`/`Nice=`, chrt, nice) is kept; a kernel that
/// refuses is logged and the site runs as it was started.
fn batch_scheduling() {
    use thread_priority::{NormalThreadSchedulePolicy as Normal, ThreadSchedulePolicy as Policy};
    if !matches!(thread_priority::thread_schedule_policy(), Ok(Policy::Normal(Normal::Other))) || niceness() != Some(0)
    {
        tracing::debug!("keeping the scheduling policy and niceness this site was started with");
        return;
    }
    let result = thread_priority::set_thread_priority_and_policy(
        thread_priority::thread_native_id(),
        niceness_zero(),
        Policy::Normal(Normal::Batch),
    );
    match result {
        Ok(()) if niceness() == Some(0) => tracing::debug!("threads run under SCHED_BATCH"),
        Ok(()) => tracing::warn!(nice = ?niceness(), "SCHED_BATCH changed this site's niceness"),
        Err(err) => tracing::info!(%err, "the kernel refused SCHED_BATCH; running under the default policy"),
    }
}

/// `thread_priority` sets a normal policy's niceness with the policy; its
/// cross-platform value 48 is niceness 0 (the test below pins it).
fn niceness_zero() -> thread_priority::ThreadPriority {
    thread_priority::ThreadPriority::Crossplatform(48u8.try_into().expect("48 is a priority value"))
}

/// This thread's niceness (`/proc/thread-self/stat`, field 19).
fn niceness() -> Option<i32> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // The command name, in parentheses, may hold spaces: count after it.
    stat.rsplit_once(')')?.1.split_whitespace().nth(16)?.parse().ok()
}

/// Every HTTP connection and every replication peer is a descriptor, and a
/// shell's soft limit (often 1,024) is far below what a site serving many
/// clients needs, while the hard limit (often 524,288) is what the
/// administrator allows: raise the soft limit to the hard one, as nginx's
/// `worker_rlimit_nofile` or Go's runtime do. Under systemd the hard limit
/// is the unit's `LimitNOFILE=` (524,288 by default since systemd 240).
fn raise_open_files_limit() {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    match getrlimit(Resource::RLIMIT_NOFILE) {
        Ok((soft, hard)) if soft < hard => match setrlimit(Resource::RLIMIT_NOFILE, hard, hard) {
            Ok(()) => tracing::info!(from = soft, to = hard, "raised the open-files limit to the hard limit"),
            Err(err) => tracing::warn!(%err, soft, hard, "could not raise the open-files limit"),
        },
        Ok(_) => {}
        Err(err) => tracing::warn!(%err, "could not read the open-files limit"),
    }
}

async fn run_site(config: Config) -> Result<(), DaemonError> {
    let intents = signals::listen()?;
    // After the signal handlers: whoever sees the raised limit (a test, an
    // operator) may already stop the site with SIGTERM and get a clean exit.
    raise_open_files_limit();
    let started = Instant::now();
    if let Some(FrontMode::Proxy { backends }) = &config.front {
        let backends = backends.iter().map(ToString::to_string).collect();
        return run_proxy(config, backends, intents, started).await;
    }
    tracing::info!(name = %config.name, role = %config.role, data_dir = %config.data_dir.display(), "starting fishd {}", env!("CARGO_PKG_VERSION"));
    let r = &config.replication;
    if r.insecure && r.tls.is_none() && !r.listen.is_loopback() {
        tracing::warn!(
            fish_event = "insecure_replication",
            listen = %r.listen,
            "replication on {} without TLS ([replication] insecure = true): anyone who reaches it can join the group and read every write",
            r.listen
        );
    }
    let (store, events) = open_store(&config).await?;
    crate::http::remove_unfinished_backups(&config.data_dir);
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "store open, recovery done");
    let addr = config.http.listen.to_string();
    let listener = crate::http::bind(&addr).await.map_err(|source| DaemonError::Bind { addr: addr.clone(), source })?;
    tracing::info!(http = %addr, "serving HTTP");

    let running = Arc::new(Running::new(config));
    let shutdown = CancellationToken::new();
    let group = Arc::new(Group::start(Arc::clone(&store), Arc::clone(&running), events, shutdown.clone()));
    group.watch_disk(shutdown.clone());
    let (forwarder, tls) = http_parts(&running.get())?;
    let app = Arc::new_cyclic(|me| App {
        me: me.clone(),
        store: Some(Arc::clone(&store)),
        config: running,
        group,
        forwarder,
        tls,
        token_waits: Default::default(),
        keepalives: Default::default(),
        watches: Default::default(),
        started,
    });
    let threads = if app.config().role == Role::Front { http::Threads::PerCore } else { http::Threads::Shared };
    let served = serve_until_shutdown(Arc::clone(&app), listener, intents, shutdown, threads).await;

    tracing::info!("HTTP stopped; closing replication and the store");
    drop(app);
    close_store(store).await;
    served.map_err(DaemonError::HttpThreads)?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// Steps 2-4 of the sequence: serves until a shutdown signal, then waits
/// for every background task; afterwards only `app` itself holds the store.
async fn serve_until_shutdown(
    app: Arc<App>,
    listener: TcpListener,
    intents: tokio::sync::mpsc::UnboundedReceiver<Intent>,
    shutdown: CancellationToken,
    threads: http::Threads,
) -> std::io::Result<()> {
    let intents = tokio::spawn(handle_intents(intents, shutdown.clone(), Arc::clone(&app)));
    let notifier = tokio::spawn(notify_systemd(Arc::clone(&app), shutdown.clone()));
    let served = http::serve(listener, Arc::clone(&app), shutdown.clone(), DRAIN, threads).await;
    shutdown.cancel(); // when serving failed, everything else must stop too
    let _ = notifier.await;
    app.group.stop().await;
    // Listening to signals ends last: a second SIGTERM during any part of
    // the shutdown still exits at once.
    intents.abort();
    let _ = intents.await;
    served
}

/// Step 5: the final checkpoint, then the environment's close (which closes
/// repmgr). If something still holds the store (a bug), the checkpoint
/// still runs and the process exit closes the rest.
async fn close_store(store: Arc<Store>) {
    let closed = tokio::task::spawn_blocking(move || {
        let checkpoint = store.shutdown();
        match Arc::try_unwrap(store) {
            Ok(store) => {
                drop(store);
                tracing::info!(
                    fish_event = "replication_closed",
                    "left the replication group and closed the environment"
                );
            }
            Err(still) => tracing::warn!(
                holders = Arc::strong_count(&still) - 1,
                "the store is still in use at shutdown; exiting without closing the environment"
            ),
        }
        checkpoint
    })
    .await;
    match closed {
        Ok(Ok(())) => {}
        Ok(Err(err)) => tracing::warn!(%err, "final checkpoint failed; the next start runs recovery"),
        Err(err) => tracing::warn!(%err, "final checkpoint task failed"),
    }
}

/// READY=1 the first time the site is usable, STATUS= on every change of
/// role or master, and WATCHDOG=1 (when systemd asks for it) only while
/// the event loop runs and Berkeley DB answers.
async fn notify_systemd(app: Arc<App>, shutdown: CancellationToken) {
    let watchdog =
        systemd::watchdog_interval().map(|every| tokio::spawn(watchdog(Arc::clone(&app), every, shutdown.clone())));
    notify_changes(&app, &shutdown).await;
    if let Some(task) = watchdog {
        let _ = task.await;
    }
}

async fn notify_changes(app: &App, shutdown: &CancellationToken) {
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
        if !matches!(shutdown.run_until_cancelled(views.changed()).await, Some(Ok(()))) {
            return;
        }
    }
}

async fn watchdog(app: Arc<App>, every: Duration, shutdown: CancellationToken) {
    while shutdown.run_until_cancelled(tokio::time::sleep(every)).await.is_some() {
        let group = Arc::clone(&app.group);
        let probe = tokio::task::spawn_blocking(move || group.responsive());
        let responsive = matches!(tokio::time::timeout(every, probe).await, Ok(Ok(true)));
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

/// The forwarder and the listener's TLS, from `[http]`; says at every
/// start what protects the API (and what does not).
fn http_parts(config: &Config) -> Result<(http::Forwarder, Option<http::tls::ServerTls>), DaemonError> {
    let forwarder = http::Forwarder::new(config).map_err(DaemonError::HttpTls)?;
    let tls = config.http.tls.as_ref().map(http::tls::ServerTls::load).transpose().map_err(DaemonError::HttpTls)?;
    let h = &config.http;
    match &h.tokens {
        Some(tokens) => {
            tracing::info!(file = %tokens.path().display(), credentials = tokens.summary(), "the API needs a token")
        }
        None if h.insecure && !h.listen.is_loopback() => tracing::warn!(
            fish_event = "insecure_http",
            listen = %h.listen,
            "[http] insecure = true: anyone who reaches {} can read, write and delete every key",
            h.listen
        ),
        None => {}
    }
    if tls.is_none() && !h.listen.is_loopback() {
        tracing::warn!(
            fish_event = "http_without_tls",
            listen = %h.listen,
            "the API on {} is plain HTTP: tokens and values cross the network in clear text; set [http.tls]",
            h.listen
        );
    }
    Ok((forwarder, tls))
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
    let listener = crate::http::bind(&addr).await.map_err(|source| DaemonError::Bind { addr: addr.clone(), source })?;
    tracing::info!(http = %addr, "serving HTTP");
    let shutdown = CancellationToken::new();
    let group = Arc::new(Group::follow(&config, backends, shutdown.clone()));
    let (forwarder, tls) = http_parts(&config)?;
    let app = Arc::new_cyclic(|me| App {
        me: me.clone(),
        store: None,
        config: Arc::new(Running::new(config)),
        group,
        forwarder,
        tls,
        token_waits: Default::default(),
        keepalives: Default::default(),
        watches: Default::default(),
        started,
    });
    serve_until_shutdown(app, listener, intents, shutdown, http::Threads::PerCore)
        .await
        .map_err(DaemonError::HttpThreads)?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// Opens the store with replication configured; the events feed the group.
async fn open_store(config: &Config) -> Result<(Arc<Store>, replication::Events), DaemonError> {
    let dir = config.data_dir.clone();
    let mut opts = StoreOptions::for_site(config);
    let events = replication::configure(config, &mut opts, crate::store::is_fresh(&dir))
        .map_err(|e| DaemonError::Tls(e.to_string()))?;
    let opened = tokio::task::spawn_blocking(move || Store::open(&dir, &opts)).await.map_err(std::io::Error::other)?;
    let store = opened.map_err(|source| DaemonError::Store { dir: config.data_dir.display().to_string(), source })?;
    Ok((Arc::new(store), events))
}

/// First shutdown signal: graceful. Second: exit at once (the environment is
/// recovered at the next start, so no committed write is lost).
async fn handle_intents(
    mut intents: tokio::sync::mpsc::UnboundedReceiver<Intent>,
    shutdown: CancellationToken,
    app: Arc<App>,
) {
    let mut stopping = false;
    while let Some(intent) = intents.recv().await {
        match intent {
            Intent::Shutdown { signal } if stopping => {
                tracing::warn!(signal, "second shutdown signal: exiting now");
                std::process::exit(1);
            }
            Intent::Shutdown { signal } => {
                stopping = true;
                systemd::stopping();
                // A master hands mastership over first, while it still
                // serves: the writes that wait meanwhile go to the new
                // master, so a planned restart costs clients no error.
                let (app, shutdown) = (Arc::clone(&app), shutdown.clone());
                tokio::spawn(async move {
                    if app.group.role() == replication::Role::Master {
                        let _ =
                            app.group.hand_over(None, replication::handover::Reason::Shutdown, HOLD_OFF_AT_EXIT).await;
                    }
                    tracing::info!(signal, "shutting down: no new requests, finishing in-flight ones");
                    shutdown.cancel();
                });
            }
            Intent::Reload => {
                let app = Arc::clone(&app);
                // Reading the file and calling Berkeley DB setters: off the async workers.
                let _ = tokio::task::spawn_blocking(move || crate::reload::reload(&app)).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// A thread of its own, so the test process keeps its policy.
    #[test]
    fn batch_scheduling_keeps_niceness_zero_and_an_operators_choice() {
        std::thread::spawn(|| {
            assert_eq!(super::niceness(), Some(0), "tests start at niceness 0");
            super::batch_scheduling();
            assert_eq!(super::niceness(), Some(0));
            let policy = thread_priority::thread_schedule_policy().unwrap();
            let batch =
                thread_priority::ThreadSchedulePolicy::Normal(thread_priority::NormalThreadSchedulePolicy::Batch);
            assert_eq!(policy, batch);
            // A thread started after it inherits it.
            let child = std::thread::spawn(thread_priority::thread_schedule_policy).join().unwrap().unwrap();
            assert_eq!(child, batch);
        })
        .join()
        .unwrap();
        std::thread::spawn(|| {
            let other =
                thread_priority::ThreadSchedulePolicy::Normal(thread_priority::NormalThreadSchedulePolicy::Other);
            let lower = thread_priority::ThreadPriority::Crossplatform(36u8.try_into().unwrap());
            thread_priority::set_thread_priority_and_policy(thread_priority::thread_native_id(), lower, other).unwrap();
            let nice = super::niceness().unwrap();
            assert!(nice > 0, "niceness {nice}");
            super::batch_scheduling();
            assert_eq!(super::niceness(), Some(nice), "an operator's niceness stays");
            assert_eq!(thread_priority::thread_schedule_policy().unwrap(), other, "and so does the policy");
        })
        .join()
        .unwrap();
    }
}
