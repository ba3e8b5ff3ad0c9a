//! The `tracing` kind through every layer a file goes through: read,
//! written back, answered in two steps, graded (half the points for the
//! compile question), stored and restored; and its validator messages.

use std::rc::Rc;

use quiz_format::{Outcome, QuestionKind, ValidQuiz};
use quiz_session::grade::{credit, grade};
use quiz_session::progress::{ItemState, Record, Response};
use quiz_session::session::{Action, Answer, Attempt, Session};
use quiz_stdx::Map;

const QUIZ: &str = r#"{"id": "t", "title": "Trace", "questions": [
  {"id": "moved", "type": "tracing", "prompt": "Read this program.",
   "program": "fn main() {\n    let s = String::from(\"hi\");\n    let t = s;\n    println!(\"{s}\");\n}\n",
   "compiles": false, "error_line": 4, "explanation": "`s` was moved."},
  {"id": "cloned", "type": "tracing", "prompt": "Read this one.", "language": "python",
   "program": "print('a')\nprint('b')", "compiles": true, "output": "a\nb", "explanation": "Each call prints a line."}
]}"#;

fn quiz() -> Rc<ValidQuiz> {
    crate::valid(QUIZ)
}

fn trace(compiles: bool, output: &str, line: Option<usize>) -> Response {
    Response::Trace {
        compiles,
        output: output.to_owned(),
        line,
    }
}

#[test]
fn the_file_reads_as_written_and_writes_back() {
    let quiz = quiz();
    let QuestionKind::Tracing(kind) = &quiz.questions[0].kind else {
        panic!()
    };
    assert_eq!((kind.language.as_str(), &kind.outcome), ("rust", &Outcome::FailsAt(4)));
    assert_eq!(kind.lines().count(), 5);
    let QuestionKind::Tracing(kind) = &quiz.questions[1].kind else {
        panic!()
    };
    assert_eq!(
        (kind.language.as_str(), &kind.outcome),
        ("python", &Outcome::Prints("a\nb".into()))
    );
    crate::assert_writes_back(&quiz);
}

#[test]
fn both_steps_must_be_right_and_the_first_earns_half() {
    let quiz = quiz();
    let (fails, prints) = (&quiz.questions[0].kind, &quiz.questions[1].kind);
    assert_eq!(grade(fails, &trace(false, "", Some(4))), Some(true));
    assert_eq!(grade(fails, &trace(false, "", Some(3))), Some(false));
    assert_eq!(grade(fails, &trace(false, "", None)), None, "no line picked yet");
    assert_eq!(credit(fails, &trace(false, "", Some(3))), Some(500));
    assert_eq!(credit(fails, &trace(true, "hi", None)), Some(0));
    assert_eq!(grade(prints, &trace(true, "a  \r\nb\n", None)), Some(true));
    assert_eq!(credit(prints, &trace(true, "a b", None)), Some(500));
    assert_eq!(grade(prints, &Response::Bool(true)), None);
}

#[test]
fn an_answer_is_given_in_two_steps_checked_stored_and_restored() {
    let quiz = quiz();
    let mut s = Session::new(Rc::clone(&quiz), Map::default(), 0);
    s.apply(
        Action::Answer(Answer::Trace {
            compiles: true,
            output: "hi".into(),
            line: None,
        }),
        1,
    );
    // Changing one's mind keeps what was typed.
    s.apply(
        Action::Answer(Answer::Trace {
            compiles: false,
            output: "hi".into(),
            line: Some(4),
        }),
        2,
    );
    s.apply(Action::Attempt(Attempt::Check), 3);
    let record = s.record_of(0).expect("a record").clone();
    assert!(matches!(
        record.state,
        ItemState::Answered {
            correct: true,
            attempts: 1,
            ..
        }
    ));
    let json = record.to_json();
    assert!(
        json.contains(r#""r":{"compiles":false,"output":"hi","line":4}"#),
        "{json}"
    );
    assert_eq!(Record::from_json(&json), Some(record.clone()));
    let again = Session::new(quiz, Map::from_iter([("moved".to_owned(), record)]), 4);
    assert_eq!(again.view(0).draft, Some(trace(false, "hi", Some(4))));
    assert!(again.view(0).checked);
}

/// Without `error_line` (mdbook-quiz's `Tracing` without `lineNumber`), the
/// learner is asked only whether the program compiles, and that is the
/// whole answer: it earns all the points, as in mdbook-quiz.
#[test]
fn a_program_that_fails_without_a_line_asks_only_whether_it_compiles() {
    let quiz = crate::valid(
        r#"{"id": "t", "title": "Trace", "questions": [
  {"id": "q1", "type": "tracing", "prompt": "Read this program.",
   "program": "fn main() {\n    let x: u8 = -1;\n}\n", "compiles": false,
   "explanation": "A `u8` cannot be negative."}]}"#,
    );
    let kind = &quiz.questions[0].kind;
    assert!(matches!(kind, QuestionKind::Tracing(t) if t.outcome == Outcome::Fails));
    assert_eq!(grade(kind, &trace(false, "", None)), Some(true));
    assert_eq!(credit(kind, &trace(false, "", None)), Some(1000));
    assert_eq!(grade(kind, &trace(true, "", None)), Some(false));
    crate::assert_writes_back(&quiz);
}
