//! A small HTTP client for Fish's API, used by `fishctl` and `fishd dev`:
//! pooled keep-alive connections (hyper-util), bounded by a timeout.

mod backup;
pub use backup::FetchError;

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
    #[error("invalid URL {0:?}: expected http://HOST:PORT")]
    BadUrl(String),
    #[error("cannot reach {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("no answer from {url} within {secs} s")]
    Timeout { url: String, secs: u64 },
}

/// A client bound to one site's base URL.
#[derive(Clone)]
pub struct Client {
    http: HyperClient<HttpConnector, Full<Bytes>>,
    base: String,
    timeout: Duration,
}

impl Client {
    pub fn new(base: &str, timeout: Duration) -> Result<Client, ClientError> {
        let base = base.trim_end_matches('/').to_string();
        let valid = base.strip_prefix("http://").is_some_and(|rest| !rest.is_empty() && !rest.contains('/'));
        if !valid || base.parse::<hyper::Uri>().is_err() {
            return Err(ClientError::BadUrl(base));
        }
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let http = HyperClient::builder(TokioExecutor::new()).build(connector);
        Ok(Client { http, base, timeout })
    }

    pub fn base(&self) -> &str {
        &self.base
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
        let url = format!("{}{}", self.base, path);
        let mut builder = Request::builder().method(method).uri(&url);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let req = builder.body(Full::new(body)).map_err(|_| ClientError::BadUrl(url.clone()))?;
        let exchange = async {
            let resp = self.http.request(req).await.map_err(|e| unreachable_err(&url, &e))?;
            let (parts, body) = resp.into_parts();
            let body = body.collect().await.map_err(|e| unreachable_err(&url, &e))?.to_bytes();
            Ok(Reply { status: parts.status, headers: parts.headers, body })
        };
        match tokio::time::timeout(self.timeout, exchange).await {
            Ok(result) => result,
            Err(_) => Err(ClientError::Timeout { url, secs: self.timeout.as_secs() }),
        }
    }

    /// Sends a body-less request and returns once the answer's head is in
    /// (within the timeout); the caller reads the body, for as long as it
    /// takes.
    pub async fn open(
        &self,
        method: Method,
        path: &str,
    ) -> Result<hyper::Response<hyper::body::Incoming>, ClientError> {
        let url = format!("{}{}", self.base, path);
        let req = Request::builder()
            .method(method)
            .uri(&url)
            .body(Full::new(Bytes::new()))
            .map_err(|_| ClientError::BadUrl(url.clone()))?;
        match tokio::time::timeout(self.timeout, self.http.request(req)).await {
            Ok(result) => result.map_err(|e| unreachable_err(&url, &e)),
            Err(_) => Err(ClientError::Timeout { url, secs: self.timeout.as_secs() }),
        }
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
        serde_json::from_slice(&reply.body).map_err(|e| ApiCallError::Malformed(format!("{}{path}: {e}", self.base)))
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
