//! The faults: a seeded random schedule of kills, pauses, restarts and
//! partitions against the back-ends, each held for a random time and then
//! healed, with quiet time between. Every fault is printed as it starts, so
//! a failing schedule can be read back and replayed with the same seed.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::net::Net;
use crate::sites::{Group, status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fault {
    /// SIGKILL a site, restart it when the fault ends.
    Kill,
    /// SIGSTOP a site, SIGCONT it when the fault ends.
    Pause,
    /// SIGTERM (graceful leave) and start again when the fault ends.
    Restart,
    /// Cut the master from the other back-ends (clients still reach it).
    IsolateMaster,
    /// One random back-end against the other two.
    Split,
    /// Two back-ends cannot see each other; the third sees both.
    Bridge,
}

const FAULTS: [Fault; 6] =
    [Fault::Kill, Fault::Pause, Fault::Restart, Fault::IsolateMaster, Fault::Split, Fault::Bridge];

pub struct Nemesis {
    rng: StdRng,
    pub counts: BTreeMap<String, u64>,
    t0: Instant,
}

impl Nemesis {
    pub fn new(seed: u64, t0: Instant) -> Nemesis {
        Nemesis { rng: StdRng::seed_from_u64(seed), counts: BTreeMap::new(), t0 }
    }

    /// Runs faults until `until`; returns with everything healed.
    pub fn run(&mut self, group: &mut Group, net: &Net, until: Instant) {
        while Instant::now() < until {
            let fault = *FAULTS.choose(&mut self.rng).unwrap();
            let hold = Duration::from_millis(self.rng.gen_range(500..6000));
            let quiet = Duration::from_millis(self.rng.gen_range(500..3000));
            let n = group.backs.len();
            let site = self.rng.gen_range(0..n);
            let desc = self.inject(fault, site, group, net);
            eprintln!("faults [{:8.3}s]: {desc} for {:.1}s", self.t0.elapsed().as_secs_f64(), hold.as_secs_f64());
            *self.counts.entry(format!("{fault:?}").to_lowercase()).or_default() += 1;
            std::thread::sleep(hold.min(until.saturating_duration_since(Instant::now())));
            self.heal(group, net);
            if Instant::now() >= until {
                // The caller measures convergence from this heal.
                return;
            }
            std::thread::sleep(quiet);
        }
        self.heal(group, net);
    }

    fn inject(&mut self, fault: Fault, site: usize, group: &mut Group, net: &Net) -> String {
        let n = group.backs.len();
        let name = group.backs[site].name.clone();
        match fault {
            Fault::Kill => {
                group.backs[site].sigkill();
                format!("kill {name}")
            }
            Fault::Pause => {
                group.backs[site].pause();
                format!("pause {name}")
            }
            Fault::Restart => {
                group.backs[site].stop();
                format!("stop {name} (SIGTERM)")
            }
            Fault::IsolateMaster => match master_index(group) {
                Some(m) => {
                    let others: Vec<usize> = (0..n).filter(|&j| j != m).collect();
                    net.partition(&[m], &others);
                    format!("isolate master {}", group.backs[m].name)
                }
                None => "isolate master: no master known, nothing cut".into(),
            },
            Fault::Split => {
                let others: Vec<usize> = (0..n).filter(|&j| j != site).collect();
                net.partition(&[site], &others);
                format!("split {name} | others")
            }
            Fault::Bridge => {
                let ends: Vec<usize> = (0..n).filter(|&j| j != site).collect();
                net.partition(&ends[..1], &ends[1..]);
                format!("bridge: {} and {} cut, {name} sees both", group.backs[ends[0]].name, group.backs[ends[1]].name)
            }
        }
    }

    /// Heals the network, resumes paused sites and starts stopped ones.
    pub fn heal(&mut self, group: &mut Group, net: &Net) {
        net.heal();
        for s in &mut group.backs {
            if let Some(status) = s.exited() {
                // The one way a site may end by itself: Berkeley DB panicked
                // the environment (with leases, a commit that outlived the
                // master's lease) and fishd exited for systemd to restart it.
                if !s.log_tail(5).contains("fish_event=\"panic\"") {
                    panic!("{} exited by itself ({status}):\n{}", s.name, s.log_tail(60));
                }
                eprintln!(
                    "faults [{:8.3}s]: {} exited after an environment panic; restarting it",
                    self.t0.elapsed().as_secs_f64(),
                    s.name
                );
                *self.counts.entry("environment_panic_restarts".into()).or_default() += 1;
            }
            if s.paused {
                s.resume();
            }
            if !s.is_running() {
                s.start();
            }
        }
    }
}

/// The back-end that says it is master, if exactly one does.
pub fn master_index(group: &Group) -> Option<usize> {
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_millis(500)).build();
    let masters: Vec<usize> = (0..group.backs.len())
        .filter(|&i| status(&agent, &group.backs[i].url).is_some_and(|s| s.is_master()))
        .collect();
    (masters.len() == 1).then(|| masters[0])
}
