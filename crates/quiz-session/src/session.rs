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

/// Everything the learner can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Pick the one choice (single) with this original index.
    Choose(usize),
    /// Tick or untick a choice (multiple).
    Toggle(usize),
    /// Answer a true/false statement.
    ChooseTruth(bool),
    /// Edit a short answer.
    Type(String),
    /// Move the item at one position of an ordering question to another.
    Move {
        from: usize,
        to: usize,
    },
    /// Match a matching question's left item with a right item, or with none.
    Match {
        left: usize,
        right: Option<usize>,
    },
    /// Type into a cloze text's blank, or pick one of its options.
    FillBlank {
        blank: usize,
        text: String,
    },
    /// Answer a tracing question: whether the program compiles, what it
    /// prints, the line of its first error.
    Trace {
        compiles: bool,
        output: String,
        line: Option<usize>,
    },
    /// Check the current answer and show feedback.
    Check,
    /// Hide feedback and answer again.
    TryAgain,
    /// Show the correct answer and the explanation after a wrong answer.
    RevealAnswer,
    ShowHint,
    /// Turn a flashcard over.
    Flip,
    GradeCard(Grade),
    /// Edit the notes of an exercise.
    WriteNotes(String),
    MarkDone(SelfAssessment),
    Next,
    Previous,
    /// Jump to the n-th item of the current list.
    GoTo(usize),
    PickSection(Option<String>),
    PickMode(Mode),
    FilterDifficulty(Option<Difficulty>),
    FilterTopic(Option<String>),
    /// From the summary: a list of only the items answered wrong.
    RetryWrong,
    /// From the summary: a new round of every item, from the first; earlier
    /// answers stay stored but are neither shown nor counted in the round.
    StartOver,
    /// Forget all progress of this quiz (the shell asked for confirmation).
    ResetProgress,
    /// Turn shuffling of questions and choices on with this seed, or off.
    Shuffle(Option<u64>),
    /// Submit the open exam attempt: the learner's choice, or the shell's at
    /// the time limit.
    SubmitExam,
    /// The learner's seed for the quiz's draws, from the shell's entropy;
    /// taken only when the learner has none yet (see [`Session::needs_draw_seed`]).
    SeedDraw(u64),
    /// Records arrived from storage or another tab; keep the newer of each.
    MergeRecords(Map<String, Record>),
    /// The learner imported a progress export: the text of its `records`
    /// object, as `transfer::read_export` found it in the file (the shell
    /// reads the file and refuses another quiz's or a broken one itself).
    ImportRecords(String),
}

/// What the shell must do after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write this question's record.
    SaveRecord(String),
    /// Remove every stored record of this quiz.
    ClearRecords,
    /// Write the session settings (mode, section, shuffle).
    SaveSettings,
    /// The learner graded an item (checked an answer, graded a card, assessed
    /// an exercise): tell the host page.
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
    /// An import finished: what it did, or why the file was refused.
    Imported(Result<crate::transfer::ImportSummary, String>),
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

impl Tally {
    /// What one question with `record` adds to a tally.
    fn of(question: &quiz_format::model::Question, record: Option<&Record>) -> Tally {
        let graded = !question.kind.name().is_self_graded();
        let points = u64::from(question.points()) * u64::from(graded);
        let credit = match record.map(|r| &r.state) {
            Some(ItemState::Answered { response, .. }) => crate::grade::credit(&question.kind, response).unwrap_or(0),
            _ => 0,
        };
        Tally {
            score: points * u64::from(credit),
            max_score: points * 1000,
            total: 1,
            completed: usize::from(record.is_some_and(Record::is_complete)),
            correct: usize::from(matches!(
                record.map(|r| &r.state),
                Some(ItemState::Answered { correct: true, .. })
            )),
            graded: usize::from(graded),
            answered: usize::from(matches!(record.map(|r| &r.state), Some(ItemState::Answered { .. }))),
        }
    }

    fn add(&mut self, other: &Tally) {
        self.total += other.total;
        self.completed += other.completed;
        self.correct += other.correct;
        self.graded += other.graded;
        self.answered += other.answered;
        self.score += other.score;
        self.max_score += other.max_score;
    }

    fn remove(&mut self, other: &Tally) {
        self.total = self.total.saturating_sub(other.total);
        self.completed = self.completed.saturating_sub(other.completed);
        self.correct = self.correct.saturating_sub(other.correct);
        self.graded = self.graded.saturating_sub(other.graded);
        self.answered = self.answered.saturating_sub(other.answered);
        self.score = self.score.saturating_sub(other.score);
        self.max_score = self.max_score.saturating_sub(other.max_score);
    }

    /// Whether the score reaches `pass_mark` percent of the points; `None`
    /// without a pass mark or without points to score.
    pub fn passed(&self, pass_mark: Option<u8>) -> Option<bool> {
        let mark = u64::from(pass_mark?);
        (self.max_score > 0).then(|| self.score * 100 >= mark * self.max_score)
    }
}

/// When `question` with `record` is due for review, if it is scheduled: a
/// new flashcard at once (`i64::MIN`), a graded question once answered.
fn due_time(schedulers: &Schedulers, question: &quiz_format::model::Question, record: Option<&Record>) -> Option<i64> {
    let kind = question.kind.name();
    schedulers.of(kind)?;
    match record.map(|r| r.state.schedule()) {
        Some(Some(schedule)) => Some(schedule.due_ms()),
        None if kind == KindName::Flashcard => Some(i64::MIN),
        _ => None,
    }
}

/// Gives an answer stored without a schedule (by version 1, or while the
/// quiz scheduled only flashcards) the one its last check gives, when its
/// kind is scheduled now: one review at the time of the answer, graded by
/// [`grade_of_check`].
fn schedule_answer(schedulers: &Schedulers, question: Option<&quiz_format::model::Question>, record: &mut Record) {
    let Some(question) = question else { return };
    if let ItemState::Answered {
        correct,
        attempts,
        schedule: schedule @ None,
        ..
    } = &mut record.state
    {
        let grade = grade_of_check(*correct, *attempts);
        *schedule = schedulers.next(question, None, grade, record.updated_ms);
    }
}

/// Which questions are drawn with `seed` (none is set yet: 0): in each pool
/// that draws (a section with `draw`, and the questions outside any section
/// with the quiz's `draw`), that many, picked by a shuffle seeded with the
/// learner's seed and the pool's name; every question of other pools.
fn drawn(quiz: &Quiz, seed: Option<u64>, list: Option<&(Option<String>, u16)>) -> Vec<bool> {
    let mut flags = vec![true; quiz.questions.len()];
    let pools = quiz.sections.iter().map(|s| (Some(s.id.as_str()), s.draw));
    for (section, draw) in std::iter::once((None, quiz.draw)).chain(pools) {
        // The host page's draw replaces the pool's own.
        let draw = match list {
            Some((list_section, n)) if list_section.as_deref() == section => Some(*n),
            _ => draw,
        };
        let Some(draw) = draw else { continue };
        let mut pool: Vec<usize> = (0..quiz.questions.len())
            .filter(|&i| quiz.questions.get(i).is_some_and(|q| q.section.as_deref() == section))
            .collect();
        shuffle(&mut pool, seed.unwrap_or(0) ^ fnv64(section.unwrap_or("")));
        for &i in pool.iter().skip(usize::from(draw)) {
            if let Some(flag) = flags.get_mut(i) {
                *flag = false;
            }
        }
    }
    flags
}

/// A flag per question (`len` of them), set for the indices in `set`.
fn flags(set: &[usize], len: usize) -> Vec<bool> {
    let mut flags = vec![false; len];
    for &i in set {
        if let Some(slot) = flags.get_mut(i) {
            *slot = true;
        }
    }
    flags
}

/// Whether `record` was made for the question `id` of `quiz` as it is now.
fn fits(quiz: &Quiz, index_of: &Map<String, usize>, id: &str, record: &Record) -> bool {
    index_of
        .get(id)
        .and_then(|&i| quiz.questions.get(i))
        .is_some_and(|q| record.fits(q))
}

/// `record` as the current round shows it: an answer given before the round
/// began is not shown (the item starts fresh). Cards and exercises are not
/// answers: their schedule and notes carry over.
fn shown(round_start: Option<i64>, record: Option<&Record>) -> Option<&Record> {
    record.filter(|r| {
        !(matches!(r.state, ItemState::Answered { .. }) && round_start.is_some_and(|start| r.updated_ms < start))
    })
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

    /// Drops records made for an earlier version of their question, and records
    /// of questions no longer in the quiz. Returns how many were dropped.
    pub(crate) fn drop_stale_records(&mut self) -> usize {
        let before = self.records.len();
        let (quiz, index_of) = (Rc::clone(&self.quiz), Rc::clone(&self.index_of));
        self.records.retain(|id, r| fits(&quiz, &index_of, id, r));
        before - self.records.len()
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
        match shown(self.round_start, self.records.get(&question.id)).map(|r| &r.state) {
            // In an open exam a saved answer stays open to change.
            Some(ItemState::Answered { response, .. }) => ItemView {
                draft: Some(response.clone()),
                checked: !self.is_exam_open(),
                ..ItemView::default()
            },
            // The items stand in their starting order, itself an answer.
            _ if question.kind.name() == KindName::Ordering => ItemView {
                draft: Some(Response::Order(self.start_order(index))),
                ..ItemView::default()
            },
            _ => ItemView::default(),
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
        shown(self.round_start, self.records.get(&q.id))
    }

    /// Whether the item passes the mode, the filters and the retry list
    /// (`only`, as a flag per question, so that listing is linear in the quiz).
    fn is_listed(&self, index: usize, only: Option<&[bool]>) -> bool {
        let Some(q) = self.quiz.questions.get(index) else {
            return false;
        };
        if !self.is_drawn(index) {
            return false;
        }
        let f = &self.filters;
        if f.section.as_ref().is_some_and(|s| q.section.as_ref() != Some(s))
            || f.difficulty.is_some_and(|d| q.difficulty != Some(d))
            || f.topic.as_ref().is_some_and(|t| q.topic.as_ref() != Some(t))
        {
            return false;
        }
        if only.is_some_and(|only| !quiz_stdx::or_never(only.get(index).copied(), false, "a flag per question")) {
            return false;
        }
        let record = self.records.get(&q.id);
        match self.mode {
            Mode::Practice => true,
            Mode::Review => record.is_some_and(Record::is_mistake),
            Mode::Due => self.is_due(q, record),
        }
    }

    /// Recomputes the item list after a change of mode, filters or shuffle.
    fn rebuild(&mut self) {
        let current = self.current();
        let only = self.only.as_ref().map(|only| flags(only, self.quiz.questions.len()));
        let mut items: Vec<usize> = (0..self.quiz.questions.len())
            .filter(|&i| self.is_listed(i, only.as_deref()))
            .collect();
        if let Some(seed) = self.shuffle_seed {
            shuffle(&mut items, seed);
        }
        self.listed = flags(&items, self.quiz.questions.len()).into();
        self.items = items.into();
        self.position = current
            .and_then(|c| self.items.iter().position(|&i| i == c))
            .unwrap_or(0);
        self.views.clear();
        self.recount();
    }

    /// Counts the header's figures from scratch: after the list or many records changed.
    fn recount(&mut self) {
        let mut tally = Tally::default();
        for &i in self.items.iter() {
            if let Some(q) = self.quiz.questions.get(i) {
                tally.add(&Tally::of(q, shown(self.round_start, self.records.get(&q.id))));
            }
        }
        let day_end = self.now.end_of_day();
        let due = self.due_times().filter(|&t| t <= day_end).count();
        self.counts = Counts {
            tally,
            due,
            next_due: self.find_next_due(),
            day_end,
        };
    }

    /// When each scheduled item of the current section is due.
    fn due_times(&self) -> impl Iterator<Item = i64> + '_ {
        let questions = self.quiz.questions.iter().enumerate();
        let section = questions.filter(|(i, q)| self.is_drawn(*i) && self.in_section(q));
        section.filter_map(|(_, q)| due_time(&self.schedulers, q, self.records.get(&q.id)))
    }

    /// Whether question `index` was drawn for this learner (every question
    /// is when its pool does not draw).
    fn is_drawn(&self, index: usize) -> bool {
        quiz_stdx::or_never(self.drawn.get(index).copied(), true, "a drawn flag per question")
    }

    /// Whether the quiz draws questions and the learner has no seed for it
    /// yet: the shell then sends [`Action::SeedDraw`].
    pub fn needs_draw_seed(&self) -> bool {
        let draws = self.quiz.draw.is_some() || self.quiz.sections.iter().any(|s| s.draw.is_some());
        self.draw_seed.is_none() && (draws || self.list_draw.is_some())
    }

    /// The host page's draw (the element's `draw`): of `section`'s
    /// questions, or of those outside any section, `draw` for each learner,
    /// in place of the pool's own.
    pub(crate) fn draw_list(&mut self, section: Option<String>, draw: u16) {
        self.list_draw = Some((section, draw));
        self.drawn = drawn(&self.quiz, self.draw_seed, self.list_draw.as_ref()).into();
        self.new_list(self.only.clone(), self.round_start);
    }

    /// The earliest due time after today in the current section.
    fn find_next_due(&self) -> Option<i64> {
        let day_end = self.now.end_of_day();
        self.due_times().filter(|&t| t > day_end).min()
    }

    /// Whether `question` with `record` is due by the end of today.
    fn is_due(&self, question: &quiz_format::model::Question, record: Option<&Record>) -> bool {
        due_time(&self.schedulers, question, record).is_some_and(|t| t <= self.now.end_of_day())
    }

    /// The order an ordering question's items start in: shuffled the same
    /// way for every learner, and never already right.
    pub fn start_order(&self, index: usize) -> Vec<usize> {
        let Some(q) = self.quiz.questions.get(index) else {
            return Vec::new();
        };
        let count = match &q.kind {
            QuestionKind::Ordering(kind) => kind.items.len(),
            _ => 0,
        };
        let mut order: Vec<usize> = (0..count).collect();
        shuffle(&mut order, fnv64(&q.id) ^ 0x6f72_6465_7269_6e67);
        if order.iter().enumerate().all(|(at, &i)| at == i) {
            order.rotate_left(1);
        }
        order
    }

    /// The order a matching question's right items are offered in
    /// (indices into [`quiz_format::Matching::rights`]): shuffled the same
    /// way for every learner.
    pub fn right_order(&self, index: usize) -> Vec<usize> {
        let Some(q) = self.quiz.questions.get(index) else {
            return Vec::new();
        };
        let count = match &q.kind {
            QuestionKind::Matching(kind) => kind.pairs.len() + kind.distractors.len(),
            _ => 0,
        };
        let mut order: Vec<usize> = (0..count).collect();
        shuffle(&mut order, fnv64(&q.id) ^ 0x6d61_7463_6869_6e67);
        order
    }

    /// The order to show a question's choices in (original indices).
    /// For a matching question, the order of its right items
    /// ([`Session::right_order`]).
    pub fn choice_order(&self, index: usize) -> Vec<usize> {
        if let Some(QuestionKind::Matching(_)) = self.quiz.questions.get(index).map(|q| &q.kind) {
            return self.right_order(index);
        }
        let count = self.quiz.questions.get(index).map_or(0, |q| q.kind.choices().len());
        let mut order: Vec<usize> = (0..count).collect();
        if let (Some(seed), Some(q)) = (self.shuffle_seed, self.quiz.questions.get(index)) {
            shuffle(&mut order, seed ^ fnv64(&q.id));
        }
        order
    }

    fn view_mut(&mut self, index: usize) -> &mut ItemView {
        let view = self.view(index);
        self.views.get_or_insert_with(index, || view)
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
        let learners_act = !matches!(action, Action::MergeRecords(_) | Action::ImportRecords(_));
        if self.exam.is_some() && exam::is_held(&action) {
            return Vec::new();
        }
        let mut effects = Vec::new();
        match action {
            Action::Choose(_)
            | Action::Toggle(_)
            | Action::ChooseTruth(_)
            | Action::Type(_)
            | Action::Move { .. }
            | Action::Match { .. }
            | Action::FillBlank { .. }
            | Action::Trace { .. } => self.edit(action),
            Action::Check => effects.extend(self.check(now_ms)),
            Action::TryAgain | Action::RevealAnswer | Action::ShowHint | Action::Flip => self.change_view(&action),
            Action::GradeCard(g) => effects.extend(self.grade_card(g, now_ms)),
            Action::WriteNotes(notes) => effects.extend(self.practise(Some(notes), None, now_ms)),
            Action::MarkDone(done) => effects.extend(self.practise(None, Some(done), now_ms)),
            Action::Next | Action::Previous | Action::GoTo(_) => effects.extend(self.navigate(&action)),
            Action::PickSection(section) => effects.extend(self.refilter(|f| f.section = section)),
            Action::FilterDifficulty(d) => effects.extend(self.refilter(|f| f.difficulty = d)),
            Action::FilterTopic(t) => effects.extend(self.refilter(|f| f.topic = t)),
            Action::PickMode(mode) => {
                self.mode = mode;
                // Reviewing mistakes or what is due is a new round: each item starts fresh.
                let fresh = matches!(mode, Mode::Review | Mode::Due);
                effects.extend(self.new_list(None, fresh.then_some(now_ms)));
            }
            Action::RetryWrong => {
                let wrong = self.items.iter().copied();
                let wrong = wrong
                    .filter(|&i| self.record_of(i).is_some_and(Record::is_mistake))
                    .collect();
                effects.extend(self.new_list(Some(wrong), Some(now_ms)));
            }
            Action::StartOver => match self.next_attempt(now_ms) {
                Some(next) => effects.extend(next),
                None => effects.extend(self.new_list(None, Some(now_ms))),
            },
            Action::SubmitExam => effects.extend(self.submit_exam()),
            Action::ResetProgress => {
                self.records.clear();
                effects.push(Effect::ClearRecords);
                effects.extend(self.new_list(None, None));
            }
            Action::Shuffle(seed) => {
                self.shuffle_seed = seed;
                effects.extend(self.new_list(self.only.clone(), self.round_start));
            }
            Action::SeedDraw(seed) if self.draw_seed.is_none() => {
                self.draw_seed = Some(seed);
                self.drawn = drawn(&self.quiz, Some(seed), self.list_draw.as_ref()).into();
                effects.extend(self.new_list(self.only.clone(), self.round_start));
            }
            Action::SeedDraw(_) => {}
            Action::ImportRecords(text) => effects.extend(self.import(&text)),
            Action::MergeRecords(incoming) => self.merge(incoming),
        }
        let (was, items_before) = before;
        let now = &self.counts.tally;
        let same_list = Rc::ptr_eq(&items_before, &self.items);
        let open = self.is_exam_open();
        if learners_act && !open && same_list && was.completed < was.total && now.completed == now.total {
            effects.push(Effect::Completed(now.clone()));
        }
        effects
    }

    /// Starts a new list: the mode and filters as they are, only `only` (by
    /// index) if given, and a new round from `round_start` if given.
    fn new_list(&mut self, only: Option<Vec<usize>>, round_start: Option<i64>) -> Vec<Effect> {
        self.only = only;
        self.round_start = round_start;
        self.rebuild();
        self.position = 0;
        vec![Effect::SaveSettings]
    }

    fn refilter(&mut self, change: impl FnOnce(&mut Filters)) -> Vec<Effect> {
        change(&mut self.filters);
        self.new_list(None, None)
    }

    /// Next, Previous and GoTo; where the learner is is remembered.
    fn navigate(&mut self, action: &Action) -> Vec<Effect> {
        let to = match action {
            Action::Next => (self.position + 1).min(self.items.len()),
            Action::Previous => self.position.saturating_sub(1),
            Action::GoTo(n) => (*n).min(self.items.len()),
            _ => self.position,
        };
        if to == self.position {
            return Vec::new();
        }
        // The last move of an item left behind is not announced again.
        if let Some(i) = self.current() {
            if self.views.get(&i).is_some_and(|v| v.moved.is_some()) {
                self.view_mut(i).moved = None;
            }
        }
        self.position = to;
        vec![Effect::SaveSettings]
    }

    /// Edits the answer being composed on the current item, unless it is checked.
    fn edit(&mut self, action: Action) {
        let Some(i) = self.current().filter(|_| !self.is_exam_submitted()) else {
            return;
        };
        // How many parts an answer of a matching or cloze question has.
        let parts = match self.quiz.questions.get(i).map(|q| &q.kind) {
            Some(QuestionKind::Matching(kind)) => kind.pairs.len(),
            Some(QuestionKind::Cloze(kind)) => kind.blanks.len(),
            _ => 0,
        };
        let view = self.view_mut(i);
        if view.checked {
            return;
        }
        view.draft = Some(match action {
            Action::Choose(c) => Response::Choice(c),
            Action::Toggle(c) => {
                let mut picked = match view.draft.take() {
                    Some(Response::Choices(list)) => list,
                    _ => Vec::new(),
                };
                match picked.binary_search(&c) {
                    Ok(at) => {
                        picked.remove(at);
                    }
                    Err(at) => picked.insert(at, c),
                }
                Response::Choices(picked)
            }
            Action::ChooseTruth(b) => Response::Bool(b),
            Action::Type(text) => Response::Text(text),
            Action::Move { from, to } => {
                let Some(Response::Order(mut order)) = view.draft.take() else {
                    quiz_stdx::never!("an ordering question always has an order");
                    return;
                };
                if from < order.len() && to < order.len() {
                    let item = order.remove(from);
                    order.insert(to, item);
                    view.moved = Some(Moved { item, from, to });
                }
                Response::Order(order)
            }
            Action::Match { left, right } => {
                let mut picks = match view.draft.take() {
                    Some(Response::Matches(picks)) => picks,
                    _ => vec![None; parts],
                };
                if let Some(pick) = picks.get_mut(left) {
                    *pick = right;
                }
                Response::Matches(picks)
            }
            Action::FillBlank { blank, text } => {
                let mut texts = match view.draft.take() {
                    Some(Response::Blanks(texts)) => texts,
                    _ => vec![String::new(); parts],
                };
                if let Some(slot) = texts.get_mut(blank) {
                    *slot = text;
                }
                Response::Blanks(texts)
            }
            Action::Trace { compiles, output, line } => Response::Trace { compiles, output, line },
            _ => return,
        });
    }

    /// TryAgain, RevealAnswer, ShowHint and Flip: what the current item shows.
    fn change_view(&mut self, action: &Action) {
        let Some(i) = self.current() else { return };
        let hints = self.quiz.questions.get(i).map_or(0, |q| q.hints.len());
        let view = self.view_mut(i);
        match action {
            Action::TryAgain => {
                view.checked = false;
                view.revealed = false;
            }
            Action::RevealAnswer => view.revealed = view.checked,
            Action::ShowHint => view.hints_shown = view.hints_shown.saturating_add(1).min(hints),
            Action::Flip => view.flipped = !view.flipped,
            _ => {}
        }
    }

    fn grade_card(&mut self, grade: Grade, now_ms: i64) -> Vec<Effect> {
        let Some((i, id)) = self.current_of_kind(KindName::Flashcard) else {
            return Vec::new();
        };
        let Some(schedule) = self.next_schedule(i, grade, now_ms) else {
            return Vec::new();
        };
        let reviews = match self.records.get(&id).map(|r| &r.state) {
            Some(ItemState::Reviewed { reviews, .. }) => reviews + 1,
            _ => 1,
        };
        let state = ItemState::Reviewed {
            schedule,
            last: grade,
            reviews,
        };
        self.put_record(i, now_ms, state);
        let answered = Effect::Answered {
            question_id: id.clone(),
            kind: KindName::Flashcard,
            correct: grade != Grade::Again,
            attempts: reviews,
            rating: Some(grade.as_str()),
        };
        // Grading moves on, as in every flashcard app.
        let mut effects = vec![Effect::SaveRecord(id), answered];
        effects.extend(self.navigate(&Action::Next));
        effects
    }

    /// Writes an exercise's notes or its self-assessment, keeping the other.
    fn practise(&mut self, notes: Option<String>, done: Option<SelfAssessment>, now_ms: i64) -> Vec<Effect> {
        let Some((i, id)) = self.current_of_kind(KindName::Exercise) else {
            return Vec::new();
        };
        let (old_notes, old_done) = self.practised(&id);
        let assessed = done.is_some();
        let done = done.or(old_done);
        let notes = notes.unwrap_or(old_notes);
        self.put_record(i, now_ms, ItemState::Practised { notes, done });
        let mut effects = vec![Effect::SaveRecord(id.clone())];
        if let (true, Some(done)) = (assessed, done) {
            effects.push(Effect::Answered {
                question_id: id,
                kind: KindName::Exercise,
                correct: done == SelfAssessment::Confident,
                attempts: 1,
                rating: Some(done.as_str()),
            });
        }
        effects
    }

    fn import(&mut self, text: &str) -> Vec<Effect> {
        let quiz = Rc::clone(&self.quiz);
        let index_of = Rc::clone(&self.index_of);
        let schedulers = Rc::clone(&self.schedulers);
        let admit = |id: &str, r: &mut Record| {
            let question = index_of.get(id).and_then(|&i| quiz.questions.get(i));
            schedule_answer(&schedulers, question, r);
            fits(&quiz, &index_of, id, r)
        };
        match crate::transfer::import_records(text, admit, &mut self.records) {
            Ok((changed, summary)) => {
                for id in &changed {
                    if let Some(i) = self.index_of.get(id) {
                        self.views.remove(i);
                    }
                }
                self.recount();
                let mut effects: Vec<Effect> = changed.into_iter().map(Effect::SaveRecord).collect();
                effects.push(Effect::Imported(Ok(summary)));
                effects
            }
            Err(message) => vec![Effect::Imported(Err(message))],
        }
    }

    /// Takes records from storage or another tab, keeping the newer of each.
    fn merge(&mut self, mut incoming: Map<String, Record>) {
        // Records for another version of a question, or for one that is
        // not in this quiz, are not taken: they would replace one that fits.
        let (quiz, index_of) = (Rc::clone(&self.quiz), Rc::clone(&self.index_of));
        incoming.retain(|id, r| fits(&quiz, &index_of, id, r));
        for (id, record) in incoming.iter_mut() {
            schedule_answer(&self.schedulers, self.question(id), record);
        }
        let before: Vec<(String, Option<Record>)> = incoming
            .keys()
            .map(|id| (id.clone(), self.records.get(id).cloned()))
            .collect();
        let changed = crate::progress::merge(&mut self.records, incoming);
        // Usually one record from another tab: only what changed is
        // counted again, so that it costs the same in a quiz of any size.
        // Finding each old record is a scan of `before`; when that would
        // cost more than a pass over the quiz, the figures are recounted.
        let recount = changed.len().saturating_mul(before.len()) > quiz.questions.len();
        if recount {
            self.recount();
        }
        for id in &changed {
            let Some(&i) = index_of.get(id) else { continue };
            if !recount {
                let old = before
                    .iter()
                    .find(|(known, _)| known == id)
                    .and_then(|(_, r)| r.as_ref());
                self.account(i, old);
            }
            // An item showing feedback for an older answer shows the newer
            // record instead; an answer being composed is left alone.
            if self.views.get(&i).is_some_and(|v| v.checked || v.draft.is_none()) {
                self.views.remove(&i);
            }
        }
    }

    fn current_of_kind(&self, kind: KindName) -> Option<(usize, String)> {
        let i = self.current()?;
        let q = self.quiz.questions.get(i)?;
        (q.kind.name() == kind).then(|| (i, q.id.clone()))
    }

    fn practised(&self, id: &str) -> (String, Option<SelfAssessment>) {
        match self.records.get(id).map(|r| &r.state) {
            Some(ItemState::Practised { notes, done }) => (notes.clone(), *done),
            _ => (String::new(), None),
        }
    }

    fn put_record(&mut self, index: usize, now_ms: i64, state: ItemState) {
        if let Some(q) = self.quiz.questions.get(index) {
            let record = Record {
                question_hash: q.content_hash(),
                updated_ms: now_ms,
                state,
            };
            let old = self.records.insert(q.id.clone(), record);
            self.account(index, old.as_ref());
        }
    }

    /// Moves the header's figures for question `index` from its record `old`
    /// to the one it has now. The score counts the current list as the round
    /// shows it; cards due count the current section.
    fn account(&mut self, index: usize, old: Option<&Record>) {
        let Some(q) = self.quiz.questions.get(index) else {
            return;
        };
        let new = self.records.get(&q.id);
        let listed = self.listed.get(index).copied().unwrap_or_else(|| {
            quiz_stdx::never!("question {index} has no listed flag");
            false
        });
        if listed {
            self.counts.tally.remove(&Tally::of(q, shown(self.round_start, old)));
            self.counts.tally.add(&Tally::of(q, shown(self.round_start, new)));
        }
        if self.is_drawn(index) && self.in_section(q) {
            let (was, is) = (due_time(&self.schedulers, q, old), due_time(&self.schedulers, q, new));
            let day_end = self.counts.day_end;
            let counts = &mut self.counts;
            if was.is_some_and(|t| t <= day_end) {
                counts.due = counts.due.saturating_sub(1);
            }
            match is {
                Some(t) if t <= day_end => counts.due += 1,
                Some(t) => counts.next_due = Some(counts.next_due.map_or(t, |n| n.min(t))),
                None => {}
            }
            // The earliest later review moved away: look for the next one.
            if was.is_some() && was == counts.next_due && is != was {
                self.counts.next_due = self.find_next_due();
            }
        }
    }

    /// The schedule of question `index` after a review graded `grade` at
    /// `now_ms`, if its kind is scheduled.
    fn next_schedule(&self, index: usize, grade: Grade, now_ms: i64) -> Option<Schedule> {
        let q = self.quiz.questions.get(index)?;
        let previous = self.records.get(&q.id).and_then(|r| r.state.schedule());
        self.schedulers.next(q, previous, grade, now_ms)
    }

    /// When the current flashcard would be due if graded `grade` at `now_ms`.
    pub fn comes_back(&self, grade: Grade, now_ms: i64) -> Option<i64> {
        let (i, _) = self.current_of_kind(KindName::Flashcard)?;
        Some(self.next_schedule(i, grade, now_ms)?.due_ms())
    }

    /// The quiz's schedulers, for views that show what a grade would do.
    pub fn schedulers(&self) -> &Rc<Schedulers> {
        &self.schedulers
    }

    fn in_section(&self, q: &quiz_format::model::Question) -> bool {
        let section = self.filters.section.as_deref();
        section.is_none_or(|s| q.section.as_deref() == Some(s))
    }

    fn check(&mut self, now_ms: i64) -> Vec<Effect> {
        let Some(i) = self.current().filter(|_| !self.is_exam_submitted()) else {
            return Vec::new();
        };
        let view = self.view(i);
        let Some(question) = self.quiz.questions.get(i) else {
            return Vec::new();
        };
        let Some(response) = view.draft.filter(|r| is_answerable(&question.kind, r)) else {
            return Vec::new();
        };
        if view.checked {
            return Vec::new();
        }
        let Some(correct) = grade(&question.kind, &response) else {
            return Vec::new();
        };
        // Attempts count within the round: a new round starts them afresh.
        let attempts = match self.record_of(i).map(|r| &r.state) {
            Some(ItemState::Answered { attempts, .. }) => attempts + 1,
            _ => 1,
        };
        let (id, kind) = (question.id.clone(), question.kind.name());
        let schedule = self.next_schedule(i, grade_of_check(correct, attempts), now_ms);
        let state = ItemState::Answered {
            response: response.clone(),
            correct,
            attempts,
            schedule,
        };
        self.put_record(i, now_ms, state);
        if self.is_exam_open() {
            // Saved, not checked: nothing tells the learner or the page how it went.
            self.exam_answer_saved(now_ms);
            self.view_mut(i).draft = Some(response);
            // The settings keep when the attempt began, for its time limit.
            return vec![Effect::SaveRecord(id), Effect::SaveSettings];
        }
        let view = self.view_mut(i);
        view.draft = Some(response);
        view.checked = true;
        vec![
            Effect::SaveRecord(id.clone()),
            Effect::Answered {
                question_id: id,
                kind,
                correct,
                attempts,
                rating: None,
            },
        ]
    }

    /// Each graded item of the current list with its result, as the round
    /// shows it.
    pub fn results(&self) -> Vec<ItemResult> {
        let graded = self.items.iter().filter_map(|&i| self.quiz.questions.get(i));
        graded
            .filter(|q| !q.kind.name().is_self_graded())
            .map(|q| self.result_of(q))
            .collect()
    }

    /// One graded question's result, as the round shows it (`None` for a
    /// self-graded kind or an id the quiz does not have).
    pub fn result(&self, question_id: &str) -> Option<ItemResult> {
        let question = self.question(question_id)?;
        (!question.kind.name().is_self_graded()).then(|| self.result_of(question))
    }

    fn result_of(&self, q: &Question) -> ItemResult {
        let tally = Tally::of(q, shown(self.round_start, self.records.get(&q.id)));
        ItemResult {
            question_id: q.id.clone(),
            correct: tally.correct > 0,
            score: tally.score,
            max_score: tally.max_score,
        }
    }

    /// The score of the current list.
    pub fn tally(&self) -> Tally {
        self.counts.tally.clone()
    }

    /// Progress by question id.
    pub fn records(&self) -> &Records {
        &self.records
    }

    /// Indices into `quiz.questions` of the items in the current list.
    pub fn items(&self) -> &[usize] {
        &self.items
    }

    /// The settings as stored: mode, section, shuffle seed, the current
    /// round with its retry list, and the item the learner is on (by id, so
    /// that an edited quiz does not move them to another item).
    pub fn settings_json(&self) -> String {
        let mut w = Writer::compact();
        w.open('{').key("mode").string(self.mode.as_str());
        if let Some(section) = &self.filters.section {
            w.key("section").string(section);
        }
        if let Some(seed) = self.shuffle_seed {
            w.key("seed").string(&format!("{seed:x}"));
        }
        if let Some(seed) = self.draw_seed {
            w.key("draw").string(&format!("{seed:x}"));
        }
        self.write_exam(&mut w);
        if let Some(start) = self.round_start {
            w.key("round").string(&format!("{start:x}"));
        }
        if let Some(only) = &self.only {
            w.key("only").open('[');
            for q in only.iter().filter_map(|&i| self.quiz.questions.get(i)) {
                w.string(&q.id);
            }
            w.close(']');
        }
        match self.current().and_then(|i| self.quiz.questions.get(i)) {
            Some(q) => w.key("at").string(&q.id),
            None if self.is_at_summary() => w.key("at").raw("null"),
            None => &mut w,
        };
        w.close('}');
        w.finish()
    }

    /// Restores stored settings, ignoring anything unreadable or no longer
    /// in the quiz. Returns whether anything was restored.
    pub(crate) fn restore_settings(&mut self, stored: &str) -> bool {
        let Ok(root) = json::parse(stored) else { return false };
        let text = |name: &str| root.get(name).and_then(|n| n.as_str());
        self.shuffle_seed = text("seed").and_then(|s| u64::from_str_radix(s, 16).ok());
        self.draw_seed = text("draw").and_then(|s| u64::from_str_radix(s, 16).ok());
        self.drawn = drawn(&self.quiz, self.draw_seed, self.list_draw.as_ref()).into();
        self.read_exam(&root);
        self.filters.section = text("section")
            .filter(|s| self.quiz.sections.iter().any(|section| section.id == *s))
            .map(str::to_owned);
        self.mode = text("mode").and_then(Mode::from_name).unwrap_or_default();
        self.round_start = text("round")
            .and_then(|s| u64::from_str_radix(s, 16).ok())
            .and_then(|t| i64::try_from(t).ok());
        self.only = match root.get("only").map(|n| &n.value) {
            Some(json::Value::Array(ids)) => Some(
                ids.iter()
                    .filter_map(|id| self.index_of.get(id.as_str()?).copied())
                    .collect(),
            ),
            _ => None,
        };
        self.rebuild();
        self.position = match root.get("at").map(|n| &n.value) {
            Some(json::Value::Null) => self.items.len(),
            Some(json::Value::String(id)) => {
                let index = self.index_of.get(id.as_ref());
                index.and_then(|i| self.items.iter().position(|j| j == i)).unwrap_or(0)
            }
            _ => 0,
        };
        true
    }

    /// Score per topic of the current list, sorted by topic; items without a
    /// topic are under "". A sorted list rather than a `BTreeMap`, whose
    /// code the wasm does not otherwise need (1.5 KB).
    pub fn tally_by_topic(&self) -> Vec<(String, Tally)> {
        let mut by_topic: Vec<(String, Tally)> = Vec::new();
        for q in self.items.iter().filter_map(|&i| self.quiz.questions.get(i)) {
            let topic = q.topic.as_deref().unwrap_or_default();
            let at = match by_topic.binary_search_by(|(t, _)| t.as_str().cmp(topic)) {
                Ok(at) => at,
                Err(at) => {
                    by_topic.insert(at, (topic.to_owned(), Tally::default()));
                    at
                }
            };
            let tally = Tally::of(q, shown(self.round_start, self.records.get(&q.id)));
            match by_topic.get_mut(at) {
                Some((_, sum)) => sum.add(&tally),
                None => quiz_stdx::never!("topic {at} was just found or inserted"),
            }
        }
        by_topic
    }

    /// Items of the current section (or the whole quiz) due by the end of
    /// today: flashcards (new ones included) and graded questions answered
    /// before, when the quiz schedules them.
    pub fn due(&self) -> usize {
        self.counts.due
    }

    /// When the next item of the current section falls due after today, if any.
    pub fn next_due(&self) -> Option<i64> {
        self.counts.next_due
    }

    /// Whether spaced repetition schedules `question`.
    pub fn schedules(&self, question: &quiz_format::model::Question) -> bool {
        self.schedulers.of(question.kind.name()).is_some()
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

mod exam;
pub use exam::ExamState;
mod start;
pub use start::{HostChoices, Started};

#[cfg(test)]
mod props;

#[cfg(test)]
mod tests {
    use super::*;

    fn quiz(questions: &[(&str, &str)]) -> Rc<ValidQuiz> {
        let items: Vec<String> = questions
            .iter()
            .map(|(id, prompt)| {
                format!(
                    r#"{{"id": "{id}", "type": "single", "prompt": "{prompt}", "choices": ["a", "b"], "answer": 1, "explanation": "e"}}"#
                )
            })
            .collect();
        let text = format!(r#"{{"id": "t", "title": "T", "questions": [{}]}}"#, items.join(","));
        Rc::new(quiz_format::load(&text).quiz.unwrap())
    }

    fn answer_all(session: &mut Session) {
        for _ in 0..session.items.len() {
            session.apply(Action::Choose(1), 10);
            session.apply(Action::Check, 10);
            session.apply(Action::Next, 10);
        }
    }

    #[test]
    fn check_grades_counts_attempts_and_asks_to_save() {
        let mut s = Session::new(quiz(&[("q1", "p1")]), Map::default(), 0);
        assert_eq!(s.apply(Action::Check, 1), vec![], "nothing picked, nothing checked");
        s.apply(Action::Choose(0), 1);
        let effects = s.apply(Action::Check, 2);
        let answered = |correct, attempts| Effect::Answered {
            question_id: "q1".into(),
            kind: KindName::Single,
            correct,
            attempts,
            rating: None,
        };
        let done = Tally {
            total: 1,
            completed: 1,
            correct: 0,
            graded: 1,
            answered: 1,
            score: 0,
            max_score: 1000,
        };
        assert_eq!(
            effects,
            vec![
                Effect::SaveRecord("q1".into()),
                answered(false, 1),
                Effect::Completed(done.clone()),
            ],
            "answering the last unanswered item completes the quiz"
        );
        s.apply(Action::Choose(1), 3);
        assert_eq!(
            s.view(0).draft,
            Some(Response::Choice(0)),
            "a checked answer cannot be changed"
        );
        s.apply(Action::TryAgain, 3);
        s.apply(Action::Choose(1), 3);
        let effects = s.apply(Action::Check, 4);
        assert_eq!(
            effects,
            vec![Effect::SaveRecord("q1".into()), answered(true, 2)],
            "completed once, not again"
        );
        assert_eq!(
            s.tally(),
            Tally {
                correct: 1,
                score: 1000,
                ..done
            }
        );
        assert_eq!(s.apply(Action::Next, 5), vec![Effect::SaveSettings]);
        assert!(s.is_at_summary());
    }

    #[test]
    fn start_over_and_retry_are_fresh_rounds_that_a_reload_keeps() {
        let quiz = quiz(&[("q1", "p1"), ("q2", "p2"), ("q3", "p3")]);
        let mut s = Session::new(Rc::clone(&quiz), Map::default(), 0);
        for (choice, t) in [(1, 10), (0, 11), (1, 12)] {
            s.apply(Action::Choose(choice), t);
            s.apply(Action::Check, t);
            s.apply(Action::Next, t);
        }
        assert!(s.is_at_summary());
        assert_eq!((s.tally().completed, s.tally().correct), (3, 2));

        s.apply(Action::RetryWrong, 20);
        assert_eq!(s.items(), &[1], "only the wrong one");
        assert_eq!(
            s.tally().completed,
            0,
            "the header counts the round: nothing answered yet"
        );
        assert!(!s.view(1).checked, "the item starts fresh");
        assert_eq!(s.record_of(1), None);
        assert_eq!(s.records().len(), 3, "earlier answers stay stored");

        // A reload in the middle of the round comes back to it.
        let again = |s: &Session| {
            let mut fresh = Session::new(Rc::clone(&quiz), s.records().clone(), 30);
            assert!(fresh.restore_settings(&s.settings_json()));
            fresh
        };
        let reloaded = again(&s);
        assert_eq!((reloaded.items(), reloaded.tally()), (s.items(), s.tally()));

        s.apply(Action::Choose(1), 21);
        let effects = s.apply(Action::Check, 21);
        assert!(effects
            .iter()
            .any(|e| matches!(e, Effect::Completed(t) if t.correct == 1 && t.total == 1)));
        s.apply(Action::StartOver, 22);
        assert_eq!(s.items().len(), 3);
        assert_eq!(s.tally().completed, 0);
        s.apply(Action::GoTo(2), 23);
        let reloaded = again(&s);
        assert_eq!(
            (reloaded.position, reloaded.tally().completed),
            (2, 0),
            "same item, same round"
        );

        // Practising again ends the round: every answer counts again.
        s.apply(Action::PickMode(Mode::Practice), 24);
        assert_eq!((s.tally().completed, s.tally().correct), (3, 3));
        s.apply(Action::GoTo(1), 25);
        assert_eq!(again(&s).position, 1, "a reload restores the item");
    }

    #[test]
    fn editing_one_question_drops_only_its_progress() {
        let before = quiz(&[("q1", "p1"), ("q2", "p2"), ("q3", "p3")]);
        let mut s = Session::new(Rc::clone(&before), Map::default(), 0);
        answer_all(&mut s);
        let records = s.records.clone();
        // q2 edited, q3 removed, q0 inserted at the top: q1 keeps its answer.
        let after = quiz(&[("q0", "new"), ("q1", "p1"), ("q2", "p2 edited")]);
        let s = Session::new(after, records, 0);
        let mut kept: Vec<&String> = s.records.keys().collect();
        kept.sort();
        assert_eq!(kept, vec!["q1"]);
        assert!(s.record_of(1).is_some(), "q1 is now at index 1 and still answered");
    }

    #[test]
    fn review_mode_lists_only_mistakes_and_retry_wrong_starts_fresh() {
        let mut s = Session::new(quiz(&[("q1", "p1"), ("q2", "p2")]), Map::default(), 0);
        s.apply(Action::Choose(0), 1);
        s.apply(Action::Check, 1);
        s.apply(Action::Next, 1);
        s.apply(Action::Choose(1), 1);
        s.apply(Action::Check, 1);
        s.apply(Action::Next, 1);
        s.apply(Action::RetryWrong, 2);
        assert_eq!(s.items(), [0]);
        assert_eq!(s.view(0), ItemView::default());
        s.apply(Action::PickMode(Mode::Review), 3);
        assert_eq!(s.items(), [0]);
    }

    #[test]
    fn due_mode_lists_cards_and_questions_due_today() {
        let text = r#"{"id": "c", "title": "C", "questions": [
            {"id": "c1", "type": "flashcard", "prompt": "f1", "back": "b1"},
            {"id": "c2", "type": "flashcard", "prompt": "f2", "back": "b2"},
            {"id": "s", "type": "single", "prompt": "p", "choices": ["a", "b"], "answer": 0}]}"#;
        let quiz = Rc::new(quiz_format::load(text).quiz.unwrap());
        let day = crate::schedule::DAY_MS;
        let mut s = Session::new(quiz, Map::default(), 0);
        s.apply(Action::PickMode(Mode::Due), 0);
        assert_eq!(s.items(), [0, 1], "new cards are due; an unanswered question is not");
        s.apply(Action::Flip, 0);
        s.apply(Action::GradeCard(Grade::Easy), 0);
        assert_eq!(
            (s.due(), s.next_due()),
            (1, Some(8 * day)),
            "Easy on a new card: 8 days"
        );
        // The question answered right at once comes back in 2 days (Good).
        s.apply(Action::PickMode(Mode::Practice), 0);
        s.apply(Action::GoTo(2), 0);
        s.apply(Action::Choose(0), 0);
        s.apply(Action::Check, 0);
        assert_eq!((s.due(), s.next_due()), (1, Some(2 * day)));
        s.apply(Action::PickMode(Mode::Due), 2 * day);
        assert_eq!(s.items(), [1, 2]);
        assert_eq!(s.view(2), ItemView::default(), "a due question starts fresh");
        s.apply(Action::PickMode(Mode::Due), 8 * day);
        assert_eq!(s.items(), [0, 1, 2]);
    }

    #[test]
    fn due_today_is_the_learners_day() {
        use crate::schedule::Now;
        let text = r#"{"id": "c", "title": "C", "questions": [
            {"id": "s", "type": "single", "prompt": "p", "choices": ["a", "b"], "answer": 0}]}"#;
        let quiz = Rc::new(quiz_format::load(text).quiz.unwrap());
        let (day, hour) = (crate::schedule::DAY_MS, 3_600_000);
        // A learner in California (UTC-8) answers right at noon, 20:00 UTC:
        // the question comes back in 2 days, at noon two days later.
        let california = |ms: i64| Now::local(ms, -8 * 60);
        let mut s = Session::new(quiz, Map::default(), california(20 * hour));
        s.apply(Action::Choose(0), california(20 * hour));
        s.apply(Action::Check, california(20 * hour));
        assert_eq!(s.next_due(), Some(2 * day + 20 * hour));
        // The evening before, 20:00 there, is already that day in Greenwich.
        s.apply(Action::PickMode(Mode::Due), california(2 * day + 4 * hour));
        assert_eq!(
            (s.due(), s.items().len()),
            (0, 0),
            "not due before the learner's midnight"
        );
        s.apply(Action::PickMode(Mode::Due), 2 * day + 4 * hour);
        assert_eq!(s.due(), 1, "a UTC clock counts it: the learner's clock is what differs");
        s.apply(Action::PickMode(Mode::Due), california(2 * day + 8 * hour));
        assert_eq!(
            (s.due(), s.items()),
            (1, &[0][..]),
            "due from the learner's midnight on"
        );
    }

    #[test]
    fn answers_without_a_schedule_get_the_one_their_last_check_gives() {
        use crate::schedule::Logged;
        let q = quiz(&[("q1", "p1"), ("q2", "p2")]);
        let v1 = |i: usize, t: i64| {
            let hash = q.questions[i].content_hash();
            let text = format!(r#"{{"v":1,"h":"{hash:016x}","t":{t},"k":"answer","r":0,"c":false,"n":1}}"#);
            Record::from_json(&text).unwrap()
        };
        // Loaded from storage: a wrong answer is a review graded Again at its time.
        let mut s = Session::new(Rc::clone(&q), Map::from_iter([("q1".to_owned(), v1(0, 5_000))]), 10_000);
        let schedule = s.records().get("q1").and_then(|r| r.state.schedule()).unwrap();
        assert_eq!(
            schedule.log(),
            &[Logged {
                at_ms: 5_000,
                grade: Grade::Again
            }]
        );
        assert_eq!(s.due(), 1);
        // From a tab still on version 1: the same.
        s.apply(
            Action::MergeRecords(Map::from_iter([("q2".to_owned(), v1(1, 6_000))])),
            11_000,
        );
        let schedule = s.records().get("q2").and_then(|r| r.state.schedule()).unwrap();
        assert_eq!(
            schedule.log(),
            &[Logged {
                at_ms: 6_000,
                grade: Grade::Again
            }]
        );
        assert_eq!(s.due(), 2);
        // From a progress export made by version 1: the same, and saved as version 2.
        let hash = q.questions[0].content_hash();
        let export = format!(
            r#"{{"format": "quiz-widget-progress", "version": 1, "quiz": "t", "exported": "1970-01-01T00:00:10Z",
                "records": {{"q1": {{"v":1,"h":"{hash:016x}","t":5000,"k":"answer","r":0,"c":false,"n":1}}}}}}"#
        );
        let mut fresh = Session::new(Rc::clone(&q), Map::default(), 10_000);
        let records = crate::transfer::read_export(&export, "t").unwrap().to_owned();
        let effects = fresh.apply(Action::ImportRecords(records), 12_000);
        assert!(effects.contains(&Effect::SaveRecord("q1".to_owned())), "{effects:?}");
        let schedule = fresh.records().get("q1").and_then(|r| r.state.schedule()).unwrap();
        assert_eq!(
            schedule.log(),
            &[Logged {
                at_ms: 5_000,
                grade: Grade::Again
            }]
        );
    }

    #[test]
    fn a_quiz_can_schedule_flashcards_only() {
        let text = r#"{"id": "c", "title": "C", "spaced_repetition": "flashcards", "retention": 0.95, "questions": [
            {"id": "c1", "type": "flashcard", "prompt": "f1", "back": "b1"},
            {"id": "s", "type": "single", "prompt": "p", "choices": ["a", "b"], "answer": 0}]}"#;
        let quiz = Rc::new(quiz_format::load(text).quiz.unwrap());
        let mut s = Session::new(quiz, Map::default(), 0);
        s.apply(Action::GoTo(1), 0);
        s.apply(Action::Choose(1), 0);
        s.apply(Action::Check, 0);
        let record = s.record_of(1).unwrap();
        assert!(record.state.schedule().is_none());
        assert_eq!((s.due(), s.next_due()), (1, None), "only the new card");
        // Retention 0.95 brings an Easy card back sooner than 0.9 would (8 days).
        s.apply(Action::GoTo(0), 0);
        s.apply(Action::Flip, 0);
        let back = s.comes_back(Grade::Easy, 0).unwrap();
        s.apply(Action::GradeCard(Grade::Easy), 0);
        assert_eq!(s.next_due(), Some(back));
        assert!(back < 8 * crate::schedule::DAY_MS, "{back}");
    }

    #[test]
    fn shuffle_is_deterministic_per_seed() {
        let q: Vec<(String, String)> = (0..20).map(|i| (format!("q{i}"), format!("p{i}"))).collect();
        let refs: Vec<(&str, &str)> = q.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let mut a = Session::new(quiz(&refs), Map::default(), 0);
        let mut b = a.clone();
        a.apply(Action::Shuffle(Some(42)), 0);
        b.apply(Action::Shuffle(Some(42)), 0);
        assert_eq!(a.items(), b.items());
        assert_ne!(a.items(), &(0..20).collect::<Vec<_>>()[..]);
        assert_eq!(a.choice_order(3), b.choice_order(3));
        a.apply(Action::Shuffle(None), 0);
        assert_eq!(a.items(), &(0..20).collect::<Vec<_>>()[..]);
    }

    #[test]
    fn filters_narrow_the_list() {
        let text = r#"{"id": "f", "title": "F", "sections": [{"id": "s1", "title": "S1"}, {"id": "s2", "title": "S2"}],
            "questions": [
            {"id": "a", "type": "true_false", "section": "s1", "difficulty": "basic", "topic": "x", "prompt": "p", "answer": true},
            {"id": "b", "type": "true_false", "section": "s2", "difficulty": "expert", "topic": "y", "prompt": "p", "answer": true},
            {"id": "c", "type": "true_false", "section": "s2", "difficulty": "basic", "topic": "y", "prompt": "p", "answer": true}]}"#;
        let quiz = Rc::new(quiz_format::load(text).quiz.unwrap());
        let mut s = Session::new(quiz, Map::default(), 0);
        s.apply(Action::PickSection(Some("s2".into())), 0);
        assert_eq!(s.items(), [1, 2]);
        assert_eq!(s.topics(), vec!["y".to_owned()]);
        s.apply(Action::FilterDifficulty(Some(Difficulty::Basic)), 0);
        assert_eq!(s.items(), [2]);
        s.apply(Action::PickSection(None), 0);
        s.apply(Action::FilterTopic(Some("x".into())), 0);
        assert_eq!(s.items(), [0]);
    }

    /// The header's running counts equal a recount after any sequence of
    /// actions, over simulated weeks (cards fall due on later days).
    /// One to four records as another tab would send them: for any question or
    /// one this quiz does not have, older or newer than `now`, some made for
    /// another version of their question.
    fn another_tabs_records(quiz: &Quiz, rng: &mut crate::TestRng, now: i64) -> Map<String, Record> {
        let mut records = Map::default();
        for _ in 0..1 + rng.below(4) {
            let picked = rng.below(quiz.questions.len() as u64 + 1) as usize;
            let (id, hash, kind) = match quiz.questions.get(picked) {
                Some(q) => (q.id.clone(), q.content_hash(), q.kind.name()),
                None => ("not-in-this-quiz".to_owned(), 7, KindName::Single),
            };
            let state = match kind {
                KindName::Flashcard => {
                    let grade = Grade::ALL[rng.below(4) as usize];
                    ItemState::Reviewed {
                        schedule: crate::schedule::test_schedule(grade, now - 86_400_000 * rng.below(9) as i64),
                        last: grade,
                        reviews: 1,
                    }
                }
                KindName::Exercise => ItemState::Practised {
                    notes: "from the other tab".to_owned(),
                    done: (rng.below(2) == 0).then_some(SelfAssessment::Confident),
                },
                _ => ItemState::Answered {
                    response: Response::Choice(0),
                    correct: rng.below(2) == 0,
                    attempts: 1 + rng.below(3) as u32,
                    schedule: (rng.below(2) == 0).then(|| {
                        crate::schedule::test_schedule(
                            Grade::ALL[rng.below(4) as usize],
                            now - 86_400_000 * rng.below(9) as i64,
                        )
                    }),
                },
            };
            let stale = rng.below(5) == 0;
            let record = Record {
                question_hash: hash ^ u64::from(stale),
                updated_ms: now - 2_000 + rng.below(4) as i64 * 1_000,
                state,
            };
            records.insert(id, record);
        }
        records
    }

    #[test]
    fn running_counts_match_a_recount() {
        let text = r#"{"id": "t", "title": "T", "sections": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}], "questions": [
            {"id": "s1", "type": "single", "section": "a", "topic": "x", "prompt": "p", "choices": ["a", "b"], "answer": 1},
            {"id": "m1", "type": "multiple", "section": "a", "prompt": "p", "choices": ["a", "b", "c"], "answers": [0, 2]},
            {"id": "t1", "type": "true_false", "section": "b", "topic": "y", "prompt": "p", "answer": true},
            {"id": "f1", "type": "flashcard", "section": "a", "prompt": "front", "back": "back"},
            {"id": "f2", "type": "flashcard", "section": "b", "prompt": "front", "back": "back"},
            {"id": "e1", "type": "exercise", "section": "b", "prompt": "task"}
        ]}"#;
        let quiz = Rc::new(quiz_format::load(text).quiz.unwrap());
        let mut rng = crate::TestRng::new(42);
        for run in 0..200 {
            let mut s = Session::new(Rc::clone(&quiz), Map::default(), 0);
            let mut now = 1_750_000_000_000_i64;
            for _ in 0..60 {
                now += (rng.below(3) * 9 * 3_600_000) as i64;
                let action = match rng.below(18) {
                    0 => Action::Choose(rng.below(3) as usize),
                    1 => Action::Toggle(rng.below(3) as usize),
                    2 => Action::ChooseTruth(rng.below(2) == 0),
                    3 | 4 => Action::Check,
                    5 => Action::TryAgain,
                    6 => Action::GradeCard(Grade::ALL[rng.below(4) as usize]),
                    7 => Action::MarkDone(SelfAssessment::NeedsReview),
                    8 | 9 => Action::Next,
                    10 => Action::Previous,
                    11 => Action::PickSection(
                        [None, Some("a".to_owned()), Some("b".to_owned())][rng.below(3) as usize].clone(),
                    ),
                    12 => Action::PickMode([Mode::Practice, Mode::Review, Mode::Due][rng.below(3) as usize]),
                    13 => Action::RetryWrong,
                    14 => Action::Shuffle(Some(rng.below(1000))),
                    15 | 16 => Action::MergeRecords(another_tabs_records(&quiz, &mut rng, now)),
                    _ => Action::GoTo(rng.below(7) as usize),
                };
                s.apply(action, now);
                assert!(
                    s.records().iter().all(|(id, r)| fits(&s.quiz, &s.index_of, id, r)),
                    "run {run}: only records that fit are kept"
                );
                let mut fresh = s.clone();
                fresh.recount();
                assert_eq!(s.counts, fresh.counts, "run {run}");
                let mut by_hand = Tally::default();
                for &i in s.items() {
                    by_hand.add(&Tally::of(&s.quiz.questions[i], s.record_of(i)));
                }
                assert_eq!(s.tally(), by_hand, "run {run}");
            }
        }
    }
}
