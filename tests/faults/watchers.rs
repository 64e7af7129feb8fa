//! Watchers on every site, through the faults: each follows `/v1/watch`
//! from the revision before the clients start, reconnecting to its site
//! with `since` after every error or cut-off, until it has seen the final
//! revision. What they saw is checked against the history and the final
//! contents (see [`check`]).

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::clients::{Kind, Op, Outcome};

/// One change as a watcher saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub revision: u64,
    pub key: String,
    /// None for a delete or an expiry.
    pub value: Option<String>,
    /// A put's version.
    pub version: Option<u64>,
}

/// What one watcher saw.
#[derive(Debug, Default)]
pub struct Seen {
    pub site: String,
    pub events: Vec<Event>,
    pub connections: u64,
    pub cut_offs: u64,
    /// Problems seen while watching (a skipped or repeated revision, ...).
    pub violations: Vec<String>,
}

/// The current revision at `site`: the first progress line of a watch.
pub fn current_revision(site: &str) -> Option<u64> {
    let agent =
        ureq::AgentBuilder::new().timeout_connect(Duration::from_secs(1)).timeout_read(Duration::from_secs(5)).build();
    let resp = agent.get(&format!("{site}/v1/watch")).call().ok()?;
    let mut lines = BufReader::new(resp.into_reader());
    let mut line = String::new();
    lines.read_line(&mut line).ok()?;
    let v: serde_json::Value = serde_json::from_str(&line).ok()?;
    (v["type"] == "progress").then(|| v["revision"].as_u64()).flatten()
}

/// Starts one watcher per site, from revision `start`; each runs until
/// `stop` is set and it has seen `target` (set by the caller once the
/// group has settled), or `give_up` passes.
pub fn spawn(
    sites: &[String],
    start: u64,
    stop: Arc<AtomicBool>,
    target: Arc<AtomicU64>,
    give_up: Arc<Mutex<Option<Instant>>>,
) -> Vec<std::thread::JoinHandle<Seen>> {
    sites
        .iter()
        .map(|site| {
            let (site, stop, target, give_up) = (site.clone(), stop.clone(), target.clone(), give_up.clone());
            std::thread::spawn(move || follow(site, start, &stop, &target, &give_up))
        })
        .collect()
}

fn follow(site: String, start: u64, stop: &AtomicBool, target: &AtomicU64, give_up: &Mutex<Option<Instant>>) -> Seen {
    let mut seen = Seen { site: site.clone(), ..Seen::default() };
    let mut since = start;
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_millis(500))
        .timeout_read(Duration::from_secs(3))
        .build();
    let done = |since: u64| {
        stop.load(Ordering::Relaxed)
            && (since >= target.load(Ordering::Relaxed) || give_up.lock().unwrap().is_some_and(|t| Instant::now() >= t))
    };
    while !done(since) {
        let resp = match agent.get(&format!("{site}/v1/watch")).query("since", &since.to_string()).call() {
            Ok(r) => r,
            Err(ureq::Error::Status(410, r)) => {
                seen.violations.push(format!("{site}: 410 for since={since}: {}", r.into_string().unwrap_or_default()));
                return seen;
            }
            Err(_) => {
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        seen.connections += 1;
        let mut lines = BufReader::new(resp.into_reader());
        let mut line = String::new();
        loop {
            line.clear();
            match lines.read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                seen.violations.push(format!("{site}: a watch line that is not JSON: {line:?}"));
                break;
            };
            match v["type"].as_str() {
                Some(kind @ ("put" | "delete" | "expire")) => {
                    let revision = v["revision"].as_u64().unwrap_or(0);
                    if revision != since + 1 {
                        seen.violations.push(format!(
                            "{site}: revision {revision} after {since} ({})",
                            if revision <= since { "repeated" } else { "skipped some" }
                        ));
                    }
                    since = since.max(revision);
                    let key = v["key"].as_str().unwrap_or_default().to_string();
                    let value = (kind == "put").then(|| v["value"].as_str().unwrap_or_default().to_string());
                    seen.events.push(Event { revision, key, value, version: v["version"].as_u64() });
                }
                Some("progress") => {
                    let revision = v["revision"].as_u64().unwrap_or(0);
                    if revision != since {
                        seen.violations
                            .push(format!("{site}: progress at {revision} while the last change seen is {since}"));
                        since = since.max(revision);
                    }
                }
                Some("cut_off") => {
                    seen.cut_offs += 1;
                    break;
                }
                _ => seen.violations.push(format!("{site}: unexpected watch line {line:?}")),
            }
            if done(since) {
                break;
            }
        }
    }
    if since < target.load(Ordering::Relaxed) {
        seen.violations
            .push(format!("{site}: the watcher reached only revision {since} of {}", target.load(Ordering::Relaxed)));
    }
    seen
}

/// Figures for the report.
#[derive(Debug, Default, serde::Serialize)]
pub struct Report {
    pub watchers: usize,
    pub events_per_watcher: BTreeMap<String, usize>,
    pub connections: u64,
    pub cut_offs: u64,
    pub acknowledged_writes_checked: usize,
}

/// Every acknowledged write and increment appears in every watcher's stream,
/// exactly once, in commit order; no event shows a write that is absent at
/// the end (a unique key whose final value differs, or an increment that is
/// not the previous one + 1); every watcher agrees on what each revision
/// was.
pub fn check(seen: &[Seen], history: &[Op], contents: &HashMap<String, String>) -> (Report, Vec<String>) {
    let mut violations: Vec<String> = seen.iter().flat_map(|s| s.violations.iter().cloned()).collect();
    let acked: Vec<(&str, &str)> = history
        .iter()
        .filter(|o| matches!(o.kind, Kind::Write | Kind::Cas) && o.outcome == Outcome::Ok)
        .filter_map(|o| Some((o.key.as_str(), o.value.as_deref()?)))
        .collect();
    let mut by_revision: HashMap<u64, (&Event, &str)> = HashMap::new();
    for s in seen {
        let mut puts: HashMap<(&str, &str), u64> = HashMap::new();
        let mut counters: HashMap<&str, u64> = HashMap::new();
        for e in &s.events {
            if let Some((other, site)) = by_revision.get(&e.revision) {
                if *other != e {
                    violations.push(format!("revision {}: {} saw {e:?}, {site} saw {other:?}", e.revision, s.site));
                }
            } else {
                by_revision.insert(e.revision, (e, &s.site));
            }
            let Some(value) = &e.value else { continue };
            // The lock contenders' keys are checked by `locks::check`.
            if e.key.starts_with(crate::locks::PREFIX) {
                continue;
            }
            *puts.entry((&e.key, value)).or_default() += 1;
            if crate::clients::COUNTERS.contains(&e.key.as_str()) {
                let n: u64 = value.parse().unwrap_or(0);
                let last = counters.entry(&e.key).or_default();
                if n != *last + 1 {
                    violations
                        .push(format!("{}: {} went from {last} to {n} (an increment that was lost?)", s.site, e.key));
                }
                *last = n;
            } else if contents.get(&e.key) != Some(value) {
                violations.push(format!(
                    "{}: revision {} shows {}={value}, but at the end it is {:?}",
                    s.site,
                    e.revision,
                    e.key,
                    contents.get(&e.key)
                ));
            }
        }
        for (key, value) in &acked {
            match puts.get(&(*key, *value)).copied().unwrap_or(0) {
                1 => {}
                n => violations.push(format!("{}: the acknowledged write {key}={value} appeared {n} times", s.site)),
            }
        }
    }
    let report = Report {
        watchers: seen.len(),
        events_per_watcher: seen.iter().map(|s| (s.site.clone(), s.events.len())).collect(),
        connections: seen.iter().map(|s| s.connections).sum(),
        cut_offs: seen.iter().map(|s| s.cut_offs).sum(),
        acknowledged_writes_checked: acked.len(),
    };
    (report, violations)
}
