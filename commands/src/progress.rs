//! The progress seam: commands report how far they are; the CLI decides whether that
//! becomes a bar on stderr or nothing at all.

/// Receives progress from a long-running command. Implementations must be cheap to call
/// from many tasks at once.
pub trait Progress: Send + Sync {
    /// The total amount of work is now known.
    fn set_length(&self, len: u64);
    /// `n` more units are done.
    fn inc(&self, n: u64);
    /// A short description of what is happening now.
    fn set_message(&self, msg: &str);
}

/// A progress sink that discards everything (for tests, `--quiet`, and non-terminals).
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn set_length(&self, _len: u64) {}
    fn inc(&self, _n: u64) {}
    fn set_message(&self, _msg: &str) {}
}
