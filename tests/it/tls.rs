//! Mutual TLS between sites (`[replication.tls]`, Berkeley DB patch 0014):
//! real `fishd` processes with certificates made by `fishctl cert`.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::cluster::{Cluster, FAST, put_until_ok};
use crate::harness::{FISHCTL, Site, wait_until};

fn fishctl(args: &[&str]) {
    let out = Command::new(FISHCTL).args(args).output().unwrap();
    assert!(out.status.success(), "fishctl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A CA in `dir/NAME` (its certificate is `dir/NAME/ca.pem`).
pub(crate) fn ca(dir: &Path, name: &str) -> std::path::PathBuf {
    let ca = dir.join(name);
    fishctl(&["cert", "ca", ca.to_str().unwrap()]);
    ca
}

/// A certificate of `ca` for `name` naming `address`, written into `out`
/// as `NAME.pem` and `NAME.key`.
pub(crate) fn site_cert(ca: &Path, name: &str, address: &str, out: &Path) {
    fishctl(&[
        "cert",
        "site",
        "--ca",
        ca.to_str().unwrap(),
        "--name",
        name,
        "--address",
        address,
        "--out",
        out.to_str().unwrap(),
    ]);
}

/// Gives `site` a certificate of `ca` naming `address` and turns TLS on.
fn with_tls(site: &Site, ca: &Path, address: &str) {
    let out = site.dir.path().join("tls");
    site_cert(ca, &site.name, address, &out);
    site.reconfigure(&format!(
        "[replication.tls]\nca = \"{}\"\ncert = \"{}\"\nkey = \"{}\"\n",
        ca.join("ca.pem").display(),
        out.join(format!("{}.pem", site.name)).display(),
        out.join(format!("{}.key", site.name)).display()
    ));
}

fn members(c: &Cluster, i: usize) -> Vec<String> {
    let m: fish::api::Members = c.http(i).call("GET", "/v1/members", &[], b"").typed().unwrap();
    m.members.into_iter().map(|m| m.replication).collect()
}

/// Three back-ends and a view front-end over mutual TLS: writes through
/// the front-end, a failover and a restart work; a site without a
/// certificate, one with another CA's, and one whose valid certificate
/// names another address never become members, and the group keeps
/// acknowledging writes.
#[test]
fn a_group_over_mutual_tls_works_and_refuses_sites_it_cannot_verify() {
    let pki = tempfile::tempdir().unwrap();
    let group_ca = ca(pki.path(), "group");
    let mut c = Cluster::start_with("tls", 3, FAST, |_, site| {
        with_tls(site, &group_ca, &format!("127.0.0.1:{}", site.rep_port));
        Vec::new()
    });
    let f =
        c.add_front_with("tls-front", "", |site| with_tls(site, &group_ca, &format!("127.0.0.1:{}", site.rep_port)));
    let front = c.fronts[f].http();
    for i in 0..20 {
        assert_eq!(front.put(&format!("k{i}"), b"v").status, 204);
    }
    let m = c.wait_for_master(None);

    // Rogues: no TLS at all; another CA; a valid certificate for one
    // address while joining as another.
    let other_ca = ca(pki.path(), "other");
    let helper = format!("\"127.0.0.1:{}\"", c.sites[m].rep_port);
    let rogue = |name: &str| {
        let site = Site::create(name, FAST);
        site.reconfigure(&format!("[replication]\nhelpers = [{helper}]\n"));
        site
    };
    let mut plain = rogue("rogue-plain");
    let mut foreign = rogue("rogue-foreign");
    with_tls(&foreign, &other_ca, &format!("127.0.0.1:{}", foreign.rep_port));
    let mut liar = rogue("rogue-liar");
    with_tls(&liar, &group_ca, &format!("127.0.0.1:{}", liar.rep_port + 1));
    for r in [&mut plain, &mut foreign, &mut liar] {
        r.spawn_no_wait();
    }
    std::thread::sleep(Duration::from_secs(4));
    for (i, r) in [&plain, &foreign, &liar].iter().enumerate() {
        let rep = format!("127.0.0.1:{}", r.rep_port);
        assert!(!members(&c, m).contains(&rep), "rogue {i} ({}) became a member: {:?}", r.name, members(&c, m));
    }
    let log = c.sites[m].log();
    assert!(log.contains("peer_refused"), "the master logs the refusals:\n{log}");
    for i in 20..40 {
        assert_eq!(front.put(&format!("k{i}"), b"v").status, 204, "writes go on");
    }

    // Failover and a restart, over TLS.
    c.sites[m].kill();
    let new = c.wait_for_master(Some(m));
    put_until_ok(&front, "after-failover", b"x", Duration::from_secs(30));
    c.sites[m].spawn();
    wait_until("the old master to rejoin and catch up", Duration::from_secs(30), || {
        c.sites[m]
            .http()
            .try_call("GET", "/v1/kv/after-failover?consistency=replica", &[], b"")
            .is_ok_and(|a| a.status == 200)
    });
    for i in 0..40 {
        assert_eq!(c.http(new).get(&format!("k{i}")).status, 200, "k{i} was acknowledged");
    }
}

/// Two back-ends (TLS or not) with the replication traffic on loopback
/// captured while a marker value is written: whether the marker shows in
/// the capture.
fn marker_on_the_wire(tls: bool) -> bool {
    let pki = tempfile::tempdir().unwrap();
    let group_ca = ca(pki.path(), "group");
    let c = Cluster::start_with(if tls { "wire-tls" } else { "wire-plain" }, 2, FAST, |_, site| {
        if tls {
            with_tls(site, &group_ca, &format!("127.0.0.1:{}", site.rep_port));
        }
        Vec::new()
    });
    let m = c.wait_for_master(None);
    let capture = pki.path().join("capture.pcap");
    let filter = format!("tcp port {} or tcp port {}", c.sites[0].rep_port, c.sites[1].rep_port);
    let mut dump = Command::new("tcpdump")
        .args(["-i", "lo", "--immediate-mode", "-U", "-s", "0", "-w"])
        .arg(&capture)
        .arg(&filter)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("tcpdump (scripts/test installs it)");
    // It says "listening on lo" once it captures.
    let mut said = std::io::BufReader::new(dump.stderr.take().unwrap());
    let mut line = String::new();
    while std::io::BufRead::read_line(&mut said, &mut line).unwrap_or(0) > 0 && !line.contains("listening on") {
        line.clear();
    }
    std::thread::spawn(move || std::io::copy(&mut said, &mut std::io::sink()));
    std::thread::sleep(Duration::from_millis(200));
    let marker = "fish-marker-7f3a9c2e-never-in-clear";
    for i in 0..10 {
        assert_eq!(c.http(m).put(&format!("marker{i}"), marker.as_bytes()).status, 204);
    }
    std::thread::sleep(Duration::from_millis(500));
    let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(dump.id() as i32), nix::sys::signal::Signal::SIGINT);
    let _ = dump.wait();
    let bytes = std::fs::read(&capture).unwrap();
    assert!(bytes.len() > 1000, "the capture holds the replication traffic ({} bytes)", bytes.len());
    bytes.windows(marker.len()).any(|w| w == marker.as_bytes())
}

/// No clear text on the wire with TLS; the same capture without TLS has
/// the value (so this test can fail).
#[test]
fn replication_traffic_is_never_clear_text_with_tls() {
    assert!(marker_on_the_wire(false), "without TLS the value crosses loopback in clear");
    assert!(!marker_on_the_wire(true), "with TLS the value never appears on the wire");
}

/// `fishd check` names each broken TLS file and what is wrong with it.
#[test]
fn fishd_check_names_each_broken_tls_file() {
    use std::os::unix::fs::PermissionsExt;
    let pki = tempfile::tempdir().unwrap();
    let (group, other) = (ca(pki.path(), "group"), ca(pki.path(), "other"));
    let dir = pki.path().to_str().unwrap();
    fishctl(&[
        "cert",
        "site",
        "--ca",
        group.to_str().unwrap(),
        "--name",
        "b0",
        "--address",
        "127.0.0.1:7000",
        "--out",
        dir,
    ]);
    fishctl(&[
        "cert",
        "site",
        "--ca",
        other.to_str().unwrap(),
        "--name",
        "x",
        "--address",
        "127.0.0.1:7000",
        "--out",
        dir,
    ]);
    let check = |listen: &str, cert: &str, key: &str| {
        let file = pki.path().join("b0.toml");
        std::fs::write(
            &file,
            format!(
                "role = \"back\"\nname = \"b0\"\n[replication]\nlisten = \"{listen}\"\n[replication.tls]\nca = \"{}\"\ncert = \"{dir}/{cert}.pem\"\nkey = \"{dir}/{key}.key\"\n",
                group.join("ca.pem").display()
            ),
        )
        .unwrap();
        let out = Command::new(crate::harness::FISHD).arg("check").arg("--config").arg(&file).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
    };
    let (code, text) = check("127.0.0.1:7000", "b0", "b0");
    assert!(code == Some(0) && text.contains("mutual TLS"), "{text}");
    let (code, text) = check("127.0.0.1:7001", "b0", "b0");
    assert!(code == Some(2) && text.contains("b0.pem") && text.contains("fish://127.0.0.1:7001"), "{text}");
    let (code, text) = check("127.0.0.1:7000", "x", "x");
    assert!(code == Some(2) && text.contains("x.pem") && text.contains("not valid"), "{text}");
    let (code, text) = check("127.0.0.1:7000", "b0", "x");
    assert!(code == Some(2) && text.contains("x.key") && text.contains("does not go with"), "{text}");
    std::fs::set_permissions(pki.path().join("b0.key"), std::fs::Permissions::from_mode(0o644)).unwrap();
    let (code, text) = check("127.0.0.1:7000", "b0", "b0");
    assert!(code == Some(2) && text.contains("b0.key") && text.contains("readable by every user"), "{text}");
}

/// Certificate rotation to a new CA without a restart: both CAs trusted,
/// new site certificates, the old CA dropped, each step a SIGHUP of every
/// site in turn, with writes going on: no acknowledged write lost, no
/// election, and a site restarted at the end joins with the new CA alone.
#[test]
fn certificates_rotate_to_a_new_ca_on_sighup_without_an_election() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let pki = tempfile::tempdir().unwrap();
    let (old_ca, new_ca) = (ca(pki.path(), "old"), ca(pki.path(), "new"));
    let mut c = Cluster::start_with("rot", 3, FAST, |_, site| {
        with_tls(site, &old_ca, &format!("127.0.0.1:{}", site.rep_port));
        Vec::new()
    });
    let m = c.wait_for_master(None);
    let generation = |h: crate::harness::Http| {
        h.call("GET", "/v1/status", &[], b"").typed::<fish::api::Status>().unwrap().generation
    };
    let g = generation(c.http(m));
    let via = c.http(c.other_than(m));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut acked = Vec::new();
            for i in 0..100_000u32 {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let key = format!("rot/{i}");
                if via.try_call("PUT", &format!("/v1/kv/{key}"), &[], b"v").is_ok_and(|a| a.status == 204) {
                    acked.push(key);
                }
            }
            acked
        })
    };
    let tls_dir = |s: &Site| s.dir.path().join("tls");
    let ca_file = |s: &Site| {
        let config = std::fs::read_to_string(&s.config).unwrap();
        let line = config.lines().find(|l| l.starts_with("ca = ")).unwrap().to_string();
        std::path::PathBuf::from(line.trim_start_matches("ca = ").trim_matches('"'))
    };
    // Each site gets its own copy of the CA file, so steps go site by site.
    for s in &c.sites {
        let own = tls_dir(s).join("ca.pem");
        std::fs::copy(ca_file(s), &own).unwrap();
        s.reconfigure(&format!("[replication.tls]\nca = \"{}\"\n", own.display()));
        s.hup();
    }
    let step = |c: &Cluster, what: &dyn Fn(&Site)| {
        for s in &c.sites {
            let reloads = || s.log().matches("re-read the replication TLS files").count();
            let before = reloads();
            what(s);
            s.hup();
            wait_until("the reload", Duration::from_secs(10), || reloads() > before);
            std::thread::sleep(Duration::from_millis(300));
        }
    };
    let both = [std::fs::read(old_ca.join("ca.pem")).unwrap(), std::fs::read(new_ca.join("ca.pem")).unwrap()].concat();
    step(&c, &|s| std::fs::write(tls_dir(s).join("ca.pem"), &both).unwrap());
    step(&c, &|s| {
        let fresh = tls_dir(s).join("new");
        let address = format!("127.0.0.1:{}", s.rep_port);
        fishctl(&[
            "cert",
            "site",
            "--ca",
            new_ca.to_str().unwrap(),
            "--name",
            &s.name,
            "--address",
            &address,
            "--out",
            fresh.to_str().unwrap(),
        ]);
        for ext in ["pem", "key"] {
            std::fs::copy(fresh.join(format!("{}.{ext}", s.name)), tls_dir(s).join(format!("{}.{ext}", s.name)))
                .unwrap();
        }
    });
    step(&c, &|s| {
        std::fs::copy(new_ca.join("ca.pem"), tls_dir(s).join("ca.pem")).unwrap();
    });
    // A restarted site connects with the new CA alone.
    let other = c.other_than(m);
    assert!(c.sites[other].stop().success());
    c.sites[other].spawn();
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, Ordering::Relaxed);
    let acked = writer.join().unwrap();
    assert!(acked.len() > 100, "writes went on: {}", acked.len());
    assert_eq!(c.wait_for_master(None), m, "no election");
    assert_eq!(generation(c.http(m)), g, "no election");
    for key in &acked {
        assert_eq!(c.http(m).get(key).status, 200, "{key} was acknowledged");
    }
    put_until_ok(&c.http(other), "after-rotation", b"x", Duration::from_secs(30));
}

/// The replication-wire fuzzer of tests/it/wire.rs aimed at TLS ports:
/// every session fails its handshake, no site crashes or gains a member,
/// and writes go on.
#[test]
fn the_wire_fuzzer_fails_every_tls_handshake_and_crashes_nothing() {
    use rand::SeedableRng;
    let seed = std::env::var("FISH_WIRE_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random::<u64>);
    eprintln!("TLS wire fuzzer: seed {seed} (replay with FISH_WIRE_SEED={seed})");
    let pki = tempfile::tempdir().unwrap();
    let group_ca = ca(pki.path(), "group");
    let mut c = Cluster::start_with("tlsfuzz", 3, FAST, |_, site| {
        with_tls(site, &group_ca, &format!("127.0.0.1:{}", site.rep_port));
        Vec::new()
    });
    let m = c.wait_for_master(None);
    let ports: Vec<u16> = c.sites.iter().map(|s| s.rep_port).collect();
    let ghost = crate::harness::free_port();
    let started = std::time::Instant::now();
    let fuzzers: Vec<_> = (0..4u64)
        .map(|t| {
            let ports = ports.clone();
            std::thread::spawn(move || {
                let mut rng = rand::rngs::StdRng::seed_from_u64(seed.wrapping_add(t));
                let mut sessions = 0u64;
                while sessions < 500 && started.elapsed() < Duration::from_secs(120) {
                    let port = ports[rand::Rng::gen_range(&mut rng, 0..ports.len())];
                    crate::wire::session(&mut rng, port, ghost);
                    sessions += 1;
                }
                sessions
            })
        })
        .collect();
    let sessions: u64 = fuzzers.into_iter().map(|f| f.join().unwrap()).sum();
    for s in c.sites.iter_mut() {
        assert!(s.exited().is_none(), "seed {seed}: {} exited:\n{}", s.name, s.log());
        assert!(!s.log().contains("PANIC") && !s.log().contains("panicked"), "seed {seed}: {}", s.log());
    }
    assert_eq!(members(&c, m).len(), 3, "seed {seed}: no member was added");
    assert!(c.sites[m].log().matches("peer_refused").count() >= 10, "the handshakes were refused");
    put_until_ok(&c.http(m), "after-tls-fuzz", b"ok", Duration::from_secs(20));
    eprintln!("TLS wire fuzzer: {sessions} sessions in {:?}", started.elapsed());
}
