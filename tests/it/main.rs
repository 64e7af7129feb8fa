//! Integration tests against the real `fishd` and `fishctl` binaries.

mod api;
mod cli;
mod crash;
mod harness;
