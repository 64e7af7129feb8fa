//! Runs real `fishd` sites on free loopback ports in temp dirs, waits for
//! them by polling (never fixed sleeps), and stops them with SIGTERM or
//! SIGKILL as a test means.

use std::collections::HashMap;
use std::fs::File;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

pub const FISHD: &str = env!("CARGO_BIN_EXE_fishd");
pub const FISHCTL: &str = env!("CARGO_BIN_EXE_fishctl");

pub use crate::ports::{free_port, free_ports};

/// The value of one series (its name with any labels, as exposed) in a
/// Prometheus exposition.
pub fn sample(text: &str, name: &str) -> Option<f64> {
    text.lines().find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
}

/// Polls `f` every 20 ms until it is true or `within` passes.
pub fn wait_until(what: &str, within: Duration, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out after {within:?} waiting for {what}");
}

/// Merges `extra` into `base`, table by table.
fn merge(base: &mut toml::Table, extra: toml::Table) {
    for (k, v) in extra {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(e)) => merge(b, e),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

/// A commit token for a commit that has not happened: `token` with its LSN
/// file number raised, so a `Fish-After` read with it waits.
pub fn future_token(token: &str) -> String {
    let mut bytes: Vec<u8> =
        (0..token.len() / 2).map(|i| u8::from_str_radix(&token[2 * i..2 * i + 2], 16).unwrap()).collect();
    bytes[15] = bytes[15].wrapping_add(7);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One `fishd` process and its files.
pub struct Site {
    pub name: String,
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
    pub url: String,
    pub rep_port: u16,
    /// The API token its `http()` client sends (a site with a tokens file).
    pub token: Option<String>,
    /// The CA of its HTTPS certificate (`url` is then https://).
    pub cacert: Option<PathBuf>,
    /// Extra environment for the process (e.g. NOTIFY_SOCKET).
    pub env: Vec<(String, String)>,
    child: Option<Child>,
}

impl Site {
    /// Starts a one-site group (a back-end with no helpers) with `extra`
    /// merged into its config, and waits until it is ready.
    pub fn start(name: &str, extra: &str) -> Site {
        let mut site = Site::create(name, extra);
        site.spawn();
        site
    }

    /// Writes the config of a back-end without starting it.
    pub fn create(name: &str, extra: &str) -> Site {
        let dir = tempfile::Builder::new().prefix(&format!("fish-it-{name}-")).tempdir().unwrap();
        let http = free_port();
        let rep_port = free_port();
        let config = dir.path().join(format!("{name}.toml"));
        let mut table: toml::Table = format!(
            "role = \"back\"\ndata_dir = \"{}\"\n[http]\nlisten = \"127.0.0.1:{http}\"\n[replication]\nlisten = \"127.0.0.1:{}\"\n",
            dir.path().join("data").display(),
            rep_port
        )
        .parse()
        .unwrap();
        merge(&mut table, extra.parse().expect("extra config is TOML"));
        let text = toml::to_string(&table).unwrap();
        std::fs::write(&config, text).unwrap();
        Site {
            name: name.into(),
            dir,
            config,
            url: format!("http://127.0.0.1:{http}"),
            rep_port,
            token: None,
            cacert: None,
            env: Vec::new(),
            child: None,
        }
    }

    /// Rewrites this site's config with `extra` merged in (takes effect at
    /// the next spawn).
    pub fn reconfigure(&self, extra: &str) {
        let mut table: toml::Table = std::fs::read_to_string(&self.config).unwrap().parse().unwrap();
        merge(&mut table, extra.parse().expect("extra config is TOML"));
        std::fs::write(&self.config, toml::to_string(&table).unwrap()).unwrap();
    }

    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }

    /// The process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// The exit status if the process has ended on its own (None while it
    /// runs, and for a site this harness stopped or never started).
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.child.as_mut().and_then(|c| c.try_wait().unwrap())
    }

    pub fn log_path(&self) -> PathBuf {
        self.dir.path().join("fishd.log")
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log_path()).unwrap_or_default()
    }

    /// (Re)starts the process on the same config and data, and waits for /readyz.
    pub fn spawn(&mut self) {
        self.spawn_no_wait();
        self.wait_ready();
    }

    /// Starts the process without waiting for it.
    pub fn spawn_no_wait(&mut self) {
        assert!(self.child.is_none(), "{} is already running", self.name);
        let log = File::options().create(true).append(true).open(self.log_path()).unwrap();
        // WATCHDOG_PID=self: set it to fishd's own pid, as systemd does, by
        // exec'ing fishd from a shell (exec keeps the pid).
        let mut cmd = if self.env.iter().any(|(k, v)| k == "WATCHDOG_PID" && v == "self") {
            let mut c = Command::new("sh");
            c.args(["-c", "WATCHDOG_PID=$$ exec \"$0\" \"$@\"", FISHD]);
            c
        } else {
            Command::new(FISHD)
        };
        let child = cmd
            .arg("--config")
            .arg(&self.config)
            .env_remove("RUST_LOG")
            .envs(self.env.iter().filter(|(k, _)| k != "WATCHDOG_PID").map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
    }

    /// Waits for /readyz (60 s), failing with the site's log if it dies.
    pub fn wait_ready(&mut self) {
        let url = format!("{}/readyz", self.url);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                panic!("{} exited during startup ({status}):\n{}", self.name, self.log());
            }
            let ready = match &self.cacert {
                // HTTPS: curl, which the test's own client (ureq, plain) is not.
                Some(ca) => Command::new("curl")
                    .args(["-sf", "-m", "1", "--cacert"])
                    .arg(ca)
                    .arg(&url)
                    .stdout(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success()),
                None => ureq::get(&url).timeout(Duration::from_secs(1)).call().is_ok(),
            };
            if ready {
                return;
            }
            assert!(Instant::now() < deadline, "{} not ready in 60 s:\n{}", self.name, self.log());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGKILL: no chance to flush or close anything.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// Sends SIGHUP (reload).
    pub fn hup(&self) {
        self.signal(nix::sys::signal::Signal::SIGHUP);
    }

    pub fn signal(&self, signal: nix::sys::signal::Signal) {
        let child = self.child.as_ref().expect("site is running");
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), signal).unwrap();
    }

    /// SIGTERM, then wait for the exit status.
    pub fn stop(&mut self) -> ExitStatus {
        self.signal(nix::sys::signal::Signal::SIGTERM);
        self.wait_exit(Duration::from_secs(30))
    }

    /// Waits for the process to exit (failing after `within`).
    pub fn wait_exit(&mut self, within: Duration) -> ExitStatus {
        let mut child = self.child.take().expect("site is running");
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "{} still running after {within:?}:\n{}", self.name, self.log());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn http(&self) -> Http {
        Http::new(&self.url).with_token(self.token.as_deref())
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.kill();
        if std::thread::panicking() {
            self.keep_log_of_a_failure();
        }
    }
}

impl Site {
    /// A failed test leaves each of its sites' logs: the end of it in the
    /// test's output, the whole of it in `$FISH_TEST_FAILED_LOGS` (default
    /// `$TMPDIR/fish-it-failed`), since the site's own dir goes with it.
    fn keep_log_of_a_failure(&self) {
        let log = self.log();
        let dir = std::env::var_os("FISH_TEST_FAILED_LOGS")
            .map_or_else(|| std::env::temp_dir().join("fish-it-failed"), PathBuf::from);
        let kept = dir.join(format!("{}-{}.log", self.name, std::process::id()));
        let saved = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&kept, &log));
        let lines: Vec<&str> = log.lines().collect();
        let tail = lines[lines.len().saturating_sub(40)..].join("\n");
        match saved {
            Ok(()) => {
                eprintln!("--- {}: the last 40 lines of its log (all of it: {}) ---\n{tail}", self.name, kept.display())
            }
            Err(e) => {
                eprintln!("--- {}: the last 40 lines of its log ({}: {e}) ---\n{tail}", self.name, kept.display())
            }
        }
    }
}

/// An answer, whatever its status.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The body as one of the API's types (`fish::api`), if it is one.
    pub fn typed<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_slice(&self.body).ok()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    /// The ETag's version number.
    pub fn version(&self) -> u64 {
        self.header("etag").expect("an ETag").trim_matches('"').parse().unwrap()
    }

    pub fn error_code(&self) -> String {
        self.json()["error"].as_str().unwrap_or_default().to_string()
    }
}

/// A keep-alive HTTP client for one site.
#[derive(Clone)]
pub struct Http {
    agent: ureq::Agent,
    base: String,
    /// Sent as `Authorization: Bearer` unless a call sets its own.
    token: Option<String>,
}

impl Http {
    pub fn new(base: &str) -> Http {
        let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build();
        Http { agent, base: base.to_string(), token: None }
    }

    /// A client whose clones keep up to `connections` idle connections to
    /// the site between requests (`new` keeps one: of several threads
    /// sharing it, all but one connect anew for each request).
    pub fn keep_alive(base: &str, connections: usize) -> Http {
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(30))
            .max_idle_connections_per_host(connections)
            .build();
        Http { agent, base: base.to_string(), token: None }
    }

    /// The same client, sending `token` (or none).
    pub fn with_token(&self, token: Option<&str>) -> Http {
        Http { token: token.map(str::to_string), ..self.clone() }
    }

    /// Sends a request; `Err` only when there is no HTTP answer at all.
    pub fn try_call(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Result<Answer, String> {
        let mut req = self.agent.request(method, &format!("{}{}", self.base, path));
        if let Some(token) = &self.token {
            req = req.set("authorization", &format!("Bearer {token}"));
        }
        for (k, v) in headers {
            req = req.set(k, v);
        }
        let resp = match req.send_bytes(body) {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => return Err(e.to_string()),
        };
        let status = resp.status();
        let headers = resp
            .headers_names()
            .into_iter()
            .map(|n| (n.to_lowercase(), resp.header(&n).unwrap_or("").to_string()))
            .collect();
        let mut body = Vec::new();
        std::io::Read::read_to_end(&mut resp.into_reader(), &mut body).map_err(|e| e.to_string())?;
        Ok(Answer { status, headers, body })
    }

    /// A `GET` whose answer is read as it arrives (a watch): the status and
    /// a reader of the body that fails after `idle` without a byte.
    pub fn stream(&self, path: &str, idle: Duration) -> (u16, Box<dyn std::io::Read + Send>) {
        let agent = ureq::AgentBuilder::new().timeout_connect(Duration::from_secs(5)).timeout_read(idle).build();
        let mut req = agent.get(&format!("{}{}", self.base, path));
        if let Some(token) = &self.token {
            req = req.set("authorization", &format!("Bearer {token}"));
        }
        match req.call() {
            Ok(r) => (r.status(), Box::new(r.into_reader())),
            Err(ureq::Error::Status(code, r)) => (code, Box::new(r.into_reader())),
            Err(e) => panic!("GET {path}: {e}"),
        }
    }

    pub fn call(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        self.try_call(method, path, headers, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    pub fn put(&self, key: &str, value: &[u8]) -> Answer {
        self.call("PUT", &format!("/v1/kv/{key}"), &[], value)
    }

    pub fn get(&self, key: &str) -> Answer {
        self.call("GET", &format!("/v1/kv/{key}"), &[], b"")
    }

    pub fn txn(&self, body: &serde_json::Value) -> Answer {
        self.call("POST", "/v1/txn", &[("content-type", "application/json")], body.to_string().as_bytes())
    }
}
