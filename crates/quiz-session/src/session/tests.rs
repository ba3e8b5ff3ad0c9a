#![allow(clippy::wildcard_enum_match_arm, reason = "a test's catch-all arm fails the test")]
use super::list::fits;
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
        session.apply(Action::Answer(Answer::Choose(1)), 10);
        session.apply(Action::Attempt(Attempt::Check), 10);
        session.apply(Action::Navigate(Navigate::Next), 10);
    }
}

#[test]
fn check_grades_counts_attempts_and_asks_to_save() {
    let mut s = Session::new(quiz(&[("q1", "p1")]), Map::default(), 0);
    assert_eq!(
        s.apply(Action::Attempt(Attempt::Check), 1),
        vec![],
        "nothing picked, nothing checked"
    );
    s.apply(Action::Answer(Answer::Choose(0)), 1);
    let effects = s.apply(Action::Attempt(Attempt::Check), 2);
    let answered = |correct, attempts| {
        Effect::Host(HostEvent::Answered {
            question_id: "q1".into(),
            kind: KindName::Single,
            correct,
            attempts,
            rating: None,
        })
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
            Effect::Store(Storage::SaveRecord("q1".into())),
            answered(false, 1),
            Effect::Host(HostEvent::Completed(done.clone())),
        ],
        "answering the last unanswered item completes the quiz"
    );
    s.apply(Action::Answer(Answer::Choose(1)), 3);
    assert_eq!(
        s.view(0).draft,
        Some(Response::Choice(0)),
        "a checked answer cannot be changed"
    );
    s.apply(Action::View(View::TryAgain), 3);
    s.apply(Action::Answer(Answer::Choose(1)), 3);
    let effects = s.apply(Action::Attempt(Attempt::Check), 4);
    assert_eq!(
        effects,
        vec![Effect::Store(Storage::SaveRecord("q1".into())), answered(true, 2)],
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
    assert_eq!(
        s.apply(Action::Navigate(Navigate::Next), 5),
        vec![Effect::Store(Storage::SaveSettings)]
    );
    assert!(s.is_at_summary());
}

#[test]
fn start_over_and_retry_are_fresh_rounds_that_a_reload_keeps() {
    let quiz = quiz(&[("q1", "p1"), ("q2", "p2"), ("q3", "p3")]);
    let mut s = Session::new(Rc::clone(&quiz), Map::default(), 0);
    for (choice, t) in [(1, 10), (0, 11), (1, 12)] {
        s.apply(Action::Answer(Answer::Choose(choice)), t);
        s.apply(Action::Attempt(Attempt::Check), t);
        s.apply(Action::Navigate(Navigate::Next), t);
    }
    assert!(s.is_at_summary());
    assert_eq!((s.tally().completed, s.tally().correct), (3, 2));

    s.apply(Action::List(List::RetryWrong), 20);
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

    s.apply(Action::Answer(Answer::Choose(1)), 21);
    let effects = s.apply(Action::Attempt(Attempt::Check), 21);
    // The page hears of the whole list, never of the round alone (issue 34).
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Host(HostEvent::Completed(t)) if t.correct == 3 && t.total == 3)),
        "{effects:?}"
    );
    assert_eq!((s.tally().correct, s.tally().total), (1, 1), "the round's own figures");
    assert_eq!((s.whole_tally().correct, s.whole_tally().total), (3, 3));
    assert_eq!(
        again(&s).whole_tally(),
        s.whole_tally(),
        "a reload keeps the list the retry came from"
    );
    // Leaving the retry returns to the whole list, every answer counted.
    s.apply(Action::List(List::LeaveRetry), 21);
    assert!(!s.is_retry());
    assert_eq!((s.items().len(), s.tally().completed, s.tally().correct), (3, 3, 3));
    s.apply(Action::List(List::StartOver), 22);
    assert_eq!(s.items().len(), 3);
    assert_eq!(s.tally().completed, 0);
    s.apply(Action::Navigate(Navigate::GoTo(2)), 23);
    let reloaded = again(&s);
    assert_eq!(
        (reloaded.position, reloaded.tally().completed),
        (2, 0),
        "same item, same round"
    );

    // Practising again ends the round: every answer counts again.
    s.apply(Action::List(List::PickMode(Mode::Practice)), 24);
    assert_eq!((s.tally().completed, s.tally().correct), (3, 3));
    s.apply(Action::Navigate(Navigate::GoTo(1)), 25);
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
    s.apply(Action::Answer(Answer::Choose(0)), 1);
    s.apply(Action::Attempt(Attempt::Check), 1);
    s.apply(Action::Navigate(Navigate::Next), 1);
    s.apply(Action::Answer(Answer::Choose(1)), 1);
    s.apply(Action::Attempt(Attempt::Check), 1);
    s.apply(Action::Navigate(Navigate::Next), 1);
    s.apply(Action::List(List::RetryWrong), 2);
    assert_eq!(s.items(), [0]);
    assert_eq!(s.view(0), ItemView::default());
    s.apply(Action::List(List::PickMode(Mode::Review)), 3);
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
    s.apply(Action::List(List::PickMode(Mode::Due)), 0);
    assert_eq!(s.items(), [0, 1], "new cards are due; an unanswered question is not");
    s.apply(Action::View(View::Flip), 0);
    s.apply(Action::Attempt(Attempt::GradeCard(Grade::Easy)), 0);
    assert_eq!(
        (s.due(), s.next_due()),
        (1, Some(8 * day)),
        "Easy on a new card: 8 days"
    );
    // The question answered right at once comes back in 2 days (Good).
    s.apply(Action::List(List::PickMode(Mode::Practice)), 0);
    s.apply(Action::Navigate(Navigate::GoTo(2)), 0);
    s.apply(Action::Answer(Answer::Choose(0)), 0);
    s.apply(Action::Attempt(Attempt::Check), 0);
    assert_eq!((s.due(), s.next_due()), (1, Some(2 * day)));
    s.apply(Action::List(List::PickMode(Mode::Due)), 2 * day);
    assert_eq!(s.items(), [1, 2]);
    assert_eq!(s.view(2), ItemView::default(), "a due question starts fresh");
    s.apply(Action::List(List::PickMode(Mode::Due)), 8 * day);
    assert_eq!(s.items(), [0, 1, 2]);
}

#[test]
fn a_card_reviewed_before_the_due_round_is_not_done_in_it() {
    let text = r#"{"id": "c", "title": "C", "questions": [
        {"id": "c1", "type": "flashcard", "prompt": "f1", "back": "b1"}]}"#;
    let quiz = Rc::new(quiz_format::load(text).quiz.unwrap());
    let day = crate::schedule::DAY_MS;
    let mut s = Session::new(quiz, Map::default(), 0);
    s.apply(Action::View(View::Flip), 0);
    s.apply(Action::Attempt(Attempt::GradeCard(Grade::Good)), 0);
    assert_eq!(s.tally().completed, 1, "reviewed today");
    s.apply(Action::List(List::PickMode(Mode::Due)), day + 1);
    assert_eq!(s.items(), [0], "due again the next day");
    assert_eq!(s.tally().completed, 0, "yesterday's review does not do today's");
    assert!(s.record_of(0).is_some(), "its schedule still shows");
    s.apply(Action::View(View::Flip), day + 2);
    s.apply(Action::Attempt(Attempt::GradeCard(Grade::Good)), day + 2);
    assert_eq!(s.tally().completed, 1);
    // Staying in due mode into the next day: the round is a day's.
    s.apply(Action::Navigate(Navigate::GoTo(0)), 3 * day);
    assert_eq!(s.items(), [0]);
    assert_eq!(
        s.tally().completed,
        0,
        "yesterday's review, in the same mode, does not do today's"
    );
    let mut reloaded = Session::new(Rc::clone(s.quiz()), s.records().clone(), 3 * day);
    assert!(reloaded.restore_settings(&s.settings_json()));
    assert_eq!(reloaded.tally().completed, 0, "nor after a reload");
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
    s.apply(Action::Answer(Answer::Choose(0)), california(20 * hour));
    s.apply(Action::Attempt(Attempt::Check), california(20 * hour));
    assert_eq!(s.next_due(), Some(2 * day + 20 * hour));
    // The evening before, 20:00 there, is already that day in Greenwich.
    s.apply(Action::List(List::PickMode(Mode::Due)), california(2 * day + 4 * hour));
    assert_eq!(
        (s.due(), s.items().len()),
        (0, 0),
        "not due before the learner's midnight"
    );
    s.apply(Action::List(List::PickMode(Mode::Due)), 2 * day + 4 * hour);
    assert_eq!(s.due(), 1, "a UTC clock counts it: the learner's clock is what differs");
    s.apply(Action::List(List::PickMode(Mode::Due)), california(2 * day + 8 * hour));
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
        Action::Transfer(Transfer::MergeRecords(Map::from_iter([(
            "q2".to_owned(),
            v1(1, 6_000),
        )]))),
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
    let effects = fresh.apply(Action::Transfer(Transfer::ImportRecords(records)), 12_000);
    assert!(
        effects.contains(&Effect::Store(Storage::SaveRecord("q1".to_owned()))),
        "{effects:?}"
    );
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
    s.apply(Action::Navigate(Navigate::GoTo(1)), 0);
    s.apply(Action::Answer(Answer::Choose(1)), 0);
    s.apply(Action::Attempt(Attempt::Check), 0);
    let record = s.record_of(1).unwrap();
    assert!(record.state.schedule().is_none());
    assert_eq!((s.due(), s.next_due()), (1, None), "only the new card");
    // Retention 0.95 brings an Easy card back sooner than 0.9 would (8 days).
    s.apply(Action::Navigate(Navigate::GoTo(0)), 0);
    s.apply(Action::View(View::Flip), 0);
    let back = s.comes_back(Grade::Easy, 0).unwrap();
    s.apply(Action::Attempt(Attempt::GradeCard(Grade::Easy)), 0);
    assert_eq!(s.next_due(), Some(back));
    assert!(back < 8 * crate::schedule::DAY_MS, "{back}");
}

#[test]
fn shuffle_is_deterministic_per_seed() {
    let q: Vec<(String, String)> = (0..20).map(|i| (format!("q{i}"), format!("p{i}"))).collect();
    let refs: Vec<(&str, &str)> = q.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let mut a = Session::new(quiz(&refs), Map::default(), 0);
    let mut b = a.clone();
    a.apply(Action::List(List::Shuffle(Some(42))), 0);
    b.apply(Action::List(List::Shuffle(Some(42))), 0);
    assert_eq!(a.items(), b.items());
    assert_ne!(a.items(), &(0..20).collect::<Vec<_>>()[..]);
    assert_eq!(a.choice_order(3), b.choice_order(3));
    a.apply(Action::List(List::Shuffle(None)), 0);
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
    s.apply(Action::List(List::PickSection(Some("s2".into()))), 0);
    assert_eq!(s.items(), [1, 2]);
    assert_eq!(s.topics(), vec!["y".to_owned()]);
    s.apply(Action::List(List::FilterDifficulty(Some(Difficulty::Basic))), 0);
    assert_eq!(s.items(), [2]);
    s.apply(Action::List(List::PickSection(None)), 0);
    s.apply(Action::List(List::FilterTopic(Some("x".into()))), 0);
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
                0 => Action::Answer(Answer::Choose(rng.below(3) as usize)),
                1 => Action::Answer(Answer::Toggle(rng.below(3) as usize)),
                2 => Action::Answer(Answer::ChooseTruth(rng.below(2) == 0)),
                3 | 4 => Action::Attempt(Attempt::Check),
                5 => Action::View(View::TryAgain),
                6 => Action::Attempt(Attempt::GradeCard(Grade::ALL[rng.below(4) as usize])),
                7 => Action::Attempt(Attempt::MarkDone(SelfAssessment::NeedsReview)),
                8 | 9 => Action::Navigate(Navigate::Next),
                10 => Action::Navigate(Navigate::Previous),
                11 => Action::List(List::PickSection(
                    [None, Some("a".to_owned()), Some("b".to_owned())][rng.below(3) as usize].clone(),
                )),
                12 => Action::List(List::PickMode(
                    [Mode::Practice, Mode::Review, Mode::Due][rng.below(3) as usize],
                )),
                13 => Action::List(List::RetryWrong),
                14 => Action::List(List::Shuffle(Some(rng.below(1000)))),
                15 | 16 => Action::Transfer(Transfer::MergeRecords(another_tabs_records(&quiz, &mut rng, now))),
                _ => Action::Navigate(Navigate::GoTo(rng.below(7) as usize)),
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
                let q = &s.quiz.questions[i];
                by_hand.add(&Tally::of(
                    q,
                    super::list::counted(s.round_start_now(), s.records.get(&q.id)),
                ));
            }
            assert_eq!(s.tally(), by_hand, "run {run}");
        }
    }
}
