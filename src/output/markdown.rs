//! The Markdown renderer, for pasting a result into a ticket.

use super::{Block, Doc, Tone};
use std::io::{self, Write};

/// Escapes what would break a Markdown table cell or turn data into markup (HTML,
/// links, emphasis): certificate subjects and TXT records are untrusted text.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in deskhand_commands::util::sanitize_keep_newlines(s).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            '\\' | '|' | '[' | ']' | '*' | '_' | '`' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
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

#[cfg(test)]
mod tests {
    #[test]
    fn untrusted_text_stays_text() {
        assert_eq!(super::esc("<img src=x> [a](b) *x* a|b"), "&lt;img src=x&gt; \\[a\\](b) \\*x\\* a\\|b");
        assert_eq!(super::esc("line1\nline2"), "line1<br>line2");
    }
}
