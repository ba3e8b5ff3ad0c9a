//! `cloze`: the text with a field or a select in each blank, inside the
//! text's own paragraphs; each blank is named "Blank 2 of 3" for screen
//! readers, and once solved says whether it was right and, if not, what was.

use quiz_format::{Blank, Cloze};
use quiz_session::grade::cloze::is_right_blank;
use quiz_session::progress::Response;
use quiz_session::session::{Action, Answer};
use yew::prelude::*;

use crate::kinds::ItemProps;
use crate::parts::markdown::markdown;

/// A piece of a paragraph: text, or the blank with this index.
enum Piece<'a> {
    Text(&'a str),
    Blank(usize),
}

/// The text's paragraphs (split at blank lines), each as its pieces.
fn paragraphs(kind: &Cloze) -> Vec<Vec<Piece<'_>>> {
    let mut out = vec![Vec::new()];
    for (i, part) in kind.parts.iter().enumerate() {
        for (n, text) in part.split("\n\n").enumerate() {
            if n > 0 {
                out.push(Vec::new());
            }
            if let (false, Some(last)) = (text.trim().is_empty(), out.last_mut()) {
                last.push(Piece::Text(text));
            }
        }
        if let (true, Some(last)) = (i < kind.blanks.len(), out.last_mut()) {
            last.push(Piece::Blank(i));
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

pub(super) fn inputs(props: &ItemProps, kind: &Cloze, solved: bool) -> Html {
    let texts: &[String] = if let Some(Response::Blanks(texts)) = &props.view.draft {
        texts
    } else {
        &[]
    };
    let marked = props.view.checked && solved;
    html! {
        <div class="cloze">
            { for paragraphs(kind).into_iter().map(|pieces| html! {
                <p>{ for pieces.into_iter().map(|piece| match piece {
                    Piece::Text(text) => html! { { markdown(text, true) } },
                    Piece::Blank(i) => blank(props, kind, i, texts.get(i).map_or("", String::as_str), marked),
                }) }</p>
            }) }
        </div>
    }
}

/// One blank: its field or select, and once solved its mark.
fn blank(props: &ItemProps, kind: &Cloze, i: usize, text: &str, marked: bool) -> Html {
    let t = props.texts;
    let Some(blank) = kind.blanks.get(i) else {
        quiz_stdx::never!("blank {i} of a cloze text is in its blanks");
        return Html::default();
    };
    let label = t.blank_of(i + 1, kind.blanks.len());
    let on_action = props.on_action.clone();
    let fill = move |text: String| on_action.emit(Action::Answer(Answer::FillBlank { blank: i, text }));
    let right = is_right_blank(kind, blank, text);
    let state = marked.then_some(if right { "right" } else { "wrong" });
    let answer = match blank {
        Blank::Typed(accept) => accept.first().cloned().unwrap_or_default(),
        Blank::Pick { options, right } => options.get(*right).cloned().unwrap_or_default(),
    };
    let field = match blank {
        Blank::Typed(_) => {
            let oninput = Callback::from(move |e: InputEvent| {
                fill(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
            });
            // As wide as the longest answer, so the field does not give it away.
            let size = text
                .chars()
                .count()
                .max(answer.chars().count())
                .clamp(4, 24)
                .to_string();
            html! { <input type="text" class="blank" aria-label={label} autocomplete="off" autocapitalize="off" spellcheck="false"
            {size} value={text.to_owned()} readonly={props.view.checked} {oninput} /> }
        }
        Blank::Pick { options, .. } => {
            let onchange =
                Callback::from(move |e: Event| fill(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
            html! {
                <select class="blank" aria-label={label} disabled={props.view.checked} {onchange}>
                    <option value="" selected={text.is_empty()}>{ t.choose() }</option>
                    { for options.iter().map(|o| html! { <option value={o.clone()} selected={o == text}>{ o.clone() }</option> }) }
                </select>
            }
        }
    };
    html! {
        <span class="blank-wrap" data-state={state}>
            { field }
            if let Some(state) = state {
                <span class="mark">{ if state == "right" { "✓".to_owned() } else { format!("✗ {answer}") } }</span>
            }
        </span>
    }
}

/// How to answer, above the text.
pub(super) fn instruction(props: &ItemProps) -> Html {
    html! { props.texts.fill_blanks() }
}
