//! The view of each question kind, one module each, and the registry that
//! dispatches to them.
//!
//! A graded kind (the widget checks the answer) gives the inputs inside the
//! item's form and may add a line to the solution; the form, the hint, the
//! buttons and the verdict around them are `components::item`'s, the same
//! for every graded kind. A self-graded kind (flashcard, exercise) draws its
//! whole body. Each kind also says which keys act on it.

use quiz_format::{Question, QuestionKind};
use quiz_session::session::{Action, Session};
use yew::prelude::*;

use crate::i18n::Texts;
use crate::state::{QuizRef, SchedulersRef};
use quiz_format::Solution;
use quiz_session::progress::{Record, Response};
use quiz_session::session::ItemView;

mod choice;
mod cloze;
mod exercise;
mod flashcard;
mod matching;
mod multiple;
mod numeric;
mod ordering;
mod short;
mod single;
mod tracing;
mod true_false;

/// What an item shows, for the item card and its kind's view.
#[derive(PartialEq)]
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
    /// The quiz's schedulers: a flashcard's grades say when it would come back.
    pub schedulers: SchedulersRef,
    /// An exam attempt is open: Check saves the answer and shows nothing.
    pub exam_open: bool,
}

/// The item's body below its badges: a self-graded kind's, drawn by the
/// kind; for a graded kind, `graded`, the form the item card draws around
/// [`inputs`].
pub fn body(props: &ItemProps, question: &Question, graded: impl FnOnce() -> Html) -> Html {
    match &question.kind {
        QuestionKind::Flashcard(card) => flashcard::view(props, question, card),
        QuestionKind::Exercise(exercise) => exercise::view(props, question, exercise),
        QuestionKind::Single(_)
        | QuestionKind::Multiple(_)
        | QuestionKind::TrueFalse(_)
        | QuestionKind::Short(_)
        | QuestionKind::Numeric(_)
        | QuestionKind::Ordering(_)
        | QuestionKind::Matching(_)
        | QuestionKind::Cloze(_)
        | QuestionKind::Tracing(_) => graded(),
    }
}

/// The inputs of a graded question; `solved` marks every choice with what it is.
pub fn inputs(props: &ItemProps, question: &Question, solved: bool, prompt_id: &str) -> Html {
    match &question.kind {
        QuestionKind::Single(kind) => single::inputs(props, kind, solved),
        QuestionKind::Multiple(kind) => multiple::inputs(props, kind, solved),
        QuestionKind::TrueFalse(kind) => true_false::inputs(props, kind, solved),
        QuestionKind::Short(_) => short::inputs(props, prompt_id),
        QuestionKind::Numeric(kind) => numeric::inputs(props, kind, prompt_id),
        QuestionKind::Ordering(kind) => ordering::inputs(props, kind, solved),
        QuestionKind::Matching(kind) => matching::inputs(props, kind, solved),
        QuestionKind::Cloze(kind) => cloze::inputs(props, kind, solved),
        QuestionKind::Tracing(kind) => tracing::inputs(props, kind, solved),
        QuestionKind::Flashcard(_) | QuestionKind::Exercise(_) => {
            quiz_stdx::never!("a self-graded kind has no inputs in a form");
            Html::default()
        }
    }
}

/// What the solution adds below the verdict of a wrong answer, beside the explanation.
pub fn solution_note(props: &ItemProps, question: &Question) -> Html {
    match &question.kind {
        QuestionKind::Short(kind) => short::solution_note(props, kind),
        QuestionKind::Numeric(kind) => numeric::solution_note(props, kind),
        QuestionKind::Ordering(kind) => ordering::solution_note(props, kind),
        QuestionKind::Tracing(kind) => tracing::solution_note(props, kind),
        // The marks on the choices, the order or the blanks show the solution.
        QuestionKind::Single(_)
        | QuestionKind::Multiple(_)
        | QuestionKind::TrueFalse(_)
        | QuestionKind::Matching(_)
        | QuestionKind::Cloze(_)
        | QuestionKind::Flashcard(_)
        | QuestionKind::Exercise(_) => Html::default(),
    }
}

/// What the author wrote for the picked choices, shown with the verdict.
pub fn choice_feedback(props: &ItemProps, question: &Question) -> Html {
    let picked: &[usize] = match &props.view.draft {
        Some(Response::Choice(i)) => std::slice::from_ref(i),
        Some(Response::Choices(list)) => list,
        // No choice picked, or no choices.
        Some(
            Response::Bool(_)
            | Response::Text(_)
            | Response::Order(_)
            | Response::Matches(_)
            | Response::Blanks(_)
            | Response::Trace { .. },
        )
        | None => &[],
    };
    let typed = props
        .view
        .draft
        .as_ref()
        .and_then(|r| quiz_session::grade::typed_feedback(&question.kind, r));
    match &question.kind {
        QuestionKind::Single(kind) => choice::picked_feedback(props, &kind.feedback, picked),
        QuestionKind::Multiple(kind) => choice::picked_feedback(props, &kind.feedback, picked),
        QuestionKind::Short(_) | QuestionKind::Numeric(_) => html! {
            if let Some(text) = typed {
                <div class="choice-feedback">{ crate::parts::markdown::markdown(text, false) }</div>
            }
        },
        // No feedback per answer in these kinds' format.
        QuestionKind::TrueFalse(_)
        | QuestionKind::Ordering(_)
        | QuestionKind::Matching(_)
        | QuestionKind::Cloze(_)
        | QuestionKind::Tracing(_)
        | QuestionKind::Flashcard(_)
        | QuestionKind::Exercise(_) => Html::default(),
    }
}

/// A line above the inputs saying how to answer, if the kind needs one: a
/// sentence of the interface, which keeps its own direction in a
/// right-to-left quiz.
pub fn instruction(props: &ItemProps, question: &Question) -> Html {
    let text = match &question.kind {
        QuestionKind::Multiple(_) => multiple::instruction(props),
        QuestionKind::Ordering(_) => ordering::instruction(props),
        QuestionKind::Matching(_) => matching::instruction(props),
        QuestionKind::Cloze(_) => cloze::instruction(props),
        // One answer, or a kind that says how in its own view.
        QuestionKind::Single(_)
        | QuestionKind::TrueFalse(_)
        | QuestionKind::Short(_)
        | QuestionKind::Numeric(_)
        | QuestionKind::Tracing(_)
        | QuestionKind::Flashcard(_)
        | QuestionKind::Exercise(_) => return Html::default(),
    };
    html! { <p class="instruction" lang={props.texts.tag()}><bdi>{ text }</bdi></p> }
}

/// The action of a key pressed outside any text field (`1`-`9`, `a`-`z`,
/// Space), if the current question's kind gives it one.
pub fn key_action(key: &str, session: &Session, index: usize, question: &Question) -> Option<Action> {
    let pick = key_number(key);
    match &question.kind {
        QuestionKind::Single(_) => single::pick(session.choice_order(index).get(pick?.0)),
        QuestionKind::Multiple(_) => multiple::pick(session.choice_order(index).get(pick?.0)),
        QuestionKind::TrueFalse(_) => true_false::pick(pick?.0),
        QuestionKind::Flashcard(_) => flashcard::key(key, pick, session.view(index).flipped),
        QuestionKind::Tracing(_) => tracing::pick(pick?.0, session.view(index).draft.as_ref()),
        QuestionKind::Short(_)
        | QuestionKind::Numeric(_)
        | QuestionKind::Ordering(_)
        | QuestionKind::Matching(_)
        | QuestionKind::Cloze(_)
        | QuestionKind::Exercise(_) => None,
    }
}

/// `1`-`9` or `a`-`z` as a 0-based position, with the key's character.
fn key_number(key: &str) -> Option<(usize, char)> {
    let mut chars = key.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    match c {
        '1'..='9' => Some((c as usize - '1' as usize, c)),
        'a'..='z' => Some((c as usize - 'a' as usize, c)),
        _ => None,
    }
}
