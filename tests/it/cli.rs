//! `fishctl` and `fishd check`/startup as a user runs them: output (tables
//! on a terminal, JSON lines when piped, `-o`), several endpoints, and the
//! exit codes (0 ok, 1 not found / condition failed, 2 usage,
//! 3 unavailable, 4 refused).

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
    // Piped, status is one JSON object per site.
    let status = fishctl(url, &["status"], None);
    assert_eq!(code(&status), 0);
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!((status["role"].as_str(), status["endpoint"].as_str()), (Some("back"), Some(url)));
}

/// Runs fishctl under a pseudo-terminal (`script`), as a person would.
fn on_tty(url: &str, args: &str) -> Output {
    Command::new("timeout")
        .args(["20", "script", "-qec", &format!("{FISHCTL} --url {url} {args}"), "/dev/null"])
        .env_remove("FISH_URL")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).replace("\r\n", "\n")
}

/// A table for people on a terminal, JSON lines when piped, and `-o`
/// choosing either way, for status, members and list.
#[test]
fn fishctl_prints_tables_on_a_terminal_json_when_piped_and_what_o_asks() {
    let site = Site::start("tables", "");
    let url = site.url.as_str();
    assert_eq!(code(&fishctl(url, &["put", "t/a", "one\ntwo"], None)), 0);
    assert_eq!(code(&fishctl(url, &["put", "t/b", "-"], Some(b"\xff\x00"))), 0);

    let status = on_tty(url, "status");
    let shown = text(&status);
    assert_eq!(code(&status), 0, "{shown}");
    let lines: Vec<&str> = shown.lines().collect();
    assert!(lines[0].starts_with("ENDPOINT") && lines[0].contains("MASTER") && lines[0].contains("LOG END"), "{shown}");
    assert!(lines[1].starts_with(url) && lines[1].contains(" tables ") && lines[1].contains(" master "), "{shown}");

    let members = text(&on_tty(url, "members"));
    assert!(members.starts_with("REPLICATION") && members.contains("master  (this site)  tables"), "{members}");
    let members = fishctl(url, &["members"], None);
    let member: serde_json::Value = serde_json::from_slice(&members.stdout).unwrap();
    assert_eq!((member["master"].as_bool(), member["name"].as_str()), (Some(true), Some("tables")));

    // A listing: the value's newline escaped, bytes that are not UTF-8 as base64.
    let list = text(&on_tty(url, "list --prefix t/"));
    let rows: Vec<Vec<&str>> = list.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows[0], ["KEY", "VERSION", "VALUE"], "{list}");
    assert_eq!((rows[1][0], rows[1][2]), ("t/a", "one\\ntwo"), "{list}");
    assert_eq!((rows[2][0], rows[2][2], rows[2][3]), ("t/b", "(base64)", "/wA="), "{list}");
    let piped = fishctl(url, &["list", "--prefix", "t/"], None);
    let items: Vec<serde_json::Value> =
        String::from_utf8(piped.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(items[0]["value"], "one\ntwo");
    assert_eq!((items[1]["value"].as_str(), items[1]["value_encoding"].as_str()), (Some("/wA="), Some("base64")));
    let values = fishctl(url, &["list", "--prefix", "t/", "-o", "value"], None);
    let first = String::from_utf8(values.stdout).unwrap().lines().next().unwrap().to_string();
    assert_eq!(first, format!("t/a\t{}\tone\\ntwo", items[0]["version"]));
    let table = fishctl(url, &["list", "--prefix", "t/", "-o", "table"], None);
    assert!(String::from_utf8_lossy(&table.stdout).starts_with("KEY"), "-o table also when piped");

    // get: raw bytes by default, a JSON object with -o json.
    let get = fishctl(url, &["get", "t/b", "-o", "json"], None);
    let got: serde_json::Value = serde_json::from_slice(&get.stdout).unwrap();
    assert_eq!((got["key"].as_str(), got["value"].as_str()), (Some("t/b"), Some("/wA=")), "{got}");
    assert_eq!(got["version"], items[1]["version"]);
    let put = fishctl(url, &["put", "t/c", "x", "-o", "json"], None);
    let put: serde_json::Value = serde_json::from_slice(&put.stdout).unwrap();
    assert!(put["version"].as_u64().is_some() && put["token"].as_str().is_some(), "{put}");

    // Commands that print one value for a script keep doing so when piped,
    // and print JSON with -o json.
    let id = String::from_utf8(fishctl(url, &["lease", "grant", "30"], None).stdout).unwrap();
    assert!(id.trim().parse::<u64>().is_ok(), "{id:?}");
    let json = |args: &[&str]| -> serde_json::Value {
        let o = fishctl(url, args, None);
        assert_eq!(code(&o), 0, "{args:?}: {o:?}");
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {o:?}"))
    };
    let granted = json(&["lease", "grant", "30", "-o", "json"]);
    assert_eq!(granted["ttl_s"], 30, "{granted}");
    let lease = granted["id"].to_string();
    assert_eq!(json(&["lease", "keepalive", &lease, "--once", "-o", "json"])["ttl_s"], 30);
    assert_eq!(json(&["lease", "show", &lease, "-o", "json"])["ttl_s"], 30);
    let revoked = json(&["lease", "revoke", &lease, "-o", "json"]);
    assert_eq!((revoked["id"].to_string(), revoked["keys_deleted"].as_u64()), (lease, Some(0)), "{revoked}");
}

/// `--url a,b` (and FISH_URL): a request that cannot connect to the first
/// site goes to the next; `status` asks each and says which did not answer.
#[test]
fn fishctl_falls_over_to_the_next_endpoint() {
    let site = Site::start("fallover", "");
    let dead = format!("http://127.0.0.1:{}", free_port());
    let both = format!("{dead},{}", site.url);
    assert_eq!(code(&fishctl(&both, &["put", "k", "v"], None)), 0);
    let get = fishctl(&both, &["get", "k"], None);
    assert_eq!((code(&get), get.stdout.as_slice()), (0, &b"v"[..]), "{get:?}");
    let from_env = Command::new(FISHCTL).args(["get", "k"]).env("FISH_URL", &both).output().unwrap();
    assert_eq!((code(&from_env), from_env.stdout.as_slice()), (0, &b"v"[..]), "{from_env:?}");
    // Both down: unavailable, naming the last one tried.
    let none = fishctl(&format!("{dead},{dead}"), &["get", "k"], None);
    assert_eq!(code(&none), 3, "{none:?}");
    let status = fishctl(&both, &["status"], None);
    assert_eq!(code(&status), 3, "one site did not answer");
    assert!(String::from_utf8_lossy(&status.stderr).contains(&dead), "{status:?}");
    let answered: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(answered["name"], "fallover");
}

/// `fishctl txn`: JSON from stdin or a file, all or nothing; a failed
/// check exits 1 and writes nothing; JSON that does not parse never leaves.
#[test]
fn fishctl_txn_runs_a_transaction_from_stdin_or_a_file() {
    let site = Site::start("txn-cli", "");
    let url = site.url.as_str();
    let ops =
        br#"{"ops":[{"op":"put","key":"a","value":"1"},{"op":"put","key":"b","value":"2"},{"op":"get","key":"a"}]}"#;
    let run = fishctl(url, &["txn"], Some(ops));
    assert_eq!(code(&run), 0, "{run:?}");
    let answer: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(answer["results"][2]["value"], "1", "{answer}");
    let version = answer["results"][0]["version"].as_u64().unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("swap.json");
    let swap = format!(
        r#"{{"ops":[{{"op":"check","key":"a","version":{version}}},{{"op":"put","key":"a","value":"3"}},{{"op":"delete","key":"b"}}]}}"#
    );
    std::fs::write(&file, &swap).unwrap();
    let run = fishctl(url, &["txn", "-o", "table", file.to_str().unwrap()], None);
    let shown = text(&run);
    assert_eq!(code(&run), 0, "{run:?}");
    assert!(shown.starts_with("OP") && shown.contains("written") && shown.contains("deleted"), "{shown}");
    // The same check again fails: exit 1, and nothing of it is written.
    let again = fishctl(url, &["txn", file.to_str().unwrap()], None);
    assert_eq!(code(&again), 1, "{again:?}");
    assert!(String::from_utf8_lossy(&again.stderr).contains("412"), "{again:?}");
    assert_eq!(fishctl(url, &["get", "a"], None).stdout, b"3");
    let bad = fishctl(url, &["txn"], Some(b"{\"ops\": [}"));
    assert_eq!(code(&bad), 2, "{bad:?}");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("stdin: not JSON"), "{bad:?}");
    let missing = fishctl(url, &["txn", "/nonexistent/ops.json"], None);
    assert_eq!(code(&missing), 2, "{missing:?}");
}

/// Each class of answer has its exit code: 0 ok; 1 not found or condition
/// failed; 2 usage (fishctl's arguments, or a request the site calls
/// malformed); 3 unavailable; 4 refused (no or a weak token, a conflict,
/// too large).
#[test]
fn fishctl_exit_codes_follow_the_class_of_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = dir.path().join("tokens");
    std::fs::write(&tokens, "admin ops s3cret-admin-token-0123456789\nread viewer s3cret-read-token-0123456789\n")
        .unwrap();
    std::fs::set_permissions(&tokens, std::os::unix::fs::PermissionsExt::from_mode(0o640)).unwrap();
    let site = Site::start("exits", &format!("[http]\ntokens_file = \"{}\"\n", tokens.display()));
    let url = site.url.as_str();
    let as_role = |token: &str, args: &[&str], stdin: Option<&[u8]>| {
        let mut all = vec!["--token", token];
        all.extend_from_slice(args);
        fishctl(url, &all, stdin)
    };
    let admin = "s3cret-admin-token-0123456789";
    let reader = "s3cret-read-token-0123456789";
    assert_eq!(code(&as_role(admin, &["put", "k", "v"], None)), 0);
    assert_eq!(code(&as_role(admin, &["get", "nope"], None)), 1, "404");
    assert_eq!(code(&as_role(admin, &["put", "k", "w", "--create"], None)), 1, "412");
    assert_eq!(code(&as_role(admin, &["get", "k", "--consistency", "sometimes"], None)), 2, "400");
    assert_eq!(code(&fishctl(url, &["get", "k"], None)), 4, "401: no token");
    assert_eq!(code(&as_role(reader, &["put", "k", "w"], None)), 4, "403: a read token writes");
    let long_key = "k".repeat(2000);
    assert_eq!(code(&as_role(admin, &["put", &long_key, "v"], None)), 4, "414");
    let big = vec![b'x'; 1_100_000];
    assert_eq!(code(&as_role(admin, &["put", "big", "-"], Some(&big))), 4, "413");
    assert_eq!(code(&as_role(admin, &["step-down"], None)), 4, "409: no other site to hand over to");
    assert_eq!(code(&as_role(admin, &["get", "k"], None)), 0, "and nothing of that changed k");
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
    let get = on_tty(url, "get k");
    assert_eq!(code(&get), 0, "{get:?}");
    assert!(
        get.stdout.ends_with(b"v\r\n"),
        "a terminal gets a final newline: {:?}",
        String::from_utf8_lossy(&get.stdout)
    );
    // Piped, the bytes stay as they are.
    assert_eq!(fishctl(url, &["get", "k"], None).stdout, b"v");

    let put = on_tty(url, "put k2");
    let text = String::from_utf8_lossy(&put.stdout);
    assert_eq!(code(&put), 2, "{text}");
    assert!(text.contains("no value for \"k2\": give it as an argument"), "{text}");
    assert_eq!(code(&fishctl(url, &["get", "k2"], None)), 1, "nothing was written");
}
