//! Talking to systemd (`sd-notify`): READY=1 once the site is usable,
//! STATUS= on every role or master change, STOPPING=1 first thing on
//! shutdown, WATCHDOG=1 at half of WATCHDOG_USEC while the site responds.
//! Without NOTIFY_SOCKET every call does nothing and nothing fails.

use std::time::Duration;

use sd_notify::NotifyState;

fn send(states: &[NotifyState]) {
    if let Err(err) = sd_notify::notify(false, states) {
        tracing::debug!(%err, "sd_notify failed");
    }
}

/// READY=1 with the first status line.
pub fn ready(status: &str) {
    send(&[NotifyState::Ready, NotifyState::Status(status)]);
}

/// `STATUS=<line>`, e.g. `client, master back1 10.0.0.2:7000`.
pub fn status(status: &str) {
    send(&[NotifyState::Status(status)]);
}

/// STOPPING=1.
pub fn stopping() {
    send(&[NotifyState::Stopping, NotifyState::Status("stopping")]);
}

/// RELOADING=1 (with MONOTONIC_USEC, as Type=notify-reload wants); a
/// `ready` follows when the reload is done.
pub fn reloading() {
    match NotifyState::monotonic_usec_now() {
        Ok(now) => send(&[NotifyState::Reloading, now]),
        Err(_) => send(&[NotifyState::Reloading]),
    }
}

/// WATCHDOG=1.
pub fn watchdog() {
    send(&[NotifyState::Watchdog]);
}

/// How often to send WATCHDOG=1: half of WATCHDOG_USEC, if systemd set it
/// for this process.
pub fn watchdog_interval() -> Option<Duration> {
    let mut usec = 0;
    sd_notify::watchdog_enabled(false, &mut usec).then(|| Duration::from_micros(usec / 2))
}
