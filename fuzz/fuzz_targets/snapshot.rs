//! A snapshot file, as `inventory diff` reads it.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = deskhand_commands::inventory::snapshot::parse(text, std::path::Path::new("snap.json"));
    }
});
