//! Replication events from Berkeley DB's C callback, delivered as Rust
//! values on a channel.
//!
//! The callback runs on Berkeley DB's own threads (and, for
//! `DB_EVENT_REP_PERM_FAILED`, on the thread that is committing). It never
//! blocks and never lets a panic unwind into C: it converts the event, sends
//! it, and returns. PERM_FAILED is also recorded in a thread-local flag, so
//! the commit that caused it can be told apart from every other commit
//! (see `Txn::commit_with_token`).

use std::cell::Cell;
use std::os::raw::{c_int, c_void};
use std::sync::Mutex;
use std::sync::mpsc::Sender;

use libdb_sys::ffi;

/// Something the replication group did, as this site saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepEvent {
    /// This site won an election or was made master.
    BecameMaster,
    /// This site is now a client.
    BecameClient,
    /// Another site (by environment id) is master now.
    NewMaster {
        eid: i32,
    },
    /// This site won an election (a `BecameMaster` follows).
    Elected,
    /// An election ended without a winner.
    ElectionFailed,
    /// The master stopped answering (heartbeats or connection lost).
    MasterFailure,
    ConnectionUp {
        eid: i32,
    },
    ConnectionDown {
        eid: i32,
        errno: i32,
    },
    ConnectAttemptFailed {
        eid: i32,
        errno: i32,
    },
    SiteAdded {
        eid: i32,
    },
    SiteRemoved {
        eid: i32,
    },
    /// This site was removed from the group.
    LocalSiteRemoved,
    /// A commit did not get the acknowledgements its policy requires.
    PermFailed,
    /// A client finished its initial sync with the master.
    StartupDone,
    /// A full internal initialisation from the master finished.
    InitDone,
    /// Joining the group failed (e.g. no helper reachable).
    JoinFailure,
    /// Two masters met; this one must step down.
    DupMaster,
    /// A client would have to roll back committed transactions to sync.
    WouldRollback,
    /// The environment panicked; it must be reopened with recovery.
    Panic {
        errno: i32,
    },
    /// A write to the environment failed (e.g. a full disk).
    WriteFailed {
        errno: i32,
    },
    /// Any event this version does not know by name.
    Other {
        code: u32,
    },
}

thread_local! {
    static PERM_FAILED: Cell<bool> = const { Cell::new(false) };
}

/// Clears this thread's PERM_FAILED flag (before a commit).
pub(super) fn clear_perm_failed() {
    PERM_FAILED.with(|f| f.set(false));
}

/// Takes this thread's PERM_FAILED flag (after a commit).
pub(super) fn take_perm_failed() -> bool {
    PERM_FAILED.with(|f| f.replace(false))
}

/// Owned by the environment; its address is the env's `app_private`.
pub(super) struct EventSink {
    tx: Mutex<Sender<RepEvent>>,
}

impl EventSink {
    pub(super) fn new(tx: Sender<RepEvent>) -> EventSink {
        EventSink { tx: Mutex::new(tx) }
    }
}

/// # Safety
/// `info` is what Berkeley DB documents for `event`: an `int*` for
/// NEWMASTER/CONNECT_ESTD/SITE_ADDED/SITE_REMOVED/PANIC/WRITE_FAILED, a
/// `DB_REPMGR_CONN_ERR*` for CONNECT_BROKEN/CONNECT_TRY_FAILED.
unsafe fn convert(event: u32, info: *mut c_void) -> RepEvent {
    // SAFETY: per this function's contract; every pointer is checked for null.
    let int = || unsafe { info.cast::<c_int>().as_ref().copied().unwrap_or(-1) };
    let conn = || unsafe { info.cast::<ffi::DB_REPMGR_CONN_ERR>().as_ref().map_or((-1, 0), |e| (e.eid, e.error)) };
    match event {
        ffi::DB_EVENT_REP_MASTER => RepEvent::BecameMaster,
        ffi::DB_EVENT_REP_CLIENT => RepEvent::BecameClient,
        ffi::DB_EVENT_REP_NEWMASTER => RepEvent::NewMaster { eid: int() },
        ffi::DB_EVENT_REP_ELECTED => RepEvent::Elected,
        ffi::DB_EVENT_REP_ELECTION_FAILED => RepEvent::ElectionFailed,
        ffi::DB_EVENT_REP_MASTER_FAILURE => RepEvent::MasterFailure,
        ffi::DB_EVENT_REP_CONNECT_ESTD => RepEvent::ConnectionUp { eid: int() },
        ffi::DB_EVENT_REP_CONNECT_BROKEN => {
            let (eid, errno) = conn();
            RepEvent::ConnectionDown { eid, errno }
        }
        ffi::DB_EVENT_REP_CONNECT_TRY_FAILED => {
            let (eid, errno) = conn();
            RepEvent::ConnectAttemptFailed { eid, errno }
        }
        ffi::DB_EVENT_REP_SITE_ADDED => RepEvent::SiteAdded { eid: int() },
        ffi::DB_EVENT_REP_SITE_REMOVED => RepEvent::SiteRemoved { eid: int() },
        ffi::DB_EVENT_REP_LOCAL_SITE_REMOVED => RepEvent::LocalSiteRemoved,
        ffi::DB_EVENT_REP_PERM_FAILED => RepEvent::PermFailed,
        ffi::DB_EVENT_REP_STARTUPDONE => RepEvent::StartupDone,
        ffi::DB_EVENT_REP_INIT_DONE => RepEvent::InitDone,
        ffi::DB_EVENT_REP_JOIN_FAILURE => RepEvent::JoinFailure,
        ffi::DB_EVENT_REP_DUPMASTER => RepEvent::DupMaster,
        ffi::DB_EVENT_REP_WOULD_ROLLBACK => RepEvent::WouldRollback,
        ffi::DB_EVENT_PANIC => RepEvent::Panic { errno: int() },
        ffi::DB_EVENT_WRITE_FAILED => RepEvent::WriteFailed { errno: int() },
        code => RepEvent::Other { code },
    }
}

/// The callback registered with `DB_ENV->set_event_notify`.
pub(super) unsafe extern "C" fn on_event(env: *mut ffi::DB_ENV, event: u32, info: *mut c_void) {
    let _ = std::panic::catch_unwind(|| {
        if event == ffi::DB_EVENT_REP_PERM_FAILED {
            PERM_FAILED.with(|f| f.set(true));
        }
        // SAFETY: `app_private` is null or points to the EventSink that the
        // environment owns and frees only after DB_ENV->close returned, so
        // it outlives every callback. `info` matches `event` (see convert).
        unsafe {
            let sink = (*env).app_private.cast::<EventSink>().cast_const();
            if let Some(sink) = sink.as_ref() {
                let ev = convert(event, info);
                if let Ok(tx) = sink.tx.lock() {
                    let _ = tx.send(ev);
                }
            }
        }
    });
}
