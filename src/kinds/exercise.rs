//! `exercise`: the task and its parts, a notes field and two buttons to
//! mark it done.

use quiz_format::{Exercise, Question};
use quiz_session::progress::{ItemState, SelfAssessment};
use quiz_session::session::{Action, Attempt};
use yew::prelude::*;

use crate::kinds::ItemProps;
use crate::parts::markdown::markdown;
use crate::parts::send;

pub(super) fn view(props: &ItemProps, question: &Question, exercise: &Exercise) -> Html {
    let t = props.texts;
    let (notes, done) = if let Some(ItemState::Practised { notes, done }) = props.record.as_ref().map(|r| &r.state) {
        (notes.clone(), *done)
    } else {
        (String::new(), None)
    };
    let list = |title: &'static str, items: &[String], open: bool| {
        if items.is_empty() {
            return Html::default();
        }
        html! {
            <details class="part" open={open}>
                <summary>{ title }</summary>
                <ul>{ for items.iter().map(|i| html! { <li>{ markdown(i, true) }</li> }) }</ul>
            </details>
        }
    };
    let notes_id = format!("{}-notes", props.uid);
    let on_action = props.on_action.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        on_action.emit(Action::Attempt(Attempt::WriteNotes(area.value())));
    });
    let done_button = |assessment: SelfAssessment, label: &'static str| {
        html! {
            <button type="button" class="secondary"
                aria-pressed={(done == Some(assessment)).to_string()}
                onclick={send(&props.on_action, Action::Attempt(Attempt::MarkDone(assessment)))}>{ label }</button>
        }
    };
    html! {
        <div class="exercise">
            <div class="task" id={format!("{}-prompt", props.uid)}>{ markdown(&question.prompt, false) }</div>
            if !exercise.scenario.is_empty() {
                <section class="part scenario">
                    <@{crate::parts::heading(props.heading_level + 2)} class="part-title">{ t.scenario() }</@>
                    { scenario(&exercise.scenario) }
                </section>
            }
            { list(t.think_about(), &exercise.think_about, false) }
            { list(t.challenges(), &exercise.challenges, false) }
            if let Some(review) = &exercise.review {
                <details class="part">
                    <summary>{ t.review_if_stuck() }</summary>
                    { markdown(review, false) }
                </details>
            }
            if let Some(tip) = &exercise.tip {
                <div class="tip">{ markdown(tip, false) }</div>
            }
            if !exercise.skills.is_empty() {
                <p class="skills"><strong>{ t.skills() }{ ": " }</strong>{ exercise.skills.join(", ") }</p>
            }
            <label class="notes-label" for={notes_id.clone()}>{ t.your_notes() }</label>
            <textarea id={notes_id} class="notes" rows="6" value={notes} {oninput} spellcheck="false" />
            <div class="actions" role="group" aria-label={t.mark_done()}>
                <span class="done-label">{ t.mark_done() }</span>
                { done_button(SelfAssessment::Confident, t.confident()) }
                { done_button(SelfAssessment::NeedsReview, t.needs_review()) }
            </div>
            <div role="status" aria-live="polite" class="feedback-region">
                if let Some(d) = done {
                    <p class="done">{ "✓ " }{ t.done_as(if d == SelfAssessment::Confident { t.confident() } else { t.needs_review() }) }</p>
                }
            </div>
        </div>
    }
}

/// A scenario's lead-in ends with a colon and introduces the steps below it.
fn scenario(parts: &[String]) -> Html {
    match parts.split_first() {
        Some((lead, steps)) if lead.trim_end().ends_with(':') => html! {
            <>
                { markdown(lead, false) }
                if !steps.is_empty() {
                    <ul>{ for steps.iter().map(|s| html! { <li>{ markdown(s, true) }</li> }) }</ul>
                }
            </>
        },
        _ => {
            html! { <ul>{ for parts.iter().map(|s| html! { <li>{ markdown(s, true) }</li> }) }</ul> }
        }
    }
}
