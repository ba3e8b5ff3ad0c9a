//! The crash report: every widget says so when the shared wasm stops.

use std::cell::{Cell, RefCell};

thread_local! {
    /// Every element a widget was mounted in, for the crash report.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
    /// Whether the page's error listeners are in place.
    static CRASH_WATCH: Cell<bool> = const { Cell::new(false) };
}

/// Says in every widget that the quiz stopped. All widgets share one wasm
/// instance, and a panic stops all of them, so each says so rather than
/// freezing silently. `detail` is the panic's message where there is one;
/// it is set as text.
pub fn report_crash(detail: Option<&str>) {
    let text = match detail {
        Some(message) => format!(
            "This quiz stopped because of an internal error: {message}. Reload the page to continue; saved progress is kept."
        ),
        None => "This quiz stopped because of an internal error. Reload the page to continue; saved progress is kept."
            .to_owned(),
    };
    ROOTS.with(|roots| {
        // The page may go on calling into a stopped module: one notice per widget.
        let unreported = |root: &&web_sys::Element| {
            root.is_connected()
                && root
                    .first_element_child()
                    .is_none_or(|first| first.class_name() != "quiz-widget-crash")
        };
        for root in roots.borrow().iter().filter(unreported) {
            let Some(document) = root.owner_document() else {
                continue;
            };
            let Ok(notice) = document.create_element("p") else {
                continue;
            };
            notice.set_class_name("quiz-widget-crash");
            let _ = notice.set_attribute("role", "alert");
            notice.set_text_content(Some(&text));
            let _ = root.prepend_with_node_1(&notice);
        }
    });
    web_sys::console::error_1(&format!("quiz-widget: {}", detail.unwrap_or("the wasm module trapped")).into());
}

/// Whether a page error is a trap in this widget's wasm.
///
/// The release build aborts at once on a panic (`-Cpanic=immediate-abort`,
/// see the Makefile), so no panic hook runs: the module traps and the page
/// sees a `WebAssembly.RuntimeError`. Its first wasm stack frame names the
/// module's file (`…/quiz-widget-embed_bg.wasm:wasm-function[…]` in Chromium
/// and Firefox); a trap in another module on the page is not ours. Where the
/// browser names no file, the trap is taken to be ours: a false notice is
/// better than a widget that freezes without a word.
pub fn is_own_trap(stack: &str) -> bool {
    match stack.lines().find(|line| line.contains("wasm-function")) {
        Some(frame) if frame.contains(".wasm:") => frame.contains("/quiz-widget-") && frame.contains("_bg.wasm:"),
        _ => true,
    }
}

/// Reports crashes in every widget: panics through the panic hook (builds
/// that keep one), and wasm traps through the page's `error` and
/// `unhandledrejection` events (the release build, whose panics trap).
pub fn watch_for_crashes() {
    if CRASH_WATCH.with(|watching| watching.replace(true)) {
        return;
    }
    // A build that aborts at once never runs a hook; installing one would
    // only link the panic formatting back in.
    #[cfg(not(panic = "immediate-abort"))]
    {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            report_crash(Some(&info.to_string()));
            previous(info);
        }));
    }
    let Some(window) = web_sys::window() else { return };
    for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        gloo::events::EventListener::new(&window, event, move |event| {
            let Ok(error) = js_sys::Reflect::get(event, &field.into()) else {
                return;
            };
            if !wasm_bindgen::JsCast::is_instance_of::<js_sys::WebAssembly::RuntimeError>(&error) {
                return;
            }
            let stack = js_sys::Reflect::get(&error, &"stack".into())
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            if is_own_trap(&stack) {
                report_crash(None);
            }
        })
        .forget();
    }
}

/// Remembers a mounted widget's element for [`report_crash`].
pub fn remember_root(root: &web_sys::Element) {
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
}

/// Forgets an unmounted widget's element, so that a page which mounts and
/// unmounts widgets for as long as it is open does not collect them.
pub fn forget_root(root: &web_sys::Element) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|kept| kept != root));
}
