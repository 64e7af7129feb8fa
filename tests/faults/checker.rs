//! Checks a history against the group's final contents (read from every
//! site after healing, once they agree):
//! - every write that got a 204 is present with its value (lost / changed);
//! - per counter, no two CAS increments to the same value both got a 204
//!   (two masters accepting the same history: split brain), the final value
//!   is at least every acknowledged one (lost increment), and at most the
//!   acknowledged plus the unknown ones (an increment applied twice);
//! - a token read returns the token's write (never older, never absent);
//! - a linearizable read (the default) never returns less than an increment
//!   acknowledged before the read began (a stale one is a violation);
//! - `consistency=master` reads that do are counted (stale master reads:
//!   Berkeley DB gives no such guarantee; docs/reliability.md).
//!
//! A violation comes with the minimal history that shows it: the operations
//! on that key, in start order.

use std::collections::{BTreeMap, HashMap};

use crate::clients::{Kind, Op, Outcome};

#[derive(Debug, Default, serde::Serialize)]
pub struct Report {
    pub ops: BTreeMap<String, u64>,
    /// Failed and unknown outcomes by operation and answer.
    pub answers: BTreeMap<String, u64>,
    pub acknowledged_writes: u64,
    pub lost_writes: u64,
    pub changed_writes: u64,
    pub acknowledged_increments: u64,
    pub lost_increments: u64,
    pub double_applied_increments: u64,
    pub split_brain_events: u64,
    pub token_read_violations: u64,
    pub stale_master_reads: u64,
    pub stale_master_reads_by_target: BTreeMap<String, u64>,
    pub stale_master_read_example: String,
    pub linearizable_reads: u64,
    pub stale_linearizable_reads: u64,
    #[serde(skip)]
    pub violations: Vec<String>,
}

fn show(history: &[Op], key: &str, limit: usize) -> String {
    let mut ops: Vec<&Op> = history.iter().filter(|o| o.key == key).collect();
    ops.sort_by(|a, b| a.start.total_cmp(&b.start));
    let skip = ops.len().saturating_sub(limit);
    let mut s = String::new();
    if skip > 0 {
        s += &format!("    ... {skip} earlier operations on {key}\n");
    }
    for o in &ops[skip..] {
        s += &format!(
            "    [{:9.3}s → {:9.3}s] client {} {:?} {} value={:?} expected={:?} via {} → {:?}\n",
            o.start, o.end, o.client, o.kind, o.key, o.value, o.expected, o.target, o.outcome
        );
    }
    s
}

pub fn check(history: &[Op], contents: &HashMap<String, String>) -> Report {
    let mut r = Report::default();
    for o in history {
        let outcome = match &o.outcome {
            Outcome::Ok => "ok",
            Outcome::Failed(_) => "failed",
            Outcome::Unknown(_) => "unknown",
        };
        *r.ops.entry(format!("{:?}/{outcome}", o.kind).to_lowercase()).or_default() += 1;
        if let Outcome::Failed(why) | Outcome::Unknown(why) = &o.outcome {
            *r.answers.entry(format!("{:?}: {why}", o.kind).to_lowercase()).or_default() += 1;
        }
    }

    for o in history.iter().filter(|o| o.kind == Kind::Write && o.outcome == Outcome::Ok) {
        r.acknowledged_writes += 1;
        match contents.get(&o.key) {
            None => {
                r.lost_writes += 1;
                r.violations.push(format!("acknowledged write lost: {}\n{}", o.key, show(history, &o.key, 20)));
            }
            Some(v) if Some(v) != o.value.as_ref() => {
                r.changed_writes += 1;
                r.violations.push(format!(
                    "acknowledged write changed: {} = {v:?}\n{}",
                    o.key,
                    show(history, &o.key, 20)
                ));
            }
            Some(_) => {}
        }
    }

    for o in history.iter().filter(|o| o.kind == Kind::TokenRead && o.outcome == Outcome::Ok) {
        if o.value != o.expected {
            r.token_read_violations += 1;
            r.violations.push(format!(
                "token read returned {:?}, not its write {:?}: {}\n{}",
                o.value,
                o.expected,
                o.key,
                show(history, &o.key, 20)
            ));
        }
    }

    let counters: std::collections::BTreeSet<&str> =
        history.iter().filter(|o| o.kind == Kind::Cas).map(|o| o.key.as_str()).collect();
    for key in counters {
        let cas: Vec<&Op> = history.iter().filter(|o| o.kind == Kind::Cas && o.key == key).collect();
        let acked: Vec<u64> =
            cas.iter().filter(|o| o.outcome == Outcome::Ok).filter_map(|o| o.value.as_ref()?.parse().ok()).collect();
        let unknown = cas.iter().filter(|o| matches!(o.outcome, Outcome::Unknown(_))).count() as u64;
        r.acknowledged_increments += acked.len() as u64;
        let mut seen: HashMap<u64, usize> = HashMap::new();
        for v in &acked {
            *seen.entry(*v).or_default() += 1;
        }
        for (v, n) in seen.iter().filter(|(_, n)| **n > 1) {
            r.split_brain_events += 1;
            let ops: Vec<Op> = cas
                .iter()
                .filter(|o| {
                    o.value.as_deref() == Some(&v.to_string()) || o.expected.as_deref() == Some(&(v - 1).to_string())
                })
                .map(|o| (*o).clone())
                .collect();
            r.violations
                .push(format!("split brain: {n} CAS increments of {key} to {v} all got 204\n{}", show(&ops, key, 20)));
        }
        let last: u64 = contents.get(key).and_then(|v| v.parse().ok()).unwrap_or(0);
        let max_acked = acked.iter().copied().max().unwrap_or(0);
        if last < max_acked {
            r.lost_increments += max_acked - last;
            r.violations.push(format!(
                "acknowledged increments lost: {key} is {last}, an increment to {max_acked} got 204\n{}",
                show(history, key, 30)
            ));
        }
        // Every applied increment adds one: more than acknowledged +
        // unknown means one was applied twice.
        if last > acked.len() as u64 + unknown {
            r.double_applied_increments += last - acked.len() as u64 - unknown;
            r.violations.push(format!(
                "{key} is {last} but only {} increments were acknowledged and {unknown} unknown\n{}",
                acked.len(),
                show(history, key, 30)
            ));
        }
        // Reads: never below an increment acknowledged before the read began.
        let mut acked_by_end: Vec<(f64, u64)> = cas
            .iter()
            .filter(|o| o.outcome == Outcome::Ok)
            .filter_map(|o| Some((o.end, o.value.as_ref()?.parse().ok()?)))
            .collect();
        acked_by_end.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Running maximum, so each read is one binary search (a long run
        // has ~10^5 reads and increments: quadratic took minutes).
        let mut highest = 0;
        for (_, v) in acked_by_end.iter_mut() {
            highest = highest.max(*v);
            *v = highest;
        }
        let reads = history.iter().filter(|o| matches!(o.kind, Kind::MasterRead | Kind::LinearizableRead));
        for read in reads.filter(|o| o.key == key) {
            let before = acked_by_end.partition_point(|(end, _)| *end < read.start);
            let floor = if before == 0 { 0 } else { acked_by_end[before - 1].1 };
            let got: u64 = read.value.as_ref().and_then(|v| v.parse().ok()).unwrap_or(0);
            if read.kind == Kind::LinearizableRead {
                r.linearizable_reads += 1;
                if got < floor {
                    r.stale_linearizable_reads += 1;
                    r.violations.push(format!(
                        "a linearizable read of {key} returned {got}, but {floor} was acknowledged before it began\n{}",
                        show(history, key, 30)
                    ));
                }
            } else if got < floor {
                if r.stale_master_reads == 0 {
                    let ack =
                        cas.iter().find(|o| o.outcome == Outcome::Ok && o.value.as_deref() == Some(&floor.to_string()));
                    r.stale_master_read_example = format!("{read:?} after {ack:?}");
                }
                r.stale_master_reads += 1;
                *r.stale_master_reads_by_target.entry(read.target.clone()).or_default() += 1;
            }
        }
    }
    r
}
