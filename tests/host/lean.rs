//! The learner's module reads files with `quiz_format::accept`, which
//! carries none of the validator's messages; the full report
//! (`quiz_format::load`) comes on demand. The two must agree on every input:
//! here on every small change of a file with every kind and every quiz-level
//! field, and in the fuzz target `load` (replayed in `fuzz.rs`, run by
//! `make fuzz`) on whatever the fuzzer makes.

use quiz_format::json::{self, Node, Value};
use quiz_format::{KindName, Quiz, Retention, Section, Solution};

use crate::read;

/// Two tracing questions, which no other valid file here has.
const TRACING: &str = r#"{"id": "t", "title": "T", "questions": [
    {"id": "runs", "type": "tracing", "prompt": "What does it print?", "program": "fn main() {\n    println!(\"hi\");\n}\n",
     "compiles": true, "output": "hi\n", "explanation": "It prints."},
    {"id": "fails", "type": "tracing", "prompt": "Does it compile?", "program": "fn main() {\n    let x: u8 = -1;\n}\n",
     "compiles": false, "error_line": 2, "explanation": "A u8 is not negative."}]}"#;

/// A valid file with the first question of every kind found in the bundled
/// bank and the test files (with their hints, feedback, units, tolerances,
/// distractors), in a section, with every quiz-level field set.
fn every_field() -> String {
    let files = [
        read("questions.json"),
        read("tests/e2e/fixtures/teacher-file.json"),
        read("tests/e2e/fixtures/all-kinds.json"),
        TRACING.to_owned(),
    ];
    let quizzes: Vec<_> = files
        .iter()
        .map(|f| quiz_format::load(f).quiz.expect("valid"))
        .collect();
    let mut quiz: Quiz = (*quizzes[0]).clone();
    quiz.questions = KindName::ALL
        .iter()
        .flat_map(|&kind| {
            let mut of_kind = quizzes
                .iter()
                .flat_map(|q| q.questions.iter())
                .filter(move |q| q.kind.name() == kind)
                .peekable();
            assert!(of_kind.peek().is_some(), "no valid {kind:?} question");
            of_kind.take(2)
        })
        .enumerate()
        .map(|(i, q)| {
            let mut q = q.clone();
            q.id = format!("q{i}");
            q.section = Some("all".to_owned());
            q.points = Some(2);
            q
        })
        .collect();
    quiz.sections = vec![Section {
        id: "all".to_owned(),
        title: "All".to_owned(),
        description: Some("Every kind".to_owned()),
        draw: Some(3),
    }];
    quiz.solution = Some(Solution::Immediately);
    quiz.retention = Retention::from_thousandths(925);
    quiz.pass_mark = Some(60);
    quiz.exam = Some(quiz_format::Exam {
        attempts: Some(2),
        minutes: Some(20),
    });
    quiz_format::write::quiz_to_json(&quiz, None)
}

/// Every value's and every key's span, depth first.
fn spans(node: &Node, values: &mut Vec<(usize, usize)>, keys: &mut Vec<(usize, usize)>) {
    values.push((node.span.start, node.span.end));
    match &node.value {
        Value::Array(items) => items.iter().for_each(|n| spans(n, values, keys)),
        Value::Object(members) => {
            for m in members {
                keys.push((m.key_span.start, m.key_span.end));
                spans(&m.value, values, keys);
            }
        }
        _ => {}
    }
}

#[track_caller]
fn agree(text: &str) -> bool {
    let report = quiz_format::load(text);
    assert_eq!(
        quiz_format::accept(text),
        report.quiz,
        "accept and load disagree on\n{text}\nload says: {:?}",
        report.errors().next().map(ToString::to_string)
    );
    report.quiz.is_some()
}

#[test]
fn accept_and_load_agree_on_every_small_change() {
    let source = every_field();
    assert!(agree(&source), "the source is valid");
    let root = json::parse(&source).expect("JSON");
    let (mut values, mut keys) = (Vec::new(), Vec::new());
    spans(&root, &mut values, &mut keys);
    let replacements = [
        "null",
        "0",
        "1",
        "-1",
        "2.5",
        "1e3",
        "99999",
        "\"\"",
        "\" \"",
        "\"x\"",
        "\"a b\"",
        "\"true\"",
        "\"B\"",
        "true",
        "[]",
        "[0]",
        "[0, 0]",
        "[1, 0]",
        "[\"a\"]",
        "[\"a\", \"a\"]",
        "{}",
    ];
    let (mut changes, mut accepted) = (0, 0);
    for &(start, end) in &values {
        for r in replacements {
            let changed = format!("{}{r}{}", &source[..start], &source[end..]);
            changes += 1;
            accepted += usize::from(agree(&changed));
        }
    }
    for (i, &(start, end)) in keys.iter().enumerate() {
        let key = &source[start..end];
        // An unknown key, and a repeat of the key before it.
        let others = [
            "\"x_field\"".to_owned(),
            keys.get(i.wrapping_sub(1))
                .map_or_else(String::new, |&(s, e)| source[s..e].to_owned()),
        ];
        for other in others.iter().filter(|o| !o.is_empty() && *o != key) {
            agree(&format!("{}{other}{}", &source[..start], &source[end..]));
            changes += 1;
        }
    }
    // Cut short at every hundredth byte: JSON errors.
    for cut in (0..source.len()).step_by(100) {
        agree(&source[..cut]);
        changes += 1;
    }
    assert!(changes > 3_000, "{changes} changes");
    // Both ways: many changes are rejected, some still valid.
    assert!(
        accepted > 100 && accepted < changes / 2,
        "{accepted} of {changes} accepted"
    );
}
