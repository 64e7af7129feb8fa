//! A replication group of real `fishd` back-ends on loopback.

use std::time::{Duration, Instant};

use crate::harness::{Http, Site, wait_until};

/// Short replication timeouts for tests: failures are noticed in ~300 ms.
pub const FAST: &str = "[replication]\nack_timeout_ms = 500\nelection_timeout_ms = 500\nheartbeat_send_ms = 100\nheartbeat_monitor_ms = 300\n";

pub struct Cluster {
    /// Back-ends.
    pub sites: Vec<Site>,
    pub fronts: Vec<Site>,
}

impl Cluster {
    /// `n` back-ends with priorities 100, 90, 80, ...: site 0 creates the
    /// group, the others join through it. `extra` goes into every config.
    pub fn start(prefix: &str, n: usize, extra: &str) -> Cluster {
        Cluster::start_with(prefix, n, extra, |_, _| Vec::new())
    }

    /// [`Cluster::start`], each site prepared by `prepare(i, &site)` before
    /// it starts (it may rewrite the config) and run with the environment
    /// it returns.
    pub fn start_with(
        prefix: &str,
        n: usize,
        extra: &str,
        prepare: impl Fn(usize, &mut Site) -> Vec<(String, String)>,
    ) -> Cluster {
        let mut sites: Vec<Site> = Vec::new();
        for i in 0..n {
            let helpers: Vec<String> = sites.iter().map(|s| format!("\"127.0.0.1:{}\"", s.rep_port)).collect();
            let rep = format!(
                "[replication]\ngroup_creator = {}\npriority = {}\nhelpers = [{}]\n",
                i == 0,
                100 - 10 * i,
                helpers.join(", ")
            );
            let mut site = Site::create(&format!("{prefix}{i}"), &rep);
            site.reconfigure(extra);
            site.env = prepare(i, &mut site);
            site.spawn();
            sites.push(site);
        }
        let cluster = Cluster { sites, fronts: Vec::new() };
        cluster.wait_for_master(None);
        cluster
    }

    /// The index of the site every running site names as master, waiting
    /// (60 s) until they agree and, if given, it is not `not`.
    pub fn wait_for_master(&self, not: Option<usize>) -> usize {
        let mut found = None;
        wait_until("one master that every running site agrees on", Duration::from_secs(60), || {
            found = self.agreed_master().filter(|m| Some(*m) != not);
            found.is_some()
        });
        found.unwrap()
    }

    fn agreed_master(&self) -> Option<usize> {
        let mut master = None;
        for site in self.sites.iter().filter(|s| s.is_running()) {
            let status: fish::api::Status = site.http().try_call("GET", "/v1/status", &[], b"").ok()?.typed()?;
            let known = status.master?;
            known.http?;
            let rep = known.replication;
            let idx = self.sites.iter().position(|s| rep.ends_with(&format!(":{}", s.rep_port)))?;
            if master.is_some_and(|m| m != idx) {
                return None;
            }
            master = Some(idx);
        }
        master
    }

    pub fn http(&self, i: usize) -> Http {
        self.sites[i].http()
    }

    /// A running site other than `i`.
    pub fn other_than(&self, i: usize) -> usize {
        (0..self.sites.len()).find(|j| *j != i && self.sites[*j].is_running()).expect("another running site")
    }
}

/// Retries a write until it gets 204 (bounded), returning the answer.
pub fn put_until_ok(h: &Http, key: &str, value: &[u8], within: Duration) -> crate::harness::Answer {
    let deadline = Instant::now() + within;
    loop {
        if let Ok(a) = h.try_call("PUT", &format!("/v1/kv/{key}"), &[], value)
            && a.status == 204
        {
            return a;
        }
        assert!(Instant::now() < deadline, "no 204 for {key} within {within:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Cluster {
    /// Adds a front-end that joins through every back-end; `extra` is merged
    /// into its config (e.g. `[front] mode = ...`). Waits until it is ready.
    pub fn add_front(&mut self, name: &str, extra: &str) -> usize {
        self.add_front_with(name, extra, |_| ())
    }

    /// [`Cluster::add_front`], the front-end prepared by `prepare` first.
    pub fn add_front_with(&mut self, name: &str, extra: &str, prepare: impl Fn(&Site)) -> usize {
        let backs: Vec<&Site> = self.sites.iter().collect();
        let helpers: Vec<String> = backs.iter().map(|s| format!("\"127.0.0.1:{}\"", s.rep_port)).collect();
        let http: Vec<String> = backs.iter().map(|s| format!("\"{}\"", s.url.trim_start_matches("http://"))).collect();
        let site =
            Site::create(name, &format!("role = \"front\"\n[replication]\nhelpers = [{}]\n", helpers.join(", ")));
        site.reconfigure(&extra.replace("BACKENDS", &http.join(", ")));
        prepare(&site);
        let mut site = site;
        site.spawn();
        self.fronts.push(site);
        self.fronts.len() - 1
    }
}
