//! `inventory list`, `show`, `check`, `snapshot` and `diff` over the package sources.

use super::baseline::{self, CheckReport, Probe};
use super::snapshot::{self, DiffReport, Snapshot};
use super::{Package, Roots, Source};
use crate::Outcome;
use crate::error::Result;
use serde::Serialize;
use std::path::Path;

/// The report of `inventory list` and `inventory show`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ListReport {
    /// The name pattern asked for.
    pub pattern: Option<String>,
    /// The package sources found on this machine (and asked for).
    pub sources: Vec<Source>,
    pub packages: Vec<Package>,
    /// Sources that are there but could not be read, and why.
    pub warnings: Vec<String>,
}

/// A glob (`*`, `?`) when it has one, else a case-insensitive substring.
pub fn name_matches(pattern: &str, name: &str) -> bool {
    if pattern.contains(['*', '?']) {
        crate::util::glob_match(pattern, name)
    } else {
        name.to_ascii_lowercase().contains(&pattern.to_ascii_lowercase())
    }
}

/// `inventory list [PATTERN]`.
pub fn list(roots: &Roots, sources: &[Source], pattern: Option<&str>) -> Result<(ListReport, Outcome)> {
    let listing = super::list(roots, sources)?;
    let mut packages = listing.packages;
    if let Some(p) = pattern {
        packages.retain(|pkg| name_matches(p, &pkg.name));
    }
    Ok((
        ListReport { pattern: pattern.map(ToString::to_string), sources: listing.present, packages, warnings: listing.warnings },
        Outcome::Ok,
    ))
}

/// `inventory show NAME`: the exact name (or a glob) in every source; exit 1 when none.
pub fn show(roots: &Roots, sources: &[Source], name: &str) -> Result<(ListReport, Outcome)> {
    let listing = super::list(roots, sources)?;
    let glob = name.contains(['*', '?']);
    let packages: Vec<Package> = listing
        .packages
        .into_iter()
        .filter(|p| if glob { crate::util::glob_match(name, &p.name) } else { p.name.eq_ignore_ascii_case(name) })
        .collect();
    let found = !packages.is_empty();
    Ok((
        ListReport { pattern: Some(name.to_string()), sources: listing.present, packages, warnings: listing.warnings },
        Outcome::from_ok(found),
    ))
}

/// `inventory check BASELINE`: exit 1 when any rule fails.
pub fn check(roots: &Roots, sources: &[Source], path: &Path, probe: &dyn Probe) -> Result<(CheckReport, Outcome)> {
    let b = baseline::load(path)?;
    let needs_packages = b.rules.iter().any(|r| matches!(r.kind, baseline::RuleKind::Required(_) | baseline::RuleKind::Forbidden(_)));
    let listing = if needs_packages { super::list(roots, sources)? } else { super::Listing::default() };
    let mut report = baseline::evaluate(&b, &path.display().to_string(), &listing.packages, probe);
    report.warnings = listing.warnings;
    let ok = report.failed == 0;
    Ok((report, Outcome::from_ok(ok)))
}

/// The report of `inventory snapshot`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SnapshotReport {
    pub file: String,
    pub packages: usize,
    pub sources: Vec<Source>,
    pub taken: String,
    /// Sources that could not be read (completely or in part); the file says so too.
    pub warnings: Vec<String>,
}

/// `inventory snapshot FILE`.
pub fn take_snapshot(roots: &Roots, sources: &[Source], file: &Path) -> Result<(SnapshotReport, Outcome)> {
    let listing = super::list(roots, sources)?;
    let snap = Snapshot::new(listing.packages, listing.unreadable);
    snapshot::save(&snap, file)?;
    Ok((
        SnapshotReport {
            file: file.display().to_string(),
            packages: snap.packages.len(),
            sources: listing.present,
            taken: snap.taken,
            warnings: listing.warnings,
        },
        Outcome::Ok,
    ))
}

/// `inventory diff OLD [NEW]`: exit 1 when anything changed.
pub fn diff(roots: &Roots, sources: &[Source], old: &Path, new: Option<&Path>) -> Result<(DiffReport, Outcome)> {
    let before = snapshot::load(old)?;
    let mut warnings = Vec::new();
    let mut unreadable = before.unreadable.clone();
    let (after, new_name) = if let Some(p) = new {
        let s = snapshot::load(p)?;
        unreadable.extend(s.unreadable);
        (s.packages, p.display().to_string())
    } else {
        // Unless told otherwise, ask the sources the snapshot has (pip included if it was).
        let mut from: Vec<Source> = sources.to_vec();
        if from.is_empty() {
            from = before.packages.iter().map(|p| p.source).collect();
            from.sort();
            from.dedup();
        }
        let now = if from.is_empty() { super::Listing::default() } else { super::list(roots, &from)? };
        unreadable.extend(now.unreadable);
        warnings.extend(now.warnings);
        (now.packages, "now".to_string())
    };
    // Compare like with like: only the sources asked for, and read whole, on both sides.
    unreadable.sort_unstable();
    unreadable.dedup();
    for s in &unreadable {
        warnings.push(format!("{}: not compared, it could not be read whole on one side", s.name()));
    }
    let keep = |p: &Package| (sources.is_empty() || sources.contains(&p.source)) && !unreadable.contains(&p.source);
    let before: Vec<Package> = before.packages.into_iter().filter(keep).collect();
    let after: Vec<Package> = after.into_iter().filter(keep).collect();
    let mut report = snapshot::diff(&before, &after, &old.display().to_string(), &new_name);
    report.warnings = warnings;
    let same = report.changes.is_empty();
    Ok((report, Outcome::from_ok(same)))
}
