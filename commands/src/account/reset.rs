//! `account reset USER`: a new temporary password (generated, or given), marked
//! must-change, unlocking the account too unless `--keep-lock`. The password is returned
//! to the caller for delivery (terminal or a 0600 file) and never enters the report.

use super::audit::Audit;
use super::directory::{Change, Directory, Profile, Secret};
use super::flavor::Flavor;
use super::password;
use super::resolve::resolve;
use crate::Outcome;
use crate::error::{CommandError, Result};
use serde::Serialize;

/// What `account reset` is asked.
#[derive(Debug, Clone)]
pub struct ResetRequest {
    pub user: String,
    /// The password to set; generated when `None`.
    pub password: Option<Secret>,
    pub keep_lock: bool,
    pub dry_run: bool,
}

/// The report of `account reset`. It holds no password.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ResetReport {
    pub user: String,
    pub dn: String,
    pub dry_run: bool,
    /// The modifications, with the password shown as `********`.
    pub changes: Vec<Change>,
    pub generated: bool,
    pub must_change: bool,
    pub unlocked: bool,
    /// Where the password went: "terminal", "file PATH" (set by the caller).
    pub delivered_to: Option<String>,
    /// "reset", "would reset", "failed", "not done", or "unknown" (sent, no answer: the
    /// password may be set; it is delivered all the same).
    pub result: String,
    /// Why it failed, or what is left to do (a lock the server lifted and deskhand could
    /// not put back).
    pub detail: Option<String>,
}

/// The report of `account reset` (one or many accounts).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ResetBatch {
    pub dry_run: bool,
    pub items: Vec<ResetReport>,
}

impl ResetReport {
    /// An item for an account that could not be reset.
    pub fn failed(user: &str, result: &str, why: String) -> Self {
        Self {
            user: user.to_string(),
            dn: String::new(),
            dry_run: false,
            changes: vec![],
            generated: false,
            must_change: false,
            unlocked: false,
            delivered_to: None,
            result: result.to_string(),
            detail: Some(why),
        }
    }
}

const HIDDEN: &str = "********";

/// Runs `account reset`, returning the report and, unless a dry run, the password set.
pub async fn run<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    req: &ResetRequest,
    audit: &Audit,
) -> Result<(ResetReport, Outcome, Option<Secret>)> {
    // Outcome: Ok, or Incomplete when the password is set but a lock could not be put back.
    let entry = resolve(dir, profile, &req.user, flavor.status_attributes()).await?.map_err(|u| u.into_error(&req.user))?;
    let policy = flavor.policy(dir, profile, &entry).await?;
    let login = entry.first(&profile.login_attribute).unwrap_or(&req.user).to_string();
    let min = policy.min_length.unwrap_or(8) as usize;
    let generated = req.password.is_none();
    let secret = match &req.password {
        Some(given) => {
            if !password::acceptable(given.expose(), &login, min) {
                return Err(CommandError::usage(format!("the password given for {login} is too weak")).with_hint(format!(
                    "use at least {min} characters from three of: upper case, lower case, digits, symbols; not containing the login"
                )));
            }
            given.clone()
        }
        None => Secret::new(password::generate(min, &login)),
    };
    let plan = flavor.reset_plan(&entry, secret.expose(), req.keep_lock);
    let shown: Vec<Change> = plan
        .changes
        .iter()
        .chain(&plan.after)
        // The same shape on every flavour: `replace ATTR: ********`.
        .map(|c| match c {
            Change::ReplaceSecret { attr, .. } => Change::Replace { attr: attr.clone(), values: vec![HIDDEN.into()] },
            other => other.clone(),
        })
        .collect();
    // The reset clears a lock when it writes a flavour's lock attribute (OpenLDAP's
    // pwdAccountLockedTime, AD's lockoutTime, 389's retry count and unlock time) and does
    // not put it back afterwards (OpenLDAP's permanent lock of a disabled account).
    let lock_attr = |c: &Change| {
        ["pwdAccountLockedTime", "lockoutTime", "passwordRetryCount", "accountUnlockTime"].iter().any(|a| c.attr().eq_ignore_ascii_case(a))
    };
    let unlocked = plan.changes.iter().any(lock_attr) && !plan.after.iter().any(lock_attr);
    let report = ResetReport {
        user: login,
        dn: entry.dn.clone(),
        dry_run: req.dry_run,
        changes: shown,
        generated,
        must_change: true,
        unlocked,
        delivered_to: None,
        result: if req.dry_run { "would reset".into() } else { "reset".into() },
        detail: None,
    };
    if req.dry_run {
        return Ok((report, Outcome::Ok, None));
    }
    if let Err(e) = dir.modify(&entry.dn, &plan.changes, plan.relax).await {
        if e.kind == crate::ErrorKind::Unanswered {
            // It may be set: the technician gets the password, and the report says so.
            let _ = audit.record(&entry.dn, "reset", &format!("unknown: {}", e.message));
            let mut report = report;
            report.result = "unknown".into();
            report.detail =
                Some(format!("{}: the password below may or may not be set; try it, or reset again (a rerun settles it)", e.message));
            return Ok((report, Outcome::Unknown, Some(secret)));
        }
        let _ = audit.record(&entry.dn, "reset", &format!("failed: {}", e.message));
        return Err(e);
    }
    let _ = audit.record(&entry.dn, "reset", "ok");
    if plan.after.is_empty() {
        return Ok((report, Outcome::Ok, Some(secret)));
    }
    // The password is set: it must still reach the technician, even if putting the
    // lock back fails.
    let mut report = report;
    match dir.modify(&entry.dn, &plan.after, plan.relax).await {
        Ok(()) => Ok((report, Outcome::Ok, Some(secret))),
        Err(e) if e.kind == crate::ErrorKind::Unanswered => {
            let _ = audit.record(&entry.dn, "reset: restore lock", &format!("unknown: {}", e.message));
            report.result = "reset, lock unknown".into();
            report.detail = Some(format!(
                "the password is set; putting the account's lock (or disable) back was sent and got no answer ({}): check with `deskhand account show {}`",
                e.message, report.user
            ));
            Ok((report, Outcome::Unknown, Some(secret)))
        }
        Err(e) => {
            let _ = audit.record(&entry.dn, "reset: restore lock", &format!("failed: {}", e.message));
            report.result = "reset, lock NOT restored".into();
            report.detail = Some(format!(
                "the password is set, but the server lifted the account's lock (or disable) and putting it back failed: {}; run `deskhand account disable {}` (or let it be)",
                e.message, report.user
            ));
            Ok((report, Outcome::Incomplete, Some(secret)))
        }
    }
}
