//! A YAML document as a tree of nodes that each know where they stand in the file.
//! Runbooks are read into this tree first and checked by hand (not by serde derive)
//! so that every problem of a file is reported at once, each at its own
//! `file:line:col`, instead of serde stopping at the first.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A place in the file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    pub line: u64,
    pub col: u64,
}

impl Loc {
    pub const fn new(line: u64, col: u64) -> Self {
        Self { line, col }
    }
}

/// One node of the tree.
#[derive(Debug, Clone)]
pub struct Node {
    pub loc: Loc,
    /// The node's source text, for scalars (quotes and all), when the parser knows it.
    pub raw: Option<String>,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// What the node is, for messages ("a list", "a number").
    pub fn what(&self) -> &'static str {
        match self.kind {
            Kind::Null => "nothing",
            Kind::Bool(_) => "true/false",
            Kind::Int(_) | Kind::Float(_) => "a number",
            Kind::Str(_) => "text",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a mapping",
        }
    }

    /// A scalar as text the way it is written: `1.10` stays `1.10` and `yes` stays `yes`
    /// (YAML would make them a number and a boolean). `None` for null, lists and mappings.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.kind {
            Kind::Str(s) => Some(s.clone()),
            Kind::Bool(_) | Kind::Int(_) | Kind::Float(_) => {
                let plain = self.raw.as_deref().map(str::trim).filter(|r| !r.is_empty() && !r.starts_with(['"', '\'', '!', '*', '&']));
                Some(plain.map_or_else(|| self.display(), str::to_string))
            }
            Kind::Null | Kind::Seq(_) | Kind::Map(_) => None,
        }
    }

    fn display(&self) -> String {
        match &self.kind {
            Kind::Bool(b) => b.to_string(),
            Kind::Int(i) => i.to_string(),
            Kind::Float(f) => f.to_string(),
            Kind::Str(s) => s.clone(),
            Kind::Null | Kind::Seq(_) | Kind::Map(_) => String::new(),
        }
    }

    /// Where byte `offset` of this scalar's value stands in the file. Exact for plain and
    /// simply quoted one-line scalars; otherwise the scalar's own start.
    pub fn loc_at(&self, value: &str, offset: usize) -> Loc {
        let Some(prefix) = value.get(..offset) else { return self.loc };
        if prefix.contains(['\n', '\r']) {
            return self.loc;
        }
        let chars = prefix.chars().count() as u64;
        match self.raw.as_deref() {
            Some(raw) if raw == value => Loc::new(self.loc.line, self.loc.col + chars),
            Some(raw) if raw.starts_with(['"', '\'']) && raw[1..].starts_with(prefix) && !prefix.contains(['\\', '\'']) => {
                Loc::new(self.loc.line, self.loc.col + 1 + chars)
            }
            _ => self.loc,
        }
    }
}

/// A YAML syntax error, where the parser says it is.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub loc: Loc,
    pub message: String,
}

/// Parses one YAML document into a tree.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let spanned: Spanned<Raw> = serde_saphyr::from_str_with_options(text, options()).map_err(|e| {
        let loc = e.location().map_or(Loc::new(1, 1), |l| Loc::new(l.line().max(1), l.column().max(1)));
        let full = e.without_snippet().to_string();
        // "error: line 2 column 1: duplicate mapping key: a, set DuplicateKeyPolicy..."
        let mut message = full.lines().next().unwrap_or_default().trim().to_string();
        if let Some(rest) = message.strip_prefix("error: ") {
            message = rest.to_string();
        }
        if let Some(i) = message.find(": ").filter(|_| message.starts_with("line ")) {
            message = message[i + 2..].to_string();
        }
        if let Some(i) = message.find(", set DuplicateKeyPolicy") {
            message.truncate(i);
        }
        if message.starts_with("budget breached") {
            message = format!("the file has more YAML nodes than a runbook can (an alias bomb?): {message}");
        }
        if message.is_empty() {
            message = "not valid YAML".into();
        }
        SyntaxError { loc, message }
    })?;
    Ok(convert(spanned, text))
}

/// YAML 1.2 booleans only (`yes`, `no`, `on`, `n` stay text: a param default `n` is not
/// false), and a budget far above any runbook but far below an alias bomb.
fn options() -> serde_saphyr::Options {
    let mut o = serde_saphyr::Options::default();
    o.strict_booleans = true;
    let mut b = serde_saphyr::Budget::default();
    b.max_nodes = 20_000;
    b.max_events = 100_000;
    b.max_depth = 32;
    o.budget = Some(b);
    o
}

/// What serde hands us: values with spans, still to be turned into [`Node`]s.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

fn convert(s: Spanned<Raw>, text: &str) -> Node {
    let l = s.referenced;
    let span = l.span();
    let raw = match (span.byte_offset(), span.byte_len()) {
        (Some(o), Some(n)) => {
            usize::try_from(o).ok().zip(usize::try_from(o.saturating_add(n)).ok()).and_then(|(a, b)| text.get(a..b)).map(str::to_string)
        }
        _ => None,
    };
    let kind = match s.value {
        Raw::Null => Kind::Null,
        Raw::Bool(b) => Kind::Bool(b),
        Raw::Int(i) => Kind::Int(i),
        Raw::Float(f) => Kind::Float(f),
        Raw::Str(s) => Kind::Str(s),
        Raw::Seq(v) => Kind::Seq(v.into_iter().map(|x| convert(x, text)).collect()),
        Raw::Map(v) => Kind::Map(v.into_iter().map(|(k, x)| (convert(k, text), convert(x, text))).collect()),
    };
    Node { loc: Loc::new(l.line(), l.column()), raw, kind }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(RawVisitor)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_char<E>(self, v: char) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
        let mut v = Vec::new();
        while let Some(x) = a.next_element::<Spanned<Raw>>()? {
            v.push(x);
        }
        Ok(Raw::Seq(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
        let mut v = Vec::new();
        while let Some((k, x)) = a.next_entry::<Spanned<Raw>, Spanned<Raw>>()? {
            v.push((k, x));
        }
        Ok(Raw::Map(v))
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}
