//! SIGHUP reload of a running fishd.

use std::time::Duration;

use crate::cluster::{Cluster, FAST};
use crate::harness::{Site, free_port, wait_until};

#[test]
fn sighup_applies_ack_policy_and_log_level_and_keeps_restart_only_settings() {
    let mut c = Cluster::start("hup", 3, FAST);
    let m = c.wait_for_master(None);
    let down = c.other_than(m);
    assert!(c.sites[down].stop().success());
    assert_eq!(c.http(m).put("before", b"1").status, 204, "quorum: one back-end down is fine");
    let moved = free_port();
    c.sites[m].reconfigure(&format!(
        "[replication]\nack_policy = \"all\"\n[log]\nlevel = \"debug\"\n[http]\nlisten = \"127.0.0.1:{moved}\"\n"
    ));
    c.sites[m].hup();
    wait_until("the reload to finish", Duration::from_secs(10), || c.sites[m].log().contains("configuration reloaded"));
    let log = c.sites[m].log();
    assert!(log.contains("replication.ack_policy changed"), "{log}");
    assert!(log.contains("log.level changed"));
    assert!(log.contains("reload_needs_restart") && log.contains("http.listen"));
    // The running HTTP address stays; the new ack policy is in force.
    let r = c.http(m).put("after", b"2");
    assert_eq!((r.status, r.error_code().as_str()), (503, "not_acknowledged"), "{}", String::from_utf8_lossy(&r.body));
    // Debug events now appear (e.g. the retried connection to the stopped site).
    wait_until("a debug-level event", Duration::from_secs(10), || c.sites[m].log().contains("DEBUG"));
}

/// Issue "One door per concern": the member's registration was built once at
/// start, so a reloaded priority reached Berkeley DB but not the registry,
/// and the group's reported fault tolerance stayed wrong until a restart.
#[test]
fn a_reloaded_priority_reaches_the_registry_and_the_reported_fault_tolerance() {
    let c = Cluster::start("hupprio", 3, FAST);
    let m = c.wait_for_master(None);
    let electable = |c: &Cluster| {
        let status: fish::api::Status = c.http(m).call("GET", "/v1/status", &[], b"").typed()?;
        Some(status.fault_tolerance?.electable)
    };
    wait_until("every back-end registered as electable", Duration::from_secs(30), || electable(&c) == Some(3));
    let other = c.other_than(m);
    c.sites[other].reconfigure("[replication]\npriority = 0\n");
    c.sites[other].hup();
    wait_until("the registry to follow the reload", Duration::from_secs(15), || electable(&c) == Some(2));
    let log = c.sites[other].log();
    assert!(log.contains("replication.priority changed"), "{log}");
}

/// Issue "Partitions, pauses and bad reloads": a file truncated to nothing
/// parsed as "all defaults" and SIGHUP applied it (election timeout 500 ->
/// 1000 ms, a non-default ack policy back to quorum).
#[test]
fn an_empty_file_is_refused_by_sighup_and_by_check_and_changes_nothing() {
    let mut site = Site::start("hupempty", "[replication]\nack_policy = \"one\"\nelection_timeout_ms = 500\n");
    std::fs::write(&site.config, "").unwrap();
    let check = std::process::Command::new(crate::harness::FISHD)
        .args(["check", "--config"])
        .arg(&site.config)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(!check.status.success() && said.contains("role is missing"), "{said}");
    site.hup();
    wait_until("the refused reload", Duration::from_secs(10), || site.log().contains("reload_failed"));
    assert!(site.log().contains("role is missing"), "{}", site.log());
    let status: fish::api::Status = site.http().call("GET", "/v1/status", &[], b"").typed().unwrap();
    assert_eq!(status.ack_policy.as_deref(), Some("one"), "the running config stays");
    assert!(!site.log().contains("reload_applied"));
    assert!(site.stop().success());
}

/// A key that was set and is no longer in the file falls back to its
/// default: the reload says which.
#[test]
fn a_reload_names_each_key_that_left_the_file() {
    let site = Site::start("hupgone", "[replication]\nelection_timeout_ms = 500\n");
    let mut table: toml::Table = std::fs::read_to_string(&site.config).unwrap().parse().unwrap();
    table["replication"].as_table_mut().unwrap().remove("election_timeout_ms");
    std::fs::write(&site.config, toml::to_string(&table).unwrap()).unwrap();
    site.hup();
    wait_until("the reload", Duration::from_secs(10), || site.log().contains("configuration reloaded"));
    let log = site.log();
    assert!(log.contains("replication.election_timeout_ms is no longer in the file"), "{log}");
    assert!(log.contains("replication.election_timeout_ms changed"), "{log}");
}

/// Priority 0 on the running master was applied and left it master.
#[test]
fn priority_zero_is_refused_on_the_master() {
    let site = Site::start("hupprio0", "");
    site.reconfigure("[replication]\npriority = 0\n");
    site.hup();
    wait_until("the reload", Duration::from_secs(10), || site.log().contains("configuration reloaded"));
    assert!(site.log().contains("replication.priority = 0 refused on the master"), "{}", site.log());
    let status: fish::api::Status = site.http().call("GET", "/v1/status", &[], b"").typed().unwrap();
    assert_eq!(status.priority, Some(100));
}

#[test]
fn a_config_that_no_longer_parses_is_reported_and_the_running_one_stays() {
    let mut site = Site::start("hupbad", "");
    std::fs::write(&site.config, "role = \"back\"\n[http\nlisten = 3\n").unwrap();
    site.hup();
    wait_until("the reload failure", Duration::from_secs(10), || site.log().contains("reload_failed"));
    assert_eq!(site.http().put("k", b"v").status, 204, "still serving with the running config");
    assert!(site.stop().success());
}

#[test]
fn sigterm_of_the_master_under_load_hands_over_and_drops_no_acknowledged_write() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let mut c = Cluster::start("term", 3, FAST);
    let m = c.wait_for_master(None);
    let survivors: Vec<usize> = (0..3).filter(|&i| i != m).collect();
    // Writers through the two other sites (forwarded to whichever site is
    // master), keeping every key that got a 204.
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = survivors
        .iter()
        .flat_map(|&via| (0..2).map(move |w| (via, w)))
        .map(|(via, w)| {
            let (http, stop) = (c.http(via), Arc::clone(&stop));
            std::thread::spawn(move || {
                let (mut acked, mut failed) = (Vec::new(), Vec::new());
                for n in 0..20_000u32 {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let key = format!("s{via}w{w}/{n:05}");
                    match http.try_call("PUT", &format!("/v1/kv/{key}"), &[], key.as_bytes()) {
                        Ok(a) if a.status == 204 => acked.push(key),
                        Ok(a) => failed.push(format!("{} {}", a.status, a.error_code())),
                        Err(e) => failed.push(e),
                    }
                }
                (acked, failed)
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let t0 = std::time::Instant::now();
    let status = c.sites[m].stop();
    assert!(status.success(), "{status:?}\n{}", c.sites[m].log());
    let stopped = t0.elapsed();
    let new = c.wait_for_master(Some(m));
    let elected = t0.elapsed();
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, Ordering::Relaxed);
    let (acked, failed): (Vec<Vec<String>>, Vec<Vec<String>>) = writers.into_iter().map(|t| t.join().unwrap()).unzip();
    // The master handed mastership over before leaving: a planned restart
    // costs each client at most one retry.
    assert!(failed.iter().all(|f| f.len() <= 1), "answers other than 204 per writer: {failed:?}");
    let acked: Vec<String> = acked.concat();
    eprintln!(
        "SIGTERM of the master under load: exited after {stopped:?}, new master agreed after {elected:?}; {} writes acknowledged",
        acked.len()
    );
    let log = c.sites[m].log();
    assert!(log.contains("shutting down") && log.contains("stopped cleanly"), "{log}");
    assert!(log.contains("fish_event=\"stepped_down\" reason=\"shutdown\""), "{log}");
    // The whole shutdown sequence ran: every task ended, nothing held the
    // store, and closing the environment closed the replication group.
    assert!(log.contains("replication_closed") && !log.contains("still in use"), "{log}");
    let h = c.http(new);
    for key in &acked {
        assert_eq!(h.get(key).body, key.as_bytes(), "{key} was acknowledged and is lost");
    }
    assert!(acked.len() > 100, "the load ran across the failover: {} writes", acked.len());
    assert_eq!(c.http(new).put("after", b"x").status, 204);
}

#[test]
fn a_second_sigterm_exits_at_once_and_loses_no_committed_write() {
    use std::io::{Read, Write};
    let mut site = Site::start("term2", "");
    assert_eq!(site.http().put("kept", b"v").status, 204);
    // An in-flight request whose body never finishes: it holds the graceful
    // drain for its full bound.
    let mut slow = std::net::TcpStream::connect(site.url.trim_start_matches("http://")).unwrap();
    slow.write_all(b"PUT /v1/kv/slow HTTP/1.1\r\nHost: fish\r\nContent-Length: 100\r\n\r\nabc").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    site.signal(nix::sys::signal::Signal::SIGTERM);
    wait_until("the graceful shutdown to begin", Duration::from_secs(10), || site.log().contains("shutting down"));
    std::thread::sleep(Duration::from_millis(300));
    assert!(!site.log().contains("stopped cleanly"), "the drain is waiting for the in-flight request");
    site.signal(nix::sys::signal::Signal::SIGTERM);
    let status = site.wait_exit(Duration::from_secs(5));
    assert_eq!(status.code(), Some(1), "a forced exit is not a clean one:\n{}", site.log());
    assert!(site.log().contains("second shutdown signal"));
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    assert!(rest.is_empty(), "the unfinished request got no answer: {}", String::from_utf8_lossy(&rest));
    // Recovery at the next start keeps every committed write, and the
    // unfinished one was never written.
    site.spawn();
    assert_eq!(site.http().get("kept").body, b"v");
    assert_eq!(site.http().get("slow").status, 404);
}

#[test]
fn sigterm_drains_the_in_flight_requests_of_a_back_end() {
    let mut site = Site::start("drainback", "");
    let keys = sigterm_with_requests_in_flight_on_every_thread(&mut site);
    site.spawn();
    for key in keys {
        assert_eq!(site.http().get(&key).body, b"abc", "{key}");
    }
}

#[test]
fn sigterm_drains_the_in_flight_requests_of_every_http_thread_of_a_front_end() {
    let mut c = Cluster::start("drainfront", 1, FAST);
    let f = c.add_front("drainfront-f", "[front]\nmode = \"member\"\n");
    let keys = sigterm_with_requests_in_flight_on_every_thread(&mut c.fronts[f]);
    for key in keys {
        assert_eq!(c.http(0).get(&key).body, b"abc", "{key}");
    }
}

/// Puts a write in flight on more connections than `site` has HTTP threads
/// (a front-end deals connections round-robin to one per core), SIGTERMs
/// it, and finishes the writes during the drain, the last one well after
/// the others: every write is answered 204 and the site exits cleanly.
/// Returns the keys written.
fn sigterm_with_requests_in_flight_on_every_thread(site: &mut Site) -> Vec<String> {
    use std::io::{Read, Write};
    let n = 2 * std::thread::available_parallelism().map_or(1, |n| n.get()) + 1;
    let keys: Vec<String> = (0..n).map(|i| format!("drain{i}")).collect();
    let addr = site.url.trim_start_matches("http://").to_owned();
    let mut pending: Vec<_> = keys
        .iter()
        .map(|key| {
            let mut s = std::net::TcpStream::connect(&addr).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
            // A whole request first: the connection is being served.
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: fish\r\n\r\n").unwrap();
            let mut head = [0u8; 12];
            s.read_exact(&mut head).unwrap();
            assert_eq!(&head, b"HTTP/1.1 200");
            let mut rest = [0u8; 512];
            let _ = s.read(&mut rest).unwrap();
            // Then a write whose body is still coming when SIGTERM arrives.
            write!(s, "PUT /v1/kv/{key} HTTP/1.1\r\nHost: fish\r\nContent-Length: 3\r\n\r\na").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    site.signal(nix::sys::signal::Signal::SIGTERM);
    wait_until("the graceful shutdown to begin", Duration::from_secs(10), || site.log().contains("shutting down"));
    // All but the last finish now; the last one a while later, when the
    // threads that had only finished requests are long done draining.
    for (i, s) in pending.iter_mut().enumerate() {
        if i == n - 1 {
            std::thread::sleep(Duration::from_millis(500));
        }
        s.write_all(b"bc").unwrap();
        let mut answer = Vec::new();
        let _ = s.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        assert!(answer.starts_with("HTTP/1.1 204"), "request {i} of {n} was cut off by the drain: {answer:?}");
    }
    let status = site.wait_exit(Duration::from_secs(15));
    assert!(status.success(), "{status:?}\n{}", site.log());
    assert!(site.log().contains("all connections drained"), "{}", site.log());
    keys
}
