//! HTTPS on the API (`[http.tls]`): rustls, with the files re-read on
//! SIGHUP. A reload swaps the configuration new handshakes use; connections
//! already open keep theirs, so rotation drops nothing.
//!
//! With `client_ca`, a client must present a certificate signed by that CA
//! (in addition to its token, when there is a tokens file): the sites of a
//! group present their `[http.tls]` certificate to one another.

use std::sync::{Arc, RwLock};

use rustls::ServerConfig;
use rustls::pki_types::PrivateKeyDer;
use rustls::pki_types::pem::PemObject;

use crate::config::HttpTlsFiles;

/// The API's TLS configuration, swapped by a reload.
pub struct ServerTls(RwLock<Arc<ServerConfig>>);

impl ServerTls {
    pub fn load(files: &HttpTlsFiles) -> Result<ServerTls, String> {
        Ok(ServerTls(RwLock::new(Arc::new(server_config(files)?))))
    }

    /// The configuration for the next handshake.
    pub fn acceptor(&self) -> tokio_rustls::TlsAcceptor {
        tokio_rustls::TlsAcceptor::from(Arc::clone(&self.0.read().unwrap_or_else(|e| e.into_inner())))
    }

    /// Re-reads the files; on an error the running configuration stays.
    pub fn reload(&self, files: &HttpTlsFiles) -> Result<(), String> {
        let config = server_config(files)?;
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(config);
        Ok(())
    }
}

fn server_config(files: &HttpTlsFiles) -> Result<ServerConfig, String> {
    use crate::replication::tls::{check_key_mode, read_certs};
    let chain = read_certs(&files.cert).map_err(|e| e.to_string())?;
    check_key_mode(&files.key).map_err(|e| e.to_string())?;
    let key = PrivateKeyDer::from_pem_file(&files.key).map_err(|e| format!("{}: {e}", files.key.display()))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ServerConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    let builder = match &files.client_ca {
        None => builder.with_no_client_auth(),
        Some(ca) => {
            let mut roots = rustls::RootCertStore::empty();
            for cert in read_certs(ca).map_err(|e| e.to_string())? {
                roots.add(cert).map_err(|e| format!("{}: {e}", ca.display()))?;
            }
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| format!("{}: {e}", ca.display()))?;
            builder.with_client_cert_verifier(verifier)
        }
    };
    builder
        .with_single_cert(chain, key)
        .map_err(|e| format!("{} does not go with {}: {e}", files.key.display(), files.cert.display()))
}
