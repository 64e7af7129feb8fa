//! Berkeley DB patches 0006 (poll instead of select) and 0007 (no 5 s stall
//! in the membership reload) as users meet them: a back-end with thousands
//! of HTTP connections, and sites joining at once while another syncs.

use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::cluster::{Cluster, FAST, put_until_ok};
use crate::harness::{Site, wait_until};

/// The open descriptor numbers of process `pid`.
fn fds(pid: u32) -> Vec<u32> {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect()
}

/// Raises this process's soft descriptor limit (inherited by the sites).
pub fn allow_fds(n: u64) {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    let (soft, hard) = getrlimit(Resource::RLIMIT_NOFILE).unwrap();
    assert!(hard >= n, "this test needs {n} descriptors; the hard limit is {hard}");
    if soft < n {
        setrlimit(Resource::RLIMIT_NOFILE, n, hard).unwrap();
    }
}

/// With 2,000 idle HTTP connections open on the master, every descriptor
/// below 1024 is taken, so the replication connections of a restarted peer
/// get descriptors above FD_SETSIZE: repmgr's select() wrote past its
/// fd_set there (patch 0006 replaced it with poll()). The peer must
/// reconnect and acknowledge quorum writes on those connections.
#[test]
fn replication_reconnects_on_descriptors_above_1024_while_2000_http_connections_are_open() {
    allow_fds(4096);
    let mut c = Cluster::start("fds", 3, FAST);
    let m = c.wait_for_master(None);
    let peer = c.other_than(m);
    let third = (0..3).find(|&i| i != m && i != peer).unwrap();
    assert!(c.sites[peer].stop().success());

    let addr = c.sites[m].url.trim_start_matches("http://").to_string();
    let idle: Vec<TcpStream> = (0..2000).map(|_| TcpStream::connect(&addr).unwrap()).collect();
    let pid = c.sites[m].pid().unwrap();
    wait_until("the master to hold the 2,000 connections", Duration::from_secs(30), || fds(pid).len() > 2000);
    let open = fds(pid);
    let lowest_free = (0..).find(|n| !open.contains(n)).unwrap();
    assert!(lowest_free > 1024, "descriptor {lowest_free} is still free on the master: the test proves nothing");

    c.sites[peer].spawn();
    // Quorum writes now need the restarted peer: stop the other one.
    assert!(c.sites[third].stop().success());
    let started = Instant::now();
    for i in 0..20 {
        let key = format!("high-fd/{i}");
        let http = c.http(m);
        wait_until(&format!("a 204 for {key}"), Duration::from_secs(30), || {
            if let Some(status) = c.sites[m].exited() {
                panic!("the master exited ({status}):\n{}", c.sites[m].log());
            }
            http.try_call("PUT", &format!("/v1/kv/{key}"), &[], b"v").is_ok_and(|a| a.status == 204)
        });
    }
    eprintln!(
        "2,000 idle connections: the restarted peer acknowledged 20 quorum writes within {:.2} s of starting",
        started.elapsed().as_secs_f64()
    );
    let on_peer = c.http(peer).call("GET", "/v1/kv/high-fd/19?consistency=replica", &[], b"");
    assert_eq!(on_peer.status, 200, "the peer has the last write");
    assert!(c.sites[m].exited().is_none() && !c.sites[m].log().contains("PANIC"), "{}", c.sites[m].log());
    drop(idle);
}

/// Two sites join at the same moment while a third is still in its
/// internal init (the master's early logs are gone, so each new site copies
/// the database): all three come up. Before patch 0007 the syncing site's
/// membership reload waited the init's lockout out in 5-second sleeps, so
/// sites had to be added one at a time. The join times are printed (this
/// machine is shared: a benchmark, not an assertion, compares them).
#[test]
fn sites_join_at_once_while_another_is_in_internal_init() {
    const BULK: usize = 160;
    let storage = "[storage]\ncheckpoint_interval_s = 1\n";
    let mut c = Cluster::start("join", 1, &format!("{FAST}{storage}"));
    // BULK MB of log in 16 MiB files, checkpointed every second: the first
    // log file is removed, and a new site needs an internal init.
    let value = vec![b'x'; 1_000_000];
    for i in 0..BULK {
        put_until_ok(&c.http(0), &format!("bulk/{i:02}"), &value, Duration::from_secs(10));
    }
    let first_log = c.sites[0].dir.path().join("data/bdb/log.0000000001");
    wait_until("the master to remove its first log file", Duration::from_secs(30), || {
        let _ = c.http(0).put("tick", b"t");
        !first_log.exists()
    });
    let helper = format!("\"127.0.0.1:{}\"", c.sites[0].rep_port);
    let mut joiners: Vec<Site> = ["join-c", "join-d", "join-e"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let s = Site::create(name, &format!("[replication]\npriority = {}\nhelpers = [{helper}]\n", 50 - i));
            s.reconfigure(&format!("{FAST}{storage}"));
            s
        })
        .collect();
    let t0 = Instant::now();
    joiners[0].spawn_no_wait();
    // D and E start once C is copying the database: a tenth of it is in
    // C's data directory.
    let c_http = joiners[0].http();
    let c_data = joiners[0].dir.path().join("data/bdb");
    wait_until("C to start its internal init", Duration::from_secs(60), || {
        let bytes: u64 = std::fs::read_dir(&c_data)
            .map(|d| d.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum())
            .unwrap_or(0);
        bytes > BULK as u64 * 100_000
    });
    let c_ready_then = c_http.try_call("GET", "/readyz", &[], b"").is_ok_and(|a| a.status == 200);
    joiners[1].spawn_no_wait();
    joiners[2].spawn_no_wait();
    let mut ready = [None; 3];
    wait_until("the three joining sites to be ready", Duration::from_secs(120), || {
        for (i, s) in joiners.iter_mut().enumerate() {
            if let Some(status) = s.exited() {
                panic!("{} exited while joining ({status}):\n{}", s.name, s.log());
            }
            if ready[i].is_none() && s.http().try_call("GET", "/readyz", &[], b"").is_ok_and(|a| a.status == 200) {
                ready[i] = Some(t0.elapsed());
            }
        }
        ready.iter().all(Option::is_some)
    });
    eprintln!(
        "joins (from C's start; D and E started while C was syncing: {}): C {:.2} s, D {:.2} s, E {:.2} s",
        !c_ready_then,
        ready[0].unwrap().as_secs_f64(),
        ready[1].unwrap().as_secs_f64(),
        ready[2].unwrap().as_secs_f64()
    );
    assert!(joiners[0].log().contains("init_done"), "C did not copy the database:\n{}", joiners[0].log());
    // Every site has everything, and a new write reaches them all.
    let put = put_until_ok(&c.http(0), "after-joins", b"v", Duration::from_secs(10));
    let token = put.header("fish-token").unwrap().to_string();
    for s in &joiners {
        let r = s.http().call("GET", "/v1/kv/after-joins?consistency=replica", &[("fish-after", &token)], b"");
        assert_eq!(r.status, 200, "{}", s.name);
        let last = format!("/v1/kv/bulk/{:02}?consistency=replica", BULK - 1);
        assert_eq!(s.http().call("GET", &last, &[], b"").body.len(), 1_000_000);
    }
    c.sites.extend(joiners);
}
