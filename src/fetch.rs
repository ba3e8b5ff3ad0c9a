//! Fetching text: a question file or a language file, or the fetch of one
//! that the loader started while the wasm was loading.

use wasm_bindgen::{JsCast, JsValue};

/// A fetch the loader started: the response, and its body read as text as
/// soon as it arrived. Reading it only when the wasm asks takes 15-20 ms
/// longer in Chromium, even with the body long downloaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Prefetch {
    /// `Promise<Response>`, for the status.
    pub response: JsValue,
    /// A function that returns the body's `Promise<string>` (of `undefined`
    /// when the status is not OK) once, and `undefined` after that: the
    /// props keep this function, not a question file's worth of text.
    pub take_text: js_sys::Function,
}

/// Fetches `url`, or takes over the fetch of it already under way.
pub async fn fetch_text(url: &str, under_way: Option<Prefetch>) -> Result<String, String> {
    // A prefetch whose text was taken already is fetched again.
    let under_way = under_way.and_then(|prefetch| {
        let text = prefetch.take_text.call0(&JsValue::NULL).ok()?;
        let text = text.dyn_into::<js_sys::Promise>().ok()?;
        Some((prefetch.response.unchecked_into::<js_sys::Promise>(), text))
    });
    let (request, text_read) = match under_way {
        Some((response, text)) => (response, Some(text)),
        None => (web_sys::window().ok_or("no window")?.fetch_with_str(url), None),
    };
    let response = wasm_bindgen_futures::JsFuture::from(request)
        .await
        .map_err(|_| "the request failed (offline, blocked, or not allowed by CORS)".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "unexpected fetch result".to_owned())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = match text_read {
        Some(promise) => promise,
        None => response.text().map_err(|_| "the response has no text".to_owned())?,
    };
    let text = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .map_err(|_| "the response could not be read".to_owned())?;
    text.as_string().ok_or_else(|| "the response is not text".to_owned())
}
