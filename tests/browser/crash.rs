//! A panic stops every widget on the page (they share one wasm instance), so
//! each one says so. Debug builds report through the panic hook; the release
//! build aborts at once, and the page's error events carry the trap.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;

use crate::support::*;

fn notices(root: &Element) -> u32 {
    root.query_selector_all(".quiz-widget-crash[role=alert]")
        .unwrap()
        .length()
}

/// A `RuntimeError` whose stack says it was thrown in the wasm at `file`.
fn trap_in(file: &str) -> JsValue {
    let error: JsValue = js_sys::WebAssembly::RuntimeError::new("unreachable").into();
    let stack = format!(
        "RuntimeError: unreachable\n    at {file}:wasm-function[12]:0x3f\n    at http://127.0.0.1/quiz-widget.js:40:7"
    );
    js_sys::Reflect::set(&error, &"stack".into(), &stack.into()).unwrap();
    error
}

/// Fires a page event of `kind` carrying `error` in `field`, as the browser
/// does for an uncaught exception (`error`) or an unhandled rejection (`reason`).
fn fire(kind: &str, field: &str, error: &JsValue) {
    let event = web_sys::Event::new(kind).unwrap();
    js_sys::Reflect::set(&event, &field.into(), error).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_panic_is_reported_as_text_in_every_widget() {
    let first = mount(crate::support::QUIZ, "crash-panic-1").await;
    let second = mount(crate::support::QUIZ, "crash-panic-2").await;
    quiz_widget::crash::remember_root(&first);
    quiz_widget::crash::remember_root(&second);
    quiz_widget::crash::report_crash(Some("index out of bounds <b>x</b>"));
    for root in [&first, &second] {
        let notice = query(root, ".quiz-widget-crash[role=alert]").expect("a crash notice");
        assert!(notice
            .text_content()
            .unwrap()
            .contains("internal error: index out of bounds <b>x</b>. Reload the page"));
        assert!(query(root, ".quiz-widget-crash b").is_none(), "the message is text");
    }
}

#[wasm_bindgen_test]
async fn a_trap_in_the_widgets_wasm_is_reported_once_in_every_widget() {
    quiz_widget::crash::watch_for_crashes();
    let first = mount(crate::support::QUIZ, "crash-trap-1").await;
    let second = mount(crate::support::QUIZ, "crash-trap-2").await;
    quiz_widget::crash::remember_root(&first);
    quiz_widget::crash::remember_root(&second);

    fire("error", "error", &trap_in("https://cdn.example/quiz/other-app_bg.wasm"));
    fire("error", "error", &js_sys::Error::new("not a trap").into());
    assert_eq!((notices(&first), notices(&second)), (0, 0), "not this widget's wasm");

    fire(
        "error",
        "error",
        &trap_in("https://cdn.example/quiz/quiz-widget-embed_bg.wasm"),
    );
    assert_eq!((notices(&first), notices(&second)), (1, 1));
    assert_eq!(
        text(&first, ".quiz-widget-crash"),
        "This quiz stopped because of an internal error. Reload the page to continue; saved progress is kept."
    );

    // The page goes on calling into the stopped module: no second notice.
    fire(
        "unhandledrejection",
        "reason",
        &trap_in("https://cdn.example/quiz/quiz-widget-embed_bg.wasm"),
    );
    assert_eq!((notices(&first), notices(&second)), (1, 1));
}

#[wasm_bindgen_test]
async fn an_unmounted_widget_is_forgotten() {
    let gone = mount(crate::support::QUIZ, "crash-forgotten").await;
    quiz_widget::crash::remember_root(&gone);
    quiz_widget::crash::forget_root(&gone);
    quiz_widget::crash::report_crash(Some("after unmount"));
    assert_eq!(notices(&gone), 0);
}

#[wasm_bindgen_test]
async fn a_trap_in_an_async_task_is_reported() {
    quiz_widget::crash::watch_for_crashes();
    let root = mount(crate::support::QUIZ, "crash-rejection").await;
    quiz_widget::crash::remember_root(&root);
    fire(
        "unhandledrejection",
        "reason",
        &trap_in("http://127.0.0.1:8080/quiz-widget-app_bg.wasm"),
    );
    assert_eq!(notices(&root), 1);
}

#[wasm_bindgen_test]
fn which_traps_are_the_widgets_own() {
    use quiz_widget::crash::is_own_trap;
    // Chromium, with and without a name section; Firefox.
    assert!(is_own_trap(
        "RuntimeError: unreachable\n    at https://x.org/q/quiz-widget-embed_bg.wasm:wasm-function[7]:0x1"
    ));
    assert!(is_own_trap(
        "RuntimeError: unreachable\n    at core::panicking::panic (https://x.org/quiz-widget-app_bg.wasm:wasm-function[7]:0x1)"
    ));
    assert!(is_own_trap(
        "f@https://x.org/quiz-widget-embed_bg.wasm:wasm-function[7]:0x1\n"
    ));
    assert!(!is_own_trap(
        "RuntimeError: unreachable\n    at https://x.org/game_bg.wasm:wasm-function[7]:0x1"
    ));
    assert!(!is_own_trap(
        "RuntimeError: unreachable\n    at https://x.org/quiz-widget-embed.wasm:wasm-function[7]:0x1"
    ));
    // A browser that names no file: better a notice than a silent freeze.
    assert!(is_own_trap("<?>.wasm-function[7]@[wasm code]"));
    assert!(is_own_trap(""));
}
