//! `inventory snapshot FILE` and `inventory diff OLD [NEW]`: what changed since then:
//! added, removed, upgraded and downgraded packages, versions compared by each
//! ecosystem's rules.

use super::Package;
use super::version::compare;
use crate::error::{CommandError, Result};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::Path;

pub const SCHEMA: &str = "deskhand.inventory.snapshot.v1";

/// A snapshot file.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Snapshot {
    pub schema: String,
    /// RFC 3339.
    pub taken: String,
    pub hostname: Option<String>,
    pub packages: Vec<Package>,
    /// Sources that could not be read (completely or in part) when it was taken: a diff
    /// leaves them out rather than report their packages as removed.
    #[serde(default)]
    pub unreadable: Vec<super::Source>,
}

impl Snapshot {
    pub fn new(packages: Vec<Package>, unreadable: Vec<super::Source>) -> Self {
        Self {
            schema: SCHEMA.to_string(),
            taken: crate::util::rfc3339(crate::util::now_unix()),
            hostname: sysinfo::System::host_name(),
            packages,
            unreadable,
        }
    }
}

/// The `inventory list --output json` document, also accepted as a snapshot.
#[derive(Deserialize)]
struct ListDoc {
    data: ListData,
}

#[derive(Deserialize)]
struct ListData {
    packages: Vec<Package>,
}

/// Reads a snapshot (or a saved `inventory list -o json`).
pub fn load(path: &Path) -> Result<Snapshot> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CommandError::usage(format!("cannot read snapshot {}: {e}", path.display()))
            .with_hint("make one with: deskhand inventory snapshot FILE")
    })?;
    parse(&text, path)
}

pub fn parse(text: &str, path: &Path) -> Result<Snapshot> {
    let bad = |e: serde_json::Error| {
        CommandError::usage(format!("{} is not a deskhand snapshot: line {} column {}: {e}", path.display(), e.line(), e.column()))
            .with_hint("make one with: deskhand inventory snapshot FILE (or save `deskhand inventory list -o json`)")
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(bad)?;
    match value.get("schema").and_then(serde_json::Value::as_str) {
        Some(SCHEMA) => serde_json::from_value(value).map_err(bad),
        Some("deskhand.inventory.list.v1") => {
            let doc: ListDoc = serde_json::from_value(value).map_err(bad)?;
            Ok(Snapshot {
                schema: SCHEMA.to_string(),
                taken: "unknown".into(),
                hostname: None,
                packages: doc.data.packages,
                unreadable: vec![],
            })
        }
        other => Err(CommandError::usage(format!(
            "{} is not a deskhand snapshot (schema {})",
            path.display(),
            other.map_or("missing".to_string(), |s| format!("'{s}'"))
        ))
        .with_hint("make one with: deskhand inventory snapshot FILE")),
    }
}

/// Writes a snapshot to a new file (never over an existing one).
pub fn save(snapshot: &Snapshot, path: &Path) -> Result<()> {
    use std::io::Write as _;
    let mut f = crate::util::create_new(path, 0o644, "snapshot")?;
    let text = serde_json::to_string_pretty(snapshot).map_err(|e| CommandError::environment(e.to_string()))?;
    f.write_all(text.as_bytes()).and_then(|()| f.write_all(b"\n")).map_err(|e| {
        CommandError::environment(format!("cannot write snapshot {}: {e}", path.display()))
            .with_hint("free some space, then take it again under a new name")
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Upgraded,
    Downgraded,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PackageChange {
    pub change: ChangeKind,
    pub source: super::Source,
    pub name: String,
    pub arch: Option<String>,
    pub old_version: Option<String>,
    pub new_version: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct DiffSummary {
    pub added: usize,
    pub removed: usize,
    pub upgraded: usize,
    pub downgraded: usize,
    pub unchanged: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DiffReport {
    pub old: String,
    pub new: String,
    pub changes: Vec<PackageChange>,
    pub summary: DiffSummary,
    /// Sources left out of the comparison (they could not be read on one side).
    pub warnings: Vec<String>,
}

type Key<'a> = (super::Source, &'a str, Option<&'a str>);

/// Each (source, name, architecture) with its installed versions: rpm keeps several
/// kernels, Homebrew several versions of a formula.
fn index(list: &[Package]) -> BTreeMap<Key<'_>, Vec<&str>> {
    let mut map: BTreeMap<Key<'_>, Vec<&str>> = BTreeMap::new();
    for p in list {
        map.entry((p.source, p.name.as_str(), p.arch.as_deref())).or_default().push(p.version.as_str());
    }
    map
}

/// What changed from `old` to `new`, by (source, name, architecture). Versions on both
/// sides are unchanged; one version installed before and another one now is an upgrade
/// or a downgrade; where several are installed, each version gone is removed and each
/// new one added.
pub fn diff(old: &[Package], new: &[Package], old_name: &str, new_name: &str) -> DiffReport {
    let (o, n) = (index(old), index(new));
    let mut changes = Vec::new();
    let mut summary = DiffSummary::default();
    let none: Vec<&str> = Vec::new();
    let keys: std::collections::BTreeSet<&Key<'_>> = o.keys().chain(n.keys()).collect();
    for k in keys {
        let (before, after) = (o.get(k).unwrap_or(&none), n.get(k).unwrap_or(&none));
        let gone: Vec<&str> = before.iter().filter(|v| !after.contains(v)).copied().collect();
        let came: Vec<&str> = after.iter().filter(|v| !before.contains(v)).copied().collect();
        summary.unchanged += before.len() - gone.len();
        let change = |kind, ov: Option<&str>, nv: Option<&str>| PackageChange {
            change: kind,
            source: k.0,
            name: k.1.to_string(),
            arch: k.2.map(ToString::to_string),
            old_version: ov.map(ToString::to_string),
            new_version: nv.map(ToString::to_string),
        };
        if let ([ov], [nv], 1, 1) = (gone.as_slice(), came.as_slice(), before.len(), after.len()) {
            match compare(k.0.scheme(), ov, nv) {
                Ordering::Greater => {
                    summary.downgraded += 1;
                    changes.push(change(ChangeKind::Downgraded, Some(ov), Some(nv)));
                }
                // Equal: spelt differently, the same version (1.0 and 1.00); told as an upgrade
                // would be wrong, so it counts unchanged.
                Ordering::Equal => summary.unchanged += 1,
                Ordering::Less => {
                    summary.upgraded += 1;
                    changes.push(change(ChangeKind::Upgraded, Some(ov), Some(nv)));
                }
            }
            continue;
        }
        for v in gone {
            summary.removed += 1;
            changes.push(change(ChangeKind::Removed, Some(v), None));
        }
        for v in came {
            summary.added += 1;
            changes.push(change(ChangeKind::Added, None, Some(v)));
        }
    }
    changes.sort_by(|a, b| (a.change, &a.name, a.source).cmp(&(b.change, &b.name, b.source)));
    DiffReport { old: old_name.to_string(), new: new_name.to_string(), changes, summary, warnings: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::Source;

    fn pkg(name: &str, version: &str, arch: Option<&str>) -> Package {
        Package {
            source: Source::Dpkg,
            name: name.into(),
            version: version.into(),
            arch: arch.map(Into::into),
            summary: None,
            size_kib: None,
            installed: None,
            origin: None,
        }
    }

    #[test]
    fn added_removed_upgraded_downgraded() {
        let old = vec![
            pkg("curl", "7.88.1-10", Some("amd64")),
            pkg("vim", "2:9.0.1378-2", Some("amd64")),
            pkg("libc6", "2.36-9", Some("amd64")),
            pkg("libc6", "2.36-9", Some("i386")),
            pkg("telnet", "0.17-44", Some("amd64")),
        ];
        let new = vec![
            pkg("curl", "7.88.1-10+deb12u5", Some("amd64")),
            pkg("vim", "2:9.0.1000-1", Some("amd64")),
            pkg("libc6", "2.36-9", Some("amd64")),
            pkg("htop", "3.2.2-2", Some("amd64")),
            // An epoch makes it newer though the digits are smaller.
            pkg("telnet", "1:0.1-1", Some("amd64")),
        ];
        let d = diff(&old, &new, "old.json", "now");
        let got: Vec<(ChangeKind, &str, Option<&str>)> = d.changes.iter().map(|c| (c.change, c.name.as_str(), c.arch.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                (ChangeKind::Added, "htop", Some("amd64")),
                (ChangeKind::Removed, "libc6", Some("i386")),
                (ChangeKind::Upgraded, "curl", Some("amd64")),
                (ChangeKind::Upgraded, "telnet", Some("amd64")),
                (ChangeKind::Downgraded, "vim", Some("amd64")),
            ]
        );
        assert_eq!((d.summary.unchanged, d.summary.added, d.summary.removed), (1, 1, 1));
    }

    #[test]
    fn several_installed_versions_each_count() {
        // Three kernels; one removed, one new: no version is lost, none is an "upgrade".
        let k = |v: &str| Package { source: Source::Rpm, ..pkg("kernel", v, Some("x86_64")) };
        let old = vec![k("6.1.0-1"), k("6.1.0-2"), k("6.1.0-3")];
        let new = vec![k("6.1.0-2"), k("6.1.0-3"), k("6.1.0-4")];
        let d = diff(&old, &new, "old", "now");
        let got: Vec<(ChangeKind, Option<&str>, Option<&str>)> =
            d.changes.iter().map(|c| (c.change, c.old_version.as_deref(), c.new_version.as_deref())).collect();
        assert_eq!(got, vec![(ChangeKind::Added, None, Some("6.1.0-4")), (ChangeKind::Removed, Some("6.1.0-1"), None)]);
        assert_eq!(d.summary.unchanged, 2);
        // One version each side is still an upgrade.
        let d = diff(&[k("6.1.0-1")], &[k("6.1.0-4")], "old", "now");
        assert_eq!(d.changes[0].change, ChangeKind::Upgraded);
    }

    #[test]
    fn snapshots_round_trip_and_bad_files_are_named() {
        let s = Snapshot::new(vec![pkg("curl", "1", None)], vec![]);
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(parse(&text, Path::new("s.json")).unwrap().packages.len(), 1);
        let list = r#"{"schema":"deskhand.inventory.list.v1","ok":true,"data":{"packages":[{"source":"dpkg","name":"a","version":"1","arch":null,"summary":null,"size_kib":null,"installed":null,"origin":null}]}}"#;
        assert_eq!(parse(list, Path::new("l.json")).unwrap().packages[0].name, "a");
        for bad in ["", "{", "[]", r#"{"schema":"other"}"#, r#"{"schema":"deskhand.inventory.snapshot.v1"}"#] {
            let e = parse(bad, Path::new("bad.json")).unwrap_err();
            assert!(e.message.contains("bad.json"), "{bad}: {}", e.message);
        }
    }
}
