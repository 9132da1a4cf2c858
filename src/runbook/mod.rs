//! Runbooks: a YAML file of deskhand command lines, checked whole before anything runs,
//! then run step by step in one process.
//!
//! ```yaml
//! name: password-reset
//! params:
//!   user: { required: true, pattern: '[a-z][a-z0-9._-]*' }
//! steps:
//!   - id: before
//!     run: account show {{ user }}
//!     continue_on_error: true
//!   - id: reset
//!     run: account reset {{ user }}
//!     confirm: true
//!   - id: verify
//!     when: steps.reset.ok
//!     run: account show {{ user }}
//! ```
//!
//! - [`load`] reads and checks a file ([`validate`]): YAML shape, unknown keys, params,
//!   ids, templates and the names they read, and each step's argv through the real clap
//!   parser. Every problem comes back at once, at `file:line:col` ([`RunbookErrors`]).
//! - [`resolve_params`] turns `--param k=v` into checked values, asking on a terminal.
//! - [`run`] runs the steps through a [`StepRunner`] and returns a [`RunReport`].
//!
//! A step's `run:` is split into words first and filled in after ([`words`]), and an
//! argument whose first character comes from a value may not begin with `-` unless it
//! follows a literal `--` ([`command::fill`]): a parameter is always exactly one argument
//! (a list: one per element), never an option.

pub mod catalog;
pub mod command;
pub mod error;
pub mod exec;
pub mod model;
pub mod params;
pub mod report;
pub mod template;
pub mod validate;
pub mod words;
pub mod yaml;

#[cfg(test)]
mod tests;

pub use catalog::{ListReport, ShowReport, ValidateReport, find, list, search_dirs, show, validate_files};
pub use error::{Problem, RunbookErrors};
pub use exec::{Interrupt, Observer, Quiet, RunOptions, StepOutput, StepRunner, run};
pub use model::{Param, ParamType, ParamValue, Runbook, Step};
pub use params::{NoPrompt, Params, Prompter, TerminalPrompter, parse_param_arg, resolve_params, with_env_secrets};
pub use report::{RunReport, SCHEMA, StepReport, StepStatus, took};
pub use validate::{load, parse};
