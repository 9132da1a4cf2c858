//! The CSV renderer (RFC 4180), for spreadsheets: each table of the document with its
//! header row, key/value blocks as `field,value` rows, tables separated by a blank line.
//! Free-text lines (verdicts, summaries) are left out: CSV is for the data.

use super::{Block, Doc};
use std::io::{self, Write};

/// Quotes a field when it must be; a leading `= + - @` is defused with a quote so a
/// spreadsheet never runs a package name or a summary as a formula. A lone `-` (the
/// tables' "none") is an empty field.
fn field(s: &str) -> String {
    let clean = deskhand_commands::util::sanitize_keep_newlines(s);
    if clean == "-" {
        return String::new();
    }
    let defused = if clean.starts_with(['=', '+', '-', '@']) { format!("'{clean}") } else { clean };
    if defused.contains([',', '"', '\n', '\r']) { format!("\"{}\"", defused.replace('"', "\"\"")) } else { defused }
}

fn row<W: Write>(out: &mut W, cells: impl Iterator<Item = String>) -> io::Result<()> {
    let line: Vec<String> = cells.map(|c| field(&c)).collect();
    write!(out, "{}\r\n", line.join(","))
}

pub fn write<W: Write>(out: &mut W, doc: &Doc) -> io::Result<()> {
    let mut first = true;
    for block in &doc.blocks {
        let sep = |out: &mut W, first: &mut bool| -> io::Result<()> {
            if !std::mem::replace(first, false) {
                write!(out, "\r\n")?;
            }
            Ok(())
        };
        match block {
            Block::Table { headers, rows } => {
                sep(out, &mut first)?;
                row(out, headers.iter().cloned())?;
                for r in rows {
                    row(out, r.iter().map(|c| c.text.clone()))?;
                }
            }
            Block::Fields { fields, .. } => {
                sep(out, &mut first)?;
                row(out, ["field".to_string(), "value".to_string()].into_iter())?;
                for (k, v) in fields {
                    row(out, [k.clone(), v.text.clone()].into_iter())?;
                }
            }
            Block::Line(_) | Block::Heading(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{Cell, Tone};

    #[test]
    fn quotes_and_defuses() {
        let mut doc = Doc::new("t");
        doc.table(&["name", "summary"], vec![vec![Cell::from("a,b"), Cell::from("say \"hi\"")], vec![Cell::from("=cmd"), Cell::from("x")]]);
        doc.line("ignored", Tone::Plain);
        let mut out = Vec::new();
        write(&mut out, &doc).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "name,summary\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n'=cmd,x\r\n");
    }
}
