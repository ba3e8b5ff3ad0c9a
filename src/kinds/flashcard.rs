//! `flashcard`: the front, a button that flips it, then the back and four
//! grades. Space flips; on a flipped card `1`-`4` grade it.

use quiz_format::{Flashcard, Question};
use quiz_session::progress::ItemState;
use quiz_session::schedule::Grade;
use quiz_session::session::{Action, Attempt, View};
use yew::prelude::*;

use crate::kinds::ItemProps;
use crate::parts::markdown::markdown;
use crate::parts::send;

pub(super) fn view(props: &ItemProps, question: &Question, card: &Flashcard) -> Html {
    let t = props.texts;
    let flipped = props.view.flipped;
    let last = if let Some(ItemState::Reviewed { schedule, .. }) = props.record.as_ref().map(|r| &r.state) {
        Some(schedule)
    } else {
        None
    };
    // Each grade says when the card would come back with it.
    let now = crate::state::now();
    let minutes_until = |due_ms: i64| crate::state::minutes_until(due_ms, now);
    let grade_button = |grade: Grade, label: &'static str| {
        let next = props.schedulers.0.next(question, last, grade, now);
        html! {
            <button type="button" class="grade" key={grade.as_str()} data-grade={grade.as_str()} onclick={send(&props.on_action, Action::Attempt(Attempt::GradeCard(grade)))}>
                { label }
                if let Some(next) = next {
                    <span class="when">{ t.comes_back(minutes_until(next.due_ms())) }</span>
                }
            </button>
        }
    };
    html! {
        <div class="flashcard" data-flipped={flipped.then_some("true")}>
            <div class="card-face front" id={format!("{}-prompt", props.uid)}>
                { markdown(&question.prompt, false) }
            </div>
            if flipped {
                <div class="card-face back" key="back" tabindex="-1">{ markdown(&card.back, false) }</div>
                <p class="grade-question" id={format!("{}-grade", props.uid)}>{ t.how_well() }</p>
                <div class="actions grades" key="grades" role="group" aria-labelledby={format!("{}-grade", props.uid)}>
                    { grade_button(Grade::Again, t.again()) }
                    { grade_button(Grade::Hard, t.hard()) }
                    { grade_button(Grade::Good, t.good()) }
                    { grade_button(Grade::Easy, t.easy()) }
                </div>
            } else {
                <div class="actions" key="front">
                    // Keyed, so that yew does not turn this button into a grade
                    // button and keep it focused (Space then Enter graded a card).
                    <button type="button" class="primary flip" key="flip" aria-expanded="false" onclick={send(&props.on_action, Action::View(View::Flip))}>
                        { t.show_answer() }<span class="kbd" aria-hidden="true">{ " (Space)" }</span>
                    </button>
                </div>
            }
            <div role="status" aria-live="polite" class="feedback-region">
                if let Some(schedule) = last.filter(|s| s.due_ms() > now) {
                    <p class="next-review">{ t.next_review() }{ " " }{ t.comes_back(minutes_until(schedule.due_ms())) }</p>
                }
            </div>
        </div>
    }
}

/// Space flips the card; once it is flipped, `1`-`4` grade it.
pub(super) fn key(key: &str, pick: Option<(usize, char)>, flipped: bool) -> Option<Action> {
    match pick {
        _ if key == " " => Some(Action::View(View::Flip)),
        Some((n, c)) if flipped && c.is_ascii_digit() => {
            Grade::ALL.get(n).map(|&g| Action::Attempt(Attempt::GradeCard(g)))
        }
        _ => None,
    }
}
