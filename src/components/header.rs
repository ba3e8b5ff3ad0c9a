//! The compact header: title, section, mode and filters, and progress.

use std::rc::Rc;

use quiz_format::Difficulty;
use quiz_session::session::{Action, List, Mode, Session};
use yew::prelude::*;

use crate::components::item::difficulty_label;
use crate::components::Face;
use crate::i18n::Texts;
use crate::state::QuizRef;

#[derive(PartialEq)]
pub struct HeaderProps<'s> {
    /// What the header shows of the learner's session: the mode and filters,
    /// the tally, reviews due, a retry round, an open exam's clock.
    pub session: &'s Session,
    pub quiz: QuizRef,
    pub texts: &'static Texts,
    pub face: Face,
    /// The title's heading level, 1 to 6.
    pub heading_level: u8,
    /// The title's id, which names the widget's region.
    pub title_id: String,
    pub topics: Rc<Vec<AttrValue>>,
    /// Whether the section picker is shown (hidden when the host fixes a section).
    pub pick_section: bool,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
    /// Turns shuffling of questions and choices on or off.
    pub on_shuffle: Callback<bool>,
}

fn on_select(on_action: &Callback<Action>, make: fn(String) -> Action) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        on_action.emit(make(select.value()));
    })
}

fn non_empty(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

/// The title, the study controls and the progress line. A function, not a
/// component: it keeps nothing of its own between renders.
pub fn header(props: &HeaderProps<'_>) -> Html {
    let t = props.texts;
    let quiz = &props.quiz.0;
    // Flashcard and exercise lists count completions, as the source material does.
    let all_self_graded = props.session.tally().graded == 0 && props.session.tally().total > 0;
    let progress_text = if props.session.is_exam_open() {
        t.saved_of(props.session.tally().answered, props.session.tally().graded)
    } else if all_self_graded {
        t.completed(props.session.tally().completed, props.session.tally().total)
    } else {
        t.answered(
            props.session.tally().completed,
            props.session.tally().total,
            props.session.tally().correct,
        )
    };
    let quiz_scheduled = props.session.schedulers().schedule_any();
    let percent = (props.session.tally().completed * 100)
        .checked_div(props.session.tally().total)
        .unwrap_or(0);
    html! {
        <div class="quiz-header">
            <@{crate::parts::heading(props.heading_level)} class="quiz-title" id={props.title_id.clone()}>{ quiz.title.clone() }</@>
            if props.face == Face::Study {
                { controls(props, quiz_scheduled) }
            }
            <div class="progress">
                <div class="bar" role="progressbar" aria-label={progress_text.clone()} aria-valuemin="0"
                    aria-valuemax={props.session.tally().total.to_string()} aria-valuenow={props.session.tally().completed.to_string()}>
                    <progress max="100" value={percent.to_string()} aria-hidden="true"></progress>
                </div>
                // In a <bdi>: the sentence keeps its own direction inside a
                // right-to-left quiz, and the paragraph lines up with the quiz.
                <p class="progress-text" lang={t.tag()}><bdi>
                    if props.session.is_retry() {
                        <span class="round">{ t.retrying() }{ " · " }</span>
                    }
                    { progress_text }
                    if let Some(minutes) = props.session.exam_time_limit() {
                        <span class="time-left">{ " · " }{ t.time_limit(minutes) }</span>
                    }
                    if let Some(deadline) = props.session.exam_deadline() {
                        <span class="time-left">{ " · " }{ t.minutes_left(crate::state::minutes_until(deadline, crate::state::now())) }</span>
                    }
                    // Only where the learner can study what is due (the study
                    // face's due mode), and once something in the section is
                    // scheduled for them.
                    if props.face == Face::Study && !props.session.is_exam_open() && (props.session.due() > 0 || props.session.next_due().is_some()) {
                        <span class="due">{ " · " }{ t.due_today(props.session.due()) }
                            if let (0, Some(next)) = (props.session.due(), props.session.next_due()) {
                                { ", " }{ t.next_in() }{ " " }{ t.comes_back(crate::state::minutes_until(next, crate::state::now())) }
                            }
                        </span>
                    }
                </bdi></p>
                // A retry is a round of its own, with its own way back.
                if props.session.is_retry() {
                    <button type="button" class="link leave-retry" onclick={crate::parts::send(&props.on_action, Action::List(List::LeaveRetry))}>{ t.leave_retry() }</button>
                }
            </div>
        </div>
    }
}

/// The study controls: section, mode, difficulty, shuffle and topic.
fn controls(props: &HeaderProps, scheduled: bool) -> Html {
    let t = props.texts;
    let quiz = &props.quiz.0;
    let id = |name: &str| format!("{}-{name}", props.uid);
    html! {
        <div class="controls">
                if props.pick_section && quiz.sections.len() > 1 {
                    <div class="control">
                        <label for={id("section")}>{ t.section() }</label>
                        <select id={id("section")} onchange={on_select(&props.on_action, |v| Action::List(List::PickSection(non_empty(v))))}>
                            <option value="" selected={props.session.filters().section.is_none()}>{ t.all_sections() }</option>
                            { for quiz.sections.iter().map(|s| html! {
                                <option value={s.id.clone()} selected={props.session.filters().section.as_deref() == Some(s.id.as_str())}>{ s.title.clone() }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="control">
                    <label for={id("mode")}>{ t.mode() }</label>
                    <select id={id("mode")} onchange={on_select(&props.on_action, |v| Action::List(List::PickMode(Mode::from_name(&v).unwrap_or_default())))}>
                        <option value="practice" selected={props.session.mode() == Mode::Practice}>{ t.practice() }</option>
                        <option value="review" selected={props.session.mode() == Mode::Review}>{ t.review_mistakes() }</option>
                        if scheduled {
                            <option value="due" selected={props.session.mode() == Mode::Due}>{ t.due_mode() }</option>
                        }
                    </select>
                </div>
                <div class="control">
                    <label for={id("difficulty")}>{ t.difficulty() }</label>
                    <select id={id("difficulty")} onchange={on_select(&props.on_action, |v| Action::List(List::FilterDifficulty(Difficulty::from_name(&v))))}>
                        <option value="" selected={props.session.filters().difficulty.is_none()}>{ t.any_difficulty() }</option>
                        { for Difficulty::ALL.iter().map(|d| html! {
                            <option value={d.as_str()} selected={props.session.filters().difficulty == Some(*d)}>{ difficulty_label(t, *d) }</option>
                        }) }
                    </select>
                </div>
                <div class="control toggle">
                    <input type="checkbox" id={id("shuffle")} checked={props.session.shuffle_seed().is_some()} onchange={{
                        let on_shuffle = props.on_shuffle.clone();
                        Callback::from(move |e: Event| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            on_shuffle.emit(input.checked());
                        })
                    }} />
                    <label for={id("shuffle")}>{ t.shuffle() }</label>
                </div>
                if !props.topics.is_empty() {
                    <div class="control">
                        <label for={id("topic")}>{ t.topic() }</label>
                        <select id={id("topic")} onchange={on_select(&props.on_action, |v| Action::List(List::FilterTopic(non_empty(v))))}>
                            <option value="" selected={props.session.filters().topic.is_none()}>{ t.any_topic() }</option>
                            { for props.topics.iter().map(|topic| html! {
                                <option value={topic.clone()} selected={props.session.filters().topic.as_deref() == Some(topic.as_str())}>{ topic.clone() }</option>
                            }) }
                        </select>
                    </div>
                }
            </div>
    }
}
