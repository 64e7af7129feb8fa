//! Leases: keys that live only as long as a lease their owner keeps alive.
//!
//! **What is replicated** (`leases.db`, written in the same transactions
//! as the keys): each lease's TTL and how many keys it holds, and an index
//! of its keys. A key's own record names its lease too (see [`record`]),
//! so that overwriting or deleting a key detaches it from its lease in the
//! same transaction. Records:
//! - `l ‖ id (u64 BE)` → `ttl_s (u32 BE) ‖ keys (u32 BE)`
//! - `k ‖ id (u64 BE) ‖ key` → nothing: the key is attached to the lease
//! - `n` → how many leases exist (u64 BE), for `[leases] max_leases`
//!
//! **What is not**: the time left. Only the master keeps the clock, in
//! memory ([`Clock`]), as deadlines on its own monotonic clock; keepalives
//! move a deadline and write nothing. A site that becomes master (a new
//! generation) loads every lease with a full TTL from the moment it loaded
//! them, as etcd does: a failover can only lengthen a lease, never shorten
//! it. The keeper (see [`run`]) expires what is due: one transaction per
//! lease deletes all its keys (logged as `Expire` changes, so watchers see
//! them in consecutive revisions of one record) and the lease.
//!
//! A master that was stopped (SIGSTOP, a VM pause) heard no keepalives
//! while it was stopped: the keeper notices the gap in its own ticks and
//! moves every deadline on by it, so a pause is not an expiry either.
//!
//! [`record`]: super::record

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::changes::ChangeKind;
use super::{Databases, Store, StoreError, TxnFlags};
use crate::bdb::{self, Database, Txn};

const COUNT_KEY: &[u8] = b"n";

/// A lease as the replicated database holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeaseRecord {
    pub ttl_s: u32,
    /// Keys attached to it.
    pub keys: u32,
}

impl LeaseRecord {
    fn encode(self) -> [u8; 8] {
        let mut out = [0; 8];
        out[..4].copy_from_slice(&self.ttl_s.to_be_bytes());
        out[4..].copy_from_slice(&self.keys.to_be_bytes());
        out
    }

    fn decode(raw: &[u8]) -> Option<LeaseRecord> {
        let raw: [u8; 8] = raw.try_into().ok()?;
        Some(LeaseRecord {
            ttl_s: u32::from_be_bytes(raw[..4].try_into().ok()?),
            keys: u32::from_be_bytes(raw[4..].try_into().ok()?),
        })
    }
}

/// A lease as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaseInfo {
    pub id: u64,
    pub ttl_s: u32,
    /// Time left on the master's clock (None: this site keeps no clock).
    pub remaining: Option<Duration>,
    pub key_count: u32,
    /// The first keys, in byte order.
    pub keys: Vec<Vec<u8>>,
}

/// The bounds of `[leases]`, adjustable at run time (SIGHUP).
#[derive(Debug)]
pub struct LeaseLimits {
    pub max_leases: AtomicU64,
    pub max_keys_per_lease: AtomicU64,
}

impl Default for LeaseLimits {
    fn default() -> Self {
        LeaseLimits { max_leases: AtomicU64::new(100_000), max_keys_per_lease: AtomicU64::new(1_000) }
    }
}

fn lease_key(id: u64) -> [u8; 9] {
    let mut out = [b'l'; 9];
    out[1..].copy_from_slice(&id.to_be_bytes());
    out
}

fn index_prefix(id: u64) -> [u8; 9] {
    let mut out = [b'k'; 9];
    out[1..].copy_from_slice(&id.to_be_bytes());
    out
}

fn index_key(id: u64, key: &[u8]) -> Vec<u8> {
    [&index_prefix(id)[..], key].concat()
}

fn damaged(what: &str) -> bdb::Error {
    bdb::Error::Os {
        errno: libc::EIO,
        message: format!("{what} in leases.db is not a record this version of Fish wrote"),
    }
}

fn read_lease(db: &Database, txn: &Txn<'_>, id: u64, for_update: bool) -> bdb::Result<Option<LeaseRecord>> {
    db.get(Some(txn), &lease_key(id), for_update)?
        .map(|raw| LeaseRecord::decode(&raw).ok_or_else(|| damaged(&format!("lease {id}"))))
        .transpose()
}

fn read_count(db: &Database, txn: &Txn<'_>) -> bdb::Result<u64> {
    Ok(db
        .get(Some(txn), COUNT_KEY, true)?
        .and_then(|raw| <[u8; 8]>::try_from(raw.as_slice()).ok())
        .map_or(0, u64::from_be_bytes))
}

/// Attaches `key` to lease `id` in `txn` (the caller detached it from any
/// other lease first).
pub(super) fn attach(db: &Database, txn: &Txn<'_>, id: u64, key: &[u8], max_keys: u64) -> Result<(), StoreError> {
    let mut lease = read_lease(db, txn, id, true)?.ok_or(StoreError::LeaseNotFound(id))?;
    if u64::from(lease.keys) >= max_keys {
        return Err(StoreError::LeaseFull { lease: id, limit: max_keys });
    }
    lease.keys += 1;
    db.put(txn, &lease_key(id), &lease.encode())?;
    db.put(txn, &index_key(id, key), &[])?;
    Ok(())
}

/// Detaches `key` from lease `id` in `txn`.
pub(super) fn detach(db: &Database, txn: &Txn<'_>, id: u64, key: &[u8]) -> Result<(), StoreError> {
    if db.delete(txn, &index_key(id, key))? {
        if let Some(mut lease) = read_lease(db, txn, id, true)? {
            lease.keys = lease.keys.saturating_sub(1);
            db.put(txn, &lease_key(id), &lease.encode())?;
        }
    }
    Ok(())
}

/// The keys of lease `id`, in byte order, at most `limit`.
fn keys_of(db: &Database, txn: &Txn<'_>, id: u64, limit: usize) -> bdb::Result<Vec<Vec<u8>>> {
    let prefix = index_prefix(id);
    let mut out = Vec::new();
    let mut cursor = db.cursor(txn)?;
    let mut at = cursor.seek_at_or_after(&prefix)?;
    while let Some((k, _)) = at {
        if !k.starts_with(&prefix) || out.len() >= limit {
            break;
        }
        out.push(k[prefix.len()..].to_vec());
        at = cursor.next_pair()?;
    }
    Ok(out)
}

/// Leases after `after`, in id order, at most `limit`.
fn list(db: &Database, txn: &Txn<'_>, after: u64, limit: usize) -> bdb::Result<Vec<(u64, LeaseRecord)>> {
    let mut out = Vec::new();
    let mut cursor = db.cursor(txn)?;
    let mut at = cursor.seek_at_or_after(&lease_key(after.saturating_add(1)))?;
    while let Some((k, v)) = at {
        if k.len() != 9 || k[0] != b'l' || out.len() >= limit {
            break;
        }
        let id = u64::from_be_bytes(k[1..].try_into().expect("9 bytes"));
        out.push((id, LeaseRecord::decode(&v).ok_or_else(|| damaged(&format!("lease {id}")))?));
        at = cursor.next_pair()?;
    }
    Ok(out)
}

/// The master's clock: when each lease runs out.
#[derive(Default)]
pub struct Clock {
    state: Mutex<ClockState>,
    pub limits: LeaseLimits,
}

#[derive(Default)]
struct ClockState {
    /// The generation whose leases are loaded (None: none loaded, this site
    /// is not master).
    loaded: Option<u32>,
    deadlines: HashMap<u64, Deadline>,
}

#[derive(Debug, Clone, Copy)]
struct Deadline {
    at: Instant,
    ttl: Duration,
}

impl Clock {
    fn lock(&self) -> std::sync::MutexGuard<'_, ClockState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Moves every deadline on by `by` (the master was stopped that long).
    fn extend_all(&self, by: Duration) {
        for d in self.lock().deadlines.values_mut() {
            d.at += by;
        }
    }

    /// The leases whose time is up, soonest first, and how long until the
    /// next one is.
    fn due(&self, now: Instant) -> (Vec<u64>, Option<Duration>) {
        let state = self.lock();
        let mut due: Vec<(Instant, u64)> =
            state.deadlines.iter().filter(|(_, d)| d.at <= now).map(|(id, d)| (d.at, *id)).collect();
        due.sort_unstable();
        let next = state.deadlines.values().filter(|d| d.at > now).map(|d| d.at - now).min();
        (due.into_iter().map(|(_, id)| id).collect(), next)
    }
}

/// A lease just granted.
#[derive(Debug, Clone, Copy)]
pub struct Granted {
    pub id: u64,
    pub ttl_s: u32,
}

impl Store {
    /// The lease database, or `NotReady` while this site has none (a
    /// replica of an older master during a rolling upgrade).
    fn lease_db(dbs: &Databases) -> Result<&Database, StoreError> {
        dbs.leases.as_ref().ok_or(StoreError::NotReady)
    }

    /// The generation this site is master in (0 when standalone); NotMaster
    /// otherwise.
    fn master_in(&self) -> Result<u32, StoreError> {
        if !self.env.is_replicated() {
            return Ok(0);
        }
        let state = self.env.rep_state()?;
        if state.is_master { Ok(state.generation) } else { Err(StoreError::NotMaster) }
    }

    /// Makes sure the clock holds this master's leases: on the first call
    /// in a new generation, every lease gets a full TTL from now.
    fn lease_clock(&self) -> Result<(), StoreError> {
        let generation = self.master_in()?;
        if self.leases.lock().loaded == Some(generation) {
            return Ok(());
        }
        let all = self.read(|dbs, txn| {
            let db = Self::lease_db(dbs)?;
            let mut all = Vec::new();
            let mut after = 0;
            loop {
                let page = list(db, txn, after, 10_000)?;
                let Some(&(last, _)) = page.last() else { break };
                after = last;
                all.extend(page);
            }
            Ok(all)
        })?;
        let now = Instant::now();
        let mut state = self.leases.lock();
        if state.loaded != Some(generation) {
            state.deadlines = all
                .into_iter()
                .map(|(id, l)| {
                    let ttl = Duration::from_secs(l.ttl_s.into());
                    (id, Deadline { at: now + ttl, ttl })
                })
                .collect();
            state.loaded = Some(generation);
            if !state.deadlines.is_empty() {
                tracing::info!(
                    leases = state.deadlines.len(),
                    generation,
                    "leases loaded by the new master, each with a full TTL"
                );
            }
        }
        Ok(())
    }

    /// Grants a lease of `ttl_s` seconds (master only).
    pub fn grant_lease(&self, ttl_s: u32) -> Result<Granted, StoreError> {
        self.lease_clock()?;
        self.check_free_space()?;
        let max = self.leases.limits.max_leases.load(Ordering::Relaxed);
        let id = self.with_dbs(true, |dbs| {
            let db = Self::lease_db(dbs)?;
            let txn = self.env.begin(TxnFlags::default())?;
            let count = read_count(db, &txn)?;
            if count >= max {
                return Err(StoreError::TooManyLeases { limit: max });
            }
            // Ids are random, so a client cannot guess the next one; 0 means
            // "no lease" in a key's record; below 2^53, so that JSON numbers
            // hold them exactly in every language.
            let id = loop {
                let id = fastrand::u64(1..1 << 53);
                if read_lease(db, &txn, id, true)?.is_none() {
                    break id;
                }
            };
            db.put(&txn, &lease_key(id), &LeaseRecord { ttl_s, keys: 0 }.encode())?;
            db.put(&txn, COUNT_KEY, &(count + 1).to_be_bytes())?;
            let done = self.commit_write(txn)?;
            // On the clock even when not acknowledged: the lease may
            // survive, and must then expire; if it was rolled back, its
            // expiry finds nothing to do.
            let ttl = Duration::from_secs(ttl_s.into());
            self.leases.lock().deadlines.insert(id, Deadline { at: Instant::now() + ttl, ttl });
            match done {
                done if done.acknowledged => Ok(id),
                done => Err(StoreError::NotAcknowledged { token: done.token }),
            }
        })?;
        Ok(Granted { id, ttl_s })
    }

    /// Renews lease `id` for a full TTL from now (master only); its TTL.
    /// Writes nothing: the deadline lives on the master's clock.
    pub fn keep_lease_alive(&self, id: u64) -> Result<u32, StoreError> {
        self.lease_clock()?;
        let mut state = self.leases.lock();
        let d = state.deadlines.get_mut(&id).ok_or(StoreError::LeaseNotFound(id))?;
        d.at = Instant::now() + d.ttl;
        Ok(d.ttl.as_secs() as u32)
    }

    /// Revokes lease `id`: deletes its keys and the lease in one
    /// transaction. How many keys went, and the commit's token.
    pub fn revoke_lease(&self, id: u64) -> Result<(usize, super::CommitToken), StoreError> {
        self.lease_clock()?;
        let done = self.with_dbs(true, |dbs| {
            let db = Self::lease_db(dbs)?;
            let txn = self.env.begin(TxnFlags::default())?;
            if read_lease(db, &txn, id, true)?.is_none() {
                return Err(StoreError::LeaseNotFound(id));
            }
            let keys = keys_of(db, &txn, id, usize::MAX)?;
            let mut logged = Vec::with_capacity(keys.len());
            for key in keys {
                db.delete(&txn, &index_key(id, &key)).map_err(|e| self.write_refused(e))?;
                // The index and the key's record agree; a key re-attached
                // elsewhere (which detaches it here) is not this lease's.
                let owned = super::read_entry(&dbs.kv, &txn, &key, true)?.is_some_and(|e| e.lease == id);
                if owned && dbs.kv.delete(&txn, &key).map_err(|e| self.write_refused(e))? {
                    logged.push((key, ChangeKind::Expire { lease: id }));
                }
            }
            db.delete(&txn, &lease_key(id)).map_err(|e| self.write_refused(e))?;
            let count = read_count(db, &txn)?;
            db.put(&txn, COUNT_KEY, &count.saturating_sub(1).to_be_bytes())?;
            let deleted = logged.len();
            let last = self.append_changes(dbs, &txn, logged)?;
            match self.commit_changes(txn, last)? {
                done if done.acknowledged => Ok((deleted, done.token)),
                done => Err(StoreError::NotAcknowledged { token: done.token }),
            }
        })?;
        self.leases.lock().deadlines.remove(&id);
        Ok(done)
    }

    /// Lease `id` with its first `max_keys` keys; the time left when this
    /// site is the master that keeps its clock.
    pub fn lease_info(&self, id: u64, max_keys: usize) -> Result<Option<LeaseInfo>, StoreError> {
        let found = self.read(|dbs, txn| {
            let db = Self::lease_db(dbs)?;
            let Some(lease) = read_lease(db, txn, id, false)? else { return Ok(None) };
            Ok(Some((lease, keys_of(db, txn, id, max_keys)?)))
        })?;
        Ok(found.map(|(lease, keys)| LeaseInfo {
            id,
            ttl_s: lease.ttl_s,
            remaining: self.remaining(id),
            key_count: lease.keys,
            keys,
        }))
    }

    /// Leases after id `after`, at most `limit`, without their keys.
    pub fn list_leases(&self, after: u64, limit: usize) -> Result<Vec<LeaseInfo>, StoreError> {
        let page = self.read(|dbs, txn| Ok(list(Self::lease_db(dbs)?, txn, after, limit)?))?;
        Ok(page
            .into_iter()
            .map(|(id, l)| LeaseInfo {
                id,
                ttl_s: l.ttl_s,
                remaining: self.remaining(id),
                key_count: l.keys,
                keys: Vec::new(),
            })
            .collect())
    }

    fn remaining(&self, id: u64) -> Option<Duration> {
        let state = self.leases.lock();
        state.loaded?;
        state.deadlines.get(&id).map(|d| d.at.saturating_duration_since(Instant::now()))
    }

    /// Detaches a key from its old lease and attaches it to its new one, in
    /// `txn` (a put or delete of the key).
    pub(super) fn move_lease(
        &self,
        dbs: &Databases,
        txn: &Txn<'_>,
        key: &[u8],
        old: u64,
        new: u64,
    ) -> Result<(), StoreError> {
        if old == new {
            return Ok(());
        }
        let db = Self::lease_db(dbs)?;
        if old != 0 {
            detach(db, txn, old, key)?;
        }
        if new != 0 {
            attach(db, txn, new, key, self.leases.limits.max_keys_per_lease.load(Ordering::Relaxed))?;
        }
        Ok(())
    }
}

/// How often the keeper looks at the clock when nothing is due sooner.
const TICK: Duration = Duration::from_millis(50);
/// The longest rest between two expiries in a burst.
const REST: Duration = Duration::from_millis(100);
/// Waking this much later than planned is a stop of the whole process.
const STOPPED: Duration = Duration::from_millis(500);

/// The keeper thread: on the master, expires leases as they come due;
/// elsewhere forgets the clock. `limits` gives `[leases] max_leases` and
/// `max_keys_per_lease` as they are now; `expired` is told of each lease
/// expired and how many keys went with it. Until `stop` says so.
pub fn run(store: &Store, limits: &dyn Fn() -> (u64, u64), expired: &dyn Fn(usize), stop: &dyn Fn() -> bool) {
    // When the keeper expects to wake next: waking much later means the
    // whole process was stopped.
    let mut wake = Instant::now();
    while !stop() {
        let (max_leases, max_keys) = limits();
        store.leases.limits.max_leases.store(max_leases, Ordering::Relaxed);
        store.leases.limits.max_keys_per_lease.store(max_keys, Ordering::Relaxed);
        let wait = match step(store, wake, expired) {
            Ok(next) => next.unwrap_or(TICK).min(TICK),
            Err(StoreError::NotMaster | StoreError::NotReady) => {
                let mut state = store.leases.lock();
                state.loaded = None;
                state.deadlines.clear();
                TICK
            }
            Err(err) => {
                tracing::warn!(%err, "expiring leases failed; retrying");
                TICK * 4
            }
        };
        let wait = wait.max(Duration::from_millis(1));
        wake = Instant::now() + wait;
        std::thread::sleep(wait);
    }
}

fn step(store: &Store, wake: Instant, expired: &dyn Fn(usize)) -> Result<Option<Duration>, StoreError> {
    let now = Instant::now();
    let late = now.saturating_duration_since(wake);
    store.lease_clock()?;
    if late > STOPPED {
        let by = late;
        store.leases.extend_all(by);
        tracing::warn!(
            stopped_ms = by.as_millis() as u64,
            "this master was stopped; every lease gets that time back (no keepalive could reach it)"
        );
    }
    let (due, next) = store.leases.due(now);
    let mut rest = Duration::ZERO;
    for id in due {
        // Many leases due at once: after each, a rest as long as it took
        // (at most `REST`), so that clients' writes keep flowing: replicas
        // apply every transaction in log order, and a burst of expiries
        // ahead of a write delays its acknowledgement.
        std::thread::sleep(rest);
        let started = Instant::now();
        match store.revoke_lease(id) {
            Ok((keys, _)) => {
                expired(keys);
                tracing::info!(lease = id, keys, "lease expired; its keys are deleted");
            }
            // Revoked meanwhile, by a client or an earlier pass.
            Err(StoreError::LeaseNotFound(_)) => {
                store.leases.lock().deadlines.remove(&id);
            }
            Err(e) => return Err(e),
        }
        rest = started.elapsed().min(REST);
    }
    Ok(next)
}
