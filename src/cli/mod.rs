//! The command lines of `fishd` and `fishctl` (clap), kept in the library so
//! that `examples/gen-assets.rs` can write their man pages and shell
//! completions from the same definitions; and how both show progress.

pub mod fishctl;
pub mod fishd;

/// A transfer's progress, as `fishctl backup` and `fishd restore` print it:
/// `12.0 MiB of 40.1 MiB (30%), 8.1 MiB/s, 3 s left`.
pub fn transfer_progress(done: u64, total: Option<u64>, took: std::time::Duration) -> String {
    const MIB: f64 = (1 << 20) as f64;
    let rate = done as f64 / took.as_secs_f64().max(0.001);
    match total {
        Some(total) if total > 0 => {
            let left = total.saturating_sub(done) as f64 / rate.max(1.0);
            format!(
                "{:.1} MiB of {:.1} MiB ({:.0}%), {:.1} MiB/s, {:.0} s left",
                done as f64 / MIB,
                total as f64 / MIB,
                (done as f64 * 100.0 / total as f64).min(100.0),
                rate / MIB,
                left.ceil()
            )
        }
        _ => format!("{:.1} MiB, {:.1} MiB/s", done as f64 / MIB, rate / MIB),
    }
}

/// A progress line on stderr, as `fishctl backup`, `fishctl bench` and
/// `fishd restore` show one: redrawn in place on a terminal, a line each
/// in a log. [`ProgressLine::due`] paces it: the first at once, then one a
/// second on a terminal, every 10 s in a log.
#[derive(Clone)]
pub struct ProgressLine {
    interactive: bool,
    every: std::time::Duration,
    shown: Option<std::time::Instant>,
}

impl Default for ProgressLine {
    fn default() -> Self {
        use std::io::IsTerminal;
        let interactive = std::io::stderr().is_terminal();
        let every = std::time::Duration::from_secs(if interactive { 1 } else { 10 });
        ProgressLine { interactive, every, shown: None }
    }
}

impl ProgressLine {
    /// Whether the next line is due now; if so, it counts as shown.
    pub fn due(&mut self) -> bool {
        if self.shown.is_some_and(|at| at.elapsed() < self.every) {
            return false;
        }
        self.shown = Some(std::time::Instant::now());
        true
    }

    pub fn show(&self, line: &str) {
        if self.interactive {
            eprint!("\r\x1b[K{line}");
        } else {
            eprintln!("{line}");
        }
    }

    /// Clears the redrawn line on a terminal, for what is printed next.
    pub fn clear(&self) {
        if self.interactive {
            eprint!("\r\x1b[K");
        }
    }
}
