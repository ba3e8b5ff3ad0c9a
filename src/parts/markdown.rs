//! Markdown as yew nodes. Text always becomes text nodes; there is no path
//! from question text to `innerHTML`.

use quiz_markdown::highlight::highlight;
use quiz_markdown::{self as markdown, Block, Inline};
use yew::prelude::*;

/// Renders Markdown text; `inline` renders a lone paragraph without its
/// `<p>`, for choices and legends. A function, not a component: it has no
/// state, and parsing a question's few texts again when its item renders
/// costs less than a component's code in every download.
pub fn markdown(text: impl AsRef<str>, inline: bool) -> Html {
    render(&markdown::parse(text.as_ref()), inline)
}

fn render(blocks: &[Block], inline: bool) -> Html {
    if inline {
        if let [Block::Paragraph(inlines)] = blocks {
            return render_inlines(inlines);
        }
    }
    html! { <div class="md">{ for blocks.iter().map(render_block) }</div> }
}

fn render_block(block: &Block) -> Html {
    match block {
        Block::Paragraph(inlines) => html! { <p>{ render_inlines(inlines) }</p> },
        // Headings inside questions are demoted so they never outrank the widget's own.
        Block::Heading(level, inlines) => {
            let tag = if *level <= 2 { "h4" } else { "h5" };
            html! { <@{tag} class="md-heading">{ render_inlines(inlines) }</@> }
        }
        Block::Code { language, text } => code_block(language.as_deref(), text, Gutter::None),
        Block::List {
            ordered: true,
            start,
            items,
        } => html! {
            <ol start={start.to_string()}>{ for items.iter().map(|item| html! { <li>{ render_item(item) }</li> }) }</ol>
        },
        Block::List {
            ordered: false, items, ..
        } => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ render_item(item) }</li> }) }</ul>
        },
        Block::Quote(blocks) => html! { <blockquote>{ for blocks.iter().map(render_block) }</blockquote> },
        Block::Table { head, rows } => html! {
            <div class="md-table"><table>
                <thead><tr>{ for head.iter().map(|c| html! { <th>{ render_inlines(c) }</th> }) }</tr></thead>
                <tbody>{ for rows.iter().map(|row| html! {
                    <tr>{ for row.iter().map(|c| html! { <td>{ render_inlines(c) }</td> }) }</tr>
                }) }</tbody>
            </table></div>
        },
        Block::Rule => html! { <hr /> },
    }
}

/// A list item of one paragraph is shown without the `<p>`, like tight lists.
fn render_item(blocks: &[Block]) -> Html {
    if let [Block::Paragraph(inlines)] = blocks {
        render_inlines(inlines)
    } else {
        blocks.iter().map(render_block).collect()
    }
}

fn render_inlines(inlines: &[Inline]) -> Html {
    inlines.iter().map(render_inline).collect()
}

fn render_inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(t) => html! { { t.clone() } },
        Inline::Code(c) => html! { <code>{ c.clone() }</code> },
        Inline::Strong(c) => html! { <strong>{ render_inlines(c) }</strong> },
        Inline::Emphasis(c) => html! { <em>{ render_inlines(c) }</em> },
        Inline::Link { href, children } => html! {
            <a href={href.clone()} target="_blank" rel="noopener noreferrer">{ render_inlines(children) }</a>
        },
        Inline::LineBreak => html! { <br /> },
        Inline::Image { src, alt } => html! { <img src={src.clone()} alt={alt.clone()} loading="lazy" /> },
    }
}

/// How a code block's lines are numbered: not at all, or with numbers, one
/// of which may be marked (a tracing question's error line, once solved).
#[derive(Clone, Copy, PartialEq)]
pub enum Gutter {
    None,
    Numbers { marked: Option<usize> },
}

/// A highlighted code block that scrolls sideways instead of overflowing,
/// with its lines numbered if `gutter` says. A function, not a component:
/// it has no state, and the item around it already decides when it renders
/// again.
pub fn code_block(language: Option<&str>, code: &str, gutter: Gutter) -> Html {
    let pieces = highlight(language, code);
    let label = language.unwrap_or_default();
    html! {
        <pre class="code" data-lang={label.to_owned()} tabindex="0" aria-label={format!("{label} code")}>
            if let Gutter::Numbers { marked } = gutter {
                <span class="gutter" aria-hidden="true">
                    { for (1..=code.lines().count()).map(|n| html! {
                        <span data-state={(marked == Some(n)).then_some("answer")}>{ format!("{n}\n") }</span>
                    }) }
                </span>
            }
            <code>
                { for pieces.into_iter().map(|(token, text)| {
                    if token.name().is_empty() {
                        html! { { text.to_owned() } }
                    } else {
                        html! { <span data-tok={token.name()}>{ text.to_owned() }</span> }
                    }
                }) }
            </code>
        </pre>
    }
}
