//! A small HTTP client for Fish's API, used by `fishctl`, `fishd dev` and
//! the sites themselves: pooled keep-alive connections (hyper-util),
//! bounded by a timeout; `https://` with a given CA (rustls, via
//! hyper-rustls), and a bearer token on every request when given one.

mod backup;
pub mod lock;
pub use backup::FetchError;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::HeaderMap;
use hyper::{Method, Request, StatusCode};
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use crate::api;

/// A response, fully read.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    /// The `message` of a JSON error body, or the body as text.
    pub fn error_message(&self) -> String {
        serde_json::from_slice::<serde_json::Value>(&self.body)
            .ok()
            .and_then(|v| v.get("message").and_then(|m| m.as_str()).map(str::to_string))
            .unwrap_or_else(|| String::from_utf8_lossy(&self.body).trim().to_string())
    }

    /// A header as text, if present and ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// Why a request got no HTTP answer at all.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("invalid URL {0:?}: expected http://HOST:PORT or https://HOST:PORT")]
    BadUrl(String),
    #[error("{0} is https: give the CA that signed its certificate (--cacert)")]
    NoCa(String),
    #[error("cannot reach {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("no answer from {url} within {secs} s")]
    Timeout { url: String, secs: u64 },
}

pub type Connector = hyper_rustls::HttpsConnector<HttpConnector>;

/// A client bound to one site's base URL, or to several: a request that
/// cannot connect to the current one goes to the next (a connection that
/// was never made carried nothing, so even a write is safe to resend), and
/// the one that answered stays current.
#[derive(Clone)]
pub struct Client {
    http: HyperClient<Connector, Full<Bytes>>,
    bases: Arc<[String]>,
    current: Arc<AtomicUsize>,
    timeout: Duration,
    /// Sent as `Authorization: Bearer ...` on every request.
    token: Option<Arc<str>>,
    credentials: Credentials,
}

/// How a client authenticates itself and the sites it talks to.
#[derive(Clone, Default)]
pub struct Credentials {
    pub token: Option<String>,
    /// Trusts these CAs for `https://` (none: `http://` only).
    pub tls: Option<Arc<rustls::ClientConfig>>,
}

impl Client {
    /// A plain-HTTP client without a token.
    pub fn new(base: &str, timeout: Duration) -> Result<Client, ClientError> {
        Client::with(base, timeout, &Credentials::default())
    }

    /// A client for `urls`: one base URL, or several separated by commas.
    pub fn with(urls: &str, timeout: Duration, credentials: &Credentials) -> Result<Client, ClientError> {
        let mut bases = Vec::new();
        for base in urls.split(',').map(str::trim) {
            let base = base.trim_end_matches('/').to_string();
            let rest = base.strip_prefix("http://").or_else(|| base.strip_prefix("https://"));
            let valid = rest.is_some_and(|rest| !rest.is_empty() && !rest.contains('/'));
            if !valid || base.parse::<hyper::Uri>().is_err() {
                return Err(ClientError::BadUrl(base));
            }
            if credentials.tls.is_none() && base.starts_with("https://") {
                return Err(ClientError::NoCa(base));
            }
            bases.push(base);
        }
        // With somewhere else to go, a host that drops packets must not
        // take the whole timeout before the next one is tried.
        let connect_timeout = (bases.len() > 1).then(|| timeout.min(FALL_OVER_CONNECT_TIMEOUT));
        let http =
            HyperClient::builder(TokioExecutor::new()).build(connector(credentials.tls.as_deref(), connect_timeout));
        let token = credentials.token.as_deref().map(Arc::from);
        Ok(Client {
            http,
            bases: bases.into(),
            current: Arc::new(AtomicUsize::new(0)),
            timeout,
            token,
            credentials: credentials.clone(),
        })
    }

    /// A client with the same scheme, credentials and timeout for another
    /// site at `host_port` (say, the master).
    pub fn sibling(&self, host_port: &str) -> Result<Client, ClientError> {
        let scheme = if self.base().starts_with("https://") { "https" } else { "http" };
        self.for_url(&format!("{scheme}://{host_port}"))
    }

    /// A client with the same credentials and timeout for `url`.
    pub fn for_url(&self, url: &str) -> Result<Client, ClientError> {
        Client::with(url, self.timeout, &self.credentials)
    }

    /// The base URL requests go to now.
    pub fn base(&self) -> &str {
        &self.bases[self.current.load(Ordering::Relaxed) % self.bases.len()]
    }

    /// Every base URL this client was given, in order.
    pub fn bases(&self) -> &[String] {
        &self.bases
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Sends one request to `path` (with its query) and reads the answer.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Bytes,
    ) -> Result<Reply, ClientError> {
        let exchange = |base: &str| {
            let url = format!("{base}{path}");
            let req = self.request(&method, &url, headers, body.clone());
            async move {
                let resp = match req {
                    Ok(req) => self.http.request(req).await,
                    Err(e) => return Err(Attempt::Failed(e)),
                };
                let resp = resp.map_err(|e| Attempt::from_hyper(&url, &e))?;
                let (parts, body) = resp.into_parts();
                let body = body.collect().await.map_err(|e| Attempt::Failed(unreachable_err(&url, &e)))?.to_bytes();
                Ok(Reply { status: parts.status, headers: parts.headers, body })
            }
        };
        self.falling_over(exchange).await
    }

    /// Sends a body-less request and returns once the answer's head is in
    /// (within the timeout); the caller reads the body, for as long as it
    /// takes.
    pub async fn open(
        &self,
        method: Method,
        path: &str,
    ) -> Result<hyper::Response<hyper::body::Incoming>, ClientError> {
        let exchange = |base: &str| {
            let url = format!("{base}{path}");
            let req = self.request(&method, &url, &[], Bytes::new());
            async move {
                match req {
                    Ok(req) => self.http.request(req).await.map_err(|e| Attempt::from_hyper(&url, &e)),
                    Err(e) => Err(Attempt::Failed(e)),
                }
            }
        };
        self.falling_over(exchange).await
    }

    fn request(
        &self,
        method: &Method,
        url: &str,
        headers: &[(&str, &str)],
        body: Bytes,
    ) -> Result<Request<Full<Bytes>>, ClientError> {
        let mut builder = Request::builder().method(method.clone()).uri(url);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        if let Some(token) = &self.token {
            builder = builder.header(hyper::header::AUTHORIZATION, format!("Bearer {token}"));
        }
        builder.body(Full::new(body)).map_err(|_| ClientError::BadUrl(url.to_string()))
    }

    /// Runs `exchange` against the current base URL, each within the
    /// timeout, and against the next ones while it cannot connect.
    async fn falling_over<'a, T, F, Fut>(&'a self, exchange: F) -> Result<T, ClientError>
    where
        F: Fn(&'a str) -> Fut,
        Fut: std::future::Future<Output = Result<T, Attempt>>,
    {
        let first = self.current.load(Ordering::Relaxed);
        let mut last = None;
        for i in 0..self.bases.len() {
            let index = (first + i) % self.bases.len();
            let base = &self.bases[index];
            match tokio::time::timeout(self.timeout, exchange(base)).await {
                Ok(Ok(answer)) => {
                    self.current.store(index, Ordering::Relaxed);
                    return Ok(answer);
                }
                Ok(Err(Attempt::NotConnected(e))) => last = Some(e),
                Ok(Err(Attempt::Failed(e))) => return Err(e),
                Err(_) => return Err(ClientError::Timeout { url: base.clone(), secs: self.timeout.as_secs() }),
            }
        }
        Err(last.expect("a client has at least one base URL"))
    }

    pub async fn get(&self, path: &str) -> Result<Reply, ClientError> {
        self.send(Method::GET, path, &[], Bytes::new()).await
    }

    /// `GET /v1/status`, typed.
    pub async fn status(&self) -> Result<api::Status, ApiCallError> {
        self.get_json("/v1/status").await
    }

    /// `GET /v1/members`, typed.
    pub async fn members(&self) -> Result<api::Members, ApiCallError> {
        self.get_json("/v1/members").await
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<T, ApiCallError> {
        let reply = self.get(path).await?;
        if !reply.status.is_success() {
            return Err(ApiCallError::Refused { status: reply.status, message: reply.error_message() });
        }
        serde_json::from_slice(&reply.body).map_err(|e| ApiCallError::Malformed(format!("{}{path}: {e}", self.base())))
    }
}

/// How long a client with several base URLs tries to connect to one.
const FALL_OVER_CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// One base URL's outcome when it gave no answer.
enum Attempt {
    /// No connection was made: nothing was sent, the next one may be tried.
    NotConnected(ClientError),
    Failed(ClientError),
}

impl Attempt {
    fn from_hyper(url: &str, e: &hyper_util::client::legacy::Error) -> Attempt {
        if e.is_connect() {
            Attempt::NotConnected(unreachable_err(url, e))
        } else {
            Attempt::Failed(unreachable_err(url, e))
        }
    }
}

/// Why a typed call failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiCallError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error("{status}: {message}")]
    Refused { status: StatusCode, message: String },
    #[error("unexpected answer from {0}")]
    Malformed(String),
}

/// A connector for `http://` and, with `tls`, `https://` (TCP_NODELAY;
/// `connect_timeout` if given). Shared with the forwarder (`http::forward`).
pub fn connector(tls: Option<&rustls::ClientConfig>, connect_timeout: Option<Duration>) -> Connector {
    let mut tcp = HttpConnector::new();
    tcp.set_nodelay(true);
    tcp.set_connect_timeout(connect_timeout);
    tcp.enforce_http(false);
    // Without TLS, never used (http:// only): any valid configuration will do.
    let tls = tls.cloned().unwrap_or_else(|| trusting(rustls::RootCertStore::empty()));
    hyper_rustls::HttpsConnectorBuilder::new().with_tls_config(tls).https_or_http().enable_http1().wrap_connector(tcp)
}

/// A client for another site of the group at `http` (its advertised
/// `host:port`): HTTPS when this site serves HTTPS (a group's sites all do,
/// or none), verified with the group's CA and presenting this site's
/// certificate; this site's `site` token when it has a tokens file.
pub fn for_site(config: &crate::config::Config, http: &str, timeout: Duration) -> Result<Client, ClientError> {
    let tls = site_tls(config).map_err(|why| ClientError::Unreachable { url: http.to_string(), reason: why })?;
    let scheme = if tls.is_some() { "https" } else { "http" };
    let token = config.http.tokens.as_ref().and_then(|t| t.site_secret()).map(str::to_string);
    Client::with(&format!("{scheme}://{http}"), timeout, &Credentials { token, tls })
}

/// How this site reaches other sites' HTTPS: `None` when it serves plain
/// HTTP. Trusts `[http.tls] ca` (default: `[replication.tls] ca`) and
/// presents `[http.tls] cert`, for sites that require client certificates.
pub fn site_tls(config: &crate::config::Config) -> Result<Option<Arc<rustls::ClientConfig>>, String> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let Some(files) = &config.http.tls else { return Ok(None) };
    let ca = files.ca.as_ref().or(config.replication.tls.as_ref().map(|t| &t.ca));
    let ca = ca.ok_or("[http.tls] needs ca (or [replication.tls]) to verify other sites")?;
    let roots = roots_from(ca)?;
    let chain = CertificateDer::pem_file_iter(&files.cert)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("{}: {e}", files.cert.display()))?;
    let key = PrivateKeyDer::from_pem_file(&files.key).map_err(|e| format!("{}: {e}", files.key.display()))?;
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_client_auth_cert(chain, key)
        .map_err(|e| format!("{}: {e}", files.key.display()))?;
    Ok(Some(Arc::new(config)))
}

/// A TLS client configuration that trusts the CA certificates in `path`.
pub fn trust_ca_file(path: &Path) -> Result<Arc<rustls::ClientConfig>, String> {
    Ok(Arc::new(trusting(roots_from(path)?)))
}

fn roots_from(path: &Path) -> Result<rustls::RootCertStore, String> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if certs.is_empty() {
        return Err(format!("{}: no PEM certificate in it", path.display()));
    }
    for cert in certs {
        roots.add(cert).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(roots)
}

fn trusting(roots: rustls::RootCertStore) -> rustls::ClientConfig {
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth()
}

fn unreachable_err(url: &str, err: &dyn std::error::Error) -> ClientError {
    // The innermost cause ("Connection refused") is the useful part.
    let mut reason = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        reason = s.to_string();
        source = s.source();
    }
    ClientError::Unreachable { url: url.to_string(), reason }
}
