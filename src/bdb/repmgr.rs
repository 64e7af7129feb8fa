//! Berkeley DB's Replication Manager on an [`Env`]: the local site, helpers,
//! priority, ack policy and timeouts (set before the environment opens),
//! then start, state, group membership, and removal of sites.
//!
//! Why it is configured this way (details in docs/replication.md):
//! - Heartbeats are off by default in 5.3 and the connection retry is 30 s,
//!   so a silent master would be noticed late: Fish always sets heartbeat
//!   send/monitor and short connection and election retries.
//! - Group membership lives in Berkeley DB's own membership database, so a
//!   restarted site rejoins from its data dir with no helper.
//! - `commit` succeeds even when the ack policy was not met; the
//!   PERM_FAILED event fires on the committing thread and
//!   `Txn::commit_with_token` reports it (see [`super::events`]).

use std::ffi::{CStr, CString, c_char, c_uint, c_void};
use std::os::fd::{FromRawFd, IntoRawFd, OwnedFd, RawFd};
use std::os::raw::c_int;
use std::ptr;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::Duration;

use libdb_sys::ffi;

use super::env::{Env, call};
use super::error::{Error, Result, check};
use super::events::RepEvent;

/// Which sites must acknowledge a commit (`DB_REPMGR_ACKS_*`); its config
/// names are `config::AckPolicy`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AckPolicy {
    Quorum,
    AllPeers,
    All,
    AllAvailable,
    One,
    OnePeer,
    None,
}

impl AckPolicy {
    fn code(self) -> c_int {
        (match self {
            AckPolicy::Quorum => ffi::DB_REPMGR_ACKS_QUORUM,
            AckPolicy::AllPeers => ffi::DB_REPMGR_ACKS_ALL_PEERS,
            AckPolicy::All => ffi::DB_REPMGR_ACKS_ALL,
            AckPolicy::AllAvailable => ffi::DB_REPMGR_ACKS_ALL_AVAILABLE,
            AckPolicy::One => ffi::DB_REPMGR_ACKS_ONE,
            AckPolicy::OnePeer => ffi::DB_REPMGR_ACKS_ONE_PEER,
            AckPolicy::None => ffi::DB_REPMGR_ACKS_NONE,
        }) as c_int
    }
}

/// Replication timeouts (`DB_REP_*` timeouts).
#[derive(Debug, Clone)]
pub struct RepTimeouts {
    pub ack: Duration,
    pub election: Duration,
    pub election_retry: Duration,
    pub connection_retry: Duration,
    pub heartbeat_send: Duration,
    pub heartbeat_monitor: Duration,
}

impl RepTimeouts {
    /// Each timeout with its `DB_REP_*` code, as `rep_set_timeout` takes them.
    fn by_code(&self) -> [(u32, Duration); 6] {
        [
            (ffi::DB_REP_ACK_TIMEOUT, self.ack),
            (ffi::DB_REP_ELECTION_TIMEOUT, self.election),
            (ffi::DB_REP_ELECTION_RETRY, self.election_retry),
            (ffi::DB_REP_CONNECTION_RETRY, self.connection_retry),
            (ffi::DB_REP_HEARTBEAT_SEND, self.heartbeat_send),
            (ffi::DB_REP_HEARTBEAT_MONITOR, self.heartbeat_monitor),
        ]
    }
}

/// A `host:port` of a replication site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SiteAddr {
    pub host: String,
    pub port: u16,
}

/// `host:port`, with an IPv6 host in brackets (`[::1]:7000`), as Fish's
/// config writes addresses: the registry keys sites by this text.
impl std::fmt::Display for SiteAddr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

/// How a replicated environment is set up; applied before it opens.
#[derive(Debug, Clone)]
pub struct RepConfig {
    pub local: SiteAddr,
    pub group_creator: bool,
    pub helpers: Vec<SiteAddr>,
    /// 0: never master.
    pub priority: u32,
    /// A view (Fish's Berkeley DB patch 0010): a full replica that never
    /// votes, never acknowledges, is left out of the group size and can
    /// never be master. Fixed for the life of the site's data: the group
    /// records it when the site joins.
    pub view: bool,
    pub ack_policy: AckPolicy,
    pub timeouts: RepTimeouts,
    /// Master leases, with this lease timeout.
    pub lease: Option<Duration>,
    /// Where events go.
    pub events: Sender<RepEvent>,
    /// Who carries the connections (Fish's patch 0014); `None`: repmgr's
    /// own plain TCP.
    pub transport: Option<Arc<dyn Transport>>,
}

/// Carries the replication connections (Fish's Berkeley DB patch 0014):
/// repmgr hands over each socket it accepts or connects and reads and
/// writes the descriptor it gets back.
pub trait Transport: Send + Sync + std::fmt::Debug {
    /// A socket repmgr accepted: the descriptor it should use instead, or
    /// `None` to drop the connection. Runs on repmgr's I/O thread: it must
    /// not block.
    fn accepted(&self, socket: OwnedFd) -> Option<OwnedFd>;
    /// A socket repmgr connected to `host:port`: the same; it may block
    /// for a bounded time (repmgr's connector thread).
    fn connected(&self, socket: OwnedFd, host: &str, port: u16) -> Option<OwnedFd>;
    /// Whether the peer behind `fd` (a descriptor `accepted` returned) may
    /// name itself `host:port` in repmgr's handshake.
    fn may_claim(&self, fd: RawFd, host: &str, port: u16) -> bool;
}

/// The `arg` of the C hooks: a thin pointer to the transport.
pub(super) type TransportBox = Box<Arc<dyn Transport>>;

fn transport_of<'a>(arg: *mut c_void) -> &'a dyn Transport {
    // SAFETY: `arg` is the TransportBox that Env::open passed to
    // repmgr_set_transport; EnvInner keeps it alive until after the
    // environment (and with it repmgr's threads) is closed.
    unsafe { &**(arg as *const Arc<dyn Transport>) }
}

/// # Safety
/// `s` is null or a valid NUL-terminated string.
unsafe fn host_of(s: *const c_char) -> String {
    if s.is_null() {
        return String::new();
    }
    // SAFETY: per this function's contract.
    unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned()
}

unsafe extern "C" fn on_accepted(arg: *mut c_void, fd: c_int) -> c_int {
    // SAFETY: repmgr hands over an open socket it no longer uses.
    let socket = unsafe { OwnedFd::from_raw_fd(fd) };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| transport_of(arg).accepted(socket)))
        .ok()
        .flatten()
        .map_or(-1, IntoRawFd::into_raw_fd)
}

unsafe extern "C" fn on_connected(arg: *mut c_void, fd: c_int, host: *const c_char, port: c_uint) -> c_int {
    // SAFETY: repmgr hands over an open socket it no longer uses; `host`
    // is its NUL-terminated site address.
    let (socket, host) = unsafe { (OwnedFd::from_raw_fd(fd), host_of(host)) };
    let port = u16::try_from(port).unwrap_or(0);
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| transport_of(arg).connected(socket, &host, port)))
        .ok()
        .flatten()
        .map_or(-1, IntoRawFd::into_raw_fd)
}

unsafe extern "C" fn on_claim(arg: *mut c_void, fd: c_int, host: *const c_char, port: c_uint) -> c_int {
    // SAFETY: `host` is the NUL-terminated host of a handshake.
    let host = unsafe { host_of(host) };
    let Ok(port) = u16::try_from(port) else { return 0 };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| transport_of(arg).may_claim(fd, &host, port)))
        .unwrap_or(false)
        .into()
}

/// Where this site stands (`DB_ENV->rep_stat`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepState {
    pub is_master: bool,
    pub is_client: bool,
    /// The master's environment id, if one is known.
    pub master: Option<i32>,
    /// Replication generation (increments with each elected master).
    pub generation: u32,
    /// A client finished its initial sync with the master.
    pub startup_complete: bool,
    /// The group size that quorum and elections count (`rep_get_nsites`):
    /// views are left out.
    pub nsites: u32,
    pub elections: u64,
}

/// One remote site of the group (`DB_ENV->repmgr_site_list`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteInfo {
    pub eid: i32,
    pub addr: SiteAddr,
    pub connected: bool,
    /// A view: not counted in the group size.
    pub view: bool,
}

fn micros(d: Duration) -> u32 {
    if d.is_zero() {
        return 0;
    }
    u32::try_from(d.as_micros()).unwrap_or(u32::MAX)
}

fn c_host(host: &str) -> Result<CString> {
    CString::new(host)
        .map_err(|_| Error::Os { errno: libc::EINVAL, message: format!("host {host:?} contains a NUL byte") })
}

/// Applies `rep` to an unopened handle.
///
/// # Safety
/// `raw` is a valid, unopened DB_ENV whose `app_private` already points to
/// the event sink (or is null); `transport` (if any) outlives the handle.
pub(super) unsafe fn configure(raw: *mut ffi::DB_ENV, rep: &RepConfig, transport: Option<&TransportBox>) -> Result<()> {
    // SAFETY: per this function's contract; all of these are legal before open.
    unsafe {
        if let Some(t) = transport {
            let hooks = ffi::DB_REPMGR_TRANSPORT {
                arg: &**t as *const Arc<dyn Transport> as *mut c_void,
                accepted: Some(on_accepted),
                connected: Some(on_connected),
                may_claim: Some(on_claim),
            };
            check(call!(raw, repmgr_set_transport, &hooks))?;
        }
        check(call!(raw, set_event_notify, Some(super::events::on_event)))?;
        check(call!(raw, rep_set_priority, rep.priority))?;
        check(call!(raw, repmgr_set_ack_policy, rep.ack_policy.code()))?;
        for (which, d) in rep.timeouts.by_code() {
            check(call!(raw, rep_set_timeout, which as c_int, micros(d)))?;
        }
        // A master's checkpoint otherwise sleeps 30 s before writing its
        // record (to let clients flush first), which would stall the final
        // checkpoint of a clean shutdown; clients flush when it arrives.
        check(call!(raw, rep_set_timeout, ffi::DB_REP_CHECKPOINT_DELAY as c_int, 0))?;
        // Without NOWAIT, an API call that meets a replication lockout (a
        // role change or sync) sleeps in 5 s steps inside Berkeley DB
        // (`__op_rep_enter`); with it, it fails at once with
        // DB_REP_LOCKOUT and the store's retry loop waits in small steps.
        check(call!(raw, rep_set_config, ffi::DB_REP_CONF_NOWAIT, 1))?;
        // Bulk transfer: a master sends a transaction's log records as one
        // message when it commits, instead of one message per record to
        // every site; with patch 0015 a client flushes once per message.
        // +50% quorum writes at 64 connections (docs/performance.md).
        check(call!(raw, rep_set_config, ffi::DB_REP_CONF_BULK, 1))?;
        if rep.view {
            check(call!(raw, rep_set_config, ffi::DB_REPMGR_CONF_VIEW, 1))?;
        }
        if let Some(lease) = rep.lease {
            check(call!(raw, rep_set_config, ffi::DB_REP_CONF_LEASE, 1))?;
            check(call!(raw, rep_set_timeout, ffi::DB_REP_LEASE_TIMEOUT as c_int, micros(lease)))?;
        }
        let mut local = vec![(ffi::DB_LOCAL_SITE, 1)];
        if rep.group_creator {
            local.push((ffi::DB_GROUP_CREATOR, 1));
        }
        add_site(raw, &rep.local, &local)?;
        for helper in &rep.helpers {
            add_site(raw, helper, &[(ffi::DB_BOOTSTRAP_HELPER, 1)])?;
        }
    }
    Ok(())
}

/// # Safety
/// `raw` is a valid DB_ENV handle.
unsafe fn add_site(raw: *mut ffi::DB_ENV, addr: &SiteAddr, config: &[(u32, u32)]) -> Result<()> {
    let host = c_host(&addr.host)?;
    let mut site: *mut ffi::DB_SITE = ptr::null_mut();
    // SAFETY: valid handle, NUL-terminated host; the DB_SITE handle is
    // closed on every path below.
    unsafe {
        check(call!(raw, repmgr_site, host.as_ptr(), u32::from(addr.port), &mut site, 0))?;
        let mut result = Ok(());
        for (which, value) in config {
            result = result.and(check(call!(site, set_config, *which, *value)));
        }
        let closed = check(call!(site, close));
        result.and(closed)
    }
}

impl Env {
    /// Starts the Replication Manager: `electable` sites hold elections;
    /// others (priority 0) start as clients. Returns `RepUnavail` while a
    /// joining site cannot yet be added to the group: retry with backoff.
    ///
    /// `Err(RoleMismatch)` if the group records this site as a view and it
    /// is configured as a member, or the reverse; any other refusal
    /// (EINVAL) carries Berkeley DB's reason in its message.
    pub fn start_replication(&self, threads: u32, electable: bool) -> Result<()> {
        /// Words of patch 0010's refusal (`__repmgr_start`).
        const ROLE_MISMATCH: &str = "in the group but is configured as a";
        let flags = if electable { ffi::DB_REP_ELECTION } else { ffi::DB_REP_CLIENT };
        let _ = super::env::take_last_error();
        // SAFETY: valid open environment with DB_INIT_REP.
        let started = check(unsafe { call!(self.inner.raw(), repmgr_start, threads as c_int, flags) });
        match (started, super::env::take_last_error()) {
            (Err(Error::Os { errno: libc::EINVAL, .. }), Some(reason)) if reason.contains(ROLE_MISMATCH) => {
                Err(Error::RoleMismatch(reason))
            }
            (Err(Error::Os { errno, message }), Some(reason)) => {
                Err(Error::Os { errno, message: format!("{message}: {reason}") })
            }
            (started, _) => {
                if started.is_ok() {
                    self.inner.rep_started.store(true, std::sync::atomic::Ordering::Release);
                }
                started
            }
        }
    }

    /// Whether [`Env::start_replication`] has succeeded: from then on the
    /// site has a role and its group size is known.
    pub fn replication_started(&self) -> bool {
        self.inner.rep_started.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Steps this master down (Fish's patch 0013), the first half of a
    /// hand-over: it becomes a client (its log's end is final once this
    /// returns) and every client forgets it as master; nobody calls an
    /// election yet (clients do after the election retry time). The caller
    /// then prepares the site it wants to win and calls
    /// [`Env::elect_now`]. `Err(Inval)` if this site is not master.
    pub fn step_down(&self) -> Result<()> {
        // SAFETY: valid open environment with replication started.
        check(unsafe { call!(self.inner.raw(), repmgr_start, 0, ffi::DB_REP_CLIENT) })
    }

    /// Calls an election at once (Fish's patch 0013), from a client that
    /// is not a view; this site votes in it.
    pub fn elect_now(&self) -> Result<()> {
        // SAFETY: valid open environment with replication started.
        check(unsafe { call!(self.inner.raw(), repmgr_start, 0, ffi::DB_REP_ELECTION) })
    }

    /// This site's replication state.
    pub fn rep_state(&self) -> Result<RepState> {
        let mut sp: *mut ffi::DB_REP_STAT = ptr::null_mut();
        // SAFETY: valid handle; on success `sp` is a malloc'd struct that we
        // read and free exactly once.
        unsafe {
            // 0 until repmgr_start has read the membership. Not asked
            // before: Berkeley DB would log "Nsites unknown" (BDB3672) for
            // every status or readiness probe of a site still joining.
            let mut nsites: u32 = 0;
            if self.replication_started() && check(call!(self.inner.raw(), rep_get_nsites, &mut nsites)).is_err() {
                nsites = 0;
            }
            check(call!(self.inner.raw(), rep_stat, &mut sp, 0))?;
            let s = &*sp;
            let state = RepState {
                is_master: s.st_status == ffi::DB_REP_MASTER,
                is_client: s.st_status == ffi::DB_REP_CLIENT,
                master: (s.st_master >= 0).then_some(s.st_master as i32),
                generation: s.st_gen,
                startup_complete: s.st_startup_complete != 0,
                nsites,
                elections: s.st_elections as u64,
            };
            libc::free(sp.cast());
            Ok(state)
        }
    }

    /// The other sites of the group and whether we are connected to each.
    pub fn sites(&self) -> Result<Vec<SiteInfo>> {
        let mut count: u32 = 0;
        let mut list: *mut ffi::DB_REPMGR_SITE = ptr::null_mut();
        // SAFETY: valid handle; the list (one malloc'd block holding the
        // array and its host strings) is read and then freed once.
        unsafe {
            check(call!(self.inner.raw(), repmgr_site_list, &mut count, &mut list))?;
            let mut out = Vec::with_capacity(count as usize);
            for i in 0..count as usize {
                let s = &*list.add(i);
                out.push(SiteInfo {
                    eid: s.eid,
                    addr: SiteAddr { host: CStr::from_ptr(s.host).to_string_lossy().into_owned(), port: s.port as u16 },
                    connected: s.status == ffi::DB_REPMGR_CONNECTED,
                    view: s.flags & ffi::DB_REPMGR_ISVIEW != 0,
                });
            }
            if !list.is_null() {
                libc::free(list.cast());
            }
            Ok(out)
        }
    }

    /// The other site with environment id `eid` (its address, link and
    /// kind); `Err(NotFound)` for an unknown id (or this site's own).
    ///
    /// Read from [`Env::sites`], not `repmgr_site_by_eid`: 5.3's
    /// `__repmgr_site_by_eid` reads repmgr's array of sites without its
    /// mutex, while a message thread that learns of a new site moves that
    /// array to a bigger one and frees the old (`__repmgr_new_site`, under
    /// the mutex), so a caller on another thread could read freed memory.
    /// `repmgr_site_list` holds the mutex.
    pub fn site(&self, eid: i32) -> Result<SiteInfo> {
        self.sites()?.into_iter().find(|s| s.eid == eid).ok_or(Error::NotFound)
    }

    /// Removes a site from the group (only the master can).
    pub fn remove_site(&self, addr: &SiteAddr) -> Result<()> {
        let host = c_host(&addr.host)?;
        let mut site: *mut ffi::DB_SITE = ptr::null_mut();
        // SAFETY: valid handle; `remove` also closes the DB_SITE handle.
        unsafe {
            check(call!(self.inner.raw(), repmgr_site, host.as_ptr(), u32::from(addr.port), &mut site, 0))?;
            check(call!(site, remove))
        }
    }
}

impl Env {
    /// Changes the ack policy of a running site (takes effect for the next
    /// commit when this site is master).
    pub fn set_ack_policy(&self, policy: AckPolicy) -> Result<()> {
        // SAFETY: valid open handle; legal at any time.
        check(unsafe { call!(self.inner.raw(), repmgr_set_ack_policy, policy.code()) })
    }

    /// How many bytes a site sends in answer to one request for log or
    /// pages before it tells the requester to ask again (`*_MORE`);
    /// Berkeley DB's default is 10 MB. Tests make it small, so that a
    /// catch-up crosses the limit hundreds of times.
    #[cfg(test)]
    pub(super) fn set_transfer_limit(&self, bytes: u32) -> Result<()> {
        // SAFETY: valid open handle; legal at any time.
        check(unsafe { call!(self.inner.raw(), rep_set_limit, 0, bytes) })
    }

    /// Changes this site's election priority.
    pub fn set_priority(&self, priority: u32) -> Result<()> {
        // SAFETY: valid open handle; legal at any time.
        check(unsafe { call!(self.inner.raw(), rep_set_priority, priority) })
    }

    /// This site's election priority right now.
    pub fn priority(&self) -> Result<u32> {
        let mut p: u32 = 0;
        // SAFETY: valid open handle; writes one u32.
        check(unsafe { call!(self.inner.raw(), rep_get_priority, &mut p) })?;
        Ok(p)
    }

    /// Changes the replication timeouts of a running site.
    pub fn set_timeouts(&self, t: &RepTimeouts) -> Result<()> {
        for (which, d) in t.by_code() {
            // SAFETY: valid open handle; legal at any time.
            check(unsafe { call!(self.inner.raw(), rep_set_timeout, which as c_int, micros(d)) })?;
        }
        Ok(())
    }
}
