//! The end of a list: the score overall and per topic, as a small SVG chart.

use std::collections::BTreeMap;

use quiz_core::session::{Action, Tally};
use yew::prelude::*;

use crate::i18n::Texts;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub texts: &'static Texts,
    pub tally: Tally,
    pub by_topic: BTreeMap<String, Tally>,
    pub on_action: Callback<Action>,
    pub on_reset: Callback<()>,
    /// The quiz title's heading level; the summary's is the next.
    pub heading_level: u8,
}

// Each topic is a row: its name and score on one line, a full-width bar under
// it, so that long topic names are never cut off on a narrow screen.
const LABEL_LINE: usize = 16;
const BAR_HEIGHT: usize = 12;
const ROW_PITCH: usize = LABEL_LINE + BAR_HEIGHT + 10;

/// `part` of `whole` in whole percent, rounded to the nearest (12 of 18 is 67).
fn percent(part: usize, whole: usize) -> usize {
    (part * 200 + whole).checked_div(whole * 2).unwrap_or(0)
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let t = props.texts;
    let topics: Vec<(&String, &Tally)> = props.by_topic.iter().filter(|(_, tally)| tally.graded > 0).collect();
    let height = topics.len() * ROW_PITCH;
    let act = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    let has_wrong = props.tally.graded > props.tally.correct && props.tally.completed > 0;
    html! {
        <div class="summary">
            <@{crate::components::header::heading(props.heading_level + 1)} class="summary-title" tabindex="-1">{ t.summary }</@>
            <p class="score">
                if props.tally.graded > 0 {
                    { (t.score)(props.tally.correct, props.tally.graded) }
                    { format!(" ({}%)", percent(props.tally.correct, props.tally.graded)) }
                } else {
                    { (t.completed)(props.tally.completed, props.tally.total) }
                }
            </p>
            if props.tally.answered < props.tally.graded {
                <p class="unanswered">{ (t.not_answered)(props.tally.graded - props.tally.answered) }</p>
            }
            if !topics.is_empty() {
                <figure class="chart">
                    <figcaption>{ t.by_topic }</figcaption>
                    <svg width="100%" height={height.to_string()} role="img" aria-label={t.by_topic}>
                        { for topics.iter().enumerate().map(|(row, (topic, tally))| {
                            let y = row * ROW_PITCH;
                            let bar_y = (y + LABEL_LINE + 2).to_string();
                            let share = percent(tally.correct, tally.graded);
                            let name = if topic.is_empty() { t.no_topic.to_owned() } else { (*topic).clone() };
                            html! {
                                <g>
                                    <title>{ format!("{name}: {} / {}", tally.correct, tally.graded) }</title>
                                    <text x="0" y={(y + 12).to_string()} class="chart-label">{ name }</text>
                                    <rect x="0" y={bar_y.clone()} width="100%" height={BAR_HEIGHT.to_string()} class="chart-track" rx="4" />
                                    <rect x="0" y={bar_y} width={format!("{share}%")} height={BAR_HEIGHT.to_string()} class="chart-bar" rx="4" />
                                    <text x="100%" y={(y + 12).to_string()} text-anchor="end" class="chart-value">
                                        { format!("{}/{}", tally.correct, tally.graded) }
                                    </text>
                                </g>
                            }
                        }) }
                    </svg>
                </figure>
            }
            <div class="actions">
                if has_wrong {
                    <button type="button" class="primary" onclick={act(Action::RetryWrong)}>{ t.retry_wrong }</button>
                }
                <button type="button" class="secondary" onclick={act(Action::StartOver)}>{ t.start_over }</button>
                <button type="button" class="danger" onclick={on_reset}>{ t.reset_progress }</button>
            </div>
        </div>
    }
}
