//! Moodle's GIFT format both ways: a bank written by hand with every kind
//! and feature imports with its exact answers (the expect file beside it),
//! exporting and importing again changes nothing, and what GIFT cannot hold
//! is said question by question.

use quiz_author::gift::{export_gift, import_gift};
use quiz_format::model::Quiz;
use quiz_format::ValidQuiz;

use crate::repo;

/// An imported bank as a checked quiz, with its sections.
fn quiz_of(text: &str) -> (ValidQuiz, Vec<String>) {
    let imported = import_gift(text, "gift");
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    let notes = imported
        .notes
        .iter()
        .map(|p| format!("line {}: {}", p.line, p.message))
        .collect();
    let quiz = Quiz {
        sections: imported.sections,
        questions: imported.questions,
        ..Quiz::new("gift", "GIFT")
    };
    let report = quiz_format::check(&quiz);
    assert_eq!(report.errors().count(), 0, "{:?}", report.diagnostics);
    (report.quiz.unwrap(), notes)
}

#[test]
fn a_bank_with_every_kind_imports_with_its_exact_answers() {
    let text = crate::read("tests/fixtures/gift/every-kind.gift");
    let (quiz, notes) = quiz_of(&text);
    let mut out = quiz_format::write::quiz_to_json(&quiz, None);
    out.push_str(&notes.iter().map(|n| format!("\nnote {n}")).collect::<String>());
    out.push('\n');
    expect_test::expect_file![repo("tests/fixtures/gift/every-kind.expect")].assert_eq(&out);
}

#[test]
fn import_export_import_changes_nothing() {
    let (first, _) = quiz_of(&crate::read("tests/fixtures/gift/every-kind.gift"));
    let (gift, notes) = export_gift(&first);
    assert!(notes.is_empty(), "everything imported from GIFT goes back: {notes:?}");
    let (second, _) = quiz_of(&gift);
    assert_eq!(second.sections, first.sections);
    assert_eq!(second.questions, first.questions, "{gift}");
}

#[test]
fn what_gift_cannot_hold_is_said_per_question() {
    let text = crate::read("questions.json");
    let quiz = quiz_format::load(&text).quiz.unwrap();
    let (gift, notes) = export_gift(&quiz);
    let exercises = quiz
        .questions
        .iter()
        .filter(|q| q.kind.name().as_str() == "exercise")
        .count();
    let said = |what: &str| notes.iter().filter(|n| n.contains(what)).count();
    assert_eq!(said("written as an essay question:"), exercises);
    assert_eq!(
        gift.matches("\n::").count(),
        quiz.questions.len(),
        "every bundled question is written"
    );
    let examples = quiz_format::load(&crate::read("examples/my-questions.json"))
        .quiz
        .unwrap();
    let (_, notes) = export_gift(&examples);
    for expected in [
        "question run-steps: GIFT has no ordering questions",
        "question run-steps: left out",
        "question await-outside: GIFT has no tracing questions",
    ] {
        assert!(notes.iter().any(|n| n == expected), "{expected}: {notes:#?}");
    }
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("question fill-run: GIFT's missing word has one blank, and this text has 3")),
        "{notes:#?}"
    );
}

/// Every text of a question, as the learner would read it (Markdown).
fn texts(q: &quiz_format::Question) -> Vec<String> {
    use quiz_format::QuestionKind as K;
    let mut out = vec![q.prompt.clone()];
    out.extend(q.explanation.clone());
    match &q.kind {
        K::Single(k) => out.extend(k.choices.iter().chain(&k.feedback).cloned()),
        K::Multiple(k) => out.extend(k.choices.iter().chain(&k.feedback).cloned()),
        K::Short(k) => out.extend(
            k.accept
                .iter()
                .cloned()
                .chain(k.feedback.iter().flat_map(|(a, f)| [a.clone(), f.clone()])),
        ),
        K::Numeric(k) => out.extend(k.feedback.iter().map(|(_, f)| f.clone())),
        K::Matching(k) => out.extend(
            k.pairs
                .iter()
                .flat_map(|(l, r)| [l.clone(), r.clone()])
                .chain(k.distractors.iter().cloned()),
        ),
        _ => {}
    }
    out
}

/// Where a text has a `<` that starts a tag (`<p`, `</p`), not written `\<`.
fn tag_in(text: &str) -> Option<&str> {
    text.match_indices('<').find_map(|(at, _)| {
        let after = text.get(at + 1..)?;
        let escaped = text.get(..at)?.ends_with('\\');
        let tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        (tag && !escaped).then(|| text.get(at..).unwrap_or_default())
    })
}

#[test]
fn a_moodle_export_in_html_imports_as_markdown_with_notes_for_what_is_dropped() {
    let text = crate::read("tests/fixtures/gift/moodle-html.txt");
    let imported = import_gift(&text, "m");
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    for q in &imported.questions {
        for t in texts(q) {
            assert_eq!(tag_in(&t), None, "question {}: {t}", q.id);
        }
    }
    let kinds: Vec<&str> = imported.questions.iter().map(|q| q.kind.name().as_str()).collect();
    assert_eq!(
        kinds,
        [
            "single",
            "multiple",
            "true_false",
            "short",
            "numeric",
            "matching",
            "exercise",
            "single"
        ]
    );
    let (quiz, notes) = quiz_of(&text);
    let mut out = quiz_format::write::quiz_to_json(&quiz, None);
    out.push_str(&notes.iter().map(|n| format!("\nnote {n}")).collect::<String>());
    out.push('\n');
    expect_test::expect_file![repo("tests/fixtures/gift/moodle-html.expect")].assert_eq(&out);
}

/// A short answer written with tags in an `[html]` question (Moodle's
/// exporter writes them plain, a teacher may not) is compared as its text,
/// with a note; a `<` that opens no tag stays.
#[test]
fn an_html_short_answer_is_its_text() {
    let imported = import_gift(
        "::iron::[html]<p>Name the symbol for iron.</p>{ =<p>Fe</p> =<b>FE</b> }\n\n::less::[html]<p>Which is it?</p>{ =a < b }\n",
        "g",
    );
    let accept = |i: usize| match &imported.questions[i].kind {
        quiz_format::QuestionKind::Short(s) => s.accept.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(accept(0), ["Fe", "FE"]);
    assert_eq!(accept(1), ["a < b"]);
    assert!(
        imported.notes.iter().any(|n| n.message.contains("`<p>Fe</p>` is HTML")),
        "{:?}",
        imported.notes
    );
}
