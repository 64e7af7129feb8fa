//! `fishctl bench`: an HTTP load generator for Fish's API.
//!
//! Each of `connections` workers owns one keep-alive HTTP/1.1 connection
//! (hyper's `client::conn`, no pool in between) and sends its next request
//! as soon as the previous answer is read: a closed loop at fixed
//! concurrency, like wrk. A run ends after `duration` or once `ops`
//! operations have been started, whichever comes first. Every operation's
//! latency goes into a per-worker HDR histogram (microseconds, 3
//! significant digits), merged at the end; failures are counted by kind
//! (`503 no_master`, `io`, `timeout`, ...) and not timed. A connection that
//! fails is dropped and the worker connects again.
//!
//! Operations (`--mix put=1,get=9`):
//! - `put`: `PUT /v1/kv/{prefix}{n}` with a `value_size`-byte value;
//! - `get`: `GET` of the same keys, at the chosen consistency;
//! - `cas`: a master read of the key, then a `PUT` with `If-Match` (or
//!   `If-None-Match: *` when absent); a 412 counts as `412 condition_failed`;
//! - `txn`: one `POST /v1/txn` putting `txn_size` random keys.
//!
//! `n` is uniform in `0..keys`. `preload` first writes every key once, in
//! transactions of 100 puts, so reads find their keys.

mod report;

pub use report::{OpStats, Report};

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;

use crate::api::encoding::percent_encode;

/// The kinds of operation a run mixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OpKind {
    Put,
    Get,
    Cas,
    Txn,
}

impl OpKind {
    pub const ALL: [OpKind; 4] = [OpKind::Put, OpKind::Get, OpKind::Cas, OpKind::Txn];

    pub fn name(self) -> &'static str {
        match self {
            OpKind::Put => "put",
            OpKind::Get => "get",
            OpKind::Cas => "cas",
            OpKind::Txn => "txn",
        }
    }
}

/// Relative weights of the operation kinds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mix(Vec<(OpKind, u32)>);

impl std::str::FromStr for Mix {
    type Err = String;

    /// `put=1,get=9`, or a single kind (`get`).
    fn from_str(s: &str) -> Result<Mix, String> {
        let mut weights = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, weight) = part.split_once('=').unwrap_or((part, "1"));
            let kind = OpKind::ALL
                .into_iter()
                .find(|k| k.name() == name.trim())
                .ok_or_else(|| format!("unknown operation {name:?} in the mix (put, get, cas, txn)"))?;
            let weight: u32 =
                weight.trim().parse().map_err(|_| format!("weight of {name} is {weight:?}, not a whole number"))?;
            if weights.iter().any(|(k, _)| *k == kind) {
                return Err(format!("{name} appears twice in the mix"));
            }
            weights.push((kind, weight));
        }
        if weights.iter().all(|(_, w)| *w == 0) {
            return Err("the mix has no operation with a weight above 0".into());
        }
        Ok(Mix(weights))
    }
}

impl Mix {
    fn pick(&self, rng: &mut fastrand::Rng) -> OpKind {
        let total: u32 = self.0.iter().map(|(_, w)| w).sum();
        let mut r = rng.u32(0..total);
        for (kind, w) in &self.0 {
            if r < *w {
                return *kind;
            }
            r -= w;
        }
        unreachable!("r < total")
    }

    pub fn describe(&self) -> String {
        self.0.iter().filter(|(_, w)| *w > 0).map(|(k, w)| format!("{}={w}", k.name())).collect::<Vec<_>>().join(",")
    }
}

/// Called about once a second with where a run stands.
pub type ProgressFn = Arc<dyn Fn(&Progress) + Send + Sync>;

/// What to run.
#[derive(Clone)]
pub struct BenchOptions {
    /// `http://HOST:PORT` of the site to load.
    pub url: String,
    pub connections: usize,
    /// Stop after this long...
    pub duration: Option<Duration>,
    /// ...or once this many operations have started.
    pub ops: Option<u64>,
    pub keys: u64,
    pub value_size: usize,
    pub mix: Mix,
    /// `consistency=` of reads (`None`: the server's default, linearizable).
    pub consistency: Option<String>,
    pub prefix: String,
    pub txn_size: usize,
    pub preload: bool,
    /// Longest wait for one answer; longer counts as a `timeout` error.
    pub timeout: Duration,
    /// Called about once a second with the progress so far.
    pub progress: Option<ProgressFn>,
    /// Sent as `Authorization: Bearer` (a write token for mixes that write).
    pub token: Option<String>,
}

/// Where a run stands.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub phase: &'static str,
    pub elapsed: Duration,
    pub done: u64,
    pub errors: u64,
    /// Operations per second over the last interval.
    pub rate: f64,
    /// Total to do, when known.
    pub target: Option<u64>,
}

/// Why a run could not start.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("invalid URL {0:?}: expected http://HOST:PORT")]
    BadUrl(String),
    #[error("cannot connect to {addr}: {reason}")]
    Connect { addr: String, reason: String },
    #[error("{0}")]
    Invalid(String),
    #[error("preloading failed: {0}")]
    Preload(String),
}

/// Counters every worker updates (the progress line reads them).
#[derive(Default)]
struct Shared {
    started: AtomicU64,
    done: AtomicU64,
    errors: AtomicU64,
    stop: AtomicBool,
}

/// Runs the benchmark and returns its report.
pub async fn run(opts: BenchOptions) -> Result<Report, BenchError> {
    let addr = authority(&opts.url)?;
    if opts.connections == 0 {
        return Err(BenchError::Invalid("--connections must be at least 1".into()));
    }
    if opts.keys == 0 {
        return Err(BenchError::Invalid("--keys must be at least 1".into()));
    }
    if opts.duration.is_none() && opts.ops.is_none() {
        return Err(BenchError::Invalid("give --duration or --ops".into()));
    }
    // Fail fast, with the reason, when nothing listens there.
    drop(connect(&addr).await?);
    let opts = Arc::new(opts);
    if opts.preload {
        preload(&opts, &addr).await?;
    }
    let shared = Arc::new(Shared::default());
    let started = Instant::now();
    let deadline = opts.duration.map(|d| started + d);
    let ticker = tokio::spawn(progress_loop("run", shared.clone(), opts.clone(), started, opts.ops));
    let workers: Vec<_> = (0..opts.connections)
        .map(|i| tokio::spawn(worker(i as u64, opts.clone(), addr.clone(), shared.clone(), deadline)))
        .collect();
    let mut totals = report::Totals::default();
    for w in workers {
        match w.await {
            Ok(t) => totals.merge(t),
            Err(e) => return Err(BenchError::Invalid(format!("a worker failed: {e}"))),
        }
    }
    let elapsed = started.elapsed();
    shared.stop.store(true, Ordering::Relaxed);
    ticker.abort();
    Ok(Report::new(&opts, elapsed, totals))
}

fn authority(url: &str) -> Result<String, BenchError> {
    let rest = url.trim_end_matches('/').strip_prefix("http://").ok_or_else(|| BenchError::BadUrl(url.into()))?;
    if rest.is_empty() || rest.contains('/') || rest.parse::<hyper::http::uri::Authority>().is_err() {
        return Err(BenchError::BadUrl(url.into()));
    }
    Ok(rest.to_string())
}

async fn connect(addr: &str) -> Result<SendRequest<Full<Bytes>>, BenchError> {
    let fail = |e: &dyn std::fmt::Display| BenchError::Connect { addr: addr.to_string(), reason: e.to_string() };
    let stream = tokio::net::TcpStream::connect(addr).await.map_err(|e| fail(&e))?;
    stream.set_nodelay(true).map_err(|e| fail(&e))?;
    let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.map_err(|e| fail(&e))?;
    tokio::spawn(conn);
    Ok(sender)
}

async fn progress_loop(
    phase: &'static str,
    shared: Arc<Shared>,
    opts: Arc<BenchOptions>,
    started: Instant,
    target: Option<u64>,
) {
    let Some(report) = opts.progress.clone() else { return };
    let mut last = (Instant::now(), 0u64);
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        if shared.stop.load(Ordering::Relaxed) {
            return;
        }
        let done = shared.done.load(Ordering::Relaxed);
        let now = Instant::now();
        let rate = (done - last.1) as f64 / now.duration_since(last.0).as_secs_f64();
        last = (now, done);
        report(&Progress {
            phase,
            elapsed: started.elapsed(),
            done,
            errors: shared.errors.load(Ordering::Relaxed),
            rate,
            target,
        });
    }
}

/// One request's outcome.
type Outcome = Result<(), String>;

/// One connection's closed loop.
async fn worker(
    id: u64,
    opts: Arc<BenchOptions>,
    addr: String,
    shared: Arc<Shared>,
    deadline: Option<Instant>,
) -> report::Totals {
    let mut rng = fastrand::Rng::with_seed(0x5eed ^ (id << 20) ^ u64::from(std::process::id()));
    let mut totals = report::Totals::default();
    let mut conn: Option<SendRequest<Full<Bytes>>> = None;
    let value = Bytes::from(vec![b'v'; opts.value_size]);
    loop {
        if deadline.is_some_and(|d| Instant::now() >= d) || shared.stop.load(Ordering::Relaxed) {
            break;
        }
        if let Some(limit) = opts.ops
            && shared.started.fetch_add(1, Ordering::Relaxed) >= limit
        {
            break;
        }
        let kind = opts.mix.pick(&mut rng);
        let began = Instant::now();
        let outcome = match conn.as_mut() {
            Some(c) => one_op(c, &opts, &mut rng, kind, &value).await,
            None => match connect(&addr).await {
                Ok(mut c) => {
                    let r = one_op(&mut c, &opts, &mut rng, kind, &value).await;
                    conn = Some(c);
                    r
                }
                Err(_) => Err("connect".to_string()),
            },
        };
        shared.done.fetch_add(1, Ordering::Relaxed);
        match outcome {
            Ok(()) => totals.record(kind, began.elapsed()),
            Err(kind_of_error) => {
                shared.errors.fetch_add(1, Ordering::Relaxed);
                let transport = matches!(kind_of_error.as_str(), "io" | "timeout" | "connect");
                *totals.errors.entry(kind_of_error).or_default() += 1;
                if transport {
                    conn = None;
                    // Not a hot loop against a site that is down.
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            }
        }
    }
    totals
}

fn key_path(opts: &BenchOptions, n: u64) -> String {
    format!("/v1/kv/{}", percent_encode(format!("{}{n}", opts.prefix).as_bytes()))
}

async fn one_op(
    conn: &mut SendRequest<Full<Bytes>>,
    opts: &BenchOptions,
    rng: &mut fastrand::Rng,
    kind: OpKind,
    value: &Bytes,
) -> Outcome {
    let n = rng.u64(0..opts.keys);
    match kind {
        OpKind::Put => expect(send(conn, opts, Method::PUT, key_path(opts, n), &[], value.clone()).await?, 204),
        OpKind::Get => {
            let mut path = key_path(opts, n);
            if let Some(c) = &opts.consistency {
                path.push_str("?consistency=");
                path.push_str(c);
            }
            expect(send(conn, opts, Method::GET, path, &[], Bytes::new()).await?, 200)
        }
        OpKind::Cas => {
            let read = send(conn, opts, Method::GET, key_path(opts, n), &[], Bytes::new()).await?;
            let cond = match read.0 {
                StatusCode::OK => match read.2 {
                    Some(etag) => (header::IF_MATCH, etag),
                    None => return Err("200 without etag".into()),
                },
                StatusCode::NOT_FOUND => (header::IF_NONE_MATCH, HeaderValue::from_static("*")),
                _ => return expect(read, 200),
            };
            expect(send(conn, opts, Method::PUT, key_path(opts, n), &[cond], value.clone()).await?, 204)
        }
        OpKind::Txn => {
            let keys: Vec<u64> = (0..opts.txn_size).map(|_| rng.u64(0..opts.keys)).collect();
            let body = put_txn(opts, keys, &String::from_utf8_lossy(value));
            expect(send(conn, opts, Method::POST, "/v1/txn".into(), &[], body).await?, 200)
        }
    }
}

/// A `POST /v1/txn` body putting `value` at each key number.
fn put_txn(opts: &BenchOptions, keys: impl IntoIterator<Item = u64>, value: &str) -> Bytes {
    let ops: Vec<_> = keys
        .into_iter()
        .map(|n| serde_json::json!({"op": "put", "key": format!("{}{n}", opts.prefix), "value": value}))
        .collect();
    serde_json::to_vec(&serde_json::json!({ "ops": ops })).expect("JSON of strings").into()
}

/// Status, error code (of a JSON error body) and ETag of an answer.
type Answer = (StatusCode, Option<String>, Option<HeaderValue>);

async fn send(
    conn: &mut SendRequest<Full<Bytes>>,
    opts: &BenchOptions,
    method: Method,
    path: String,
    headers: &[(header::HeaderName, HeaderValue)],
    body: Bytes,
) -> Result<Answer, String> {
    let mut req = Request::builder().method(method).uri(path).header(header::HOST, "fish");
    if let Some(token) = &opts.token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    for (name, value) in headers {
        req = req.header(name, value);
    }
    let req = req.body(Full::new(body)).map_err(|e| format!("request: {e}"))?;
    let exchange = async {
        conn.ready().await.map_err(|_| "io".to_string())?;
        let resp = conn.send_request(req).await.map_err(|_| "io".to_string())?;
        let (parts, body) = resp.into_parts();
        let body = body.collect().await.map_err(|_| "io".to_string())?.to_bytes();
        let code = if parts.status.is_success() {
            None
        } else {
            serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_string))
        };
        Ok((parts.status, code, parts.headers.get(header::ETAG).cloned()))
    };
    tokio::time::timeout(opts.timeout, exchange).await.map_err(|_| "timeout".to_string())?
}

fn expect(answer: Answer, want: u16) -> Outcome {
    match answer {
        (status, _, _) if status.as_u16() == want => Ok(()),
        (status, Some(code), _) => Err(format!("{} {code}", status.as_u16())),
        (status, None, _) => Err(status.as_u16().to_string()),
    }
}

/// Writes every key once (transactions of up to 100 puts, `connections`
/// at a time), so that reads find them.
async fn preload(opts: &Arc<BenchOptions>, addr: &str) -> Result<(), BenchError> {
    const BATCH: u64 = 100;
    let shared = Arc::new(Shared::default());
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let ticker = tokio::spawn(progress_loop("preload", shared.clone(), opts.clone(), started, Some(opts.keys)));
    let text = String::from_utf8_lossy(&vec![b'v'; opts.value_size]).into_owned();
    let workers: Vec<_> = (0..opts.connections.min(16))
        .map(|_| {
            let (opts, shared, next, addr, text) =
                (opts.clone(), shared.clone(), next.clone(), addr.to_string(), text.clone());
            tokio::spawn(async move {
                let mut conn = connect(&addr).await?;
                loop {
                    let from = next.fetch_add(BATCH, Ordering::Relaxed);
                    if from >= opts.keys {
                        return Ok::<(), BenchError>(());
                    }
                    let to = (from + BATCH).min(opts.keys);
                    let body = put_txn(&opts, from..to, &text);
                    let mut tries = 0;
                    loop {
                        let answer = send(&mut conn, &opts, Method::POST, "/v1/txn".into(), &[], body.clone()).await;
                        match answer.map(|a| expect(a, 200)) {
                            Ok(Ok(())) => break,
                            Ok(Err(e)) | Err(e) if tries < 5 => {
                                tries += 1;
                                tracing::debug!(err = e, "preload batch failed; retrying");
                                if e == "io" || e == "timeout" {
                                    conn = connect(&addr).await?;
                                }
                                tokio::time::sleep(Duration::from_millis(200)).await;
                            }
                            Ok(Err(e)) | Err(e) => {
                                return Err(BenchError::Preload(format!("keys {from}..{to}: {e} (5 retries)")));
                            }
                        }
                    }
                    shared.done.fetch_add(to - from, Ordering::Relaxed);
                }
            })
        })
        .collect();
    let mut result = Ok(());
    for w in workers {
        match w.await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => result = result.and(Err(e)),
            Err(e) => result = result.and(Err(BenchError::Preload(e.to_string()))),
        }
    }
    shared.stop.store(true, Ordering::Relaxed);
    ticker.abort();
    result
}

/// Errors by kind, most frequent first.
pub fn sorted_errors(errors: &BTreeMap<String, u64>) -> Vec<(&str, u64)> {
    let mut v: Vec<_> = errors.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mix_parses_weights_and_names_what_is_wrong() {
        let mix: Mix = "put=1, get=9".parse().unwrap();
        assert_eq!(mix.describe(), "put=1,get=9");
        assert_eq!("txn".parse::<Mix>().unwrap().describe(), "txn=1");
        assert!("put=x".parse::<Mix>().unwrap_err().contains("weight of put"));
        assert!("put,put=2".parse::<Mix>().unwrap_err().contains("twice"));
        assert!("put=0".parse::<Mix>().unwrap_err().contains("above 0"));
        let mut rng = fastrand::Rng::with_seed(7);
        let gets = (0..10_000).filter(|_| mix.pick(&mut rng) == OpKind::Get).count();
        assert!((8_700..9_300).contains(&gets), "{gets} gets of 10,000 at weight 9/10");
    }
}
