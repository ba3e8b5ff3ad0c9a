//! Mounting and DOM helpers shared by the browser tests.

use quiz_widget::app::{App, AppProps, Source};
use quiz_widget::components::Face;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A small quiz with one item of every kind.
pub const QUIZ: &str = r#"{
  "id": "browser-test",
  "title": "Browser Test Quiz",
  "sections": [ { "id": "s1", "title": "Section One" } ],
  "questions": [
    { "id": "q1", "type": "single", "section": "s1", "difficulty": "basic", "topic": "Basics",
      "prompt": "Which keyword defines a coroutine?", "choices": ["`def`", "`async def`", "`yield`"], "answer": 1,
      "hint": "It has two words.", "explanation": "`async def` defines a **coroutine** function." },
    { "id": "q2", "type": "multiple", "section": "s1", "prompt": "Which are awaitable?",
      "choices": ["coroutine", "Task", "int"], "answers": [0, 1], "explanation": "Coroutines and Tasks." },
    { "id": "q3", "type": "true_false", "section": "s1", "prompt": "asyncio is multi-threaded.", "answer": false,
      "explanation": "One thread." },
    { "id": "q4", "type": "short", "section": "s1", "prompt": "Function that runs a coroutine from sync code?",
      "accept": ["asyncio.run", "asyncio.run()"], "explanation": "asyncio.run." },
    { "id": "q5", "type": "flashcard", "section": "s1", "prompt": "What is the event loop?", "back": "The scheduler." },
    { "id": "q6", "type": "exercise", "section": "s1", "prompt": "Write a coroutine.", "think_about": ["What is awaited?"],
      "tip": "Use asyncio.run.", "minutes": 5 }
  ]
}"#;

/// Mounts the widget with `source` and returns its container.
pub async fn mount(source: &str, storage_key: &str) -> Element {
    mount_with_storage(source, storage_key, None).await
}

/// Mounts the widget with `source`, keeping progress in the host's `storage`
/// (the element's `storage` property) when given.
pub async fn mount_with_storage(
    source: &str,
    storage_key: &str,
    storage: Option<quiz_widget::storage::KeyValueStore>,
) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        source: Source::Text(source.to_owned().into()),
        lang: None,
        storage_key: Some(storage_key.to_owned().into()),
        section: None,
        mode: None,
        shuffle: false,
        solution: Some(quiz_format::Solution::Immediately),
        face: Face::Study,
        heading_level: 2,
        draw: None,
        exam: false,
        pass_mark: None,
        storage,
        uid: None,
        seed: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Lets yew run its scheduled renders and effects.
pub async fn settle() {
    for _ in 0..3 {
        yew::scheduler::flush().await;
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

pub fn text(root: &Element, selector: &str) -> String {
    query(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

pub async fn click(root: &Element, selector: &str) {
    let element = query(root, selector).unwrap_or_else(|| panic!("no element matches {selector}"));
    element.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

/// Clicks the button whose text contains `label`.
pub async fn click_button(root: &Element, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let button: HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
        if button.text_content().unwrap_or_default().contains(label) {
            button.click();
            settle().await;
            return;
        }
    }
    panic!("no button labelled {label:?}");
}

/// Jumps to item `index` (0-based) with the item picker, as a learner would.
pub async fn go_to(root: &Element, index: usize) {
    let select: web_sys::HtmlSelectElement = query(root, ".quiz-nav select").unwrap().dyn_into().unwrap();
    select.set_value(&index.to_string());
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
}

/// Removes every stored key of a quiz, so tests do not see each other's progress.
pub fn clear_storage(storage_key: &str) {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let prefixes = [1, 2].map(|v| format!("quiz-widget:v{v}:{storage_key}:"));
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .collect();
    for key in keys.into_iter().filter(|k| prefixes.iter().any(|p| k.starts_with(p))) {
        storage.remove_item(&key).unwrap();
    }
}
