//! Rendering. A command's report becomes either JSON (the report itself inside an
//! envelope with a stable `schema`), or a [`Doc`]: a small neutral model of headings,
//! tables and lines that the table and Markdown renderers both draw. Renderers take any
//! `Write`; nothing here decides exit codes.

pub mod account;
mod csv;
pub mod diagnose;
pub mod inventory;
mod markdown;
pub mod net;
pub mod stream;
mod table;

use crate::cli::OutputFormat;
use crate::settings::OutputSettings;
use deskhand_commands::Outcome;
use serde::Serialize;
use std::io::{self, Write};

/// How a cell or line should look when colour is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Bad,
    Warn,
    Dim,
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
}

impl Cell {
    pub fn new(text: impl Into<String>, tone: Tone) -> Self {
        Self { text: text.into(), tone }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self { text, tone: Tone::Plain }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self { text: text.to_string(), tone: Tone::Plain }
    }
}

#[derive(Debug, Clone)]
pub enum Block {
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<Cell>>,
    },
    /// Key/value pairs, e.g. a certificate's details.
    Fields {
        title: String,
        fields: Vec<(String, Cell)>,
    },
    Line(Cell),
    /// A section of a longer document (a ticket note's evidence for one user or host).
    Heading(String),
}

/// A renderable document: a title and blocks.
#[derive(Debug, Clone)]
pub struct Doc {
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn new(title: impl Into<String>) -> Self {
        Self { title: title.into(), blocks: Vec::new() }
    }

    pub fn table(&mut self, headers: &[&str], rows: Vec<Vec<Cell>>) {
        self.blocks.push(Block::Table { headers: headers.iter().map(ToString::to_string).collect(), rows });
    }

    pub fn line(&mut self, text: impl Into<String>, tone: Tone) {
        self.blocks.push(Block::Line(Cell::new(text, tone)));
    }
}

/// The JSON envelope: `schema` names the report type and its version.
#[derive(Serialize, schemars::JsonSchema)]
struct Envelope<'a, T: Serialize> {
    schema: &'a str,
    ok: bool,
    outcome: Outcome,
    data: &'a T,
}

/// Writes a report in the chosen format.
pub fn write_report<T: Serialize, W: Write>(
    out: &mut W,
    settings: &OutputSettings,
    schema: &str,
    report: &T,
    outcome: Outcome,
    doc: impl FnOnce(&T) -> Doc,
) -> io::Result<()> {
    match settings.format {
        OutputFormat::Json => {
            let envelope = Envelope { schema, ok: outcome.is_ok(), outcome, data: report };
            if settings.pretty {
                serde_json::to_writer_pretty(&mut *out, &envelope)?;
            } else {
                serde_json::to_writer(&mut *out, &envelope)?;
            }
            writeln!(out)
        }
        OutputFormat::Table => table::write(out, &doc(report), settings.color, settings.width),
        OutputFormat::Markdown => markdown::write(out, &doc(report)),
        OutputFormat::Csv => {
            // CSV holds the data only: its warnings (a source that could not be read, where
            // the passwords went) go to stderr, or nobody would see them.
            let doc = doc(report);
            for block in &doc.blocks {
                if let Block::Line(line) = block
                    && line.tone == Tone::Warn
                {
                    eprintln!("{}", deskhand_commands::util::sanitize(&line.text));
                }
            }
            csv::write(out, &doc)
        }
    }
}

/// "1 target", "3 targets".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// Formats milliseconds compactly.
pub fn ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0} ms")
    } else if v >= 10.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.2} ms")
    }
}
