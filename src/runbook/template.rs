//! Templates (minijinja, Jinja-compatible): filling a word of a step's command line, and
//! evaluating `when:` and `until:` expressions.
//!
//! A word becomes exactly one argument. To know which characters of that argument came
//! from a value (a parameter, a step's data) rather than from the runbook's own text,
//! every `{{ }}` output is bracketed by private-use marker characters while rendering
//! and the markers are stripped afterwards: an argument whose first character came from
//! a value may not begin with `-` (see [`Arg::value_start`]).

use super::words::Word;
use minijinja::value::{Object, ObjectRepr, ValueKind};
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior, Value};
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Characters that the value markers use; never allowed in a runbook's own text.
pub fn is_reserved(c: char) -> bool {
    c == OPEN || c == CLOSE
}

/// Template steps a render may take: enough for any sane runbook, and a bound on a loop
/// that would never end.
const FUEL: u64 = 200_000;

/// One argument made from a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    pub text: String,
    /// The first character came from a value, not from the runbook's text.
    pub value_start: bool,
    /// The argument is an option (a literal `-` first) and a value stands in its name,
    /// before any literal `=`: `{% if x %}-{{ y }}{% endif %}`.
    pub value_in_name: bool,
}

/// The template environment: strict about undefined names, bounded in work.
pub struct Engine {
    env: Environment<'static>,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    pub fn new() -> Self {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(FUEL));
        env.set_recursion_limit(50);
        env.set_formatter(|out, _state, value| {
            match value.kind() {
                ValueKind::Undefined => return Err(Error::new(ErrorKind::UndefinedError, "undefined value")),
                ValueKind::None => {
                    return Err(Error::new(ErrorKind::InvalidOperation, "the value is none (an optional param without a value?)"));
                }
                ValueKind::Seq | ValueKind::Iterable | ValueKind::Map => {
                    return Err(Error::new(
                        ErrorKind::InvalidOperation,
                        "a list or mapping cannot be part of a larger argument: make `{{ list }}` a word of its own (one argument per element) or join it, e.g. {{ list | join(',') }}",
                    ));
                }
                _ => {}
            }
            let text: String = value.to_string().chars().map(|c| if is_reserved(c) { '\u{FFFD}' } else { c }).collect();
            write!(out, "{OPEN}{text}{CLOSE}").map_err(Error::from)
        });
        Self { env }
    }

    /// Checks a word's template syntax; returns the names it reads (`steps.vpn.ok`...).
    pub fn check_template(&self, text: &str) -> Result<BTreeSet<String>, TemplateError> {
        let t = self.env.template_from_str(text).map_err(|e| TemplateError::from_minijinja(&e))?;
        Ok(t.undeclared_variables(true).into_iter().collect())
    }

    /// Checks an expression's syntax; returns the names it reads.
    pub fn check_expression(&self, text: &str) -> Result<BTreeSet<String>, TemplateError> {
        let e = self.compile_expression(text)?;
        Ok(e.undeclared_variables(true).into_iter().collect())
    }

    /// Evaluates an expression.
    pub fn eval(&self, expr: &str, ctx: &Value) -> Result<Value, TemplateError> {
        let e = self.compile_expression(expr)?;
        e.eval(ctx).map_err(|e| TemplateError::from_minijinja(&e))
    }

    /// An expression, compiled. A bare `}}` is refused first: minijinja's expression
    /// lexer panics on one ("empty lexer stack", found by fuzzing).
    fn compile_expression<'a>(&'a self, text: &'a str) -> Result<minijinja::Expression<'a, 'a>, TemplateError> {
        if let Some(at) = bare_closer(text) {
            return Err(TemplateError {
                message: "`}}` has no place in an expression: write `when: x > 3`, not `when: {{ x }} > 3`".into(),
                range: Some(at..at + 2),
            });
        }
        self.env.compile_expression(text).map_err(|e| TemplateError::from_minijinja(&e))
    }

    /// Evaluates a `when:`/`until:` expression to true or false.
    pub fn truth(&self, expr: &str, ctx: &Value) -> Result<bool, TemplateError> {
        self.eval(expr, ctx).map(|v| v.is_true())
    }

    /// Fills a word: one argument, one per element of a whole-word list, or none for a
    /// word made only of `{% if %}` blocks that came out empty.
    pub fn render_word(&self, word: &Word, ctx: &Value) -> Result<Vec<Arg>, TemplateError> {
        if !word.templated {
            return Ok(vec![Arg { text: word.text.clone(), value_start: false, value_in_name: false }]);
        }
        if let Some(expr) = &word.whole {
            let v = self.eval(expr, ctx)?;
            return match v.kind() {
                ValueKind::Seq | ValueKind::Iterable => {
                    let items = v.try_iter().map_err(|e| TemplateError::from_minijinja(&e))?;
                    items.map(|item| scalar(&item).map(|text| Arg { text, value_start: true, value_in_name: false })).collect()
                }
                _ => Ok(vec![Arg { text: scalar(&v)?, value_start: true, value_in_name: false }]),
            };
        }
        let out = self.env.render_str(&word.text, ctx).map_err(|e| TemplateError::from_minijinja(&e))?;
        let mut text = String::with_capacity(out.len());
        let (mut inside, mut any_value, mut value_start) = (false, false, None);
        // An option written in the text (`-` first): is a value in its name, before `=`?
        let (mut option, mut named, mut value_in_name) = (false, false, false);
        for c in out.chars() {
            match c {
                OPEN => {
                    inside = true;
                    any_value = true;
                }
                CLOSE => inside = false,
                c => {
                    if value_start.is_none() {
                        value_start = Some(inside);
                        option = !inside && c == '-';
                    } else if option && !named {
                        if inside {
                            value_in_name = true;
                        } else if c == '=' {
                            named = true;
                        }
                    }
                    text.push(c);
                }
            }
        }
        if text.is_empty() && !any_value {
            return Ok(Vec::new());
        }
        Ok(vec![Arg { text, value_start: value_start.unwrap_or(any_value), value_in_name }])
    }
}

/// A value that must become one argument.
fn scalar(v: &Value) -> Result<String, TemplateError> {
    match v.kind() {
        ValueKind::Undefined => Err(TemplateError::plain("undefined value")),
        ValueKind::None => Err(TemplateError::plain("the value is none (an optional param without a value?)")),
        ValueKind::Seq | ValueKind::Iterable | ValueKind::Map => {
            Err(TemplateError::plain("a list element must be a plain value, not a list or mapping"))
        }
        _ => Ok(v.to_string()),
    }
}

/// Where a `}}` stands outside a string literal in an expression.
fn bare_closer(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(_) if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'}' && bytes.get(i + 1) == Some(&b'}') => return Some(i),
            None => {}
        }
        i += 1;
    }
    None
}

/// A template problem: the message, and where in the template text (byte range) when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub message: String,
    pub range: Option<std::ops::Range<usize>>,
}

impl TemplateError {
    pub fn plain(message: impl Into<String>) -> Self {
        Self { message: message.into(), range: None }
    }

    fn from_minijinja(e: &Error) -> Self {
        let mut message = e.to_string();
        // "syntax error: ... (in <string>:1)": the place is ours to give.
        if let Some(i) = message.rfind(" (in <") {
            message.truncate(i);
        }
        if e.kind() == ErrorKind::OutOfFuel {
            message = "the template does too much work (a loop that never ends?)".into();
        }
        Self { message, range: e.range() }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A stand-in for any step's result while validating: every attribute exists, and it
/// prints as a sample value.
#[derive(Debug)]
pub struct Anything;

impl Object for Anything {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, _key: &Value) -> Option<Value> {
        Some(Value::from_object(Anything))
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(SAMPLE)
    }
}

/// The sample text validation puts where a value will go.
pub const SAMPLE: &str = "example";

/// Names the templates may read besides the parameters.
pub const GLOBALS: [&str; 7] = ["range", "dict", "namespace", "debug", "lipsum", "cycler", "joiner"];

/// Names the engine provides in every context.
pub const RESERVED: [&str; 5] = ["steps", "params", "dry_run", "ticket", "result"];
