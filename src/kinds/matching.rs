//! `matching`: each left item with a native select of the right items
//! (shuffled, distractors among them), so that keyboards, touch screens and
//! screen readers need nothing special; once solved, each row says whether
//! its match was right and, if not, which one was.

use quiz_format::Matching;
use quiz_session::progress::Response;
use quiz_session::session::{Action, Answer};
use yew::prelude::*;

use crate::kinds::ItemProps;
use crate::parts::markdown::markdown;

pub(super) fn inputs(props: &ItemProps, kind: &Matching, solved: bool) -> Html {
    let picks: &[Option<usize>] = if let Some(Response::Matches(picks)) = &props.view.draft {
        picks
    } else {
        &[]
    };
    // Options hold text only: the right items' Markdown as plain text.
    let rights: Vec<String> = kind
        .rights()
        .map(|r| quiz_markdown::plain_text(&quiz_markdown::inlines(r)))
        .collect();
    let marked = props.view.checked && solved;
    html! {
        <div class="matching">
            { for kind.pairs.iter().enumerate().map(|(i, (left, _))| {
                let pick = picks.get(i).copied().flatten();
                row(props, &rights, i, left, pick, marked)
            }) }
        </div>
    }
}

/// One left item, its select, and once solved its mark.
fn row(props: &ItemProps, rights: &[String], i: usize, left: &str, pick: Option<usize>, marked: bool) -> Html {
    let t = props.texts;
    let left_id = format!("{}-left-{i}", props.uid);
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on_action.emit(Action::Answer(Answer::Match {
                left: i,
                right: select.value().parse().ok(),
            }));
        })
    };
    let state = marked.then_some(if pick == Some(i) { "right" } else { "wrong" });
    let answer = rights.get(i).cloned().unwrap_or_default();
    html! {
        <div class="match-row" data-state={state}>
            <span class="match-left" id={left_id.clone()}>{ markdown(left, true) }</span>
            <select aria-labelledby={left_id} disabled={props.view.checked} {onchange}>
                <option value="" selected={pick.is_none()}>{ t.choose() }</option>
                { for props.choice_order.iter().map(|&r| html! {
                    <option value={r.to_string()} selected={pick == Some(r)}>{ rights.get(r).cloned().unwrap_or_default() }</option>
                }) }
            </select>
            if let Some(state) = state {
                <span class="mark">{ if state == "right" { "✓".to_owned() } else { format!("✗ {}: {answer}", t.correct_answer()) } }</span>
            }
        </div>
    }
}

/// How to answer, above the pairs.
pub(super) fn instruction(props: &ItemProps) -> Html {
    html! { props.texts.match_each() }
}
