//! The group under test: three back-ends, each in its own network namespace
//! (`ip netns exec` execs fishd, so the child's pid is fishd's own), and two
//! view front-ends (the default front-end) in the host namespace.

use std::fs::File;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

use crate::net::Net;

pub const FISHD: &str = env!("CARGO_BIN_EXE_fishd");

pub struct Site {
    pub name: String,
    pub url: String,
    pub config: PathBuf,
    pub log: PathBuf,
    netns: Option<String>,
    child: Option<Child>,
    pub paused: bool,
}

impl Site {
    /// A one-site group on loopback with its data in `data_dir` (files in
    /// `dir`), keeping 8 MiB of free space.
    pub fn standalone(name: &str, dir: &std::path::Path, data_dir: &std::path::Path, port: u16) -> Site {
        let config = dir.join(format!("{name}.toml"));
        std::fs::write(
            &config,
            format!(
                "role = \"back\"\nname = \"{name}\"\ndata_dir = \"{}\"\n[http]\nlisten = \"127.0.0.1:{port}\"\n\
                 [replication]\nlisten = \"127.0.0.1:{}\"\n[storage]\nmin_free_mb = 8\n",
                data_dir.display(),
                // Its own free port: port + 1 was sometimes taken, and a
                // repmgr_start that fails to listen cannot be retried.
                crate::ports::free_port()
            ),
        )
        .unwrap();
        Site {
            name: name.into(),
            url: format!("http://127.0.0.1:{port}"),
            config,
            log: dir.join(format!("{name}.log")),
            netns: None,
            child: None,
            paused: false,
        }
    }

    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }

    pub fn start(&mut self) {
        assert!(self.child.is_none(), "{} is running", self.name);
        let log = File::options().create(true).append(true).open(&self.log).unwrap();
        let mut cmd = match &self.netns {
            Some(ns) => {
                let mut c = Command::new("ip");
                c.args(["netns", "exec", ns, FISHD]);
                c
            }
            None => Command::new(FISHD),
        };
        let child = cmd
            .arg("--config")
            .arg(&self.config)
            .env_remove("RUST_LOG")
            .env_remove("NOTIFY_SOCKET")
            .env_remove("JOURNAL_STREAM")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
        self.paused = false;
    }

    fn pid(&self) -> Option<Pid> {
        self.child.as_ref().map(|c| Pid::from_raw(c.id() as i32))
    }

    pub fn signal(&self, s: Signal) {
        if let Some(pid) = self.pid() {
            let _ = kill(pid, s);
        }
    }

    pub fn sigkill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
        self.paused = false;
    }

    pub fn pause(&mut self) {
        self.signal(Signal::SIGSTOP);
        self.paused = true;
    }

    pub fn resume(&mut self) {
        self.signal(Signal::SIGCONT);
        self.paused = false;
    }

    /// SIGTERM and wait (up to 60 s, then SIGKILL).
    pub fn stop(&mut self) {
        self.resume();
        self.signal(Signal::SIGTERM);
        if let Some(mut c) = self.child.take() {
            let deadline = Instant::now() + Duration::from_secs(60);
            while c.try_wait().unwrap().is_none() {
                if Instant::now() > deadline {
                    let _ = c.kill();
                    let _ = c.wait();
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    /// Reaps a process that exited by itself (a crash would show here).
    pub fn exited(&mut self) -> Option<String> {
        let status = self.child.as_mut()?.try_wait().unwrap()?;
        self.child = None;
        Some(status.to_string())
    }

    pub fn log_tail(&self, lines: usize) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.resume();
        self.sigkill();
    }
}

/// Replication settings of the group: the shipped defaults (quorum acks,
/// 600 ms heartbeat monitor), so that the figures are the ones users get;
/// FISH_FAULTS_LEASES=1 turns master leases on.
/// Mutual TLS for the site `name` at `host:port`: a certificate of the
/// run's CA in `pki` (made on first use), as `[replication.tls]`.
/// The API of the namespaced sites runs without tokens, explicitly: these
/// tests are about replication under faults, on private namespaces, and
/// their clients speak plain HTTP. Tokens and HTTPS are tested in
/// tests/it/auth.rs (and the Ansible fleet test).
const HTTP_OPT_OUT: &str = "insecure = true\n";

fn tls_settings(pki: &std::path::Path, name: &str, host: &str, port: u16) -> String {
    if !pki.join("ca.pem").exists() {
        fish::pki::make_ca(pki, "Fish faults CA").unwrap();
    }
    fish::pki::make_site(pki, name, host, port, pki).unwrap();
    format!(
        "[replication.tls]\nca = \"{}\"\ncert = \"{}\"\nkey = \"{}\"\n",
        pki.join("ca.pem").display(),
        pki.join(format!("{name}.pem")).display(),
        pki.join(format!("{name}.key")).display()
    )
}

fn replication_settings() -> String {
    let leases = std::env::var("FISH_FAULTS_LEASES").is_ok_and(|v| v == "1");
    format!("ack_policy = \"quorum\"\nleases = {leases}\n")
}

pub struct Group {
    pub backs: Vec<Site>,
    /// View front-ends: members with a replica that never vote or ack.
    pub fronts: Vec<Site>,
    _dir: tempfile::TempDir,
}

impl Group {
    /// Writes the configs and starts back0 (the group creator), then the
    /// others one by one, then the front-end; returns once all are ready.
    pub fn start(net: &Net) -> Group {
        // FISH_FAULTS_KEEP=1 keeps the configs, data and logs for a post-mortem.
        let keep = std::env::var("FISH_FAULTS_KEEP").is_ok_and(|v| v == "1");
        let dir = tempfile::Builder::new().prefix("fish-faults-").disable_cleanup(keep).tempdir().unwrap();
        eprintln!(
            "faults: sites' configs, data and logs in {}{}",
            dir.path().display(),
            if keep { " (kept)" } else { "" }
        );
        let n = net.addrs.len();
        let mut backs = Vec::new();
        for i in 0..n {
            let name = format!("back{i}");
            let helpers: Vec<String> =
                (0..n).filter(|&j| j != i).map(|j| format!("\"{}:7000\"", net.addrs[j])).collect();
            let config = dir.path().join(format!("{name}.toml"));
            std::fs::write(
                &config,
                format!(
                    "role = \"back\"\nname = \"{name}\"\ndata_dir = \"{}\"\n[http]\nlisten = \"{a}:8080\"\n{HTTP_OPT_OUT}\
                     [replication]\nlisten = \"{a}:7000\"\nhelpers = [{}]\ngroup_creator = {}\npriority = {}\n{}{}",
                    dir.path().join(&name).display(),
                    helpers.join(", "),
                    i == 0,
                    100 - 10 * i,
                    replication_settings(),
                    tls_settings(&dir.path().join("pki"), &name, &net.addrs[i], 7000),
                    a = net.addrs[i],
                ),
            )
            .unwrap();
            backs.push(Site {
                url: format!("http://{}:8080", net.addrs[i]),
                log: dir.path().join(format!("{name}.log")),
                name,
                config,
                netns: Some(net.namespaces[i].clone()),
                child: None,
                paused: false,
            });
        }
        let helpers: Vec<String> = net.addrs.iter().map(|a| format!("\"{a}:7000\"")).collect();
        let mut fronts = Vec::new();
        for i in 0..2u16 {
            let name = format!("front{i}");
            let config = dir.path().join(format!("{name}.toml"));
            std::fs::write(
                &config,
                format!(
                    "role = \"front\"\nname = \"{name}\"\ndata_dir = \"{}\"\n[http]\nlisten = \"{a}:{}\"\n{HTTP_OPT_OUT}\
                     [replication]\nlisten = \"{a}:{}\"\nhelpers = [{}]\n{}",
                    dir.path().join(&name).display(),
                    8090 + i,
                    7010 + i,
                    helpers.join(", "),
                    tls_settings(&dir.path().join("pki"), &name, &net.host_addr, 7010 + i),
                    a = net.host_addr,
                ),
            )
            .unwrap();
            fronts.push(Site {
                url: format!("http://{}:{}", net.host_addr, 8090 + i),
                log: dir.path().join(format!("{name}.log")),
                name,
                config,
                netns: None,
                child: None,
                paused: false,
            });
        }
        let mut group = Group { backs, fronts, _dir: dir };
        for i in 0..n {
            group.backs[i].start();
            wait_ready(&group.backs[i]);
        }
        for front in &mut group.fronts {
            front.start();
        }
        for front in &group.fronts {
            wait_ready(front);
        }
        group
    }

    /// Every site, back-ends first.
    pub fn all(&self) -> impl Iterator<Item = &Site> {
        self.backs.iter().chain(&self.fronts)
    }
}

/// A site's `/v1/status`, or None if it does not answer.
pub fn status(agent: &ureq::Agent, url: &str) -> Option<fish::api::Status> {
    serde_json::from_str(&agent.get(&format!("{url}/v1/status")).call().ok()?.into_string().ok()?).ok()
}

pub fn wait_ready(site: &Site) {
    let deadline = Instant::now() + Duration::from_secs(90);
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(1)).build();
    while Instant::now() < deadline {
        if agent.get(&format!("{}/readyz", site.url)).call().is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{} not ready in 90 s:\n{}", site.name, site.log_tail(40));
}
