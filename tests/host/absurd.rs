//! Absurd files end in a clear message naming the limit, never a panic or a
//! hang. Time is not asserted here (machines are shared); the benchmark
//! command measures it. These inputs are built in memory.

use quiz_format::validate::{MAX_CHOICES, MAX_QUESTIONS, MAX_SOURCE_BYTES, MAX_TEXT_CHARS};

fn errors(source: &str) -> Vec<String> {
    quiz_format::load(source).errors().map(ToString::to_string).collect()
}

fn question_file(question: &str) -> String {
    format!(r#"{{"id": "absurd", "title": "Absurd", "questions": [{question}]}}"#)
}

#[test]
fn a_ten_megabyte_prompt_is_refused_with_the_limit() {
    let prompt = "a".repeat(10 * 1024 * 1024);
    let source = question_file(&format!(
        r#"{{"id": "q", "type": "flashcard", "prompt": "{prompt}", "back": "b"}}"#
    ));
    let errors = errors(&source);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains(&format!(
        "this text is 10485760 characters long; a field may hold at most {MAX_TEXT_CHARS}"
    )));
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let source = " ".repeat(MAX_SOURCE_BYTES + 1);
    assert_eq!(errors(&source), vec!["error: 1:1: the file is 33554433 bytes; question files may be at most 33554432 bytes (32 MB). Split it into several quizzes"]);
}

#[test]
fn a_hundred_thousand_choices_are_refused() {
    let choices: Vec<String> = (0..100_000).map(|i| format!("\"c{i}\"")).collect();
    let source = question_file(&format!(
        r#"{{"id": "q", "type": "single", "prompt": "p", "choices": [{}], "answer": 0}}"#,
        choices.join(",")
    ));
    let errors = errors(&source);
    assert!(errors.iter().any(|e| e.contains(&format!(
        "100000 choices are too many: a question may have at most {MAX_CHOICES}"
    ))));
}

#[test]
fn fifty_thousand_questions_load() {
    let questions: Vec<String> = (0..50_000)
        .map(|i| format!(r#"{{"id": "q{i}", "type": "true_false", "prompt": "Statement {i}", "answer": true, "explanation": "e"}}"#))
        .collect();
    let report = quiz_format::load(&question_file(&questions.join(",")));
    assert_eq!(report.quiz.map(|q| q.questions.len()), Some(50_000));
}

#[test]
fn more_questions_than_the_limit_are_refused() {
    let questions = vec!["{}"; MAX_QUESTIONS + 1].join(",");
    let errors = errors(&question_file(&questions));
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains(&format!(
        "the file has 100001 questions; at most {MAX_QUESTIONS} are allowed"
    )));
}

#[test]
fn json_nested_ten_thousand_deep_is_refused() {
    let source = question_file(&("[".repeat(10_000) + &"]".repeat(10_000)));
    assert!(errors(&source)[0].contains("nested more than 128 levels deep"));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let source =
        "\u{feff}".to_owned() + &question_file(r#"{"id": "q", "type": "flashcard", "prompt": "p", "back": "b"}"#);
    assert!(quiz_format::load(&source).quiz.is_some());
}

#[test]
fn null_in_every_field_gives_a_message_per_field() {
    let fields = [
        "id",
        "type",
        "prompt",
        "section",
        "difficulty",
        "topic",
        "tags",
        "hint",
        "explanation",
        "choices",
        "answer",
    ];
    let members: Vec<String> = fields.iter().map(|f| format!("\"{f}\": null")).collect();
    let source = format!(
        r#"{{"id": null, "title": null, "description": null, "sections": null, "questions": [{{{}}}]}}"#,
        members.join(", ")
    );
    let errors = errors(&source);
    for field in ["id", "title", "description", "sections"] {
        assert!(
            errors
                .iter()
                .any(|e| e.contains(&format!("at {field}: `{field}` must be"))),
            "{field}: {errors:#?}"
        );
    }
    assert!(
        errors
            .iter()
            .any(|e| e.contains("at questions[0].type: `type` must be one of")),
        "{errors:#?}"
    );
}

#[test]
fn control_characters_and_lone_surrogates_are_handled() {
    let source = question_file(r#"{"id": "q", "type": "flashcard", "prompt": "tab \t and \ud800 lone", "back": "b"}"#);
    let quiz = quiz_format::load(&source).quiz.unwrap();
    assert_eq!(quiz.questions[0].prompt, "tab \t and \u{fffd} lone");
    // No XML file (a SCORM or cmi5 package) can carry a bell, so no field may.
    let bell = question_file(r#"{"id": "q", "type": "flashcard", "prompt": "bell \u0007", "back": "b"}"#);
    assert!(errors(&bell)[0].contains("`prompt` holds U+0007 (a control character) at character 6"));
    let raw = question_file("{\"id\": \"q\u{1b}\"}");
    assert!(errors(&raw)[0].contains("control character U+001B inside a string"));
}

#[test]
fn markdown_of_absurd_size_and_shape_is_parsed() {
    let long = "word ".repeat(200_000);
    assert_eq!(quiz_markdown::parse(&long).len(), 1);
    let nested_lists: String = (0..500).map(|i| format!("{}- item\n", "  ".repeat(i))).collect();
    assert!(!quiz_markdown::parse(&nested_lists).is_empty());
    let backticks = "`".repeat(50_000);
    assert!(!quiz_markdown::parse(&backticks).is_empty());
    let stars = "*a ".repeat(30_000);
    assert!(!quiz_markdown::parse(&stars).is_empty());
    let links = "[a](".repeat(20_000);
    assert!(!quiz_markdown::parse(&links).is_empty());
}
