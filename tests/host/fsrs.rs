//! Our FSRS-6 against the reference implementation: every review of the
//! sequences in `tests/fixtures/fsrs/py-fsrs.json`, which py-fsrs scheduled
//! (`tools/fsrs-reference.py` writes the file; replaying it needs nothing
//! installed), must give the same phase, step and due time to the
//! millisecond, and the same stability and difficulty to a millionth.

use quiz_session::fsrs::{CardState, Phase, Rating, Scheduler, Settings};
use serde_json::Value;

/// Stability and difficulty agree to this, relative to their size (they are
/// stored in millionths).
const TOLERANCE: f64 = 1e-6;

#[test]
fn every_reference_sequence_schedules_as_py_fsrs_does() {
    let text = std::fs::read_to_string(crate::repo("tests/fixtures/fsrs/py-fsrs.json")).unwrap();
    let fixture: Value = serde_json::from_str(&text).unwrap();
    let schedulers: Vec<Scheduler> = fixture["settings"].as_array().unwrap().iter().map(scheduler).collect();
    let sequences = fixture["sequences"].as_array().unwrap();
    assert!(sequences.len() >= 3000, "several thousand sequences");
    let mut reviews = 0;
    let mut same_day_hard = 0;
    for (n, sequence) in sequences.iter().enumerate() {
        let scheduler = &schedulers[sequence["settings"].as_u64().unwrap() as usize];
        let mut card: Option<CardState> = None;
        for (i, review) in sequence["reviews"].as_array().unwrap().iter().enumerate() {
            let field = |k: usize| review[k].as_f64().unwrap();
            let rating = Rating::from_number(field(0) as i64).unwrap();
            let at_ms = review[1].as_i64().unwrap();
            let before = card.unwrap_or_else(|| CardState::new(at_ms));
            if rating == Rating::Hard && before.last_review_ms.is_some_and(|last| at_ms - last < 86_400_000) {
                same_day_hard += 1;
            }
            let after = scheduler.review(&before, rating, at_ms, 0);
            let at = format!("sequence {n}, review {i} ({rating:?} at {at_ms})");
            assert_eq!(phase(after.phase), (field(2) as u8, field(3) as usize), "{at}: phase");
            assert_eq!(after.due_ms, review[6].as_i64().unwrap(), "{at}: due");
            let memory = after.memory.unwrap();
            close(memory.stability, field(4), &format!("{at}: stability"));
            close(memory.difficulty, field(5), &format!("{at}: difficulty"));
            card = Some(after);
            reviews += 1;
        }
    }
    assert!(reviews > 20_000, "{reviews} reviews");
    assert!(
        same_day_hard > 1_000,
        "the case that differed is covered: {same_day_hard}"
    );
}

/// A scheduler with a fixture's settings, fuzz off as in the reference run.
fn scheduler(settings: &Value) -> Scheduler {
    let steps = |key: &str| -> &'static [u32] {
        let minutes = settings[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_u64().unwrap() as u32);
        Box::leak(minutes.collect::<Vec<u32>>().into_boxed_slice())
    };
    Scheduler::new(Settings {
        desired_retention: settings["retention"].as_f64().unwrap(),
        learning_steps_minutes: steps("learning"),
        relearning_steps_minutes: steps("relearning"),
        fuzz: false,
        ..Settings::default()
    })
}

/// py-fsrs's state (1 learning, 2 review, 3 relearning) and step (0 in review).
fn phase(phase: Phase) -> (u8, usize) {
    match phase {
        Phase::Learning(step) => (1, step),
        Phase::Review => (2, 0),
        Phase::Relearning(step) => (3, step),
    }
}

#[track_caller]
fn close(actual: f64, expected: f64, what: &str) {
    let scale = expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= TOLERANCE * scale,
        "{what}: ours {actual}, py-fsrs {expected}"
    );
}
