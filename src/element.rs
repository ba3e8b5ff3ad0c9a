//! The `<quiz-widget>` custom element's Rust side. `js/quiz-widget.js`
//! defines the element and its shadow root, and calls these functions to
//! mount a widget, pass it new attributes, and unmount it.
//!
//! Attributes: `src` (a question file to fetch), `section`, `mode`
//! (`practice` | `review` | `due`, or `flashcards` as before), `draw`, `exam`, `pass-mark`, `lang`, `storage-key`, `shuffle`,
//! `solution` (`on-request` | `immediately` | `after-N`).
//! Without `src`, an inline `<script type="application/json">` child is the
//! question file; without either, the bundled question set is used.

use std::cell::RefCell;

use quiz_format::Solution;
use quiz_session::session::Mode;
use wasm_bindgen::prelude::*;
use yew::AttrValue;

use crate::app::{App, AppProps, Source};
use crate::components::Face;
use crate::fetch::Prefetch;

/// A widget on the page.
struct Mounted {
    /// What the element holds to name this widget.
    handle: u32,
    app: yew::AppHandle<App>,
    bundled_url: String,
    /// The element it renders into, remembered for the crash report.
    mount: web_sys::Element,
}

thread_local! {
    /// The widgets on the page: a handful, so a list.
    static WIDGETS: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static NEXT_HANDLE: RefCell<u32> = const { RefCell::new(1) };
}

/// Reads an element's attributes into the widget's props.
pub fn props_of(host: &web_sys::Element, bundled_url: &str) -> AppProps {
    let script = host.query_selector("script[type='application/json']").ok().flatten();
    // The loader's reading of a Markdown `src` (see js/quiz-widget.js).
    let imported_from = script.as_ref().and_then(|s| s.get_attribute("data-imported-from"));
    let inline = script.and_then(|script| script.text_content());
    let mut props = props_from(|name| host.get_attribute(name));
    props.source = match (props.source, inline) {
        (Source::Url(src), Some(text)) if imported_from.as_deref() == Some(&*src) => {
            Source::Text(AttrValue::from(text))
        }
        (Source::Url(src), _) if !src.is_empty() => Source::Url(src),
        (_, Some(text)) => Source::Text(AttrValue::from(text)),
        _ => Source::Url(AttrValue::from(bundled_url.to_owned())),
    };
    props.storage = js_sys::Reflect::get(host, &JsValue::from_str("storage"))
        .ok()
        .and_then(crate::storage::KeyValueStore::from_host);
    // Ids are the shadow root's own, so a fixed prefix: the one the
    // pre-rendered first screen has. Its shuffle seed, if it had one, the
    // loader hands over as `firstSeed`.
    props.uid = Some(AttrValue::Static(UID));
    props.seed = js_sys::Reflect::get(host, &JsValue::from_str("firstSeed"))
        .ok()
        .and_then(|seed| seed.as_f64())
        .map(|seed| seed as u64);
    props
}

/// The prefix of element ids in a widget with its own shadow root.
pub const UID: &str = "qw";

/// The widget's props from an element's attributes, which `attribute` gives
/// as written (`None` when absent): the browser's element and the
/// pre-renderer's (`crate::prerender`) read them alike. The source is the
/// trimmed `src`, empty when there is none.
pub fn props_from(attribute: impl Fn(&str) -> Option<String>) -> AppProps {
    let attr = |name: &str| attribute(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    // A boolean attribute: present, and not "false".
    let flag = |name: &str| attribute(name).is_some_and(|v| v.trim() != "false");
    AppProps {
        source: Source::Url(AttrValue::from(attr("src").unwrap_or_default())),
        lang: attr("lang").map(AttrValue::from),
        storage_key: attr("storage-key").map(AttrValue::from),
        section: attr("section").map(AttrValue::from),
        mode: attr("mode").and_then(|m| Mode::from_name(&m)),
        shuffle: flag("shuffle"),
        solution: attr("solution").and_then(|s| Solution::from_name(&s)),
        face: match attr("controls").as_deref() {
            Some("full") => Face::Study,
            _ => Face::Check,
        },
        heading_level: attr("heading-level")
            .and_then(|l| l.parse().ok())
            .filter(|l| (1..=6).contains(l))
            .unwrap_or(2),
        draw: attr("draw").and_then(|n| n.parse().ok()).filter(|n| *n > 0),
        exam: flag("exam"),
        storage: None,
        pass_mark: attr("pass-mark")
            .and_then(|m| m.trim_end_matches('%').trim().parse().ok())
            .filter(|m| (1..=100).contains(m)),
        uid: None,
        seed: None,
    }
}

/// Mounts a widget for `host` into `mount` (inside its shadow root) and
/// returns a handle for [`update_widget`] and [`unmount_widget`].
///
/// `prefetched` is what the element fetched while the wasm loaded: `undefined`,
/// or `{ url, response }` with `response` a `Promise<Response>`. It is used
/// only if `url` is the very source the attributes name. `report` is the
/// loader's `(text) => Promise<string>`, which fetches the full validator
/// (`quiz-report.js`) for a file this module rejects; `transfer` is its
/// `(name, ...args) => Promise<string>`, which calls the transfer tools
/// (`quiz-transfer.js`, src/transfer.rs). Every widget of the page shares them.
#[wasm_bindgen]
pub fn mount_widget(
    host: web_sys::Element,
    mount: web_sys::Element,
    bundled_url: String,
    prefetched: JsValue,
    report: Option<js_sys::Function>,
    transfer: Option<js_sys::Function>,
) -> u32 {
    crate::crash::watch_for_crashes();
    crate::i18n::files_at(&bundled_url);
    if let Some(report) = report {
        crate::report::install(crate::report::Reporter::Module(report));
    }
    if let Some(transfer) = transfer {
        crate::transfer::install(crate::transfer::Tools::Module(transfer));
    }
    crate::crash::remember_root(&mount);
    let mut props = props_of(&host, &bundled_url);
    if let Source::Url(url) = &props.source {
        let field = |name: &str| js_sys::Reflect::get(&prefetched, &JsValue::from_str(name)).ok();
        let same_source = field("url")
            .and_then(|u| u.as_string())
            .is_some_and(|u| u == url.as_str());
        let response = field("response").filter(|r| same_source && r.is_instance_of::<js_sys::Promise>());
        let take_text = field("takeText").and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let (Some(response), Some(take_text)) = (response, take_text) {
            props.source = Source::Prefetched(url.clone(), Prefetch { response, take_text });
        }
    }
    let app = yew::Renderer::<App>::with_root_and_props(mount.clone(), props).render();
    let handle = NEXT_HANDLE.with(|next| {
        let mut next = next.borrow_mut();
        let handle = *next;
        *next += 1;
        handle
    });
    WIDGETS.with(|widgets| {
        widgets.borrow_mut().push(Mounted {
            handle,
            app,
            bundled_url,
            mount,
        })
    });
    handle
}

/// Passes changed attributes to a mounted widget.
#[wasm_bindgen]
pub fn update_widget(handle: u32, host: web_sys::Element) {
    WIDGETS.with(|widgets| {
        if let Some(widget) = widgets.borrow_mut().iter_mut().find(|w| w.handle == handle) {
            let props = props_of(&host, &widget.bundled_url);
            widget.app.update(props);
        }
    });
}

/// Unmounts a widget whose element left the page.
#[wasm_bindgen]
pub fn unmount_widget(handle: u32) {
    let removed = WIDGETS.with(|widgets| {
        let mut widgets = widgets.borrow_mut();
        let at = widgets.iter().position(|w| w.handle == handle)?;
        Some(widgets.swap_remove(at))
    });
    if let Some(widget) = removed {
        crate::crash::forget_root(&widget.mount);
        widget.app.destroy();
    }
}
