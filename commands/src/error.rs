//! Errors that end a command, sorted into the kinds that decide the exit code.
//! Every error carries a message (what failed, where) and, where we know one, a hint
//! (what to do next).

use std::fmt;

/// The class of an error; the CLI maps each to one exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad input: a malformed address, an unknown record type, a port out of range.
    Usage,
    /// The environment stopped us: no privilege, cannot bind, cannot connect to a server.
    Environment,
    /// A connection that was up went away (or stopped answering) mid-run: what was done
    /// is done, the rest is not; a rerun finishes.
    Connection,
    /// A change went out (or may have: it was handed to the connection) and no answer
    /// came: the connection broke or timed out first. Whether the directory applied it
    /// is unknown; a rerun settles it (it skips what is done).
    Unanswered,
    /// The user pressed Ctrl-C.
    Interrupted,
}

/// An error that ends a command.
#[derive(Debug, Clone)]
pub struct CommandError {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<String>,
    /// The user given is not one account: no such account, several by that name, or an
    /// entry deskhand may not act on (a usage error, told apart from the other usage
    /// errors so `diagnose` can report it as a fact about the user).
    pub unresolved: bool,
}

impl CommandError {
    /// Whether the directory (or the way to it) went away: the rest of a batch cannot be
    /// done on this connection.
    pub fn is_lost(&self) -> bool {
        matches!(self.kind, ErrorKind::Connection | ErrorKind::Unanswered)
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Usage, message: message.into(), hint: None, unresolved: false }
    }

    pub fn environment(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Environment, message: message.into(), hint: None, unresolved: false }
    }

    /// What failed and what to do, on one line: for a report's item or finding.
    pub fn one_line(&self) -> String {
        match &self.hint {
            Some(h) => format!("{} (hint: {h})", self.message),
            None => self.message.clone(),
        }
    }

    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CommandError {}

pub type Result<T> = std::result::Result<T, CommandError>;
