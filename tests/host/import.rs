//! `quiz import` over Markdown banks written in the seed conventions (not
//! copies of the seeds), and its reports on what it cannot read.

use quiz_author::import::import_markdown;
use quiz_format::{Difficulty, KindName, QuestionKind};

use crate::read;

fn answer_of(kind: &QuestionKind) -> usize {
    match kind {
        QuestionKind::Single(quiz_format::Single { answer, .. }) => *answer,
        other => panic!("not a single-choice question: {other:?}"),
    }
}

#[test]
fn chapter_style_bank() {
    let imported = import_markdown(&read("tests/fixtures/banks/chapter-style.md"), "git");
    assert_eq!(imported.problems, vec![]);
    assert_eq!(imported.title.as_deref(), Some("Chapter 4: Version Control with Git"));
    let q = &imported.questions;
    assert_eq!(q.len(), 3);
    assert_eq!(q[0].id, "git-01");
    assert_eq!(q[1].difficulty, Some(Difficulty::Intermediate));
    assert_eq!(q[1].topic.as_deref(), Some("Branches"));
    assert!(q[1].prompt.contains("```bash\ngit branch feature"), "{}", q[1].prompt);
    assert_eq!(answer_of(&q[1].kind), 2);
    assert_eq!(q[2].kind.choices().len(), 2);
    assert_eq!(q[2].difficulty, Some(Difficulty::Expert));
    assert_eq!(
        q[2].explanation.as_deref(),
        Some("A fast-forward only moves the branch pointer.")
    );
}

#[test]
fn quiz_style_bank_with_answer_lists() {
    let imported = import_markdown(&read("tests/fixtures/banks/quiz-style.md"), "sql");
    assert_eq!(imported.problems, vec![]);
    let q = &imported.questions;
    assert_eq!(q.len(), 3);
    assert_eq!(q[0].prompt, "Which clause filters rows?");
    assert_eq!(q[0].topic.as_deref(), Some("Selecting Rows"));
    assert_eq!(answer_of(&q[0].kind), 1);
    assert_eq!(answer_of(&q[1].kind), 1);
    assert_eq!(q[2].topic.as_deref(), Some("Joining Tables"));
    assert_eq!(q[2].kind.choices(), ["`INNER JOIN`", "`LEFT JOIN`", "`CROSS JOIN`"]);
    assert_eq!(answer_of(&q[2].kind), 1);
}

#[test]
fn mixed_bank_with_bold_questions_flashcards_and_an_exercise() {
    let imported = import_markdown(&read("tests/fixtures/banks/mixed.md"), "http");
    assert_eq!(imported.problems, vec![]);
    let kinds: Vec<KindName> = imported.questions.iter().map(|q| q.kind.name()).collect();
    assert_eq!(
        kinds,
        [
            KindName::Single,
            KindName::Single,
            KindName::Flashcard,
            KindName::Flashcard,
            KindName::Exercise
        ]
    );
    let q = &imported.questions;
    assert_eq!(q[0].topic.as_deref(), Some("Basic Concepts"));
    assert_eq!(q[0].difficulty, Some(Difficulty::Basic));
    assert!(q[1].prompt.contains("```http\nGET /logo.png"), "{}", q[1].prompt);
    assert_eq!(answer_of(&q[1].kind), 1);
    assert_eq!(q[2].topic.as_deref(), Some("ETag"));
    assert!(
        matches!(&q[2].kind, QuestionKind::Flashcard(quiz_format::Flashcard { back }) if back == "**ETag:** an opaque validator for one version of a resource.")
    );
    let QuestionKind::Exercise(e) = &q[4].kind else {
        panic!()
    };
    assert_eq!(q[4].topic.as_deref(), Some("Caching"));
    assert_eq!(e.minutes, Some(20));
    assert_eq!(e.skills, ["Cache-Control", "ETags"]);
    assert_eq!(e.scenario.len(), 3);
    assert_eq!(e.tip.as_deref(), Some("**💡 Pro Tip:** Test with `curl -I`!"));
}

#[test]
fn what_cannot_be_read_is_reported_with_its_line() {
    let imported = import_markdown(&read("tests/fixtures/banks/broken.md"), "b");
    assert!(imported.questions.is_empty(), "{:?}", imported.questions);
    let problems: Vec<String> = imported
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.line, p.message))
        .collect();
    assert_eq!(
        problems,
        [
            "3: this question has no `**Answer: X**` line",
            "12: the answer letter is past the last of 2 choices",
            "23: question 1 has no entry in an `## Answers` list",
        ]
    );
}

#[test]
fn a_question_number_used_twice_before_its_answers_is_reported_not_kept_unanswered() {
    // A fuzz finding: the second "1." took the first one's answer entry and
    // was kept with no answer at all.
    let text = "# Quiz\n\n### 1. First?\na. x\nb. y\n\n### 1. Again?\na. p\nb. q\n\n## Answers\n1. **b. y**\n1. **a. p**\n1. **a. p**\n";
    let imported = import_markdown(text, "d");
    let answers: Vec<usize> = imported.questions.iter().map(|q| answer_of(&q.kind)).collect();
    assert_eq!(
        answers,
        vec![1, 0],
        "each answer line goes to the next question with that number"
    );
    assert_eq!(imported.problems.len(), 1);
    assert_eq!(imported.problems[0].message, "answer 1 is given twice");
    let once = import_markdown(
        "# Quiz\n\n### 1. First?\na. x\nb. y\n\n### 1. Again?\na. p\nb. q\n\n## Answers\n1. **b. y**\n",
        "d",
    );
    assert_eq!(once.questions.len(), 1);
    assert_eq!(
        once.problems[0].message,
        "question 1 has no entry in the `## Answers` list below it"
    );
}

#[test]
fn an_exercise_of_zero_minutes_is_reported() {
    // A fuzz finding: "0 minutes" was imported, and the file it made was invalid.
    let text =
        "# Exercises\n\n### Question 1: Cache ⭐\n\n**⏱️ Time Estimate:** 0 minutes  \n\n**Task:** Add headers.\n";
    let imported = import_markdown(text, "e");
    assert_eq!(imported.questions.len(), 1);
    assert_eq!(imported.problems.len(), 1, "{:?}", imported.problems);
    assert_eq!(
        imported.problems[0].message,
        "cannot read minutes in **⏱️ Time Estimate:** 0 minutes: write a whole number from 1"
    );
}
