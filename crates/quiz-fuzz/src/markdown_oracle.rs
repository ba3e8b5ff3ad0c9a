//! Our Markdown reader against pulldown-cmark, the reference CommonMark
//! reader, on the subset question text uses.
//!
//! pulldown-cmark's events are built into our own tree ([`Block`],
//! [`Inline`]), both trees are brought to one normal form, and the two must
//! be equal. The widget keeps its own reader for size (ARCHITECTURE.md says
//! why); where the two may differ on purpose, the difference is listed here
//! and taken out before comparing:
//!
//! - Links and images go through [`safe_href`] in both trees: a target it
//!   refuses is plain text for us, so it is made plain text in theirs.
//! - HTML is text for us (never parsed); a text that holds HTML, or an
//!   HTML block, is not compared ([`compared`] says so).
//! - Setext headings (`Title` over `===`) and link reference definitions
//!   are not read by ours: texts with them are not compared either.
//! - Compared, and known to differ (a test keeps this list true): a run of
//!   three or more `*` or `_` is text for us (it keeps hostile runs
//!   linear); a change of bullet (`*` then `+`) does not start a new list;
//!   a line indented by four spaces is not a code block (question text
//!   pasted from JSON or a word processor is often indented, and fenced
//!   blocks are what banks use).
//! - Runs of text are joined, runs of spaces made one (as the page shows
//!   them), and a code block's trailing newline dropped.
//! - Our reader is a subset of CommonMark's block and emphasis rules.
//!   [`known_difference`] names each place it simplifies them (lazy
//!   continuation lines, empty list items, CommonMark's flanking rules and
//!   its stack of emphasis openers, code spans across lines, list items'
//!   exact indentation, and a few more); the fuzz target and the generated
//!   texts of tests/host/markdown.rs compare every other text, and must
//!   read alike.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use quiz_markdown::{safe_href, Block, Inline};

/// Why a text is left out of the comparison, if it is.
pub fn compared(text: &str) -> Result<(), &'static str> {
    let html =
        Parser::new_ext(text, Options::ENABLE_TABLES).any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    if html {
        return Err("holds HTML, which is text for us");
    }
    let lines: Vec<&str> = text.lines().collect();
    let underline = |l: &&str| {
        let t = l.trim();
        !t.is_empty() && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
    };
    if lines
        .windows(2)
        .any(|w| w.get(1).is_some_and(underline) && w.first().is_some_and(|l| !l.trim().is_empty()))
    {
        return Err("may hold a setext heading");
    }
    if lines
        .iter()
        .any(|l| l.trim_start().starts_with('[') && l.contains("]:"))
    {
        return Err("holds a link reference definition");
    }
    Ok(())
}

/// Which of the documented differences (the module's list) `text` may show,
/// if any: such a text is left out of the fuzz target's comparison. Each
/// test is wide (it may leave out a text that would read alike), never
/// narrow.
pub fn known_difference(text: &str) -> Option<&'static str> {
    let lines: Vec<&str> = text.lines().collect();
    block_difference(text, &lines)
        .or_else(|| list_difference(&lines))
        .or_else(|| nesting_difference(text, &lines))
        .or_else(|| inline_difference(text, &lines))
}

/// Where a list item's exact indentation decides what nests.
fn list_difference(lines: &[&str]) -> Option<&'static str> {
    let unquoted = |l: &'_ str| -> String { l.trim_start().trim_start_matches(['>', ' ']).to_owned() };
    if lines
        .iter()
        .any(|l| list_item(&unquoted(l)).is_some_and(|rest| rest.starts_with(' ')))
    {
        return Some("a list item's text more than a space past its marker (where nested items start)");
    }
    let indent = |l: &str| l.len() - l.trim_start().len();
    let column = |l: &str| list_item(l).map(|rest| l.len() - rest.len());
    let shallow = |a: &str, b: &str| match (column(a), list_item(b)) {
        (Some(content), Some(_)) => indent(b) > indent(a) && indent(b) < content,
        _ => false,
    };
    if lines.windows(2).any(|w| matches!(w, [a, b] if shallow(a, b))) {
        return Some("a list item indented less than the text of the item above it");
    }
    None
}

/// The block-level simplifications [`known_difference`] names.
fn block_difference(text: &str, lines: &[&str]) -> Option<&'static str> {
    if text.contains("***") || text.contains("___") {
        return Some("a run of three or more `*` or `_`");
    }
    // Four spaces or a tab, at the start or behind quote and list markers.
    let indented = |l: &&str| {
        let mut t = *l;
        loop {
            if t.starts_with("    ") || t.starts_with('\t') {
                break true;
            }
            let inner = t.trim_start();
            match inner
                .strip_prefix('>')
                .map(|r| r.strip_prefix(' ').unwrap_or(r))
                .or_else(|| list_item(inner))
            {
                Some(rest) => t = rest,
                None => break false,
            }
        }
    };
    if lines.iter().any(indented) {
        return Some("an indented line, which is not a code block for us");
    }
    let bullets: Vec<char> = lines
        .iter()
        .filter_map(|l| l.trim_start().chars().next().filter(|c| matches!(c, '*' | '+' | '-')))
        .collect();
    if bullets.windows(2).any(|w| w.first() != w.last()) {
        return Some("a change of bullet");
    }
    // A marker alone, behind any number of quote and list markers.
    let empty_item = |l: &&str| {
        let mut t = l.trim();
        loop {
            if is_marker(t) {
                break true;
            }
            match t.strip_prefix('>').or_else(|| list_item(t)) {
                Some(rest) => t = rest.trim(),
                None => break false,
            }
        }
    };
    if lines.iter().any(empty_item) {
        return Some("an empty list item");
    }
    let container = |l: &str| l.trim_start().starts_with('>') || list_item(l).is_some();
    if lines.windows(2).any(|w| match (w.first(), w.get(1)) {
        (Some(a), Some(b)) => container(a) && !b.trim().is_empty() && !container(b),
        _ => false,
    }) {
        return Some("a line straight after a quote or list item (lazy continuation)");
    }
    if lines.iter().any(|l| {
        list_item(l).is_some_and(|rest| rest.contains("```")) || l.trim_start().starts_with('>') && l.contains("```")
    }) {
        return Some("a code fence inside a list item or quote");
    }
    if lines.windows(2).any(|w| {
        w.first().is_some_and(|a| a.trim().is_empty())
            && w.get(1).is_some_and(|b| b.starts_with(' ') && !b.trim().is_empty())
    }) {
        return Some("an indented line after a blank line (a list item's extent)");
    }
    None
}

/// Quotes, rules, link targets and tables where [`known_difference`] names
/// a simplification.
fn nesting_difference(text: &str, lines: &[&str]) -> Option<&'static str> {
    let depth = |l: &str| {
        l.trim_start()
            .chars()
            .take_while(|&c| c == '>' || c == ' ')
            .filter(|&c| c == '>')
            .count()
    };
    if lines
        .windows(2)
        .any(|w| matches!(w, [a, b] if depth(a) > 0 && depth(b) > 0 && depth(a) != depth(b)))
    {
        return Some("quote lines of different depths in a row (lazy continuation)");
    }
    if lines.iter().any(|l| {
        list_item(l).is_some_and(|rest| {
            let t = rest.trim();
            t.contains('>') || (t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ')))
        })
    }) {
        return Some("a quote or a rule inside a list item");
    }
    let rule = |l: &str| {
        l.chars().filter(|c| !c.is_whitespace()).count() >= 3
            && l.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ' | '\t'))
    };
    let bare = |l: &'_ str| -> String { l.trim_start().trim_start_matches(['>', ' ']).to_owned() };
    let after = |a: &str, b: &str| {
        (list_item(a).is_some() && b.trim_start().starts_with('>')) || (!bare(a).trim().is_empty() && rule(&bare(b)))
    };
    if lines.windows(2).any(|w| matches!(w, [a, b] if after(a, b))) {
        return Some("a quote straight after a list item, or a rule straight after a paragraph line");
    }
    if text
        .split("](")
        .skip(1)
        .any(|rest| rest.split(')').next().is_some_and(|d| d.contains('&')))
    {
        return Some(
            "an entity in a link target, which we keep as written (decoding them would cost the download 150 bytes)",
        );
    }
    if text.contains("](")
        && text
            .split("](")
            .skip(1)
            .any(|rest| rest.split(')').next().is_some_and(|d| d.contains(char::is_whitespace)))
    {
        return Some("a link destination with white space (a title, or no link at all)");
    }
    let separator =
        |l: &str| l.contains('|') && l.contains('-') && l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    let odd_table = lines.iter().enumerate().any(|(i, l)| {
        separator(l) && {
            let head = i.checked_sub(1).and_then(|h| lines.get(h));
            let above = i.checked_sub(2).and_then(|h| lines.get(h));
            let empty = |h: &&str| h.chars().all(|c| c == '|' || c.is_whitespace());
            head.is_none_or(empty) || above.is_some_and(|a| !a.trim().is_empty()) || list_item(l).is_some()
        }
    });
    if odd_table {
        return Some("a table with an empty head, a separator that is a list item, or after a paragraph line");
    }
    None
}

/// The inline-level simplifications [`known_difference`] names, and fences.
fn inline_difference(text: &str, lines: &[&str]) -> Option<&'static str> {
    for marker in ['*', '_'] {
        let runs: Vec<usize> = text.split(|c| c != marker).map(str::len).filter(|&n| n > 0).collect();
        if runs.contains(&1) && runs.contains(&2) {
            return Some("runs of one and two of the same delimiter (CommonMark's rule of three)");
        }
        if runs.len() >= 3 && runs.len() % 2 == 1 {
            return Some("an odd number of runs of a delimiter (CommonMark closes at the nearest opener)");
        }
    }
    if delimiter_by_punctuation(text) {
        return Some("an emphasis delimiter between punctuation and a letter, or `_` inside a word (CommonMark's flanking rules)");
    }
    if text.contains("\n\n\n") || text.contains("\n \n\n") {
        return Some("two blank lines in a row (they end a list for us)");
    }
    let fences = lines.iter().filter(|l| l.trim_start().starts_with("```")).count();
    if text.contains('\\') || fences % 2 == 1 {
        return Some("a backslash before a delimiter, or an unclosed code fence");
    }
    if lines.iter().any(|l| l.matches('`').count() % 2 == 1) || span_across_lines(text) {
        return Some("a code span across lines");
    }
    if delimiter_by_space(text) {
        return Some("an emphasis delimiter between white space and punctuation");
    }
    None
}

/// Whether a run of `*` or `_` has white space on one side and punctuation
/// (another run among it) on the other, or stands inside a word beside
/// other runs, where CommonMark's flanking rules and its stack of openers
/// decide whether it opens, closes or is text; or stands both inside and
/// outside a code span, where the span's precedence decides.
fn delimiter_by_space(text: &str) -> bool {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(|c| c.is_ascii_punctuation());
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let flanked = delimiter_runs(text).into_iter().any(|run| {
        let both = word(run.before) && word(run.after) && text.matches(run.marker).count() > run.len;
        (space(run.before) && punct(run.after)) || (punct(run.before) && space(run.after)) || both
    });
    if flanked {
        return true;
    }
    let inside = text.split('`').skip(1).step_by(2).any(|code| code.contains(['*', '_']));
    let outside = text.split('`').step_by(2).any(|prose| prose.contains(['*', '_']));
    inside && outside
}

/// Whether a code span (a run of backticks up to the next run as long)
/// holds a line break.
fn span_across_lines(text: &str) -> bool {
    let mut runs = Vec::new();
    let mut rest = text;
    let mut at = 0;
    while let Some(start) = rest.find('`') {
        let len = rest
            .get(start..)
            .map_or(0, |r| r.bytes().take_while(|&b| b == b'`').count());
        runs.push((at + start, len));
        at += start + len;
        rest = rest.get(start + len..).unwrap_or("");
    }
    runs.iter().enumerate().any(|(i, &(open, len))| {
        runs.iter()
            .skip(i + 1)
            .find(|r| r.1 == len)
            .is_some_and(|&(close, _)| text.get(open..close).is_some_and(|s| s.contains('\n')))
    })
}

/// A list item's text after its marker (`- `, `* `, `+ `, `1. `, `1) `).
fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        return rest.strip_prefix(' ');
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = t.get(digits..)?.strip_prefix(['.', ')'])?;
    (digits > 0).then_some(rest).and_then(|r| r.strip_prefix(' '))
}

/// A list marker with nothing after it.
fn is_marker(t: &str) -> bool {
    matches!(t, "-" | "*" | "+")
        || (t.len() > 1 && t.ends_with(['.', ')']) && t.bytes().rev().skip(1).all(|b| b.is_ascii_digit()))
}

/// Whether a run of `*` or `_` stands where CommonMark's flanking rules,
/// which our reader simplifies, may decide otherwise: with punctuation on
/// one side and a letter or digit on the other, or `_` with a letter or
/// digit on either.
fn delimiter_by_punctuation(text: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    delimiter_runs(text).into_iter().any(|run| {
        // Punctuation besides the run's own character (the other delimiter counts).
        let punct = |p: Option<char>| p.is_some_and(|p| p.is_ascii_punctuation() && p != run.marker);
        (run.marker == '_' && (word(run.before) || word(run.after)))
            || (punct(run.before) && word(run.after))
            || (word(run.before) && punct(run.after))
    })
}

/// A run of `*` or `_` and the characters on either side of it.
struct DelimiterRun {
    marker: char,
    len: usize,
    before: Option<char>,
    after: Option<char>,
}

/// Every run of `*` or `_` in `text`.
fn delimiter_runs(text: &str) -> Vec<DelimiterRun> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let len = chars
            .get(i..)
            .map_or(0, |rest| rest.iter().take_while(|&&d| d == c).count());
        if c == '*' || c == '_' {
            runs.push(DelimiterRun {
                marker: c,
                len,
                before: i.checked_sub(1).and_then(|j| chars.get(j)).copied(),
                after: chars.get(i + len).copied(),
            });
        }
        i += len.max(1);
    }
    runs
}

/// The difference between the two readers on `text`, if any.
pub fn difference(text: &str) -> Option<String> {
    let ours = normal(quiz_markdown::parse(text));
    let theirs = normal(reference(text));
    (ours != theirs).then(|| format!("ours:   {ours:?}\ntheirs: {theirs:?}"))
}

/// pulldown-cmark's reading of `text`, as our tree.
pub fn reference(text: &str) -> Vec<Block> {
    let mut events = Parser::new_ext(text, Options::ENABLE_TABLES).peekable();
    let mut out = Vec::new();
    while events.peek().is_some() {
        out.extend(block(&mut events));
    }
    out
}

type Events<'a> = std::iter::Peekable<Parser<'a>>;

/// One block starting at the next event; inline events outside a paragraph
/// (a tight list item's text) become a paragraph.
fn block(events: &mut Events) -> Option<Block> {
    match events.peek()? {
        Event::Start(Tag::Paragraph) | Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak => {}
        Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. }) => {}
        _ => return container(events),
    }
    let tight = !matches!(events.peek(), Some(Event::Start(Tag::Paragraph)));
    if !tight {
        events.next();
    }
    Some(Block::Paragraph(inlines(events, tight)))
}

/// A block that is not a paragraph.
fn container(events: &mut Events) -> Option<Block> {
    match events.next()? {
        Event::Start(Tag::Heading { level, .. }) => Some(Block::Heading(level as u8, inlines(events, false))),
        Event::Start(Tag::CodeBlock(kind)) => {
            let language = match kind {
                CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_owned),
                CodeBlockKind::Indented => None,
            };
            let mut text = String::new();
            while let Some(Event::Text(t)) = events.next() {
                text.push_str(&t);
            }
            Some(Block::Code { language, text })
        }
        Event::Start(Tag::List(start)) => {
            let mut items = Vec::new();
            while let Some(Event::Start(Tag::Item)) = events.next() {
                items.push(blocks_until_end(events));
            }
            let ordered = start.is_some();
            let start = start.map_or(1, |s| u32::try_from(s).unwrap_or(u32::MAX));
            Some(Block::List { ordered, start, items })
        }
        Event::Start(Tag::BlockQuote(_)) => Some(Block::Quote(blocks_until_end(events))),
        Event::Start(Tag::Table(_)) => Some(table(events)),
        Event::Rule => Some(Block::Rule),
        other => panic!("an event this comparison does not expect: {other:?}"),
    }
}

/// Blocks up to the end of the container they are in (which is consumed).
fn blocks_until_end(events: &mut Events) -> Vec<Block> {
    let mut out = Vec::new();
    while !matches!(events.peek(), Some(Event::End(_)) | None) {
        out.extend(block(events));
    }
    events.next();
    out
}

fn table(events: &mut Events) -> Block {
    let mut head = Vec::new();
    let mut rows = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::TableHead) => head = cells(events),
            Event::Start(Tag::TableRow) => rows.push(cells(events)),
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    Block::Table { head, rows }
}

fn cells(events: &mut Events) -> Vec<Vec<Inline>> {
    let mut out = Vec::new();
    while let Some(Event::Start(Tag::TableCell)) = events.next() {
        out.push(inlines(events, false));
    }
    out
}

/// Inline events up to the end of their container (consumed), or for a
/// `tight` item's text, up to the next block or the item's end (kept).
fn inlines(events: &mut Events, tight: bool) -> Vec<Inline> {
    let mut out = Vec::new();
    loop {
        if tight
            && matches!(
                events.peek(),
                Some(
                    Event::End(_)
                        | Event::Start(
                            Tag::List(_)
                                | Tag::CodeBlock(_)
                                | Tag::BlockQuote(_)
                                | Tag::Paragraph
                                | Tag::Heading { .. }
                        )
                ) | None
            )
        {
            return out;
        }
        let Some(event) = events.next() else { return out };
        match event {
            Event::End(_) => return out,
            Event::Text(t) => out.push(Inline::Text(t.into_string())),
            Event::Code(c) => out.push(Inline::Code(c.into_string())),
            Event::SoftBreak => out.push(Inline::Text(" ".into())),
            Event::HardBreak => out.push(Inline::LineBreak),
            Event::Start(Tag::Emphasis) => out.push(Inline::Emphasis(inlines(events, false))),
            Event::Start(Tag::Strong) => out.push(Inline::Strong(inlines(events, false))),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let children = inlines(events, false);
                match safe_href(&dest_url) {
                    Some(href) => out.push(Inline::Link { href, children }),
                    None => out.extend(children),
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let alt = quiz_markdown::plain_text(&inlines(events, false));
                match safe_href(&dest_url) {
                    Some(src) => out.push(Inline::Image { src, alt }),
                    None => out.push(Inline::Text(alt)),
                }
            }
            other => panic!("an inline event this comparison does not expect: {other:?}"),
        }
    }
}

/// Both trees in one form: runs of text joined, runs of spaces in text made
/// one (the page shows them so), text at the edges of a paragraph trimmed,
/// code without its trailing newline.
fn normal(blocks: Vec<Block>) -> Vec<Block> {
    blocks.into_iter().map(normal_block).collect()
}

fn normal_block(block: Block) -> Block {
    match block {
        Block::Paragraph(inlines) => Block::Paragraph(trimmed(normal_inlines(inlines))),
        Block::Heading(level, inlines) => Block::Heading(level, trimmed(normal_inlines(inlines))),
        Block::Code { language, text } => Block::Code {
            language,
            text: text.trim_end_matches('\n').to_owned(),
        },
        Block::List { ordered, start, items } => Block::List {
            ordered,
            start,
            items: items.into_iter().map(normal).collect(),
        },
        Block::Quote(blocks) => Block::Quote(normal(blocks)),
        Block::Table { head, rows } => Block::Table {
            head: head.into_iter().map(|c| trimmed(normal_inlines(c))).collect(),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(|c| trimmed(normal_inlines(c))).collect())
                .collect(),
        },
        Block::Rule => Block::Rule,
    }
}

fn normal_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for inline in inlines {
        let inline = match inline {
            Inline::Strong(c) => Inline::Strong(normal_inlines(c)),
            Inline::Emphasis(c) => Inline::Emphasis(normal_inlines(c)),
            Inline::Link { href, children } => Inline::Link {
                href,
                children: normal_inlines(children),
            },
            other => other,
        };
        match (out.last_mut(), inline) {
            (Some(Inline::Text(last)), Inline::Text(t)) => last.push_str(&t),
            (_, Inline::Text(t)) if t.is_empty() => {}
            (_, inline) => out.push(inline),
        }
    }
    // Runs of spaces as the page shows them: one.
    for inline in &mut out {
        if let Inline::Text(t) = inline {
            while t.contains("  ") {
                *t = t.replace("  ", " ");
            }
        }
    }
    out
}

fn trimmed(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        *t = t.trim_start().to_owned();
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        *t = t.trim_end().to_owned();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    inlines
}
