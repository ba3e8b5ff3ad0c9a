//! The end of a list: the score overall and per topic, as a small SVG chart.

use quiz_session::session::{Action, List, Tally};
use yew::prelude::*;

use crate::i18n::Texts;

/// What the summary shows. A plain function, not a component: it keeps no
/// state, and each component costs the wasm its own copy of yew's machinery.
pub struct SummaryProps {
    pub texts: &'static Texts,
    /// The whole list's score ([`quiz_session::session::Session::whole_tally`]).
    pub tally: Tally,
    /// In a retry of wrong answers, the retry's own score.
    pub round: Option<Tally>,
    /// Sorted by topic.
    pub by_topic: Vec<(String, Tally)>,
    /// The quiz's pass mark in percent, if it has one.
    pub pass_mark: Option<u8>,
    /// For an exam: whether the attempt is still open, and the attempts left.
    pub exam: Option<(bool, Option<u32>)>,
    pub on_action: Callback<Action>,
    pub on_reset: Callback<()>,
    /// The quiz title's heading level; the summary's is the next.
    pub heading_level: u8,
}

/// `part` of `whole` in whole percent, rounded to the nearest (12 of 18 is 67).
fn percent(part: usize, whole: usize) -> usize {
    (part * 200 + whole).checked_div(whole * 2).unwrap_or(0)
}

/// Thousandths of a point as the language writes them: `7`, `7.5`, `7,25`.
fn points_text(thousandths: u64, t: &Texts) -> String {
    let (whole, part) = (thousandths / 1000, thousandths % 1000);
    match part {
        0 => whole.to_string(),
        _ => {
            let digits = format!("{part:03}");
            format!("{whole}{}{}", t.decimal_mark(), digits.trim_end_matches('0'))
        }
    }
}

/// The points, when they say more than the count of right answers (points
/// other than 1, partial credit) or there is a pass mark; and whether the
/// learner passed.
fn points(props: &SummaryProps) -> Html {
    let (t, tally) = (props.texts, &props.tally);
    let plain = tally.score == tally.correct as u64 * 1000 && tally.max_score == tally.graded as u64 * 1000;
    if tally.max_score == 0 || (plain && props.pass_mark.is_none()) {
        return Html::default();
    }
    let percent = (tally.score * 100 + tally.max_score / 2) / tally.max_score;
    let score = t.points(&points_text(tally.score, t), &points_text(tally.max_score, t));
    html! {
        <p class="points" lang={t.tag()}><bdi>
            { format!("{score} ({percent}%)") }
            if let (Some(passed), Some(mark)) = (tally.passed(props.pass_mark), props.pass_mark) {
                { " · " }
                <strong data-passed={passed.to_string()}>{ if passed { t.passed() } else { t.not_passed() } }</strong>
                { " " }{ t.pass_mark_is(mark) }
            }
        </bdi></p>
    }
}

/// An open exam's end: how many answers are saved, and the submission.
fn submission(props: &SummaryProps) -> Html {
    let t = props.texts;
    let onclick = crate::parts::send(&props.on_action, Action::List(List::SubmitExam));
    // A section, not the summary's div: a different element is replaced
    // rather than patched, so the focused Submit button does not become one
    // of the summary's buttons (Reset progress) under the learner's Enter.
    html! {
        <section class="summary">
            <@{crate::parts::heading(props.heading_level + 1)} class="summary-title" tabindex="-1">{ t.submit_answers() }</@>
            <p lang={t.tag()}><bdi>{ t.submit_note(props.tally.answered, props.tally.graded) }</bdi></p>
            <div class="actions">
                <button type="button" class="primary submit-exam" {onclick}>{ t.submit_answers() }</button>
            </div>
        </section>
    }
}

pub fn summary(props: &SummaryProps) -> Html {
    if let Some((true, _)) = props.exam {
        return submission(props);
    }
    let t = props.texts;
    let topics: Vec<&(String, Tally)> = props.by_topic.iter().filter(|(_, tally)| tally.graded > 0).collect();
    let act = |action: Action| crate::parts::send(&props.on_action, action);
    let on_reset = crate::parts::click(&props.on_reset);
    // An exam is retaken whole, as a new attempt, not by its wrong answers.
    let has_wrong = props.tally.graded > props.tally.correct && props.tally.completed > 0 && props.exam.is_none();
    let attempts_left = props.exam.and_then(|(_, left)| left);
    html! {
        <div class="summary">
            <@{crate::parts::heading(props.heading_level + 1)} class="summary-title" tabindex="-1">{ t.summary() }</@>
            <p class="score" lang={t.tag()}><bdi>
                if props.tally.graded > 0 {
                    { t.score(props.tally.correct, props.tally.graded) }
                    { format!(" ({}%)", percent(props.tally.correct, props.tally.graded)) }
                    // A retry's own score beside the whole list's.
                    <small>{ props.round.as_ref().map(|r| t.retry_score(r.correct, r.graded)) }</small>
                } else {
                    { t.completed(props.tally.completed, props.tally.total) }
                }
            </bdi></p>
            { points(props) }
            if props.tally.answered < props.tally.graded {
                <p class="unanswered">{ t.not_answered(props.tally.graded - props.tally.answered) }</p>
            }
            if !topics.is_empty() {
                // Native progress bars: they follow the writing direction and
                // the theme, and read as "3 of 4" to a screen reader.
                <figure class="chart">
                    <figcaption>{ t.by_topic() }</figcaption>
                    <ul role="list">
                        { for topics.iter().map(|(topic, tally)| {
                            let name = if topic.is_empty() { t.no_topic().to_owned() } else { (*topic).clone() };
                            let label = format!("{name}: {}", t.score(tally.correct, tally.graded));
                            html! {
                                <li class="chart-row">
                                    <span class="chart-label">{ name }</span>
                                    <span class="chart-value">{ format!("{}/{}", tally.correct, tally.graded) }</span>
                                    <progress class="chart-bar" max={tally.graded.to_string()} value={tally.correct.to_string()} aria-label={label}></progress>
                                </li>
                            }
                        }) }
                    </ul>
                </figure>
            }
            <div class="actions">
                if has_wrong {
                    <button type="button" class="primary" onclick={act(Action::List(List::RetryWrong))}>{ t.retry_wrong() }</button>
                }
                if attempts_left == Some(0) {
                    <p class="no-attempts">{ t.no_attempts_left() }</p>
                } else if props.exam.is_some() {
                    <button type="button" class="secondary" onclick={act(Action::List(List::StartOver))}>{ t.new_attempt(attempts_left) }</button>
                } else {
                    <button type="button" class="secondary" onclick={act(Action::List(List::StartOver))}>{ t.start_over() }</button>
                }
                <button type="button" class="danger" onclick={on_reset}>{ t.reset_progress() }</button>
            </div>
        </div>
    }
}
