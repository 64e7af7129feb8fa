//! A master cut off from the other back-ends, while they elect a new one
//! that takes writes: the old master still believes it is master, so a
//! `consistency=master` read there answers the old value, and a
//! linearizable read (the default) must refuse (503/504) instead.

use std::time::{Duration, Instant};

use crate::nemesis::master_index;
use crate::net::Net;
use crate::sites::{Group, status};

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new().timeout(Duration::from_secs(15)).build()
}

/// Status and body of a request, whatever the status.
fn call(method: &str, url: &str, body: &str) -> (u16, String) {
    match agent().request(method, url).send_string(body) {
        Ok(r) => (r.status(), r.into_string().unwrap_or_default()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap_or_default()),
        Err(e) => panic!("{method} {url}: {e}"),
    }
}

#[test]
#[ignore = "needs root, network namespaces and nftables: run tests/system/faults.sh"]
fn a_cut_off_master_refuses_linearizable_reads_that_a_master_read_answers_stale() {
    assert!(nix::unistd::geteuid().is_root(), "needs root (network namespaces)");
    let net = Net::new(3);
    let mut group = Group::start(&net);
    // Only the back-ends: a view connected to both sides could carry the
    // news of the new master to the old one and end the stale window early.
    for front in &mut group.fronts {
        front.stop();
    }
    let old = master_index(&group).expect("one master");
    let url = |i: usize| group.backs[i].url.clone();
    assert_eq!(call("PUT", &format!("{}/v1/kv/k", url(old)), "old").0, 204);
    let others: Vec<usize> = (0..3).filter(|&i| i != old).collect();
    net.partition(&[old], &others);

    // The two others elect a master and take a write.
    let deadline = Instant::now() + Duration::from_secs(60);
    let new = loop {
        let a = ureq::AgentBuilder::new().timeout(Duration::from_millis(500)).build();
        if let Some(&i) = others.iter().find(|&&i| status(&a, &url(i)).is_some_and(|s| s.is_master())) {
            break i;
        }
        assert!(Instant::now() < deadline, "no new master among {others:?} within 60 s");
        std::thread::sleep(Duration::from_millis(100));
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while call("PUT", &format!("{}/v1/kv/k", url(new)), "new").0 != 204 {
        assert!(Instant::now() < deadline, "the new master did not take a write within 30 s");
        std::thread::sleep(Duration::from_millis(200));
    }

    // The old master still believes it is master: a master read is stale...
    let (status_code, body) = call("GET", &format!("{}/v1/kv/k?consistency=master", url(old)), "");
    assert_eq!(
        (status_code, body.as_str()),
        (200, "old"),
        "the cut-off master should still serve its stale copy at consistency=master"
    );
    // ... and a linearizable read is refused, every time, never stale.
    let mut refusals = Vec::new();
    for path in ["/v1/kv/k", "/v1/kv/k?consistency=linearizable", "/v1/kv?prefix=k"] {
        let started = Instant::now();
        let (code, body) = call("GET", &format!("{}{path}", url(old)), "");
        assert!(
            code == 503 || code == 504,
            "a linearizable read on the cut-off master answered {code} {body} (stale: {})",
            body.contains("old")
        );
        assert!(body.contains("not_confirmed"), "{body}");
        refusals.push(format!("{path}: {code} after {} ms", started.elapsed().as_millis()));
    }
    // A read-only transaction is linearizable too.
    let (code, body) = call("POST", &format!("{}/v1/txn", url(old)), r#"{"ops":[{"op":"get","key":"k"}]}"#);
    assert!(code == 503 || code == 504, "a read-only txn on the cut-off master answered {code} {body}");
    eprintln!("stale: linearizable reads refused on the cut-off master: {refusals:?}");

    // Healed, the old master learns of the new one; linearizable reads
    // anywhere answer the new value.
    net.heal();
    let deadline = Instant::now() + Duration::from_secs(60);
    for i in 0..3 {
        loop {
            let (code, body) = call("GET", &format!("{}/v1/kv/k", url(i)), "");
            if code == 200 {
                assert_eq!(body, "new", "back{i} after healing");
                break;
            }
            assert!(Instant::now() < deadline, "back{i}: no linearizable read within 60 s of healing: {code} {body}");
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}
