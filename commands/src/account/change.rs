//! The engine behind every changing `account` verb (unlock, disable, enable, group add
//! and remove): resolve each account, plan the exact modifications through the flavour
//! layer, show them (`--dry-run`) or apply them on the one connection, pipelined, and
//! report per item. Idempotent by construction: a plan of "nothing to do" is a success
//! ("already unlocked"); a rerun after a failure finishes the job.

use super::audit::Audit;
use super::directory::{Change, Directory, Entry, Profile, Scope};
use super::escape::filter_value;
use super::flavor::Flavor;
use super::resolve::{Unresolved, resolve_many};
use crate::error::ErrorKind;
use crate::{Outcome, Progress};
use futures::StreamExt;
use serde::Serialize;

/// What to do to each account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Unlock,
    Disable,
    Enable,
    /// Add to the group of this name.
    GroupAdd(String),
    GroupRemove(String),
    /// Set the moment the account stops working (seconds since the epoch), or `None`: never.
    Expire(Option<i64>),
}

impl Action {
    pub fn name(&self) -> &'static str {
        match self {
            Self::Unlock => "unlock",
            Self::Disable => "disable",
            Self::Enable => "enable",
            Self::GroupAdd(_) => "group add",
            Self::GroupRemove(_) => "group remove",
            Self::Expire(_) => "expire",
        }
    }
}

/// What happened to one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemResult {
    Changed,
    /// Nothing to do: already in the wanted state.
    Unchanged,
    /// `--dry-run`: this is what would change.
    WouldChange,
    /// The flavour refuses this change for this account (e.g. unlocking a disabled one).
    Refused,
    NotFound,
    Ambiguous,
    Failed,
    /// Not attempted: the directory went away first.
    NotDone,
    /// Sent, and no answer came (the directory went away or the time ran out): it may or
    /// may not have been applied. A rerun settles it.
    Unknown,
}

/// The status of an item whose change got no answer.
pub const UNKNOWN_STATUS: &str = "sent, no answer: the rerun will settle it";

impl ItemResult {
    pub fn is_ok(self) -> bool {
        matches!(self, Self::Changed | Self::Unchanged | Self::WouldChange)
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ChangeItem {
    pub user: String,
    /// The group, for group changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The entry changed (the user's, or the group's).
    pub dn: Option<String>,
    pub result: ItemResult,
    /// In words, for people: "unlocked", "already a member"...
    pub status: std::borrow::Cow<'static, str>,
    pub changes: Vec<Change>,
    pub relax: bool,
    pub detail: Option<String>,
    /// With `--all-servers`: the server this item was done on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct ChangeSummary {
    pub items: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub not_done: usize,
    /// Sent, no answer: applied or not, nobody knows until a rerun.
    pub unknown: usize,
}

impl ChangeSummary {
    fn add(&mut self, o: &ChangeSummary) {
        self.items += o.items;
        self.changed += o.changed;
        self.unchanged += o.unchanged;
        self.failed += o.failed;
        self.not_done += o.not_done;
        self.unknown += o.unknown;
    }

    /// The outcome of a batch with these counts.
    pub fn outcome(&self) -> Outcome {
        Outcome::of_batch(interrupted(), self.unknown, self.not_done, self.failed == 0)
    }
}

/// The report of a changing verb.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ChangeReport {
    pub action: String,
    pub dry_run: bool,
    pub directory: String,
    pub items: Vec<ChangeItem>,
    /// Which items `items` holds: "all", or "exceptions" (those that need a look).
    #[serde(skip)]
    pub listed: &'static str,
    pub summary: ChangeSummary,
}

/// The plan for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Planned {
    /// Modify `target` (the user, or a group).
    Change {
        target: String,
        changes: Vec<Change>,
        relax: bool,
        done: &'static str,
        would: &'static str,
    },
    Unchanged(String),
    Refused(String),
}

/// Items in flight at once on the one connection.
const IN_FLIGHT: usize = 32;

/// What a changing verb is asked: these actions for each of these accounts.
#[derive(Debug, Clone, Copy)]
pub struct Batch<'a> {
    pub users: &'a [String],
    pub actions: &'a [Action],
    pub dry_run: bool,
    /// Which finished items the report keeps.
    pub keep: Keep,
}

/// Which finished items the report keeps in memory (the sink sees them all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    All,
    /// Only the items that need a look (a long batch on a terminal).
    Exceptions,
    /// None: the sink has written every item already (streamed JSON).
    Nothing,
}

/// Receives every finished item, in input order, as soon as its chunk is done: a long
/// batch is written out as it goes instead of held in memory.
pub trait ItemSink: Sync {
    fn item(&self, item: &ChangeItem);
}

/// A sink that does nothing.
pub struct NoSink;

impl ItemSink for NoSink {
    fn item(&self, _: &ChangeItem) {}
}

/// Set when the user presses Ctrl-C: a bulk change stops starting new items, and the
/// report says which were done.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn interrupted() -> bool {
    INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed)
}

/// The first chunk of logins a bulk change looks up; each next one is twice as long, up
/// to [`LAST_CHUNK`].
const FIRST_CHUNK: usize = 25;

/// The longest chunk: two are looked up ahead while a third is being changed, so this
/// bounds the entries held (a batch of 5,000 peaks where one of 500 does).
const LAST_CHUNK: usize = 100;

/// The batch in growing chunks: 25, 50, then 100 logins each.
fn ramp(users: &[String]) -> Vec<&[String]> {
    let mut out = Vec::new();
    let (mut rest, mut size) = (users, FIRST_CHUNK);
    while !rest.is_empty() {
        let (head, tail) = rest.split_at(size.min(rest.len()));
        out.push(head);
        rest = tail;
        size = (size * 2).min(LAST_CHUNK);
    }
    out
}

/// A chunk's logins looked up: `None` when the run has stopped (interrupted, or the
/// directory gone, which a lost connection here also marks), else the entries or why not.
async fn lookup<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    chunk: &[String],
    gone: &std::sync::atomic::AtomicBool,
) -> Option<std::result::Result<Vec<std::result::Result<Entry, super::resolve::Unresolved>>, String>> {
    if gone.load(std::sync::atomic::Ordering::Relaxed) || interrupted() {
        return None;
    }
    match resolve_many(dir, profile, chunk, flavor.status_attributes()).await {
        Ok(r) => Some(Ok(r)),
        Err(e) if e.is_lost() => {
            gone.store(true, std::sync::atomic::Ordering::Relaxed);
            None
        }
        Err(e) => Some(Err(e.one_line())),
    }
}

/// Runs one changing verb over many accounts (and, for groups, many groups).
pub async fn run<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    batch: Batch<'_>,
    audit: &Audit,
    progress: &dyn Progress,
    sink: &dyn ItemSink,
) -> (ChangeReport, Outcome) {
    let Batch { users, actions, dry_run, keep } = batch;
    progress.set_length((users.len() * actions.len()) as u64);
    let gone = std::sync::atomic::AtomicBool::new(false);
    let mut items: Vec<ChangeItem> = Vec::new();
    let mut summary = ChangeSummary::default();
    let mut emit = |item: ChangeItem| {
        summary.items += 1;
        match item.result {
            ItemResult::Changed | ItemResult::WouldChange => summary.changed += 1,
            ItemResult::Unchanged => summary.unchanged += 1,
            ItemResult::NotDone => summary.not_done += 1,
            ItemResult::Unknown => summary.unknown += 1,
            _ => summary.failed += 1,
        }
        sink.item(&item);
        if keep == Keep::All || (keep == Keep::Exceptions && !item.result.is_ok()) {
            items.push(item);
        }
    };
    let stop = |gone: &std::sync::atomic::AtomicBool| gone.load(std::sync::atomic::Ordering::Relaxed) || interrupted();
    let why_not = || if interrupted() { "interrupted before this item" } else { "the directory went away before this item" };
    // Chunks that grow (25, 50, then 100 logins), each resolved by one search: the
    // first search is short, so the first modifies go out early, and each later search
    // goes out while earlier chunks' modifies are in flight (it only reads, and it is
    // made before anything of its own chunk is sent; a login listed twice may be read
    // before the earlier item's change, as within a chunk). One stream of items over the
    // whole batch keeps the pipeline full across chunk boundaries.
    let gone_ref = &gone;
    let looked_up = futures::stream::iter(ramp(users))
        .map(|chunk| async move { (chunk, lookup(dir, profile, flavor, chunk, gone_ref).await) })
        .buffered(2);
    let jobs = looked_up.flat_map(|(chunk, resolved)| {
        type Job<'j> = (&'j String, Option<std::result::Result<Entry, String>>, &'j Action);
        let list: Vec<Job<'_>> = match resolved {
            None => chunk.iter().flat_map(|u| actions.iter().map(move |a| (u, None, a))).collect(),
            Some(Ok(list)) => chunk
                .iter()
                .zip(list)
                .flat_map(|(u, r)| {
                    let r = r.map_err(|why| unresolved_text(&why, u));
                    actions.iter().map(move |a| (u, Some(r.clone()), a))
                })
                .collect(),
            Some(Err(msg)) => {
                chunk.iter().flat_map(|u| actions.iter().map(|a| (u, Some(Err(format!("error: {msg}"))), a)).collect::<Vec<_>>()).collect()
            }
        };
        futures::stream::iter(list)
    });
    let mut done = jobs
        .map(|(user, entry, action)| async move {
            let item = match entry {
                Some(entry) if !stop(gone_ref) => {
                    let item = one(dir, profile, flavor, user, entry, action, dry_run, audit).await;
                    if matches!(item.result, ItemResult::NotDone | ItemResult::Unknown) {
                        gone_ref.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                    item
                }
                _ => not_done(user, action, why_not()),
            };
            progress.inc(1);
            item
        })
        .buffered(IN_FLIGHT);
    while let Some(item) = done.next().await {
        emit(item);
    }
    let outcome = summary.outcome();
    let action = actions.first().map_or("change", Action::name).to_string();
    let listed = match keep {
        Keep::All => "all",
        Keep::Exceptions => "exceptions",
        Keep::Nothing => "streamed",
    };
    (ChangeReport { action, dry_run, directory: dir.describe(), items, listed, summary }, outcome)
}

/// The same batch on each server of the directory in turn (`--all-servers`), the
/// profile's own server first; each item says its server. A server that could not be
/// reached gets its items as not done, and the outcome says incomplete.
pub async fn run_on_servers<D: Directory>(
    servers: &[(String, std::result::Result<&D, crate::error::CommandError>)],
    profile: &Profile,
    flavor: Flavor,
    batch: Batch<'_>,
    audit_for: &dyn Fn(&str) -> Audit,
    progress: &dyn Progress,
) -> (ChangeReport, Outcome) {
    let mut report = ChangeReport {
        action: batch.actions.first().map_or("change", Action::name).to_string(),
        dry_run: batch.dry_run,
        directory: servers.iter().map(|(url, _)| url.as_str()).collect::<Vec<_>>().join(", "),
        items: vec![],
        listed: "all",
        summary: ChangeSummary::default(),
    };
    let mut outcome = Outcome::Ok;
    for (url, dir) in servers {
        let (mut items, summary, o) = match dir {
            Ok(d) => {
                let (r, o) = run(*d, &profile.on_server(url), flavor, batch, &audit_for(url), progress, &NoSink).await;
                (r.items, r.summary, o)
            }
            Err(e) => {
                let why = format!("cannot reach this server: {}", e.message);
                let items: Vec<ChangeItem> =
                    batch.users.iter().flat_map(|u| batch.actions.iter().map(|a| not_done(u, a, &why)).collect::<Vec<_>>()).collect();
                let summary = ChangeSummary { items: items.len(), not_done: items.len(), ..ChangeSummary::default() };
                (items, summary, Outcome::Incomplete)
            }
        };
        for item in &mut items {
            item.server = Some(url.clone());
        }
        report.items.append(&mut items);
        report.summary.add(&summary);
        outcome = outcome.worst(o);
    }
    (report, outcome)
}

fn group_of(action: &Action) -> Option<String> {
    match action {
        Action::GroupAdd(g) | Action::GroupRemove(g) => Some(g.clone()),
        _ => None,
    }
}

fn not_done(user: &str, action: &Action, why: &str) -> ChangeItem {
    ChangeItem {
        user: user.to_string(),
        group: group_of(action),
        dn: None,
        result: ItemResult::NotDone,
        status: "not done".into(),
        changes: vec![],
        relax: false,
        detail: Some(why.to_string()),
        server: None,
    }
}

/// Why an account did not resolve, as carried to its items: "not found: ..." or
/// "ambiguous: ...".
fn unresolved_text(why: &Unresolved, user: &str) -> String {
    match why {
        Unresolved::NotFound(_) => format!("not found: {}", why.message(user)),
        Unresolved::Ambiguous(_) => format!("ambiguous: {}", why.message(user)),
        Unresolved::Refused(_) => format!("refused: {}", why.message(user)),
    }
}

#[allow(clippy::too_many_arguments)]
async fn one<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    user: &str,
    entry: std::result::Result<Entry, String>,
    action: &Action,
    dry_run: bool,
    audit: &Audit,
) -> ChangeItem {
    let mut item = ChangeItem {
        user: user.to_string(),
        group: group_of(action),
        dn: None,
        result: ItemResult::Failed,
        status: "failed".into(),
        changes: vec![],
        relax: false,
        detail: None,
        server: None,
    };
    let entry = match entry {
        Ok(e) => e,
        Err(why) => {
            if let Some(text) = why.strip_prefix("not found: ") {
                (item.result, item.status) = (ItemResult::NotFound, "not found".into());
                item.detail = Some(text.to_string());
            } else if let Some(text) = why.strip_prefix("ambiguous: ") {
                (item.result, item.status) = (ItemResult::Ambiguous, "ambiguous".into());
                item.detail = Some(text.to_string());
            } else if let Some(text) = why.strip_prefix("refused: ") {
                (item.result, item.status) = (ItemResult::Refused, "refused".into());
                item.detail = Some(text.to_string());
            } else {
                item.detail = Some(why);
            }
            return item;
        }
    };
    item.dn = Some(entry.dn.clone());
    let planned = match plan(dir, profile, flavor, &entry, action).await {
        Ok(p) => p,
        Err(e) => {
            // Only reads so far: nothing was sent.
            if e.is_lost() {
                return not_done(user, action, &e.message);
            }
            item.detail = Some(e.message);
            return item;
        }
    };
    let (target, changes, relax, done, would) = match planned {
        Planned::Unchanged(why) => {
            item.result = ItemResult::Unchanged;
            item.status = why.into();
            return item;
        }
        Planned::Refused(why) => {
            item.result = ItemResult::Refused;
            item.status = why.into();
            return item;
        }
        Planned::Change { target, changes, relax, done, would } => (target, changes, relax, done, would),
    };
    item.dn = Some(target.clone());
    item.changes.clone_from(&changes);
    item.relax = relax;
    if dry_run {
        item.result = ItemResult::WouldChange;
        item.status = would.into();
        return item;
    }
    let what = match action {
        Action::GroupAdd(g) | Action::GroupRemove(g) => format!("{} {g}", action.name()),
        _ => action.name().to_string(),
    };
    match dir.modify(&target, &changes, relax).await {
        Ok(()) => {
            item.result = ItemResult::Changed;
            item.status = done.into();
            if let Err(e) = audit.record(&entry.dn, &what, "ok") {
                item.detail = Some(format!("done, but the audit line could not be written: {e}"));
            }
        }
        // Someone did it meanwhile: no such attribute (16) / value exists (20).
        Err(e) if e.message.contains("rc=16 ") || e.message.contains("rc=20 ") => {
            item.result = ItemResult::Unchanged;
            item.status = "already done".into();
        }
        Err(e) if e.kind == ErrorKind::Unanswered => {
            let _ = audit.record(&entry.dn, &what, &format!("unknown: {}", e.message));
            item.result = ItemResult::Unknown;
            item.status = UNKNOWN_STATUS.into();
            item.detail = Some(e.message);
        }
        // Never sent: the connection was gone before the change could go out.
        Err(e) if e.kind == ErrorKind::Connection => {
            let _ = audit.record(&entry.dn, &what, &format!("not done: {}", e.message));
            return not_done(user, action, &e.message);
        }
        Err(e) => {
            let _ = audit.record(&entry.dn, &what, &format!("failed: {}", e.message));
            item.detail = Some(format!("{} ({})", e.message, e.hint.unwrap_or_default()));
        }
    }
    item
}

/// The exact modifications an action needs for this account, through the flavour.
async fn plan<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor, entry: &Entry, action: &Action) -> crate::error::Result<Planned> {
    Ok(match action {
        Action::Unlock => {
            if let Some(p) = flavor.unlock_plan(entry) {
                Planned::Change { target: entry.dn.clone(), changes: p.changes, relax: p.relax, done: "unlocked", would: "would unlock" }
            } else {
                let policy = flavor.policy(dir, profile, entry).await?;
                if flavor.state(entry, &policy, crate::util::now_unix()).disabled {
                    Planned::Refused("disabled: use account enable".into())
                } else {
                    Planned::Unchanged("already unlocked".into())
                }
            }
        }
        Action::Disable => {
            let policy = flavor.policy(dir, profile, entry).await?;
            match flavor.disable_plan(entry, &policy, profile.disable_method) {
                Ok(Some(p)) => Planned::Change {
                    target: entry.dn.clone(),
                    changes: p.changes,
                    relax: p.relax,
                    done: "disabled",
                    would: "would disable",
                },
                Ok(None) => Planned::Unchanged("already disabled".into()),
                Err(why) => Planned::Refused(why),
            }
        }
        Action::Expire(when) => match flavor.expire_plan(entry, *when) {
            Ok(Some(p)) => Planned::Change {
                target: entry.dn.clone(),
                changes: p.changes,
                relax: p.relax,
                done: if when.is_some() { "end date set" } else { "end date removed" },
                would: if when.is_some() { "would set the end date" } else { "would remove the end date" },
            },
            Ok(None) => Planned::Unchanged(if when.is_some() { "already ends then".into() } else { "already never expires".into() }),
            Err(why) => Planned::Refused(why),
        },
        Action::Enable => match flavor.enable_plan(entry) {
            Some(p) => {
                Planned::Change { target: entry.dn.clone(), changes: p.changes, relax: p.relax, done: "enabled", would: "would enable" }
            }
            None => Planned::Unchanged("already enabled".into()),
        },
        Action::GroupAdd(name) | Action::GroupRemove(name) => {
            let adding = matches!(action, Action::GroupAdd(_));
            let group = find_group(dir, profile, name).await?;
            let Some(group) = group else {
                return Ok(Planned::Refused(format!("no group '{name}'")));
            };
            // posixGroup members are uids, whatever the profile logs people in with.
            let login = entry.first("uid").or(entry.first(&profile.login_attribute)).unwrap_or_default().to_string();
            let (attr, value) = membership(&group, &entry.dn, &login);
            // Asked of the server, not read from the group: a large AD group returns its
            // members in ranges (member;range=0-1499), and the server compares DNs its
            // own way.
            let probe = format!("({attr}={})", filter_value(&value));
            let has = !dir.search(&group.dn, Scope::Base, &probe, &["1.1"]).await?.is_empty();
            match (adding, has) {
                (true, true) => Planned::Unchanged("already a member".into()),
                (false, false) => Planned::Unchanged("not a member".into()),
                (true, false) => Planned::Change {
                    target: group.dn.clone(),
                    changes: vec![Change::Add { attr: attr.to_string(), values: vec![value] }],
                    relax: false,
                    done: "added",
                    would: "would add",
                },
                (false, true)
                    if flavor == Flavor::Openldap && super::offboard::must_have_member(&group, attr) && {
                        let now = dir.search(&group.dn, Scope::Base, "(objectClass=*)", &[attr]).await?;
                        now.first().is_some_and(|g| g.all(attr).len() == 1)
                    } =>
                {
                    let cn = group.first("cn").unwrap_or(&group.dn);
                    Planned::Refused(format!(
                        "the last member of {cn}, and a {} must keep one: add another member first, or delete the group",
                        if attr == "member" { "groupOfNames" } else { "groupOfUniqueNames" }
                    ))
                }
                (false, true) => Planned::Change {
                    target: group.dn.clone(),
                    changes: vec![Change::Delete { attr: attr.to_string(), values: vec![value] }],
                    relax: false,
                    done: "removed",
                    would: "would remove",
                },
            }
        }
    })
}

/// The attribute and value that make `dn` a member of this group.
fn membership(group: &Entry, dn: &str, login: &str) -> (&'static str, String) {
    let classes: Vec<String> = group.all("objectClass").iter().map(|c| c.to_ascii_lowercase()).collect();
    if classes.iter().any(|c| c == "groupofuniquenames") {
        ("uniquemember", dn.to_string())
    } else if classes.iter().any(|c| c == "posixgroup") && !classes.iter().any(|c| c == "groupofnames") {
        ("memberuid", login.to_string())
    } else {
        ("member", dn.to_string())
    }
}

/// The one group called `name` (by cn) under the groups base, or a DN.
pub async fn find_group<D: Directory>(dir: &D, profile: &Profile, name: &str) -> crate::error::Result<Option<Entry>> {
    let attrs = ["cn", "objectClass"];
    let found = if super::escape::looks_like_dn(name) {
        dir.search(name, Scope::Base, "(objectClass=*)", &attrs).await?
    } else {
        let base = profile.groups_dn.as_deref().unwrap_or(&profile.base_dn);
        let filter = format!(
            "(&(cn={})(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup)(objectClass=group)))",
            filter_value(name)
        );
        dir.search(base, Scope::Subtree, &filter, &attrs).await?
    };
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.into_iter().next()),
        _ => Err(crate::error::CommandError::usage(format!(
            "'{name}' names {} groups: {}",
            found.len(),
            found.iter().map(|g| g.dn.as_str()).collect::<Vec<_>>().join("; ")
        ))
        .with_hint("name the group by its DN")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first search is short (the first modifies go out early) and no chunk is longer
    /// than the last size (the entries held stay bounded); every login is in exactly one.
    #[test]
    fn chunks_grow_from_a_short_first_one_to_a_bounded_size() {
        let users: Vec<String> = (0..500).map(|i| format!("u{i}")).collect();
        let sizes: Vec<usize> = ramp(&users).iter().map(|c| c.len()).collect();
        assert_eq!(sizes, [25, 50, 100, 100, 100, 100, 25]);
        assert_eq!(ramp(&users).concat(), users);
        assert_eq!(ramp(&users[..10]).iter().map(|c| c.len()).collect::<Vec<_>>(), [10]);
        assert!(ramp(&[]).is_empty());
    }
}
