//! The events a widget fires for its host page: their names and detail keys
//! are written once, in quiz-session's `session/host.rs`; the TypeScript
//! types a page author reads (`js/quiz-widget.d.ts`), the loader's JSDoc
//! (and so the custom elements manifest) and docs/element.md must name the
//! same.

use quiz_format::json::{self, Node, Value};
use quiz_format::model::KindName;
use quiz_session::session::{Host, HostEvent, Session, Tally};
use quiz_stdx::Map;

const QUIZ: &str = r#"{"id": "events", "title": "Events", "questions": [
  {"id": "one", "type": "true_false", "prompt": "True?", "answer": true, "explanation": "e"}
]}"#;

/// The keys of `interface NAME { … }` in the declaration file, in order
/// (one member per line; doc comments skipped).
fn interface_keys(dts: &str, name: &str) -> Vec<String> {
    let start = dts
        .find(&format!("interface {name} {{"))
        .expect("the interface is declared");
    let body = &dts[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
    body.lines()
        .map(str::trim)
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once(':').map(|(key, _)| key.trim().to_owned()))
        .collect()
}

fn keys(node: &Node) -> Vec<String> {
    match &node.value {
        Value::Object(members) => members.iter().map(|m| m.key.to_string()).collect(),
        other => panic!("a detail is an object, not {}", other.type_name()),
    }
}

/// The keys docs/element.md's table lists for `event`: the code spans of its
/// row's second cell, less what stands in parentheses (the kinds).
fn documented_keys(docs: &str, event: &str) -> Vec<String> {
    let row = docs
        .lines()
        .find(|line| line.starts_with(&format!("| `{event}` |")))
        .unwrap_or_else(|| panic!("docs/element.md has a row for {event}"));
    let cell = row.split('|').nth(2).unwrap();
    let mut plain = String::new();
    let mut depth = 0;
    for c in cell.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The TypeScript interface of each event's detail. A new event is a compile
/// error here: give it its interface and a sample in the test below.
fn interface_of(event: &HostEvent) -> &'static str {
    match event {
        HostEvent::Answered { .. } => "QuizAnswerDetail",
        HostEvent::Completed(_) => "QuizCompleteDetail",
    }
}

#[test]
fn every_detail_key_and_event_name_is_in_the_types_the_jsdoc_and_the_docs() {
    let dts = std::fs::read_to_string(crate::repo("js/quiz-widget.d.ts")).unwrap();
    let session = Session::new(crate::valid(QUIZ), Map::default(), 0);
    let host = Host {
        quiz_id: "events",
        section: None,
        pass_mark: Some(50),
    };
    let answered = HostEvent::Answered {
        question_id: "one".to_owned(),
        kind: KindName::TrueFalse,
        correct: true,
        attempts: 1,
        rating: None,
    };
    let completed = HostEvent::Completed(Tally::default());
    let loader = std::fs::read_to_string(crate::repo("js/quiz-widget.js")).unwrap();
    let docs = std::fs::read_to_string(crate::repo("docs/element.md")).unwrap();
    for event in [&answered, &completed] {
        let (name, interface) = (event.name(), interface_of(event));
        let text = event.detail(&session, host);
        let detail = json::parse(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(keys(&detail), interface_keys(&dts, interface), "{name}");
        let mapped = format!("'{name}': CustomEvent<{interface}>;");
        assert!(dts.contains(&mapped), "quiz-widget.d.ts maps {name} to {interface}");
        let fires = format!("@fires {{CustomEvent<{interface}>}} {name} - ");
        assert!(loader.contains(&fires), "the loader's JSDoc says: {fires}");
        assert_eq!(
            documented_keys(&docs, name),
            keys(&detail),
            "docs/element.md's row of {name}"
        );
    }
    // Each result of `quiz-complete`: the inline type of `results`.
    let text = completed.detail(&session, host);
    let detail = json::parse(&text).unwrap();
    let Some(Value::Array(results)) = detail.get("results").map(|n| &n.value) else {
        panic!("{text}")
    };
    let declared = dts
        .split("results: {")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .unwrap();
    let declared: Vec<String> = declared
        .split(';')
        .filter_map(|member| member.split_once(':').map(|(key, _)| key.trim().to_owned()))
        .collect();
    assert_eq!(keys(&results[0]), declared);
}
