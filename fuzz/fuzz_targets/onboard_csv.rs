//! The onboarding CSV, checked whole as `account onboard -f` does.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = deskhand_commands::account::onboard::parse_csv(text);
        let template = deskhand_commands::account::template::Template::default();
        let _ = deskhand_commands::account::onboard::read_rows(text, "hires.csv", &template);
    }
});
