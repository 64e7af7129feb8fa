//! Issue "Partitions, pauses and bad reloads", point 1: a one-way cut must
//! not depose a healthy master. The master stops receiving the packets of
//! one replica (its own still leave); that replica loses the master and
//! calls elections, but the third site still hears the master and declines
//! them (patch 0012), so the master stays, with no election, and writes
//! keep being acknowledged (the third site acks them).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::nemesis::master_index;
use crate::net::Net;
use crate::sites::{Group, status};

#[test]
#[ignore = "needs root, network namespaces and nftables: run tests/system/faults.sh"]
fn a_one_way_cut_between_the_master_and_a_replica_deposes_nobody() {
    assert!(nix::unistd::geteuid().is_root(), "the fault suite needs root (network namespaces)");
    let net = Net::new(3);
    let group = Group::start(&net);
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(2)).build();
    let front = group.fronts[0].url.clone();
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (stop, acked, agent, front) = (Arc::clone(&stop), Arc::clone(&acked), agent.clone(), front.clone());
        std::thread::spawn(move || {
            let mut written = Vec::new();
            let mut i = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let key = format!("oneway-{i}");
                if agent.put(&format!("{front}/v1/kv/{key}")).send_string(&key).is_ok_and(|r| r.status() == 204) {
                    acked.fetch_add(1, Ordering::Relaxed);
                    written.push(key);
                }
                i += 1;
            }
            written
        })
    };
    let m = master_index(&group).expect("one master after start");
    let generation = |i: usize| status(&agent, &group.backs[i].url).map(|s| s.generation);
    let before = generation(m).expect("the master answers");
    let master_rep = format!("{}:7000", net.addrs[m]);
    let mut during = Vec::new();
    for round in 0..10 {
        let r = [1, 2].map(|d| (m + d) % 3)[round % 2];
        let acked_before = acked.load(Ordering::Relaxed);
        net.cut_inbound(m, &[r]);
        let cut = Instant::now();
        while cut.elapsed() < Duration::from_secs(4) {
            // Every site that answers names the same master in the same
            // generation (a slow answer is not a change of master).
            for i in 0..3 {
                if let Some(s) = status(&agent, &group.backs[i].url) {
                    let named = s.master.as_ref().map(|x| x.replication.clone());
                    assert!(
                        s.generation == before && named.as_deref() == Some(master_rep.as_str()),
                        "round {round} (back{m} cut from back{r}'s packets), {:?} in: back{i} says {} in generation {} (was {before})",
                        cut.elapsed(),
                        s.status,
                        s.generation
                    );
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        net.heal();
        let n = acked.load(Ordering::Relaxed) - acked_before;
        during.push(n);
        assert!(n > 0, "round {round}: no write acknowledged during the cut");
        std::thread::sleep(Duration::from_secs(1));
    }
    stop.store(true, Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert_eq!(master_index(&group), Some(m), "the master changed");
    assert_eq!(generation(m), Some(before), "an election happened (generation {before} before)");
    eprintln!("oneway: 10 one-way cuts of 4 s: no election; writes acknowledged during each cut: {during:?}");
    let lost: Vec<&String> = written
        .iter()
        .filter(|k| agent.get(&format!("{}/v1/kv/{k}", group.backs[m].url)).call().is_err())
        .take(5)
        .collect();
    assert!(lost.is_empty(), "acknowledged writes missing on the master: {lost:?}");
}
