//! What a technician types: targets (names, addresses, CIDR, ranges), HOST:PORT and
//! URLs, port lists and ranges, durations, DNS servers and record types.
#![no_main]
use deskhand_commands::{net, util};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = net::targets::parse_spec(text);
    let _ = net::port::parse_endpoint(text);
    let _ = util::parse_ports(text);
    let _ = util::parse_duration(text);
    let _ = net::dns::parse_server(text);
    let words: Vec<String> = text.split(' ').map(ToString::to_string).collect();
    let _ = net::dns::parse_types(&words);
    if let Ok(ports) = util::parse_ports(text.rsplit(' ').next().unwrap_or("")) {
        let _ = net::port::parse_specs(&words, Some(&ports));
    }
    let _ = net::port::parse_specs(&words, None);
});
