//! A DNS server's reply, hostile or broken: parsed, held to its question, turned into
//! the answer `net dns` reports.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(answer) = deskhand_commands::net::dns::reply_answer(data) {
        let _ = serde_json::to_string(&answer);
    }
});
