//! Points and partial credit: what each answer earns, the list's score,
//! the pass mark, and each item's result.

use std::rc::Rc;

use quiz_session::session::{Action, Answer, Attempt, ItemResult, Navigate, Session};
use quiz_stdx::Map;

const QUIZ: &str = r#"{"id": "p", "title": "Points", "pass_mark": 60, "questions": [
  {"id": "many", "type": "multiple", "prompt": "Which are awaitable?", "choices": ["a coroutine", "a Task", "an int", "a Future"],
   "answers": [0, 1, 3], "points": 3, "explanation": "e"},
  {"id": "order", "type": "ordering", "prompt": "Order", "items": ["one", "two", "three", "four"], "points": 2, "explanation": "e"},
  {"id": "free", "type": "true_false", "prompt": "A practice item", "answer": true, "points": 0, "explanation": "e"},
  {"id": "card", "type": "flashcard", "prompt": "f", "back": "b"}
]}"#;

fn session() -> Session {
    let quiz = quiz_format::load(QUIZ).quiz.expect("valid");
    Session::new(Rc::new(quiz), Map::default(), 0)
}

#[test]
fn partial_answers_earn_part_of_the_points_and_the_pass_mark_decides() {
    let mut s = session();
    // Two of three right choices and one wrong: a third of 3 points.
    for choice in [0, 1, 2] {
        s.apply(Action::Answer(Answer::Toggle(choice)), 1);
    }
    s.apply(Action::Attempt(Attempt::Check), 1);
    assert_eq!((s.tally().score, s.tally().max_score), (999, 5000));
    // The ordering item: move the shuffled items until two of four stand in place.
    s.apply(Action::Navigate(Navigate::Next), 2);
    let start = match s.view(1).draft {
        Some(quiz_session::progress::Response::Order(order)) => order,
        other => panic!("{other:?}"),
    };
    let in_place = start.iter().enumerate().filter(|(at, i)| at == *i).count();
    s.apply(Action::Attempt(Attempt::Check), 2);
    let earned = 999 + 2 * (in_place as u64 * 1000 / 4);
    assert_eq!(s.tally().score, earned);
    assert_eq!(s.tally().passed(Some(60)), Some(earned * 100 >= 60 * 5000));
    // A 0-point item counts nothing either way; a flashcard is not graded.
    s.apply(Action::Navigate(Navigate::Next), 3);
    s.apply(Action::Answer(Answer::ChooseTruth(true)), 3);
    s.apply(Action::Attempt(Attempt::Check), 3);
    assert_eq!((s.tally().score, s.tally().max_score), (earned, 5000));
    let results = s.results();
    assert_eq!(
        results,
        vec![
            ItemResult {
                question_id: "many".into(),
                correct: false,
                score: 999,
                max_score: 3000
            },
            ItemResult {
                question_id: "order".into(),
                correct: false,
                score: earned - 999,
                max_score: 2000
            },
            ItemResult {
                question_id: "free".into(),
                correct: true,
                score: 0,
                max_score: 0
            },
        ]
    );
}

#[test]
fn all_right_passes_and_nothing_without_a_pass_mark() {
    let mut s = session();
    for choice in [0, 1, 3] {
        s.apply(Action::Answer(Answer::Toggle(choice)), 1);
    }
    s.apply(Action::Attempt(Attempt::Check), 1);
    assert_eq!(s.tally().score, 3000);
    assert_eq!(s.tally().passed(Some(60)), Some(true), "3 of 5 points is 60 %");
    assert_eq!(s.tally().passed(None), None);
}

#[test]
fn the_teacher_file_with_every_kind_validates_cleanly_and_writes_back_the_same() {
    let quiz = crate::valid(&crate::read("tests/e2e/fixtures/teacher-file.json"));
    crate::assert_writes_back(&quiz);
}
