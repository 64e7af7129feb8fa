//! Any bytes as a POST /v1/txn body: operations within the limits, or a
//! 400; never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match fish::http::txn::parse(data, 128, 1 << 20) {
        Ok(ops) => assert!(!ops.is_empty() && ops.len() <= 128),
        Err(e) => assert_eq!(e.status.as_u16(), 400, "{}", e.message),
    }
});
