//! Property tests of the session, the merge and the progress transfer, with
//! proptest's shrinking: a failure is reported as its smallest sequence.

use std::collections::BTreeSet;

use quiz_stdx::Map;
use std::rc::Rc;

use proptest::prelude::*;

use super::*;
use crate::progress::{merge, ItemState, Record, Records, Response, SelfAssessment};
use crate::schedule::{test_schedule, Grade};

/// Two sections, every kind, topics and difficulties to filter by.
const QUIZ: &str = r#"{ "id": "props", "title": "Props",
  "sections": [ { "id": "s1", "title": "One" }, { "id": "s2", "title": "Two" } ],
  "questions": [
    { "id": "q1", "type": "single", "section": "s1", "topic": "A", "difficulty": "basic",
      "prompt": "p", "choices": ["a", "b", "c"], "answer": 1, "explanation": "e" },
    { "id": "q2", "type": "multiple", "section": "s1", "topic": "B",
      "prompt": "p", "choices": ["a", "b", "c"], "answers": [0, 2], "explanation": "e" },
    { "id": "q3", "type": "true_false", "section": "s2", "topic": "A", "prompt": "p", "answer": true, "explanation": "e" },
    { "id": "q4", "type": "short", "section": "s2", "prompt": "p", "accept": ["yes"], "explanation": "e" },
    { "id": "q5", "type": "flashcard", "section": "s1", "topic": "B", "prompt": "p", "back": "b" },
    { "id": "q6", "type": "flashcard", "section": "s2", "prompt": "p2", "back": "b2" },
    { "id": "q7", "type": "exercise", "section": "s2", "difficulty": "expert", "prompt": "p" }
  ] }"#;

const IDS: [&str; 7] = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"];

fn quiz() -> Rc<ValidQuiz> {
    Rc::new(quiz_format::load(QUIZ).quiz.expect("the property quiz is valid"))
}

fn grade() -> impl Strategy<Value = Grade> {
    prop_oneof![
        Just(Grade::Again),
        Just(Grade::Hard),
        Just(Grade::Good),
        Just(Grade::Easy)
    ]
}

/// A state of each of the three shapes: an answer, a card, an exercise.
fn states() -> impl Strategy<Value = [ItemState; 3]> {
    let answered = (0usize..3, any::<bool>(), 1u32..5, prop::option::of((grade(), 0i64..10))).prop_map(
        |(c, correct, attempts, schedule)| ItemState::Answered {
            response: Response::Choice(c),
            correct,
            attempts,
            schedule: schedule.map(|(g, days)| test_schedule(g, days * 86_400_000)),
        },
    );
    let reviewed = (grade(), 0i64..10, 1u32..4).prop_map(|(g, days, reviews)| ItemState::Reviewed {
        schedule: test_schedule(g, days * 86_400_000),
        last: g,
        reviews,
    });
    let practised = (
        "[a-z ]{0,6}",
        prop::option::of(prop_oneof![
            Just(SelfAssessment::Confident),
            Just(SelfAssessment::NeedsReview)
        ]),
    )
        .prop_map(|(notes, done)| ItemState::Practised { notes, done });
    (answered, reviewed, practised).prop_map(|(a, r, p)| [a, r, p])
}

/// A record for one of the quiz's questions; `hash_fits` makes it one
/// written for the question as it is now.
fn record(quiz: &Quiz) -> impl Strategy<Value = (String, Record)> {
    let hashes: Vec<u64> = quiz.questions.iter().map(|q| q.content_hash()).collect();
    // The state has the shape of the question's kind, as every record of
    // an id does (a record of another kind would be for another question).
    let shapes: Vec<usize> = quiz
        .questions
        .iter()
        .map(|q| match q.kind.name() {
            KindName::Flashcard => 1,
            KindName::Exercise => 2,
            KindName::Single
            | KindName::Multiple
            | KindName::TrueFalse
            | KindName::Short
            | KindName::Numeric
            | KindName::Ordering
            | KindName::Matching
            | KindName::Cloze
            | KindName::Tracing => 0,
        })
        .collect();
    (0..IDS.len(), 0i64..4, states(), any::<bool>()).prop_map(move |(i, t, states, hash_fits)| {
        let hash = hashes.get(i).copied().unwrap_or_default();
        let state = states[shapes.get(i).copied().unwrap_or_default()].clone();
        let record = Record {
            question_hash: if hash_fits { hash } else { hash ^ 1 },
            updated_ms: t,
            state,
        };
        (IDS.get(i).copied().unwrap_or_default().to_owned(), record)
    })
}

fn records(quiz: &Quiz) -> impl Strategy<Value = Map<String, Record>> {
    prop::collection::vec(record(quiz), 0..7).prop_map(|list| list.into_iter().collect())
}

fn action(quiz: &Quiz) -> impl Strategy<Value = Action> {
    let merged = records(quiz).prop_map(|mut r| {
        // Another tab writes later than anything here, mostly.
        r.values_mut().for_each(|record| record.updated_ms += 1_000);
        Action::Transfer(Transfer::MergeRecords(r))
    });
    prop_oneof![
        (0usize..3).prop_map(|x| Action::Answer(Answer::Choose(x))),
        (0usize..3).prop_map(|x| Action::Answer(Answer::Toggle(x))),
        any::<bool>().prop_map(|x| Action::Answer(Answer::ChooseTruth(x))),
        prop_oneof![Just("yes"), Just("no"), Just("")].prop_map(|t| Action::Answer(Answer::Type(t.to_owned()))),
        Just(Action::Attempt(Attempt::Check)),
        Just(Action::Attempt(Attempt::Check)),
        Just(Action::View(View::TryAgain)),
        Just(Action::View(View::RevealAnswer)),
        Just(Action::View(View::ShowHint)),
        Just(Action::View(View::Flip)),
        grade().prop_map(|x| Action::Attempt(Attempt::GradeCard(x))),
        "[a-z]{0,4}".prop_map(|x| Action::Attempt(Attempt::WriteNotes(x))),
        prop_oneof![Just(SelfAssessment::Confident), Just(SelfAssessment::NeedsReview)]
            .prop_map(|x| Action::Attempt(Attempt::MarkDone(x))),
        Just(Action::Navigate(Navigate::Next)),
        Just(Action::Navigate(Navigate::Next)),
        Just(Action::Navigate(Navigate::Previous)),
        (0usize..9).prop_map(|x| Action::Navigate(Navigate::GoTo(x))),
        prop_oneof![Just(None), Just(Some("s1")), Just(Some("s2"))]
            .prop_map(|s| Action::List(List::PickSection(s.map(str::to_owned)))),
        prop_oneof![Just(Mode::Practice), Just(Mode::Review), Just(Mode::Due)]
            .prop_map(|x| Action::List(List::PickMode(x))),
        prop_oneof![Just(None), Just(Some(Difficulty::Basic))].prop_map(|x| Action::List(List::FilterDifficulty(x))),
        prop_oneof![Just(None), Just(Some("A")), Just(Some("B"))]
            .prop_map(|t| Action::List(List::FilterTopic(t.map(str::to_owned)))),
        Just(Action::List(List::RetryWrong)),
        Just(Action::List(List::StartOver)),
        Just(Action::List(List::ResetProgress)),
        prop::option::of(any::<u64>()).prop_map(|x| Action::List(List::Shuffle(x))),
        merged,
    ]
}

/// Ids whose record differs between `before` and `after`.
fn changed(before: &Records, after: &Records) -> BTreeSet<String> {
    let ids: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    ids.into_iter()
        .filter(|id| before.get(*id) != after.get(*id))
        .cloned()
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever the learner does, the header's figures equal a full recount,
    /// every record change asks to be saved (and nothing else does), and every
    /// answer told to the host page is one that is saved.
    #[test]
    fn counts_stay_exact_and_no_effect_is_lost(
        stored in records(&quiz()),
        steps in prop::collection::vec((action(&quiz()), 0i64..(3 * 86_400_000)), 1..40),
    ) {
        let mut session = Session::new(quiz(), stored, 0);
        let mut now = 0;
        for (action, wait) in steps {
            now += wait;
            let before = session.records.clone();
            let merging = matches!(action, Action::Transfer(Transfer::MergeRecords(_)));
            let resetting = matches!(action, Action::List(List::ResetProgress));
            let effects = session.apply(action, now);

            let mut recounted = session.clone();
            recounted.recount();
            prop_assert_eq!(&session.counts, &recounted.counts);

            let saved: BTreeSet<String> = effects.iter().filter_map(|e| match e {
                Effect::Store(Storage::SaveRecord(id)) => Some(id.clone()),
                Effect::Store(Storage::ClearRecords) | Effect::Store(Storage::SaveSettings) | Effect::Host(HostEvent::Answered { .. }) | Effect::Host(HostEvent::Completed(_)) | Effect::Imported(_) => None,
            }).collect();
            let changed = changed(&before, &session.records);
            if merging {
                // Records from storage are stored already.
                prop_assert!(saved.is_empty(), "a merge asked to save {:?}", saved);
            } else if resetting {
                prop_assert!(effects.contains(&Effect::Store(Storage::ClearRecords)));
                prop_assert!(session.records.is_empty());
            } else {
                prop_assert_eq!(&saved, &changed);
            }
            for effect in &effects {
                if let Effect::Host(HostEvent::Answered { question_id, .. }) = effect {
                    prop_assert!(saved.contains(question_id));
                }
            }
        }
    }

    #[test]
    fn merge_is_commutative_associative_and_idempotent(
        a in records(&quiz()), b in records(&quiz()), c in records(&quiz()),
    ) {
        let merged = |x: &Map<String, Record>, y: &Map<String, Record>| {
            let mut into = Records::from(x.clone());
            merge(&mut into, y.clone());
            into
        };
        let plain = |r: &Records| -> Map<String, Record> {
            r.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
        };
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        prop_assert_eq!(merged(&plain(&merged(&a, &b)), &c), merged(&a, &plain(&merged(&b, &c))));
        prop_assert_eq!(merged(&a, &a), Records::from(a.clone()));
        let mut twice = merged(&a, &b);
        prop_assert!(merge(&mut twice, b.clone()).is_empty(), "merging the same records again changes nothing");
    }

    #[test]
    fn export_then_import_is_the_identity(stored in records(&quiz()), now in 0i64..1_000_000) {
        let stored = Records::from(stored);
        let text = crate::transfer::export_progress("props", &stored, now);
        let mut imported = Records::new();
        let (changed, summary) = crate::transfer::import_progress(&text, "props", |_, _| true, &mut imported)
            .map_err(TestCaseError::fail)?;
        prop_assert_eq!(&imported, &stored);
        prop_assert_eq!(summary.added, stored.len());
        prop_assert_eq!(changed.len(), stored.len());
    }

    /// `Session::start` keeps its order: the host's attributes win over
    /// what is stored, and a later visit, started from what the first one
    /// stored with other entropy, shows the same list with nothing new to
    /// save (the learner's shuffle and draw are theirs).
    #[test]
    fn a_later_visit_starts_where_the_first_left_off(
        stored in records(&quiz()),
        section in prop_oneof![Just(None), Just(Some("s1")), Just(Some("s2"))],
        mode in prop_oneof![Just(None), Just(Some(Mode::Practice)), Just(Some(Mode::Review)), Just(Some(Mode::Due))],
        shuffle in any::<bool>(),
        draw in prop::option::of(1u16..5),
        exam in any::<bool>(),
        seeds in (any::<u64>(), any::<u64>()),
    ) {
        let host = HostChoices { section: section.map(str::to_owned), mode, shuffle, draw, exam };
        let mut entropy = [seeds.0, seeds.0 ^ 0x5555].into_iter().cycle();
        let first = Session::start(quiz(), stored, None, host.clone(), 1_000, || entropy.next().unwrap_or(0));
        let s = &first.session;
        prop_assert_eq!(s.filters().section.as_deref(), host.section.as_deref());
        prop_assert_eq!(s.mode(), mode.unwrap_or_default());
        prop_assert_eq!(first.save_settings, draw.is_some());
        prop_assert_eq!(s.exam().is_some(), exam);

        let settings = s.settings_json();
        let mut other = [seeds.1, !seeds.1].into_iter().cycle();
        let again = Session::start(quiz(), s.records().clone(), Some(&settings), host.clone(), 2_000, || other.next().unwrap_or(0));
        prop_assert!(!again.save_settings);
        prop_assert_eq!(again.session.items(), s.items());
        prop_assert_eq!(again.session.mode(), s.mode());
        prop_assert_eq!(again.session.filters(), s.filters());
    }
}
