//! Every example that is a question file, a Markdown bank or a book's
//! configuration, in README.md, CONTRIBUTING.md and docs/*.md as they stand,
//! read as a teacher's copy would be: JSON loads without a diagnostic (and
//! passes the JSON Schema), an element's inline JSON or Markdown loads, a
//! Markdown bank imports without a problem, and the `book.toml` lines
//! configure the preprocessor without a note. (tests/e2e/readme.test.mjs runs
//! their commands as written.)

use quiz_author::import::import_markdown;

use crate::read;

/// The documents whose examples are run as written: README.md,
/// CONTRIBUTING.md and every docs/*.md, by path from the repository root.
pub fn documents() -> Vec<String> {
    let mut docs: Vec<String> = std::fs::read_dir(crate::repo("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    docs.sort();
    assert!(!docs.is_empty(), "docs/ has no .md file");
    let mut all = vec!["README.md".to_owned(), "CONTRIBUTING.md".to_owned()];
    all.extend(docs);
    all
}

/// The documents' fenced code blocks of `language`, in order.
fn blocks(language: &str) -> Vec<String> {
    let mut out = Vec::new();
    for document in documents() {
        let text = read(&document);
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let fence: String = line.chars().take_while(|&c| c == '`').collect();
            if fence.len() < 3 || line[fence.len()..].trim() != language {
                continue;
            }
            let body: Vec<&str> = lines.by_ref().take_while(|l| l.trim_end() != fence).collect();
            out.push(body.join("\n") + "\n");
        }
    }
    out
}

/// What `<script type="…">` holds inside an HTML example.
fn script_of(html: &str, kind: &str) -> Option<String> {
    let open = format!("<script type=\"{kind}\">");
    let start = html.find(&open)? + open.len();
    let end = html[start..].find("</script>")? + start;
    Some(html[start..end].to_owned())
}

#[track_caller]
fn imports_cleanly(markdown: &str, what: &str) {
    let imported = import_markdown(markdown, "readme");
    assert!(imported.problems.is_empty(), "{what}: {:?}", imported.problems);
    assert!(!imported.questions.is_empty(), "{what}: no questions");
    let quiz = quiz_format::model::Quiz {
        questions: imported.questions,
        ..quiz_format::model::Quiz::new("readme", "README")
    };
    assert_eq!(quiz_format::check(&quiz).errors().count(), 0, "{what}");
}

#[test]
fn every_json_example_is_a_valid_question_file() {
    let json = blocks("json");
    assert!(!json.is_empty());
    let schema: serde_json::Value = serde_json::from_str(&read("questions.schema.json")).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    for text in json {
        crate::valid(&text);
        assert!(validator.is_valid(&serde_json::from_str(&text).unwrap()), "{text}");
    }
}

#[test]
fn every_inline_source_in_an_html_example_loads() {
    let (mut json, mut markdown) = (0, 0);
    for html in blocks("html") {
        if let Some(text) = script_of(&html, "application/json") {
            crate::valid(&text);
            json += 1;
        }
        if let Some(text) = script_of(&html, "text/markdown") {
            imports_cleanly(&text, &html);
            markdown += 1;
        }
    }
    assert!(json >= 1 && markdown >= 1, "{json} JSON, {markdown} Markdown examples");
}

#[test]
fn every_markdown_bank_imports_without_a_problem() {
    let banks = blocks("md");
    assert!(banks.len() >= 2);
    for bank in banks {
        imports_cleanly(&bank, &bank);
    }
}

#[test]
fn the_book_toml_lines_configure_the_preprocessor() {
    let tomls = blocks("toml");
    assert!(!tomls.is_empty());
    for text in tomls {
        let book: mdbook_quiz_widget::mdbook_preprocessor::config::Config = text.parse().unwrap();
        let (_, notes) = mdbook_quiz_widget::Config::from_book(&book, "quiz-widget").unwrap();
        assert!(notes.is_empty(), "{text}: {notes:?}");
    }
}
