//! What one action costs the widget once a learner has answered everything.
//!
//! The widget's reducer copies the session on every action and keeps the old
//! one, so the copy must not grow with the learner's progress. For banks of
//! 1,000 to 50,000 single-choice questions, all answered, this times a retry,
//! a pick and a check, each on a fresh copy as the reducer does, and another
//! tab's answer arriving (a merge of one newer record), natively.
//! `make bench` runs it and puts the figures in BENCHMARKS.md; it prints one
//! JSON object per bank size.
//!
//!     cargo run --release -p quiz-session --example copy_cost

use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;

use quiz_session::progress::Record;
use quiz_session::session::{Action, Answer, Attempt, Navigate, Session, Transfer, View};

const NOW: i64 = 1_764_000_000_000;
const ROUNDS: usize = 200;

fn bank(n: usize) -> String {
    let questions: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "q{i}", "type": "single", "prompt": "Question {i}", "choices": ["a", "b", "c"], "answer": 1, "explanation": "e"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"id": "copy-cost", "title": "Copy cost", "questions": [{}]}}"#,
        questions.join(",")
    )
}

fn main() {
    for n in [1_000, 10_000, 50_000] {
        let Some(quiz) = quiz_format::load(&bank(n)).quiz else {
            eprintln!("the generated bank of {n} questions did not load");
            std::process::exit(1);
        };
        let mut session = Session::new(Rc::new(quiz), HashMap::new(), NOW);
        for _ in 0..n {
            for action in [
                Action::Answer(Answer::Choose(0)),
                Action::Attempt(Attempt::Check),
                Action::Navigate(Navigate::Next),
            ] {
                session.apply(action, NOW);
            }
        }
        session.apply(Action::Navigate(Navigate::GoTo(0)), NOW);
        let mut times = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            let start = Instant::now();
            for action in [
                Action::View(View::TryAgain),
                Action::Answer(Answer::Choose(1)),
                Action::Attempt(Attempt::Check),
            ] {
                let mut next = session.clone();
                next.apply(action, NOW);
                session = next;
            }
            times.push(start.elapsed().as_secs_f64() * 1000.0 / 3.0);
        }
        // Another tab's answer arriving, as the storage hook passes it on.
        let mut merges = Vec::with_capacity(ROUNDS);
        for round in 0..ROUNDS {
            let Some((id, record)) = session
                .records()
                .iter()
                .nth(round)
                .map(|(id, r)| (id.clone(), r.clone()))
            else {
                break;
            };
            let newer = Record {
                updated_ms: record.updated_ms + 1,
                ..record
            };
            let start = Instant::now();
            let mut next = session.clone();
            next.apply(
                Action::Transfer(Transfer::MergeRecords(quiz_stdx::Map::from_iter([(id, newer)]))),
                NOW,
            );
            session = next;
            merges.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        merges.sort_by(f64::total_cmp);
        let at = |q: f64| {
            times
                .get(((times.len() - 1) as f64 * q) as usize)
                .copied()
                .unwrap_or(f64::NAN)
        };
        let merge_p50 = merges.get(merges.len() / 2).copied().unwrap_or(f64::NAN);
        println!(
            r#"{{"questions": {n}, "answered": {}, "p50_ms": {:.4}, "p95_ms": {:.4}, "merge_p50_ms": {merge_p50:.4}}}"#,
            session.records().len(),
            at(0.5),
            at(0.95)
        );
    }
}
