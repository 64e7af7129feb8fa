//! `POST /v1/backup`: a hot backup of this site's copy of the data,
//! streamed as a tar archive whose first entry is the manifest
//! (`fish-backup.json`). `fishctl backup DIR` fetches and unpacks it.
//!
//! Berkeley DB writes the backup into `DATA_DIR/backup.tmp/` first (so the
//! data dir needs room for one more copy while it runs); the copy is
//! deleted as soon as it is sent, or if the client goes away. One backup at
//! a time per site: a second one gets 409 `backup_running`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use bytes::{Bytes, BytesMut};
use http_body_util::{BodyExt, StreamBody};
use hyper::body::Frame;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use tokio::sync::mpsc;

use super::error::ApiError;
use super::request::{ReqBody, allow};
use super::{App, Resp};
use crate::store::backup::{BackupError, MANIFEST};

/// Where backups are staged, under the data dir.
const STAGING: &str = "backup.tmp";
/// Size of the chunks the archive is streamed in.
const CHUNK: usize = 256 << 10;

static RUNNING: AtomicBool = AtomicBool::new(false);

/// Clears `RUNNING` when the backup (staging and sending) is over.
struct Running;

impl Running {
    fn claim() -> Option<Running> {
        RUNNING.compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire).ok().map(|_| Running)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.store(false, Ordering::Release);
    }
}

/// Removes a staging directory left by a process that died mid-backup.
pub fn remove_leftovers(data_dir: &Path) {
    let dir = data_dir.join(STAGING);
    if dir.exists() {
        match std::fs::remove_dir_all(&dir) {
            Ok(()) => tracing::info!(dir = %dir.display(), "removed an unfinished backup"),
            Err(err) => tracing::warn!(dir = %dir.display(), %err, "cannot remove an unfinished backup"),
        }
    }
}

pub async fn take(app: &App, req: &Request<ReqBody>) -> Result<Resp, ApiError> {
    allow(req, &[Method::POST])?;
    let Some(store) = app.store.clone() else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "no_local_data",
            "this proxy front-end keeps no data; back up a back-end (fishctl --url of a back-end)",
        ));
    };
    let running = Running::claim().ok_or_else(|| {
        ApiError::new(StatusCode::CONFLICT, "backup_running", "a backup of this site is already running; retry later")
    })?;
    let config = app.config();
    let dir = config.data_dir.join(STAGING);
    let site = config.name.clone();
    let started = Instant::now();
    let staged = {
        let dir = dir.clone();
        tokio::task::spawn_blocking(move || {
            let _ = std::fs::remove_dir_all(&dir);
            let result = store.backup(&dir, &site);
            if result.is_err() {
                let _ = std::fs::remove_dir_all(&dir);
            }
            result
        })
        .await
        .map_err(|e| ApiError::internal(format!("backup task failed: {e}")))?
    };
    let manifest = staged.map_err(|err| {
        tracing::error!(fish_event = "backup_failed", %err, "backup failed");
        match err {
            BackupError::Store(e) => ApiError::from(e),
            other => ApiError::internal(other.to_string()),
        }
    })?;
    tracing::info!(
        fish_event = "backup_staged",
        lsn_before = %manifest.lsn_before,
        files = manifest.files.len(),
        bytes = manifest.total_bytes(),
        ms = started.elapsed().as_millis() as u64,
        "backup copied; sending it"
    );
    let (tx, rx) = mpsc::channel(4);
    let names: Vec<String> =
        std::iter::once(MANIFEST.to_string()).chain(manifest.files.iter().map(|f| f.name.clone())).collect();
    let lsn = manifest.lsn_before.clone();
    let total = manifest.total_bytes();
    tokio::task::spawn_blocking(move || {
        let _running = running;
        let sent = send_archive(&dir, &names, ChunkWriter { tx: tx.clone(), buf: BytesMut::new(), sent: 0 });
        let _ = std::fs::remove_dir_all(&dir);
        match sent {
            Ok(bytes) => tracing::info!(
                fish_event = "backup_sent",
                bytes,
                ms = started.elapsed().as_millis() as u64,
                "backup sent"
            ),
            Err(err) => {
                tracing::warn!(fish_event = "backup_failed", %err, "sending the backup failed");
                // Ends the response with an error, so the client sees a cut-off archive.
                let _ = tx.blocking_send(Err(err));
            }
        }
    });
    let body = StreamBody::new(tokio_stream::wrappers::ReceiverStream::new(rx)).boxed();
    let mut resp = Response::new(body);
    *resp.status_mut() = StatusCode::OK;
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-tar"));
    if let Ok(v) = HeaderValue::from_str(&lsn) {
        resp.headers_mut().insert(crate::api::header::BACKUP_LSN, v);
    }
    resp.headers_mut().insert(crate::api::header::BACKUP_BYTES, HeaderValue::from(total));
    Ok(resp)
}

/// Writes the archive of `names` (in `dir`) into `out`; returns its size.
fn send_archive(dir: &Path, names: &[String], out: ChunkWriter) -> std::io::Result<u64> {
    let mut tar = tar::Builder::new(out);
    tar.mode(tar::HeaderMode::Deterministic);
    for name in names {
        let path: PathBuf = dir.join(name);
        tar.append_path_with_name(&path, name)?;
    }
    let mut out = tar.into_inner()?;
    out.flush()?;
    Ok(out.sent)
}

/// Turns writes into body frames; blocks while the client is slower than
/// the disk (the channel is small), fails once the client is gone.
struct ChunkWriter {
    tx: mpsc::Sender<std::io::Result<Frame<Bytes>>>,
    buf: BytesMut,
    sent: u64,
}

impl Write for ChunkWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = self.buf.split().freeze();
        self.sent += chunk.len() as u64;
        self.tx
            .blocking_send(Ok(Frame::data(chunk)))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client went away"))
    }
}
