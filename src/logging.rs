//! Log output. Under systemd (stderr connected to the journal, as
//! `JOURNAL_STREAM` tells) events go to journald with their fields as
//! journal fields: `fish_event = "master_changed"` becomes
//! `FISH_EVENT=master_changed`, so `journalctl -u fish@back0
//! FISH_EVENT=master_changed` is the history of masters. Otherwise they are
//! human-readable lines on stderr. Either way the filter comes from the
//! config's `log.level` (or `RUST_LOG` when set, for debugging) and can be
//! swapped at run time (SIGHUP reload).

use std::io::IsTerminal;
use std::sync::OnceLock;

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Registry, reload};

/// The journal `MESSAGE_ID` of every `master_changed` event; its catalog
/// entry is `etc/fish.catalog` (`journalctl -x` shows it).
pub const MASTER_CHANGED_MESSAGE_ID: &str = "4d763f84de114d799eb3f9aa6104f272";

static FILTER: OnceLock<reload::Handle<EnvFilter, Registry>> = OnceLock::new();

/// Installs the global subscriber once; later calls do nothing.
pub fn init(level: &str) {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|f| EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| EnvFilter::try_new(level).unwrap_or_else(|_| EnvFilter::new("info")));
    let (filter, handle) = reload::Layer::new(filter);
    // Field names are written as they are (upper-cased by the layer), not
    // with the crate's default `F_` prefix. Levels map to the syslog
    // priorities of the same name (info → 6, debug and trace → 7), so
    // `journalctl -p info` hides debug output.
    let journal = stderr_is_journal().then(|| tracing_journald::layer().ok()).flatten().map(|layer| {
        use tracing_journald::{Priority, PriorityMappings};
        layer.with_field_prefix(None).with_priority_mappings(PriorityMappings {
            info: Priority::Informational,
            debug: Priority::Debug,
            trace: Priority::Debug,
            ..PriorityMappings::new()
        })
    });
    let stderr = journal.is_none().then(|| {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(std::io::stderr().is_terminal())
            .with_target(false)
    });
    if tracing_subscriber::registry().with(filter).with(journal).with(stderr).try_init().is_ok() {
        let _ = FILTER.set(handle);
    }
}

/// Replaces the filter (`info`, `debug`, `info,fish::bdb=debug`, ...).
pub fn set_level(level: &str) -> Result<(), String> {
    let filter = EnvFilter::try_new(level).map_err(|e| e.to_string())?;
    let handle = FILTER.get().ok_or("logging is not initialised")?;
    handle.reload(filter).map_err(|e| e.to_string())
}

/// True when systemd connected stderr to the journal: `JOURNAL_STREAM` is
/// `DEVICE:INODE` of that stream (systemd.exec(5)). A child that inherited
/// the variable but not the stream logs to stderr.
fn stderr_is_journal() -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(stream) = std::env::var("JOURNAL_STREAM") else { return false };
    let Some((dev, ino)) = stream.split_once(':') else { return false };
    let Ok(meta) = std::fs::metadata("/proc/self/fd/2") else { return false };
    dev.parse() == Ok(meta.dev()) && ino.parse() == Ok(meta.ino())
}
