//! Each item type through its flow, by mouse.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlInputElement, InputEvent, InputEventInit};

use crate::support::*;

#[wasm_bindgen_test]
async fn shows_title_progress_and_first_question() {
    clear_storage("flow-first");
    let root = mount(QUIZ, "flow-first").await;
    assert_eq!(text(&root, ".quiz-title"), "Browser Test Quiz");
    assert!(text(&root, "legend").contains("Which keyword defines a coroutine?"));
    assert_eq!(
        text(&root, ".progress-text"),
        "0 / 6 answered · 0 correct · 1 review due today"
    );
    assert_eq!(root.query_selector_all("input[type=radio]").unwrap().length(), 3);
    // Markdown in choices: inline code, no <p>.
    assert_eq!(text(&root, ".choice:nth-child(2) code"), "async def");
    // Check is disabled until a choice is picked.
    assert!(query(&root, "button[type=submit][disabled]").is_some());
}

#[wasm_bindgen_test]
async fn single_choice_hint_check_feedback_and_retry() {
    clear_storage("flow-single");
    let root = mount(QUIZ, "flow-single").await;
    click_button(&root, "Show hint").await;
    assert!(text(&root, ".hint").contains("It has two words."));
    click(&root, ".choice:nth-child(1) input").await;
    click(&root, "button[type=submit]").await;
    let feedback = text(&root, "[role=status] .feedback");
    assert!(feedback.contains("Not quite."), "{feedback}");
    assert!(feedback.contains("1 attempt"));
    assert!(
        query(&root, ".choice:nth-child(2)[data-state=\"answer\"]").is_some(),
        "the correct answer is marked"
    );
    assert!(query(&root, ".choice:nth-child(1)[data-state=\"wrong\"]").is_some());
    assert_eq!(
        text(&root, ".feedback strong"),
        "coroutine",
        "the explanation is rendered Markdown"
    );
    click_button(&root, "Try again").await;
    click(&root, ".choice:nth-child(2) input").await;
    click(&root, "button[type=submit]").await;
    let feedback = text(&root, "[role=status] .feedback");
    assert!(
        feedback.contains("Correct!") && feedback.contains("2 attempts"),
        "{feedback}"
    );
    assert!(text(&root, ".progress-text").starts_with("1 / 6 answered · 1 correct"));
}

#[wasm_bindgen_test]
async fn multiple_true_false_and_short() {
    clear_storage("flow-kinds");
    let root = mount(QUIZ, "flow-kinds").await;
    click_button(&root, "Next").await;
    assert!(text(&root, ".instruction").contains("Select all"));
    click(&root, ".choice:nth-child(1) input").await;
    click(&root, ".choice:nth-child(2) input").await;
    click(&root, "button[type=submit]").await;
    assert!(text(&root, ".feedback").contains("Correct!"));

    click_button(&root, "Next").await;
    click(&root, ".choice:nth-child(1) input").await; // True
    click(&root, "button[type=submit]").await;
    assert!(text(&root, ".feedback").contains("Not quite."));
    assert!(query(&root, ".choice:nth-child(2)[data-state=\"answer\"]").is_some());

    click_button(&root, "Next").await;
    let input: HtmlInputElement = query(&root, ".short input").unwrap().dyn_into().unwrap();
    input.set_value("  AsyncIO.Run ");
    let init = InputEventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
    click(&root, "button[type=submit]").await;
    assert!(text(&root, ".feedback").contains("Correct!"), "trimmed and case-folded");
}

/// Sets the page's clock (`Date.now`) to noon UTC of a fixed day until it
/// is dropped: what is due "today" (the UTC day) must not depend on when the
/// tests run (a card back in ten minutes is tomorrow's after 23:50).
struct NoonClock {
    real: wasm_bindgen::JsValue,
    _noon: wasm_bindgen::closure::Closure<dyn Fn() -> f64>,
}

impl NoonClock {
    fn set() -> NoonClock {
        let date = js_sys::Reflect::get(&js_sys::global(), &"Date".into()).unwrap();
        let real = js_sys::Reflect::get(&date, &"now".into()).unwrap();
        let noon = wasm_bindgen::closure::Closure::<dyn Fn() -> f64>::new(|| 1_780_315_200_000.0);
        js_sys::Reflect::set(&date, &"now".into(), noon.as_ref()).unwrap();
        NoonClock { real, _noon: noon }
    }
}

impl Drop for NoonClock {
    fn drop(&mut self) {
        let date = js_sys::Reflect::get(&js_sys::global(), &"Date".into()).unwrap();
        js_sys::Reflect::set(&date, &"now".into(), &self.real).unwrap();
    }
}

#[wasm_bindgen_test]
async fn flashcard_flip_and_grade_schedules_it() {
    let _noon = NoonClock::set();
    clear_storage("flow-card");
    let root = mount(QUIZ, "flow-card").await;
    go_to(&root, 4).await;
    assert!(text(&root, ".card-face.front").contains("What is the event loop?"));
    assert!(query(&root, ".card-face.back").is_none());
    click_button(&root, "Show answer").await;
    assert!(text(&root, ".card-face.back").contains("The scheduler."));
    click_button(&root, "Good").await;
    // Grading moves on to the exercise. Good on a new card brings it back in
    // its 10-minute learning step, so it is still due today; Easy graduates it.
    assert!(text(&root, ".task").contains("Write a coroutine."));
    assert!(text(&root, ".progress-text").contains("1 review due today"));
    go_to(&root, 4).await;
    click_button(&root, "Easy").await; // the card is still turned over
    assert!(text(&root, ".progress-text").contains("No reviews due today, next in"));
}

#[wasm_bindgen_test]
async fn exercise_notes_and_done_then_summary() {
    clear_storage("flow-exercise");
    let root = mount(QUIZ, "flow-exercise").await;
    go_to(&root, 5).await;
    assert!(text(&root, ".tip").contains("Use asyncio.run."));
    assert!(text(&root, ".minutes").contains("5 min"));
    click_button(&root, "Confident").await;
    assert!(text(&root, ".done").contains("Done: Confident"));
    click_button(&root, "Next").await;
    assert!(text(&root, ".summary h3").contains("Summary"));
    assert_eq!(text(&root, ".score"), "0 of 4 correct (0%)");
    // Jumping past unanswered questions says so, rather than leaving a bare 0%.
    assert_eq!(text(&root, ".unanswered"), "4 questions not answered yet");
    // One bar per topic of graded questions; untopical ones are under "Other".
    assert_eq!(
        root.query_selector_all(".summary .chart .chart-bar").unwrap().length(),
        2
    );
    assert!(text(&root, ".summary .chart").contains("Basics0/1"));
}

#[wasm_bindgen_test]
async fn an_invalid_file_shows_the_validators_messages() {
    // The study page's way: the full validator linked in (course pages fetch
    // it as quiz-report.js; tests/e2e/report.test.mjs).
    quiz_widget::report::install(quiz_widget::report::Reporter::Linked(|text| {
        quiz_format::load(text).diagnostics
    }));
    let root = mount(r#"{"id": "x", "title": "T", "questions": [{"id": "a", "type": "single", "prompt": "p", "choices": ["a", "b"], "answer": 4}]}"#, "flow-invalid").await;
    assert!(query(&root, "[role=alert]").is_some());
    settle().await;
    let message = text(&root, ".diagnostics");
    assert!(
        message.contains("answer 4 is out of range: this question has 2 choices, numbered 0-1"),
        "{message}"
    );
    assert!(message.contains("questions[0].answer"));
}
