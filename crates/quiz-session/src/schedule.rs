//! Spaced repetition for flashcards: the SM-2 algorithm (Wozniak, 1990) with
//! the four-button grading learners know from Anki.
//!
//! Time is passed in (milliseconds since the Unix epoch), never read here, so
//! tests can run a card through simulated weeks.

/// One day in milliseconds.
pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Ease factors are kept in thousandths (2500 = 2.5) so that the schedule is
/// exact and the same on every platform.
const START_EASE: u32 = 2500;
const MIN_EASE: u32 = 1300;

/// How well the learner recalled the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Grade {
    /// Forgot it: see it again today.
    Again,
    /// Recalled with serious difficulty.
    Hard,
    /// Recalled.
    Good,
    /// Recalled at once.
    Easy,
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

    /// Whether the card counts as a mistake for "review mistakes".
    pub fn is_weak(self) -> bool {
        matches!(self, Grade::Again | Grade::Hard)
    }
}

/// The schedule of one card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Card {
    /// Ease factor in thousandths.
    pub ease: u32,
    /// Days until the next review after the last one.
    pub interval_days: u32,
    /// Successful reviews in a row.
    pub streak: u32,
    /// When the card is next due, in ms since the epoch.
    pub due_ms: i64,
    pub last_grade: Grade,
}

impl Card {
    /// Schedules a card after a review at `now_ms`. `previous` is `None` for a
    /// card seen for the first time.
    pub fn review(previous: Option<Card>, grade: Grade, now_ms: i64) -> Card {
        let (ease, interval, streak) = previous.map_or((START_EASE, 0, 0), |c| (c.ease, c.interval_days, c.streak));
        // SM-2's ease update, with quality 2 (Again), 3 (Hard), 4 (Good), 5 (Easy):
        // EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)).
        let ease_change: i64 = match grade {
            Grade::Again => -320,
            Grade::Hard => -140,
            Grade::Good => 0,
            Grade::Easy => 100,
        };
        let ease = (i64::from(ease) + ease_change).clamp(i64::from(MIN_EASE), 5000) as u32;
        let (interval_days, streak) = match grade {
            // A lapse starts the card over; it is due again today.
            Grade::Again => (0, 0),
            _ => {
                let next = match streak {
                    0 => 1,
                    1 => 6,
                    _ => ((u64::from(interval.max(1)) * u64::from(ease)).div_ceil(1000)) as u32,
                };
                let next = match grade {
                    Grade::Hard => (next * 4 / 5).max(1).max(interval.min(next)),
                    Grade::Easy => next + next.div_ceil(3),
                    _ => next,
                };
                (next.min(36_500), streak + 1)
            }
        };
        let due_ms = match grade {
            Grade::Again => now_ms + 10 * 60 * 1000,
            _ => now_ms + i64::from(interval_days) * DAY_MS,
        };
        Card {
            ease,
            interval_days,
            streak,
            due_ms,
            last_grade: grade,
        }
    }

    /// Whether the card should be reviewed by the end of the day containing `now_ms`.
    pub fn is_due(&self, now_ms: i64) -> bool {
        self.due_ms <= end_of_day(now_ms)
    }
}

/// The last millisecond of the UTC day that contains `now_ms`.
pub fn end_of_day(now_ms: i64) -> i64 {
    now_ms.div_euclid(DAY_MS) * DAY_MS + DAY_MS - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: i64 = 1_750_000_000_000;

    fn run(grades: &[Grade]) -> Vec<Card> {
        let mut now = START;
        let mut card = None;
        let mut out = Vec::new();
        for &g in grades {
            let next = Card::review(card, g, now);
            out.push(next);
            now = next.due_ms.max(now + 60_000);
            card = Some(next);
        }
        out
    }

    #[test]
    fn good_reviews_space_out_over_weeks() {
        let cards = run(&[Grade::Good; 5]);
        let intervals: Vec<u32> = cards.iter().map(|c| c.interval_days).collect();
        assert_eq!(intervals, vec![1, 6, 15, 38, 95]);
        let last = cards.last().unwrap();
        assert!(!last.is_due(START + 30 * DAY_MS));
    }

    #[test]
    fn again_resets_and_is_due_today() {
        let cards = run(&[Grade::Good, Grade::Good, Grade::Again]);
        let lapsed = cards[2];
        assert_eq!(lapsed.interval_days, 0);
        assert_eq!(lapsed.streak, 0);
        assert!(lapsed.ease < START_EASE);
        assert!(lapsed.is_due(lapsed.due_ms));
    }

    #[test]
    fn easy_grows_faster_than_good_and_hard_slower() {
        let good = run(&[Grade::Good; 4]).last().unwrap().interval_days;
        let easy = run(&[Grade::Easy; 4]).last().unwrap().interval_days;
        let hard = run(&[Grade::Hard; 4]).last().unwrap().interval_days;
        assert!(easy > good && good > hard, "easy {easy} good {good} hard {hard}");
    }

    #[test]
    fn ease_never_falls_below_the_floor() {
        let cards = run(&[Grade::Again; 20]);
        assert_eq!(cards.last().unwrap().ease, MIN_EASE);
    }

    #[test]
    fn a_month_of_daily_study_reviews_a_good_card_only_a_few_times() {
        let mut card: Option<Card> = None;
        let mut reviews = 0;
        for day in 0..30 {
            let now = START + day * DAY_MS;
            if card.is_none_or(|c| c.is_due(now)) {
                card = Some(Card::review(card, Grade::Good, now));
                reviews += 1;
            }
        }
        assert_eq!(reviews, 4, "days 0, 1, 7 and 22");
    }
}
