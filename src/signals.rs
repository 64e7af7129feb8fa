//! Signals become intents, in one place: SIGTERM and SIGINT ask for a clean
//! shutdown (a second one for an immediate exit), SIGHUP for a reload.

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use tokio::sync::mpsc;

/// What a signal asks of the daemon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Stop accepting, finish in-flight work, close cleanly.
    Shutdown { signal: &'static str },
    /// Re-read the configuration file.
    Reload,
}

/// Starts a thread that turns signals into intents on the returned channel.
/// From the moment this returns, those signals no longer kill the process.
pub fn listen() -> std::io::Result<mpsc::UnboundedReceiver<Intent>> {
    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    let (tx, rx) = mpsc::unbounded_channel();
    std::thread::Builder::new().name("fish-signals".into()).spawn(move || {
        for sig in signals.forever() {
            let intent = match sig {
                SIGHUP => Intent::Reload,
                SIGINT => Intent::Shutdown { signal: "SIGINT" },
                _ => Intent::Shutdown { signal: "SIGTERM" },
            };
            if tx.send(intent).is_err() {
                break;
            }
        }
    })?;
    Ok(rx)
}
