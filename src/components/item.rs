//! One quiz item: its prompt, the inputs for its kind, and the feedback.

use quiz_format::{Difficulty, Exercise, KindName, Question, QuestionKind};
use quiz_session::progress::ItemState;
use quiz_session::session::{Action, Attempt, Navigate, View};
use yew::prelude::*;

use crate::i18n::Texts;
use crate::kinds::ItemProps;
use crate::parts::markdown::markdown;
use crate::parts::send;

pub fn difficulty_label(t: &Texts, d: Difficulty) -> &'static str {
    match d {
        Difficulty::Basic => t.basic(),
        Difficulty::Intermediate => t.intermediate(),
        Difficulty::Advanced => t.advanced(),
        Difficulty::Expert => t.expert(),
    }
}

/// The item card. A function, not a component: what it shows is all in its
/// props, which the quiz view builds anew for each render anyway.
pub fn item(props: &ItemProps) -> Html {
    let Some(question) = props.quiz.0.questions.get(props.index) else {
        quiz_stdx::never!("item {} is in the quiz", props.index);
        return Html::default();
    };
    let t = props.texts;
    let kind = question.kind.name();
    let position = KindName::ALL.iter().position(|k| *k == kind);
    let kind_name = quiz_stdx::or_never(position.and_then(|p| t.kind_names.get(p)), &"", "every kind has a name");
    let body = crate::kinds::body(props, question, || graded(props, question));
    // Keyed by the question: another item is new elements, never these
    // patched. (A click on Next that went on to an ordering question had its
    // button patched into that question's Check, a submit, while the click
    // ran: the untouched order was checked and reported wrong.)
    html! {
        <article class="item" key={question.id.clone()} aria-labelledby={format!("{}-prompt", props.uid)}>
            <div class="item-meta">
                <span class="badge kind">{ kind_name }</span>
                if let Some(d) = question.difficulty {
                    <span class="badge difficulty" data-level={d.as_str()}>{ difficulty_label(t, d) }</span>
                }
                if let Some(topic) = &question.topic {
                    <span class="topic">{ topic.clone() }</span>
                }
                if let QuestionKind::Exercise(Exercise { minutes: Some(m), .. }) = &question.kind {
                    <span class="minutes">{ "⏱ " }{ t.minutes(*m) }</span>
                }
            </div>
            { body }
        </article>
    }
}

/// Where a graded question stands: its last check and whether its solution shows.
#[derive(Clone, Copy)]
struct Outcome {
    checked: bool,
    /// Right or wrong, and the checks so far in this round; none before the first.
    last: Option<(bool, u32)>,
    /// The solution shows: a right answer, or a wrong one the policy reveals.
    solved: bool,
}

/// A graded question: its kind's inputs, Check, the hints and the feedback.
pub fn graded(props: &ItemProps, question: &Question) -> Html {
    let view = &props.view;
    let last = if let Some(ItemState::Answered { correct, attempts, .. }) = props.record.as_ref().map(|r| &r.state) {
        Some((*correct, *attempts))
    } else {
        None
    };
    // A right answer shows its explanation; a wrong one shows the solution
    // as the author's policy says (see `Solution`).
    let checked = view.checked;
    let solved = checked && (last.is_some_and(|(c, _)| c) || view.revealed || props.solution.shows_at_once());
    let outcome = Outcome { checked, last, solved };
    let prompt_id = format!("{}-prompt", props.uid);
    let can_check = !checked
        && view
            .draft
            .as_ref()
            .is_some_and(|r| quiz_session::grade::is_answerable(&question.kind, r));
    let on_action = props.on_action.clone();
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        on_action.emit(Action::Attempt(Attempt::Check));
    });
    html! {
        <>
            // `dialog`: a submit outside a dialog goes nowhere, so a Check
            // pressed before the wasm runs (a pre-rendered page, or one
            // where it cannot run) never leaves the page.
            <form class="question" method="dialog" {onsubmit}>
                <fieldset>
                    <legend id={prompt_id.clone()}>{ markdown(&question.prompt, false) }</legend>
                    { crate::kinds::instruction(props, question) }
                    { crate::kinds::inputs(props, question, solved, &prompt_id) }
                </fieldset>
                // Hints stay after checking, so the buttons below them keep their place.
                { hints(props, &question.hints) }
                { actions(props, outcome, can_check) }
            </form>
            <div class="feedback-region" role="status" aria-live="polite">
                if props.exam_open {
                    { saved(props) }
                } else {
                    { feedback(props, question, outcome) }
                }
            </div>
        </>
    }
}

/// The hints shown so far, one note each, and a button for the next one.
fn hints(props: &ItemProps, hints: &[String]) -> Html {
    let t = props.texts;
    let shown = props.view.hints_shown.min(hints.len());
    let label = match shown {
        0 => t.show_hint().to_owned(),
        n => t.next_hint(n + 1, hints.len()),
    };
    html! {
        <>
            { for hints.iter().take(shown).map(|hint| html! {
                <div class="hint" role="note"><strong>{ t.hint() }{ ": " }</strong>{ markdown(hint, false) }</div>
            }) }
            if shown < hints.len() {
                <button type="button" class="secondary" onclick={send(&props.on_action, Action::View(View::ShowHint))}>{ label }</button>
            }
        </>
    }
}

/// Check before checking; then Next (and Try again), or after a wrong try
/// whose solution waits: Try again, Show answer when the policy offers it, Next.
/// In an open exam: Save answer, and Next once the answer is saved.
///
/// One `if` chain, each state's buttons in their own branch: built as a
/// lead button plus a shared Next, the Try again a learner clicks was patched
/// into the Check button (a submit) while its click ran, and the form was
/// checked again (the ordering e2e test caught it).
fn actions(props: &ItemProps, outcome: Outcome, can_check: bool) -> Html {
    let t = props.texts;
    // Classes are written out: a class from a variable would bring yew's
    // `Classes` into the wasm (1.5 KB gzip).
    let next = |primary: bool| {
        let onclick = send(&props.on_action, Action::Navigate(Navigate::Next));
        let label = html! { <>{ t.next() }{ " " }<span class="arrow">{ "→" }</span></> };
        if primary {
            html! { <button type="button" class="primary next-after-check" {onclick}>{ label }</button> }
        } else {
            html! { <button type="button" class="secondary next-after-check" {onclick}>{ label }</button> }
        }
    };
    html! {
        <div class="actions">
            if props.exam_open {
                <button type="submit" class="primary" disabled={!can_check}>{ t.save_answer() }</button>
                // Saved: one Tab on, not around the page, to the next item.
                if is_saved(props) {
                    { next(false) }
                }
            } else if !outcome.checked {
                <button type="submit" class="primary" disabled={!can_check}>{ t.check() }</button>
            } else if outcome.solved {
                <button type="button" class="secondary" onclick={send(&props.on_action, Action::View(View::TryAgain))}>{ t.try_again() }</button>
                { next(true) }
            } else {
                <button type="button" class="primary try-again" onclick={send(&props.on_action, Action::View(View::TryAgain))}>{ t.try_again() }</button>
                if props.solution.offers_after(outcome.last.map_or(0, |(_, a)| a)) {
                    <button type="button" class="secondary" onclick={send(&props.on_action, Action::View(View::RevealAnswer))}>{ t.show_answer() }</button>
                }
                { next(false) }
            }
        </div>
    }
}

/// Whether the answer being composed is the one saved (an open exam).
fn is_saved(props: &ItemProps) -> bool {
    if let (Some(ItemState::Answered { response, .. }), Some(draft)) =
        (props.record.as_ref().map(|r| &r.state), &props.view.draft)
    {
        response == draft
    } else {
        false
    }
}

/// In an open exam: that the answer is saved, and may change until submitted.
fn saved(props: &ItemProps) -> Html {
    let t = props.texts;
    html! {
        if is_saved(props) {
            <p class="saved" lang={t.tag()}><bdi>{ t.answer_saved() }</bdi></p>
        }
    }
}

/// The verdict, then either what to do next or the solution.
fn feedback(props: &ItemProps, question: &Question, outcome: Outcome) -> Html {
    let t = props.texts;
    let (true, Some((is_correct, attempts))) = (outcome.checked, outcome.last) else {
        return Html::default();
    };
    html! {
        <div class="feedback" data-verdict={if is_correct { "right" } else { "wrong" }}>
            <p class="verdict" lang={t.tag()}><bdi>
                <span aria-hidden="true">{ if is_correct { "✓ " } else { "✗ " } }</span>
                { if is_correct { t.correct() } else { t.incorrect() } }
                <span class="attempts">{ " · " }{ t.attempts(attempts) }</span>
            </bdi></p>
            { crate::kinds::choice_feedback(props, question) }
            if !outcome.solved {
                <p class="next-step" lang={t.tag()}><bdi>{ if props.solution.offers_after(attempts) { t.try_or_show() } else { t.try_once_more() } }</bdi></p>
            } else {
                if !is_correct {
                    { crate::kinds::solution_note(props, question) }
                }
                if let Some(explanation) = &question.explanation {
                    { markdown(explanation, false) }
                }
            }
        </div>
    }
}
