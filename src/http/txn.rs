//! `POST /v1/txn`: several operations as one Berkeley DB transaction.
//!
//! ```json
//! {"ops": [
//!   {"op": "check",  "key": "a", "version": 7},        // a is at version 7 (0: a is absent)
//!   {"op": "put",    "key": "b", "value": "x"},         // optional "version": CAS, 0 = create only;
//!                                                       // optional "lease": attach b to that lease
//!   {"op": "delete", "key": "c"},                       // optional "version"
//!   {"op": "get",    "key": "d"}
//! ]}
//! ```
//! Keys and values are UTF-8 strings, or base64 with `"key_encoding":
//! "base64"` / `"value_encoding": "base64"`. All operations apply, in order,
//! or none do: a failed condition answers 412 naming the op.

use hyper::{Method, Request, StatusCode};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::error::ApiError;
use super::kv::set_token;
use super::request::{self, ReqBody, allow, blocking};
use super::{App, Resp, json_response};
use crate::api::encoding::{self, Encoding, put_bytes};
use crate::store::{self, Condition, Op, OpResult, StoreError};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TxnBody {
    ops: Vec<OpBody>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum OpName {
    Get,
    Put,
    Delete,
    Check,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum VersionField {
    Number(u64),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OpBody {
    op: OpName,
    key: String,
    #[serde(default)]
    key_encoding: Encoding,
    value: Option<String>,
    #[serde(default)]
    value_encoding: Encoding,
    version: Option<VersionField>,
    lease: Option<u64>,
}

pub async fn handle(app: &App, req: Request<ReqBody>) -> Result<Resp, ApiError> {
    let (req, _) = request::before_body(req, |req| {
        allow(req, &[Method::POST])?;
        request::query(req, &[]).map(drop)
    })
    .await?;
    let limits = &app.config().http;
    let raw = request::body(req, limits.max_txn_bytes, "the transaction").await?;
    let ops = parse(&raw, limits.max_txn_ops, limits.max_value_bytes)?;
    let store = app.store()?;
    // Its reads are linearizable: a commit acknowledged by a quorum confirms
    // them as a read barrier would; one that committed nothing (read-only,
    // or a check that failed) waits for a barrier.
    let read_in = Some(super::kv::serving_in(app)?);
    // Base64 and JSON can double what is read (see kv::list).
    let max_read = limits.max_response_bytes / 2;
    let (ops, done) = blocking(move || store.transact_bounded(&ops, max_read).map(|done| (ops, done))).await?;
    if done.token.is_none() {
        super::kv::confirm(app, read_in).await?;
    }
    let results: Vec<Value> = ops.iter().zip(&done.results).map(|(op, r)| render(op, r)).collect();
    let mut resp =
        json_response(StatusCode::OK, &json!({ "results": results, "token": done.token.map(|t| t.to_string()) }));
    if let Some(token) = &done.token {
        crate::metrics::get().commits.inc();
        set_token(&mut resp, token);
    }
    Ok(resp)
}

/// A `POST /v1/txn` body as store operations, or the 400 that says what is
/// wrong with it (a fuzz target: fuzz/fuzz_targets/txn.rs).
pub fn parse(raw: &[u8], max_ops: usize, max_value: usize) -> Result<Vec<Op>, ApiError> {
    // serde reads a struct from an array too, field by field, so a bare
    // array of ops (the likeliest mistake) got "invalid type: map, expected
    // a sequence" about its first op.
    if let Some(other) = raw.iter().find(|b| !b.is_ascii_whitespace()).filter(|&&b| b != b'{') {
        let what = match other {
            b'[' => "an array",
            b'"' => "a string",
            _ => "not an object",
        };
        return Err(ApiError::bad_request(
            "invalid_json",
            format!("transaction: the body is a JSON object, {{\"ops\": [...]}}; this one is {what}"),
        ));
    }
    let body: TxnBody =
        serde_json::from_slice(raw).map_err(|e| ApiError::bad_request("invalid_json", format!("transaction: {e}")))?;
    if body.ops.is_empty() || body.ops.len() > max_ops {
        return Err(ApiError::bad_request(
            "invalid_argument",
            format!("a transaction has 1 to {max_ops} ops; this one has {}", body.ops.len()),
        ));
    }
    body.ops
        .into_iter()
        .enumerate()
        .map(|(i, op)| {
            to_op(op, max_value).map_err(|why| match why {
                BadOp::Key(e) => {
                    let mut e = ApiError::from(e);
                    e.message = format!("ops[{i}]: {}", e.message);
                    e.with_detail(json!({ "op": i }))
                }
                BadOp::Other(why) => ApiError::bad_request("invalid_argument", format!("ops[{i}]: {why}")),
            })
        })
        .collect()
}

/// Why one op of a transaction is refused: the key rule (its own error
/// code, as on `/v1/kv`), or anything else about the op.
enum BadOp {
    Key(StoreError),
    Other(String),
}

impl<T: Into<String>> From<T> for BadOp {
    fn from(why: T) -> BadOp {
        BadOp::Other(why.into())
    }
}

fn to_op(op: OpBody, max_value: usize) -> Result<Op, BadOp> {
    let key = encoding::from_json(&op.key, op.key_encoding).map_err(|e| format!("key is not valid base64: {e}"))?;
    store::check_key(&key).map_err(BadOp::Key)?;
    let version = match op.version {
        None => None,
        Some(VersionField::Number(n)) => Some(n),
        Some(VersionField::Text(s)) => Some(request::parse_etag(&s).map_err(|e| e.message)?),
    };
    let name = op.op;
    let lease = match (name, op.lease) {
        (_, None) => 0,
        (OpName::Put, Some(id)) if id > 0 => id,
        (OpName::Put, Some(_)) => return Err("lease 0 is no lease; leave the field out".into()),
        (_, Some(_)) => return Err("only put takes a lease".into()),
    };
    let value = match (name, op.value) {
        (OpName::Put, None) => return Err("put needs a value".into()),
        (OpName::Put, Some(v)) => {
            let v =
                encoding::from_json(&v, op.value_encoding).map_err(|e| format!("value is not valid base64: {e}"))?;
            if v.len() > max_value {
                return Err(format!("value is {} bytes; the limit is {max_value}", v.len()).into());
            }
            v
        }
        (_, Some(_)) => return Err("only put takes a value".into()),
        (_, None) => Vec::new(),
    };
    Ok(match (name, version) {
        (OpName::Get, None) => Op::Get { key },
        (OpName::Get, Some(_)) => return Err("get takes no version".into()),
        (OpName::Check, None) => return Err("check needs a version (0: the key is absent)".into()),
        (OpName::Check, Some(v)) => Op::Check { key, cond: version_condition(v) },
        (OpName::Put, v) => Op::Put { key, value, cond: v.map_or(Condition::Any, version_condition), lease },
        (OpName::Delete, Some(0)) => return Err("delete with version 0 can never apply".into()),
        (OpName::Delete, v) => Op::Delete { key, cond: v.map_or(Condition::Any, Condition::Version) },
    })
}

fn version_condition(v: u64) -> Condition {
    if v == 0 { Condition::Absent } else { Condition::Version(v) }
}

fn render(op: &Op, result: &OpResult) -> Value {
    let mut obj = Map::new();
    let name = match op {
        Op::Get { .. } => "get",
        Op::Put { .. } => "put",
        Op::Delete { .. } => "delete",
        Op::Check { .. } => "check",
    };
    obj.insert("op".into(), name.into());
    put_bytes(&mut obj, "key", op.key());
    match result {
        OpResult::Get(Some(e)) => {
            obj.insert("found".into(), true.into());
            put_bytes(&mut obj, "value", &e.value);
            obj.insert("version".into(), e.version.into());
        }
        OpResult::Get(None) => {
            obj.insert("found".into(), false.into());
        }
        OpResult::Put { version } => {
            obj.insert("version".into(), (*version).into());
        }
        OpResult::Delete { existed } => {
            obj.insert("deleted".into(), (*existed).into());
        }
        OpResult::Check => {}
    }
    Value::Object(obj)
}
