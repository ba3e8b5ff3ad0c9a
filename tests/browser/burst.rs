//! A burst of input reduced before the widget renders: every answer is stored.
//!
//! yew reduces each dispatched action at once but renders (and runs effect
//! hooks) later, so input that arrives within one task (a fast learner, a
//! script, another tab's record arriving with a click) is several actions
//! for one render. Each of their effects must still be carried out.

use quiz_session::progress::{ItemState, Record, Response};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, KeyboardEvent, KeyboardEventInit, StorageEvent, StorageEventInit};

use crate::support::*;

/// Presses `key` on `target` as a learner's keyboard would, without waiting for a render.
fn press(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// What another tab does when its learner answers `id`: write the record and
/// let the browser tell every other document of the origin.
fn answer_in_other_tab(storage_key: &str, id: &str, response: Response, correct: bool) {
    let quiz = quiz_format::load(QUIZ).quiz.unwrap();
    let question = quiz.questions.iter().find(|q| q.id == id).unwrap();
    let record = Record {
        question_hash: question.content_hash(),
        updated_ms: js_sys::Date::now() as i64,
        state: ItemState::Answered {
            response,
            correct,
            attempts: 1,
            schedule: None,
        },
    };
    let key = format!("quiz-widget:v2:{storage_key}:q:{id}");
    let value = record.to_json();
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().set_item(&key, &value).unwrap();
    let init = StorageEventInit::new();
    init.set_key(Some(&key));
    init.set_new_value(Some(&value));
    let event = StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window.dispatch_event(&event).unwrap();
}

fn stored(storage_key: &str, id: &str) -> Option<Record> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let value = storage
        .get_item(&format!("quiz-widget:v2:{storage_key}:q:{id}"))
        .unwrap()?;
    Record::from_json(&value)
}

#[wasm_bindgen_test]
async fn a_burst_of_input_in_one_task_stores_every_answer() {
    let key = "burst";
    clear_storage(key);
    let root = mount(QUIZ, key).await;
    let widget = query(&root, ".quiz-widget").unwrap();
    let first_choice = query(&root, ".choice:nth-child(1) input").unwrap();
    first_choice.dyn_ref::<web_sys::HtmlElement>().unwrap().focus().unwrap();

    // One task: pick the right answer, check, and go on, while another
    // tab's answer to a third item arrives in the middle of it.
    press(&first_choice, "2");
    press(&first_choice, "Enter");
    answer_in_other_tab(key, "q3", Response::Bool(false), true);
    press(&widget, "ArrowRight");
    settle().await;
    assert!(text(&root, "legend").contains("Which are awaitable?"));
    // Another task: tick two choices and check.
    let widget = query(&root, ".quiz-widget").unwrap();
    press(&widget, "1");
    press(&widget, "2");
    press(&widget, "Enter");
    settle().await;

    // What is stored of an answer: response, result, checks, and whether it is scheduled.
    let answer = |id: &str| {
        stored(key, id).map(|r| match r.state {
            ItemState::Answered {
                response,
                correct,
                attempts,
                schedule,
            } => (response, correct, attempts, schedule.is_some()),
            other => panic!("{other:?}"),
        })
    };
    assert_eq!(
        answer("q1"),
        Some((Response::Choice(1), true, 1, true)),
        "the first answer of the burst is stored"
    );
    assert_eq!(
        answer("q2"),
        Some((Response::Choices(vec![0, 1]), true, 1, true)),
        "the last answer of the burst is stored"
    );
    assert!(text(&root, ".progress-text").starts_with("3 / 6 answered · 3 correct"));

    // A reload finds every answer: the two given here and the other tab's.
    root.remove();
    let again = mount(QUIZ, key).await;
    assert!(
        text(&again, ".progress-text").starts_with("3 / 6 answered · 3 correct"),
        "{}",
        text(&again, ".progress-text")
    );
    again.remove();
}
