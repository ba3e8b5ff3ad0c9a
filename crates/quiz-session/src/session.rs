//! The learner's session as a state machine.
//!
//! The widget sends [`Action`]s named after what the learner meant ("check",
//! "next", "grade this card Good"); [`Session::apply`] changes the state and
//! returns the [`Effect`]s the shell must carry out (save a record, clear
//! storage). Nothing here touches the web or reads the clock: the time of each
//! action is passed in.

use quiz_stdx::Map;
use std::rc::Rc;

use crate::cow_map::CowMap;
use crate::grade::{grade, is_answerable};
use crate::progress::{ItemState, Record, Records, Response, SelfAssessment};
use crate::schedule::{grade_of_check, Grade, Now, Schedule, Schedulers};
use quiz_format::json::{self, Writer};

use crate::random::shuffle;
use quiz_format::model::{fnv64, Difficulty, KindName, Question, QuestionKind, Quiz, ValidQuiz};

/// What the learner is doing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Work through the questions of the chosen section.
    #[default]
    Practice,
    /// Only items answered wrong, graded Again/Hard, or marked "needs review".
    Review,
    /// Only items due for review today: flashcards (new ones too) and, when
    /// the quiz schedules them, graded questions answered before.
    Due,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Review => "review",
            Mode::Due => "due",
        }
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        match name {
            // The name of the mode before every kind was scheduled.
            "flashcards" => Some(Mode::Due),
            _ => [Mode::Practice, Mode::Review, Mode::Due]
                .into_iter()
                .find(|m| m.as_str() == name),
        }
    }
}

/// Narrowing of the items shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub section: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub topic: Option<String>,
}

/// What the learner has entered on the current item and how far they got.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemView {
    /// The answer being composed, before or after checking.
    pub draft: Option<Response>,
    /// Feedback is showing for the last check.
    pub checked: bool,
    /// How many of the question's hints are showing.
    pub hints_shown: usize,
    /// The last move of an ordering question: the item (its index in the
    /// author's order), from and to which position; the view announces it
    /// and keeps focus on the item.
    pub moved: Option<Moved>,
    /// A flashcard shows its back.
    pub flipped: bool,
    /// The learner asked to see the solution after a wrong answer.
    pub revealed: bool,
}

/// One move of an ordering question's item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moved {
    pub item: usize,
    pub from: usize,
    pub to: usize,
}

/// What the shell must do after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write to, or clear, this quiz's storage.
    Store(Storage),
    /// Tell the host page: an event on the element (see [`HostEvent::name`]).
    Host(HostEvent),
    /// An import finished: what it did, or why the file was refused.
    Imported(Result<crate::transfer::ImportSummary, String>),
}

/// What the shell writes to storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Storage {
    /// Write this question's record.
    SaveRecord(String),
    /// Remove every stored record of this quiz.
    ClearRecords,
    /// Write the session settings (mode, section, shuffle).
    SaveSettings,
}

/// Score of a set of items.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    /// Items with a record that counts as complete.
    pub completed: usize,
    /// Graded items answered correctly at their last check.
    pub correct: usize,
    /// Graded items (not flashcards or exercises).
    pub graded: usize,
    /// Graded items answered at least once.
    pub answered: usize,
    /// Points earned at the last checks, in thousandths of a point
    /// ([`crate::grade::credit`] of each answer times its question's points).
    pub score: u64,
    /// The points of the graded items, in thousandths.
    pub max_score: u64,
}

/// One graded item's result, for the host page when a list is complete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemResult {
    pub question_id: String,
    /// Right at the last check; `false` when not answered.
    pub correct: bool,
    /// Thousandths of a point, as in [`Tally`].
    pub score: u64,
    pub max_score: u64,
}

/// The state of one learner working through one quiz. Every field is
/// private: a session is made by [`Session::start`] (the one order of its
/// setup) or [`Session::new`], and changes only through [`Session::apply`],
/// which keeps the list, the position and the header's counts in step.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    quiz: Rc<ValidQuiz>,
    /// Progress by question id. Private so that [`Counts`] stay in step with it.
    records: Records,
    mode: Mode,
    filters: Filters,
    /// Indices into `quiz.questions` of the items in the current list. Shared,
    /// because the widget keeps a copy of the session per action and the list
    /// only changes with the mode, the filters or the shuffle.
    items: Rc<[usize]>,
    /// Whether each question (by index) is in the current list; made with it.
    listed: Rc<[bool]>,
    /// The index of each question by id; made once per quiz, shared.
    index_of: Rc<Map<String, usize>>,
    /// The quiz's schedulers; made once per quiz, shared.
    schedulers: Rc<Schedulers>,
    /// Position in `items`; `items.len()` is the summary.
    position: usize,
    views: CowMap<usize, ItemView>,
    shuffle_seed: Option<u64>,
    /// The learner's seed for the quiz's draws (`draw`), set once and stored
    /// with the settings, so that every visit shows the same draw.
    draw_seed: Option<u64>,
    /// Whether each question (by index) was drawn; all are when nothing draws.
    drawn: Rc<[bool]>,
    /// The host page's draw: of this section's questions (or those outside
    /// any section), this many, instead of the pool's own `draw`.
    list_draw: Option<(Option<String>, u16)>,
    /// The learner's place in the exam, when the quiz is one.
    exam: Option<ExamState>,
    /// Only these questions (by index) are listed, after "retry wrong answers".
    only: Option<Vec<usize>>,
    /// When the current round began ("start over", "retry wrong answers",
    /// "review mistakes"): answers from before it are not shown or counted.
    round_start: Option<i64>,
    /// In a retry of wrong answers: the list it was started from and when
    /// that list's round began. The whole list's figures (the summary's
    /// score and pass mark, `quiz-complete`) are that list's, and leaving
    /// the retry returns to it.
    outer: Option<(Rc<[usize]>, Option<i64>)>,
    /// The time of the last action on the learner's clock, for "due today".
    now: Now,
    counts: Counts,
}

/// The header's figures, kept in step with every record change, so that
/// answering one question costs the same in a quiz of a hundred items or of
/// fifty thousand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Counts {
    /// The score of the current list.
    tally: Tally,
    /// Items of the current section (or the whole quiz) due by `day_end`,
    /// new flashcards included.
    due: usize,
    /// The earliest due time after `day_end` in the current section.
    next_due: Option<i64>,
    /// The end of the day `due` was counted for.
    day_end: i64,
}

impl Session {
    pub fn new(quiz: Rc<ValidQuiz>, records: impl Into<Records>, now: impl Into<Now>) -> Session {
        let index_of = quiz
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        let schedulers = Rc::new(Schedulers::for_quiz(&quiz));
        let exam = quiz.exam.map(|_| ExamState::default());
        let mut session = Session {
            quiz,
            schedulers,
            records: records.into(),
            mode: Mode::Practice,
            filters: Filters::default(),
            items: Rc::from([]),
            listed: Rc::from([]),
            index_of: Rc::new(index_of),
            position: 0,
            views: CowMap::new(),
            shuffle_seed: None,
            draw_seed: None,
            drawn: Rc::from([]),
            list_draw: None,
            exam,
            only: None,
            round_start: None,
            outer: None,
            now: now.into(),
            counts: Counts::default(),
        };
        session.drawn = drawn(&session.quiz, None, None).into();
        session.drop_stale_records();
        let unscheduled: Vec<String> = session
            .records
            .iter()
            .filter(|(_, r)| matches!(r.state, ItemState::Answered { schedule: None, .. }))
            .map(|(id, _)| id.clone())
            .collect();
        for id in unscheduled {
            if let Some(mut record) = session.records.get(&id).cloned() {
                schedule_answer(&session.schedulers, session.question(&id), &mut record);
                session.records.insert(id, record);
            }
        }
        session.rebuild();
        session
    }

    /// The index into `quiz.questions` of the current item, unless the summary is showing.
    pub fn current(&self) -> Option<usize> {
        self.items.get(self.position).copied()
    }

    pub fn is_at_summary(&self) -> bool {
        self.position >= self.items.len() && !self.items.is_empty()
    }

    /// The view state of an item, derived from its record when it has none yet.
    pub fn view(&self, index: usize) -> ItemView {
        if let Some(v) = self.views.get(&index) {
            return v.clone();
        }
        let Some(question) = self.quiz.questions.get(index) else {
            return ItemView::default();
        };
        let state = shown(self.round_start_now(), self.records.get(&question.id)).map(|r| &r.state);
        if let Some(ItemState::Answered { response, .. }) = state {
            // In an open exam a saved answer stays open to change.
            return ItemView {
                draft: Some(response.clone()),
                checked: !self.is_exam_open(),
                ..ItemView::default()
            };
        }
        match &question.kind {
            // The items stand in their starting order, itself an answer.
            QuestionKind::Ordering(_) => ItemView {
                draft: Some(Response::Order(self.start_order(index))),
                ..ItemView::default()
            },
            // Nothing is answered before the learner acts.
            QuestionKind::Single(_)
            | QuestionKind::Multiple(_)
            | QuestionKind::TrueFalse(_)
            | QuestionKind::Short(_)
            | QuestionKind::Numeric(_)
            | QuestionKind::Matching(_)
            | QuestionKind::Cloze(_)
            | QuestionKind::Tracing(_)
            | QuestionKind::Flashcard(_)
            | QuestionKind::Exercise(_) => ItemView::default(),
        }
    }

    pub fn quiz(&self) -> &Rc<ValidQuiz> {
        &self.quiz
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The section, difficulty and topic the list is narrowed to.
    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// Position in the list; the list's length is the summary.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The seed questions and choices are shuffled with, when they are.
    pub fn shuffle_seed(&self) -> Option<u64> {
        self.shuffle_seed
    }

    /// Whether the list is a retry of wrong answers.
    pub fn is_retry(&self) -> bool {
        self.only.is_some()
    }

    /// The question with this id, found through the id index.
    pub fn question(&self, id: &str) -> Option<&quiz_format::model::Question> {
        self.index_of.get(id).and_then(|&i| self.quiz.questions.get(i))
    }

    /// The record of question `index` as the current round shows it.
    pub fn record_of(&self, index: usize) -> Option<&Record> {
        let q = self.quiz.questions.get(index)?;
        shown(self.round_start_now(), self.records.get(&q.id))
    }

    /// Applies an action at time `now` (a plain number of milliseconds is
    /// UTC) and says what the shell must do.
    pub fn apply(&mut self, action: Action, now: impl Into<Now>) -> Vec<Effect> {
        self.now = now.into();
        let now_ms = self.now.ms();
        if self.now.end_of_day() != self.counts.day_end {
            // A new day: cards reviewed earlier may have fallen due.
            self.recount();
        }
        let before = (self.counts.tally.clone(), Rc::clone(&self.items));
        let learners_act = !matches!(action, Action::Transfer(_));
        if self.exam.is_some() && exam::is_held(&action) {
            return Vec::new();
        }
        let mut effects = Vec::new();
        match action {
            Action::Answer(answer) => self.edit(answer),
            Action::Attempt(attempt) => effects.extend(self.attempt(attempt, now_ms)),
            Action::View(change) => self.change_view(&change),
            Action::Navigate(step) => effects.extend(self.navigate(&step)),
            Action::List(change) => effects.extend(self.change_list(change, now_ms)),
            Action::Transfer(Transfer::ImportRecords(text)) => effects.extend(self.import(&text)),
            Action::Transfer(Transfer::MergeRecords(incoming)) => self.merge(incoming),
        }
        let (was, items_before) = before;
        let now = &self.counts.tally;
        let same_list = Rc::ptr_eq(&items_before, &self.items);
        let open = self.is_exam_open();
        if learners_act && !open && same_list && was.completed < was.total && now.completed == now.total {
            // A retry round's end tells the page about the whole list, and
            // only once all of it is done.
            let whole = self.whole_tally();
            if whole.completed == whole.total {
                effects.push(Effect::Host(HostEvent::Completed(whole)));
            }
        }
        effects
    }

    /// The quiz's schedulers, for views that show what a grade would do.
    pub fn schedulers(&self) -> &Rc<Schedulers> {
        &self.schedulers
    }

    /// Progress by question id.
    pub fn records(&self) -> &Records {
        &self.records
    }

    /// Indices into `quiz.questions` of the items in the current list.
    pub fn items(&self) -> &[usize] {
        &self.items
    }

    /// Topics of the questions in the current section, for the topic filter.
    pub fn topics(&self) -> Vec<String> {
        topics(&self.quiz, self.filters.section.as_deref())
    }
}

/// Topics of the questions in `section` (or all), each once, sorted as
/// people read them: case does not split `asyncio.run()` from `Architecture`.
pub fn topics(quiz: &Quiz, section: Option<&str>) -> Vec<String> {
    let mut topics: Vec<String> = quiz
        .questions
        .iter()
        .filter(|q| section.is_none_or(|s| q.section.as_deref() == Some(s)))
        .filter_map(|q| q.topic.clone())
        .collect();
    // Sorted by their folded form, kept in front of each topic: sorting plain
    // strings reuses the sort the widget already has (1.5 KB of wasm less than
    // a sort by key).
    let mut keyed: Vec<String> = topics
        .iter()
        .map(|t| format!("{}\u{0}{t}", crate::case_fold::fold(t)))
        .collect();
    keyed.sort_unstable();
    keyed.dedup();
    topics = keyed
        .into_iter()
        .filter_map(|k| k.split_once('\u{0}').map(|(_, t)| t.to_owned()))
        .collect();
    topics
}

/// The kind of a question by index, for the shell.
pub fn kind_of(quiz: &Quiz, index: usize) -> Option<&QuestionKind> {
    quiz.questions.get(index).map(|q| &q.kind)
}

mod action;
mod host;
pub use action::{Action, Answer, Attempt, List, Navigate, Transfer, View};
pub use host::{Host, HostEvent};
mod answer;
use answer::schedule_answer;
mod counts;
mod exam;
pub use exam::ExamState;
mod list;
use list::{counted, drawn, shown};
mod settings;
mod start;
mod sync;
pub use start::{HostChoices, Started};

#[cfg(test)]
mod props;

#[cfg(test)]
mod tests;
