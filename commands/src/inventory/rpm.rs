//! rpm (RHEL, Fedora, SUSE and derivatives): asks `rpm -qa` with a query format whose
//! fields are separated by ASCII unit separators (0x1f) and records by record separators
//! (0x1e), which cannot occur in package metadata. rpm's query format has no `\x` escapes,
//! so the separators are passed as raw bytes in the argument.
//!
//! rpm's database format changes between releases (Berkeley DB, `ndb`, `SQLite`), so going
//! through the `rpm` command is the portable way. A missing `rpm` command, or one that lists
//! nothing (an `rpm` installed on a Debian machine), means no rpm packages.

use super::{Package, Scan, Source, ToolRun, kib, run_tool};
use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

/// name, epoch, version, release, arch, size (bytes), install time, summary, source rpm.
pub const QUERY_FORMAT: &str =
    "%{NAME}\x1f%{EPOCH}\x1f%{VERSION}\x1f%{RELEASE}\x1f%{ARCH}\x1f%{LONGSIZE}\x1f%{INSTALLTIME}\x1f%{SUMMARY}\x1f%{SOURCERPM}\x1e";

/// Lists the installed rpm packages, from the database under `dbpath` when given (made
/// absolute: rpm refuses a relative one).
pub fn scan(dbpath: Option<&Path>, timeout: Duration) -> Scan {
    let dbpath = match dbpath.map(std::path::absolute).transpose() {
        Ok(dbpath) => dbpath,
        Err(e) => return Scan::failed(format!("rpm: bad --dbpath: {e}")),
    };
    let mut args: Vec<&OsStr> = Vec::new();
    if let Some(dbpath) = &dbpath {
        args.extend([OsStr::new("--dbpath"), dbpath.as_os_str()]);
    }
    args.extend([OsStr::new("-qa"), OsStr::new("--queryformat"), OsStr::new(QUERY_FORMAT)]);
    match run_tool("rpm", &args, false, timeout) {
        ToolRun::Missing => Scan::absent(),
        ToolRun::Output(out) => {
            let packages = parse(&out);
            if packages.is_empty() { Scan::absent() } else { Scan::found(packages) }
        }
        ToolRun::Failed(message) => Scan { warnings: vec![message], ..Scan::absent() },
    }
}

/// Parses the output of `rpm -qa --queryformat QUERY_FORMAT`. Skips the `gpg-pubkey`
/// pseudo-packages (the imported signing keys) and malformed records.
pub fn parse(output: &[u8]) -> Vec<Package> {
    let text = String::from_utf8_lossy(output);
    text.split('\x1e').filter_map(parse_record).collect()
}

fn parse_record(record: &str) -> Option<Package> {
    let none = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s != "(none)").then(|| s.to_owned())
    };
    let fields: Vec<&str> = record.trim_start_matches(['\n', '\r']).split('\x1f').collect();
    let [name, epoch, version, release, arch, size, time, summary, source_rpm] = fields.as_slice() else {
        return None;
    };
    let name = none(name)?;
    let version = none(version)?;
    if name == "gpg-pubkey" {
        return None;
    }
    let mut evr = String::with_capacity(version.len() + release.len() + 8);
    if let Some(epoch) = none(epoch) {
        evr.push_str(&epoch);
        evr.push(':');
    }
    evr.push_str(&version);
    if let Some(release) = none(release) {
        evr.push('-');
        evr.push_str(&release);
    }
    Some(Package {
        source: Source::Rpm,
        name,
        version: evr,
        arch: none(arch),
        summary: none(summary).map(|s| s.lines().next().unwrap_or_default().to_owned()),
        size_kib: size.trim().parse().ok().map(kib),
        installed: time.trim().parse().ok(),
        origin: none(source_rpm).map(|s| source_name(&s).to_owned()),
    })
}

/// The source package's name from its file name: `glibc-2.34-100.el9.src.rpm` → `glibc`.
fn source_name(source_rpm: &str) -> &str {
    let stem = source_rpm.strip_suffix(".src.rpm").or_else(|| source_rpm.strip_suffix(".nosrc.rpm")).unwrap_or(source_rpm);
    match stem.rsplitn(3, '-').nth(2) {
        Some(name) if !name.is_empty() => name,
        _ => stem,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{TempDir, fixture};
    use super::*;
    use std::process::Command;

    /// What `rpm-qa.out` (recorded with rpm 4.18 from the packages in `rpm/`, installed into
    /// a scratch database) holds, in rpm's order.
    fn expected() -> Vec<Package> {
        vec![
            Package {
                arch: Some("noarch".into()),
                summary: Some("A greeting, with \"quotes\" and unicode é".into()),
                size_kib: Some(1),
                installed: Some(1_795_423_442),
                origin: Some("hello-desk".into()),
                ..Package::new(Source::Rpm, "hello-desk", "2:1.2.3-4.fc40")
            },
            Package {
                arch: Some("noarch".into()),
                summary: Some("Snapshot".into()),
                size_kib: Some(0),
                installed: Some(1_795_423_442),
                origin: Some("caret-pkg".into()),
                ..Package::new(Source::Rpm, "caret-pkg", "3.1^git20240101.abc-2")
            },
            Package {
                arch: Some("x86_64".into()),
                summary: Some("Pre-release package".into()),
                size_kib: Some(5),
                installed: Some(1_795_423_442),
                origin: Some("tilde-pkg".into()),
                ..Package::new(Source::Rpm, "tilde-pkg", "2.0~rc1-1")
            },
        ]
    }

    #[test]
    fn parses_recorded_output() {
        let out = std::fs::read(fixture("rpm-qa.out")).unwrap();
        assert_eq!(parse(&out), expected());
    }

    #[test]
    fn parses_odd_records() {
        let rec = |fields: &[&str]| format!("{}\x1e", fields.join("\x1f"));
        let mut out = String::new();
        // The signing keys rpm lists as packages.
        out += &rec(&["gpg-pubkey", "(none)", "fd431d51", "4ae0493b", "(none)", "0", "1700000000", "gpg(Red Hat)", "(none)"]);
        // Too few fields, no name, no version: skipped.
        out += &rec(&["short", "1"]);
        out += &rec(&["", "(none)", "1", "1", "x86_64", "1", "1", "s", "(none)"]);
        out += &rec(&["noversion", "(none)", "(none)", "1", "x86_64", "1", "1", "s", "(none)"]);
        // No release, a source rpm with dashes in its name, a multi-line summary.
        out += &rec(&["kernel-core", "0", "6.1", "(none)", "x86_64", "(none)", "(none)", "line one\nline two", "kernel-6.1-1.el9.src.rpm"]);
        let got = parse(out.as_bytes());
        assert_eq!(
            got,
            [Package {
                arch: Some("x86_64".into()),
                summary: Some("line one".into()),
                origin: Some("kernel".into()),
                ..Package::new(Source::Rpm, "kernel-core", "0:6.1")
            }]
        );
        assert!(parse(b"").is_empty());
        assert_eq!(source_name("python3-dnf-plugin-foo-4.3.0-5.el9.src.rpm"), "python3-dnf-plugin-foo");
        assert_eq!(source_name("weird.rpm"), "weird.rpm");
        assert_eq!(source_name("x-1-2.nosrc.rpm"), "x");
    }

    /// The real `rpm`, when this machine has it: install the fixture packages into a scratch
    /// database (`--justdb`: no files are written outside it) and list them.
    #[test]
    fn lists_a_real_database() {
        if Command::new("rpm").arg("--version").output().is_err() {
            eprintln!("SKIPPED lists_a_real_database: no rpm on this machine");
            return;
        }
        let dir = TempDir::new("rpmdb");
        let db = dir.path().join("db");
        let packages: Vec<_> = ["tilde-pkg.rpm", "caret-pkg.rpm", "hello-desk.rpm"].iter().map(|p| fixture(&format!("rpm/{p}"))).collect();
        let status = Command::new("rpm")
            .arg("--dbpath")
            .arg(&db)
            .args(["-i", "--justdb", "--nodeps", "--ignorearch", "--noscripts", "--nosignature", "--nodigest"])
            .args(&packages)
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        let scan = scan(Some(&db), Duration::from_secs(60));
        assert!(scan.present);
        assert!(scan.warnings.is_empty(), "{:?}", scan.warnings);
        let mut got = scan.packages;
        let now = super::super::unix_seconds(std::time::SystemTime::now()).unwrap();
        for p in &mut got {
            let t = p.installed.take().unwrap();
            assert!((now - t).abs() < 600, "install time {t}");
        }
        got.sort_by(|a, b| a.name.cmp(&b.name));
        let mut want = expected();
        for p in &mut want {
            p.installed = None;
        }
        want.sort_by(|a, b| a.name.cmp(&b.name));
        assert_eq!(got, want);
        // An empty database is no rpm packages, not an error.
        let empty = dir.path().join("empty");
        let scan = super::scan(Some(&empty), Duration::from_secs(60));
        assert_eq!(scan, Scan::absent());
    }
}
