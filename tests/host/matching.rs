//! The `matching` kind through every layer a file goes through: read,
//! written back, imported from Markdown, matched, graded, stored and restored.

use std::rc::Rc;

use quiz_author::import::import_markdown;
use quiz_format::{QuestionKind, ValidQuiz};
use quiz_session::grade::grade;
use quiz_session::progress::{ItemState, Record, Response};
use quiz_session::session::{Action, Answer, Attempt, Session, View};
use quiz_stdx::Map;

const QUIZ: &str = r#"{"id": "m", "title": "Match", "questions": [
  {"id": "calls", "type": "matching", "prompt": "Match each call with what it does.",
   "pairs": [["`asyncio.run()`", "Runs a coroutine from plain code"], ["`asyncio.gather()`", "Awaits several awaitables together"],
             ["`asyncio.sleep()`", "Waits without blocking the loop"]],
   "distractors": ["Starts a new thread"], "explanation": "e"}
]}"#;

fn quiz() -> Rc<ValidQuiz> {
    crate::valid(QUIZ)
}

#[test]
fn every_left_item_needs_its_own_right_item() {
    let quiz = quiz();
    let kind = &quiz.questions[0].kind;
    let answer = |picks: &[Option<usize>]| grade(kind, &Response::Matches(picks.to_vec()));
    assert_eq!(answer(&[Some(0), Some(1), Some(2)]), Some(true));
    assert_eq!(answer(&[Some(1), Some(0), Some(2)]), Some(false));
    assert_eq!(
        answer(&[Some(0), Some(1), Some(3)]),
        Some(false),
        "the distractor matches nothing"
    );
    assert_eq!(answer(&[Some(0), Some(1), None]), None, "not every item is matched yet");
    assert_eq!(answer(&[Some(0), Some(1), Some(4)]), None, "no such right item");
    assert_eq!(answer(&[Some(0), Some(1)]), None);
}

#[test]
fn matches_are_made_checked_stored_and_restored() {
    let quiz = quiz();
    let mut s = Session::new(Rc::clone(&quiz), Map::default(), 0);
    let offered = s.choice_order(0);
    let mut sorted = offered.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        vec![0, 1, 2, 3],
        "every right item is offered, the distractor too"
    );
    s.apply(
        Action::Answer(Answer::Match {
            left: 2,
            right: Some(2),
        }),
        1,
    );
    assert_eq!(s.view(0).draft, Some(Response::Matches(vec![None, None, Some(2)])));
    s.apply(Action::Attempt(Attempt::Check), 1);
    assert!(
        s.record_of(0).is_none(),
        "nothing to check before every item is matched"
    );
    s.apply(
        Action::Answer(Answer::Match {
            left: 0,
            right: Some(1),
        }),
        2,
    );
    s.apply(
        Action::Answer(Answer::Match {
            left: 1,
            right: Some(0),
        }),
        2,
    );
    s.apply(Action::Attempt(Attempt::Check), 3);
    let record = s.record_of(0).expect("a record").clone();
    assert!(matches!(
        record.state,
        ItemState::Answered {
            correct: false,
            attempts: 1,
            ..
        }
    ));
    assert!(
        record.to_json().contains("\"r\":{\"match\":[1,0,2]}"),
        "{}",
        record.to_json()
    );
    assert_eq!(Record::from_json(&record.to_json()), Some(record.clone()));
    // Try again keeps the matches to correct; unmatching is a choice too.
    s.apply(Action::View(View::TryAgain), 4);
    s.apply(Action::Answer(Answer::Match { left: 0, right: None }), 4);
    assert_eq!(s.view(0).draft, Some(Response::Matches(vec![None, Some(0), Some(2)])));
    s.apply(
        Action::Answer(Answer::Match {
            left: 0,
            right: Some(0),
        }),
        4,
    );
    s.apply(
        Action::Answer(Answer::Match {
            left: 1,
            right: Some(1),
        }),
        4,
    );
    s.apply(Action::Attempt(Attempt::Check), 5);
    assert!(matches!(
        s.record_of(0).map(|r| &r.state),
        Some(ItemState::Answered {
            correct: true,
            attempts: 2,
            ..
        })
    ));
    let again = Session::new(
        quiz,
        s.records()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Map<_, _>>(),
        6,
    );
    assert_eq!(
        again.view(0).draft,
        Some(Response::Matches(vec![Some(0), Some(1), Some(2)]))
    );
}

#[test]
fn the_written_file_reads_back_the_same() {
    crate::assert_writes_back(&quiz());
}

#[test]
fn markdown_banks_write_matching_questions_as_arrow_lines() {
    let text = "**Match:** Match each call with what it does.\n- `asyncio.run()` -> Runs a coroutine from plain code\n- `asyncio.gather()` → Awaits several awaitables together\n- -> Starts a new thread\n**Explanation:** See the docs.\n\n**Match:** Only one\n- a -> b\n";
    let imported = import_markdown(text, "m");
    assert_eq!(imported.questions.len(), 1, "{:?}", imported.questions);
    let q = &imported.questions[0];
    let QuestionKind::Matching(kind) = &q.kind else {
        panic!("{:?}", q.kind)
    };
    assert_eq!(
        kind.pairs,
        [
            (
                "`asyncio.run()`".to_owned(),
                "Runs a coroutine from plain code".to_owned()
            ),
            (
                "`asyncio.gather()`".to_owned(),
                "Awaits several awaitables together".to_owned()
            ),
        ]
    );
    assert_eq!(kind.distractors, ["Starts a new thread"]);
    assert_eq!(q.explanation.as_deref(), Some("See the docs."));
    assert_eq!(imported.problems.len(), 1);
    assert_eq!(imported.problems[0].line, 7);
}
