//! The `cloze` kind through every layer a file goes through: read with its
//! blanks, written back, imported from Markdown, filled, graded with partial
//! credit, stored and restored.

use std::rc::Rc;

use quiz_author::import::import_markdown;
use quiz_format::{Blank, QuestionKind, ValidQuiz};
use quiz_session::grade::{credit, grade};
use quiz_session::progress::{ItemState, Record, Response};
use quiz_session::session::{Action, Answer, Attempt, Session};
use quiz_stdx::Map;

const QUIZ: &str = r#"{"id": "c", "title": "Cloze", "questions": [
  {"id": "run", "type": "cloze", "prompt": "Complete the text.",
   "text": "Run a coroutine with {{asyncio.run|run}}.\n\nWait without blocking with {{[asyncio.sleep]|time.sleep}}, then **return**.",
   "explanation": "e"}
]}"#;

fn quiz() -> Rc<ValidQuiz> {
    crate::valid(QUIZ)
}

#[test]
fn the_text_is_read_into_parts_and_blanks() {
    let quiz = quiz();
    let QuestionKind::Cloze(kind) = &quiz.questions[0].kind else {
        panic!()
    };
    assert_eq!(
        kind.parts,
        [
            "Run a coroutine with ",
            ".\n\nWait without blocking with ",
            ", then **return**."
        ]
    );
    assert_eq!(
        kind.blanks,
        [
            Blank::Typed(vec!["asyncio.run".into(), "run".into()]),
            Blank::Pick {
                options: vec!["asyncio.sleep".into(), "time.sleep".into()],
                right: 0
            },
        ]
    );
}

#[test]
fn each_blank_is_graded_and_a_partly_right_text_earns_part() {
    let quiz = quiz();
    let kind = &quiz.questions[0].kind;
    let blanks = |a: &str, b: &str| Response::Blanks(vec![a.into(), b.into()]);
    assert_eq!(grade(kind, &blanks(" AsyncIO.Run ", "asyncio.sleep")), Some(true));
    assert_eq!(grade(kind, &blanks("run", "time.sleep")), Some(false));
    assert_eq!(credit(kind, &blanks("run", "time.sleep")), Some(500));
    assert_eq!(grade(kind, &blanks("run", "")), None, "every blank filled first");
}

#[test]
fn blanks_are_filled_checked_stored_and_restored() {
    let quiz = quiz();
    let mut s = Session::new(Rc::clone(&quiz), Map::default(), 0);
    s.apply(
        Action::Answer(Answer::FillBlank {
            blank: 1,
            text: "asyncio.sleep".into(),
        }),
        1,
    );
    s.apply(
        Action::Answer(Answer::FillBlank {
            blank: 0,
            text: "asyncio.run".into(),
        }),
        1,
    );
    s.apply(Action::Attempt(Attempt::Check), 2);
    let record = s.record_of(0).expect("a record").clone();
    assert!(matches!(record.state, ItemState::Answered { correct: true, .. }));
    assert!(
        record
            .to_json()
            .contains("\"r\":{\"blanks\":[\"asyncio.run\",\"asyncio.sleep\"]}"),
        "{}",
        record.to_json()
    );
    assert_eq!(Record::from_json(&record.to_json()), Some(record.clone()));
    let again = Session::new(quiz, Map::from_iter([("run".to_owned(), record)]), 3);
    assert_eq!(
        again.view(0).draft,
        Some(Response::Blanks(vec!["asyncio.run".into(), "asyncio.sleep".into()]))
    );
}

#[test]
fn the_written_file_reads_back_the_same() {
    crate::assert_writes_back(&quiz());
}

#[test]
fn markdown_banks_write_cloze_texts_after_a_label() {
    let text = "**Cloze:** Complete the call.\nRun it with {{asyncio.run}}, and wait with\n{{[asyncio.sleep]|time.sleep}}.\n\n**Explanation:** Both are in asyncio.\n\n**Cloze:** Broken\nA {{[a]|[b]}} blank.\n";
    let imported = import_markdown(text, "c");
    assert_eq!(imported.questions.len(), 1, "{:?}", imported.questions);
    let q = &imported.questions[0];
    let QuestionKind::Cloze(kind) = &q.kind else {
        panic!("{:?}", q.kind)
    };
    assert_eq!(kind.blanks.len(), 2);
    assert_eq!(q.explanation.as_deref(), Some("Both are in asyncio."));
    assert_eq!(imported.problems.len(), 1);
    assert_eq!(imported.problems[0].line, 7);
    assert!(
        imported.problems[0].message.contains("marks 2 options right"),
        "{:?}",
        imported.problems
    );
}
