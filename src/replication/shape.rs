//! How many back-end failures the group's current shape tolerates for
//! quorum writes.
//!
//! Berkeley DB 5.3 (`repmgr_net.c`) needs `(nsites - 1) / 2` acks from
//! electable peers (priority > 0) for QUORUM; a 2-site group needs the
//! other site's ack. Elections need votes from a majority of nsites. With
//! Fish's patch 0010, nsites leaves views (every front-end with a replica)
//! out, so they never change the tolerance; a priority-0 member that is not
//! a view (a back-end configured so) still counts without ever acking.
//! Berkeley DB does not expose remote sites' priorities, so each member
//! registers `site/<replication address>` in fish.meta.db (through the
//! master); a voting member not registered yet counts as non-acknowledging,
//! the conservative choice.

use serde::{Deserialize, Serialize};

use crate::bdb::SiteInfo;
use crate::config::Config;
use crate::store::{Store, StoreError};

/// What a member registers about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteRecord {
    pub name: String,
    pub role: String,
    pub priority: u32,
    pub http: String,
}

impl SiteRecord {
    pub fn of(config: &Config) -> SiteRecord {
        SiteRecord {
            name: config.name.clone(),
            role: config.role.to_string(),
            priority: config.replication.priority,
            http: config.http.advertise.to_string(),
        }
    }

    pub fn key(replication: &str) -> String {
        format!("site/{replication}")
    }
}

/// The group's shape and what it tolerates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Voting members (views left out), this site included if it votes.
    pub members: usize,
    pub electable: usize,
    /// Views, this site included if it is one.
    pub views: usize,
    pub unregistered: usize,
    /// Back-end failures after which quorum writes are still acknowledged
    /// (and a master can still be elected).
    pub quorum_write_failures_tolerated: usize,
}

impl Shape {
    /// As `/v1/status` reports it.
    pub fn into_api(self) -> crate::api::FaultTolerance {
        crate::api::FaultTolerance {
            members: self.members,
            electable: self.electable,
            views: self.views,
            unregistered: self.unregistered,
            quorum_write_failures_tolerated: self.quorum_write_failures_tolerated,
        }
    }

    /// The same group without its priority-0 members.
    pub fn without_priority_zero(&self) -> Shape {
        compute(self.electable, self.electable, 0, self.views)
    }
}

/// The other sites of the group, each with its registry record if it has
/// a readable one, as this site's replica says.
pub fn registered_sites(store: &Store) -> Result<Vec<(SiteInfo, Option<SiteRecord>)>, StoreError> {
    let sites = store.env().sites()?;
    let mut out = Vec::with_capacity(sites.len());
    for site in sites {
        let record = store
            .meta_get(&SiteRecord::key(&site.addr.to_string()))?
            .and_then(|raw| serde_json::from_slice::<SiteRecord>(&raw).ok());
        out.push((site, record));
    }
    Ok(out)
}

/// The shape as this site's replica of the membership and registry says.
pub fn shape(store: &Store, config: &Config) -> Result<Shape, StoreError> {
    let others = registered_sites(store)?;
    let me_view = config.is_view();
    let (mut members, mut views) = (usize::from(!me_view), usize::from(me_view));
    let mut electable = usize::from(!me_view && config.replication.priority > 0);
    let mut unregistered = 0;
    for (site, record) in &others {
        if site.view {
            views += 1;
            continue;
        }
        members += 1;
        match record {
            Some(r) if r.priority > 0 => electable += 1,
            Some(_) => {}
            None => unregistered += 1,
        }
    }
    Ok(compute(members, electable, unregistered, views))
}

fn compute(members: usize, electable: usize, unregistered: usize, views: usize) -> Shape {
    if members == 0 {
        // A view that does not know the group yet.
        return Shape { members, electable, views, unregistered, quorum_write_failures_tolerated: 0 };
    }
    let peers_needed = match members - 1 {
        1 => 1,
        n => n / 2,
    };
    // After f back-end failures (the master possibly among them), a new
    // master has electable - f - 1 peers to ack, and members - f voters.
    let for_acks = electable.saturating_sub(1 + peers_needed);
    let for_votes = members - (members / 2 + 1);
    let tolerated = if electable == 0 { 0 } else { for_acks.min(for_votes) };
    Shape { members, electable, views, unregistered, quorum_write_failures_tolerated: tolerated }
}

#[cfg(test)]
mod tests {
    use super::compute;

    #[test]
    fn priority_zero_members_lower_what_three_back_ends_tolerate_and_views_do_not() {
        let t = |members, electable| compute(members, electable, 0, 0).quorum_write_failures_tolerated;
        assert_eq!(t(1, 1), 0);
        assert_eq!(t(2, 2), 0, "2 sites: the other one must ack");
        assert_eq!(t(3, 3), 1);
        assert_eq!(t(4, 3), 1, "3 back-ends + 1 member front-end");
        assert_eq!(t(5, 3), 0, "3 back-ends + 2 member front-ends: every back-end must ack");
        assert_eq!(t(6, 3), 0);
        assert_eq!(t(5, 5), 2);
        for views in [0, 1, 2, 5, 50] {
            assert_eq!(compute(3, 3, 0, views).quorum_write_failures_tolerated, 1, "{views} views");
            assert_eq!(compute(1, 1, 0, views).quorum_write_failures_tolerated, 0, "{views} views");
        }
        assert_eq!(compute(0, 0, 0, 1).quorum_write_failures_tolerated, 0, "a view before it knows the group");
    }
}
