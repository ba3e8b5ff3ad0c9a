//! Hooks and helpers that wire effects at the edge: storage events from other
//! tabs, and events for the host page.

use quiz_stdx::Map;
use std::rc::Rc;

use gloo::events::EventListener;
use quiz_session::progress::Record;
use quiz_session::session::{Action, Transfer};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::dom::STORED_EVENT;
use crate::state::{Msg, State};

pub mod session;
use crate::storage::Store;

/// Merges records written by other tabs or widgets of the same quiz. The
/// browser fires `storage` on every other document of the origin; widgets on
/// the same page hear each other through [`STORED_EVENT`].
#[hook]
pub fn use_storage_sync(store: Rc<Store>, dispatch: UseReducerDispatcher<State>) {
    use_effect_with(store, move |store| {
        let merge = {
            let (store, dispatch) = (Rc::clone(store), dispatch.clone());
            Rc::new(move |key: Option<String>, value: Option<String>| {
                let Some(key) = key else { return };
                let Some(id) = store.question_of_key(&key) else { return };
                let Some(record) = value.as_deref().and_then(Record::from_json) else {
                    return;
                };
                let incoming = Map::from_iter([(id.to_owned(), record)]);
                dispatch.dispatch(Msg::Session(Action::Transfer(Transfer::MergeRecords(incoming))));
            })
        };
        let listeners = web_sys::window().map(|window| {
            let from_tabs = {
                let merge = Rc::clone(&merge);
                EventListener::new(&window, "storage", move |event| {
                    if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
                        merge(event.key(), event.new_value());
                    }
                })
            };
            let origin = store.origin;
            let from_page = EventListener::new(&window, STORED_EVENT, move |event| {
                let Some(event) = event.dyn_ref::<web_sys::CustomEvent>() else {
                    return;
                };
                let detail = event.detail();
                let field = |name: &str| js_sys::Reflect::get(&detail, &JsValue::from_str(name)).ok();
                // A widget hears its own announcement too; it already has that record.
                if field("origin").and_then(|v| v.as_f64()) == Some(f64::from(origin)) {
                    return;
                }
                merge(
                    field("key").and_then(|v| v.as_string()),
                    field("value").and_then(|v| v.as_string()),
                );
            });
            (from_tabs, from_page)
        });
        move || drop(listeners)
    });
}
