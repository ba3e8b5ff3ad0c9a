//! The events a widget fires on its element for the host page, and their
//! `detail`: the one place their names and detail keys are written (the
//! TypeScript types in `js/quiz-widget.d.ts` are checked against it by
//! `tests/host/host_events.rs`).

use quiz_format::json::Writer;
use quiz_format::model::KindName;

use super::{Session, Tally};
use crate::progress::ItemState;

/// An event for the host page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostEvent {
    /// The learner graded an item (checked an answer, graded a card, assessed
    /// an exercise).
    Answered {
        question_id: String,
        kind: KindName,
        /// Right answer; a card not graded Again; an exercise done with confidence.
        correct: bool,
        /// Checks of this answer, reviews of this card, or 1.
        attempts: u32,
        /// A card's grade or an exercise's self-assessment, as stored.
        rating: Option<&'static str>,
    },
    /// The learner's act completed the last unfinished item of the list.
    Completed(Tally),
}

/// What the element says about itself in every event.
#[derive(Clone, Copy, Debug)]
pub struct Host<'a> {
    pub quiz_id: &'a str,
    /// The element's `section`, if it shows one.
    pub section: Option<&'a str>,
    /// The pass mark `quiz-complete` is judged by: the element's
    /// `pass-mark`, else the quiz's.
    pub pass_mark: Option<u8>,
}

impl HostEvent {
    /// The DOM event's name.
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Answered { .. } => "quiz-answer",
            HostEvent::Completed(_) => "quiz-complete",
        }
    }

    /// The DOM event's `detail`, as JSON text.
    pub fn detail(&self, session: &Session, host: Host) -> String {
        let mut w = Writer::compact();
        w.open('{').key("quizId").string(host.quiz_id);
        match self {
            HostEvent::Answered {
                question_id,
                kind,
                correct,
                attempts,
                rating,
            } => {
                w.key("questionId")
                    .string(question_id)
                    .key("kind")
                    .string(kind.as_str());
                w.key("correct")
                    .bool(*correct)
                    .key("attempts")
                    .number(i64::from(*attempts));
                optional(w.key("rating"), *rating, Writer::string);
                let topic = session.question(question_id).and_then(|q| q.topic.as_deref());
                optional(w.key("topic"), topic, Writer::string);
                let response = match session.records().get(question_id).map(|r| &r.state) {
                    Some(ItemState::Answered { response, .. }) => Some(response.to_json()),
                    Some(ItemState::Reviewed { .. } | ItemState::Practised { .. }) | None => None,
                };
                optional(w.key("response"), response.as_deref(), Writer::raw);
                let result = session.result(question_id);
                optional(
                    w.key("score"),
                    result.as_ref().map(|r| points(r.score)).as_deref(),
                    Writer::raw,
                );
                optional(
                    w.key("maxScore"),
                    result.map(|r| points(r.max_score)).as_deref(),
                    Writer::raw,
                );
            }
            HostEvent::Completed(tally) => {
                let section = host.section.or(session.filters().section.as_deref());
                optional(w.key("section"), section, Writer::string);
                w.key("score")
                    .raw(&points(tally.score))
                    .key("maxScore")
                    .raw(&points(tally.max_score));
                optional(w.key("passed"), tally.passed(host.pass_mark), Writer::bool);
                w.key("correct")
                    .number(count(tally.correct))
                    .key("graded")
                    .number(count(tally.graded));
                w.key("total").number(count(tally.total)).key("results").open('[');
                for result in session.results() {
                    w.open('{').key("questionId").string(&result.question_id);
                    w.key("correct")
                        .bool(result.correct)
                        .key("score")
                        .raw(&points(result.score));
                    w.key("maxScore").raw(&points(result.max_score)).close('}');
                }
                w.close(']');
            }
        }
        w.close('}');
        w.finish()
    }
}

/// `value`, or `null`.
fn optional<T>(w: &mut Writer, value: Option<T>, put: impl FnOnce(&mut Writer, T) -> &mut Writer) {
    match value {
        Some(value) => {
            put(w, value);
        }
        None => {
            w.raw("null");
        }
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Thousandths of a point as a JSON number: `1500` is `1.5`, the number
/// JavaScript's `1500 / 1000` gives.
fn points(thousandths: u64) -> String {
    let (whole, part) = (thousandths / 1000, thousandths % 1000);
    if part == 0 {
        return whole.to_string();
    }
    let digits = format!("{part:03}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::points;

    #[test]
    fn points_read_back_as_the_division() {
        for thousandths in [0u64, 1, 10, 100, 333, 500, 999, 1000, 1001, 1500, 2250, 123_456] {
            let read: f64 = points(thousandths).parse().unwrap();
            assert_eq!(read, thousandths as f64 / 1000.0, "{thousandths}");
        }
    }
}
