//! `fishd dev` as the README tells a newcomer to run it: one short first
//! screen with what to export, a line per event (a master killed, the next
//! elected), each site's log in a file, a write through its front-end is
//! readable, and Ctrl-C (SIGINT to the
//! supervisor alone, as a terminal sends it: the sites have process groups
//! of their own) stops every site and removes the scratch dir.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

use crate::harness::{FISHCTL, FISHD, free_ports, wait_until};

/// The pids of processes whose command line mentions `dir`.
fn processes_under(dir: &Path) -> Vec<i32> {
    let needle = dir.as_os_str().as_encoded_bytes();
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|cmd| cmd.windows(needle.len()).any(|w| w == needle))
        })
        .collect()
}

/// Stops the supervisor and anything it left if the test fails half-way.
struct Dev {
    child: Child,
    root: Option<PathBuf>,
}

impl Drop for Dev {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(root) = &self.root {
            for pid in processes_under(root) {
                let _ = kill(Pid::from_raw(pid), Signal::SIGKILL);
            }
        }
    }
}

#[test]
fn fishd_dev_serves_through_its_front_end_and_ctrl_c_leaves_nothing_running() {
    let http = free_ports(5);
    let rep = free_ports(5);
    let log = tempfile::NamedTempFile::new().unwrap();
    let child = Command::new(FISHD)
        .args(["dev", "--http-port", &http.to_string(), "--replication-port", &rep.to_string()])
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(log.reopen().unwrap())
        .spawn()
        .unwrap();
    let mut dev = Dev { child, root: None };
    let (tx, lines) = mpsc::channel();
    let stdout = dev.child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    let log_text = || std::fs::read_to_string(log.path()).unwrap_or_default();
    let mut up = false;
    let mut token = None;
    let mut urls = None;
    let mut screen = Vec::new();
    while let Ok(line) = lines.recv_timeout(Duration::from_secs(180)) {
        screen.push(line.clone());
        if let Some(exports) = line.trim().strip_prefix("export ") {
            for export in exports.split_whitespace() {
                match export.split_once('=') {
                    Some(("FISH_TOKEN", t)) => token = Some(t.to_string()),
                    Some(("FISH_URL", u)) => urls = Some(u.to_string()),
                    _ => {}
                }
            }
        }
        if let Some(rest) = line.trim().strip_prefix("data: ") {
            let path = rest.strip_suffix(" (removed on exit)").expect("a scratch dir, removed on exit");
            dev.root = Some(PathBuf::from(path));
        }
        if line.starts_with("Ctrl-C stops it") {
            up = true;
            break;
        }
    }
    assert!(up, "fishd dev did not come up; its log:\n{}", log_text());
    // The first screen is for people: short, and no site's log in it.
    let shown = screen.join("\n");
    assert!(screen.len() <= 20 && !shown.contains(" INFO ") && !shown.contains("fish_event"), "{shown}");
    let front = format!("http://127.0.0.1:{http}");
    assert_eq!(urls, Some(format!("{front},http://127.0.0.1:{}", http + 4)), "FISH_URL: both front-ends\n{shown}");
    let root = dev.root.clone().expect("fishd dev printed its data dir");
    assert!(root.join("back0.toml").is_file() && root.join("front1.toml").is_file());
    // Mutual TLS between the sites, with a throwaway CA.
    assert!(root.join("pki/ca.pem").is_file());
    for site in ["back0", "back1", "back2", "front0", "front1"] {
        let config = std::fs::read_to_string(root.join(format!("{site}.toml"))).unwrap();
        assert!(config.contains("[replication.tls]"), "{site}: {config}");
    }
    assert_eq!(processes_under(&root).len(), 5, "3 back-ends and 2 front-ends run under {}", root.display());
    // Each site's log is in a file of its own, not on the terminal.
    let back0_log = std::fs::read_to_string(root.join("back0.log")).unwrap();
    assert!(back0_log.contains("fish_event=\"master_changed\""), "{back0_log}");
    assert!(!log_text().contains("fish_event"), "site logs reached fishd dev's stderr:\n{}", log_text());

    // The API needs the admin token it printed.
    let token = token.expect("fishd dev printed an admin token");
    let fishctl = || {
        let mut c = Command::new(FISHCTL);
        c.env("FISH_TOKEN", &token);
        c
    };
    let refused =
        Command::new(FISHCTL).args(["--url", &front, "get", "dev-key"]).env_remove("FISH_TOKEN").output().unwrap();
    assert!(
        !refused.status.success() && String::from_utf8_lossy(&refused.stderr).contains("credential"),
        "{refused:?}"
    );
    let put = fishctl().args(["--url", &front, "put", "dev-key", "dev-value"]).output().unwrap();
    assert!(put.status.success(), "{put:?}");
    let get = fishctl().args(["--url", &front, "get", "dev-key"]).output().unwrap();
    assert_eq!(get.stdout, b"dev-value", "{get:?}");
    // Both front-ends are views.
    let members = fishctl().args(["--url", &front, "members", "-o", "table"]).output().unwrap();
    let text = String::from_utf8_lossy(&members.stdout);
    assert_eq!(text.lines().filter(|l| l.split_whitespace().nth(1) == Some("view")).count(), 2, "{text}");
    // Written through front0, the value reached every back-end and front1.
    for i in 1..=4 {
        let url = format!("http://127.0.0.1:{}", http + i);
        wait_until(&format!("site {i} after front0 to have dev-key"), Duration::from_secs(10), || {
            let o = fishctl().args(["--url", &url, "get", "dev-key", "--consistency", "replica"]).output().unwrap();
            o.stdout == b"dev-value"
        });
    }

    // A line per event: the first master, then a failover.
    let events = |until: &str| {
        let mut seen = Vec::new();
        while let Ok(line) = lines.recv_timeout(Duration::from_secs(30)) {
            seen.push(line.clone());
            if line.contains(until) {
                return seen;
            }
        }
        panic!("no event line with {until:?} in 30 s; lines: {seen:?}\n{}", log_text());
    };
    events("master: back0 (generation 1)");
    let back0 = processes_under(&root.join("back0.toml"));
    assert_eq!(back0.len(), 1, "{back0:?}");
    kill(Pid::from_raw(back0[0]), Signal::SIGKILL).unwrap();
    let seen = events("master: back1");
    assert!(seen.iter().any(|l| l.contains("back0 exited (signal: 9")), "{seen:?}");

    kill(Pid::from_raw(dev.child.id() as i32), Signal::SIGINT).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = dev.child.try_wait().unwrap() {
            break status;
        }
        assert!(std::time::Instant::now() < deadline, "fishd dev still running 60 s after SIGINT:\n{}", log_text());
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "fishd dev exited with {status}:\n{}", log_text());
    assert_eq!(processes_under(&root), Vec::<i32>::new(), "sites still running after Ctrl-C");
    assert!(!root.exists(), "the scratch dir {} was left behind", root.display());
    for port in (http..http + 5).chain(rep..rep + 5) {
        wait_until(&format!("port {port} to be free after Ctrl-C"), Duration::from_secs(10), || {
            std::net::TcpListener::bind(("127.0.0.1", port)).is_ok()
        });
    }
}
