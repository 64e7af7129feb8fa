//! Hot backup of a running group under write load (`fishctl backup`) and a
//! new group started from it (`fishd restore`).

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use crate::cluster::{Cluster, FAST};
use crate::harness::{FISHCTL, FISHD, Site};

#[test]
fn a_backup_under_load_restores_every_write_acknowledged_before_it_began() {
    let c = Cluster::start("bak", 3, FAST);
    let m = c.wait_for_master(None);
    let other = c.other_than(m);
    // Writers on the master; each counts the writes acknowledged (204)
    // before the backup was asked for.
    let (stop, began) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
    let acked_before: Vec<Arc<AtomicU64>> = (0..4).map(|_| Arc::new(AtomicU64::new(0))).collect();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (http, stop, began, acked) =
                (c.http(m), Arc::clone(&stop), Arc::clone(&began), Arc::clone(&acked_before[w]));
            std::thread::spawn(move || {
                let mut n = 0u64;
                while !stop.load(Ordering::Relaxed) && n < 100_000 {
                    assert_eq!(http.put(&format!("w{w}/{n:06}"), format!("value {w} {n}").as_bytes()).status, 204);
                    n += 1;
                    if !began.load(Ordering::SeqCst) {
                        acked.store(n, Ordering::SeqCst);
                    }
                }
                n
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let backup = tempfile::tempdir().unwrap();
    let dir = backup.path().join("b1");
    began.store(true, Ordering::SeqCst);
    // Asked of a client site: fishctl backs up the master.
    let out = Command::new(FISHCTL).args(["--url", &c.sites[other].url, "backup"]).arg(&dir).output().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    stop.store(true, Ordering::Relaxed);
    let written: Vec<u64> = writers.into_iter().map(|t| t.join().unwrap()).collect();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains(&format!("site \"bak{m}\"")), "the master was backed up: {stderr}");
    assert!(dir.join("fish-backup.json").exists() && dir.join("kv.db").exists());
    let acked: Vec<u64> = acked_before.iter().map(|a| a.load(Ordering::SeqCst)).collect();
    for w in 0..4 {
        assert!(acked[w] > 0 && written[w] > acked[w], "writer {w} ran through the backup: {acked:?} of {written:?}");
    }
    assert!(c.sites[m].log().contains("backup_sent"), "{}", c.sites[m].log());
    eprintln!("{}writes acknowledged before it began: {acked:?}; in all: {written:?}", stderr.trim_end());

    // A new group from the backup.
    let mut restored = Site::create("bak-new", "");
    let out = Command::new(FISHD)
        .args(["restore", "--from"])
        .arg(&dir)
        .arg("--config")
        .arg(&restored.config)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("keys, read back"), "{stdout}");
    restored.spawn();
    let h = restored.http();
    for (w, &acked) in acked.iter().enumerate() {
        for n in 0..acked {
            let r = h.get(&format!("w{w}/{n:06}"));
            assert_eq!((r.status, r.body.as_slice()), (200, format!("value {w} {n}").as_bytes()), "w{w}/{n:06} lost");
        }
    }
    assert_eq!(
        h.call("GET", "/v1/status", &[], b"").json()["state"],
        "master",
        "the restored site is the master of a new group"
    );
    // A second back-end joins the new group empty and copies the data.
    let mut joined =
        Site::create("bak-new2", &format!("[replication]\nhelpers = [\"127.0.0.1:{}\"]\n", restored.rep_port));
    joined.spawn();
    let token = h.put("after-restore", b"x").header("fish-token").unwrap().to_string();
    let r = joined.http().call("GET", "/v1/kv/w0/000000?consistency=replica", &[("fish-after", &token)], b"");
    assert_eq!(r.body, b"value 0 0");
    // The restored site has left the old group behind: only the new sites.
    let members = h.call("GET", "/v1/members", &[], b"").json();
    assert_eq!(members["members"].as_array().unwrap().len(), 2, "{members}");
}

#[test]
fn backup_and_restore_refuse_what_would_lose_or_mix_data() {
    let mut site = Site::start("bakref", "");
    assert_eq!(site.http().put("k", b"v").status, 204);
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(scratch.path().join("keep.txt"), b"mine").unwrap();
    let out = Command::new(FISHCTL).args(["--url", &site.url, "backup"]).arg(scratch.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
    assert_eq!(std::fs::read(scratch.path().join("keep.txt")).unwrap(), b"mine", "nothing touched");
    let dir = scratch.path().join("b");
    let out = Command::new(FISHCTL).args(["--url", &site.url, "backup", "--local"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Restoring over the running site's own data dir is refused.
    let out =
        Command::new(FISHD).args(["restore", "--from"]).arg(&dir).arg("--config").arg(&site.config).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("fishd.lock") || err.contains("already holds"), "{err}");
    assert_eq!(site.http().get("k").body, b"v", "the running site is untouched");
    // A config that would join an old group is refused before anything is written.
    let joiner = Site::create("bakjoin", "[replication]\nhelpers = [\"127.0.0.1:1\"]\n");
    let out =
        Command::new(FISHD).args(["restore", "--from"]).arg(&dir).arg("--config").arg(&joiner.config).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("group_creator"));
    assert!(!joiner.dir.path().join("data").exists());
    assert!(site.stop().success());
}
