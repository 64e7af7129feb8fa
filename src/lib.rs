//! Fish: a replicated, transactional key-value store on Berkeley DB.
//!
//! # Layout
//!
//! The modules follow the path of a request, from the edges inwards:
//!
//! | where | what it is responsible for | may use |
//! |---|---|---|
//! | `bin/fishd.rs`, `bin/fishctl.rs` | running commands, exit codes | everything below |
//! | [`cli`] | the command-line definitions (also man pages, completions) | — |
//! | [`daemon`] | one site's life: open, serve, drain, close | config, store, http, signals |
//! | [`dev`] | `fishd dev`: a local cluster of child `fishd`s | client, signals |
//! | [`signals`] | SIGTERM/SIGINT/SIGHUP → shutdown/reload intents | — |
//! | [`reload`] | SIGHUP: apply what can change at run time | config, http, logging |
//! | [`logging`] | log output and filtering | — |
//! | [`metrics`] | Prometheus counters and histograms, `/metrics` | — |
//! | [`systemd`] | sd_notify: READY, STATUS, STOPPING, WATCHDOG | — |
//! | [`config`] | `/etc/fish/NAME.toml` → validated [`config::Config`] | — |
//! | [`http`] | the HTTP API: routing, handlers, errors → status codes | store |
//! | [`client`] | an HTTP client for the API (fishctl, dev), backup fetching | store (manifest) |
//! | [`store`] | keys, versions, conditions, listing, transactions | bdb |
//! | [`bdb`] | the safe Berkeley DB wrapper; the only `unsafe` code | libdb-sys |
//! | `crates/libdb-sys` | Fish's own Berkeley DB 5.3.28: vendored C, patches, bindings | — |
//!
//! Decisions a successor needs are in each module's header and in `docs/`.
#![deny(unsafe_code)]

pub mod bdb;
pub mod bench;
pub mod cli;
pub mod client;
pub mod config;
pub mod daemon;
pub mod dev;
pub mod http;
pub mod logging;
pub mod metrics;
pub mod reload;
pub mod replication;
pub mod signals;
pub mod store;
pub mod systemd;
