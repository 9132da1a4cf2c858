//! The audit trail: one JSON line per change, under the XDG state directory
//! (`~/.local/state/deskhand/audit.jsonl`). It records who changed what, where, why and
//! how it went; never a secret.

use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
struct Line<'a> {
    time: String,
    operator: &'a str,
    /// Who the directory saw make the change: the bind DN or Kerberos principal.
    #[serde(skip_serializing_if = "Option::is_none")]
    bind: Option<&'a str>,
    directory: &'a str,
    target: &'a str,
    action: &'a str,
    result: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ticket: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

/// Where audit lines go, and the fields every line shares.
#[derive(Debug)]
pub struct Audit {
    pub path: Option<PathBuf>,
    pub operator: String,
    /// The identity the directory saw (bind DN or Kerberos principal), next to the
    /// local operator.
    pub bind: Option<String>,
    pub directory: String,
    pub ticket: Option<String>,
    pub reason: Option<String>,
    /// The file, opened on the first line and kept for the rest of the run.
    file: std::sync::Mutex<Option<std::fs::File>>,
}

impl Audit {
    /// An audit trail for this run; nothing is opened until the first change.
    pub fn new(path: Option<PathBuf>, directory: &str, ticket: Option<String>, reason: Option<String>) -> Self {
        Self {
            path,
            operator: Self::operator(),
            bind: None,
            directory: directory.to_string(),
            ticket,
            reason,
            file: std::sync::Mutex::new(None),
        }
    }

    /// The same trail, recording the identity the directory saw
    /// ([`Directory::bound_as`](super::directory::Directory::bound_as)).
    #[must_use]
    pub fn bound_as(mut self, identity: Option<String>) -> Self {
        self.bind = identity;
        self
    }

    /// The default audit file: `$XDG_STATE_HOME/deskhand/audit.jsonl`, else
    /// `~/.local/state/deskhand/audit.jsonl`.
    pub fn default_path() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_STATE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".local/state")))?;
        Some(base.join("deskhand").join("audit.jsonl"))
    }

    /// The operator's name: `$SUDO_USER`, `$USER`, `$LOGNAME`, else the name of the
    /// process's user in /etc/passwd, else "uid N".
    pub fn operator() -> String {
        if let Some(name) = ["SUDO_USER", "USER", "LOGNAME"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty())) {
            return name;
        }
        let uid = std::fs::read_to_string("/proc/self/status").ok().and_then(|s| {
            s.lines().find_map(|l| l.strip_prefix("Uid:").and_then(|r| r.split_whitespace().next().map(ToString::to_string)))
        });
        let Some(uid) = uid else { return "unknown".into() };
        std::fs::read_to_string("/etc/passwd")
            .ok()
            .and_then(|p| {
                p.lines().find_map(|l| {
                    let mut f = l.split(':');
                    let name = f.next()?;
                    (f.nth(1)? == uid).then(|| name.to_string())
                })
            })
            .unwrap_or(format!("uid {uid}"))
    }

    /// Opens (creating it if needed) the audit file now, so that a change is refused
    /// before it is made when it could not be recorded.
    pub fn open(&self) -> std::io::Result<()> {
        let Some(path) = &self.path else { return Ok(()) };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut file = self.file.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if file.is_none() {
            *file = Some(std::fs::OpenOptions::new().create(true).append(true).open(path)?);
        }
        Ok(())
    }

    /// Appends one line. Failing to write the audit trail is reported, not hidden.
    pub fn record(&self, target: &str, action: &str, result: &str) -> std::io::Result<()> {
        let Some(path) = &self.path else { return Ok(()) };
        if let Some(dir) = path.parent()
            && !dir.exists()
        {
            std::fs::create_dir_all(dir)?;
        }
        let line = Line {
            time: crate::util::rfc3339(crate::util::now_unix()),
            operator: &self.operator,
            bind: self.bind.as_deref(),
            directory: &self.directory,
            target,
            action,
            result,
            ticket: self.ticket.as_deref(),
            reason: self.reason.as_deref(),
        };
        let mut text = serde_json::to_string(&line).map_err(std::io::Error::other)?;
        text.push('\n');
        let mut file = self.file.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if file.is_none() {
            *file = Some(std::fs::OpenOptions::new().create(true).append(true).open(path)?);
        }
        // One write per line on an O_APPEND file: lines from concurrent runs never mix.
        file.as_mut().map_or(Ok(()), |f| f.write_all(text.as_bytes()))
    }
}
