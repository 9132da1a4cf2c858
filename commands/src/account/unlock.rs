//! `account unlock USER...`: clears the lock and the failure count, one modify per
//! account on one connection, pipelined. Idempotent (an unlocked account is "already
//! unlocked"), `--dry-run` shows the modifications, every change is audited, and a
//! directory that vanishes mid-run leaves an exact account of what was done.

use super::audit::Audit;
use super::directory::{Change, Directory, Profile};
use super::flavor::Flavor;
use super::resolve::resolve;
use crate::error::ErrorKind;
use crate::{Outcome, Progress};
use futures::StreamExt;
use serde::Serialize;

/// What happened to one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemResult {
    Unlocked,
    AlreadyUnlocked,
    /// `--dry-run`: this is what would change.
    WouldUnlock,
    /// A disabled account is not "locked": `account enable` is the tool.
    Disabled,
    NotFound,
    Ambiguous,
    Failed,
    /// Not attempted: the directory went away first.
    NotDone,
}

impl ItemResult {
    pub fn is_ok(self) -> bool {
        matches!(self, Self::Unlocked | Self::AlreadyUnlocked | Self::WouldUnlock)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unlocked => "unlocked",
            Self::AlreadyUnlocked => "already unlocked",
            Self::WouldUnlock => "would unlock",
            Self::Disabled => "disabled (use account enable)",
            Self::NotFound => "not found",
            Self::Ambiguous => "ambiguous",
            Self::Failed => "failed",
            Self::NotDone => "not done",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct UnlockItem {
    pub user: String,
    pub dn: Option<String>,
    pub result: ItemResult,
    pub changes: Vec<Change>,
    pub relax: bool,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct UnlockSummary {
    pub users: usize,
    pub unlocked: usize,
    pub already_unlocked: usize,
    pub failed: usize,
    pub not_done: usize,
}

/// The report of `account unlock`.
#[derive(Debug, Clone, Serialize)]
pub struct UnlockReport {
    pub dry_run: bool,
    pub directory: String,
    pub items: Vec<UnlockItem>,
    pub summary: UnlockSummary,
}

/// Unlocks accounts in flight at once on the one connection.
const IN_FLIGHT: usize = 32;

/// Runs `account unlock`.
pub async fn run<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    users: &[String],
    dry_run: bool,
    audit: &Audit,
    progress: &dyn Progress,
) -> (UnlockReport, Outcome) {
    progress.set_length(users.len() as u64);
    let gone = std::sync::atomic::AtomicBool::new(false);
    let items: Vec<UnlockItem> = futures::stream::iter(users)
        .map(|user| {
            let gone = &gone;
            async move {
                let item = if gone.load(std::sync::atomic::Ordering::Relaxed) {
                    UnlockItem {
                        user: user.clone(),
                        dn: None,
                        result: ItemResult::NotDone,
                        changes: vec![],
                        relax: false,
                        detail: Some("the directory went away before this account".into()),
                    }
                } else {
                    let item = unlock_one(dir, profile, flavor, user, dry_run, audit).await;
                    if item.result == ItemResult::NotDone {
                        gone.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                    item
                };
                progress.inc(1);
                item
            }
        })
        .buffered(IN_FLIGHT)
        .collect()
        .await;
    let mut summary = UnlockSummary { users: items.len(), ..UnlockSummary::default() };
    for i in &items {
        match i.result {
            ItemResult::Unlocked | ItemResult::WouldUnlock => summary.unlocked += 1,
            ItemResult::AlreadyUnlocked => summary.already_unlocked += 1,
            ItemResult::NotDone => summary.not_done += 1,
            _ => summary.failed += 1,
        }
    }
    let outcome = if summary.not_done > 0 { Outcome::Incomplete } else { Outcome::from_ok(summary.failed == 0) };
    (UnlockReport { dry_run, directory: dir.describe(), items, summary }, outcome)
}

async fn unlock_one<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor, user: &str, dry_run: bool, audit: &Audit) -> UnlockItem {
    let mut item = UnlockItem { user: user.to_string(), dn: None, result: ItemResult::Failed, changes: vec![], relax: false, detail: None };
    let entry = match resolve(dir, profile, user, flavor.status_attributes()).await {
        Ok(Ok(e)) => e,
        Ok(Err(u)) => {
            item.result = if matches!(u, super::resolve::Unresolved::NotFound(_)) { ItemResult::NotFound } else { ItemResult::Ambiguous };
            item.detail = Some(u.message(user));
            return item;
        }
        Err(e) => {
            item.result = if e.kind == ErrorKind::Environment { ItemResult::NotDone } else { ItemResult::Failed };
            item.detail = Some(e.message);
            return item;
        }
    };
    item.dn = Some(entry.dn.clone());
    let Some(plan) = flavor.unlock_plan(&entry) else {
        let policy = flavor.policy(dir, profile, &entry).await.unwrap_or_default();
        let state = flavor.state(&entry, &policy, crate::util::now_unix());
        item.result = if state.disabled { ItemResult::Disabled } else { ItemResult::AlreadyUnlocked };
        return item;
    };
    item.changes.clone_from(&plan.changes);
    item.relax = plan.relax;
    if dry_run {
        item.result = ItemResult::WouldUnlock;
        return item;
    }
    match dir.modify(&entry.dn, &plan.changes, plan.relax).await {
        Ok(()) => {
            item.result = ItemResult::Unlocked;
            if let Err(e) = audit.record(&entry.dn, "unlock", "ok") {
                item.detail = Some(format!("unlocked, but the audit line could not be written: {e}"));
            }
        }
        Err(e) => {
            // rc 16 (no such attribute): somebody else unlocked it meanwhile.
            if e.message.contains("rc=16 ") {
                item.result = ItemResult::AlreadyUnlocked;
            } else {
                item.result = if e.message.contains("rc=") { ItemResult::Failed } else { ItemResult::NotDone };
                let _ = audit.record(&entry.dn, "unlock", &format!("failed: {}", e.message));
                item.detail = Some(e.message);
            }
        }
    }
    item
}
