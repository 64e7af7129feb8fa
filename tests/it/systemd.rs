//! sd_notify as systemd sees it: a real fishd with NOTIFY_SOCKET pointing at
//! a datagram socket this test reads.

use std::os::unix::net::UnixDatagram;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::harness::{Site, wait_until};

#[test]
fn ready_status_watchdog_and_stopping_reach_the_notify_socket() {
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
    assert!(site.stop().success());
    wait_until("STOPPING=1", Duration::from_secs(10), || has("STOPPING=1"));
    let msgs = got.lock().unwrap().clone();
    let ready_at = msgs.iter().position(|m| m.contains("READY=1")).unwrap();
    let stopping_at = msgs.iter().position(|m| m.contains("STOPPING=1")).unwrap();
    assert!(ready_at < stopping_at, "{msgs:?}");
    drop(reader);
}
