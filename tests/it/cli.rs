//! `fishctl` and `fishd check`/startup as a user runs them: output and the
//! SPEC's exit codes (0 ok, 1 not found / condition failed, 2 usage, 3 unavailable).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::harness::{FISHCTL, FISHD, Site, free_port};

fn fishctl(url: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(FISHCTL)
        .arg("--url")
        .arg(url)
        .args(args)
        .env_remove("FISH_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    if let Some(input) = stdin {
        pipe.write_all(input).unwrap();
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

#[test]
fn fishctl_round_trip_and_exit_codes() {
    let site = Site::start("cli", "");
    let url = site.url.as_str();
    let put = fishctl(url, &["put", "dir/a key", "v1"], None);
    assert_eq!(code(&put), 0, "{put:?}");
    let version = String::from_utf8(put.stdout).unwrap().trim().to_string();
    let get = fishctl(url, &["get", "dir/a key"], None);
    assert_eq!((code(&get), get.stdout.as_slice()), (0, &b"v1"[..]));
    // Value from stdin, and compare-and-swap on the printed version.
    let cas = fishctl(url, &["put", "dir/a key", "--if-version", &version, "-"], Some(b"\x00bin"));
    assert_eq!(code(&cas), 0, "{cas:?}");
    assert_eq!(fishctl(url, &["get", "dir/a key"], None).stdout, b"\x00bin");
    let stale = fishctl(url, &["put", "dir/a key", "--if-version", &version, "x"], None);
    assert_eq!(code(&stale), 1, "condition failed");
    assert!(String::from_utf8_lossy(&stale.stderr).contains("412"));
    assert_eq!(code(&fishctl(url, &["put", "dir/a key", "--create", "x"], None)), 1);
    let list = fishctl(url, &["list", "--prefix", "dir/", "--keys-only"], None);
    assert_eq!(String::from_utf8(list.stdout).unwrap(), "dir/a key\n");
    assert_eq!(code(&fishctl(url, &["delete", "dir/a key"], None)), 0);
    let missing = fishctl(url, &["get", "dir/a key"], None);
    assert_eq!(code(&missing), 1, "not found");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("not found"));
    assert_eq!(
        code(&fishctl(url, &["get", "x", "--consistency", "sometimes"], None)),
        2,
        "rejected by the site: usage"
    );
    assert_eq!(code(&fishctl(url, &["frobnicate"], None)), 2, "unknown subcommand: usage");
    let status = fishctl(url, &["status"], None);
    assert_eq!(code(&status), 0);
    assert!(String::from_utf8_lossy(&status.stdout).contains("\"role\": \"back\""));
}

#[test]
fn fishctl_says_unavailable_when_nothing_listens() {
    let url = format!("http://127.0.0.1:{}", free_port());
    let o = fishctl(&url, &["get", "k"], None);
    assert_eq!(code(&o), 3, "{o:?}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot reach"));
    assert_eq!(code(&fishctl("ftp://x", &["get", "k"], None)), 2);
}

#[test]
fn fishd_check_names_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("back0.toml");
    std::fs::write(&good, "role = \"back\"\n[replication]\nlisten = \"127.0.0.1:7000\"\n").unwrap();
    let o = Command::new(FISHD).args(["check", "--config"]).arg(&good).output().unwrap();
    assert!(o.status.success(), "{o:?}");
    let bad = dir.path().join("back1.toml");
    std::fs::write(&bad, "role = \"back\"\n[http]\nlisten = \"127.0.0.1:8080\"\nlisten_backlog = 5\n").unwrap();
    let o = Command::new(FISHD).args(["check", "--config"]).arg(&bad).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("{}:4:", bad.display())) && err.contains("listen_backlog"), "{err}");
    // Running with a bad config fails the same way, before touching anything.
    let o = Command::new(FISHD).arg("--config").arg(&bad).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_second_fishd_on_the_same_data_dir_is_refused() {
    let site = Site::start("dirlock", "");
    let text = std::fs::read_to_string(&site.config).unwrap();
    let port_line =
        text.lines().find(|l| l.starts_with("listen = \"127.0.0.1:") && text.contains(l)).unwrap().to_string();
    let other = site.dir.path().join("other.toml");
    std::fs::write(&other, text.replacen(&port_line, &format!("listen = \"127.0.0.1:{}\"", free_port()), 1)).unwrap();
    let o = Command::new(FISHD).arg("--config").arg(&other).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("in use by another process"), "{err}");
    assert_eq!(site.http().get("anything").status, 404, "the first site still serves");
}

#[test]
fn sigterm_exits_zero_and_data_is_kept() {
    let mut site = Site::start("sigterm", "");
    let v = site.http().put("k", b"v").version();
    let status = site.stop();
    assert!(status.success(), "{status:?}\n{}", site.log());
    assert!(site.log().contains("stopped cleanly"));
    site.spawn();
    let r = site.http().get("k");
    assert_eq!((r.body.as_slice(), r.version()), (&b"v"[..], v));
}

#[test]
fn the_shipped_example_configs_pass_fishd_check() {
    for name in ["back0", "front0"] {
        let path = format!("{}/etc/{name}.toml", env!("CARGO_MANIFEST_DIR"));
        let o = Command::new(FISHD).args(["check", "--config", &path]).output().unwrap();
        assert!(o.status.success(), "{path}: {}", String::from_utf8_lossy(&o.stderr));
    }
}

/// A shell's soft limit on open files (often 1,024) is far below what a
/// site with many clients needs: fishd raises it to the hard limit.
#[test]
fn fishd_raises_its_open_files_limit_to_the_hard_limit() {
    let site = Site::create("nofile", "");
    let mut child = Command::new("prlimit")
        .args(["--nofile=256:2048", "--", FISHD, "--config"])
        .arg(&site.config)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let limits = format!("/proc/{}/limits", child.id());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut line = String::new();
    let raised = loop {
        let text = std::fs::read_to_string(&limits).unwrap_or_default();
        line = text.lines().find(|l| l.starts_with("Max open files")).unwrap_or(&line).to_string();
        if line.split_whitespace().skip(3).take(2).eq(["2048", "2048"]) {
            break true;
        }
        if std::time::Instant::now() > deadline {
            break false;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), nix::sys::signal::Signal::SIGTERM).unwrap();
    let exit = child.wait().unwrap();
    assert!(raised, "soft limit not raised to the hard one: {line}");
    assert!(exit.success(), "{exit}");
}

/// `fishctl` on a terminal (a pseudo-terminal from `script`): `get` ends
/// its output with a newline so the next prompt does not run into the
/// value, and `put KEY` without a value says what to do instead of waiting
/// silently for the terminal.
#[test]
fn fishctl_on_a_terminal_ends_get_with_a_newline_and_refuses_put_without_a_value() {
    let site = Site::start("tty", "");
    let url = site.url.as_str();
    assert_eq!(code(&fishctl(url, &["put", "k", "v"], None)), 0);
    let on_tty = |args: &str| {
        Command::new("timeout")
            .args(["20", "script", "-qec", &format!("{FISHCTL} --url {url} {args}"), "/dev/null"])
            .env_remove("FISH_URL")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let get = on_tty("get k");
    assert_eq!(code(&get), 0, "{get:?}");
    assert!(
        get.stdout.ends_with(b"v\r\n"),
        "a terminal gets a final newline: {:?}",
        String::from_utf8_lossy(&get.stdout)
    );
    // Piped, the bytes stay as they are.
    assert_eq!(fishctl(url, &["get", "k"], None).stdout, b"v");

    let put = on_tty("put k2");
    let text = String::from_utf8_lossy(&put.stdout);
    assert_eq!(code(&put), 2, "{text}");
    assert!(text.contains("no value for \"k2\": give it as an argument"), "{text}");
    assert_eq!(code(&fishctl(url, &["get", "k2"], None)), 1, "nothing was written");
}
