use super::*;

fn parse(src: &str) -> Result<Config, ConfigError> {
    Config::parse(src, "back0.toml", Some("back0"))
}

fn err(src: &str) -> String {
    parse(src).unwrap_err().to_string()
}

/// The example from the SPEC, verbatim.
const SPEC_EXAMPLE: &str = r#"
role = "back"                      # "back" or "front"
# name = "back0"                   # default: file stem
# data_dir = "/var/lib/fish/back0" # default: /var/lib/fish/<name> (STATE_DIRECTORY under systemd)

[http]
listen = "127.0.0.1:8080"          # API, health, metrics
# advertise = "10.0.0.1:8080"      # what other sites use to reach this API

[replication]
listen = "127.0.0.1:7000"          # this site's Replication Manager address, as peers reach it
helpers = []                       # bootstrap helpers: existing sites to join through
group_creator = false              # exactly one back-end, for the very first start
priority = 100                     # back-ends; front-ends are always 0 (never master)
ack_policy = "quorum"              # quorum | all-peers | all | all-available | one | one-peer | none
ack_timeout_ms = 1000
election_timeout_ms = 1000
heartbeat_send_ms = 200
heartbeat_monitor_ms = 600
leases = false                     # master leases: consistent master reads

[log]
level = "info"                     # SIGHUP re-reads it
"#;

/// The smallest view front-end: its replication address and a helper.
const VIEW: &str = "role = \"front\"\n[replication]\nlisten = \"127.0.0.1:7009\"\nhelpers = [\"127.0.0.1:7000\"]";

#[test]
fn the_spec_example_parses_to_the_documented_defaults() {
    let c = parse(SPEC_EXAMPLE).unwrap();
    let d = parse("role = \"back\"\n[replication]\nlisten = \"127.0.0.1:7000\"").unwrap();
    for c in [c, d] {
        assert_eq!(c.role, Role::Back);
        assert_eq!(c.name, "back0");
        assert_eq!(c.http.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.http.advertise, c.http.listen);
        assert_eq!(c.http.max_value_bytes, 1 << 20);
        assert_eq!(c.replication.listen.to_string(), "127.0.0.1:7000");
        assert_eq!(c.replication.priority, 100);
        assert_eq!(c.replication.ack_policy, AckPolicy::Quorum);
        assert_eq!(c.replication.heartbeat_monitor, Duration::from_millis(600));
        assert_eq!(c.log_level, "info");
        assert_eq!(c.storage.page_size, None, "the store chooses (32 KiB)");
    }
}

#[test]
fn unknown_keys_are_errors_naming_the_key_and_line() {
    let e = err("role = \"back\"\n[http]\nlisten = \"127.0.0.1:1\"\nlisen = 3\n");
    assert!(e.starts_with("back0.toml:4:"), "{e}");
    assert!(e.contains("unknown field `lisen`"), "{e}");
    let e = err("[replikation]\n");
    assert!(e.starts_with("back0.toml:1:") && e.contains("replikation"), "{e}");
}

#[test]
fn bad_values_name_the_key_and_line() {
    let cases = [
        ("role = \"middle\"", "1:", "role: \"middle\" is not"),
        ("[http]\n\nlisten = \"nope\"", "3:", "http.listen: \"nope\" is not host:port"),
        ("[http]\nlisten = \"1.2.3.4:99999\"", "2:", "valid port"),
        ("[replication]\nack_policy = \"most\"", "2:", "ack_policy: \"most\" is not one of quorum, all-peers"),
        ("[replication]\npriority = -1", "2:", "replication.priority: -1 is out of range"),
        ("[replication]\nhelpers = [\"a:1\", \"b\"]", "2:", "replication.helpers: \"b\" is not host:port"),
        ("[replication]\nheartbeat_send_ms = 700", "2:", "must be longer than heartbeat_send_ms"),
        ("[log]\nlevel = \"loud=!!\"", "2:", "log.level"),
        ("[http]\nmax_value_bytes = 0", "2:", "http.max_value_bytes: 0 is out of range"),
        ("[replication]\nack_timeout_ms = \"1s\"", "2:", "invalid type"),
        ("[storage]\nmin_free_mb = -1", "2:", "storage.min_free_mb: -1 is out of range"),
        ("[storage]\npage_size_kb = 48", "2:", "storage.page_size_kb: 48 is not one of 1, 2, 4, 8, 16, 32, 64"),
        ("[storage]\npage_size_kb = 128", "2:", "storage.page_size_kb: 128 is not one of"),
        ("[storage]\npage_size_kb = 0", "2:", "storage.page_size_kb: 0 is not one of"),
        (
            "[storage]\nsync = \"sometimes\"",
            "2:",
            "storage.sync: \"sometimes\" is not one of fsync, write-no-sync, none",
        ),
    ];
    for (src, line, needle) in cases {
        let e = err(src);
        assert!(e.starts_with(&format!("back0.toml:{line}")), "{src:?} gave {e}");
        assert!(e.contains(needle), "{src:?} gave {e}");
    }
}

#[test]
fn wildcard_addresses_need_an_advertised_one() {
    let e = err("[http]\nlisten = \"0.0.0.0:8080\"");
    assert!(e.contains("set http.advertise"), "{e}");
    let c =
        parse(&format!("{VIEW}\n[http]\nlisten = \"0.0.0.0:8080\"\nadvertise = \"10.0.0.1:8080\"\ninsecure = true"))
            .unwrap();
    assert_eq!(c.http.advertise.to_string(), "10.0.0.1:8080");
    assert!(err("[replication]\nlisten = \"[::]:7000\"").contains("not a wildcard"));
}

#[test]
fn front_ends_are_priority_zero_and_never_create_the_group() {
    let c = parse(VIEW).unwrap();
    assert_eq!((c.role, c.replication.priority, c.front), (Role::Front, 0, Some(FrontMode::Member)));
    assert!(err("role = \"front\"\n[replication]\npriority = 5").contains("front-ends are always priority 0"));
    assert!(err("role = \"front\"\n[replication]\ngroup_creator = true").contains("only a back-end"));
}

#[test]
fn name_defaults_to_the_file_stem_and_data_dir_follows_it() {
    let c = Config::parse(VIEW, "x", Some("front7")).unwrap();
    assert_eq!(c.name, "front7");
    if std::env::var_os("STATE_DIRECTORY").is_none() {
        assert_eq!(c.data_dir, PathBuf::from("/var/lib/fish/front7"));
    }
    let c = Config::parse(&format!("name = \"b1\"\ndata_dir = \"/tmp/d\"\n{VIEW}"), "x", Some("whatever")).unwrap();
    assert_eq!((c.name.as_str(), c.data_dir.as_path()), ("b1", Path::new("/tmp/d")));
    assert!(Config::parse("name = \"a b\"", "x", None).unwrap_err().to_string().contains("name: \"a b\""));
}

/// Issue "Partitions, pauses and bad reloads": a file truncated to nothing
/// parsed as "all defaults", and SIGHUP applied it.
#[test]
fn an_empty_or_cut_off_file_is_refused_naming_what_is_missing() {
    assert_eq!(err(""), "back0.toml: role is missing: write role = \"back\" or role = \"front\"");
    let e = err("role = \"back\"\n[http]\nlisten = \"127.0.0.1:8080\"\n");
    assert!(e.contains("replication.listen is missing: a back-end needs"), "{e}");
    let e = err("[replication]\nlisten = \"127.0.0.1:7000\"\npriority = 100\n");
    assert!(e.contains("role is missing"), "{e}");
    let c = parse("role = \"back\"\n[replication]\nlisten = \"127.0.0.1:7000\"\npriority = 90").unwrap();
    let keys: Vec<&str> = c.keys.iter().map(String::as_str).collect();
    assert_eq!(keys, ["replication.listen", "replication.priority", "role"]);
}

#[test]
fn an_unreadable_file_is_named() {
    let e = Config::load(Path::new("/nonexistent/fish.toml")).unwrap_err().to_string();
    assert!(e.starts_with("/nonexistent/fish.toml: cannot read"), "{e}");
}

/// A front-end is a view unless it says otherwise: it needs only its
/// addresses and helpers (issue "The front-end fleet").
#[test]
fn front_ends_are_views_by_default_and_proxies_on_request() {
    let c = parse(VIEW).unwrap();
    assert_eq!(c.front, Some(FrontMode::Member));
    assert_eq!(c.replication.helpers, vec!["127.0.0.1:7000".parse::<HostPort>().unwrap()]);
    let e = err("role = \"front\"");
    assert!(e.contains("replication.listen is missing: a front-end holds a replica"), "{e}");
    let e = err("role = \"front\"\n[replication]\nlisten = \"127.0.0.1:7009\"");
    assert!(e.contains("replication.helpers is missing"), "{e}");
    // A front-end file from before views, naming back-ends: still a proxy.
    let proxy = Some(FrontMode::Proxy { backends: vec!["10.0.0.1:8080".parse::<HostPort>().unwrap()] });
    assert_eq!(parse("role = \"front\"\n[front]\nbackends = [\"10.0.0.1:8080\"]").unwrap().front, proxy);
    let c = parse("role = \"front\"\n[front]\nmode = \"proxy\"\nbackends = [\"10.0.0.1:8080\"]").unwrap();
    assert_eq!(c.front, proxy);
    assert!(err("role = \"front\"\n[front]\nmode = \"proxy\"").contains("needs the HTTP addresses"));
    let e = err(&format!("{VIEW}\n[front]\nmode = \"member\"\nbackends = [\"a:1\"]"));
    assert!(e.contains("remove backends"), "{e}");
    assert!(err("role = \"front\"\n[front]\nmode = \"both\"").contains("front.mode: \"both\""));
    let e = err("[front]\nmode = \"member\"");
    assert!(e.starts_with("back0.toml:1:") && e.contains("only a front-end"), "{e}");
}

#[test]
fn max_lag_mb_bounds_how_far_behind_a_synced_client_may_be() {
    let base = "role = \"back\"\n[replication]\nlisten = \"127.0.0.1:7000\"\n";
    assert_eq!(parse(base).unwrap().replication.max_lag_bytes, 8 << 20, "the default");
    assert_eq!(parse(&format!("{base}max_lag_mb = 0")).unwrap().replication.max_lag_bytes, 0, "no bound");
    assert_eq!(parse(&format!("{base}max_lag_mb = 2")).unwrap().replication.max_lag_bytes, 2 << 20);
    assert!(err(&format!("{base}max_lag_mb = -1")).contains("replication.max_lag_mb"));
}

#[test]
fn the_slow_disk_rule_has_safe_defaults_and_bounds() {
    let base = "role = \"back\"\n[replication]\nlisten = \"127.0.0.1:7000\"\n";
    let r = parse(base).unwrap().replication;
    assert_eq!(
        (r.step_down_sync, r.step_down_after, r.step_down_hold_off),
        (Duration::from_millis(100), Duration::from_secs(10), Duration::from_secs(300)),
        "the defaults"
    );
    assert!(parse(&format!("{base}step_down_sync_ms = 0")).unwrap().replication.step_down_sync.is_zero(), "off");
    assert!(err(&format!("{base}step_down_after_s = 0")).contains("replication.step_down_after_s"));
    assert!(err(&format!("{base}step_down_hold_off_s = -1")).contains("replication.step_down_hold_off_s"));
}

#[test]
fn a_network_replication_address_needs_tls_or_an_explicit_insecure() {
    let net = "role = \"back\"\n[replication]\nlisten = \"10.0.0.1:7000\"\n";
    let e = err(net);
    assert!(
        e.contains("replication.listen") && e.contains("[replication.tls]") && e.contains("insecure = true"),
        "{e}"
    );
    assert!(parse(&format!("{net}insecure = true")).unwrap().replication.insecure);
    let tls = "[replication.tls]\nca = \"/c\"\ncert = \"/s\"\nkey = \"/k\"\n";
    assert!(parse(&format!("{net}{tls}")).unwrap().replication.tls.is_some());
    for local in ["127.0.0.1:7000", "localhost:7000", "[::1]:7000"] {
        let text = format!("role = \"back\"\n[replication]\nlisten = \"{local}\"\n");
        assert!(parse(&text).is_ok(), "{local} needs no TLS");
    }
    let proxy = "role = \"front\"\n[front]\nmode = \"proxy\"\nbackends = [\"10.0.0.1:8080\"]\n";
    assert!(parse(proxy).is_ok(), "a proxy front-end does not join the group");
}

#[test]
fn an_api_on_a_network_needs_tokens_or_an_explicit_insecure() {
    let e = parse(&format!("{VIEW}\n[http]\nlisten = \"10.0.0.1:8080\"")).unwrap_err().to_string();
    assert!(e.contains("http.listen") && e.contains("tokens_file") && e.contains("insecure = true"), "{e}");
    let c = parse(&format!("{VIEW}\n[http]\nlisten = \"10.0.0.1:8080\"\ninsecure = true")).unwrap();
    assert!(c.http.insecure && c.http.tokens.is_none());
    let c = parse(VIEW).unwrap();
    assert!(c.http.tokens.is_none(), "loopback needs no tokens");
    assert_eq!((c.http.max_connections, c.http.max_response_bytes), (4096, 16 << 20));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tokens");
    std::fs::write(&file, "admin ops 0123456789abcdef0\n").unwrap();
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o640)).unwrap();
    let with = |extra: &str| format!("{VIEW}\n[http]\nlisten = \"10.0.0.1:8080\"\ntokens_file = {:?}\n{extra}", file);
    let c = parse(&with("")).unwrap();
    assert_eq!(c.http.tokens.as_ref().unwrap().check(b"0123456789abcdef0").unwrap().name, "ops");
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let e = parse(&with("")).unwrap_err().to_string();
    assert!(e.contains("http.tokens_file") && e.contains("mode 0644"), "{e}");
    let e = parse(&format!("{VIEW}\n[http.tls]\ncert = \"/c\"")).unwrap_err().to_string();
    assert!(e.contains("http.tls.key"), "{e}");
}
