//! `fishd dev`: a complete local cluster on loopback for trying Fish out.
//!
//! Sites start one at a time, each once the previous is ready, so that the
//! terminal shows them coming up in order. (This used to be required:
//! Berkeley DB 5.3 stalled a site in internal init 5 s when another joined;
//! Fish's patch 0007 in `crates/libdb-sys/patches` removed the stall.)
//! Each site is a real `fishd --config` child process with its own config
//! file and data dir under one scratch dir (removed on exit unless `--dir`
//! was given). Children get their own process group, so a Ctrl-C in the
//! terminal reaches only this supervisor, which then stops them in order.
//!
//! The terminal is for a newcomer: one block with the URLs and the lines to
//! export, then one line per notable event (a master elected, a site down
//! or back), found by asking each site's `/v1/status` twice a second. Each
//! site's full log goes to `DIR/NAME.log`; `--verbose` shows them all here,
//! interleaved, instead.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::os::unix::process::CommandExt;

use crate::client::Client;
use crate::signals::{self, Intent};

/// Where the cluster lives and listens.
#[derive(Debug, Clone)]
pub struct DevOptions {
    pub dir: Option<PathBuf>,
    pub http_port: u16,
    pub replication_port: u16,
    /// Sites log to this terminal instead of `DIR/NAME.log`.
    pub verbose: bool,
}

/// Why the dev cluster could not run.
#[derive(Debug, thiserror::Error)]
pub enum DevError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("site {name} exited during startup ({status}); {log}")]
    SiteDied { name: String, status: std::process::ExitStatus, log: String },
    #[error("site {name} was not ready within {secs} s at {url}")]
    NotReady { name: String, url: String, secs: u64 },
    #[error("certificates: {0}")]
    Certs(String),
}

struct Site {
    name: String,
    url: String,
    /// What it is, for the first screen.
    what: String,
    /// Where its output goes ("above" with --verbose).
    log: String,
    child: Child,
    exited: Option<std::process::ExitStatus>,
    /// It answered its last status request (None: not asked yet).
    answering: Option<bool>,
}

const READY_WITHIN: Duration = Duration::from_secs(60);
const STOP_WITHIN: Duration = Duration::from_secs(30);

pub fn run(opts: DevOptions) -> Result<(), DevError> {
    let scratch = match &opts.dir {
        Some(_) => None,
        None => Some(tempfile::Builder::new().prefix("fish-dev-").tempdir()?),
    };
    let root = opts.dir.clone().unwrap_or_else(|| scratch.as_ref().expect("scratch dir").path().to_path_buf());
    std::fs::create_dir_all(&root)?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let mut intents = signals::listen()?;
    let mut sites = Vec::new();
    let admin = write_tokens(&root)?;
    let result = runtime.block_on(async {
        // front0 is the entry point (http_port); back-ends listen after it.
        for (i, priority) in [100u32, 90, 80].into_iter().enumerate() {
            let name = format!("back{i}");
            let config = write_config(&root, &name, i as u16, Some(priority), &opts)?;
            let what = format!("back-end, priority {priority}");
            sites.push(spawn(&root, &name, &config, opts.http_port + 1 + i as u16, what, opts.verbose)?);
            if !wait_ready(sites.last_mut().expect("just pushed"), &mut intents).await? {
                return Ok(());
            }
        }
        // Two view front-ends, as a fleet would have them: front0 on
        // http_port, front1 after the back-ends.
        for (i, http) in [(3u16, opts.http_port), (4, opts.http_port + 4)] {
            let name = format!("front{}", i - 3);
            let config = write_config(&root, &name, i, None, &opts)?;
            let what = match i {
                3 => "front-end (a view, with its own replica): the entry point",
                _ => "front-end (a view)",
            };
            sites.push(spawn(&root, &name, &config, http, what.to_string(), opts.verbose)?);
            if !wait_ready(sites.last_mut().expect("just pushed"), &mut intents).await? {
                return Ok(());
            }
        }
        print!("{}", first_screen(&sites, &root, &admin, scratch.is_some(), opts.verbose));
        let client = |url: &str| {
            let credentials = crate::client::Credentials { token: Some(admin.clone()), tls: None };
            Client::with(url, Duration::from_secs(1), &credentials).expect("dev URLs are valid")
        };
        let clients: Vec<Client> = sites.iter().map(|s| client(&s.url)).collect();
        supervise(&mut sites, &clients, &mut intents).await
    });
    stop_all(&mut sites);
    drop(scratch);
    result
}

/// The cluster's tokens file, as a real group has one: an admin token for
/// the person trying it out and the sites' own credential. Returns the
/// admin token (kept if the file exists, as with `--dir`).
fn write_tokens(root: &Path) -> Result<String, DevError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let path = root.join("tokens");
    if let Ok(text) = std::fs::read_to_string(&path)
        && let Some(admin) = text.lines().find_map(|l| l.strip_prefix("admin dev "))
    {
        return Ok(admin.trim().to_string());
    }
    let admin = crate::config::new_secret();
    let mut file = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&path)?;
    writeln!(file, "# written by `fishd dev`: ROLE NAME SECRET")?;
    writeln!(file, "admin dev {admin}")?;
    writeln!(file, "site fish {}", crate::config::new_secret())?;
    Ok(admin)
}

/// Site `index` of the group: back0 creates it, the other back-ends join
/// through the sites before them; a front-end (`priority` None: a view,
/// the default) joins through all back-ends.
fn write_config(
    root: &Path,
    name: &str,
    index: u16,
    priority: Option<u32>,
    opts: &DevOptions,
) -> Result<PathBuf, DevError> {
    let path = root.join(format!("{name}.toml"));
    let helpers: Vec<String> =
        (0..index.min(3)).map(|i| format!("\"127.0.0.1:{}\"", opts.replication_port + i)).collect();
    // Mutual TLS between the sites, as in production: a throwaway CA in
    // the cluster's directory and a certificate per site.
    let pki = root.join("pki");
    if !pki.join("ca.pem").exists() {
        crate::pki::make_ca(&pki, "Fish dev CA").map_err(DevError::Certs)?;
    }
    let rep_port = opts.replication_port + index;
    if !pki.join(format!("{name}.pem")).exists() {
        crate::pki::make_site(&pki, name, "127.0.0.1", rep_port, &pki).map_err(DevError::Certs)?;
    }
    let tls = format!(
        "\n[replication.tls]\nca = \"{}\"\ncert = \"{}\"\nkey = \"{}\"\n",
        pki.join("ca.pem").display(),
        pki.join(format!("{name}.pem")).display(),
        pki.join(format!("{name}.key")).display()
    );
    let (role, http, extra) = match priority {
        Some(p) => ("back", opts.http_port + 1 + index, format!("group_creator = {}\npriority = {p}\n", index == 0)),
        None if index == 3 => ("front", opts.http_port, String::new()),
        None => ("front", opts.http_port + index, String::new()),
    };
    let text = format!(
        "# written by `fishd dev`\nrole = \"{role}\"\nname = \"{name}\"\ndata_dir = \"{data}\"\n\n[http]\nlisten = \"127.0.0.1:{http}\"\ntokens_file = \"{tokens}\"\n\n[replication]\nlisten = \"127.0.0.1:{rep}\"\nhelpers = [{helpers}]\n{extra}{tls}",
        data = root.join(name).display(),
        tokens = root.join("tokens").display(),
        rep = rep_port,
        helpers = helpers.join(", "),
    );
    std::fs::write(&path, text)?;
    Ok(path)
}

/// What a newcomer needs, in one block: the sites, what to export, where
/// the logs and data are.
fn first_screen(sites: &[Site], root: &Path, admin: &str, scratch: bool, verbose: bool) -> String {
    use std::fmt::Write;
    let fronts: Vec<&str> = sites.iter().filter(|s| s.name.starts_with("front")).map(|s| s.url.as_str()).collect();
    let mut out = String::new();
    let _ = writeln!(out, "\nFish dev cluster: 3 back-ends and 2 view front-ends on 127.0.0.1\n");
    // front0 first: it is the entry point.
    for site in sites.iter().filter(|s| s.name == "front0").chain(sites.iter().filter(|s| s.name != "front0")) {
        let _ = writeln!(out, "  {:<7} {:<24} {}", site.name, site.url, site.what);
    }
    let _ = writeln!(out, "\n  # the admin token; every token is in {}", root.join("tokens").display());
    let _ = writeln!(out, "  export FISH_URL={} FISH_TOKEN={admin}", fronts.join(","));
    let _ = writeln!(out, "  fishctl put hello world && fishctl get hello && fishctl status --cluster\n");
    let logs = if verbose { "here (--verbose)".to_string() } else { format!("{}/NAME.log", root.display()) };
    let _ = writeln!(out, "  logs: {logs}");
    let _ = writeln!(out, "  data: {}{}", root.display(), if scratch { " (removed on exit)" } else { "" });
    let _ = writeln!(
        out,
        "  replication between the sites: mutual TLS with a throwaway CA ({})",
        root.join("pki").display()
    );
    let _ = writeln!(out, "\nCtrl-C stops it. Kill the master to see a failover. Events:");
    out
}

fn spawn(
    root: &Path,
    name: &str,
    config: &Path,
    http_port: u16,
    what: String,
    verbose: bool,
) -> Result<Site, DevError> {
    let mut command = Command::new(std::env::current_exe()?);
    command.arg("--config").arg(config).process_group(0);
    let log = if verbose {
        "above".to_string()
    } else {
        let path = root.join(format!("{name}.log"));
        let file = std::fs::OpenOptions::new().create(true).append(true).open(&path)?;
        command.stdout(file.try_clone()?).stderr(file);
        path.display().to_string()
    };
    let child = command.spawn()?;
    Ok(Site {
        name: name.to_string(),
        url: format!("http://127.0.0.1:{http_port}"),
        what,
        log,
        child,
        exited: None,
        answering: None,
    })
}

/// Waits for the site to be ready: false if Ctrl-C came first.
async fn wait_ready(
    site: &mut Site,
    intents: &mut tokio::sync::mpsc::UnboundedReceiver<Intent>,
) -> Result<bool, DevError> {
    let client = Client::new(&site.url, Duration::from_secs(2)).expect("dev URLs are valid");
    let deadline = Instant::now() + READY_WITHIN;
    while Instant::now() < deadline {
        if let Some(status) = site.child.try_wait()? {
            // The scratch dir, its log with it, goes when this returns:
            // the end of the log goes into the error.
            let log = match std::fs::read_to_string(&site.log) {
                Ok(text) => {
                    let lines: Vec<&str> = text.lines().collect();
                    format!(
                        "the end of its log ({}):\n{}",
                        site.log,
                        lines[lines.len().saturating_sub(20)..].join("\n")
                    )
                }
                Err(_) => format!("its log is {}", site.log),
            };
            return Err(DevError::SiteDied { name: site.name.clone(), status, log });
        }
        if client.get("/readyz").await.is_ok_and(|r| r.status.is_success()) {
            return Ok(true);
        }
        tokio::select! {
            intent = intents.recv() => if !matches!(intent, Some(Intent::Reload)) {
                return Ok(false);
            },
            () = tokio::time::sleep(Duration::from_millis(50)) => {}
        }
    }
    Err(DevError::NotReady { name: site.name.clone(), url: site.url.clone(), secs: READY_WITHIN.as_secs() })
}

/// Waits for Ctrl-C/SIGTERM, printing a line per notable event. A site
/// that dies on its own is reported and the others keep running (killing
/// the master is how one tries failover); when none is left, stop.
async fn supervise(
    sites: &mut [Site],
    clients: &[Client],
    intents: &mut tokio::sync::mpsc::UnboundedReceiver<Intent>,
) -> Result<(), DevError> {
    let mut master: Option<(String, u32)> = None;
    loop {
        tokio::select! {
            intent = intents.recv() => match intent {
                Some(Intent::Reload) => continue,
                _ => return Ok(()),
            },
            () = tokio::time::sleep(Duration::from_millis(500)) => {
                let mut running = 0;
                for site in sites.iter_mut() {
                    match (site.exited.is_some(), site.child.try_wait()?) {
                        (false, Some(status)) => {
                            event(&format!("{} exited ({status}); the others keep running", site.name));
                            site.exited = Some(status);
                        }
                        (false, None) => running += 1,
                        (true, _) => {}
                    }
                }
                if running == 0 {
                    event("no site is running; stopping");
                    return Ok(());
                }
                let mut asking = tokio::task::JoinSet::new();
                for (i, (client, site)) in clients.iter().zip(sites.iter()).enumerate() {
                    if site.exited.is_none() {
                        let client = client.clone();
                        asking.spawn(async move { (i, client.status().await.ok()) });
                    }
                }
                let mut answers: Vec<Option<crate::api::Status>> = vec![None; sites.len()];
                for (i, answer) in asking.join_all().await {
                    answers[i] = answer;
                }
                let mut claimed: Option<(String, u32)> = None;
                for (site, answer) in sites.iter_mut().zip(&answers) {
                    if site.exited.is_none() {
                        match (site.answering, answer.is_some()) {
                            (Some(true), false) => event(&format!("{} is not answering", site.name)),
                            (Some(false), true) => event(&format!("{} is answering again", site.name)),
                            _ => {}
                        }
                        site.answering = Some(answer.is_some());
                    }
                    if let Some(s) = answer.as_ref().filter(|s| s.is_master())
                        && claimed.as_ref().is_none_or(|(_, g)| s.generation > *g)
                    {
                        claimed = Some((s.name.clone(), s.generation));
                    }
                }
                if claimed != master {
                    match &claimed {
                        Some((name, generation)) => event(&format!("master: {name} (generation {generation})")),
                        None => event("no master: an election is under way"),
                    }
                    master = claimed;
                }
            }
        }
    }
}

/// One event line on the terminal, with the time of day (UTC).
fn event(what: &str) {
    let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let time = now.get(11..19).unwrap_or(&now);
    println!("{time}  {what}");
}

/// SIGTERM every running site, wait for clean exits, SIGKILL stragglers.
fn stop_all(sites: &mut [Site]) {
    for site in sites.iter_mut() {
        if site.child.try_wait().ok().flatten().is_none() {
            let _ = kill(Pid::from_raw(site.child.id() as i32), Signal::SIGTERM);
        }
    }
    let deadline = Instant::now() + STOP_WITHIN;
    for site in sites.iter_mut() {
        while site.child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        if site.child.try_wait().ok().flatten().is_none() {
            eprintln!("fishd dev: site {} did not stop within {} s; killing it", site.name, STOP_WITHIN.as_secs());
            let _ = site.child.kill();
            let _ = site.child.wait();
        }
    }
}
