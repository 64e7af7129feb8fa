//! The key-value store on top of [`crate::bdb`]: versions, conditions,
//! ordered listing and multi-operation transactions. Knows nothing of HTTP.
//!
//! Each key's record carries its own version (see [`record`]), so
//! concurrent writers of different keys share no record and Berkeley DB's
//! page locks are the only contention. Versions are per key and strictly
//! increase over the key's whole history, deletes included: an update
//! takes the previous version + 1, and a create takes the current end of
//! the log (an LSN packed in a u64), which is past every record any earlier
//! incarnation of the key was written at. So an ETag from before a delete
//! can never match the re-created key.
//!
//! Every write is one Berkeley DB transaction committed with a synchronous
//! log flush: when a method returns `Ok`, the change is on disk (and, in a
//! replication group, acknowledged as the ack policy requires; otherwise
//! the write fails with `NotAcknowledged`). Transactions chosen as deadlock
//! victims, or hit by a replication lockout, are retried a bounded number of
//! times.
//!
//! In a replication group the database handles are opened lazily: a master
//! (or a standalone site) creates the databases; a client waits for the
//! master's copies to arrive (`NotReady` until then). Handles invalidated by
//! a role change or an internal init (`DB_REP_HANDLE_DEAD`) are reopened.
//! Besides `kv.db`, the group shares `fish.meta.db`, which the KV API cannot
//! reach: the master publishes its HTTP address there; and `changes.db`,
//! the change log that watch is built on ([`changes`], [`feed`]): every
//! writing transaction logs its changes there under consecutive revisions.

pub mod backup;
mod batch;
pub mod changes;
mod dirlock;
pub mod feed;
pub mod leases;
mod maintenance;
mod readers;
pub mod record;

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

pub use crate::bdb::CommitToken;
use crate::bdb::{self, Database, Env, EnvConfig, PageSize, Txn, TxnFlags};
use crate::config::{Config, SyncPolicy};
use dirlock::DirLock;
pub use dirlock::LockError;
use maintenance::Maintenance;

/// Longest key, in bytes.
pub const MAX_KEY_BYTES: usize = 1024;
/// Attempts of a transaction that keeps being chosen as a deadlock victim.
const MAX_ATTEMPTS: u32 = 12;
/// How long an operation waits out a replication lockout.
const LOCKOUT_WAIT: Duration = Duration::from_secs(2);

/// A stored value and its version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub value: Vec<u8>,
    pub version: u64,
    /// The lease the key is attached to (0: none).
    pub lease: u64,
}

/// A precondition on a key's current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Condition {
    /// No condition.
    #[default]
    Any,
    /// The key exists at exactly this version (`If-Match: "v"`).
    Version(u64),
    /// The key exists (`If-Match: *`).
    Exists,
    /// The key does not exist (`If-None-Match: *`).
    Absent,
}

impl Condition {
    fn holds(self, current: Option<u64>) -> bool {
        match self {
            Condition::Any => true,
            Condition::Version(v) => current == Some(v),
            Condition::Exists => current.is_some(),
            Condition::Absent => current.is_none(),
        }
    }
}

/// One operation of a transaction.
#[derive(Debug, Clone)]
pub enum Op {
    Get {
        key: Vec<u8>,
    },
    /// `lease`: the lease to attach the key to (0: none; a put without one
    /// detaches the key from the lease it had, as etcd does).
    Put {
        key: Vec<u8>,
        value: Vec<u8>,
        cond: Condition,
        lease: u64,
    },
    Delete {
        key: Vec<u8>,
        cond: Condition,
    },
    Check {
        key: Vec<u8>,
        cond: Condition,
    },
}

impl Op {
    pub fn key(&self) -> &[u8] {
        match self {
            Op::Get { key } | Op::Put { key, .. } | Op::Delete { key, .. } | Op::Check { key, .. } => key,
        }
    }

    fn writes(&self) -> bool {
        matches!(self, Op::Put { .. } | Op::Delete { .. })
    }
}

/// What one operation of a transaction did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpResult {
    Get(Option<Entry>),
    Put { version: u64 },
    Delete { existed: bool },
    Check,
}

/// A committed transaction's results, and its commit token if it wrote.
#[derive(Debug)]
pub struct Committed {
    pub results: Vec<OpResult>,
    pub token: Option<CommitToken>,
}

/// One page of an ordered listing.
#[derive(Debug, Default)]
pub struct Page {
    pub items: Vec<(Vec<u8>, Entry)>,
    /// The key to pass as `start_after` for the next page, if there is one.
    pub next: Option<Vec<u8>>,
}

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("key is empty")]
    EmptyKey,
    #[error(
        "the values this transaction reads add up to {bytes} bytes, over the answer limit of {limit}; nothing was written: read them with separate requests"
    )]
    ResultsTooLarge { bytes: usize, limit: usize },
    #[error("key is {len} bytes; the limit is {MAX_KEY_BYTES}")]
    KeyTooLong { len: usize },
    #[error("{}", describe_condition(*.op, key, *.current))]
    ConditionFailed { op: usize, key: Vec<u8>, current: Option<u64> },
    #[error("key not found")]
    NotFound,
    #[error(
        "Fish-Fence: {:?} is not at version {version} (now: {}): the lock has moved on; nothing was written",
        String::from_utf8_lossy(key),
        current.map_or("absent".to_string(), |v| v.to_string())
    )]
    Fenced { key: Vec<u8>, version: u64, current: Option<u64> },
    #[error("lease {0} not found (it expired, was revoked, or never existed)")]
    LeaseNotFound(u64),
    #[error("lease {lease} already holds {limit} keys ([leases] max_keys_per_lease)")]
    LeaseFull { lease: u64, limit: u64 },
    #[error("{limit} leases exist already ([leases] max_leases); revoke some first")]
    TooManyLeases { limit: u64 },
    #[error("transaction gave up after {MAX_ATTEMPTS} attempts (deadlock victim or replication lockout each time)")]
    Contention,
    #[error("the write is applied on the master but did not get the acknowledgements its ack policy requires")]
    NotAcknowledged { token: CommitToken },
    #[error("the write was queued but its committer is gone (the store is shutting down)")]
    Closed,
    #[error("the batch this write was in failed inside Fish (a bug, logged); it may or may not have been applied")]
    BatchPanicked,
    #[error("this site has no copy of the data yet (it is still joining the group)")]
    NotReady,
    #[error("this site is not the master and cannot write")]
    NotMaster,
    #[error("stored record for key {} is damaged", String::from_utf8_lossy(.0))]
    Corrupt(Vec<u8>),
    #[error(
        "{dir} has {} MiB free, below the reserve of {} MiB ([storage] min_free_mb): writes are refused until space is freed",
        .free >> 20, .reserve >> 20
    )]
    NoSpace { free: u64, reserve: u64, dir: String },
    #[error(
        "{file} is damaged ({source}): restore the site from a backup (docs/backup.md), or for a back-end of a group \
         with other copies, move the data dir away and let the site copy the group's data again"
    )]
    DamagedFile { file: String, source: bdb::Error },
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("a store task failed inside Fish (a bug): {0}")]
    TaskFailed(String),
    #[error("the commit was not applied here within {} ms", .waited.as_millis())]
    NotAppliedYet { waited: Duration },
    #[error("this site will never apply the commit (it belongs to another environment or was rolled back)")]
    NeverApplied,
    #[error("Berkeley DB: {0}")]
    Bdb(#[from] bdb::Error),
}

impl StoreError {
    /// Replication cannot serve this right now (no quorum to join, a lease
    /// ran out, a role change or sync locks the API out, handles went
    /// stale): a retry soon can succeed.
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            StoreError::Bdb(
                bdb::Error::RepUnavail(_)
                    | bdb::Error::RepLeaseExpired
                    | bdb::Error::RepLockout
                    | bdb::Error::RepHandleDead
            )
        )
    }

    /// The file system is full (or over quota).
    pub fn is_disk_full(&self) -> bool {
        matches!(self, StoreError::NoSpace { .. })
            || matches!(self, StoreError::Bdb(bdb::Error::Os { errno, .. }) if *errno == libc::ENOSPC || *errno == libc::EDQUOT)
    }
}

fn describe_condition(op: usize, key: &[u8], current: Option<u64>) -> String {
    let key = String::from_utf8_lossy(key);
    match current {
        Some(v) => format!("condition of op {op} failed: key {key:?} is at version {v}"),
        None => format!("condition of op {op} failed: key {key:?} does not exist"),
    }
}

/// Tuning of a store. Defaults suit one machine.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    pub env: EnvConfig,
    pub checkpoint_every: Duration,
    /// Writes are refused while the data dir's filesystem has less free
    /// space than this (0: never). Berkeley DB cannot fail a master's
    /// commit gracefully on ENOSPC: a failed log write on a replication
    /// master panics the environment ("Write failed on MASTER commit").
    pub min_free_bytes: u64,
    /// The page size of the databases this store creates (an existing
    /// file keeps its own): see [`DEFAULT_PAGE_SIZE`].
    pub page_size: PageSize,
}

/// Pages of 32 KiB: a lookup walks fewer levels of the btree than with the
/// file system's 4 KiB, and takes fewer page latches on the way. Side by
/// side over 100,000 keys, replica reads at 64 connections were 5% faster
/// with 32 KiB pages and 8% with 64 KiB, writes the same or faster; a
/// checkpoint writes whole dirty pages, so with sparse random writes
/// larger pages cost more checkpoint I/O (docs/storage.md).
pub const DEFAULT_PAGE_SIZE: PageSize = match PageSize::new(32 << 10) {
    Some(size) => size,
    None => panic!("32 KiB is a valid page size"),
};

impl StoreOptions {
    /// The options of a site's store, from its `[storage]` settings (the
    /// caller adds replication).
    pub fn for_site(config: &Config) -> StoreOptions {
        let storage = &config.storage;
        let mut opts = StoreOptions::default();
        opts.env.cache_bytes = storage.cache_bytes.unwrap_or_else(|| cache_size_from_data(&config.data_dir));
        opts.env.sync = match storage.sync {
            SyncPolicy::Fsync => bdb::SyncPolicy::Fsync,
            SyncPolicy::WriteNoSync => bdb::SyncPolicy::WriteNoSync,
            SyncPolicy::None => bdb::SyncPolicy::None,
        };
        opts.checkpoint_every = storage.checkpoint_every;
        opts.min_free_bytes = storage.min_free_bytes;
        if let Some(size) = storage.page_size.and_then(PageSize::new) {
            opts.page_size = size;
        }
        opts
    }
}

/// The buffer pool when `[storage] cache_mb` is unset: sized from the data
/// already on disk, so that a restarted site keeps its whole data set in
/// memory (reads then never wait for the disk, and the replica read path
/// runs on the async workers, see `Store::get_now`): the database files
/// plus a quarter, at least 64 MiB, at most a quarter of the machine's
/// memory. A site whose data outgrows its cache gets a bigger one at its
/// next restart.
fn cache_size_from_data(data_dir: &Path) -> u64 {
    const MIN: u64 = 64 << 20;
    let data: u64 = std::fs::read_dir(env_dir(data_dir))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".db"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let pages = nix::unistd::sysconf(nix::unistd::SysconfVar::_PHYS_PAGES).ok().flatten().unwrap_or(0) as u64;
    let page = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE).ok().flatten().unwrap_or(4096) as u64;
    let ceiling = (pages * page / 4).max(MIN);
    let bytes = (data + data / 4).clamp(MIN, ceiling);
    tracing::info!(
        cache_mb = bytes >> 20,
        data_mb = data >> 20,
        "buffer pool sized from the data ([storage] cache_mb unset)"
    );
    bytes
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            env: EnvConfig::default(),
            checkpoint_every: Duration::from_secs(30),
            min_free_bytes: 64 << 20,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

/// The open database handles of a store.
struct Databases {
    kv: Database,
    meta: Database,
    /// The change log (see [`changes`]); None on a replica of a group
    /// whose master has not created it yet (a master of an older Fish,
    /// during a rolling upgrade).
    changes: Option<Database>,
    /// Leases (see [`leases`]); None as `changes` is.
    leases: Option<Database>,
}

/// An open store. Share it in an `Arc`; every method blocks on disk I/O and
/// belongs on a blocking thread, never on an async worker.
pub struct Store {
    // Field order is drop order: pooled read transactions, databases, then
    // environment, then the lock.
    readers: readers::Readers,
    dbs: RwLock<Option<Arc<Databases>>>,
    maintenance: Maintenance,
    env: Env,
    home: PathBuf,
    min_free_bytes: u64,
    page_size: PageSize,
    batcher: batch::Batcher,
    /// The change log as it grows, for watchers (see [`feed`]).
    pub feed: feed::Feed,
    /// The master's lease clock (see [`leases`]).
    pub leases: leases::Clock,
    /// Told how long each write commit took (see [`Store::observe_commits`]).
    commit_observer: std::sync::OnceLock<CommitObserver>,
    _lock: DirLock,
}

/// Bytes free for an unprivileged writer on the filesystem holding `dir`;
/// None if statvfs fails.
pub(crate) fn free_bytes(dir: &Path) -> Option<u64> {
    nix::sys::statvfs::statvfs(dir).ok().map(|st| st.blocks_available() * st.fragment_size())
}

/// What [`Store::stats`] reports.
#[derive(Debug, Clone, Copy)]
pub struct StoreStats {
    pub env: bdb::EnvStats,
    /// Free space of the data dir's filesystem (None if statvfs failed).
    pub free_bytes: Option<u64>,
    /// `[storage] min_free_mb`, in bytes.
    pub min_free_bytes: u64,
    /// Periodic checkpoints done, their total time, and the last one's.
    pub checkpoints: u64,
    pub checkpoint_time: std::time::Duration,
    pub last_checkpoint: std::time::Duration,
}

/// Receives the duration of every write commit.
pub type CommitObserver = Box<dyn Fn(std::time::Duration) + Send + Sync>;

impl Store {
    /// Opens the store in `dir`, taking its lock and running recovery. A
    /// standalone store opens (creating) its databases at once; a replicated
    /// one does so on first use, once replication has started.
    pub fn open(dir: &Path, opts: &StoreOptions) -> Result<Store, StoreError> {
        let lock = DirLock::acquire(dir)?;
        let home = env_dir(dir);
        std::fs::create_dir_all(&home)
            .map_err(|e| bdb::Error::io(format_args!("cannot create {}", home.display()), &e))?;
        let env = Env::open(&home, &opts.env)?;
        let maintenance = Maintenance::start(env.clone(), opts.checkpoint_every);
        let store = Store {
            readers: readers::Readers::new(readers::MAX_AGE),
            dbs: RwLock::new(None),
            maintenance,
            env,
            home: home.clone(),
            min_free_bytes: opts.min_free_bytes,
            page_size: opts.page_size,
            batcher: batch::Batcher::new(),
            feed: feed::Feed::default(),
            leases: leases::Clock::default(),
            commit_observer: std::sync::OnceLock::new(),
            _lock: lock,
        };
        store.check_files(&home)?;
        if !store.env.is_replicated() {
            store.databases(true)?;
        }
        Ok(store)
    }

    /// Refuses a write while the filesystem is below the free-space reserve.
    fn check_free_space(&self) -> Result<(), StoreError> {
        if self.min_free_bytes == 0 {
            return Ok(());
        }
        // statvfs is one cheap syscall; an error here must not stop writes.
        let Some(free) = free_bytes(&self.home) else { return Ok(()) };
        if free < self.min_free_bytes {
            return Err(StoreError::NoSpace {
                free,
                reserve: self.min_free_bytes,
                dir: self.home.display().to_string(),
            });
        }
        Ok(())
    }

    /// Opens each database file that exists, once, before anything else
    /// touches it: a damaged file (bad checksum, garbage page) is a clear
    /// start-up error naming it, rather than a site that starts and then
    /// fails every request (and floods the log with Berkeley DB's
    /// complaints on every retry).
    fn check_files(&self, home: &Path) -> Result<(), StoreError> {
        for file in ["kv.db", "fish.meta.db", "changes.db", "leases.db"] {
            let path = home.join(file);
            if !path.exists() {
                continue;
            }
            let damaged = |source| StoreError::DamagedFile { file: path.display().to_string(), source };
            let txn = self.env.begin(TxnFlags::default())?;
            let db = Database::open_btree(&self.env, &txn, file, None).map_err(damaged)?;
            drop(db);
            txn.commit()?;
        }
        Ok(())
    }

    /// The open handles, opening them first if needed. Only `create` when
    /// this site may write (master or standalone).
    fn databases(&self, create: bool) -> Result<Arc<Databases>, StoreError> {
        if self.awaiting_replication() {
            return Err(StoreError::NotReady);
        }
        if let Some(dbs) = self.dbs.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
            return Ok(Arc::clone(dbs));
        }
        let mut slot = self.dbs.write().unwrap_or_else(|e| e.into_inner());
        if let Some(dbs) = slot.as_ref() {
            return Ok(Arc::clone(dbs));
        }
        let mut create = create;
        if self.env.is_replicated() {
            let state = self.env.rep_state()?;
            if state.is_client && !state.startup_complete {
                return Err(StoreError::NotReady);
            }
            // A master creates what is missing, whoever asks first.
            create |= state.is_master;
        }
        let txn = self.env.begin(TxnFlags::default())?;
        let open = |file| match Database::open_btree(&self.env, &txn, file, create.then_some(self.page_size)) {
            Err(bdb::Error::NotFound) => Err(StoreError::NotReady),
            other => other.map_err(StoreError::from),
        };
        let optional = |file| match open(file) {
            Err(StoreError::NotReady) => Ok(None),
            other => other.map(Some),
        };
        let (changes, leases) = (optional("changes.db")?, optional("leases.db")?);
        let dbs = Arc::new(Databases { kv: open("kv.db")?, meta: open("fish.meta.db")?, changes, leases });
        txn.commit()?;
        *slot = Some(Arc::clone(&dbs));
        Ok(dbs)
    }

    /// Starts the Replication Manager (see `Env::start_replication`); from
    /// then on the databases may be opened.
    pub fn start_replication(&self, threads: u32, electable: bool) -> Result<(), StoreError> {
        Ok(self.env.start_replication(threads, electable)?)
    }

    /// A replicated store whose replication has not started yet: it may not
    /// touch its databases (repmgr_start's role change locks the API out
    /// and must not race opens).
    fn awaiting_replication(&self) -> bool {
        self.env.is_replicated() && !self.env.replication_started()
    }

    /// Drops handles that a role change or internal init invalidated; the
    /// next operation reopens them.
    fn forget_databases(&self) {
        let mut slot = self.dbs.write().unwrap_or_else(|e| e.into_inner());
        // No pooled transaction that used these handles may outlive them.
        self.readers.drain();
        *slot = None;
    }

    /// Creates the databases if missing; called by a site that just became
    /// master (a client never can). Handles opened while it was a replica
    /// of an older master that had no change log or lease database (a
    /// rolling upgrade, master last) are opened again, creating them.
    pub fn create_databases(&self) -> Result<(), StoreError> {
        let dbs = self.databases(true)?;
        if dbs.changes.is_none() || dbs.leases.is_none() {
            drop(dbs);
            self.forget_databases();
            self.databases(true)?;
        }
        Ok(())
    }

    /// Runs `f` with open handles (retrying as `retrying` does), reopening
    /// them if they went stale.
    fn with_dbs<T>(&self, create: bool, f: impl Fn(&Databases) -> Result<T, StoreError>) -> Result<T, StoreError> {
        retrying(|| {
            let dbs = self.databases(create)?;
            let result = f(&dbs);
            if matches!(result, Err(StoreError::Bdb(bdb::Error::RepHandleDead))) {
                self.forget_databases();
            }
            result
        })
    }

    /// The Berkeley DB environment (for status and replication).
    pub fn env(&self) -> &Env {
        &self.env
    }

    /// Berkeley DB's counters, the data dir's free space and the periodic
    /// checkpoints, for `/metrics`.
    pub fn stats(&self) -> Result<StoreStats, StoreError> {
        let env = self.env.stats()?;
        let free_bytes = free_bytes(&self.home);
        let (checkpoints, checkpoint_time, last_checkpoint) = self.maintenance.checkpoints.read();
        Ok(StoreStats {
            env,
            free_bytes,
            min_free_bytes: self.min_free_bytes,
            checkpoints,
            checkpoint_time,
            last_checkpoint,
        })
    }

    /// Reads one key.
    pub fn get(&self, key: &[u8]) -> Result<Option<Entry>, StoreError> {
        check_key(key)?;
        self.read(|dbs, txn| read_entry(&dbs.kv, txn, key, false))
    }

    /// Reads one key if that needs no waiting: no lock held by a writer, no
    /// replication lockout, handles already open. `None` means "it would
    /// have to wait": use [`Store::get`] on a blocking thread instead.
    ///
    /// This is the read path that runs on an async worker: a lookup in the
    /// buffer pool costs microseconds, less than handing the call to the
    /// blocking pool and back (which was two thirds of a replica read's CPU).
    /// It can still read a page from the OS when the page is not cached,
    /// which sizing the cache to the data (`[storage] cache_mb`) keeps rare.
    /// The lookup runs in a pooled read transaction (see [`readers`]).
    pub fn get_now(&self, key: &[u8]) -> Option<Result<Option<Entry>, StoreError>> {
        if let Err(e) = check_key(key) {
            return Some(Err(e));
        }
        // Nothing to read before replication has started (and no
        // transaction to hold up its first role change).
        if self.awaiting_replication() {
            return None;
        }
        // The reader first, then the handles: see `forget_databases`.
        let reader = match self.readers.take(&self.env) {
            Ok(reader) => reader,
            Err(e) => return would_wait(e.into()),
        };
        // Borrowed under the read lock, not cloned: an Arc's count is one
        // more cache line that both HTTP threads would write per lookup.
        let dbs = self.dbs.read().unwrap_or_else(|e| e.into_inner());
        let Some(dbs) = dbs.as_deref() else {
            drop(dbs);
            self.readers.put_back(reader);
            return None;
        };
        match read_entry(&dbs.kv, reader.txn(), key, false) {
            Ok(entry) => {
                self.readers.put_back(reader);
                Some(Ok(entry))
            }
            Err(e) => {
                reader.discard();
                would_wait(e)
            }
        }
    }

    /// The page size of the key-value database, in bytes: the configured
    /// one if this store created it, else the one it was created with.
    pub fn page_size(&self) -> Result<u32, StoreError> {
        self.with_dbs(false, |dbs| Ok(dbs.kv.page_size()?))
    }

    /// Reads a record of Fish's own metadata database.
    pub fn meta_get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.read(|dbs, txn| dbs.meta.get(Some(txn), key.as_bytes(), false).map_err(StoreError::from))
    }

    /// Runs a read in a (read-committed) transaction. Never without one: in
    /// a replicated environment a non-transactional read that meets a
    /// replication lockout (role change, sync) sleeps 5 s inside Berkeley DB
    /// (`__db_rep_enter`), while a transactional one fails at once with a
    /// deadlock that `retrying` backs off from.
    fn read<T>(&self, f: impl Fn(&Databases, &Txn<'_>) -> Result<T, StoreError>) -> Result<T, StoreError> {
        self.with_dbs(false, |dbs| {
            let txn = self.env.begin(TxnFlags::ReadCommitted)?;
            let out = f(dbs, &txn)?;
            txn.commit()?;
            Ok(out)
        })
    }

    /// Writes a record of Fish's own metadata database (master only);
    /// whether its acknowledgements arrived.
    pub fn meta_put(&self, key: &str, value: &[u8]) -> Result<bool, StoreError> {
        Ok(self.meta_commit(key, value)?.acknowledged)
    }

    /// [`Store::meta_put`], answering with the commit token too.
    pub fn meta_commit(&self, key: &str, value: &[u8]) -> Result<crate::bdb::Committed, StoreError> {
        self.with_dbs(true, |dbs| {
            let txn = self.env.begin(TxnFlags::default())?;
            dbs.meta.put(&txn, key.as_bytes(), value)?;
            Ok(txn.commit_with_token()?)
        })
    }

    /// A read barrier (see `replication::barrier`): a transaction holding
    /// only a note in the log, committed without a local log flush. It locks
    /// no page, so barriers can overlap, and its only cost is the
    /// acknowledgements. Answers its commit token (whose generation is the
    /// one it was committed in) and whether it was acknowledged as the ack
    /// policy requires.
    pub fn barrier(&self) -> Result<crate::bdb::Committed, StoreError> {
        if self.awaiting_replication() {
            return Err(StoreError::NotReady);
        }
        let txn = self.env.begin(TxnFlags::default())?;
        self.env.log_note(&txn, c"fish read barrier").map_err(|e| match e {
            bdb::Error::Os { errno: libc::EAGAIN, .. } => StoreError::NotMaster,
            e => e.into(),
        })?;
        txn.commit_unflushed_with_token().map_err(|e| self.write_refused(e))
    }

    /// Writes one key if `cond` holds; returns the new version.
    pub fn put(&self, key: &[u8], value: &[u8], cond: Condition) -> Result<(u64, CommitToken), StoreError> {
        put_answer(self.write_alone(&Op::Put { key: key.to_vec(), value: value.to_vec(), cond, lease: 0 }))
    }

    /// Deletes one key if it exists and `cond` holds.
    pub fn delete(&self, key: &[u8], cond: Condition) -> Result<CommitToken, StoreError> {
        delete_answer(self.write_alone(&delete_op(key.to_vec(), cond)))
    }

    /// As [`Store::put`], sharing a transaction with concurrent writes (see
    /// [`batch`]); for async callers: it never blocks the calling thread.
    /// `lease` (0: none) is the lease to attach the key to.
    pub async fn put_batched(
        self: &Arc<Self>,
        key: Vec<u8>,
        value: Vec<u8>,
        cond: Condition,
        lease: u64,
    ) -> Result<(u64, CommitToken), StoreError> {
        put_answer(
            self.batcher.submit(self, Op::Put { key, value, cond, lease }).await.unwrap_or(Err(StoreError::Closed)),
        )
    }

    /// As [`Store::put`], and only while key `fence.0` is at version
    /// `fence.1`, checked in the same transaction (a lock's fencing token):
    /// `Fenced` when it is not, nothing written.
    pub fn put_fenced(
        &self,
        fence: (&[u8], u64),
        key: Vec<u8>,
        value: Vec<u8>,
        cond: Condition,
        lease: u64,
    ) -> Result<(u64, CommitToken), StoreError> {
        put_answer(self.write_fenced(fence, Op::Put { key, value, cond, lease }))
    }

    /// As [`Store::delete`], fenced as [`Store::put_fenced`] is.
    pub fn delete_fenced(&self, fence: (&[u8], u64), key: Vec<u8>, cond: Condition) -> Result<CommitToken, StoreError> {
        delete_answer(self.write_fenced(fence, delete_op(key, cond)))
    }

    /// `op` alone, after a check of the fence; a failed condition of `op`
    /// is reported as op 0, as for `op` alone.
    fn write_fenced(&self, (fence, version): (&[u8], u64), op: Op) -> batch::Written {
        let check = Op::Check { key: fence.to_vec(), cond: Condition::Version(version) };
        let mut done = self.transact(&[check, op]).map_err(|e| match e {
            StoreError::ConditionFailed { op: 0, key, current } => StoreError::Fenced { key, version, current },
            StoreError::ConditionFailed { op: _, key, current } => StoreError::ConditionFailed { op: 0, key, current },
            e => e,
        })?;
        let token = done.token.expect("a write has a token");
        Ok((done.results.pop().expect("one result per op"), token))
    }

    /// As [`Store::delete`], sharing a transaction with concurrent writes.
    pub async fn delete_batched(self: &Arc<Self>, key: Vec<u8>, cond: Condition) -> Result<CommitToken, StoreError> {
        delete_answer(self.batcher.submit(self, delete_op(key, cond)).await.unwrap_or(Err(StoreError::Closed)))
    }

    /// Applies single-key writes in one transaction, each under its own
    /// condition (a failed one is skipped and reported), in key order; see
    /// [`batch`]. One outcome per op, in the order given.
    fn write_batch(&self, ops: &[&Op]) -> Vec<batch::Written> {
        if let [op] = ops {
            return vec![self.write_alone(op)];
        }
        if let Err(e) = self.check_free_space() {
            return ops.iter().map(|_| Err(self.no_space_again(&e))).collect();
        }
        let mut order: Vec<usize> = (0..ops.len()).collect();
        order.sort_by(|&a, &b| ops[a].key().cmp(ops[b].key()));
        let attempt = self.with_dbs(true, |dbs| {
            let txn = self.env.begin(TxnFlags::default())?;
            let mut applied: Vec<(usize, Result<OpResult, StoreError>)> = Vec::with_capacity(ops.len());
            let mut kv = dbs.kv.cursor(&txn)?;
            for &i in &order {
                check_key(ops[i].key())?;
                match self.apply(dbs, &txn, &mut kv, 0, ops[i]) {
                    Err(e @ StoreError::ConditionFailed { .. }) => applied.push((i, Err(e))),
                    other => applied.push((i, Ok(other?))),
                }
            }
            drop(kv);
            let logged =
                self.log_changes(dbs, &txn, applied.iter().filter_map(|(i, r)| Some((ops[*i], r.as_ref().ok()?))))?;
            Ok((applied, self.commit_changes(txn, logged)?))
        });
        match attempt {
            Ok((applied, done)) => {
                let mut outcomes: Vec<Option<batch::Written>> = ops.iter().map(|_| None).collect();
                for (i, result) in applied {
                    outcomes[i] = Some(match result {
                        Ok(r) if done.acknowledged => Ok((r, done.token)),
                        Ok(_) => Err(StoreError::NotAcknowledged { token: done.token }),
                        Err(e) => Err(e),
                    });
                }
                outcomes.into_iter().map(|o| o.expect("every op has an outcome")).collect()
            }
            // The batch as a whole failed (a bad key, not master, a damaged
            // record, ...): each write on its own gets its own answer.
            Err(_) => ops.iter().map(|op| self.write_alone(op)).collect(),
        }
    }

    fn write_alone(&self, op: &Op) -> batch::Written {
        let done = self.transact(std::slice::from_ref(op))?;
        let token = done.token.expect("a write has a token");
        Ok((done.results.into_iter().next().expect("one result per op"), token))
    }

    fn no_space_again(&self, e: &StoreError) -> StoreError {
        match e {
            StoreError::NoSpace { free, reserve, dir } => {
                StoreError::NoSpace { free: *free, reserve: *reserve, dir: dir.clone() }
            }
            _ => unreachable!("check_free_space fails only with NoSpace"),
        }
    }

    /// Runs `ops` in order as one atomic transaction: all apply, or (if a
    /// condition fails) none do.
    pub fn transact(&self, ops: &[Op]) -> Result<Committed, StoreError> {
        self.transact_bounded(ops, usize::MAX)
    }

    /// As [`Store::transact`], refusing (and aborting) a transaction whose
    /// `get`s read more than `max_result_bytes` of values, before it commits.
    pub fn transact_bounded(&self, ops: &[Op], max_result_bytes: usize) -> Result<Committed, StoreError> {
        for op in ops {
            check_key(op.key())?;
        }
        let writes = ops.iter().any(Op::writes);
        if writes {
            self.check_free_space()?;
        }
        self.with_dbs(writes, |dbs| {
            let txn = self.env.begin(TxnFlags::default())?;
            let mut kv = dbs.kv.cursor(&txn)?;
            let results = ops
                .iter()
                .enumerate()
                .map(|(i, op)| self.apply(dbs, &txn, &mut kv, i, op))
                .collect::<Result<Vec<_>, _>>()?;
            drop(kv);
            let read: usize = results
                .iter()
                .map(|r| match r {
                    OpResult::Get(Some(entry)) => entry.value.len(),
                    _ => 0,
                })
                .fold(0, usize::saturating_add);
            if read > max_result_bytes {
                return Err(StoreError::ResultsTooLarge { bytes: read, limit: max_result_bytes });
            }
            if !writes {
                txn.commit()?;
                return Ok(Committed { results, token: None });
            }
            let logged = self.log_changes(dbs, &txn, ops.iter().zip(&results))?;
            match self.commit_changes(txn, logged)? {
                done if done.acknowledged => Ok(Committed { results, token: Some(done.token) }),
                done => Err(StoreError::NotAcknowledged { token: done.token }),
            }
        })
    }

    /// Commits a write transaction.
    fn commit_write(&self, txn: Txn<'_>) -> Result<bdb::txn::Committed, StoreError> {
        let started = std::time::Instant::now();
        let done = txn.commit_with_token().map_err(|e| self.write_refused(e));
        if let (Ok(_), Some(observe)) = (&done, self.commit_observer.get()) {
            observe(started.elapsed());
        }
        done
    }

    /// Logs the changes `done` made in `txn` (see [`changes`]); the last
    /// revision given, if any.
    fn log_changes<'a>(
        &self,
        dbs: &Databases,
        txn: &Txn<'_>,
        done: impl Iterator<Item = (&'a Op, &'a OpResult)>,
    ) -> Result<Option<u64>, StoreError> {
        let logged: Vec<(Vec<u8>, changes::ChangeKind)> = done
            .filter_map(|(op, result)| match (op, result) {
                (Op::Put { key, value, .. }, OpResult::Put { version }) => {
                    Some((key.clone(), changes::ChangeKind::Put { value: value.clone(), version: *version }))
                }
                (Op::Delete { key, .. }, OpResult::Delete { existed: true }) => {
                    Some((key.clone(), changes::ChangeKind::Delete))
                }
                _ => None,
            })
            .collect();
        self.append_changes(dbs, txn, logged)
    }

    /// Appends `logged` (key, kind) to the change log in `txn`, if this
    /// site has one; the last revision given, if any.
    fn append_changes(
        &self,
        dbs: &Databases,
        txn: &Txn<'_>,
        logged: Vec<(Vec<u8>, changes::ChangeKind)>,
    ) -> Result<Option<u64>, StoreError> {
        let Some(db) = &dbs.changes else { return Ok(None) };
        changes::append(db, txn, logged, self.feed.acked()).map_err(|e| self.write_refused(e))
    }

    /// Commits a write transaction that logged changes up to `logged`; once
    /// acknowledged, the feed may hand them out.
    fn commit_changes(&self, txn: Txn<'_>, logged: Option<u64>) -> Result<bdb::txn::Committed, StoreError> {
        let done = self.commit_write(txn)?;
        if let (true, Some(last)) = (done.acknowledged, logged) {
            self.feed.committed(last);
        }
        Ok(done)
    }

    /// The change log's head; None if this site has no change log (yet).
    /// A replica that opened its databases before the master created the
    /// log (a rolling upgrade, master last) opens them again once the file
    /// has arrived.
    pub fn change_head(&self) -> Result<Option<changes::Head>, StoreError> {
        let head = self.read(|dbs, txn| match &dbs.changes {
            Some(db) => Ok(Some(changes::head(db, Some(txn), false)?)),
            None => Ok(None),
        })?;
        if head.is_none() && self.home.join("changes.db").exists() {
            self.forget_databases();
        }
        Ok(head)
    }

    /// The logged changes after `after` up to `upto`: at most `max_count`,
    /// and past the first at most `max_bytes` of keys and values.
    pub fn changes_between(
        &self,
        after: u64,
        upto: u64,
        max_count: usize,
        max_bytes: usize,
    ) -> Result<Vec<changes::Change>, StoreError> {
        self.read(|dbs, txn| match &dbs.changes {
            Some(db) => Ok(changes::read(db, txn, after, upto, max_count, max_bytes)?),
            None => Ok(Vec::new()),
        })
    }

    /// The oldest revision in the change log.
    pub fn oldest_change(&self) -> Result<Option<u64>, StoreError> {
        self.read(|dbs, txn| match &dbs.changes {
            Some(db) => Ok(changes::oldest(db, txn)?),
            None => Ok(None),
        })
    }

    /// A master writes the change log's head alone, recording `acked`.
    /// When this commit is acknowledged, every revision logged before it is
    /// durable too: answers the last of them then.
    fn mark_changes_acked(&self, acked: u64) -> Result<Option<u64>, StoreError> {
        self.with_dbs(false, |dbs| {
            let Some(db) = &dbs.changes else { return Ok(None) };
            let txn = self.env.begin(TxnFlags::default())?;
            let head = changes::mark_acked(db, &txn, acked).map_err(|e| self.write_refused(e))?;
            let done = txn.commit_unflushed_with_token().map_err(|e| self.write_refused(e))?;
            Ok(done.acknowledged.then(|| head.last()))
        })
    }

    /// A master deletes up to `max` of the oldest changes, keeping every
    /// revision after `keep_after`.
    fn trim_changes(&self, keep_after: u64, max: usize) -> Result<usize, StoreError> {
        self.with_dbs(false, |dbs| {
            let Some(db) = &dbs.changes else { return Ok(0) };
            let txn = self.env.begin(TxnFlags::default())?;
            let trimmed = changes::trim(db, &txn, keep_after, max).map_err(|e| self.write_refused(e))?;
            self.commit_write(txn)?;
            Ok(trimmed)
        })
    }

    /// This site is master (or standalone) now, as Berkeley DB says.
    fn is_master(&self) -> bool {
        !self.env.is_replicated() || self.env.rep_state().is_ok_and(|s| s.is_master)
    }

    /// Sets who is told how long each write commit took (log write, flush
    /// and the acknowledgements its policy waits for); once per store.
    pub fn observe_commits(&self, observer: CommitObserver) {
        let _ = self.commit_observer.set(observer);
    }

    /// The one rule for "not master": a replication client refuses a write
    /// (the put, or its commit) with EACCES or EINVAL.
    fn write_refused(&self, e: bdb::Error) -> StoreError {
        match e {
            bdb::Error::Os { errno: libc::EACCES | libc::EINVAL, .. } if self.env.is_replicated() => {
                StoreError::NotMaster
            }
            e => e.into(),
        }
    }

    /// Applies `op` in `txn`. A write reads its key through `kv` (a cursor
    /// on `dbs.kv` in `txn`), with a write lock, and writes it where the
    /// cursor stands: one search of the tree, not two.
    fn apply(
        &self,
        dbs: &Databases,
        txn: &Txn<'_>,
        kv: &mut bdb::Cursor<'_>,
        index: usize,
        op: &Op,
    ) -> Result<OpResult, StoreError> {
        let key = op.key();
        let current = if op.writes() {
            kv.find_for_update(key)?.map(|raw| decode_entry(key, raw)).transpose()?
        } else {
            read_entry(&dbs.kv, txn, key, false)?
        };
        let version = current.as_ref().map(|e| e.version);
        let cond = match op {
            Op::Put { cond, .. } | Op::Delete { cond, .. } | Op::Check { cond, .. } => *cond,
            Op::Get { .. } => Condition::Any,
        };
        if !cond.holds(version) {
            return Err(StoreError::ConditionFailed { op: index, key: key.to_vec(), current: version });
        }
        Ok(match op {
            Op::Get { .. } => OpResult::Get(current),
            Op::Check { .. } => OpResult::Check,
            Op::Put { value, lease, .. } => {
                let version = match version {
                    Some(v) => v + 1,
                    None => self.env.current_lsn()?.as_u64(),
                };
                let old = current.as_ref().map_or(0, |e| e.lease);
                self.move_lease(dbs, txn, key, old, *lease)?;
                let record = record::encode(version, value, *lease);
                match current {
                    Some(_) => kv.replace(&record),
                    None => kv.put(key, &record),
                }
                .map_err(|e| self.write_refused(e))?;
                OpResult::Put { version }
            }
            Op::Delete { .. } => {
                if let Some(old) = current.as_ref().map(|e| e.lease).filter(|&l| l != 0) {
                    self.move_lease(dbs, txn, key, old, 0)?;
                }
                if current.is_some() {
                    kv.delete_current().map_err(|e| self.write_refused(e))?;
                }
                OpResult::Delete { existed: current.is_some() }
            }
        })
    }

    /// Lists up to `limit` keys starting with `prefix`, in byte order,
    /// strictly after `start_after` when given.
    pub fn list(&self, prefix: &[u8], start_after: Option<&[u8]>, limit: usize) -> Result<Page, StoreError> {
        self.list_bounded(prefix, start_after, limit, usize::MAX)
    }

    /// As [`Store::list`], and the page also ends (with `next`) once its keys
    /// and values add up to `max_bytes`; it always holds at least one item.
    pub fn list_bounded(
        &self,
        prefix: &[u8],
        start_after: Option<&[u8]>,
        limit: usize,
        max_bytes: usize,
    ) -> Result<Page, StoreError> {
        let start = match start_after {
            Some(after) if after >= prefix => [after, &[0]].concat(),
            _ => prefix.to_vec(),
        };
        self.read(|dbs, txn| scan(&dbs.kv, txn, &start, prefix, limit, max_bytes))
    }

    /// Read-your-writes: waits until the commit of `token` is applied on this
    /// site, at most `wait` (then `NotAppliedYet`); `NeverApplied` when this
    /// site's own history rules it out.
    ///
    /// The wait holds no thread: the first check may wait inside Berkeley DB
    /// for `FIRST_CHECK_WAIT` (most tokens are applied within it); later
    /// ones do not wait at all and run from an async sleep, every 20 ms at
    /// first, backing off to every 250 ms. A blocking wait for the whole
    /// `wait` let a client with forged tokens from a future generation
    /// occupy every blocking thread (5 s each), and with them every store
    /// call.
    pub async fn wait_applied(self: &Arc<Self>, token: CommitToken, wait: Duration) -> Result<(), StoreError> {
        const FIRST_CHECK_WAIT: Duration = Duration::from_millis(50);
        const RECHECK_FIRST: Duration = Duration::from_millis(20);
        const RECHECK_AT_MOST: Duration = Duration::from_millis(250);
        let mut recheck = RECHECK_FIRST;
        let deadline = std::time::Instant::now() + wait;
        let mut slice = wait.min(FIRST_CHECK_WAIT);
        loop {
            let store = Arc::clone(self);
            let check = tokio::task::spawn_blocking(move || store.applied_within(&token, slice));
            match check.await {
                Ok(Ok(true)) => return Ok(()),
                Ok(Ok(false)) => {}
                Ok(Err(e)) => return Err(e),
                Err(e) => return Err(StoreError::TaskFailed(e.to_string())),
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return Err(StoreError::NotAppliedYet { waited: wait });
            }
            tokio::time::sleep(left.min(recheck)).await;
            recheck = (recheck * 3 / 2).min(RECHECK_AT_MOST);
            slice = Duration::ZERO;
        }
    }

    /// One check of `token`, waiting inside Berkeley DB at most `slice`:
    /// true once it is applied here.
    ///
    /// Berkeley DB's `txn_applied` answers DB_NOTFOUND ("will never be
    /// applied") for a token from a newer generation than this site knows when
    /// the site is not a client in a clean state: a master cut off from the
    /// group that has not yet heard of its successor, or a site whose log runs
    /// past the token's LSN with writes that the new master's sync will roll
    /// back. Both apply the commit once they catch up, so a token from a newer
    /// generation is "not yet"; only a token this site's own history rules out
    /// is "never".
    ///
    /// For a token from an older generation `txn_applied` judges by the
    /// generation history alone: right after a master change a replica can hear
    /// "applied" for a commit its log has not reached yet (the fault suite read
    /// 404s that way, 12 in 160,000 token reads). So success also needs this
    /// site's log to run past the token's LSN, and "never" is believed only once
    /// it does.
    ///
    /// `txn_applied` reads the generation history in a transaction of its own,
    /// which the replication apply thread can pick as a deadlock victim, or
    /// which meets a lockout during a sync: "not yet" too (the fault suite saw
    /// both as 500s).
    fn applied_within(&self, token: &CommitToken, slice: Duration) -> Result<bool, StoreError> {
        let env = &self.env;
        let result = env.wait_applied(token, slice);
        let reached = || env.current_lsn().is_ok_and(|end| end > token.lsn());
        match result {
            Ok(()) => Ok(reached()),
            Err(bdb::Error::NotFound) if token.generation() > env.rep_state()?.generation || !reached() => Ok(false),
            Err(bdb::Error::NotFound) => Err(StoreError::NeverApplied),
            Err(bdb::Error::Timeout) => Ok(false),
            Err(e) if e.is_retryable() || matches!(e, bdb::Error::RepLockout) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Stops background work and writes a final checkpoint, so the next
    /// open has no log to replay. Called once on clean shutdown.
    pub fn shutdown(&self) -> Result<(), StoreError> {
        self.maintenance.stop();
        self.env.checkpoint(0)?;
        Ok(())
    }
}

/// `get_now`'s answer to a failed lookup: `None` ("use the blocking path")
/// when the failure means waiting or reopening would help.
fn would_wait<T>(e: StoreError) -> Option<Result<T, StoreError>> {
    match e {
        StoreError::Bdb(e) if e.is_retryable() || matches!(e, bdb::Error::RepLockout | bdb::Error::RepHandleDead) => {
            None
        }
        other => Some(Err(other)),
    }
}

/// A delete with no condition needs the key to exist (404 otherwise).
fn delete_op(key: Vec<u8>, cond: Condition) -> Op {
    let cond = match cond {
        Condition::Any => Condition::Exists,
        c => c,
    };
    Op::Delete { key, cond }
}

fn put_answer(written: batch::Written) -> Result<(u64, CommitToken), StoreError> {
    match written? {
        (OpResult::Put { version }, token) => Ok((version, token)),
        (other, _) => unreachable!("put returned {other:?}"),
    }
}

fn delete_answer(written: batch::Written) -> Result<CommitToken, StoreError> {
    match written {
        Ok((_, token)) => Ok(token),
        Err(StoreError::ConditionFailed { current: None, .. }) => Err(StoreError::NotFound),
        Err(e) => Err(e),
    }
}

fn read_entry(kv: &Database, txn: &Txn<'_>, key: &[u8], for_update: bool) -> Result<Option<Entry>, StoreError> {
    kv.get(Some(txn), key, for_update)?.map(|raw| decode_entry(key, raw)).transpose()
}

fn decode_entry(key: &[u8], raw: Vec<u8>) -> Result<Entry, StoreError> {
    record::decode(raw).ok_or_else(|| StoreError::Corrupt(key.to_vec()))
}

fn scan(
    kv: &Database,
    txn: &Txn<'_>,
    start: &[u8],
    prefix: &[u8],
    limit: usize,
    max_bytes: usize,
) -> Result<Page, StoreError> {
    let mut page = Page::default();
    let mut bytes = 0usize;
    let mut cursor = kv.cursor(txn)?;
    let mut pair = cursor.seek_at_or_after(start)?;
    while let Some((key, raw)) = pair {
        if !key.starts_with(prefix) {
            break;
        }
        let entry = record::decode(raw).ok_or_else(|| StoreError::Corrupt(key.clone()))?;
        bytes = bytes.saturating_add(key.len() + entry.value.len());
        if page.items.len() == limit || (bytes > max_bytes && !page.items.is_empty()) {
            page.next = page.items.last().map(|(k, _)| k.clone());
            break;
        }
        page.items.push((key, entry));
        pair = cursor.next_pair()?;
    }
    Ok(page)
}

/// Where the Berkeley DB environment of data dir `dir` lives. It is a
/// subdirectory so that files of Fish's own (the lock file) never sit where
/// replication's internal init looks for database files.
pub fn env_dir(dir: &Path) -> PathBuf {
    dir.join("bdb")
}

/// True when `dir` has never been part of a replication group: it has no
/// `__db.rep.system`, the file where Replication Manager keeps the group's
/// membership (so `DB_GROUP_CREATOR` would take effect).
pub fn is_fresh(dir: &Path) -> bool {
    !env_dir(dir).join("__db.rep.system").exists()
}

/// The key rule, the one place it is written: 1 to [`MAX_KEY_BYTES`] bytes.
pub fn check_key(key: &[u8]) -> Result<(), StoreError> {
    match key.len() {
        0 => Err(StoreError::EmptyKey),
        len if len > MAX_KEY_BYTES => Err(StoreError::KeyTooLong { len }),
        _ => Ok(()),
    }
}

/// Runs `attempt` until it is neither chosen as a deadlock victim (at most
/// `MAX_ATTEMPTS` times, with jittered exponential backoff) nor locked out
/// by replication (a role change or sync: retried every 20 ms for up to
/// `LOCKOUT_WAIT`), then gives up with `Contention`.
fn retrying<T>(mut attempt: impl FnMut() -> Result<T, StoreError>) -> Result<T, StoreError> {
    let mut deadlocks = 0;
    let started = std::time::Instant::now();
    loop {
        match attempt() {
            Err(StoreError::Bdb(e)) if e.is_retryable() && deadlocks + 1 < MAX_ATTEMPTS => {
                let ceiling_us = 50u64 << deadlocks.min(10);
                deadlocks += 1;
                std::thread::sleep(Duration::from_micros(fastrand::u64(0..=ceiling_us)));
            }
            Err(StoreError::Bdb(bdb::Error::RepLockout | bdb::Error::RepHandleDead))
                if started.elapsed() < LOCKOUT_WAIT =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(StoreError::Bdb(e)) if e.is_retryable() || matches!(e, bdb::Error::RepLockout) => {
                return Err(StoreError::Contention);
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests;
