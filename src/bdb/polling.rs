//! How Berkeley DB's internal waits sleep (`db_env_set_func_yield`).
//!
//! Berkeley DB waits for some conditions by sleeping a whole second between
//! checks (`__os_yield(env, 1, 0)`). The one that matters is a replication
//! lockout: at every role change `__rep_lockout_int` waits for the
//! operations in flight to drain, and if any transaction of the site was
//! open at that instant (a status read, a forwarded request's lookup), the
//! site started serving as master a second late. That was the ~1.05 s
//! failover outlier seen in about one SIGKILL trial in five
//! (docs/performance.md). The other one-second polls (a buffer-pool sync
//! retrying busy pages, a file-setup race) are also "check again later"
//! loops.
//!
//! Fish's hook turns one-second polls into [`POLL`]-long ones; every other
//! wait (mutex back-off, a yield) sleeps what Berkeley DB asks. With master
//! leases on, Replication Manager's pause before an election can also be
//! exactly one second (the smallest of the lease, ack and connection-retry
//! timeouts) and is deliberate, so once an environment with leases is
//! opened the hook stops shortening anything in that process.

use std::os::raw::{c_int, c_ulong};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use libdb_sys::ffi;

/// How often a one-second poll checks instead.
pub const POLL: Duration = Duration::from_millis(10);

/// False once an environment with master leases was opened.
static SHORT_POLLS: AtomicBool = AtomicBool::new(true);

/// Installs the hook (once per process, before the first environment is
/// created) and notes whether this environment uses leases.
pub(super) fn install(leases: bool) {
    static INSTALL: Once = Once::new();
    if leases {
        SHORT_POLLS.store(false, Ordering::Relaxed);
    }
    INSTALL.call_once(|| {
        // SAFETY: sets Berkeley DB's global yield function; `call_once`
        // runs this before any environment of this process exists (every
        // `Env::open` passes through here first), so no C code reads the
        // pointer while it is written.
        let rc = unsafe { ffi::db_env_set_func_yield(Some(on_yield)) };
        if rc != 0 {
            tracing::warn!(rc, "installing Berkeley DB's yield hook failed; its polls stay at one second");
        }
    });
}

/// What one `__os_yield(secs, usecs)` call sleeps.
fn wait_for(secs: c_ulong, usecs: c_ulong, short_polls: bool) -> Duration {
    if secs == 1 && usecs == 0 && short_polls {
        POLL
    } else {
        Duration::from_secs(secs).saturating_add(Duration::from_micros(usecs))
    }
}

/// Called by Berkeley DB instead of its own yield. Cannot unwind.
unsafe extern "C" fn on_yield(secs: c_ulong, usecs: c_ulong) -> c_int {
    let wait = wait_for(secs, usecs, SHORT_POLLS.load(Ordering::Relaxed));
    if wait.is_zero() {
        std::thread::yield_now();
    } else {
        std::thread::sleep(wait);
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_second_polls_are_shortened_and_only_without_leases() {
        assert_eq!(wait_for(1, 0, true), POLL);
        assert_eq!(wait_for(1, 0, false), Duration::from_secs(1));
        assert_eq!(wait_for(5, 0, true), Duration::from_secs(5));
        assert_eq!(wait_for(0, 25_000, true), Duration::from_millis(25));
        assert_eq!(wait_for(1, 500_000, true), Duration::from_millis(1500));
        assert_eq!(wait_for(0, 0, true), Duration::ZERO);
    }
}
