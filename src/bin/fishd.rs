//! `fishd`: runs one Fish site (`--config`), checks a config (`check`), or
//! runs a local cluster (`dev`). Exit codes: 0 ok, 1 runtime failure,
//! 2 bad usage or configuration.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use fish::config::Config;
use fish::dev::{self, DevOptions};
use fish::{daemon, logging};

#[derive(Parser)]
#[command(name = "fishd", version, about = "Fish key-value store daemon", args_conflicts_with_subcommands = true)]
struct Cli {
    /// Site configuration file, e.g. /etc/fish/back0.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a configuration file and exit.
    Check {
        #[arg(long, value_name = "FILE")]
        config: PathBuf,
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
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match (cli.command, cli.config) {
        (Some(Command::Check { config }), _) => check(config),
        (Some(Command::Dev { dir, http_port, replication_port }), _) => {
            logging::init("info");
            report(dev::run(DevOptions { dir, http_port, replication_port }).map_err(|e| e.to_string()))
        }
        (None, Some(path)) => match Config::load(&path) {
            Ok(config) => {
                logging::init(&config.log_level);
                report(daemon::run(config).map_err(|e| e.to_string()))
            }
            Err(e) => {
                eprintln!("fishd: {e}");
                ExitCode::from(2)
            }
        },
        (None, None) => {
            eprintln!(
                "fishd: nothing to do; use --config FILE, `fishd check --config FILE` or `fishd dev` (see --help)"
            );
            ExitCode::from(2)
        }
    }
}

fn check(path: PathBuf) -> ExitCode {
    match Config::load(&path) {
        Ok(c) => {
            println!(
                "{}: ok: {} site {:?}, data in {}, HTTP on {}, replication on {}",
                path.display(),
                c.role,
                c.name,
                c.data_dir.display(),
                c.http.listen,
                c.replication.listen
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fishd: {e}");
            ExitCode::from(2)
        }
    }
}

fn report(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("fishd: {e}");
            ExitCode::from(1)
        }
    }
}
