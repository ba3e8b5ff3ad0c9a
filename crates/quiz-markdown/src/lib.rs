//! A small Markdown reader for question text.
//!
//! It covers what question banks use: paragraphs, emphasis, inline code,
//! fenced code blocks with a language, lists, block quotes, headings, links,
//! rules and pipe tables. It is ours rather than pulldown-cmark because the
//! whole widget must fit in 100 KB gzip and pulldown-cmark alone adds about
//! 56 KB compressed; see ARCHITECTURE.md.
//!
//! The output is a tree of [`Block`]s and [`Inline`]s holding plain text. The
//! widget turns it into DOM nodes, so HTML in the source is shown as text and
//! never parsed. Link targets pass [`safe_href`] or the link becomes text.

pub mod highlight;

/// A block of Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    /// A fenced code block; `language` is the fence's info word.
    Code {
        language: Option<String>,
        text: String,
    },
    List {
        ordered: bool,
        start: u32,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Rule,
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    /// A link whose target passed [`safe_href`].
    Link {
        href: String,
        children: Vec<Inline>,
    },
    LineBreak,
    /// An image whose source passed [`safe_href`]; `alt` describes it.
    Image {
        src: String,
        alt: String,
    },
}

/// Deepest nesting of lists and quotes that is parsed as such; deeper
/// markers are kept as text, which bounds the work on hostile input.
const MAX_NESTING: usize = 16;

/// Furthest an emphasis looks for its closing marker, in bytes.
const MAX_SPAN: usize = 2000;

/// Parses Markdown into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    blocks(&lines, 0)
}

/// Whether `c` belongs to a word, for `_` inside snake_case names and for
/// numbers inside identifiers in code. ASCII letters and digits do, and any
/// other character that is not a space or punctuation from the Latin-1,
/// General Punctuation or CJK Symbols blocks (quotes, dashes, `«`, `、`).
/// `char::is_alphanumeric` would be exact but links Unicode's letter and
/// digit tables, 1.8 KB gzip of the wasm, for these two cosmetic decisions.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !c.is_whitespace()
        && !matches!(c, '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}')
}

fn is_fence(line: &str) -> Option<(&str, usize)> {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    if indent > 3 {
        return None;
    }
    fence_marker(trimmed).map(|marker| (marker, indent))
}

/// The fence that opens a code block, such as "```" or "~~~~", at the start
/// of `text` (a line without its indentation); `None` if it is no fence.
/// The one fence detector: the Markdown reader and the bank importer use it.
pub fn fence_marker(text: &str) -> Option<&str> {
    ["```", "~~~"].into_iter().find_map(|marker| {
        let run = text.chars().take_while(|&c| marker.starts_with(c)).count();
        (run >= 3).then(|| quiz_stdx::or_never(text.get(..run), marker, "the run is of one ASCII character"))
    })
}

/// Whether `line` closes a code block opened by `marker`: a run of the same
/// character, at least as long, and nothing else.
pub fn closes_fence(marker: &str, line: &str) -> bool {
    let t = line.trim();
    t.starts_with(marker) && t.chars().all(|c| marker.starts_with(c))
}

fn list_marker(line: &str) -> Option<(bool, u32, usize)> {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    if indent > 3 {
        return None;
    }
    for bullet in ["- ", "* ", "+ "] {
        if trimmed.starts_with(bullet) && !is_rule(trimmed) {
            return Some((false, 1, indent + 2));
        }
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = quiz_stdx::or_never(trimmed.get(digits..), "", "digits are ASCII");
        if rest.starts_with(". ") || rest.starts_with(") ") {
            let start = trimmed.get(..digits).and_then(|d| d.parse().ok()).unwrap_or(1);
            return Some((true, start, indent + digits + 2));
        }
    }
    None
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    let Some(first) = t.chars().next() else { return false };
    matches!(first, '-' | '*' | '_')
        && t.chars().filter(|&c| c == first).count() >= 3
        && t.chars().all(|c| c == first || c == ' ')
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let t = line.trim_start();
    let level = t.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = t.get(level..)?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    // A closing run of `#` goes only when a space stands before it (`# C#` keeps its `#`).
    let text = rest.trim();
    let open = text.trim_end_matches('#');
    let text = match open.is_empty() || open.ends_with(' ') {
        true => open.trim_end(),
        false => text,
    };
    Some((level as u8, text))
}

fn table_cells(line: &str) -> Vec<&str> {
    // One pipe at each end is a border; `||a` has an empty first cell.
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    t.split('|').map(str::trim).collect()
}

fn is_table_separator(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.contains('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Removes up to `n` leading spaces.
fn dedent(line: &str, n: usize) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    line.get(spaces.min(n)..).unwrap_or(line)
}

fn blocks(lines: &[&str], depth: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(inlines(&paragraph.join("\n"))));
            paragraph.clear();
        }
    };
    while let Some(&line) = lines.get(i) {
        if line.trim().is_empty() {
            flush(&mut paragraph, &mut out);
            i += 1;
            continue;
        }
        // A table's head has as many cells as the separator under it (GFM).
        let table_starts = paragraph.is_empty()
            && line.contains('|')
            && lines
                .get(i + 1)
                .is_some_and(|l| is_table_separator(l) && table_cells(l).len() == table_cells(line).len());
        // Each reader takes the block that starts at line `i` and says where the next one starts.
        let block = if let Some((marker, indent)) = is_fence(line) {
            Some(code_block(lines, i, marker, indent))
        } else if let Some((level, text)) = heading(line) {
            Some((Block::Heading(level, inlines(text)), i + 1))
        } else if is_rule(line) && paragraph.is_empty() {
            Some((Block::Rule, i + 1))
        } else if depth < MAX_NESTING && line.trim_start().starts_with('>') {
            Some(quote(lines, i, depth))
        } else if let Some((ordered, start, _)) = list_marker(line).filter(|_| depth < MAX_NESTING) {
            Some(list(lines, i, depth, ordered, start))
        } else if table_starts {
            Some(table(lines, i))
        } else {
            None
        };
        match block {
            Some((block, next)) => {
                flush(&mut paragraph, &mut out);
                out.push(block);
                i = next;
            }
            None => {
                paragraph.push(line.trim_start());
                i += 1;
            }
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

/// A fenced code block opening at line `i`, up to its closing fence or the end.
fn code_block(lines: &[&str], mut i: usize, marker: &str, indent: usize) -> (Block, usize) {
    let line = quiz_stdx::or_never(lines.get(i).copied(), "", "the fence's line exists");
    let info = quiz_stdx::or_never(
        line.trim_start().get(marker.len()..),
        "",
        "the line starts with the fence",
    )
    .trim();
    let language = info
        .split_whitespace()
        .next()
        .filter(|l| !l.is_empty())
        .map(str::to_owned);
    let mut code = Vec::new();
    i += 1;
    while let Some(&l) = lines.get(i) {
        i += 1;
        if closes_fence(marker, l) {
            break;
        }
        code.push(dedent(l, indent));
    }
    let text = code.join("\n");
    (Block::Code { language, text }, i)
}

/// A block quote: the `>` lines from `i`, read as blocks one level deeper.
fn quote(lines: &[&str], mut i: usize, depth: usize) -> (Block, usize) {
    let mut quoted = Vec::new();
    while let Some(l) = lines.get(i).filter(|l| l.trim_start().starts_with('>')) {
        let rest = quiz_stdx::or_never(l.trim_start().get(1..), "", "the line starts with `>`");
        quoted.push(rest.strip_prefix(' ').unwrap_or(rest));
        i += 1;
    }
    (Block::Quote(blocks(&quoted, depth + 1)), i)
}

/// A list whose first item is at line `i`: items with the same kind of marker.
fn list(lines: &[&str], mut i: usize, depth: usize, ordered: bool, start: u32) -> (Block, usize) {
    let mut items: Vec<Vec<Block>> = Vec::new();
    while let Some(&l) = lines.get(i) {
        let Some((_, _, width)) = list_marker(l).filter(|(o, _, _)| *o == ordered) else {
            break;
        };
        let (item, next) = list_item(lines, i, width);
        items.push(blocks(&item, depth + 1));
        i = next;
        // A blank line between items keeps the list going.
        if lines.get(i).is_some_and(|l| l.trim().is_empty())
            && lines
                .get(i + 1)
                .and_then(|l| list_marker(l))
                .is_some_and(|(o, _, _)| o == ordered)
        {
            i += 1;
        }
    }
    (Block::List { ordered, start, items }, i)
}

/// The lines of the list item at line `i` (its marker `width` wide), with
/// its continuation: indented lines, blank lines followed by indented ones,
/// and lazy paragraph lines.
fn list_item<'a>(lines: &[&'a str], mut i: usize, width: usize) -> (Vec<&'a str>, usize) {
    let l = quiz_stdx::or_never(lines.get(i).copied(), "", "the item's line exists");
    let mut item = vec![l
        .trim_start()
        .get(width - (l.len() - l.trim_start().len())..)
        .unwrap_or_default()];
    i += 1;
    while let Some(&next) = lines.get(i) {
        let indented = next.starts_with("  ") || next.starts_with('\t');
        if next.trim().is_empty() {
            if lines
                .get(i + 1)
                .is_some_and(|n| n.starts_with("  ") && !n.trim().is_empty())
            {
                item.push("");
                i += 1;
                continue;
            }
            break;
        }
        if indented {
            item.push(dedent(next, width));
            i += 1;
        } else if list_marker(next).is_none() && is_fence(next).is_none() && heading(next).is_none() {
            // A lazy continuation of the item's paragraph.
            item.push(next);
            i += 1;
        } else {
            break;
        }
    }
    (item, i)
}

/// A pipe table: its head at line `i`, the separator, then the rows.
fn table(lines: &[&str], mut i: usize) -> (Block, usize) {
    let line = quiz_stdx::or_never(lines.get(i).copied(), "", "the table's head line exists");
    let head: Vec<Vec<Inline>> = table_cells(line).into_iter().map(inlines).collect();
    let mut rows = Vec::new();
    i += 2;
    while let Some(l) = lines.get(i).filter(|l| l.contains('|') && !l.trim().is_empty()) {
        // Every row as wide as the head, as GitHub's tables: cells past it
        // are dropped, missing ones are empty.
        let mut cells: Vec<&str> = table_cells(l);
        cells.resize(head.len(), "");
        rows.push(cells.into_iter().map(inlines).collect());
        i += 1;
    }
    (Block::Table { head, rows }, i)
}

/// Returns the link target if it is safe to follow: `http`, `https`,
/// `mailto`, or relative. Control characters and white space are removed
/// first, the way browsers do, so `java\tscript:` is seen as `javascript:`.
pub fn safe_href(raw: &str) -> Option<String> {
    let cleaned: String = raw.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    if cleaned.is_empty() {
        return None;
    }
    // Whatever stands before a `:` that comes before any `/` or `?` is a
    // scheme to a browser (or could be, once entities are decoded), and must
    // be one of the allowed ones. This is stricter than URL parsing on purpose.
    let colon = cleaned.find(':');
    let path_start = cleaned.find(['/', '?']);
    match colon {
        Some(at) if path_start.is_none_or(|p| at < p) => {
            let scheme = cleaned.get(..at)?.to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto").then_some(cleaned)
        }
        _ => Some(cleaned),
    }
}

/// Parses inline Markdown.
pub fn inlines(text: &str) -> Vec<Inline> {
    let mut parser = InlineParser {
        out: Vec::new(),
        text: String::new(),
        depth: 0,
    };
    parser.run(text);
    parser.finish()
}

struct InlineParser {
    out: Vec<Inline>,
    text: String,
    depth: usize,
}

fn decode_entity(rest: &str) -> Option<(char, usize)> {
    let end = rest.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = rest.get(1..end)?;
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            // `&#65;` and `&#x41;`: a code point, or U+FFFD for none (as CommonMark).
            let number = name.strip_prefix('#')?;
            let (digits, radix) = match number.strip_prefix('x').or_else(|| number.strip_prefix('X')) {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            if digits.is_empty() || digits.len() > 7 {
                return None;
            }
            let code = digits
                .chars()
                .try_fold(0, |n: u32, c| Some(n * radix + c.to_digit(radix)?))?;
            char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}')
        }
    };
    Some((c, end + 1))
}

impl InlineParser {
    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            self.out.push(Inline::Text(std::mem::take(&mut self.text)));
        }
    }

    fn finish(mut self) -> Vec<Inline> {
        self.flush_text();
        self.out
    }

    fn nested(&self, text: &str) -> Vec<Inline> {
        if self.depth >= MAX_NESTING {
            return vec![Inline::Text(text.to_owned())];
        }
        let mut parser = InlineParser {
            out: Vec::new(),
            text: String::new(),
            depth: self.depth + 1,
        };
        parser.run(text);
        parser.finish()
    }

    fn run(&mut self, src: &str) {
        let mut pos = 0;
        while let Some(rest) = src.get(pos..) {
            let Some(c) = rest.chars().next() else { break };
            let consumed = match c {
                '\\' if rest.get(1..).is_some_and(|r| r.starts_with('\n')) => {
                    self.flush_text();
                    self.out.push(Inline::LineBreak);
                    Some(2)
                }
                '\\' => rest.chars().nth(1).filter(char::is_ascii_punctuation).map(|p| {
                    self.text.push(p);
                    2
                }),
                '\n' => {
                    // Two trailing spaces or a backslash make a hard break; otherwise a space.
                    if self.text.ends_with("  ") {
                        let trimmed = self.text.trim_end().len();
                        self.text.truncate(trimmed);
                        self.flush_text();
                        self.out.push(Inline::LineBreak);
                    } else {
                        self.text.push(' ');
                    }
                    Some(1)
                }
                '`' => self.code_span(rest),
                '*' | '_' => self.emphasis(rest, c),
                '[' => self.link(rest),
                '!' if rest.get(1..).is_some_and(|r| r.starts_with('[')) => self.image(rest),
                '<' => self.autolink(rest),
                '&' => decode_entity(rest).map(|(ch, len)| {
                    self.text.push(ch);
                    len
                }),
                _ => None,
            };
            match consumed {
                Some(n) => pos += n,
                None => {
                    self.text.push(c);
                    pos += c.len_utf8();
                }
            }
        }
    }

    fn code_span(&mut self, rest: &str) -> Option<usize> {
        let ticks = rest.chars().take_while(|&c| c == '`').count();
        let fence = "`".repeat(ticks);
        let body = rest.get(ticks..)?;
        // The span closes at a run of exactly as many backticks: longer runs are skipped whole.
        let mut search = 0;
        let closing = loop {
            let Some(at) = body.get(search..).and_then(|b| b.find(&fence)) else {
                break None;
            };
            let at = search + at;
            let run = body
                .get(at..)
                .map_or(0, |r| r.bytes().take_while(|&b| b == b'`').count());
            if run == ticks {
                break Some(at);
            }
            search = at + run;
        };
        let Some(end) = closing else {
            // An unclosed run is text, all of it at once, which keeps long
            // runs of backticks linear.
            self.text.push_str(&fence);
            return Some(ticks);
        };
        // As CommonMark has it: line breaks become spaces, then one space
        // goes from each end when both ends have one and not every
        // character is a space (` ` stays a space).
        let code = body.get(..end)?.replace('\n', " ");
        let padded = code.len() >= 2 && code.starts_with(' ') && code.ends_with(' ') && code.bytes().any(|b| b != b' ');
        let code = match padded {
            true => quiz_stdx::or_never(code.get(1..code.len() - 1), &code, "both ends are spaces").to_owned(),
            false => code,
        };
        self.flush_text();
        self.out.push(Inline::Code(code));
        Some(ticks + end + ticks)
    }

    fn emphasis(&mut self, rest: &str, marker: char) -> Option<usize> {
        let run = rest.chars().take_while(|&c| c == marker).count();
        if run > 2 {
            // `***` and longer runs are kept as text; this also keeps hostile
            // runs of thousands of markers linear.
            self.text.extend(std::iter::repeat_n(marker, run));
            return Some(run);
        }
        let strong: String = [marker, marker].iter().collect();
        let (delim, is_strong) = if run == 2 {
            (strong.as_str(), true)
        } else {
            (rest.get(..1)?, false)
        };
        let body = rest.get(delim.len()..)?;
        if body.starts_with(char::is_whitespace) {
            return None;
        }
        // `_` inside words (snake_case) is not emphasis.
        if marker == '_' && self.text.chars().last().is_some_and(is_word_char) {
            return None;
        }
        let mut search = 0;
        let end = loop {
            // Emphasis closes within a sentence or two; the cap keeps `*a *a *a …` linear.
            if search > MAX_SPAN {
                return None;
            }
            let found = body.get(search..)?.find(delim)? + search;
            // A single marker is not closed by a pair, which opens or closes a strong span inside it.
            let pair = body.get(found..).is_some_and(|a| a.starts_with(strong.as_str()));
            if !is_strong && pair {
                search = found + body.get(found..)?.chars().take_while(|&c| c == marker).count();
                continue;
            }
            let before = body.get(..found)?;
            let closes = !before.is_empty() && !before.ends_with(char::is_whitespace);
            let after_ok = !is_strong || !body.get(found + delim.len()..).is_some_and(|a| a.starts_with(marker));
            if closes && after_ok {
                break found;
            }
            search = found + delim.len();
        };
        let inner = self.nested(body.get(..end)?);
        self.flush_text();
        self.out.push(if is_strong {
            Inline::Strong(inner)
        } else {
            Inline::Emphasis(inner)
        });
        Some(delim.len() * 2 + end)
    }

    fn link(&mut self, rest: &str) -> Option<usize> {
        let (label, url, consumed) = link_parts(rest)?;
        let children = self.nested(label);
        self.flush_text();
        match safe_href(url) {
            Some(href) => self.out.push(Inline::Link { href, children }),
            None => self.out.extend(children),
        }
        Some(consumed)
    }

    /// `![alt](src)`: an image with a safe source, else its alt text.
    fn image(&mut self, rest: &str) -> Option<usize> {
        let (label, url, consumed) = link_parts(rest.get(1..)?)?;
        let alt = plain_text(&inlines(label));
        self.flush_text();
        match safe_href(url) {
            Some(src) => self.out.push(Inline::Image { src, alt }),
            None => self.out.push(Inline::Text(alt)),
        }
        Some(1 + consumed)
    }

    fn autolink(&mut self, rest: &str) -> Option<usize> {
        let end = rest.find('>')?;
        let url = rest.get(1..end)?;
        if url.contains(char::is_whitespace) || !(url.contains(':') || url.contains('@')) {
            return None;
        }
        let href = if url.contains('@') && !url.contains(':') {
            format!("mailto:{url}")
        } else {
            url.to_owned()
        };
        self.flush_text();
        match safe_href(&href) {
            Some(href) => self.out.push(Inline::Link {
                href,
                children: vec![Inline::Text(url.to_owned())],
            }),
            None => self.out.push(Inline::Text(rest.get(..=end)?.to_owned())),
        }
        Some(end + 1)
    }
}

/// `[label](url "title")` at the start of `rest`: the label, the url (the
/// title dropped) and how many bytes it takes.
fn link_parts(rest: &str) -> Option<(&str, &str, usize)> {
    let close = matching_bracket(rest)?;
    let label = rest.get(1..close)?;
    let after = rest.get(close + 1..)?;
    if !after.starts_with('(') {
        return None;
    }
    // The target ends at the `)` that balances the opening one, so
    // `(javascript:alert(1))` is read whole.
    let mut depth = 0usize;
    let end = after.char_indices().take(4000).find_map(|(i, c)| {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        None
    })?;
    let target = after.get(1..end)?.trim();
    // An optional title after the URL is dropped.
    let url = target
        .split_once(char::is_whitespace)
        .filter(|(_, title)| title.trim_start().starts_with(['"', '\'', '(']))
        .map_or(target, |(u, _)| u);
    let url = url.trim_start_matches('<').trim_end_matches('>');
    Some((label, url, close + 1 + end + 1))
}

fn matching_bracket(rest: &str) -> Option<usize> {
    let mut depth = 0usize;
    // Labels longer than this are not links; the cap keeps `[[[[…` linear.
    for (i, c) in rest.char_indices().take(2000) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The alt text of every image in a Markdown text, for the validator.
pub fn image_alts(text: &str) -> Vec<String> {
    fn walk_inlines(inlines: &[Inline], out: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                Inline::Image { alt, .. } => out.push(alt.clone()),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => walk_inlines(c, out),
                Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
            }
        }
    }
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for block in blocks {
            match block {
                Block::Paragraph(i) | Block::Heading(_, i) => walk_inlines(i, out),
                Block::List { items, .. } => items.iter().for_each(|item| walk(item, out)),
                Block::Quote(blocks) => walk(blocks, out),
                Block::Table { head, rows } => head
                    .iter()
                    .chain(rows.iter().flatten())
                    .for_each(|c| walk_inlines(c, out)),
                Block::Code { .. } | Block::Rule => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&parse(text), &mut out);
    out
}

/// The plain text of inline content, for accessible names and summaries.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => out.push_str(&plain_text(c)),
            Inline::LineBreak => out.push(' '),
            Inline::Image { alt, .. } => out.push_str(alt),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Inline::*;

    fn text(s: &str) -> Inline {
        Text(s.to_owned())
    }

    #[test]
    fn paragraphs_emphasis_and_code() {
        assert_eq!(
            parse("Use **`async def`** and *await*.\n\nNext_para snake_case_name"),
            vec![
                Block::Paragraph(vec![
                    text("Use "),
                    Strong(vec![Code("async def".into())]),
                    text(" and "),
                    Emphasis(vec![text("await")]),
                    text("."),
                ]),
                Block::Paragraph(vec![text("Next_para snake_case_name")]),
            ]
        );
    }

    #[test]
    fn underscores_inside_words_of_any_script_are_not_emphasis() {
        assert_eq!(
            inlines("größe_neu_wert and привет_мир_"),
            vec![text("größe_neu_wert and привет_мир_")]
        );
        // After quotes and dashes, `_` opens emphasis as it does after a space.
        for open in ["“", "«", "—", "「"] {
            assert_eq!(
                inlines(&format!("{open}_word_")),
                vec![text(open), Emphasis(vec![text("word")])],
                "{open}"
            );
        }
        assert!(is_word_char('é') && is_word_char('9') && is_word_char('字'));
        assert!(!is_word_char('\u{a0}') && !is_word_char('¿') && !is_word_char('’') && !is_word_char('_'));
    }

    #[test]
    fn fenced_code_keeps_language_and_text() {
        let blocks = parse("What prints?\n```python\nasync def f():\n    return 1\n```\nDone");
        assert_eq!(
            blocks[1],
            Block::Code {
                language: Some("python".into()),
                text: "async def f():\n    return 1".into()
            }
        );
        assert_eq!(blocks.len(), 3);
    }

    #[test]
    fn indented_fence_in_a_list_item() {
        let blocks = parse("- item\n  ```python\n  x = 1\n  ```\n- two");
        let Block::List { items, .. } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0][1],
            Block::Code {
                language: Some("python".into()),
                text: "x = 1".into()
            }
        );
    }

    #[test]
    fn lists_ordered_and_not() {
        let blocks = parse("1. one\n2. two\n\n- a\n- b");
        assert!(matches!(&blocks[0], Block::List { ordered: true, start: 1, items } if items.len() == 2));
        assert!(matches!(&blocks[1], Block::List { ordered: false, items, .. } if items.len() == 2));
    }

    #[test]
    fn html_stays_text() {
        assert_eq!(
            inlines("<script>alert(1)</script> &lt;b&gt;"),
            vec![text("<script>alert(1)</script> <b>")]
        );
    }

    #[test]
    fn only_safe_links_become_links() {
        assert_eq!(
            inlines("[ok](https://python.org)"),
            vec![Link {
                href: "https://python.org".into(),
                children: vec![text("ok")]
            }]
        );
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:x",
            " data:text/html,x",
            "vbscript:x",
            "jav&#x61;script:x",
        ] {
            assert_eq!(inlines(&format!("[x]({bad})")), vec![text("x")], "{bad}");
        }
        assert_eq!(safe_href("docs/page.html#a"), Some("docs/page.html#a".into()));
        assert_eq!(safe_href("mailto:a@b.c"), Some("mailto:a@b.c".into()));
        assert_eq!(inlines("<javascript:alert(1)>"), vec![text("<javascript:alert(1)>")]);
        assert!(matches!(&inlines("<https://x.org>")[0], Link { .. }));
    }

    #[test]
    fn images_follow_the_link_rules_and_keep_their_alt_text() {
        assert_eq!(
            inlines("See ![a *cat*](img/cat.png \"title\") here"),
            vec![
                Text("See ".into()),
                Inline::Image {
                    src: "img/cat.png".into(),
                    alt: "a cat".into()
                },
                Text(" here".into())
            ]
        );
        // An unsafe source shows the description as text; a lone `!` is text.
        assert_eq!(inlines("![x](javascript:alert(1))"), vec![Text("x".into())]);
        assert_eq!(inlines("Hi! [a](b.html)")[0], Text("Hi! ".into()));
        assert_eq!(
            image_alts("![](a.png) and ![b](b.png)\n\n- ![c](c.png)"),
            vec!["", "b", "c"]
        );
    }

    #[test]
    fn tables() {
        let blocks = parse("| a | b |\n|---|---|\n| 1 | 2 |");
        assert!(matches!(&blocks[0], Block::Table { head, rows } if head.len() == 2 && rows.len() == 1));
    }

    #[test]
    fn hostile_nesting_is_bounded() {
        let deep = "> ".repeat(5000) + "x";
        assert!(!parse(&deep).is_empty());
        let stars = "*".repeat(20_000);
        assert!(!inlines(&stars).is_empty());
        let brackets = "[".repeat(5000);
        assert_eq!(plain_text(&inlines(&brackets)), brackets);
    }
}
