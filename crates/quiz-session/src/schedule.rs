//! Spaced repetition for the learner: which items are scheduled, by which
//! rule a check becomes a grade, and each item's [`Schedule`] (an FSRS card
//! and its recent reviews). The scheduler itself is [`crate::fsrs`].
//!
//! Flashcards are always scheduled, with the learner's own grade. Graded
//! questions are scheduled unless the quiz turns it off
//! (`"spaced_repetition": "flashcards"`): each check is a review, graded by
//! [`grade_of_check`]. Exercises are not scheduled: nothing grades them.
//!
//! Time is passed in (milliseconds since the Unix epoch), never read here.

use crate::fsrs::{CardState, Memory, Phase, Scheduler, Settings};
use quiz_format::model::{KindName, Question, Quiz, Repetition};

/// One day in milliseconds.
pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// How many of an item's most recent reviews its log keeps.
pub const LOG_LENGTH: usize = 20;

/// How well the learner recalled an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// Forgot it: see it again soon.
    Again = 1,
    /// Recalled with serious difficulty.
    Hard = 2,
    /// Recalled.
    Good = 3,
    /// Recalled at once.
    Easy = 4,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }

    pub fn from_name(name: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.as_str() == name)
    }

    /// The grade numbered `n` (1 to 4), as the review log stores it.
    pub fn from_number(n: i64) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| *g as i64 == n)
    }

    /// The grade as FSRS's formulas take it, 1 to 4.
    pub(crate) fn value(self) -> f64 {
        f64::from(self as u8)
    }

    /// Whether the card counts as a mistake for "review mistakes".
    pub fn is_weak(self) -> bool {
        matches!(self, Grade::Again | Grade::Hard)
    }
}

/// The grade a check of a graded question counts as: right at the first
/// try of the round Good, right after wrong tries Hard, wrong Again.
pub fn grade_of_check(correct: bool, attempts: u32) -> Grade {
    match (correct, attempts) {
        (false, _) => Grade::Again,
        (true, 0 | 1) => Grade::Good,
        (true, _) => Grade::Hard,
    }
}

/// A moment on the learner's clock: milliseconds since the Unix epoch, and
/// how far the learner's local time was ahead of UTC then. The offset says
/// where the learner's day ends: "due today" is the learner's today, not
/// Greenwich's, or a learner in California would see tomorrow's reviews
/// counted as today's from four in the afternoon on.
///
/// A plain number of milliseconds is a moment in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    ms: i64,
    offset_ms: i64,
}

/// The widest offset from UTC a clock can have (a day); offsets in use lie
/// within 14 hours.
const MAX_OFFSET_MINUTES: i32 = 24 * 60;

impl Now {
    /// The moment `ms` on a clock `offset_minutes` ahead of UTC (negative
    /// west of Greenwich). An offset of a day or more is no clock's: it is
    /// a logic error, and the moment counts as UTC.
    pub fn local(ms: i64, offset_minutes: i32) -> Now {
        let offset = match offset_minutes.unsigned_abs() < MAX_OFFSET_MINUTES.unsigned_abs() {
            true => offset_minutes,
            false => {
                quiz_stdx::never!("an offset from UTC within a day, not {offset_minutes} minutes");
                0
            }
        };
        Now {
            ms,
            offset_ms: i64::from(offset) * 60_000,
        }
    }

    /// Milliseconds since the Unix epoch.
    pub fn ms(self) -> i64 {
        self.ms
    }

    /// The last millisecond of the learner's day that contains this moment.
    pub fn end_of_day(self) -> i64 {
        let local = self.ms.saturating_add(self.offset_ms);
        let end = local
            .div_euclid(DAY_MS)
            .saturating_mul(DAY_MS)
            .saturating_add(DAY_MS - 1);
        end.saturating_sub(self.offset_ms)
    }
}

impl From<i64> for Now {
    fn from(ms: i64) -> Now {
        Now { ms, offset_ms: 0 }
    }
}

/// One review in an item's log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Logged {
    pub at_ms: i64,
    pub grade: Grade,
}

/// An item's schedule: its FSRS card and its most recent reviews (at most
/// [`LOG_LENGTH`], oldest first), kept so that a schedule can be recomputed
/// and is exported with the progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    card: CardState,
    log: Vec<Logged>,
}

impl Schedule {
    /// A schedule as stored; the log is sorted, deduplicated and cut to its
    /// length, the memory rounded as it is stored.
    pub fn new(card: CardState, entries: Vec<Logged>) -> Schedule {
        // An insertion per entry rather than a sort: the log is short, and a
        // sort of its own would cost the download more than this loop.
        let mut log: Vec<Logged> = Vec::with_capacity(entries.len());
        for entry in entries {
            let at = log.partition_point(|e| *e < entry);
            if log.get(at) != Some(&entry) {
                log.insert(at, entry);
            }
        }
        let excess = log.len().saturating_sub(LOG_LENGTH);
        log.drain(..excess);
        let memory = card.memory.map(|m| Memory {
            stability: stored(m.stability),
            difficulty: stored(m.difficulty),
        });
        Schedule {
            card: CardState { memory, ..card },
            log,
        }
    }

    /// The schedule after a review graded `grade` at `now_ms`; `previous` is
    /// `None` for an item never reviewed. The fuzz of the interval is drawn
    /// from `seed`, so the same review gives the same schedule.
    pub fn after(previous: Option<&Schedule>, scheduler: &Scheduler, grade: Grade, now_ms: i64, seed: u64) -> Schedule {
        let card = previous.map_or_else(|| CardState::new(now_ms), |s| s.card);
        let next = scheduler.review(&card, grade, now_ms, seed);
        let mut log = previous.map(|s| s.log.clone()).unwrap_or_default();
        log.push(Logged { at_ms: now_ms, grade });
        Schedule::new(next, log)
    }

    pub fn card(&self) -> &CardState {
        &self.card
    }

    /// The most recent reviews, oldest first.
    pub fn log(&self) -> &[Logged] {
        &self.log
    }

    /// When the item is next due, in ms since the epoch.
    pub fn due_ms(&self) -> i64 {
        self.card.due_ms
    }

    /// Whether the item should be reviewed by the end of the learner's day
    /// containing `now`.
    pub fn is_due(&self, now: impl Into<Now>) -> bool {
        self.card.due_ms <= now.into().end_of_day()
    }

    /// Joins two copies of an item's schedule (from two tabs, or an
    /// import): the card of the later review, and every review either log
    /// holds. In any order and any grouping, joins give the same schedule.
    pub fn join(&mut self, other: &Schedule) {
        let card = match other.order() > self.order() {
            true => other.card,
            false => self.card,
        };
        let mut log = std::mem::take(&mut self.log);
        log.extend_from_slice(&other.log);
        *self = Schedule::new(card, log);
    }

    /// Which of two cards is the later: by last review, then by everything
    /// else, so that no two different cards tie.
    fn order(&self) -> (Option<i64>, i64, u8, usize, Option<(i64, i64)>) {
        let c = &self.card;
        let (phase, step) = match c.phase {
            Phase::Learning(step) => (0, step),
            Phase::Review => (1, 0),
            Phase::Relearning(step) => (2, step),
        };
        let memory = c
            .memory
            .map(|m| ((m.stability * 1e6) as i64, (m.difficulty * 1e6) as i64));
        (c.last_review_ms, c.due_ms, phase, step, memory)
    }
}

/// Stability and difficulty are stored in millionths: the stored form reads
/// back to the same number.
fn stored(x: f64) -> f64 {
    (x * 1e6).round_ties_even() / 1e6
}

/// The schedulers of a quiz: one for flashcards (learning steps of 1 and 10
/// minutes, as in Anki) and one for graded questions (a single step of 10
/// minutes: a question answered right at once is already learned), both at
/// the quiz's desired retention.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedulers {
    cards: Scheduler,
    questions: Option<Scheduler>,
    /// Some question of the quiz is scheduled (found once, when made).
    any: bool,
}

impl Schedulers {
    pub fn for_quiz(quiz: &Quiz) -> Schedulers {
        let settings = Settings {
            desired_retention: quiz.retention.map_or(0.9, |r| r.value()),
            ..Settings::default()
        };
        let questions = Settings {
            learning_steps_minutes: &[10],
            ..settings.clone()
        };
        let mut schedulers = Schedulers {
            cards: Scheduler::new(settings),
            questions: (quiz.spaced_repetition.unwrap_or_default() == Repetition::All)
                .then(|| Scheduler::new(questions)),
            any: false,
        };
        schedulers.any = quiz.questions.iter().any(|q| schedulers.of(q.kind.name()).is_some());
        schedulers
    }

    /// Whether any question of the quiz is scheduled, so that reviews can fall due.
    pub fn schedule_any(&self) -> bool {
        self.any
    }

    /// The scheduler of items of `kind`, if they are scheduled.
    pub fn of(&self, kind: KindName) -> Option<&Scheduler> {
        match kind {
            KindName::Flashcard => Some(&self.cards),
            KindName::Exercise => None,
            KindName::Single
            | KindName::Multiple
            | KindName::TrueFalse
            | KindName::Short
            | KindName::Numeric
            | KindName::Ordering
            | KindName::Matching
            | KindName::Cloze
            | KindName::Tracing => self.questions.as_ref(),
        }
    }

    /// The schedule of `question` after a review graded `grade` at
    /// `now_ms`, from its `previous` one, if its kind is scheduled.
    pub fn next(
        &self,
        question: &Question,
        previous: Option<&Schedule>,
        grade: Grade,
        now_ms: i64,
    ) -> Option<Schedule> {
        let scheduler = self.of(question.kind.name())?;
        let reviews = previous.map_or(0, |s| u32::try_from(s.log().len()).unwrap_or(u32::MAX));
        let seed = fuzz_seed(question.content_hash(), reviews);
        Some(Schedule::after(previous, scheduler, grade, now_ms, seed))
    }
}

/// The seed of an item's interval fuzz for its `n`-th review: different
/// for each question and review, the same each time it is computed.
pub fn fuzz_seed(question_hash: u64, reviews: u32) -> u64 {
    question_hash ^ u64::from(reviews).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A schedule after one review graded `grade` at `at_ms`, for tests.
#[cfg(test)]
pub(crate) fn test_schedule(grade: Grade, at_ms: i64) -> Schedule {
    Schedule::after(None, &Scheduler::new(Settings::default()), grade, at_ms, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: i64 = 1_750_000_000_000;

    #[test]
    fn the_check_rule() {
        assert_eq!(grade_of_check(true, 1), Grade::Good);
        assert_eq!(grade_of_check(true, 3), Grade::Hard);
        assert_eq!(grade_of_check(false, 1), Grade::Again);
        assert_eq!(grade_of_check(false, 4), Grade::Again);
    }

    #[test]
    fn a_day_ends_at_the_learners_midnight() {
        let hour = 3_600_000;
        let start = 20_000 * DAY_MS; // a UTC midnight
        assert_eq!(Now::from(start + 5 * hour).end_of_day(), start + DAY_MS - 1);
        // 23:00 in Greenwich is 08:00 tomorrow in Tokyo (UTC+9), whose day
        // ends at 15:00 UTC tomorrow, and 15:00 in California, whose day ends
        // at 08:00 UTC tomorrow.
        let (tokyo, california) = (
            Now::local(start + 23 * hour, 9 * 60),
            Now::local(start + 23 * hour, -8 * 60),
        );
        assert_eq!(tokyo.end_of_day(), start + DAY_MS + 15 * hour - 1);
        assert_eq!(california.end_of_day(), start + DAY_MS + 8 * hour - 1);
        // The last and the first millisecond of a local day.
        assert_eq!(
            Now::local(start + 8 * hour - 1, -8 * 60).end_of_day(),
            start + 8 * hour - 1
        );
        assert_eq!(
            Now::local(start + 8 * hour, -8 * 60).end_of_day(),
            start + DAY_MS + 8 * hour - 1
        );
        // Half-hour offsets (India, UTC+5:30) and times before 1970.
        assert_eq!(Now::local(start, 330).end_of_day(), start + DAY_MS - 330 * 60_000 - 1);
        assert_eq!(Now::from(-1).end_of_day(), -1);
        assert_eq!(Now::local(5, 60).ms(), 5);
    }

    #[test]
    #[should_panic(expected = "an offset from UTC within a day")]
    fn an_offset_of_a_day_is_no_clocks() {
        Now::local(0, 24 * 60);
    }

    #[test]
    fn a_question_right_at_once_comes_back_in_days_and_a_wrong_one_in_minutes() {
        let text =
            r#"{"id": "q", "title": "Q", "questions": [{"id": "f", "type": "flashcard", "prompt": "p", "back": "b"}]}"#;
        let schedulers = Schedulers::for_quiz(&quiz_format::load(text).quiz.unwrap());
        let questions = schedulers.of(KindName::Single).unwrap();
        let right = Schedule::after(None, questions, Grade::Good, START, 1);
        assert_eq!(right.card().phase, Phase::Review);
        assert_eq!(right.due_ms() - START, 2 * DAY_MS);
        let wrong = Schedule::after(None, questions, Grade::Again, START, 1);
        assert_eq!(wrong.due_ms() - START, 10 * 60_000);
        assert!(wrong.is_due(START));
        assert!(schedulers.of(KindName::Exercise).is_none());
    }

    #[test]
    fn the_log_keeps_the_latest_reviews_and_merges_without_duplicates() {
        let scheduler = Scheduler::new(Settings::default());
        let mut s: Option<Schedule> = None;
        for day in 0..30 {
            s = Some(Schedule::after(
                s.as_ref(),
                &scheduler,
                Grade::Good,
                START + day * DAY_MS,
                0,
            ));
        }
        let s = s.unwrap();
        assert_eq!(s.log().len(), LOG_LENGTH);
        assert_eq!(s.log().last().unwrap().at_ms, START + 29 * DAY_MS);
        let mut copy = s.clone();
        copy.join(&s);
        assert_eq!(copy, s);
        let other = Schedule::after(None, &scheduler, Grade::Again, START - DAY_MS, 0);
        copy.join(&other);
        assert_eq!(copy.card(), s.card(), "the card of the later review");
        assert_eq!(copy.log().len(), LOG_LENGTH, "the oldest review falls out");
        assert_eq!(copy.log().first().unwrap().at_ms, START + 10 * DAY_MS);
    }
}
