//! Host integration tests: the question format end to end, with no browser.
//! Run with `cargo test --test host`; `UPDATE_EXPECT=1` rewrites the expected
//! messages of the invalid fixtures (review the diff before committing).
// Test code asserts by panicking; the panic policy is for shipped code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::wildcard_enum_match_arm,
    clippy::too_many_lines
)]
#![cfg(not(target_arch = "wasm32"))]

mod absurd;
mod attributes;
mod bank;
mod cloze;
mod draw;
mod exam;
mod fixtures;
mod fsrs;
mod fuzz;
mod gift;
mod hints;
mod host_events;
mod import;
mod js_modules;
mod kinds_documented;
mod languages;
mod layout;
mod lean;
mod links;
mod markdown;
mod matching;
mod mdbook;
mod modules;
mod numeric;
mod ordering;
mod points;
mod prerender;
mod qti;
mod readme;
mod schema;
mod tracing;

use std::path::PathBuf;

/// A path relative to the repository root.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A question file that must load without a single diagnostic.
pub fn valid(text: &str) -> std::rc::Rc<quiz_format::ValidQuiz> {
    let report = quiz_format::load(text);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    std::rc::Rc::new(report.quiz.expect("valid"))
}

/// Written out, the quiz reads back as itself.
#[track_caller]
pub fn assert_writes_back(quiz: &quiz_format::ValidQuiz) {
    let written = quiz_format::write::quiz_to_json(quiz, None);
    assert_eq!(
        *quiz_format::load(&written).quiz.expect("written quizzes are valid"),
        **quiz
    );
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}
