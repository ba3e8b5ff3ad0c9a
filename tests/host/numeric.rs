//! The `numeric` kind through every layer a file goes through: read,
//! written back, and graded as learners type numbers.

use quiz_format::{QuestionKind, ValidQuiz};
use quiz_session::grade::grade;
use quiz_session::progress::Response;

const QUIZ: &str = r#"{"id": "n", "title": "Numbers", "questions": [
  {"id": "g", "type": "numeric", "prompt": "g?", "answer": 9.81, "tolerance": 0.05, "unit": "m/s²", "explanation": "e"},
  {"id": "p", "type": "numeric", "prompt": "c?", "answer": 300000, "tolerance_percent": 1, "explanation": "e"},
  {"id": "r", "type": "numeric", "prompt": "pH?", "range": [6.5, 7.5], "explanation": "e"},
  {"id": "x", "type": "numeric", "prompt": "2 + 2?", "answer": 4, "explanation": "e"},
  {"id": "k", "type": "numeric", "prompt": "Metres in a km?", "answer": 1000, "explanation": "e"}
]}"#;

fn quiz() -> ValidQuiz {
    let report = quiz_format::load(QUIZ);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    report.quiz.expect("valid")
}

#[track_caller]
fn check(id: &str, typed: &str, expected: Option<bool>) {
    let quiz = quiz();
    let question = quiz.questions.iter().find(|q| q.id == id).expect("the question");
    assert_eq!(
        grade(&question.kind, &Response::Text(typed.to_owned())),
        expected,
        "{id}: {typed:?}"
    );
}

#[test]
fn numbers_are_right_within_the_tolerance_or_range() {
    check("g", "9.81", Some(true));
    check("g", "9,8", Some(true));
    check("g", "9.86", Some(true));
    check("g", "9.87", Some(false));
    check("p", "297 000", Some(true));
    check("p", "3e5", Some(true));
    check("p", "296,000", Some(false));
    check("r", "7", Some(true));
    check("r", "6,49", Some(false));
    check("x", "4.0", Some(true));
    check("x", "four", None);
    check("x", "  ", None);
    // A lone group mark before three digits reads both ways.
    check("k", "1,000", Some(true));
    check("k", "1.000", Some(true));
}

#[test]
fn the_solution_and_the_written_file_keep_what_the_author_wrote() {
    let quiz = quiz();
    let shown: Vec<(&str, Option<&str>)> = quiz
        .questions
        .iter()
        .filter_map(|q| match &q.kind {
            QuestionKind::Numeric(n) => Some((n.shown.as_str(), n.unit.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("9.81 ± 0.05", Some("m/s²")),
            ("300000 ± 1 %", None),
            ("6.5 – 7.5", None),
            ("4", None),
            ("1000", None)
        ]
    );
    let written = quiz_format::write::quiz_to_json(&quiz, None);
    assert_eq!(quiz_format::load(&written).quiz, Some(quiz), "{written}");
}

#[test]
fn editing_the_right_answer_invalidates_only_that_questions_progress() {
    let quiz = quiz();
    let edited = quiz_format::load(&QUIZ.replace("\"answer\": 4,", "\"answer\": 5,"))
        .quiz
        .expect("valid");
    let changed: Vec<&str> = quiz
        .questions
        .iter()
        .zip(&edited.questions)
        .filter(|(a, b)| a.content_hash() != b.content_hash())
        .map(|(a, _)| a.id.as_str())
        .collect();
    assert_eq!(changed, ["x"]);
}

#[test]
fn feedback_for_a_common_wrong_number_matches_it_however_it_is_written() {
    let text = r#"{"id": "n", "title": "N", "questions": [
      {"id": "t", "type": "numeric", "prompt": "Seconds?", "answer": 2, "tolerance": 0.2, "explanation": "e",
       "feedback": [["6", "They sleep at the same time, not one after another."], ["2000", "That is in milliseconds."]]}]}"#;
    let quiz = quiz_format::load(text).quiz.expect("valid");
    let kind = &quiz.questions[0].kind;
    let typed = |t: &str| quiz_session::grade::typed_feedback(kind, &Response::Text(t.to_owned()));
    assert_eq!(typed("6"), Some("They sleep at the same time, not one after another."));
    assert_eq!(
        typed("6,0"),
        Some("They sleep at the same time, not one after another.")
    );
    assert_eq!(typed("2 000"), Some("That is in milliseconds."));
    assert_eq!(typed("2"), None);
    crate::assert_writes_back(&quiz);
}

#[test]
fn feedback_for_something_that_is_not_a_number_is_an_error() {
    let text = r#"{"id": "n", "title": "N", "questions": [
      {"id": "t", "type": "numeric", "prompt": "Seconds?", "answer": 2, "explanation": "e", "feedback": [["six", "No."]]}]}"#;
    let report = quiz_format::load(text);
    assert!(report.quiz.is_none());
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("\"six\", which is not a number")),
        "{:?}",
        report.diagnostics
    );
}

#[test]
fn markdown_banks_write_numeric_answers_with_tolerance_range_and_unit() {
    use quiz_author::import::import_markdown;
    let text = "**Number:** How many seconds?\n**Answer:** 2 ± 0.2 s\n**Explanation:** Together.\n\n**Number:** Speed of light in km/s?\n**Answer:** 300000 +- 1 % km/s\n\n**Number:** pH of water?\n**Answer:** 6.5 to 7.5\n\n**Number:** Broken\n**Answer:** two\n";
    let imported = import_markdown(text, "n");
    let numbers: Vec<(String, f64, f64, Option<String>)> = imported
        .questions
        .iter()
        .map(|q| match &q.kind {
            QuestionKind::Numeric(n) => (n.shown.clone(), n.min, n.max, n.unit.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(numbers.len(), 3, "{numbers:?}");
    assert_eq!(numbers[0], ("2 ± 0.2".to_owned(), 1.8, 2.2, Some("s".to_owned())));
    assert_eq!(
        (numbers[1].1, numbers[1].2, numbers[1].3.as_deref()),
        (297_000.0, 303_000.0, Some("km/s"))
    );
    assert_eq!(
        (numbers[2].0.as_str(), numbers[2].1, numbers[2].2),
        ("6.5 – 7.5", 6.5, 7.5)
    );
    assert_eq!(imported.questions[0].explanation.as_deref(), Some("Together."));
    assert_eq!(imported.problems.len(), 1);
    assert!(
        imported.problems[0].message.contains("\"two\" is not a number"),
        "{:?}",
        imported.problems
    );
}
