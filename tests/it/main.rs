//! Integration tests against the real `fishd` and `fishctl` binaries.

mod abuse;
mod api;
mod auth;
mod backup;
mod bench;
mod cli;
mod cluster;
mod crash;
mod dev;
mod docs;
mod fronts;
mod fuzz;
mod handover;
mod harness;
mod layout;
mod leases;
mod limits;
mod links;
mod monitoring;
#[path = "../common/ports.rs"]
mod ports;
mod reload;
mod replication;
mod repmgr;
mod slowdisk;
mod systemd;
mod tls;
mod views;
mod watch;
mod wire;
