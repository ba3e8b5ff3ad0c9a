//! What the LMS modules in js/ know that the Rust side also knows, checked
//! by running both: node runs the JavaScript as shipped (before minifying),
//! the Rust side gives what it writes or reads, and the two must agree.
//!
//! - The SCORM bridge (`js/quiz-scorm.js`) packs each stored record
//!   field by field into `suspend_data` (its `KINDS` table of field codes):
//!   every record `progress.rs` writes must pack without falling back to
//!   whole JSON, and come back as the record it was.
//! - The xAPI module (`js/quiz-xapi.js`) reads a cloze text's blanks and a
//!   numeric question's tolerance itself, for the correct responses pattern:
//!   the blanks' right answers must be the ones the format reads
//!   (`kinds/cloze.rs`), the range the one the grader uses (`kinds/numeric.rs`).
//!
//! The storage keys (`quiz-widget:v2:<quiz>:q:<id>`, in `layoutOf` and in
//! quiz-handover.js) are checked end to end instead: a SCORM relaunch that
//! restores the answers (tests/e2e/scorm.test.mjs) and a returning learner's
//! pre-rendered screen (tests/e2e/prerender.test.mjs) fail when they differ
//! from `src/storage.rs`'s.

use std::io::Write as _;
use std::process::{Command, Stdio};

use quiz_format::{Blank, QuestionKind};
use quiz_session::fsrs::{CardState, Scheduler, Settings};
use quiz_session::progress::{ItemState, Record, Response, SelfAssessment};
use quiz_session::schedule::{Grade, Schedule};
use serde_json::Value;

use crate::{read, repo};

/// Runs `module` (ES module source, run in the repository root) with
/// `input` as JSON on its standard input; what it prints, as JSON.
fn node(module: &str, input: &Value) -> Value {
    let mut child = Command::new("node")
        .args(["--input-type=module", "--eval", module])
        .current_dir(repo(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node is on PATH (make test needs it anyway)");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.to_string().as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "node failed:\n{}{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

const START: i64 = 1_764_700_000_000;
const MINUTE: i64 = 60_000;

/// A schedule after `grades`, one a day from `at`, as the widget makes them.
fn reviewed(grades: &[Grade], at: i64) -> Schedule {
    let scheduler = Scheduler::new(Settings::default());
    let mut schedule: Option<Schedule> = None;
    for (day, &grade) in grades.iter().enumerate() {
        let now = at + day as i64 * 1440 * MINUTE;
        schedule = Some(Schedule::after(
            schedule.as_ref(),
            &scheduler,
            grade,
            now,
            7 + day as u64,
        ));
    }
    schedule.unwrap()
}

fn answered(hash: u64, t: i64, response: Response, correct: bool, schedule: Option<Schedule>) -> Record {
    Record {
        question_hash: hash,
        updated_ms: t,
        state: ItemState::Answered {
            response,
            correct,
            attempts: if correct { 1 } else { 3 },
            schedule,
        },
    }
}

/// A record of every shape `progress.rs` writes: each response, with and
/// without a schedule (one never reviewed, one after reviews), each grade of
/// a card, each state of an exercise, and text that JSON must escape.
fn every_record_shape() -> Vec<Record> {
    let text = "a.b \"quoted\"; [x], {y} \\ ü 🦀\nnext".to_owned();
    let responses = [
        Response::Choice(0),
        Response::Choice(25),
        Response::Choices(vec![0, 2]),
        Response::Choices(vec![]),
        Response::Bool(true),
        Response::Bool(false),
        Response::Text(text.clone()),
        Response::Text(String::new()),
        Response::Order(vec![2, 0, 1]),
        Response::Matches(vec![Some(1), None, Some(0)]),
        Response::Blanks(vec!["asyncio.run".into(), String::new(), text.clone()]),
        Response::Trace {
            compiles: true,
            output: "hi\n".into(),
            line: None,
        },
        Response::Trace {
            compiles: false,
            output: String::new(),
            line: Some(3),
        },
    ];
    let mut records = Vec::new();
    for (i, response) in responses.into_iter().enumerate() {
        let t = START + i as i64 * MINUTE;
        let hash = 0x0123_4567_89ab_cdef_u64.wrapping_mul(i as u64 + 1);
        records.push(answered(hash, t, response.clone(), i % 2 == 0, None));
        records.push(answered(
            !hash,
            t + 1,
            response,
            i % 2 == 1,
            Some(reviewed(&[Grade::Good], t)),
        ));
    }
    let never = Schedule::new(CardState::new(START), Vec::new());
    records.push(answered(0, START, Response::Choice(1), true, Some(never)));
    records.push(answered(
        u64::MAX,
        START + 90 * 1440 * MINUTE,
        Response::Bool(true),
        false,
        Some(reviewed(
            &[Grade::Again, Grade::Hard, Grade::Good, Grade::Easy, Grade::Again],
            START,
        )),
    ));
    for (i, grade) in [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy]
        .into_iter()
        .enumerate()
    {
        records.push(Record {
            question_hash: 42 + i as u64,
            updated_ms: START + 7 * MINUTE,
            state: ItemState::Reviewed {
                schedule: reviewed(&[Grade::Good, grade], START),
                last: grade,
                reviews: 2,
            },
        });
    }
    for (i, done) in [None, Some(SelfAssessment::Confident), Some(SelfAssessment::NeedsReview)]
        .into_iter()
        .enumerate()
    {
        records.push(Record {
            question_hash: 99 + i as u64,
            updated_ms: START + 11 * MINUTE,
            state: ItemState::Practised {
                notes: if i == 0 { String::new() } else { text.clone() },
                done,
            },
        });
    }
    records
}

const SUSPEND: &str = r#"
import fs from 'node:fs';
import { encode, decode, layoutOf } from './js/quiz-scorm.js';
const records = JSON.parse(fs.readFileSync(0, 'utf8'));
const layout = layoutOf({ id: 'shared', questions: records.map((_, i) => ({ id: `q${i}` })) }, null);
const { text, level, omitted } = encode(records.map((r, i) => [layout.keyOfIndex(i), r]), layout, 64000);
const back = new Map(decode(text, layout));
console.log(JSON.stringify({ text, level, omitted, back: records.map((_, i) => back.get(layout.keyOfIndex(i)) ?? null) }));
"#;

#[test]
fn the_scorm_bridge_packs_every_record_the_widget_writes_field_by_field_and_back() {
    let records = every_record_shape();
    let stored: Vec<String> = records.iter().map(Record::to_json).collect();
    let out = node(SUSPEND, &Value::from(stored.clone()));
    assert_eq!((&out["level"], &out["omitted"]), (&Value::from(0), &Value::from(0)));
    let suspend: Vec<Value> = serde_json::from_str(out["text"].as_str().unwrap()).unwrap();
    assert_eq!(suspend.len(), 3 + records.len(), "{suspend:?}");
    // `index.!{…}` is the bridge's fallback for a record it does not know
    // field for field (a later version): none of the widget's own may need it.
    for packed in &suspend[3..] {
        let packed = packed.as_str().unwrap();
        let (index, rest) = packed.split_once('.').unwrap();
        let index: usize = index.parse().unwrap();
        assert!(
            !rest.starts_with('!'),
            "quiz-scorm.js's KINDS does not know every field of {}",
            stored[index]
        );
    }
    for (i, record) in records.iter().enumerate() {
        let back = out["back"][i]
            .as_str()
            .unwrap_or_else(|| panic!("{} was lost", stored[i]));
        assert_eq!(
            Record::from_json(back).as_ref(),
            Some(record),
            "{} came back as {back}",
            stored[i]
        );
    }
}

const PATTERNS: &str = r#"
import fs from 'node:fs';
import { KINDS } from './js/quiz-xapi.js';
const questions = JSON.parse(fs.readFileSync(0, 'utf8'));
console.log(JSON.stringify(questions.map((q) => KINDS[q.type](q, 'en').definition.correctResponsesPattern)));
"#;

/// Cloze and numeric questions written as teachers may write them: spaces
/// around options and brackets, a blank over a line break, a picked blank
/// first or last; tolerances absolute and in percent, of negative, tiny and
/// huge answers, and ranges.
const EDGES: &str = r#"{"id": "edges", "title": "Edges", "questions": [
  {"id": "c1", "type": "cloze", "prompt": "p", "explanation": "e", "text": "Run {{ asyncio.run | run }} and {{ [ await ] | yield }}, then {{ gather|[ wait ]}}."},
  {"id": "c2", "type": "cloze", "prompt": "p", "explanation": "e", "text": "A {{[x]|y}}\n\nover {{two\nlines|one}} and {{[a\nb]|c}}.", "case_sensitive": true},
  {"id": "c3", "type": "cloze", "prompt": "p", "explanation": "e", "text": "{{one}}{{[two]|three}}{{four|4}}"},
  {"id": "c4", "type": "cloze", "prompt": "p", "explanation": "e", "text": "Braces: {{{a}} and {{b}}} and {{c|[d}]|e}}."},
  {"id": "n1", "type": "numeric", "prompt": "p", "explanation": "e", "answer": 9.81, "tolerance": 0.05},
  {"id": "n2", "type": "numeric", "prompt": "p", "explanation": "e", "answer": -273.15, "tolerance_percent": 1},
  {"id": "n3", "type": "numeric", "prompt": "p", "explanation": "e", "answer": 0.1, "tolerance": 0.2},
  {"id": "n4", "type": "numeric", "prompt": "p", "explanation": "e", "answer": 300000000, "tolerance_percent": 0.5},
  {"id": "n5", "type": "numeric", "prompt": "p", "explanation": "e", "answer": 1e-7, "tolerance_percent": 33.3},
  {"id": "n6", "type": "numeric", "prompt": "p", "explanation": "e", "answer": 42},
  {"id": "n7", "type": "numeric", "prompt": "p", "explanation": "e", "answer": 42, "tolerance": 0},
  {"id": "n8", "type": "numeric", "prompt": "p", "explanation": "e", "answer": 7, "tolerance_percent": 0},
  {"id": "n9", "type": "numeric", "prompt": "p", "explanation": "e", "range": [-1.5, 2.25]},
  {"id": "n10", "type": "numeric", "prompt": "p", "explanation": "e", "range": [3, 3]}
]}"#;

/// The correct responses pattern the xAPI module must give, from what the
/// Rust side read; `None` for a kind these checks leave to xapi.test.mjs.
fn expected_pattern(kind: &QuestionKind) -> Option<String> {
    match kind {
        QuestionKind::Cloze(cloze) => {
            let rights: Vec<&str> = cloze
                .blanks
                .iter()
                .map(|blank| match blank {
                    Blank::Typed(accepted) => accepted[0].as_str(),
                    Blank::Pick { options, right } => options[*right].as_str(),
                })
                .collect();
            Some(format!(
                "{{case_matters={}}}{}",
                cloze.case_sensitive,
                rights.join("[,]")
            ))
        }
        QuestionKind::Numeric(numeric) => Some(format!("{:?}[:]{:?}", numeric.min, numeric.max)),
        _ => None,
    }
}

/// `low[:]high` or a single number (a range of one), as numbers.
fn numeric_range(pattern: &str) -> (f64, f64) {
    let (low, high) = pattern.split_once("[:]").unwrap_or((pattern, pattern));
    (low.parse().unwrap(), high.parse().unwrap())
}

#[test]
fn the_xapi_module_reads_cloze_blanks_and_numeric_tolerances_as_the_format_does() {
    let files = [
        ("tests/host/js_modules.rs EDGES", EDGES.to_owned()),
        ("questions.json", read("questions.json")),
        ("examples/my-questions.json", read("examples/my-questions.json")),
        (
            "tests/e2e/fixtures/all-kinds.json",
            read("tests/e2e/fixtures/all-kinds.json"),
        ),
        (
            "tests/e2e/fixtures/teacher-file.json",
            read("tests/e2e/fixtures/teacher-file.json"),
        ),
    ];
    // Warnings aside (the bank's exercises have no explanation), each loads.
    let quizzes: Vec<_> = files
        .iter()
        .map(|(name, text)| quiz_format::load(text).quiz.unwrap_or_else(|| panic!("{name} loads")))
        .collect();
    let mut questions = Vec::new();
    let mut expected = Vec::new();
    for ((name, text), quiz) in files.iter().zip(&quizzes) {
        let json: Value = serde_json::from_str(text).unwrap();
        for (question, written) in quiz.questions.iter().zip(json["questions"].as_array().unwrap()) {
            assert_eq!(written["id"].as_str(), Some(question.id.as_str()), "{name}");
            if let Some(pattern) = expected_pattern(&question.kind) {
                questions.push(written.clone());
                expected.push((format!("{name}: {}", question.id), &question.kind, pattern));
            }
        }
    }
    let kinds = |k: &str| expected.iter().filter(|(_, kind, _)| kind.name().as_str() == k).count();
    assert!(
        kinds("cloze") >= 6 && kinds("numeric") >= 12,
        "the files have the kinds"
    );
    let patterns = node(PATTERNS, &Value::from(questions));
    for ((name, kind, pattern), from_js) in expected.iter().zip(patterns.as_array().unwrap()) {
        let from_js = from_js[0].as_str().unwrap();
        match kind {
            // The same f64s, however each side prints them.
            QuestionKind::Numeric(numeric) => assert_eq!(
                numeric_range(from_js),
                (numeric.min, numeric.max),
                "{name}: the xAPI module's pattern {from_js:?}, the grader's range {pattern}"
            ),
            _ => assert_eq!(from_js, pattern, "{name}"),
        }
    }
}
