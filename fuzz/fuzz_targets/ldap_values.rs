//! Values an LDAP server sends: generalized time, AD FILETIME, userAccountControl and
//! the rest of an account's status attributes, through each flavour's reading of an
//! entry (state, and the unlock/enable/disable plans).
#![no_main]
use deskhand_commands::account::directory::Entry;
use deskhand_commands::account::flavor::{Flavor, Policy};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = deskhand_commands::util::parse_generalized_time(text);
    let _ = deskhand_commands::util::parse_rfc3339(text);
    let _ = deskhand_commands::account::flavor::ad::filetime(text);
    // Every status attribute of every flavour gets a value from the input (lines in turn).
    let values: Vec<&str> = text.split('\n').collect();
    for flavor in [Flavor::Openldap, Flavor::Ad, Flavor::Ds389] {
        let mut entry = Entry { dn: "uid=fuzz,dc=test".into(), attrs: Default::default() };
        for (i, attr) in flavor.status_attributes().iter().enumerate() {
            if let Some(v) = values.get(i % values.len().max(1)) {
                entry.attrs.insert(attr.to_ascii_lowercase(), vec![(*v).to_string()]);
            }
        }
        let policy = Policy { max_age: Some(7_776_000), ..Policy::default() };
        let _ = flavor.state(&entry, &policy, 1_780_000_000);
        let _ = flavor.unlock_plan(&entry);
        let _ = flavor.enable_plan(&entry);
    }
});
