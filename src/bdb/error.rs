//! The one place where Berkeley DB return codes become Rust errors.
//!
//! Every call into the C library goes through [`check`]; callers match on the
//! named variants (`LockDeadlock` is retried by the store, `RepUnavail` and
//! `RepLeaseExpired` become 503s once replication lands) rather than on
//! integers.

use std::ffi::CStr;
use std::os::raw::c_int;

use libdb_sys::ffi;

/// An error returned by Berkeley DB, by its name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// DB_NOTFOUND. Point lookups turn this into `Ok(None)` before callers see it.
    #[error("not found")]
    NotFound,
    /// DB_KEYEMPTY: e.g. a commit token of a transaction that wrote nothing.
    #[error("key empty")]
    KeyEmpty,
    /// DB_KEYEXIST: a put with DB_NOOVERWRITE found the key.
    #[error("key exists")]
    KeyExist,
    /// DB_LOCK_DEADLOCK: this transaction was chosen to break a deadlock; abort and retry.
    #[error("deadlock: transaction chosen as victim")]
    LockDeadlock,
    /// DB_LOCK_NOTGRANTED: a lock wait timed out; abort and retry.
    #[error("lock not granted")]
    LockNotGranted,
    /// DB_BUFFER_SMALL: the user buffer was too small; `needed` bytes are required.
    #[error("buffer too small: {needed} bytes needed")]
    BufferSmall { needed: usize },
    /// DB_RUNRECOVERY: the environment is damaged and must be reopened with recovery.
    #[error("environment needs recovery (DB_RUNRECOVERY)")]
    RunRecovery,
    /// DB_VERSION_MISMATCH: the environment was written by another Berkeley DB version.
    #[error("environment written by an incompatible Berkeley DB version")]
    VersionMismatch,
    /// DB_REP_HANDLE_DEAD: a replication role change invalidated this handle.
    #[error("database handle invalidated by a replication role change")]
    RepHandleDead,
    /// DB_REP_UNAVAIL: not enough sites to complete the replication operation.
    #[error("replication unavailable: {0}")]
    RepUnavail(String),
    /// DB_REP_LEASE_EXPIRED: master leases could not be confirmed.
    #[error("master lease expired")]
    RepLeaseExpired,
    /// DB_REP_LOCKOUT: the environment is locked out during a replication sync.
    #[error("replication lockout: site is being synchronised")]
    RepLockout,
    /// DB_REP_DUPMASTER: two masters were found; this one must step down.
    #[error("duplicate master")]
    RepDupMaster,
    /// DB_TIMEOUT: a replication wait (txn_applied) timed out.
    #[error("timed out")]
    Timeout,
    /// `repmgr_start` refused a site whose group membership record says it
    /// is a view while it is configured as a member, or the reverse (patch
    /// 0010); the reason is Berkeley DB's own words.
    #[error("{0}")]
    RoleMismatch(String),
    /// An operating-system error (positive errno from the library).
    #[error("{message} (errno {errno})")]
    Os { errno: i32, message: String },
    /// Any other Berkeley DB error code.
    #[error("{message} (Berkeley DB error {code})")]
    Other { code: i32, message: String },
}

/// Result of a Berkeley DB call.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// True for errors that mean "abort the transaction and run it again".
    pub fn is_retryable(&self) -> bool {
        matches!(self, Error::LockDeadlock | Error::LockNotGranted)
    }

    /// An I/O error of Fish's own file work beside Berkeley DB's, as an
    /// operating-system error: "`context`: `err`".
    pub fn io(context: impl std::fmt::Display, err: &std::io::Error) -> Error {
        Error::Os { errno: err.raw_os_error().unwrap_or(libc::EIO), message: format!("{context}: {err}") }
    }

    /// The errno behind an operating-system error, if this is one.
    pub fn errno(&self) -> Option<i32> {
        match self {
            Error::Os { errno, .. } => Some(*errno),
            _ => None,
        }
    }
}

/// Maps a C return code to `Ok(())` or a named [`Error`].
pub(crate) fn check(rc: c_int) -> Result<()> {
    if rc == 0 {
        return Ok(());
    }
    Err(from_code(rc))
}

fn from_code(rc: c_int) -> Error {
    match rc {
        ffi::DB_NOTFOUND => Error::NotFound,
        ffi::DB_KEYEXIST => Error::KeyExist,
        ffi::DB_KEYEMPTY => Error::KeyEmpty,
        ffi::DB_LOCK_DEADLOCK => Error::LockDeadlock,
        ffi::DB_LOCK_NOTGRANTED => Error::LockNotGranted,
        ffi::DB_RUNRECOVERY => Error::RunRecovery,
        ffi::DB_VERSION_MISMATCH => Error::VersionMismatch,
        ffi::DB_REP_HANDLE_DEAD => Error::RepHandleDead,
        ffi::DB_REP_UNAVAIL => Error::RepUnavail(strerror(rc)),
        ffi::DB_REP_LEASE_EXPIRED => Error::RepLeaseExpired,
        ffi::DB_REP_LOCKOUT => Error::RepLockout,
        ffi::DB_REP_DUPMASTER => Error::RepDupMaster,
        ffi::DB_TIMEOUT => Error::Timeout,
        // DB_BUFFER_SMALL carries the needed size in the DBT, not the code;
        // the caller that passed a user buffer fills it in.
        ffi::DB_BUFFER_SMALL => Error::BufferSmall { needed: 0 },
        errno if errno > 0 => Error::Os { errno, message: strerror(errno) },
        code => Error::Other { code, message: strerror(code) },
    }
}

/// Berkeley DB's own text for a code (covers errno values too).
pub(crate) fn strerror(rc: c_int) -> String {
    // SAFETY: db_strerror returns a pointer to a static, NUL-terminated string
    // (or to a thread-local buffer for unknown codes) that stays valid until
    // the next call on this thread; we copy it out at once.
    unsafe {
        let p = ffi::db_strerror(rc);
        if p.is_null() {
            return format!("error {rc}");
        }
        CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_codes_map_to_named_variants() {
        assert_eq!(check(0), Ok(()));
        assert_eq!(check(ffi::DB_NOTFOUND), Err(Error::NotFound));
        assert_eq!(check(ffi::DB_LOCK_DEADLOCK), Err(Error::LockDeadlock));
        assert!(check(ffi::DB_LOCK_DEADLOCK).unwrap_err().is_retryable());
        assert!(matches!(check(ffi::DB_REP_UNAVAIL), Err(Error::RepUnavail(_))));
    }

    #[test]
    fn errno_keeps_its_number_and_text() {
        let err = check(libc::ENOSPC).unwrap_err();
        assert_eq!(err.errno(), Some(libc::ENOSPC));
        assert!(err.to_string().contains("No space left"), "{err}");
    }
}
