//! SIGHUP: re-read the config file and apply what can change at run time
//! (log level; HTTP limits and waits; the tokens file and the API's
//! certificate; and, through
//! `replication::Group::apply_reload`, ack policy and timeouts, priority,
//! heartbeat and election timeouts), each change logged. A change that
//! needs a restart (addresses, role, data dir, storage, ...) is logged as
//! such and the running value is kept. A file that no longer parses is
//! reported and the running config stays. Nothing here touches connections,
//! so no request and no replication connection is dropped.

use std::fmt::Display;

use crate::config::Config;
use crate::http::App;
use crate::{logging, systemd};

/// Reloads `app`'s configuration from its file.
pub fn reload(app: &App) {
    systemd::reloading();
    let old = app.config();
    let status = app.group.view().describe();
    let Some(path) = old.path.clone() else {
        tracing::warn!(fish_event = "reload_failed", "this site was not started from a config file; nothing to reload");
        systemd::ready(&status);
        return;
    };
    match Config::load(&path) {
        Err(err) => {
            tracing::error!(fish_event = "reload_failed", %err, "the config file no longer parses; keeping the running config");
        }
        Ok(new) => {
            let merged = apply(app, &old, new);
            app.config.set(merged);
            tracing::info!(fish_event = "reloaded", file = %path.display(), "configuration reloaded");
        }
    }
    systemd::ready(&status);
}

/// Applies the run-time changes of `new` over `old` and returns the config
/// to run with (restart-only settings keep their running values).
fn apply(app: &App, old: &Config, mut new: Config) -> Config {
    for key in old.keys.difference(&new.keys) {
        tracing::warn!(
            fish_event = "reload_key_removed",
            key = %key,
            "{key} is no longer in the file: it falls back to its default"
        );
    }
    keep_for_restart(old, &mut new);
    if changed("log.level", &old.log_level, &new.log_level)
        && let Err(err) = logging::set_level(&new.log_level)
    {
        tracing::warn!(%err, "could not apply log.level");
    }
    let (o, n) = (&old.http, &new.http);
    changed("http.max_value_bytes", o.max_value_bytes, n.max_value_bytes);
    changed("http.max_txn_ops", o.max_txn_ops, n.max_txn_ops);
    changed("http.max_txn_bytes", o.max_txn_bytes, n.max_txn_bytes);
    changed("http.master_wait_ms", o.master_wait.as_millis(), n.master_wait.as_millis());
    changed("http.token_wait_ms", o.token_wait.as_millis(), n.token_wait.as_millis());
    changed("http.body_timeout_ms", o.body_timeout.as_millis(), n.body_timeout.as_millis());
    changed("http.response_timeout_ms", o.response_timeout.as_millis(), n.response_timeout.as_millis());
    changed("http.max_response_bytes", o.max_response_bytes, n.max_response_bytes);
    changed("http.max_token_waits", o.max_token_waits, n.max_token_waits);
    changed("http.public_metrics", o.public_metrics, n.public_metrics);
    changed("http.insecure", o.insecure, n.insecure);
    // Read where they are used, so they apply as soon as the config is set.
    let (o, n) = (&old.watch, &new.watch);
    changed("watch.history", o.history, n.history);
    changed("watch.progress_ms", o.progress.as_millis(), n.progress.as_millis());
    changed("watch.max_watchers", o.max_watchers, n.max_watchers);
    let (o, n) = (&old.leases, &new.leases);
    changed("leases.max_leases", o.max_leases, n.max_leases);
    changed("leases.max_keys_per_lease", o.max_keys_per_lease, n.max_keys_per_lease);
    changed("leases.max_ttl_s", o.max_ttl_s, n.max_ttl_s);
    changed("leases.keepalives_per_s", o.keepalives_per_s, n.keepalives_per_s);
    let (o, n) = (&old.http, &new.http);
    // The tokens file was re-read with the config: a rotation applies now.
    if let Some(tokens) = &n.tokens
        && o.tokens.as_deref() != Some(tokens)
    {
        tracing::info!(fish_event = "reload_applied", key = "http.tokens_file", file = %tokens.path().display(), credentials = tokens.summary(), "the API's credentials changed");
    }
    if o.tokens.is_some() && n.tokens.is_none() {
        tracing::warn!(
            fish_event = "reload_applied",
            key = "http.tokens_file",
            "tokens_file was removed: the API no longer asks for a token"
        );
    }
    // Certificates are re-read at every reload, for rotation: new
    // handshakes use them, open connections keep theirs.
    if let (Some(tls), Some(files)) = (&app.tls, &n.tls) {
        // What this site presents and trusts when it calls other sites.
        if let Err(err) = app.forwarder.reload(&new) {
            tracing::error!(fish_event = "reload_failed", key = "http.tls", %err, "keeping the forwarder's running certificates");
        }
        match tls.reload(files) {
            Ok(()) => tracing::info!(fish_event = "reload_applied", key = "http.tls", "the API's certificate re-read"),
            Err(err) => {
                tracing::error!(fish_event = "reload_failed", key = "http.tls", %err, "keeping the API's running certificate")
            }
        }
    }
    app.group.apply_reload(old, &mut new, &|key, old, new| changed(key, old, new));
    new
}

/// Logs a run-time change; true if the value changed.
fn changed<T: PartialEq + Display>(key: &str, old: T, new: T) -> bool {
    if old == new {
        return false;
    }
    tracing::info!(fish_event = "reload_applied", key, old = %old, new = %new, "{key} changed");
    true
}

/// Settings read only at start: log each change as needing a restart and
/// keep the running value.
fn keep_for_restart(old: &Config, new: &mut Config) {
    fn keep<T: PartialEq + Clone + std::fmt::Debug>(key: &str, old: &T, new: &mut T) {
        if old != new {
            tracing::warn!(fish_event = "reload_needs_restart", key, running = ?old, file = ?new, "{key} changed in the file; it takes effect at the next restart");
            *new = old.clone();
        }
    }
    keep("role", &old.role, &mut new.role);
    keep("name", &old.name, &mut new.name);
    keep("data_dir", &old.data_dir, &mut new.data_dir);
    keep("http.listen", &old.http.listen, &mut new.http.listen);
    keep("http.advertise", &old.http.advertise, &mut new.http.advertise);
    keep("http.max_connections", &old.http.max_connections, &mut new.http.max_connections);
    // HTTPS on or off changes what every client must do: a restart.
    if old.http.tls.is_some() != new.http.tls.is_some() {
        keep("http.tls", &old.http.tls, &mut new.http.tls);
    }
    keep("replication.listen", &old.replication.listen, &mut new.replication.listen);
    keep("replication.helpers", &old.replication.helpers, &mut new.replication.helpers);
    keep("replication.group_creator", &old.replication.group_creator, &mut new.replication.group_creator);
    keep("replication.leases", &old.replication.leases, &mut new.replication.leases);
    keep("replication.insecure", &old.replication.insecure, &mut new.replication.insecure);
    keep("front", &old.front, &mut new.front);
    keep("storage.cache_mb", &old.storage.cache_bytes, &mut new.storage.cache_bytes);
    keep("storage.checkpoint_interval_s", &old.storage.checkpoint_every, &mut new.storage.checkpoint_every);
    keep("storage.sync", &old.storage.sync, &mut new.storage.sync);
    keep("storage.min_free_mb", &old.storage.min_free_bytes, &mut new.storage.min_free_bytes);
    keep("storage.page_size_kb", &old.storage.page_size, &mut new.storage.page_size);
}
