//! What a learner has done with each question, how it is stored, and how two
//! copies are merged.
//!
//! Progress is one small record per question id, so answering one question
//! writes one short string however large the quiz is. Each record carries the
//! content hash of the question it was made for ([`Question::content_hash`]):
//! when a teacher edits a question, its record no longer matches and is
//! dropped, while reordering, adding or removing other questions leaves every
//! other record intact. Records are merged by last-update time, so two tabs
//! never overwrite each other's newer answers.

use quiz_stdx::Map;

use crate::cow_map::CowMap;
use crate::schedule::{Card, Grade};
use quiz_format::json::{self, Node, Value, Writer};
use quiz_format::model::{KindName, Question};

/// The version of the stored record format.
pub const FORMAT_VERSION: u32 = 1;

/// What the learner gave as an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    /// One choice index (`single`).
    Choice(usize),
    /// Several choice indices, sorted (`multiple`).
    Choices(Vec<usize>),
    /// `true_false`.
    Bool(bool),
    /// `short`.
    Text(String),
}

impl Response {
    fn write(&self, w: &mut Writer) {
        let index = |i: usize| quiz_stdx::or_never(i64::try_from(i).ok(), 0, "a choice index fits in i64");
        match self {
            Response::Choice(i) => w.number(index(*i)),
            Response::Choices(list) => {
                w.open('[');
                list.iter().for_each(|&i| {
                    w.number(index(i));
                });
                w.close(']')
            }
            Response::Bool(b) => w.bool(*b),
            Response::Text(t) => w.string(t),
        };
    }
}

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemState {
    /// A graded question was checked at least once.
    Answered {
        response: Response,
        correct: bool,
        attempts: u32,
    },
    /// A flashcard was graded at least once.
    Reviewed { card: Card, reviews: u32 },
    /// An exercise has notes or was marked done.
    Practised {
        notes: String,
        done: Option<SelfAssessment>,
    },
}

/// One question's stored progress.
#[derive(Clone, Debug, PartialEq, Eq)]
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
            ItemState::Reviewed { card, .. } => card.last_grade.is_weak(),
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
        w.open('{').key("v").number(FORMAT_VERSION.into());
        w.key("h").string(&format!("{:016x}", self.question_hash));
        w.key("t").number(self.updated_ms);
        match &self.state {
            ItemState::Answered {
                response,
                correct,
                attempts,
            } => {
                w.key("k").string("answer").key("r");
                response.write(w);
                w.key("c").bool(*correct).key("n").number((*attempts).into());
            }
            ItemState::Reviewed { card, reviews } => {
                w.key("k").string("card").key("e").number(card.ease.into());
                w.key("i")
                    .number(card.interval_days.into())
                    .key("s")
                    .number(card.streak.into());
                w.key("d").number(card.due_ms).key("g").string(card.last_grade.as_str());
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
        w.close('}');
    }

    /// Reads a stored record. `None` for anything unreadable or of an unknown
    /// version: one bad record is dropped, never the rest.
    pub fn from_json(text: &str) -> Option<Record> {
        Record::from_node(&json::parse(text).ok()?)
    }

    /// Reads a record from parsed JSON, whatever format version it was
    /// stored in: each older version is migrated forward here. Version 1 is
    /// the first, so there is nothing to migrate yet; a version 2 would add
    /// `2 => read_v2(root)` and turn version 1 records into it.
    pub fn from_node(root: &Node) -> Option<Record> {
        match number(root, "v")? {
            1 => Record::read_v1(root),
            _ => None,
        }
    }

    fn read_v1(root: &Node) -> Option<Record> {
        let question_hash = u64::from_str_radix(root.get("h")?.as_str()?, 16).ok()?;
        let updated_ms = number(root, "t")?;
        let count = |key: &str| number(root, key).and_then(|n| u32::try_from(n).ok());
        let state = match root.get("k")?.as_str()? {
            "answer" => {
                let r = root.get("r")?;
                let response = match &r.value {
                    Value::Number(_) => Response::Choice(usize::try_from(as_int(r)?).ok()?),
                    Value::Array(items) => Response::Choices(
                        items
                            .iter()
                            .map(|i| as_int(i).and_then(|n| usize::try_from(n).ok()))
                            .collect::<Option<_>>()?,
                    ),
                    Value::Bool(b) => Response::Bool(*b),
                    Value::String(s) => Response::Text(s.as_ref().to_owned()),
                    _ => return None,
                };
                let correct = matches!(root.get("c")?.value, Value::Bool(true));
                ItemState::Answered {
                    response,
                    correct,
                    attempts: count("n")?,
                }
            }
            "card" => ItemState::Reviewed {
                card: Card {
                    ease: count("e")?,
                    interval_days: count("i")?,
                    streak: count("s")?,
                    due_ms: number(root, "d")?,
                    last_grade: Grade::from_name(root.get("g")?.as_str()?)?,
                },
                reviews: count("n")?,
            },
            "exercise" => ItemState::Practised {
                notes: root.get("notes")?.as_str()?.to_owned(),
                done: match root.get("done").map(|n| &n.value) {
                    Some(Value::String(s)) => Some(SelfAssessment::from_name(s)?),
                    _ => None,
                },
            },
            _ => return None,
        };
        Some(Record {
            question_hash,
            updated_ms,
            state,
        })
    }
}

fn as_int(node: &Node) -> Option<i64> {
    match &node.value {
        Value::Number(raw) => raw.parse().ok(),
        _ => None,
    }
}

fn number(root: &Node, key: &str) -> Option<i64> {
    as_int(root.get(key)?)
}

/// Picks the record to keep of two for the same question: the newer one; on
/// a tie the one whose stored form sorts last, so that merging in any order
/// gives the same result.
pub fn newer<'a>(a: &'a Record, b: &'a Record) -> &'a Record {
    match a.updated_ms.cmp(&b.updated_ms) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => {
            if a.to_json() >= b.to_json() {
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

/// Merges `incoming` records into `into`, keeping the newer of each pair.
/// Returns the ids whose record changed.
pub fn merge(into: &mut Records, incoming: Map<String, Record>) -> Vec<String> {
    let mut changed = Vec::new();
    for (id, record) in incoming {
        match into.get(&id) {
            Some(existing) if newer(existing, &record) == existing => {}
            _ => {
                changed.push(id.clone());
                into.insert(id, record);
            }
        }
    }
    changed.sort_unstable();
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(t: i64, correct: bool) -> Record {
        Record {
            question_hash: 0xabc,
            updated_ms: t,
            state: ItemState::Answered {
                response: Response::Choice(1),
                correct,
                attempts: 2,
            },
        }
    }

    #[test]
    fn every_state_round_trips_through_its_stored_form() {
        let card = Card {
            ease: 2360,
            interval_days: 6,
            streak: 2,
            due_ms: 1_700_000_000_000,
            last_grade: Grade::Hard,
        };
        let records = [
            answered(5, true),
            Record {
                question_hash: u64::MAX,
                updated_ms: 7,
                state: ItemState::Answered {
                    response: Response::Text("as\"ync\n".into()),
                    correct: false,
                    attempts: 1,
                },
            },
            Record {
                question_hash: 1,
                updated_ms: 8,
                state: ItemState::Answered {
                    response: Response::Choices(vec![0, 2]),
                    correct: true,
                    attempts: 1,
                },
            },
            Record {
                question_hash: 1,
                updated_ms: 8,
                state: ItemState::Answered {
                    response: Response::Bool(false),
                    correct: true,
                    attempts: 3,
                },
            },
            Record {
                question_hash: 2,
                updated_ms: 9,
                state: ItemState::Reviewed { card, reviews: 4 },
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
            "{\"v\":2,\"h\":\"1\",\"t\":1,\"k\":\"answer\",\"r\":1,\"c\":true,\"n\":1}",
            "{\"v\":1}",
        ] {
            assert_eq!(Record::from_json(bad), None, "{bad}");
        }
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
        assert_eq!(changed, vec!["b".to_owned()]);
        assert_eq!(mine.get("a"), Some(&answered(10, true)));
        assert_eq!(mine.get("b"), Some(&answered(20, false)));
    }

    fn random_record(rng: &mut crate::TestRng) -> Record {
        let state = match rng.below(3) {
            0 => ItemState::Answered {
                response: Response::Choice(rng.below(4) as usize),
                correct: rng.below(2) == 0,
                attempts: 1 + rng.below(3) as u32,
            },
            1 => ItemState::Reviewed {
                card: Card::review(None, Grade::ALL[rng.below(4) as usize], rng.below(1000) as i64),
                reviews: 1 + rng.below(5) as u32,
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
                        .map(|_| (format!("q{}", rng.below(5)), random_record(&mut rng)))
                        .collect()
                })
                .collect();
            // The expected result: for each id, the newest record, ties broken by stored form.
            let mut expected: Map<String, Record> = Map::default();
            for copy in &copies {
                for (id, r) in copy {
                    let keep = match expected.get(id) {
                        Some(e) => newer(e, r).clone(),
                        None => r.clone(),
                    };
                    expected.insert(id.clone(), keep);
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
