//! Splitting a step's `run:` into words, BEFORE any template is filled in: this is what
//! keeps a parameter from ever adding arguments or flags. Each word later becomes
//! exactly one argument (a whole-word list: one per element), whatever its value holds.
//!
//! The text form splits like a shell, but simpler: whitespace separates words, `'...'`
//! and `"..."` (with `\"` and `\\`) group them, `\` escapes one character, and a
//! template block (`{{ }}`, `{% %}`, `{# #}`) never splits, spaces inside and all. The
//! list form (`run: [account, show, "{{ user }}"]`) takes each element as one word.

/// One word of a step's command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word's template source, quotes removed.
    pub text: String,
    /// Where the word starts in the file.
    pub at: super::yaml::Loc,
    /// Holds a template block.
    pub templated: bool,
    /// Begins with a `-` written in the runbook itself: an option the author chose.
    pub literal_dash: bool,
    /// The word is exactly one `{{ expression }}`: the expression. Its value may be a list,
    /// which gives one argument per element.
    pub whole: Option<String>,
    /// Byte offset in `text` of the first template block.
    pub first_block: Option<usize>,
    /// `text` is a verbatim slice of the YAML value, so offsets inside it map to columns.
    pub verbatim: bool,
}

/// A word and its byte offset in the YAML value it came from.
#[derive(Debug, Clone)]
pub struct Split {
    pub start: usize,
    pub word: Word,
}

/// The end (exclusive) of the template block opening at `start`, or `None` when it is
/// never closed. String literals inside `{{ }}` and `{% %}` may hold the closer.
pub fn block_end(s: &str, start: usize) -> Option<usize> {
    let rest = s.get(start..)?;
    let closer = if rest.starts_with("{{") {
        "}}"
    } else if rest.starts_with("{%") {
        "%}"
    } else if let Some(body) = rest.strip_prefix("{#") {
        return body.find("#}").map(|i| start + 2 + i + 2);
    } else {
        return None;
    };
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(2) {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => quote = Some(c),
            None if rest[i..].starts_with(closer) => return Some(start + i + 2),
            None => {}
        }
    }
    None
}

fn opens_block(s: &str) -> bool {
    s.starts_with("{{") || s.starts_with("{%") || s.starts_with("{#")
}

#[derive(Default)]
struct Building {
    start: usize,
    text: String,
    templated: bool,
    literal_dash: bool,
    first_block: Option<usize>,
    verbatim: bool,
    blocks: usize,
}

impl Building {
    fn new(start: usize) -> Self {
        Self { start, verbatim: true, ..Self::default() }
    }

    fn literal(&mut self, c: char) {
        if self.text.is_empty() && self.first_block.is_none() && c == '-' {
            self.literal_dash = true;
        }
        self.text.push(c);
    }

    fn block(&mut self, b: &str) {
        if self.first_block.is_none() {
            self.first_block = Some(self.text.len());
        }
        self.templated = true;
        self.blocks += 1;
        self.text.push_str(b);
    }

    fn finish(self, value: &str) -> Split {
        let verbatim = self.verbatim && value.get(self.start..self.start + self.text.len()) == Some(self.text.as_str());
        let whole = (self.blocks == 1 && self.text.starts_with("{{") && block_end(&self.text, 0) == Some(self.text.len()))
            .then(|| inner_expression(&self.text));
        Split {
            start: self.start,
            word: Word {
                text: self.text,
                at: super::yaml::Loc::default(),
                templated: self.templated,
                literal_dash: self.literal_dash,
                whole,
                first_block: self.first_block,
                verbatim,
            },
        }
    }
}

/// `{{- expr +}}` -> `expr`.
fn inner_expression(block: &str) -> String {
    let inner = &block[2..block.len() - 2];
    let inner = inner.strip_prefix(['-', '+']).unwrap_or(inner);
    let inner = inner.strip_suffix(['-', '+']).unwrap_or(inner);
    inner.trim().to_string()
}

/// Splits the text form of `run:`. An error is (byte offset, message).
pub fn split(value: &str) -> Result<Vec<Split>, (usize, String)> {
    let mut words = Vec::new();
    let mut cur: Option<Building> = None;
    let mut i = 0;
    while let Some(c) = value[i..].chars().next() {
        if c.is_whitespace() {
            if let Some(w) = cur.take() {
                words.push(w.finish(value));
            }
            i += c.len_utf8();
            continue;
        }
        let w = cur.get_or_insert_with(|| Building::new(i));
        if opens_block(&value[i..]) {
            let end = block_end(value, i).ok_or_else(|| (i, unclosed(&value[i..])))?;
            w.block(&value[i..end]);
            i = end;
            continue;
        }
        match c {
            '\'' => {
                let close = value[i + 1..].find('\'').ok_or((i, "this quote (') is never closed".to_string()))?;
                w.verbatim = false;
                // An empty '' is still a word: an empty argument.
                for ch in value[i + 1..i + 1 + close].chars() {
                    w.literal(ch);
                }
                i += close + 2;
            }
            '"' => {
                w.verbatim = false;
                let open = i;
                i += 1;
                loop {
                    let Some(ch) = value[i..].chars().next() else {
                        return Err((open, "this quote (\") is never closed".to_string()));
                    };
                    if ch == '"' {
                        i += 1;
                        break;
                    }
                    if opens_block(&value[i..]) {
                        let end = block_end(value, i).ok_or_else(|| (i, unclosed(&value[i..])))?;
                        w.block(&value[i..end]);
                        i = end;
                        continue;
                    }
                    if ch == '\\' {
                        if let Some(n @ ('"' | '\\')) = value[i + 1..].chars().next() {
                            w.literal(n);
                            i += 2;
                        } else {
                            w.literal('\\');
                            i += 1;
                        }
                        continue;
                    }
                    w.literal(ch);
                    i += ch.len_utf8();
                }
            }
            '\\' => {
                w.verbatim = false;
                match value[i + 1..].chars().next() {
                    Some(n) => {
                        w.literal(n);
                        i += 1 + n.len_utf8();
                    }
                    None => return Err((i, "a lone \\ at the end".to_string())),
                }
            }
            _ => {
                w.literal(c);
                i += c.len_utf8();
            }
        }
    }
    if let Some(w) = cur.take() {
        words.push(w.finish(value));
    }
    Ok(words)
}

fn unclosed(rest: &str) -> String {
    let closer = if rest.starts_with("{{") {
        "}}"
    } else if rest.starts_with("{%") {
        "%}"
    } else {
        "#}"
    };
    format!("this template block ({}) is never closed with {closer}", &rest[..2])
}

/// One element of the list form: one word, quotes and all.
pub fn single(value: &str) -> Result<Word, (usize, String)> {
    let mut w = Building::new(0);
    let mut i = 0;
    while let Some(c) = value[i..].chars().next() {
        if opens_block(&value[i..]) {
            let end = block_end(value, i).ok_or_else(|| (i, unclosed(&value[i..])))?;
            w.block(&value[i..end]);
            i = end;
        } else {
            w.literal(c);
            i += c.len_utf8();
        }
    }
    Ok(w.finish(value).word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        split(s).unwrap().into_iter().map(|w| w.word.text).collect()
    }

    #[test]
    fn splits_like_a_small_shell_and_keeps_blocks_whole() {
        assert_eq!(texts("account show {{ user }}"), ["account", "show", "{{ user }}"]);
        assert_eq!(texts("  a   b  "), ["a", "b"]);
        assert_eq!(texts(r#"a --reason "left the company" 'x y' c\ d"#), ["a", "--reason", "left the company", "x y", "c d"]);
        assert_eq!(texts(r#"x{{ a | default("}} {{") }}y z"#), [r#"x{{ a | default("}} {{") }}y"#, "z"]);
        assert_eq!(texts("{% if m %}--mail={{ m }}{% endif %} n"), ["{% if m %}--mail={{ m }}{% endif %}", "n"]);
        assert_eq!(texts("a '' b"), ["a", "", "b"]);
        assert_eq!(texts(r#""{{ user }}""#), ["{{ user }}"]);
        let w = &split("--mail={{ m }}@x.test {{ g }} -{{ f }} {{- g -}}").unwrap();
        assert!(w[0].word.literal_dash && w[0].word.whole.is_none() && w[0].word.first_block == Some(7));
        assert_eq!(w[1].word.whole.as_deref(), Some("g"));
        assert!(!w[1].word.literal_dash && w[1].word.verbatim);
        assert!(w[2].word.literal_dash && w[2].word.first_block == Some(1));
        assert_eq!(w[3].word.whole.as_deref(), Some("g"));
        assert_eq!(single("{{ a }}x}}").unwrap().whole, None);
        assert_eq!(w[1].start, 22);
    }

    #[test]
    fn reports_unclosed_things() {
        assert_eq!(split("a {{ user").unwrap_err().0, 2);
        assert_eq!(split("a 'b").unwrap_err().0, 2);
        assert_eq!(split("a \"b").unwrap_err().0, 2);
        assert!(split("a \\").is_err());
        assert!(single("{% if x").is_err());
        assert_eq!(single("{{ g }}").unwrap().whole.as_deref(), Some("g"));
        assert!(single("-n").unwrap().literal_dash);
    }
}
