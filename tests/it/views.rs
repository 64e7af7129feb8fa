//! Views: front-ends with a full local replica that never vote, never
//! acknowledge and never count in the group size (Fish's Berkeley DB patch
//! 0010), the default front-end. Real `fishd` processes throughout.

use std::time::{Duration, Instant};

use crate::cluster::{Cluster, FAST, put_until_ok};
use crate::harness::wait_until;

/// A view front-end: the default, so nothing but the test timeouts.
const VIEW: &str = "";

fn fault_tolerance(c: &Cluster, i: usize) -> Option<fish::api::FaultTolerance> {
    let status: fish::api::Status = c.http(i).try_call("GET", "/v1/status", &[], b"").ok()?.typed()?;
    status.fault_tolerance
}

/// With 3 back-ends and 5 views, one back-end down costs no quorum write
/// through any front-end (in Berkeley DB 5.3 two priority-0 members already
/// made every back-end's ack necessary); a failover then loses nothing;
/// and with every front-end stopped, two back-ends of three still elect a
/// master (views do not count toward the majority).
#[test]
fn five_views_leave_three_back_ends_tolerating_one_failure_and_never_count_in_an_election() {
    let mut c = Cluster::start("vw", 3, FAST);
    for i in 0..5 {
        c.add_front(&format!("vw-front{i}"), VIEW);
    }
    let m = c.wait_for_master(None);
    wait_until("the master to count 3 members and 5 views", Duration::from_secs(30), || {
        fault_tolerance(&c, m).is_some_and(|t| (t.members, t.views, t.unregistered) == (3, 5, 0))
    });
    let t = fault_tolerance(&c, m).unwrap();
    assert_eq!((t.electable, t.quorum_write_failures_tolerated), (3, 1), "{t:?}");
    let members = || c.fronts[0].http().call("GET", "/v1/members", &[], b"").typed::<fish::api::Members>().unwrap();
    wait_until("a front-end to know every member's registration", Duration::from_secs(30), || {
        members().members.iter().all(|m| m.role.is_some())
    });
    let members = members();
    let views = members.members.iter().filter(|m| m.view).count();
    assert_eq!((members.members.len(), views), (8, 5), "{members:?}");
    assert!(members.members.iter().all(|m| m.view == (m.role.as_deref() == Some("front"))), "{members:?}");

    // One back-end down: every front-end's writes are acknowledged.
    let down = c.other_than(m);
    assert!(c.sites[down].stop().success());
    let mut acked = Vec::new();
    for f in 0..5 {
        for i in 0..10 {
            let key = format!("f{f}-{i}");
            let r = c.fronts[f].http().put(&key, key.as_bytes());
            assert_eq!(r.status, 204, "{key} through front {f}: {}", String::from_utf8_lossy(&r.body));
            acked.push((key, r.version()));
        }
    }

    // The back-end returns; the master is killed: a new one is elected (by
    // back-ends only) and has every acknowledged write.
    c.sites[down].spawn();
    c.sites[m].kill();
    let new = c.wait_for_master(Some(m));
    wait_until("every front-end to write through the new master", Duration::from_secs(30), || {
        (0..5).all(|f| c.fronts[f].http().put("probe", b"x").status == 204)
    });
    for (key, version) in &acked {
        let r = c.http(new).get(key);
        assert_eq!((r.status, r.version()), (200, *version), "{key} on the new master");
    }
    for (f, front) in c.fronts.iter().enumerate() {
        let status: fish::api::Status = front.http().call("GET", "/v1/status", &[], b"").typed().unwrap();
        assert!(!status.is_master() && status.mode.as_deref() == Some("view"), "front {f}: {status:?}");
    }

    // Every front-end stopped, then the master killed: 2 of the 3
    // back-ends are a majority only if the 5 views are not counted.
    c.sites[m].spawn();
    let m = c.wait_for_master(None);
    for front in &mut c.fronts {
        assert!(front.stop().success());
    }
    c.sites[m].kill();
    let elected = c.wait_for_master(Some(m));
    let r = put_until_ok(&c.http(elected), "after-views-stopped", b"1", Duration::from_secs(10));
    assert_eq!(r.status, 204);
}

/// A view's `/v1/status` and `/v1/members` answer 200 through failovers. A
/// view that synchronises with a new master has its log locked out for a
/// moment, and the status read the log's end: it answered 503
/// ("replication lockout: site is being synchronised") to 7-11% of the
/// requests polled through three failovers. It now leaves the log's end
/// out meanwhile.
#[test]
fn a_views_status_answers_through_failovers() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let mut c = Cluster::start("vs", 3, FAST);
    let f = c.add_front("vs-front0", VIEW);
    let front = c.fronts[f].http();
    let done = Arc::new(AtomicBool::new(false));
    let poller = {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let (mut answered, mut without_lsn, mut refused) = (0, 0, Vec::new());
            for path in ["/v1/status", "/v1/members"].iter().cycle() {
                if done.load(Ordering::Relaxed) {
                    break;
                }
                match front.try_call("GET", path, &[], b"") {
                    Ok(a) if a.status == 200 => {
                        answered += 1;
                        if *path == "/v1/status" {
                            let status: fish::api::Status = a.typed().expect("a status body");
                            without_lsn += usize::from(status.lsn.is_none());
                        }
                    }
                    Ok(a) => refused.push(format!("{path} {}: {}", a.status, String::from_utf8_lossy(&a.body))),
                    Err(e) => refused.push(format!("{path}: {e}")),
                }
                // A test that fails drops its sites; the poller ends here.
                if refused.len() >= 1000 {
                    break;
                }
            }
            (answered, without_lsn, refused)
        })
    };
    for round in 0..3 {
        let m = c.wait_for_master(None);
        assert_eq!(put_until_ok(&c.fronts[f].http(), "k", b"v", Duration::from_secs(10)).status, 204);
        c.sites[m].kill();
        c.wait_for_master(Some(m));
        let r = put_until_ok(&c.fronts[f].http(), &format!("after-{round}"), b"v", Duration::from_secs(10));
        assert_eq!(r.status, 204, "{}", String::from_utf8_lossy(&r.body));
        c.sites[m].spawn();
    }
    done.store(true, Ordering::Relaxed);
    let (answered, without_lsn, refused) = poller.join().unwrap();
    assert!(answered > 100, "only {answered} answers in three failovers");
    assert!(
        refused.is_empty(),
        "{} of {} requests failed, the first: {:?}",
        refused.len(),
        answered + refused.len(),
        &refused[..refused.len().min(5)]
    );
    eprintln!("{answered} answers through three failovers, {without_lsn} statuses without the log's end");
}

/// A view can never be master: 1 back-end and 3 views, the back-end killed.
/// No view takes over (a priority-0 member never could either; a view does
/// not even vote), and writes answer 503 no_master until it returns.
#[test]
fn a_view_never_becomes_master_and_writes_wait_for_the_back_end() {
    let mut c = Cluster::start("vn", 1, FAST);
    for i in 0..3 {
        c.add_front(&format!("vn-front{i}"), VIEW);
    }
    assert_eq!(c.fronts[0].http().put("before", b"1").status, 204);
    c.sites[0].kill();
    // Ten election timeouts (500 ms here).
    let until = Instant::now() + Duration::from_secs(5);
    let mut no_master = 0;
    while Instant::now() < until {
        for (f, front) in c.fronts.iter().enumerate() {
            let status: fish::api::Status = front.http().call("GET", "/v1/status", &[], b"").typed().unwrap();
            assert!(!status.is_master(), "front {f} became master: {status:?}");
        }
        let r = c.fronts[0].http().put("during", b"2");
        assert_eq!(r.status, 503, "{}", String::from_utf8_lossy(&r.body));
        if r.error_code() == "no_master" {
            no_master += 1;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    assert!(no_master > 0, "writes never answered no_master while the back-end was down");
    for front in &c.fronts {
        assert!(!front.log().contains("BecameMaster"), "{}", front.log());
    }
    c.sites[0].spawn();
    for front in &c.fronts {
        let r = put_until_ok(&front.http(), "after", b"3", Duration::from_secs(30));
        assert_eq!(r.status, 204);
    }
}

/// A view serves replica reads and token reads from its own replica: with
/// every back-end frozen (SIGSTOP), nothing could answer them but the view.
#[test]
fn a_view_serves_replica_and_token_reads_alone() {
    use nix::sys::signal::Signal;
    let mut c = Cluster::start("vr", 3, FAST);
    let f = c.add_front("vr-front", VIEW);
    let front = c.fronts[f].http();
    let put = front.put("k", b"v");
    assert_eq!(put.status, 204, "{}", String::from_utf8_lossy(&put.body));
    let token = put.header("fish-token").unwrap().to_string();
    let r = front.call("GET", "/v1/kv/k?consistency=replica", &[("fish-after", &token)], b"");
    assert_eq!((r.status, r.body.as_slice()), (200, &b"v"[..]), "token read on the view's own replica");
    for back in &c.sites {
        back.signal(Signal::SIGSTOP);
    }
    let started = Instant::now();
    let local = (
        front.call("GET", "/v1/kv/k?consistency=replica", &[], b""),
        front.call("GET", "/v1/kv/k?consistency=replica", &[("fish-after", &token)], b""),
        front.call("GET", "/v1/kv?prefix=k&consistency=replica", &[], b""),
    );
    let took = started.elapsed();
    for back in &c.sites {
        back.signal(Signal::SIGCONT);
    }
    assert_eq!((local.0.status, local.0.body.as_slice()), (200, &b"v"[..]));
    assert_eq!((local.1.status, local.1.body.as_slice()), (200, &b"v"[..]));
    assert_eq!(local.2.status, 200, "{}", String::from_utf8_lossy(&local.2.body));
    assert!(took < Duration::from_secs(5), "replica reads waited {took:?} for frozen back-ends");
}

/// A site that joined as a member (here a priority-0 back-end, as member
/// front-ends were before views) and is restarted as a front-end is
/// refused with a message that says what to do; the documented way out
/// (remove it, empty its data dir, start it) makes it a view.
#[test]
fn a_member_restarted_as_a_view_is_refused_until_it_is_removed_and_rejoins() {
    let c = Cluster::start("vm", 1, FAST);
    let mut old = crate::harness::Site::create(
        "vm-old",
        &format!("{FAST}priority = 0\nhelpers = [\"127.0.0.1:{}\"]\n", c.sites[0].rep_port),
    );
    old.spawn();
    assert!(old.stop().success());
    old.reconfigure("role = \"front\"");
    old.spawn_no_wait();
    wait_until("the refusal in the log", Duration::from_secs(30), || {
        old.log().contains("is a member in the group but is configured as a view")
    });
    assert!(old.log().contains("fishctl remove-site") && old.log().contains("join_refused"), "{}", old.log());
    old.kill();

    let addr = format!("127.0.0.1:{}", old.rep_port);
    let r = c.http(0).call("DELETE", &format!("/v1/members/{addr}"), &[], b"");
    assert_eq!(r.status, 204, "{}", String::from_utf8_lossy(&r.body));
    std::fs::remove_dir_all(old.dir.path().join("data")).unwrap();
    old.spawn();
    let members = c.http(0).call("GET", "/v1/members", &[], b"").typed::<fish::api::Members>().unwrap();
    let me = members.members.iter().find(|m| m.replication == addr).expect("rejoined");
    assert!(me.view, "{members:?}");
}
