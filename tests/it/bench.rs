//! `fishctl bench` against a real site: every operation is counted once,
//! as a timed success or as an error of a named kind, and `--preload`
//! really writes the key space.

use std::process::{Command, Output};

use crate::harness::{FISHCTL, Site};

fn bench(url: &str, args: &[&str]) -> Output {
    Command::new(FISHCTL).args(["--url", url, "bench", "--json", "--quiet"]).args(args).output().unwrap()
}

fn report(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

#[test]
fn bench_counts_every_operation_of_the_mix_once() {
    let site = Site::start("bench", "");
    let o = bench(
        &site.url,
        &["--ops", "400", "-c", "8", "--mix", "put=2,get=1,cas=1,txn=1", "--keys", "40", "--prefix", "b/", "--preload"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let r = report(&o);
    let mut counted = 0;
    for op in ["put", "get", "cas", "txn"] {
        let s = &r["ops"][op];
        let n = s["count"].as_u64().unwrap();
        assert!(n > 0, "no {op} ran: {r}");
        counted += n;
        let (p50, p99, max) =
            (s["p50_ms"].as_f64().unwrap(), s["p99_ms"].as_f64().unwrap(), s["max_ms"].as_f64().unwrap());
        assert!(0.0 < p50 && p50 <= p99 && p99 <= max, "{op}: {s}");
    }
    assert_eq!(r["total"]["count"].as_u64().unwrap(), counted);
    let errors = r["errors"].as_object().unwrap();
    // Only compare-and-swaps racing each other on 40 keys may fail.
    assert!(errors.keys().all(|k| k == "412 condition_failed"), "{r}");
    let failed: u64 = errors.values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(counted + failed, 400, "{r}");
    // The preload wrote all 40 keys (gets alone might miss some).
    let http = site.http();
    for n in 0..40 {
        let a = http.get(&format!("b/{n}"));
        assert_eq!((a.status, a.body.len()), (200, 100), "b/{n}");
    }
}

#[test]
fn bench_reports_failures_by_kind_and_exits_3_when_nothing_succeeded() {
    let site = Site::start("bench-miss", "");
    let o = bench(&site.url, &["--ops", "50", "-c", "4", "--mix", "get", "--prefix", "absent/"]);
    assert_eq!(o.status.code(), Some(3), "{}", String::from_utf8_lossy(&o.stderr));
    let r = report(&o);
    assert_eq!(r["errors"]["404 not_found"], 50, "{r}");
    assert_eq!(r["total"]["count"], 0);
    let bad = Command::new(FISHCTL).args(["--url", &site.url, "bench", "--mix", "put=1,scan=2"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown operation \"scan\""));
}
