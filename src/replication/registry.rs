//! This member's registration: its record (name, role, priority, HTTP
//! address) in the replicated registry, written through the master, and the
//! group's fault tolerance, reported when it changes. The master warns
//! (once per shape) when priority-0 back-ends make it lower than the
//! electable ones alone would give (front-ends are views and never do).
//!
//! The record is rebuilt from the running config every round, so a reload
//! that changes the priority is registered within a second.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::shape::{self, SiteRecord};
use super::view::{Role, View};
use crate::api;
use crate::config::Running;
use crate::store::{Store, StoreError};

const EVERY: Duration = Duration::from_secs(1);

/// Runs until `shutdown`.
pub async fn keep_registered(
    store: Arc<Store>,
    running: Arc<Running>,
    view: watch::Receiver<View>,
    shutdown: CancellationToken,
) {
    // Logged when any part of it changes: once per site at start, then
    // only news.
    let mut last = None;
    let mut warned = None;
    while shutdown.run_until_cancelled(tokio::time::sleep(EVERY)).await.is_some() {
        let view = view.borrow().clone();
        if !view.synced {
            continue;
        }
        let config = running.get();
        let me = config.replication.listen.to_string();
        let record = serde_json::to_vec(&SiteRecord::of(&config)).expect("serialising a record");
        let key = SiteRecord::key(&me);
        let (s, k, c) = (Arc::clone(&store), key.clone(), Arc::clone(&config));
        let (current, shape) =
            match tokio::task::spawn_blocking(move || Ok::<_, StoreError>((s.meta_get(&k)?, shape::shape(&s, &c)?)))
                .await
            {
                Ok(Ok(found)) => found,
                Ok(Err(err)) => {
                    tracing::debug!(%err, "group shape not available yet");
                    continue;
                }
                Err(_) => continue,
            };
        if current.as_deref() != Some(record.as_slice()) {
            register(&store, &view, &config, &key, &me, &record).await;
        }
        let tolerated = shape.quorum_write_failures_tolerated;
        if last != Some(shape) {
            tracing::info!(
                fish_event = "group_shape",
                tolerated,
                members = shape.members,
                electable = shape.electable,
                views = shape.views,
                unregistered = shape.unregistered,
                "the group tolerates {tolerated} back-end failure(s) for quorum writes"
            );
        }
        let ideal = shape.without_priority_zero().quorum_write_failures_tolerated;
        if view.role == Role::Master && shape.unregistered == 0 && tolerated < ideal && warned != Some(shape) {
            tracing::warn!(
                fish_event = "tolerance_lowered",
                tolerated,
                without_them = ideal,
                members = shape.members,
                electable = shape.electable,
                "priority-0 back-ends lower what the group tolerates to {tolerated} back-end failure(s) for quorum writes ({ideal} without them): they count in the quorum but never acknowledge; give them a priority, or make them front-ends (views, which count nowhere)"
            );
            warned = Some(shape);
        }
        last = Some(shape);
    }
}

/// Writes the record: directly on the master, else through the master's
/// `PUT /v1/internal/sites/{me}`.
async fn register(store: &Arc<Store>, view: &View, config: &crate::config::Config, key: &str, me: &str, record: &[u8]) {
    let name = config.name.as_str();
    if view.role == Role::Master {
        let (s, k, r) = (Arc::clone(store), key.to_string(), record.to_vec());
        let _ = tokio::task::spawn_blocking(move || s.meta_put(&k, &r)).await;
    } else if let Some(http) = view.master_http() {
        let client = match crate::client::for_site(config, http, Duration::from_secs(2)) {
            Ok(client) => client,
            Err(err) => {
                tracing::warn!(%err, "cannot call the master to register");
                return;
            }
        };
        let path = format!("/v1/internal/sites/{}", crate::api::encoding::percent_encode(me.as_bytes()));
        let headers = [("content-type", "application/json"), (api::header::FORWARDED_BY, name)];
        if let Err(err) = client.send(hyper::Method::PUT, &path, &headers, bytes::Bytes::copy_from_slice(record)).await
        {
            tracing::debug!(%err, "registering with the master failed; retrying");
        }
    }
}
