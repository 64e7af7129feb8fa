//! The Berkeley DB environment: one per data dir, shared by every thread.
//!
//! Opened transactional (TXN + LOCK + LOG + MPOOL), free-threaded
//! (`DB_THREAD`) and always with `DB_RECOVER`: normal recovery is cheap after
//! a clean close and is what makes a SIGKILL safe. Recovery needs exclusive
//! access, so the caller must hold the data dir's lock file (the store does).
//! Deadlocks are detected on every lock conflict (`DB_LOCK_DEFAULT`), and log
//! files that no checkpoint needs any more are removed automatically.
//!
//! The shared regions (cache, locks, log buffer, replication state) live in
//! process memory (`DB_PRIVATE`), not in `__db.00N` files mapped from the
//! data dir: one process owns a data dir anyway (the lock file), recovery
//! on open rebuilds the regions either way, and a file-backed region on a
//! full filesystem kills the process with SIGBUS the moment it grows (the
//! fault suite's full-disk test met exactly that). The price: Berkeley DB's
//! command-line tools (`db_stat -e`, ...) cannot attach to a running site.
//!
//! The replication calls (repmgr sites, events, commit-token waits) will hang
//! off this same handle: `EnvInner::raw` is what they need.

use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_void};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::ptr::{self, NonNull};
use std::sync::Arc;
use std::time::Duration;

use libdb_sys::ffi;

use super::error::{Error, Result, check};
use super::events::EventSink;
use super::repmgr::{self, RepConfig};
use super::txn::{CommitToken, OwnedTxn, Txn, TxnFlags};

/// Calls a method of a C handle through its function-pointer table.
macro_rules! call {
    ($handle:expr, $method:ident $(, $arg:expr)* $(,)?) => {{
        let h = $handle;
        let f = (*h).$method.expect(concat!("Berkeley DB handle lacks ", stringify!($method)));
        f(h $(, $arg)*)
    }};
}
pub(crate) use call;

/// What [`Env::stats`] counts, each since the environment was opened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EnvStats {
    /// Page requests the buffer pool answered from memory, and those that
    /// read the page from disk.
    pub cache_hits: u64,
    pub cache_misses: u64,
    /// Lock requests that had to wait, and deadlocks broken.
    pub lock_waits: u64,
    pub deadlocks: u64,
    /// Bytes written to the log.
    pub log_bytes: u64,
    /// Times the log was flushed to disk (an fdatasync each, unless
    /// `sync` says otherwise).
    pub log_flushes: u64,
    /// As a replica (`rep_stat`; zero where replication never started):
    /// log records received from the master; those that arrived ahead of
    /// a gap and waited in Berkeley DB's temporary database for the
    /// records before them; and the records this site asked the master
    /// for again (a gap that lasted).
    pub rep_log_records: u64,
    pub rep_log_queued: u64,
    pub rep_log_requested: u64,
}

/// When a commit reaches the disk (`[storage] sync`; docs/performance.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SyncPolicy {
    /// A commit returns once its log records are fsynced. A replication
    /// client also fsyncs each transaction it applies before acknowledging.
    #[default]
    Fsync,
    /// A master's commit writes its log records to the operating system
    /// but does not fsync them (`DB_TXN_WRITE_NOSYNC`): a crash of the
    /// process loses nothing, a crash of the machine may lose the last
    /// commits. Clients apply as with `Fsync` (Berkeley DB skips their
    /// flush only for `None`).
    WriteNoSync,
    /// Commits stay in the log buffer until it fills or a checkpoint
    /// (`DB_TXN_NOSYNC`); clients acknowledge from memory. Durable only
    /// through replication: a write survives as long as one of the sites
    /// that acknowledged it stays up.
    None,
}

/// Sizes and policies of a new environment. Defaults suit one machine.
#[derive(Debug, Clone)]
pub struct EnvConfig {
    /// Shared-memory buffer pool (page cache).
    pub cache_bytes: u64,
    /// In-memory log buffer; a commit flushes it.
    pub log_buffer_bytes: u32,
    /// Size at which a log file is closed and the next one started.
    pub log_file_bytes: u32,
    /// Concurrent transactions the region is sized for.
    pub max_txns: u32,
    /// When commits reach the disk.
    pub sync: SyncPolicy,
    /// Remove log files no longer needed for recovery at each checkpoint.
    pub auto_remove_logs: bool,
    /// Join a replication group (adds `DB_INIT_REP`); `None`: standalone.
    pub replication: Option<RepConfig>,
    /// Run catastrophic recovery (`DB_RECOVER_FATAL`: replay every log file
    /// present) instead of normal recovery; what a restored backup needs.
    pub recover_fatal: bool,
}

impl Default for EnvConfig {
    fn default() -> Self {
        EnvConfig {
            cache_bytes: 64 << 20,
            log_buffer_bytes: 4 << 20,
            log_file_bytes: 16 << 20,
            max_txns: 1024,
            sync: SyncPolicy::Fsync,
            auto_remove_logs: true,
            replication: None,
            recover_fatal: false,
        }
    }
}

/// A log sequence number: a position in the transaction log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Lsn {
    pub file: u32,
    pub offset: u32,
}

impl Lsn {
    /// Packs the LSN into one integer that keeps its order.
    pub fn as_u64(self) -> u64 {
        (u64::from(self.file) << 32) | u64::from(self.offset)
    }
}

/// An open environment. Cheap to clone; the C handle closes when the last
/// clone (and every database opened in it) is gone.
#[derive(Clone)]
pub struct Env {
    pub(super) inner: Arc<EnvInner>,
}

pub(super) struct EnvInner {
    ptr: NonNull<ffi::DB_ENV>,
    home: PathBuf,
    replicated: bool,
    /// `repmgr_start` has succeeded once: the group size is known.
    pub(super) rep_started: std::sync::atomic::AtomicBool,
    // The env's `app_private` points here; freed only after the env closes.
    _events: Option<Box<EventSink>>,
    // The replication transport the C hooks point to; also freed only
    // after the env closes (field order: after `ptr`'s close in Drop).
    _transport: Option<super::repmgr::TransportBox>,
}

// SAFETY: the environment is opened with DB_THREAD, which makes the DB_ENV
// handle free-threaded: Berkeley DB serialises access to its shared state
// with its own mutexes, so the handle may be used from any thread at once.
unsafe impl Send for EnvInner {}
// SAFETY: as above (DB_THREAD).
unsafe impl Sync for EnvInner {}

impl EnvInner {
    pub(super) fn raw(&self) -> *mut ffi::DB_ENV {
        self.ptr.as_ptr()
    }
}

impl Drop for EnvInner {
    fn drop(&mut self) {
        // SAFETY: we own the handle; every Database holds an Arc to us, so
        // all of them are closed already, and no Txn outlives `&Env`.
        let rc = unsafe { call!(self.ptr.as_ptr(), close, 0) };
        if let Err(err) = check(rc) {
            tracing::error!(home = %self.home.display(), %err, "closing the Berkeley DB environment failed");
        }
    }
}

impl Env {
    /// Opens (creating if needed) the environment in `home`, running normal
    /// recovery. The caller must have exclusive use of `home`.
    ///
    /// A `DB_CONFIG` file in `home` is refused: Berkeley DB would let it
    /// silently override Fish's settings (ack policy, timeouts, sizes).
    pub fn open(home: &Path, cfg: &EnvConfig) -> Result<Env> {
        let db_config = home.join("DB_CONFIG");
        if db_config.exists() {
            return Err(Error::Os {
                errno: libc::EEXIST,
                message: format!(
                    "{} exists; Fish refuses it because it would silently override the settings in Fish's config file. Move it away.",
                    db_config.display()
                ),
            });
        }
        super::polling::install(cfg.replication.as_ref().is_some_and(|rep| rep.lease.is_some()));
        let mut raw: *mut ffi::DB_ENV = ptr::null_mut();
        // SAFETY: db_env_create writes a new handle into `raw` or fails.
        check(unsafe { ffi::db_env_create(&mut raw, 0) })?;
        let ptr = NonNull::new(raw).expect("db_env_create returned success and a null handle");
        // From here on the handle is owned: any failure must close it.
        let events = cfg.replication.as_ref().map(|rep| Box::new(EventSink::new(rep.events.clone())));
        let sink_ptr = events.as_deref().map_or(ptr::null_mut(), |s| s as *const EventSink as *mut c_void);
        let transport: Option<super::repmgr::TransportBox> =
            cfg.replication.as_ref().and_then(|rep| rep.transport.clone()).map(Box::new);
        let owned = EnvInner {
            ptr,
            home: home.to_path_buf(),
            replicated: cfg.replication.is_some(),
            rep_started: std::sync::atomic::AtomicBool::new(false),
            _events: events,
            _transport: transport,
        };
        // SAFETY: `raw` is a fresh, unopened handle that only this thread
        // sees; the sink outlives it (dropped after close, in EnvInner).
        unsafe {
            (*raw).app_private = sink_ptr;
            configure(raw, cfg)?;
            if let Some(rep) = &cfg.replication {
                repmgr::configure(raw, rep, owned._transport.as_ref())?;
            }
        }
        let c_home = path_to_cstring(home)?;
        let flags = ffi::DB_CREATE
            | ffi::DB_INIT_TXN
            | ffi::DB_INIT_LOCK
            | ffi::DB_INIT_LOG
            | ffi::DB_INIT_MPOOL
            | ffi::DB_THREAD
            | ffi::DB_PRIVATE
            | if cfg.recover_fatal { ffi::DB_RECOVER_FATAL } else { ffi::DB_RECOVER }
            | if cfg.replication.is_some() { ffi::DB_INIT_REP } else { 0 };
        // SAFETY: valid handle and NUL-terminated path; on failure the handle
        // must still be closed, which dropping `owned` does.
        check(unsafe { call!(raw, open, c_home.as_ptr(), flags, 0o600) })?;
        Ok(Env { inner: Arc::new(owned) })
    }

    /// True when this environment is a site of a replication group.
    pub fn is_replicated(&self) -> bool {
        self.inner.replicated
    }

    /// The directory this environment lives in.
    pub fn home(&self) -> &Path {
        &self.inner.home
    }

    /// Writes `note` into the log as part of `txn` (`DB_ENV->log_printf`, a
    /// debug record that recovery and replicas skip). A transaction holding
    /// only a note locks no page, yet its commit is a permanent record that
    /// the replicas acknowledge: a read barrier. Fails on a replication
    /// client (which may not write to the log).
    pub fn log_note(&self, txn: &super::Txn<'_>, note: &CStr) -> Result<()> {
        // SAFETY: valid environment and live transaction; the format is a
        // constant "%s" and its one argument a NUL-terminated string that
        // outlives the call (Berkeley DB copies it into the log record).
        check(unsafe { call!(self.inner.raw(), log_printf, txn.raw(), c"%s".as_ptr(), note.as_ptr()) })
    }

    /// Begins a transaction. Several may be open at once from many threads.
    pub fn begin(&self, flags: TxnFlags) -> Result<Txn<'_>> {
        Txn::begin(self, flags)
    }

    /// Begins a transaction that holds the environment open itself, for
    /// keeping across calls.
    pub fn begin_owned(&self, flags: TxnFlags) -> Result<OwnedTxn> {
        OwnedTxn::begin(self, flags)
    }

    /// Writes a checkpoint if at least `min_kbytes` of log were written since
    /// the last one (0 forces one). With auto-removal on, log files older
    /// than the checkpoint go away afterwards.
    pub fn checkpoint(&self, min_kbytes: u32) -> Result<()> {
        let flags = if min_kbytes == 0 { ffi::DB_FORCE } else { 0 };
        // SAFETY: valid open handle; txn_checkpoint is thread-safe.
        check(unsafe { call!(self.inner.raw(), txn_checkpoint, min_kbytes, 0, flags) })
    }

    /// The end of the log right now: every record written so far is below it.
    pub fn current_lsn(&self) -> Result<Lsn> {
        let mut sp: *mut ffi::DB_LOG_STAT = ptr::null_mut();
        // SAFETY: valid open handle; on success `sp` points to a malloc'd
        // struct that we read and then free exactly once.
        unsafe {
            check(call!(self.inner.raw(), log_stat, &mut sp, 0))?;
            let lsn = Lsn { file: (*sp).st_cur_file, offset: (*sp).st_cur_offset };
            libc::free(sp.cast());
            Ok(lsn)
        }
    }

    /// Counters of the buffer pool, the lock table and the log since the
    /// environment was opened (`memp_stat`, `lock_stat`, `log_stat`).
    pub fn stats(&self) -> Result<EnvStats> {
        let h = self.inner.raw();
        let mut mp: *mut ffi::DB_MPOOL_STAT = ptr::null_mut();
        let mut lk: *mut ffi::DB_LOCK_STAT = ptr::null_mut();
        let mut lg: *mut ffi::DB_LOG_STAT = ptr::null_mut();
        // SAFETY: valid open handle; each call, on success, makes its
        // pointer a malloc'd struct that is read and then freed exactly
        // once (the per-file array is not asked for: null).
        unsafe {
            check(call!(h, memp_stat, &mut mp, ptr::null_mut(), 0))?;
            let (cache_hits, cache_misses) = ((*mp).st_cache_hit as u64, (*mp).st_cache_miss as u64);
            libc::free(mp.cast());
            check(call!(h, lock_stat, &mut lk, 0))?;
            let (lock_waits, deadlocks) = ((*lk).st_lock_wait as u64, (*lk).st_ndeadlocks as u64);
            libc::free(lk.cast());
            check(call!(h, log_stat, &mut lg, 0))?;
            let log_bytes = u64::from((*lg).st_w_mbytes) * (1 << 20) + u64::from((*lg).st_w_bytes);
            let log_flushes = (*lg).st_scount as u64;
            libc::free(lg.cast());
            let mut stats = EnvStats {
                cache_hits,
                cache_misses,
                lock_waits,
                deadlocks,
                log_bytes,
                log_flushes,
                ..EnvStats::default()
            };
            let mut rp: *mut ffi::DB_REP_STAT = ptr::null_mut();
            // Not asked of a standalone environment: Berkeley DB would
            // log that it lacks the replication subsystem at each scrape.
            if self.inner.replicated && check(call!(h, rep_stat, &mut rp, 0)).is_ok() {
                stats.rep_log_records = (*rp).st_log_records as u64;
                stats.rep_log_queued = (*rp).st_log_queued_total as u64;
                stats.rep_log_requested = (*rp).st_log_requested as u64;
                libc::free(rp.cast());
            }
            Ok(stats)
        }
    }

    /// Bytes of log between `from` and `to` (0 if `to` is not past `from`),
    /// counting each log file in between as full-sized.
    pub fn log_distance(&self, from: Lsn, to: Lsn) -> Result<u64> {
        let file_bytes = self.log_file_bytes()?;
        if to <= from {
            return Ok(0);
        }
        let whole_files = u64::from(to.file - from.file) * u64::from(file_bytes);
        Ok((whole_files + u64::from(to.offset)).saturating_sub(u64::from(from.offset)))
    }

    /// The size at which a log file is closed and the next one started.
    fn log_file_bytes(&self) -> Result<u32> {
        let mut file_bytes: u32 = 0;
        // SAFETY: valid open handle; writes one u32.
        check(unsafe { call!(self.inner.raw(), get_lg_max, &mut file_bytes) })?;
        Ok(file_bytes)
    }

    /// Waits up to `timeout` until the transaction behind `token` is applied
    /// in this environment. `Ok(())` once it is (or if it wrote nothing);
    /// `Err(Timeout)` if not yet; `Err(NotFound)` if it never will be here
    /// (a token of another environment, or of a rolled-back transaction).
    pub fn wait_applied(&self, token: &CommitToken, timeout: Duration) -> Result<()> {
        let mut buf = ffi::DB_TXN_TOKEN { buf: token.0 };
        let micros = u32::try_from(timeout.as_micros()).unwrap_or(u32::MAX);
        // SAFETY: valid open handle; the token buffer lives across the call.
        match check(unsafe { call!(self.inner.raw(), txn_applied, &mut buf, micros, 0) }) {
            Err(Error::KeyEmpty) => Ok(()),
            other => other,
        }
    }

    /// Hot backup into `target` (created if missing, emptied of an earlier
    /// backup's files first): every database file, then every log file, while
    /// writers go on. Berkeley DB keeps log files from being removed while it
    /// runs. The copy is consistent only after catastrophic recovery
    /// (`EnvConfig::recover_fatal`), which replays the copied logs over the
    /// copied databases.
    pub fn backup(&self, target: &Path) -> Result<()> {
        let c_target = path_to_cstring(target)?;
        let flags = ffi::DB_CREATE | ffi::DB_BACKUP_CLEAN;
        // SAFETY: valid open handle and NUL-terminated path; backup is
        // thread-safe (it enters the environment like any API call).
        check(unsafe { call!(self.inner.raw(), backup, c_target.as_ptr(), flags) })
    }

    /// Removes database file `file` in its own transaction; `Ok(false)` if
    /// there was none.
    pub fn remove_database(&self, file: &str) -> Result<bool> {
        let c_file = CString::new(file)
            .map_err(|_| Error::Os { errno: libc::EINVAL, message: format!("{file:?} contains a NUL byte") })?;
        // SAFETY: valid open handle, NUL-terminated name; DB_AUTO_COMMIT
        // wraps the removal in a transaction of its own.
        match check(unsafe {
            call!(self.inner.raw(), dbremove, ptr::null_mut(), c_file.as_ptr(), ptr::null(), ffi::DB_AUTO_COMMIT)
        }) {
            Ok(()) => Ok(true),
            Err(Error::NotFound) => Ok(false),
            Err(Error::Os { errno: libc::ENOENT, .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Writes the log file after the current one before Berkeley DB needs
    /// it: full-sized, zero-filled and on disk. Commits that later fill it
    /// overwrite blocks the filesystem already holds, so each commit's
    /// fdatasync flushes the data alone; into a fresh file it also journals
    /// the blocks it allocates (docs/performance.md has the figures).
    ///
    /// Berkeley DB itself treats such a file as a log file whose header is
    /// not written yet (`__log_valid`: `DB_LV_INCOMPLETE`): recovery skips
    /// it, the log switch opens it without truncating (`__log_newfh`), and
    /// reading stops at the first zero record header, as in the sparse
    /// files Berkeley DB makes itself (`__db_file_extend`). `DB_LOG_ZERO`
    /// does the same zeroing, but on the commit path of the switch.
    ///
    /// The file is written unnamed (`O_TMPFILE`), and Berkeley DB names it
    /// (`DB_ENV->log_link_next`, patch 0021) under its log region lock,
    /// only if it is still the next file, the current file is on disk and
    /// the name is free. A crash leaves no half-written file, a file
    /// Berkeley DB created meanwhile is never replaced, and a client's
    /// internal init (which removes the log, this file with it, and
    /// restarts at the master's file number) never finds one left below
    /// its new first file. Returns the number of the file named, if one
    /// was: none if there is no log yet, the next file exists, the log
    /// moved on, fewer than `min_free` bytes would stay free, or the
    /// filesystem cannot make unnamed files.
    ///
    /// Test-only since the log-ahead thread that called it was taken out
    /// (docs/performance.md): it is patch 0021's Rust side, kept proved for
    /// when the thread returns.
    #[cfg(test)]
    pub(super) fn prepare_next_log_file(&self, min_free: u64) -> Result<Option<u32>> {
        use std::io::Write as _;
        use std::os::unix::fs::OpenOptionsExt as _;

        let current = self.current_lsn()?;
        if current.file == 0 {
            return Ok(None);
        }
        let home = self.home();
        let number = current.file + 1;
        // Cheap hints only, to spare writing a file that would be refused:
        // Berkeley DB checks both again under its lock.
        let next = home.join(log_file_name(number));
        if next.exists() || !home.join(log_file_name(current.file)).exists() {
            return Ok(None);
        }
        let file_bytes = self.log_file_bytes()?;
        let os = |what: &str, err: std::io::Error| Error::io(format!("{what} {}", next.display()), &err);
        if let Ok(st) = nix::sys::statvfs::statvfs(home) {
            let free = st.blocks_available() * st.fragment_size();
            if free < min_free.saturating_add(u64::from(file_bytes)) {
                return Ok(None);
            }
        }
        let mut file =
            match std::fs::OpenOptions::new().write(true).mode(0o600).custom_flags(libc::O_TMPFILE).open(home) {
                Ok(file) => file,
                Err(err) if matches!(err.raw_os_error(), Some(libc::EOPNOTSUPP | libc::EISDIR)) => return Ok(None),
                Err(err) => return Err(os("preparing", err)),
            };
        const CHUNK: usize = 1 << 20;
        let zeros = vec![0u8; CHUNK];
        let mut left = file_bytes as usize;
        while left > 0 {
            let n = left.min(CHUNK);
            file.write_all(&zeros[..n]).map_err(|e| os("zero-filling", e))?;
            left -= n;
        }
        file.sync_data().map_err(|e| os("syncing", e))?;
        Ok(self.link_log_file(&file, number)?.then_some(number))
    }

    /// Asks Berkeley DB to name `file`, an unnamed file, log file `number`
    /// (`DB_ENV->log_link_next`): true if it did; false if `number` is not
    /// the file after the current one, the current file is missing or the
    /// name is taken (then `file` vanishes when it is closed).
    #[cfg(test)]
    pub(super) fn link_log_file(&self, file: &std::fs::File, number: u32) -> Result<bool> {
        use std::os::unix::io::AsRawFd as _;
        // SAFETY: valid open handle; the descriptor stays open (borrowed
        // from `file`) for the call, which only links it.
        match check(unsafe { call!(self.inner.raw(), log_link_next, file.as_raw_fd(), number) }) {
            Ok(()) => Ok(true),
            Err(Error::KeyExist) => Ok(false),
            Err(err) => Err(err),
        }
    }

    /// Log files currently on disk (for status and for tests of log growth).
    pub fn log_files(&self) -> Result<Vec<PathBuf>> {
        let mut list: *mut *mut c_char = ptr::null_mut();
        // SAFETY: valid handle; DB_ARCH_LOG|DB_ARCH_ABS returns a malloc'd,
        // NULL-terminated array of C strings (one allocation), or NULL.
        unsafe {
            match check(call!(self.inner.raw(), log_archive, &mut list, ffi::DB_ARCH_LOG | ffi::DB_ARCH_ABS)) {
                // A log with no record yet (a site that has not joined):
                // Berkeley DB finds no last record to list up to.
                Err(Error::NotFound) => return Ok(Vec::new()),
                other => other?,
            }
            let mut out = Vec::new();
            if !list.is_null() {
                let mut p = list;
                while !(*p).is_null() {
                    out.push(PathBuf::from(CStr::from_ptr(*p).to_string_lossy().into_owned()));
                    p = p.add(1);
                }
                libc::free(list.cast());
            }
            Ok(out)
        }
    }
}

/// Berkeley DB's name for log file `number` (`__log_name`).
#[cfg(test)]
pub(super) fn log_file_name(number: u32) -> String {
    format!("log.{number:010}")
}

/// Applies `cfg` to an unopened handle.
///
/// # Safety
/// `raw` must be a valid DB_ENV handle that has not been opened yet.
unsafe fn configure(raw: *mut ffi::DB_ENV, cfg: &EnvConfig) -> Result<()> {
    // SAFETY: per this function's contract; every setter below is legal
    // before DB_ENV->open.
    unsafe {
        call!(raw, set_errcall, Some(on_error));
        call!(raw, set_msgcall, Some(on_message));
        // Berkeley DB's own trace of replication (fishd(8), ENVIRONMENT).
        if std::env::var_os("FISH_BDB_VERBOSE").is_some() {
            call!(raw, set_verbose, ffi::DB_VERB_REPLICATION, 1);
        }
        let gb = (cfg.cache_bytes >> 30) as u32;
        let bytes = (cfg.cache_bytes & ((1 << 30) - 1)) as u32;
        check(call!(raw, set_cachesize, gb, bytes, 1))?;
        check(call!(raw, set_lg_bsize, cfg.log_buffer_bytes))?;
        check(call!(raw, set_lg_max, cfg.log_file_bytes))?;
        check(call!(raw, set_lk_detect, ffi::DB_LOCK_DEFAULT))?;
        check(call!(raw, set_tx_max, cfg.max_txns))?;
        // Every transaction holds a locker and a few locks per page it
        // touches; size the lock tables for many concurrent writers.
        check(call!(raw, set_lk_max_lockers, cfg.max_txns * 4))?;
        check(call!(raw, set_lk_max_locks, cfg.max_txns * 64))?;
        check(call!(raw, set_lk_max_objects, cfg.max_txns * 64))?;
        if cfg.auto_remove_logs {
            check(call!(raw, log_set_config, ffi::DB_LOG_AUTO_REMOVE, 1))?;
        }
        match cfg.sync {
            SyncPolicy::Fsync => {}
            SyncPolicy::WriteNoSync => check(call!(raw, set_flags, ffi::DB_TXN_WRITE_NOSYNC, 1))?,
            SyncPolicy::None => check(call!(raw, set_flags, ffi::DB_TXN_NOSYNC, 1))?,
        }
    }
    Ok(())
}

pub(super) fn path_to_cstring(path: &Path) -> Result<CString> {
    CString::new(path.as_os_str().as_bytes())
        .map_err(|_| Error::Os { errno: libc::EINVAL, message: format!("path {} contains a NUL byte", path.display()) })
}

/// Berkeley DB's error messages become log events. Must not unwind into C.
unsafe extern "C" fn on_error(_env: *const ffi::DB_ENV, prefix: *const c_char, msg: *const c_char) {
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: Berkeley DB passes NUL-terminated strings (prefix may be null).
        let text = unsafe { c_text(msg) };
        let prefix = unsafe { c_text(prefix) };
        LAST_ERROR.with(|last| *last.borrow_mut() = Some(text.to_string()));
        // BDB3509 (a transaction) and BDB3504 (any other call, such as
        // `log_stat`): "Operation locked out" — expected during role
        // changes with DB_REP_CONF_NOWAIT; the caller retries.
        if text.starts_with("BDB3509") || text.starts_with("BDB3504") {
            tracing::debug!(target: "fish::bdb", prefix, "{text}");
        } else {
            tracing::warn!(target: "fish::bdb", prefix, "{text}");
        }
    });
}

thread_local! {
    /// The last message Berkeley DB reported on this thread (`on_error`):
    /// the reason behind a bare EINVAL.
    static LAST_ERROR: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Takes the last message Berkeley DB reported on this thread, if any.
pub(super) fn take_last_error() -> Option<String> {
    LAST_ERROR.with(|last| last.borrow_mut().take())
}

/// Informational messages (statistics, verbose output) at debug level.
unsafe extern "C" fn on_message(_env: *const ffi::DB_ENV, msg: *const c_char) {
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: as in `on_error`.
        let text = unsafe { c_text(msg) };
        tracing::debug!(target: "fish::bdb", "{text}");
    });
}

/// # Safety
/// `p` is null or a valid NUL-terminated string.
unsafe fn c_text(p: *const c_char) -> String {
    if p.is_null() {
        String::new()
    } else {
        // SAFETY: per the contract above.
        unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
    }
}
