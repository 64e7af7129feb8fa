//! sd_notify as systemd sees it: a real fishd with NOTIFY_SOCKET pointing at
//! a datagram socket this test reads.

use std::os::unix::net::UnixDatagram;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::harness::{Site, wait_until};

#[test]
fn ready_status_watchdog_reloading_and_stopping_reach_the_notify_socket() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notify.sock");
    let socket = UnixDatagram::bind(&path).unwrap();
    socket.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
    let got = Arc::new(Mutex::new(Vec::<String>::new()));
    let reader = {
        let got = Arc::clone(&got);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            for _ in 0..600 {
                if let Ok(n) = socket.recv(&mut buf) {
                    got.lock().unwrap().push(String::from_utf8_lossy(&buf[..n]).into_owned());
                }
            }
        })
    };
    let mut site = Site::create("notify", "");
    site.env = vec![
        ("NOTIFY_SOCKET".into(), path.display().to_string()),
        ("WATCHDOG_USEC".into(), "400000".into()),
        ("WATCHDOG_PID".into(), "self".into()),
    ];
    site.spawn();
    let has = |needle: &str| got.lock().unwrap().iter().any(|m| m.contains(needle));
    wait_until("READY=1", Duration::from_secs(20), || has("READY=1"));
    let first_ready = got.lock().unwrap().iter().find(|m| m.contains("READY=1")).cloned().unwrap();
    assert!(first_ready.contains("STATUS=master"), "{first_ready}");
    wait_until("WATCHDOG=1 twice", Duration::from_secs(10), || {
        got.lock().unwrap().iter().filter(|m| m.contains("WATCHDOG=1")).count() >= 2
    });
    // Type=notify-reload: SIGHUP answers RELOADING=1 with MONOTONIC_USEC,
    // then READY=1 once the reload is applied; systemd waits for that pair.
    site.hup();
    wait_until("RELOADING=1", Duration::from_secs(10), || has("RELOADING=1"));
    let ready_after_reload = || {
        let msgs = got.lock().unwrap();
        let at = msgs.iter().position(|m| m.contains("RELOADING=1"));
        at.is_some_and(|at| msgs[at..].iter().any(|m| m.contains("READY=1")))
    };
    wait_until("READY=1 after RELOADING=1", Duration::from_secs(10), ready_after_reload);
    let reloading = got.lock().unwrap().iter().find(|m| m.contains("RELOADING=1")).cloned().unwrap();
    let usec = reloading
        .lines()
        .find_map(|l| l.strip_prefix("MONOTONIC_USEC="))
        .unwrap_or_else(|| panic!("RELOADING=1 without MONOTONIC_USEC: {reloading:?}"));
    let usec: u64 = usec.parse().unwrap();
    let now = nix::time::clock_gettime(nix::time::ClockId::CLOCK_MONOTONIC).unwrap();
    let now_usec = now.tv_sec() as u64 * 1_000_000 + now.tv_nsec() as u64 / 1000;
    assert!(usec <= now_usec && now_usec - usec < 10_000_000, "MONOTONIC_USEC={usec}, now {now_usec}");

    assert!(site.stop().success());
    wait_until("STOPPING=1", Duration::from_secs(10), || has("STOPPING=1"));
    let msgs = got.lock().unwrap().clone();
    let ready_at = msgs.iter().position(|m| m.contains("READY=1")).unwrap();
    let reloading_at = msgs.iter().position(|m| m.contains("RELOADING=1")).unwrap();
    let stopping_at = msgs.iter().position(|m| m.contains("STOPPING=1")).unwrap();
    assert!(ready_at < reloading_at && reloading_at < stopping_at, "{msgs:?}");
    drop(reader);
}
