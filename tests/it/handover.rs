//! Handing mastership over on purpose (`POST /v1/step-down`, `fishctl
//! step-down`; Berkeley DB patch 0013): real `fishd` processes, a write
//! loop through a view front-end, every acknowledged write checked after.

use std::collections::HashMap;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::cluster::{Cluster, FAST};
use crate::harness::{FISHCTL, Http};

/// What one writer saw.
#[derive(Default)]
struct Seen {
    acked: Vec<(String, u64)>,
    /// Answers other than 204, by status and error code.
    other: HashMap<String, usize>,
    longest_gap: Duration,
}

/// Writers through `via` until `stop`: each keeps its acknowledged keys and
/// versions, the other answers, and its longest time between two 204s.
fn writers(via: &Http, n: usize, stop: &Arc<AtomicBool>) -> Vec<std::thread::JoinHandle<Seen>> {
    (0..n)
        .map(|w| {
            let (http, stop) = (via.clone(), Arc::clone(stop));
            std::thread::spawn(move || {
                let mut seen = Seen::default();
                let mut last = Instant::now();
                for i in 0..200_000u32 {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let key = format!("w{w}/{i:06}");
                    match http.try_call("PUT", &format!("/v1/kv/{key}"), &[], key.as_bytes()) {
                        Ok(a) if a.status == 204 => {
                            seen.longest_gap = seen.longest_gap.max(last.elapsed());
                            last = Instant::now();
                            seen.acked.push((key, a.version()));
                        }
                        Ok(a) => *seen.other.entry(format!("{} {}", a.status, a.error_code())).or_default() += 1,
                        Err(e) => *seen.other.entry(format!("no answer: {e}")).or_default() += 1,
                    }
                }
                seen
            })
        })
        .collect()
}

/// Ten planned hand-overs in a row under a write loop through a front-end:
/// every one moves mastership, no acknowledged write is lost, and no
/// writer sees anything but 204 (the longest gap between two is reported).
#[test]
fn ten_planned_hand_overs_under_writes_lose_nothing_and_answer_only_204() {
    let mut c = Cluster::start("ho", 3, FAST);
    let f = c.add_front("ho-front", "");
    let front = c.fronts[f].http();
    wait_registered(&c);
    let stop = Arc::new(AtomicBool::new(false));
    let threads = writers(&front, 4, &stop);
    std::thread::sleep(Duration::from_millis(500));
    let mut took = Vec::new();
    for round in 0..10 {
        let m = c.wait_for_master(None);
        let a = c.http(m).call("POST", "/v1/step-down", &[], b"");
        assert_eq!(a.status, 200, "round {round}: {}", String::from_utf8_lossy(&a.body));
        let done = a.json();
        took.push(done["took_ms"].as_u64().unwrap());
        let new = c.wait_for_master(Some(m));
        assert_eq!(done["to"].as_str(), Some(c.sites[new].name.as_str()), "round {round}: {done}");
        std::thread::sleep(Duration::from_millis(300));
    }
    stop.store(true, Ordering::Relaxed);
    let seen: Vec<Seen> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let m = c.wait_for_master(None);
    let acked: usize = seen.iter().map(|s| s.acked.len()).sum();
    let gaps: Vec<Duration> = seen.iter().map(|s| s.longest_gap).collect();
    took.sort_unstable();
    eprintln!(
        "10 hand-overs: took {took:?} ms (median {} ms); {acked} writes acknowledged; longest gap between 204s per writer: {gaps:?}",
        took[took.len() / 2]
    );
    for (w, s) in seen.iter().enumerate() {
        assert!(s.other.is_empty(), "writer {w} got answers other than 204: {:?}", s.other);
        for (key, version) in &s.acked {
            let r = c.http(m).get(key);
            assert_eq!((r.status, r.version()), (200, *version), "{key} was acknowledged");
        }
    }
    assert!(acked > 200, "the writes ran across the hand-overs: {acked}");
}

/// A target that answers late (frozen with SIGSTOP here; on a loaded host,
/// its answer can come after the clients' own election 200 ms after the
/// step-down) finds the group already elected without it: it says so, the
/// old master calls no election of its own, and the step-down answers 200
/// naming the site the group chose, rather than the target refusing after
/// `master_wait` (a 5 s stall of every write, then 503).
#[test]
fn a_hand_over_whose_target_answers_after_the_group_elected_ends_with_that_master() {
    let c = Cluster::start("hl", 3, FAST);
    wait_registered(&c);
    let m = c.wait_for_master(None);
    let (t, o) = ((m + 1) % 3, (m + 2) % 3);
    c.sites[t].signal(nix::sys::signal::Signal::SIGSTOP);
    let old = c.http(m);
    let ask = format!(r#"{{"to":"{}"}}"#, c.sites[t].name);
    let asked = std::thread::spawn(move || {
        let started = Instant::now();
        let a = old.call("POST", "/v1/step-down", &[("content-type", "application/json")], ask.as_bytes());
        (a, started.elapsed())
    });
    crate::harness::wait_until("the two unfrozen sites to elect one of them", Duration::from_secs(30), || {
        let state = |i: usize| {
            c.http(i).try_call("GET", "/v1/status", &[], b"").ok().and_then(|a| a.typed::<fish::api::Status>())
        };
        state(o).is_some_and(|s| s.state == "master") && state(m).is_some_and(|s| s.state == "client")
    });
    std::thread::sleep(Duration::from_millis(300));
    c.sites[t].signal(nix::sys::signal::Signal::SIGCONT);
    let (a, took) = asked.join().unwrap();
    eprintln!("step-down answered {} after {took:?}: {}", a.status, String::from_utf8_lossy(&a.body));
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
    assert_eq!(a.json()["to"].as_str(), Some(c.sites[o].name.as_str()), "the site the group elected");
    assert_eq!(c.wait_for_master(None), o);
    assert!(c.sites[m].log().contains("the group elected a master by itself"), "{}", c.sites[m].log());
    assert_eq!(c.http(o).put("after", b"x").status, 204);
    assert_eq!(c.http(t).get("after?consistency=master").status, 200);
}

/// Waits until the master knows the registration (name, priority, HTTP
/// address) of every site of `c`: a hand-over picks its target by them.
fn wait_registered(c: &Cluster) {
    let names: Vec<String> = c.sites.iter().chain(&c.fronts).map(|s| s.name.clone()).collect();
    crate::harness::wait_until("the master to know every registration", Duration::from_secs(30), || {
        let m = c.wait_for_master(None);
        let Some(members) = c.http(m).call("GET", "/v1/members", &[], b"").typed::<fish::api::Members>() else {
            return false;
        };
        names.iter().all(|n| n == &c.sites[m].name || members.members.iter().any(|s| s.name.as_deref() == Some(n)))
    });
}

fn fishctl(url: &str, args: &[&str]) -> std::process::Output {
    Command::new(FISHCTL).arg("--url").arg(url).args(args).env_remove("FISH_URL").output().unwrap()
}

/// `fishctl step-down --to SITE` through a front-end moves mastership to
/// that site, even when it has the lowest priority; a site that cannot
/// take over is refused by name, and the master stays.
#[test]
fn fishctl_step_down_to_a_named_site_moves_mastership_there() {
    let mut c = Cluster::start("sd", 3, FAST);
    let f = c.add_front("sd-front", "");
    let url = c.fronts[f].url.clone();
    let m = c.wait_for_master(None);
    assert_eq!(m, 0, "the highest priority site creates the group");
    wait_registered(&c);

    let out = fishctl(&url, &["step-down", "--to", "sd-front"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("view"), "{err}");
    let out = fishctl(&url, &["step-down", "--to", "nobody"]);
    assert_eq!(out.status.code(), Some(1), "not found: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(c.wait_for_master(None), 0, "a refused step-down leaves the master in place");

    let out = fishctl(&url, &["step-down", "--to", "sd2"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("handed mastership over to sd2"), "{err}");
    assert_eq!(c.wait_for_master(Some(0)), 2);
    assert_eq!(c.fronts[f].http().put("after", b"x").status, 204);
    // Without --to, the electable site with the highest priority: sd0,
    // back at its own priority after the hand-over.
    let out = fishctl(&url, &["step-down"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(c.wait_for_master(Some(2)), 0);
}
