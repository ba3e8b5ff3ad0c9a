//! The bundled bank: complete, clean, valid, and reproducible from content/.

use quiz_format::{KindName, ValidQuiz};

use crate::{read, repo};

fn bundled() -> ValidQuiz {
    let report = quiz_format::load(&read("questions.json"));
    let errors: Vec<String> = report.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    report.quiz.unwrap()
}

#[test]
fn questions_json_is_regenerated_byte_for_byte_from_content() {
    let built = quiz_cli::bank::build(&repo("content/bank.json")).unwrap();
    let problems: Vec<String> = built.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let json = quiz_format::write::quiz_to_json(&built.quiz, Some("./questions.schema.json"));
    assert!(
        json == read("questions.json"),
        "questions.json differs from the import of content/: run `make bank`"
    );
}

#[test]
fn every_seed_item_is_in_the_bank() {
    let quiz = bundled();
    assert_eq!(quiz.questions.len(), 143);
    let count = |section: &str, kind: KindName| {
        quiz.questions
            .iter()
            .filter(|q| q.section.as_deref() == Some(section) && q.kind.name() == kind)
            .count()
    };
    assert_eq!(count("chapter-13", KindName::Single), 50);
    assert_eq!(count("mastering-async", KindName::Single), 50);
    assert_eq!(count("flashcards", KindName::Flashcard), 5);
    assert_eq!(count("exercises", KindName::Exercise), 20);
    assert_eq!(count("study-notes", KindName::Single), 18);
    assert_eq!(quiz.sections.len(), 5);
}

#[test]
fn the_bank_has_no_mis_decoded_text() {
    let text = read("questions.json");
    for telltale in quiz_author::mojibake::TELLTALES {
        assert!(!text.contains(telltale), "questions.json contains {telltale:?}");
    }
    assert!(
        text.contains("Here’s") || text.contains("⏱️") || text.contains("💡"),
        "the repaired characters are present"
    );
}

#[test]
fn items_keep_their_parts_faithfully() {
    let quiz = bundled();
    let by_id = |id: &str| quiz.questions.iter().find(|q| q.id == id).unwrap();
    // A chapter question with code, answer B, explanation, difficulty and topic.
    let q = by_id("chapter-13-04");
    assert!(q.prompt.contains("```python\nasync def greet():"));
    assert!(matches!(
        &q.kind,
        quiz_format::QuestionKind::Single(quiz_format::Single { answer: 1, .. })
    ));
    assert_eq!(q.topic.as_deref(), Some("Calling Coroutines"));
    assert!(q
        .explanation
        .as_deref()
        .unwrap()
        .starts_with("Calling `greet()` returns a coroutine object"));
    // A quiz question whose answer comes from the "Answers" list, and whose choice text was split over lines.
    let q = by_id("mastering-async-06");
    assert_eq!(q.kind.choices()[1], "Using `if` and `else`");
    assert!(matches!(
        &q.kind,
        quiz_format::QuestionKind::Single(quiz_format::Single { answer: 0, .. })
    ));
    // An exercise with all of its parts.
    let quiz_format::QuestionKind::Exercise(e) = &by_id("exercises-01").kind else {
        panic!()
    };
    assert_eq!(e.minutes, Some(10));
    assert_eq!(e.skills, vec!["async/await syntax", "coroutines"]);
    assert_eq!(e.scenario.len(), 4);
    assert_eq!(e.think_about.len(), 3);
    assert_eq!(e.challenges.len(), 2);
    assert_eq!(e.review.as_deref(), Some("Function definition, async/await syntax"));
    assert_eq!(
        e.tip.as_deref(),
        Some("**💡 Pro Tip:** Use `asyncio.run()` to run async functions from synchronous code!")
    );
    // A study-notes question with its category and code in the prompt.
    let q = by_id("study-notes-08");
    assert_eq!(q.topic.as_deref(), Some("Intermediate Concepts"));
    assert!(q.prompt.contains("```python\nasync def count():"));
}

#[test]
fn written_quiz_reads_back_to_the_same_quiz() {
    let quiz = bundled();
    let again = quiz_format::load(&quiz_format::write::quiz_to_json(&quiz, None))
        .quiz
        .unwrap();
    assert_eq!(again, quiz);
    assert_eq!(quiz_format::check(&quiz).quiz, Some(quiz));
}

/// A manifest in a temporary folder beside a copy of one content file.
fn manifest_with(text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("quiz-manifest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(repo("content/3-asyncio-flashcards.md"), dir.join("cards.md")).unwrap();
    let path = dir.join(format!("m{}.json", text.len()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_manifest_typo_is_an_error_with_a_suggestion() {
    let path = manifest_with(
        r#"{ "id": "m", "title": "M", "fixs": "x.tsv",
  "sections": [ { "id": "cards", "file": "cards.md", "titel": "Cards" } ] }"#,
    );
    let error = quiz_cli::bank::build(&path).err().expect("a typo is refused");
    let shown = path.display();
    assert_eq!(
        error,
        format!(
            "{shown}:1:28: unknown key `fixs` in the manifest; did you mean `fixes`?\n\
             {shown}:2:54: unknown key `titel` in a section; did you mean `title`?"
        )
    );
    let path = manifest_with(r#"{ "id": "m", "title": 7, "sections": [] }"#);
    let error = quiz_cli::bank::build(&path).err().expect("a number title is refused");
    assert_eq!(
        error,
        format!("{}:1:23: `title` must be a string, not a number", path.display())
    );
    let path = manifest_with(r#"{ "id": "m", "title": "M", "sections": [ { "id": "cards", "file": "cards.md" } ] }"#);
    assert_eq!(quiz_cli::bank::build(&path).unwrap().quiz.questions.len(), 5);
}

#[test]
fn each_topic_has_one_spelling() {
    // Case and plural variants ("Event loop", "Event Loops") are merged in
    // the content sources, so the topic filter lists each topic once.
    let quiz = bundled();
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for topic in quiz.questions.iter().filter_map(|q| q.topic.clone()) {
        let key = topic.to_lowercase();
        let key = key.strip_suffix('s').unwrap_or(&key).to_owned();
        if let Some(other) = seen.insert(key, topic.clone()) {
            assert_eq!(other, topic, "two spellings of one topic");
        }
    }
    let topics = quiz_session::session::topics(&quiz, None);
    assert_eq!(topics.first().map(String::as_str), Some("Advanced Concepts"));
    assert_eq!(
        topics.get(1).map(String::as_str),
        Some("aiohttp for HTTP"),
        "sorted regardless of case"
    );
}
