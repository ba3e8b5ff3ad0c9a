//! FSRS-6, the Free Spaced Repetition Scheduler, as a pure function of a
//! card's state, a rating and the time.
//!
//! Written from the published algorithm (the open-spaced-repetition wiki,
//! "The Algorithm") and checked against the reference implementations' test
//! vectors (py-fsrs' scheduler, fsrs-rs' inference) in the tests below. A
//! card has a memory state, stability S (days until recall drops to 90 %)
//! and difficulty D (1 to 10), and is in one of three phases: learning steps
//! (minutes apart) for a new card, review (days apart, from S and the
//! desired retention), and relearning steps after a lapse. Retrievability,
//! the chance of recall t days after the last review, is
//! `R = (1 + F · t / S)^-w20` with `F = 0.9^(-1/w20) - 1`, so that R is 0.9
//! when t = S. A review at least a day after the last one updates S with the
//! recall or forget formula at the current R; a review on the same day uses
//! the short-term formula.
//!
//! Nothing here reads a clock or a global generator: the time is a
//! parameter, and fuzz draws from a seed the caller passes.

use crate::random::SplitMix64;

/// A day, in milliseconds.
const DAY_MS: i64 = 86_400_000;
/// A minute, in milliseconds.
const MINUTE_MS: i64 = 60_000;
const STABILITY_MIN: f64 = 0.001;
const DIFFICULTY_MIN: f64 = 1.0;
const DIFFICULTY_MAX: f64 = 10.0;

/// FSRS-6's 21 default weights, as the reference implementations ship them.
pub const DEFAULT_WEIGHTS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
    1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// The learner's answer to "how well did you recall it?" (1 to 4).
pub use crate::schedule::Grade as Rating;

/// Stability (days) and difficulty (1 to 10).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Memory {
    pub stability: f64,
    pub difficulty: f64,
}

/// Where a card is in its schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// New, or in its learning steps (the index of the current step).
    Learning(usize),
    /// Scheduled in days from its stability.
    Review,
    /// After a lapse, in its relearning steps.
    Relearning(usize),
}

/// A card's schedule: its phase, memory (none before the first review),
/// and when it was last reviewed and is due, in ms since the epoch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardState {
    pub phase: Phase,
    pub memory: Option<Memory>,
    pub last_review_ms: Option<i64>,
    pub due_ms: i64,
}

impl CardState {
    /// A card never reviewed, due at once.
    pub fn new(now_ms: i64) -> CardState {
        CardState {
            phase: Phase::Learning(0),
            memory: None,
            last_review_ms: None,
            due_ms: now_ms,
        }
    }
}

/// The settings of a schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub weights: [f64; 21],
    /// The chance of recall to schedule reviews at; clamped to 0.7 to 0.99.
    pub desired_retention: f64,
    pub learning_steps_minutes: &'static [u32],
    pub relearning_steps_minutes: &'static [u32],
    pub maximum_interval_days: u32,
    /// Spread review intervals of 3 days and more a little, so that cards
    /// learned together do not all come back on the same day.
    pub fuzz: bool,
}

impl Default for Settings {
    /// The reference implementations' defaults: retention 0.9, learning
    /// steps of 1 and 10 minutes, a relearning step of 10 minutes, at most
    /// 100 years, with fuzz.
    fn default() -> Self {
        Settings {
            weights: DEFAULT_WEIGHTS,
            desired_retention: 0.9,
            learning_steps_minutes: &[1, 10],
            relearning_steps_minutes: &[10],
            maximum_interval_days: 36_500,
            fuzz: true,
        }
    }
}

/// FSRS-6 with its settings, ready to schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct Scheduler {
    settings: Settings,
    /// `-w20`.
    decay: f64,
    /// `0.9^(1/decay) - 1`.
    factor: f64,
}

impl Scheduler {
    /// The retention is clamped to 0.7 to 0.99 (outside it, reviews come
    /// absurdly often or hardly ever); the decay weight to 0.1 to 0.8, as the
    /// reference optimizer bounds it.
    pub fn new(mut settings: Settings) -> Scheduler {
        settings.desired_retention = settings.desired_retention.clamp(0.7, 0.99);
        let w20 = settings.weights.get(20).copied().unwrap_or(0.1542).clamp(0.1, 0.8);
        let decay = -w20;
        Scheduler {
            settings,
            decay,
            factor: pow(0.9, 1.0 / decay) - 1.0,
        }
    }

    fn w(&self, i: usize) -> f64 {
        quiz_stdx::or_never(self.settings.weights.get(i).copied(), 0.0, "FSRS-6 has 21 weights")
    }

    /// The chance of recall `elapsed_days` after the last review.
    pub fn retrievability(&self, stability: f64, elapsed_days: f64) -> f64 {
        pow(1.0 + self.factor * elapsed_days.max(0.0) / stability, self.decay)
    }

    /// Days until recall drops to `retention`, unrounded.
    pub fn interval_for(&self, stability: f64, retention: f64) -> f64 {
        stability / self.factor * (pow(retention, 1.0 / self.decay) - 1.0)
    }

    /// Whole days until the next review at the desired retention: rounded
    /// half to even as the references do, at least 1, at most the maximum.
    fn next_interval_days(&self, stability: f64) -> i64 {
        let days = self
            .interval_for(stability, self.settings.desired_retention)
            .round_ties_even();
        let maximum = i64::from(self.settings.maximum_interval_days.max(1));
        quiz_stdx::or_never(num_days(days), maximum, "an interval is a finite number of days").clamp(1, maximum)
    }

    /// The memory after a review `elapsed_days` after the last one (a new
    /// card has none yet); a review on the same day (less than a day later)
    /// uses the short-term formula.
    pub fn next_memory(&self, memory: Option<Memory>, rating: Rating, elapsed_days: i64) -> Memory {
        let Some(m) = memory else {
            return Memory {
                stability: self.initial_stability(rating),
                difficulty: self.initial_difficulty(rating).clamp(DIFFICULTY_MIN, DIFFICULTY_MAX),
            };
        };
        let stability = if elapsed_days < 1 {
            self.short_term_stability(m.stability, rating)
        } else {
            let r = self.retrievability(m.stability, elapsed_days as f64);
            let s = match rating {
                Rating::Again => self.forget_stability(m, r),
                Rating::Hard | Rating::Good | Rating::Easy => self.recall_stability(m, r, rating),
            };
            s.max(STABILITY_MIN)
        };
        Memory {
            stability,
            difficulty: self.next_difficulty(m.difficulty, rating),
        }
    }

    /// The memory state an SM-2 card stands for (the published conversion,
    /// as Anki applies it when a collection moves to FSRS): the stability at
    /// which an interval of `interval_days` keeps `sm2_retention`, and the
    /// difficulty at which a Good review would grow it by `ease`. `None` when
    /// the inputs give no finite state.
    pub fn memory_from_sm2(&self, ease: f64, interval_days: f64, sm2_retention: f64) -> Option<Memory> {
        let stability = interval_days.max(STABILITY_MIN) * self.factor / (pow(sm2_retention, 1.0 / self.decay) - 1.0);
        // `exp() - 1` rather than `exp_m1()`: the same to far below the
        // tolerance here, without a second exponential in the download.
        let growth = self.w(8).exp() * pow(stability, -self.w(9)) * (((1.0 - sm2_retention) * self.w(10)).exp() - 1.0);
        let difficulty = 11.0 - (ease - 1.0) / growth;
        (stability.is_finite() && difficulty.is_finite()).then(|| Memory {
            stability,
            difficulty: difficulty.clamp(DIFFICULTY_MIN, DIFFICULTY_MAX),
        })
    }

    fn initial_stability(&self, rating: Rating) -> f64 {
        self.w(rating as usize - 1).max(STABILITY_MIN)
    }

    fn initial_difficulty(&self, rating: Rating) -> f64 {
        self.w(4) - (self.w(5) * (rating.value() - 1.0)).exp() + 1.0
    }

    /// Stability after a review on the same day. Only Again may lower it:
    /// for Hard, Good and Easy the increase is at least 1, as py-fsrs and
    /// fsrs-rs have it (tests/host/fsrs.rs replays py-fsrs's schedules).
    fn short_term_stability(&self, stability: f64, rating: Rating) -> f64 {
        let mut increase = (self.w(17) * (rating.value() - 3.0 + self.w(18))).exp() * pow(stability, -self.w(19));
        if rating != Rating::Again {
            increase = increase.max(1.0);
        }
        (stability * increase).max(STABILITY_MIN)
    }

    /// Difficulty moves by `-w6 · (rating - 3)`, damped near 10, then
    /// reverts a little (w7) towards the difficulty of a first Easy.
    fn next_difficulty(&self, difficulty: f64, rating: Rating) -> f64 {
        let delta = -(self.w(6) * (rating.value() - 3.0));
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0;
        let target = self.initial_difficulty(Rating::Easy);
        (self.w(7) * target + (1.0 - self.w(7)) * damped).clamp(DIFFICULTY_MIN, DIFFICULTY_MAX)
    }

    fn forget_stability(&self, m: Memory, r: f64) -> f64 {
        let long_term = self.w(11)
            * pow(m.difficulty, -self.w(12))
            * (pow(m.stability + 1.0, self.w(13)) - 1.0)
            * ((1.0 - r) * self.w(14)).exp();
        let short_term = m.stability / (self.w(17) * self.w(18)).exp();
        long_term.min(short_term)
    }

    fn recall_stability(&self, m: Memory, r: f64, rating: Rating) -> f64 {
        let hard_penalty = if rating == Rating::Hard { self.w(15) } else { 1.0 };
        let easy_bonus = if rating == Rating::Easy { self.w(16) } else { 1.0 };
        m.stability
            * (1.0
                + self.w(8).exp()
                    * (11.0 - m.difficulty)
                    * pow(m.stability, -self.w(9))
                    * (((1.0 - r) * self.w(10)).exp() - 1.0)
                    * hard_penalty
                    * easy_bonus)
    }

    /// The card after a review at `now_ms`. `fuzz_seed` draws the fuzz of a
    /// review interval when the settings ask for fuzz (pass the same seed to
    /// get the same schedule again).
    pub fn review(&self, card: &CardState, rating: Rating, now_ms: i64, fuzz_seed: u64) -> CardState {
        let elapsed_days = card.last_review_ms.map_or(0, |last| (now_ms - last).div_euclid(DAY_MS));
        let memory = self.next_memory(card.memory, rating, elapsed_days);
        let (phase, wait) = self.next_phase(card.phase, rating, memory.stability);
        let wait_ms = match wait {
            Wait::Minutes(minutes) => (minutes * MINUTE_MS as f64) as i64,
            Wait::Days(days) if self.settings.fuzz => self.fuzzed(days, fuzz_seed) * DAY_MS,
            Wait::Days(days) => days * DAY_MS,
        };
        CardState {
            phase,
            memory: Some(memory),
            last_review_ms: Some(now_ms),
            due_ms: now_ms.saturating_add(wait_ms),
        }
    }

    /// The phase after a rating, and how long until the card is due.
    fn next_phase(&self, phase: Phase, rating: Rating, stability: f64) -> (Phase, Wait) {
        let review = (Phase::Review, Wait::Days(self.next_interval_days(stability)));
        match phase {
            Phase::Review if rating == Rating::Again => match self.settings.relearning_steps_minutes.first() {
                Some(&first) => (Phase::Relearning(0), Wait::Minutes(f64::from(first))),
                None => review,
            },
            Phase::Review => review,
            Phase::Learning(step) => self
                .step(self.settings.learning_steps_minutes, step, rating, Phase::Learning)
                .unwrap_or(review),
            Phase::Relearning(step) => self
                .step(self.settings.relearning_steps_minutes, step, rating, Phase::Relearning)
                .unwrap_or(review),
        }
    }

    /// The next (re)learning step, or `None` when the card graduates to review.
    fn step(&self, steps: &[u32], step: usize, rating: Rating, phase: fn(usize) -> Phase) -> Option<(Phase, Wait)> {
        let minutes = |i: usize| steps.get(i).map(|&m| f64::from(m));
        if steps.is_empty() || (step >= steps.len() && rating != Rating::Again) {
            return None;
        }
        match rating {
            Rating::Again => Some((phase(0), Wait::Minutes(minutes(0)?))),
            Rating::Hard => {
                let wait = match (step, minutes(0), minutes(1)) {
                    (0, Some(first), Some(second)) => (first + second) / 2.0,
                    (0, Some(first), None) => first * 1.5,
                    _ => minutes(step)?,
                };
                Some((phase(step), Wait::Minutes(wait)))
            }
            Rating::Good if step + 1 < steps.len() => Some((phase(step + 1), Wait::Minutes(minutes(step + 1)?))),
            Rating::Good | Rating::Easy => None,
        }
    }

    /// An interval of 3 days or more moved by a few days at most (5 % to
    /// 15 % of it, less for longer ones), drawn from `seed`.
    fn fuzzed(&self, days: i64, seed: u64) -> i64 {
        if days < 3 {
            return days;
        }
        let d = days as f64;
        let delta =
            1.0 + 0.15 * (d.min(7.0) - 2.5).max(0.0) + 0.1 * (d.min(20.0) - 7.0).max(0.0) + 0.05 * (d - 20.0).max(0.0);
        let maximum = i64::from(self.settings.maximum_interval_days.max(1));
        // Rounded half to even, as the references (Python's `round`) do.
        let high = num_days((d + delta).round_ties_even()).unwrap_or(days).min(maximum);
        let low = num_days((d - delta).round_ties_even()).unwrap_or(days).max(2).min(high);
        let span = usize::try_from(high - low + 1).unwrap_or(1);
        let offset = i64::try_from(SplitMix64::new(seed).below(span)).unwrap_or(0);
        (low + offset).min(maximum)
    }
}

/// How long until a card is due.
enum Wait {
    Minutes(f64),
    Days(i64),
}

/// `x` to the power `y` for a positive `x`, as `exp(y · ln x)`: every power
/// in FSRS has a positive base, and the general `powf` (odd and negative
/// bases, exact integer powers) would cost the download more than the
/// logarithm. The result differs from `powf` in the last bits only, far
/// inside the tolerance of the reference vectors.
fn pow(x: f64, y: f64) -> f64 {
    (y * x.ln()).exp()
}

/// A whole number of days as `i64`, if it is one.
fn num_days(days: f64) -> Option<i64> {
    (days.is_finite() && days.abs() < 1e15).then_some(days as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2022-11-29 12:30 UTC, the references' first review.
    const START_MS: i64 = 1_669_725_000_000;

    fn no_fuzz() -> Scheduler {
        Scheduler::new(Settings {
            fuzz: false,
            ..Settings::default()
        })
    }

    fn assert_close(actual: f64, expected: f64, tolerance: f64) {
        assert!(
            (actual - expected).abs() < tolerance,
            "{actual} is not {expected} ± {tolerance}"
        );
    }

    /// py-fsrs `test_review_card`: each review on its due date; the
    /// intervals in whole days.
    #[test]
    fn interval_history_of_a_rating_sequence() {
        use Rating::{Again, Good};
        let scheduler = no_fuzz();
        let ratings = [
            Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good,
        ];
        let mut card = CardState::new(START_MS);
        let mut now = START_MS;
        let mut history = Vec::new();
        for rating in ratings {
            card = scheduler.review(&card, rating, now, 0);
            history.push((card.due_ms - now).div_euclid(DAY_MS));
            now = card.due_ms;
        }
        assert_eq!(history, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
    }

    /// py-fsrs `test_memo_state` and fsrs-rs `test_memory_state`: the memory
    /// after Again then five Goods with gaps of 0, 0, 1, 3, 8 and 21 days.
    #[test]
    fn memory_state_after_a_sequence_with_gaps() {
        use Rating::{Again, Good};
        let ratings = [Again, Good, Good, Good, Good, Good];
        let gaps = [0, 0, 1, 3, 8, 21];
        let scheduler = no_fuzz();
        let mut card = CardState::new(START_MS);
        let mut now = START_MS;
        for (rating, gap) in ratings.into_iter().zip(gaps) {
            now += gap * DAY_MS;
            card = scheduler.review(&card, rating, now, 0);
        }
        let memory = card.memory.expect("reviewed");
        assert_close(memory.stability, 53.62691, 1e-4);
        assert_close(memory.difficulty, 6.3574867, 1e-4);
        // With the same-day weights at zero (fsrs-rs), only stability changes.
        let mut weights = DEFAULT_WEIGHTS;
        weights[17..20].fill(0.0);
        let frozen = Scheduler::new(Settings {
            weights,
            ..Settings::default()
        });
        let mut memory = None;
        for (rating, gap) in ratings.into_iter().zip(gaps) {
            memory = Some(frozen.next_memory(memory, rating, gap));
        }
        let memory = memory.expect("reviewed");
        assert_close(memory.stability, 53.335106, 1e-4);
        assert_close(memory.difficulty, 6.3574867, 1e-4);
    }

    /// The first review's memory is the weights themselves: S0 = w[rating-1],
    /// D0 = w4 - e^(w5·(rating-1)) + 1.
    #[test]
    fn first_review_stability_and_difficulty() {
        let scheduler = no_fuzz();
        let first = |rating| scheduler.next_memory(None, rating, 0);
        assert_eq!(first(Rating::Again).stability, 0.212);
        assert_eq!(first(Rating::Easy).stability, 8.2956);
        assert_close(first(Rating::Again).difficulty, 6.4133, 1e-9);
        assert_close(
            first(Rating::Good).difficulty,
            6.4133 - (0.8334f64 * 2.0).exp() + 1.0,
            1e-9,
        );
        assert_close(first(Rating::Easy).difficulty, 1.0, 1e-9);
    }

    /// fsrs-rs `test_next_interval`: stability 1 at retention 0.1 to 1.0.
    #[test]
    fn intervals_by_desired_retention() {
        let scheduler = no_fuzz();
        let intervals: Vec<i64> = (1..=10)
            .map(|i| {
                let days = scheduler.interval_for(1.0, f64::from(i) / 10.0).round().max(1.0);
                num_days(days).expect("finite")
            })
            .collect();
        // fsrs-rs computes in f32: at retention 0.1 (3.1 million days) its
        // rounding is a few days, so that one is compared relatively, within
        // the few f32 epsilons of the computation.
        let reference: [i64; 10] = [3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1];
        assert_eq!(intervals[1..], reference[1..]);
        assert_close(intervals[0] as f64 / reference[0] as f64, 1.0, 2e-6);
    }

    /// R is 1 right after a review and 0.9 after S days, whatever S.
    #[test]
    fn retrievability_by_elapsed_days() {
        let scheduler = no_fuzz();
        for stability in [0.5, 1.0, 10.0, 100.0, 365.0] {
            assert_close(scheduler.retrievability(stability, 0.0), 1.0, 1e-12);
            assert_close(scheduler.retrievability(stability, stability), 0.9, 1e-9);
            assert!(scheduler.retrievability(stability, stability * 2.0) < 0.9);
        }
    }

    /// py-fsrs `test_repeated_correct_reviews`: Easy after Easy on one day
    /// brings difficulty down to its floor.
    #[test]
    fn repeated_easy_reviews_reach_the_lowest_difficulty() {
        let scheduler = no_fuzz();
        let mut card = CardState::new(START_MS);
        for i in 0..10 {
            card = scheduler.review(&card, Rating::Easy, START_MS + i, 0);
        }
        assert_eq!(card.memory.expect("reviewed").difficulty, 1.0);
    }

    #[test]
    fn learning_steps_and_fuzz() {
        let scheduler = Scheduler::new(Settings::default());
        let card = scheduler.review(&CardState::new(START_MS), Rating::Good, START_MS, 7);
        assert_eq!(
            (card.phase, card.due_ms - START_MS),
            (Phase::Learning(1), 10 * MINUTE_MS)
        );
        let hard = scheduler.review(&CardState::new(START_MS), Rating::Hard, START_MS, 7);
        assert_eq!(
            hard.due_ms - START_MS,
            330_000,
            "halfway between the two steps: 5.5 minutes"
        );
        // Fuzz stays within its range and repeats for the same seed.
        let review = CardState {
            phase: Phase::Review,
            memory: Some(Memory {
                stability: 40.0,
                difficulty: 5.0,
            }),
            last_review_ms: Some(START_MS),
            due_ms: START_MS,
        };
        let later = START_MS + 40 * DAY_MS;
        let unfuzzed = no_fuzz().review(&review, Rating::Good, later, 0).due_ms;
        let draws: Vec<i64> = (0..50)
            .map(|seed| scheduler.review(&review, Rating::Good, later, seed).due_ms)
            .collect();
        let base = (unfuzzed - later) / DAY_MS;
        let spread = 1.0 + 0.15 * 4.5 + 0.1 * 13.0 + 0.05 * (base as f64 - 20.0);
        assert!(draws
            .iter()
            .all(|due| ((due - later) / DAY_MS - base).abs() as f64 <= spread.round()));
        assert!(draws.iter().any(|&due| due != draws[0]), "fuzz moves some intervals");
        assert_eq!(
            scheduler.review(&review, Rating::Good, later, 3),
            scheduler.review(&review, Rating::Good, later, 3)
        );
    }

    /// fsrs-rs `test_memory_from_sm2` (absolute tolerance 1e-4, as there).
    #[test]
    fn memory_state_from_sm2() {
        let scheduler = no_fuzz();
        for (ease, interval, retention, stability, difficulty) in [
            (2.5, 10.0, 0.9, 10.0, 6.9140563),
            (2.5, 10.0, 0.8, 3.01572, 9.393428),
            (2.5, 10.0, 0.95, 24.841097, 1.2974405),
            (1.3, 20.0, 0.9, 20.0, 10.0),
        ] {
            let memory = scheduler.memory_from_sm2(ease, interval, retention).expect("finite");
            assert_close(memory.stability, stability, 1e-4);
            assert_close(memory.difficulty, difficulty, 1e-4);
        }
        // A converted card grows by about its SM-2 ease at its next Good review on time.
        let memory = scheduler.memory_from_sm2(2.0, 15.0, 0.9);
        let next = scheduler.next_memory(memory, Rating::Good, 15);
        assert_close(next.stability / 15.0, 2.0, 0.01);
    }

    #[test]
    fn retention_is_clamped() {
        let eager = Scheduler::new(Settings {
            desired_retention: 1.5,
            ..Settings::default()
        });
        assert_eq!(eager.settings.desired_retention, 0.99);
    }
}
