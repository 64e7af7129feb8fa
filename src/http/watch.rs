//! `GET /v1/watch?prefix=P&since=REV`: every change to keys under `P` after
//! revision `REV`, in commit order, as newline-delimited JSON, for as long
//! as the client stays.
//!
//! Lines (one JSON object each):
//! - `{"type":"put","revision":R,"txn":T,"key":K,"value":V,"version":N}`
//! - `{"type":"delete","revision":R,"txn":T,"key":K}`
//! - `{"type":"expire","revision":R,"txn":T,"key":K,"lease":L}`: deleted
//!   because lease `L` expired or was revoked
//!
//! `txn` is the revision of the first change of the transaction: changes
//! with the same `txn` were committed together (all of a lease's keys
//! expire in one).
//! - `{"type":"progress","revision":R}`: every change up to `R` has been
//!   sent (or did not match the prefix); sent once the past is caught up
//!   and then every `[watch] progress_ms`.
//! - `{"type":"cut_off","reason":...,"since":R}`: the last line: the site
//!   is stopping, the watcher fell too far behind, or the history it needs
//!   was trimmed. Watch again with `since=R` (here or on any other site)
//!   and nothing is skipped or repeated.
//!
//! Keys and values that are not UTF-8 are base64 with `key_encoding` /
//! `value_encoding: "base64"`, as on `/v1/kv`.
//!
//! Without `since` the watch starts at the site's current revision. A
//! `since` older than the log's history answers `410 compacted` with
//! `oldest`, the oldest revision still available. Any site with a replica
//! serves watches; it shows only changes a quorum acknowledged, so a
//! watcher never sees a change that a failover rolls back (see
//! `store::feed`). The past is read from the change log; the present comes
//! from the site's one feed, shared by every watcher. A watcher that does
//! not keep up is cut off, never buffered without bound: the connection
//! holds at most a few stretches of the log in flight.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::{BufMut, Bytes, BytesMut};
use http_body_util::{BodyExt, StreamBody};
use hyper::body::Frame;
use hyper::header::{self, HeaderValue};
use hyper::{Request, Response, StatusCode};
use serde_json::json;
use tokio::sync::{broadcast, mpsc};
use tokio_util::sync::CancellationToken;

use super::App;
use super::Resp;
use super::error::ApiError;
use super::request::{self, ReqBody, blocking};
use crate::store::Store;
use crate::store::changes::{Change, ChangeKind};
use crate::store::feed::{Event, STRETCH_BYTES, STRETCH_CHANGES};

/// Frames a watcher's connection holds in flight before its task waits
/// (and, falling behind the feed, is cut off).
const IN_FLIGHT: usize = 4;

/// This site's watchers: how many, and the token that ends them all when
/// the site stops.
#[derive(Default)]
pub struct Watches {
    count: AtomicUsize,
    stop: CancellationToken,
}

impl Watches {
    /// Ends every watch (with a `cut_off` line), so the server can drain.
    pub fn stop(&self) {
        self.stop.cancel();
    }
}

/// Counts a watcher for as long as it lives.
struct Watching(Arc<Watches>);

impl Drop for Watching {
    fn drop(&mut self) {
        self.0.count.fetch_sub(1, Ordering::Relaxed);
        crate::metrics::get().watchers.dec();
    }
}

pub async fn watch(app: &App, req: Request<ReqBody>) -> Result<Resp, ApiError> {
    let params = request::query(&req, &["prefix", "since"])?;
    let prefix = params.iter().find(|(n, _)| n == "prefix").map(|(_, v)| v.to_vec()).unwrap_or_default();
    let since = match request::param_text(&params, "since")? {
        None => None,
        Some(s) => Some(s.parse::<u64>().map_err(|_| {
            ApiError::bad_request("invalid_argument", format!("since {s:?} is not a revision (a whole number)"))
        })?),
    };
    let store = app.store.clone().ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            "no_replica",
            "a proxy front-end holds no replica and serves no watches: watch a back-end or a member front-end",
        )
    })?;
    // A site that just started (or opened its databases again) follows the
    // log within a few milliseconds.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(2);
    while !store.feed.available() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    if !store.feed.available() {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "no_change_log",
            "this site has no change log yet (its master runs an older Fish, or it is still joining)",
        )
        .with_header(header::RETRY_AFTER, "1"));
    }
    let config = app.config();
    if app.watches.count.fetch_add(1, Ordering::Relaxed) >= config.watch.max_watchers {
        app.watches.count.fetch_sub(1, Ordering::Relaxed);
        crate::metrics::get().limited("max_watchers");
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "too_many_watchers",
            format!(
                "{} watchers are already served here ([watch] max_watchers); watch another site",
                config.watch.max_watchers
            ),
        )
        .with_header(header::RETRY_AFTER, "1"));
    }
    crate::metrics::get().watchers.inc();
    let watching = Watching(Arc::clone(&app.watches));
    let (rx, horizon) = store.feed.subscribe();
    let since = since.unwrap_or(horizon);
    if since < horizon {
        let oldest = {
            let store = Arc::clone(&store);
            blocking(move || store.oldest_change()).await?
        };
        if let Some(oldest) = oldest.filter(|&o| since + 1 < o) {
            return Err(compacted(since, oldest));
        }
    }
    let (tx, frames) = mpsc::channel::<Bytes>(IN_FLIGHT);
    let stream = Stream { store, prefix, seen: since, tx, progress: config.watch.progress, _watching: watching };
    tokio::spawn(stream.run(rx, horizon, app.watches.stop.clone()));
    let body = StreamBody::new(tokio_stream::wrappers::ReceiverStream::new(frames).map(|b| Ok(Frame::data(b))));
    let mut resp = Response::new(BodyExt::boxed(body));
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-ndjson"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(resp)
}

use tokio_stream::StreamExt as _;

fn compacted(since: u64, oldest: u64) -> ApiError {
    ApiError::new(
        StatusCode::GONE,
        "compacted",
        format!(
            "revision {} is no longer in the change log (it keeps [watch] history revisions); the oldest is {oldest}",
            since + 1
        ),
    )
    .with_detail(json!({ "oldest": oldest }))
}

/// One watcher's stream.
struct Stream {
    store: Arc<Store>,
    prefix: Vec<u8>,
    /// Every revision up to here has been sent or skipped.
    seen: u64,
    tx: mpsc::Sender<Bytes>,
    progress: std::time::Duration,
    _watching: Watching,
}

/// Why a watch ended early, for its last line and the metrics.
enum Cut {
    Stopping,
    TooSlow,
    Compacted,
    /// The feed went on without this watcher (it could not read a stretch
    /// of the log in time): the watcher resumes from the log.
    Skipped,
    /// The client went away, or the store failed: nothing more to say.
    Gone,
}

impl Stream {
    async fn run(mut self, mut rx: broadcast::Receiver<Arc<Vec<Event>>>, horizon: u64, stop: CancellationToken) {
        let cut = match self.serve(&mut rx, horizon, &stop).await {
            Ok(()) => return,
            Err(cut) => cut,
        };
        let reason = match cut {
            Cut::Stopping => "the site is stopping",
            Cut::TooSlow => "the watcher fell too far behind the site",
            Cut::Compacted => "the history the watcher needs was trimmed",
            Cut::Skipped => "the site's feed went on without this watcher",
            Cut::Gone => return,
        };
        crate::metrics::get().watch_cut_off(match cut {
            Cut::Stopping => "stopping",
            Cut::TooSlow => "too_slow",
            Cut::Skipped => "skipped",
            _ => "compacted",
        });
        let mut line = serde_json::to_vec(&json!({ "type": "cut_off", "reason": reason, "since": self.seen }))
            .expect("JSON of plain values");
        line.push(b'\n');
        let _ = self.tx.send(line.into()).await;
    }

    async fn serve(
        &mut self,
        rx: &mut broadcast::Receiver<Arc<Vec<Event>>>,
        horizon: u64,
        stop: &CancellationToken,
    ) -> Result<(), Cut> {
        // The past, from the log.
        while self.seen < horizon {
            let (store, after) = (Arc::clone(&self.store), self.seen);
            let changes = blocking(move || store.changes_between(after, horizon, STRETCH_CHANGES, STRETCH_BYTES))
                .await
                .map_err(|_| Cut::Gone)?;
            if changes.first().is_none_or(|c| c.revision != after + 1) {
                return Err(Cut::Compacted);
            }
            let mut out = BytesMut::new();
            for change in &changes {
                if change.key.starts_with(&self.prefix) {
                    out.put_slice(&line(change));
                }
                self.seen = change.revision;
            }
            self.send(out.freeze(), stop).await?;
        }
        self.send_progress(stop).await?;
        // The present, from the feed.
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + self.progress, self.progress);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                () = stop.cancelled() => return Err(Cut::Stopping),
                () = self.tx.closed() => return Err(Cut::Gone),
                _ = tick.tick() => self.send_progress(stop).await?,
                got = rx.recv() => match got {
                    Ok(stretch) => self.send_stretch(&stretch, stop).await?,
                    Err(broadcast::error::RecvError::Lagged(_)) => return Err(Cut::TooSlow),
                    Err(broadcast::error::RecvError::Closed) => return Err(Cut::Stopping),
                },
            }
        }
    }

    async fn send_stretch(&mut self, stretch: &[Event], stop: &CancellationToken) -> Result<(), Cut> {
        let mut out = BytesMut::new();
        let mut sent = 0u64;
        for event in stretch {
            let revision = event.change.revision;
            if revision <= self.seen {
                continue; // read from the log already
            }
            if revision != self.seen + 1 {
                return Err(Cut::Skipped);
            }
            if event.change.key.starts_with(&self.prefix) {
                out.put_slice(event.line.get_or_init(|| line(&event.change)));
                sent += 1;
            }
            self.seen = revision;
        }
        let m = crate::metrics::get();
        m.watch_lag.observe(self.store.feed.horizon().saturating_sub(self.seen) as f64);
        m.watch_events.inc_by(sent);
        self.send(out.freeze(), stop).await
    }

    async fn send_progress(&mut self, stop: &CancellationToken) -> Result<(), Cut> {
        let mut line =
            serde_json::to_vec(&json!({ "type": "progress", "revision": self.seen })).expect("JSON of plain values");
        line.push(b'\n');
        self.send(line.into(), stop).await
    }

    async fn send(&self, frame: Bytes, stop: &CancellationToken) -> Result<(), Cut> {
        if frame.is_empty() {
            return Ok(());
        }
        tokio::select! {
            sent = self.tx.send(frame) => sent.map_err(|_| Cut::Gone),
            () = stop.cancelled() => Err(Cut::Stopping),
        }
    }
}

/// One change as a line of JSON.
fn line(change: &Change) -> Bytes {
    let mut obj = serde_json::Map::new();
    let kind = match change.kind {
        ChangeKind::Put { .. } => "put",
        ChangeKind::Delete => "delete",
        ChangeKind::Expire { .. } => "expire",
    };
    obj.insert("type".into(), kind.into());
    obj.insert("revision".into(), change.revision.into());
    obj.insert("txn".into(), change.txn.into());
    crate::api::encoding::put_bytes(&mut obj, "key", &change.key);
    match &change.kind {
        ChangeKind::Put { value, version } => {
            crate::api::encoding::put_bytes(&mut obj, "value", value);
            obj.insert("version".into(), (*version).into());
        }
        ChangeKind::Expire { lease } => {
            obj.insert("lease".into(), (*lease).into());
        }
        ChangeKind::Delete => {}
    }
    let mut out = serde_json::to_vec(&serde_json::Value::Object(obj)).expect("JSON of plain values");
    out.push(b'\n');
    out.into()
}
