//! A full disk: a site whose data dir is on a small tmpfs answers writes
//! with 507 once free space falls below its reserve (`[storage]
//! min_free_mb`), keeps serving reads and every write it acknowledged, and
//! takes writes again once space is freed, without a restart. (Without the
//! reserve Berkeley DB panics the environment on the master's first failed
//! log write: this test is how that was found.)

use std::process::Command;
use std::time::Duration;

use crate::sites::{Site, wait_ready};

/// Unmounts on drop, whatever happens.
struct Mount(std::path::PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn put(agent: &ureq::Agent, url: &str, key: &str, value: &[u8]) -> (u16, String) {
    match agent.put(&format!("{url}/v1/kv/{key}")).send_bytes(value) {
        Ok(r) => (r.status(), String::new()),
        Err(ureq::Error::Status(s, r)) => (s, r.into_string().unwrap_or_default()),
        Err(e) => (0, e.to_string()),
    }
}

#[test]
#[ignore = "needs root (mounts a tmpfs): run tests/system/faults.sh"]
fn a_full_disk_answers_507_keeps_acknowledged_writes_and_recovers_when_space_is_freed() {
    assert!(nix::unistd::geteuid().is_root(), "needs root (mount)");
    let dir = tempfile::Builder::new().prefix("fish-disk-").tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let ok = Command::new("mount").args(["-t", "tmpfs", "-o", "size=64m", "fishdisk"]).arg(&data).status().unwrap();
    assert!(ok.success(), "mount a tmpfs on {}", data.display());
    let _mount = Mount(data.clone());

    let port = crate::ports::free_port();
    let mut site = Site::standalone("disk", dir.path(), &data.join("site"), port);
    site.start();
    wait_ready(&site);

    // Leave about 20 MiB for the site (its log files are 16 MiB each).
    let filler = data.join("filler");
    let free = nix::sys::statvfs::statvfs(&data).unwrap();
    let free_bytes = free.blocks_available() * free.fragment_size();
    let fill = free_bytes.saturating_sub(20 << 20);
    std::fs::write(&filler, vec![0u8; fill as usize]).unwrap();

    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build();
    let value = vec![b'x'; 64 << 10];
    let mut acked = Vec::new();
    let mut full = None;
    for i in 0..2000 {
        let key = format!("k{i:05}");
        match put(&agent, &site.url, &key, &value) {
            (204, _) => acked.push(key),
            (507, body) => {
                full = Some(body);
                break;
            }
            (status, body) => {
                std::thread::sleep(Duration::from_millis(200));
                panic!("PUT {key}: {status} {body}; fishd: {:?}\n{}", site.exited(), site.log_tail(30))
            }
        }
    }
    let body = full.unwrap_or_else(|| panic!("2000 writes of 64 KiB never filled the disk"));
    assert!(body.contains("insufficient_storage"), "{body}");
    assert!(!acked.is_empty(), "no write succeeded before the disk was full");
    assert!(site.exited().is_none(), "fishd exited on a full disk:\n{}", site.log_tail(30));
    // Reads go on, and nothing acknowledged is lost.
    for key in [&acked[0], acked.last().unwrap()] {
        let r = agent.get(&format!("{}/v1/kv/{key}", site.url)).call().unwrap_or_else(|e| panic!("GET {key}: {e}"));
        assert_eq!(r.status(), 200);
    }
    assert_eq!(agent.get(&format!("{}/readyz", site.url)).call().map(|r| r.status()).unwrap_or(0), 200);

    // Space comes back: writes go through again, without a restart.
    std::fs::remove_file(&filler).unwrap();
    let mut recovered = false;
    for _ in 0..100 {
        if put(&agent, &site.url, "after", b"space").0 == 204 {
            recovered = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(recovered, "writes did not resume after space was freed:\n{}", site.log_tail(30));

    // And everything acknowledged survives a restart.
    site.stop();
    site.start();
    wait_ready(&site);
    for key in &acked {
        let status = agent.get(&format!("{}/v1/kv/{key}", site.url)).call().map(|r| r.status()).unwrap_or(0);
        assert_eq!(status, 200, "{key} was acknowledged before the disk filled and is gone after a restart");
    }
    eprintln!(
        "disk: {} writes of 64 KiB acknowledged, then 507; writes resumed after freeing space; all kept",
        acked.len()
    );
}
