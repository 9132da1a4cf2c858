//! Homebrew (macOS, Linuxbrew): reads the Cellar directories, `<cellar>/<formula>/<version>/`,
//! rather than running `brew`, which takes a second or more to start. Each version directory
//! may hold an `INSTALL_RECEIPT.json` giving the install time, the tap (as origin) and the
//! architecture; without one the directory's modification time dates the install.
//! Several installed versions of one formula are several packages. Casks are not listed.

use super::{Package, Scan, Source, mtime};
use std::path::{Path, PathBuf};

/// Reads the formulae installed in `cellars`; the source is present when one of them exists.
pub fn scan(cellars: &[PathBuf]) -> Scan {
    let mut scan = Scan::absent();
    for cellar in cellars {
        let formulae = match std::fs::read_dir(cellar) {
            Ok(dir) => dir,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                scan.present = true;
                scan.warnings.push(format!("brew: cannot read {}: {e}", cellar.display()));
                continue;
            }
        };
        scan.present = true;
        for formula in formulae.flatten() {
            let name = formula.file_name().to_string_lossy().into_owned();
            let Some(versions) = visible_dir(&name, &formula.path()).and_then(|p| std::fs::read_dir(p).ok()) else { continue };
            for version in versions.flatten() {
                let version_name = version.file_name().to_string_lossy().into_owned();
                let Some(dir) = visible_dir(&version_name, &version.path()) else { continue };
                let receipt = Receipt::read(&dir.join("INSTALL_RECEIPT.json"));
                scan.packages.push(Package {
                    arch: receipt.arch,
                    installed: receipt.time.or_else(|| mtime(&dir)),
                    origin: receipt.tap,
                    ..Package::new(Source::Brew, name.clone(), version_name)
                });
            }
        }
    }
    scan
}

/// `path` when it is a directory (symbolic links followed) whose name does not start with a
/// dot.
fn visible_dir(name: &str, path: &Path) -> Option<PathBuf> {
    (!name.starts_with('.') && path.is_dir()).then(|| path.to_path_buf())
}

/// What we keep of an install receipt.
#[derive(Debug, Default)]
struct Receipt {
    time: Option<i64>,
    tap: Option<String>,
    arch: Option<String>,
}

impl Receipt {
    /// Reads a receipt; a missing or malformed one gives an empty receipt.
    fn read(path: &Path) -> Self {
        let Ok(bytes) = std::fs::read(path) else { return Self::default() };
        let Ok(json) = serde_json::from_slice::<serde_json::Value>(&bytes) else { return Self::default() };
        let text = |v: Option<&serde_json::Value>| v.and_then(serde_json::Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned);
        Self {
            time: json.get("time").and_then(|t| t.as_i64().or_else(|| t.as_f64().map(|f| f as i64))),
            tap: text(json.pointer("/source/tap")),
            arch: text(json.get("arch")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{TempDir, fixture, write};
    use super::*;

    #[test]
    fn reads_cellars() {
        let dir = TempDir::new("brew");
        // A second cellar, built here: a formula without a receipt, dated by its directory.
        write(dir.path(), "Cellar/jq/1.7/bin/jq", "");
        let other = dir.path().join("Cellar");
        let missing = dir.path().join("missing");
        let Scan { present, mut packages, warnings } = scan(&[missing, fixture("Cellar"), other]);
        assert!(present);
        assert!(warnings.is_empty(), "{warnings:?}");
        let jq_time = packages.iter().find(|p| p.name == "jq").and_then(|p| p.installed);
        assert_eq!(jq_time, mtime(&dir.path().join("Cellar/jq/1.7")));
        packages.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
        let want = vec![
            Package { installed: jq_time, ..Package::new(Source::Brew, "jq", "1.7") },
            Package {
                arch: Some("arm64".into()),
                installed: Some(1_700_000_300),
                origin: Some("homebrew/core".into()),
                ..Package::new(Source::Brew, "openssl", "3.1.4")
            },
            Package {
                arch: Some("arm64".into()),
                installed: Some(1_700_000_400),
                origin: Some("homebrew/core".into()),
                ..Package::new(Source::Brew, "openssl", "3.2.0_1")
            },
        ];
        // The fixture's malformed receipt (`wget`) falls back to the directory's time.
        let wget = packages.iter().position(|p| p.name == "wget").expect("wget");
        let wget = packages.remove(wget);
        assert_eq!((wget.version.as_str(), wget.origin, wget.installed.is_some()), ("1.21.4", None, true));
        assert_eq!(packages, want);
    }

    #[test]
    fn no_cellar_is_absent() {
        assert_eq!(scan(&[]), Scan::absent());
        assert_eq!(scan(&[PathBuf::from("/nonexistent/deskhand/Cellar")]), Scan::absent());
    }
}
