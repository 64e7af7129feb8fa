//! Integration tests against the real `fishd` and `fishctl` binaries.

mod api;
mod cli;
mod cluster;
mod crash;
mod harness;
mod replication;
