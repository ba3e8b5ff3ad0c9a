//! Our Markdown reader against pulldown-cmark on every Markdown text the
//! bundled bank and the examples hold (quiz_fuzz::markdown_oracle lists the
//! differences made on purpose). A disagreement is a bug in ours, or a
//! difference to add to that list with its reason.

use quiz_format::{Question, QuestionKind, ValidQuiz};
use quiz_fuzz::markdown_oracle::{compared, difference};

use crate::repo;

/// Every Markdown field of a question.
fn markdown_of(q: &Question) -> Vec<&str> {
    let mut texts = vec![q.prompt.as_str()];
    texts.extend(q.hints.iter().map(String::as_str));
    texts.extend(q.explanation.as_deref());
    match &q.kind {
        QuestionKind::Single(k) => texts.extend(k.choices.iter().map(String::as_str)),
        QuestionKind::Multiple(k) => texts.extend(k.choices.iter().map(String::as_str)),
        QuestionKind::Flashcard(k) => texts.push(&k.back),
        QuestionKind::Ordering(k) => texts.extend(k.items.iter().map(String::as_str)),
        QuestionKind::Cloze(k) => texts.extend(k.parts.iter().map(String::as_str)),
        QuestionKind::Matching(k) => {
            texts.extend(k.pairs.iter().map(|(left, _)| left.as_str()));
            texts.extend(k.rights().map(String::as_str));
        }
        QuestionKind::Exercise(e) => {
            let lists = [&e.scenario, &e.think_about, &e.challenges];
            texts.extend(lists.into_iter().flatten().map(String::as_str));
            texts.extend(e.review.as_deref());
            texts.extend(e.tip.as_deref());
        }
        QuestionKind::TrueFalse(_) | QuestionKind::Short(_) | QuestionKind::Numeric(_) | QuestionKind::Tracing(_) => {}
    }
    texts
}

fn quiz(path: &str) -> ValidQuiz {
    let text = std::fs::read_to_string(repo(path)).unwrap();
    quiz_format::load(&text).quiz.unwrap()
}

#[test]
fn our_markdown_reads_the_bundled_texts_as_pulldown_cmark_does() {
    let (mut compared_texts, mut all) = (0, 0);
    let mut disagreements = Vec::new();
    for path in ["questions.json", "examples/my-questions.json"] {
        let quiz = quiz(path);
        let descriptions = quiz.sections.iter().filter_map(|s| s.description.as_deref());
        let texts: Vec<&str> = quiz
            .questions
            .iter()
            .flat_map(markdown_of)
            .chain(quiz.description.as_deref())
            .chain(descriptions)
            .collect();
        all += texts.len();
        for text in texts.into_iter().filter(|t| compared(t).is_ok()) {
            compared_texts += 1;
            if let Some(d) = difference(text) {
                disagreements.push(format!("{path}: {text:?}\n{d}"));
            }
        }
    }
    assert!(
        compared_texts * 10 >= all * 9,
        "only {compared_texts} of {all} texts compared"
    );
    eprintln!("{compared_texts} of {all} texts compared");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n\n{}",
        disagreements.len(),
        disagreements.join("\n\n")
    );
}

#[test]
fn the_comparison_sees_what_it_should() {
    // A case each reader handles, so that a broken comparison cannot pass by seeing nothing.
    for text in [
        "Use `asyncio.run()` to *start* the **loop**.",
        "1. one\n2. two\n\n```python\nawait x\n```",
        "> quoted\n\n- a\n  - nested",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "[docs](https://docs.python.org/3/) and ![a diagram](d.png)",
    ] {
        assert_eq!(compared(text), Ok(()));
        assert_eq!(difference(text), None, "{text}");
    }
    assert!(difference("*a*").is_none());
    assert!(compared("<b>x</b>").is_err());
}

#[test]
fn question_text_constructs_read_alike() {
    // Each was a disagreement the comparison found, fixed in ours.
    for text in [
        "line one\\\nline two",
        "*a **b** c*",
        "`a``b`",
        "&amp; &lt; &#65; &#x42;",
        "| a |\n|---|\n| `|` |",
        "a  \nb",
        "__init__ and _x_",
        "1) one\n2) two",
        "- a\n  b",
        "1. a\n   ```py\n   x\n   ```",
        "x*y*z",
        "## Why C#",
        "# Closed #",
        "a ` ` b and `\nfoo\n`",
        "| a | b |\n|---|\n| 1 | 2 |",
    ] {
        assert_eq!(compared(text), Ok(()));
        assert_eq!(difference(text), None, "{text}");
    }
}

#[test]
fn the_documented_differences_are_still_the_only_ones() {
    // quiz_fuzz::markdown_oracle lists these; if one starts to agree, update the list.
    for text in ["***both***", "* star\n+ plus", "    indented"] {
        assert!(
            difference(text).is_some(),
            "{text} now reads alike: update markdown_oracle's list"
        );
    }
}

/// Texts made of the pieces question text is written with (markers,
/// delimiters, code, links, line breaks), drawn from a fixed seed: wherever
/// `known_difference` names no documented simplification, our reader and
/// pulldown-cmark must read them alike. (The `markdown` fuzz target asserts
/// the same on whatever libFuzzer finds.)
#[test]
fn generated_texts_read_alike_outside_the_documented_differences() {
    use quiz_fuzz::markdown_oracle::known_difference;
    const PIECES: &[&str] = &[
        "*",
        "**",
        "_",
        "`",
        "```\n",
        "\n",
        "\n\n",
        "- ",
        "1. ",
        "> ",
        "# ",
        "[",
        "]",
        "(",
        ")",
        "https://x.y/z",
        "a",
        "b c",
        " ",
        "  ",
        "|",
        "---",
        "!",
        "\\",
        "&amp;",
        "word",
    ];
    let mut state: u64 = 0x1234_5678;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (mut compared_texts, mut differences) = (0, Vec::new());
    for _ in 0..300_000 {
        let len = next() % 12 + 1;
        let text: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        if compared(&text).is_err() || known_difference(&text).is_some() {
            continue;
        }
        compared_texts += 1;
        if let Some(d) = difference(&text) {
            differences.push(format!("{text:?}\n{d}"));
        }
    }
    assert!(compared_texts > 90_000, "only {compared_texts} texts compared");
    assert!(
        differences.is_empty(),
        "{} differ:\n\n{}",
        differences.len(),
        differences.iter().take(5).cloned().collect::<Vec<_>>().join("\n\n")
    );
}
