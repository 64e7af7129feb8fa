//! `GET /v1/watch`: changes in commit order from any site with a replica,
//! resumable with `since` after a disconnect, a failover or a restart;
//! 410 once the history is trimmed; slow watchers cut off, not buffered.

use std::io::{BufRead, BufReader, Read};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::cluster::{Cluster, FAST};
use crate::harness::Http;

/// Fast progress events, so an idle watcher hears something often.
const WATCH: &str = "[watch]\nprogress_ms = 300\n";

/// A watch being read line by line.
pub struct Watcher {
    lines: BufReader<Box<dyn std::io::Read + Send>>,
}

impl Watcher {
    pub fn open(h: &Http, query: &str) -> Watcher {
        let (status, body) = h.stream(&format!("/v1/watch{query}"), Duration::from_secs(20));
        assert_eq!(status, 200, "watch{query}");
        Watcher { lines: BufReader::new(body) }
    }

    /// The next line (None when the stream ended).
    pub fn next(&mut self) -> Option<Value> {
        let mut line = String::new();
        match self.lines.read_line(&mut line) {
            Ok(0) => None,
            Ok(_) => Some(serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"))),
            Err(e) => panic!("reading the watch: {e}"),
        }
    }

    /// The next `n` changes (puts, deletes, expiries), skipping progress
    /// lines.
    pub fn changes(&mut self, n: usize) -> Vec<Value> {
        let mut out = Vec::new();
        while out.len() < n {
            let line = self.next().unwrap_or_else(|| panic!("the watch ended after {} of {n} changes", out.len()));
            match line["type"].as_str() {
                Some("progress") => {}
                Some("put" | "delete" | "expire") => out.push(line),
                _ => panic!("unexpected line {line} after {} changes", out.len()),
            }
        }
        out
    }

    /// Reads up to the next progress line and returns its revision.
    pub fn progress(&mut self) -> u64 {
        loop {
            let line = self.next().expect("the watch ended");
            if line["type"] == "progress" {
                return line["revision"].as_u64().unwrap();
            }
        }
    }
}

fn summary(changes: &[Value]) -> Vec<String> {
    changes
        .iter()
        .map(|c| match c["type"].as_str() {
            Some("put") => format!("put {}={}", c["key"].as_str().unwrap(), c["value"].as_str().unwrap()),
            _ => format!("delete {}", c["key"].as_str().unwrap()),
        })
        .collect()
}

fn revisions(changes: &[Value]) -> Vec<u64> {
    changes.iter().map(|c| c["revision"].as_u64().unwrap()).collect()
}

/// A watcher on a replica and one on a view front-end see every change
/// under their prefix, in commit order, with consecutive revisions; one
/// that resumes with `since` gets exactly what came after.
#[test]
fn watchers_on_every_site_see_each_change_once_in_order_and_resume_with_since() {
    let mut c = Cluster::start("watch", 3, &format!("{FAST}{WATCH}"));
    let f = c.add_front("watch-front", WATCH);
    let m = c.wait_for_master(None);
    let master = c.http(m);
    let replica = c.http(c.other_than(m));
    let front = c.fronts[f].http();
    let mut on_replica = Watcher::open(&replica, "?prefix=app/");
    let mut on_front = Watcher::open(&front, "");
    let start = on_replica.progress();
    assert_eq!(master.put("app/a", b"1").status, 204);
    assert_eq!(master.put("other", b"x").status, 204);
    assert_eq!(master.put("app/b", b"2").status, 204);
    assert_eq!(master.call("DELETE", "/v1/kv/app/a", &[], b"").status, 204);
    let txn = br#"{"ops":[{"op":"put","key":"app/c","value":"3"},{"op":"delete","key":"app/b"}]}"#;
    assert_eq!(master.call("POST", "/v1/txn", &[], txn).status, 200);
    let seen = on_replica.changes(5);
    assert_eq!(summary(&seen), ["put app/a=1", "put app/b=2", "delete app/a", "put app/c=3", "delete app/b"]);
    let revs = revisions(&seen);
    assert_eq!(revs, [start + 1, start + 3, start + 4, start + 5, start + 6], "one revision per change, in order");
    assert!(seen[0]["version"].as_u64().is_some(), "a put carries the key's version: {}", seen[0]);
    let all = on_front.changes(6);
    assert_eq!(revisions(&all), (start + 1..=start + 6).collect::<Vec<_>>(), "the front-end sees every change");
    assert_eq!(all[1]["key"], "other");

    // Resuming after the second change: exactly the ones after it.
    let mut resumed = Watcher::open(&replica, &format!("?prefix=app/&since={}", revs[1]));
    assert_eq!(revisions(&resumed.changes(3)), &revs[2..]);
    assert_eq!(resumed.progress(), start + 6, "then a progress line at the current revision");
    // From the start of history, on the master too.
    let mut from_start = Watcher::open(&master, &format!("?since={start}"));
    assert_eq!(revisions(&from_start.changes(6)), (start + 1..=start + 6).collect::<Vec<_>>());

    // Bad input says what is wrong.
    let bad = master.call("GET", "/v1/watch?since=yesterday", &[], b"");
    assert_eq!((bad.status, bad.error_code().as_str()), (400, "invalid_argument"));
    let bad = master.call("GET", "/v1/watch?nonsense=1", &[], b"");
    assert_eq!(bad.status, 400);
}

/// A watcher that resumes on another site after the master is killed, and
/// one that resumes on a view front-end after it restarted, miss nothing
/// and see nothing twice.
#[test]
fn a_watch_resumes_across_a_failover_and_a_front_end_restart() {
    let mut c = Cluster::start("watch-fo", 3, &format!("{FAST}{WATCH}"));
    let f = c.add_front("watch-fo-front", WATCH);
    let m = c.wait_for_master(None);
    let survivor = c.other_than(m);
    let mut on_front = Watcher::open(&c.fronts[f].http(), "?prefix=fo/");
    let mut on_survivor = Watcher::open(&c.http(survivor), "?prefix=fo/");
    on_front.progress();
    on_survivor.progress();
    for i in 0..5 {
        assert_eq!(c.http(m).put(&format!("fo/{i}"), b"before").status, 204);
    }
    let before = on_survivor.changes(5);
    let last_before = *revisions(&before).last().unwrap();
    assert_eq!(revisions(&on_front.changes(5)), revisions(&before));

    // The master dies; the watcher on the survivor keeps going; the
    // front-end restarts and its watcher resumes from where it was.
    c.sites[m].kill();
    c.fronts[f].stop();
    let new = c.wait_for_master(Some(m));
    for i in 5..10 {
        let h = c.http(new);
        let deadline = Instant::now() + Duration::from_secs(20);
        while h.put(&format!("fo/{i}"), b"after").status != 204 {
            assert!(Instant::now() < deadline, "the new master takes writes");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    let after = on_survivor.changes(5);
    assert_eq!(summary(&after), (5..10).map(|i| format!("put fo/{i}=after")).collect::<Vec<_>>());
    assert!(revisions(&after)[0] > last_before, "revisions go on increasing after the failover");
    c.fronts[f].spawn();
    let mut resumed = Watcher::open(&c.fronts[f].http(), &format!("?prefix=fo/&since={last_before}"));
    assert_eq!(revisions(&resumed.changes(5)), revisions(&after), "the restarted front-end resumes exactly");
}

/// With `history = 20` the master trims the log: a watch from revision 1
/// gets 410 with the oldest revision still there, and one from that
/// revision works.
#[test]
fn a_watch_older_than_the_history_gets_410_with_the_oldest_revision() {
    let c = Cluster::start("watch-gone", 1, &format!("{FAST}[watch]\nhistory = 20\nprogress_ms = 300\n"));
    let h = c.http(0);
    for i in 0..60 {
        assert_eq!(h.put(&format!("g/{i:02}"), b"v").status, 204);
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    let body: Value = loop {
        let (status, mut body) = h.stream("/v1/watch?since=0", Duration::from_secs(5));
        if status == 410 {
            let mut text = String::new();
            body.read_to_string(&mut text).unwrap();
            break serde_json::from_str(&text).unwrap();
        }
        assert!(Instant::now() < deadline, "no 410 within 20 s: {status}");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(body["error"], "compacted", "{body}");
    let oldest = body["oldest"].as_u64().unwrap();
    assert!(oldest > 1, "{body}");
    let mut w = Watcher::open(&h, &format!("?since={}", oldest - 1));
    let first = w.changes(1);
    assert_eq!(first[0]["revision"].as_u64(), Some(oldest));
}

/// A watcher that stops reading is cut off once it falls too far behind,
/// with a last line saying where to resume; resuming there gets the rest.
#[test]
fn a_slow_watcher_is_cut_off_with_where_to_resume() {
    let c = Cluster::start("watch-slow", 1, &format!("{FAST}{WATCH}"));
    let h = c.http(0);
    let mut slow = Watcher::open(&h, "");
    let start = slow.progress();
    // 2,000 writes of 16 KiB: far more than the socket buffers and the
    // feed's buffer of stretches hold while the watcher does not read.
    let value = vec![b'x'; 16 << 10];
    let writers: Vec<_> = (0..4)
        .map(|t| {
            let (h, value) = (c.http(0), value.clone());
            std::thread::spawn(move || (0..500).all(|i| h.put(&format!("slow/{t}/{i:03}"), &value).status == 204))
        })
        .collect();
    assert!(writers.into_iter().all(|w| w.join().unwrap()));
    let last = start + 2000;
    let mut seen = start;
    let cut = loop {
        let line = slow.next().expect("the stream ends with a cut_off line");
        match line["type"].as_str() {
            Some("put") => {
                let rev = line["revision"].as_u64().unwrap();
                assert_eq!(rev, seen + 1, "consecutive revisions");
                seen = rev;
            }
            Some("progress") => {}
            Some("cut_off") => break line,
            _ => panic!("{line}"),
        }
        assert!(seen < last, "the watcher was never cut off");
    };
    assert_eq!(cut["since"].as_u64(), Some(seen), "{cut}");
    assert!(slow.next().is_none(), "cut_off is the last line");
    let metrics = String::from_utf8(h.call("GET", "/metrics", &[], b"").body).unwrap();
    assert!(metrics.contains("fish_watch_cut_offs_total{reason=\"too_slow\"} 1"), "{metrics}");
    let mut resumed = Watcher::open(&h, &format!("?since={seen}"));
    let rest = resumed.changes((last - seen) as usize);
    assert_eq!(revisions(&rest), (seen + 1..=last).collect::<Vec<_>>());
}

/// `fishctl watch` prints changes for people (or the site's lines with
/// `--json`), replays history with `--since`, and rides out a restart of
/// its site: it reconnects from the last revision it saw, so the changes
/// made while the site was down appear once, in order.
#[test]
fn fishctl_watch_prints_changes_and_reconnects_after_a_restart() {
    use std::process::{Command, Stdio};
    let mut c = Cluster::start("watch-cli", 1, &format!("{FAST}{WATCH}"));
    let h = c.http(0);
    assert_eq!(h.put("cli/a", b"1").status, 204);
    let url = c.sites[0].url.clone();
    let spawn = |args: &[&str]| {
        Command::new(crate::harness::FISHCTL)
            .args(["--url", &url, "watch"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut people = spawn(&["--prefix", "cli/", "--since", "0"]);
    let mut json = spawn(&["--prefix", "cli/", "--json"]);
    let mut people_out = BufReader::new(people.stdout.take().unwrap());
    let mut json_out = BufReader::new(json.stdout.take().unwrap());
    let read = |r: &mut BufReader<std::process::ChildStdout>| {
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        line
    };
    let first = read(&mut people_out);
    assert!(first.contains(" put cli/a = 1 (version "), "{first:?}");
    // --json starts now: its first line is a progress line.
    let progress: Value = serde_json::from_str(&read(&mut json_out)).unwrap();
    assert_eq!(progress["type"], "progress");
    assert_eq!(h.call("DELETE", "/v1/kv/cli/a", &[], b"").status, 204);
    assert!(read(&mut people_out).ends_with(" delete cli/a\n"));
    let deleted: Value = serde_json::from_str(&read(&mut json_out)).unwrap();
    assert_eq!((deleted["type"].as_str(), deleted["key"].as_str()), (Some("delete"), Some("cli/a")));

    c.sites[0].kill();
    c.sites[0].spawn();
    let h = c.http(0);
    for i in 0..3 {
        assert_eq!(h.put(&format!("cli/{i}"), b"again").status, 204);
    }
    for i in 0..3 {
        let line = read(&mut people_out);
        assert!(line.contains(&format!(" put cli/{i} = again ")), "after the restart, change {i}: {line:?}");
    }
    people.kill().unwrap();
    json.kill().unwrap();
    let mut stderr = String::new();
    people.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(stderr.contains("reconnecting"), "{stderr}");
    let _ = (people.wait(), json.wait());
}
