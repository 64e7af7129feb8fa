//! Cursors over a btree, borrowed from a transaction (`Cursor<'txn>`), so the
//! transaction cannot commit or abort while one is open.

use std::marker::PhantomData;
use std::ptr::{self, NonNull};

use libdb_sys::ffi;

use super::db::{Database, dbt_in, dbt_malloc, take_malloced};
use super::env::call;
use super::error::{Error, Result, check};
use super::txn::Txn;

/// One key and its value, as read by a cursor.
pub type Pair = (Vec<u8>, Vec<u8>);

/// A positioned cursor; closed on drop.
pub struct Cursor<'t> {
    ptr: NonNull<ffi::DBC>,
    _txn: PhantomData<&'t Txn<'t>>,
}

impl<'t> Cursor<'t> {
    pub(super) fn open(db: &'t Database, txn: &'t Txn<'_>) -> Result<Cursor<'t>> {
        let mut raw: *mut ffi::DBC = ptr::null_mut();
        // SAFETY: valid db and txn handles; `cursor` writes a new handle.
        check(unsafe { call!(db.raw(), cursor, txn.raw(), &mut raw, 0) })?;
        Ok(Cursor { ptr: NonNull::new(raw).expect("DB->cursor returned success and a null handle"), _txn: PhantomData })
    }

    /// Moves to the first key >= `key` and returns it with its value.
    pub fn seek_at_or_after(&mut self, key: &[u8]) -> Result<Option<Pair>> {
        // DB_SET_RANGE writes the found key back into the key DBT, so ask
        // for it in malloc'd memory while passing ours as the search key.
        let mut k = dbt_in(key);
        k.flags = ffi::DB_DBT_MALLOC;
        self.step(k, ffi::DB_SET_RANGE)
    }

    /// Moves to the next key.
    pub fn next_pair(&mut self) -> Result<Option<Pair>> {
        self.step(dbt_malloc(), ffi::DB_NEXT)
    }

    /// Moves to the previous key (from an unpositioned cursor: the last).
    pub fn prev_pair(&mut self) -> Result<Option<Pair>> {
        self.step(dbt_malloc(), ffi::DB_PREV)
    }

    /// Moves to the last key.
    pub fn last_pair(&mut self) -> Result<Option<Pair>> {
        self.step(dbt_malloc(), ffi::DB_LAST)
    }

    /// Reads `key` with a write lock (`DB_SET | DB_RMW`) and stays on it,
    /// so [`Cursor::replace`] or [`Cursor::delete_current`] can write it
    /// without searching the tree again. `None` if the key is absent (the
    /// cursor is then unpositioned).
    pub fn find_for_update(&mut self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        let mut k = dbt_in(key);
        let mut v = dbt_malloc();
        // SAFETY: live cursor; `k` points into `key`, which DB_SET only
        // reads; `v` asks for malloc'd output, copied and freed once.
        let rc = unsafe { call!(self.ptr.as_ptr(), get, &mut k, &mut v, ffi::DB_SET | ffi::DB_RMW) };
        match check(rc) {
            // SAFETY: success: `v` was filled by Berkeley DB's malloc.
            Ok(()) => Ok(Some(unsafe { take_malloced(&v) })),
            Err(Error::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Replaces the value of the key the cursor is on (`DB_CURRENT`).
    pub fn replace(&mut self, value: &[u8]) -> Result<()> {
        let mut k = ffi::DBT::default();
        let mut v = dbt_in(value);
        // SAFETY: live cursor; `v` points into a live slice Berkeley DB
        // only reads; the key DBT is ignored with DB_CURRENT.
        check(unsafe { call!(self.ptr.as_ptr(), put, &mut k, &mut v, ffi::DB_CURRENT) })
    }

    /// Writes `key` = `value` (the key need not exist), and stays on it.
    pub fn put(&mut self, key: &[u8], value: &[u8]) -> Result<()> {
        let mut k = dbt_in(key);
        let mut v = dbt_in(value);
        // SAFETY: live cursor; both DBTs point into live slices that
        // Berkeley DB only reads.
        check(unsafe { call!(self.ptr.as_ptr(), put, &mut k, &mut v, ffi::DB_KEYFIRST) })
    }

    /// Deletes the key the cursor is on.
    pub fn delete_current(&mut self) -> Result<()> {
        // SAFETY: live cursor.
        check(unsafe { call!(self.ptr.as_ptr(), del, 0) })
    }

    fn step(&mut self, mut k: ffi::DBT, flags: u32) -> Result<Option<Pair>> {
        let mut v = dbt_malloc();
        // SAFETY: live cursor; both DBTs ask Berkeley DB to malloc output,
        // which `take_malloced` copies and frees exactly once.
        let rc = unsafe { call!(self.ptr.as_ptr(), get, &mut k, &mut v, flags) };
        match check(rc) {
            // SAFETY: success: both DBTs were filled by Berkeley DB's malloc.
            Ok(()) => Ok(Some(unsafe { (take_malloced(&k), take_malloced(&v)) })),
            Err(Error::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

impl Drop for Cursor<'_> {
    fn drop(&mut self) {
        // SAFETY: we own the cursor; its txn is still open (borrowed by 't).
        let rc = unsafe { call!(self.ptr.as_ptr(), close) };
        if let Err(err) = check(rc) {
            tracing::error!(%err, "closing a cursor failed");
        }
    }
}
