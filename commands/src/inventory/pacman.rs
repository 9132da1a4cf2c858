//! pacman (Arch and derivatives): reads the local database, `/var/lib/pacman/local`, one
//! directory per package (`<name>-<version>`) whose `desc` file holds `%FIELD%` headers
//! each followed by value lines and a blank line.
//!
//! Kept: `%NAME%`, `%VERSION%`, `%ARCH%`, `%SIZE%` (installed size, bytes), `%DESC%`,
//! `%INSTALLDATE%` (seconds since the epoch), `%BASE%` (the package base, as origin).

use super::{Package, Scan, Source, field_text, kib};
use std::path::Path;

/// Reads the packages of the local database at `local`.
pub fn scan(local: &Path) -> Scan {
    let dir = match std::fs::read_dir(local) {
        Ok(dir) => dir,
        Err(e) => return Scan::unreadable(Source::Pacman, local, &e),
    };
    let mut packages = Vec::new();
    let mut failures = 0;
    let mut first_failure = None;
    for entry in dir {
        let path = match entry {
            Ok(entry) if entry.file_type().is_ok_and(|t| t.is_dir()) => entry.path().join("desc"),
            Ok(_) => continue,
            Err(e) => {
                failures += 1;
                first_failure.get_or_insert_with(|| format!("{}: {e}", local.display()));
                continue;
            }
        };
        match std::fs::read(&path) {
            Ok(text) => packages.extend(parse_desc(&text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                failures += 1;
                first_failure.get_or_insert_with(|| format!("{}: {e}", path.display()));
            }
        }
    }
    let mut scan = Scan::found(packages);
    if let Some(first) = first_failure {
        scan.warnings.push(format!("pacman: cannot read {failures} package description(s), first {first}"));
    }
    scan
}

/// Parses one `desc` file; `None` without a name or a version.
pub fn parse_desc(text: &[u8]) -> Option<Package> {
    let mut package = Package::new(Source::Pacman, "", "");
    let mut section: Option<&[u8]> = None;
    for line in text.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            section = None;
            continue;
        }
        if line.len() > 2 && line.starts_with(b"%") && line.ends_with(b"%") {
            section = Some(&line[1..line.len() - 1]);
            continue;
        }
        // Only the first value line of a field counts; then the field is done.
        let Some(field) = section.take() else { continue };
        let number = || std::str::from_utf8(line).ok().and_then(|s| s.trim().parse::<i64>().ok());
        match field {
            b"NAME" => package.name = field_text(line).unwrap_or_default(),
            b"VERSION" => package.version = field_text(line).unwrap_or_default(),
            b"ARCH" => package.arch = field_text(line),
            b"DESC" => package.summary = field_text(line),
            b"SIZE" => package.size_kib = number().and_then(|n| u64::try_from(n).ok()).map(kib),
            b"INSTALLDATE" => package.installed = number(),
            b"BASE" => package.origin = field_text(line),
            _ => {}
        }
    }
    (!package.name.is_empty() && !package.version.is_empty()).then_some(package)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::fixture;
    use super::*;

    #[test]
    fn reads_the_fixture_database() {
        let Scan { present, mut packages, warnings } = scan(&fixture("pacman-local"));
        assert!(present);
        assert!(warnings.is_empty(), "{warnings:?}");
        packages.sort_by(|a, b| a.name.cmp(&b.name));
        let want = vec![
            Package {
                arch: Some("x86_64".into()),
                summary: Some("The Linux kernel and modules".into()),
                size_kib: Some(131_072),
                installed: Some(1_700_000_100),
                origin: Some("linux".into()),
                ..Package::new(Source::Pacman, "linux", "6.6.1.arch1-1")
            },
            Package {
                arch: Some("x86_64".into()),
                summary: Some("TLS/SSL and crypto library".into()),
                size_kib: Some(7),
                installed: Some(1_700_000_200),
                origin: Some("openssl".into()),
                ..Package::new(Source::Pacman, "openssl", "3.2.0-1")
            },
            Package { arch: Some("any".into()), ..Package::new(Source::Pacman, "python-six", "1:1.16.0-8") },
        ];
        assert_eq!(packages, want);
    }

    #[test]
    fn odd_desc_files() {
        assert_eq!(parse_desc(b""), None);
        assert_eq!(parse_desc(b"%NAME%\nfoo\n"), None);
        assert_eq!(parse_desc(b"%NAME%\n\n%VERSION%\n1\n"), None);
        let crlf = parse_desc(b"%NAME%\r\nfoo\r\n\r\n%VERSION%\r\n1-1\r\n\r\n%SIZE%\r\n-5\r\n\r\n%INSTALLDATE%\r\nsoon\r\n").unwrap();
        assert_eq!(crlf, Package::new(Source::Pacman, "foo", "1-1"));
    }
}
