//! The question file, Markdown, the bank importer and stored progress.

use quiz_author::{import::import_markdown, mojibake};
use quiz_format::write::quiz_to_json;
use quiz_format::Quiz;
use quiz_markdown::highlight::highlight;
use quiz_markdown::{self as markdown, Block, Inline};
use quiz_session::progress::{Record, Records};
use quiz_session::transfer::{export_progress, import_progress};

/// A file is valid exactly when it has no errors; every problem points into
/// the file; a valid quiz, written out and read again, is the same quiz.
pub fn load(data: &[u8]) {
    let text = crate::text(data);
    let report = quiz_format::load(&text);
    let lines = text.lines().count().max(1);
    for d in &report.diagnostics {
        assert!((1..=lines + 1).contains(&d.line), "line {} of {lines}: {d}", d.line);
        assert!(!d.to_string().is_empty());
    }
    assert_eq!(report.quiz.is_some(), report.errors().next().is_none());
    // The learner's lean path accepts exactly what the full report finds no error in.
    assert_eq!(
        quiz_format::accept(&text),
        report.quiz,
        "accept and load disagree; load says: {:?}",
        report.errors().next().map(ToString::to_string)
    );
    let Some(quiz) = report.quiz else { return };
    let written = quiz_to_json(&quiz, None);
    let again = quiz_format::load(&written);
    let errors: Vec<String> = again.errors().map(ToString::to_string).collect();
    assert!(
        errors.is_empty(),
        "a valid quiz, written out, is invalid: {errors:?}\n{written}"
    );
    assert_eq!(again.quiz.as_ref(), Some(&quiz), "writing and reading changed the quiz");
    for q in &quiz.questions {
        markdown(q.prompt.as_bytes());
    }
}

/// Every link the Markdown reader keeps is one `safe_href` allows (and
/// leaves as it is), highlighting keeps every character of the code, and
/// the tree is pulldown-cmark's (the reference CommonMark reader) wherever
/// the two are compared (`markdown_oracle` lists where they are not).
pub fn markdown(data: &[u8]) {
    let text = crate::text(data);
    check_blocks(&markdown::parse(&text));
    if crate::markdown_oracle::compared(&text).is_ok() && crate::markdown_oracle::known_difference(&text).is_none() {
        if let Some(difference) = crate::markdown_oracle::difference(&text) {
            panic!("our Markdown reader and pulldown-cmark differ on {text:?}:\n{difference}");
        }
    }
    for language in ["python", "rust", "toml", "sh"] {
        check_highlight(Some(language), &text);
    }
}

fn check_blocks(blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => check_inlines(inlines),
            Block::Code { language, text } => check_highlight(language.as_deref(), text),
            Block::List { items, .. } => items.iter().for_each(|item| check_blocks(item)),
            Block::Quote(blocks) => check_blocks(blocks),
            Block::Table { head, rows } => {
                head.iter().for_each(|cell| check_inlines(cell));
                rows.iter().flatten().for_each(|cell| check_inlines(cell));
            }
            Block::Rule => {}
        }
    }
}

fn check_inlines(inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Link { href, children } => {
                assert_eq!(
                    markdown::safe_href(href).as_deref(),
                    Some(href.as_str()),
                    "unsafe link kept"
                );
                check_inlines(children);
            }
            Inline::Strong(children) | Inline::Emphasis(children) => check_inlines(children),
            Inline::Image { src, .. } => {
                assert_eq!(
                    markdown::safe_href(src).as_deref(),
                    Some(src.as_str()),
                    "unsafe image kept"
                );
            }
            Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
        }
    }
}

fn check_highlight(language: Option<&str>, code: &str) {
    let tokens: String = highlight(language, code).into_iter().map(|(_, piece)| piece).collect();
    assert_eq!(tokens, code, "highlighting changed the code");
}

/// Repairing mis-decoded text leaves ASCII alone; the importer numbers its
/// problems within the file; and what it imports without a problem is a
/// valid question file, unless the text holds a character XML cannot (the
/// validator refuses it in any field, and `quiz import` names its path).
pub fn import(data: &[u8]) {
    let text = crate::text(data);
    let repaired = mojibake::repair(&text);
    if text.is_ascii() {
        assert_eq!(repaired, text, "repair changed ASCII text");
    }
    let imported = import_markdown(&text, "f");
    let lines = text.lines().count().max(1);
    for p in &imported.problems {
        assert!(
            (1..=lines).contains(&p.line),
            "problem on line {} of {lines}: {}",
            p.line,
            p.message
        );
    }
    if !imported.problems.is_empty()
        || imported.questions.is_empty()
        || quiz_format::validate::forbidden_in_xml(&text).is_some()
    {
        return;
    }
    let quiz = Quiz {
        description: imported.description,
        questions: imported.questions,
        ..Quiz::new("f", "F")
    };
    let report = quiz_format::check(&quiz);
    let errors: Vec<String> = report.errors().map(ToString::to_string).collect();
    assert!(
        errors.is_empty(),
        "imported without a problem, yet invalid: {errors:?}\n{quiz:?}"
    );
}

/// The quiz progress files are imported into: one question of each kind.
const QUIZ: &str = r#"{ "id": "fuzz", "title": "F", "questions": [
  { "id": "q1", "type": "single", "prompt": "p", "choices": ["a", "b"], "answer": 0 },
  { "id": "q2", "type": "multiple", "prompt": "p", "choices": ["a", "b"], "answers": [0] },
  { "id": "q3", "type": "true_false", "prompt": "p", "answer": true },
  { "id": "q4", "type": "short", "prompt": "p", "accept": ["a"] },
  { "id": "q5", "type": "flashcard", "prompt": "p", "back": "b" },
  { "id": "q6", "type": "exercise", "prompt": "p" } ] }"#;

/// A stored record reads back as itself; an imported progress file exports
/// and imports again unchanged; importing the same file twice changes
/// nothing the second time.
pub fn progress(data: &[u8]) {
    let text = crate::text(data);
    if let Some(record) = Record::from_json(&text) {
        assert_eq!(Record::from_json(&record.to_json()).as_ref(), Some(&record));
    }
    let Some(quiz) = quiz_format::load(QUIZ).quiz else {
        panic!("the progress quiz is valid")
    };
    let fits = |id: &str, r: &mut Record| quiz.questions.iter().any(|q| q.id == id && r.fits(q));
    let mut records = Records::new();
    let Ok((changed, summary)) = import_progress(&text, "fuzz", fits, &mut records) else {
        return;
    };
    assert_eq!(changed.len(), records.len());
    assert_eq!(summary.added, records.len());
    let exported = export_progress("fuzz", &records, 0);
    let mut again = Records::new();
    let imported = import_progress(&exported, "fuzz", fits, &mut again);
    assert!(imported.is_ok(), "our own export is refused: {imported:?}");
    assert_eq!(again, records, "export and import changed the records");
    let twice = import_progress(&text, "fuzz", fits, &mut records).map(|(changed, _)| changed);
    assert_eq!(twice, Ok(Vec::new()), "importing a file again changed records");
}
