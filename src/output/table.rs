//! The terminal renderer: comfy-table tables, coloured when colour is on.

use super::{Block, Cell, Doc, Tone};
use comfy_table::{Attribute, Color, ContentArrangement, Table, presets};
use std::io::{self, Write};

/// Directory and network data is untrusted: no terminal controls reach the screen
/// (line breaks inside a cell stay).
use deskhand_commands::util::sanitize_keep_newlines as clean;

fn cell(c: &Cell, color: bool) -> comfy_table::Cell {
    let mut out = comfy_table::Cell::new(clean(&c.text));
    if color {
        out = match c.tone {
            Tone::Plain => out,
            Tone::Good => out.fg(Color::Green),
            Tone::Bad => out.fg(Color::Red).add_attribute(Attribute::Bold),
            Tone::Warn => out.fg(Color::Yellow),
            Tone::Dim => out.fg(Color::DarkGrey),
        };
    }
    out
}

fn paint(c: &Cell, color: bool) -> String {
    let text = clean(&c.text);
    if !color {
        return text;
    }
    let code = match c.tone {
        Tone::Plain => return text,
        Tone::Good => "32",
        Tone::Bad => "1;31",
        Tone::Warn => "33",
        Tone::Dim => "90",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// A table that fits `width` columns, wrapping inside its cells, or (`None`: stdout is not
/// a terminal) one at its natural width, whole. The width is decided once, in the
/// settings; the table never probes the terminal itself (colour off is not "no terminal").
fn new_table(color: bool, width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED).force_no_tty();
    if color {
        t.enforce_styling();
    }
    match width {
        Some(w) => t.set_content_arrangement(ContentArrangement::Dynamic).set_width(w),
        None => t.set_content_arrangement(ContentArrangement::Disabled),
    };
    t
}

pub fn write<W: Write>(out: &mut W, doc: &Doc, color: bool, width: Option<u16>) -> io::Result<()> {
    for block in &doc.blocks {
        match block {
            Block::Table { headers, rows } => {
                let mut t = new_table(color, width);
                t.set_header(headers.iter().map(|h| {
                    let c = comfy_table::Cell::new(h);
                    if color { c.add_attribute(Attribute::Bold) } else { c }
                }));
                for r in rows {
                    t.add_row(r.iter().map(|c| cell(c, color)));
                }
                writeln!(out, "{t}")?;
            }
            Block::Fields { title, fields } => {
                writeln!(out, "{}", clean(title))?;
                let mut t = new_table(color, width);
                t.load_style(presets::NOTHING);
                for (k, v) in fields {
                    t.add_row(vec![comfy_table::Cell::new(format!("  {k}")), cell(v, color)]);
                }
                writeln!(out, "{t}")?;
            }
            Block::Line(c) => writeln!(out, "{}", paint(c, color))?,
            Block::Heading(h) => writeln!(out, "\n{}", paint(&Cell { text: h.clone(), tone: Tone::Plain }, color))?,
        }
    }
    Ok(())
}
