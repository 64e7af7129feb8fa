//! API errors: one type, one mapping from store errors to HTTP statuses,
//! rendered as `{"error": "<code>", "message": "..."}`.

use hyper::header::{self, HeaderValue};
use hyper::{Method, Response, StatusCode};
use serde_json::json;

use crate::store::StoreError;

/// An error answer: status, stable machine-readable code, human message.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Extra fields for the JSON body (e.g. the failing op of a txn).
    pub detail: Option<serde_json::Value>,
    headers: Vec<(header::HeaderName, HeaderValue)>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into(), detail: None, headers: Vec::new() }
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    pub fn no_route(path: &str) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "no_such_endpoint", format!("no endpoint at {path}"))
    }

    pub fn method_not_allowed(method: &Method, allowed: &[Method]) -> ApiError {
        let list = allowed.iter().map(Method::as_str).collect::<Vec<_>>().join(", ");
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            format!("{method} is not allowed here; use {list}"),
        )
        .with_header(header::ALLOW, &list)
    }

    pub fn with_header(mut self, name: header::HeaderName, value: &str) -> ApiError {
        if let Ok(v) = HeaderValue::from_str(value) {
            self.headers.push((name, v));
        }
        self
    }

    pub fn with_detail(mut self, detail: serde_json::Value) -> ApiError {
        self.detail = Some(detail);
        self
    }

    pub fn into_response(self) -> super::Resp {
        let mut body = json!({ "error": self.code, "message": self.message });
        if let (Some(serde_json::Value::Object(extra)), Some(obj)) = (self.detail, body.as_object_mut()) {
            obj.extend(extra);
        }
        let mut resp = Response::new(super::full(body.to_string()));
        *resp.status_mut() = self.status;
        let h = resp.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        for (name, value) in self.headers {
            h.insert(name, value);
        }
        resp
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> ApiError {
        let message = err.to_string();
        if err.is_disk_full() {
            return ApiError::new(StatusCode::INSUFFICIENT_STORAGE, "insufficient_storage", message);
        }
        if err.is_unavailable() {
            return ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", message)
                .with_header(header::RETRY_AFTER, "1");
        }
        match err {
            StoreError::EmptyKey => ApiError::bad_request("invalid_key", message),
            StoreError::KeyTooLong { .. } => ApiError::new(StatusCode::URI_TOO_LONG, "key_too_long", message),
            StoreError::ResultsTooLarge { .. } => {
                ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "answer_too_large", message)
            }
            StoreError::ConditionFailed { op, current, .. } => {
                ApiError::new(StatusCode::PRECONDITION_FAILED, "condition_failed", message)
                    .with_detail(json!({ "op": op, "current_version": current }))
            }
            StoreError::NotFound => ApiError::new(StatusCode::NOT_FOUND, "not_found", message),
            StoreError::Fenced { key, current, .. } => {
                ApiError::new(StatusCode::PRECONDITION_FAILED, "fenced", message)
                    .with_detail(json!({ "fence": String::from_utf8_lossy(&key), "current_version": current }))
            }
            StoreError::LeaseNotFound(id) => {
                ApiError::new(StatusCode::NOT_FOUND, "lease_not_found", message).with_detail(json!({ "lease": id }))
            }
            StoreError::LeaseFull { .. } => ApiError::new(StatusCode::CONFLICT, "lease_full", message),
            StoreError::TooManyLeases { .. } => ApiError::new(StatusCode::CONFLICT, "too_many_leases", message),
            StoreError::Contention => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "contention", message)
                .with_header(header::RETRY_AFTER, "1"),
            StoreError::NotAcknowledged { token } => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "not_acknowledged", message)
                    .with_header(header::RETRY_AFTER, "1")
                    .with_detail(json!({ "token": token.to_string() }))
            }
            StoreError::NotReady | StoreError::NotMaster | StoreError::Closed => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", message)
                    .with_header(header::RETRY_AFTER, "1")
            }
            StoreError::NotAppliedYet { .. } => {
                ApiError::new(StatusCode::GATEWAY_TIMEOUT, "token_timeout", format!("Fish-After: {message}"))
            }
            StoreError::NeverApplied => {
                ApiError::new(StatusCode::CONFLICT, "token_unknown", format!("Fish-After: {message}"))
            }
            StoreError::Bdb(_) => ApiError::internal(message),
            StoreError::NoSpace { .. }
            | StoreError::Corrupt(_)
            | StoreError::DamagedFile { .. }
            | StoreError::Lock(_)
            | StoreError::BatchPanicked
            | StoreError::TaskFailed(_) => ApiError::internal(message),
        }
    }
}
