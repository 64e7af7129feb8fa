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
    // Progress, from the first bytes: received of the whole, rate, time left.
    assert!(stderr.contains(" MiB of ") && stderr.contains(" MiB/s, ") && stderr.contains(" s left"), "{stderr}");
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
    // Progress on stderr: the copy (the whole of it at least), then each step.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("copying: ") && stderr.contains("(100%)"), "{stderr}");
    assert!(stderr.contains("running recovery over the copy") && stderr.contains("reading every key back"), "{stderr}");
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

/// A backup is its owner's alone (0700, files 0600); `fishd restore`
/// refuses a manifest that names `../x`, an absolute path or a file whose
/// SHA-256 differs, and writes nothing then.
#[test]
fn restore_trusts_no_name_or_byte_of_a_manifest() {
    use std::os::unix::fs::PermissionsExt;
    let mut site = Site::start("baktamper", "");
    assert_eq!(site.http().put("k", b"v").status, 204);
    let scratch = tempfile::tempdir().unwrap();
    let good = scratch.path().join("good");
    let out = Command::new(FISHCTL).args(["--url", &site.url, "backup"]).arg(&good).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::metadata(&good).unwrap().permissions().mode() & 0o777, 0o700);
    for entry in std::fs::read_dir(&good).unwrap() {
        let meta = entry.unwrap().metadata().unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    }
    assert!(site.stop().success());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(good.join("fish-backup.json")).unwrap()).unwrap();
    assert_eq!(manifest["format"], 2);
    let victim = scratch.path().join("victim");
    std::fs::write(&victim, b"keep").unwrap();
    let tampered = |what: &str, edit: &dyn Fn(&mut serde_json::Value)| {
        let dir = scratch.path().join(what);
        std::fs::create_dir(&dir).unwrap();
        for entry in std::fs::read_dir(&good).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
        }
        let mut m = manifest.clone();
        edit(&mut m);
        std::fs::write(dir.join("fish-backup.json"), serde_json::to_vec(&m).unwrap()).unwrap();
        let target = Site::create(&format!("bak-{what}"), "");
        let out = Command::new(FISHD)
            .args(["restore", "--from"])
            .arg(&dir)
            .arg("--config")
            .arg(&target.config)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(1), "{what}: {err}");
        let data = target.dir.path().join("data");
        let env = data.join("bdb");
        assert!(!env.exists() || std::fs::read_dir(&env).unwrap().next().is_none(), "{what}: nothing restored");
        assert!(!data.join("bdb.restoring").exists(), "{what}: no staging left behind");
        err
    };
    let victim_name = format!("../{}", victim.file_name().unwrap().to_string_lossy());
    let err = tampered("dotdot", &|m| m["files"][0]["name"] = victim_name.clone().into());
    assert!(err.contains("not a plain file name"), "{err}");
    let absolute = victim.display().to_string();
    let err = tampered("absolute", &|m| m["files"][0]["name"] = absolute.clone().into());
    assert!(err.contains("not a plain file name"), "{err}");
    let err = tampered("checksum", &|m| {
        m["files"][0]["sha256"] = "00".repeat(32).into();
    });
    assert!(err.contains("SHA-256"), "{err}");
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
}

/// A client that asks for a backup and stops reading is cut off after
/// `response_timeout_ms`; the staging copy is removed, and the next
/// backup succeeds.
#[test]
fn a_backup_client_that_stops_reading_is_cut_off_and_the_next_backup_works() {
    use std::io::{Read, Write};
    let site = Site::start("bakstall", "[http]\nresponse_timeout_ms = 1500\n");
    // 32 MiB: more than the sockets' buffers on loopback hold.
    let value = vec![b'x'; 512 << 10];
    for i in 0..64 {
        assert_eq!(site.http().put(&format!("big{i}"), &value).status, 204);
    }
    let addr = site.url.trim_start_matches("http://");
    let mut stalled = std::net::TcpStream::connect(addr).unwrap();
    stalled.write_all(b"POST /v1/backup HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").unwrap();
    let mut head = [0u8; 12];
    stalled.read_exact(&mut head).unwrap();
    assert_eq!(&head, b"HTTP/1.1 200");
    // Stop reading; the site gives up on this client.
    crate::harness::wait_until("the stalled backup to be cut off", Duration::from_secs(30), || {
        site.log().contains("sending the backup failed")
    });
    let staging = site.dir.path().join("data").join("backup.tmp");
    crate::harness::wait_until("the staging copy to go", Duration::from_secs(10), || !staging.exists());
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(FISHCTL).args(["--url", &site.url, "backup"]).arg(dir.path().join("b")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    drop(stalled);
}
