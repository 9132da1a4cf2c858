//! The `diagnose` report: a ticket note. Findings first, worst first, each with its
//! evidence and the command that fixes it; then each user's and host's own views, the
//! same as `account show`, `account groups`, `net check` and `net dns` print them.

use super::{Block, Cell, Doc, Tone, count};
use deskhand_commands::diagnose::{DiagnoseReport, Severity};

fn severity(s: Severity) -> Cell {
    match s {
        Severity::Problem => Cell::new("PROBLEM", Tone::Bad),
        Severity::Unknown => Cell::new("unknown", Tone::Warn),
        Severity::Warning => Cell::new("warning", Tone::Warn),
        Severity::Info => Cell::new("info", Tone::Dim),
    }
}

/// Appends another view's blocks under a heading (its own title is the heading's job).
fn section(doc: &mut Doc, heading: String, parts: Vec<Doc>) {
    doc.blocks.push(Block::Heading(heading));
    for part in parts {
        doc.blocks.extend(part.blocks);
    }
}

pub fn diagnose(r: &DiagnoseReport) -> Doc {
    let title = match &r.ticket {
        Some(t) => format!("Ticket {t}: diagnose at {}", r.at),
        None => format!("Diagnose at {}", r.at),
    };
    let mut doc = Doc::new(title);
    if r.findings.is_empty() {
        doc.line("nothing in the way: every part ran and found nothing to fix", Tone::Good);
    } else {
        let rows = r
            .findings
            .iter()
            .map(|f| {
                let what = match (&f.fix, &f.next_step) {
                    (Some(fix), Some(next)) => format!("{fix} ({next})"),
                    (Some(fix), None) => fix.clone(),
                    (None, Some(next)) => next.clone(),
                    (None, None) => "-".into(),
                };
                vec![
                    severity(f.severity),
                    Cell::from(f.subject.clone()),
                    Cell::from(f.finding.clone()),
                    Cell::from(if f.evidence.is_empty() { "-".to_string() } else { f.evidence.clone() }),
                    Cell::from(what),
                ]
            })
            .collect();
        doc.table(&["", "about", "finding", "evidence", "fix (not run)"], rows);
        let n = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count();
        doc.line(
            format!(
                "{}: {} in the way, {} unknown, {} warning(s), {} to know",
                count(r.findings.len(), "finding"),
                n(Severity::Problem),
                n(Severity::Unknown),
                n(Severity::Warning),
                n(Severity::Info)
            ),
            if n(Severity::Problem) > 0 { Tone::Bad } else { Tone::Plain },
        );
    }
    for u in &r.users {
        let mut parts = Vec::new();
        if let Some(card) = &u.card {
            parts.push(super::account::show(card));
        }
        if let Some(groups) = &u.groups {
            parts.push(super::account::groups(groups));
        }
        if let Some(e) = &u.error {
            let mut d = Doc::new("");
            d.line(e.clone(), Tone::Bad);
            parts.push(d);
        }
        section(&mut doc, format!("User {}", u.login), parts);
    }
    for h in &r.hosts {
        let mut parts = Vec::new();
        if let Some(check) = &h.check {
            parts.push(super::net::check(check));
        }
        if let Some(dns) = &h.dns {
            parts.push(super::net::dns(dns));
        }
        if let Some(e) = &h.error {
            let mut d = Doc::new("");
            d.line(e.clone(), Tone::Bad);
            parts.push(d);
        }
        section(&mut doc, format!("Host {}", h.target), parts);
    }
    doc
}
