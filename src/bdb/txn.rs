//! Transactions: `Txn<'env>` borrows its environment, `commit(self)` and
//! `abort(self)` consume it, and dropping an unfinished one aborts it, so a
//! `?` in the middle of a write can never leave a transaction open.

use std::fmt;
use std::marker::PhantomData;
use std::ptr::{self, NonNull};
use std::str::FromStr;
use std::sync::Arc;

use libdb_sys::ffi;

use super::env::{Env, EnvInner, call};
use super::error::{Result, check};
use super::events::{clear_perm_failed, take_perm_failed};

/// How a transaction isolates its reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TxnFlags {
    /// Serializable (degree 3): read locks held to the end. For writers.
    #[default]
    Serializable,
    /// Degree 2: a cursor releases a page's read lock when it moves on, so
    /// long scans do not block writers.
    ReadCommitted,
    /// Degree 2, and a lock that is not free at once fails the call with
    /// `LockNotGranted` instead of waiting (`DB_TXN_NOWAIT`): for reads
    /// that must never wait on a writer.
    ReadCommittedNoWait,
}

impl TxnFlags {
    fn bits(self) -> u32 {
        match self {
            TxnFlags::Serializable => 0,
            TxnFlags::ReadCommitted => ffi::DB_READ_COMMITTED,
            TxnFlags::ReadCommittedNoWait => ffi::DB_READ_COMMITTED | ffi::DB_TXN_NOWAIT,
        }
    }
}

/// A live transaction. Send (one thread at a time may use it) but not Sync.
pub struct Txn<'env> {
    ptr: NonNull<ffi::DB_TXN>,
    _env: PhantomData<&'env Env>,
}

// SAFETY: Berkeley DB allows a DB_TXN to be used by any thread as long as
// only one uses it at a time; `Txn` is not Sync, so `&Txn` cannot be shared
// across threads, and moving it is fine.
unsafe impl Send for Txn<'_> {}

impl<'env> Txn<'env> {
    pub(super) fn begin(env: &'env Env, flags: TxnFlags) -> Result<Txn<'env>> {
        let mut raw: *mut ffi::DB_TXN = ptr::null_mut();
        // SAFETY: valid open environment; txn_begin writes a new handle into `raw`.
        check(unsafe { call!(env.inner.raw(), txn_begin, ptr::null_mut(), &mut raw, flags.bits()) })?;
        Ok(Txn { ptr: NonNull::new(raw).expect("txn_begin returned success and a null handle"), _env: PhantomData })
    }

    pub(super) fn raw(&self) -> *mut ffi::DB_TXN {
        self.ptr.as_ptr()
    }

    /// Commits, flushing the log to disk, and returns the commit token that
    /// identifies this transaction's place in the (replicated) log, and
    /// whether the replication ack policy was met (always true standalone).
    pub fn commit_with_token(self) -> Result<Committed> {
        self.commit_token_flags(0)
    }

    /// As [`Txn::commit_with_token`] without writing or flushing the log
    /// here (`DB_TXN_NOSYNC`): a commit that needs no durability on this
    /// site, only its replication acknowledgements (a read barrier). The
    /// commit record is still sent to the clients as a permanent record, and
    /// the call still waits for the acknowledgements its policy needs.
    pub fn commit_unflushed_with_token(self) -> Result<Committed> {
        self.commit_token_flags(ffi::DB_TXN_NOSYNC)
    }

    fn commit_token_flags(self, flags: u32) -> Result<Committed> {
        let mut token = ffi::DB_TXN_TOKEN { buf: [0; 20] };
        let raw = self.raw();
        std::mem::forget(self);
        // SAFETY: `raw` is a live top-level txn that we own (forgotten above,
        // so Drop will not abort it); commit frees it whatever it returns,
        // and the token buffer outlives the call.
        unsafe {
            let rc = call!(raw, set_commit_token, &mut token);
            if rc != 0 {
                call!(raw, abort);
                check(rc)?;
            }
            clear_perm_failed();
            check(call!(raw, commit, flags))?;
        }
        Ok(Committed { token: CommitToken(token.buf), acknowledged: !take_perm_failed() })
    }

    /// Commits without asking for a token (read-only transactions, and
    /// replicas, which may not ask for one).
    pub fn commit(self) -> Result<()> {
        let raw = self.raw();
        std::mem::forget(self);
        // SAFETY: as in `commit_with_token`; commit frees the handle.
        check(unsafe { call!(raw, commit, 0) })
    }

    /// Aborts, undoing every change made in this transaction.
    pub fn abort(self) -> Result<()> {
        let raw = self.raw();
        std::mem::forget(self);
        // SAFETY: live handle we own; abort frees it.
        check(unsafe { call!(raw, abort) })
    }
}

impl Drop for Txn<'_> {
    fn drop(&mut self) {
        // SAFETY: an unfinished txn we own; abort frees it.
        let rc = unsafe { call!(self.raw(), abort) };
        if let Err(err) = check(rc) {
            tracing::error!(%err, "aborting an abandoned transaction failed");
        }
    }
}

/// A transaction that keeps its environment open by itself instead of
/// borrowing it, so it can be stored and used across calls (the store's
/// pool of read transactions). Finished exactly like a [`Txn`]: commit or
/// abort consume it, and dropping an unfinished one aborts it.
pub struct OwnedTxn {
    // Fields drop in order: the transaction is finished before the
    // environment reference is released.
    txn: Txn<'static>,
    env: Arc<EnvInner>,
}

impl OwnedTxn {
    pub(super) fn begin(env: &Env, flags: TxnFlags) -> Result<OwnedTxn> {
        let borrowed = Txn::begin(env, flags)?;
        let ptr = borrowed.ptr;
        std::mem::forget(borrowed);
        // The `'static` is a promise this struct keeps: `env` holds the
        // environment open for as long as the transaction exists.
        Ok(OwnedTxn { txn: Txn { ptr, _env: PhantomData }, env: Arc::clone(&env.inner) })
    }

    /// The transaction, to pass to database calls.
    pub fn txn(&self) -> &Txn<'_> {
        &self.txn
    }

    /// Commits (see [`Txn::commit`]).
    pub fn commit(self) -> Result<()> {
        let OwnedTxn { txn, env } = self;
        let rc = txn.commit();
        drop(env);
        rc
    }

    /// Aborts (see [`Txn::abort`]).
    pub fn abort(self) -> Result<()> {
        let OwnedTxn { txn, env } = self;
        let rc = txn.abort();
        drop(env);
        rc
    }
}

/// A committed write transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Committed {
    pub token: CommitToken,
    /// False when Berkeley DB raised PERM_FAILED for this commit: it is
    /// applied locally but did not get the acknowledgements its policy needs.
    pub acknowledged: bool,
}

/// Berkeley DB's commit token: 20 opaque bytes naming one committed
/// transaction (generation, LSN, environment id). Carried over HTTP as
/// `Fish-Token` in hex; a replica can wait until it has applied it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommitToken(pub [u8; 20]);

impl CommitToken {
    /// The replication generation the commit was made in (bytes 4..8,
    /// network order, after the format version: `__txn_set_commit_token`).
    pub fn generation(&self) -> u32 {
        u32::from_be_bytes([self.0[4], self.0[5], self.0[6], self.0[7]])
    }

    /// The LSN of the commit record (bytes 12..20: file, offset).
    pub fn lsn(&self) -> super::env::Lsn {
        let word = |i: usize| u32::from_be_bytes([self.0[i], self.0[i + 1], self.0[i + 2], self.0[i + 3]]);
        super::env::Lsn { file: word(12), offset: word(16) }
    }
}

impl fmt::Display for CommitToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl fmt::Debug for CommitToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CommitToken({self})")
    }
}

/// A `Fish-Token` that is not 40 hex digits.
#[derive(Debug, thiserror::Error)]
#[error("a commit token is 40 hex digits")]
pub struct BadToken;

impl FromStr for CommitToken {
    type Err = BadToken;

    fn from_str(s: &str) -> std::result::Result<Self, BadToken> {
        let s = s.as_bytes();
        if s.len() != 40 {
            return Err(BadToken);
        }
        let mut buf = [0u8; 20];
        for (i, pair) in s.chunks(2).enumerate() {
            let hex = std::str::from_utf8(pair).map_err(|_| BadToken)?;
            buf[i] = u8::from_str_radix(hex, 16).map_err(|_| BadToken)?;
        }
        Ok(CommitToken(buf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_round_trips_through_hex() {
        let t = CommitToken(std::array::from_fn(|i| (i * 13) as u8));
        let s = t.to_string();
        assert_eq!(s.len(), 40);
        assert_eq!(s.parse::<CommitToken>().unwrap(), t);
        assert!("zz".parse::<CommitToken>().is_err());
        assert!(s[..39].parse::<CommitToken>().is_err());
        assert!(format!("{}g", &s[..39]).parse::<CommitToken>().is_err());
    }
}
