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

/// Appends other views' blocks under a heading (their own titles are the heading's job),
/// then why the part could not run, if it could not.
fn section(doc: &mut Doc, heading: String, parts: impl IntoIterator<Item = Doc>, error: Option<&String>) {
    doc.blocks.push(Block::Heading(heading));
    for part in parts {
        doc.blocks.extend(part.blocks);
    }
    if let Some(e) = error {
        doc.line(e.clone(), Tone::Bad);
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
        let parts = u.card.as_ref().map(super::account::show).into_iter().chain(u.groups.as_ref().map(super::account::groups));
        section(&mut doc, format!("User {}", u.login), parts, u.error.as_ref());
    }
    for h in &r.hosts {
        let parts = h.check.as_ref().map(super::net::check).into_iter().chain(h.dns.as_ref().map(super::net::dns));
        section(&mut doc, format!("Host {}", h.target), parts, h.error.as_ref());
    }
    doc
}
