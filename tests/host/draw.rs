//! Drawing questions from a pool: `draw` on the quiz (the questions outside
//! any section) and on a section; each learner's draw is seeded once,
//! stored with the settings and the same on every visit.

use std::rc::Rc;

use quiz_session::session::{Action, HostChoices, List, Session};
use quiz_stdx::Map;

fn quiz() -> Rc<quiz_format::ValidQuiz> {
    let question = |id: String, section: &str| {
        format!(r#"{{"id": "{id}", "type": "true_false", "prompt": "p", "answer": true, "explanation": "e"{section}}}"#)
    };
    let loose = (0..10).map(|i| question(format!("q{i}"), ""));
    let pooled = (0..6).map(|i| question(format!("s{i}"), r#", "section": "pool""#));
    let questions: Vec<String> = loose.chain(pooled).collect();
    let text = format!(
        r#"{{"id": "d", "title": "Draw", "draw": 3, "sections": [{{"id": "pool", "title": "Pool", "draw": 2}}], "questions": [{}]}}"#,
        questions.join(",")
    );
    let report = quiz_format::load(&text);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    Rc::new(report.quiz.expect("valid"))
}

fn ids(s: &Session) -> Vec<String> {
    s.items().iter().map(|&i| s.quiz().questions[i].id.clone()).collect()
}

#[test]
fn each_pool_shows_its_draw_the_same_on_every_visit() {
    let mut s = Session::new(quiz(), Map::default(), 0);
    assert!(s.needs_draw_seed());
    s.apply(Action::List(List::SeedDraw(42)), 0);
    assert!(!s.needs_draw_seed());
    let drawn = ids(&s);
    assert_eq!(drawn.iter().filter(|id| id.starts_with('q')).count(), 3, "{drawn:?}");
    assert_eq!(drawn.iter().filter(|id| id.starts_with('s')).count(), 2, "{drawn:?}");
    assert_eq!(s.tally().total, 5);
    // Another seed never replaces the learner's.
    s.apply(Action::List(List::SeedDraw(7)), 1);
    assert_eq!(ids(&s), drawn);
    // A later visit restores the draw from the stored settings.
    let settings = s.settings_json();
    let started = Session::start(quiz(), Map::default(), Some(&settings), HostChoices::default(), 2, || 7);
    assert!(!started.save_settings);
    let mut again = started.session;
    assert!(!again.needs_draw_seed());
    assert_eq!(ids(&again), drawn);
    // The section's own list is its draw.
    again.apply(Action::List(List::PickSection(Some("pool".into()))), 3);
    assert_eq!(again.items().len(), 2);
}

#[test]
fn learners_get_different_draws() {
    let draws: std::collections::BTreeSet<Vec<String>> = (0..20u64)
        .map(|seed| {
            let mut s = Session::new(quiz(), Map::default(), 0);
            s.apply(
                Action::List(List::SeedDraw(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15))),
                0,
            );
            ids(&s)
        })
        .collect();
    assert!(draws.len() > 10, "{} different draws of 20", draws.len());
}

#[test]
fn a_host_page_draw_replaces_the_draw_of_the_pool_it_shows() {
    // The element shows section "pool" and draws 4 of its 6 (the file says 2).
    let host = |section: Option<&str>, draw| HostChoices {
        section: section.map(str::to_owned),
        draw: Some(draw),
        ..HostChoices::default()
    };
    let start = |section, draw| Session::start(quiz(), Map::default(), None, host(section, draw), 0, || 9);
    let s = start(Some("pool"), 4);
    assert!(s.save_settings, "the learner's draw is new: its seed is to be saved");
    assert_eq!(s.session.items().len(), 4);
    // As many as the pool, or more: every question of it.
    assert_eq!(start(Some("pool"), 99).session.items().len(), 6);
    // Outside any section: of those 10, 7.
    let outside = start(None, 7).session;
    assert_eq!(ids(&outside).iter().filter(|id| id.starts_with('q')).count(), 7);
}
