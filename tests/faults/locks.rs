//! Lock contenders through the faults: ten `fishctl lock` processes contend
//! for one lock, over and over, each running a child that does fenced
//! increments of a shared counter while it holds the lock; a pauser stops
//! the current holder (fishctl and its child: the whole process group) with
//! SIGSTOP for longer than the lease's TTL, so that another contender takes
//! the lock meanwhile and the paused one comes back believing it still
//! holds it.
//!
//! Each increment is one request: `PUT lock/counter` with `If-Match` (the
//! counter's version it read) and `Fish-Fence: KEY@VERSION` (the lock). The
//! counter's value records who wrote it: `N KEY VERSION`.
//!
//! [`check`] replays the change log as a watcher saw it: at the revision
//! of every counter write, the writer's lock key must be first in the
//! lock's queue at exactly its version (no write from a former holder was
//! accepted), and the counter must go up by one each time; every
//! increment a child saw acknowledged must be there (none lost).

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::watchers::Event;

/// Every key of this test starts with this (the other checkers skip them).
pub const PREFIX: &str = "lock/";
const LOCK: &str = "lock/q";
const COUNTER: &str = "lock/counter";
const TTL_S: u64 = 2;
const CONTENDERS: usize = 10;
/// Increments a holder does before it lets the lock go.
const INCREMENTS: usize = 3;
const FISHCTL: &str = env!("CARGO_BIN_EXE_fishctl");

pub struct Contenders {
    threads: Vec<std::thread::JoinHandle<()>>,
    pauser: std::thread::JoinHandle<u64>,
    records: PathBuf,
}

/// Starts the contenders and the pauser; they run until `stop`.
pub fn spawn(seed: u64, targets: &[String], dir: &Path, stop: Arc<AtomicBool>) -> Contenders {
    let records = dir.join("lock-records.jsonl");
    std::fs::write(&records, b"").unwrap();
    let groups: Arc<Mutex<Vec<Option<i32>>>> = Arc::new(Mutex::new(vec![None; CONTENDERS]));
    let threads = (0..CONTENDERS)
        .map(|i| {
            let (stop, groups, records) = (stop.clone(), groups.clone(), records.clone());
            let url = targets[i % targets.len()].clone();
            std::thread::spawn(move || contend(i, &url, &records, &groups, &stop))
        })
        .collect();
    let pauser = {
        let (stop, records) = (stop.clone(), records.clone());
        std::thread::spawn(move || pause_holders(seed, &records, &stop))
    };
    Contenders { threads, pauser, records }
}

impl Contenders {
    /// Stops every contender (SIGTERM: fishctl revokes its lease) and
    /// returns the records and how many holders were paused.
    pub fn join(self) -> (Vec<serde_json::Value>, u64) {
        for t in self.threads {
            t.join().unwrap();
        }
        let paused = self.pauser.join().unwrap();
        let text = std::fs::read_to_string(&self.records).unwrap_or_default();
        (text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect(), paused)
    }
}

/// One contender: `fishctl lock` again and again until `stop`.
fn contend(i: usize, url: &str, records: &Path, groups: &Mutex<Vec<Option<i32>>>, stop: &AtomicBool) {
    let exe = std::env::current_exe().unwrap();
    while !stop.load(Ordering::Relaxed) {
        let mut child = Command::new(FISHCTL)
            .args(["--url", url, "--timeout", "5", "lock", LOCK, "--ttl", &TTL_S.to_string(), "--"])
            .arg(&exe)
            .args(["locks::lock_contender_child", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env("FISH_LOCK_CHILD_RECORDS", records)
            .env("FISH_LOCK_CHILD_URL", url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        let pgid = child.id() as i32;
        groups.lock().unwrap()[i] = Some(pgid);
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if stop.load(Ordering::Relaxed) {
                let _ = killpg(Pid::from_raw(pgid), Signal::SIGCONT);
                let _ = nix::sys::signal::kill(Pid::from_raw(pgid), Signal::SIGTERM);
                let deadline = Instant::now() + Duration::from_secs(10);
                while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(20));
                }
                let _ = killpg(Pid::from_raw(pgid), Signal::SIGKILL);
                let _ = child.wait();
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        groups.lock().unwrap()[i] = None;
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Every 2-5 s, stops the holder that started last (its whole process
/// group) for TTL + 1-2 s, then lets it go on: its child first, and
/// fishctl (which would notice the lost lease and stop the child) half a
/// second later, so that the child acts on a lock it no longer holds, as
/// a paused application would. How many it paused.
fn pause_holders(seed: u64, records: &Path, stop: &AtomicBool) -> u64 {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x10c4);
    let mut paused = 0;
    let mut last_paused = None;
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(rng.gen_range(2000..5000)));
        let text = std::fs::read_to_string(records).unwrap_or_default();
        let holder = text
            .lines()
            .rev()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|r| r["start"] == true)
            .and_then(|r| Some((r["pgid"].as_i64()?, r["pid"].as_i64()?)));
        let Some((pgid, child)) = holder.filter(|(p, _)| Some(*p) != last_paused) else { continue };
        last_paused = Some(pgid);
        let group = Pid::from_raw(pgid as i32);
        if killpg(group, Signal::SIGSTOP).is_err() {
            continue;
        }
        paused += 1;
        let hold = Duration::from_millis(TTL_S * 1000 + rng.gen_range(1000..2000));
        eprintln!("faults: paused lock holder (process group {pgid}) for {:.1}s", hold.as_secs_f64());
        std::thread::sleep(hold);
        let _ = nix::sys::signal::kill(Pid::from_raw(child as i32), Signal::SIGCONT);
        std::thread::sleep(Duration::from_millis(500));
        let _ = killpg(group, Signal::SIGCONT);
    }
    paused
}

/// The child `fishctl lock` runs: fenced increments of the counter while
/// it holds the lock, each recorded. Does nothing unless run by a
/// contender (it is a test only so that the test binary can be the child).
#[test]
#[ignore = "run by the fault suite's lock contenders as their COMMAND"]
fn lock_contender_child() {
    let (Ok(records), Ok(url)) = (std::env::var("FISH_LOCK_CHILD_RECORDS"), std::env::var("FISH_LOCK_CHILD_URL"))
    else {
        return;
    };
    let key = std::env::var("FISH_LOCK_KEY").unwrap();
    let version: u64 = std::env::var("FISH_LOCK_VERSION").unwrap().parse().unwrap();
    let fence = std::env::var("FISH_LOCK_FENCE").unwrap();
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(3)).build();
    let record = |line: serde_json::Value| {
        let mut f = std::fs::OpenOptions::new().append(true).open(&records).unwrap();
        // One write per line: O_APPEND keeps concurrent lines whole.
        f.write_all(format!("{line}\n").as_bytes()).unwrap();
    };
    let pgid = nix::unistd::getpgrp().as_raw();
    let pid = std::process::id();
    record(serde_json::json!({ "start": true, "pgid": pgid, "pid": pid, "key": key, "version": version }));
    for _ in 0..INCREMENTS {
        let (n, cond) = match agent.get(&format!("{url}/v1/kv/{COUNTER}")).call() {
            Ok(r) => {
                let etag = r.header("etag").unwrap_or_default().to_string();
                let n: u64 = r.into_string().unwrap_or_default().split(' ').next().unwrap_or("0").parse().unwrap_or(0);
                (n, ("if-match", etag))
            }
            Err(ureq::Error::Status(404, _)) => (0, ("if-none-match", "*".to_string())),
            Err(_) => {
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        let value = format!("{} {key} {version}", n + 1);
        let put = agent
            .put(&format!("{url}/v1/kv/{COUNTER}"))
            .set(cond.0, &cond.1)
            .set("fish-fence", &fence)
            .send_bytes(value.as_bytes());
        let (status, error) = match put {
            Ok(r) => (r.status(), String::new()),
            Err(ureq::Error::Status(code, r)) => {
                let body: serde_json::Value =
                    serde_json::from_str(&r.into_string().unwrap_or_default()).unwrap_or_default();
                (code, body["error"].as_str().unwrap_or_default().to_string())
            }
            Err(e) => (0, e.to_string()),
        };
        record(serde_json::json!({ "n": n + 1, "key": key, "version": version, "status": status, "error": error }));
        if error == "fenced" {
            // The lock moved on while this holder was away.
            std::process::exit(3);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Figures for the report.
#[derive(Debug, Default, serde::Serialize)]
pub struct Report {
    pub contenders: usize,
    pub acquisitions: u64,
    pub holders_paused: u64,
    pub acknowledged_increments: u64,
    /// Writes refused because the writer's lock had moved on (a holder
    /// that came back from a pause).
    pub fenced_refusals: u64,
    pub cas_refusals: u64,
    pub unknown_outcomes: u64,
    pub counter_writes: u64,
    pub final_counter: u64,
}

/// Replays the lock's keys and the counter from a watcher's `events` (see
/// the module header) against the children's `records`.
pub fn check(events: &[Event], records: &[serde_json::Value], paused: u64) -> (Report, Vec<String>) {
    let mut violations = Vec::new();
    let mut report = Report { contenders: CONTENDERS, holders_paused: paused, ..Report::default() };
    for r in records {
        if r["start"] == true {
            report.acquisitions += 1;
            continue;
        }
        match (r["status"].as_u64(), r["error"].as_str()) {
            (Some(204), _) => report.acknowledged_increments += 1,
            (Some(412), Some("fenced")) => report.fenced_refusals += 1,
            (Some(412), _) => report.cas_refusals += 1,
            _ => report.unknown_outcomes += 1,
        }
    }
    // The queue: lock key → its version, as of each revision.
    let mut queue: BTreeMap<String, u64> = BTreeMap::new();
    let mut written: BTreeMap<u64, (String, u64)> = BTreeMap::new();
    let mut last = 0u64;
    for e in events.iter().filter(|e| e.key.starts_with(PREFIX)) {
        if e.key.starts_with(&format!("{LOCK}/")) {
            match (&e.value, e.version) {
                (Some(_), Some(v)) => {
                    queue.insert(e.key.clone(), v);
                }
                _ => {
                    queue.remove(&e.key);
                }
            }
            continue;
        }
        if e.key != COUNTER {
            continue;
        }
        let Some(value) = &e.value else {
            violations.push(format!("locks: the counter was deleted at revision {}", e.revision));
            continue;
        };
        let parts: Vec<&str> = value.split(' ').collect();
        let (Some(n), Some(key), Some(version)) = (
            parts.first().and_then(|n| n.parse::<u64>().ok()),
            parts.get(1),
            parts.get(2).and_then(|v| v.parse::<u64>().ok()),
        ) else {
            violations.push(format!("locks: the counter holds {value:?} at revision {}", e.revision));
            continue;
        };
        report.counter_writes += 1;
        let holder = queue.iter().min_by(|a, b| a.1.cmp(b.1).then_with(|| a.0.cmp(b.0)));
        if holder != Some((&key.to_string(), &version)) {
            let history: Vec<String> = events
                .iter()
                .filter(|x| x.key == *key)
                .map(|x| {
                    format!(
                        "{}:{}",
                        x.revision,
                        x.value.as_ref().map_or("gone".to_string(), |_| format!("{:?}", x.version))
                    )
                })
                .collect();
            violations.push(format!(
                "locks: revision {} wrote the counter to {n} under {key}@{version}, but the lock was held by {holder:?}: a former holder's write was accepted (that key: {history:?})",
                e.revision
            ));
        }
        if n != last + 1 {
            violations.push(format!("locks: the counter went from {last} to {n} at revision {}", e.revision));
        }
        last = n;
        written.insert(n, (key.to_string(), version));
    }
    report.final_counter = last;
    for r in records.iter().filter(|r| r["status"] == 204) {
        let n = r["n"].as_u64().unwrap_or(0);
        let who = (r["key"].as_str().unwrap_or_default().to_string(), r["version"].as_u64().unwrap_or(0));
        if written.get(&n) != Some(&who) {
            violations.push(format!(
                "locks: the acknowledged increment to {n} by {}@{} is not in the change log (lost): {:?}",
                who.0,
                who.1,
                written.get(&n)
            ));
        }
    }
    (report, violations)
}
