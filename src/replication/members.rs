//! The group's members as this site's replica knows them, and the changes
//! to membership that the API offers: what `/v1/status` and `/v1/members`
//! report, removing a site, and recording a member's registration.

use super::shape::{self, SiteRecord};
use super::view::View;
use crate::api;
use crate::bdb::{self, SiteAddr};
use crate::config::{Config, HostPort};
use crate::store::{Store, StoreError};

/// What only this site's replica can tell, for `/v1/status`.
pub struct LocalState {
    /// None (as `log_files`) while Berkeley DB locks the log out.
    pub lsn: Option<api::Lsn>,
    pub log_files: Option<usize>,
    /// The other sites, as Berkeley DB's membership lists them.
    pub sites: Vec<api::StatusSite>,
    /// None while the membership or registry cannot be read yet.
    pub fault_tolerance: Option<api::FaultTolerance>,
    pub berkeley_db: String,
}

/// Reads this site's log position and membership (blocking).
///
/// A replica synchronising with a master (after every failover, for a
/// moment; for the whole of an internal init) has its log locked out
/// (`BDB3504 Operation locked out`): what needs the log is left out then,
/// so that the status, where an operator looks first, still answers.
pub fn local_state(store: &Store, config: &Config) -> Result<LocalState, StoreError> {
    let env = store.env();
    let lsn = unless_locked_out(env.current_lsn())?;
    let sites = unless_locked_out(env.sites())?.unwrap_or_default();
    Ok(LocalState {
        lsn: lsn.map(|lsn| api::Lsn { file: lsn.file, offset: lsn.offset }),
        log_files: unless_locked_out(env.log_files())?.map(|files| files.len()),
        sites: sites
            .into_iter()
            .map(|s| api::StatusSite {
                replication: s.addr.to_string(),
                is_self: false,
                connected: s.connected,
                view: s.view,
                eid: Some(s.eid),
                name: None,
                http: None,
            })
            .collect(),
        // A site still joining knows no group yet: its shape would be a
        // group of one.
        fault_tolerance: if env.replication_started() {
            shape::shape(store, config).ok().map(shape::Shape::into_api)
        } else {
            None
        },
        berkeley_db: bdb::version(),
    })
}

fn unless_locked_out<T>(read: bdb::Result<T>) -> Result<Option<T>, StoreError> {
    match read {
        Ok(value) => Ok(Some(value)),
        Err(bdb::Error::RepLockout) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Every member with its registration, this site first (blocking).
pub fn members(store: &Store, config: &Config, view: &View) -> Result<api::Members, StoreError> {
    let sites = shape::registered_sites(store)?;
    let master = view.master.as_ref().map(|m| m.replication.as_str());
    let me = config.replication.listen.to_string();
    let mut members = vec![api::Member {
        master: master == Some(me.as_str()),
        replication: me,
        is_self: true,
        connected: true,
        view: config.is_view(),
        name: Some(config.name.clone()),
        http: Some(config.http.advertise.to_string()),
        role: Some(config.role.to_string()),
    }];
    members.extend(sites.into_iter().map(|(s, record)| {
        let replication = s.addr.to_string();
        api::Member {
            master: master == Some(replication.as_str()),
            replication,
            is_self: false,
            connected: s.connected,
            view: s.view,
            name: record.as_ref().map(|r| r.name.clone()),
            http: record.as_ref().map(|r| r.http.clone()),
            role: record.map(|r| r.role),
        }
    }));
    Ok(api::Members { members, generation: view.generation })
}

/// Why a site could not be removed.
#[derive(Debug, thiserror::Error)]
pub enum RemoveError {
    #[error("{0} is this site, the master; stop it (another site takes over) and remove it from there")]
    IsSelf(HostPort),
    #[error("{0} is not a member of the group")]
    NotMember(HostPort),
    #[error("{0}")]
    Failed(StoreError),
}

/// Removes `site` from the group; a master operation (blocking).
pub fn remove(store: &Store, config: &Config, site: &HostPort) -> Result<(), RemoveError> {
    if *site == config.replication.listen {
        return Err(RemoveError::IsSelf(site.clone()));
    }
    let addr = site_addr(site);
    let known = store.env().sites().map_err(|e| RemoveError::Failed(e.into()))?;
    if !known.iter().any(|s| s.addr == addr) {
        return Err(RemoveError::NotMember(site.clone()));
    }
    store.env().remove_site(&addr).map_err(|e| RemoveError::Failed(e.into()))?;
    tracing::info!(fish_event = "site_removed", site = %site, "removed a site from the group");
    Ok(())
}

/// Records `record` as the registration of the member at `site`; a master
/// operation (blocking).
pub fn record_registration(store: &Store, site: &HostPort, record: &SiteRecord) -> Result<(), StoreError> {
    let json = serde_json::to_vec(record).expect("serialising a record");
    store.meta_put(&SiteRecord::key(&site.to_string()), &json).map(drop)
}

/// Berkeley DB's form of an address.
pub(super) fn site_addr(h: &HostPort) -> SiteAddr {
    SiteAddr { host: h.host.clone(), port: h.port }
}

#[cfg(test)]
mod tests {
    use super::site_addr;
    use crate::config::HostPort;

    /// A member registers under its configured address and is looked up
    /// under the address Berkeley DB reports for it: one text for both, or
    /// an IPv6 member would always look unregistered.
    #[test]
    fn a_site_reads_the_same_from_the_config_and_from_berkeley_db() {
        for text in ["10.0.0.2:7000", "[::1]:7000", "[fd00::2]:7001", "back0.example:7000"] {
            let configured: HostPort = text.parse().unwrap();
            assert_eq!(site_addr(&configured).to_string(), configured.to_string(), "{text}");
            assert_eq!(configured.to_string(), text);
        }
    }
}
