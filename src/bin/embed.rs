//! The course pages' module, loaded by `js/quiz-widget.js`.
//!
//! It has nothing to start: the element calls the exported
//! `element::mount_widget` for each `<quiz-widget>`. Being a binary of its own
//! means the study page's teacher panel, reachable only from
//! `quiz_widget::mount_all`, is not linked in, so course pages do not
//! download it. Without a `main` (`no_main`), no start function and its
//! runtime set-up are linked either; a native build (the host tests build
//! every target) keeps an empty one.
#![cfg_attr(target_arch = "wasm32", no_main)]

// Links the library, whose `#[wasm_bindgen]` exports are the element's API.
use quiz_widget as _;

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
