//! Table and Markdown views of the `net` reports.

use super::{Block, Cell, Doc, Tone, count, ms};
use deskhand_commands::net::check::{CheckReport, LayerStatus};
use deskhand_commands::net::dns::{DnsReport, ServerAnswer, Status};
use deskhand_commands::net::ping::{PingReport, Show};
use deskhand_commands::net::port::{self, PortReport, PortState};
use deskhand_commands::net::tls::TlsReport;
use std::fmt::Write as _;

/// "1 name does", "2 names do".
fn count_verb(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn ping(r: &PingReport) -> Doc {
    let mut doc = Doc::new(format!(
        "Ping: {}, {} each",
        count(r.summary.targets, "target"),
        if r.count == 1 { "1 echo".to_string() } else { format!("{} echoes", r.count) }
    ));
    let rows = r
        .hosts
        .iter()
        .map(|h| {
            let addr = h.address.to_string();
            let status = if h.alive { Cell::new("alive", Tone::Good) } else { Cell::new("dead", Tone::Bad) };
            let (min, avg, max, mdev, jitter) = match &h.rtt {
                Some(t) => (ms(t.min_ms), ms(t.avg_ms), ms(t.max_ms), ms(t.mdev_ms), ms(t.jitter_ms)),
                None => Default::default(),
            };
            let loss_tone = if h.loss_percent == 0.0 {
                Tone::Plain
            } else if h.alive {
                Tone::Warn
            } else {
                Tone::Bad
            };
            let target = if h.target == addr { h.target.clone() } else { format!("{} ({addr})", h.target) };
            let mut row = vec![
                Cell::from(target),
                status,
                Cell::from(format!("{}/{}", h.received, h.sent)),
                Cell::new(format!("{:.0}%", h.loss_percent), loss_tone),
                Cell::from(min),
                Cell::from(avg),
                Cell::from(max),
                Cell::from(mdev),
                Cell::from(jitter),
            ];
            if let Some(e) = &h.error {
                row[1] = Cell::new(format!("dead: {e}"), Tone::Bad);
            }
            row
        })
        .collect();
    let mut rows: Vec<Vec<Cell>> = rows;
    for u in &r.unresolved {
        let mut row = vec![Cell::from(u.name.clone()), Cell::new(u.reason.clone(), Tone::Bad)];
        row.extend(std::iter::repeat_with(|| Cell::from("")).take(7));
        rows.push(row);
    }
    if rows.is_empty() {
        doc.line(if r.show == Show::Alive { "no target answered" } else { "every target answered" }, Tone::Plain);
    } else {
        doc.table(&["target", "status", "recv/sent", "loss", "min", "avg", "max", "mdev", "jitter"], rows);
    }
    let s = &r.summary;
    let tone = if s.alive >= s.min_alive { Tone::Good } else { Tone::Bad };
    let quorum = if s.min_alive < s.targets { format!(" (needed {})", s.min_alive) } else { String::new() };
    let unresolved =
        if s.unresolved > 0 { format!(", {} not resolve", count_verb(s.unresolved, "name does", "names do")) } else { String::new() };
    doc.line(format!("{}: {} alive, {} dead{unresolved}{quorum}", count(s.targets, "target"), s.alive, s.dead), tone);
    doc
}

fn status_tone(s: Status) -> Tone {
    match s {
        Status::Ok => Tone::Good,
        Status::NoData => Tone::Dim,
        _ => Tone::Bad,
    }
}

fn answer_text(a: &ServerAnswer, with_types: bool) -> String {
    if a.records.is_empty() {
        // The status column already names the outcome; add only what it does not say.
        return match &a.error {
            Some(e) if with_types => e.clone(),
            Some(e) => format!("{}: {e}", a.status.as_str()),
            None if with_types => String::new(),
            None => a.status.as_str().to_string(),
        };
    }
    a.records
        .iter()
        .map(|r| if with_types { format!("{} {} (ttl {})", r.rtype, r.data, r.ttl) } else { r.data.clone() })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn dns(r: &DnsReport) -> Doc {
    let mut doc = Doc::new(format!("DNS: {} against {}", count(r.summary.lookups, "lookup"), r.servers.join(", ")));
    if r.servers.len() == 1 {
        let rows = r
            .lookups
            .iter()
            .map(|l| {
                let a = &l.answers[0];
                vec![
                    Cell::from(l.name.clone()),
                    Cell::from(l.rtype.clone()),
                    Cell::new(a.status.as_str(), status_tone(a.status)),
                    Cell::from(answer_text(a, true)),
                    Cell::from(ms(a.time_ms)),
                ]
            })
            .collect();
        doc.table(&["name", "type", "status", "answer", "time"], rows);
    } else {
        let mut headers = vec!["name", "type"];
        headers.extend(r.servers.iter().map(String::as_str));
        headers.push("agree");
        let rows = r
            .lookups
            .iter()
            .map(|l| {
                let mut row = vec![Cell::from(l.name.clone()), Cell::from(l.rtype.clone())];
                for a in &l.answers {
                    row.push(Cell::new(
                        format!("{}\n{}", answer_text(a, false), ms(a.time_ms)),
                        if l.agree { status_tone(a.status) } else { Tone::Warn },
                    ));
                }
                row.push(if l.agree { Cell::new("yes", Tone::Good) } else { Cell::new("NO", Tone::Bad) });
                row
            })
            .collect();
        doc.table(&headers, rows);
    }
    let s = &r.summary;
    let tone = if s.failed == 0 && s.no_data == 0 && s.disagreements == 0 { Tone::Good } else { Tone::Bad };
    let mut line =
        format!("{}: {} resolved, {} without records of the type, {} failed", count(s.lookups, "lookup"), s.resolved, s.no_data, s.failed);
    if r.servers.len() > 1 {
        let _ = write!(line, ", {} where servers disagree", s.disagreements);
    } else if let Some(server) = r.servers.first() {
        let _ = write!(line, " (asked {server})");
    }
    doc.line(line, tone);
    doc
}

fn state_tone(s: PortState) -> Tone {
    match s {
        PortState::Open => Tone::Good,
        PortState::Closed | PortState::Error => Tone::Bad,
        PortState::Filtered => Tone::Warn,
    }
}

fn tls_summary(t: &TlsReport) -> Cell {
    if t.ok {
        Cell::new(format!("ok, {}, {} days left", t.protocol.clone().unwrap_or_default(), t.days_left.unwrap_or(0)), Tone::Good)
    } else {
        Cell::new(format!("FAIL: {}", t.problems.join("; ")), Tone::Bad)
    }
}

/// The certificate's details as fields.
pub fn tls_fields(title: String, t: &TlsReport) -> Block {
    let yes_no = |b: bool| if b { Cell::new("yes", Tone::Good) } else { Cell::new("no", Tone::Bad) };
    let opt = |o: &Option<String>| Cell::from(o.clone().unwrap_or_else(|| "-".into()));
    let days = t.days_left.map_or(Cell::from("-"), |d| {
        Cell::new(d.to_string(), if t.problems.iter().any(|p| p.contains("expire")) { Tone::Bad } else { Tone::Plain })
    });
    Block::Fields {
        title,
        fields: vec![
            ("protocol".into(), opt(&t.protocol)),
            ("cipher".into(), opt(&t.cipher)),
            ("subject".into(), opt(&t.subject)),
            ("issuer".into(), opt(&t.issuer)),
            ("names (SAN)".into(), Cell::from(if t.sans.is_empty() { "-".to_string() } else { t.sans.join(", ") })),
            ("valid from".into(), opt(&t.not_before)),
            ("valid until".into(), opt(&t.not_after)),
            ("days left".into(), days),
            (format!("matches {}", t.server_name), yes_no(t.name_matches)),
            ("chain trusted".into(), yes_no(t.chain_verified)),
        ],
    }
}

pub fn port(r: &PortReport) -> Doc {
    let total = r.summary.open + r.summary.closed + r.summary.filtered + r.summary.error;
    let mut doc = Doc::new(format!("TCP ports: {} checked on {}", count(total, "port"), count(r.hosts.len(), "host")));
    let any_tls = r.hosts.iter().flat_map(|h| &h.ports).any(|p| p.tls.is_some());
    let mut rows = Vec::new();
    let mut details = Vec::new();
    let mut not_shown = Vec::new();
    for h in &r.hosts {
        let addr = h.address.to_string();
        let host = if h.target == addr { addr.clone() } else { format!("{} ({addr})", h.target) };
        // Like nmap: a host's closed ports beyond a handful are a count, not rows.
        let hide_closed = !r.list_closed && h.counts.closed > port::CLOSED_ROWS_SHOWN;
        if hide_closed {
            not_shown.push(format!("Not shown: {} on {host} (--all lists them)", count(h.counts.closed, "closed port")));
        }
        for p in h.ports.iter().filter(|p| !(hide_closed && p.state == PortState::Closed)) {
            let mut row = vec![
                Cell::from(host.clone()),
                Cell::from(p.port.to_string()),
                match (&p.error, p.state) {
                    (Some(e), PortState::Error) => Cell::new(format!("error: {e}"), state_tone(p.state)),
                    _ => Cell::new(p.state.as_str(), state_tone(p.state)),
                },
                Cell::from(p.time_ms.map(ms).unwrap_or_default()),
            ];
            if any_tls {
                row.push(p.tls.as_deref().map_or(Cell::from(""), tls_summary));
            }
            rows.push(row);
            if let Some(t) = &p.tls {
                details.push(tls_fields(format!("Certificate on {host} port {}", p.port), t));
            }
        }
    }
    let mut headers = vec!["host", "port", "state", "time"];
    if any_tls {
        headers.push("tls");
    }
    for u in &r.unresolved {
        let mut row = vec![Cell::from(u.name.clone()), Cell::from("-"), Cell::new(u.reason.clone(), Tone::Bad), Cell::from("")];
        if any_tls {
            row.push(Cell::from(""));
        }
        rows.push(row);
    }
    if rows.is_empty() {
        doc.line("no open port found", Tone::Bad);
    } else {
        doc.table(&headers, rows);
    }
    for line in not_shown {
        doc.line(line, Tone::Dim);
    }
    doc.blocks.extend(details);
    let s = &r.summary;
    let mut line = format!("{}: {} open, {} closed, {} filtered", count(total, "port"), s.open, s.closed, s.filtered);
    if s.error > 0 {
        let _ = write!(line, ", {}", count(s.error, "error"));
    }
    if s.tls_failed > 0 {
        let _ = write!(line, ", {} failed the TLS check", s.tls_failed);
    }
    if !r.unresolved.is_empty() {
        let _ = write!(line, "; {} not resolve", count_verb(r.unresolved.len(), "name does", "names do"));
    }
    if r.open_only {
        line.push_str(" (listing open ports only)");
    }
    let ok = r.unresolved.is_empty() && if r.open_only { s.open > 0 } else { s.open == total && s.tls_failed == 0 };
    doc.line(line, if ok { Tone::Good } else { Tone::Bad });
    doc
}

pub fn check(r: &CheckReport) -> Doc {
    let target = match r.port {
        Some(p) => format!("{}:{p}", r.host),
        None => r.host.clone(),
    };
    let mut doc = Doc::new(format!("Reachability of {target}"));
    let rows = r
        .layers
        .iter()
        .map(|l| {
            let (text, tone) = match l.status {
                LayerStatus::Ok => ("ok", Tone::Good),
                LayerStatus::Failed => ("FAILED", Tone::Bad),
                LayerStatus::Warning => ("warning", Tone::Warn),
                LayerStatus::Skipped => ("skipped", Tone::Dim),
            };
            vec![
                Cell::from(l.layer),
                Cell::new(text, tone),
                Cell::from(l.detail.clone()),
                Cell::from(l.time_ms.map(ms).unwrap_or_default()),
            ]
        })
        .collect();
    doc.table(&["layer", "status", "detail", "time"], rows);
    let v = &r.verdict;
    let verdict = match v.failed_layer {
        Some(layer) => format!("Verdict: {} (failed at {layer})", v.message),
        None => format!("Verdict: {}", v.message),
    };
    doc.line(verdict, if v.ok { Tone::Good } else { Tone::Bad });
    if let Some(n) = &v.next_step {
        doc.line(format!("Next: {n}"), Tone::Plain);
    }
    doc
}
