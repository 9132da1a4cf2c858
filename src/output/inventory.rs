//! Table, Markdown and CSV views of the `inventory` reports.

use super::{Cell, Doc, Tone, count};
use deskhand_commands::inventory::baseline::CheckReport;
use deskhand_commands::inventory::facts::Facts;
use deskhand_commands::inventory::query::{ListReport, SnapshotReport};
use deskhand_commands::inventory::snapshot::{ChangeKind, DiffReport};
use deskhand_commands::util::human_bytes;

fn opt(v: Option<&str>) -> Cell {
    Cell::from(v.unwrap_or("-"))
}

fn sources(r: &ListReport) -> String {
    if r.sources.is_empty() {
        "no package source found".to_string()
    } else {
        r.sources.iter().map(|s| s.name()).collect::<Vec<_>>().join(", ")
    }
}

pub fn list(r: &ListReport) -> Doc {
    let title = match &r.pattern {
        Some(p) => format!("Installed packages matching '{p}' ({})", sources(r)),
        None => format!("Installed packages ({})", sources(r)),
    };
    let mut doc = Doc::new(title);
    warn(&mut doc, &r.warnings);
    if r.packages.is_empty() {
        doc.line("no package found", Tone::Bad);
        return doc;
    }
    let rows = r
        .packages
        .iter()
        .map(|p| {
            vec![
                Cell::from(p.name.clone()),
                Cell::from(p.version.clone()),
                opt(p.arch.as_deref()),
                Cell::from(p.source.name()),
                opt(p.summary.as_deref()),
            ]
        })
        .collect();
    doc.table(&["name", "version", "arch", "source", "summary"], rows);
    doc.line(count(r.packages.len(), "package"), Tone::Plain);
    doc
}

pub fn show(r: &ListReport) -> Doc {
    let name = r.pattern.clone().unwrap_or_default();
    let mut doc = Doc::new(format!("Package {name}"));
    warn(&mut doc, &r.warnings);
    if r.packages.is_empty() {
        doc.line(format!("{name} is not installed (looked in: {})", sources(r)), Tone::Bad);
        return doc;
    }
    for p in &r.packages {
        let mut fields = vec![
            ("name".to_string(), Cell::from(p.name.clone())),
            ("version".to_string(), Cell::from(p.version.clone())),
            ("source".to_string(), Cell::from(p.source.name())),
            ("architecture".to_string(), opt(p.arch.as_deref())),
            ("summary".to_string(), opt(p.summary.as_deref())),
            ("origin".to_string(), opt(p.origin.as_deref())),
            ("size".to_string(), Cell::from(p.size_kib.map_or_else(|| "-".to_string(), |k| human_bytes(k.saturating_mul(1024))))),
        ];
        fields.push(("installed".to_string(), Cell::from(p.installed.map_or_else(|| "-".to_string(), deskhand_commands::util::rfc3339))));
        doc.blocks.push(super::Block::Fields { title: format!("{} ({})", p.name, p.source.name()), fields });
    }
    doc
}

pub fn facts(f: &Facts) -> Doc {
    let mut doc = Doc::new(format!("Facts of {}", f.hostname.as_deref().unwrap_or("this machine")));
    let uptime = f.uptime_seconds;
    let fields = vec![
        ("hostname".to_string(), opt(f.hostname.as_deref())),
        ("OS".to_string(), opt(f.os.as_deref())),
        ("kernel".to_string(), opt(f.kernel.as_deref())),
        ("architecture".to_string(), Cell::from(f.arch.clone())),
        ("CPU".to_string(), opt(f.cpu_model.as_deref())),
        (
            "CPUs".to_string(),
            Cell::from(match f.cpu_cores {
                Some(c) => format!("{} logical, {c} cores", f.cpus),
                None => format!("{} logical", f.cpus),
            }),
        ),
        (
            "memory".to_string(),
            Cell::from(format!("{} total, {} available", human_bytes(f.memory_total_bytes), human_bytes(f.memory_available_bytes))),
        ),
        ("swap".to_string(), Cell::from(human_bytes(f.swap_total_bytes))),
        (
            "uptime".to_string(),
            Cell::from(format!("{}d {}h {}m (since {})", uptime / 86_400, uptime % 86_400 / 3600, uptime % 3600 / 60, f.boot_time)),
        ),
        (
            "logged in".to_string(),
            Cell::from(if f.users.is_empty() {
                "nobody".to_string()
            } else {
                f.users
                    .iter()
                    .map(|u| match &u.host {
                        Some(h) => format!("{} on {} from {h}", u.user, u.line),
                        None => format!("{} on {}", u.user, u.line),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
        ),
    ];
    doc.blocks.push(super::Block::Fields { title: "system".to_string(), fields });
    let disks = f
        .disks
        .iter()
        .map(|d| {
            let share = if d.total_bytes > 0 { d.available_bytes as f64 * 100.0 / d.total_bytes as f64 } else { 0.0 };
            let free = format!("{} ({share:.0}%)", human_bytes(d.available_bytes));
            vec![
                Cell::from(d.mount_point.clone()),
                Cell::from(d.device.clone()),
                Cell::from(d.file_system.clone()),
                Cell::from(human_bytes(d.total_bytes)),
                Cell::new(free, if share < 10.0 { Tone::Warn } else { Tone::Plain }),
            ]
        })
        .collect();
    doc.table(&["mount", "device", "fs", "size", "free"], disks);
    let nics = f
        .interfaces
        .iter()
        .map(|i| {
            vec![
                Cell::from(i.name.clone()),
                opt(i.mac.as_deref()),
                Cell::from(if i.addresses.is_empty() { "-".to_string() } else { i.addresses.join("\n") }),
            ]
        })
        .collect();
    doc.table(&["interface", "MAC", "addresses"], nics);
    doc
}

/// A package source that could not be read, said before the results it may spoil.
fn warn(doc: &mut Doc, warnings: &[String]) {
    for w in warnings {
        doc.line(format!("warning: {w}"), Tone::Warn);
    }
}

pub fn check(r: &CheckReport) -> Doc {
    let mut doc = Doc::new(format!("Baseline {}", r.name.as_deref().unwrap_or(&r.baseline)));
    warn(&mut doc, &r.warnings);
    let rows = r
        .rows
        .iter()
        .map(|row| {
            vec![
                Cell::from(row.rule.clone()),
                Cell::from(row.kind),
                if row.pass { Cell::new("pass", Tone::Good) } else { Cell::new("fail", Tone::Bad) },
                Cell::from(row.why.clone()),
            ]
        })
        .collect();
    doc.table(&["rule", "kind", "result", "why"], rows);
    let tone = if r.failed == 0 { Tone::Good } else { Tone::Bad };
    doc.line(format!("{}: {} passed, {} failed", count(r.rows.len(), "rule"), r.passed, r.failed), tone);
    doc
}

pub fn snapshot(r: &SnapshotReport) -> Doc {
    let mut doc = Doc::new("Snapshot");
    warn(&mut doc, &r.warnings);
    let sources = r.sources.iter().map(|s| s.name()).collect::<Vec<_>>().join(", ");
    doc.line(format!("{} ({sources}) saved to {}", count(r.packages, "package"), r.file), Tone::Good);
    doc
}

pub fn diff(r: &DiffReport) -> Doc {
    let mut doc = Doc::new(format!("Changes from {} to {}", r.old, r.new));
    warn(&mut doc, &r.warnings);
    let rows = r
        .changes
        .iter()
        .map(|c| {
            let (word, tone) = match c.change {
                ChangeKind::Added => ("added", Tone::Good),
                ChangeKind::Removed => ("removed", Tone::Bad),
                ChangeKind::Upgraded => ("upgraded", Tone::Plain),
                ChangeKind::Downgraded => ("downgraded", Tone::Warn),
            };
            vec![
                Cell::new(word, tone),
                Cell::from(c.name.clone()),
                Cell::from(c.source.name()),
                opt(c.arch.as_deref()),
                opt(c.old_version.as_deref()),
                opt(c.new_version.as_deref()),
            ]
        })
        .collect();
    if !r.changes.is_empty() {
        doc.table(&["change", "name", "source", "arch", "old", "new"], rows);
    }
    let s = &r.summary;
    doc.line(
        format!(
            "{} added, {} removed, {} upgraded, {} downgraded, {} unchanged",
            s.added, s.removed, s.upgraded, s.downgraded, s.unchanged
        ),
        if r.changes.is_empty() { Tone::Good } else { Tone::Plain },
    );
    doc
}
