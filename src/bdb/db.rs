//! Btree databases inside an environment, and the DBT plumbing they share
//! with cursors.
//!
//! Reads copy into Rust-owned memory: point lookups through a user buffer
//! (`DB_DBT_USERMEM`, grown once if Berkeley DB says it is too small), cursor
//! steps through `DB_DBT_MALLOC`, freed at once.

use std::ffi::CString;
use std::os::raw::c_void;
use std::ptr::{self, NonNull};
use std::sync::Arc;

use libdb_sys::ffi;

use super::cursor::Cursor;
use super::env::{Env, EnvInner, call};
use super::error::{Error, Result, check};
use super::txn::Txn;

/// The page size of a database created by [`Database::open_btree`]: a power
/// of two from 512 to 65,536 bytes (Berkeley DB's limits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSize(u32);

impl PageSize {
    pub const MIN: u32 = 512;
    pub const MAX: u32 = 65_536;

    /// `None` unless `bytes` is a power of two from [`Self::MIN`] to [`Self::MAX`].
    pub const fn new(bytes: u32) -> Option<PageSize> {
        if bytes.is_power_of_two() && bytes >= Self::MIN && bytes <= Self::MAX { Some(PageSize(bytes)) } else { None }
    }

    pub fn bytes(self) -> u32 {
        self.0
    }
}

/// An open btree database. Free-threaded; closed on drop (before its
/// environment, which it keeps alive).
pub struct Database {
    ptr: NonNull<ffi::DB>,
    // Keeps the environment open for as long as this handle lives.
    _env: Arc<EnvInner>,
}

// SAFETY: opened with DB_THREAD, so the DB handle is free-threaded.
unsafe impl Send for Database {}
// SAFETY: as above (DB_THREAD).
unsafe impl Sync for Database {}

impl Drop for Database {
    fn drop(&mut self) {
        // DB->close is a destructor that cannot fail (`__db_close_pp`): it
        // frees the handle whatever it returns. A replication lockout or a
        // deadlock it reports only says the close ran outside the
        // replication block, so it is never retried: a retry was a second
        // close of freed memory (a crash seen when a master that just
        // handed over closed its databases while the new master synced it).
        // SAFETY: we own the handle; cursors borrow `&Database`, so none is
        // open; it is never touched again after this call.
        let rc = unsafe { call!(self.ptr.as_ptr(), close, 0) };
        match check(rc) {
            Ok(()) => {}
            Err(err @ (Error::LockDeadlock | Error::RepLockout)) => {
                tracing::debug!(%err, "closed a Berkeley DB database during a replication lockout")
            }
            Err(err) => tracing::error!(%err, "closing a Berkeley DB database failed"),
        }
    }
}

impl Database {
    /// Opens the btree `file` of `env` inside `txn`. With `create`, a
    /// missing file is created with pages of that many bytes (a power of
    /// two from 512 to 65,536; an existing file keeps the size it was
    /// created with). Only a master or a standalone site may create; a
    /// replication client gets `NotFound` until the master's copy arrives.
    pub fn open_btree(env: &Env, txn: &Txn<'_>, file: &str, create: Option<PageSize>) -> Result<Database> {
        let mut raw: *mut ffi::DB = ptr::null_mut();
        // SAFETY: valid open environment; db_create writes a new handle.
        check(unsafe { ffi::db_create(&mut raw, env.inner.raw(), 0) })?;
        let db = Database {
            ptr: NonNull::new(raw).expect("db_create returned success and a null handle"),
            _env: Arc::clone(&env.inner),
        };
        let c_file = CString::new(file).map_err(|_| Error::Os {
            errno: libc::EINVAL,
            message: format!("database name {file:?} contains a NUL byte"),
        })?;
        let flags = match create {
            Some(PageSize(bytes)) => {
                // SAFETY: fresh, unopened handle (set_pagesize must precede open).
                check(unsafe { call!(raw, set_pagesize, bytes) })?;
                ffi::DB_CREATE | ffi::DB_THREAD
            }
            None => ffi::DB_THREAD,
        };
        // SAFETY: fresh handle, live txn, NUL-terminated name; if open fails
        // the handle must still be closed, which dropping `db` does.
        let rc =
            unsafe { call!(raw, open, txn.raw(), c_file.as_ptr(), ptr::null(), ffi::DBTYPE_DB_BTREE, flags, 0o600) };
        match check(rc) {
            Ok(()) => Ok(db),
            Err(Error::Os { errno: libc::ENOENT, .. }) => Err(Error::NotFound),
            Err(e) => Err(e),
        }
    }

    /// The size of this database's pages, in bytes (set when the file was
    /// created).
    pub fn page_size(&self) -> Result<u32> {
        let mut bytes = 0u32;
        // SAFETY: valid open handle; writes one u32.
        check(unsafe { call!(self.raw(), get_pagesize, &mut bytes) })?;
        Ok(bytes)
    }

    pub(super) fn raw(&self) -> *mut ffi::DB {
        self.ptr.as_ptr()
    }

    /// Reads `key`. With `for_update`, takes a write lock (`DB_RMW`) so the
    /// read-modify-write that follows cannot deadlock on lock upgrade.
    pub fn get(&self, txn: Option<&Txn<'_>>, key: &[u8], for_update: bool) -> Result<Option<Vec<u8>>> {
        let flags = if for_update { ffi::DB_RMW } else { 0 };
        let txn_ptr = txn.map_or(ptr::null_mut(), Txn::raw);
        let mut buf: Vec<u8> = Vec::with_capacity(4096);
        loop {
            let mut k = dbt_in(key);
            let mut v = dbt_user(&mut buf);
            // SAFETY: valid handles; `k` points into `key` and `v` into
            // `buf`'s spare capacity (ulen), both alive for the call.
            let rc = unsafe { call!(self.raw(), get, txn_ptr, &mut k, &mut v, flags) };
            match check(rc) {
                Ok(()) => {
                    // SAFETY: Berkeley DB wrote `v.size` <= ulen bytes into buf.
                    unsafe { buf.set_len(v.size as usize) };
                    return Ok(Some(buf));
                }
                Err(Error::NotFound) => return Ok(None),
                Err(Error::BufferSmall { .. }) => buf.reserve(v.size as usize),
                Err(e) => return Err(e),
            }
        }
    }

    /// Writes `key` = `value`, replacing any previous value.
    pub fn put(&self, txn: &Txn<'_>, key: &[u8], value: &[u8]) -> Result<()> {
        let mut k = dbt_in(key);
        let mut v = dbt_in(value);
        // SAFETY: valid handles; the DBTs point into live slices that
        // Berkeley DB only reads.
        check(unsafe { call!(self.raw(), put, txn.raw(), &mut k, &mut v, 0) })
    }

    /// Deletes `key`; `Ok(false)` if it was not there.
    pub fn delete(&self, txn: &Txn<'_>, key: &[u8]) -> Result<bool> {
        let mut k = dbt_in(key);
        // SAFETY: valid handles; `k` points into a live slice.
        match check(unsafe { call!(self.raw(), del, txn.raw(), &mut k, 0) }) {
            Ok(()) => Ok(true),
            Err(Error::NotFound) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Opens a cursor inside `txn`. Closing it first, then committing, is fine:
    ///
    /// ```
    /// # fn f(env: &fish::bdb::Env, db: &fish::bdb::Database) {
    /// let txn = env.begin(Default::default()).unwrap();
    /// let cursor = db.cursor(&txn).unwrap();
    /// drop(cursor);
    /// txn.commit().unwrap();
    /// # }
    /// ```
    ///
    /// but it cannot outlive the transaction:
    ///
    /// ```compile_fail
    /// # fn f(env: &fish::bdb::Env, db: &fish::bdb::Database) {
    /// let txn = env.begin(Default::default()).unwrap();
    /// let cursor = db.cursor(&txn).unwrap();
    /// txn.commit().unwrap(); // error: `txn` is still borrowed by `cursor`
    /// drop(cursor);
    /// # }
    /// ```
    pub fn cursor<'t>(&'t self, txn: &'t Txn<'_>) -> Result<Cursor<'t>> {
        Cursor::open(self, txn)
    }
}

/// A DBT that hands Berkeley DB a slice to read.
pub(super) fn dbt_in(data: &[u8]) -> ffi::DBT {
    ffi::DBT { data: data.as_ptr() as *mut c_void, size: data.len() as u32, ..Default::default() }
}

/// A DBT that lets Berkeley DB write into `buf`'s capacity.
fn dbt_user(buf: &mut Vec<u8>) -> ffi::DBT {
    ffi::DBT {
        data: buf.as_mut_ptr().cast(),
        ulen: buf.capacity() as u32,
        flags: ffi::DB_DBT_USERMEM,
        ..Default::default()
    }
}

/// A DBT into which Berkeley DB mallocs its output.
pub(super) fn dbt_malloc() -> ffi::DBT {
    ffi::DBT { flags: ffi::DB_DBT_MALLOC, ..Default::default() }
}

/// Copies a `DB_DBT_MALLOC` result out and frees Berkeley DB's buffer.
///
/// # Safety
/// `dbt` must come from a successful call that filled a `dbt_malloc()` DBT.
pub(super) unsafe fn take_malloced(dbt: &ffi::DBT) -> Vec<u8> {
    if dbt.data.is_null() {
        return Vec::new();
    }
    // SAFETY: per the contract, `data` holds `size` bytes malloc'd by Berkeley DB.
    unsafe {
        let out = std::slice::from_raw_parts(dbt.data as *const u8, dbt.size as usize).to_vec();
        libc::free(dbt.data);
        out
    }
}
