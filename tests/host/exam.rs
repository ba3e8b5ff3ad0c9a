//! Exams: answers saved without feedback, one submission showing it all,
//! the attempt limit and the time limit's deadline, kept across visits.

use std::rc::Rc;

use quiz_session::progress::Response;
use quiz_session::session::{
    Action, Answer, Attempt, Effect, HostChoices, HostEvent, List, Navigate, Session, Storage, View,
};
use quiz_stdx::Map;

const QUIZ: &str = r#"{"id": "e", "title": "Exam", "exam": true, "attempts": 2, "time_limit": 10, "pass_mark": 50,
 "questions": [
  {"id": "a", "type": "true_false", "prompt": "p", "answer": true, "explanation": "e"},
  {"id": "b", "type": "single", "prompt": "p", "choices": ["x", "y"], "answer": 1, "explanation": "e"}
]}"#;

fn quiz() -> Rc<quiz_format::ValidQuiz> {
    Rc::new(quiz_format::load(QUIZ).quiz.expect("valid"))
}

fn session() -> Session {
    Session::new(quiz(), Map::default(), 0)
}

/// The session of a later visit, from what `s` stored.
fn visit_again(s: &Session, host: &HostChoices, now: i64) -> Session {
    Session::start(
        Rc::clone(s.quiz()),
        s.records().clone(),
        Some(&s.settings_json()),
        host.clone(),
        now,
        || 0,
    )
    .session
}

#[test]
fn answers_are_saved_without_feedback_until_the_attempt_is_submitted() {
    let mut s = session();
    assert!(s.is_exam_open());
    assert_eq!(
        (s.exam_time_limit(), s.exam_deadline()),
        (Some(10), None),
        "the limit is told before it runs"
    );
    s.apply(Action::Answer(Answer::ChooseTruth(false)), 1_000);
    let effects = s.apply(Action::Attempt(Attempt::Check), 1_000);
    assert_eq!(
        effects,
        vec![
            Effect::Store(Storage::SaveRecord("a".into())),
            Effect::Store(Storage::SaveSettings)
        ],
        "no quiz-answer: the page learns nothing yet; the attempt's start is kept"
    );
    assert!(!s.view(0).checked, "no feedback");
    assert_eq!(
        s.exam_deadline(),
        Some(1_000 + 10 * 60_000),
        "the time runs from the first saved answer"
    );
    assert_eq!(s.exam_time_limit(), None, "then the minutes left are");
    // The answer can be changed and saved again.
    s.apply(Action::Answer(Answer::ChooseTruth(true)), 2_000);
    s.apply(Action::Attempt(Attempt::Check), 2_000);
    s.apply(Action::View(View::TryAgain), 2_000);
    s.apply(Action::Navigate(Navigate::Next), 2_000);
    s.apply(Action::Answer(Answer::Choose(0)), 3_000);
    let effects = s.apply(Action::Attempt(Attempt::Check), 3_000);
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::Host(HostEvent::Completed(_)))),
        "all saved is not submitted"
    );
    // A reload keeps the attempt open with its answers.
    let again = visit_again(&s, &HostChoices::default(), 4_000);
    assert!(again.is_exam_open());
    assert_eq!(again.view(0).draft, Some(Response::Bool(true)));
    assert!(!again.view(0).checked);
    // Submitting shows everything and tells the page.
    let effects = s.apply(Action::List(List::SubmitExam), 5_000);
    let Some(Effect::Host(HostEvent::Completed(tally))) = effects
        .iter()
        .find(|e| matches!(e, Effect::Host(HostEvent::Completed(_))))
    else {
        panic!("{effects:?}")
    };
    assert_eq!((tally.correct, tally.score, tally.max_score), (1, 1000, 2000));
    assert_eq!(tally.passed(Some(50)), Some(true));
    assert!(s.view(0).checked && s.view(1).checked);
    assert_eq!((s.exam_deadline(), s.exam_time_limit()), (None, None));
    // A submitted attempt is for review: no changed answers.
    s.apply(Action::Answer(Answer::Choose(1)), 6_000);
    assert_eq!(s.view(1).draft, Some(Response::Choice(0)));
}

#[test]
fn attempts_are_limited_and_each_starts_fresh() {
    let mut s = session();
    for attempt in 1..=2 {
        s.apply(Action::Answer(Answer::ChooseTruth(true)), attempt * 10_000);
        s.apply(Action::Attempt(Attempt::Check), attempt * 10_000);
        s.apply(Action::List(List::SubmitExam), attempt * 10_000 + 1);
        assert_eq!(s.attempts_left(), Some(2 - attempt as u32));
        s.apply(Action::List(List::StartOver), attempt * 10_000 + 2);
    }
    assert!(!s.is_exam_open(), "no third attempt");
    assert_eq!(s.exam().map(|e| e.submitted), Some(2));
    // The limit holds after a reload too.
    let again = visit_again(&s, &HostChoices::default(), 50_000);
    assert_eq!(again.attempts_left(), Some(0));
}

#[test]
fn a_host_page_can_make_any_quiz_an_exam_and_its_state_is_kept() {
    let text = r#"{"id": "p", "title": "Practice", "questions": [
      {"id": "a", "type": "true_false", "prompt": "p", "answer": true, "explanation": "e"}]}"#;
    let quiz = Rc::new(quiz_format::load(text).quiz.expect("valid"));
    assert!(Session::new(Rc::clone(&quiz), Map::default(), 0).exam().is_none());
    let exam = HostChoices {
        exam: true,
        ..HostChoices::default()
    };
    let mut s = Session::start(quiz, Map::default(), None, exam.clone(), 0, || 0).session;
    assert!(s.is_exam_open());
    assert_eq!(
        (s.attempts_left(), s.exam_deadline()),
        (None, None),
        "no limits in the file"
    );
    s.apply(Action::Answer(Answer::ChooseTruth(true)), 1);
    s.apply(Action::Attempt(Attempt::Check), 1);
    s.apply(Action::List(List::SubmitExam), 2);
    // A later visit makes it an exam again before restoring: the attempt stays submitted.
    let again = visit_again(&s, &exam, 3);
    assert_eq!(again.exam().map(|e| (e.done, e.submitted)), Some((true, 1)));
}
