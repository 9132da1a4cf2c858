//! The Markdown renderer, for pasting a result into a ticket.

use super::{Block, Doc, Tone};
use std::io::{self, Write};

/// Where a text lands in the note: what Markdown would read into it differs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// A table cell: inline only, and `|` ends the cell.
    Cell,
    /// The start of a block (a paragraph, a list item): `#`, `>`, `-`, `1.` would start
    /// a heading, a quote, a list.
    Block,
    /// Inside a line, after other text (a field's value, a bold line).
    Inline,
    /// The heading's own text: a trailing `#` would be taken as its closing sequence.
    Heading,
}

/// Escapes only what Markdown would read as markup (HTML tags, links, emphasis, code,
/// headings, lists, table pipes), so that certificate subjects and TXT records stay
/// untrusted text, and the note still reads as plain text in a ticket system that shows
/// Markdown unrendered: `->`, `a < b`, `R&D`, `snake_case` are left as they are. A
/// backslash is doubled only where Markdown would eat it (before punctuation). Newlines
/// become `<br>`, the one line break a table cell can hold.
fn esc(s: &str, place: Place) -> String {
    let clean = deskhand_commands::util::sanitize_keep_newlines(s);
    let chars: Vec<char> = clean.chars().collect();
    let tildes = chars.iter().filter(|&&c| c == '~').count();
    // The block-level marker at the start (after up to three spaces), if any.
    let lead = chars.iter().take_while(|&&c| c == ' ').count();
    let marker = (place == Place::Block && lead < 4).then(|| block_marker(&chars[lead..]).map(|i| lead + i)).flatten();
    let mut out = String::with_capacity(clean.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let escape = Some(i) == marker
            || match c {
                // Before punctuation, or at the end where the note's own `**` or `|` follow.
                '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
                '`' | '*' => true,
                // Inside a word (`snake_case`) an underscore is never emphasis.
                '_' => !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)),
                '|' => place == Place::Cell,
                '#' => place == Place::Heading,
                // A tag, a comment, an autolink; `a < b` and `<-` stay as they are.
                '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
                // An entity (`&amp;`, `&#60;`); `R&D` stays.
                '&' => is_entity(&chars[i + 1..]),
                // `[text](url)` is a link; `[::1]:22` and `[x]` alone are text.
                ']' => next == Some('('),
                // Strikethrough needs a pair.
                '~' => tildes > 1,
                _ => false,
            };
        if c == '\n' {
            out.push_str("<br>");
            continue;
        }
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The index of the character that would make a block start a heading, quote, list,
/// thematic break or link definition: `#`, `>`, `-`, `+`, `*`, `=`, `_`, `[`, or the `.`/`)`
/// of `1.`.
fn block_marker(rest: &[char]) -> Option<usize> {
    match rest.first()? {
        '#' | '>' | '-' | '+' | '*' | '=' | '_' => Some(0),
        // `[ref]: url` defines a link (and vanishes); `[::1]:22` does not.
        '[' => rest.windows(2).any(|w| w == [']', ':']).then_some(0),
        c if c.is_ascii_digit() => {
            let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            (digits <= 9 && matches!(rest.get(digits), Some('.' | ')'))).then_some(digits)
        }
        _ => None,
    }
}

/// Whether `&` and what follows read as a character reference: `name;`, `#123;`, `#x1F;`.
fn is_entity(rest: &[char]) -> bool {
    let body = rest.iter().take(33).take_while(|c| c.is_ascii_alphanumeric() || **c == '#').count();
    body > 0 && rest.get(body) == Some(&';')
}

pub fn write<W: Write>(out: &mut W, doc: &Doc) -> io::Result<()> {
    writeln!(out, "### {}\n", esc(&doc.title, Place::Heading))?;
    for block in &doc.blocks {
        match block {
            Block::Table { headers, rows } => {
                writeln!(out, "| {} |", headers.iter().map(|h| esc(h, Place::Cell)).collect::<Vec<_>>().join(" | "))?;
                writeln!(out, "|{}", "---|".repeat(headers.len()))?;
                for r in rows {
                    writeln!(out, "| {} |", r.iter().map(|c| esc(&c.text, Place::Cell)).collect::<Vec<_>>().join(" | "))?;
                }
                writeln!(out)?;
            }
            Block::Fields { title, fields } => {
                writeln!(out, "**{}**\n", esc(title, Place::Block))?;
                for (k, v) in fields {
                    writeln!(out, "- {}: {}", esc(k, Place::Block), esc(&v.text, Place::Inline))?;
                }
                writeln!(out)?;
            }
            Block::Heading(h) => writeln!(out, "#### {}\n", esc(h, Place::Heading))?,
            Block::Line(c) => match c.tone {
                Tone::Bad | Tone::Good => writeln!(out, "**{}**\n", esc(&c.text, Place::Inline))?,
                _ => writeln!(out, "{}\n", esc(&c.text, Place::Block))?,
            },
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{Block, Cell, Doc, Tone};
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    /// Texts a ticket note meets: arrows, comparisons, DNs with RFC 4514 escapes, shell
    /// and LDAP filter syntax, and hostile ones that try to become markup.
    const AWKWARD: &[&str] = &[
        "bob -> staff",
        "a < b and b > c, <- back, <= 3",
        "R&D and AT&T",
        "cn=Smith\\, John,ou=people,dc=example,dc=test",
        "pwd_changed_time",
        "_leading and trailing_",
        "(&(uid=bob)(!(cn=*)))",
        "2 * 3 * 4",
        "**not bold**",
        "`not code`",
        "# not a heading",
        "> not a quote",
        "- not a list",
        "+ not a list",
        "1. not a list",
        "12) not a list",
        "=== not an underline",
        "--- not a rule",
        "[::1]:22",
        "[a link](http://evil.example/)",
        "![an image](http://evil.example/x.png)",
        "[ref]: http://evil.example/",
        "<img src=x onerror=alert(1)>",
        "<!-- a comment -->",
        "<http://evil.example/>",
        "&amp; &#60; &#x3C; &copy;",
        "~~not struck~~ and ~/home",
        "a|b|c",
        "back\\slash at the end\\",
        "C:\\Users\\bob\\*",
        "trailing hashes ##",
        "tab\tand spaces   inside",
        "two\nlines, the second # not a heading",
    ];

    fn cell(text: &str) -> Cell {
        Cell { text: text.to_string(), tone: Tone::Plain }
    }

    /// Renders a note holding every awkward text as a heading, a table cell, a field key
    /// and value, a plain line and a bold line.
    fn note(text: &str) -> String {
        let mut doc = Doc::new(text.to_string());
        doc.blocks.push(Block::Table { headers: vec!["text".into(), "other".into()], rows: vec![vec![cell(text), cell("x")]] });
        doc.blocks.push(Block::Fields { title: text.to_string(), fields: vec![(text.to_string(), cell(text))] });
        doc.blocks.push(Block::Line(cell(text)));
        doc.blocks.push(Block::Line(Cell { text: text.to_string(), tone: Tone::Bad }));
        let mut out = Vec::new();
        super::write(&mut out, &doc).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The texts a Markdown renderer shows, one per leaf (cell, heading, item, paragraph),
    /// and every piece of markup it found beyond the note's own.
    fn rendered(md: &str) -> (Vec<String>, Vec<String>) {
        let mut texts = Vec::new();
        let mut markup = Vec::new();
        let mut cur = String::new();
        let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        for ev in Parser::new_ext(md, opts) {
            match ev {
                Event::Text(t) => cur.push_str(&t),
                Event::SoftBreak | Event::HardBreak => cur.push('\n'),
                // The one HTML the note writes: a line break in a cell.
                Event::InlineHtml(h) if &*h == "<br>" => cur.push('\n'),
                Event::End(TagEnd::TableCell | TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Strong | TagEnd::Item) => {
                    if !cur.is_empty() {
                        texts.push(std::mem::take(&mut cur));
                    }
                }
                Event::Start(
                    Tag::Table(_)
                    | Tag::TableHead
                    | Tag::TableRow
                    | Tag::TableCell
                    | Tag::Paragraph
                    | Tag::Strong
                    | Tag::Heading { .. }
                    | Tag::List(None)
                    | Tag::Item,
                )
                | Event::End(_) => {}
                other => markup.push(format!("{other:?}")),
            }
        }
        (texts, markup)
    }

    #[test]
    fn awkward_text_renders_as_itself_and_reads_as_plain_text() {
        for text in AWKWARD {
            let md = note(text);
            let (texts, markup) = rendered(&md);
            assert!(markup.is_empty(), "{text:?} became markup {markup:?} in:\n{md}");
            let want = deskhand_commands::util::sanitize_keep_newlines(text);
            // Heading, cell, "x" cell, fields title, "key: value", line, bold line.
            let mut expected = vec![want.clone(), "text".into(), "other".into(), want.clone(), "x".into(), want.clone()];
            expected.push(format!("{want}: {want}"));
            expected.extend([want.clone(), want.clone()]);
            assert_eq!(texts, expected, "{text:?} rendered differently from:\n{md}");
            // Unrendered, the note reads as the text: at most a backslash before a
            // character Markdown would take, and `<br>` for a line break.
            for place in [super::Place::Block, super::Place::Cell, super::Place::Inline] {
                let plain = super::esc(text, place).replace('\\', "");
                assert_eq!(plain, want.replace('\\', "").replace('\n', "<br>"), "{text:?}");
            }
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in ["bob -> staff", "a < b, <- back", "R&D", "pwd_changed_time", "to [::1]:22", "~/home", "cn=bob,dc=example"] {
            assert_eq!(super::esc(text, super::Place::Block), text);
        }
        assert_eq!(super::esc("a|b", super::Place::Inline), "a|b", "a pipe matters only in a table");
        // At the start of a block it would define a link (and vanish); in a cell it is text.
        assert_eq!(super::esc("[::1]:22", super::Place::Block), "\\[::1]:22");
        assert_eq!(super::esc("[::1]:22", super::Place::Cell), "[::1]:22");
        assert_eq!(super::esc("a|b", super::Place::Cell), "a\\|b");
        assert_eq!(super::esc("line1\nline2", super::Place::Cell), "line1<br>line2");
    }
}
