//! A batch of forwarded requests, and their answers, as one body
//! (`POST /v1/internal/batch`, between sites; see `http::batch`).
//!
//! Big-endian lengths, no padding:
//!
//! ```text
//! batch   = count:u32 request*count
//! request = method:u16-bytes path:u32-bytes headers body:u32-bytes
//! answers = count:u32 answer*count
//! answer  = status:u16 headers body:u32-bytes
//! headers = count:u16 (name:u16-bytes value:u32-bytes)*count
//! ```
//!
//! where `u16-bytes` is a u16 length and that many bytes (`u32-bytes`
//! likewise). Decoding trusts nothing: every length is checked against
//! what is left, counts are capped, and bodies are slices of the input
//! (no copies).

use bytes::{BufMut, Bytes};

/// Most requests one batch may hold.
pub const MAX_REQUESTS: usize = 256;
/// Most headers one request or answer may carry.
pub const MAX_HEADERS: usize = 64;

/// One request of a batch (or one answer: `method` and `path` empty,
/// `status` set).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Request {
    pub method: Bytes,
    pub path: Bytes,
    pub headers: Vec<(Bytes, Bytes)>,
    pub body: Bytes,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(Bytes, Bytes)>,
    pub body: Bytes,
}

/// A batch body that does not decode.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("malformed batch: {0}")]
pub struct BadBatch(pub &'static str);

pub fn encode_requests(requests: &[Request]) -> Vec<u8> {
    let size: usize =
        requests.iter().map(|r| 12 + r.method.len() + r.path.len() + headers_len(&r.headers) + r.body.len()).sum();
    let mut out = Vec::with_capacity(4 + size);
    out.put_u32(requests.len() as u32);
    for r in requests {
        put16(&mut out, &r.method);
        put32(&mut out, &r.path);
        put_headers(&mut out, &r.headers);
        put32(&mut out, &r.body);
    }
    out
}

pub fn decode_requests(input: Bytes) -> Result<Vec<Request>, BadBatch> {
    let mut r = Reader { input, at: 0 };
    let count = r.count(MAX_REQUESTS)?;
    let mut requests = Vec::with_capacity(count);
    for _ in 0..count {
        let method = r.bytes16()?;
        let path = r.bytes32()?;
        let headers = r.headers()?;
        let body = r.bytes32()?;
        requests.push(Request { method, path, headers, body });
    }
    r.end()?;
    Ok(requests)
}

pub fn encode_answers(answers: &[Answer]) -> Vec<u8> {
    let size: usize = answers.iter().map(|a| 8 + headers_len(&a.headers) + a.body.len()).sum();
    let mut out = Vec::with_capacity(4 + size);
    out.put_u32(answers.len() as u32);
    for a in answers {
        out.put_u16(a.status);
        put_headers(&mut out, &a.headers);
        put32(&mut out, &a.body);
    }
    out
}

/// The answers to a batch of `expected` requests.
pub fn decode_answers(input: Bytes, expected: usize) -> Result<Vec<Answer>, BadBatch> {
    let mut r = Reader { input, at: 0 };
    if r.count(MAX_REQUESTS)? != expected {
        return Err(BadBatch("not one answer per request"));
    }
    let mut answers = Vec::with_capacity(expected);
    for _ in 0..expected {
        let status = r.u16()?;
        let headers = r.headers()?;
        let body = r.bytes32()?;
        answers.push(Answer { status, headers, body });
    }
    r.end()?;
    Ok(answers)
}

fn headers_len(headers: &[(Bytes, Bytes)]) -> usize {
    2 + headers.iter().map(|(n, v)| 6 + n.len() + v.len()).sum::<usize>()
}

fn put16(out: &mut Vec<u8>, b: &[u8]) {
    out.put_u16(b.len() as u16);
    out.put_slice(b);
}

fn put32(out: &mut Vec<u8>, b: &[u8]) {
    out.put_u32(b.len() as u32);
    out.put_slice(b);
}

/// Header names over 64 KiB do not exist (hyper refuses far smaller), and
/// `MAX_HEADERS` is enforced by the callers that build a batch.
fn put_headers(out: &mut Vec<u8>, headers: &[(Bytes, Bytes)]) {
    out.put_u16(headers.len() as u16);
    for (name, value) in headers {
        put16(out, name);
        put32(out, value);
    }
}

struct Reader {
    input: Bytes,
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Result<Bytes, BadBatch> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.input.len()).ok_or(BadBatch("cut short"))?;
        let b = self.input.slice(self.at..end);
        self.at = end;
        Ok(b)
    }

    fn u16(&mut self) -> Result<u16, BadBatch> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, BadBatch> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn count(&mut self, max: usize) -> Result<usize, BadBatch> {
        let n = self.u32()? as usize;
        if n > max { Err(BadBatch("too many requests")) } else { Ok(n) }
    }

    fn bytes16(&mut self) -> Result<Bytes, BadBatch> {
        let n = self.u16()? as usize;
        self.take(n)
    }

    fn bytes32(&mut self) -> Result<Bytes, BadBatch> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    fn headers(&mut self) -> Result<Vec<(Bytes, Bytes)>, BadBatch> {
        let n = self.u16()? as usize;
        if n > MAX_HEADERS {
            return Err(BadBatch("too many headers"));
        }
        (0..n).map(|_| Ok((self.bytes16()?, self.bytes32()?))).collect()
    }

    fn end(&self) -> Result<(), BadBatch> {
        if self.at == self.input.len() { Ok(()) } else { Err(BadBatch("bytes after the last entry")) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(i: usize) -> Request {
        Request {
            method: Bytes::from_static(b"PUT"),
            path: Bytes::from(format!("/v1/kv/k{i}")),
            headers: vec![(Bytes::from_static(b"if-match"), Bytes::from(format!("\"{i}\"")))],
            body: Bytes::from(vec![b'v'; i]),
        }
    }

    #[test]
    fn requests_and_answers_survive_the_round_trip() {
        let requests: Vec<Request> = (0..5).map(request).collect();
        assert_eq!(decode_requests(Bytes::from(encode_requests(&requests))), Ok(requests));
        let answers = vec![
            Answer {
                status: 204,
                headers: vec![(Bytes::from_static(b"etag"), Bytes::from_static(b"\"7\""))],
                body: Bytes::new(),
            },
            Answer { status: 412, headers: Vec::new(), body: Bytes::from_static(b"{\"error\":\"x\"}") },
        ];
        assert_eq!(decode_answers(Bytes::from(encode_answers(&answers)), 2), Ok(answers));
    }

    #[test]
    fn every_truncation_and_every_overstated_length_is_refused() {
        let encoded = encode_requests(&[request(3), request(4)]);
        for cut in 0..encoded.len() {
            assert!(decode_requests(Bytes::copy_from_slice(&encoded[..cut])).is_err(), "cut at {cut}");
        }
        let mut extra = encoded.clone();
        extra.push(0);
        assert_eq!(decode_requests(Bytes::from(extra)), Err(BadBatch("bytes after the last entry")));
        // The path's length claims 4 GiB.
        let mut huge = encoded.clone();
        huge[9..13].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(decode_requests(Bytes::from(huge)), Err(BadBatch("cut short")));
        let mut many = encoded;
        many[..4].copy_from_slice(&(MAX_REQUESTS as u32 + 1).to_be_bytes());
        assert_eq!(decode_requests(Bytes::from(many)), Err(BadBatch("too many requests")));
        let answers = encode_answers(&[Answer::default()]);
        assert_eq!(decode_answers(Bytes::from(answers), 2), Err(BadBatch("not one answer per request")));
    }
}
