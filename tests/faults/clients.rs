//! Clients that run while faults happen, recording every operation in a
//! shared history: unique-value writes (each followed by a token read of it
//! from a random back-end), compare-and-swap increments of shared counters,
//! and master reads of the counters. Targets are picked at random among the
//! front-end and the back-ends. Every request has a short timeout, and the
//! clients stop when told to.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

pub const COUNTERS: [&str; 2] = ["cas0", "cas1"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Write,
    TokenRead,
    Cas,
    /// `consistency=master`: may be stale during a partition (counted).
    MasterRead,
    /// The default, `linearizable`: never stale (a stale one fails the run).
    LinearizableRead,
}

/// How an operation ended, as a client can know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// 204 (writes) or 200 (reads).
    Ok,
    /// Known not to have happened (4xx, e.g. 412 for a lost CAS race).
    Failed(String),
    /// Maybe applied, maybe not (timeouts, 503 not_acknowledged, resets).
    Unknown(String),
}

#[derive(Debug, Clone)]
pub struct Op {
    pub client: usize,
    pub kind: Kind,
    pub key: String,
    /// Written value (writes, CAS: the new value), or the value read.
    pub value: Option<String>,
    /// CAS: the value it replaced; token reads: the value expected.
    pub expected: Option<String>,
    pub target: String,
    pub start: f64,
    pub end: f64,
    pub outcome: Outcome,
}

pub type History = Arc<Mutex<Vec<Op>>>;

struct Client {
    id: usize,
    rng: StdRng,
    agent: ureq::Agent,
    targets: Vec<String>,
    backs: Vec<String>,
    history: History,
    t0: Instant,
}

struct Reply {
    status: u16,
    body: String,
    etag: Option<String>,
    token: Option<String>,
}

impl Client {
    fn now(&self) -> f64 {
        self.t0.elapsed().as_secs_f64()
    }

    fn call(&self, method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> Result<Reply, String> {
        let mut req = self.agent.request(method, url);
        for (k, v) in headers {
            req = req.set(k, v);
        }
        let resp = match req.send_string(body) {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => return Err(e.kind().to_string()),
        };
        let status = resp.status();
        let etag = resp.header("etag").map(str::to_string);
        let token = resp.header("fish-token").map(str::to_string);
        let body = resp.into_string().map_err(|e| e.to_string())?;
        Ok(Reply { status, body, etag, token })
    }

    fn record(&self, op: Op) {
        self.history.lock().unwrap().push(op);
    }

    fn pick(&mut self, from_backs: bool) -> String {
        let v = if from_backs { &self.backs } else { &self.targets };
        v[self.rng.gen_range(0..v.len())].clone()
    }

    /// 2xx → Ok; 4xx → Failed; anything else → Unknown.
    fn classify(r: &Result<Reply, String>, ok: u16) -> Outcome {
        match r {
            Ok(r) if r.status == ok => Outcome::Ok,
            Ok(r) if (400..500).contains(&r.status) => Outcome::Failed(format!("{} {}", r.status, error_code(&r.body))),
            // A 500 is a bug: keep its message.
            Ok(r) if r.status == 500 => Outcome::Unknown(format!("500 {}", r.body)),
            Ok(r) => Outcome::Unknown(format!("{} {}", r.status, error_code(&r.body))),
            Err(e) => Outcome::Unknown(e.clone()),
        }
    }

    /// A unique-value write, then a token read of it from a random back-end.
    fn write_and_read(&mut self, n: u64) {
        let key = format!("w{}-{n:06}", self.id);
        let value = format!("{}-{n}", self.id);
        let target = self.pick(false);
        let start = self.now();
        let r = self.call("PUT", &format!("{target}/v1/kv/{key}"), &[], &value);
        let outcome = Self::classify(&r, 204);
        let token = r.as_ref().ok().and_then(|r| r.token.clone());
        self.record(Op {
            client: self.id,
            kind: Kind::Write,
            key: key.clone(),
            value: Some(value.clone()),
            expected: None,
            target,
            start,
            end: self.now(),
            outcome: outcome.clone(),
        });
        let (Outcome::Ok, Some(token)) = (outcome, token) else { return };
        let target = self.pick(true);
        let start = self.now();
        let r = self.call("GET", &format!("{target}/v1/kv/{key}"), &[("fish-after", &token)], "");
        let (outcome, read) = match &r {
            Ok(r) if r.status == 200 => (Outcome::Ok, Some(r.body.clone())),
            Ok(r) if r.status == 404 => (Outcome::Ok, None),
            _ => (Self::classify(&r, 200), None),
        };
        self.record(Op {
            client: self.id,
            kind: Kind::TokenRead,
            key,
            value: read,
            expected: Some(value),
            target,
            start,
            end: self.now(),
            outcome,
        });
    }

    /// Reads a counter (three times in four at the default consistency,
    /// linearizable; else at `master`), then compare-and-swaps it to +1.
    fn increment(&mut self) {
        let key = COUNTERS[self.rng.gen_range(0..COUNTERS.len())].to_string();
        let target = self.pick(false);
        let (kind, query) = if self.rng.gen_range(0..4) == 0 {
            (Kind::MasterRead, "?consistency=master")
        } else {
            (Kind::LinearizableRead, "")
        };
        let start = self.now();
        let r = self.call("GET", &format!("{target}/v1/kv/{key}{query}"), &[], "");
        let (current, precondition) = match &r {
            Ok(r) if r.status == 200 => match (r.body.parse::<u64>(), &r.etag) {
                (Ok(v), Some(etag)) => (v, ("if-match", etag.clone())),
                _ => return,
            },
            Ok(r) if r.status == 404 => (0, ("if-none-match", "*".to_string())),
            _ => return,
        };
        self.record(Op {
            client: self.id,
            kind,
            key: key.clone(),
            value: Some(current.to_string()),
            expected: None,
            target: target.clone(),
            start,
            end: self.now(),
            outcome: Outcome::Ok,
        });
        let start = self.now();
        let new = (current + 1).to_string();
        let r = self.call("PUT", &format!("{target}/v1/kv/{key}"), &[(precondition.0, &precondition.1)], &new);
        self.record(Op {
            client: self.id,
            kind: Kind::Cas,
            key,
            value: Some(new),
            expected: Some(current.to_string()),
            target,
            start,
            end: self.now(),
            outcome: Self::classify(&r, 204),
        });
    }
}

fn error_code(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["error"].as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Who the clients are and where they go.
pub struct Plan {
    pub seed: u64,
    /// Clients doing unique writes, each followed by a token read.
    pub writers: usize,
    /// Clients doing master reads and CAS increments of the counters.
    pub cas: usize,
    /// Every site (writes and CAS go to any of them).
    pub targets: Vec<String>,
    /// The back-ends (token reads go to one of them).
    pub backs: Vec<String>,
}

/// Starts the clients of `plan`; they run until `stop`.
pub fn spawn(plan: &Plan, history: History, stop: Arc<AtomicBool>, t0: Instant) -> Vec<std::thread::JoinHandle<()>> {
    let (seed, writers) = (plan.seed, plan.writers);
    (0..plan.writers + plan.cas)
        .map(|id| {
            let mut c = Client {
                id,
                rng: StdRng::seed_from_u64(seed.wrapping_add(id as u64 * 7919)),
                agent: ureq::AgentBuilder::new()
                    .timeout_connect(Duration::from_millis(500))
                    .timeout(Duration::from_secs(5))
                    .build(),
                targets: plan.targets.clone(),
                backs: plan.backs.clone(),
                history: history.clone(),
                t0,
            };
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    if id < writers {
                        n += 1;
                        c.write_and_read(n);
                    } else {
                        c.increment();
                    }
                    std::thread::sleep(Duration::from_millis(c.rng.gen_range(0..5)));
                }
            })
        })
        .collect()
}
