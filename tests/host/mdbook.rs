//! mdbook-quiz compatibility: TOML quizzes written from its schema (every
//! kind, multipart, code in prompts and choices) import with the exact
//! answers (expect files beside them), and the preprocessor expands
//! `{{#quiz}}` as a book needs: once-per-chapter loader, code left alone,
//! and an invalid quiz reported with chapter, file and line.

use std::path::Path;

use mdbook_quiz_widget::{expand, Config};
use quiz_author::mdbook_quiz::import_toml;
use quiz_format::model::Quiz;

use crate::repo;

fn imported_text(name: &str) -> String {
    let text = crate::read(&format!("tests/fixtures/mdbook-quiz/{name}.toml"));
    let imported = import_toml(&text, name);
    let quiz = Quiz {
        questions: imported.questions,
        ..Quiz::new(name, name)
    };
    let report = quiz_format::check(&quiz);
    assert_eq!(report.errors().count(), 0, "{name}: {:?}", report.diagnostics);
    let mut out = quiz_format::write::quiz_to_json(&report.quiz.unwrap(), None);
    for (what, list) in [("problem", &imported.problems), ("note", &imported.notes)] {
        for p in list {
            out.push_str(&format!("\n{what} at line {}: {}", p.line, p.message));
        }
    }
    out.push('\n');
    out
}

#[test]
fn mdbook_quiz_files_import_with_their_exact_answers() {
    for name in ["choices", "short", "tracing", "multipart"] {
        expect_test::expect_file![repo(&format!("tests/fixtures/mdbook-quiz/{name}.expect"))]
            .assert_eq(&imported_text(name));
    }
}

#[test]
fn a_chapter_gets_one_loader_and_its_quizzes_and_code_is_left_alone() {
    let src = repo("examples/book/src");
    let content = "# A\n\n{{#quiz quizzes/basics.json}}\n\nText `{{#quiz x}}` and \\{{#quiz y}}.\n\n```md\n{{#quiz z}}\n```\n\n{{#quiz quizzes/moves.toml}}\n";
    let out = expand(&Config::default(), content, &src, &src);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    assert_eq!(out.content.matches("<script type=\"module\">").count(), 1);
    assert_eq!(out.content.matches("<quiz-widget class=\"in-book\">").count(), 2);
    assert!(out.content.contains("Text `{{#quiz x}}` and {{#quiz y}}."));
    assert!(out.content.contains("```md\n{{#quiz z}}\n```"));
    // The inline JSON can close no element and ends no Markdown block.
    let json = out
        .content
        .split("application/json\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    assert!(!json.contains('<') && !json.contains("\n\n"), "{json}");
    // Imported quizzes take their id from their path under src.
    assert!(out.content.contains("{\"id\":\"quizzes-moves\","), "{}", out.content);
    // Each quiz's first screen is pre-rendered, after the book's styles, once.
    assert_eq!(out.content.matches("data-prerendered=").count(), 2);
    assert_eq!(out.content.matches("<style>quiz-widget.in-book{").count(), 1);
}

#[test]
fn an_invalid_quiz_is_reported_with_its_file_and_line_and_replaced_by_the_problems() {
    let dir = repo("examples/book");
    let out = expand(&Config::default(), "{{#quiz broken/broken.toml}}\n", &dir, &dir);
    assert_eq!(out.problems.len(), 1, "{:?}", out.problems);
    assert_eq!(
        out.problems[0].to_string(),
        "broken/broken.toml:16: question broken-2: `answer`: unknown field `anwser`, expected `answer` or `alternatives`"
    );
    assert!(out.content.contains("<div class=\"quiz-widget-error\" role=\"alert\">"));
    assert!(!out.content.contains("<quiz-widget"));
    let json = expand(
        &Config::default(),
        "{{#quiz bad.json}}\n",
        Path::new("/nonexistent"),
        Path::new("/"),
    );
    assert!(
        json.problems[0].to_string().contains("bad.json: cannot read"),
        "{:?}",
        json.problems
    );
}

fn config(book_toml: &str) -> Result<(Config, Vec<String>), String> {
    let book: mdbook_quiz_widget::mdbook_preprocessor::config::Config = book_toml.parse().unwrap();
    Config::from_book(&book, "quiz-widget")
}

#[test]
fn the_table_takes_our_keys_and_mdbook_quizs_and_refuses_others() {
    assert_eq!(config("").unwrap(), (Config::default(), Vec::new()));
    let (ours, notes) =
        config("[preprocessor.quiz-widget]\non-error = \"warn\"\ncdn = true\nafter = [\"links\"]\n").unwrap();
    assert_eq!(
        ours,
        Config {
            on_error: mdbook_quiz_widget::OnError::Warn,
            cdn: true
        }
    );
    assert!(notes.is_empty());
    // With the CDN, the glue imports the public package at this release line.
    assert_eq!(
        ours.widget_url(),
        "https://cdn.jsdelivr.net/npm/quiz-widget@0.1/quiz-widget.js"
    );
    assert_eq!(Config::default().widget_url(), "./quiz-widget.js");
    // mdbook-quiz's table, renamed: what the widget always does is quiet, the rest is reported.
    let (_, notes) =
        config("[preprocessor.quiz-widget]\ncache-answers = true\nfullscreen = true\nspellcheck = true\n").unwrap();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].contains("fullscreen: an mdbook-quiz option that quiz-widget does not support"));
    let unknown = config("[preprocessor.quiz-widget]\non-eror = \"warn\"\n").unwrap_err();
    assert!(unknown.contains("unknown key `on-eror`"), "{unknown}");
    let wrong = config("[preprocessor.quiz-widget]\non-error = \"maybe\"\n").unwrap_err();
    assert!(wrong.contains("use \"fail\" or \"warn\""), "{wrong}");
}
