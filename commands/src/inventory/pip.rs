//! pip (opt-in): scans site-packages / dist-packages directories for installed
//! distributions, `*.dist-info/METADATA` and `*.egg-info` (a directory holding `PKG-INFO`,
//! or a file that is itself the metadata), reading only the metadata headers (`Name`,
//! `Version`, `Summary`). Nothing is run: no Python starts.
//!
//! Without explicit directories, the system Pythons' are searched:
//! `{/usr/lib,/usr/lib64,/usr/local/lib,/opt/homebrew/lib}/python<N>*/{site,dist}-packages`.
//! The origin of each package is its directory; the install time the metadata directory's
//! modification time.

use super::{Package, Scan, Source, field_text, mtime, trim_field};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// The system Pythons' package directories on this machine.
pub fn system_sites() -> Vec<PathBuf> {
    let mut sites = Vec::new();
    for root in ["/usr/lib", "/usr/lib64", "/usr/local/lib", "/opt/homebrew/lib"] {
        let Ok(dir) = std::fs::read_dir(root) else { continue };
        for entry in dir.flatten() {
            let name = entry.file_name();
            let is_python =
                name.to_str().and_then(|n| n.strip_prefix("python")).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
            if !is_python {
                continue;
            }
            for sub in ["site-packages", "dist-packages"] {
                let site = entry.path().join(sub);
                if site.is_dir() {
                    // /usr/lib64 is a link to /usr/lib on some systems: list each once.
                    sites.push(site.canonicalize().unwrap_or(site));
                }
            }
        }
    }
    sites.sort();
    sites.dedup();
    sites
}

/// Reads the distributions installed in `sites`; present when one of the directories exists.
pub fn scan(sites: &[PathBuf]) -> Scan {
    let mut scan = Scan::absent();
    for site in sites {
        let dir = match std::fs::read_dir(site) {
            Ok(dir) => dir,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                scan.present = true;
                scan.warnings.push(format!("pip: cannot read {}: {e}", site.display()));
                continue;
            }
        };
        scan.present = true;
        let origin = site.display().to_string();
        for entry in dir.flatten() {
            let file_name = entry.file_name();
            let Some(file_name) = file_name.to_str() else { continue };
            let path = entry.path();
            let (stem, metadata) = if let Some(stem) = file_name.strip_suffix(".dist-info") {
                (stem, path.join("METADATA"))
            } else if let Some(stem) = file_name.strip_suffix(".egg-info") {
                (stem, if path.is_dir() { path.join("PKG-INFO") } else { path.clone() })
            } else {
                continue;
            };
            let Some(mut package) = read_metadata(&metadata, stem) else { continue };
            package.installed = mtime(&path);
            package.origin = Some(origin.clone());
            scan.packages.push(package);
        }
    }
    scan
}

/// Reads the headers of a metadata file; the name and version default to those in the
/// directory name (`<name>-<version>[-pyX.Y]`).
fn read_metadata(path: &Path, stem: &str) -> Option<Package> {
    let (mut name, mut version, mut summary) = (None, None, None);
    if let Ok(file) = File::open(path) {
        (name, version, summary) = parse_headers(BufReader::new(file));
    }
    let mut parts = stem.splitn(3, '-');
    let name = name.or_else(|| parts.next().filter(|s| !s.is_empty()).map(str::to_owned))?;
    let version = version.or_else(|| parts.next().filter(|s| !s.is_empty()).map(str::to_owned))?;
    Some(Package { summary, ..Package::new(Source::Pip, name, version) })
}

/// `Name`, `Version` and `Summary` from RFC 822 style headers, which end at the first blank
/// line (the long description follows).
pub fn parse_headers(mut reader: impl BufRead) -> (Option<String>, Option<String>, Option<String>) {
    let (mut name, mut version, mut summary) = (None, None, None);
    let mut line = Vec::with_capacity(128);
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let l = trim_field(line.strip_suffix(b"\n").unwrap_or(&line));
        let l = l.strip_suffix(b"\r").unwrap_or(l);
        if l.is_empty() {
            break;
        }
        let Some(colon) = l.iter().position(|&b| b == b':') else { continue };
        let (key, value) = (&l[..colon], &l[colon + 1..]);
        let slot = match key {
            _ if key.eq_ignore_ascii_case(b"Name") => &mut name,
            _ if key.eq_ignore_ascii_case(b"Version") => &mut version,
            _ if key.eq_ignore_ascii_case(b"Summary") => &mut summary,
            _ => continue,
        };
        if slot.is_none() {
            *slot = field_text(value);
        }
    }
    (name, version, summary)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{TempDir, fixture, write};
    use super::*;
    use std::collections::BTreeSet;
    use std::process::Command;

    #[test]
    fn reads_the_fixture_site() {
        let site = fixture("site-packages");
        let Scan { present, mut packages, warnings } = scan(std::slice::from_ref(&site));
        assert!(present);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(packages.iter().all(|p| p.installed.is_some() && p.origin.as_deref() == Some(&*site.display().to_string())));
        packages.sort_by(|a, b| a.name.cmp(&b.name));
        let got: Vec<_> = packages.iter().map(|p| (p.name.as_str(), p.version.as_str(), p.summary.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("PyYAML", "6.0.1", Some("YAML parser and emitter for Python")),
                ("chardet", "5.1.0", Some("Universal encoding detector for Python 3")),
                ("no_metadata", "0.3", None),
                ("requests", "2.31.0", Some("Python HTTP for Humans.")),
                ("six", "1.16.0", Some("Python 2 and 3 compatibility utilities")),
            ]
        );
    }

    #[test]
    fn headers_stop_at_the_body() {
        let text = "Metadata-Version: 2.1\r\nName: a\r\nVersion: 1\r\nSummary:\r\n\r\nSummary: in the body\r\n";
        assert_eq!(parse_headers(text.as_bytes()), (Some("a".into()), Some("1".into()), None));
        assert_eq!(parse_headers(&b""[..]), (None, None, None));
    }

    #[test]
    fn missing_sites_are_absent() {
        let dir = TempDir::new("pip");
        assert_eq!(scan(&[dir.path().join("nope")]), Scan::absent());
        write(dir.path(), "site/README.txt", "not a distribution");
        assert_eq!(scan(&[dir.path().join("site")]), Scan::found(Vec::new()));
    }

    /// The system Python's own view of its dist-packages, where it can tell.
    #[test]
    fn matches_importlib_on_this_machine() {
        let sites = system_sites();
        let Some(site) = sites.iter().find(|s| s.ends_with("python3/dist-packages") || s.ends_with("site-packages")) else {
            eprintln!("SKIPPED matches_importlib_on_this_machine: no system site-packages");
            return;
        };
        let script = "import importlib.metadata as m, sys\n\
                      for d in m.distributions(path=[sys.argv[1]]):\n    print(d.metadata['Name'] + '|' + d.version)\n";
        let out = match Command::new("/usr/bin/python3").arg("-c").arg(script).arg(site).output() {
            Ok(out) if out.status.success() => out,
            _ => {
                eprintln!("SKIPPED matches_importlib_on_this_machine: no /usr/bin/python3 with importlib.metadata");
                return;
            }
        };
        let want: BTreeSet<String> = String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect();
        let Scan { packages, .. } = scan(std::slice::from_ref(site));
        let got: BTreeSet<String> = packages.iter().map(|p| format!("{}|{}", p.name, p.version)).collect();
        assert_eq!(got, want, "{}", site.display());
        eprintln!("pip: {} distributions in {}", got.len(), site.display());
    }
}
