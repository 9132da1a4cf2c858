//! The package databases: dpkg status, rpm query output, apk's installed db, pacman's
//! desc files, pip metadata, flatpak and snap listings; and version comparison.
#![no_main]
use deskhand_commands::inventory::{apk, dpkg, flatpak, pacman, pip, rpm, snap};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = dpkg::parse_status(data);
    let _ = rpm::parse(data);
    let _ = apk::parse(data);
    let _ = pacman::parse_desc(data);
    let _ = pip::parse_headers(data);
    let _ = flatpak::parse(data);
    let _ = snap::parse(data);
    if let Ok(text) = std::str::from_utf8(data)
        && let Some((a, b)) = text.split_once('\n')
    {
        use deskhand_commands::inventory::version::{Scheme, compare};
        for scheme in Scheme::ALL {
            let _ = compare(scheme, a, b);
        }
    }
});
