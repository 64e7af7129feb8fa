//! Leases: keys that expire when their lease does, never before its TTL
//! while it is kept alive (a failover included); revocation that deletes
//! every key of a lease in one transaction; the limits; fenced writes and
//! `fishctl lock`.

use std::io::{BufRead, BufReader, Write};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::cluster::{Cluster, FAST};
use crate::harness::{FISHCTL, Http, wait_until};
use crate::watch::Watcher;

const WATCH: &str = "[watch]\nprogress_ms = 300\n";

fn grant(h: &Http, ttl_s: u64) -> u64 {
    let a = h.call(
        "POST",
        "/v1/leases",
        &[("content-type", "application/json")],
        json!({ "ttl_s": ttl_s }).to_string().as_bytes(),
    );
    assert_eq!(a.status, 200, "grant: {}", String::from_utf8_lossy(&a.body));
    assert_eq!(a.json()["ttl_s"], ttl_s);
    a.json()["id"].as_u64().expect("an id")
}

fn put_leased(h: &Http, key: &str, value: &[u8], lease: u64) -> crate::harness::Answer {
    h.call("PUT", &format!("/v1/kv/{key}?lease={lease}"), &[], value)
}

/// A key under a 2 s lease that is kept alive outlives many TTLs, across a
/// SIGKILL of the master; once keepalives stop it is gone between TTL and
/// TTL + 1 s after the last one was sent; watchers see an expiry.
#[test]
fn a_leased_key_lives_while_kept_alive_across_a_master_kill_and_goes_within_ttl_plus_1s() {
    const TTL: Duration = Duration::from_secs(2);
    let mut c = Cluster::start("lease-ttl", 3, &format!("{FAST}{WATCH}"));
    let m = c.wait_for_master(None);
    let r = c.other_than(m);
    // Through a replica: grants, puts and keepalives are forwarded.
    let h = c.http(r);
    let id = grant(&h, TTL.as_secs());
    assert_eq!(put_leased(&h, "svc/a", b"up", id).status, 204);
    let got = h.get("svc/a");
    assert_eq!((got.status, got.header("fish-lease")), (200, Some(id.to_string().as_str())));
    let mut watcher = Watcher::open(&h, "?prefix=svc/");
    watcher.progress();
    // A fence travels with a forwarded write.
    let v = h.put("svc/fence", b"1").version();
    assert_eq!(h.put("svc/fence", b"2").status, 204);
    let stale = h.call("PUT", "/v1/kv/svc/guarded", &[("fish-fence", &format!("svc/fence@{v}"))], b"x");
    assert_eq!((stale.status, stale.error_code().as_str()), (412, "fenced"), "through a replica");

    // Keepalives every 500 ms for 6 s (3 TTLs), the master killed halfway.
    let started = Instant::now();
    let mut killed = false;
    // The last keepalive acknowledged, and the last one sent at all (one
    // that failed on its way back may still have renewed the lease).
    let mut last_sent = Instant::now();
    let mut last_tried = last_sent;
    let mut renewed = 0;
    while started.elapsed() < Duration::from_secs(6) {
        if !killed && started.elapsed() > Duration::from_secs(3) {
            c.sites[m].kill();
            killed = true;
        }
        let sent = Instant::now();
        last_tried = sent;
        let a = h.try_call("POST", &format!("/v1/leases/{id}/keepalive"), &[], b"");
        if let Ok(a) = &a {
            assert_ne!(a.status, 404, "the lease vanished while kept alive");
            if a.status == 200 {
                last_sent = sent;
                renewed += 1;
            }
        }
        let read = h.try_call("GET", "/v1/kv/svc/a", &[], b"");
        if let Ok(read) = read {
            assert_ne!(read.status, 404, "the key expired while its lease was kept alive ({:?} in)", started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    assert!(renewed >= 8, "only {renewed} keepalives succeeded");
    let new_master = c.wait_for_master(Some(m));
    let h = c.http(new_master);

    // Stopped: reads that complete before TTL after the last keepalive see
    // the key; it is gone by TTL + 1 s.
    let gone_at = loop {
        let asked = Instant::now();
        let a = h.get("svc/a");
        let answered = Instant::now();
        match a.status {
            200 => assert!(answered < last_tried + TTL + Duration::from_secs(1), "still there after TTL + 1 s"),
            404 => {
                assert!(answered >= last_sent + TTL, "gone {:?} after the last keepalive", answered - last_sent);
                break asked;
            }
            other => assert!(answered < last_tried + TTL + Duration::from_secs(1), "{other} while waiting"),
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        gone_at < last_tried + TTL + Duration::from_secs(1),
        "gone only {:?} after the last keepalive",
        gone_at - last_tried
    );
    // (The watch may start just before the put: it is shown then.)
    let expired = loop {
        let change = watcher.changes(1).remove(0);
        if change["key"] == "svc/a" && change["type"] != "put" {
            break change;
        }
    };
    assert_eq!((expired["type"].as_str(), expired["key"].as_str()), (Some("expire"), Some("svc/a")));
    assert_eq!(expired["lease"], id);
    let lease = h.call("GET", &format!("/v1/leases/{id}"), &[], b"");
    assert_eq!((lease.status, lease.error_code().as_str()), (404, "lease_not_found"));
}

/// Revoking a lease deletes all its keys in one transaction (the watcher
/// sees them under one `txn`); a key written again without the lease
/// leaves it; the lease shows its keys; bad input says what is wrong.
#[test]
fn revoking_a_lease_deletes_its_keys_in_one_transaction() {
    let c = Cluster::start("lease-revoke", 1, WATCH);
    let h = c.http(0);
    let id = grant(&h, 60);
    for i in 0..40 {
        assert_eq!(put_leased(&h, &format!("r/{i:02}"), b"v", id).status, 204);
    }
    let txn = json!({ "ops": [
        { "op": "put", "key": "r/t1", "value": "x", "lease": id },
        { "op": "put", "key": "r/t2", "value": "y", "lease": id },
    ]});
    assert_eq!(h.txn(&txn).status, 200);
    // Written again without a lease: detached, it stays.
    assert_eq!(h.put("r/00", b"mine now").status, 204);
    assert_eq!(h.get("r/00").header("fish-lease"), None);
    let shown = h.call("GET", &format!("/v1/leases/{id}"), &[], b"").json();
    assert_eq!(shown["key_count"], 41, "{shown}");
    assert_eq!(shown["keys"].as_array().unwrap().len(), 41);
    assert!(shown["remaining_ms"].as_u64().unwrap() > 50_000, "{shown}");
    let listed = h.call("GET", "/v1/leases", &[], b"").json();
    assert!(listed["leases"].as_array().unwrap().iter().any(|l| l["id"] == id), "{listed}");

    let mut watcher = Watcher::open(&h, "?prefix=r/");
    watcher.progress();
    let revoked = h.call("DELETE", &format!("/v1/leases/{id}"), &[], b"");
    assert_eq!((revoked.status, revoked.json()["deleted"].as_u64()), (200, Some(41)));
    // (The watch may start just before the last puts: they are shown then.)
    let mut seen = Vec::new();
    while seen.len() < 41 {
        seen.extend(watcher.changes(1).into_iter().filter(|e| e["type"] != "put"));
    }
    let txns: std::collections::BTreeSet<u64> = seen.iter().map(|e| e["txn"].as_u64().unwrap()).collect();
    assert_eq!(txns.len(), 1, "one transaction: {txns:?}");
    assert!(seen.iter().all(|e| e["type"] == "expire" && e["lease"] == id));
    let revs: Vec<u64> = seen.iter().map(|e| e["revision"].as_u64().unwrap()).collect();
    assert_eq!(revs, (revs[0]..revs[0] + 41).collect::<Vec<_>>(), "consecutive revisions");
    assert_eq!(h.get("r/01").status, 404);
    assert_eq!(h.get("r/t2").status, 404);
    assert_eq!(h.get("r/00").status, 200, "the detached key stays");

    // Gone is gone.
    let again = h.call("DELETE", &format!("/v1/leases/{id}"), &[], b"");
    assert_eq!((again.status, again.error_code().as_str()), (404, "lease_not_found"));
    let attach = put_leased(&h, "r/late", b"v", id);
    assert_eq!((attach.status, attach.error_code().as_str()), (404, "lease_not_found"));
    assert_eq!(h.get("r/late").status, 404, "nothing written");
    let ka = h.call("POST", &format!("/v1/leases/{id}/keepalive"), &[], b"");
    assert_eq!(ka.status, 404);
    for (body, why) in [
        (r#"{"ttl_s": 0}"#, "zero"),
        (r#"{"ttl_s": 99999999999}"#, "too long"),
        (r#"{"ttl": 5}"#, "unknown field"),
        ("nonsense", "not JSON"),
    ] {
        assert_eq!(h.call("POST", "/v1/leases", &[], body.as_bytes()).status, 400, "{why}");
    }
    assert_eq!(h.call("PUT", "/v1/kv/x?lease=abc", &[], b"v").status, 400);
    assert_eq!(h.call("GET", "/v1/leases/abc", &[], b"").status, 400);
}

/// `[leases]` bounds: leases, keys per lease, keepalives per second.
#[test]
fn lease_limits_hold() {
    let c =
        Cluster::start("lease-limits", 1, "[leases]\nmax_leases = 2\nmax_keys_per_lease = 2\nkeepalives_per_s = 5\n");
    let h = c.http(0);
    let a = grant(&h, 30);
    let _b = grant(&h, 30);
    let third = h.call("POST", "/v1/leases", &[], br#"{"ttl_s": 30}"#);
    assert_eq!((third.status, third.error_code().as_str()), (409, "too_many_leases"));
    assert_eq!(put_leased(&h, "l/1", b"v", a).status, 204);
    assert_eq!(put_leased(&h, "l/2", b"v", a).status, 204);
    let full = put_leased(&h, "l/3", b"v", a);
    assert_eq!((full.status, full.error_code().as_str()), (409, "lease_full"));
    assert_eq!(h.get("l/3").status, 404);
    assert_eq!(put_leased(&h, "l/1", b"again", a).status, 204, "re-writing a key of the lease takes no new slot");
    let statuses: Vec<u16> =
        (0..20).map(|_| h.call("POST", &format!("/v1/leases/{a}/keepalive"), &[], b"").status).collect();
    assert!(statuses.contains(&200) && statuses.contains(&429), "{statuses:?}");
}

/// The streaming keepalive: one connection, one line per keepalive, one
/// answer line each; it ends with an error line once the lease is gone.
#[test]
fn a_streaming_keepalive_answers_each_line_on_one_connection() {
    let c = Cluster::start("lease-stream", 1, "");
    let h = c.http(0);
    let id = grant(&h, 5);
    let addr = c.sites[0].url.trim_start_matches("http://").to_string();
    let mut conn = std::net::TcpStream::connect(addr).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        conn,
        "POST /v1/leases/{id}/keepalive?stream=true HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut head = String::new();
    reader.read_line(&mut head).unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let mut line = String::new();
    while line != "\r\n" {
        line.clear();
        reader.read_line(&mut line).unwrap();
    }
    let mut answers = Vec::new();
    for _ in 0..3 {
        write!(conn, "1\r\n\n\r\n").unwrap();
        answers.push(chunk_line(&mut reader));
    }
    assert!(answers.iter().all(|a| a["id"] == id && a["ttl_s"] == 5), "{answers:?}");
    assert_eq!(h.call("DELETE", &format!("/v1/leases/{id}"), &[], b"").status, 200);
    write!(conn, "1\r\n\n\r\n").unwrap();
    let last = chunk_line(&mut reader);
    assert_eq!((last["status"].as_u64(), last["error"].as_str()), (Some(404), Some("lease_not_found")), "{last}");
}

/// Reads one chunk of a chunked answer as a JSON line.
fn chunk_line(reader: &mut impl BufRead) -> Value {
    let mut size = String::new();
    reader.read_line(&mut size).unwrap();
    let n = usize::from_str_radix(size.trim(), 16).unwrap_or_else(|e| panic!("{e}: {size:?}"));
    let mut data = vec![0; n + 2];
    reader.read_exact(&mut data).unwrap();
    serde_json::from_slice(&data[..n]).unwrap_or_else(|e| panic!("{e}: {:?}", String::from_utf8_lossy(&data)))
}

/// Fenced writes apply only while the fence key is at its version; `fishctl
/// lock` hands COMMAND the fence, queues a second holder behind the first,
/// and releases the lock when COMMAND ends.
#[test]
fn fenced_writes_and_fishctl_lock() {
    let c = Cluster::start("lease-lock", 1, "");
    let h = c.http(0);
    let url = c.sites[0].url.clone();
    let v = h.put("fence", b"1").version();
    let fence = format!("fence@{v}");
    assert_eq!(h.call("PUT", "/v1/kv/guarded", &[("fish-fence", &fence)], b"ok").status, 204);
    assert_eq!(h.put("fence", b"2").status, 204, "the lock moves on");
    let refused = h.call("PUT", "/v1/kv/guarded", &[("fish-fence", &fence)], b"late");
    assert_eq!((refused.status, refused.error_code().as_str()), (412, "fenced"));
    assert_eq!(h.get("guarded").body, b"ok", "nothing written");
    let refused = h.call("DELETE", "/v1/kv/guarded", &[("fish-fence", &fence)], b"");
    assert_eq!(refused.status, 412);
    assert_eq!(h.call("PUT", "/v1/kv/guarded", &[("fish-fence", "nonsense")], b"x").status, 400);

    // The first holder sleeps 2 s with the lock; the second waits for it.
    let script = "echo $FISH_LOCK_FENCE; fishctl_put() { \"$FISHCTL\" --url \"$URL\" put --fence \"$FISH_LOCK_FENCE\" \"$@\"; }; fishctl_put held/$1 $FISH_LOCK_VERSION >/dev/null && sleep $2";
    let spawn = |who: &str, sleep: &str| {
        std::process::Command::new(FISHCTL)
            .args(["--url", &url, "lock", "jobs", "--ttl", "5", "--", "sh", "-c", script, "sh", who, sleep])
            .env("FISHCTL", FISHCTL)
            .env("URL", &url)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let first = spawn("first", "2");
    wait_until("the first holder", Duration::from_secs(20), || h.get("held/first").status == 200);
    let started = Instant::now();
    let second = spawn("second", "0");
    let out = second.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(started.elapsed() > Duration::from_millis(1000), "the second did not wait: {:?}", started.elapsed());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("waiting for jobs"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let v1: u64 = String::from_utf8_lossy(&h.get("held/first").body).parse().unwrap();
    let v2: u64 = String::from_utf8_lossy(&h.get("held/second").body).parse().unwrap();
    assert!(v2 > v1, "fencing tokens grow: {v1} then {v2}");
    let queue = h.call("GET", "/v1/kv?prefix=jobs/", &[], b"").json();
    assert_eq!(queue["items"].as_array().unwrap().len(), 0, "released: {queue}");
    // A command's own exit status comes back.
    let status = std::process::Command::new(FISHCTL)
        .args(["--url", &url, "lock", "jobs", "--", "sh", "-c", "exit 7"])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(7));
}

/// A master stopped (SIGSTOP) for longer than a lease's TTL heard no
/// keepalives meanwhile: when it goes on, the lease gets that time back
/// instead of expiring at once; it expires a TTL later if nobody renews it.
#[test]
fn a_stopped_master_gives_leases_their_time_back() {
    const TTL: Duration = Duration::from_secs(2);
    let c = Cluster::start("lease-pause", 1, "");
    let h = c.http(0);
    let id = grant(&h, TTL.as_secs());
    assert_eq!(put_leased(&h, "p/a", b"v", id).status, 204);
    c.sites[0].signal(nix::sys::signal::Signal::SIGSTOP);
    std::thread::sleep(TTL + Duration::from_secs(2));
    let resumed = Instant::now();
    c.sites[0].signal(nix::sys::signal::Signal::SIGCONT);
    assert_eq!(h.get("p/a").status, 200, "expired as soon as the master went on");
    // Taken before the keepalive is sent: the master renews the lease at
    // some instant after this one, so it cannot expire before TTL from it.
    let renewed = Instant::now();
    let ka = h.call("POST", &format!("/v1/leases/{id}/keepalive"), &[], b"");
    assert_eq!(ka.status, 200, "{}", String::from_utf8_lossy(&ka.body));
    wait_until("the lease to expire", Duration::from_secs(10), || h.get("p/a").status == 404);
    assert!(renewed.elapsed() >= TTL, "gone {:?} after the keepalive", renewed.elapsed());
    assert!(resumed.elapsed() < TTL + Duration::from_secs(3));
    assert!(c.sites[0].log().contains("this master was stopped"), "the stop is logged");
}

/// `fishctl elect`: one leader at a time; when it stops (SIGTERM), the
/// next candidate leads; `fishctl lease list` shows both leases meanwhile.
#[test]
fn fishctl_elect_hands_leadership_on_when_the_leader_stops() {
    use std::process::{Command, Stdio};
    let c = Cluster::start("lease-elect", 1, "");
    let url = c.sites[0].url.clone();
    let elect = |who: &str| {
        Command::new(FISHCTL)
            .args(["--url", &url, "elect", "leader", "--ttl", "5", "--proposal", who])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let first_line = |child: &mut std::process::Child| {
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        line
    };
    let mut a = elect("alpha");
    assert!(first_line(&mut a).starts_with("elected leader/"));
    let mut b = elect("beta");
    let (tx, rx) = std::sync::mpsc::channel();
    let b_out = b.stdout.take().unwrap();
    std::thread::spawn(move || {
        let mut line = String::new();
        BufReader::new(b_out).read_line(&mut line).unwrap();
        let _ = tx.send((Instant::now(), line));
    });
    std::thread::sleep(Duration::from_millis(1500));
    assert!(rx.try_recv().is_err(), "two leaders at once");
    let listed = std::process::Command::new(FISHCTL).args(["--url", &url, "lease", "list"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().count(), 2, "two leases, a JSON object each");
    let stopped = Instant::now();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(a.id() as i32), nix::sys::signal::Signal::SIGTERM).unwrap();
    assert!(a.wait().unwrap().success());
    let (at, line) = rx.recv_timeout(Duration::from_secs(10)).expect("beta never led");
    assert!(line.starts_with("elected leader/"), "{line}");
    assert!(at - stopped < Duration::from_secs(3), "it took {:?}, not a lease expiry", at - stopped);
    let value = Http::new(&url).call("GET", "/v1/kv?prefix=leader/", &[], b"").json();
    assert_eq!(value["items"][0]["value"], "beta", "{value}");
    let _ = b.kill();
    let _ = b.wait();
}
