//! Exclusive ownership of a data dir. Berkeley DB recovery assumes no other
//! process has the environment open, so a second `fishd` on the same dir
//! must be refused before it touches anything.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use nix::fcntl::{Flock, FlockArg};

/// Held for the life of the store; the kernel drops the lock if we die.
pub struct DirLock {
    _file: Flock<File>,
}

/// Why a data dir could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("data dir {dir} is in use by another process{holder} (lock file {lock})")]
    Busy { dir: PathBuf, lock: PathBuf, holder: String },
    #[error("cannot lock data dir {dir}: {source}")]
    Io { dir: PathBuf, source: std::io::Error },
}

impl DirLock {
    /// Takes the lock on `dir/fishd.lock`, creating `dir` if needed, and
    /// writes our pid into it for whoever is refused next.
    pub fn acquire(dir: &Path) -> Result<DirLock, LockError> {
        let io = |source| LockError::Io { dir: dir.to_path_buf(), source };
        std::fs::create_dir_all(dir).map_err(io)?;
        let lock = dir.join("fishd.lock");
        // O_NOFOLLOW: a symlink planted as the lock file must not make
        // fishd (often root, for `fishd restore`) open and write its target.
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&lock)
            .map_err(io)?;
        let mut file = match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
            Ok(f) => f,
            Err((mut file, _)) => {
                let mut pid = String::new();
                let _ = file.read_to_string(&mut pid);
                let holder = match pid.trim() {
                    "" => String::new(),
                    p => format!(" (pid {p})"),
                };
                return Err(LockError::Busy { dir: dir.to_path_buf(), lock, holder });
            }
        };
        file.set_len(0).map_err(io)?;
        file.rewind().map_err(io)?;
        writeln!(file, "{}", std::process::id()).map_err(io)?;
        Ok(DirLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_with_the_first_ones_pid() {
        let dir = tempfile::tempdir().unwrap();
        let first = DirLock::acquire(dir.path()).unwrap();
        let err = DirLock::acquire(dir.path()).err().unwrap().to_string();
        assert!(err.contains("in use by another process"), "{err}");
        assert!(err.contains(&std::process::id().to_string()), "{err}");
        drop(first);
        DirLock::acquire(dir.path()).unwrap();
    }
}
