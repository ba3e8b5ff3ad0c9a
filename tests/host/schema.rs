//! The committed JSON Schema is the one the format tables generate.

use crate::read;

#[test]
fn committed_schema_is_up_to_date() {
    let committed = read("questions.schema.json");
    assert!(
        committed == quiz_author::schema::json_schema(),
        "questions.schema.json is stale: run `make bank` (or `cargo run -p quiz-cli -- schema > questions.schema.json`)"
    );
}

#[test]
fn schema_is_valid_json_that_names_every_type() {
    let schema = quiz_author::schema::json_schema();
    let node = quiz_format::json::parse(&schema).unwrap();
    assert!(node.get("$defs").and_then(|d| d.get("question")).is_some());
    for kind in quiz_format::KindName::ALL {
        assert!(
            schema.contains(&format!("\"const\": \"{}\"", kind.as_str())),
            "{}",
            kind.as_str()
        );
    }
}

#[test]
fn questions_json_points_editors_at_the_schema() {
    let bank_text = read("questions.json");
    let bank = quiz_format::json::parse(&bank_text).unwrap();
    assert_eq!(
        bank.get("$schema").and_then(|n| n.as_str()),
        Some("./questions.schema.json")
    );
}
