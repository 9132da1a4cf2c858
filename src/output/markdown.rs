//! The Markdown renderer, for pasting a result into a ticket.

use super::{Block, Doc, Tone};
use std::io::{self, Write};

/// Escapes what would break a Markdown table cell.
fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace('\n', "<br>")
}

pub fn write<W: Write>(out: &mut W, doc: &Doc) -> io::Result<()> {
    writeln!(out, "### {}\n", esc(&doc.title))?;
    for block in &doc.blocks {
        match block {
            Block::Table { headers, rows } => {
                writeln!(out, "| {} |", headers.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | "))?;
                writeln!(out, "|{}", "---|".repeat(headers.len()))?;
                for r in rows {
                    writeln!(out, "| {} |", r.iter().map(|c| esc(&c.text)).collect::<Vec<_>>().join(" | "))?;
                }
                writeln!(out)?;
            }
            Block::Fields { title, fields } => {
                writeln!(out, "**{}**\n", esc(title))?;
                for (k, v) in fields {
                    writeln!(out, "- {}: {}", esc(k), esc(&v.text))?;
                }
                writeln!(out)?;
            }
            Block::Line(c) => {
                let text = esc(&c.text);
                match c.tone {
                    Tone::Bad | Tone::Good => writeln!(out, "**{text}**\n")?,
                    _ => writeln!(out, "{text}\n")?,
                }
            }
        }
    }
    Ok(())
}
