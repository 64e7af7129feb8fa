//! The replication port as an attacker on the same network sees it: each
//! input that used to crash a site (Berkeley DB patches 0005 and 0009,
//! `crates/libdb-sys/patches/`), sent byte for byte, and a seeded fuzzer
//! that speaks Replication Manager's framing to a master, a client and a
//! member front-end while a writer writes through the group.
//!
//! Framing: a 9-byte header (type, two big-endian u32 words), then a body
//! whose size the words give. A connection starts with a version proposal
//! (a v1-style HANDSHAKE whose rec is `host\0`, min and max version, `\0`),
//! answered by a confirmation; then the connector's parameters (a v4
//! HANDSHAKE: port, alignment, ack policy, flags; rec `host\0`). A site
//! accepts parameters only from a member of the group, so to reach what a
//! member may send, the tests claim the identity of a "ghost": a back-end
//! that joined the group and was then killed (its membership stays).
//!
//! Under a member's identity the frames keep generation 0 and are never
//! DUPMASTER or election votes: a member may legitimately depose a master
//! with a newer generation or a duplicate-master notice, or start an
//! election, and telling a forged member from a real one takes
//! authenticated links (peer TLS), not input checks.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::cluster::{Cluster, FAST, put_until_ok};
use crate::harness::{Http, Site, wait_until};

// Replication Manager message types (repmgr.h) and own-message subtypes.
const PERMLSN: u8 = 1;
const HANDSHAKE: u8 = 2;
const REP_MESSAGE: u8 = 3;
const HEARTBEAT: u8 = 4;
const APP_MESSAGE: u8 = 5;
const APP_RESPONSE: u8 = 6;
const RESP_ERROR: u8 = 7;
const OWN_MSG: u8 = 8;
const CONNECT_REJECT: u32 = 1;
const JOIN_REQUEST: u32 = 4;
const PARM_REFRESH: u32 = 6;
const REMOVE_REQUEST: u32 = 8;
const SHARING: u32 = 11;
/// Base replication: protocol version of 5.3, log version, DUPMASTER, lease flag.
const REPVERSION: u32 = 7;
const LOGVERSION: u32 = 19;
const REP_BULK_LOG: u32 = 4;
const REP_BULK_PAGE: u32 = 5;
const REP_DUPMASTER: u32 = 6;
const REP_VOTE1: u32 = 30;
const REP_VOTE2: u32 = 31;
const REPCTL_LEASE: u32 = 0x10;

fn header(ty: u8, w1: u32, w2: u32) -> Vec<u8> {
    let mut v = vec![ty];
    v.extend(w1.to_be_bytes());
    v.extend(w2.to_be_bytes());
    v
}

/// A message with a control and a rec part (PERMLSN .. HEARTBEAT).
fn msg(ty: u8, control: &[u8], rec: &[u8]) -> Vec<u8> {
    let mut v = header(ty, control.len() as u32, rec.len() as u32);
    v.extend(control);
    v.extend(rec);
    v
}

/// One of repmgr's own messages.
fn own(subtype: u32, body: &[u8]) -> Vec<u8> {
    let mut v = header(OWN_MSG, body.len() as u32, subtype);
    v.extend(body);
    v
}

fn cstr(host: &str) -> Vec<u8> {
    let mut v = host.as_bytes().to_vec();
    v.push(0);
    v
}

/// The version proposal a connector opens with (versions 1 to 4).
fn proposal(host: &str, port: u16) -> Vec<u8> {
    let mut control = 1u32.to_le_bytes().to_vec(); // the v1 struct, host order
    control.extend(port.to_le_bytes());
    control.extend([0, 0]);
    control.extend(0u32.to_be_bytes());
    let mut rec = cstr(host);
    rec.extend(1u32.to_be_bytes());
    rec.extend(4u32.to_be_bytes());
    rec.push(0);
    msg(HANDSHAKE, &control, &rec)
}

/// Version 4 parameters: port, alignment, ack policy (quorum), flags.
fn parameters(host: &str, port: u16) -> Vec<u8> {
    let mut control = port.to_be_bytes().to_vec();
    control.extend(8u16.to_be_bytes());
    control.extend(7u32.to_be_bytes());
    control.extend(0u32.to_be_bytes());
    msg(HANDSHAKE, &control, &cstr(host))
}

/// A site record: host size, host, port, flags.
fn site_info(host: &[u8], port: u16) -> Vec<u8> {
    let mut v = (host.len() as u32).to_be_bytes().to_vec();
    v.extend(host);
    v.extend(port.to_be_bytes());
    v.extend(0u32.to_be_bytes());
    v
}

/// A base replication control (36 bytes, big-endian fields).
fn rep_control(version: u32, rectype: u32, gen_: u32, flags: u32) -> Vec<u8> {
    [version, LOGVERSION, 1, 0, rectype, gen_, 0, 0, flags].iter().flat_map(|w| w.to_be_bytes()).collect()
}

/// A raw connection to a replication port.
struct Wire {
    stream: TcpStream,
}

impl Wire {
    fn connect(port: u16) -> std::io::Result<Wire> {
        let stream = TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_secs(1))?;
        stream.set_read_timeout(Some(Duration::from_secs(2)))?;
        stream.set_write_timeout(Some(Duration::from_secs(2)))?;
        stream.set_nodelay(true)?;
        Ok(Wire { stream })
    }

    fn send(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.stream.write_all(bytes)
    }

    /// Reads one message: its type and body.
    fn read_msg(&mut self) -> std::io::Result<(u8, Vec<u8>)> {
        let mut h = [0u8; 9];
        self.stream.read_exact(&mut h)?;
        let w1 = u32::from_be_bytes(h[1..5].try_into().unwrap()) as usize;
        let w2 = u32::from_be_bytes(h[5..9].try_into().unwrap()) as usize;
        let len = match h[0] {
            PERMLSN..=HEARTBEAT => w1 + w2,
            APP_MESSAGE | APP_RESPONSE | OWN_MSG => w1,
            _ => 0,
        };
        if len > 16 << 20 {
            return Err(std::io::Error::other(format!("a {len}-byte message")));
        }
        let mut body = vec![0; len];
        self.stream.read_exact(&mut body)?;
        Ok((h[0], body))
    }

    /// Proposes versions as `host:port` and reads the confirmation.
    fn negotiate(port: u16, host: &str, as_port: u16) -> std::io::Result<Wire> {
        let mut w = Wire::connect(port)?;
        w.send(&proposal(host, as_port))?;
        let (ty, _) = w.read_msg()?;
        if ty != HANDSHAKE {
            return Err(std::io::Error::other(format!("answer of type {ty} to a proposal")));
        }
        Ok(w)
    }

    /// A connection on which `port`'s site takes us for the member at
    /// `as_port`, proven by a message it sends us unasked (a heartbeat, a
    /// log record, a perm LSN).
    fn as_member(port: u16, as_port: u16) -> std::io::Result<Wire> {
        let mut w = Wire::negotiate(port, "127.0.0.1", as_port)?;
        w.send(&parameters("127.0.0.1", as_port))?;
        Ok(w)
    }

    /// True if the site closed the connection (read 0 or reset).
    fn closed_by_peer(&mut self) -> bool {
        self.stream.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
        let mut buf = [0u8; 4096];
        loop {
            match self.stream.read(&mut buf) {
                Ok(0) => return true,
                Ok(_) => continue,
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return true,
                Err(_) => return false,
            }
        }
    }
}

/// Three back-ends, a member front-end, and a ghost member (killed).
struct Group {
    c: Cluster,
    ghost_port: u16,
}

impl Group {
    fn start(prefix: &str) -> Group {
        let mut c = Cluster::start(prefix, 4, FAST);
        c.add_front(&format!("{prefix}-front"), "[front]\nmode = \"member\"\n");
        // The last back-end (priority 70) is the ghost: a member that is gone.
        c.sites[3].kill();
        let ghost_port = c.sites[3].rep_port;
        c.wait_for_master(Some(3));
        Group { c, ghost_port }
    }

    fn master(&self) -> usize {
        self.c.wait_for_master(Some(3))
    }

    /// The live sites: back-ends 0-2 and the front-end.
    fn live(&mut self) -> Vec<&mut Site> {
        let (backs, fronts) = (&mut self.c.sites, &mut self.c.fronts);
        backs.iter_mut().take(3).chain(fronts.iter_mut()).collect()
    }

    /// Every live site still runs, logged no panic, and answers /readyz;
    /// a quorum write through the front-end gets 204.
    fn assert_healthy(&mut self, after: &str) {
        for site in self.live() {
            if let Some(status) = site.exited() {
                panic!("{} exited ({status}) after {after}:\n{}", site.name, site.log());
            }
            let log = site.log();
            assert!(
                !log.contains("panicked") && !log.contains("PANIC") && !log.contains("DB_RUNRECOVERY"),
                "{} panicked after {after}:\n{log}",
                site.name
            );
        }
        for site in self.live() {
            let http = site.http();
            wait_until(&format!("{} ready after {after}", site.name), Duration::from_secs(30), || {
                http.try_call("GET", "/readyz", &[], b"").is_ok_and(|a| a.status == 200)
            });
        }
        let front = self.c.fronts[0].http();
        put_until_ok(&front, &format!("after/{after}"), b"ok", Duration::from_secs(20));
    }
}

/// Each input that crashed a site before patches 0005 and 0009, sent as
/// the exact bytes to the master and to a client (and, for the pre-
/// handshake ones, to the member front-end): the connection is dropped,
/// the site stays up and ready, quorum writes keep getting 204.
#[test]
fn each_input_that_crashed_a_site_is_now_a_dropped_connection() {
    let mut g = Group::start("wcrash");
    let m = g.master();
    let client = (0..3).find(|&i| i != m).unwrap();
    let front_port = g.c.fronts[0].rep_port;
    let ghost = g.ghost_port;
    let empty_host = site_info(b"", 7000);

    // Before any handshake: (name, bytes).
    let fresh: Vec<(&str, Vec<u8>)> = vec![
        ("a response error on a fresh connection (07 00 00 00 00 00 00 00 00)", header(RESP_ERROR, 0, 0)),
        ("an application response on a fresh connection", [header(APP_RESPONSE, 16, 0), vec![0; 16]].concat()),
        ("a handshake announcing 2 x 4 GiB", header(HANDSHAKE, u32::MAX, u32::MAX)),
        ("a replication message announcing 2 x 2 GiB", header(REP_MESSAGE, i32::MAX as u32, i32::MAX as u32)),
        ("a version proposal with an empty host name", {
            let mut rec = vec![0];
            rec.extend(1u32.to_be_bytes());
            rec.extend(4u32.to_be_bytes());
            rec.push(0);
            msg(HANDSHAKE, &proposal("x", 1)[9..21], &rec)
        }),
    ];
    for (what, bytes) in &fresh {
        for (target, port) in
            [("master", g.c.sites[m].rep_port), ("client", g.c.sites[client].rep_port), ("front", front_port)]
        {
            let mut w = Wire::connect(port).unwrap();
            w.send(bytes).unwrap();
            assert!(w.closed_by_peer(), "{target} kept the connection after {what}");
        }
        g.assert_healthy(what);
    }

    // After version negotiation (one-shot requests, parameters).
    let negotiated: Vec<(&str, Vec<u8>)> = vec![
        ("a join request with an empty host", own(JOIN_REQUEST, &empty_host)),
        ("a join request cut short", own(JOIN_REQUEST, &[0, 0, 0, 9, b'h'])),
        ("a remove request with an empty host", own(REMOVE_REQUEST, &empty_host)),
        ("parameters with an empty host part", msg(HANDSHAKE, &parameters("h", 1)[9..21], &[])),
    ];
    for (what, bytes) in &negotiated {
        for (target, port) in [("master", g.c.sites[m].rep_port), ("client", g.c.sites[client].rep_port)] {
            let mut w = Wire::negotiate(port, "127.0.0.1", ghost).unwrap();
            w.send(bytes).unwrap();
            assert!(w.closed_by_peer(), "{target} kept the connection after {what}");
        }
        g.assert_healthy(what);
    }

    // As a member (the ghost): first prove the site takes us for one.
    let mut w = Wire::as_member(g.c.sites[m].rep_port, ghost).unwrap();
    let got = w.read_msg();
    assert!(got.is_ok(), "the master sent nothing to the ghost member: {got:?}");
    drop(w);
    let member: Vec<(&str, Vec<u8>)> = vec![
        ("a heartbeat with a 1-byte control", msg(HEARTBEAT, &[1], &[])),
        ("a replication message with a 1-byte control", msg(REP_MESSAGE, &[1], &[])),
        ("a replication message with a 44-byte control", msg(REP_MESSAGE, &[4; 44], &[])),
        ("a replication message of protocol version 3 (4.5)", msg(REP_MESSAGE, &rep_control(3, 2, 0, 0), &[])),
        ("a replication message of protocol version 999", msg(REP_MESSAGE, &rep_control(999, 2, 0, 0), &[])),
        (
            "a lease message to a site without leases",
            msg(REP_MESSAGE, &rep_control(REPVERSION, 2, 0, REPCTL_LEASE), &[]),
        ),
        ("a vote for a group of 2^32 sites", {
            let vote: Vec<u8> =
                [1 << 20, u32::MAX, u32::MAX, 100, 0, 1, 0].iter().flat_map(|w: &u32| w.to_be_bytes()).collect();
            msg(REP_MESSAGE, &rep_control(REPVERSION, REP_VOTE1, 0, 0), &vote)
        }),
        ("a connection rejection on an incoming connection", own(CONNECT_REJECT, &[0xff; 8])),
        ("a membership list with an empty host", own(SHARING, &[vec![0xff; 8], empty_host.clone()].concat())),
        ("a channel message shorter than its metadata", [header(APP_MESSAGE, 1, 1), vec![0]].concat()),
        ("a channel message whose segment points outside it", {
            let mut body = vec![0u8; 8];
            body.extend(0u32.to_be_bytes()); // length
            body.extend(0xfff0u32.to_be_bytes()); // offset
            body.extend([0u8; 8]); // metadata
            [header(APP_MESSAGE, body.len() as u32, 1), body].concat()
        }),
        ("a parameter refresh cut short", own(PARM_REFRESH, &[1])),
    ];
    for (what, bytes) in &member {
        for (target, port) in [("master", g.c.sites[m].rep_port), ("client", g.c.sites[client].rep_port)] {
            let mut w = Wire::as_member(port, ghost).unwrap();
            w.send(bytes).unwrap();
            // Some are dropped messages, some dropped connections: either way
            // the site lives on, which assert_healthy checks.
            let _ = w.stream.shutdown(Shutdown::Write);
            drop(w);
            assert!(
                g.c.sites[if target == "master" { m } else { client }].exited().is_none(),
                "{target} died after {what}"
            );
        }
        g.assert_healthy(what);
    }

    // Bulk messages (patch 0016), in the group's own generation so that the
    // client applies them, and to the client only: a client-only message to
    // the master would be a claim that it is not the master. A record that
    // says it is 2 GiB long while the message holds 8 bytes made a client
    // read past its buffer (SIGSEGV) before.
    let generation = g.c.sites[client].http().call("GET", "/v1/status", &[], b"").json()["generation"]
        .as_u64()
        .expect("the client's generation") as u32;
    let record = |len: u32, size: u32, data: &[u8]| -> Vec<u8> {
        // __rep_bulk: len, LSN (file, offset), then the record as a DBT.
        let mut v: Vec<u8> = [len, 999, 0, size].iter().flat_map(|w| w.to_be_bytes()).collect();
        v.extend(data);
        v
    };
    let bulk: Vec<(&str, Vec<u8>)> = vec![
        ("a bulk log record claiming 2 GiB in an 8-byte message", {
            msg(REP_MESSAGE, &rep_control(REPVERSION, REP_BULK_LOG, generation, 0), &record(1 << 31, 8, &[0; 8]))
        }),
        ("a bulk log whose second record runs past the message", {
            let rec = [record(8, 8, &[0; 8]), record(4096, 4096, &[0; 16])].concat();
            msg(REP_MESSAGE, &rep_control(REPVERSION, REP_BULK_LOG, generation, 0), &rec)
        }),
        ("a bulk page whose second page runs past the message", {
            let rec = [record(8, 8, &[0; 8]), record(4096, 4096, &[0; 16])].concat();
            msg(REP_MESSAGE, &rep_control(REPVERSION, REP_BULK_PAGE, generation, 0), &rec)
        }),
    ];
    for (what, bytes) in &bulk {
        let mut w = Wire::as_member(g.c.sites[client].rep_port, ghost).unwrap();
        w.send(bytes).unwrap();
        let _ = w.stream.shutdown(Shutdown::Write);
        drop(w);
        assert!(g.c.sites[client].exited().is_none(), "the client died after {what}");
        g.assert_healthy(what);
    }
}

/// One fuzzed session: a connection to `port` and what is sent on it.
/// Returns how many frames it sent (written whole to the socket; a site
/// that drops the connection ends the session).
pub(crate) fn session(rng: &mut StdRng, port: u16, ghost: u16) -> u64 {
    let mode = rng.gen_range(0..10);
    let mut frames = 0;
    let result: std::io::Result<()> = (|| {
        match mode {
            // Noise, or one frame of any type with any sizes, on a fresh connection.
            0 | 1 => {
                let mut w = Wire::connect(port)?;
                let bytes = if mode == 0 {
                    (0..rng.gen_range(1..64)).map(|_| rng.r#gen()).collect()
                } else {
                    let body: Vec<u8> = (0..rng.gen_range(0..256)).map(|_| rng.r#gen()).collect();
                    let mut h = header(
                        rng.gen_range(0..=9),
                        rng.r#gen::<u32>() >> rng.gen_range(0..32),
                        rng.r#gen::<u32>() >> rng.gen_range(0..32),
                    );
                    h.extend(body);
                    h
                };
                w.send(&bytes)?;
                frames += 1;
                Ok(())
            }
            // A mutated proposal, or a proposal and mutated parameters or requests.
            2 | 3 => {
                if mode == 2 {
                    let mut w = Wire::connect(port)?;
                    w.send(&crate::fuzz::mutate(rng, &proposal("127.0.0.1", ghost), b"\x00\xff127.0.0.1"))?;
                    frames += 1;
                    return Ok(());
                }
                let mut w = Wire::negotiate(port, "127.0.0.1", ghost)?;
                frames += 1;
                let next = match rng.gen_range(0..3) {
                    0 => crate::fuzz::mutate(rng, &parameters("127.0.0.1", ghost), b"\x00\xff\x7f"),
                    1 => malformed_request(rng, JOIN_REQUEST),
                    _ => malformed_request(rng, REMOVE_REQUEST),
                };
                w.send(&next)?;
                frames += 1;
                Ok(())
            }
            // As the ghost member: a run of mutated frames of every type.
            _ => {
                let mut w = Wire::as_member(port, ghost)?;
                frames += 2;
                for _ in 0..rng.gen_range(1..40) {
                    let f = member_frame(rng);
                    w.send(&f)?;
                    frames += 1;
                }
                Ok(())
            }
        }
    })();
    // A site dropping the connection is the expected answer to most frames.
    let _ = result;
    frames
}

/// A JOIN or REMOVE request whose site record is malformed (never a valid
/// one: a valid join would really add a site, a valid remove remove one).
fn malformed_request(rng: &mut StdRng, subtype: u32) -> Vec<u8> {
    let body = match rng.gen_range(0..4) {
        0 => site_info(b"", rng.r#gen()),
        1 => {
            let mut v = site_info(b"127.0.0.1\0", 7000);
            v.truncate(rng.gen_range(0..v.len()));
            v
        }
        2 => {
            let mut v = site_info(b"127.0.0.1\0", 7000);
            v[..4].copy_from_slice(&rng.r#gen::<u32>().max(200).to_be_bytes());
            v
        }
        _ => site_info(b"127.0.0.1\0", 0),
    };
    own(subtype, &body)
}

/// A frame a forged member sends: heartbeats, perm LSNs, replication
/// messages (generation 0, never DUPMASTER), own messages (stale or
/// malformed membership lists, refreshes, rejections), channel traffic.
fn member_frame(rng: &mut StdRng) -> Vec<u8> {
    let noise = |rng: &mut StdRng, max: usize| -> Vec<u8> { (0..rng.gen_range(0..max)).map(|_| rng.r#gen()).collect() };
    match rng.gen_range(0..9) {
        0 => msg(HEARTBEAT, &noise(rng, 24), &noise(rng, 8)),
        1 => msg(PERMLSN, &noise(rng, 24), &noise(rng, 8)),
        2..=4 => {
            let version = if rng.gen_ratio(1, 8) { rng.r#gen() } else { REPVERSION };
            let rectype = loop {
                let t = rng.gen_range(0..=32);
                if ![REP_DUPMASTER, REP_VOTE1, REP_VOTE2].contains(&t) {
                    break t;
                }
            };
            let flags = if rng.gen_ratio(1, 4) { rng.r#gen() } else { 0 };
            let mut control = rep_control(version, rectype, 0, flags);
            if rng.gen_ratio(1, 6) {
                control = crate::fuzz::mutate(rng, &control, &[0xff, 0, 7]);
                // Still generation 0 if the field survived, and never a
                // duplicate-master notice or a vote (see the module doc).
                if control.len() >= 24 {
                    control[20..24].copy_from_slice(&[0; 4]);
                    if [REP_DUPMASTER, REP_VOTE1, REP_VOTE2].iter().any(|t| control[16..20] == t.to_be_bytes()) {
                        control[16..20].copy_from_slice(&2u32.to_be_bytes());
                    }
                }
            }
            msg(REP_MESSAGE, &control, &noise(rng, 512))
        }
        5 => {
            // A membership list: stale (generation and version 0) or cut.
            let mut list = vec![0u8; 8];
            for _ in 0..rng.gen_range(0..4) {
                list.extend(site_info(b"127.0.0.1\0", rng.r#gen()));
            }
            if rng.r#gen() {
                list = crate::fuzz::mutate(rng, &list, b"\x00\xff");
                let n = 8.min(list.len());
                list[..n].fill(0);
            }
            own(SHARING, &list)
        }
        6 => own(*[PARM_REFRESH, CONNECT_REJECT, rng.r#gen()].get(rng.gen_range(0..3)).unwrap(), &noise(rng, 16)),
        7 => {
            let body = noise(rng, 128);
            [header(APP_MESSAGE, body.len() as u32, rng.gen_range(0..8)), body].concat()
        }
        _ => {
            let ty = if rng.r#gen() { APP_RESPONSE } else { RESP_ERROR };
            let body = if ty == APP_RESPONSE { noise(rng, 64) } else { Vec::new() };
            [header(ty, body.len() as u32, rng.gen_range(0..4)), body].concat()
        }
    }
}

/// Lists every key under `prefix` with its value, from the master.
fn contents(h: &Http, prefix: &str) -> std::collections::HashMap<String, String> {
    let mut found = std::collections::HashMap::new();
    let mut after = String::new();
    loop {
        let q = format!("/v1/kv?prefix={prefix}&limit=1000&consistency=master&start_after={after}");
        let page = h.call("GET", &q, &[], b"").json();
        for item in page["items"].as_array().unwrap() {
            found.insert(item["key"].as_str().unwrap().to_string(), item["value"].as_str().unwrap().to_string());
        }
        match page["next"].as_str() {
            Some(next) => after = next.to_string(),
            None => return found,
        }
    }
}

/// The replication-wire fuzzer: at least 50,000 seeded frames (random,
/// mutated and well-framed hostile ones, over many connections) to the
/// master, a client and the member front-end, while a writer writes
/// through the front-end. No site may exit or panic, every site must be
/// ready when it ends, and every acknowledged write must be there.
/// FISH_WIRE_SEED replays a run; FISH_WIRE_SECONDS=600 is the long
/// (nightly) mode, which runs for that long instead of 50,000 frames.
#[test]
fn the_replication_port_survives_a_seeded_fuzzer_while_writes_go_on() {
    let seed = std::env::var("FISH_WIRE_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random::<u64>);
    let long: Option<u64> = std::env::var("FISH_WIRE_SECONDS").ok().and_then(|s| s.parse().ok());
    eprintln!("wire fuzzer: seed {seed} (replay with FISH_WIRE_SEED={seed})");
    let mut g = Group::start("wfuzz");
    let m = g.master();
    let client = (0..3).find(|&i| i != m).unwrap();
    let targets = [g.c.sites[m].rep_port, g.c.sites[client].rep_port, g.c.fronts[0].rep_port];
    let ghost = g.ghost_port;

    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (stop, front) = (Arc::clone(&stop), g.c.fronts[0].http());
        std::thread::spawn(move || {
            let mut acked = Vec::new();
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let (key, value) = (format!("wire-{n:07}"), format!("v{n}"));
                if front.try_call("PUT", &format!("/v1/kv/{key}"), &[], value.as_bytes()).is_ok_and(|a| a.status == 204)
                {
                    acked.push((key, value));
                } else {
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
            (n, acked)
        })
    };

    let frames = Arc::new(AtomicU64::new(0));
    let sessions = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let goal = 50_000u64;
    let fuzzers: Vec<_> = (0..4u64)
        .map(|t| {
            let (frames, sessions) = (Arc::clone(&frames), Arc::clone(&sessions));
            std::thread::spawn(move || {
                let mut rng = StdRng::seed_from_u64(seed.wrapping_add(t));
                loop {
                    let done = match long {
                        Some(secs) => start.elapsed() >= Duration::from_secs(secs),
                        None => frames.load(Ordering::Relaxed) >= goal,
                    };
                    if done || start.elapsed() > Duration::from_secs(long.unwrap_or(0) + 600) {
                        return;
                    }
                    let port = targets[rng.gen_range(0..targets.len())];
                    frames.fetch_add(session(&mut rng, port, ghost), Ordering::Relaxed);
                    sessions.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    // Meanwhile: every site stays up.
    while fuzzers.iter().any(|f| !f.is_finished()) {
        for site in g.live() {
            if let Some(status) = site.exited() {
                panic!("seed {seed}: {} exited ({status}) under the fuzzer:\n{}", site.name, site.log());
            }
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    for f in fuzzers {
        f.join().unwrap();
    }
    let took = start.elapsed();
    stop.store(true, Ordering::Relaxed);
    let (attempts, acked) = writer.join().unwrap();
    let (frames, sessions) = (frames.load(Ordering::Relaxed), sessions.load(Ordering::Relaxed));
    eprintln!(
        "wire fuzzer: {frames} frames in {sessions} connections in {:.1} s; writer: {} of {attempts} writes acknowledged",
        took.as_secs_f64(),
        acked.len()
    );
    if long.is_none() {
        assert!(frames >= goal, "seed {seed}: only {frames} frames");
    }
    g.assert_healthy(&format!("the fuzzer (seed {seed})"));
    assert!(acked.len() >= 50, "seed {seed}: only {} writes acknowledged while fuzzing", acked.len());
    let master = g.c.sites[g.master()].http();
    let found = contents(&master, "wire-");
    let lost: Vec<_> = acked.iter().filter(|(k, v)| found.get(k) != Some(v)).take(10).collect();
    assert!(lost.is_empty(), "seed {seed}: acknowledged writes lost or changed: {lost:?}");
}
