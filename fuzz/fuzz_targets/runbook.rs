//! Runbook YAML with templates: loaded and validated whole (shape, every step through
//! the real CLI parser, templates, references), as `runbook validate` does.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = deskhand::runbook::parse(text, std::path::Path::new("fuzz.yaml"));
    }
});
