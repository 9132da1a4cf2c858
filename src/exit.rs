//! The one table of exit codes. Every path out of the program goes through [`Exit`].

use deskhand_commands::ErrorKind;

/// Exit codes, documented in `--help` and the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything checked out.
    Ok = 0,
    /// The command ran and the check said no: a host down, a port closed, a name missing.
    CheckFailed = 1,
    /// Usage or input error: a bad flag, address, file or value.
    Usage = 2,
    /// Environment error: no privilege, cannot bind, cannot connect to a needed server.
    Environment = 3,
    /// Interrupted (Ctrl-C).
    Interrupted = 130,
}

impl Exit {
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The exit of a command that ran to a report.
    pub fn from_outcome(outcome: deskhand_commands::Outcome) -> Self {
        use deskhand_commands::Outcome;
        match outcome {
            Outcome::Ok => Self::Ok,
            Outcome::CheckFailed => Self::CheckFailed,
            // A bulk change that stopped because the directory went away.
            Outcome::Incomplete => Self::Environment,
            // Changes sent that got no answer: the directory went away mid-change.
            Outcome::Unknown => Self::Environment,
            Outcome::Interrupted => Self::Interrupted,
        }
    }

    pub fn from_kind(kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::Usage => Self::Usage,
            ErrorKind::Environment | ErrorKind::Connection | ErrorKind::Unanswered => Self::Environment,
            ErrorKind::Interrupted => Self::Interrupted,
        }
    }
}

/// The exit-code table as shown at the end of `--help`.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    ok
  1    the check said no (host down, port closed, account locked, an account
       change failed or refused); a name that does not resolve, whatever DNS
       said, in ping, port, check and dns alike
  2    usage or input error (bad flag, file, config; a target that is not a
       host name, address or range)
  3    environment error (no privilege, cannot bind or connect; a directory
       server unreachable or gone mid-change: the report says what is done,
       not done, or unknown)
  130  interrupted";
