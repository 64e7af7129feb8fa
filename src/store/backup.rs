//! Hot backup of a running store, and restore of a data dir from one.
//!
//! A backup is Berkeley DB's own hot backup (`DB_ENV->backup`): the database
//! files, then every log file, copied while writers go on, plus
//! [`MANIFEST`]. It holds every transaction committed before it began
//! (`lsn_before`) and possibly some later ones; it is made consistent by
//! catastrophic recovery, which [`restore`] runs. Replication's own files
//! (`__db.rep.*`, the group membership) are never copied, and restore
//! removes any membership that recovery rebuilds from the logs, so a
//! restored data dir starts a *new* group: its first start, with no
//! helpers, makes it the group creator and master; other back-ends then join
//! it empty and copy everything from it. Log sequence numbers carry on from
//! the backup, so versions (ETags) keep increasing across a restore.
//!
//! See docs/backup.md for the disaster-recovery steps.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::dirlock::DirLock;
use super::{Store, StoreError, env_dir};
use crate::bdb::{self, Database, Env, EnvConfig, TxnFlags};

/// The backup's description, written last into the backup directory.
pub const MANIFEST: &str = "fish-backup.json";
/// Replication's database of group membership: never part of a restore.
const MEMBERSHIP_FILE: &str = "__db.rep.system";

/// What a backup holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    /// Layout version of this file.
    pub format: u32,
    pub fish_version: String,
    /// The site the backup was taken on.
    pub site: String,
    /// Seconds since the Unix epoch when the backup began.
    pub taken_at: u64,
    /// The log end when the backup began (`file/offset`): every transaction
    /// committed before it is in the backup.
    pub lsn_before: String,
    /// Every file of the backup but this manifest, with its size.
    pub files: Vec<BackupFile>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct BackupFile {
    /// A plain file name (no directory part).
    pub name: String,
    pub bytes: u64,
    /// Hex SHA-256 of the file's contents (format 2 on; restore checks it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

/// The manifest format this version writes: 2 added `sha256`.
const FORMAT: u32 = 2;

/// True for a name that can only mean a file in the backup directory
/// itself: no separator, not `.` or `..`, no NUL, not hidden.
pub fn plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && !name.starts_with('.')
        && !name.bytes().any(|b| b == b'/' || b == b'\\' || b == 0)
}

/// Hex SHA-256 of a file.
/// Copies `src` to a new `dst` and syncs it, telling `copied` of every
/// 8 MiB (and the rest).
fn copy_telling(src: &Path, dst: &Path, copied: &mut dyn FnMut(u64)) -> Result<(), BackupError> {
    use std::io::{Read, Write};
    let mut from = File::open(src).map_err(|e| BackupError::io(src, e))?;
    let mut to = File::create(dst).map_err(|e| BackupError::io(dst, e))?;
    let mut buf = vec![0u8; 8 << 20];
    loop {
        let n = from.read(&mut buf).map_err(|e| BackupError::io(src, e))?;
        if n == 0 {
            break;
        }
        to.write_all(&buf[..n]).map_err(|e| BackupError::io(dst, e))?;
        copied(n as u64);
    }
    // As fs::copy would: the backup's files are its owner's alone (0600).
    let mode = from.metadata().map_err(|e| BackupError::io(src, e))?.permissions();
    to.set_permissions(mode).map_err(|e| BackupError::io(dst, e))?;
    to.sync_all().map_err(|e| BackupError::io(dst, e))
}

fn sha256_of(path: &Path) -> Result<String, BackupError> {
    use sha2::Digest;
    let mut file = File::open(path).map_err(|e| BackupError::io(path, e))?;
    let mut hasher = sha2::Sha256::new();
    std::io::copy(&mut file, &mut hasher).map_err(|e| BackupError::io(path, e))?;
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

impl Manifest {
    pub fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.bytes).sum()
    }

    /// Reads and checks `dir`'s manifest: every file it lists is there with
    /// its size.
    pub fn read(dir: &Path) -> Result<Manifest, BackupError> {
        let path = dir.join(MANIFEST);
        let text = std::fs::read(&path).map_err(|e| BackupError::io(&path, e))?;
        let manifest: Manifest = serde_json::from_slice(&text)
            .map_err(|e| BackupError::NotABackup { path: path.clone(), why: e.to_string() })?;
        if !(1..=FORMAT).contains(&manifest.format) {
            return Err(BackupError::NotABackup { path, why: format!("unknown format {}", manifest.format) });
        }
        for f in &manifest.files {
            // Names come from a file that may have been tampered with:
            // only plain names in this directory are ever opened.
            if !plain_file_name(&f.name) || f.name == MANIFEST {
                return Err(BackupError::NotABackup {
                    path,
                    why: format!("it names {:?}, which is not a plain file name of the backup", f.name),
                });
            }
            if manifest.format >= 2 && f.sha256.is_none() {
                return Err(BackupError::NotABackup { path, why: format!("{} has no sha256", f.name) });
            }
            let file = dir.join(&f.name);
            match std::fs::metadata(&file) {
                Ok(m) if m.len() == f.bytes => {}
                Ok(m) => {
                    return Err(BackupError::NotABackup {
                        path: file,
                        why: format!("{} bytes, the manifest says {}", m.len(), f.bytes),
                    });
                }
                Err(e) => return Err(BackupError::io(&file, e)),
            }
        }
        Ok(manifest)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{} is not a usable Fish backup: {why}", path.display())]
    NotABackup { path: PathBuf, why: String },
    #[error("{} already holds a Fish environment; restore only into a new data dir (move it away first)", path.display())]
    TargetInUse { path: PathBuf },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl BackupError {
    fn io(path: &Path, source: std::io::Error) -> BackupError {
        BackupError::Io { path: path.to_path_buf(), source }
    }
}

impl From<bdb::Error> for BackupError {
    fn from(e: bdb::Error) -> Self {
        BackupError::Store(StoreError::Bdb(e))
    }
}

impl From<super::LockError> for BackupError {
    fn from(e: super::LockError) -> Self {
        BackupError::Store(StoreError::Lock(e))
    }
}

impl Store {
    /// Takes a hot backup into `target` (a new or empty directory) while
    /// the store keeps serving, and writes its manifest.
    pub fn backup(&self, target: &Path, site: &str) -> Result<Manifest, BackupError> {
        let taken_at = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let before = self.env.current_lsn()?;
        self.check_room_for_backup(target)?;
        self.env.backup(target)?;
        let mut files = Vec::new();
        for entry in std::fs::read_dir(target).map_err(|e| BackupError::io(target, e))? {
            let entry = entry.map_err(|e| BackupError::io(target, e))?;
            let meta = entry.metadata().map_err(|e| BackupError::io(&entry.path(), e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if meta.is_file() && name != MANIFEST {
                let sha256 = Some(sha256_of(&entry.path())?);
                files.push(BackupFile { name, bytes: meta.len(), sha256 });
            }
        }
        files.sort_by(|a, b| a.name.cmp(&b.name));
        let manifest = Manifest {
            format: FORMAT,
            fish_version: env!("CARGO_PKG_VERSION").into(),
            site: site.into(),
            taken_at,
            lsn_before: format!("{}/{}", before.file, before.offset),
            files,
        };
        let path = target.join(MANIFEST);
        write_synced(&path, &serde_json::to_vec_pretty(&manifest).expect("a manifest serialises"))?;
        Ok(manifest)
    }
}

impl Store {
    /// Refuses (507) a backup the file system of `target` has no room for:
    /// the environment's files (databases and logs, about what the backup
    /// copies) plus the reserve writes keep (`[storage] min_free_mb`).
    fn check_room_for_backup(&self, target: &Path) -> Result<(), BackupError> {
        let home = &self.home;
        let need: u64 = std::fs::read_dir(home)
            .map_err(|e| BackupError::io(home, e))?
            .flatten()
            .filter(|e| !e.file_name().to_string_lossy().starts_with("__db"))
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        let on = target.parent().unwrap_or(target);
        let Some(free) = super::free_bytes(on) else { return Ok(()) };
        if free < need + self.min_free_bytes {
            return Err(BackupError::Store(StoreError::NoSpace {
                free,
                reserve: need + self.min_free_bytes,
                dir: on.display().to_string(),
            }));
        }
        Ok(())
    }
}

/// What [`restore`] did.
#[derive(Debug)]
pub struct Restored {
    pub manifest: Manifest,
    /// Keys in the restored store (each was read back).
    pub keys: u64,
    /// Where the environment now is.
    pub env_dir: PathBuf,
}

/// Prepares `data_dir` (new, or without an environment) from the backup in
/// `from`: copies it into a staging directory, runs catastrophic recovery
/// there, drops any group membership, checkpoints, reads every key back,
/// and only then moves it into place. A failure leaves `data_dir` without
/// an environment, never with half of one.
pub fn restore(from: &Path, data_dir: &Path) -> Result<Restored, BackupError> {
    restore_telling(from, data_dir, &mut |_| {})
}

/// Where a restore is, for a person watching it.
#[derive(Debug, Clone, Copy)]
pub enum RestoreProgress {
    /// Bytes of the backup copied into place so far, of `total`.
    Copied { bytes: u64, total: u64 },
    /// Running recovery over the copy.
    Recovering,
    /// Reading every key back.
    Checking,
}

/// [`restore`], telling `progress` how far it got (at least every 8 MiB
/// copied).
pub fn restore_telling(
    from: &Path,
    data_dir: &Path,
    progress: &mut dyn FnMut(RestoreProgress),
) -> Result<Restored, BackupError> {
    let manifest = Manifest::read(from)?;
    let total = manifest.total_bytes();
    let mut done = 0u64;
    std::fs::create_dir_all(data_dir).map_err(|e| BackupError::io(data_dir, e))?;
    let _lock = DirLock::acquire(data_dir)?;
    let home = env_dir(data_dir);
    if std::fs::read_dir(&home).is_ok_and(|mut d| d.next().is_some()) {
        return Err(BackupError::TargetInUse { path: home });
    }
    let staging = data_dir.join("bdb.restoring");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| BackupError::io(&staging, e))?;
    }
    std::fs::create_dir_all(&staging).map_err(|e| BackupError::io(&staging, e))?;
    let copied = (|| {
        for f in &manifest.files {
            let (src, dst) = (from.join(&f.name), staging.join(&f.name));
            copy_telling(&src, &dst, &mut |n| {
                done += n;
                progress(RestoreProgress::Copied { bytes: done, total });
            })?;
            // Checked on the copy: what recovery reads is what was checked.
            if let Some(expected) = &f.sha256
                && sha256_of(&dst)? != *expected
            {
                return Err(BackupError::NotABackup {
                    path: src,
                    why: "its SHA-256 differs from the manifest's (damaged or altered)".into(),
                });
            }
        }
        Ok(())
    })();
    if let Err(err) = copied {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(err);
    }
    progress(RestoreProgress::Recovering);
    let recovered = (|| {
        let cfg = EnvConfig { recover_fatal: true, ..EnvConfig::default() };
        let env = Env::open(&staging, &cfg)?;
        // Recovery must reach the log end the backup began at: a backup
        // whose logs were cut short would otherwise restore silently older
        // data.
        let end = env.current_lsn()?;
        let began = format!("{}/{}", end.file, end.offset);
        if !lsn_reaches(&began, &manifest.lsn_before) {
            return Err(BackupError::NotABackup {
                path: from.to_path_buf(),
                why: format!(
                    "recovery ended at log position {began}, before {} where the backup began",
                    manifest.lsn_before
                ),
            });
        }
        env.remove_database(MEMBERSHIP_FILE)?;
        progress(RestoreProgress::Checking);
        let keys = count_keys(&env)?;
        env.checkpoint(0)?;
        Ok(keys)
    })();
    let keys = match recovered {
        Ok(keys) => keys,
        Err(err) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(err);
        }
    };
    if home.exists() {
        std::fs::remove_dir(&home).map_err(|e| BackupError::io(&home, e))?;
    }
    give_to_data_dir_owner(data_dir, &staging)?;
    std::fs::rename(&staging, &home).map_err(|e| BackupError::io(&home, e))?;
    File::open(data_dir).and_then(|d| d.sync_all()).map_err(|e| BackupError::io(data_dir, e))?;
    Ok(Restored { manifest, keys, env_dir: home })
}

/// True when log position `a` (`file/offset`) is at or past `b`.
fn lsn_reaches(a: &str, b: &str) -> bool {
    let parse = |s: &str| -> Option<(u32, u32)> {
        let (f, o) = s.split_once('/')?;
        Some((f.parse().ok()?, o.parse().ok()?))
    };
    matches!((parse(a), parse(b)), (Some(a), Some(b)) if a >= b)
}

/// When root restores into a data dir owned by someone else (`fish`, under
/// systemd), the restored files become that owner's, or fishd could not
/// open them.
fn give_to_data_dir_owner(data_dir: &Path, dir: &Path) -> Result<(), BackupError> {
    use std::os::unix::fs::MetadataExt;
    let owner = std::fs::metadata(data_dir).map_err(|e| BackupError::io(data_dir, e))?;
    if nix::unistd::geteuid().as_raw() != 0 || owner.uid() == 0 {
        return Ok(());
    }
    let (uid, gid) = (Some(owner.uid()), Some(owner.gid()));
    let chown = |p: &Path| std::os::unix::fs::chown(p, uid, gid).map_err(|e| BackupError::io(p, e));
    chown(dir)?;
    for entry in std::fs::read_dir(dir).map_err(|e| BackupError::io(dir, e))? {
        chown(&entry.map_err(|e| BackupError::io(dir, e))?.path())?;
    }
    let lock = data_dir.join("fishd.lock");
    if lock.exists() {
        chown(&lock)?;
    }
    Ok(())
}

/// Reads every key of `kv.db` (0 if the backup predates any write).
fn count_keys(env: &Env) -> Result<u64, BackupError> {
    let txn = env.begin(TxnFlags::default())?;
    let db = match Database::open_btree(env, &txn, "kv.db", None) {
        Ok(db) => db,
        Err(bdb::Error::NotFound) => return Ok(0),
        Err(e) => return Err(e.into()),
    };
    txn.commit()?;
    let txn = env.begin(TxnFlags::default())?;
    let mut n = 0;
    {
        let mut cursor = db.cursor(&txn)?;
        let mut next = cursor.seek_at_or_after(b"")?;
        while next.is_some() {
            n += 1;
            next = cursor.next_pair()?;
        }
    }
    txn.commit()?;
    Ok(n)
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), BackupError> {
    let mut f = File::create(path).map_err(|e| BackupError::io(path, e))?;
    f.write_all(bytes).and_then(|()| f.sync_all()).map_err(|e| BackupError::io(path, e))
}
