//! The store's own suite: versions, conditions, listing edges, atomic
//! transactions, and concurrency on a real Berkeley DB environment.

use std::sync::Arc;

use super::*;

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), &StoreOptions::default()).unwrap();
    (dir, store)
}

fn keys(page: &Page) -> Vec<&[u8]> {
    page.items.iter().map(|(k, _)| k.as_slice()).collect()
}

/// A new database gets the configured page size; an existing one keeps
/// the size it was created with.
#[test]
fn databases_are_created_with_the_configured_page_size_and_keep_it() {
    let dir = tempfile::tempdir().unwrap();
    let with = |kb: u32| StoreOptions { page_size: PageSize::new(kb << 10).unwrap(), ..StoreOptions::default() };
    let s = Store::open(dir.path(), &with(8)).unwrap();
    s.put(b"k", b"v", Condition::Any).unwrap();
    assert_eq!(s.page_size().unwrap(), 8 << 10);
    s.shutdown().unwrap();
    drop(s);
    let s = Store::open(dir.path(), &with(64)).unwrap();
    assert_eq!(s.page_size().unwrap(), 8 << 10);
    assert_eq!(s.get(b"k").unwrap().unwrap().value, b"v");
    let (_d, fresh) = open();
    assert_eq!(fresh.page_size().unwrap(), DEFAULT_PAGE_SIZE.bytes());
}

#[test]
fn binary_keys_and_empty_values_round_trip() {
    let (_d, s) = open();
    let key = b"\x00\xff/\n\x01";
    s.put(key, b"", Condition::Any).unwrap();
    let e = s.get(key).unwrap().unwrap();
    assert_eq!(e.value, b"");
    assert_eq!(s.get(b"\x00\xff").unwrap(), None);
}

#[test]
fn keys_must_be_nonempty_and_at_most_1_kib() {
    let (_d, s) = open();
    assert!(matches!(s.put(b"", b"v", Condition::Any), Err(StoreError::EmptyKey)));
    let long = vec![b'k'; MAX_KEY_BYTES + 1];
    assert!(matches!(s.put(&long, b"v", Condition::Any), Err(StoreError::KeyTooLong { len: 1025 })));
    s.put(&long[..MAX_KEY_BYTES], b"v", Condition::Any).unwrap();
}

#[test]
fn versions_increase_across_updates_deletes_and_recreation() {
    let (_d, s) = open();
    let (v1, t1) = s.put(b"k", b"a", Condition::Any).unwrap();
    let (v2, t2) = s.put(b"k", b"b", Condition::Any).unwrap();
    assert_eq!(v2, v1 + 1);
    assert_ne!(t1, t2);
    s.put(b"other", b"x", Condition::Any).unwrap();
    s.delete(b"k", Condition::Any).unwrap();
    let (v3, _) = s.put(b"k", b"c", Condition::Any).unwrap();
    assert!(v3 > v2, "re-created key must not reuse a version: {v3} <= {v2}");
    // An ETag from before the delete never matches the new incarnation.
    assert!(matches!(
        s.put(b"k", b"d", Condition::Version(v2)),
        Err(StoreError::ConditionFailed { current: Some(v), .. }) if v == v3
    ));
}

#[test]
fn conditions_guard_puts_and_deletes() {
    let (_d, s) = open();
    assert!(matches!(s.put(b"k", b"x", Condition::Exists), Err(StoreError::ConditionFailed { current: None, .. })));
    let (v, _) = s.put(b"k", b"a", Condition::Absent).unwrap();
    assert!(matches!(s.put(b"k", b"b", Condition::Absent), Err(StoreError::ConditionFailed { .. })));
    assert!(matches!(s.put(b"k", b"b", Condition::Version(v + 7)), Err(StoreError::ConditionFailed { .. })));
    assert_eq!(s.get(b"k").unwrap().unwrap().value, b"a", "failed conditions change nothing");
    s.put(b"k", b"b", Condition::Version(v)).unwrap();
    assert!(matches!(s.delete(b"k", Condition::Version(v)), Err(StoreError::ConditionFailed { .. })));
    s.delete(b"k", Condition::Version(v + 1)).unwrap();
    assert!(matches!(s.delete(b"k", Condition::Any), Err(StoreError::NotFound)));
}

#[test]
fn a_transaction_applies_all_or_nothing() {
    let (_d, s) = open();
    let (v, _) = s.put(b"a", b"1", Condition::Any).unwrap();
    let failing = [
        Op::Put { key: b"b".to_vec(), value: b"2".to_vec(), cond: Condition::Any, lease: 0 },
        Op::Delete { key: b"a".to_vec(), cond: Condition::Any },
        Op::Check { key: b"a".to_vec(), cond: Condition::Version(v) },
    ];
    match s.transact(&failing) {
        Err(StoreError::ConditionFailed { op: 2, current: None, .. }) => {}
        other => panic!("expected op 2 to fail, got {other:?}"),
    }
    assert_eq!(s.get(b"b").unwrap(), None);
    assert_eq!(s.get(b"a").unwrap().unwrap().version, v);

    let ok = [
        Op::Check { key: b"a".to_vec(), cond: Condition::Version(v) },
        Op::Put { key: b"b".to_vec(), value: b"2".to_vec(), cond: Condition::Absent, lease: 0 },
        Op::Get { key: b"b".to_vec() },
        Op::Delete { key: b"zz".to_vec(), cond: Condition::Any },
    ];
    let done = s.transact(&ok).unwrap();
    assert!(done.token.is_some());
    let OpResult::Put { version } = done.results[1] else { panic!() };
    assert_eq!(done.results[2], OpResult::Get(Some(Entry { value: b"2".to_vec(), version, lease: 0 })));
    assert_eq!(done.results[3], OpResult::Delete { existed: false });

    let read_only = s.transact(&[Op::Get { key: b"a".to_vec() }]).unwrap();
    assert!(read_only.token.is_none());
}

#[test]
fn listing_pages_through_a_prefix_in_byte_order() {
    let (_d, s) = open();
    for k in ["a", "b/1", "b/2", "b/3", "b/4", "b/5", "b0", "c"] {
        s.put(k.as_bytes(), k.as_bytes(), Condition::Any).unwrap();
    }
    let p1 = s.list(b"b/", None, 2).unwrap();
    assert_eq!(keys(&p1), [b"b/1", b"b/2"]);
    assert_eq!(p1.next.as_deref(), Some(&b"b/2"[..]));
    let p2 = s.list(b"b/", p1.next.as_deref(), 2).unwrap();
    assert_eq!(keys(&p2), [b"b/3", b"b/4"]);
    let p3 = s.list(b"b/", p2.next.as_deref(), 2).unwrap();
    assert_eq!(keys(&p3), [b"b/5"]);
    assert_eq!(p3.next, None, "the last page has no next");
    // A page that ends exactly at the end of the prefix has no next either.
    let bounded = s.list_bounded(b"b/", None, 10, 1).unwrap();
    assert_eq!(bounded.items.len(), 1, "a byte bound still returns one item");
    assert_eq!(bounded.next.as_deref(), Some(&bounded.items[0].0[..]), "and says where to go on");
    let exact = s.list(b"b/", Some(b"b/3"), 2).unwrap();
    assert_eq!(keys(&exact), [&b"b/4"[..], b"b/5"]);
    assert_eq!(exact.next, None);
}

#[test]
fn listing_edges_empty_prefix_start_after_outside_prefix_and_zero_limit() {
    let (_d, s) = open();
    assert!(s.list(b"", None, 10).unwrap().items.is_empty());
    for k in [&b"x\x00"[..], b"x", b"x\xff", b"y"] {
        s.put(k, b"", Condition::Any).unwrap();
    }
    assert_eq!(keys(&s.list(b"", None, 10).unwrap()), [&b"x"[..], b"x\x00", b"x\xff", b"y"]);
    // start_after before the prefix starts at the prefix; after it, empty.
    assert_eq!(s.list(b"x", Some(b"a"), 10).unwrap().items.len(), 3);
    assert!(s.list(b"x", Some(b"z"), 10).unwrap().items.is_empty());
    // start_after a key that does not exist resumes after where it would be.
    assert_eq!(keys(&s.list(b"x", Some(b"x\x01"), 10).unwrap()), [&b"x\xff"[..]]);
    let zero = s.list(b"x", None, 0).unwrap();
    assert!(zero.items.is_empty());
    assert_eq!(zero.next, None);
}

#[test]
fn concurrent_cas_increments_lose_nothing_and_apply_nothing_twice() {
    let (_d, s) = open();
    let s = Arc::new(s);
    s.put(b"counter", b"0", Condition::Any).unwrap();
    let threads = 8;
    let per_thread = 40;
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let s = Arc::clone(&s);
            std::thread::spawn(move || {
                let mut won = 0;
                while won < per_thread {
                    let cur = s.get(b"counter").unwrap().unwrap();
                    let n: u64 = std::str::from_utf8(&cur.value).unwrap().parse().unwrap();
                    match s.put(b"counter", (n + 1).to_string().as_bytes(), Condition::Version(cur.version)) {
                        Ok(_) => won += 1,
                        Err(StoreError::ConditionFailed { .. }) => {}
                        Err(e) => panic!("{e}"),
                    }
                }
            })
        })
        .collect();
    handles.into_iter().for_each(|h| h.join().unwrap());
    let final_value = s.get(b"counter").unwrap().unwrap().value;
    assert_eq!(final_value, (threads * per_thread).to_string().as_bytes());
}

#[test]
fn transactions_in_opposite_key_orders_survive_deadlocks() {
    let (_d, s) = open();
    let s = Arc::new(s);
    let handles: Vec<_> = (0..6)
        .map(|t| {
            let s = Arc::clone(&s);
            std::thread::spawn(move || {
                for i in 0..50 {
                    let (a, b) = if t % 2 == 0 { (b"p", b"q") } else { (b"q", b"p") };
                    let ops = [
                        Op::Put {
                            key: a.to_vec(),
                            value: format!("{t}-{i}").into_bytes(),
                            cond: Condition::Any,
                            lease: 0,
                        },
                        Op::Put {
                            key: b.to_vec(),
                            value: format!("{t}-{i}").into_bytes(),
                            cond: Condition::Any,
                            lease: 0,
                        },
                    ];
                    s.transact(&ops).unwrap();
                }
            })
        })
        .collect();
    handles.into_iter().for_each(|h| h.join().unwrap());
    // Both keys were always written together, so they hold the same value.
    assert_eq!(s.get(b"p").unwrap().unwrap().value, s.get(b"q").unwrap().unwrap().value);
}

#[test]
fn data_survives_close_and_reopen_and_the_dir_is_exclusive() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path(), &StoreOptions::default()).unwrap();
    let (v, _) = s.put(b"k", b"v", Condition::Any).unwrap();
    assert!(matches!(Store::open(dir.path(), &StoreOptions::default()), Err(StoreError::Lock(_))));
    s.shutdown().unwrap();
    drop(s);
    let s = Store::open(dir.path(), &StoreOptions::default()).unwrap();
    assert_eq!(s.get(b"k").unwrap(), Some(Entry { value: b"v".to_vec(), version: v, lease: 0 }));
}

#[test]
fn checkpoints_keep_the_log_from_growing_without_bound() {
    let dir = tempfile::tempdir().unwrap();
    let mut opts = StoreOptions::default();
    opts.env.log_file_bytes = 256 << 10;
    let s = Store::open(dir.path(), &opts).unwrap();
    let value = vec![7u8; 4096];
    let mut most = 0;
    for round in 0..8 {
        for i in 0..200 {
            s.put(format!("k{i}").as_bytes(), &value, Condition::Any).unwrap();
        }
        s.env().checkpoint(0).unwrap();
        s.env().checkpoint(0).unwrap();
        let files = s.env().log_files().unwrap().len();
        most = most.max(files);
        assert!(files <= 3, "round {round}: {files} log files remain after checkpoints");
    }
    // ~6.5 MiB of log was written in 256 KiB files: without removal there would be 25+.
    assert!(most >= 1);
}

#[test]
fn a_hot_backup_under_writes_restores_every_write_committed_before_it_began() {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    let (_d, s) = open();
    let s = Arc::new(s);
    for i in 0..500u64 {
        s.put(format!("pre/{i}").as_bytes(), &i.to_le_bytes(), Condition::Any).unwrap();
    }
    // Writers keep committing while the backup runs; each records how many
    // of its writes had returned before the backup began.
    let stop = Arc::new(AtomicBool::new(false));
    let started = Arc::new(AtomicBool::new(false));
    let acked_before: Vec<Arc<AtomicU64>> = (0..4).map(|_| Arc::new(AtomicU64::new(0))).collect();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (s, stop, started, acked) =
                (Arc::clone(&s), Arc::clone(&stop), Arc::clone(&started), Arc::clone(&acked_before[w]));
            std::thread::spawn(move || {
                let mut n = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    s.put(format!("w{w}/{n:08}").as_bytes(), &[7; 300], Condition::Any).unwrap();
                    n += 1;
                    if !started.load(Ordering::SeqCst) {
                        acked.store(n, Ordering::SeqCst);
                    }
                }
                n
            })
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(100));
    let target = tempfile::tempdir().unwrap();
    started.store(true, Ordering::SeqCst);
    let manifest = s.backup(target.path(), "test").unwrap();
    stop.store(true, Ordering::Relaxed);
    let written: Vec<u64> = writers.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(manifest.files.iter().any(|f| f.name == "kv.db"), "{manifest:?}");
    assert!(manifest.files.iter().any(|f| f.name.starts_with("log.")), "{manifest:?}");

    let restored_dir = tempfile::tempdir().unwrap();
    let restored = backup::restore(target.path(), restored_dir.path()).unwrap();
    assert_eq!(restored.manifest, manifest);
    let r = Store::open(restored_dir.path(), &StoreOptions::default()).unwrap();
    for i in 0..500u64 {
        assert_eq!(r.get(format!("pre/{i}").as_bytes()).unwrap().unwrap().value, i.to_le_bytes());
    }
    for (w, acked) in acked_before.iter().enumerate() {
        let acked = acked.load(Ordering::SeqCst);
        assert!(acked > 0 && acked < written[w], "writer {w}: {acked} before, {} in all", written[w]);
        for n in 0..acked {
            assert!(r.get(format!("w{w}/{n:08}").as_bytes()).unwrap().is_some(), "writer {w} lost write {n}");
        }
    }
    assert!(restored.keys >= 500 + acked_before.iter().map(|a| a.load(Ordering::SeqCst)).sum::<u64>());
    // Versions carry on past the backup's: a new key gets a higher one.
    let (v, _) = r.put(b"after", b"x", Condition::Any).unwrap();
    assert!(v > s.get(b"pre/499").unwrap().unwrap().version);
}

#[test]
fn restore_refuses_a_data_dir_in_use_and_a_damaged_backup() {
    let (d, s) = open();
    s.put(b"k", b"v", Condition::Any).unwrap();
    let target = tempfile::tempdir().unwrap();
    s.backup(target.path(), "test").unwrap();
    drop(s);
    let err = backup::restore(target.path(), d.path()).unwrap_err().to_string();
    assert!(err.contains("already holds a Fish environment"), "{err}");
    std::fs::OpenOptions::new().append(true).open(target.path().join("kv.db")).unwrap().set_len(3).unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let err = backup::restore(target.path(), fresh.path()).unwrap_err().to_string();
    assert!(err.contains("kv.db") && err.contains("the manifest says"), "{err}");
    assert!(!fresh.path().join("bdb").exists(), "nothing half-restored");
}

/// Concurrent single-key writes share transactions (see `batch`), yet each
/// keeps its own condition and answer: of 64 racing create-only puts of one
/// key exactly one wins, of 64 puts of distinct keys all land, and a delete
/// of a missing key is NotFound.
#[test]
fn batched_writes_keep_each_writes_condition_and_answer() {
    let (_d, s) = open();
    let s = Arc::new(s);
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(async {
        let creates: Vec<_> = (0..64)
            .map(|i| {
                let s = Arc::clone(&s);
                tokio::spawn(async move { s.put_batched(b"once".to_vec(), vec![i], Condition::Absent, 0).await })
            })
            .collect();
        let mut won = Vec::new();
        for (i, c) in creates.into_iter().enumerate() {
            match c.await.unwrap() {
                Ok(_) => won.push(i as u8),
                Err(StoreError::ConditionFailed { current: Some(_), .. }) => {}
                Err(e) => panic!("create {i}: {e}"),
            }
        }
        assert_eq!(won.len(), 1, "exactly one create-only put wins");
        assert_eq!(s.get(b"once").unwrap().unwrap().value, won);

        let puts: Vec<_> = (0..64u32)
            .map(|i| {
                let s = Arc::clone(&s);
                tokio::spawn(async move {
                    s.put_batched(format!("k{i:02}").into_bytes(), vec![1; 10], Condition::Any, 0).await
                })
            })
            .collect();
        for p in puts {
            p.await.unwrap().unwrap();
        }
        assert_eq!(s.list(b"k", None, 100).unwrap().items.len(), 64);
        let stale = s.put_batched(b"k00".to_vec(), b"x".to_vec(), Condition::Version(1 << 62), 0).await;
        assert!(matches!(stale, Err(StoreError::ConditionFailed { .. })), "a stale If-Match fails");
        assert!(matches!(s.delete_batched(b"missing".to_vec(), Condition::Any).await, Err(StoreError::NotFound)));
        s.delete_batched(b"k01".to_vec(), Condition::Any).await.unwrap();
        assert_eq!(s.get(b"k01").unwrap(), None);
    });
}

/// An idle feed stops reading the change log once the log's end stands
/// still (it read it 200 times a second), and what needs it wakes it: an
/// acknowledged commit (whose idle mark replicas wait for), a watcher
/// subscribing. The quiet feed here would otherwise read again only after
/// an hour.
#[test]
fn an_idle_feed_stops_reading_the_change_log_until_a_commit_or_a_watcher_wakes_it() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Instant;
    let (_d, s) = open();
    let s = Arc::new(s);
    let stop = Arc::new(AtomicBool::new(false));
    let thread = std::thread::spawn({
        let (s, stop) = (Arc::clone(&s), Arc::clone(&stop));
        let options = || feed::FeedOptions { history: 1000, quiet_read_every: Duration::from_secs(3600) };
        move || feed::run(&s, &options, &|| stop.load(Ordering::SeqCst))
    });
    let steps = || s.feed.steps.load(Ordering::Relaxed);
    let until = |what: &str, done: &dyn Fn() -> bool| {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done() {
            assert!(Instant::now() < deadline, "{what}: not within 10 s");
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    let marked = || s.change_head().unwrap().is_some_and(|h| h.acked == h.last());
    let quiet = |what: &str| {
        // After the idle mark (20 ms after a commit) and the quiet polls
        // (100 ms), the reads stop; a busy machine may take longer.
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let before = steps();
            std::thread::sleep(Duration::from_millis(300));
            if steps() == before {
                break;
            }
            assert!(Instant::now() < deadline, "{what}: the feed still reads the change log after 10 s");
        }
        let (before, started) = (steps(), Instant::now());
        std::thread::sleep(Duration::from_millis(1000));
        let read = steps() - before;
        assert!(read <= 1, "{what}: {read} reads of the change log in {:?} of quiet", started.elapsed());
    };

    s.put(b"a", b"1", Condition::Any).unwrap();
    until("the first commit's idle mark", &marked);
    quiet("after the first commit");

    // No watcher: the commit wakes the dozing feed, which marks it.
    s.put(b"b", b"2", Condition::Any).unwrap();
    until("the idle mark of a commit made while the feed dozed", &marked);
    quiet("after the second commit");

    // A watcher wakes it too (on a replica no commit would), and gets the
    // next change.
    let (mut rx, horizon) = s.feed.subscribe();
    until("the feed polling again after a watcher subscribed", &|| !s.feed.dozing.load(Ordering::SeqCst));
    s.put(b"c", b"3", Condition::Any).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let seen = loop {
        match rx.try_recv() {
            Ok(stretch) => {
                if let Some(e) = stretch.iter().find(|e| e.change.revision > horizon) {
                    break e.change.key.clone();
                }
            }
            Err(tokio::sync::broadcast::error::TryRecvError::Empty) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5))
            }
            Err(e) => panic!("no change after the horizon {horizon}: {e:?}"),
        }
    };
    assert_eq!(seen, b"c", "the write is the change the watcher gets");
    stop.store(true, Ordering::SeqCst);
    s.feed.wake();
    thread.join().unwrap();
}
