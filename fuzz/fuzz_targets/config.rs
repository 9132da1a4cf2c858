//! The config file (directory profiles, templates, defaults).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = deskhand::config::parse(text, std::path::Path::new("config.yaml"));
    }
});
