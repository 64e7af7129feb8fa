//! Limits no client can exceed (`[http]`): connections, slow bodies, the
//! size of any one answer, and waiting `Fish-After` reads.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::harness::{Http, Site, future_token, wait_until};

/// The status of the answer on `s`, read within `within`.
fn status_of(s: &mut TcpStream, within: Duration) -> Option<u16> {
    s.set_read_timeout(Some(within)).unwrap();
    let mut head = [0u8; 12];
    s.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head).ok()?.strip_prefix("HTTP/1.1 ")?.parse().ok()
}

/// A body trickled one byte every 200 ms gets 408 once `body_timeout_ms`
/// is up, while other clients are served as usual.
#[test]
fn a_body_that_trickles_gets_408_and_others_are_served_meanwhile() {
    let site = Site::start("lim-body", "[http]\nbody_timeout_ms = 1000\n");
    let addr = site.url.trim_start_matches("http://").to_string();
    let mut slow = TcpStream::connect(&addr).unwrap();
    slow.write_all(b"PUT /v1/kv/slow HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n").unwrap();
    let started = Instant::now();
    let trickle = std::thread::spawn({
        let mut slow = slow.try_clone().unwrap();
        move || {
            for _ in 0..30 {
                if slow.write_all(b"x").is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        }
    });
    assert_eq!(site.http().put("fast", b"v").status, 204, "others are served meanwhile");
    assert_eq!(status_of(&mut slow, Duration::from_secs(10)), Some(408));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(6), "cut off after {took:?}");
    trickle.join().unwrap();
    assert_eq!(site.http().get("slow").status, 404, "nothing of the slow body was written");
}

/// With `max_connections = 4`, four idle connections hold every slot: a
/// fifth client waits (in the kernel's queue) and is served as soon as one
/// of them closes.
#[test]
fn connections_past_the_cap_wait_for_a_free_slot() {
    let site = Site::start("lim-conns", "[http]\nmax_connections = 4\n");
    let addr = site.url.trim_start_matches("http://").to_string();
    // Each is accepted (and holds a slot) once a request went through it.
    let mut idle: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = TcpStream::connect(&addr).unwrap();
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            assert_eq!(status_of(&mut s, Duration::from_secs(5)), Some(200));
            s
        })
        .collect();
    let mut fifth = TcpStream::connect(&addr).unwrap();
    fifth.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    assert_eq!(status_of(&mut fifth, Duration::from_millis(1500)), None, "the fifth waits");
    drop(idle.pop());
    assert_eq!(status_of(&mut fifth, Duration::from_secs(5)), Some(200), "served once a slot is free");
    drop(fifth);
    let metrics = String::from_utf8(site.http().call("GET", "/metrics", &[], b"").body).unwrap_or_default();
    assert!(metrics.contains("fish_http_limited_total{reason=\"max_connections\"}"), "{metrics}");
}

/// A list page stops early (with `next`) when its values would pass
/// `max_response_bytes`, and following `next` reads every key; a txn whose
/// reads pass it is refused with 413 before it commits anything.
#[test]
fn no_answer_grows_past_max_response_bytes() {
    let site = Site::start("lim-answer", "[http]\nmax_response_bytes = 1048576\n");
    let h = site.http();
    let value = vec![b'v'; 200 << 10];
    for i in 0..10 {
        assert_eq!(h.put(&format!("big/{i}"), &value).status, 204);
    }
    let first = h.call("GET", "/v1/kv?prefix=big/&limit=100", &[], b"");
    assert_eq!(first.status, 200);
    assert!(first.body.len() <= 1 << 20, "{} bytes", first.body.len());
    let page = first.json();
    let n = page["items"].as_array().unwrap().len();
    assert!((1..10).contains(&n), "the page stopped early: {n} items");
    let mut seen = n;
    let mut next = page["next"].as_str().map(str::to_string);
    while let Some(after) = next {
        let p = h.call("GET", &format!("/v1/kv?prefix=big/&limit=100&start_after={after}"), &[], b"").json();
        seen += p["items"].as_array().unwrap().len();
        next = p["next"].as_str().map(str::to_string);
    }
    assert_eq!(seen, 10, "following next reads every key");

    let mut ops: Vec<serde_json::Value> =
        (0..10).map(|i| serde_json::json!({"op": "get", "key": format!("big/{i}")})).collect();
    ops.push(serde_json::json!({"op": "put", "key": "written?", "value": "x"}));
    let a = h.txn(&serde_json::json!({ "ops": ops }));
    assert_eq!((a.status, a.error_code()), (413, "answer_too_large".to_string()));
    assert_eq!(h.get("written%3F").status, 404, "the txn's put was not committed");
}

/// Forged `Fish-After` tokens from the future wait (bounded by
/// `max_token_waits`): past the bound, 503 at once, and ordinary requests
/// are served throughout.
#[test]
fn waiting_token_reads_are_bounded() {
    let site = Site::start("lim-tokens", "[http]\nmax_token_waits = 3\ntoken_wait_ms = 3000\n");
    let h = site.http();
    let token = h.put("k", b"v").header("fish-token").unwrap().to_string();
    let forged = future_token(&token);
    let waiting: Vec<_> = (0..3)
        .map(|_| {
            let (h, forged) = (h.clone(), forged.clone());
            std::thread::spawn(move || h.call("GET", "/v1/kv/k", &[("fish-after", &forged)], b"").status)
        })
        .collect();
    wait_until("three reads waiting", Duration::from_secs(20), || {
        let m = h.call("GET", "/metrics", &[], b"");
        String::from_utf8_lossy(&m.body).lines().any(|l| l == "fish_token_waits 3")
    });
    let started = Instant::now();
    let refused = Http::new(&site.url).call("GET", "/v1/kv/k", &[("fish-after", &forged)], b"");
    assert_eq!((refused.status, refused.error_code()), (503, "too_many_waits".to_string()));
    // Not after the 3 s a waiting read takes.
    assert!(started.elapsed() < Duration::from_secs(2), "refused at once, not after a wait");
    assert_eq!(h.get("k").status, 200, "ordinary reads go on");
    for w in waiting {
        assert_eq!(w.join().unwrap(), 504, "the forged ones time out");
    }
    let ok = h.call("GET", "/v1/kv/k", &[("fish-after", &token)], b"");
    assert_eq!(ok.status, 200, "the bound frees up");
}
