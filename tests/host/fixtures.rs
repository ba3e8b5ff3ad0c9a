//! Every file in tests/fixtures/invalid/ must fail with exactly the errors in
//! its `.expect` file: one `line:column at path: message` per line
//! (`UPDATE_EXPECT=1 cargo test` rewrites them).

use quiz_format::Severity;

use crate::repo;

fn errors_of(source: &str) -> String {
    let report = quiz_format::load(source);
    assert!(report.quiz.is_none(), "an invalid file produced a quiz");
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string().trim_start_matches("error: ").to_owned() + "\n")
        .collect()
}

#[test]
fn each_invalid_fixture_gives_its_expected_errors() {
    let dir = repo("tests/fixtures/invalid");
    let mut fixtures: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 30, "only {} invalid fixtures", fixtures.len());
    // expect-test compares each with its `.expect` file and, run with
    // UPDATE_EXPECT=1, rewrites the files that differ.
    for fixture in &fixtures {
        let source = std::fs::read_to_string(fixture).unwrap();
        expect_test::expect_file![fixture.with_extension("expect")].assert_eq(&errors_of(&source));
    }
}

#[test]
fn all_problems_are_reported_not_only_the_first() {
    let source = r#"{"id": "Bad Id", "title": "T", "questions": [
        {"id": "a", "type": "single", "prompt": "p", "choices": ["x"], "answer": 3},
        {"id": "a", "type": "flashcard", "prompt": "", "back": "b", "colour": "red"}
    ]}"#;
    let errors = errors_of(source);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines.len(), 5, "{errors}");
    assert!(errors.contains("1:8 at id: \"Bad Id\" is not a valid `id`"));
    assert!(errors.contains("at questions[0].choices: only one choice"));
    assert!(errors.contains("at questions[1].colour: unknown field `colour`"));
    assert!(errors.contains("at questions[1].prompt: `prompt` is empty"));
    assert!(errors.contains("at questions[1].id: question id \"a\" is already used by questions[0]"));
}

#[test]
fn warnings_do_not_stop_a_file() {
    let report = quiz_format::load(
        r#"{"id": "w", "title": "T", "questions": [{"id": "a", "type": "single", "prompt": "p", "choices": ["x", "x"], "answer": 0}]}"#,
    );
    assert!(report.quiz.is_some());
    let warnings: Vec<String> = report.warnings().map(|d| d.message.clone()).collect();
    assert_eq!(
        warnings,
        vec![
            "no `explanation`: learners see only right or wrong",
            "choice 1 repeats an earlier choice"
        ]
    );
}

#[test]
fn an_image_without_alt_text_is_a_warning_where_it_stands() {
    let report = quiz_format::load(
        r#"{"id": "w", "title": "T", "questions": [{"id": "a", "type": "single", "explanation": "e",
  "prompt": "Which loop? ![](loop.png)", "choices": ["![the event loop](a.png)", "![ ](b.png)"], "answer": 0}]}"#,
    );
    assert!(report.quiz.is_some(), "a warning does not stop the file");
    let warnings: Vec<String> = report.warnings().map(ToString::to_string).collect();
    let message =
        "an image has no alt text: describe it in the brackets, `![what it shows](…)`, for learners who cannot see it";
    assert_eq!(
        warnings,
        vec![
            format!("warning: 2:13 at questions[0].prompt: {message}"),
            format!("warning: 2:82 at questions[0].choices[1]: {message}"),
        ]
    );
}
