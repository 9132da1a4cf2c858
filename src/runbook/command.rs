//! A step's command line against the real CLI: filling its words into argv (with the
//! leading-dash rule), parsing argv with the same clap definition `deskhand` itself
//! uses, and the dry-run and ticket rewriting.

use super::template::{Arg, Engine, TemplateError};
use super::words::Word;
use clap::error::{ContextKind, ContextValue};
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};
use std::sync::LazyLock;

/// Commands that change something: the directory, or (a snapshot) a file. The list
/// keeps a changing command without `--dry-run` from running in a dry run (a runbook's,
/// or Ansible's check mode).
pub const KNOWN_CHANGING: [&str; 11] = [
    "account unlock",
    "account disable",
    "account enable",
    "account reset",
    "account group add",
    "account group remove",
    "account create",
    "account onboard",
    "account offboard",
    "account restore",
    "inventory snapshot",
];

static CLI: LazyLock<clap::Command> = LazyLock::new(crate::cli::Cli::command);

/// What clap made of a step's argv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The command, e.g. `["account", "unlock"]`.
    pub path: Vec<String>,
    /// The command has a `--dry-run` flag.
    pub takes_dry_run: bool,
    /// The step itself asks for a dry run.
    pub dry_run_set: bool,
    /// The command has `--ticket`.
    pub takes_ticket: bool,
    /// The step gives its own `--ticket`.
    pub ticket_set: bool,
    /// The command asks on the terminal before it changes anything (it has `--yes`, and
    /// the step does not give it): only a step with `confirm: true` may run it, and the
    /// runbook's confirmation answers it.
    pub asks_yes: bool,
}

impl Parsed {
    /// The step would change something.
    pub fn changing(&self) -> bool {
        !self.dry_run_set && (self.takes_dry_run || KNOWN_CHANGING.contains(&self.path.join(" ").as_str()))
    }
}

/// Parses argv (without the program name) exactly as `deskhand` would.
pub fn parse(argv: &[String]) -> Result<Parsed, clap::Error> {
    let mut cmd = CLI.clone();
    let full = std::iter::once("deskhand").chain(argv.iter().map(String::as_str));
    let matches = cmd.try_get_matches_from_mut(full)?;
    // What the derive types accept too, not only the matcher.
    crate::cli::Cli::from_arg_matches(&matches)?;
    let mut path = Vec::new();
    let (mut m, mut c) = (&matches, &cmd);
    while let Some((name, sub)) = m.subcommand() {
        path.push(name.to_string());
        let Some(next) = c.find_subcommand(name) else { break };
        c = next;
        m = sub;
    }
    let takes = |id: &str| c.get_arguments().any(|a| a.get_id() == id);
    let takes_dry_run = takes("dry_run");
    let takes_ticket = takes("ticket");
    let dry_run_set = takes_dry_run && matches!(m.try_get_one::<bool>("dry_run"), Ok(Some(true)));
    let ticket_set =
        takes_ticket && m.try_contains_id("ticket").unwrap_or(false) && m.value_source("ticket") == Some(ValueSource::CommandLine);
    // A step that asks for its own dry run changes nothing, and asks nothing.
    let asks_yes = takes("yes") && !dry_run_set && !matches!(m.try_get_one::<bool>("yes"), Ok(Some(true)));
    Ok(Parsed { path, takes_dry_run, dry_run_set, takes_ticket, ticket_set, asks_yes })
}

/// clap's message without the usage block, on one line.
pub fn clap_message(e: &clap::Error) -> String {
    use clap::error::ErrorKind as K;
    match e.kind() {
        K::DisplayHelp | K::DisplayHelpOnMissingArgumentOrSubcommand => return "a step cannot ask for help: give a whole command".into(),
        K::DisplayVersion => return "a step cannot ask for the version".into(),
        _ => {}
    }
    let text = e.render().to_string();
    let message = text
        .lines()
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let message = message.strip_prefix("error: ").unwrap_or(&message).to_string();
    if message.is_empty() { "the command line is not valid".into() } else { message }
}

/// The argv texts clap complained about, to point at the word.
pub fn offending(e: &clap::Error) -> Vec<String> {
    let mut out = Vec::new();
    for kind in [ContextKind::InvalidSubcommand, ContextKind::InvalidValue, ContextKind::InvalidArg] {
        match e.get(kind) {
            Some(ContextValue::String(s)) => out.push(s.clone()),
            Some(ContextValue::Strings(v)) => out.extend(v.iter().cloned()),
            _ => {}
        }
    }
    out
}

/// Global options that take a value as the next word.
const VALUE_OPTIONS: [&str; 7] = ["-o", "--output", "--color", "--config", "--timeout", "-D", "--directory"];

/// The index of the word that names the command (`account`, `net`...), skipping global
/// options; `None` when there is none.
pub fn command_word(words: &[Word]) -> Option<usize> {
    let mut skip_next = false;
    for (i, w) in words.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        if w.literal_dash {
            skip_next = VALUE_OPTIONS.contains(&w.text.as_str());
            continue;
        }
        return Some(i);
    }
    None
}

/// A problem filling a word in: which word, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FillError {
    pub word: usize,
    pub error: TemplateError,
}

/// Fills every word in. An argument whose first character came from a value (not from
/// the runbook's own text) may not begin with `-`, unless it stands after a literal
/// `--`: so a parameter can never become an option. Returns each argument with the
/// index of the word it came from.
pub fn fill(words: &[Word], engine: &Engine, ctx: &minijinja::Value) -> Result<Vec<(usize, String)>, FillError> {
    let mut out = Vec::new();
    let mut after_dashes = false;
    for (i, w) in words.iter().enumerate() {
        let args = engine.render_word(w, ctx).map_err(|error| FillError { word: i, error })?;
        for Arg { text, value_start, value_in_name } in args {
            if value_start && !after_dashes && text.starts_with('-') {
                return Err(FillError { word: i, error: TemplateError::plain(dash_message(&w.text, &text)) });
            }
            if value_in_name && !after_dashes {
                return Err(FillError { word: i, error: TemplateError::plain(name_message(&w.text)) });
            }
            out.push((i, text));
        }
        if !w.templated && w.text == "--" {
            after_dashes = true;
        }
    }
    Ok(out)
}

/// For `-{{ x }}` and the like.
pub fn name_message(word: &str) -> String {
    format!("`{word}`: a template cannot make an option's name; write the value after '=', e.g. --name={{{{ value }}}}")
}

fn dash_message(word: &str, value: &str) -> String {
    format!(
        "`{word}` gives '{value}', which begins with '-' and would be read as an option; a value from a template may not \
         begin an argument with '-' (if it is a value, write the option as --name={{{{ value }}}}, or put the arguments after `--`)"
    )
}

/// The argv to run: in a dry run a changing command gets `--dry-run`, a command that
/// takes `--ticket` gets the run's ticket unless the step gives its own, and a command
/// that would ask gets `--yes` when the step confirmed (`confirmed`: the runbook asked, or
/// `--yes` answered for it). The flags go before a `--` (after it they would be plain
/// arguments).
pub fn rewrite(mut argv: Vec<String>, parsed: &Parsed, dry_run: bool, ticket: Option<&str>, confirmed: bool) -> Vec<String> {
    let mut extra = Vec::new();
    if confirmed && parsed.asks_yes {
        extra.push("--yes".to_string());
    }
    if dry_run && parsed.takes_dry_run && !parsed.dry_run_set {
        extra.push("--dry-run".to_string());
    }
    if let Some(t) = ticket
        && parsed.takes_ticket
        && !parsed.ticket_set
    {
        // One argument, so a ticket that begins with '-' stays the ticket.
        extra.push(format!("--ticket={t}"));
    }
    let at = argv.iter().position(|a| a == "--").unwrap_or(argv.len());
    argv.splice(at..at, extra);
    argv
}
