//! Table and Markdown views of the `account` reports.

use super::{Block, Cell, Doc, Tone, count};
use deskhand_commands::account::change::ChangeReport;
use deskhand_commands::account::find::FindReport;
use deskhand_commands::account::groups::GroupsReport;
use deskhand_commands::account::locked::{LeftOut, LockedReport};
use deskhand_commands::account::show::AccountStatus;
use std::fmt::Write as _;

fn yes_no(b: bool, bad_when: bool) -> Cell {
    let text = if b { "yes" } else { "no" };
    Cell::new(text, if b == bad_when { Tone::Bad } else { Tone::Plain })
}

fn opt(v: Option<&str>) -> Cell {
    Cell::from(v.unwrap_or("-"))
}

pub fn show(r: &AccountStatus) -> Doc {
    let mut doc = Doc::new(format!("Account {}", r.login));
    let s = &r.state;
    let lock = if s.lock.locked {
        Cell::new(
            match (&s.lock.since, &s.lock.until) {
                (Some(since), Some(until)) => format!("yes, since {since}, until {until}"),
                (Some(since), None) => format!("yes, since {since}, until an administrator unlocks"),
                _ => "yes".to_string(),
            },
            Tone::Bad,
        )
    } else {
        Cell::from("no")
    };
    let expires = match (&s.password_expires, s.password_expired) {
        (Some(t), true) => Cell::new(format!("{t} (expired)"), Tone::Bad),
        (Some(t), false) => Cell::from(t.clone()),
        (None, _) => Cell::from("never"),
    };
    let failures = if s.failures == 0 {
        Cell::from("0")
    } else {
        Cell::new(format!("{} (last {})", s.failures, s.last_failure.as_deref().unwrap_or("?")), Tone::Warn)
    };
    let mut fields = vec![
        ("DN".to_string(), Cell::from(r.dn.clone())),
        ("name".to_string(), opt(r.name.as_deref())),
        ("mail".to_string(), opt(r.mail.as_deref())),
        ("groups".to_string(), Cell::from(if r.groups.is_empty() { "-".to_string() } else { r.groups.join(", ") })),
        ("locked".to_string(), lock),
        ("disabled".to_string(), yes_no(s.disabled, true)),
        ("password changed".to_string(), opt(s.password_changed.as_deref())),
        ("password expires".to_string(), expires),
        ("must change at next logon".to_string(), if s.must_change { Cell::new("yes", Tone::Warn) } else { Cell::from("no") }),
        ("failed logins".to_string(), failures),
    ];
    if let Some(g) = s.grace_logins_left {
        fields.push(("grace logins left".to_string(), Cell::from(g.to_string())));
    }
    if let Some(e) = &s.account_expires {
        let text = match &s.account_expires_from {
            Some(from) => format!("{e} ({from})"),
            None => e.clone(),
        };
        fields.push(("account expires".to_string(), Cell::new(text, if s.account_expired { Tone::Bad } else { Tone::Plain })));
    }
    if let Some(from) = &s.last_logon_from {
        let when = s.last_logon.as_deref().unwrap_or("never");
        fields.push(("last logon".to_string(), Cell::from(format!("{when} ({from})"))));
    }
    if let Some(hours) = &s.logon_hours {
        let text = if s.outside_logon_hours { format!("{hours}: not now") } else { hours.clone() };
        fields.push(("logon hours".to_string(), Cell::new(text, if s.outside_logon_hours { Tone::Bad } else { Tone::Plain })));
    }
    if !s.workstations.is_empty() {
        fields.push(("logon workstations".to_string(), Cell::new(s.workstations.join(", "), Tone::Warn)));
    }
    if s.smartcard_required {
        fields.push(("smart card required".to_string(), Cell::new("yes: password sign-ins fail", Tone::Warn)));
    }
    if s.protected_users == Some(true) {
        fields.push(("Protected Users".to_string(), Cell::new("a member: no NTLM sign-ins where the DCs enforce it", Tone::Warn)));
    }
    doc.blocks.push(Block::Fields { title: format!("{} ({})", r.login, r.directory), fields });
    if let Some(servers) = &r.servers {
        let rows = servers
            .iter()
            .map(|v| {
                if let Some(e) = &v.error {
                    vec![Cell::from(v.server.clone()), Cell::new(format!("could not be asked: {e}"), Tone::Bad), opt(None), opt(None)]
                } else {
                    let locked = match (v.locked, &v.locked_since) {
                        (Some(true), Some(since)) => Cell::new(format!("yes, since {since}"), Tone::Bad),
                        (Some(true), None) => Cell::new("yes", Tone::Bad),
                        _ => Cell::from("no"),
                    };
                    let failures = v.failures.unwrap_or(0);
                    let failures = if failures == 0 {
                        Cell::from("0")
                    } else {
                        Cell::new(format!("{failures} (last {})", v.last_failure.as_deref().unwrap_or("?")), Tone::Warn)
                    };
                    let server = if v.pdc_emulator == Some(true) { format!("{} (PDC emulator)", v.server) } else { v.server.clone() };
                    vec![Cell::from(server), locked, failures, Cell::from(v.last_logon.as_deref().unwrap_or("never"))]
                }
            })
            .collect();
        doc.table(&["server", "locked", "failed logins", "last logon"], rows);
    }
    for note in &s.unreadable {
        doc.line(format!("unreadable value, the card may be wrong here: {note}"), Tone::Warn);
    }
    let verdict = if r.can_log_in {
        if r.reasons.is_empty() { "can log in: yes".to_string() } else { format!("can log in: yes, but {}", r.reasons.join("; ")) }
    } else {
        format!("can log in: no, because {}", r.reasons.join("; "))
    };
    doc.line(verdict, if r.can_log_in { Tone::Good } else { Tone::Bad });
    doc
}

pub fn find(r: &FindReport) -> Doc {
    let mut doc = Doc::new(format!("Accounts matching '{}'", r.query));
    if r.users.is_empty() {
        doc.line(format!("no account matches '{}'", r.query), Tone::Bad);
        return doc;
    }
    let rows = r
        .users
        .iter()
        .map(|u| vec![opt(u.login.as_deref()), opt(u.name.as_deref()), opt(u.mail.as_deref()), Cell::from(u.dn.clone())])
        .collect();
    doc.table(&["login", "name", "mail", "dn"], rows);
    doc.line(count(r.users.len(), "account"), Tone::Plain);
    doc
}

/// "2 disabled and 2 built-in left out; --all lists them", or nothing.
fn left_out_line(doc: &mut Doc, l: LeftOut) {
    let parts: Vec<String> = [(l.disabled, "disabled"), (l.builtin, "built-in")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    if !parts.is_empty() {
        doc.line(format!("{} left out; --all lists them", parts.join(" and ")), Tone::Dim);
    }
}

/// The list's mark for an account `--all` brought in.
fn login_cell(login: Option<&str>, disabled: bool, builtin: bool) -> Cell {
    let login = login.unwrap_or("-");
    match (builtin, disabled) {
        (true, _) => Cell::new(format!("{login} (built-in)"), Tone::Dim),
        (false, true) => Cell::new(format!("{login} (disabled)"), Tone::Dim),
        _ => Cell::from(login.to_string()),
    }
}

pub fn locked(r: &LockedReport) -> Doc {
    let mut doc = Doc::new(format!("Locked accounts in {}", r.directory));
    if r.accounts.is_empty() {
        doc.line("no account is locked", Tone::Good);
        left_out_line(&mut doc, r.left_out);
        return doc;
    }
    let rows = r
        .accounts
        .iter()
        .map(|a| {
            vec![
                login_cell(a.login.as_deref(), a.disabled, a.builtin),
                opt(a.since.as_deref()),
                Cell::from(a.until.clone().unwrap_or_else(|| "an administrator unlocks".into())),
                Cell::from(a.failures.to_string()),
                Cell::from(a.dn.clone()),
            ]
        })
        .collect();
    doc.table(&["login", "locked since", "until", "failures", "dn"], rows);
    doc.line(format!("{} locked", count(r.accounts.len(), "account")), Tone::Bad);
    left_out_line(&mut doc, r.left_out);
    doc
}

pub fn groups(r: &GroupsReport) -> Doc {
    let mut doc = Doc::new(format!("Groups of {}", r.login));
    if r.groups.is_empty() && r.inherited.is_empty() {
        doc.line(format!("{} is in no group", r.login), Tone::Plain);
    } else {
        let mut rows: Vec<Vec<Cell>> = r.groups.iter().map(|g| vec![Cell::from(g.clone()), Cell::from("direct")]).collect();
        rows.extend(r.inherited.iter().map(|g| {
            let how = if g.via.is_empty() { "inherited".to_string() } else { format!("inherited via {}", g.via.join(" > ")) };
            vec![Cell::from(g.name.clone()), Cell::new(how, Tone::Dim)]
        }));
        doc.table(&["group", "membership"], rows);
        doc.line(format!("{} direct, {} inherited ({})", count(r.groups.len(), "group"), r.inherited.len(), r.dn), Tone::Plain);
    }
    for note in &r.notes {
        doc.line(note.clone(), Tone::Warn);
    }
    doc
}

/// What an unknown count means, in every summary line that has one.
const UNKNOWN_NOTE: &str = "sent, no answer: applied or not, the rerun will settle it";

pub fn change(r: &ChangeReport) -> Doc {
    let title = if r.dry_run { format!("{} (dry run: nothing changed)", r.action) } else { r.action.clone() };
    let mut doc = Doc::new(format!("{title} in {}", r.directory));
    let with_group = r.items.iter().any(|i| i.group.is_some());
    let with_server = r.items.iter().any(|i| i.server.is_some());
    let rows: Vec<Vec<Cell>> = r
        .items
        .iter()
        .map(|i| {
            let tone = if i.result.is_ok() { Tone::Good } else { Tone::Bad };
            let mut changes: Vec<String> = i.changes.iter().map(ToString::to_string).collect();
            if i.relax {
                changes.push("(with the Relax Rules control)".into());
            }
            let mut row = Vec::new();
            if with_server {
                row.push(Cell::from(i.server.clone().unwrap_or_default()));
            }
            row.push(Cell::from(i.user.clone()));
            if with_group {
                row.push(Cell::from(i.group.clone().unwrap_or_default()));
            }
            row.extend([
                Cell::new(i.status.to_string(), tone),
                Cell::from(changes.join("\n")),
                Cell::from(i.detail.clone().or_else(|| i.dn.clone()).unwrap_or_default()),
            ]);
            row
        })
        .collect();
    let mut headers: Vec<&str> = Vec::new();
    if with_server {
        headers.push("server");
    }
    headers.push("user");
    if with_group {
        headers.push("group");
    }
    headers.extend(["result", "changes", "detail"]);
    let s = &r.summary;
    if r.listed == "exceptions" {
        doc.line(
            format!("{}: listing only the {} that need a look (--output json lists every item)", count(s.items, "item"), rows.len()),
            Tone::Plain,
        );
    }
    if !rows.is_empty() {
        doc.table(&headers, rows);
    }
    let verb = if r.dry_run { "would change" } else { "changed" };
    let mut line = format!("{}: {} {verb}, {} unchanged, {} failed", count(s.items, "item"), s.changed, s.unchanged, s.failed);
    if s.not_done > 0 {
        let _ = write!(line, ", {} not done (stopped before them: run the same command again)", s.not_done);
    }
    if s.unknown > 0 {
        let _ = write!(line, ", {} unknown ({UNKNOWN_NOTE})", s.unknown);
    }
    doc.line(line, if s.failed == 0 && s.not_done == 0 && s.unknown == 0 { Tone::Good } else { Tone::Bad });
    doc
}

pub fn expiry(r: &deskhand_commands::account::locked::ExpiryReport) -> Doc {
    let title = match r.within_days {
        Some(n) => format!("Passwords expiring within {n} days in {}", r.directory),
        None => format!("Expired passwords in {}", r.directory),
    };
    let mut doc = Doc::new(title);
    if r.accounts.is_empty() {
        doc.line("none", Tone::Good);
        left_out_line(&mut doc, r.left_out);
        return doc;
    }
    let rows = r
        .accounts
        .iter()
        .map(|a| {
            let left = if a.days_left < 0 {
                Cell::new(format!("expired {} days ago", -a.days_left), Tone::Bad)
            } else {
                Cell::new(a.days_left.to_string(), Tone::Warn)
            };
            vec![
                login_cell(a.login.as_deref(), a.disabled, a.builtin),
                opt(a.expires.as_deref()),
                left,
                Cell::from(a.grace_logins_left.map_or("-".into(), |g| g.to_string())),
                Cell::from(a.dn.clone()),
            ]
        })
        .collect();
    doc.table(&["login", "expires", "days left", "grace logins", "dn"], rows);
    doc.line(count(r.accounts.len(), "account"), Tone::Warn);
    left_out_line(&mut doc, r.left_out);
    doc
}

pub fn reset(batch: &deskhand_commands::account::reset::ResetBatch) -> Doc {
    let mut doc = Doc::new(if batch.items.len() == 1 {
        format!("Password reset for {}", batch.items[0].user)
    } else {
        format!("Password reset for {}", count(batch.items.len(), "account"))
    });
    if let [r] = batch.items.as_slice() {
        let mut fields = vec![
            ("DN".to_string(), Cell::from(r.dn.clone())),
            ("password".to_string(), Cell::from(if r.generated { "generated" } else { "given" })),
            ("must change at next logon".to_string(), Cell::from("yes")),
            ("unlocked".to_string(), Cell::from(if r.unlocked { "yes" } else { "no" })),
            ("changes".to_string(), Cell::from(r.changes.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))),
        ];
        if let Some(d) = &r.delivered_to {
            fields.push(("password delivered to".to_string(), Cell::from(d.clone())));
        }
        doc.blocks.push(Block::Fields { title: r.user.clone(), fields });
        if let Some(d) = &r.detail {
            doc.line(d.clone(), Tone::Bad);
        }
        let text = if batch.dry_run { "dry run: nothing changed".to_string() } else { format!("{}: {}", r.user, r.result) };
        doc.line(
            text,
            if r.detail.is_some() {
                Tone::Bad
            } else if batch.dry_run {
                Tone::Plain
            } else {
                Tone::Good
            },
        );
        return doc;
    }
    let rows = batch
        .items
        .iter()
        .map(|r| {
            let ok = r.detail.is_none();
            vec![
                Cell::from(r.user.clone()),
                Cell::new(r.result.clone(), if ok { Tone::Good } else { Tone::Bad }),
                Cell::from(if r.unlocked { "yes" } else { "no" }),
                Cell::from(r.delivered_to.clone().unwrap_or_default()),
                Cell::from(r.detail.clone().unwrap_or_else(|| r.dn.clone())),
            ]
        })
        .collect();
    doc.table(&["user", "result", "unlocked", "password", "detail"], rows);
    let done = batch.items.iter().filter(|r| r.detail.is_none()).count();
    let verb = if batch.dry_run { "would be reset" } else { "reset" };
    doc.line(
        format!("{} of {} {verb}", done, count(batch.items.len(), "account")),
        if done == batch.items.len() { Tone::Good } else { Tone::Bad },
    );
    doc
}

pub fn create(r: &deskhand_commands::account::create::CreateReport) -> Doc {
    let title = if r.dry_run { format!("Create {} (dry run: nothing changed)", r.login) } else { format!("Create {}", r.login) };
    let mut doc = Doc::new(title);
    let tone = if r.is_ok() { Tone::Good } else { Tone::Bad };
    let mut fields = vec![("result".to_string(), Cell::new(r.result.clone(), tone)), ("DN".to_string(), Cell::from(r.dn.clone()))];
    for (k, v) in &r.attributes {
        fields.push((k.clone(), Cell::from(v.join(", "))));
    }
    if let Some(d) = &r.detail {
        fields.push(("detail".to_string(), Cell::new(d.clone(), tone)));
    }
    if let Some(to) = &r.delivered_to {
        fields.push(("temporary password".to_string(), Cell::from(format!("delivered to the {to}; must be changed at the first logon"))));
    }
    doc.blocks.push(Block::Fields { title: r.login.clone(), fields });
    if !r.groups.is_empty() {
        let rows = r
            .groups
            .iter()
            .map(|g| {
                let tone = if g.result.is_ok() { Tone::Good } else { Tone::Bad };
                vec![Cell::from(g.group.clone()), Cell::new(g.detail.clone().unwrap_or_default(), tone)]
            })
            .collect();
        doc.table(&["group", "result"], rows);
    }
    // The verdict, last: what a runbook step's summary shows.
    let joined = r.groups.iter().filter(|g| g.result.is_ok()).count();
    let mut line = format!("{} {}", r.login, r.result);
    if !r.groups.is_empty() {
        let _ = write!(line, "; {joined} of {} group(s) {}", r.groups.len(), if r.dry_run { "to join" } else { "joined" });
    }
    if r.must_change && r.delivered_to.is_some() {
        line.push_str("; the temporary password must be changed at the first logon");
    }
    doc.line(line, tone);
    doc
}

pub fn onboard(r: &deskhand_commands::account::onboard::OnboardReport) -> Doc {
    let title = if r.dry_run { format!("Onboard {} (dry run: nothing changed)", r.file) } else { format!("Onboard {}", r.file) };
    let mut doc = Doc::new(title);
    let rows = r
        .items
        .iter()
        .map(|i| {
            let tone = if i.report.is_ok() { Tone::Good } else { Tone::Bad };
            let groups =
                i.report.groups.iter().map(|g| deskhand_commands::account::escape::rdn_of(&g.group).to_string()).collect::<Vec<_>>();
            vec![
                Cell::from(i.line.to_string()),
                Cell::from(i.report.login.clone()),
                Cell::new(i.report.result.clone(), tone),
                Cell::from(groups.join(", ")),
                Cell::from(i.report.detail.clone().unwrap_or_else(|| i.report.dn.clone())),
            ]
        })
        .collect();
    doc.table(&["line", "login", "result", "groups", "detail"], rows);
    let s = &r.summary;
    let verb = if r.dry_run { "would be created" } else { "created" };
    let mut line = format!("{}: {} {verb}, {} existed already, {} failed", count(s.rows, "row"), s.created, s.existed, s.failed);
    if s.groups_failed > 0 {
        let _ = write!(line, ", {} not in all their groups (see the groups column; join them with account group add)", s.groups_failed);
    }
    if s.not_done > 0 {
        let _ = write!(line, ", {} not done (run the same command again to finish)", s.not_done);
    }
    if s.unknown > 0 {
        let _ = write!(line, ", {} unknown ({UNKNOWN_NOTE}; account show tells whether each exists)", s.unknown);
    }
    if let Some(p) = &r.passwords {
        doc.line(format!("temporary passwords: {p} (mode 0600; hand them over, then delete the file)"), Tone::Warn);
    }
    // The counts last: they are the verdict (and a runbook step's summary).
    let good = s.failed == 0 && s.not_done == 0 && s.unknown == 0 && s.groups_failed == 0;
    doc.line(line, if good { Tone::Good } else { Tone::Bad });
    doc
}

pub fn offboard(r: &deskhand_commands::account::offboard::OffboardReport) -> Doc {
    let title = if r.dry_run { format!("{} (dry run: nothing changed)", r.login) } else { r.login.clone() };
    let mut doc = Doc::new(title);
    let rows = r
        .steps
        .iter()
        .map(|s| {
            let tone = match s.result.as_str() {
                "failed" | "not done" | "unknown" => Tone::Bad,
                "held back" => Tone::Warn,
                "unchanged" => Tone::Plain,
                _ => Tone::Good,
            };
            vec![Cell::from(s.step.clone()), Cell::new(s.result.clone(), tone), Cell::from(s.detail.clone().unwrap_or_default())]
        })
        .collect();
    doc.table(&["step", "result", "detail"], rows);
    if let Some(rec) = &r.record {
        doc.line(format!("undo record: {rec}"), Tone::Plain);
    }
    let (text, tone) = if r.dry_run {
        ("dry run: nothing was changed", Tone::Plain)
    } else if r.ok {
        ("all steps done", Tone::Good)
    } else if r.steps.iter().all(|s| matches!(s.result.as_str(), "done" | "unchanged" | "held back")) {
        ("done, except what is held back: run offboard again once the group has another member", Tone::Warn)
    } else {
        ("some steps failed: run it again to finish", Tone::Bad)
    };
    doc.line(text, tone);
    doc
}
