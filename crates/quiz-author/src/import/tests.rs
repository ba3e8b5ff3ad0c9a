//! The Markdown conventions, one line per case: a bank in, a summary of
//! what it imports (questions, then problems and notes with their lines) out.
#![allow(clippy::wildcard_enum_match_arm, reason = "a test's catch-all arm fails the test")]

use quiz_format::model::{Question, QuestionKind};

use super::import_markdown;

/// A question in one line: kind, prompt, `= answer` and `// explanation`.
fn summary(q: &Question) -> String {
    let answer = match &q.kind {
        QuestionKind::Single(k) => k.choices.get(k.answer).cloned().unwrap_or_default(),
        QuestionKind::Multiple(k) => {
            let right: Vec<&str> = k
                .answers
                .iter()
                .filter_map(|&a| k.choices.get(a))
                .map(String::as_str)
                .collect();
            right.join(" + ")
        }
        QuestionKind::TrueFalse(k) => k.answer.to_string(),
        QuestionKind::Short(k) => k.accept.join(" | "),
        QuestionKind::Numeric(k) => k.shown.clone(),
        QuestionKind::Ordering(k) => k.items.join(" > "),
        QuestionKind::Matching(k) => {
            let pairs: Vec<String> = k.pairs.iter().map(|(l, r)| format!("{l} -> {r}")).collect();
            pairs.join(", ")
        }
        QuestionKind::Cloze(k) => k.text.clone(),
        other => other.name().as_str().to_owned(),
    };
    let explanation = q.explanation.as_deref().map(|e| format!(" // {e}")).unwrap_or_default();
    format!("{}: {} = {answer}{explanation}", q.kind.name().as_str(), q.prompt).replace('\n', "⏎")
}

/// The whole import of `text`, one item a line.
fn imported(text: &str) -> String {
    let imported = import_markdown(text, "t");
    let questions = imported.questions.iter().map(summary);
    let problems = imported
        .problems
        .iter()
        .map(|p| format!("problem {}: {}", p.line, p.message));
    let notes = imported.notes.iter().map(|p| format!("note {}: {}", p.line, p.message));
    questions.chain(problems).chain(notes).collect::<Vec<_>>().join("\n")
}

#[track_caller]
fn check(text: &str, expected: &str) {
    assert_eq!(imported(text), expected);
}

/// docs/markdown.md, "Writing quizzes in Markdown" (moved there from the
/// README), as it is now: the document below its title.
fn doc_section() -> String {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/markdown.md"));
    let doc = doc.unwrap_or_default();
    doc.strip_prefix("# Writing quizzes in Markdown\n")
        .unwrap_or_default()
        .to_owned()
}

/// The section's first block fenced with four backticks.
fn doc_example() -> String {
    let section = doc_section();
    let block = section.split("\n````md\n").nth(1).unwrap_or_default();
    block.split("\n````").next().unwrap_or_default().to_owned()
}

/// The section's block of true/false and short answers, fenced with three backticks.
fn doc_labels_example() -> String {
    let section = doc_section();
    let after = section.split("\n````\n").nth(1).unwrap_or_default();
    let block = after.split("\n```md\n").nth(1).unwrap_or_default();
    block.split("\n```").next().unwrap_or_default().to_owned()
}

#[test]
fn the_doc_example_of_true_or_false_and_short_answers_imports() {
    check(
        &doc_labels_example(),
        "true_false: `asyncio.sleep()` blocks the event loop. = false\nshort: Which function starts the event loop from plain code? = asyncio.run | asyncio.run()",
    );
}

#[test]
fn the_doc_example_imports_as_its_five_questions() {
    let text = doc_example();
    assert!(text.starts_with("# Week 3 check\n"), "{text}");
    let imported = import_markdown(&text, "t");
    assert_eq!(imported.problems, []);
    assert_eq!(imported.notes, []);
    let kinds: Vec<&str> = imported.questions.iter().map(|q| q.kind.name().as_str()).collect();
    assert_eq!(kinds, ["single", "ordering", "matching", "cloze", "numeric"]);
    assert_eq!(
        imported.questions.first().and_then(|q| q.explanation.as_deref()),
        Some("Calling it only creates the coroutine.")
    );
}

#[test]
fn an_explanation_ends_at_the_next_question_or_heading() {
    let q1 = "**Q1: Basic - [Loop]**\nWhat runs it?\nA) `run`\nB) `sleep`\n**Answer: A**\n";
    // One line, then a question of another convention.
    check(
        &format!("{q1}**Explanation:** It starts the loop.\n**Number:** Seconds?\n**Answer:** 2\n"),
        "single: What runs it? = `run` // It starts the loop.\nnumeric: Seconds? = 2",
    );
    check(
        &format!("{q1}**Explanation:** It starts the loop.\n\n**True or false:** It blocks.\n**Answer:** F\n"),
        "single: What runs it? = `run` // It starts the loop.\ntrue_false: It blocks. = false",
    );
    check(
        &format!("{q1}**Explanation:** One.\n**Q2: Basic**\nWhich?\nA) x\nB) y\n**Answer: B**\n"),
        "single: What runs it? = `run` // One.\nsingle: Which? = y",
    );
    // A heading, and the other conventions' first lines.
    check(
        &format!("{q1}**Explanation:**\nIt starts the loop.\n\n## Part 2\n\nNot a question.\n"),
        "single: What runs it? = `run` // It starts the loop.",
    );
    check(
        &format!("{q1}**Explanation:** One.\n### Question 1: Cache\n**Task:** Add headers.\n"),
        "single: What runs it? = `run` // One.\nexercise: **Cache**⏎⏎Add headers. = exercise",
    );
    check(
        &format!("{q1}**Explanation:** One.\n\n1 / 2\nFront\nBack\n"),
        "single: What runs it? = `run` // One.\nflashcard: Front = flashcard",
    );
    check(
        &format!("{q1}**Explanation:** One.\n1. **Which?**\n   - A) x\n   - B) y\n   - **Answer**: B\n"),
        "single: What runs it? = `run` // One.\nsingle: Which? = y",
    );
    // A labelled question's explanation, on its own line or more, ends the same way.
    check("**Order:** Steps?\n1. a\n2. b\n**Explanation:**\nFirst a.\n\nThen b.\n## Next\n**Short:** Name?\n**Answer:** run\n", "ordering: Steps? = a > b // First a.⏎⏎Then b.\nshort: Name? = run");
    // A `#` line in code is not a heading.
    check(
        &format!("{q1}**Explanation:** See:\n```python\n# the loop\nasyncio.run(main())\n```\n"),
        "single: What runs it? = `run` // See:⏎```python⏎# the loop⏎asyncio.run(main())⏎```",
    );
}

#[test]
fn a_flashcard_ends_at_the_next_question_or_heading() {
    let card = "1 / 2\nWhat runs the loop?\n`asyncio.run`\n";
    check(
        &format!("{card}**Q2: Basic**\nWhich?\nA) x\nB) y\n**Answer: A**\n"),
        "flashcard: What runs the loop? = flashcard\nsingle: Which? = x",
    );
    check(
        &format!("{card}\n**True or false:** It blocks.\n**Answer:** F\n"),
        "flashcard: What runs the loop? = flashcard\ntrue_false: It blocks. = false",
    );
    check(
        &format!("{card}**Order:** Steps?\n1. a\n2. b\n"),
        "flashcard: What runs the loop? = flashcard\nordering: Steps? = a > b",
    );
    check(
        &format!("{card}---\n**Short:** Name?\n**Answer:** run\n"),
        "flashcard: What runs the loop? = flashcard\nshort: Name? = run",
    );
    // The back is all it had before the next question.
    let back = import_markdown(&format!("{card}**Number:** Seconds?\n**Answer:** 2\n"), "t");
    assert!(matches!(&back.questions[0].kind, QuestionKind::Flashcard(f) if f.back == "`asyncio.run`"));
}

#[test]
fn what_an_explanation_takes_that_looks_like_a_question_part_is_noted() {
    let q1 = "**Q1: Basic - [Loop]**\nWhat runs it?\nA) `run`\nB) `sleep`\n**Answer: A**\n";
    check(
        &format!("{q1}**Explanation:** It starts the loop.\n\nHow long do two sleeps take?\n**Answer:** 2 s\n"),
        "single: What runs it? = `run` // It starts the loop.⏎⏎How long do two sleeps take?⏎**Answer:** 2 s\nnote 9: `**Answer:** 2 s` looks like part of a question, but it is read as part of the explanation of the question on line 1: start a new question with its marker (such as `**Q2: …**` or `**Number:**`), or move the line above `**Explanation:**`",
    );
    check(
        "**Match:** Pair them.\n- a -> 1\n- b -> 2\n**Explanation:** Letters to digits.\n- c -> 3\n",
        "matching: Pair them. = a -> 1, b -> 2 // Letters to digits.⏎- c -> 3\nnote 5: `- c -> 3` looks like part of a question, but it is read as part of the explanation of the question on line 1: start a new question with its marker (such as `**Q2: …**` or `**Number:**`), or move the line above `**Explanation:**`",
    );
}

#[test]
fn several_right_letters_make_a_multiple_choice_question() {
    check(
        "**Q1: Basic**\nWhich can be awaited?\nA) A coroutine\nB) An int\nC) A Task\n**Answer: A, C**\n",
        "multiple: Which can be awaited? = A coroutine + A Task",
    );
    check(
        "**Q1: Basic**\nWhich?\nA) x\nB) y\nC) z\n**Answer:** C and A\n",
        "multiple: Which? = x + z",
    );
    check(
        "1. **Which?**\n   - A) x\n   - B) y\n   - C) z\n   - **Answer**: B, C\n",
        "multiple: Which? = y + z",
    );
    check(
        "**Q1: Basic**\nWhich?\nA) x\nB) y\n**Answer: A, D**\n",
        "problem 1: the answer letter is past the last of 2 choices",
    );
    check("**Q1: Basic**\nWhich?\nA) x\nB) y\n**Answer: A, 2**\n", "problem 1: this question has no `**Answer: X**` line\nproblem 5: cannot read the answer letter in **Answer: A, 2**: write `**Answer: B**`, or `**Answer: A, C**` when several are right");
}

#[test]
fn true_or_false_takes_a_statement_and_its_truth() {
    check(
        "**True or false:** `sleep` blocks.\n**Answer:** False\n**Explanation:** It yields.\n",
        "true_false: `sleep` blocks. = false // It yields.",
    );
    check(
        "**True/False:** It runs.\n\n**Answer:** true.\n",
        "true_false: It runs. = true",
    );
    check("**True or false:** It runs.\n**Answer:** Maybe\n", "problem 1: the answer of this true/false question is \"Maybe\": write `**Answer:** True` or `**Answer:** False`");
    check(
        "**True or false:** It runs.\n",
        "problem 1: a true/false question needs an `**Answer:**` line saying `True` or `False`",
    );
    check(
        "**True or false:**\n**Answer:** True\n",
        "problem 1: this question has no prompt: write it after `**True or false:**`",
    );
}

#[test]
fn a_short_answer_takes_the_answers_it_accepts() {
    check(
        "**Short:** What starts the loop?\n**Answer:** asyncio.run | `asyncio.run()`\n",
        "short: What starts the loop? = asyncio.run | `asyncio.run()`",
    );
    check(
        "**Short answer:** Name it.\n**Answer:** run\n**Explanation:** The entry point.\n",
        "short: Name it. = run // The entry point.",
    );
    check("**Short:** Name it.\n**Answer:** | \n", "problem 1: the `**Answer:**` line of this short-answer question is empty: write the accepted answers, separated by `|`");
    check("**Short:** Name it.\n", "problem 1: a short-answer question needs an `**Answer:**` line with the accepted answers, such as `**Answer:** asyncio.run | asyncio.run()`");
}

#[test]
fn an_exercise_keeps_text_on_a_labels_line_and_a_tip_after_an_emoji() {
    let text = "### Question 1: Even\n**Task:** Tell even numbers.\n**Think about:** Modulo.\n- Zero\n**Challenge yourself:** Do it in one line.\n💡 **Tip:** Use `%`.\n";
    let imported = import_markdown(text, "t");
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    let QuestionKind::Exercise(e) = &imported.questions[0].kind else {
        panic!()
    };
    assert_eq!(e.think_about, ["Modulo.", "Zero"]);
    assert_eq!(e.challenges, ["Do it in one line."]);
    assert_eq!(e.tip.as_deref(), Some("**Tip:** Use `%`."));
    let plain = import_markdown("### Question 1: Even\n**Task:** Tell.\nTip: Use `%`.\n", "t");
    assert!(
        plain.problems.iter().any(|p| p.message.contains("bold label")),
        "{:?}",
        plain.problems
    );
}

#[test]
fn a_misspelled_label_is_named_with_the_one_meant() {
    check(
        "**Q1: Basic**\nWhich?\nA) x\nB) y\n**Answr: B**\n",
        "problem 1: this question has no `**Answer: X**` line\nproblem 5: `**Answr: B**` is not a label the importer reads: did you mean `**Answer:**`?",
    );
    assert_eq!(super::misspelled_label("**Shrot:** Name?"), Some("short"));
    assert_eq!(super::misspelled_label("**True or flase:** x"), Some("true or false"));
    assert_eq!(super::misspelled_label("**Answer: B**"), None);
    assert_eq!(super::misspelled_label("**Note:** fine"), None);
}
