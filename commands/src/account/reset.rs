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
#[derive(Debug, Clone, Serialize)]
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
        .map(|c| match c {
            Change::Replace { attr, .. } if is_password_attr(attr) => Change::Replace { attr: attr.clone(), values: vec![HIDDEN.into()] },
            other => other.clone(),
        })
        .collect();
    let unlocked = plan.changes.iter().any(|c| matches!(c, Change::Delete { attr, .. } if attr == "pwdAccountLockedTime"));
    let report = ResetReport {
        user: login,
        dn: entry.dn.clone(),
        dry_run: req.dry_run,
        changes: shown,
        generated,
        must_change: true,
        unlocked,
        delivered_to: None,
    };
    if req.dry_run {
        return Ok((report, Outcome::Ok, None));
    }
    let applied = match dir.modify(&entry.dn, &plan.changes, plan.relax).await {
        Ok(()) if !plan.after.is_empty() => dir.modify(&entry.dn, &plan.after, plan.relax).await,
        other => other,
    };
    match applied {
        Ok(()) => {
            let _ = audit.record(&entry.dn, "reset", "ok");
            Ok((report, Outcome::Ok, Some(secret)))
        }
        Err(e) => {
            let _ = audit.record(&entry.dn, "reset", &format!("failed: {}", e.message));
            Err(e)
        }
    }
}

fn is_password_attr(attr: &str) -> bool {
    attr.eq_ignore_ascii_case("userPassword") || attr.eq_ignore_ascii_case("unicodePwd")
}
