//! quiz-widget: the yew shell around `quiz-format`, `quiz-session` and `quiz-markdown`.
//!
//! Components render props and send [`quiz_session::session::Action`]s; hooks
//! carry out effects (storage, fetch, events) at the edge. The domain lives
//! in the core crate and is tested natively.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod components;
pub mod crash;
pub mod dom;
pub mod element;
pub mod fetch;
pub mod hooks;
pub mod i18n;
pub mod kinds;
pub mod parts;
pub mod prerender;
pub mod report;
pub mod state;
pub mod storage;
pub mod teacher;
pub mod transfer;
pub mod view;

use app::{App, AppProps, Source};
use quiz_session::session::Mode;
use yew::AttrValue;

/// Mounts a widget into every element with a `data-quiz-src` attribute (the
/// study page). The attribute names the question file to fetch.
pub fn mount_all() {
    crash::watch_for_crashes();
    report::install(report::Reporter::Linked(|text| quiz_format::load(text).diagnostics));
    transfer::install(transfer::Tools::Linked(transfer::linked));
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
            solution: attr("data-solution").and_then(|s| quiz_format::Solution::from_name(&s)),
            face: components::Face::Study,
            heading_level: attr("data-heading-level")
                .and_then(|l| l.parse().ok())
                .filter(|l| (1..=6).contains(l))
                .unwrap_or(2),
            draw: attr("data-draw").and_then(|n| n.parse().ok()).filter(|n| *n > 0),
            exam: element.has_attribute("data-exam"),
            pass_mark: attr("data-pass-mark")
                .and_then(|m| m.parse().ok())
                .filter(|m| (1..=100).contains(m)),
            storage: None,
            uid: None,
            seed: None,
        };
        crash::remember_root(&element);
        yew::Renderer::<App>::with_root_and_props(element, props).render();
    }
    if let Ok(Some(panel)) = document.query_selector("[data-teacher-panel]") {
        yew::Renderer::<teacher::TeacherPanel>::with_root(panel).render();
    }
}
