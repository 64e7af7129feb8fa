//! The disk probe, and a master with a sick disk that steps aside.
//!
//! Every site with a replica appends 4 KiB to `fish-disk-probe` in its
//! data directory (beside the environment and its log, on the same
//! filesystem unless an operator split them) and calls fdatasync, every
//! [`EVERY`]; the duration is what a commit's log flush costs on that disk.
//! `/v1/status` shows the median over the last
//! `[replication] step_down_after_s` and `/metrics` every probe.
//!
//! A slow disk on a replica costs the group nothing (quorum takes the
//! other one), so it is only reported (`disk_slow` / `disk_healthy`
//! events). A slow disk on the master slows every durable write, and its
//! heartbeats, on their own thread, keep arriving, so nothing else would
//! ever move mastership away. The rule, checked every second on the
//! master:
//!
//! - the median over a full window of `step_down_after_s` is above
//!   `step_down_sync_ms` (0 turns this off), and
//! - some electable, connected, registered replica reports itself synced,
//!   with a median under half the bound (a candidate that is slow too, or
//!   behind, would make the group no better),
//!
//! then the master hands mastership over to the healthiest such replica
//! with the highest priority (`handover`), logs `stepped_down` with
//! `reason=slow_disk` and the figures, and keeps priority 0 for
//! `step_down_hold_off_s`, so it is not elected back while its disk is why
//! the group moved. Without a healthy candidate it stays master and says
//! so once per episode.
//!
//! Why it cannot flap: the bound must hold for a whole window (a median,
//! so single slow syncs do not count); a site that stepped down cannot be
//! elected during its hold-off; Berkeley DB never deposes a healthy master
//! for a site whose priority returns; and the new master steps down in
//! turn only if its own disk is slow for a whole window.

use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;

use super::Group;
use super::handover::Reason;
use super::shape;
use super::view::Role;
use crate::api;
use crate::config::Running;
use crate::store::Store;

/// How often the probe runs.
pub const EVERY: Duration = Duration::from_millis(500);
/// The probe file wraps around at this size.
const PROBE_FILE_BYTES: u64 = 1 << 20;
const BLOCK: usize = 4096;

/// The probes of the last window.
#[derive(Default)]
pub struct DiskHealth {
    samples: Mutex<Samples>,
}

#[derive(Default)]
struct Samples {
    started: Option<Instant>,
    recent: VecDeque<(Instant, Duration)>,
}

impl DiskHealth {
    pub fn record(&self, at: Instant, took: Duration, window: Duration) {
        let mut s = self.samples.lock().unwrap_or_else(|e| e.into_inner());
        s.started.get_or_insert(at);
        s.recent.push_back((at, took));
        while s.recent.front().is_some_and(|(t, _)| at.duration_since(*t) > window) {
            s.recent.pop_front();
        }
    }

    /// The median and latest probe of the last `window`; the median is
    /// `None` until probes have run for a whole window.
    pub fn summary(&self, now: Instant, window: Duration) -> Option<(Option<Duration>, Duration)> {
        let s = self.samples.lock().unwrap_or_else(|e| e.into_inner());
        let last = s.recent.back()?.1;
        let full = s.started.is_some_and(|t| now.duration_since(t) >= window);
        let mut in_window: Vec<Duration> =
            s.recent.iter().filter(|(t, _)| now.duration_since(*t) <= window).map(|(_, d)| *d).collect();
        in_window.sort_unstable();
        let median = (full && !in_window.is_empty()).then(|| in_window[in_window.len() / 2]);
        Some((median, last))
    }

    /// As `/v1/status` shows it.
    pub fn status(&self, window: Duration, bound: Duration) -> Option<api::DiskStatus> {
        let (median, last) = self.summary(Instant::now(), window)?;
        Some(api::DiskStatus {
            sync_p50_us: median.unwrap_or(last).as_micros() as u64,
            sync_last_us: last.as_micros() as u64,
            slow: is_slow(median, bound),
        })
    }
}

fn is_slow(median: Option<Duration>, bound: Duration) -> bool {
    !bound.is_zero() && median.is_some_and(|m| m > bound)
}

/// The probe thread: runs until `shutdown`.
pub fn probe(dir: PathBuf, health: Arc<DiskHealth>, running: Arc<Running>, shutdown: CancellationToken) {
    let path = dir.join("fish-disk-probe");
    let mut file = match OpenOptions::new().create(true).write(true).truncate(true).open(&path) {
        Ok(f) => f,
        Err(err) => {
            tracing::warn!(%err, path = %path.display(), "cannot open the disk probe file; disk health unknown");
            return;
        }
    };
    let block = [0x5au8; BLOCK];
    let mut offset = 0u64;
    let mut slow = false;
    while !shutdown.is_cancelled() {
        let replication = running.get().replication.clone();
        match sync_once(&mut file, &block, &mut offset) {
            Ok(took) => {
                let now = Instant::now();
                crate::metrics::get().disk_sync_seconds.observe(took.as_secs_f64());
                health.record(now, took, replication.step_down_after);
                let median = health.summary(now, replication.step_down_after).and_then(|(m, _)| m);
                let now_slow = is_slow(median, replication.step_down_sync);
                if now_slow != slow {
                    let median_ms = median.map_or(0.0, |m| m.as_secs_f64() * 1000.0);
                    if now_slow {
                        tracing::warn!(
                            fish_event = "disk_slow",
                            sync_p50_ms = median_ms,
                            bound_ms = replication.step_down_sync.as_millis() as u64,
                            "this site's disk is slow: fdatasync took {median_ms:.1} ms (median) for {:?}",
                            replication.step_down_after
                        );
                    } else {
                        tracing::info!(
                            fish_event = "disk_healthy",
                            sync_p50_ms = median_ms,
                            "this site's disk is healthy again"
                        );
                    }
                    slow = now_slow;
                }
            }
            Err(err) => tracing::warn!(%err, path = %path.display(), "the disk probe failed"),
        }
        std::thread::sleep(EVERY);
    }
    drop(file);
    let _ = std::fs::remove_file(&path);
}

fn sync_once(file: &mut File, block: &[u8], offset: &mut u64) -> std::io::Result<Duration> {
    let started = Instant::now();
    file.seek(SeekFrom::Start(*offset))?;
    file.write_all(block)?;
    file.sync_data()?;
    *offset = (*offset + block.len() as u64) % PROBE_FILE_BYTES;
    Ok(started.elapsed())
}

/// The master's side: every second, the step-down rule (see above).
pub async fn watch_master(group: Arc<Group>, shutdown: CancellationToken) {
    let mut told = false;
    let mut next_try = Instant::now();
    while shutdown.run_until_cancelled(tokio::time::sleep(Duration::from_secs(1))).await.is_some() {
        let (Some(store), Some(running), Some(health)) = (&group.store, &group.running, &group.disk) else { return };
        let replication = running.get().replication.clone();
        let median = health.summary(Instant::now(), replication.step_down_after).and_then(|(m, _)| m);
        if group.role() != Role::Master || !is_slow(median, replication.step_down_sync) || Instant::now() < next_try {
            told = false;
            continue;
        }
        let median = median.expect("slow means measured");
        match healthy_candidate(store, &running.get(), replication.step_down_sync / 2).await {
            Some((name, their)) => {
                tracing::warn!(
                    fish_event = "slow_disk_step_down",
                    sync_p50_ms = median.as_secs_f64() * 1000.0,
                    to = %name,
                    to_sync_p50_ms = their.as_secs_f64() * 1000.0,
                    "this master's disk is slow ({:.1} ms per fdatasync, median); handing over to {name} ({:.1} ms)",
                    median.as_secs_f64() * 1000.0,
                    their.as_secs_f64() * 1000.0
                );
                if group.hand_over(Some(&name), Reason::SlowDisk, replication.step_down_hold_off).await.is_err() {
                    // Still master, or master again: the next try waits a
                    // whole window.
                    next_try = Instant::now() + replication.step_down_after;
                }
            }
            None if !told => {
                told = true;
                tracing::warn!(
                    fish_event = "slow_disk_stays_master",
                    sync_p50_ms = median.as_secs_f64() * 1000.0,
                    "this master's disk is slow, but no synced electable replica has a healthy one: staying master"
                );
            }
            None => {}
        }
    }
}

/// The connected, electable, registered replica that reports itself synced
/// with a disk median under `under`: the one with the highest priority
/// (then the fastest disk). Asks each over HTTP.
async fn healthy_candidate(
    store: &Arc<Store>,
    config: &crate::config::Config,
    under: Duration,
) -> Option<(String, Duration)> {
    let s = Arc::clone(store);
    let sites = tokio::task::spawn_blocking(move || shape::registered_sites(&s)).await.ok()?.ok()?;
    let mut best: Option<(u32, Duration, String)> = None;
    for (site, record) in sites {
        let Some(record) = record else { continue };
        if site.view || !site.connected || record.priority == 0 {
            continue;
        }
        let Ok(client) = crate::client::for_site(config, &record.http, Duration::from_secs(1)) else {
            continue;
        };
        let Ok(status) = client.status().await else { continue };
        let Some(disk) = status.disk else { continue };
        let theirs = Duration::from_micros(disk.sync_p50_us);
        if !status.synced || disk.slow || theirs >= under {
            continue;
        }
        let better = best
            .as_ref()
            .is_none_or(|(p, d, _)| (record.priority, std::cmp::Reverse(theirs)) > (*p, std::cmp::Reverse(*d)));
        if better {
            best = Some((record.priority, theirs, record.name));
        }
    }
    best.map(|(_, d, name)| (name, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_counts_only_after_a_whole_window_and_only_the_window() {
        let h = DiskHealth::default();
        let window = Duration::from_secs(10);
        let t0 = Instant::now();
        let ms = Duration::from_millis;
        for i in 0..10 {
            h.record(t0 + Duration::from_secs(i), ms(200), window);
        }
        let (median, last) = h.summary(t0 + Duration::from_secs(9), window).unwrap();
        assert_eq!((median, last), (None, ms(200)), "not a whole window yet");
        h.record(t0 + Duration::from_secs(10), ms(1), window);
        let (median, _) = h.summary(t0 + Duration::from_secs(10), window).unwrap();
        assert_eq!(median, Some(ms(200)), "one fast probe does not heal a slow disk");
        assert!(is_slow(median, ms(100)) && !is_slow(median, ms(0)), "0 turns the rule off");
        for i in 11..22 {
            h.record(t0 + Duration::from_secs(i), ms(2), window);
        }
        let (median, _) = h.summary(t0 + Duration::from_secs(21), window).unwrap();
        assert_eq!(median, Some(ms(2)), "old probes leave the window");
        assert!(!is_slow(median, ms(100)));
    }

    #[test]
    fn the_probe_appends_and_syncs_a_block_and_wraps_around() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = File::create(dir.path().join("p")).unwrap();
        let block = [1u8; BLOCK];
        let mut offset = PROBE_FILE_BYTES - BLOCK as u64;
        sync_once(&mut f, &block, &mut offset).unwrap();
        assert_eq!(offset, 0, "wrapped");
        assert_eq!(f.metadata().unwrap().len(), PROBE_FILE_BYTES);
    }
}
