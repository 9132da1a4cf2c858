//! The terminal side of an account's life cycle: where `account create` and `onboard`
//! hand temporary passwords over (a new 0600 file, or once on the terminal; settled
//! before anything changes), and the confirmation `account offboard` asks for.

use crate::progress::Bar;
use crate::settings::ChangeOptions;
use deskhand_commands::account::audit::Audit;
use deskhand_commands::account::create::{self, CreateReport, NewAccount, Session};
use deskhand_commands::account::directory::{Directory, Profile, Secret};
use deskhand_commands::account::flavor::Flavor;
use deskhand_commands::account::offboard::{self, OffboardReport};
use deskhand_commands::account::onboard::{self, OnboardReport};
use deskhand_commands::account::template::Template;
use deskhand_commands::{CommandError, Outcome};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

fn interrupted() -> bool {
    deskhand_commands::account::change::INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed)
}

/// A new 0600 file, never an existing one (nor through a symlink).
pub(crate) fn new_secret_file(path: &Path, what: &str) -> Result<std::fs::File, CommandError> {
    deskhand_commands::util::create_new(path, 0o600, what)
}

fn audit_for(profile: &Profile, change: &ChangeOptions, dir: &impl Directory) -> Result<Audit, CommandError> {
    let audit = Audit::new(Audit::default_path(), &profile.name, change.ticket.clone(), change.reason.clone()).bound_as(dir.bound_as());
    if !change.dry_run {
        crate::dispatch::check_audit(&audit)?;
    }
    Ok(audit)
}

/// `account create`.
pub async fn create<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    account: &NewAccount,
    template: &Template,
    password_out: Option<&Path>,
    change: &ChangeOptions,
) -> Result<(CreateReport, Outcome), CommandError> {
    let mut file = None;
    if !change.dry_run {
        match password_out {
            Some(path) => file = Some(new_secret_file(path, "--password-out")?),
            None if !std::io::stderr().is_terminal() => {
                return Err(CommandError::usage("no terminal to show the temporary password on")
                    .with_hint("give --password-out FILE (it is created with mode 0600)"));
            }
            None => {}
        }
    }
    let audit = audit_for(profile, change, dir)?;
    let mut session = Session::default();
    let result = create::create(dir, profile, flavor, template, account, change.dry_run, &audit, &mut session).await;
    let (mut report, secret) = match result {
        Ok(r) => r,
        Err(e) => {
            if let Some(path) = password_out.filter(|_| file.is_some()) {
                let _ = std::fs::remove_file(path);
            }
            return Err(e);
        }
    };
    let have_file = file.is_some();
    match (secret, file.as_mut(), password_out) {
        (Some(secret), Some(f), Some(path)) => {
            f.write_all(format!("{}\n", secret.expose()).as_bytes()).map_err(|e| {
                CommandError::environment(format!(
                    "{} was created but its password could not be written to {}: {e}",
                    report.login,
                    path.display()
                ))
                .with_hint(format!("set a new one: deskhand account reset {}", report.login))
            })?;
            report.delivered_to = Some(format!("file {}", path.display()));
        }
        (Some(secret), _, _) => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "Temporary password for {}: {}", report.login, secret.expose());
            let _ = writeln!(err, "(shown once; the user must change it at the first logon)");
            report.delivered_to = Some("terminal".into());
        }
        (None, _, Some(path)) if have_file => {
            let _ = std::fs::remove_file(path);
        }
        _ => {}
    }
    let outcome = match report.result.as_str() {
        "unknown" => Outcome::Unknown,
        "not done" => Outcome::Incomplete,
        _ => Outcome::from_ok(report.is_ok()),
    };
    Ok((report, outcome))
}

/// Where onboarding's passwords go by default: a new file under the state directory.
fn default_password_file() -> Option<PathBuf> {
    let dir = Audit::default_path()?.parent()?.to_path_buf();
    let stamp = deskhand_commands::util::rfc3339(deskhand_commands::util::now_unix()).replace([':', '-'], "");
    Some(dir.join(format!("onboard-{stamp}.passwords")))
}

/// `account onboard`.
#[allow(clippy::too_many_arguments)]
pub async fn onboard<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    file: &str,
    template: &Template,
    password_out: Option<&Path>,
    change: &ChangeOptions,
    progress: bool,
) -> Result<(OnboardReport, Outcome), CommandError> {
    let text = if file == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| CommandError::usage(format!("cannot read standard input: {e}")))?
    } else {
        std::fs::read_to_string(file).map_err(|e| {
            let hint = if e.kind() == std::io::ErrorKind::InvalidData { "save it as UTF-8 CSV" } else { "check the path" };
            CommandError::usage(format!("cannot read {file}: {e}")).with_hint(hint)
        })?
    };
    let rows = onboard::read_rows(&text, file, template)?;
    let audit = audit_for(profile, change, dir)?;
    let path = match password_out {
        Some(p) => Some(p.to_path_buf()),
        None if change.dry_run => None,
        None => Some(default_password_file().ok_or_else(|| {
            CommandError::environment("no place for the password file: neither XDG_STATE_HOME nor HOME is set")
                .with_hint("give --password-out FILE")
        })?),
    };
    let mut out = match (&path, change.dry_run) {
        (Some(p), false) => {
            if let Some(parent) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                let _ = std::fs::create_dir_all(parent);
            }
            Some(new_secret_file(p, "the password file")?)
        }
        _ => None,
    };
    let mut written = 0usize;
    let mut deliver = |login: &str, secret: &Secret| -> Result<String, CommandError> {
        let (Some(f), Some(p)) = (out.as_mut(), path.as_ref()) else {
            return Err(CommandError::environment("no password file"));
        };
        f.write_all(format!("{login}\t{}\n", secret.expose()).as_bytes())
            .and_then(|()| f.flush())
            .map_err(|e| CommandError::environment(format!("cannot write {}: {e}", p.display())))?;
        written += 1;
        Ok(format!("file {}", p.display()))
    };
    let bar = Bar::new(progress && rows.len() > 1, "onboard");
    let (items, summary, outcome) =
        onboard::run(dir, profile, flavor, template, &rows, change.dry_run, &audit, &bar, &mut deliver, &interrupted).await;
    bar.finish();
    let passwords = match (&path, written) {
        (Some(p), n) if n > 0 => Some(p.display().to_string()),
        (Some(p), _) if !change.dry_run => {
            let _ = std::fs::remove_file(p);
            None
        }
        _ => None,
    };
    Ok((OnboardReport { file: file.to_string(), dry_run: change.dry_run, directory: dir.describe(), passwords, items, summary }, outcome))
}

/// `account offboard`.
pub async fn offboard<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    user: &str,
    reset_password: bool,
    yes: bool,
    change: &ChangeOptions,
) -> Result<(OffboardReport, Outcome), CommandError> {
    let audit = audit_for(profile, change, dir)?;
    let plan = offboard::plan(dir, profile, flavor, user, change.ticket.as_deref(), &audit.operator, reset_password).await?;
    if change.dry_run || plan.is_empty() {
        let mut report = offboard::dry_report(&plan);
        report.dry_run = change.dry_run;
        // Held back with nothing else to do: the check says no until the group is fixed.
        let outcome = if change.dry_run { Outcome::Ok } else { Outcome::from_ok(report.ok) };
        return Ok((report, outcome));
    }
    if !yes {
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(CommandError::usage(format!("offboarding {} needs a confirmation", plan.login))
                .with_hint("add --yes (see the plan first with --dry-run)"));
        }
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "Offboarding {} ({}):", plan.login, plan.dn);
        for s in offboard::dry_report(&plan).steps {
            let _ = writeln!(err, "  - {}{}", s.step, s.detail.map(|d| format!(" ({d})")).unwrap_or_default());
        }
        let _ = write!(err, "Go ahead? [y/N] ");
        let _ = err.flush();
        let mut answer = String::new();
        let _ = std::io::stdin().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "YES") {
            return Err(CommandError::usage("offboarding cancelled: nothing was changed"));
        }
    }
    let dir_path = offboard::record_dir().ok_or_else(|| {
        CommandError::environment("no place for the undo record: neither XDG_STATE_HOME nor HOME is set")
            .with_hint("set XDG_STATE_HOME so that the offboarding can be undone")
    })?;
    let record = offboard::write_record(&plan.record, &dir_path)?;
    let report = offboard::apply(dir, &plan, &record, &audit).await;
    let outcome = offboard::outcome(&report);
    Ok((report, outcome))
}

/// `account restore`.
pub async fn restore<D: Directory>(
    dir: &D,
    profile: &Profile,
    record: &Path,
    change: &ChangeOptions,
) -> Result<(OffboardReport, Outcome), CommandError> {
    let rec = offboard::read_record(record)?;
    if rec.directory != profile.name {
        return Err(CommandError::usage(format!(
            "{} was written for directory '{}', not '{}'",
            record.display(),
            rec.directory,
            profile.name
        ))
        .with_hint(format!("choose it: deskhand account -D {} restore ...", rec.directory)));
    }
    let audit = audit_for(profile, change, dir)?;
    let report = offboard::restore(dir, &rec, record, change.dry_run, &audit).await;
    let outcome = offboard::outcome(&report);
    // Restored: the record no longer names the account's offboarding (diagnose), though
    // restoring from it again still works.
    if !change.dry_run && outcome.is_ok() {
        let _ = offboard::mark_restored(record);
    }
    Ok((report, outcome))
}
