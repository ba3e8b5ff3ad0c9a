//! What a learner has done with each question, how it is stored, and how two
//! copies are merged.
//!
//! Progress is one small record per question id, so answering one question
//! writes one short string however large the quiz is. Each record carries the
//! content hash of the question it was made for ([`Question::content_hash`]):
//! when a teacher edits a question, its record no longer matches and is
//! dropped, while reordering, adding or removing other questions leaves every
//! other record intact. Records are merged by last-update time, so two tabs
//! never overwrite each other's newer answers, and their review logs are
//! joined, so neither loses a review.
//!
//! The stored form is versioned. Version 2 adds the FSRS schedule and the
//! review log; version 1 records (SM-2 cards, answers without a schedule)
//! are read and migrated by [`Record::from_node`], never dropped.

use quiz_stdx::Map;

use crate::cow_map::CowMap;
use crate::fsrs::{CardState, Memory, Phase, Scheduler, Settings};
use crate::schedule::{Grade, Logged, Schedule, DAY_MS};
use quiz_format::json::{self, Node, Value, Writer};
use quiz_format::model::{KindName, Question};

pub use crate::response::Response;
use crate::response::{as_int, index, integers};

/// The version of the stored record format.
pub const FORMAT_VERSION: u32 = 2;

/// How a learner judged their own exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfAssessment {
    Confident,
    NeedsReview,
}

impl SelfAssessment {
    pub fn as_str(self) -> &'static str {
        match self {
            SelfAssessment::Confident => "confident",
            SelfAssessment::NeedsReview => "needs_review",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        [SelfAssessment::Confident, SelfAssessment::NeedsReview]
            .into_iter()
            .find(|s| s.as_str() == name)
    }
}

/// The learner's state on one question.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemState {
    /// A graded question was checked at least once. Its schedule is `None`
    /// when the quiz does not schedule graded questions.
    Answered {
        response: Response,
        correct: bool,
        attempts: u32,
        schedule: Option<Schedule>,
    },
    /// A flashcard was graded at least once.
    Reviewed {
        schedule: Schedule,
        last: Grade,
        reviews: u32,
    },
    /// An exercise has notes or was marked done.
    Practised {
        notes: String,
        done: Option<SelfAssessment>,
    },
}

impl ItemState {
    /// The item's spaced-repetition schedule, if it has one.
    pub fn schedule(&self) -> Option<&Schedule> {
        match self {
            ItemState::Answered { schedule, .. } => schedule.as_ref(),
            ItemState::Reviewed { schedule, .. } => Some(schedule),
            ItemState::Practised { .. } => None,
        }
    }
}

/// One question's stored progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// [`Question::content_hash`] of the question when this was recorded.
    pub question_hash: u64,
    /// Last change, in ms since the epoch; the newer record wins a merge.
    pub updated_ms: i64,
    pub state: ItemState,
}

impl Record {
    /// Whether this record was made for `question` as it is now.
    pub fn fits(&self, question: &Question) -> bool {
        self.question_hash == question.content_hash()
            && match &self.state {
                ItemState::Answered { .. } => !question.kind.name().is_self_graded(),
                ItemState::Reviewed { .. } => question.kind.name() == KindName::Flashcard,
                ItemState::Practised { .. } => question.kind.name() == KindName::Exercise,
            }
    }

    /// Whether the learner got this wrong or found it hard, for "review mistakes".
    pub fn is_mistake(&self) -> bool {
        match &self.state {
            ItemState::Answered { correct, .. } => !correct,
            ItemState::Reviewed { last, .. } => last.is_weak(),
            ItemState::Practised { done, .. } => *done == Some(SelfAssessment::NeedsReview),
        }
    }

    /// Whether the item counts as completed in the progress bar.
    pub fn is_complete(&self) -> bool {
        match &self.state {
            ItemState::Answered { .. } | ItemState::Reviewed { .. } => true,
            ItemState::Practised { done, .. } => done.is_some(),
        }
    }

    /// The record as compact JSON, as stored.
    pub fn to_json(&self) -> String {
        let mut writer = Writer::compact();
        self.write(&mut writer);
        writer.finish()
    }

    /// Writes the record as a JSON object.
    pub fn write(&self, w: &mut Writer) {
        self.write_with_schedule(w, true);
    }

    fn write_with_schedule(&self, w: &mut Writer, with_schedule: bool) {
        w.open('{').key("v").number(FORMAT_VERSION.into());
        w.key("h").string(&format!("{:016x}", self.question_hash));
        w.key("t").number(self.updated_ms);
        match &self.state {
            ItemState::Answered {
                response,
                correct,
                attempts,
                ..
            } => {
                w.key("k").string("answer").key("r");
                response.write(w);
                w.key("c").bool(*correct).key("n").number((*attempts).into());
            }
            ItemState::Reviewed { last, reviews, .. } => {
                w.key("k").string("card").key("g").string(last.as_str());
                w.key("n").number((*reviews).into());
            }
            ItemState::Practised { notes, done } => {
                w.key("k").string("exercise").key("notes").string(notes).key("done");
                match done {
                    Some(d) => w.string(d.as_str()),
                    None => w.raw("null"),
                };
            }
        }
        if let Some(schedule) = self.state.schedule().filter(|_| with_schedule) {
            write_schedule(w, schedule);
        }
        w.close('}');
    }

    /// Reads a stored record. `None` for anything unreadable or of an unknown
    /// version: one bad record is dropped, never the rest.
    pub fn from_json(text: &str) -> Option<Record> {
        Record::from_node(&json::parse(text).ok()?)
    }

    /// Reads a record from parsed JSON, whatever format version it was
    /// stored in: version 1 records are migrated to version 2 here.
    pub fn from_node(root: &Node) -> Option<Record> {
        let question_hash = u64::from_str_radix(root.get("h")?.as_str()?, 16).ok()?;
        let updated_ms = number(root, "t")?;
        let state = match number(root, "v")? {
            1 => read_v1(root)?,
            2 => read_v2(root)?,
            _ => return None,
        };
        Some(Record {
            question_hash,
            updated_ms,
            state,
        })
    }

    /// Joins `other`'s schedule into this record's ([`Schedule::join`]). An
    /// answer kept without a schedule (the quiz scheduled only flashcards
    /// when it was given) takes the other's: no review is ever dropped.
    fn join_schedule(&mut self, other: &Record) {
        let Some(theirs) = other.state.schedule() else { return };
        match &mut self.state {
            ItemState::Answered {
                schedule: Some(mine), ..
            }
            | ItemState::Reviewed { schedule: mine, .. } => mine.join(theirs),
            ItemState::Answered { schedule, .. } => *schedule = Some(theirs.clone()),
            ItemState::Practised { .. } => {}
        }
    }
}

fn count(root: &Node, key: &str) -> Option<u32> {
    number(root, key).and_then(|n| u32::try_from(n).ok())
}

fn read_practised(root: &Node) -> Option<ItemState> {
    Some(ItemState::Practised {
        notes: root.get("notes")?.as_str()?.to_owned(),
        done: if let Some(Value::String(s)) = root.get("done").map(|n| &n.value) {
            Some(SelfAssessment::from_name(s)?)
        } else {
            None
        },
    })
}

fn read_v2(root: &Node) -> Option<ItemState> {
    let schedule = match root.get("f") {
        Some(f) => Some(read_schedule(f, root.get("log"))?),
        None => None,
    };
    Some(match root.get("k")?.as_str()? {
        "answer" => ItemState::Answered {
            response: Response::read(root.get("r")?)?,
            correct: matches!(root.get("c")?.value, Value::Bool(true)),
            attempts: count(root, "n")?,
            schedule,
        },
        "card" => ItemState::Reviewed {
            schedule: schedule?,
            last: Grade::from_name(root.get("g")?.as_str()?)?,
            reviews: count(root, "n")?,
        },
        "exercise" => read_practised(root)?,
        _ => return None,
    })
}

/// Millionths, as stability and difficulty are stored.
fn millionths(x: f64) -> i64 {
    (x * 1e6).round_ties_even() as i64
}

/// `"f"`: the FSRS card as numbers, `[phase, step, due]` for a card never
/// reviewed and `[phase, step, due, last review, stability, difficulty]`
/// after a review (phase 0 learning, 1 review, 2 relearning; stability and
/// difficulty in millionths); `"log"`: the reviews as `[grade, time, …]`.
/// Flat lists of integers: the shortest stored form and the smallest reader.
fn write_schedule(w: &mut Writer, schedule: &Schedule) {
    let card = schedule.card();
    let (phase, step) = match card.phase {
        Phase::Learning(step) => (0, step),
        Phase::Review => (1, 0),
        Phase::Relearning(step) => (2, step),
    };
    w.key("f")
        .open('[')
        .number(phase)
        .number(index(step))
        .number(card.due_ms);
    if let (Some(last), Some(m)) = (card.last_review_ms, card.memory) {
        w.number(last)
            .number(millionths(m.stability))
            .number(millionths(m.difficulty));
    }
    w.close(']').key("log").open('[');
    for entry in schedule.log() {
        w.number(entry.grade as i64).number(entry.at_ms);
    }
    w.close(']');
}

fn read_schedule(f: &Node, log: Option<&Node>) -> Option<Schedule> {
    let (card, reviewed) = match *integers(Some(f))?.as_slice() {
        [phase, step, due] => ((phase, step, due), None),
        [phase, step, due, last, s, d] => ((phase, step, due), Some((last, s, d))),
        _ => return None,
    };
    let (phase, step, due_ms) = card;
    let step = usize::try_from(step).ok()?;
    let phase = match phase {
        0 => Phase::Learning(step),
        1 => Phase::Review,
        2 => Phase::Relearning(step),
        _ => return None,
    };
    let memory = reviewed.map(|(_, s, d)| Memory {
        stability: s as f64 / 1e6,
        difficulty: d as f64 / 1e6,
    });
    let card = CardState {
        phase,
        memory,
        last_review_ms: reviewed.map(|(last, _, _)| last),
        due_ms,
    };
    let log = integers(log).unwrap_or_default();
    let entries = log.chunks(2).map(|pair| match *pair {
        [grade, at_ms] => Some(Logged {
            grade: Grade::from_number(grade)?,
            at_ms,
        }),
        _ => None,
    });
    Some(Schedule::new(card, entries.collect::<Option<Vec<_>>>()?))
}

/// A version 1 record as a version 2 state. Answers keep their response,
/// result and attempts, without a schedule: the session gives them the one
/// their last check gives, as it does any answer without one (it knows the
/// quiz's schedulers). SM-2 cards keep their due time, last grade and review
/// count and get the FSRS memory their ease and interval stand for
/// ([`Scheduler::memory_from_sm2`], with the default weights).
fn read_v1(root: &Node) -> Option<ItemState> {
    Some(match root.get("k")?.as_str()? {
        "answer" => ItemState::Answered {
            response: Response::read(root.get("r")?)?,
            correct: matches!(root.get("c")?.value, Value::Bool(true)),
            attempts: count(root, "n")?,
            schedule: None,
        },
        "card" => {
            let scheduler = Scheduler::new(Settings::default());
            let ease = f64::from(count(root, "e")?) / 1000.0;
            let interval_days = count(root, "i")?;
            let reviews = count(root, "n")?;
            let due_ms = number(root, "d")?;
            let memory = scheduler.memory_from_sm2(ease, f64::from(interval_days.max(1)), 0.9)?;
            // SM-2 set a lapsed card 10 minutes ahead with no interval.
            let (phase, last_review_ms) = match interval_days {
                0 if reviews > 1 => (Phase::Relearning(0), due_ms - 10 * 60_000),
                0 => (Phase::Learning(0), due_ms - 10 * 60_000),
                days => (Phase::Review, due_ms - i64::from(days) * DAY_MS),
            };
            let card = CardState {
                phase,
                memory: Some(memory),
                last_review_ms: Some(last_review_ms),
                due_ms,
            };
            ItemState::Reviewed {
                schedule: Schedule::new(card, Vec::new()),
                last: Grade::from_name(root.get("g")?.as_str()?)?,
                reviews,
            }
        }
        "exercise" => read_practised(root)?,
        _ => return None,
    })
}

fn number(root: &Node, key: &str) -> Option<i64> {
    as_int(root.get(key)?)
}

/// Picks the record to keep of two for the same question: the newer one; on
/// a tie the one whose stored form (without its schedule, which is joined
/// apart) sorts last, so that merging in any order gives the same result.
pub fn newer<'a>(a: &'a Record, b: &'a Record) -> &'a Record {
    let stored = |r: &Record| {
        let mut w = Writer::compact();
        r.write_with_schedule(&mut w, false);
        w.finish()
    };
    match a.updated_ms.cmp(&b.updated_ms) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => {
            if stored(a) >= stored(b) {
                a
            } else {
                b
            }
        }
    }
}

/// A learner's records by question id. Copied with every action in the
/// widget, so a [`CowMap`]: an action copies only the shard it changes.
pub type Records = CowMap<String, Record>;

/// Merges `incoming` records into `into`: the newer of each pair, with the
/// reviews of both logs. Returns the ids whose record changed. In any order
/// the result is the same, as long as the records of an id are of one kind
/// (the session merges only records that fit the question).
pub fn merge(into: &mut Records, incoming: Map<String, Record>) -> Vec<String> {
    let mut changed = Vec::new();
    for (id, record) in incoming {
        let merged = match into.get(&id) {
            Some(existing) => {
                let (mut keep, other) = match std::ptr::eq(newer(existing, &record), existing) {
                    true => (existing.clone(), &record),
                    false => (record.clone(), existing),
                };
                keep.join_schedule(other);
                if keep == *existing {
                    continue;
                }
                keep
            }
            None => record,
        };
        changed.push(id.clone());
        into.insert(id, merged);
    }
    changed.sort_unstable();
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::grade_of_check;

    const START: i64 = 1_750_000_000_000;

    fn questions() -> Scheduler {
        Scheduler::new(Settings {
            learning_steps_minutes: &[10],
            ..Settings::default()
        })
    }

    fn schedule(grades: &[Grade], from: i64) -> Schedule {
        let mut s: Option<Schedule> = None;
        for (i, &g) in grades.iter().enumerate() {
            s = Some(Schedule::after(
                s.as_ref(),
                &questions(),
                g,
                from + i as i64 * DAY_MS,
                9,
            ));
        }
        s.expect("at least one grade")
    }

    fn answered(t: i64, correct: bool) -> Record {
        Record {
            question_hash: 0xabc,
            updated_ms: t,
            state: ItemState::Answered {
                response: Response::Choice(1),
                correct,
                attempts: 2,
                schedule: Some(schedule(&[grade_of_check(correct, 2)], t)),
            },
        }
    }

    #[test]
    #[allow(clippy::too_many_lines, reason = "the expected data is long, the test is not")]
    fn every_state_round_trips_through_its_stored_form() {
        let records = [
            answered(5, true),
            Record {
                question_hash: u64::MAX,
                updated_ms: 7,
                state: ItemState::Answered {
                    response: Response::Text("as\"ync\n".into()),
                    correct: false,
                    attempts: 1,
                    schedule: None,
                },
            },
            Record {
                question_hash: 1,
                updated_ms: 8,
                state: ItemState::Answered {
                    response: Response::Choices(vec![0, 2]),
                    correct: true,
                    attempts: 1,
                    schedule: Some(schedule(&[Grade::Again, Grade::Good, Grade::Good], START)),
                },
            },
            Record {
                question_hash: 4,
                updated_ms: 8,
                state: ItemState::Answered {
                    response: Response::Order(vec![2, 0, 1]),
                    correct: false,
                    attempts: 1,
                    schedule: None,
                },
            },
            Record {
                question_hash: 5,
                updated_ms: 8,
                state: ItemState::Answered {
                    response: Response::Matches(vec![Some(1), None, Some(0)]),
                    correct: false,
                    attempts: 1,
                    schedule: None,
                },
            },
            Record {
                question_hash: 6,
                updated_ms: 8,
                state: ItemState::Answered {
                    response: Response::Blanks(vec!["asyncio.run".into(), "".into(), "a \"b\"".into()]),
                    correct: false,
                    attempts: 1,
                    schedule: None,
                },
            },
            Record {
                question_hash: 1,
                updated_ms: 8,
                state: ItemState::Answered {
                    response: Response::Bool(false),
                    correct: true,
                    attempts: 3,
                    schedule: Some(schedule(&[Grade::Hard], START)),
                },
            },
            Record {
                question_hash: 2,
                updated_ms: 9,
                state: ItemState::Reviewed {
                    schedule: schedule(&[Grade::Good, Grade::Again, Grade::Easy], START),
                    last: Grade::Easy,
                    reviews: 4,
                },
            },
            Record {
                question_hash: 3,
                updated_ms: 10,
                state: ItemState::Practised {
                    notes: "my answer".into(),
                    done: Some(SelfAssessment::NeedsReview),
                },
            },
            Record {
                question_hash: 3,
                updated_ms: 10,
                state: ItemState::Practised {
                    notes: String::new(),
                    done: None,
                },
            },
        ];
        for r in records {
            assert_eq!(Record::from_json(&r.to_json()), Some(r.clone()), "{}", r.to_json());
        }
    }

    #[test]
    fn unreadable_or_future_records_are_dropped() {
        for bad in [
            "",
            "{",
            "null",
            "{\"v\":3,\"h\":\"1\",\"t\":1,\"k\":\"answer\",\"r\":1,\"c\":true,\"n\":1}",
            "{\"v\":1}",
            "{\"v\":2,\"h\":\"1\",\"t\":1,\"k\":\"card\",\"g\":\"good\",\"n\":1}",
            "{\"v\":2,\"h\":\"1\",\"t\":1,\"k\":\"answer\",\"r\":1,\"c\":true,\"n\":1,\"f\":[3,0,1]}",
            "{\"v\":2,\"h\":\"1\",\"t\":1,\"k\":\"answer\",\"r\":1,\"c\":true,\"n\":1,\"f\":[1,0,1,0,1]}",
            "{\"v\":2,\"h\":\"1\",\"t\":1,\"k\":\"answer\",\"r\":1,\"c\":true,\"n\":1,\"f\":[1,0,1],\"log\":[5,1]}",
            "{\"v\":2,\"h\":\"1\",\"t\":1,\"k\":\"answer\",\"r\":1,\"c\":true,\"n\":1,\"f\":[1,0,1],\"log\":[3,1,2]}",
        ] {
            assert_eq!(Record::from_json(bad), None, "{bad}");
        }
    }

    #[test]
    fn version_1_answers_keep_everything() {
        let v1 = format!(
            "{{\"v\":1,\"h\":\"00000000000000ab\",\"t\":{START},\"k\":\"answer\",\"r\":[0,2],\"c\":true,\"n\":3}}"
        );
        let r = Record::from_json(&v1).unwrap();
        assert_eq!((r.question_hash, r.updated_ms), (0xab, START));
        let expected = ItemState::Answered {
            response: Response::Choices(vec![0, 2]),
            correct: true,
            attempts: 3,
            schedule: None,
        };
        assert_eq!(r.state, expected, "the session schedules it (session::tests)");
        // Stored again, it is a version 2 record that reads back the same.
        assert!(r.to_json().starts_with("{\"v\":2,"));
        assert_eq!(Record::from_json(&r.to_json()), Some(r));
    }

    #[test]
    fn version_1_cards_keep_their_due_time_and_get_the_memory_their_ease_stands_for() {
        let due = START + 15 * DAY_MS;
        let v1 = format!("{{\"v\":1,\"h\":\"1\",\"t\":{START},\"k\":\"card\",\"e\":2500,\"i\":15,\"s\":3,\"d\":{due},\"g\":\"good\",\"n\":3}}");
        let r = Record::from_json(&v1).unwrap();
        let ItemState::Reviewed {
            schedule,
            last,
            reviews,
        } = &r.state
        else {
            panic!("{r:?}")
        };
        assert_eq!((*last, *reviews), (Grade::Good, 3));
        let card = schedule.card();
        assert_eq!(
            (card.phase, card.due_ms, card.last_review_ms),
            (Phase::Review, due, Some(START))
        );
        let expected = questions().memory_from_sm2(2.5, 15.0, 0.9).unwrap();
        let memory = card.memory.unwrap();
        assert!(
            (memory.stability - expected.stability).abs() < 1e-6,
            "{memory:?} {expected:?}"
        );
        assert!((memory.difficulty - expected.difficulty).abs() < 1e-6);
        // A lapsed card (SM-2's Again: no interval, due in 10 minutes) is relearning.
        let lapsed = format!("{{\"v\":1,\"h\":\"1\",\"t\":{START},\"k\":\"card\",\"e\":2180,\"i\":0,\"s\":0,\"d\":{},\"g\":\"again\",\"n\":4}}", START + 600_000);
        let r = Record::from_json(&lapsed).unwrap();
        let ItemState::Reviewed { schedule, last, .. } = &r.state else {
            panic!("{r:?}")
        };
        assert_eq!((schedule.card().phase, *last), (Phase::Relearning(0), Grade::Again));
        assert!(r.is_mistake() && schedule.is_due(START));
    }

    #[test]
    fn merge_keeps_the_newer_record() {
        let mut mine = Records::from(Map::from_iter([
            ("a".to_owned(), answered(10, true)),
            ("b".to_owned(), answered(10, true)),
        ]));
        let theirs = Map::from_iter([
            ("a".to_owned(), answered(5, false)),
            ("b".to_owned(), answered(20, false)),
        ]);
        let changed = merge(&mut mine, theirs);
        assert_eq!(
            changed,
            vec!["a".to_owned(), "b".to_owned()],
            "a takes b's older review into its log"
        );
        let a = mine.get("a").unwrap();
        assert_eq!(a.updated_ms, 10);
        assert!(matches!(a.state, ItemState::Answered { correct: true, .. }));
        let log: Vec<i64> = a.state.schedule().unwrap().log().iter().map(|l| l.at_ms).collect();
        assert_eq!(log, vec![5, 10]);
        let b = mine.get("b").unwrap();
        assert!(matches!(b.state, ItemState::Answered { correct: false, .. }) && b.updated_ms == 20);
        // Merging the same again changes nothing.
        let again = Map::from_iter([("a".to_owned(), answered(5, false))]);
        assert!(merge(&mut mine, again).is_empty());
    }

    /// A record for question `q{id}`, whose kind is fixed by its id.
    fn random_record(rng: &mut crate::TestRng, id: u64) -> Record {
        let grades: Vec<Grade> = (0..1 + rng.below(3))
            .map(|_| Grade::ALL[rng.below(4) as usize])
            .collect();
        let from = rng.below(3) as i64 * DAY_MS;
        let state = match id % 3 {
            0 => ItemState::Answered {
                response: Response::Choice(rng.below(4) as usize),
                correct: rng.below(2) == 0,
                attempts: 1 + rng.below(3) as u32,
                schedule: Some(schedule(&grades, from)),
            },
            1 => ItemState::Reviewed {
                schedule: schedule(&grades, from),
                last: grades[grades.len() - 1],
                reviews: grades.len() as u32,
            },
            _ => ItemState::Practised {
                notes: format!("n{}", rng.below(3)),
                done: None,
            },
        };
        // Few distinct times, so ties are common.
        Record {
            question_hash: rng.below(2),
            updated_ms: rng.below(4) as i64,
            state,
        }
    }

    #[test]
    fn merge_is_order_independent_property() {
        let mut rng = crate::TestRng::new(7);
        for _ in 0..300 {
            let copies: Vec<Map<String, Record>> = (0..2 + rng.below(4))
                .map(|_| {
                    (0..rng.below(6))
                        .map(|_| {
                            let id = rng.below(5);
                            (format!("q{id}"), random_record(&mut rng, id))
                        })
                        .collect()
                })
                .collect();
            // The expected result: for each id, the newest record (ties
            // broken by stored form) with every review of every copy.
            let mut expected: Map<String, Record> = Map::default();
            let mut logs: Map<String, Vec<Record>> = Map::default();
            for copy in &copies {
                for (id, r) in copy {
                    let keep = match expected.get(id) {
                        Some(e) => newer(e, r).clone(),
                        None => r.clone(),
                    };
                    expected.insert(id.clone(), keep);
                    logs.entry(id.clone()).or_default().push(r.clone());
                }
            }
            for (id, record) in expected.iter_mut() {
                for other in &logs[id] {
                    record.join_schedule(other);
                }
            }
            for _ in 0..6 {
                let mut order: Vec<usize> = (0..copies.len()).collect();
                for i in (1..order.len()).rev() {
                    order.swap(i, rng.below(i as u64 + 1) as usize);
                }
                let mut merged = Records::new();
                for i in order {
                    merge(&mut merged, copies[i].clone());
                }
                assert_eq!(merged, Records::from(expected.clone()));
            }
        }
    }
}
