//! Fetching a backup (`fishctl backup DIR`): the site streams a tar archive
//! (see `http::backup`); it is unpacked into DIR as it arrives, then checked
//! against its manifest. On any failure DIR is left as it was found.

use std::io::Read;
use std::path::Path;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::{Method, StatusCode};

use super::{Client, ClientError, Reply};
use crate::store::backup::{BackupError, Manifest};

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error("{0}")]
    Refused(String),
    #[error("{path} is not empty; back up into a new or empty directory")]
    NotEmpty { path: String },
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("the backup arrived damaged or cut off: {0}")]
    Damaged(String),
    #[error(transparent)]
    Backup(#[from] BackupError),
}

impl Client {
    /// Asks this site for a backup and unpacks it into `dir` (created if
    /// missing, else it must be empty). Returns the checked manifest.
    /// `progress` hears of each chunk: bytes so far, and the backup's size
    /// when the site tells it.
    pub async fn fetch_backup(
        &self,
        dir: &Path,
        progress: impl FnMut(u64, Option<u64>),
    ) -> Result<Manifest, FetchError> {
        let shown = dir.display().to_string();
        let created = !dir.exists();
        if !created
            && std::fs::read_dir(dir).map_err(|e| FetchError::Io { path: shown.clone(), source: e })?.next().is_some()
        {
            return Err(FetchError::NotEmpty { path: shown });
        }
        // A backup holds every value: only its owner may read it (0700 here,
        // 0600 for the files, whatever the umask).
        std::fs::create_dir_all(dir).map_err(|e| FetchError::Io { path: shown.clone(), source: e })?;
        std::fs::set_permissions(dir, std::os::unix::fs::PermissionsExt::from_mode(0o700))
            .map_err(|e| FetchError::Io { path: shown.clone(), source: e })?;
        let result = self.fetch_into(dir, progress).await;
        if result.is_err() {
            // Leave nothing half-written.
            if created {
                let _ = std::fs::remove_dir_all(dir);
            } else if let Ok(entries) = std::fs::read_dir(dir) {
                for e in entries.flatten() {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        result
    }

    async fn fetch_into(&self, dir: &Path, mut progress: impl FnMut(u64, Option<u64>)) -> Result<Manifest, FetchError> {
        let resp = self.open(Method::POST, "/v1/backup").await?;
        if resp.status() != StatusCode::OK {
            let (parts, body) = resp.into_parts();
            let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
            let reply = Reply { status: parts.status, headers: parts.headers, body };
            return Err(FetchError::Refused(format!("{} ({})", reply.error_message(), reply.status)));
        }
        let total = resp
            .headers()
            .get(crate::api::header::BACKUP_BYTES)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        let mut received = 0u64;
        // The body arrives on this (async) side; the archive is unpacked on a
        // blocking thread that reads what arrives.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Bytes>(16);
        let target = dir.to_path_buf();
        let unpack = tokio::task::spawn_blocking(move || {
            let mut archive = tar::Archive::new(ChannelReader { rx, current: Bytes::new() });
            archive.set_preserve_permissions(false);
            archive.unpack(&target)
        });
        let mut body = resp.into_body();
        let mut cut = None;
        while let Some(frame) = body.frame().await {
            match frame {
                Ok(frame) => {
                    if let Ok(data) = frame.into_data() {
                        received += data.len() as u64;
                        progress(received, total);
                        if tx.send(data).is_err() {
                            break; // the unpacker stopped; its error says why
                        }
                    }
                }
                Err(e) => {
                    cut = Some(e.to_string());
                    break;
                }
            }
        }
        drop(tx);
        let unpacked = unpack.await.map_err(|e| FetchError::Damaged(e.to_string()))?;
        if let Some(why) = cut {
            return Err(FetchError::Damaged(why));
        }
        unpacked.map_err(|e| FetchError::Damaged(e.to_string()))?;
        for entry in
            std::fs::read_dir(dir).map_err(|e| FetchError::Io { path: dir.display().to_string(), source: e })?
        {
            let path = entry.map_err(|e| FetchError::Io { path: dir.display().to_string(), source: e })?.path();
            std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
                .map_err(|e| FetchError::Io { path: path.display().to_string(), source: e })?;
        }
        Ok(Manifest::read(dir)?)
    }
}

/// Reads the chunks the async side hands over; EOF once it hangs up.
struct ChannelReader {
    rx: std::sync::mpsc::Receiver<Bytes>,
    current: Bytes,
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            match self.rx.recv() {
                Ok(chunk) => self.current = chunk,
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current.split_to(n));
        Ok(n)
    }
}
