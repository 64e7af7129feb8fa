//! Fish: a replicated, transactional key-value store on Berkeley DB.
//!
//! # Layout
//!
//! The modules follow the path of a request, from the edges inwards. Each
//! concern has one room; the last column is a rule, checked by the test
//! `layout` (tests/it/layout.rs): a module imports from the crate only what
//! its row names.
//!
//! | where | what it is responsible for | may use |
//! |---|---|---|
//! | `bin/fishd.rs`, `bin/fishctl.rs` | running commands, exit codes | everything below |
//! | [`cli`] | the command-line definitions (also man pages, completions), progress lines | bench |
//! | [`daemon`] | one site's life as one sequence: open, serve, drain, stop tasks, close | config, store, http, replication, reload, signals, systemd |
//! | [`dev`] | `fishd dev`: a local cluster of child `fishd`s, with a throwaway CA and tokens, a line per event | api, client, config, pki, signals |
//! | [`pki`] | certificates for people without a PKI: a group CA, site certificates | — |
//! | [`reload`] | SIGHUP: re-read the file, apply what can change at run time | config, http, logging, systemd |
//! | [`signals`] | SIGTERM/SIGINT/SIGHUP → shutdown/reload intents | — |
//! | [`logging`] | log output and filtering | — |
//! | [`metrics`] | Prometheus counters and histograms, `/metrics`, process metrics | — |
//! | [`systemd`] | sd_notify: READY, STATUS, STOPPING, WATCHDOG | — |
//! | [`http`] | the HTTP API: one route table (who may call what), handlers, errors → status codes, forwarding (writes in batches), HTTPS, limits, watch streams, leases and fences | api, client, config, metrics, replication, store |
//! | [`bench`](mod@bench) | `fishctl bench`: load generation and its report | api |
//! | [`client`] | an HTTP client for the API (fishctl, dev, the sites themselves: token, HTTPS), backup fetching, the lease, lock and election recipes | api, config, store |
//! | [`replication`] | the group: joining, the watcher and view, registration, shape, members, lag, proxy following, hand-over, disk health, mutual TLS between sites, read barriers, reloads | api, bdb, client, config, logging, metrics, pki, store |
//! | [`store`] | keys and the key rule, versions, conditions, listing, transactions, read-your-writes waits, the change log and its feed, leases and the master's lease clock | bdb, config |
//! | [`bdb`] | the safe Berkeley DB wrapper; the only `unsafe` code | — |
//! | [`config`] | `/etc/fish/NAME.toml` → validated [`config::Config`], its own enums; the tokens file | — |
//! | [`api`] | the wire contract: status and members bodies, header names, byte encodings, the batch body | — |
//! | `crates/libdb-sys` | Fish's own Berkeley DB 5.3.28: vendored C, patches, bindings | — |
//!
//! Two more rules, checked by the same test: only `store` and
//! `replication` call `Store::env()` (Berkeley DB behind the store), and
//! `unsafe` appears only in `bdb` (`#![deny(unsafe_code)]` below, allowed in
//! that one module).
//!
//! Decisions a successor needs are in each module's header and in `docs/`.
#![deny(unsafe_code)]
// The library is the daemon's inside, read with its private items
// (`cargo doc --document-private-items`, as `scripts/test` builds it): module
// headers name the private parts they are made of, on purpose.
#![allow(rustdoc::private_intra_doc_links)]

pub mod api;
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
pub mod pki;
pub mod reload;
pub mod replication;
pub mod signals;
pub mod store;
pub mod systemd;
