//! What each fuzz target checks, in one place: the cargo-fuzz targets
//! (fuzz_targets/*.rs, nightly) and the stable replay of their corpora
//! (tests/it/fuzz.rs) both include this file.

/// Any text as a site config: an error that names the file, or a config.
pub fn config(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data)
        && let Err(e) = fish::config::Config::parse(text, "fuzz.toml", Some("fuzz"))
    {
        assert!(e.to_string().starts_with("fuzz.toml"), "{e}");
    }
}

/// Percent-decoding of keys never panics, and any bytes survive encode → decode.
pub fn key(data: &[u8]) {
    use fish::api::encoding::{percent_decode, percent_encode};
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = percent_decode(text);
    }
    assert_eq!(percent_decode(&percent_encode(data)).unwrap(), data);
}

/// Any bytes as a POST /v1/txn body: operations within the limits, or a 400.
pub fn txn(data: &[u8]) {
    match fish::http::txn::parse(data, 128, 1 << 20) {
        Ok(ops) => assert!(!ops.is_empty() && ops.len() <= 128),
        Err(e) => assert_eq!(e.status.as_u16(), 400, "{}", e.message),
    }
}
