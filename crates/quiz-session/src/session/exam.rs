//! Exams (a quiz with `exam`): answers are saved without feedback until the
//! learner submits the attempt; then every item shows its feedback, and the
//! score and the pass mark decide. `attempts` limits the submissions and
//! `time_limit` the minutes from an attempt's first saved answer, after
//! which the shell submits what is saved ([`Session::exam_deadline`]).

use super::{Action, Effect, HostEvent, List, Session, Storage, View};
use quiz_format::json::{Node, Value, Writer};

/// Where the learner is in an exam.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExamState {
    /// Attempts submitted so far.
    pub submitted: u32,
    /// The current attempt is submitted: its feedback shows.
    pub done: bool,
    /// When the current attempt's first answer was saved.
    pub started_ms: Option<i64>,
}

impl Session {
    /// The learner's place in the exam, if the quiz is one.
    pub fn exam(&self) -> Option<ExamState> {
        self.exam
    }

    /// Makes the quiz an exam, as the host page's `exam` attribute asks, with
    /// the file's limits if it has any. Before stored settings are restored,
    /// so that they restore the exam's state too.
    pub(crate) fn make_exam(&mut self) {
        if self.exam.is_none() {
            self.exam = Some(ExamState::default());
            self.views.clear();
        }
    }

    /// Whether the current exam attempt is submitted: it is for review, and
    /// its answers no longer change.
    pub(super) fn is_exam_submitted(&self) -> bool {
        self.exam.is_some_and(|e| e.done)
    }

    /// Whether an exam attempt is under way: answers are saved, not checked.
    pub fn is_exam_open(&self) -> bool {
        self.exam.is_some_and(|e| !e.done)
    }

    /// The open attempt's time limit in minutes while its clock has not
    /// started (no answer saved yet), so the learner knows before it runs.
    pub fn exam_time_limit(&self) -> Option<u16> {
        let minutes = self.quiz.exam?.minutes?;
        self.exam.filter(|e| !e.done && e.started_ms.is_none()).map(|_| minutes)
    }

    /// When the open attempt must be submitted, if the exam has a time limit
    /// and the attempt has begun.
    pub fn exam_deadline(&self) -> Option<i64> {
        let minutes = self.quiz.exam?.minutes?;
        let exam = self.exam.filter(|e| !e.done)?;
        Some(exam.started_ms? + i64::from(minutes) * 60_000)
    }

    /// Attempts left after the current one; `None` without a limit.
    pub fn attempts_left(&self) -> Option<u32> {
        let limit = u32::from(self.quiz.exam?.attempts?);
        Some(limit.saturating_sub(self.exam?.submitted))
    }

    /// Notes the start of an attempt at its first saved answer.
    pub(super) fn exam_answer_saved(&mut self, now_ms: i64) {
        if let Some(exam) = self.exam.as_mut().filter(|e| e.started_ms.is_none()) {
            exam.started_ms = Some(now_ms);
        }
    }

    /// `SubmitExam`: the open attempt is done; every item shows its
    /// feedback, and the host page hears the result.
    pub(super) fn submit_exam(&mut self) -> Vec<Effect> {
        let Some(exam) = self.exam.as_mut().filter(|e| !e.done) else {
            return Vec::new();
        };
        exam.done = true;
        exam.submitted += 1;
        self.views.clear();
        // The result shows, wherever the learner was (the time limit
        // submits from any item).
        self.position = self.items.len();
        vec![
            Effect::Store(Storage::SaveSettings),
            Effect::Host(HostEvent::Completed(self.counts.tally.clone())),
        ]
    }

    /// `StartOver` in an exam: the next attempt, if one is left; `None`
    /// when this is not an exam.
    pub(super) fn next_attempt(&mut self, now_ms: i64) -> Option<Vec<Effect>> {
        let exam = self.exam?;
        if !exam.done || self.attempts_left() == Some(0) {
            return Some(Vec::new());
        }
        self.exam = Some(ExamState {
            done: false,
            started_ms: None,
            ..exam
        });
        Some(self.new_list(None, Some(now_ms)))
    }

    /// Writes the exam's state into the stored settings.
    pub(super) fn write_exam(&self, w: &mut Writer) {
        if let Some(exam) = self.exam {
            w.key("exam")
                .open('{')
                .key("n")
                .number(exam.submitted.into())
                .key("done")
                .bool(exam.done);
            if let Some(start) = exam.started_ms {
                w.key("start").number(start);
            }
            w.close('}');
        }
    }

    /// Reads the exam's state from stored settings.
    pub(super) fn read_exam(&mut self, root: &Node) {
        let Some(stored) = root.get("exam").filter(|_| self.exam.is_some()) else {
            return;
        };
        let number = |key: &str| {
            if let Some(Value::Number(raw)) = stored.get(key).map(|n| &n.value) {
                raw.parse::<i64>().ok()
            } else {
                None
            }
        };
        self.exam = Some(ExamState {
            submitted: number("n").and_then(|n| u32::try_from(n).ok()).unwrap_or(0),
            done: matches!(stored.get("done").map(|n| &n.value), Some(Value::Bool(true))),
            started_ms: number("start"),
        });
    }
}

/// Whether an exam does not allow `action`: no retries of any kind (the
/// feedback and the solution wait for the submission, and a new attempt
/// replaces a retry). A submitted attempt also takes no changed or new
/// answers (`edit` and `check` see to that, [`Session::is_exam_submitted`]).
pub(super) fn is_held(action: &Action) -> bool {
    matches!(
        action,
        Action::View(View::TryAgain) | Action::View(View::RevealAnswer) | Action::List(List::RetryWrong)
    )
}
