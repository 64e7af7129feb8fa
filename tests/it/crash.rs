//! Crash safety: SIGKILL `fishd` in the middle of a concurrent write loop,
//! restart it, and every write that got a 204 is there with its value and
//! version.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crate::harness::{Site, wait_until};

const WRITERS: usize = 8;
const ROUNDS: usize = 3;
/// Acknowledged writes to collect before pulling the plug, per round.
const ACKED_BEFORE_KILL: usize = 300;

struct Acked {
    key: String,
    value: Vec<u8>,
    version: u64,
}

#[test]
fn every_acknowledged_write_survives_sigkill_mid_load() {
    let mut site = Site::start("crash", "");
    let mut all: Vec<Acked> = Vec::new();
    for round in 0..ROUNDS {
        let stop = Arc::new(AtomicBool::new(false));
        let count = Arc::new(AtomicUsize::new(0));
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (h, stop, count) = (site.http(), Arc::clone(&stop), Arc::clone(&count));
                std::thread::spawn(move || {
                    let mut acked = Vec::new();
                    // Bounded: the kill ends it long before this many.
                    for i in 0..1_000_000u64 {
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                        let key = format!("r{round}-w{w}-{i}");
                        let value = format!("value of {key} {}", "x".repeat((i % 64) as usize)).into_bytes();
                        match h.try_call("PUT", &format!("/v1/kv/{key}"), &[], &value) {
                            Ok(a) if a.status == 204 => {
                                acked.push(Acked { key, value, version: a.version() });
                                count.fetch_add(1, Ordering::Relaxed);
                            }
                            Ok(a) => panic!("unexpected {} for {key}", a.status),
                            Err(_) => break, // the site died under us
                        }
                    }
                    acked
                })
            })
            .collect();
        wait_until("writes to be acknowledged", Duration::from_secs(120), || {
            count.load(Ordering::Relaxed) >= ACKED_BEFORE_KILL
        });
        site.kill();
        stop.store(true, Ordering::Relaxed);
        for w in writers {
            all.extend(w.join().unwrap());
        }
        site.spawn();
        let h = site.http();
        let lost: Vec<&str> = all
            .iter()
            .filter(|a| {
                let r = h.get(&a.key);
                !(r.status == 200 && r.body == a.value && r.version() == a.version)
            })
            .map(|a| a.key.as_str())
            .collect();
        assert!(
            lost.is_empty(),
            "round {round}: {} of {} acknowledged writes lost or changed: {:?}",
            lost.len(),
            all.len(),
            &lost[..lost.len().min(10)]
        );
        assert!(site.log().contains("recovery done"));
    }
    assert!(all.len() >= ROUNDS * ACKED_BEFORE_KILL);
}

#[test]
fn a_damaged_database_file_stops_the_start_with_an_error_naming_it() {
    let mut site = Site::start("damaged", "");
    assert_eq!(site.http().put("kept", b"yes").status, 204);
    assert_eq!(site.stop().code(), Some(0));
    let file = site.dir.path().join("data/bdb/kv.db");
    let original = std::fs::read(&file).unwrap();
    let mut damaged = original.clone();
    damaged[..32].copy_from_slice(&[0x5a; 32]);
    std::fs::write(&file, &damaged).unwrap();

    site.spawn_no_wait();
    let status = site.wait_exit(Duration::from_secs(30));
    let log = site.log();
    assert!(!status.success(), "fishd started on a damaged kv.db:\n{log}");
    assert!(log.contains(&format!("{} is damaged", file.display())), "{log}");
    assert!(!log.contains("panicked"), "{log}");
    // Nothing else was touched: with the file repaired the data is there.
    std::fs::write(&file, &original).unwrap();
    site.spawn();
    assert_eq!(site.http().get("kept").body, b"yes");
}
