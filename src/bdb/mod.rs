//! Safe wrapper over Berkeley DB 5.3 (`libdb-sys`, Fish's own patched copy
//! in `crates/libdb-sys`): the only module of Fish that uses `unsafe` or
//! names `libdb_sys`.
//!
//! - [`error`]: every C return code mapped, in one function, to a named error.
//! - [`env`](mod@env): the environment (transactions, locking, logging, buffer pool,
//!   free-threaded, recovery on open, deadlock detection, log removal).
//! - [`txn`]: `Txn<'env>`, consumed by commit/abort, aborted on drop; commit
//!   tokens; `OwnedTxn`, which holds its `Env` open instead of borrowing it.
//! - [`db`]: btree databases; [`cursor`]: `Cursor<'txn>`.
//!
//! Ownership follows the C nesting: a `Database` keeps its `Env` alive and
//! is closed first; a `Txn` borrows the `Env`; a `Cursor` borrows its `Txn`.
//! - [`repmgr`]: the Replication Manager on the same `Env` (sites, policy,
//!   timeouts, start, state, membership); [`events`]: its C callback turned
//!   into a channel of [`RepEvent`]s.
//! - [`polling`]: Berkeley DB's one-second internal polls made 10 ms (a
//!   role change no longer waits a second for a read in flight).
#![allow(unsafe_code)]

pub mod cursor;
pub mod db;
pub mod env;
pub mod error;
pub mod events;
pub mod polling;
pub mod repmgr;
pub mod txn;

pub use cursor::{Cursor, Pair};
pub use db::{Database, PageSize};
pub use env::{Env, EnvConfig, EnvStats, Lsn, SyncPolicy};
pub use error::{Error, Result};
pub use events::RepEvent;
pub use repmgr::{AckPolicy, RepConfig, RepState, RepTimeouts, SiteAddr, SiteInfo, Transport};
pub use txn::{BadToken, CommitToken, Committed, OwnedTxn, Txn, TxnFlags};

/// The Berkeley DB library version string, e.g. "Berkeley DB 5.3.28: (September  9, 2013)".
pub fn version() -> String {
    // SAFETY: db_version returns a pointer to a static NUL-terminated string;
    // null out-pointers are allowed.
    unsafe {
        let p = libdb_sys::ffi::db_version(std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut());
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open() -> (tempfile::TempDir, Env, Database) {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::open(dir.path(), &EnvConfig::default()).unwrap();
        let txn = env.begin(TxnFlags::default()).unwrap();
        let db = Database::open_btree(&env, &txn, "t.db", PageSize::new(4096)).unwrap();
        txn.commit().unwrap();
        (dir, env, db)
    }

    #[test]
    fn log_distance_counts_the_bytes_written_across_log_files() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = EnvConfig { log_file_bytes: 64 << 10, ..EnvConfig::default() };
        let env = Env::open(dir.path(), &cfg).unwrap();
        let txn = env.begin(TxnFlags::default()).unwrap();
        let db = Database::open_btree(&env, &txn, "t.db", PageSize::new(4096)).unwrap();
        txn.commit().unwrap();
        let before = env.current_lsn().unwrap();
        for i in 0..100u32 {
            let txn = env.begin(TxnFlags::default()).unwrap();
            db.put(&txn, &i.to_be_bytes(), &[1; 4000]).unwrap();
            txn.commit().unwrap();
        }
        let after = env.current_lsn().unwrap();
        assert!(after.file >= before.file + 5, "400 KB crossed several 64 KiB files: {before:?} → {after:?}");
        let d = env.log_distance(before, after).unwrap();
        assert!((400_000..600_000).contains(&d), "{d} bytes for 100 records of 4000 bytes");
        assert_eq!(env.log_distance(after, before).unwrap(), 0);
    }

    fn log_file(dir: &std::path::Path, number: u32) -> std::path::PathBuf {
        dir.join(super::env::log_file_name(number))
    }

    fn is_zeros(path: &std::path::Path) -> bool {
        std::fs::read(path).unwrap().iter().all(|&b| b == 0)
    }

    #[test]
    fn a_prepared_log_file_is_taken_up_by_the_log_and_recovery_ignores_it() {
        use std::os::unix::fs::MetadataExt as _;
        let dir = tempfile::tempdir().unwrap();
        let cfg = EnvConfig { log_file_bytes: 64 << 10, auto_remove_logs: false, ..EnvConfig::default() };
        let open = || {
            let env = Env::open(dir.path(), &cfg).unwrap();
            let txn = env.begin(TxnFlags::default()).unwrap();
            let db = Database::open_btree(&env, &txn, "t.db", PageSize::new(4096)).unwrap();
            txn.commit().unwrap();
            (env, db)
        };
        let (env, db) = open();
        let first = env.current_lsn().unwrap().file;
        let next = log_file(dir.path(), first + 1);
        assert_eq!(env.prepare_next_log_file(u64::MAX).unwrap(), None, "no room for it");
        assert!(!next.exists());
        assert_eq!(env.prepare_next_log_file(0).unwrap(), Some(first + 1));
        let prepared = std::fs::metadata(&next).unwrap();
        assert_eq!(prepared.len(), 64 << 10);
        assert!(is_zeros(&next));
        assert_eq!(env.prepare_next_log_file(0).unwrap(), None, "the next file exists already");

        // The log switches into the prepared file and writes over its zeros.
        let mut written = 0u32;
        while env.current_lsn().unwrap().file == first || written < 25 {
            let txn = env.begin(TxnFlags::default()).unwrap();
            db.put(&txn, &written.to_be_bytes(), &[7; 3000]).unwrap();
            txn.commit().unwrap();
            written += 1;
        }
        assert_eq!(env.current_lsn().unwrap().file, first + 1, "{written} records");
        let taken = std::fs::metadata(&next).unwrap();
        assert_eq!((taken.dev(), taken.ino()), (prepared.dev(), prepared.ino()), "the same file");
        assert_eq!(taken.len(), 64 << 10);
        assert!(!is_zeros(&next), "the log wrote into the prepared file");

        // Recovery with a prepared, unwritten file after the end of the log:
        // Berkeley DB's recovery removes it, and every commit is there.
        assert_eq!(env.prepare_next_log_file(0).unwrap(), Some(first + 2));
        drop(db);
        drop(env);
        let (env, db) = open();
        assert_eq!(env.current_lsn().unwrap().file, first + 1);
        assert!(!log_file(dir.path(), first + 2).exists(), "recovery removes the files after the log's end");
        for i in 0..written {
            assert_eq!(db.get(None, &i.to_be_bytes(), false).unwrap().as_deref(), Some(&[7u8; 3000][..]), "key {i}");
        }
    }

    /// Patch 0021's checks, under the log region lock: only the file after
    /// the current one is named, only while the current one is on disk, and
    /// never over a file that exists.
    #[test]
    fn berkeley_db_names_a_prepared_file_only_as_the_next_one() {
        use std::os::unix::fs::OpenOptionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let cfg = EnvConfig { log_file_bytes: 64 << 10, auto_remove_logs: false, ..EnvConfig::default() };
        let env = Env::open(dir.path(), &cfg).unwrap();
        let txn = env.begin(TxnFlags::default()).unwrap();
        let db = Database::open_btree(&env, &txn, "t.db", PageSize::new(4096)).unwrap();
        txn.commit().unwrap();
        let current = env.current_lsn().unwrap().file;
        let unnamed = || {
            std::fs::OpenOptions::new().write(true).mode(0o600).custom_flags(libc::O_TMPFILE).open(dir.path()).unwrap()
        };
        for wrong in [current - 1, current, current + 2] {
            assert!(!env.link_log_file(&unnamed(), wrong).unwrap(), "file {wrong} is not the next one");
            assert!(wrong == current || !log_file(dir.path(), wrong).exists(), "file {wrong} was named");
        }
        // The next file's name taken: what stands there stays.
        std::fs::write(log_file(dir.path(), current + 1), b"theirs").unwrap();
        assert!(!env.link_log_file(&unnamed(), current + 1).unwrap());
        assert_eq!(std::fs::read(log_file(dir.path(), current + 1)).unwrap(), b"theirs");
        std::fs::remove_file(log_file(dir.path(), current + 1)).unwrap();
        // The current file missing (an internal init's removal under way):
        // nothing is named.
        let held = dir.path().join("held");
        std::fs::rename(log_file(dir.path(), current), &held).unwrap();
        assert!(!env.link_log_file(&unnamed(), current + 1).unwrap());
        assert!(!log_file(dir.path(), current + 1).exists());
        std::fs::rename(&held, log_file(dir.path(), current)).unwrap();
        assert!(env.link_log_file(&unnamed(), current + 1).unwrap());
        assert!(log_file(dir.path(), current + 1).exists());
        drop(db);
    }

    #[test]
    fn committed_writes_are_read_back_and_aborted_ones_vanish() {
        let (_dir, env, db) = open();
        let txn = env.begin(TxnFlags::default()).unwrap();
        db.put(&txn, b"a", b"1").unwrap();
        let done = txn.commit_with_token().unwrap();
        assert_ne!(done.token.0, [0u8; 20]);
        assert!(done.acknowledged, "standalone commits need no acknowledgement");
        let txn = env.begin(TxnFlags::default()).unwrap();
        db.put(&txn, b"b", b"2").unwrap();
        txn.abort().unwrap();
        let txn = env.begin(TxnFlags::default()).unwrap();
        db.put(&txn, b"c", b"3").unwrap();
        drop(txn); // dropped unfinished: aborted
        assert_eq!(db.get(None, b"a", false).unwrap().as_deref(), Some(&b"1"[..]));
        assert_eq!(db.get(None, b"b", false).unwrap(), None);
        assert_eq!(db.get(None, b"c", false).unwrap(), None);
    }

    #[test]
    fn large_values_grow_the_read_buffer() {
        let (_dir, env, db) = open();
        let big: Vec<u8> = (0..300_000u32).map(|i| i as u8).collect();
        let txn = env.begin(TxnFlags::default()).unwrap();
        db.put(&txn, b"big", &big).unwrap();
        db.put(&txn, b"empty", b"").unwrap();
        txn.commit().unwrap();
        assert_eq!(db.get(None, b"big", false).unwrap().unwrap(), big);
        assert_eq!(db.get(None, b"empty", false).unwrap().unwrap(), b"");
    }

    #[test]
    fn cursor_walks_keys_in_byte_order_from_a_seek() {
        let (_dir, env, db) = open();
        let txn = env.begin(TxnFlags::default()).unwrap();
        for k in [&b"b"[..], b"a\x00", b"a", b"\xff", b"ab"] {
            db.put(&txn, k, k).unwrap();
        }
        txn.commit().unwrap();
        let txn = env.begin(TxnFlags::ReadCommitted).unwrap();
        let mut c = db.cursor(&txn).unwrap();
        let mut seen = vec![c.seek_at_or_after(b"a\x00").unwrap().unwrap().0];
        while let Some((k, v)) = c.next_pair().unwrap() {
            assert_eq!(k, v);
            seen.push(k);
        }
        assert_eq!(seen, vec![b"a\x00".to_vec(), b"ab".to_vec(), b"b".to_vec(), b"\xff".to_vec()]);
        assert_eq!(c.seek_at_or_after(b"\xff\x00").unwrap(), None);
        drop(c);
        txn.commit().unwrap();
    }

    #[test]
    fn delete_reports_whether_the_key_existed() {
        let (_dir, env, db) = open();
        let txn = env.begin(TxnFlags::default()).unwrap();
        db.put(&txn, b"k", b"v").unwrap();
        assert!(db.delete(&txn, b"k").unwrap());
        assert!(!db.delete(&txn, b"k").unwrap());
        txn.commit().unwrap();
    }

    #[test]
    fn reopening_runs_recovery_and_keeps_committed_data() {
        let dir = tempfile::tempdir().unwrap();
        {
            let env = Env::open(dir.path(), &EnvConfig::default()).unwrap();
            let txn = env.begin(TxnFlags::default()).unwrap();
            let db = Database::open_btree(&env, &txn, "t.db", PageSize::new(4096)).unwrap();
            db.put(&txn, b"k", b"v").unwrap();
            txn.commit().unwrap();
            env.checkpoint(0).unwrap();
            assert!(env.current_lsn().unwrap() > Lsn::default());
        }
        let env = Env::open(dir.path(), &EnvConfig::default()).unwrap();
        let txn = env.begin(TxnFlags::default()).unwrap();
        let db = Database::open_btree(&env, &txn, "t.db", PageSize::new(4096)).unwrap();
        txn.commit().unwrap();
        assert_eq!(db.get(None, b"k", false).unwrap().as_deref(), Some(&b"v"[..]));
        assert!(!env.log_files().unwrap().is_empty());
    }

    #[test]
    fn a_commit_token_is_applied_at_once_and_a_foreign_one_never() {
        let (_dir, env, db) = open();
        let txn = env.begin(TxnFlags::default()).unwrap();
        db.put(&txn, b"k", b"v").unwrap();
        let token = txn.commit_with_token().unwrap().token;
        env.wait_applied(&token, std::time::Duration::from_millis(10)).unwrap();
        let (_dir2, other, _db2) = open();
        let err = other.wait_applied(&token, std::time::Duration::from_millis(10)).unwrap_err();
        assert!(matches!(err, Error::NotFound | Error::Timeout), "{err:?}");
    }

    #[test]
    fn version_names_berkeley_db_5_3() {
        assert!(version().contains("5.3"), "{}", version());
    }

    /// Patch 0024 computes the log records' checksum (`__ham_func4`) eight
    /// bytes a step. Its value must be stock 5.3's, `h = h * 33 + byte`
    /// over the bytes (modulo 2^32): a log written before the patch, or by
    /// a site without it, is read with it. Every length up to 520 (each
    /// remainder of eight, past several steps) and a 1 MiB record.
    #[test]
    fn the_log_checksum_is_stock_berkeley_dbs() {
        unsafe extern "C" {
            fn __ham_func4(dbp: *mut libdb_sys::ffi::DB, key: *const std::ffi::c_void, len: u32) -> u32;
        }
        let stock = |data: &[u8]| data.iter().fold(0u32, |h, &b| h.wrapping_mul(33).wrapping_add(u32::from(b)));
        let patched = |data: &[u8]| {
            // SAFETY: __ham_func4 reads `len` bytes from `key` and nothing
            // else; a null DB is allowed (the checksum passes one).
            unsafe { __ham_func4(std::ptr::null_mut(), data.as_ptr().cast(), data.len() as u32) }
        };
        let mut rng = fastrand::Rng::with_seed(0x5eed);
        let bytes: Vec<u8> = (0..(1 << 20)).map(|_| rng.u8(..)).collect();
        for len in 0..=520 {
            let start = rng.usize(..1000);
            let data = &bytes[start..start + len];
            assert_eq!(patched(data), stock(data), "length {len}");
        }
        assert_eq!(patched(&bytes), stock(&bytes));
        assert_eq!(patched(&[0xff; 64]), stock(&[0xff; 64]));
        // Stock 5.3's value for "Berkeley DB" (11 bytes: one step of eight,
        // then three one by one).
        assert_eq!(patched(b"Berkeley DB"), 0xfb0d_fb39);
    }
}

#[cfg(test)]
mod rep_tests;
