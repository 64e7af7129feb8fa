//! Latency histograms while a run goes, and its report (text or JSON).

use std::collections::BTreeMap;
use std::time::Duration;

use hdrhistogram::Histogram;
use serde::Serialize;

use super::{BenchOptions, OpKind};

/// One worker's (later: the run's) histograms and error counts.
#[derive(Default)]
pub(super) struct Totals {
    hists: BTreeMap<OpKind, Histogram<u64>>,
    pub(super) errors: BTreeMap<String, u64>,
}

impl Totals {
    pub(super) fn record(&mut self, kind: OpKind, latency: Duration) {
        let h = self.hists.entry(kind).or_insert_with(new_histogram);
        // Saturates at the histogram's top (an hour) instead of failing.
        h.saturating_record(latency.as_micros().max(1) as u64);
    }

    pub(super) fn merge(&mut self, other: Totals) {
        for (kind, h) in other.hists {
            self.hists.entry(kind).or_insert_with(new_histogram).add(h).expect("same bounds");
        }
        for (k, n) in other.errors {
            *self.errors.entry(k).or_default() += n;
        }
    }
}

fn new_histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("valid bounds")
}

/// Throughput and latency of one kind of operation (or of all).
#[derive(Debug, Clone, Serialize)]
pub struct OpStats {
    pub count: u64,
    pub ops_per_s: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl OpStats {
    fn of(h: &Histogram<u64>, secs: f64) -> OpStats {
        let ms = |us: u64| us as f64 / 1000.0;
        OpStats {
            count: h.len(),
            ops_per_s: h.len() as f64 / secs,
            p50_ms: ms(h.value_at_quantile(0.50)),
            p90_ms: ms(h.value_at_quantile(0.90)),
            p99_ms: ms(h.value_at_quantile(0.99)),
            max_ms: ms(h.max()),
        }
    }
}

/// What a run measured. `--json` prints exactly this.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub url: String,
    pub connections: usize,
    pub mix: String,
    pub keys: u64,
    pub value_size: usize,
    pub consistency: Option<String>,
    pub elapsed_s: f64,
    /// Successful operations by kind.
    pub ops: BTreeMap<String, OpStats>,
    /// All successful operations together.
    pub total: OpStats,
    /// Failed operations by kind of failure (`503 no_master`, `io`, ...).
    pub errors: BTreeMap<String, u64>,
}

impl Report {
    pub(super) fn new(opts: &BenchOptions, elapsed: Duration, totals: Totals) -> Report {
        let secs = elapsed.as_secs_f64().max(1e-9);
        let mut all = new_histogram();
        for h in totals.hists.values() {
            all.add(h).expect("same bounds");
        }
        Report {
            url: opts.url.clone(),
            connections: opts.connections,
            mix: opts.mix.describe(),
            keys: opts.keys,
            value_size: opts.value_size,
            consistency: opts.consistency.clone(),
            elapsed_s: secs,
            ops: totals.hists.iter().map(|(k, h)| (k.name().to_string(), OpStats::of(h, secs))).collect(),
            total: OpStats::of(&all, secs),
            errors: totals.errors,
        }
    }

    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    /// The human-readable table.
    pub fn text(&self) -> String {
        let mut out = format!(
            "{} connections, {:.1} s, mix {}, {} keys, {} B values{} -> {}\n",
            self.connections,
            self.elapsed_s,
            self.mix,
            self.keys,
            self.value_size,
            self.consistency.as_ref().map(|c| format!(", {c} reads")).unwrap_or_default(),
            self.url
        );
        out.push_str(&format!(
            "{:<6} {:>10} {:>10} {:>9} {:>9} {:>9} {:>9}\n",
            "op", "count", "ops/s", "p50 ms", "p90 ms", "p99 ms", "max ms"
        ));
        let line = |name: &str, s: &OpStats| {
            format!(
                "{:<6} {:>10} {:>10.0} {:>9.3} {:>9.3} {:>9.3} {:>9.3}\n",
                name, s.count, s.ops_per_s, s.p50_ms, s.p90_ms, s.p99_ms, s.max_ms
            )
        };
        for (name, s) in &self.ops {
            out.push_str(&line(name, s));
        }
        if self.ops.len() > 1 {
            out.push_str(&line("all", &self.total));
        }
        if self.errors.is_empty() {
            out.push_str("errors: none\n");
        } else {
            let list: Vec<_> =
                super::sorted_errors(&self.errors).into_iter().map(|(k, n)| format!("{k}: {n}")).collect();
            out.push_str(&format!("errors: {} ({})\n", self.error_count(), list.join(", ")));
        }
        out
    }
}
