//! The HTTP API of one real `fishd`, end to end.

use std::time::Duration;

use serde_json::json;

use crate::harness::{Site, sample, wait_until};

#[test]
fn put_get_delete_round_trip_with_etag_and_commit_token() {
    let site = Site::start("api-rt", "");
    let h = site.http();
    let put = h.put("greeting", b"hello");
    assert_eq!(put.status, 204);
    let v = put.version();
    let token = put.header("fish-token").expect("a commit token").to_string();
    assert_eq!(token.len(), 40);
    let get = h.get("greeting");
    assert_eq!((get.status, get.body.as_slice(), get.version()), (200, &b"hello"[..], v));
    let del = h.call("DELETE", "/v1/kv/greeting", &[], b"");
    assert_eq!(del.status, 204);
    assert!(del.header("fish-token").is_some());
    assert_eq!(h.get("greeting").status, 404);
    assert_eq!(h.call("DELETE", "/v1/kv/greeting", &[], b"").status, 404);
}

#[test]
fn binary_keys_and_empty_values_survive_percent_encoding_and_listing() {
    let site = Site::start("api-bin", "");
    let h = site.http();
    assert_eq!(h.put("bin%00%FF%2Fk", b"").status, 204);
    assert_eq!(h.put("plain+key", b"\xfe\xff").status, 204);
    let get = h.get("bin%00%FF%2Fk");
    assert_eq!((get.status, get.body.len()), (200, 0));
    let list = h.call("GET", "/v1/kv", &[], b"").json();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    // "bin\0\xff/k" is not UTF-8: base64 and flagged.
    assert_eq!(items[0]["key"], "YmluAP8vaw==");
    assert_eq!(items[0]["key_encoding"], "base64");
    assert_eq!(items[0]["value"], "");
    assert_eq!(items[1]["key"], "plain+key", "+ is a literal plus in keys");
    assert_eq!(items[1]["value_encoding"], "base64");
}

#[test]
fn if_match_is_compare_and_swap_and_if_none_match_is_create_only() {
    let site = Site::start("api-cas", "");
    let h = site.http();
    let v1 = h.call("PUT", "/v1/kv/c", &[("if-none-match", "*")], b"1").version();
    let again = h.call("PUT", "/v1/kv/c", &[("if-none-match", "*")], b"x");
    assert_eq!((again.status, again.error_code().as_str()), (412, "condition_failed"));
    assert_eq!(again.json()["message"], format!("If-None-Match: * failed: key \"c\" exists (version {v1})"));
    let stale = h.call("PUT", "/v1/kv/c", &[("if-match", &format!("\"{}\"", v1 + 5))], b"x");
    assert_eq!(stale.status, 412);
    assert_eq!(stale.json()["current_version"], v1);
    let said = format!("If-Match: \"{}\" failed: key \"c\" is at version {v1}", v1 + 5);
    assert_eq!(stale.json()["message"], said, "a single-key write names no transaction op");
    let absent = h.call("PUT", "/v1/kv/nothing-here", &[("if-match", "\"3\"")], b"x");
    assert_eq!(absent.json()["message"], "If-Match: \"3\" failed: key \"nothing-here\" does not exist");
    let ok = h.call("PUT", "/v1/kv/c", &[("if-match", &format!("\"{v1}\""))], b"2");
    assert_eq!((ok.status, ok.version()), (204, v1 + 1));
    let del = h.call("DELETE", "/v1/kv/c", &[("if-match", &format!("\"{v1}\""))], b"");
    assert_eq!(del.status, 412);
    assert_eq!(h.get("c").body, b"2", "failed conditions changed nothing");
    let bad = h.call("PUT", "/v1/kv/c", &[("if-match", "soon")], b"x");
    assert_eq!((bad.status, bad.error_code().as_str()), (400, "invalid_argument"));
}

#[test]
fn oversized_keys_and_values_are_refused_and_change_nothing() {
    let site = Site::start("api-size", "[http]\nmax_value_bytes = 1000");
    let h = site.http();
    let long_key = "k".repeat(1025);
    let r = h.put(&long_key, b"v");
    assert_eq!((r.status, r.error_code().as_str()), (414, "key_too_long"));
    assert_eq!(h.put(&"k".repeat(1024), b"v").status, 204, "exactly 1 KiB is allowed");
    // One key rule, one error code, wherever the key comes from.
    let r = h.txn(&serde_json::json!({ "ops": [{ "op": "put", "key": long_key, "value": "v" }] }));
    assert_eq!((r.status, r.error_code().as_str()), (414, "key_too_long"), "{}", String::from_utf8_lossy(&r.body));
    let r = h.txn(&serde_json::json!({ "ops": [{ "op": "get", "key": "" }] }));
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_key"));
    let r = h.put("big", &vec![b'x'; 1001]);
    assert_eq!((r.status, r.error_code().as_str()), (413, "too_large"));
    assert_eq!(h.get("big").status, 404);
    assert_eq!(h.put("big", &vec![b'x'; 1000]).status, 204);
}

/// A body over the limit is refused on its `Content-Length`, before it is
/// read; the site then reads and drops what the client keeps sending (up to
/// a bound) before it closes, so the client gets its 413. Closing with the
/// body unread made the kernel reset the connection, and the client saw a
/// broken pipe instead (`fishctl put` of a large value: exit 3, not 4).
#[test]
fn an_oversized_body_gets_its_413_while_the_client_is_still_sending_it() {
    use std::io::{Read, Write};
    let site = Site::start("api-linger", "[http]\nmax_value_bytes = 1000");
    let addr = site.url.strip_prefix("http://").unwrap();
    let auth = site.token.as_ref().map_or(String::new(), |t| format!("authorization: Bearer {t}\r\n"));
    let body = vec![b'x'; 4 << 20];
    for round in 0..10 {
        let mut conn = std::net::TcpStream::connect(addr).unwrap();
        conn.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let head = format!("PUT /v1/kv/big HTTP/1.1\r\nhost: x\r\n{auth}content-length: {}\r\n\r\n", body.len());
        conn.write_all(head.as_bytes()).unwrap();
        let sent = conn.write_all(&body);
        let mut answer = Vec::new();
        let read = conn.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            sent.is_ok() && answer.starts_with("HTTP/1.1 413"),
            "round {round}: sending: {sent:?}; reading: {read:?}; the answer: {answer:?}"
        );
        assert!(answer.contains("\"too_large\""), "{answer}");
    }
    assert_eq!(site.http().get("big").status, 404, "nothing was written");
}

#[test]
fn malformed_requests_get_clear_json_errors() {
    let site = Site::start("api-bad", "");
    let h = site.http();
    let cases: [(&str, &str, u16, &str); 7] = [
        ("GET", "/v1/kv/a%zzb", 400, "bad_encoding"),
        ("GET", "/v1/kv/a%2", 400, "bad_encoding"),
        ("GET", "/v1/kv/", 200, ""), // the listing, not an empty key
        ("GET", "/v1/kv/a?consistency=eventual", 400, "invalid_argument"),
        ("GET", "/v1/kv?limit=0", 400, "invalid_argument"),
        ("GET", "/v1/kv?colour=red", 400, "invalid_argument"),
        ("GET", "/v2/kv/a", 404, "no_such_endpoint"),
    ];
    for (method, path, status, code) in cases {
        let r = h.call(method, path, &[], b"");
        assert_eq!(r.status, status, "{method} {path}: {}", String::from_utf8_lossy(&r.body));
        if !code.is_empty() {
            assert_eq!(r.error_code(), code, "{method} {path}");
            assert!(!r.json()["message"].as_str().unwrap().is_empty());
        }
    }
    let r = h.call("PATCH", "/v1/kv/a", &[], b"");
    assert_eq!((r.status, r.header("allow")), (405, Some("GET, PUT, DELETE")));
    assert_eq!(h.call("POST", "/v1/kv", &[], b"").status, 405);
    assert_eq!(h.call("GET", "/v1/txn", &[], b"").status, 405);
    assert_eq!(h.get("a").status, 404);
    assert_eq!(h.get("a?consistency=replica").status, 404, "replica reads are accepted");
}

#[test]
fn malformed_transactions_are_refused_whole() {
    let site = Site::start("api-badtxn", "[http]\nmax_txn_ops = 3");
    let h = site.http();
    let bad = [
        json!("not an object"),
        json!({"ops": []}),
        json!({"ops": [{"op": "put", "key": "a"}]}),
        json!({"ops": [{"op": "put", "key": "a", "value": "1"}, {"op": "get", "key": "b", "value": "x"}]}),
        json!({"ops": [{"op": "put", "key": "a", "value": "1", "colour": "red"}]}),
        json!({"ops": [{"op": "put", "key": "a", "value": "%%%", "value_encoding": "base64"}]}),
        json!({"ops": [{"op": "check", "key": "a"}]}),
        json!({"ops": [{"op": "put", "key": "", "value": "1"}]}),
        json!({"ops": [{"op": "get", "key": "a"}, {"op": "get", "key": "b"}, {"op": "get", "key": "c"}, {"op": "get", "key": "d"}]}),
    ];
    for body in bad {
        let r = h.txn(&body);
        assert_eq!(r.status, 400, "{body}: {}", String::from_utf8_lossy(&r.body));
    }
    let r = h.call("POST", "/v1/txn", &[], b"{\"ops\": [");
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_json"));
    // A bare array of ops is told what the body is, not serde's view of it.
    let r = h.txn(&json!([{"op": "put", "key": "a", "value": "1"}]));
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_json"));
    let message = r.json()["message"].as_str().unwrap_or_default().to_string();
    assert!(message.contains(r#"{"ops": [...]}"#) && message.contains("an array"), "{message}");
    assert_eq!(h.get("a").status, 404, "nothing was written by any of them");
}

#[test]
fn a_transaction_is_atomic_and_reports_the_failing_op() {
    let site = Site::start("api-txn", "");
    let h = site.http();
    let va = h.put("a", b"1").version();
    let failing = json!({"ops": [
        {"op": "put", "key": "b", "value": "2"},
        {"op": "check", "key": "a", "version": va + 1},
    ]});
    let r = h.txn(&failing);
    assert_eq!((r.status, r.json()["op"].as_u64()), (412, Some(1)));
    assert_eq!(h.get("b").status, 404, "the put before the failed check was rolled back");

    let ok = json!({"ops": [
        {"op": "check", "key": "a", "version": va},
        {"op": "put", "key": "b", "value": "/w==", "value_encoding": "base64", "version": 0},
        {"op": "delete", "key": "a", "version": va.to_string()},
        {"op": "get", "key": "b"},
        {"op": "get", "key": "a"},
    ]});
    let r = h.txn(&ok);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let body = r.json();
    let res = body["results"].as_array().unwrap();
    assert_eq!(res[2]["deleted"], true);
    assert_eq!((res[3]["found"].clone(), res[3]["value"].clone()), (json!(true), json!("/w==")));
    assert_eq!(res[4]["found"], false);
    assert_eq!(body["token"].as_str(), r.header("fish-token"));
    assert_eq!(h.get("b").body, b"\xff");
}

#[test]
fn listing_paginates_with_next_until_the_prefix_ends() {
    let site = Site::start("api-list", "");
    let h = site.http();
    for i in 0..25 {
        assert_eq!(h.put(&format!("p%2F{i:02}"), b"v").status, 204);
    }
    h.put("q", b"other");
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let path = match &after {
            Some(a) => format!("/v1/kv?prefix=p%2F&limit=10&start_after={}", a.replace('/', "%2F")),
            None => "/v1/kv?prefix=p%2F&limit=10".to_string(),
        };
        let page = h.call("GET", &path, &[], b"").json();
        seen.extend(page["items"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap().to_string()));
        match page["next"].as_str() {
            Some(n) => after = Some(n.to_string()),
            None => break,
        }
    }
    let expected: Vec<String> = (0..25).map(|i| format!("p/{i:02}")).collect();
    assert_eq!(seen, expected);
}

#[test]
fn a_fish_after_read_waits_for_its_token_and_bad_tokens_are_refused() {
    let site = Site::start("api-token", "");
    let h = site.http();
    let token = h.put("t", b"1").header("fish-token").unwrap().to_string();
    let r = h.call("GET", "/v1/kv/t", &[("fish-after", &token)], b"");
    assert_eq!((r.status, r.body.as_slice()), (200, &b"1"[..]));
    let r = h.call("GET", "/v1/kv/t", &[("fish-after", "abc")], b"");
    assert_eq!(r.status, 400);
}

/// `token` with its generation (bytes 4..8) raised by one.
fn next_generation(token: &str) -> String {
    let generation = u32::from_str_radix(&token[8..16], 16).unwrap() + 1;
    format!("{}{generation:08x}{}", &token[..8], &token[16..])
}

/// Issue "The HTTP API on a real network": a forged `Fish-After` token from a
/// future generation held a blocking thread for the whole token wait, so
/// a few hundred of them stalled every store call queued behind them.
#[test]
fn forged_future_tokens_do_not_stall_the_store_calls_of_other_requests() {
    crate::repmgr::allow_fds(4096);
    let site = Site::start("api-token-flood", "[http]\ntoken_wait_ms = 5000");
    let h = site.http();
    let forged = next_generation(h.put("t", b"1").header("fish-token").unwrap());
    let waiting: Vec<_> = (0..600)
        .map(|_| {
            let (url, forged) = (site.url.clone(), forged.clone());
            std::thread::spawn(move || {
                crate::harness::Http::new(&url).call("GET", "/v1/kv/t", &[("fish-after", &forged)], b"").status
            })
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(1000));
    // A listing runs on the blocking pool, as every store call that may wait.
    let started = std::time::Instant::now();
    let r = h.call("GET", "/v1/kv?prefix=t", &[], b"");
    let took = started.elapsed();
    assert_eq!(r.status, 200);
    let answers: Vec<u16> = waiting.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(answers.iter().all(|s| *s == 504), "every forged wait ends in 504: {answers:?}");
    eprintln!("a listing behind 600 forged token waits answered in {took:?}");
    // A behaviour bound: the blocked pool made it wait for the 5 s token wait.
    assert!(took < std::time::Duration::from_millis(2500), "the listing waited {took:?}");
}

#[test]
fn a_token_from_a_newer_generation_waits_and_one_from_another_group_is_refused() {
    let a = Site::start("api-token-a", "[http]\ntoken_wait_ms = 300");
    let b = Site::start("api-token-b", "[http]\ntoken_wait_ms = 300");
    let token = a.http().put("t", b"1").header("fish-token").unwrap().to_string();
    b.http().put("t", b"other");
    // Same generation, another group's environment: B's history rules it out.
    let r = b.http().call("GET", "/v1/kv/t", &[("fish-after", &token)], b"");
    assert_eq!(
        (r.status, r.error_code()),
        (409, "token_unknown".to_string()),
        "{:?}",
        String::from_utf8_lossy(&r.body)
    );
    // A generation A has not seen yet: a cut-off master or a lagging site
    // learns of it later, so it is "not yet" (504 after the wait), never 409
    // (Berkeley DB alone answers DB_NOTFOUND here; the fault suite met it).
    let r = a.http().call("GET", "/v1/kv/t", &[("fish-after", &next_generation(&token))], b"");
    assert_eq!(
        (r.status, r.error_code()),
        (504, "token_timeout".to_string()),
        "{:?}",
        String::from_utf8_lossy(&r.body)
    );
}

#[test]
fn health_readiness_and_status_describe_the_site() {
    let site = Site::start("api-status", "");
    let h = site.http();
    assert_eq!(h.call("GET", "/healthz", &[], b"").status, 200);
    assert_eq!(h.call("GET", "/readyz", &[], b"").status, 200);
    h.put("x", b"y");
    let s = h.call("GET", "/v1/status", &[], b"").json();
    assert_eq!(s["role"], "back");
    assert_eq!(s["state"], "master");
    assert_eq!(s["ack_policy"], "quorum");
    assert!(s["lsn"]["offset"].as_u64().unwrap() > 0);
    assert!(s["berkeley_db"].as_str().unwrap().contains("5.3"));
    let typed: fish::api::Status =
        h.call("GET", "/v1/status", &[], b"").typed().expect("the shared Status type reads it");
    assert_eq!((typed.sites.len(), typed.priority), (1, Some(100)));
}

/// A site that cannot join yet (its helper is down) still describes itself:
/// its log holds no record, which once made `/v1/status` a 500, and every
/// probe logged Berkeley DB's "Nsites unknown" warning.
#[test]
fn a_site_still_joining_answers_status_and_readiness_quietly() {
    let helper = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut site = Site::create("api-joining", &format!("[replication]\nhelpers = [\"127.0.0.1:{helper}\"]\n"));
    site.spawn_no_wait();
    let h = site.http();
    wait_until("the joining site to serve HTTP", Duration::from_secs(20), || {
        h.try_call("GET", "/healthz", &[], b"").is_ok_and(|r| r.status == 200)
    });
    for _ in 0..5 {
        assert_eq!(h.call("GET", "/readyz", &[], b"").status, 503);
        let r = h.call("GET", "/v1/status", &[], b"");
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        let s = r.json();
        assert_eq!((s["state"].as_str(), s["master"].is_null()), (Some("starting"), true), "{s}");
        assert_eq!((s["status"].as_str(), s.get("fault_tolerance")), (Some("joining the group"), None), "{s}");
    }
    let log = site.log();
    assert!(!log.contains("BDB3672") && !log.contains("status=500"), "{log}");
}

#[test]
fn metrics_count_requests_by_route_and_status_and_commits() {
    let site = Site::start("api-metrics", "");
    let h = site.http();
    for i in 0..3 {
        assert_eq!(h.put(&format!("k{i}"), b"v").status, 204);
    }
    assert_eq!(h.get("missing").status, 404);
    assert_eq!(h.call("FISHY", "/v1/kv/k0", &[], b"").status, 405);
    let m = h.call("GET", "/metrics", &[], b"");
    assert_eq!(m.status, 200);
    assert!(m.header("content-type").unwrap().starts_with("text/plain"));
    let text = String::from_utf8(m.body).unwrap();
    let has = |line: &str| text.lines().any(|l| l == line);
    assert!(has("fish_http_requests_total{route=\"/v1/kv/{key}\",method=\"PUT\",status=\"204\"} 3"), "{text}");
    assert!(has("fish_http_requests_total{route=\"/v1/kv/{key}\",method=\"GET\",status=\"404\"} 1"), "{text}");
    assert!(has("fish_commits_total 3"), "{text}");
    assert!(has("fish_role{role=\"master\"} 1"), "{text}");
    assert!(text.contains("fish_http_request_duration_seconds_bucket{le="), "{text}");
    assert!(!text.contains("k0"), "keys never become labels");
    assert!(has("fish_http_requests_total{route=\"/v1/kv/{key}\",method=\"other\",status=\"405\"} 1"), "{text}");
    assert!(!text.contains("FISHY"), "a client's own method names never become labels");
}

/// `/metrics` samples Berkeley DB (buffer pool, locks, log), checkpoints,
/// the data dir's free space and the process at each scrape, in one
/// exposition with one `# EOF`.
#[test]
fn metrics_sample_berkeley_db_the_disk_and_the_process() {
    let site = Site::start("api-bdb-metrics", "[storage]\ncheckpoint_interval_s = 1\n");
    let h = site.http();
    let scrape = || String::from_utf8(h.call("GET", "/metrics", &[], b"").body).unwrap();
    let before = scrape();
    let logged = sample(&before, "fish_bdb_log_written_bytes_total").expect("log bytes");
    for i in 0..20 {
        assert_eq!(h.put(&format!("k{i}"), &[b'v'; 1000]).status, 204);
        assert_eq!(h.get(&format!("k{i}")).status, 200);
    }
    let text = scrape();
    let value = |name: &str| sample(&text, name).unwrap_or_else(|| panic!("no {name} in:\n{text}"));
    assert!(value("fish_bdb_log_written_bytes_total") >= logged + 20_000.0, "20 KB of values were logged");
    assert!(value("fish_bdb_cache_hits_total") > 0.0);
    for name in ["fish_bdb_cache_misses_total", "fish_bdb_lock_waits_total", "fish_bdb_deadlocks_total"] {
        assert!(value(name) >= 0.0);
    }
    assert!(value("fish_data_dir_free_bytes") > 0.0);
    assert_eq!(value("fish_data_dir_min_free_bytes"), (64 << 20) as f64);
    assert!(value("process_resident_memory_bytes") > (1 << 20) as f64);
    assert!(value("process_open_fds") > 3.0 && value("process_max_fds") >= value("process_open_fds"));
    assert!(value("process_cpu_seconds_total") > 0.0 && value("process_threads") > 1.0);
    let started = value("process_start_time_seconds");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs_f64();
    assert!(started > now - 600.0 && started <= now + 1.0, "started at {started}, now {now}");
    assert_eq!(text.matches("# EOF").count(), 1, "{text}");
    assert!(text.ends_with("# EOF\n"));
    // A checkpoint a second, and the master's own lag is zero.
    crate::harness::wait_until("a checkpoint and the master's lag", std::time::Duration::from_secs(10), || {
        let text = scrape();
        sample(&text, "fish_checkpoints_total").is_some_and(|n| n >= 1.0)
            && sample(&text, "fish_replica_lag_seconds") == Some(0.0)
            && sample(&text, "fish_replica_lag_bytes") == Some(0.0)
    });
}
