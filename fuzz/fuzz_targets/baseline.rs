//! Baseline YAML, as `inventory check` reads it.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = deskhand_commands::inventory::baseline::parse(text, std::path::Path::new("fuzz.yaml"));
    }
});
