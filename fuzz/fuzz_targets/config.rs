//! Any text as a site config: an error that names the file, or a config;
//! never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = fish::config::Config::parse(text, "fuzz.toml", Some("fuzz")) {
            assert!(e.to_string().starts_with("fuzz.toml"), "{e}");
        }
    }
});
