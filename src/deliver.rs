//! Delivering a reset's temporary password: once, to the terminal (stderr, never
//! stdout), or to a file created with mode 0600. Whether it can be delivered is settled
//! before the directory is changed, so a password is never set that nobody can read.

use crate::settings::{PasswordChoice, ResetPlan};
use deskhand_commands::CommandError;
use deskhand_commands::Outcome;
use deskhand_commands::account::audit::Audit;
use deskhand_commands::account::directory::{Directory, Profile, Secret};
use deskhand_commands::account::flavor::Flavor;
use deskhand_commands::account::reset::{self, ResetReport, ResetRequest};
use std::io::{IsTerminal, Write};
use std::os::unix::fs::OpenOptionsExt;

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
            let first = rpassword::prompt_password(format!("New password for {}: ", plan.user))
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

/// Runs `account reset` with delivery.
pub async fn reset<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    plan: ResetPlan,
) -> Result<(ResetReport, Outcome), CommandError> {
    let given = read_password(&plan)?;
    // Settle delivery first: a file we can create, or a terminal to show it on.
    let mut file = None;
    if !plan.dry_run && given.is_none() {
        if let Some(path) = &plan.out {
            // A new file only (O_EXCL: never an existing file, never through a symlink).
            let f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(|e| {
                let hint = if e.kind() == std::io::ErrorKind::AlreadyExists {
                    "deskhand never overwrites a file: give a new path"
                } else {
                    "choose a path in a directory you can write"
                };
                CommandError::usage(format!("cannot create --password-out {}: {e}", path.display())).with_hint(hint)
            })?;
            file = Some(f);
        } else if !std::io::stderr().is_terminal() {
            return Err(CommandError::usage("no terminal to show the temporary password on")
                .with_hint("give --password-out FILE (it is created with mode 0600)"));
        }
    }
    let audit = Audit::new(Audit::default_path(), &profile.name, plan.ticket.clone(), plan.reason.clone());
    if !plan.dry_run {
        crate::dispatch::check_audit(&audit)?;
    }
    let request = ResetRequest { user: plan.user.clone(), password: given, keep_lock: plan.keep_lock, dry_run: plan.dry_run };
    let result = reset::run(dir, profile, flavor, &request, &audit).await;
    let (mut report, outcome, secret) = match result {
        Ok(r) => r,
        Err(e) => {
            // Only the file this run created (and left empty) goes.
            if let (Some(path), Some(_)) = (&plan.out, &file) {
                let _ = std::fs::remove_file(path);
            }
            return Err(e);
        }
    };
    if let (Some(secret), true) = (secret, report.generated) {
        if let (Some(mut f), Some(path)) = (file, &plan.out) {
            f.write_all(format!("{}\n", secret.expose()).as_bytes()).map_err(|e| {
                CommandError::environment(format!("the password was set but could not be written to {}: {e}", path.display()))
                    .with_hint("reset it again")
            })?;
            report.delivered_to = Some(format!("file {}", path.display()));
        } else {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "Temporary password for {}: {}", report.user, secret.expose());
            let _ = writeln!(err, "(shown once; the user must change it at the next logon)");
            report.delivered_to = Some("terminal".into());
        }
    }
    Ok((report, outcome))
}
