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
//! - Runs of text are joined, and a code block's trailing newline dropped.

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

/// Both trees in one form: runs of text joined, text at the edges of a
/// paragraph trimmed, code without its trailing newline.
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
