//! Loading a runbook: everything is checked before anything runs. The YAML shape and
//! unknown keys, parameter specs, step ids, template syntax, the names templates read
//! (a parameter that does not exist, a step that does not exist or runs later), and
//! every step's command line through the real clap parser, with sample values in place
//! of the templates. Every problem is reported, each at `file:line:col`.

use super::command;
use super::error::{Diag, RunbookErrors};
use super::model::{DEFAULT_DELAY, Expr, Param, ParamType, ParamValue, Runbook, Step};
use super::template::{self, Anything, Engine, SAMPLE};
use super::words::{self, Word};
use super::yaml::{self, Kind, Loc, Node};
use deskhand_commands::util::parse_duration;
use minijinja::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

/// Larger than any runbook a person writes.
pub const MAX_SIZE: usize = 1 << 20;
/// Attempts are bounded: a step that is never ok must end.
pub const MAX_RETRIES: i64 = 100;

const TOP_KEYS: [&str; 4] = ["name", "description", "params", "steps"];
const PARAM_KEYS: [&str; 7] = ["type", "required", "default", "choices", "pattern", "help", "secret"];
const STEP_KEYS: [&str; 10] = ["id", "description", "run", "when", "continue_on_error", "retries", "delay", "until", "confirm", "timeout"];

/// Reads and checks a runbook file.
pub fn load(path: &Path) -> Result<Runbook, RunbookErrors> {
    let file = path.display().to_string();
    let whole = |message: String| RunbookErrors {
        file: file.clone(),
        problems: vec![super::error::Problem { line: 0, col: 0, message, snippet: String::new() }],
    };
    let meta = std::fs::metadata(path).map_err(|e| whole(format!("cannot read the runbook: {e}")))?;
    if meta.is_dir() {
        return Err(whole("is a directory, not a runbook file".into()));
    }
    if meta.len() > MAX_SIZE as u64 {
        return Err(whole(format!("is {} bytes: too large for a runbook (at most {MAX_SIZE})", meta.len())));
    }
    let bytes = std::fs::read(path).map_err(|e| whole(format!("cannot read the runbook: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| whole("is not UTF-8 text".into()))?;
    parse(&text, path)
}

/// Checks runbook text; `path` names it in messages.
pub fn parse(text: &str, path: &Path) -> Result<Runbook, RunbookErrors> {
    let file = path.display().to_string();
    let mut d = Diag::new(&file, text);
    if text.len() > MAX_SIZE {
        d.at(Loc::new(1, 1), format!("too large for a runbook (at most {MAX_SIZE} bytes)"));
        return Err(d.finish());
    }
    if text.trim().is_empty() {
        d.at(Loc::new(1, 1), "the runbook is empty: it needs at least `steps:`");
        return Err(d.finish());
    }
    let root = match yaml::parse(text) {
        Ok(n) => n,
        Err(e) => {
            d.at(e.loc, e.message);
            return Err(d.finish());
        }
    };
    let Kind::Map(entries) = &root.kind else {
        d.at(root.loc, format!("a runbook is a mapping (name:, description:, params:, steps:), not {}", root.what()));
        return Err(d.finish());
    };
    let top = fields(&mut d, entries, &TOP_KEYS, "the runbook");
    let name = top.get("name").and_then(|n| text_of(&mut d, n, "name"));
    let description = top.get("description").and_then(|n| text_of(&mut d, n, "description"));
    let engine = Engine::new();
    let params = top.get("params").map(|n| params(&mut d, n)).unwrap_or_default();
    let steps = if let Some(n) = top.get("steps") {
        steps(&mut d, n, &params, &engine)
    } else {
        d.at(root.loc, "the runbook has no `steps:`");
        Vec::new()
    };
    if !d.is_empty() {
        return Err(d.finish());
    }
    let name = name
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| path.file_stem().map_or_else(|| "runbook".to_string(), |s| s.to_string_lossy().into_owned()));
    Ok(Runbook { path: path.to_path_buf(), name, description, params, steps, source: text.to_string() })
}

/// The keys of a mapping, each checked against the known ones.
fn fields<'n>(d: &mut Diag, entries: &'n [(Node, Node)], known: &[&str], what: &str) -> BTreeMap<String, &'n Node> {
    let mut out = BTreeMap::new();
    for (k, v) in entries {
        let Some(key) = k.scalar_text() else {
            d.at(k.loc, format!("a key in {what} must be a name, not {}", k.what()));
            continue;
        };
        if known.contains(&key.as_str()) {
            out.insert(key, v);
        } else {
            let hint = did_you_mean(&key, known).map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default();
            d.at(k.loc, format!("unknown key `{key}` in {what}{hint}; known keys: {}", known.join(", ")));
        }
    }
    out
}

/// The known word closest to a misspelt one, if any is close.
fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut cur = vec![i + 1];
            for (j, cb) in b.iter().enumerate() {
                cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
            }
            prev = cur;
        }
        prev[b.len()]
    }
    if word.len() > 64 {
        return None;
    }
    known
        .iter()
        .map(|k| (distance(word, k), *k))
        .filter(|(dist, k)| *dist <= 2.max(k.len() / 3))
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, k)| k)
}

fn text_of(d: &mut Diag, n: &Node, what: &str) -> Option<String> {
    match &n.kind {
        Kind::Null => None,
        Kind::Seq(_) | Kind::Map(_) => {
            d.at(n.loc, format!("`{what}` must be text, not {}", n.what()));
            None
        }
        _ => n.scalar_text(),
    }
}

fn bool_of(d: &mut Diag, n: &Node, what: &str) -> bool {
    match n.kind {
        Kind::Bool(b) => b,
        Kind::Null => false,
        _ => {
            d.at(n.loc, format!("`{what}` must be true or false, not {}", n.what()));
            false
        }
    }
}

fn duration_of(d: &mut Diag, n: &Node, what: &str) -> Option<Duration> {
    let text = match &n.kind {
        Kind::Str(_) | Kind::Int(_) | Kind::Float(_) => n.scalar_text()?,
        _ => {
            d.at(n.loc, format!("`{what}` must be a duration like 30s, 500ms or 2m, not {}", n.what()));
            return None;
        }
    };
    match parse_duration(&text) {
        Ok(t) => Some(t),
        Err(e) => {
            d.at(n.loc, format!("`{what}`: {} ({})", e.message, e.hint.unwrap_or_default()));
            None
        }
    }
}

/// Names: letters, digits and `_`, not starting with a digit, so that `steps.<id>` and
/// `{{ name }}` read them.
fn is_name(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f.is_ascii_alphabetic() || f == '_') && c.all(|x| x.is_ascii_alphanumeric() || x == '_') && s.len() <= 64
}

fn params(d: &mut Diag, n: &Node) -> Vec<Param> {
    let entries = match &n.kind {
        Kind::Null => return Vec::new(),
        Kind::Map(e) => e,
        _ => {
            d.at(n.loc, format!("`params` is a mapping of names to specs (user: {{ required: true }}), not {}", n.what()));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (k, spec) in entries {
        let Some(name) = k.scalar_text() else {
            d.at(k.loc, format!("a param name must be a name, not {}", k.what()));
            continue;
        };
        if !is_name(&name) {
            d.at(k.loc, format!("param name `{name}`: use letters, digits and _ (it is read as {{{{ {name} }}}})"));
            continue;
        }
        if template::RESERVED.contains(&name.as_str()) || template::GLOBALS.contains(&name.as_str()) {
            d.at(k.loc, format!("param name `{name}` is taken by the template engine; choose another"));
            continue;
        }
        if let Some(p) = param(d, &name, k.loc, spec) {
            out.push(p);
        }
    }
    out
}

fn param(d: &mut Diag, name: &str, at: Loc, spec: &Node) -> Option<Param> {
    let empty = Vec::new();
    let entries = match &spec.kind {
        Kind::Null => &empty,
        Kind::Map(e) => e,
        _ => {
            d.at(
                spec.loc,
                format!(
                    "param `{name}`: the spec is a mapping (type, required, default, choices, pattern, help, secret), not {}",
                    spec.what()
                ),
            );
            return None;
        }
    };
    let f = fields(d, entries, &PARAM_KEYS, &format!("param `{name}`"));
    let declared = f.get("type").and_then(|n| {
        let t = text_of(d, n, "type")?;
        let kind = match t.as_str() {
            "string" | "str" => ParamType::String,
            "int" | "integer" => ParamType::Int,
            "bool" | "boolean" => ParamType::Bool,
            "list" => ParamType::List,
            _ => {
                d.at(n.loc, format!("param `{name}`: unknown type `{t}`; use string, int, bool or list"));
                return None;
            }
        };
        Some(kind)
    });
    let default_node = f.get("default").copied().filter(|n| !matches!(n.kind, Kind::Null));
    // Booleans are `true` and `false` only (the parser is strict), so a default `n` is text.
    let kind = declared.unwrap_or(match default_node.map(|n| &n.kind) {
        Some(Kind::Seq(_)) => ParamType::List,
        Some(Kind::Int(_)) => ParamType::Int,
        Some(Kind::Bool(_)) => ParamType::Bool,
        _ => ParamType::String,
    });
    let required = f.get("required").is_some_and(|n| bool_of(d, n, "required"));
    let secret = f.get("secret").is_some_and(|n| bool_of(d, n, "secret"));
    let help = f.get("help").and_then(|n| text_of(d, n, "help"));
    let default = default_node.and_then(|n| value_of(d, n, kind, name));
    let choices: Vec<String> = match f.get("choices") {
        None => Vec::new(),
        Some(n) => match &n.kind {
            Kind::Seq(items) if !items.is_empty() => items
                .iter()
                .filter_map(|i| {
                    let t = i.scalar_text();
                    if t.is_none() {
                        d.at(i.loc, format!("param `{name}`: a choice must be a plain value, not {}", i.what()));
                    }
                    t
                })
                .collect(),
            _ => {
                d.at(n.loc, format!("param `{name}`: `choices` is a non-empty list, e.g. [staff, contractor]"));
                Vec::new()
            }
        },
    };
    let pattern = f.get("pattern").and_then(|n| text_of(d, n, "pattern").map(|p| (n, p)));
    let regex = pattern.as_ref().and_then(|(n, p)| match regex::RegexBuilder::new(&format!("^(?:{p})$")).size_limit(1 << 20).build() {
        Ok(r) => Some(r),
        Err(e) => {
            let detail = e.to_string().lines().last().unwrap_or_default().trim().to_string();
            d.at(n.loc, format!("param `{name}`: `pattern` is not a valid regular expression ({detail})"));
            None
        }
    });
    if kind == ParamType::Bool {
        for key in ["choices", "pattern"] {
            if let Some(n) = f.get(key) {
                d.at(n.loc, format!("param `{name}`: a bool param has no `{key}`"));
            }
        }
    }
    if required && let Some(n) = default_node {
        d.at(n.loc, format!("param `{name}` is required, so a default is never used: drop `required` or `default`"));
    }
    if secret {
        if kind != ParamType::String {
            d.at(at, format!("param `{name}`: only a string param can be secret"));
        }
        if let Some(n) = default_node {
            d.at(n.loc, format!("param `{name}` is secret: its default would sit in the file in clear; drop the default"));
        }
    }
    if let (Some(v), Some(n)) = (&default, default_node) {
        for item in v.items() {
            if !choices.is_empty() && !choices.contains(&item) {
                d.at(n.loc, format!("param `{name}`: the default '{item}' is not one of the choices ({})", choices.join(", ")));
            }
            if let Some(r) = &regex
                && !r.is_match(&item)
            {
                d.at(n.loc, format!("param `{name}`: the default '{item}' does not match the pattern"));
            }
        }
    }
    // Kept even with problems of its own (they are told above, and the file does not
    // load): the steps that use it are checked, not told "unknown name" as well.
    Some(Param { name: name.to_string(), kind, required, default, choices, pattern: pattern.map(|(_, p)| p), help, secret, at, regex })
}

/// A default as a value of the param's type.
fn value_of(d: &mut Diag, n: &Node, kind: ParamType, name: &str) -> Option<ParamValue> {
    let wrong = |d: &mut Diag, want: &str| {
        d.at(n.loc, format!("param `{name}`: the default must be {want}, not {}", n.what()));
        None
    };
    match (kind, &n.kind) {
        (ParamType::List, Kind::Seq(items)) => {
            let mut v = Vec::new();
            for i in items {
                match i.scalar_text() {
                    Some(t) => v.push(t),
                    None => d.at(i.loc, format!("param `{name}`: a list element must be a plain value, not {}", i.what())),
                }
            }
            Some(ParamValue::List(v))
        }
        (ParamType::List, _) => wrong(d, "a list, e.g. [staff, vpn]"),
        (ParamType::Int, Kind::Int(i)) => Some(ParamValue::Int(*i)),
        (ParamType::Int, _) => wrong(d, "a whole number"),
        (ParamType::Bool, Kind::Bool(b)) => Some(ParamValue::Bool(*b)),
        (ParamType::Bool, _) => wrong(d, "true or false"),
        (ParamType::String, Kind::Seq(_) | Kind::Map(_)) => wrong(d, "text"),
        (ParamType::String, _) => n.scalar_text().map(ParamValue::Str),
    }
}

/// A step as read, before its templates and command are checked.
struct Draft<'n> {
    id: String,
    id_loc: Loc,
    at: Loc,
    description: Option<String>,
    run_node: &'n Node,
    /// Each word, with the node and offset that locate positions inside it.
    words: Vec<(Word, WordSrc<'n>)>,
    run_text: String,
    when: Option<Expr>,
    until: Option<Expr>,
    continue_on_error: bool,
    retries: u32,
    delay: Option<Duration>,
    confirm: bool,
    timeout: Option<Duration>,
}

/// Where a word's text sits, to map an offset inside it to a place in the file.
struct WordSrc<'n> {
    node: &'n Node,
    value: String,
    base: usize,
    verbatim: bool,
}

impl WordSrc<'_> {
    fn loc(&self, word: &Word, offset: usize) -> Loc {
        if self.verbatim { self.node.loc_at(&self.value, self.base + offset) } else { word.at }
    }
}

fn steps(d: &mut Diag, n: &Node, params: &[Param], engine: &Engine) -> Vec<Step> {
    let items = match &n.kind {
        Kind::Seq(items) if !items.is_empty() => items,
        Kind::Seq(_) | Kind::Null => {
            d.at(n.loc, "`steps` is empty: a runbook needs at least one step");
            return Vec::new();
        }
        _ => {
            d.at(n.loc, format!("`steps` is a list of steps (- id: ..., run: ...), not {}", n.what()));
            return Vec::new();
        }
    };
    let drafts: Vec<Draft> = items.iter().filter_map(|i| draft(d, i)).collect();
    // Ids first: a reference to a later step is told apart from an unknown one.
    let mut seen: BTreeMap<&str, Loc> = BTreeMap::new();
    for s in &drafts {
        if let Some(first) = seen.get(s.id.as_str()) {
            d.at(s.id_loc, format!("duplicate step id `{}` (first used at line {})", s.id, first.line));
        } else {
            seen.insert(&s.id, s.id_loc);
        }
    }
    let ids: Vec<&str> = drafts.iter().map(|s| s.id.as_str()).collect();
    let mut out = Vec::new();
    for (index, s) in drafts.iter().enumerate() {
        let scope = Scope { params, ids: &ids, index };
        let mut uses_steps = false;
        let mut ok = true;
        for (w, src) in &s.words {
            if let Some(c) = w.text.chars().find(|c| template::is_reserved(*c)) {
                d.at(w.at, format!("the character U+{:04X} is reserved", u32::from(c)));
                ok = false;
                continue;
            }
            if !w.templated {
                continue;
            }
            match engine.check_template(&w.text) {
                Err(e) => {
                    let loc = e.range.as_ref().map_or(w.at, |r| src.loc(w, r.start));
                    d.at(loc, format!("template: {}", e.message));
                    ok = false;
                }
                Ok(names) => {
                    uses_steps |= names.iter().any(|n| n == "steps" || n.starts_with("steps."));
                    for (name, msg) in scope.check(&names, Use::Run) {
                        // The name inside a block, not the same letters in the text before it.
                        let head = name.split('.').next().unwrap_or_default();
                        let from = w.first_block.unwrap_or(0);
                        let off = w.text[from..].find(head).map_or(from, |i| from + i);
                        d.at(src.loc(w, off), msg);
                        ok = false;
                    }
                }
            }
            if w.literal_dash
                && let Some(fb) = w.first_block
                && !w.text[..fb].contains('=')
            {
                d.at(src.loc(w, fb), command::name_message(&w.text));
                ok = false;
            }
        }
        for (e, use_) in [(&s.when, Use::When), (&s.until, Use::Until)] {
            let Some(e) = e else { continue };
            if !check_expr(d, engine, e, &scope, use_) {
                ok = false;
            }
        }
        let words: Vec<Word> = s.words.iter().map(|(w, _)| w.clone()).collect();
        let (command, changing) = if ok { check_command(d, s, &words, params, engine) } else { (Vec::new(), false) };
        if changing && s.timeout.is_some() {
            d.at(
                s.at,
                format!(
                    "step `{}`: a `timeout` would cut a change off halfway; a changing step runs to its end (each directory operation has the profile's own timeout)",
                    s.id
                ),
            );
        }
        out.push(Step {
            id: s.id.clone(),
            description: s.description.clone(),
            run: words,
            run_text: s.run_text.clone(),
            when: s.when.clone(),
            continue_on_error: s.continue_on_error,
            retries: s.retries,
            delay: s.delay.unwrap_or(DEFAULT_DELAY),
            until: s.until.clone(),
            confirm: s.confirm,
            timeout: s.timeout,
            at: s.at,
            command,
            changing,
            uses_steps,
        });
    }
    out
}

fn check_expr(d: &mut Diag, engine: &Engine, e: &Expr, scope: &Scope, use_: Use) -> bool {
    let what = if use_ == Use::When { "when" } else { "until" };
    if e.text.trim().is_empty() {
        d.at(e.at, format!("`{what}` is empty"));
        return false;
    }
    match engine.check_expression(&e.text) {
        Err(err) => {
            d.at(e.at, format!("{what}: {}", err.message));
            false
        }
        Ok(names) => {
            let problems = scope.check(&names, use_);
            let ok = problems.is_empty();
            for (_, msg) in problems {
                d.at(e.at, msg);
            }
            ok
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    Run,
    When,
    Until,
}

/// What a step's templates may read.
struct Scope<'a> {
    params: &'a [Param],
    ids: &'a [&'a str],
    index: usize,
}

impl Scope<'_> {
    /// Each name that may not be read, with why.
    fn check(&self, names: &BTreeSet<String>, use_: Use) -> Vec<(String, String)> {
        let own = self.ids[self.index];
        let param_list = || {
            if self.params.is_empty() {
                "the runbook has no params".to_string()
            } else {
                format!("params: {}", self.params.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", "))
            }
        };
        let mut out = Vec::new();
        for name in names {
            let mut parts = name.split('.');
            let head = parts.next().unwrap_or_default();
            let second = parts.next();
            let msg = match head {
                "steps" => match second {
                    None => None,
                    Some(id) if id == own && use_ != Use::Until => {
                        Some(format!("step `{own}` cannot read its own result here (`until:` can, as `result`)"))
                    }
                    Some(id) if id == own => None,
                    Some(id) => match self.ids.iter().position(|s| *s == id) {
                        Some(i) if i < self.index => None,
                        Some(_) => Some(format!("`{name}`: step `{id}` runs later, so its result is not there yet")),
                        None => Some(format!(
                            "`{name}`: there is no step `{id}`{}",
                            did_you_mean(id, &self.ids[..self.index]).map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default()
                        )),
                    },
                },
                "params" => match second {
                    Some(p) if !self.params.iter().any(|x| x.name == p) => {
                        Some(format!("`{name}`: there is no param `{p}` ({})", param_list()))
                    }
                    _ => None,
                },
                "result" if use_ == Use::Until => None,
                "result" => Some("`result` is only there in `until:` (the attempt just made)".to_string()),
                "dry_run" | "ticket" => None,
                h if template::GLOBALS.contains(&h) => None,
                h if self.params.iter().any(|p| p.name == h) => None,
                h => {
                    let names: Vec<&str> = self.params.iter().map(|p| p.name.as_str()).collect();
                    let mean = did_you_mean(h, &names).map(|s| format!("did you mean `{s}`? ")).unwrap_or_default();
                    Some(format!("unknown name `{h}` ({mean}{}; steps' results are `steps.<id>`)", param_list()))
                }
            };
            if let Some(m) = msg {
                out.push((name.clone(), m));
            }
        }
        out
    }
}

fn draft<'n>(d: &mut Diag, n: &'n Node) -> Option<Draft<'n>> {
    let Kind::Map(entries) = &n.kind else {
        d.at(n.loc, format!("a step is a mapping (- id: ..., run: ...), not {}", n.what()));
        return None;
    };
    let f = fields(d, entries, &STEP_KEYS, "a step");
    let id = match f.get("id") {
        None => {
            d.at(n.loc, "this step has no `id`");
            None
        }
        Some(i) => match text_of(d, i, "id") {
            Some(id) if is_name(&id) => Some((id, i.loc)),
            Some(id) => {
                d.at(i.loc, format!("step id `{id}`: use letters, digits and _ (later steps read it as steps.<id>)"));
                None
            }
            None => {
                d.at(i.loc, "the step id is empty");
                None
            }
        },
    };
    let what = id.as_ref().map_or_else(|| "a step".to_string(), |(id, _)| format!("step `{id}`"));
    let description = f.get("description").and_then(|x| text_of(d, x, "description"));
    let run_node = f.get("run").copied();
    if run_node.is_none() {
        d.at(n.loc, format!("{what} has no `run`"));
    }
    let run_before = d.len();
    let (mut words, run_text) = run_node.map(|r| run_words(d, r, &what)).unwrap_or_default();
    if d.len() > run_before {
        words.clear();
    }
    let expr = |d: &mut Diag, key: &str| {
        f.get(key).and_then(|x| match &x.kind {
            Kind::Str(_) | Kind::Bool(_) | Kind::Int(_) | Kind::Float(_) => {
                Some(Expr { text: x.scalar_text().unwrap_or_default(), at: x.loc })
            }
            _ => {
                d.at(x.loc, format!("`{key}` is an expression like `steps.ping.ok`, not {}", x.what()));
                None
            }
        })
    };
    let when = expr(d, "when");
    let until = expr(d, "until");
    let continue_on_error = f.get("continue_on_error").is_some_and(|x| bool_of(d, x, "continue_on_error"));
    let confirm = f.get("confirm").is_some_and(|x| bool_of(d, x, "confirm"));
    let retries = match f.get("retries") {
        None => 0,
        Some(x) => match x.kind {
            Kind::Int(count) if (0..=MAX_RETRIES).contains(&count) => count as u32,
            _ => {
                d.at(x.loc, format!("`retries` is a whole number from 0 to {MAX_RETRIES}"));
                0
            }
        },
    };
    let delay = f.get("delay").and_then(|x| duration_of(d, x, "delay"));
    let timeout = f.get("timeout").and_then(|x| duration_of(d, x, "timeout"));
    if let Some(x) = f.get("timeout")
        && timeout.is_some_and(|t| t.is_zero())
    {
        d.at(x.loc, "`timeout` must be longer than zero");
    }
    if retries == 0 {
        for key in ["until", "delay"] {
            if let Some(x) = f.get(key) {
                d.at(x.loc, format!("`{key}` has no effect without `retries`"));
            }
        }
    }
    // A step with problems of its own still has its id (for the later-step check) and
    // its command line checked, so that every problem is told at once.
    let (id, id_loc) = id?;
    Some(Draft {
        id,
        id_loc,
        at: n.loc,
        description,
        run_node: run_node.unwrap_or(n),
        words,
        run_text,
        when,
        until,
        continue_on_error,
        retries,
        delay,
        confirm,
        timeout,
    })
}

/// The words of `run:`, text form or list form.
fn run_words<'n>(d: &mut Diag, r: &'n Node, what: &str) -> (Vec<(Word, WordSrc<'n>)>, String) {
    let before = d.len();
    let mut out = Vec::new();
    let text = match &r.kind {
        Kind::Str(value) => {
            match words::split(value) {
                Ok(split) => {
                    for s in split {
                        let mut w = s.word;
                        w.at = r.loc_at(value, s.start);
                        let verbatim = w.verbatim;
                        out.push((w, WordSrc { node: r, value: value.clone(), base: s.start, verbatim }));
                    }
                }
                Err((off, msg)) => d.at(r.loc_at(value, off), format!("{what}: {msg}")),
            }
            value.clone()
        }
        Kind::Seq(items) => {
            let mut texts = Vec::new();
            for i in items {
                let Some(t) = i.scalar_text() else {
                    d.at(i.loc, format!("{what}: each element of `run` is one argument, not {}", i.what()));
                    continue;
                };
                match words::single(&t) {
                    Ok(mut w) => {
                        w.at = i.loc;
                        texts.push(if t.is_empty() || t.contains(char::is_whitespace) { format!("'{t}'") } else { t.clone() });
                        out.push((w, WordSrc { node: i, value: t, base: 0, verbatim: true }));
                    }
                    Err((off, msg)) => d.at(i.loc_at(&t, off), format!("{what}: {msg}")),
                }
            }
            texts.join(" ")
        }
        _ => {
            d.at(r.loc, format!("{what}: `run` is a deskhand command line (text or a list), not {}", r.what()));
            return (out, String::new());
        }
    };
    if out.is_empty() && d.len() == before {
        d.at(r.loc, format!("{what}: `run` has no command"));
    }
    (out, text)
}

/// Sample values for validation: the default, else the first choice, else one of the type.
fn sample(p: &Param) -> Value {
    if let Some(v) = &p.default {
        return v.to_template();
    }
    if let Some(c) = p.choices.first() {
        return match p.kind {
            ParamType::List => Value::from(vec![c.clone()]),
            ParamType::Int => c.parse::<i64>().map_or_else(|_| Value::from(c.clone()), Value::from),
            _ => Value::from(c.clone()),
        };
    }
    match p.kind {
        ParamType::String => Value::from(SAMPLE),
        ParamType::Int => Value::from(1),
        ParamType::Bool => Value::from(true),
        ParamType::List => Value::from(vec![SAMPLE.to_string()]),
    }
}

/// The context validation fills templates with.
fn sample_context(params: &[Param]) -> Value {
    let mut ctx: BTreeMap<String, Value> = BTreeMap::new();
    let mut map: BTreeMap<String, Value> = BTreeMap::new();
    for p in params {
        ctx.insert(p.name.clone(), sample(p));
        map.insert(p.name.clone(), sample(p));
    }
    ctx.insert("params".into(), Value::from(map));
    ctx.insert("steps".into(), Value::from_object(Anything));
    ctx.insert("result".into(), Value::from_object(Anything));
    ctx.insert("dry_run".into(), Value::from(false));
    ctx.insert("ticket".into(), Value::from("TICKET-1"));
    Value::from(ctx)
}

/// Checks the command line through clap; returns the command path and whether it changes.
fn check_command(d: &mut Diag, s: &Draft, words: &[Word], params: &[Param], engine: &Engine) -> (Vec<String>, bool) {
    let what = format!("step `{}`", s.id);
    if words.is_empty() {
        return (Vec::new(), false);
    }
    match command::command_word(words).map(|i| &words[i]) {
        Some(w) if !w.templated && w.text == "runbook" => {
            d.at(w.at, format!("{what}: a runbook cannot run another runbook; copy its steps in instead"));
            return (Vec::new(), false);
        }
        Some(w) if !w.templated && w.text == "generate" => {
            d.at(w.at, format!("{what}: `generate` (completions, man pages) is not a runbook step"));
            return (Vec::new(), false);
        }
        None => {
            d.at(s.run_node.loc, format!("{what}: `run` has options but no command"));
            return (Vec::new(), false);
        }
        _ => {}
    }
    let ctx = sample_context(params);
    // A sample for every word; a template that cannot be filled with samples (a filter on
    // a step's result) gets the plain sample: only the shape of argv matters here.
    let mut argv: Vec<(usize, String)> = Vec::new();
    let mut after_dashes = false;
    for (i, w) in words.iter().enumerate() {
        match engine.render_word(w, &ctx) {
            Ok(filled) => {
                for a in filled {
                    // `{% if x %}-{{ y }}{% endif %}`: a value in an option's name.
                    if a.value_in_name && !after_dashes {
                        d.at(w.at, format!("{what}: {}", command::name_message(&w.text)));
                        return (Vec::new(), false);
                    }
                    argv.push((i, a.text));
                }
            }
            Err(_) => argv.push((i, SAMPLE.to_string())),
        }
        after_dashes |= !w.templated && w.text == "--";
    }
    let texts: Vec<String> = argv.iter().map(|(_, t)| t.clone()).collect();
    let parsed = match command::parse(&texts) {
        Ok(p) => p,
        Err(e) => {
            let bad = command::offending(&e);
            let hit = bad.iter().find_map(|b| argv.iter().find(|(_, t)| t == b));
            let mut msg = format!("{what}: {}", command::clap_message(&e));
            let at = match hit {
                Some((wi, sample)) => {
                    if words[*wi].templated {
                        let _ = write!(
                            msg,
                            " (checked with the sample '{sample}' for `{}`: give the param a type or default that fits)",
                            words[*wi].text
                        );
                    }
                    words[*wi].at
                }
                None => s.run_node.loc,
            };
            d.at(at, msg);
            return (Vec::new(), false);
        }
    };
    // The command itself is written out: a template never chooses what runs.
    let mut i = 0;
    for (wi, text) in &argv {
        if i == parsed.path.len() {
            break;
        }
        let w = &words[*wi];
        if w.templated {
            d.at(w.at, format!("{what}: a template cannot choose the command; write `{}` out", parsed.path.join(" ")));
            return (Vec::new(), false);
        }
        if *text == parsed.path[i] {
            i += 1;
        }
    }
    if parsed.asks_yes && !s.confirm {
        d.at(
            s.run_node.loc,
            format!(
                "{what}: `{}` asks before it changes anything, and a runbook step cannot answer it: add `confirm: true` to the step (the runbook asks, then runs it with --yes)",
                parsed.path.join(" ")
            ),
        );
    }
    let changing = parsed.changing();
    (parsed.path, changing)
}
