//! `fishctl`'s command line (also the source of its man page and completions).

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "fishctl", version, about = "Client and admin CLI for the Fish key-value store")]
pub struct Cli {
    /// Base URL of any Fish site.
    #[arg(long, env = "FISH_URL", default_value = "http://127.0.0.1:8080", global = true)]
    pub url: String,
    /// Seconds to wait for an answer.
    #[arg(long, default_value_t = 30, global = true)]
    pub timeout: u64,
    #[command(subcommand)]
    pub command: Cmd,
}

#[derive(Subcommand)]
pub enum Cmd {
    /// Print a key's value to stdout (its version to stderr with --show-version).
    Get {
        key: String,
        /// master (default) or replica.
        #[arg(long)]
        consistency: Option<String>,
        /// Read only once this commit token (from a write's Fish-Token) is applied.
        #[arg(long, value_name = "TOKEN")]
        after: Option<String>,
        #[arg(long)]
        show_version: bool,
    },
    /// Write a key; the value is the argument, or stdin when it is "-" or absent. Prints the new version.
    Put {
        key: String,
        value: Option<String>,
        /// Only if the key is at this version (compare-and-swap).
        #[arg(long, value_name = "VERSION", conflicts_with = "create")]
        if_version: Option<u64>,
        /// Only if the key does not exist yet.
        #[arg(long)]
        create: bool,
    },
    /// Delete a key.
    Delete {
        key: String,
        #[arg(long, value_name = "VERSION")]
        if_version: Option<u64>,
    },
    /// List keys in order, one JSON object per line, following pages to the end.
    List {
        #[arg(long, default_value = "")]
        prefix: String,
        /// Stop after this many keys.
        #[arg(long)]
        limit: Option<usize>,
        /// Print keys only.
        #[arg(long)]
        keys_only: bool,
        #[arg(long)]
        consistency: Option<String>,
    },
    /// Show the site's status as JSON.
    Status,
    /// List the sites of the replication group.
    Members,
    /// Remove a site (by its replication HOST:PORT) from the group.
    RemoveSite { site: String },
    /// Take a hot backup into DIR (new or empty): of the master, so it holds
    /// every write acknowledged before it began; restore it with `fishd restore`.
    Backup {
        dir: std::path::PathBuf,
        /// Back up the site --url names instead of the master (its replica
        /// may lag the master by a few writes).
        #[arg(long)]
        local: bool,
    },
}
