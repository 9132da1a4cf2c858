//! apk (Alpine): parses the installed database, `/lib/apk/db/installed`: one block of
//! `X:value` lines per package, blocks separated by blank lines. Most lines are the package's
//! files (`F:`, `R:`, `Z:`, `a:`, `M:`), so the file is read line by line and only the
//! package's own fields are kept.
//!
//! Kept: `P` name, `V` version, `A` arch, `I` installed size (bytes; `S` is the size of the
//! package archive, not kept), `T` description, `o` origin (the source package). The
//! database records no install time (`t` is the build time), so `installed` stays empty.

use super::{Package, Scan, Source, field_text, for_each_line, kib};
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

/// Reads the packages of the installed database at `path`.
pub fn scan(path: &Path) -> Scan {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return Scan::unreadable(Source::Apk, path, &e),
    };
    match parse(BufReader::with_capacity(64 * 1024, file)) {
        Ok(packages) => Scan::found(packages),
        Err(e) => Scan::failed(format!("apk: cannot read {}: {e}", path.display())),
    }
}

/// Parses an installed database; blocks without a name or a version are skipped.
pub fn parse(reader: impl BufRead) -> io::Result<Vec<Package>> {
    let mut packages = Vec::new();
    let mut current = Package::new(Source::Apk, "", "");
    let mut finish = |p: &mut Package| {
        let p = std::mem::replace(p, Package::new(Source::Apk, "", ""));
        if !p.name.is_empty() && !p.version.is_empty() {
            packages.push(p);
        }
    };
    for_each_line(reader, |line| match line {
        [] => finish(&mut current),
        [key, b':', value @ ..] => match key {
            b'P' => current.name = field_text(value).unwrap_or_default(),
            b'V' => current.version = field_text(value).unwrap_or_default(),
            b'A' => current.arch = field_text(value),
            b'I' => current.size_kib = std::str::from_utf8(value).ok().and_then(|v| v.trim().parse().ok()).map(kib),
            b'T' => current.summary = field_text(value),
            b'o' => current.origin = field_text(value),
            _ => {}
        },
        _ => {}
    })?;
    finish(&mut current);
    Ok(packages)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::fixture;
    use super::*;

    #[test]
    fn parses_the_fixture() {
        let got = match scan(&fixture("apk-installed")) {
            Scan { present: true, packages, warnings } if warnings.is_empty() => packages,
            other => panic!("{other:?}"),
        };
        let want = vec![
            Package {
                arch: Some("x86_64".into()),
                summary: Some("the musl c library (libc) implementation".into()),
                size_kib: Some(636),
                origin: Some("musl".into()),
                ..Package::new(Source::Apk, "musl", "1.2.4-r2")
            },
            Package {
                arch: Some("x86_64".into()),
                summary: Some("Toolkit for Transport Layer Security (TLS)".into()),
                size_kib: Some(4),
                origin: Some("openssl".into()),
                ..Package::new(Source::Apk, "openssl", "3.1.4-r1")
            },
            Package {
                arch: Some("x86_64".into()),
                summary: Some("Shared libraries for OpenSSL".into()),
                origin: Some("openssl".into()),
                ..Package::new(Source::Apk, "libssl3", "3.1.4-r1")
            },
            Package { arch: Some("noarch".into()), ..Package::new(Source::Apk, "alpine-baselayout-data", "3.4.3_git20231124-r0") },
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn tolerates_odd_input() {
        assert!(parse(&b""[..]).unwrap().is_empty());
        assert!(parse(&b"\n\nP:\nV:1\n\nV:2\n\nP:x\n"[..]).unwrap().is_empty());
        let crlf = parse(&b"P:a\r\nV:1\r\nI:abc\r\n\r\nP:b\r\nV:2\r\n"[..]).unwrap();
        assert_eq!(crlf, [Package::new(Source::Apk, "a", "1"), Package::new(Source::Apk, "b", "2")]);
    }
}
