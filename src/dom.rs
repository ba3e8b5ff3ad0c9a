//! The browser's edge for what is not a hook: entropy, file downloads and
//! reads, events for the host page and between widgets, and focus.

use quiz_session::session::{Host, HostEvent, Session};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Fresh entropy from the browser: 53 random bits (all a JS number holds
/// exactly). The one source of randomness in the shell; whatever must be
/// repeatable is drawn from a seed by `quiz_session::random`.
pub fn entropy() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

/// Where the host page's events go and what they name.
pub struct HostTarget {
    pub root: NodeRef,
    pub quiz_id: String,
    pub section: Option<AttrValue>,
    /// The pass mark the page's `quiz-complete` is judged by: the host's
    /// `pass-mark`, else the quiz's.
    pub pass_mark: Option<u8>,
}

/// The window event a widget fires after writing a record.
pub const STORED_EVENT: &str = "quiz-widget-stored";

/// Tells the other widgets on this page that a record was written.
pub fn announce_stored(origin: u32, key: &str, value: &str) {
    let Some(window) = web_sys::window() else { return };
    let detail = js_sys::Object::new();
    set(&detail, "origin", f64::from(origin).into());
    set(&detail, "key", key.into());
    set(&detail, "value", value.into());
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(STORED_EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Offers `contents` to the learner as a file download.
pub fn download(filename: &str, mime: &str, contents: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(filename);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Reads the file chosen in a file input as text and hands it on.
pub fn read_chosen_file(input: &web_sys::HtmlInputElement, on_text: Callback<String>) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    read_file(file, on_text);
}

/// Reads a file (chosen or dropped) as text and hands it on: the one file
/// reader. A file that cannot be read (removed since it was chosen) reaches
/// the reader of its format as empty text, which it refuses with a message.
pub fn read_file(file: web_sys::File, on_text: Callback<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        on_text.emit(text.ok().and_then(|t| t.as_string()).unwrap_or_default());
    });
}

fn set(object: &js_sys::Object, key: &str, value: JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value);
}

/// Dispatches `quiz-answer` or `quiz-complete` from the widget, bubbling and
/// composed so a listener on the host element (or the document) hears it
/// through the shadow root.
pub fn dispatch_host_event(target: &HostTarget, session: &Session, event: &HostEvent) {
    let Some(element) = target.root.cast::<web_sys::Element>() else {
        return;
    };
    let host = Host {
        quiz_id: &target.quiz_id,
        section: target.section.as_deref(),
        pass_mark: target.pass_mark,
    };
    let Ok(detail) = js_sys::JSON::parse(&event.detail(session, host)) else {
        quiz_stdx::never!("a host event's detail is JSON");
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// Moves focus to where the learner continues, if focus is in the widget or
/// was lost (to the body, when the focused control became disabled).
pub fn move_focus(root: &NodeRef) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    let Some(document) = root.owner_document() else { return };
    // Inside a shadow root the document sees only the host element: the
    // focused element is the shadow root's own `activeElement`.
    let shadow = root.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok();
    let page_active = document.active_element();
    let active = match &shadow {
        Some(shadow) => shadow.active_element(),
        None => page_active.clone(),
    };
    let lost = active.is_none()
        && page_active
            .as_ref()
            .is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"))
        || active
            .as_ref()
            .is_some_and(|a| a.tag_name().eq_ignore_ascii_case("body"));
    let inside = active.as_ref().is_some_and(|a| root.contains(Some(a)));
    if !(lost || inside) {
        return;
    }
    // Keep focus where it is if it is still on a usable control of the item,
    // or on a picker of the header: a learner stepping through sections with
    // the arrow keys stays on the picker.
    if inside
        && active
            .as_ref()
            .is_some_and(|a| a.closest(".quiz-body,.controls").ok().flatten().is_some() && !a.has_attribute("disabled"))
    {
        return;
    }
    let target = [
        // "Reset progress?" asked: its Cancel, the safe answer, so that the
        // question is announced and a stray Enter resets nothing.
        ".confirm .secondary",
        // An ordering item just moved: the same button on it, or the other
        // one when it reached the end of the list.
        ".quiz-body [data-moved=up] .up:not([disabled])",
        ".quiz-body [data-moved=down] .down:not([disabled])",
        ".quiz-body [data-moved] .move:not([disabled])",
        ".quiz-body .try-again",
        ".next-after-check",
        // A flipped card: its back, so that Enter grades nothing by accident.
        ".quiz-body .card-face.back",
        ".quiz-body input:not([disabled])",
        ".quiz-body .flip",
        ".quiz-body textarea",
        // A matching question's first pick.
        ".quiz-body select:not([disabled])",
        // The summary (or an exam's submission): its title, which screen
        // readers announce, not a button a second Enter would press.
        ".quiz-body .summary-title",
        // A button that can take focus (an ordering list's first item has a
        // disabled "Move up").
        ".quiz-body button:not([disabled])",
    ]
    .iter()
    .find_map(|selector| root.query_selector(selector).ok().flatten());
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
        let scroll = web_sys::ScrollIntoViewOptions::new();
        scroll.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&scroll);
    }
}
