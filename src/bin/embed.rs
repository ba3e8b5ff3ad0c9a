//! The course pages' module, loaded by `js/quiz-widget.js`.
//!
//! It has nothing to start: the element calls the exported
//! `element::mount_widget` for each `<quiz-widget>`. Being a binary of its own
//! means the study page's teacher panel, reachable only from
//! `quiz_widget::mount_all`, is not linked in, so course pages do not
//! download it.

// Links the library, whose `#[wasm_bindgen]` exports are the element's API.
use quiz_widget as _;

fn main() {}
