//! The logic behind deskhand's commands, free of any command-line parsing or terminal
//! handling. Each verb lives in its own file (`net/ping.rs` holds `net ping`), takes a
//! plain request struct plus its I/O seams (traits such as [`net::ping::Pinger`]), and
//! returns a serializable report together with an [`Outcome`]. Rendering and exit codes
//! are the CLI crate's business.

pub mod account;
pub mod diagnose;
pub mod error;
pub mod inventory;
pub mod net;
pub mod progress;
pub mod util;

pub use error::{CommandError, ErrorKind};
pub use progress::Progress;

use serde::Serialize;

/// What a command concluded, independent of how it is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Everything asked for was found good.
    Ok,
    /// The command ran, and the check said no (host down, port closed, name missing).
    CheckFailed,
    /// A bulk change stopped part-way because the environment failed (the directory went
    /// away): the report says what was done; a rerun finishes the job.
    Incomplete,
    /// Some change was sent and got no answer (the directory went away or timed out
    /// first): whether it was applied is unknown, the report says which items; a rerun
    /// settles them.
    Unknown,
    /// The user pressed Ctrl-C during a bulk change: the report says what was done.
    Interrupted,
}

impl Outcome {
    /// `Ok` when `ok` holds, `CheckFailed` otherwise.
    pub fn from_ok(ok: bool) -> Self {
        if ok { Self::Ok } else { Self::CheckFailed }
    }

    /// The outcome of a batch of changes from its counts: Ctrl-C, then a change sent
    /// without answer, then items never sent, then whether every item went well.
    pub fn of_batch(interrupted: bool, unknown: usize, not_done: usize, all_ok: bool) -> Self {
        if interrupted {
            Self::Interrupted
        } else if unknown > 0 {
            Self::Unknown
        } else if not_done > 0 {
            Self::Incomplete
        } else {
            Self::from_ok(all_ok)
        }
    }

    pub fn is_ok(self) -> bool {
        self == Self::Ok
    }

    /// The worse of two outcomes (interrupted, then unknown, then incomplete, then the
    /// check said no).
    #[must_use]
    pub fn worst(self, other: Self) -> Self {
        let rank = |o: Self| match o {
            Self::Ok => 0,
            Self::CheckFailed => 1,
            Self::Incomplete => 2,
            Self::Unknown => 3,
            Self::Interrupted => 4,
        };
        if rank(other) > rank(self) { other } else { self }
    }
}

#[cfg(test)]
mod tests {
    use super::Outcome;

    #[test]
    fn a_batch_outcome_ranks_what_is_least_known_first() {
        assert_eq!(Outcome::of_batch(true, 3, 3, false), Outcome::Interrupted);
        assert_eq!(Outcome::of_batch(false, 1, 3, false), Outcome::Unknown, "sent, no answer outranks not sent");
        assert_eq!(Outcome::of_batch(false, 0, 3, true), Outcome::Incomplete);
        assert_eq!(Outcome::of_batch(false, 0, 0, false), Outcome::CheckFailed);
        assert_eq!(Outcome::of_batch(false, 0, 0, true), Outcome::Ok);
    }
}
