//! `account onboard -f hires.csv`: bulk creation from a CSV file. The whole file is
//! checked first (columns, values, duplicates, the template's placeholders), and every
//! bad row is named by its line before anything is created. Then each row goes through
//! `create`; rows already created are "exists", so a rerun after a failure completes
//! the batch without duplicates. Each temporary password is handed to the caller's
//! sink as soon as it is set, so an interrupted run loses none.

use super::audit::Audit;
use super::create::{self, CreateReport, NewAccount};
use super::directory::{Directory, Profile, Secret};
use super::flavor::Flavor;
use super::template::{Template, check_login, check_mail, check_value};
use crate::error::{CommandError, ErrorKind, Result};
use crate::{Outcome, Progress};
use serde::Serialize;
use std::collections::BTreeMap;

/// One valid row.
#[derive(Debug, Clone)]
pub struct Row {
    /// The line in the file (1 = the header).
    pub line: usize,
    pub account: NewAccount,
}

/// Splits CSV text (RFC 4180: quotes, doubled quotes, commas and newlines inside quotes;
/// CRLF or LF; a BOM) into records with the line each starts on.
pub fn parse_csv(text: &str) -> std::result::Result<Vec<(usize, Vec<String>)>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut field = String::new();
    let mut record: Vec<String> = Vec::new();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                quoted = true;
                any = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                any = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if any || !field.is_empty() {
                    record.push(std::mem::take(&mut field));
                    records.push((start, std::mem::take(&mut record)));
                }
                any = false;
                line += 1;
                start = line;
            }
            c => {
                field.push(c);
                any = true;
            }
        }
    }
    if quoted {
        return Err(format!("line {start}: a quoted field is not closed"));
    }
    if any || !field.is_empty() {
        record.push(field);
        records.push((start, record));
    }
    Ok(records)
}

/// The column a header names, with the usual spellings.
fn canonical(header: &str) -> String {
    let h = header.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    match h.as_str() {
        "first" | "first_name" | "firstname" | "given" | "givenname" | "given_name" => "first".into(),
        "last" | "last_name" | "lastname" | "surname" | "sn" | "family_name" => "last".into(),
        "login" | "username" | "user" | "uid" | "samaccountname" => "login".into(),
        "mail" | "email" | "e_mail" => "mail".into(),
        "copy_from" | "copy" | "like" => "copy_from".into(),
        _ => h,
    }
}

/// Reads and checks the whole file; `Err` lists every bad row by its line.
pub fn read_rows(text: &str, file: &str, template: &Template) -> Result<Vec<Row>> {
    let bad = |msg: String| CommandError::usage(msg).with_hint("fix the file and run it again: nothing was created");
    let records = parse_csv(text).map_err(|e| bad(format!("{file}: {e}")))?;
    let Some(((_, header), rows)) = records.split_first() else {
        return Err(bad(format!("{file} is empty: it needs a header row (first,last[,login][,mail]...) and one row per hire")));
    };
    let columns: Vec<String> = header.iter().map(|h| canonical(h)).collect();
    let mut errors: Vec<String> = Vec::new();
    for need in ["first", "last"] {
        if !columns.iter().any(|c| c == need) {
            errors.push(format!("line 1: no '{need}' column (the header has: {})", header.join(", ")));
        }
    }
    if let Some(dup) = columns.iter().enumerate().find(|(i, c)| columns[..*i].contains(c)) {
        errors.push(format!("line 1: the column '{}' is there twice", dup.1));
    }
    let builtin = ["first", "last", "login", "mail", "domain", "next_uid"];
    for p in template.placeholders() {
        if !builtin.contains(&p.as_str()) && !columns.contains(&p) {
            errors.push(format!("line 1: the template uses {{{p}}}, and the file has no '{p}' column"));
        }
    }
    if !errors.is_empty() {
        return Err(bad(format!("{file} cannot be used:\n  {}", errors.join("\n  "))));
    }
    let mut out = Vec::new();
    let mut seen_login: BTreeMap<String, usize> = BTreeMap::new();
    let mut seen_name: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (line, fields) in rows {
        let line = *line;
        if fields.len() != columns.len() {
            errors.push(format!("line {line}: {} fields, the header has {}", fields.len(), columns.len()));
            continue;
        }
        let mut values: BTreeMap<String, String> = BTreeMap::new();
        let mut row_errors = Vec::new();
        for (c, v) in columns.iter().zip(fields) {
            let v = v.trim();
            if v.chars().any(char::is_control) {
                row_errors.push(format!("{c} has a control character"));
            } else if v.chars().count() > 256 {
                row_errors.push(format!("{c} is longer than 256 characters"));
            }
            values.insert(c.clone(), v.to_string());
        }
        for part in ["first", "last"] {
            if let Err(e) = check_value(part, &values[part]) {
                row_errors.push(e);
            }
        }
        let login = values.remove("login").filter(|l| !l.is_empty());
        if let Some(l) = &login
            && let Err(e) = check_login(l)
        {
            row_errors.push(e);
        }
        let mail = values.remove("mail").filter(|m| !m.is_empty());
        if let Some(m) = &mail
            && let Err(e) = check_mail(m)
        {
            row_errors.push(e);
        }
        if let Some(l) = &login {
            if let Some(first) = seen_login.insert(l.to_ascii_lowercase(), line) {
                row_errors.push(format!("the login {l} is on line {first} too"));
            }
        } else {
            let key = (values["first"].to_lowercase(), values["last"].to_lowercase());
            if let Some(first) = seen_name.insert(key, line) {
                row_errors
                    .push(format!("{} {} is on line {first} too (give each a login to tell them apart)", values["first"], values["last"]));
            }
        }
        if !row_errors.is_empty() {
            errors.push(format!("line {line}: {}", row_errors.join("; ")));
            continue;
        }
        let copy_from = values.remove("copy_from").filter(|c| !c.is_empty());
        let first = values.remove("first").unwrap_or_default();
        let last = values.remove("last").unwrap_or_default();
        out.push(Row { line, account: NewAccount { login, first, last, mail, extra: values, copy_from } });
    }
    if !errors.is_empty() {
        let n = errors.len();
        return Err(bad(format!("{file}: {n} bad row(s), nothing was created:\n  {}", errors.join("\n  "))));
    }
    if out.is_empty() {
        return Err(bad(format!("{file} has a header but no rows")));
    }
    Ok(out)
}

/// One row's outcome.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OnboardItem {
    pub line: usize,
    #[serde(flatten)]
    pub report: CreateReport,
}

#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct OnboardSummary {
    pub rows: usize,
    pub created: usize,
    pub existed: usize,
    pub failed: usize,
    pub not_done: usize,
    /// Rows whose add (or password) was sent and got no answer: created or not, the
    /// rerun (or `account show`) tells.
    pub unknown: usize,
    /// Rows created whose groups were not all joined (counted in `created` too, so the
    /// counts add up to `rows`; `account group add` joins the rest).
    pub groups_failed: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OnboardReport {
    pub file: String,
    pub dry_run: bool,
    pub directory: String,
    /// Where the temporary passwords are (`None` on a dry run or when none was set).
    pub passwords: Option<String>,
    pub items: Vec<OnboardItem>,
    pub summary: OnboardSummary,
}

/// Rows created at once: enough to keep a directory busy, few enough for its limits.
const IN_FLIGHT: usize = 8;

/// Lookups of existing logins per search.
const LOOKUP_CHUNK: usize = 100;

/// What became of one row while planning.
enum Plan {
    New(create::Planned),
    Done(CreateReport),
}

/// Plans every row: logins (given, or made with the collision rule) checked against
/// the directory in a few batched searches, uidNumbers handed out in order, groups
/// (the template's and the colleague's).
async fn plan_rows<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    template: &Template,
    rows: &[Row],
    dry_run: bool,
) -> Result<Vec<Plan>> {
    use super::escape::filter_value;
    let attr = &profile.login_attribute;
    let values: Vec<BTreeMap<String, String>> = rows.iter().map(|r| create::base_values(profile, &r.account)).collect();
    let bases: Vec<std::result::Result<String, String>> = rows
        .iter()
        .zip(&values)
        .map(|(r, v)| match &r.account.login {
            Some(l) => Ok(l.clone()),
            None => super::template::derive_login(template.login.as_deref(), v),
        })
        .collect();
    // Every entry whose login is one of ours, or starts like a derived one.
    let mut existing: BTreeMap<String, super::directory::Entry> = BTreeMap::new();
    let terms: Vec<String> = rows
        .iter()
        .zip(&bases)
        .filter_map(|(r, b)| {
            let b = b.as_ref().ok()?;
            Some(if r.account.login.is_some() { format!("({attr}={})", filter_value(b)) } else { format!("({attr}={}*)", filter_value(b)) })
        })
        .collect();
    for chunk in terms.chunks(LOOKUP_CHUNK) {
        let filter = format!("(|{})", chunk.concat());
        for e in dir.search(&profile.base_dn, super::directory::Scope::Subtree, &filter, &[attr.as_str(), "givenName", "sn"]).await? {
            if let Some(l) = e.first(attr) {
                existing.insert(l.to_ascii_lowercase(), e.clone());
            }
        }
    }
    let uses_uid = template.placeholders().iter().any(|p| p == "next_uid");
    let mut next_uid: Option<u64> = None;
    let mut colleagues: std::collections::HashMap<String, std::result::Result<Vec<String>, String>> = std::collections::HashMap::new();
    let mut taken: Vec<String> = Vec::new();
    let mut plans = Vec::with_capacity(rows.len());
    for ((row, mut v), base) in rows.iter().zip(values).zip(bases) {
        let name = row.account.login.clone().unwrap_or_else(|| format!("{} {}", row.account.first, row.account.last));
        let base = match base {
            Ok(b) => b,
            Err(why) => {
                plans.push(Plan::Done(CreateReport::failed(&name, "failed", why)));
                continue;
            }
        };
        let mut chosen: std::result::Result<String, CreateReport> =
            Err(CreateReport::failed(&name, "failed", format!("no free login from {base} to {base}99")));
        let candidates: Vec<String> = if row.account.login.is_some() {
            vec![base.clone()]
        } else {
            (1..=99).map(|n| if n == 1 { base.clone() } else { format!("{base}{n}") }).collect()
        };
        for cand in candidates {
            if taken.contains(&cand) {
                continue;
            }
            match existing.get(&cand.to_ascii_lowercase()) {
                None => {
                    chosen = Ok(cand);
                    break;
                }
                Some(e) if create::same_person(e, &row.account) => {
                    let mut r = CreateReport::failed(&cand, "exists", "already there for this person: nothing done".into());
                    r.dn.clone_from(&e.dn);
                    r.dry_run = dry_run;
                    chosen = Err(r);
                    break;
                }
                Some(e) if row.account.login.is_some() => {
                    chosen = Err(CreateReport::failed(&cand, "failed", format!("the login {cand} is taken by {}", e.dn)));
                }
                Some(_) => {}
            }
        }
        let login = match chosen {
            Ok(l) => l,
            Err(r) => {
                plans.push(Plan::Done(r));
                continue;
            }
        };
        taken.push(login.clone());
        v.insert("login".into(), login.clone());
        if uses_uid {
            let uid = match next_uid {
                Some(u) => u,
                None => create::next_free_uid(dir, profile, u64::from(template.uid_start.unwrap_or(10_000))).await?,
            };
            next_uid = Some(uid + 1);
            v.insert("next_uid".into(), uid.to_string());
        }
        let mut planned = match create::build(profile, flavor, template, &v) {
            Ok(p) => p,
            Err(e) => {
                plans.push(Plan::Done(CreateReport::failed(&login, "failed", e.message)));
                continue;
            }
        };
        if let Some(colleague) = &row.account.copy_from {
            // Looked up once per colleague: a whole team often copies the same one.
            if !colleagues.contains_key(colleague) {
                let found = match super::resolve::resolve(dir, profile, colleague, flavor.status_attributes()).await? {
                    Ok(entry) => Ok(create::group_dns_of(dir, profile, flavor, &entry).await?),
                    Err(why) => Err(format!("copy_from: {}", why.message(colleague))),
                };
                colleagues.insert(colleague.clone(), found);
            }
            match &colleagues[colleague] {
                Ok(dns) => create::merge_groups(&mut planned.groups, dns.clone()),
                Err(why) => {
                    plans.push(Plan::Done(CreateReport::failed(&login, "failed", why.clone())));
                    continue;
                }
            }
        }
        plans.push(Plan::New(planned));
    }
    Ok(plans)
}

/// Creates the rows: planned first (logins, uids), then added a few at a time, then
/// the groups joined in one pipelined batch per group list. `deliver` receives each
/// new password as soon as it is set.
#[allow(clippy::too_many_arguments)]
pub async fn run<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    template: &Template,
    rows: &[Row],
    dry_run: bool,
    audit: &Audit,
    progress: &dyn Progress,
    deliver: &mut dyn FnMut(&str, &Secret) -> Result<String>,
    interrupted: &dyn Fn() -> bool,
) -> (Vec<OnboardItem>, OnboardSummary, Outcome) {
    use futures::StreamExt as _;
    progress.set_length(rows.len() as u64);
    let mut summary = OnboardSummary { rows: rows.len(), ..OnboardSummary::default() };
    let plans = match plan_rows(dir, profile, flavor, template, rows, dry_run).await {
        Ok(p) => p,
        Err(e) => {
            // Only reads so far: nothing was sent.
            let result = if e.is_lost() { "not done" } else { "failed" };
            let items: Vec<OnboardItem> = rows
                .iter()
                .map(|r| {
                    let name = r.account.login.clone().unwrap_or_else(|| format!("{} {}", r.account.first, r.account.last));
                    OnboardItem { line: r.line, report: CreateReport::failed(&name, result, e.message.clone()) }
                })
                .collect();
            if result == "not done" {
                summary.not_done = rows.len();
            } else {
                summary.failed = rows.len();
            }
            let outcome = if result == "not done" { Outcome::Incomplete } else { Outcome::CheckFailed };
            return (items, summary, outcome);
        }
    };
    let min = match plans.iter().find_map(|p| if let Plan::New(p) = p { Some(p) } else { None }) {
        Some(p) if !dry_run => create::min_length(dir, profile, flavor, p).await.unwrap_or(16),
        _ => 16,
    };
    let gone = std::sync::atomic::AtomicBool::new(false);
    let stop = || gone.load(std::sync::atomic::Ordering::Relaxed) || interrupted();
    let results: Vec<(CreateReport, Option<Secret>, Vec<String>)> = futures::stream::iter(plans)
        .map(|plan| {
            let (gone, stop) = (&gone, &stop);
            async move {
                match plan {
                    Plan::Done(r) => (r, None, vec![]),
                    Plan::New(p) if dry_run => (create::planned_report(&p, true), None, vec![]),
                    Plan::New(p) if stop() => {
                        let why = if interrupted() { "interrupted before this row" } else { "the directory went away before this row" };
                        (CreateReport::failed(&p.login, "not done", why.into()), None, vec![])
                    }
                    Plan::New(p) => match create::add(dir, flavor, &p, min, audit).await {
                        Ok((r, secret)) => {
                            if matches!(r.result.as_str(), "not done" | "unknown") {
                                gone.store(true, std::sync::atomic::Ordering::Relaxed);
                            }
                            let groups = if secret.is_some() { p.groups.clone() } else { vec![] };
                            (r, secret, groups)
                        }
                        Err(e) => {
                            if e.is_lost() {
                                gone.store(true, std::sync::atomic::Ordering::Relaxed);
                                let result = if e.kind == ErrorKind::Unanswered { "unknown" } else { "not done" };
                                (CreateReport::failed(&p.login, result, e.message), None, vec![])
                            } else {
                                let hint = e.hint.map(|h| format!(" ({h})")).unwrap_or_default();
                                (CreateReport::failed(&p.login, "failed", format!("{}{hint}", e.message)), None, vec![])
                            }
                        }
                    },
                }
            }
        })
        .buffered(IN_FLIGHT)
        .collect()
        .await;
    // Hand the passwords over, in row order.
    let mut reports: Vec<(CreateReport, Vec<String>)> = Vec::with_capacity(results.len());
    let mut writable = true;
    for (mut report, secret, groups) in results {
        if let Some(secret) = secret {
            if writable {
                match deliver(&report.login, &secret) {
                    Ok(to) => report.delivered_to = Some(to),
                    Err(e) => {
                        writable = false;
                        report.detail = Some(format!("created, but the password could not be written: {}", e.message));
                    }
                }
            } else {
                report.detail = Some("created, but the password file could not be written: reset it".into());
            }
        }
        progress.inc(1);
        reports.push((report, groups));
    }
    // Groups: one pipelined batch per distinct group list.
    let mut lists: Vec<Vec<String>> = Vec::new();
    for (_, g) in &reports {
        if !g.is_empty() && !lists.contains(g) {
            lists.push(g.clone());
        }
    }
    for list in lists {
        let dns: Vec<String> = reports.iter().filter(|(_, g)| *g == list).map(|(r, _)| r.dn.clone()).collect();
        for (dn, results) in create::join_groups_each(dir, profile, flavor, &dns, &list, audit).await {
            if let Some((r, _)) = reports.iter_mut().find(|(r, _)| r.dn == dn) {
                r.groups = results;
            }
        }
    }
    let mut items = Vec::with_capacity(reports.len());
    for (row, (report, _)) in rows.iter().zip(reports) {
        match report.result.as_str() {
            "created" | "would create" => summary.created += 1,
            "exists" => summary.existed += 1,
            "not done" => summary.not_done += 1,
            "unknown" => summary.unknown += 1,
            _ => summary.failed += 1,
        }
        if report.result == "created" && report.groups.iter().any(|g| !g.result.is_ok()) {
            summary.groups_failed += 1;
        }
        items.push(OnboardItem { line: row.line, report });
    }
    let outcome = Outcome::of_batch(interrupted(), summary.unknown, summary.not_done, summary.failed == 0 && summary.groups_failed == 0);
    (items, summary, outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_lines() {
        let recs = parse_csv("\u{feff}first,last\r\n\"Jane\",\"Doe, Jr.\"\r\n\"Multi\nLine\",X\n\nA,\"say \"\"hi\"\"\"").unwrap();
        assert_eq!(recs[0], (1, vec!["first".to_string(), "last".to_string()]));
        assert_eq!(recs[1], (2, vec!["Jane".to_string(), "Doe, Jr.".to_string()]));
        assert_eq!(recs[2].0, 3);
        assert_eq!(recs[3], (6, vec!["A".to_string(), "say \"hi\"".to_string()]));
        assert!(parse_csv("a,\"b\n").is_err());
    }

    #[test]
    fn every_bad_row_is_named_first() {
        let t = Template::default();
        let text = "First Name,Surname,login,email\nJane,Doe,jdoe,jane@x.test\n,Empty,,\nBob,Bad,2bob,\nAl,Dup,jdoe,\nCy,Mail,,nomail\nToo,Few\nJohn,Roe,,\nJohn,Roe,,\n";
        let err = read_rows(text, "h.csv", &t).unwrap_err().message;
        for want in [
            "line 3: first is empty",
            "line 4: '2bob' is not a valid login",
            "line 5: the login jdoe is on line 2 too",
            "line 6: 'nomail' is not a mail address",
            "line 7: 2 fields, the header has 4",
            "line 9: John Roe is on line 8 too",
            "6 bad row(s)",
        ] {
            assert!(err.contains(want), "{want}: {err}");
        }
        let ok = read_rows("first,last,dept\nJane,Doe,IT\nJohn,Doe,HR\n", "h.csv", &t).unwrap();
        assert_eq!(ok[1].line, 3);
        assert_eq!(ok[1].account.extra["dept"], "HR");
        let templ: Template = serde_saphyr::from_str("attributes:\n  departmentNumber: '{dept}'\n").unwrap();
        assert!(read_rows("first,last\nA,B\n", "h.csv", &templ).unwrap_err().message.contains("{dept}"));
        assert!(read_rows("", "h.csv", &t).is_err());
        assert!(read_rows("last\nX\n", "h.csv", &t).unwrap_err().message.contains("no 'first' column"));
    }
}
