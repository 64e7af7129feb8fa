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
