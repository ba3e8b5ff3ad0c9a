//! quiz-widget: the yew shell around `quiz-core`.
//!
//! Components render props and send [`quiz_core::session::Action`]s; hooks
//! carry out effects (storage, fetch, events) at the edge. The domain lives
//! in the core crate and is tested natively.

pub mod app;
pub mod components;
pub mod element;
pub mod hooks;
pub mod i18n;
pub mod state;
pub mod storage;

use std::cell::RefCell;

use app::{App, AppProps, Source};
use quiz_core::session::Mode;
use yew::AttrValue;

thread_local! {
    /// Every element a widget was mounted in, for the panic report.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Shows a panic's message in every widget. All widgets share one wasm
/// instance, and with `panic = "abort"` a panic stops all of them, so each
/// says so rather than freezing silently. The message is set as text.
pub fn report_panic(message: &str) {
    ROOTS.with(|roots| {
        for root in roots.borrow().iter() {
            let Some(document) = root.owner_document() else { continue };
            let Ok(notice) = document.create_element("p") else { continue };
            notice.set_class_name("quiz-widget-crash");
            let _ = notice.set_attribute("role", "alert");
            notice.set_text_content(Some(&format!(
                "This quiz stopped because of an internal error: {message}. Reload the page to continue; saved progress is kept."
            )));
            let _ = root.prepend_with_node_1(&notice);
        }
    });
    web_sys::console::error_1(&format!("quiz-widget: {message}").into());
}

/// Installs the panic hook that calls [`report_panic`].
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| report_panic(&info.to_string())));
}

/// Remembers a mounted widget's element for [`report_panic`].
pub fn remember_root(root: &web_sys::Element) {
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
}

/// Mounts a widget into every element with a `data-quiz-src` attribute (the
/// study page). The attribute names the question file to fetch.
pub fn mount_all() {
    install_panic_hook();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(nodes) = document.query_selector_all("[data-quiz-src]") else {
        return;
    };
    for i in 0..nodes.length() {
        let Some(element) = nodes
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let attr = |name: &str| {
            element
                .get_attribute(name)
                .filter(|v| !v.is_empty())
                .map(AttrValue::from)
        };
        let props = AppProps {
            source: Source::Url(attr("data-quiz-src").unwrap_or_else(|| AttrValue::from("questions.json"))),
            lang: attr("lang"),
            storage_key: attr("data-storage-key"),
            section: attr("data-section"),
            mode: attr("data-mode").and_then(|m| Mode::from_name(&m)),
            shuffle: element.has_attribute("data-shuffle"),
        };
        remember_root(&element);
        yew::Renderer::<App>::with_root_and_props(element, props).render();
    }
    if let Ok(Some(panel)) = document.query_selector("[data-teacher-panel]") {
        yew::Renderer::<components::teacher::TeacherPanel>::with_root(panel).render();
    }
}
