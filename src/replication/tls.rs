//! Mutual TLS between sites: the transport Fish's Berkeley DB patch 0014
//! hands every replication connection to (docs/security.md).
//!
//! repmgr keeps its own protocol and its one address per site; it reads
//! and writes one end of a local socket pair, and a relay task copies
//! between the other end and a TLS session (rustls) on the real socket:
//!
//! - an accepted connection is a TLS server session that requires a client
//!   certificate signed by the group's CA;
//! - a connection repmgr makes to `host:port` is a TLS client session that
//!   presents this site's certificate and accepts only a server
//!   certificate of the CA that names `host` (an IP or DNS name) and
//!   `fish://host:port`;
//! - when an accepted peer names itself in repmgr's handshake (or asks to
//!   join as an address), repmgr asks [`may_claim`](Tls::may_claim): the
//!   certificate it presented must name `fish://host:port`. A stolen site
//!   key therefore lets its holder act as that one site, no other.
//!
//! Nothing reaches repmgr before the handshake succeeded: the relay starts
//! copying only then. A failed handshake closes both ends.
//!
//! The relays run on a runtime of their own, one thread (`fish-tls`), not
//! on the HTTP workers: without TLS repmgr's threads write to the network
//! themselves, and replication traffic should not queue behind busy HTTP
//! connections either with it. One thread keeps up with a group's
//! replication traffic; each copy moves up to a TLS record (16 KiB) at a
//! time. What removed the measured ack timeouts, though, was the socket
//! pair's buffer (`PAIR_SEND_BUFFER`): with the thread alone they stayed.

use std::collections::HashMap;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::server::WebPkiClientVerifier;
use rustls::{ClientConfig, RootCertStore, ServerConfig};

use crate::bdb::Transport;
use crate::config::TlsFiles;

/// A TLS handshake that takes longer is abandoned.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);

/// The relays' copy buffer, each way: one full TLS record.
const RELAY_BUFFER: usize = 16 * 1024;

/// The send buffer asked for on each end of a socket pair. A local socket
/// charges every write its whole kernel buffer (about 1 KiB for a 200-byte
/// log record), and repmgr's writes are small: with the default 208 KiB it
/// refused writes after about 200 records, queued 10 more, then blocked
/// the committing thread (or dropped broadcasts) until the relay drained
/// them, and commits missed their ack timeout: 42-65 failed PUTs in a 10 s
/// run at 64 connections, p99 170-440 ms. TCP, which repmgr writes to
/// without TLS, grows its buffer to 4 MiB (`net.ipv4.tcp_wmem`) by itself.
///
/// As root (`fishd dev`, tests) the size is forced; otherwise the kernel
/// caps it at `net.core.wmem_max`, which the packages raise to 4 MiB
/// (`/usr/lib/sysctl.d/60-fish.conf`; docs/security.md).
const PAIR_SEND_BUFFER: usize = 4 * 1024 * 1024;

/// What is wrong with the TLS files, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("{path}: {why}")]
    File { path: String, why: String },
    #[error("the TLS settings do not go together: {0}")]
    Config(String),
}

fn file_error(path: &Path, why: impl std::fmt::Display) -> TlsError {
    TlsError::File { path: path.display().to_string(), why: why.to_string() }
}

/// The rustls configurations made from the files.
struct Configs {
    server: Arc<ServerConfig>,
    client: Arc<ClientConfig>,
}

impl Configs {
    fn load(files: &TlsFiles) -> Result<Configs, TlsError> {
        let mut roots = RootCertStore::empty();
        for ca in read_certs(&files.ca)? {
            roots.add(ca).map_err(|e| file_error(&files.ca, e))?;
        }
        let roots = Arc::new(roots);
        let chain = read_certs(&files.cert)?;
        check_key_mode(&files.key)?;
        let key = PrivateKeyDer::from_pem_file(&files.key).map_err(|e| file_error(&files.key, e))?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier = WebPkiClientVerifier::builder_with_provider(Arc::clone(&roots), Arc::clone(&provider))
            .build()
            .map_err(|e| file_error(&files.ca, e))?;
        let server = ServerConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()
            .map_err(|e| TlsError::Config(e.to_string()))?
            .with_client_cert_verifier(verifier)
            .with_single_cert(chain.clone(), key.clone_key())
            .map_err(|e| file_error(&files.key, format!("does not go with {}: {e}", files.cert.display())))?;
        let client = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| TlsError::Config(e.to_string()))?
            .with_root_certificates(roots)
            .with_client_auth_cert(chain, key)
            .map_err(|e| file_error(&files.key, format!("does not go with {}: {e}", files.cert.display())))?;
        Ok(Configs { server: Arc::new(server), client: Arc::new(client) })
    }
}

/// The PEM certificates in `path`; none is an error naming the file.
/// The PEM certificates in `path` (at least one); the API's TLS uses it too.
pub fn read_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
        .map_err(|e| file_error(path, e))?
        .collect::<Result<_, _>>()
        .map_err(|e| file_error(path, e))?;
    if certs.is_empty() {
        return Err(file_error(path, "holds no certificate"));
    }
    Ok(certs)
}

/// A private key every user can read is refused (the API's key too).
pub fn check_key_mode(path: &Path) -> Result<(), TlsError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).map_err(|e| file_error(path, e))?.permissions().mode();
    if mode & 0o007 != 0 {
        return Err(file_error(
            path,
            format!("a private key must not be readable by every user (mode {:o}); chmod 0640 it", mode & 0o777),
        ));
    }
    Ok(())
}

/// The addresses a certificate vouches for: its `fish://host:port` URIs.
pub fn claims_of(cert: &[u8]) -> Vec<String> {
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(cert) else { return Vec::new() };
    let Ok(Some(san)) = cert.subject_alternative_name() else { return Vec::new() };
    san.value
        .general_names
        .iter()
        .filter_map(|n| match n {
            x509_parser::extensions::GeneralName::URI(uri) => uri.strip_prefix("fish://").map(str::to_ascii_lowercase),
            _ => None,
        })
        .collect()
}

pub use crate::pki::claim;

/// Accepted connections' verified claims: descriptor → (connection id,
/// the `host:port`s its certificate names).
type Peers = HashMap<RawFd, (u64, Vec<String>)>;

/// The transport: mutual TLS on every replication connection.
pub struct Tls {
    configs: RwLock<Arc<Configs>>,
    /// The relays' own runtime (see the module docs); `None` once dropped.
    relays: Option<tokio::runtime::Runtime>,
    runtime: tokio::runtime::Handle,
    /// Accepted connections' verified claims, by repmgr's descriptor
    /// (with an id, since descriptor numbers are reused).
    peers: Arc<Mutex<Peers>>,
    next_id: AtomicU64,
}

impl Drop for Tls {
    fn drop(&mut self) {
        // Allowed anywhere, an async context included (a plain drop is not).
        if let Some(relays) = self.relays.take() {
            relays.shutdown_background();
        }
    }
}

impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tls").finish_non_exhaustive()
    }
}

impl Tls {
    /// Loads the files and starts the relays' thread.
    pub fn new(files: &TlsFiles) -> Result<Arc<Tls>, TlsError> {
        let configs = Configs::load(files)?;
        let relays = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("fish-tls")
            .enable_all()
            .build()
            .map_err(|e| TlsError::Config(format!("cannot start the TLS relay thread: {e}")))?;
        Ok(Arc::new(Tls {
            configs: RwLock::new(Arc::new(configs)),
            runtime: relays.handle().clone(),
            relays: Some(relays),
            peers: Arc::new(Mutex::new(HashMap::new())),
            next_id: AtomicU64::new(0),
        }))
    }

    /// Re-reads the files (SIGHUP): new connections use them, working ones
    /// keep theirs. On error the running configuration stays.
    pub fn reload(&self, files: &TlsFiles) -> Result<(), TlsError> {
        let fresh = Arc::new(Configs::load(files)?);
        *self.configs.write().unwrap_or_else(|e| e.into_inner()) = fresh;
        Ok(())
    }

    fn configs(&self) -> Arc<Configs> {
        Arc::clone(&self.configs.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// A socket pair whose one end repmgr gets, the other as a tokio stream.
    fn pair(&self) -> Option<(OwnedFd, tokio::net::UnixStream)> {
        let (ours, theirs) = std::os::unix::net::UnixStream::pair().ok()?;
        widen_send_buffers(&ours, &theirs);
        ours.set_nonblocking(true).ok()?;
        let _entered = self.runtime.enter();
        let ours = tokio::net::UnixStream::from_std(ours).ok()?;
        Some((theirs.into(), ours))
    }

    fn tcp(&self, socket: OwnedFd) -> Option<tokio::net::TcpStream> {
        let tcp = std::net::TcpStream::from(socket);
        tcp.set_nonblocking(true).ok()?;
        let _ = tcp.set_nodelay(true);
        let _entered = self.runtime.enter();
        tokio::net::TcpStream::from_std(tcp).ok()
    }
}

impl Transport for Tls {
    fn accepted(&self, socket: OwnedFd) -> Option<OwnedFd> {
        let tcp = self.tcp(socket)?;
        let peer = tcp.peer_addr().map(|a| a.to_string()).unwrap_or_default();
        let (theirs, ours) = self.pair()?;
        let fd = theirs.as_raw_fd();
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::clone(&self.configs().server));
        let peers = Arc::clone(&self.peers);
        self.runtime.spawn(async move {
            let tls = match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
                Ok(Ok(tls)) => tls,
                Ok(Err(err)) => {
                    tracing::warn!(fish_event = "peer_refused", %peer, %err, "refused a replication connection: TLS handshake failed");
                    return;
                }
                Err(_) => {
                    tracing::warn!(fish_event = "peer_refused", %peer, "refused a replication connection: no TLS handshake within {HANDSHAKE_TIMEOUT:?}");
                    return;
                }
            };
            let claims = tls.get_ref().1.peer_certificates().and_then(|c| c.first()).map(|c| claims_of(c)).unwrap_or_default();
            peers.lock().unwrap_or_else(|e| e.into_inner()).insert(fd, (id, claims));
            relay(tls, ours).await;
            let mut map = peers.lock().unwrap_or_else(|e| e.into_inner());
            if map.get(&fd).is_some_and(|(i, _)| *i == id) {
                map.remove(&fd);
            }
        });
        Some(theirs)
    }

    fn connected(&self, socket: OwnedFd, host: &str, port: u16) -> Option<OwnedFd> {
        let name = ServerName::try_from(host.to_string()).ok()?;
        let tcp = self.tcp(socket)?;
        let (theirs, ours) = self.pair()?;
        let connector = tokio_rustls::TlsConnector::from(Arc::clone(&self.configs().client));
        let want = claim(host, port);
        self.runtime.spawn(async move {
            let tls = match tokio::time::timeout(HANDSHAKE_TIMEOUT, connector.connect(name, tcp)).await {
                Ok(Ok(tls)) => tls,
                Ok(Err(err)) => {
                    tracing::warn!(fish_event = "peer_refused", site = %want, %err, "could not connect to a site over TLS");
                    return;
                }
                Err(_) => {
                    tracing::warn!(fish_event = "peer_refused", site = %want, "no TLS handshake with a site within {HANDSHAKE_TIMEOUT:?}");
                    return;
                }
            };
            let claims = tls.get_ref().1.peer_certificates().and_then(|c| c.first()).map(|c| claims_of(c)).unwrap_or_default();
            if !claims.contains(&want) {
                tracing::warn!(fish_event = "peer_refused", site = %want, ?claims, "the site's certificate does not name the address dialled");
                return;
            }
            relay(tls, ours).await;
        });
        Some(theirs)
    }

    fn may_claim(&self, fd: RawFd, host: &str, port: u16) -> bool {
        let want = claim(host, port);
        let map = self.peers.lock().unwrap_or_else(|e| e.into_inner());
        let ok = map.get(&fd).is_some_and(|(_, claims)| claims.contains(&want));
        if !ok {
            let claims = map.get(&fd).map(|(_, c)| c.clone()).unwrap_or_default();
            tracing::warn!(fish_event = "peer_refused", claimed = %want, ?claims, "refused a replication peer: its certificate does not name the address it claims");
        }
        ok
    }
}

/// Asks for [`PAIR_SEND_BUFFER`] on both ends of a socket pair: forced where
/// the process may (root), else as much as `net.core.wmem_max` allows.
fn widen_send_buffers(a: &std::os::unix::net::UnixStream, b: &std::os::unix::net::UnixStream) {
    use nix::sys::socket::{setsockopt, sockopt};
    for end in [a, b] {
        if setsockopt(end, sockopt::SndBufForce, &PAIR_SEND_BUFFER).is_err() {
            let _ = setsockopt(end, sockopt::SndBuf, &PAIR_SEND_BUFFER);
        }
    }
}

/// Copies both ways until either side closes; then closes both.
async fn relay<S>(mut tls: S, mut local: tokio::net::UnixStream)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let _ = tokio::io::copy_bidirectional_with_sizes(&mut tls, &mut local, RELAY_BUFFER, RELAY_BUFFER).await;
    use tokio::io::AsyncWriteExt;
    let _ = tls.shutdown().await;
    let _ = local.shutdown().await;
}

/// `fishd check`: whether the files make a working TLS setup for a site
/// listening on `host:port`; every problem found, each naming its file.
pub fn check(files: &TlsFiles, host: &str, port: u16) -> Result<(), Vec<TlsError>> {
    use rustls::client::danger::ServerCertVerifier;
    let configs = Configs::load(files).map_err(|e| vec![e])?;
    drop(configs);
    let mut problems = Vec::new();
    let chain = read_certs(&files.cert).map_err(|e| vec![e])?;
    let mut roots = RootCertStore::empty();
    for ca in read_certs(&files.ca).map_err(|e| vec![e])? {
        let _ = roots.add(ca);
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
        .build()
        .map_err(|e| vec![file_error(&files.ca, e)])?;
    match ServerName::try_from(host.to_string()) {
        Ok(name) => {
            if let Err(err) =
                verifier.verify_server_cert(&chain[0], &chain[1..], &name, &[], rustls::pki_types::UnixTime::now())
            {
                problems.push(file_error(
                    &files.cert,
                    format!("is not valid for {host} under {}: {err}", files.ca.display()),
                ));
            }
        }
        Err(err) => problems.push(TlsError::Config(format!("{host} is not a host name or address: {err}"))),
    }
    let want = claim(host, port);
    let claims = claims_of(&chain[0]);
    if !claims.contains(&want) {
        problems.push(file_error(
            &files.cert,
            format!("does not name this site's replication address (fish://{want}); it names {claims:?}"),
        ));
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The relay's socket pairs get the 4 MiB send buffers that keep
    /// repmgr from blocking on small writes (the kernel reports double
    /// what it grants): forced as root, else up to `net.core.wmem_max`.
    #[test]
    fn relay_socket_pairs_get_wide_send_buffers() {
        use nix::sys::socket::{getsockopt, sockopt};
        let (a, b) = std::os::unix::net::UnixStream::pair().unwrap();
        let default = getsockopt(&a, sockopt::SndBuf).unwrap();
        widen_send_buffers(&a, &b);
        let ceiling = std::fs::read_to_string("/proc/sys/net/core/wmem_max").unwrap().trim().parse::<usize>().unwrap();
        let want = if nix::unistd::geteuid().is_root() { PAIR_SEND_BUFFER } else { PAIR_SEND_BUFFER.min(ceiling) };
        for end in [&a, &b] {
            let got = getsockopt(end, sockopt::SndBuf).unwrap();
            assert!(got >= 2 * want && got > default, "send buffer {got}, default {default}, wanted {want}");
        }
    }
}
