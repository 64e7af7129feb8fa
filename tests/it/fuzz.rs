//! HTTP fuzzing, bounded: a seeded stream of malformed and hostile requests
//! to every endpoint of one site over raw TCP (bad request lines, invalid
//! percent-encoding and UTF-8, huge headers and bodies, wrong lengths, bad
//! chunking, broken JSON and tokens), plus slow clients that trickle a
//! request. The site must never answer 500, never die, keep serving normal
//! requests throughout, and keep its data. The seed is printed;
//! FISH_FUZZ_SEED replays it. It runs three times: plain, with a tokens
//! file (requests carry a valid, a forged or no token), and with tokens
//! over HTTPS.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::harness::Site;

#[path = "../../fuzz/checks.rs"]
mod fuzz_checks;

const PATHS: &[&str] = &[
    "/v1/kv/",
    "/v1/kv/fuzz",
    "/v1/kv",
    "/v1/kv?prefix=",
    "/v1/kv?limit=",
    "/v1/kv?start_after=",
    "/v1/kv?consistency=",
    "/v1/txn",
    "/v1/watch",
    "/v1/watch?since=",
    "/v1/watch?prefix=",
    "/v1/leases",
    "/v1/leases?after=",
    "/v1/leases/",
    "/v1/leases/1",
    "/v1/leases/1/keepalive",
    "/v1/leases/1/keepalive?stream=",
    "/v1/kv/fuzz?lease=",
    "/v1/status",
    "/v1/members",
    "/healthz",
    "/readyz",
    "/metrics",
    "/v1/internal/sites/",
    "/",
    "",
    "*",
    "/v1/kv/%",
    "/v1/kv/%zz",
    "/v1/kv/%ff%fe",
    "/v1/kv/%00",
    "/../../etc/passwd",
];
const METHODS: &[&str] =
    &["GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "CONNECT", "G\x01T", ""];
const HEADERS: &[&str] = &[
    "If-Match",
    "If-None-Match",
    "Fish-After",
    "Fish-Fence",
    "Content-Type",
    "Content-Length",
    "Transfer-Encoding",
    "Host",
    "Connection",
    "Expect",
];

fn noise(rng: &mut StdRng, max: usize) -> Vec<u8> {
    let n = rng.gen_range(0..=max);
    (0..n).map(|_| rng.r#gen::<u8>()).collect()
}

/// A request that is wrong in one or more ways.
fn request(rng: &mut StdRng) -> Vec<u8> {
    // Half of them are nearly valid, to get past the parser into handlers.
    let sane = rng.gen_bool(0.5);
    let method =
        if sane { *["GET", "PUT", "POST", "DELETE"].choose(rng).unwrap() } else { *METHODS.choose(rng).unwrap() };
    let mut path = PATHS.choose(rng).unwrap().to_string();
    match if sane { 3 } else { rng.gen_range(0..4) } {
        0 => path.push_str(&"%41".repeat(rng.gen_range(0..3000))),
        1 => path.push_str(&String::from_utf8_lossy(&noise(rng, 40)).replace([' ', '\r', '\n'], "_")),
        2 => path.push_str(&format!("{}", rng.r#gen::<i64>())),
        _ => {}
    }
    let mut out = format!("{method} {path} HTTP/1.1\r\nHost: fuzz\r\n").into_bytes();
    for _ in 0..rng.gen_range(0..if sane { 2 } else { 6 }) {
        let name = *HEADERS.choose(rng).unwrap();
        let value: Vec<u8> = match rng.gen_range(0..6) {
            0 => vec![b'a'; rng.gen_range(1..100_000)],
            1 => noise(rng, 64).into_iter().filter(|b| *b != b'\r' && *b != b'\n').collect(),
            2 => b"\"".to_vec(),
            3 => b"*".to_vec(),
            4 => format!("{}", rng.r#gen::<i64>()).into_bytes(),
            _ => b"chunked".to_vec(),
        };
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(&value);
        out.extend_from_slice(b"\r\n");
    }
    if rng.gen_bool(0.1) {
        // Very many headers.
        for i in 0..rng.gen_range(100..2000) {
            out.extend_from_slice(format!("X-Fuzz-{i}: {i}\r\n").as_bytes());
        }
    }
    let body: Vec<u8> = match rng.gen_range(0..7) {
        0 => Vec::new(),
        1 => noise(rng, 4096),
        2 => vec![b'v'; rng.gen_range(1_000_000..3_000_000)],
        3 => br#"{"ops":[{"op":"put","key":"fuzz/t","value":"x"},{"op":"nope"}]}"#.to_vec(),
        4 => "[".repeat(rng.gen_range(1..50_000)).into_bytes(),
        5 => br#"{"ops":[{"op":"put","key":"\ud800","value":1}]}"#.to_vec(),
        _ => b"5\r\nhello\r\nzz\r\n".to_vec(),
    };
    match rng.gen_range(0..3) {
        0 => out.extend_from_slice(format!("Content-Length: {}\r\n", body.len()).as_bytes()),
        1 => out.extend_from_slice(format!("Content-Length: {}\r\n", body.len() + rng.gen_range(1..100)).as_bytes()),
        _ => {}
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&body);
    out
}

/// How the fuzzer reaches the site.
#[derive(Clone)]
enum Wire {
    Plain,
    Tls(Arc<rustls::ClientConfig>),
}

/// A connection over `wire`.
fn connect(addr: &str, wire: &Wire) -> Option<Box<dyn ReadWrite>> {
    let s = TcpStream::connect(addr).ok()?;
    s.set_write_timeout(Some(Duration::from_secs(2))).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    match wire {
        Wire::Plain => Some(Box::new(s)),
        Wire::Tls(config) => {
            let name = rustls::pki_types::ServerName::try_from("127.0.0.1").unwrap();
            let conn = rustls::ClientConnection::new(Arc::clone(config), name).ok()?;
            Some(Box::new(rustls::StreamOwned::new(conn, s)))
        }
    }
}

trait ReadWrite: Read + Write + Send {
    /// Ends the request: the TCP write side, or TLS's close_notify.
    fn finish(&mut self);
}

impl ReadWrite for TcpStream {
    fn finish(&mut self) {
        let _ = self.shutdown(std::net::Shutdown::Write);
    }
}

impl ReadWrite for rustls::StreamOwned<rustls::ClientConnection, TcpStream> {
    fn finish(&mut self) {
        self.conn.send_close_notify();
        let _ = self.flush();
    }
}

/// Sends raw bytes; the status code of the answer, if one came.
fn send(addr: &str, wire: &Wire, bytes: &[u8]) -> Option<u16> {
    send_with(addr, wire, bytes, true)
}

/// `finish`: end the request (see [`ReadWrite::finish`]). A complete
/// request must not: the server takes the half-close for a client gone
/// and drops a write in progress.
fn send_with(addr: &str, wire: &Wire, bytes: &[u8], finish: bool) -> Option<u16> {
    let mut s = connect(addr, wire)?;
    let _ = s.write_all(bytes);
    // End of request: a declared length longer than what was sent is
    // answered (or the connection closed) at once rather than after a wait.
    if finish {
        s.finish();
    } else {
        let _ = s.flush();
    }
    let mut head = [0u8; 12];
    let mut got = 0;
    while got < head.len() {
        match s.read(&mut head[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    let line = std::str::from_utf8(&head[..got]).ok()?;
    line.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()
}

#[test]
fn malformed_and_hostile_requests_never_crash_a_site_or_touch_its_data() {
    fuzz_a_site(false, false);
}

#[test]
fn the_fuzzer_with_tokens_on_never_crashes_a_site_or_touches_its_data() {
    fuzz_a_site(true, false);
}

#[test]
fn the_fuzzer_over_https_with_tokens_never_crashes_a_site() {
    fuzz_a_site(true, true);
}

const TOKEN: &str = "fuzz-admin-secret-000000000001";

/// Adds an Authorization header after the request line: mostly the valid
/// token, else a forged one or none.
fn with_credential(rng: &mut StdRng, mut req: Vec<u8>) -> Vec<u8> {
    let header = match rng.gen_range(0..10) {
        0..7 => format!("Authorization: Bearer {TOKEN}\r\n"),
        7 => {
            format!("Authorization: Bearer {}\r\n", String::from_utf8_lossy(&noise(rng, 40)).replace(['\r', '\n'], ""))
        }
        8 => "Authorization: Basic Zm9vOmJhcg==\r\n".to_string(),
        _ => return req,
    };
    if let Some(end) = req.windows(2).position(|w| w == b"\r\n") {
        req.splice(end + 2..end + 2, header.into_bytes());
    }
    req
}

fn fuzz_a_site(tokens: bool, tls: bool) {
    let seed = std::env::var("FISH_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random::<u64>);
    eprintln!("fuzz: seed {seed} (replay: FISH_FUZZ_SEED={seed}), tokens {tokens}, tls {tls}");
    let mut rng = StdRng::seed_from_u64(seed);
    let mut site =
        Site::create(&format!("fuzz{}{}", if tokens { "-auth" } else { "" }, if tls { "-tls" } else { "" }), "");
    if tokens {
        let file = site.dir.path().join("tokens");
        std::fs::write(&file, format!("admin fuzz {TOKEN}\n")).unwrap();
        std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
        site.reconfigure(&format!("[http]\ntokens_file = \"{}\"\n", file.display()));
        site.token = Some(TOKEN.into());
    }
    let addr = site.url.trim_start_matches("http://").to_string();
    let wire = if tls {
        let ca = crate::tls::ca(site.dir.path(), "ca");
        crate::auth::with_https(&mut site, &ca);
        let roots = ca.join("ca.pem");
        let mut store = rustls::RootCertStore::empty();
        for cert in rustls::pki_types::pem::PemObject::pem_file_iter(&roots).unwrap() {
            store.add(cert.unwrap()).unwrap();
        }
        let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(store)
            .with_no_client_auth();
        Wire::Tls(Arc::new(config))
    } else {
        Wire::Plain
    };
    site.spawn();
    // The test's own client speaks plain HTTP; over TLS, fishctl checks.
    let h = site.http();
    let keep = |i: usize| -> (u16, Vec<u8>) {
        if tls {
            let out = std::process::Command::new(crate::harness::FISHCTL)
                .args(["--url", &site.url, "--cacert", site.cacert.as_ref().unwrap().to_str().unwrap(), "get"])
                .arg(format!("keep/{i}"))
                .env("FISH_TOKEN", TOKEN)
                .output()
                .unwrap();
            (if out.status.success() { 200 } else { 0 }, out.stdout.trim_ascii_end().to_vec())
        } else {
            let r = h.get(&format!("keep/{i}"));
            (r.status, r.body)
        }
    };
    for i in 0..20 {
        let value = format!("v{i}");
        let req = format!(
            "PUT /v1/kv/keep/{i} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Length: {}\r\n\r\n{value}",
            value.len()
        );
        assert_eq!(send_with(&addr, &wire, req.as_bytes(), false), Some(204), "keep/{i}");
    }

    // Slow clients, bounded: each trickles a request one byte per 50 ms.
    let slow: Vec<_> = (0..20)
        .map(|i| {
            let (addr, wire) = (addr.clone(), wire.clone());
            std::thread::spawn(move || {
                let Some(mut s) = connect(&addr, &wire) else { return };
                let req = format!("PUT /v1/kv/slow{i} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
                for b in req.as_bytes().iter().take(60) {
                    if s.write_all(&[*b]).is_err() {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            })
        })
        .collect();

    let mut statuses = std::collections::BTreeMap::new();
    for n in 0..500 {
        let req = request(&mut rng);
        let req = if tokens { with_credential(&mut rng, req) } else { req };
        let status = send(&addr, &wire, &req);
        *statuses.entry(status).or_insert(0u32) += 1;
        assert_ne!(
            status,
            Some(500),
            "request {n} (seed {seed}) got a 500: {:?}\n{}",
            String::from_utf8_lossy(&req[..req.len().min(300)]),
            site.log()
        );
        if n % 50 == 0 {
            // Normal requests keep working while the fuzzing goes on.
            assert_eq!(keep(0).0, 200, "after request {n} (seed {seed})");
        }
    }
    for t in slow {
        t.join().unwrap();
    }
    eprintln!("fuzz: answers by status: {statuses:?}");
    assert!(site.is_running(), "the site died");
    for i in 0..20 {
        assert_eq!(keep(i), (200, format!("v{i}").into_bytes()), "keep/{i} after fuzzing (seed {seed})");
    }
    if !tls {
        assert_eq!(h.call("GET", "/v1/status", &[], b"").status, 200);
    }
    assert!(!site.log().contains("panicked"), "{}", site.log());
    assert_eq!(site.stop().code(), Some(0), "{}", site.log());
}

/// `seed` with a few random byte-level edits.
pub(crate) fn mutate(rng: &mut StdRng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..rng.gen_range(1..8) {
        let at = rng.gen_range(0..=v.len());
        match rng.gen_range(0..5) {
            0 if !v.is_empty() => {
                let i = rng.gen_range(0..v.len());
                v[i] ^= 1 << rng.gen_range(0..8);
            }
            1 => v.insert(at, rng.r#gen()),
            2 if at < v.len() => {
                v.remove(at);
            }
            3 => v.truncate(at),
            _ => {
                let from = rng.gen_range(0..=other.len());
                v.splice(at..at, other[from..].iter().take(rng.gen_range(0..32)).copied());
            }
        }
    }
    v
}

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut seeds: Vec<Vec<u8>> =
        std::fs::read_dir(&dir).unwrap().map(|e| std::fs::read(e.unwrap().path()).unwrap()).collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds.sort();
    seeds
}

/// The cargo-fuzz targets' checks (fuzz/fuzz_targets), run on stable over
/// their seed corpora and seeded mutations of them: what CI can run
/// without a nightly toolchain.
#[test]
fn the_fuzz_targets_hold_on_their_corpora_and_mutations_of_them() {
    let seed = std::env::var("FISH_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random::<u64>);
    eprintln!("fuzz corpora: seed {seed} (replay: FISH_FUZZ_SEED={seed})");
    let mut rng = StdRng::seed_from_u64(seed);
    type Check = fn(&[u8]);
    let targets: [(&str, Check); 3] =
        [("config", fuzz_checks::config), ("key", fuzz_checks::key), ("txn", fuzz_checks::txn)];
    for (target, check) in targets {
        let seeds = corpus(target);
        for s in &seeds {
            check(s);
        }
        for n in 0..3000 {
            let other = rng.gen_range(0..seeds.len());
            let input = mutate(&mut rng, &seeds[n % seeds.len()], &seeds[other]);
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&input)));
            assert!(caught.is_ok(), "{target}: input {:?} (seed {seed}) failed", String::from_utf8_lossy(&input));
        }
    }
}
