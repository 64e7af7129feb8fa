//! Fish: a replicated, transactional key-value store on Berkeley DB.
#![deny(unsafe_code)]

pub mod bdb;
pub mod config;
pub mod store;
