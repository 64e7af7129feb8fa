//! How a key's value and version are laid out in the `kv` btree.
//!
//! A record is `value ‖ version (u64 BE) ‖ format (u8)`. The trailer sits at
//! the end so decoding is a truncate, never a copy of the value.

use super::Entry;

const FORMAT_V1: u8 = 1;
const TRAILER: usize = 9;

/// Builds the stored bytes for `value` at `version`.
pub fn encode(version: u64, value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() + TRAILER);
    out.extend_from_slice(value);
    out.extend_from_slice(&version.to_be_bytes());
    out.push(FORMAT_V1);
    out
}

/// Splits stored bytes back into value and version; `None` if they are not
/// a record this version of Fish wrote.
pub fn decode(mut raw: Vec<u8>) -> Option<Entry> {
    let len = raw.len();
    if len < TRAILER || raw[len - 1] != FORMAT_V1 {
        return None;
    }
    let version = u64::from_be_bytes(raw[len - TRAILER..len - 1].try_into().ok()?);
    raw.truncate(len - TRAILER);
    Some(Entry { value: raw, version })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_empty_and_binary_values() {
        for value in [&b""[..], b"\x00\xff\x01", b"hello"] {
            let e = decode(encode(42, value)).unwrap();
            assert_eq!((e.value.as_slice(), e.version), (value, 42));
        }
    }

    #[test]
    fn rejects_short_or_unknown_records() {
        assert!(decode(vec![1; 8]).is_none());
        let mut bad = encode(1, b"x");
        *bad.last_mut().unwrap() = 9;
        assert!(decode(bad).is_none());
    }
}
