//! The committed JSON Schema and TypeScript declarations are the ones the
//! format tables generate.

use crate::read;

#[test]
fn committed_schema_is_up_to_date() {
    let committed = read("questions.schema.json");
    assert!(
        committed == quiz_author::schema::json_schema(),
        "questions.schema.json is stale: run `make bank` (or `cargo run -p quiz-cli -- schema > questions.schema.json`)"
    );
}

/// `tsc -p js` checks the JavaScript modules against these declarations (a
/// kind the format gains and the xAPI module's `KINDS` lacks is a type error).
#[test]
fn committed_typescript_declarations_are_up_to_date() {
    let committed = read("js/questions.d.ts");
    assert!(
        committed == quiz_author::typescript::declarations(),
        "js/questions.d.ts is stale: run `make bank` (or `cargo run -p quiz-cli -- types > js/questions.d.ts`)"
    );
}

#[test]
fn schema_is_valid_json_that_names_every_type() {
    let schema = quiz_author::schema::json_schema();
    let node = quiz_format::json::parse(&schema).unwrap();
    assert!(node.get("$defs").and_then(|d| d.get("question")).is_some());
    for kind in quiz_format::KindName::ALL {
        assert!(
            schema.contains(&format!("\"const\": \"{}\"", kind.as_str())),
            "{}",
            kind.as_str()
        );
    }
}

#[test]
fn questions_json_points_editors_at_the_schema() {
    let bank_text = read("questions.json");
    let bank = quiz_format::json::parse(&bank_text).unwrap();
    assert_eq!(
        bank.get("$schema").and_then(|n| n.as_str()),
        Some("./questions.schema.json")
    );
}

/// The schema that editors trust, checked by a JSON Schema validator of the
/// field (the `jsonschema` crate) rather than by our own reading of it: every
/// valid file passes it, and every invalid fixture whose problem is one of
/// shape (a type, a missing or unknown field, a value out of its list or
/// range) fails it. The rules a schema cannot state (unique ids, an answer
/// index within the choices, a section that exists, ...) are the validator's.
#[test]
fn a_json_schema_validator_accepts_the_valid_files_and_refuses_the_misshapen() {
    let schema: serde_json::Value = serde_json::from_str(&read("questions.schema.json")).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let valid = [
        "questions.json",
        "examples/my-questions.json",
        "examples/book/src/quizzes/basics.json",
        "tests/fixtures/xss.json",
        "tests/e2e/fixtures/all-kinds.json",
        "tests/e2e/fixtures/teacher-file.json",
    ];
    for path in valid {
        let file: serde_json::Value = serde_json::from_str(&read(path)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&file)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{path} fails the schema: {errors:#?}");
    }
    let mut refused = Vec::new();
    let mut passed = Vec::new();
    for entry in std::fs::read_dir(crate::repo("tests/fixtures/invalid")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        // Not JSON at all: the schema has nothing to say.
        let Ok(file) = serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&path).unwrap()) else {
            continue;
        };
        match validator.is_valid(&file) {
            false => refused.push(name),
            true => passed.push(name),
        }
    }
    passed.sort();
    refused.sort();
    println!("refused by the schema: {refused:?}");
    let mut cannot_say = SCHEMA_CANNOT_SAY.to_vec();
    cannot_say.sort_unstable();
    assert_eq!(passed, cannot_say, "invalid fixtures the schema passes");
    assert!(refused.len() > 50, "{} refused", refused.len());
}

/// Invalid fixtures whose problem no JSON Schema states: rules across
/// fields, references, uniqueness, and what the JSON reader itself refuses
/// before any schema applies (duplicate keys, which `serde_json` keeps the
/// last of).
const SCHEMA_CANNOT_SAY: &[&str] = &[
    // An index or a line within another field, or a length equal to another's.
    "answer-out-of-range",
    "choice-feedback-length",
    "multiple-answer-out-of-range",
    "tracing-line-past-end",
    // The cloze syntax inside a text.
    "cloze-empty-answer",
    "cloze-no-blanks",
    "cloze-two-right",
    "cloze-unclosed",
    // Uniqueness across objects, and references.
    "duplicate-question-id",
    "duplicate-section-id",
    "matching-left-repeat",
    "matching-right-repeat",
    "ordering-repeat",
    "unknown-section",
    // Which fields go together.
    "exam-limits-without-exam",
    "hint-and-hints",
    "numeric-answer-and-range",
    "numeric-no-answer",
    "numeric-tolerance-with-range",
    "numeric-two-tolerances",
    "tracing-compiles-without-output",
    "tracing-line-with-compiles",
    "tracing-output-with-fails",
    // The order of two numbers, and how a number is written.
    "numeric-range-reversed",
    "numeric-too-many-digits",
    "retention-too-precise",
    // A character XML 1.0 forbids inside a text (a pattern on every string
    // would say it, at the cost of an editor's hover text on each).
    "control-character",
    // A repeated key, which JSON readers other than ours keep the last of.
    "syntax-duplicate-key",
];
