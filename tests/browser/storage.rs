//! Progress survives a remount (a reload) and stays under its own keys.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

#[wasm_bindgen_test]
async fn progress_survives_a_remount_and_reset_clears_only_this_quiz() {
    clear_storage("store-reload");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("someone-else", "keep me").unwrap();
    let root = mount(QUIZ, "store-reload").await;
    click(&root, ".choice:nth-child(2) input").await;
    click(&root, "button[type=submit]").await;
    let stored = storage
        .get_item("quiz-widget:v1:store-reload:q:q1")
        .unwrap()
        .expect("a record for q1");
    assert!(stored.contains("\"c\":true"), "{stored}");

    let again = mount(QUIZ, "store-reload").await;
    assert!(text(&again, ".progress-text").starts_with("1 / 6 answered · 1 correct"));
    assert!(
        text(&again, ".feedback").contains("Correct!"),
        "the answered question shows its feedback"
    );

    click_button(&again, "Reset progress").await;
    click_button(&again, "Reset progress").await; // the confirmation
    assert!(text(&again, ".progress-text").starts_with("0 / 6 answered"));
    assert_eq!(storage.get_item("quiz-widget:v1:store-reload:q:q1").unwrap(), None);
    assert_eq!(storage.get_item("someone-else").unwrap().as_deref(), Some("keep me"));
    storage.remove_item("someone-else").unwrap();
}

#[wasm_bindgen_test]
async fn a_corrupt_record_is_dropped_with_a_notice() {
    clear_storage("store-corrupt");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item("quiz-widget:v1:store-corrupt:q:q1", "{not json")
        .unwrap();
    let root = mount(QUIZ, "store-corrupt").await;
    assert!(text(&root, ".notice").contains("1 saved answer was dropped"));
    assert!(text(&root, ".progress-text").starts_with("0 / 6 answered"));
}
