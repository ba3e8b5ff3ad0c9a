//! Question text as the HTML an LMS shows: the Markdown read by
//! quiz-markdown (the widget's own reader, so the LMS shows what the widget
//! shows), written as HTML here. Every text is escaped and every link and
//! image target has passed `safe_href` in the reader; no HTML of the
//! author's reaches the output as markup.

use quiz_markdown::{Block, Inline};

/// Markdown blocks as HTML.
pub fn blocks(text: &str) -> String {
    let mut out = String::new();
    write_blocks(&quiz_markdown::parse(text), &mut out);
    out
}

/// Markdown as HTML, without the paragraph around it when it is one
/// paragraph (a choice, an answer: Canvas's answers are inline HTML).
pub fn inline(text: &str) -> String {
    let parsed = quiz_markdown::parse(text);
    let mut out = String::new();
    match parsed.as_slice() {
        [Block::Paragraph(inlines)] => write_inlines(inlines, &mut out),
        other => write_blocks(other, &mut out),
    }
    out
}

/// Markdown's text without its markup (for texts an LMS takes as plain
/// text, such as a matching question's right items).
pub fn plain(text: &str) -> String {
    let parsed = quiz_markdown::parse(text);
    let mut parts = Vec::new();
    for block in &parsed {
        plain_block(block, &mut parts);
    }
    parts.join("\n")
}

fn plain_block(block: &Block, parts: &mut Vec<String>) {
    match block {
        Block::Paragraph(i) | Block::Heading(_, i) => parts.push(quiz_markdown::plain_text(i)),
        Block::Code { text, .. } => parts.push(text.clone()),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| plain_block(b, parts)),
        Block::Quote(blocks) => blocks.iter().for_each(|b| plain_block(b, parts)),
        Block::Table { head, rows } => {
            for row in std::iter::once(head).chain(rows) {
                let cells: Vec<String> = row.iter().map(|c| quiz_markdown::plain_text(c)).collect();
                parts.push(cells.join(" | "));
            }
        }
        Block::Rule => {}
    }
}

fn write_blocks(blocks: &[Block], out: &mut String) {
    for block in blocks {
        write_block(block, out);
    }
}

fn write_block(block: &Block, out: &mut String) {
    match block {
        Block::Paragraph(inlines) => wrap("p", inlines, out),
        Block::Heading(level, inlines) => wrap(&format!("h{}", level.clamp(&1, &6)), inlines, out),
        Block::Code { language, text } => {
            match language {
                Some(l) => out.push_str(&format!("<pre><code class=\"language-{}\">", escape(l))),
                None => out.push_str("<pre><code>"),
            }
            out.push_str(&escape(text));
            out.push_str("</code></pre>");
        }
        Block::List { ordered, start, items } => {
            match (ordered, start) {
                (true, 1) => out.push_str("<ol>"),
                (true, n) => out.push_str(&format!("<ol start=\"{n}\">")),
                (false, _) => out.push_str("<ul>"),
            }
            for item in items {
                out.push_str("<li>");
                write_blocks(item, out);
                out.push_str("</li>");
            }
            out.push_str(if *ordered { "</ol>" } else { "</ul>" });
        }
        Block::Quote(blocks) => {
            out.push_str("<blockquote>");
            write_blocks(blocks, out);
            out.push_str("</blockquote>");
        }
        Block::Table { head, rows } => table(head, rows, out),
        Block::Rule => out.push_str("<hr>"),
    }
}

fn table(head: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>], out: &mut String) {
    out.push_str("<table><thead><tr>");
    head.iter().for_each(|cell| wrap("th", cell, out));
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        row.iter().for_each(|cell| wrap("td", cell, out));
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn wrap(tag: &str, inlines: &[Inline], out: &mut String) {
    out.push_str(&format!("<{tag}>"));
    write_inlines(inlines, out);
    out.push_str(&format!("</{tag}>"));
}

fn write_inlines(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::Code(t) => {
                out.push_str("<code>");
                out.push_str(&escape(t));
                out.push_str("</code>");
            }
            Inline::Strong(c) => wrap("strong", c, out),
            Inline::Emphasis(c) => wrap("em", c, out),
            Inline::Link { href, children } => {
                out.push_str(&format!("<a href=\"{}\">", escape(href)));
                write_inlines(children, out);
                out.push_str("</a>");
            }
            Inline::LineBreak => out.push_str("<br>"),
            Inline::Image { src, alt } => {
                out.push_str(&format!("<img src=\"{}\" alt=\"{}\">", escape(src), escape(alt)));
            }
        }
    }
}

/// Text for HTML, in an element or an attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_escaped_html() {
        assert_eq!(
            blocks("What does `Vec<T>` & **this** <b>do</b>?\n\n- a\n- [b](https://x.org/?a=1&b=2)"),
            "<p>What does <code>Vec&lt;T&gt;</code> &amp; <strong>this</strong> &lt;b&gt;do&lt;/b&gt;?</p>\
             <ul><li><p>a</p></li><li><p><a href=\"https://x.org/?a=1&amp;b=2\">b</a></p></li></ul>"
        );
        assert_eq!(inline("It's *one* line"), "It&#39;s <em>one</em> line");
        assert_eq!(
            blocks("```rust\nfn main() {}\n```"),
            "<pre><code class=\"language-rust\">fn main() {}</code></pre>"
        );
        assert_eq!(
            blocks("[x](javascript:alert(1))"),
            "<p>x</p>",
            "an unsafe link is its text"
        );
        assert_eq!(plain("`asyncio.run()` *now*"), "asyncio.run() now");
    }
}
