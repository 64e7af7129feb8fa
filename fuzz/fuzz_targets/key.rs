//! Percent-decoding of keys in URLs never panics, and every byte string
//! survives encode → decode.
#![no_main]

use fish::http::encoding::{percent_decode, percent_encode};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = percent_decode(text);
    }
    assert_eq!(percent_decode(&percent_encode(data)).unwrap(), data);
});
