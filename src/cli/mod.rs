//! The command lines of `fishd` and `fishctl` (clap), kept in the library so
//! that `examples/gen-assets.rs` can write their man pages and shell
//! completions from the same definitions.

pub mod fishctl;
pub mod fishd;
