//! Abuse of the HTTP API, all at once for 30 s (slow tier: `#[ignore]`d,
//! run by scripts/test unless FISH_SKIP_SLOW=1): 3,000 idle connections,
//! 200 clients that trickle a body one byte a second, and 500 requests a
//! second with forged `Fish-After` tokens from the future, against the
//! master of a two-site group with tokens on. Meanwhile four well-behaved
//! clients (keep-alive, as a connection pool keeps them) write and read:
//! every one of their requests must get its proper answer, and replication
//! must keep acknowledging (each write is a quorum commit). It prints their
//! p50/p99 and the master's peak RSS; the only bound asserted on memory is
//! a sanity one (1 GiB), since timings belong to benchmarks.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::cluster::{Cluster, FAST};
use crate::harness::{Http, future_token};

const WRITE: &str = "abuse-write-secret-0000000001";
const ADMIN: &str = "abuse-admin-secret-0000000001";
const ATTACK: Duration = Duration::from_secs(30);

fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

#[test]
#[ignore = "slow tier: 30 s of abuse (scripts/test runs it)"]
fn idle_trickling_and_forged_token_clients_do_not_starve_well_behaved_ones() {
    // The test process holds thousands of sockets.
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    let (_, hard) = getrlimit(Resource::RLIMIT_NOFILE).unwrap();
    setrlimit(Resource::RLIMIT_NOFILE, hard, hard).unwrap();
    assert!(hard >= 8192, "the test needs 8,192 descriptors; the hard limit is {hard}");

    let dir = tempfile::tempdir().unwrap();
    let tokens = dir.path().join("tokens");
    std::fs::write(&tokens, format!("write app {WRITE}\nadmin ops {ADMIN}\nsite fish abuse-site-secret-00000000001\n"))
        .unwrap();
    std::fs::set_permissions(&tokens, std::os::unix::fs::PermissionsExt::from_mode(0o640)).unwrap();
    let c = Cluster::start_with("abuse", 2, FAST, |_, site| {
        site.reconfigure(&format!("[http]\ntokens_file = \"{}\"\n", tokens.display()));
        site.token = Some(ADMIN.into());
        Vec::new()
    });
    let m = c.wait_for_master(None);
    // Keep-alive clients keep their connections: each of the four below
    // has one of its own for the whole test.
    let h = Http::keep_alive(&c.sites[m].url, 4).with_token(Some(WRITE));
    let token = h.put("abuse/k", b"v").header("fish-token").unwrap().to_string();
    let forged = future_token(&token);
    let addr = c.sites[m].url.trim_start_matches("http://").to_string();
    let pid = c.sites[m].pid().unwrap();
    let rss_before = peak_rss_kib(pid);

    let stop = Arc::new(AtomicBool::new(false));
    // Well-behaved clients: keep-alive, one write and one read per round.
    let latencies = Arc::new(std::sync::Mutex::new(Vec::<Duration>::new()));
    let good: Vec<_> = (0..4)
        .map(|w| {
            let (h, stop, latencies) = (h.clone(), Arc::clone(&stop), Arc::clone(&latencies));
            std::thread::spawn(move || {
                let mut n = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let key = format!("abuse/good-{w}-{n}");
                    let started = Instant::now();
                    let put = h.try_call("PUT", &format!("/v1/kv/{key}"), &[], b"value");
                    let put_took = started.elapsed();
                    let put = put.unwrap_or_else(|e| panic!("{key}: no answer: {e}"));
                    assert_eq!(put.status, 204, "{key}: {}", String::from_utf8_lossy(&put.body));
                    let started = Instant::now();
                    let got = h.try_call("GET", &format!("/v1/kv/{key}"), &[], b"").unwrap();
                    let get_took = started.elapsed();
                    assert_eq!((got.status, got.body.as_slice()), (200, &b"value"[..]), "{key}");
                    latencies.lock().unwrap().extend([put_took, get_took]);
                    n += 1;
                }
                n
            })
        })
        .collect();

    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let (idle_held, trickled, forged_sent, forged_refused) = (
        Arc::new(AtomicU64::new(0)),
        Arc::new(AtomicU64::new(0)),
        Arc::new(AtomicU64::new(0)),
        Arc::new(AtomicU64::new(0)),
    );
    let mut peak_rss = rss_before;
    runtime.block_on(async {
        let deadline = tokio::time::Instant::now() + ATTACK;
        let mut tasks = tokio::task::JoinSet::new();
        // 3,000 idle connections, reopened when the site closes them.
        for _ in 0..3000 {
            let (addr, held) = (addr.clone(), Arc::clone(&idle_held));
            tasks.spawn(async move {
                while tokio::time::Instant::now() < deadline {
                    let Ok(mut s) = TcpStream::connect(&addr).await else {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    };
                    held.fetch_add(1, Ordering::Relaxed);
                    let mut buf = [0u8; 64];
                    let _ = tokio::time::timeout_at(deadline, s.read(&mut buf)).await;
                }
            });
        }
        // 200 clients trickling a body one byte a second.
        for i in 0..200 {
            let (addr, sent) = (addr.clone(), Arc::clone(&trickled));
            tasks.spawn(async move {
                while tokio::time::Instant::now() < deadline {
                    let Ok(mut s) = TcpStream::connect(&addr).await else {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    };
                    let head = format!(
                        "PUT /v1/kv/abuse/slow{i} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {WRITE}\r\nContent-Length: 1000\r\n\r\n"
                    );
                    if s.write_all(head.as_bytes()).await.is_err() {
                        continue;
                    }
                    while tokio::time::Instant::now() < deadline && s.write_all(b"x").await.is_ok() {
                        sent.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
            });
        }
        // 500 forged future tokens a second, each on its own connection.
        let (addr2, sent, refused) = (addr.clone(), Arc::clone(&forged_sent), Arc::clone(&forged_refused));
        tasks.spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(2));
            while tokio::time::Instant::now() < deadline {
                tick.tick().await;
                let (addr, forged, refused) = (addr2.clone(), forged.clone(), Arc::clone(&refused));
                sent.fetch_add(1, Ordering::Relaxed);
                tokio::spawn(async move {
                    let Ok(mut s) = TcpStream::connect(&addr).await else { return };
                    let req = format!(
                        "GET /v1/kv/abuse/k HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {WRITE}\r\nFish-After: {forged}\r\n\r\n"
                    );
                    if s.write_all(req.as_bytes()).await.is_err() {
                        return;
                    }
                    let mut head = [0u8; 12];
                    if let Ok(Ok(_)) = tokio::time::timeout(Duration::from_secs(7), s.read_exact(&mut head)).await
                        && &head[9..12] == b"503"
                    {
                        refused.fetch_add(1, Ordering::Relaxed);
                    }
                });
            }
        });
        // The master's memory, once a second.
        while tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_secs(1)).await;
            peak_rss = peak_rss.max(peak_rss_kib(pid));
        }
        tasks.abort_all();
        while tasks.join_next().await.is_some() {}
    });
    runtime.shutdown_timeout(Duration::from_secs(1));
    stop.store(true, Ordering::Relaxed);
    let rounds: u64 = good.into_iter().map(|t| t.join().expect("a well-behaved client failed")).sum();
    peak_rss = peak_rss.max(peak_rss_kib(pid));

    let mut l = latencies.lock().unwrap().clone();
    l.sort();
    let pct = |p: f64| l[((l.len() as f64 * p) as usize).min(l.len() - 1)];
    let metrics = String::from_utf8(c.http(m).call("GET", "/metrics", &[], b"").body).unwrap();
    let limited: Vec<&str> = metrics.lines().filter(|l| l.starts_with("fish_http_limited_total")).collect();
    let ack_failures = metrics.lines().find(|l| l.starts_with("fish_ack_failures_total")).unwrap_or("?").to_string();
    println!(
        "abuse for {} s: well-behaved {} requests ({rounds} writes), p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; \
         master peak RSS {} MiB (before {} MiB); idle connections opened {}, trickled bytes {}, forged tokens sent {} \
         (503 at once: {}); {limited:?}; {ack_failures}",
        ATTACK.as_secs(),
        l.len(),
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        l.last().unwrap().as_secs_f64() * 1e3,
        peak_rss >> 10,
        rss_before >> 10,
        idle_held.load(Ordering::Relaxed),
        trickled.load(Ordering::Relaxed),
        forged_sent.load(Ordering::Relaxed),
        forged_refused.load(Ordering::Relaxed),
    );
    assert!(rounds > 0, "the well-behaved clients got through");
    assert!(peak_rss < 1 << 20, "the master's peak RSS {} MiB is not bounded", peak_rss >> 10);
    assert!(c.sites[m].is_running() && c.sites[c.other_than(m)].is_running());
    // Replication still acknowledges after the attack.
    assert_eq!(h.put("abuse/after", b"x").status, 204);
}
