//! `fishd`: runs one Fish site (`--config`), checks a config (`check`),
//! restores a data dir from a backup (`restore`), or runs a local cluster
//! (`dev`). Exit codes: 0 ok, 1 runtime failure,
//! 2 bad usage or configuration.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use fish::cli::fishd::{Cli, Command};
use fish::config::{Config, FrontMode};
use fish::dev::{self, DevOptions};
use fish::{daemon, logging};

/// Every allocation of a request's life (hyper's buffers, headers, the
/// batch encodings) goes through here. glibc's malloc was about a tenth of
/// a front-end HTTP thread's time; with mimalloc, PUTs at 64 connections
/// through the front-end ran at 13,088 against 12,419/s (medians of six
/// alternating 12 s runs, two groups side by side). Berkeley DB's own
/// allocations stay with the C library.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match (cli.command, cli.config) {
        (Some(Command::Check { config }), _) => check(config),
        (Some(Command::Restore { from, config, data_dir }), _) => restore(&from, config, data_dir),
        (Some(Command::Dev { dir, http_port, replication_port, verbose }), _) => {
            logging::init("info");
            report(dev::run(DevOptions { dir, http_port, replication_port, verbose }).map_err(|e| e.to_string()))
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
            if let Some(files) = &c.replication.tls {
                let listen = &c.replication.listen;
                if let Err(problems) = fish::replication::tls::check(files, &listen.host, listen.port) {
                    for p in problems {
                        eprintln!("fishd: {}: [replication.tls]: {p}", path.display());
                    }
                    return ExitCode::from(2);
                }
            }
            if c.http.tls.is_some() {
                // The listener's files, and what the site calls others with.
                let loaded = c.http.tls.as_ref().map(fish::http::tls::ServerTls::load).transpose();
                if let Err(problem) = loaded.and_then(|_| fish::client::site_tls(&c)) {
                    eprintln!("fishd: {}: [http.tls]: {problem}", path.display());
                    return ExitCode::from(2);
                }
            }
            let (kind, name, http) = (c.role, &c.name, &c.http.listen);
            match &c.front {
                Some(FrontMode::Proxy { backends }) => println!(
                    "{}: ok: {kind} site {name:?}, a proxy (no data) of {} back-end(s), HTTP on {http}",
                    path.display(),
                    backends.len()
                ),
                front => println!(
                    "{}: ok: {kind} site {name:?}{}, data in {}, HTTP on {http}, replication on {}{}",
                    path.display(),
                    if front.is_some() { ", a view" } else { "" },
                    c.data_dir.display(),
                    c.replication.listen,
                    if c.replication.tls.is_some() { " (mutual TLS)" } else { "" }
                ),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fishd: {e}");
            ExitCode::from(2)
        }
    }
}

fn restore(from: &std::path::Path, config: Option<PathBuf>, data_dir: Option<PathBuf>) -> ExitCode {
    let data_dir = match (config, data_dir) {
        (Some(path), _) => match Config::load(&path) {
            Ok(c) if c.role != fish::config::Role::Back => {
                eprintln!("fishd: {}: only a back-end can be restored (a front-end copies the group)", path.display());
                return ExitCode::from(2);
            }
            Ok(c) if !c.replication.helpers.is_empty() && !c.replication.group_creator => {
                eprintln!(
                    "fishd: {}: the restored site must start a new group, but its replication.helpers would make it \
                     join one; set replication.group_creator = true (or remove helpers) for its first start",
                    path.display()
                );
                return ExitCode::from(2);
            }
            Ok(c) => c.data_dir,
            Err(e) => {
                eprintln!("fishd: {e}");
                return ExitCode::from(2);
            }
        },
        (None, Some(dir)) => dir,
        (None, None) => unreachable!("clap requires --config or --data-dir"),
    };
    eprintln!("restoring {} into {} ...", from.display(), data_dir.display());
    let line = fish::cli::ProgressLine::default();
    let restored = fish::store::backup::restore_telling(from, &data_dir, &mut progress_printer(line.clone()));
    line.clear();
    match restored {
        Ok(r) => {
            println!(
                "restored the backup of site {:?} (every write before log position {}): {} keys, read back, in {}",
                r.manifest.site,
                r.manifest.lsn_before,
                r.keys,
                r.env_dir.display()
            );
            println!(
                "next: start this site first; with no helpers (or group_creator = true) it creates a new group and \
                 becomes its master. Then start the other back-ends with empty data dirs and this site as a helper."
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fishd: restore failed, {} was left without an environment: {e}", data_dir.display());
            ExitCode::from(1)
        }
    }
}

/// Prints a restore's progress on `line`: the copy as it is paced, each
/// step after it at once.
fn progress_printer(mut line: fish::cli::ProgressLine) -> impl FnMut(fish::store::backup::RestoreProgress) {
    use fish::store::backup::RestoreProgress;
    let started = std::time::Instant::now();
    move |step| {
        let text = match step {
            RestoreProgress::Copied { bytes, total } => {
                // The last bytes always show: 100% of the copy.
                if !line.due() && bytes < total {
                    return;
                }
                format!("copying: {}", fish::cli::transfer_progress(bytes, Some(total), started.elapsed()))
            }
            RestoreProgress::Recovering => "running recovery over the copy".to_string(),
            RestoreProgress::Checking => "reading every key back".to_string(),
        };
        line.show(&text);
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
