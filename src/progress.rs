//! Progress bars on stderr (indicatif), only when stderr is a terminal and not `--quiet`.

use deskhand_commands::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Mutex;

/// The live spinner of a runbook step, if one is drawing: a prompt on the terminal
/// (the bind password) hides it first, or its redraws would wipe the prompt.
static LIVE: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Makes `bar` the one [`suspend`] hides (`None`: no bar draws now).
pub fn set_live(bar: Option<ProgressBar>) {
    if let Ok(mut live) = LIVE.lock() {
        *live = bar;
    }
}

/// Takes the live spinner away (to finish it).
pub fn take_live() -> Option<ProgressBar> {
    LIVE.lock().ok().and_then(|mut b| b.take())
}

/// Runs `f` (which may talk to the terminal) with the live spinner hidden.
pub fn suspend<R>(f: impl FnOnce() -> R) -> R {
    let bar = LIVE.lock().ok().and_then(|b| b.clone());
    match bar {
        Some(bar) => bar.suspend(f),
        None => f(),
    }
}

/// A bar, or a hidden one that costs nothing.
pub struct Bar(ProgressBar, bool);

impl Bar {
    pub fn new(visible: bool, what: &str) -> Self {
        if !visible {
            return Self(ProgressBar::hidden(), false);
        }
        // Drawn only once the length is known (no "0/0" flash).
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {prefix} [{bar:30}] {pos}/{len} {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.set_prefix(what.to_string());
        Self(bar, true)
    }

    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Progress for Bar {
    fn set_length(&self, len: u64) {
        self.0.set_length(len);
        if self.1 {
            self.0.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn inc(&self, n: u64) {
        // A hidden bar still reads the clock on each step (10,000 DNS answers: 10,000
        // clock reads for nothing).
        if self.1 {
            self.0.inc(n);
        }
    }

    fn set_message(&self, msg: &str) {
        if self.1 {
            self.0.set_message(msg.to_string());
        }
    }
}
