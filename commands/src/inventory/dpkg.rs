//! dpkg (Debian, Ubuntu and derivatives): parses the status database directly, which is
//! faster than `dpkg-query` and needs no process.
//!
//! The status file is deb822: paragraphs separated by blank lines, `Field: value` lines,
//! continuation lines starting with a space or a tab. It is read line by line through one
//! reused buffer and only the needed fields are kept, so memory stays flat whatever the size
//! of the file.

use super::{Package, Scan, Source, field_text, for_each_line, mtime, trim_field};
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

/// The state (the Status field's third word) that counts as installed. Everything else is
/// skipped: `half-installed`, `unpacked`, `half-configured`, `config-files`,
/// `not-installed`, and also `triggers-awaited` / `triggers-pending` (configured packages
/// whose triggers have not run yet, normally only for the length of a dpkg run), so that
/// the list is exactly what `dpkg-query -W -f '${db:Status-Status}'` calls `installed`.
pub const INSTALLED_STATE: &str = "installed";

/// Reads the packages installed according to the status file `status`, dating each from the
/// modification time of its file list in `info` (`<pkg>.list`, or `<pkg>:<arch>.list` for
/// multi-arch packages) when there is one.
pub fn scan(status: &Path, info: &Path) -> Scan {
    let file = match File::open(status) {
        Ok(file) => file,
        Err(e) => return Scan::unreadable(Source::Dpkg, status, &e),
    };
    match parse_entries(BufReader::with_capacity(64 * 1024, file)) {
        Ok(entries) => Scan::found(dated(entries, info)),
        Err(e) => Scan::failed(format!("dpkg: cannot read {}: {e}", status.display())),
    }
}

/// Parses a status file: the installed packages, without install times. Entries without
/// Package or Version are skipped; when the same package and architecture appear twice,
/// the later entry wins (as in dpkg).
pub fn parse_status(reader: impl BufRead) -> io::Result<Vec<Package>> {
    Ok(parse_entries(reader)?.into_iter().map(|e| e.package).collect())
}

/// A parsed paragraph that is an installed package.
struct Entry {
    package: Package,
    multi_arch_same: bool,
}

/// The fields kept from the paragraph being read.
#[derive(Default)]
struct Paragraph {
    package: Option<String>,
    version: Option<String>,
    arch: Option<String>,
    source: Option<String>,
    size_kib: Option<u64>,
    summary: Option<String>,
    installed: bool,
    multi_arch_same: bool,
}

impl Paragraph {
    fn field(&mut self, name: &[u8], value: &[u8]) {
        let is = |field: &str| name.eq_ignore_ascii_case(field.as_bytes());
        // Dispatch on the length first: most lines are fields we do not keep.
        match name.len() {
            6 if is("Status") => {
                let state = value.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()).nth(2);
                self.installed = state == Some(INSTALLED_STATE.as_bytes());
            }
            6 if is("Source") => {
                // `Source: name (version)` when the source version differs: keep the name.
                let value = trim_field(value);
                let name = value.split(|b| b.is_ascii_whitespace() || *b == b'(').next().unwrap_or(value);
                self.source = field_text(name);
            }
            7 if is("Package") => self.package = field_text(value),
            7 if is("Version") => self.version = field_text(value),
            10 if is("Multi-Arch") => self.multi_arch_same = trim_field(value).eq_ignore_ascii_case(b"same"),
            11 if is("Description") => self.summary = field_text(value),
            12 if is("Architecture") => self.arch = field_text(value),
            14 if is("Installed-Size") => {
                self.size_kib = std::str::from_utf8(trim_field(value)).ok().and_then(|s| s.parse().ok());
            }
            _ => {}
        }
    }

    /// The package, when the paragraph is an installed one with a name and a version.
    fn finish(&mut self) -> Option<Entry> {
        let p = std::mem::take(self);
        let (true, Some(name), Some(version)) = (p.installed, p.package, p.version) else { return None };
        let origin = p.source.unwrap_or_else(|| name.clone());
        let package = Package {
            source: Source::Dpkg,
            name,
            version,
            arch: p.arch,
            summary: p.summary,
            size_kib: p.size_kib,
            installed: None,
            origin: Some(origin),
        };
        Some(Entry { package, multi_arch_same: p.multi_arch_same })
    }
}

fn parse_entries(reader: impl BufRead) -> io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut paragraph = Paragraph::default();
    for_each_line(reader, |line| match line.first() {
        // Continuation lines: the rest of a field we do not keep, or of Description.
        Some(b' ' | b'\t') if line.iter().any(|b| !b.is_ascii_whitespace()) => {}
        // A blank (or whitespace-only) line ends the paragraph.
        None | Some(b' ' | b'\t') => entries.extend(paragraph.finish()),
        Some(b'#') => {}
        Some(_) => {
            if let Some(colon) = line.iter().position(|&b| b == b':') {
                paragraph.field(&line[..colon], &line[colon + 1..]);
            }
        }
    })?;
    entries.extend(paragraph.finish());
    // The same package and architecture twice: keep the later entry. (A stable sort keeps
    // the file order within a group, and dedup keeps the first, into which the later one is
    // swapped.)
    entries.sort_by(|a, b| (&a.package.name, &a.package.arch).cmp(&(&b.package.name, &b.package.arch)));
    entries.dedup_by(|later, earlier| {
        let same = later.package.name == earlier.package.name && later.package.arch == earlier.package.arch;
        if same {
            std::mem::swap(later, earlier);
        }
        same
    });
    Ok(entries)
}

/// Dates each package from its file list's modification time (dpkg rewrites the list at
/// each install or upgrade).
fn dated(entries: Vec<Entry>, info: &Path) -> Vec<Package> {
    let mut path = info.to_path_buf();
    let mut name = String::with_capacity(128);
    entries
        .into_iter()
        .map(|Entry { mut package, multi_arch_same }| {
            let mut try_list = |qualified: bool| {
                name.clear();
                name.push_str(&package.name);
                if qualified {
                    name.push(':');
                    name.push_str(package.arch.as_deref().unwrap_or_default());
                }
                name.push_str(".list");
                path.push(&name);
                let time = mtime(&path);
                path.pop();
                time
            };
            let qualified_first = multi_arch_same && package.arch.is_some();
            package.installed =
                try_list(qualified_first).or_else(|| if package.arch.is_some() { try_list(!qualified_first) } else { None });
            package
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{TempDir, fixture, write};
    use super::*;
    use std::collections::BTreeSet;
    use std::process::Command;
    use std::time::{Duration, Instant, UNIX_EPOCH};

    fn pkg(name: &str, version: &str, arch: Option<&str>) -> Package {
        Package { arch: arch.map(str::to_owned), origin: Some(name.to_owned()), ..Package::new(Source::Dpkg, name, version) }
    }

    /// What the `dpkg-status` fixture holds, in (name, arch) order.
    fn expected() -> Vec<Package> {
        vec![
            Package {
                summary: Some("GNU C Library: Shared libraries".into()),
                size_kib: Some(12_987),
                origin: Some("glibc".into()),
                ..pkg("libc6", "2.36-9+deb12u4", Some("amd64"))
            },
            Package {
                summary: Some("GNU C Library: Shared libraries".into()),
                size_kib: Some(11_000),
                origin: Some("glibc".into()),
                ..pkg("libc6", "2.36-9+deb12u4", Some("i386"))
            },
            Package { summary: Some("the second of two entries wins".into()), ..pkg("dup", "2.0", Some("all")) },
            pkg("held", "1:1.2.3-1", Some("amd64")),
            Package { summary: Some("no space after the colons".into()), ..pkg("odd-fields", "0.9~rc1", Some("amd64")) },
            pkg("removal-pending", "3.0", Some("amd64")),
            Package { origin: Some("openssl".into()), ..pkg("libssl3", "3.0.11-1~deb12u2", Some("amd64")) },
            pkg("no-arch", "5", None),
            Package { summary: Some("Ends without a newline".into()), ..pkg("zz-last", "1.0+really0.9", Some("all")) },
        ]
    }

    fn sorted(mut packages: Vec<Package>) -> Vec<Package> {
        packages.sort_by(|a, b| (&a.name, &a.arch).cmp(&(&b.name, &b.arch)));
        packages
    }

    #[test]
    fn parses_the_fixture() {
        let file = File::open(fixture("dpkg-status")).unwrap();
        let got = parse_status(BufReader::new(file)).unwrap();
        assert_eq!(got, sorted(expected()));
    }

    #[test]
    fn parses_crlf_the_same() {
        let lf = std::fs::read(fixture("dpkg-status")).unwrap();
        let crlf = std::fs::read(fixture("dpkg-status-crlf")).unwrap();
        assert!(crlf.windows(2).any(|w| w == b"\r\n"), "the CRLF fixture has lost its CRs");
        assert_eq!(parse_status(crlf.as_slice()).unwrap(), parse_status(lf.as_slice()).unwrap());
    }

    #[test]
    fn tolerates_empty_and_garbage() {
        assert!(parse_status(&b""[..]).unwrap().is_empty());
        assert!(parse_status(&b"\n\n \n"[..]).unwrap().is_empty());
        assert!(parse_status(&b"no colon here\n:\n::::\nPackage\n"[..]).unwrap().is_empty());
        let invalid_utf8 = b"Package: caf\xe9\nStatus: install ok installed\nVersion: 1\n";
        assert_eq!(parse_status(&invalid_utf8[..]).unwrap()[0].name, "caf\u{FFFD}");
    }

    #[test]
    fn dates_from_file_lists() {
        let dir = TempDir::new("dpkg-info");
        let status = std::fs::read(fixture("dpkg-status")).unwrap();
        let status_path = write(dir.path(), "status", &String::from_utf8(status).unwrap());
        let info = dir.path().join("info");
        let set = |name: &str, secs: u64| {
            let path = write(&info, name, "/.\n");
            let file = File::options().write(true).open(path).unwrap();
            file.set_modified(UNIX_EPOCH + Duration::from_secs(secs)).unwrap();
        };
        set("libc6:amd64.list", 1_700_000_001);
        set("libc6:i386.list", 1_700_000_002);
        set("held.list", 1_700_000_003);
        // Not multi-arch, but only the qualified name exists: found on the second try.
        set("libssl3:amd64.list", 1_700_000_004);
        set("no-arch.list", 1_700_000_005);
        let Scan { present, packages, warnings } = scan(&status_path, &info);
        assert!(present);
        assert!(warnings.is_empty());
        let times: Vec<_> = packages.iter().filter_map(|p| Some((p.name.as_str(), p.arch.as_deref(), p.installed?))).collect();
        assert_eq!(
            times,
            [
                ("held", Some("amd64"), 1_700_000_003),
                ("libc6", Some("amd64"), 1_700_000_001),
                ("libc6", Some("i386"), 1_700_000_002),
                ("libssl3", Some("amd64"), 1_700_000_004),
                ("no-arch", None, 1_700_000_005),
            ]
        );
    }

    /// The real status database, against `dpkg-query`: the same (name, arch, version) set.
    #[test]
    fn matches_dpkg_query_on_this_machine() {
        let status = Path::new("/var/lib/dpkg/status");
        if !status.exists() {
            eprintln!("SKIPPED matches_dpkg_query_on_this_machine: no /var/lib/dpkg/status");
            return;
        }
        // Retry once if dpkg changed the database between the two reads.
        for attempt in 0..2 {
            let out = match Command::new("dpkg-query").args(["-W", "-f", "${Status}|${Package}|${Architecture}|${Version}\\n"]).output() {
                Ok(out) if out.status.success() => out,
                _ => {
                    eprintln!("SKIPPED matches_dpkg_query_on_this_machine: dpkg-query does not run");
                    return;
                }
            };
            let want: BTreeSet<(String, String, String)> = String::from_utf8(out.stdout)
                .unwrap()
                .lines()
                .filter_map(|l| {
                    let mut f = l.splitn(4, '|');
                    let state = f.next()?.split_whitespace().nth(2)?;
                    let key = (f.next()?.to_owned(), f.next()?.to_owned(), f.next()?.to_owned());
                    (state == INSTALLED_STATE).then_some(key)
                })
                .collect();
            let start = Instant::now();
            let Scan { packages, warnings, .. } = scan(status, Path::new("/var/lib/dpkg/info"));
            let elapsed = start.elapsed();
            assert!(warnings.is_empty(), "{warnings:?}");
            let got: BTreeSet<_> =
                packages.iter().map(|p| (p.name.clone(), p.arch.clone().unwrap_or_default(), p.version.clone())).collect();
            assert_eq!(got.len(), packages.len(), "duplicates in the parse");
            if got == want || attempt == 1 {
                assert_eq!(got, want);
                let dated = packages.iter().filter(|p| p.installed.is_some()).count();
                eprintln!("dpkg: {} packages ({dated} dated) in {elapsed:?}", packages.len());
                assert!(dated * 10 >= packages.len() * 9, "only {dated} of {} packages dated", packages.len());
                break;
            }
        }
    }
}
