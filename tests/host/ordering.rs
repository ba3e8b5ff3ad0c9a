//! The `ordering` kind through every layer a file goes through: read,
//! written back, imported from Markdown, started shuffled, moved, graded,
//! stored and restored.

use std::rc::Rc;

use quiz_author::import::import_markdown;
use quiz_format::{QuestionKind, ValidQuiz};
use quiz_session::grade::grade;
use quiz_session::progress::{ItemState, Record, Response};
use quiz_session::session::{Action, Answer, Attempt, Moved, Session};
use quiz_stdx::Map;

const QUIZ: &str = r#"{"id": "o", "title": "Order", "questions": [
  {"id": "run", "type": "ordering", "prompt": "Put the steps in order.",
   "items": ["Define it with `async def`", "Call it", "Pass it to `asyncio.run()`", "Read the result"], "explanation": "e"}
]}"#;

fn quiz() -> Rc<ValidQuiz> {
    crate::valid(QUIZ)
}

#[test]
fn only_the_authors_order_is_right_and_only_a_whole_arrangement_is_an_answer() {
    let quiz = quiz();
    let kind = &quiz.questions[0].kind;
    assert_eq!(grade(kind, &Response::Order(vec![0, 1, 2, 3])), Some(true));
    assert_eq!(grade(kind, &Response::Order(vec![1, 0, 2, 3])), Some(false));
    for not_an_arrangement in [vec![0, 1, 2], vec![0, 1, 2, 2], vec![0, 1, 2, 4], vec![]] {
        assert_eq!(
            grade(kind, &Response::Order(not_an_arrangement.clone())),
            None,
            "{not_an_arrangement:?}"
        );
    }
    assert_eq!(grade(kind, &Response::Choices(vec![0, 1, 2, 3])), None);
}

#[test]
fn the_items_start_shuffled_move_and_are_checked_stored_and_restored() {
    let quiz = quiz();
    let mut s = Session::new(Rc::clone(&quiz), Map::default(), 0);
    let start = s.start_order(0);
    assert_ne!(start, vec![0, 1, 2, 3], "never already right");
    assert_eq!(s.view(0).draft, Some(Response::Order(start.clone())));
    // Move each item into its place, one step at a time, as the buttons do.
    for target in 0..4 {
        loop {
            let Some(Response::Order(order)) = s.view(0).draft else {
                panic!()
            };
            let at = order.iter().position(|&i| i == target).unwrap();
            if at == target {
                break;
            }
            s.apply(Action::Answer(Answer::Move { from: at, to: at - 1 }), 1);
            assert_eq!(
                s.view(0).moved,
                Some(Moved {
                    item: target,
                    from: at,
                    to: at - 1
                })
            );
        }
    }
    assert_eq!(s.view(0).draft, Some(Response::Order(vec![0, 1, 2, 3])));
    s.apply(Action::Attempt(Attempt::Check), 2);
    let record = s.record_of(0).expect("a record").clone();
    assert!(matches!(
        record.state,
        ItemState::Answered {
            correct: true,
            attempts: 1,
            ..
        }
    ));
    // The stored form reads back as the same answer, never as a `multiple` one.
    assert!(
        record.to_json().contains("\"r\":{\"order\":[0,1,2,3]}"),
        "{}",
        record.to_json()
    );
    assert_eq!(Record::from_json(&record.to_json()), Some(record.clone()));
    let again = Session::new(quiz, Map::from_iter([("run".to_owned(), record)]), 3);
    assert_eq!(again.view(0).draft, Some(Response::Order(vec![0, 1, 2, 3])));
    assert!(again.view(0).checked);
    // Moves after checking change nothing.
    let mut s = again;
    s.apply(Action::Answer(Answer::Move { from: 0, to: 1 }), 4);
    assert_eq!(s.view(0).draft, Some(Response::Order(vec![0, 1, 2, 3])));
}

#[test]
fn the_written_file_reads_back_the_same() {
    crate::assert_writes_back(&quiz());
}

#[test]
fn markdown_banks_write_ordering_questions_as_a_numbered_list() {
    let text = "## Coroutines\n\n**Order:** Put the steps of running a coroutine in order.\n1. Define it with `async def`\n2. Call it to get a coroutine object\n3. Pass it to `asyncio.run()`\n**Explanation:** `asyncio.run()` starts the loop.\n\n**Order:** Only one step\n1. Alone\n";
    let imported = import_markdown(text, "o");
    assert_eq!(imported.questions.len(), 1, "{:?}", imported.questions);
    let q = &imported.questions[0];
    assert_eq!(q.prompt, "Put the steps of running a coroutine in order.");
    assert_eq!(q.explanation.as_deref(), Some("`asyncio.run()` starts the loop."));
    let QuestionKind::Ordering(kind) = &q.kind else {
        panic!("{:?}", q.kind)
    };
    assert_eq!(
        kind.items,
        [
            "Define it with `async def`",
            "Call it to get a coroutine object",
            "Pass it to `asyncio.run()`"
        ]
    );
    assert_eq!(imported.problems.len(), 1);
    assert_eq!(imported.problems[0].line, 9);
    assert!(
        imported.problems[0].message.contains("at least two numbered items"),
        "{:?}",
        imported.problems
    );
}
