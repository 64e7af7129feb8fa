//! Starting the Replication Manager. Joining is itself a replicated write to
//! the membership database, so it fails with DB_REP_UNAVAIL while too few
//! sites are up (e.g. several joining at once): retry with backoff, say so.

use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::bdb;
use crate::config::Config;
use crate::store::{Store, StoreError};

/// Replication Manager message threads.
const REPMGR_THREADS: u32 = 3;

/// Starts replication, retrying until it starts or `shutdown` fires.
pub fn join(store: &Store, config: &Config, shutdown: &CancellationToken) {
    let electable = config.replication.priority > 0;
    let mut delay = Duration::from_millis(100);
    let mut attempt = 1u32;
    while !shutdown.is_cancelled() {
        match store.start_replication(REPMGR_THREADS, electable) {
            Ok(()) => {
                tracing::info!(fish_event = "replication_started", attempt, local = %config.replication.listen, "replication started");
                return;
            }
            Err(StoreError::Bdb(bdb::Error::RepUnavail(why))) => {
                tracing::warn!(
                    fish_event = "join_retry",
                    attempt,
                    retry_in_ms = delay.as_millis() as u64,
                    "cannot join the group yet ({why}); retrying"
                );
            }
            // Berkeley DB refuses a site whose membership record disagrees
            // with what it is configured as: a view (every front-end with a
            // replica) or a member (every back-end). Only the operator can
            // fix that.
            Err(StoreError::Bdb(bdb::Error::RoleMismatch(reason))) => {
                let (is, was) = if config.is_view() { ("view", "member") } else { ("member", "view") };
                tracing::error!(
                    fish_event = "join_refused",
                    attempt,
                    err = %reason,
                    "this data dir joined the group as a {was} but the site is now configured as a {is}; to change it: `fishctl remove-site {}` against the master, empty {}, then start this site again (docs/replication.md)",
                    config.replication.listen,
                    config.data_dir.display()
                );
            }
            Err(err) => {
                tracing::error!(fish_event = "join_failed", attempt, %err, "starting replication failed; retrying");
            }
        }
        sleep_unless_cancelled(delay, shutdown);
        delay = (delay * 2).min(Duration::from_secs(2));
        attempt += 1;
    }
}

/// Sleeps `delay`, waking early (within 50 ms) when `shutdown` fires.
fn sleep_unless_cancelled(delay: Duration, shutdown: &CancellationToken) {
    let until = std::time::Instant::now() + delay;
    while !shutdown.is_cancelled() {
        let left = until.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return;
        }
        std::thread::sleep(left.min(Duration::from_millis(50)));
    }
}
