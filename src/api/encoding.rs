//! Bytes on the wire: strict percent-decoding of keys in paths and query
//! strings, and the UTF-8-or-base64 representation of keys and values in
//! JSON bodies.

use std::borrow::Cow;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

/// A `%` not followed by two hex digits.
#[derive(Debug, thiserror::Error)]
#[error("invalid percent-encoding at byte {0}")]
pub struct BadPercent(pub usize);

/// Decodes `%XX` escapes; every other byte stands for itself (`+` included).
/// Unlike lenient decoders, a stray `%` is an error, not a literal. Text
/// without escapes (most keys and parameters) is borrowed, not copied.
pub fn percent_decode(s: &str) -> Result<Cow<'_, [u8]>, BadPercent> {
    let bytes = s.as_bytes();
    if !bytes.contains(&b'%') {
        return Ok(Cow::Borrowed(bytes));
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(BadPercent(i))?;
            let hex = std::str::from_utf8(hex).map_err(|_| BadPercent(i))?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| BadPercent(i))?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Ok(Cow::Owned(out))
}

/// Encodes bytes for a URL path segment or query value (RFC 3986 unreserved
/// characters stay, everything else is `%XX`).
pub fn percent_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// How a JSON string field carries bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// The string is the bytes, as UTF-8.
    #[default]
    Utf8,
    /// The string is the bytes in standard base64.
    Base64,
}

impl Encoding {
    pub fn is_utf8(&self) -> bool {
        *self == Encoding::Utf8
    }
}

/// Bytes as a JSON string: UTF-8 when they are valid UTF-8, else base64.
pub fn to_json(bytes: &[u8]) -> (String, Encoding) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => (B64.encode(bytes), Encoding::Base64),
    }
}

/// Sets `obj[name]` to `bytes` as [`to_json`] gives them, with
/// `name_encoding: "base64"` when they are not UTF-8: how every JSON body of
/// the API carries a key or value.
pub fn put_bytes(obj: &mut serde_json::Map<String, serde_json::Value>, name: &str, bytes: &[u8]) {
    let (text, enc) = to_json(bytes);
    obj.insert(name.into(), text.into());
    if !enc.is_utf8() {
        obj.insert(format!("{name}_encoding"), "base64".into());
    }
}

/// A JSON string field back to bytes.
pub fn from_json(s: &str, encoding: Encoding) -> Result<Vec<u8>, base64::DecodeError> {
    match encoding {
        Encoding::Utf8 => Ok(s.as_bytes().to_vec()),
        Encoding::Base64 => B64.decode(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_is_strict_and_binary_safe() {
        assert_eq!(*percent_decode("a%2Fb%00%ff+c").unwrap(), *b"a/b\x00\xff+c");
        assert!(matches!(percent_decode("plain/key+1").unwrap(), Cow::Borrowed(b"plain/key+1")));
        for bad in ["%", "%4", "%zz", "a%g0", "%%41"] {
            assert!(percent_decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn percent_encoding_round_trips_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(*percent_decode(&percent_encode(&all)).unwrap(), *all);
    }

    #[test]
    fn json_bytes_are_utf8_when_possible_else_base64() {
        assert_eq!(to_json(b"h\xc3\xa9"), ("hé".to_string(), Encoding::Utf8));
        let (s, e) = to_json(b"\xff\x00");
        assert_eq!(e, Encoding::Base64);
        assert_eq!(from_json(&s, e).unwrap(), b"\xff\x00");
        assert!(from_json("!!", Encoding::Base64).is_err());
    }
}
