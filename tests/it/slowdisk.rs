//! A master with a sick disk steps aside (`replication::disk`): real
//! `fishd` processes whose fsync and fdatasync a preloaded library slows
//! down on demand (tests/it/slowsync/slowsync.c), so Berkeley DB's log
//! flushes and the disk probe are slow alike, as on a throttled device.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::cluster::{Cluster, FAST};
use crate::harness::{Http, wait_until};

/// The step-down rule, shortened for a test: a median above 40 ms for 2 s.
const RULE: &str = "step_down_sync_ms = 40\nstep_down_after_s = 2\nstep_down_hold_off_s = 8\n";
/// A sick disk: every fsync and fdatasync takes this much longer.
const SICK_MS: &str = "150";

/// The preloaded library, built once per test process.
fn shim() -> PathBuf {
    static SHIM: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    SHIM.get_or_init(|| {
        let out = std::env::temp_dir().join(format!("fish-slowsync-{}.so", std::process::id()));
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/slowsync/slowsync.c");
        let built = std::process::Command::new("cc")
            .args(["-shared", "-fPIC", "-O2", "-o"])
            .arg(&out)
            .arg(&src)
            .arg("-ldl")
            .status()
            .expect("running cc");
        assert!(built.success(), "building {}", src.display());
        out
    })
    .clone()
}

/// A cluster whose site `i` has its disk delay in `dir/slow{i}`.
fn sick_cluster(prefix: &str, dir: &Path) -> Cluster {
    let shim = shim();
    let c = Cluster::start_with(prefix, 3, &format!("{FAST}{RULE}"), |i, _| {
        vec![
            ("LD_PRELOAD".into(), shim.display().to_string()),
            ("FISH_SLOW_SYNC_FILE".into(), dir.join(format!("slow{i}")).display().to_string()),
        ]
    });
    let m = c.wait_for_master(None);
    wait_until("every site registered and measured for a whole window", Duration::from_secs(30), || {
        let Ok(a) = c.http(m).try_call("GET", "/v1/status", &[], b"") else { return false };
        let Some(status) = a.typed::<fish::api::Status>() else { return false };
        status.fault_tolerance.is_some_and(|t| t.unregistered == 0 && t.members == 3) && status.disk.is_some()
    });
    std::thread::sleep(Duration::from_secs(2)); // a whole probe window
    c
}

fn set_disk(dir: &Path, i: usize, ms: &str) {
    std::fs::write(dir.join(format!("slow{i}")), ms).unwrap();
}

fn generation(h: &Http) -> u32 {
    h.call("GET", "/v1/status", &[], b"").typed::<fish::api::Status>().unwrap().generation
}

/// Writes through `via` until `stop`, counting the acknowledged ones;
/// returns the longest time between two of them.
fn writer(via: Http, stop: Arc<AtomicBool>, acked: Arc<AtomicU64>) -> std::thread::JoinHandle<Duration> {
    std::thread::spawn(move || {
        let (mut last, mut longest) = (Instant::now(), Duration::ZERO);
        for i in 0..1_000_000u32 {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            if via.try_call("PUT", &format!("/v1/kv/sick/{i}"), &[], b"v").is_ok_and(|a| a.status == 204) {
                acked.fetch_add(1, Ordering::Relaxed);
                longest = longest.max(last.elapsed());
                last = Instant::now();
            }
        }
        longest
    })
}

/// Acknowledged writes per second over `for_`.
fn rate(acked: &AtomicU64, for_: Duration) -> f64 {
    let before = acked.load(Ordering::Relaxed);
    std::thread::sleep(for_);
    (acked.load(Ordering::Relaxed) - before) as f64 / for_.as_secs_f64()
}

/// The master's disk turns slow: within the window plus an election a
/// healthy replica is master; the old master, healed at once, is not
/// elected back during its hold-off (no flapping).
#[test]
fn a_master_with_a_slow_disk_hands_over_to_a_healthy_replica_and_stays_away() {
    let dir = tempfile::tempdir().unwrap();
    let c = sick_cluster("sick", dir.path());
    let m = c.wait_for_master(None);
    let via = c.other_than(m);
    let (stop, acked) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicU64::new(0)));
    let w = writer(c.http(via), Arc::clone(&stop), Arc::clone(&acked));
    let before = rate(&acked, Duration::from_secs(2));

    set_disk(dir.path(), m, SICK_MS);
    let sick_at = Instant::now();
    let during = rate(&acked, Duration::from_secs(1));
    let new = c.wait_for_master(Some(m));
    let moved = sick_at.elapsed();
    let log = c.sites[m].log();
    assert!(log.contains("fish_event=\"stepped_down\" reason=\"slow_disk\""), "{log}");
    assert!(log.contains("fish_event=\"disk_slow\""), "{log}");
    let after = rate(&acked, Duration::from_secs(2));

    // Healed at once: the old master still stays away for its hold-off,
    // and nobody else takes over either.
    set_disk(dir.path(), m, "0");
    let g = generation(&c.http(new));
    let until = Instant::now() + Duration::from_secs(8);
    while Instant::now() < until {
        assert_eq!(c.wait_for_master(None), new, "mastership moved again during the hold-off");
        std::thread::sleep(Duration::from_millis(500));
    }
    assert_eq!(generation(&c.http(new)), g, "no election during the hold-off");
    stop.store(true, Ordering::Relaxed);
    let longest = w.join().unwrap();
    eprintln!(
        "slow master disk (+{SICK_MS} ms per sync): writes/s before {before:.0}, while sick {during:.0}, after the hand-over {after:.0}; \
         mastership moved {moved:?} after the disk turned slow (window 2 s); longest gap between 204s {longest:?}"
    );
}

/// Every disk slow: no candidate is healthier, so nobody steps down.
#[test]
fn with_every_disk_slow_the_master_stays() {
    let dir = tempfile::tempdir().unwrap();
    let c = sick_cluster("allsick", dir.path());
    let m = c.wait_for_master(None);
    let g = generation(&c.http(m));
    for i in 0..3 {
        set_disk(dir.path(), i, SICK_MS);
    }
    wait_until("the master to see its disk slow and stay", Duration::from_secs(30), || {
        c.sites[m].log().contains("slow_disk_stays_master")
    });
    std::thread::sleep(Duration::from_secs(3));
    for i in 0..3 {
        set_disk(dir.path(), i, "0");
    }
    assert_eq!(c.wait_for_master(None), m);
    assert_eq!(generation(&c.http(m)), g, "no election");
    assert!(!c.sites[m].log().contains("stepped_down"), "{}", c.sites[m].log());
}
