//! The widget's components, one file each under `components/`, and the two
//! shapes every button's click handler takes.

use quiz_session::session::Action;
use yew::{Callback, MouseEvent};

pub mod diagnostics;
pub mod header;
pub mod item;
pub mod markdown;
pub mod nav;
pub mod summary;
pub mod teacher;
pub mod tools;

// Every button's click handler is one of these two closures: each closure
// written at a button would be a type of its own, with its own code in the
// download.

/// A click handler that sends `action`.
pub(crate) fn send(on_action: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    Callback::from(move |_| on_action.emit(action.clone()))
}

/// A click handler that runs `callback`.
pub(crate) fn click(callback: &Callback<()>) -> Callback<MouseEvent> {
    callback.reform(|_| ())
}
