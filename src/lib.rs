//! quiz-widget: the yew shell around `quiz-core`.
//!
//! Components render props and send [`quiz_core::session::Action`]s; hooks
//! carry out effects (storage, fetch, events) at the edge. The domain lives
//! in the core crate and is tested natively.

pub mod app;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod state;
pub mod storage;

use app::{App, AppProps, Source};
use quiz_core::session::Mode;
use yew::AttrValue;

/// Mounts a widget into every element with a `data-quiz-src` attribute (the
/// study page). The attribute names the question file to fetch.
pub fn mount_all() {
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
        yew::Renderer::<App>::with_root_and_props(element, props).render();
    }
}
