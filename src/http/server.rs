//! The accept loop and the threads that serve connections.
//!
//! On a front-end, connections are served by one single-threaded tokio
//! runtime per core, threads named `fish-http-N`, the way nginx runs one
//! worker per core: the thread that owns a connection parses, answers and
//! writes all of its requests, with no hand-off to another thread. A
//! front-end's requests are replica reads answered on the spot and
//! forwards, so the HTTP threads are its busiest ones; on the
//! multi-threaded runtime, task stealing and cross-thread wake-ups cost
//! about a seventh of its replica-read throughput on 2 cores
//! (docs/performance.md). One acceptor on the caller's runtime deals the
//! connections out round-robin.
//!
//! A back-end serves its connections on the daemon's multi-threaded
//! runtime instead ([`Threads::Shared`]). Its requests mostly wait for the
//! committer and Berkeley DB's replication threads, which compete with the
//! HTTP threads for the cores; a pinned connection then waits for its busy
//! thread, where work stealing lets the idle one take it. Side by side,
//! writes at 64 connections were 1-10% slower with per-core threads on the
//! back-ends.
//!
//! Everything else (replication watching, signals, systemd) stays on the
//! daemon's multi-threaded runtime. Store calls that may block go to a
//! blocking pool (on a front-end, its HTTP thread's own); a handler that
//! waits (on a forward, a commit, a token) only parks its own task.
//!
//! Limits: at most `[http] max_connections` connections are served at
//! once (the acceptor waits for one to close; further clients wait in the
//! kernel's accept queue, as deep as `net.core.somaxconn` allows, see
//! [`LISTEN_BACKLOG`]); a connection must send a request's head within
//! 30 s, which also closes idle keep-alive connections; a body must arrive
//! within `body_timeout_ms` (408); a write of the answer that makes no
//! progress for `response_timeout_ms` closes the connection, so a client
//! that stops reading (a backup, say) releases what it held.
//!
//! With `[http.tls]`, each connection's TLS handshake runs on its HTTP
//! thread, bounded by the head timeout (`tls`).
//!
//! Closing: a site that closes a connection first stops sending, then
//! reads and drops what the client still sends, until the client closes,
//! nothing arrives for [`LINGER_IDLE`], or [`LINGER_AT_MOST`] has passed
//! ([`Lingering`], nginx's lingering close). A request refused on its
//! `Content-Length` (413) leaves its body unread, and closing a socket with
//! unread data makes the kernel reset the connection: the client, still
//! sending, saw a broken pipe instead of the answer.
//!
//! Shutting down: the acceptor stops, every thread stops taking new
//! connections and asks its connections to close once their in-flight
//! request is answered, all threads at once, for at most `drain`.

use std::convert::Infallible;
use std::num::NonZeroUsize;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::{Duration, Instant};

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::{GracefulShutdown, Watcher};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc, oneshot};
use tokio_util::sync::CancellationToken;

use super::{App, route};

/// Slow clients get this long to send their request headers.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// A closing connection reads what its client still sends until nothing
/// has come for this long, ...
const LINGER_IDLE: Duration = Duration::from_millis(500);
/// ... or for at most this long in all.
const LINGER_AT_MOST: Duration = Duration::from_secs(2);

/// The listen backlog asked for; the kernel caps it at
/// `net.core.somaxconn` (4096 on current Linux), as Go servers such as etcd
/// get. tokio's default, 1024, overflowed when a few thousand clients
/// connected at once (a fleet reconnecting after a failover, or the abuse
/// test): the kernel fell back to SYN cookies, and clients whose cookie
/// failed got a reset for the request they had sent.
const LISTEN_BACKLOG: u32 = 65_535;

/// Binds the HTTP listener on `addr` (the first of its addresses that
/// binds), with [`LISTEN_BACKLOG`].
pub async fn bind(addr: &str) -> std::io::Result<TcpListener> {
    let mut last = None;
    for sa in tokio::net::lookup_host(addr).await? {
        let socket = if sa.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
        // As TcpListener::bind: a restarted fishd rebinds at once.
        socket.set_reuseaddr(true)?;
        match socket.bind(sa).and_then(|()| socket.listen(LISTEN_BACKLOG)) {
            Ok(listener) => return Ok(listener),
            Err(err) => last = Some(err),
        }
    }
    Err(last.unwrap_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("{addr} resolves to no address"))
    }))
}

/// Which threads serve the connections (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threads {
    /// One single-threaded runtime per core: front-ends.
    PerCore,
    /// The caller's multi-threaded runtime: back-ends.
    Shared,
}

/// Serves until `shutdown` fires, then stops accepting and gives in-flight
/// requests up to `drain` to finish. Fails only when the HTTP threads cannot
/// be started; no connection has been accepted then.
pub async fn serve(
    listener: TcpListener,
    app: Arc<App>,
    shutdown: CancellationToken,
    drain: Duration,
    threads: Threads,
) -> std::io::Result<()> {
    let threads = match threads {
        Threads::Shared => vec![HttpThread::shared(Arc::clone(&app), drain)],
        Threads::PerCore => {
            let count = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
            tracing::debug!(threads = count, "starting one HTTP thread per core");
            (0..count).map(|i| HttpThread::start(i, Arc::clone(&app), drain)).collect::<Result<Vec<_>, _>>()?
        }
    };
    let mut next = 0;
    let slots = Arc::new(Semaphore::new(app.config().http.max_connections));
    // Logged once each time the slots run out, not once per waiting client.
    let mut full = false;
    loop {
        let slot = match Arc::clone(&slots).try_acquire_owned() {
            Ok(slot) => {
                full = false;
                slot
            }
            Err(_) => {
                if !std::mem::replace(&mut full, true) {
                    tracing::warn!(
                        fish_event = "http_connections_full",
                        max = app.config().http.max_connections,
                        "every connection slot is taken ([http] max_connections); new clients wait"
                    );
                }
                crate::metrics::get().limited("max_connections");
                tokio::select! {
                    slot = Arc::clone(&slots).acquire_owned() => slot.expect("the semaphore is never closed"),
                    () = shutdown.cancelled() => break,
                }
            }
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(err) => {
                    // Typically EMFILE: back off instead of spinning.
                    tracing::warn!(%err, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = shutdown.cancelled() => break,
        };
        let _ = stream.set_nodelay(true);
        match stream.into_std() {
            Ok(stream) => threads[next].take(stream, slot),
            Err(err) => tracing::warn!(%err, "handing a connection to an HTTP thread failed"),
        }
        next = (next + 1) % threads.len();
    }
    drop(listener);
    // Watches never end by themselves: each gets its last line now.
    app.watches.stop();
    // Every thread starts draining before any is waited for.
    let finishing: Vec<_> = threads.into_iter().map(HttpThread::finish).collect();
    let mut drained = true;
    for done in finishing {
        drained &= done.await.unwrap_or(false);
    }
    if drained {
        tracing::info!("all connections drained");
    } else {
        tracing::warn!(drain_ms = drain.as_millis() as u64, "in-flight requests still running at the drain deadline");
    }
    Ok(())
}

/// One HTTP thread, whose runtime serves the connections it is handed, or
/// the shared runtime taking that part.
struct HttpThread {
    connections: mpsc::UnboundedSender<(std::net::TcpStream, OwnedSemaphorePermit)>,
    /// True once every connection closed before the drain deadline.
    done: oneshot::Receiver<bool>,
}

impl HttpThread {
    fn start(index: usize, app: Arc<App>, drain: Duration) -> std::io::Result<HttpThread> {
        // Built here, so that failing to build surfaces to the caller.
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        let (connections, incoming) = mpsc::unbounded_channel();
        let (done_tx, done) = oneshot::channel();
        std::thread::Builder::new().name(format!("fish-http-{index}")).spawn(move || {
            let (drained, deadline) = runtime.block_on(serve_connections(incoming, app, drain));
            // Blocking store calls still running get what is left of the drain.
            runtime.shutdown_timeout(deadline.saturating_duration_since(Instant::now()));
            let _ = done_tx.send(drained);
        })?;
        Ok(HttpThread { connections, done })
    }

    /// Serves on the caller's (multi-threaded) runtime.
    fn shared(app: Arc<App>, drain: Duration) -> HttpThread {
        let (connections, incoming) = mpsc::unbounded_channel();
        let (done_tx, done) = oneshot::channel();
        tokio::spawn(async move {
            let (drained, _) = serve_connections(incoming, app, drain).await;
            let _ = done_tx.send(drained);
        });
        HttpThread { connections, done }
    }

    fn take(&self, stream: std::net::TcpStream, slot: OwnedSemaphorePermit) {
        if self.connections.send((stream, slot)).is_err() {
            tracing::warn!("an HTTP thread has stopped; dropping a new connection");
        }
    }

    /// Stops handing this thread connections, which starts its drain.
    fn finish(self) -> oneshot::Receiver<bool> {
        self.done
    }
}

/// Serves each connection handed over until the hand-over channel closes,
/// then drains them: whether all closed within `drain`, and the drain's
/// deadline.
async fn serve_connections(
    mut incoming: mpsc::UnboundedReceiver<(std::net::TcpStream, OwnedSemaphorePermit)>,
    app: Arc<App>,
    drain: Duration,
) -> (bool, Instant) {
    let graceful = GracefulShutdown::new();
    while let Some((stream, slot)) = incoming.recv().await {
        let stream = match TcpStream::from_std(stream) {
            Ok(stream) => stream,
            Err(err) => {
                tracing::warn!(%err, "registering a connection with its HTTP thread failed");
                continue;
            }
        };
        let peer = stream.peer_addr().ok().map(super::auth::Peer);
        let response_timeout = app.config().http.response_timeout;
        let mut stream = tokio_io_timeout::TimeoutStream::new(stream);
        stream.set_write_timeout(Some(response_timeout));
        let stream = Lingering::new(Box::pin(stream));
        match &app.tls {
            None => serve_one(TokioIo::new(stream), &app, peer, graceful.watcher(), slot),
            Some(tls) => {
                let (acceptor, app, watcher) = (tls.acceptor(), Arc::clone(&app), graceful.watcher());
                tokio::spawn(async move {
                    match tokio::time::timeout(HEADER_READ_TIMEOUT, acceptor.accept(stream)).await {
                        Ok(Ok(tls)) => serve_one(TokioIo::new(tls), &app, peer, watcher, slot),
                        Ok(Err(err)) => tracing::debug!(%err, ?peer, "TLS handshake failed"),
                        Err(_) => tracing::debug!(?peer, "TLS handshake timed out"),
                    }
                });
            }
        }
    }
    let deadline = Instant::now() + drain;
    let drained = tokio::time::timeout_at(deadline.into(), graceful.shutdown()).await.is_ok();
    (drained, deadline)
}

/// Serves one connection (plain or TLS) on this thread until it closes,
/// holding its connection slot.
fn serve_one<IO>(
    io: TokioIo<IO>,
    app: &Arc<App>,
    peer: Option<super::auth::Peer>,
    graceful: Watcher,
    slot: OwnedSemaphorePermit,
) where
    IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let app = Arc::clone(app);
    let service = service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
        let app = Arc::clone(&app);
        let mut req = req.map(super::ReqBody::Wire);
        if let Some(peer) = peer {
            req.extensions_mut().insert(peer);
        }
        req.extensions_mut().insert(super::request::BodyTimeout(app.config().http.body_timeout));
        async move { Ok::<_, Infallible>(route(&app, req).await) }
    });
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .serve_connection(io, service);
    let conn = graceful.watch(conn);
    let metrics = crate::metrics::get();
    metrics.http_connections.inc();
    tokio::spawn(async move {
        if let Err(err) = conn.await {
            tracing::debug!(%err, "connection ended with an error");
        }
        metrics.http_connections.dec();
        drop(slot);
    });
}

/// A connection's stream that closes lingering (see the module docs): its
/// `poll_shutdown`, which hyper calls once it has sent its last answer,
/// ends the sending side, then drains the receiving side within bounds.
struct Lingering<S> {
    inner: S,
    closing: Option<Linger>,
}

struct Linger {
    /// The next moment the drain gives up: nothing for `LINGER_IDLE`, or
    /// `until`.
    timer: Pin<Box<tokio::time::Sleep>>,
    until: tokio::time::Instant,
}

impl<S> Lingering<S> {
    fn new(inner: S) -> Lingering<S> {
        Lingering { inner, closing: None }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Lingering<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for Lingering<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = &mut *self;
        let linger = match &mut this.closing {
            Some(linger) => linger,
            closing @ None => {
                ready!(Pin::new(&mut this.inner).poll_shutdown(cx))?;
                let now = tokio::time::Instant::now();
                let timer = Box::pin(tokio::time::sleep_until(now + LINGER_IDLE));
                closing.insert(Linger { timer, until: now + LINGER_AT_MOST })
            }
        };
        let mut scratch = [0u8; 8192];
        // Reads per turn: a client that sends as fast as it can does not
        // keep the HTTP thread from its other connections.
        let mut turn = 16;
        loop {
            let mut buf = ReadBuf::new(&mut scratch);
            match Pin::new(&mut this.inner).poll_read(cx, &mut buf) {
                // Data: wait for more, up to the bounds.
                Poll::Ready(Ok(())) if !buf.filled().is_empty() => {
                    let now = tokio::time::Instant::now();
                    if now >= linger.until {
                        return Poll::Ready(Ok(()));
                    }
                    linger.timer.as_mut().reset((now + LINGER_IDLE).min(linger.until));
                    turn -= 1;
                    if turn == 0 {
                        cx.waker().wake_by_ref();
                        return Poll::Pending;
                    }
                }
                // The client closed (or the connection failed): done.
                Poll::Ready(_) => return Poll::Ready(Ok(())),
                Poll::Pending => {
                    ready!(linger.timer.as_mut().poll(cx));
                    return Poll::Ready(Ok(()));
                }
            }
        }
    }
}
