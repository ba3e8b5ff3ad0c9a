//! What components and kinds alike are made of: Markdown as yew nodes, and
//! the two shapes every button's click handler takes.

use quiz_session::session::Action;
use yew::{Callback, MouseEvent};

pub mod markdown;

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

/// `h1` to `h6`.
pub fn heading(level: u8) -> String {
    format!("h{}", level.clamp(1, 6))
}
