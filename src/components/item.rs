//! One quiz item: its prompt, the inputs for its kind, and the feedback.

use quiz_format::{Difficulty, Exercise, Question, QuestionKind, Solution};
use quiz_session::progress::{ItemState, Record, Response, SelfAssessment};
use quiz_session::schedule::Grade;
use quiz_session::session::{Action, ItemView};
use yew::prelude::*;

use crate::components::markdown::Markdown;
use crate::i18n::Texts;
use crate::state::QuizRef;

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub quiz: QuizRef,
    /// Index into the quiz's questions.
    pub index: usize,
    pub view: ItemView,
    pub record: Option<Record>,
    /// Display order of the choices, as original indices.
    pub choice_order: Vec<usize>,
    pub texts: &'static Texts,
    pub on_action: Callback<Action>,
    /// Makes ids unique when several widgets share a page.
    pub uid: AttrValue,
    /// When a wrong answer's solution is shown.
    pub solution: Solution,
    /// The quiz title's heading level; parts of an item are two below it.
    pub heading_level: u8,
}

pub fn difficulty_label(t: &Texts, d: Difficulty) -> &'static str {
    match d {
        Difficulty::Basic => t.basic,
        Difficulty::Intermediate => t.intermediate,
        Difficulty::Advanced => t.advanced,
        Difficulty::Expert => t.expert,
    }
}

/// The item card.
#[component]
pub fn Item(props: &ItemProps) -> Html {
    let Some(question) = props.quiz.0.questions.get(props.index) else {
        return Html::default();
    };
    let t = props.texts;
    let kind_name = t
        .kind_names
        .get(kind_position(&question.kind))
        .copied()
        .unwrap_or_default();
    let body = match &question.kind {
        QuestionKind::Single { .. }
        | QuestionKind::Multiple { .. }
        | QuestionKind::TrueFalse { .. }
        | QuestionKind::Short { .. } => graded(props, question),
        QuestionKind::Flashcard { back } => flashcard(props, back),
        QuestionKind::Exercise(exercise) => exercise_body(props, exercise),
    };
    html! {
        <article class="item" aria-labelledby={format!("{}-prompt", props.uid)}>
            <div class="item-meta">
                <span class="badge kind">{ kind_name }</span>
                if let Some(d) = question.difficulty {
                    <span class="badge difficulty" data-level={d.as_str()}>{ difficulty_label(t, d) }</span>
                }
                if let Some(topic) = &question.topic {
                    <span class="topic">{ topic.clone() }</span>
                }
                if let QuestionKind::Exercise(Exercise { minutes: Some(m), .. }) = &question.kind {
                    <span class="minutes">{ "⏱ " }{ (t.minutes)(*m) }</span>
                }
            </div>
            { body }
        </article>
    }
}

fn kind_position(kind: &QuestionKind) -> usize {
    quiz_format::KindName::ALL
        .iter()
        .position(|k| *k == kind.name())
        .unwrap_or(0)
}

fn send(on_action: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    Callback::from(move |_| on_action.emit(action.clone()))
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

/// Single, multiple, true/false and short questions: inputs, Check, feedback.
fn graded(props: &ItemProps, question: &Question) -> Html {
    let t = props.texts;
    let view = &props.view;
    let last = match props.record.as_ref().map(|r| &r.state) {
        Some(ItemState::Answered { correct, attempts, .. }) => Some((*correct, *attempts)),
        _ => None,
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
        on_action.emit(Action::Check);
    });
    html! {
        <>
            <form class="question" {onsubmit}>
                <fieldset>
                    <legend id={prompt_id.clone()}><Markdown text={question.prompt.clone()} /></legend>
                    if matches!(question.kind, QuestionKind::Multiple { .. }) {
                        <p class="instruction">{ t.pick_all }</p>
                    }
                    { inputs(props, question, solved, &prompt_id) }
                </fieldset>
                // The hint stays after checking, so the buttons below it keep their place.
                if let Some(hint) = &question.hint {
                    if view.hint_shown {
                        <div class="hint" role="note"><strong>{ t.hint }{ ": " }</strong><Markdown text={hint.clone()} /></div>
                    } else {
                        <button type="button" class="secondary" onclick={send(&props.on_action, Action::ShowHint)}>{ t.show_hint }</button>
                    }
                }
                { actions(props, outcome, can_check) }
            </form>
            <div class="feedback-region" role="status" aria-live="polite">{ feedback(props, question, outcome) }</div>
        </>
    }
}

/// The choices, or the answer field, of a graded question.
fn inputs(props: &ItemProps, question: &Question, solved: bool, prompt_id: &str) -> Html {
    let t = props.texts;
    let view = &props.view;
    let marks = Marks {
        solved,
        multiple: matches!(question.kind, QuestionKind::Multiple { .. }),
    };
    match &question.kind {
        QuestionKind::Single { choices, answer } => {
            let picked = match view.draft {
                Some(Response::Choice(i)) => vec![i],
                _ => Vec::new(),
            };
            choice_list(props, choices, &picked, std::slice::from_ref(answer), marks)
        }
        QuestionKind::Multiple { choices, answers } => {
            let picked = match &view.draft {
                Some(Response::Choices(list)) => list.clone(),
                _ => Vec::new(),
            };
            choice_list(props, choices, &picked, answers, marks)
        }
        QuestionKind::TrueFalse { answer } => {
            let picked: Vec<usize> = match view.draft {
                Some(Response::Bool(b)) => vec![usize::from(!b)],
                _ => Vec::new(),
            };
            let labels = [t.true_.to_owned(), t.false_.to_owned()];
            truth_list(props, &labels, &picked, usize::from(!answer), marks)
        }
        QuestionKind::Short { .. } => {
            let value = match &view.draft {
                Some(Response::Text(s)) => s.clone(),
                _ => String::new(),
            };
            let on_action = props.on_action.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                on_action.emit(Action::Type(input.value()));
            });
            let input_id = format!("{}-short", props.uid);
            html! {
                <div class="short">
                    <label for={input_id.clone()}>{ t.type_answer }</label>
                    <input id={input_id} type="text" autocomplete="off" spellcheck="false" {value}
                        readonly={view.checked} {oninput} aria-describedby={prompt_id.to_owned()} />
                </div>
            }
        }
        _ => Html::default(),
    }
}

/// Check before checking; then Next (and Try again), or after a wrong try
/// whose solution waits: Try again, Show answer when the policy offers it, Next.
fn actions(props: &ItemProps, outcome: Outcome, can_check: bool) -> Html {
    let t = props.texts;
    // Classes are written out: a class from a variable would bring yew's
    // `Classes` into the wasm (1.5 KB gzip).
    let next = |primary: bool| {
        let onclick = send(&props.on_action, Action::Next);
        let label = html! { <>{ t.next }{ " " }<span class="arrow">{ "→" }</span></> };
        if primary {
            html! { <button type="button" class="primary next-after-check" {onclick}>{ label }</button> }
        } else {
            html! { <button type="button" class="secondary next-after-check" {onclick}>{ label }</button> }
        }
    };
    html! {
        <div class="actions">
            if !outcome.checked {
                <button type="submit" class="primary" disabled={!can_check}>{ t.check }</button>
            } else if outcome.solved {
                <button type="button" class="secondary" onclick={send(&props.on_action, Action::TryAgain)}>{ t.try_again }</button>
                { next(true) }
            } else {
                <button type="button" class="primary try-again" onclick={send(&props.on_action, Action::TryAgain)}>{ t.try_again }</button>
                if props.solution.offers_after(outcome.last.map_or(0, |(_, a)| a)) {
                    <button type="button" class="secondary" onclick={send(&props.on_action, Action::RevealAnswer)}>{ t.show_answer }</button>
                }
                { next(false) }
            }
        </div>
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
            <p class="verdict" lang={t.tag}><bdi>
                <span aria-hidden="true">{ if is_correct { "✓ " } else { "✗ " } }</span>
                { if is_correct { t.correct } else { t.incorrect } }
                <span class="attempts">{ " · " }{ (t.attempts)(attempts) }</span>
            </bdi></p>
            if !outcome.solved {
                <p class="next-step" lang={t.tag}><bdi>{ if props.solution.offers_after(attempts) { t.try_or_show } else { t.try_once_more } }</bdi></p>
            } else {
                if let (QuestionKind::Short { accept, .. }, false) = (&question.kind, is_correct) {
                    <p class="accepted">{ t.accepted_answers }{ ": " }{ accept.join(" · ") }</p>
                }
                if let Some(explanation) = &question.explanation {
                    <Markdown text={explanation.clone()} />
                }
            }
        </div>
    }
}

/// How a choice is marked once the question is checked.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Unmarked,
    /// A right choice the learner picked.
    Right,
    /// A right choice the learner did not pick.
    Answer,
    /// A wrong choice the learner picked.
    Wrong,
}

/// What the choices of a checked question may show.
#[derive(Clone, Copy)]
struct Marks {
    /// The solution is shown: every choice says what it is.
    solved: bool,
    /// Several answers: a right choice not picked was missed.
    multiple: bool,
}

impl Mark {
    fn of(marks: Marks, checked: bool, is_answer: bool, is_picked: bool) -> Mark {
        match (checked && marks.solved, is_answer, is_picked) {
            (false, ..) => Mark::Unmarked,
            (true, true, true) => Mark::Right,
            (true, true, false) => Mark::Answer,
            (true, false, true) => Mark::Wrong,
            (true, false, false) => Mark::Unmarked,
        }
    }

    /// The choice's `data-state`, which the stylesheet colours.
    fn state(self, marks: Marks) -> Option<&'static str> {
        match self {
            Mark::Unmarked => None,
            Mark::Right => Some("right"),
            Mark::Answer if marks.multiple => Some("missed"),
            Mark::Answer => Some("answer"),
            Mark::Wrong => Some("wrong"),
        }
    }

    /// What the mark says in words, so that colour is never the only sign.
    fn words(self, marks: Marks, t: &Texts) -> Option<String> {
        let (sign, text) = match (self, marks.multiple) {
            (Mark::Unmarked, _) => return None,
            (Mark::Right, true) => ("✓", t.right_pick),
            (Mark::Right, false) => ("✓", t.your_answer),
            (Mark::Answer, true) => ("○", t.missed),
            (Mark::Answer, false) => ("✓", t.correct_answer),
            (Mark::Wrong, true) => ("✗", t.wrong_pick),
            (Mark::Wrong, false) => ("✗", t.your_answer),
        };
        Some(format!("{sign} {text}"))
    }
}

/// One choice: a native input with its label, the key that picks it, and
/// after checking a mark saying whether it is the answer.
struct ChoiceRow<'a> {
    id: String,
    name: &'a str,
    input_type: &'static str,
    shown: usize,
    label: Html,
    picked: bool,
    mark: Mark,
    marks: Marks,
    action: Action,
}

fn choice_row(props: &ItemProps, row: ChoiceRow) -> Html {
    let t = props.texts;
    let on_action = props.on_action.clone();
    let action = row.action;
    let onchange = Callback::from(move |_: Event| on_action.emit(action.clone()));
    let key_hint = char::from(b'A' + (row.shown % 26) as u8);
    html! {
        <li class="choice" data-state={row.mark.state(row.marks)} data-picked={row.picked.then_some("true")}>
            <input type={row.input_type} id={row.id.clone()} name={row.name.to_owned()}
                checked={row.picked} disabled={props.view.checked} {onchange} />
            <label for={row.id}>
                <span class="key" aria-hidden="true">{ key_hint }</span>
                <span class="choice-text">{ row.label }</span>
                if let Some(words) = row.mark.words(row.marks, t) {
                    <span class="mark" lang={t.tag}><bdi>{ words }</bdi></span>
                }
            </label>
        </li>
    }
}

fn choice_list(props: &ItemProps, choices: &[String], picked: &[usize], answers: &[usize], marks: Marks) -> Html {
    let multiple = marks.multiple;
    let name = format!("{}-choice", props.uid);
    html! {
        <ol class="choices" role="list">
            { for props.choice_order.iter().enumerate().filter_map(|(shown, &original)| {
                let text = choices.get(original)?;
                let is_picked = picked.contains(&original);
                Some(choice_row(props, ChoiceRow {
                    id: format!("{name}-{shown}"),
                    name: &name,
                    input_type: if multiple { "checkbox" } else { "radio" },
                    shown,
                    label: html! { <Markdown text={text.clone()} inline=true /> },
                    picked: is_picked,
                    mark: Mark::of(marks, props.view.checked, answers.contains(&original), is_picked),
                    marks,
                    action: if multiple { Action::Toggle(original) } else { Action::Choose(original) },
                }))
            }) }
        </ol>
    }
}

fn truth_list(props: &ItemProps, labels: &[String; 2], picked: &[usize], answer: usize, marks: Marks) -> Html {
    let name = format!("{}-truth", props.uid);
    html! {
        <ol class="choices truth" role="list">
            { for labels.iter().enumerate().map(|(i, label)| choice_row(props, ChoiceRow {
                id: format!("{name}-{i}"),
                name: &name,
                input_type: "radio",
                shown: i,
                label: html! { { label.clone() } },
                picked: picked.contains(&i),
                mark: Mark::of(marks, props.view.checked, i == answer, picked.contains(&i)),
                marks,
                action: Action::ChooseTruth(i == 0),
            })) }
        </ol>
    }
}

fn flashcard(props: &ItemProps, back: &str) -> Html {
    let t = props.texts;
    let Some(question) = props.quiz.0.questions.get(props.index) else {
        return Html::default();
    };
    let flipped = props.view.flipped;
    let last = match props.record.as_ref().map(|r| &r.state) {
        Some(ItemState::Reviewed { card, .. }) => Some(*card),
        _ => None,
    };
    let grade_button = |grade: Grade, label: &'static str| {
        html! {
            <button type="button" class="grade" key={grade.as_str()} data-grade={grade.as_str()} onclick={send(&props.on_action, Action::GradeCard(grade))}>
                { label }
            </button>
        }
    };
    html! {
        <div class="flashcard" data-flipped={flipped.then_some("true")}>
            <div class="card-face front" id={format!("{}-prompt", props.uid)}>
                <Markdown text={question.prompt.clone()} />
            </div>
            if flipped {
                <div class="card-face back" key="back" tabindex="-1"><Markdown text={back.to_owned()} /></div>
                <p class="grade-question" id={format!("{}-grade", props.uid)}>{ t.how_well }</p>
                <div class="actions grades" key="grades" role="group" aria-labelledby={format!("{}-grade", props.uid)}>
                    { grade_button(Grade::Again, t.again) }
                    { grade_button(Grade::Hard, t.hard) }
                    { grade_button(Grade::Good, t.good) }
                    { grade_button(Grade::Easy, t.easy) }
                </div>
            } else {
                <div class="actions" key="front">
                    // Keyed, so that yew does not turn this button into a grade
                    // button and keep it focused (Space then Enter graded a card).
                    <button type="button" class="primary flip" key="flip" aria-expanded="false" onclick={send(&props.on_action, Action::Flip)}>
                        { t.show_answer }<span class="kbd" aria-hidden="true">{ " (Space)" }</span>
                    </button>
                </div>
            }
            <div role="status" aria-live="polite" class="feedback-region">
                if let Some(card) = last {
                    <p class="next-review">{ (t.next_review)(card.interval_days) }</p>
                }
            </div>
        </div>
    }
}

fn exercise_body(props: &ItemProps, exercise: &Exercise) -> Html {
    let t = props.texts;
    let Some(question) = props.quiz.0.questions.get(props.index) else {
        return Html::default();
    };
    let (notes, done) = match props.record.as_ref().map(|r| &r.state) {
        Some(ItemState::Practised { notes, done }) => (notes.clone(), *done),
        _ => (String::new(), None),
    };
    let list = |title: &'static str, items: &[String], open: bool| {
        if items.is_empty() {
            return Html::default();
        }
        html! {
            <details class="part" open={open}>
                <summary>{ title }</summary>
                <ul>{ for items.iter().map(|i| html! { <li><Markdown text={i.clone()} inline=true /></li> }) }</ul>
            </details>
        }
    };
    let notes_id = format!("{}-notes", props.uid);
    let on_action = props.on_action.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        on_action.emit(Action::WriteNotes(area.value()));
    });
    let done_button = |assessment: SelfAssessment, label: &'static str| {
        html! {
            <button type="button" class="secondary"
                aria-pressed={(done == Some(assessment)).to_string()}
                onclick={send(&props.on_action, Action::MarkDone(assessment))}>{ label }</button>
        }
    };
    html! {
        <div class="exercise">
            <div class="task" id={format!("{}-prompt", props.uid)}><Markdown text={question.prompt.clone()} /></div>
            if !exercise.scenario.is_empty() {
                <section class="part scenario">
                    <@{crate::components::header::heading(props.heading_level + 2)} class="part-title">{ t.scenario }</@>
                    { scenario(&exercise.scenario) }
                </section>
            }
            { list(t.think_about, &exercise.think_about, false) }
            { list(t.challenges, &exercise.challenges, false) }
            if let Some(review) = &exercise.review {
                <details class="part">
                    <summary>{ t.review_if_stuck }</summary>
                    <Markdown text={review.clone()} />
                </details>
            }
            if let Some(tip) = &exercise.tip {
                <div class="tip"><Markdown text={tip.clone()} /></div>
            }
            if !exercise.skills.is_empty() {
                <p class="skills"><strong>{ t.skills }{ ": " }</strong>{ exercise.skills.join(", ") }</p>
            }
            <label class="notes-label" for={notes_id.clone()}>{ t.your_notes }</label>
            <textarea id={notes_id} class="notes" rows="6" value={notes} {oninput} spellcheck="false" />
            <div class="actions" role="group" aria-label={t.mark_done}>
                <span class="done-label">{ t.mark_done }</span>
                { done_button(SelfAssessment::Confident, t.confident) }
                { done_button(SelfAssessment::NeedsReview, t.needs_review) }
            </div>
            <div role="status" aria-live="polite" class="feedback-region">
                if let Some(d) = done {
                    <p class="done">{ "✓ " }{ (t.done_as)(if d == SelfAssessment::Confident { t.confident } else { t.needs_review }) }</p>
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
                <Markdown text={lead.clone()} />
                if !steps.is_empty() {
                    <ul>{ for steps.iter().map(|s| html! { <li><Markdown text={s.clone()} inline=true /></li> }) }</ul>
                }
            </>
        },
        _ => {
            html! { <ul>{ for parts.iter().map(|s| html! { <li><Markdown text={s.clone()} inline=true /></li> }) }</ul> }
        }
    }
}
