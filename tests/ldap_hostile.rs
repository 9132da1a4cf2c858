//! An LDAP server written for the test (plain LDAP, BER by hand) that answers every
//! search with one hostile entry: an attribute with 100,000 values, and status values
//! of the wrong syntax. deskhand must give a clear result: no panic, no hang, bounded
//! memory, and a card that says which values it could not read.

use crate::util::run_cmd;
use std::io::{Read, Write};
use std::net::TcpListener;

fn len(n: usize) -> Vec<u8> {
    if n < 128 {
        return vec![u8::try_from(n).unwrap()];
    }
    let bytes: Vec<u8> = n.to_be_bytes().iter().copied().skip_while(|b| *b == 0).collect();
    let mut out = vec![0x80 | u8::try_from(bytes.len()).unwrap()];
    out.extend(bytes);
    out
}

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend(len(content.len()));
    out.extend_from_slice(content);
    out
}

fn int(v: u32) -> Vec<u8> {
    let bytes: Vec<u8> = v.to_be_bytes().iter().copied().skip_while(|b| *b == 0).collect();
    let mut bytes = if bytes.is_empty() { vec![0] } else { bytes };
    if bytes[0] & 0x80 != 0 {
        bytes.insert(0, 0);
    }
    tlv(0x02, &bytes)
}

fn message(id: u32, op: &[u8]) -> Vec<u8> {
    tlv(0x30, &[int(id), op.to_vec()].concat())
}

fn result(tag: u8) -> Vec<u8> {
    tlv(tag, &[tlv(0x0a, &[0]), tlv(0x04, b""), tlv(0x04, b"")].concat())
}

fn entry(dn: &str, attrs: &[(&str, Vec<String>)]) -> Vec<u8> {
    let list: Vec<u8> = attrs
        .iter()
        .flat_map(|(name, values)| {
            let set: Vec<u8> = values.iter().flat_map(|v| tlv(0x04, v.as_bytes())).collect();
            tlv(0x30, &[tlv(0x04, name.as_bytes()), tlv(0x31, &set)].concat())
        })
        .collect();
    tlv(0x64, &[tlv(0x04, dn.as_bytes()), tlv(0x30, &list)].concat())
}

/// One BER element from the start of `buf`: (tag, content range end, whole length).
fn element(buf: &[u8]) -> Option<(u8, usize, usize)> {
    let tag = *buf.first()?;
    let first = *buf.get(1)?;
    let (n, header) = if first & 0x80 == 0 {
        (usize::from(first), 2)
    } else {
        let k = usize::from(first & 0x7f);
        let n = buf.get(2..2 + k)?.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (n, 2 + k)
    };
    (buf.len() >= header + n).then_some((tag, header, header + n))
}

/// Starts the server; returns its URL.
fn start() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || serve(stream));
        }
    });
    format!("ldap://127.0.0.1:{port}")
}

fn serve(mut s: std::net::TcpStream) {
    let many: Vec<String> = (0..100_000).map(|i| format!("2026120409{:02}{:02}Z", (i / 60) % 60, i % 60)).collect();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        // One whole message, however it arrives.
        let (_, header, whole) = loop {
            if let Some(e) = element(&buf) {
                break e;
            }
            match s.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let msg: Vec<u8> = buf.drain(..whole).collect();
        let body = &msg[header..];
        let Some((_, idh, idlen)) = element(body) else { return };
        let id = body[idh..idlen].iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
        let op = &body[idlen..];
        let reply = match op.first() {
            // Bind.
            Some(0x60) => message(id, &result(0x61)),
            // Search: the root DSE for a base "" search, else the hostile entry.
            Some(0x63) => {
                let Some((_, oph, _)) = element(op) else { return };
                let base_empty = op.get(oph..oph + 2) == Some(&[0x04, 0x00]);
                let e = if base_empty {
                    entry("", &[("objectClass", vec!["top".into()]), ("supportedLDAPVersion", vec!["3".into()])])
                } else {
                    entry(
                        "uid=bob,ou=people,dc=h,dc=test",
                        &[
                            ("objectClass", vec!["inetOrgPerson".into()]),
                            ("uid", vec!["bob".into()]),
                            ("pwdFailureTime", many.clone()),
                            ("pwdAccountLockedTime", vec!["yesterday afternoon".into()]),
                            ("pwdChangedTime", vec!["\u{1b}[31mnot a time".into()]),
                        ],
                    )
                };
                [message(id, &e), message(id, &result(0x65))].concat()
            }
            // Unbind.
            Some(0x42) => return,
            _ => continue,
        };
        if s.write_all(&reply).is_err() {
            return;
        }
    }
}

#[test]
fn an_entry_with_100000_values_and_values_of_the_wrong_syntax() {
    let url = start();
    let dir = tempfile::tempdir().unwrap();
    let pw = dir.path().join("pw");
    std::fs::write(&pw, "anything").unwrap();
    let config = dir.path().join("config.yaml");
    std::fs::write(
        &config,
        format!(
            "default_directory: hostile\ndirectories:\n  hostile:\n    url: {url}\n    allow_plaintext: true\n    flavor: openldap\n    base_dn: dc=h,dc=test\n    users: ou=people,dc=h,dc=test\n    bind_dn: cn=svc,dc=h,dc=test\n    password_file: {}\n    timeout: 5s\n",
            pw.display()
        ),
    )
    .unwrap();
    let show = |output: &str| {
        let started = std::time::Instant::now();
        let r = run_cmd(crate::util::deskhand().env("XDG_STATE_HOME", dir.path()).args([
            "--config",
            config.to_str().unwrap(),
            "-o",
            output,
            "account",
            "show",
            "bob",
        ]));
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "no hang");
        r
    };
    let r = show("json");
    // The same entry answers the policy search: no pwdLockout, so (as ppolicy has it)
    // locks do not apply, and the card is a plain result.
    assert_eq!(r.code, 0, "a clear result\n{}\n{}", r.stdout, r.stderr);
    let j = r.json();
    let s = &j["data"]["state"];
    assert_eq!(s["failures"], 100_000, "{s}");
    assert_eq!(j["data"]["policy"]["lockout"], false);
    let notes = s["unreadable"].to_string();
    assert!(notes.contains("pwdAccountLockedTime: 'yesterday afternoon' is not a generalized time"), "{notes}");
    assert!(notes.contains("pwdChangedTime"), "{notes}");
    // The table says so too, and the escape sequence from the server never reaches the
    // terminal raw.
    let table = show("table");
    assert!(table.stdout.contains("unreadable value"), "{}", table.stdout);
    assert!(!table.stdout.contains('\u{1b}'), "{}", table.stdout);
}
