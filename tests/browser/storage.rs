//! Progress survives a remount (a reload) and stays under its own keys.

use wasm_bindgen::JsCast;
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
        .get_item("quiz-widget:v2:store-reload:q:q1")
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
    assert_eq!(storage.get_item("quiz-widget:v2:store-reload:q:q1").unwrap(), None);
    assert_eq!(storage.get_item("someone-else").unwrap().as_deref(), Some("keep me"));
    storage.remove_item("someone-else").unwrap();
}

#[wasm_bindgen_test]
async fn a_corrupt_record_is_dropped_with_a_notice() {
    clear_storage("store-corrupt");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item("quiz-widget:v2:store-corrupt:q:q1", "{not json")
        .unwrap();
    let root = mount(QUIZ, "store-corrupt").await;
    assert!(text(&root, ".notice").contains("1 saved answer was dropped"));
    assert!(text(&root, ".progress-text").starts_with("0 / 6 answered"));
}

fn eval(js: &str) {
    js_sys::eval(js).unwrap();
}

#[wasm_bindgen_test]
async fn a_throwing_storage_getter_leaves_a_working_quiz_in_memory() {
    // Sandboxed iframes and blocked cookies make the `localStorage` getter throw.
    eval(
        "window.__ls = Object.getOwnPropertyDescriptor(window, 'localStorage') || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } })",
    );
    let root = mount(QUIZ, "store-blocked").await;
    eval("Object.defineProperty(window, 'localStorage', window.__ls)");
    assert!(text(&root, ".notice").contains("Progress will not be kept after this page closes"));
    click(&root, ".choice:nth-child(2) input").await;
    click(&root, "button[type=submit]").await;
    assert!(text(&root, ".feedback").contains("Correct!"));
    assert!(text(&root, ".progress-text").starts_with("1 / 6 answered"));
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_answers_in_memory_and_retries_on_the_next_write() {
    clear_storage("store-full");
    let root = mount(QUIZ, "store-full").await;
    eval("window.__setItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }");
    click(&root, ".choice:nth-child(2) input").await;
    click(&root, "button[type=submit]").await;
    eval("Storage.prototype.setItem = window.__setItem");
    assert!(text(&root, ".notice").contains("Storage is full"));
    assert!(
        text(&root, ".feedback").contains("Correct!"),
        "the answer is kept in memory"
    );
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(storage.get_item("quiz-widget:v2:store-full:q:q1").unwrap(), None);
    // The next write succeeds, and the notice goes away.
    click_button(&root, "Next").await;
    click(&root, ".choice:nth-child(1) input").await;
    click(&root, "button[type=submit]").await;
    assert!(
        storage.get_item("quiz-widget:v2:store-full:q:q2").unwrap().is_some(),
        "{}",
        root.inner_html()
    );
    assert!(query(&root, ".notice").is_none(), "{}", text(&root, ".notice"));
}

/// A host's storage as the SCORM bridge makes one: `localStorage`'s members over a Map.
fn host_storage(set_item: &str) -> quiz_widget::storage::KeyValueStore {
    let object = js_sys::Function::new_no_args(&format!(
        "const map = new Map();
         return {{ map, get length() {{ return map.size; }}, key(i) {{ return Array.from(map.keys())[i] ?? null; }},
           getItem(k) {{ return map.get(k) ?? null; }}, setItem(k, v) {{ {set_item} }}, removeItem(k) {{ map.delete(k); }} }};"
    ))
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    quiz_widget::storage::KeyValueStore::from_host(object).expect("a storage-like object")
}

#[wasm_bindgen_test]
async fn a_host_storage_takes_the_place_of_local_storage() {
    clear_storage("store-host");
    let host = host_storage("map.set(String(k), String(v));");
    let root = mount_with_storage(QUIZ, "store-host", Some(host.clone())).await;
    assert!(query(&root, ".notice").is_none(), "a host storage is persistent");
    click(&root, ".choice:nth-child(2) input").await;
    click(&root, "button[type=submit]").await;
    let map = js_sys::Reflect::get(&host, &"map".into())
        .unwrap()
        .unchecked_into::<js_sys::Map>();
    let record = map
        .get(&"quiz-widget:v2:store-host:q:q1".into())
        .as_string()
        .expect("the record in the host's storage");
    assert!(record.contains("\"c\":true"), "{record}");
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(
        local.get_item("quiz-widget:v2:store-host:q:q1").unwrap(),
        None,
        "and not in localStorage"
    );

    // A relaunch with what the host kept restores the answer.
    let again = mount_with_storage(QUIZ, "store-host", Some(host)).await;
    assert!(text(&again, ".progress-text").starts_with("1 / 6 answered · 1 correct"));
}

#[wasm_bindgen_test]
async fn a_host_storage_that_throws_leaves_a_working_quiz() {
    clear_storage("store-host-throws");
    let host = host_storage("throw new Error('LMS unreachable');");
    let root = mount_with_storage(QUIZ, "store-host-throws", Some(host)).await;
    click(&root, ".choice:nth-child(2) input").await;
    click(&root, "button[type=submit]").await;
    assert!(
        text(&root, ".feedback").contains("Correct!"),
        "the answer is kept in memory"
    );
    assert!(
        text(&root, ".notice").contains("Storage is full"),
        "{}",
        root.inner_html()
    );
}

#[wasm_bindgen_test]
async fn a_host_object_without_the_members_is_no_storage() {
    assert!(quiz_widget::storage::KeyValueStore::from_host(wasm_bindgen::JsValue::UNDEFINED).is_none());
    let object = quiz_widget::storage::KeyValueStore::from_host(js_sys::Object::new().into());
    let root = mount_with_storage(QUIZ, "store-host-bogus", object).await;
    assert!(text(&root, ".notice").contains("Progress will not be kept after this page closes"));
    click(&root, ".choice:nth-child(2) input").await;
    click(&root, "button[type=submit]").await;
    assert!(text(&root, ".feedback").contains("Correct!"));
}

#[wasm_bindgen_test]
async fn a_record_of_an_unknown_format_version_is_dropped_for_that_question_only() {
    clear_storage("store-version");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item("quiz-widget:v2:store-version:q:q1", r#"{"v":0,"answer":1}"#)
        .unwrap();
    let root = mount(QUIZ, "store-version").await;
    click(&root, ".choice:nth-child(2) input").await;
    click(&root, "button[type=submit]").await;
    let again = mount(QUIZ, "store-version").await;
    assert!(
        text(&again, ".progress-text").starts_with("1 / 6 answered"),
        "the new answer replaced the old record"
    );
}

/// A record as the version 1 widget stored it: q1 answered wrong (choice 0) at the first try.
fn version_1_record(updated_ms: i64) -> String {
    let quiz = quiz_format::load(QUIZ).quiz.unwrap();
    format!(
        "{{\"v\":1,\"h\":\"{:016x}\",\"t\":{updated_ms},\"k\":\"answer\",\"r\":0,\"c\":false,\"n\":1}}",
        quiz.questions[0].content_hash()
    )
}

#[wasm_bindgen_test]
async fn version_1_keys_are_read_merged_and_removed_once_held_by_version_2() {
    clear_storage("store-v1");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let old = "quiz-widget:v1:store-v1:q:q1";
    storage.set_item(old, &version_1_record(1_000)).unwrap();
    storage
        .set_item("quiz-widget:v1:store-v1:settings", r#"{"mode":"flashcards","at":"q2"}"#)
        .unwrap();
    let root = mount(QUIZ, "store-v1").await;
    assert!(query(&root, ".notice").is_none(), "nothing was dropped");
    // The version 1 key stays until a version 2 record holds its answer.
    assert!(storage.get_item(old).unwrap().is_some());
    // The old mode name reads as the due mode: the wrong answer and the new card are due.
    let mode: web_sys::HtmlSelectElement = query(&root, "select[id$=-mode]").unwrap().unchecked_into();
    assert_eq!(mode.value(), "due");
    let progress = text(&root, ".progress-text");
    assert!(progress.ends_with("2 reviews due today"), "{progress}");
    mode.set_value("practice");
    mode.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    let progress = text(&root, ".progress-text");
    assert!(progress.starts_with("1 / 6 answered · 0 correct"), "{progress}");
    // Answering q1 again writes version 2; the next load removes the version 1 key.
    click_button(&root, "Try again").await;
    click(&root, ".choice:nth-child(2) input").await;
    click(&root, "button[type=submit]").await;
    let stored = storage
        .get_item("quiz-widget:v2:store-v1:q:q1")
        .unwrap()
        .expect("a version 2 record");
    // The migrated review (Again, at the version 1 answer's time) and the new one (Hard: right after a wrong try).
    assert!(
        stored.starts_with("{\"v\":2,") && stored.contains("\"log\":[1,1000,2,"),
        "{stored}"
    );
    let again = mount(QUIZ, "store-v1").await;
    assert!(text(&again, ".progress-text").starts_with("1 / 6 answered · 1 correct"));
    assert_eq!(storage.get_item(old).unwrap(), None);
}

#[wasm_bindgen_test]
async fn editing_removing_and_inserting_questions_keeps_the_other_answers() {
    clear_storage("store-edit");
    let root = mount(QUIZ, "store-edit").await;
    for _ in 0..3 {
        click(&root, ".choices li:nth-child(1) input").await;
        click(&root, "button[type=submit]").await;
        click_button(&root, "Next").await;
    }
    assert!(text(&root, ".progress-text").starts_with("3 / 6 answered"));
    // q1's prompt is edited, q2 is removed, and a new question goes at the top.
    let edited = QUIZ
        .replace(
            "Which keyword defines a coroutine?",
            "Which keyword defines a coroutine function?",
        )
        .replace(r#""id": "q2""#, r#""id": "q2-renamed""#)
        .replace(
            r#""questions": ["#,
            r#""questions": [ { "id": "q0", "type": "true_false", "prompt": "New first question", "answer": true },"#,
        );
    let again = mount(&edited, "store-edit").await;
    assert!(
        text(&again, ".notice").contains("2 saved answers were dropped"),
        "{}",
        text(&again, ".notice")
    );
    assert!(
        text(&again, ".progress-text").starts_with("1 / 7 answered"),
        "q3 keeps its answer"
    );
}

#[wasm_bindgen_test]
async fn two_widgets_with_the_same_quiz_answer_in_turn() {
    clear_storage("store-twins");
    let first = mount(QUIZ, "store-twins").await;
    let second = mount(QUIZ, "store-twins").await;
    click(&first, ".choice:nth-child(2) input").await;
    click(&first, "button[type=submit]").await;
    assert!(
        text(&second, ".progress-text").starts_with("1 / 6 answered · 1 correct"),
        "{} / {}",
        text(&second, ".progress-text"),
        text(&first, ".progress-text")
    );
    click_button(&second, "Next").await;
    click(&second, ".choice:nth-child(1) input").await;
    click(&second, "button[type=submit]").await;
    assert!(text(&first, ".progress-text").starts_with("2 / 6 answered"));
    assert!(text(&second, ".progress-text").starts_with("2 / 6 answered"));
}
