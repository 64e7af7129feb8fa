//! How a key's value and version are laid out in the `kv` btree.
//!
//! A record is `value ‖ version (u64 BE) ‖ format (u8)` (format 1), or for
//! a key attached to a lease `value ‖ lease (u64 BE) ‖ version (u64 BE) ‖
//! format (u8)` (format 2). The trailer sits at the end so decoding is a
//! truncate, never a copy of the value. A key without a lease keeps format
//! 1, which every earlier Fish reads.

use super::Entry;

const FORMAT_V1: u8 = 1;
const FORMAT_LEASED: u8 = 2;
const TRAILER: usize = 9;

/// Builds the stored bytes for `value` at `version`, attached to `lease`
/// (0: none).
pub fn encode(version: u64, value: &[u8], lease: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() + TRAILER + 8);
    out.extend_from_slice(value);
    if lease != 0 {
        out.extend_from_slice(&lease.to_be_bytes());
    }
    out.extend_from_slice(&version.to_be_bytes());
    out.push(if lease != 0 { FORMAT_LEASED } else { FORMAT_V1 });
    out
}

/// Splits stored bytes back into value, version and lease; `None` if they
/// are not a record this version of Fish wrote.
pub fn decode(mut raw: Vec<u8>) -> Option<Entry> {
    let len = raw.len();
    if len < TRAILER {
        return None;
    }
    let version = u64::from_be_bytes(raw[len - TRAILER..len - 1].try_into().ok()?);
    let (lease, rest) = match raw[len - 1] {
        FORMAT_V1 => (0, len - TRAILER),
        FORMAT_LEASED if len >= TRAILER + 8 => {
            let at = len - TRAILER - 8;
            (u64::from_be_bytes(raw[at..at + 8].try_into().ok()?), at)
        }
        _ => return None,
    };
    raw.truncate(rest);
    Some(Entry { value: raw, version, lease })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_empty_and_binary_values() {
        for value in [&b""[..], b"\x00\xff\x01", b"hello"] {
            let e = decode(encode(42, value, 0)).unwrap();
            assert_eq!((e.value.as_slice(), e.version, e.lease), (value, 42, 0));
            let e = decode(encode(43, value, 7)).unwrap();
            assert_eq!((e.value.as_slice(), e.version, e.lease), (value, 43, 7));
        }
        assert_eq!(encode(1, b"x", 0).len(), 10, "a key without a lease keeps the format every Fish reads");
    }

    #[test]
    fn rejects_short_or_unknown_records() {
        assert!(decode(vec![1; 8]).is_none());
        assert!(decode(vec![2; 12]).is_none(), "too short for a lease");
        let mut bad = encode(1, b"x", 0);
        *bad.last_mut().unwrap() = 9;
        assert!(decode(bad).is_none());
    }
}
