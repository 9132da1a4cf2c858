//! Bind passwords: from a file, an environment variable, a command (a password manager),
//! or a no-echo prompt on the terminal. Never from argv, never printed.

use crate::settings::SecretSource;
use deskhand_commands::CommandError;
use deskhand_commands::account::directory::Secret;
use std::io::IsTerminal;

/// Strips the one line ending a file or command leaves after a password.
fn strip_newline(mut s: String) -> String {
    if s.ends_with('\n') {
        s.pop();
        if s.ends_with('\r') {
            s.pop();
        }
    }
    s
}

/// Obtains the password the profile's source gives.
pub fn obtain(source: &SecretSource, profile: &str, bind_dn: Option<&str>) -> Result<Option<Secret>, CommandError> {
    let who = format!("directory '{profile}'");
    let secret = match source {
        SecretSource::None => return Ok(None),
        SecretSource::File(path) => std::fs::read_to_string(path).map(strip_newline).map_err(|e| {
            CommandError::usage(format!("{who}: cannot read password_file {}: {e}", path.display()))
                .with_hint("check the path and its permissions (it should be 0600)")
        })?,
        SecretSource::Env(var) => std::env::var(var).map_err(|_| {
            CommandError::usage(format!("{who}: the variable {var} named by password_env is not set"))
                .with_hint(format!("export {var} before running deskhand"))
        })?,
        SecretSource::Command(cmd) => {
            let out = std::process::Command::new("sh")
                .args(["-c", cmd])
                .stdin(std::process::Stdio::inherit())
                .stderr(std::process::Stdio::inherit())
                .output()
                .map_err(|e| CommandError::environment(format!("{who}: cannot run password_command: {e}")))?;
            if !out.status.success() {
                return Err(CommandError::environment(format!("{who}: password_command failed ({})", out.status))
                    .with_hint("run the command by hand to see why (is the password manager unlocked?)"));
            }
            strip_newline(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        SecretSource::Prompt => {
            if !std::io::stdin().is_terminal() {
                return Err(CommandError::usage(format!("{who} needs a bind password and there is no terminal to ask on"))
                    .with_hint("set password_file, password_env or password_command in the profile"));
            }
            rpassword::prompt_password(format!("Password for {} ({profile}): ", bind_dn.unwrap_or("the bind DN")))
                .map_err(|e| CommandError::environment(format!("{who}: cannot read the password: {e}")))?
        }
    };
    if secret.is_empty() {
        return Err(CommandError::usage(format!("{who}: the bind password is empty")).with_hint("check the profile's password source"));
    }
    Ok(Some(Secret::new(secret)))
}
