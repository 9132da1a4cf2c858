//! A run's parameter values: from `--param name=value`, else the default, else asked on
//! the terminal (secret ones without echo); checked against the type, choices and
//! pattern. Secret values never appear in a message, a report or an echoed argv.

use super::model::{Param, ParamType, ParamValue, Runbook};
use deskhand_commands::CommandError;
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};

/// Asks the person at the terminal. The real one is [`TerminalPrompter`]; tests use fakes.
pub trait Prompter {
    /// A value for a missing param; `Ok(None)` when there is no terminal to ask on.
    fn value(&self, param: &Param) -> Result<Option<String>, CommandError>;
    /// Yes or no before a step; `None` when there is no terminal to ask on.
    fn confirm(&self, question: &str) -> Option<bool>;
}

/// Asks on the terminal (stderr for the question, stdin for the answer).
pub struct TerminalPrompter;

impl Prompter for TerminalPrompter {
    fn value(&self, param: &Param) -> Result<Option<String>, CommandError> {
        if !std::io::stdin().is_terminal() {
            return Ok(None);
        }
        let help = param.help.as_deref().map(|h| format!(" ({})", deskhand_commands::util::sanitize(h))).unwrap_or_default();
        let list = if param.kind == ParamType::List { " [comma-separated]" } else { "" };
        let question = format!("{}{help}{list}: ", param.name);
        let answer = if param.secret {
            rpassword::prompt_password(question)
        } else {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "{question}");
            let _ = err.flush();
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).map(|_| line)
        };
        let answer = answer.map_err(|e| CommandError::environment(format!("cannot read the value of '{}': {e}", param.name)))?;
        Ok(Some(answer.trim_end_matches(['\r', '\n']).to_string()))
    }

    fn confirm(&self, question: &str) -> Option<bool> {
        if !std::io::stdin().is_terminal() {
            return None;
        }
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "{} [y/N] ", deskhand_commands::util::sanitize(question));
        let _ = err.flush();
        drop(err);
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).ok()?;
        Some(matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes"))
    }
}

/// Never asks: for scripts, CI and tests.
pub struct NoPrompt;

impl Prompter for NoPrompt {
    fn value(&self, _param: &Param) -> Result<Option<String>, CommandError> {
        Ok(None)
    }

    fn confirm(&self, _question: &str) -> Option<bool> {
        None
    }
}

/// The values of a run.
#[derive(Debug, Clone, Default)]
pub struct Params {
    /// Every param of the runbook; `None` for an optional one without a value.
    values: BTreeMap<String, Option<ParamValue>>,
    /// The values of secret params, to blank out.
    secrets: Vec<String>,
}

impl Params {
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.values.get(name).and_then(Option::as_ref)
    }

    /// Every param, values of secret ones as `***`; for reports.
    pub fn redacted(&self, rb: &Runbook) -> BTreeMap<String, serde_json::Value> {
        self.values
            .iter()
            .map(|(k, v)| {
                let shown = match v {
                    None => serde_json::Value::Null,
                    Some(_) if rb.param(k).is_some_and(|p| p.secret) => serde_json::Value::String(REDACTED.into()),
                    Some(v) => serde_json::to_value(v).unwrap_or(serde_json::Value::Null),
                };
                (k.clone(), shown)
            })
            .collect()
    }

    /// `text` with every secret value blanked out.
    pub fn redact(&self, text: &str) -> String {
        redact_with(&self.secrets, text)
    }

    pub(crate) fn secrets(&self) -> &[String] {
        &self.secrets
    }

    /// As template values: (name, value) for each param that has one; `none` otherwise.
    pub(crate) fn template_values(&self) -> BTreeMap<String, minijinja::Value> {
        self.values.iter().map(|(k, v)| (k.clone(), v.as_ref().map_or(minijinja::Value::from(()), ParamValue::to_template))).collect()
    }
}

/// What a secret shows as.
pub const REDACTED: &str = "***";

pub(crate) fn redact_with(secrets: &[String], text: &str) -> String {
    let mut out = text.to_string();
    // Longest first: a secret that holds another is blanked whole.
    let mut sorted: Vec<&String> = secrets.iter().filter(|s| !s.is_empty()).collect();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for s in sorted {
        out = out.replace(s.as_str(), REDACTED);
    }
    out
}

/// Splits `name=value` (a `--param` argument).
pub fn parse_param_arg(arg: &str) -> Result<(String, String), String> {
    match arg.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("'{arg}' is not NAME=VALUE")),
    }
}

/// The environment variable a secret param may come from: `DESKHAND_PARAM_<NAME>`.
pub fn env_name(param: &str) -> String {
    format!("DESKHAND_PARAM_{}", param.to_ascii_uppercase())
}

/// The params of the command line, with each secret one the command line does not give
/// taken from its environment variable ([`env_name`]). A secret given on the command
/// line is refused: it would show in `ps` and the shell's history.
pub fn with_env_secrets(
    rb: &Runbook,
    argv: &[(String, String)],
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<(String, String)>, CommandError> {
    let mut out = argv.to_vec();
    for p in rb.params.iter().filter(|p| p.secret) {
        if argv.iter().any(|(k, _)| *k == p.name) {
            return Err(CommandError::usage(format!(
                "param '{}' is secret: on the command line it would show in `ps` and the shell's history",
                p.name
            ))
            .with_hint(format!("leave it out to be asked for it without echo, or set {} in the environment", env_name(&p.name))));
        }
        if let Some(v) = env(&env_name(&p.name)) {
            out.push((p.name.clone(), v));
        }
    }
    Ok(out)
}

/// The run's values: given ones, then defaults, then asked; every problem at once.
pub fn resolve_params(rb: &Runbook, given: &[(String, String)], prompt: &dyn Prompter) -> Result<Params, CommandError> {
    let mut problems: Vec<String> = Vec::new();
    let mut raw: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (k, v) in given {
        match rb.param(k) {
            None => {
                let names: Vec<&str> = rb.params.iter().map(|p| p.name.as_str()).collect();
                let known = if names.is_empty() { "it takes none".to_string() } else { format!("it takes {}", names.join(", ")) };
                problems.push(format!("runbook '{}' has no param '{k}' ({known})", rb.name));
            }
            Some(p) => {
                let list = raw.entry(p.name.as_str()).or_default();
                if p.kind != ParamType::List && !list.is_empty() {
                    problems.push(format!("param '{k}' is given twice"));
                }
                list.push(v.as_str());
            }
        }
    }
    let mut values = BTreeMap::new();
    let mut secrets = Vec::new();
    for p in &rb.params {
        let value = match raw.get(p.name.as_str()) {
            Some(texts) => match convert(p, texts) {
                Ok(v) => Some(v),
                Err(e) => {
                    problems.push(e);
                    continue;
                }
            },
            None if p.default.is_some() && !p.required => p.default.clone(),
            None if p.required => {
                let Some(text) = prompt.value(p)? else {
                    let help = p.help.as_deref().map(|h| format!(" ({h})")).unwrap_or_default();
                    problems.push(format!("param '{}' is required{help}", p.name));
                    continue;
                };
                match convert(p, &[text.as_str()]) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        problems.push(e);
                        continue;
                    }
                }
            }
            None => None,
        };
        if p.secret
            && let Some(v) = &value
        {
            secrets.push(v.text());
        }
        values.insert(p.name.clone(), value);
    }
    if problems.is_empty() {
        return Ok(Params { values, secrets });
    }
    let usage: Vec<String> = rb.params.iter().filter(|p| p.required).map(|p| format!("--param {}=...", p.name)).collect();
    Err(CommandError::usage(problems.join("\n")).with_hint(if usage.is_empty() {
        "give values as --param NAME=VALUE (`deskhand runbook show FILE` lists the params)".to_string()
    } else {
        format!("give values as --param NAME=VALUE, e.g. {} (`deskhand runbook show FILE` lists the params)", usage.join(" "))
    }))
}

/// A given text as a value of the param's type, checked. Secret values stay out of messages.
fn convert(p: &Param, texts: &[&str]) -> Result<ParamValue, String> {
    let show = |t: &str| if p.secret { REDACTED.to_string() } else { format!("'{t}'") };
    let value = match p.kind {
        ParamType::List => {
            ParamValue::List(texts.iter().flat_map(|t| t.split(',')).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect())
        }
        ParamType::Int => {
            let t = texts[0].trim();
            ParamValue::Int(t.parse().map_err(|_| format!("param '{}': {} is not a whole number", p.name, show(t)))?)
        }
        ParamType::Bool => {
            let t = texts[0].trim();
            ParamValue::Bool(match t.to_ascii_lowercase().as_str() {
                "true" | "yes" | "y" | "on" | "1" => true,
                "false" | "no" | "n" | "off" | "0" => false,
                _ => return Err(format!("param '{}': {} is not true or false", p.name, show(t))),
            })
        }
        ParamType::String => ParamValue::Str(texts[0].to_string()),
    };
    if p.required && matches!(&value, ParamValue::Str(s) if s.is_empty()) {
        return Err(format!("param '{}' is required and was given empty", p.name));
    }
    for item in value.items() {
        if !p.choices.is_empty() && !p.choices.contains(&item) {
            return Err(format!("param '{}': {} is not one of {}", p.name, show(&item), p.choices.join(", ")));
        }
        if let Some(r) = &p.regex
            && !r.is_match(&item)
        {
            let pattern = p.pattern.as_deref().unwrap_or_default();
            return Err(format!("param '{}': {} does not match the pattern {pattern}", p.name, show(&item)));
        }
        if item.chars().any(char::is_control) {
            return Err(format!("param '{}': {} holds control characters", p.name, show(&item)));
        }
    }
    Ok(value)
}
