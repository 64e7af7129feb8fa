//! `fishd`'s command line (also the source of its man page and completions).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "fishd", version, about = "Fish key-value store daemon", args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Site configuration file, e.g. /etc/fish/back0.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Validate a configuration file and exit.
    Check {
        #[arg(long, value_name = "FILE")]
        config: PathBuf,
    },
    /// Prepare a new data dir from a backup taken by `fishctl backup`; the
    /// site started on it creates a new group holding the backup's data.
    Restore {
        /// The backup directory.
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
        /// Config of the site to restore; its data_dir is the target.
        #[arg(long, value_name = "FILE", required_unless_present = "data_dir", conflicts_with = "data_dir")]
        config: Option<PathBuf>,
        /// Target data dir, without a config file.
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
    },
    /// Run a local cluster on loopback until Ctrl-C.
    Dev {
        /// Keep data and configs here (default: a scratch dir removed on exit).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// HTTP port of the entry-point site.
        #[arg(long, default_value_t = 8080)]
        http_port: u16,
        /// Replication port of the first site.
        #[arg(long, default_value_t = 7000)]
        replication_port: u16,
        /// Show every site's full log here, interleaved (default: one line
        /// per notable event here, each site's log in DIR/NAME.log).
        #[arg(long)]
        verbose: bool,
    },
}
