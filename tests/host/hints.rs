//! Hints in steps and feedback per choice: a file's `hint` or `hints`, written back as it came, and
//! revealed one at a time by the session, never past the last.

use std::rc::Rc;

use quiz_session::session::{Action, Navigate, Session, View};

const QUIZ: &str = r#"{"id": "h", "title": "Hints", "questions": [
  {"id": "one", "type": "true_false", "prompt": "p", "answer": true, "hint": "Only one.", "explanation": "e"},
  {"id": "three", "type": "short", "prompt": "p", "accept": ["x"], "hints": ["First.", "Second.", "Third."], "explanation": "e"}
]}"#;

#[test]
fn one_hint_is_written_as_hint_and_several_as_hints() {
    let quiz = quiz_format::load(QUIZ).quiz.expect("valid");
    assert_eq!(quiz.questions[0].hints, ["Only one."]);
    assert_eq!(quiz.questions[1].hints, ["First.", "Second.", "Third."]);
    let written = quiz_format::write::quiz_to_json(&quiz, None);
    assert!(written.contains(r#""hint": "Only one.""#), "{written}");
    assert!(written.contains(r#""hints": ["#), "{written}");
    assert_eq!(quiz_format::load(&written).quiz, Some(quiz));
}

#[test]
fn hints_show_one_at_a_time_and_stop_at_the_last() {
    let quiz = Rc::new(quiz_format::load(QUIZ).quiz.expect("valid"));
    let mut session = Session::new(quiz, quiz_stdx::Map::default(), 0);
    session.apply(Action::Navigate(Navigate::Next), 0);
    let shown = |s: &Session| s.view(s.current().expect("an item")).hints_shown;
    assert_eq!(shown(&session), 0);
    for expected in [1, 2, 3, 3, 3] {
        session.apply(Action::View(View::ShowHint), 0);
        assert_eq!(shown(&session), expected);
    }
}

#[test]
fn choice_feedback_is_read_and_written_back() {
    let text = r#"{"id": "f", "title": "F", "questions": [
      {"id": "s", "type": "single", "prompt": "p", "choices": ["a", "b"], "answer": 1, "feedback": ["Not a.", ""], "explanation": "e"},
      {"id": "m", "type": "multiple", "prompt": "p", "choices": ["a", "b", "c"], "answers": [0, 2], "explanation": "e"}
    ]}"#;
    let quiz = quiz_format::load(text).quiz.expect("valid");
    let quiz_format::QuestionKind::Single(single) = &quiz.questions[0].kind else {
        panic!("single")
    };
    assert_eq!(single.feedback, ["Not a.", ""]);
    let quiz_format::QuestionKind::Multiple(multiple) = &quiz.questions[1].kind else {
        panic!("multiple")
    };
    assert!(multiple.feedback.is_empty());
    let written = quiz_format::write::quiz_to_json(&quiz, None);
    assert_eq!(quiz_format::load(&written).quiz, Some(quiz));
}
