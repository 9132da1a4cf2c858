//! Delivering a reset's temporary password: once, to the terminal (stderr, never
//! stdout), or to a file created with mode 0600. Whether it can be delivered is settled
//! before the directory is changed, so a password is never set that nobody can read.

use crate::settings::{PasswordChoice, ResetPlan};
use deskhand_commands::CommandError;
use deskhand_commands::Outcome;
use deskhand_commands::account::audit::Audit;
use deskhand_commands::account::directory::{Directory, Profile, Secret};
use deskhand_commands::account::flavor::Flavor;
use deskhand_commands::account::reset::{self, ResetBatch, ResetReport, ResetRequest};
use std::io::{IsTerminal, Write};

fn read_password(plan: &ResetPlan) -> Result<Option<Secret>, CommandError> {
    match &plan.password {
        PasswordChoice::Generate => Ok(None),
        PasswordChoice::File(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                CommandError::usage(format!("cannot read --password-file {}: {e}", path.display())).with_hint("check the path")
            })?;
            Ok(Some(Secret::new(text.trim_end_matches(['\r', '\n']).to_string())))
        }
        PasswordChoice::Ask => {
            if !std::io::stdin().is_terminal() {
                return Err(
                    CommandError::usage("--ask needs a terminal").with_hint("use --password-file FILE, or let deskhand generate one")
                );
            }
            let first = rpassword::prompt_password(format!("New password for {}: ", plan.users.first().map_or("the user", String::as_str)))
                .map_err(|e| CommandError::environment(format!("cannot read the password: {e}")))?;
            let second =
                rpassword::prompt_password("Again: ").map_err(|e| CommandError::environment(format!("cannot read the password: {e}")))?;
            if first != second {
                return Err(CommandError::usage("the two passwords differ").with_hint("run the command again"));
            }
            Ok(Some(Secret::new(first)))
        }
    }
}

/// Runs `account reset` with delivery, for one account or many.
pub async fn reset<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    plan: ResetPlan,
) -> Result<(ResetBatch, Outcome), CommandError> {
    let given = read_password(&plan)?;
    if given.is_some() && plan.users.len() > 1 {
        return Err(CommandError::usage("--password-file and --ask set one user's password")
            .with_hint("reset several users with generated passwords"));
    }
    // Settle delivery first: a file we can create, or a terminal to show it on.
    let mut file = None;
    if !plan.dry_run && given.is_none() {
        if let Some(path) = &plan.out {
            // A new file only (O_EXCL: never an existing file, never through a symlink).
            let f = crate::lifecycle::new_secret_file(path, "--password-out")?;
            file = Some(f);
        } else if !std::io::stderr().is_terminal() {
            return Err(CommandError::usage("no terminal to show the temporary password on")
                .with_hint("give --password-out FILE (it is created with mode 0600)"));
        }
    }
    let audit = Audit::new(Audit::default_path(), &profile.name, plan.ticket.clone(), plan.reason.clone()).bound_as(dir.bound_as());
    if !plan.dry_run {
        crate::dispatch::check_audit(&audit)?;
    }
    let single = plan.users.len() == 1;
    let mut items = Vec::with_capacity(plan.users.len());
    let mut outcome = Outcome::Ok;
    let mut gone = false;
    let mut written = 0;
    for user in &plan.users {
        if gone || deskhand_commands::account::change::INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed) {
            items.push(ResetReport::failed(user, "not done", "stopped before this account".into()));
            outcome = outcome.worst(if gone { Outcome::Incomplete } else { Outcome::Interrupted });
            continue;
        }
        let request = ResetRequest { user: user.clone(), password: given.clone(), keep_lock: plan.keep_lock, dry_run: plan.dry_run };
        match reset::run(dir, profile, flavor, &request, &audit).await {
            Ok((mut report, item_outcome, secret)) => {
                outcome = outcome.worst(item_outcome);
                if item_outcome == Outcome::Unknown {
                    gone = true;
                }
                if let (Some(secret), true) = (secret, report.generated) {
                    report.delivered_to = Some(deliver(&mut file, plan.out.as_deref(), single, &report.user, &secret)?);
                    written += 1;
                }
                items.push(report);
            }
            // One account and an error: the error is the answer (exit 2 or 3).
            Err(e) if single => {
                if let (Some(path), Some(_), 0) = (&plan.out, &file, written) {
                    let _ = std::fs::remove_file(path);
                }
                return Err(e);
            }
            Err(e) => {
                // Errors come before the password change is sent (an unanswered change is a
                // report of its own): a lost directory leaves this account not done.
                if e.is_lost() {
                    gone = true;
                    outcome = outcome.worst(Outcome::Incomplete);
                    items.push(ResetReport::failed(user, "not done", e.message));
                } else {
                    if outcome == Outcome::Ok {
                        outcome = Outcome::CheckFailed;
                    }
                    items.push(ResetReport::failed(user, "failed", e.message));
                }
            }
        }
    }
    Ok((ResetBatch { dry_run: plan.dry_run, items }, outcome))
}

/// Hands one new password over: a line of the --password-out file (the password alone
/// for one account, "login<TAB>password" for several), or the terminal, once.
fn deliver(
    file: &mut Option<std::fs::File>,
    path: Option<&std::path::Path>,
    single: bool,
    login: &str,
    secret: &Secret,
) -> Result<String, CommandError> {
    if let (Some(f), Some(path)) = (file.as_mut(), path) {
        let line = if single { format!("{}\n", secret.expose()) } else { format!("{login}\t{}\n", secret.expose()) };
        f.write_all(line.as_bytes()).map_err(|e| {
            CommandError::environment(format!("the password of {login} was set but could not be written to {}: {e}", path.display()))
                .with_hint("reset it again")
        })?;
        return Ok(format!("file {}", path.display()));
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "Temporary password for {login}: {}", secret.expose());
    let _ = writeln!(err, "(shown once; the user must change it at the next logon)");
    Ok("terminal".into())
}
