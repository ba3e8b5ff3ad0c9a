//! The Markdown importer for the browser: `<quiz-widget src="quiz.md">` and
//! an inline `<script type="text/markdown">`. A module of its own, without
//! yew, that js/quiz-widget.js fetches only when a page has a Markdown
//! source: a page with JSON questions never downloads it. It turns the
//! Markdown into the question file the widget reads, with `quiz import`'s
//! reading of it (the same function), or into the list of its problems.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use quiz_format::json::Writer;
use wasm_bindgen::prelude::*;

/// The bank `text` as a quiz named `id`: `{"quiz": "…question file…"}`, or
/// `{"problems": ["line 3: …", …]}`.
#[wasm_bindgen]
pub fn import_markdown(text: &str, id: &str) -> String {
    let imported = quiz_author::import::import_markdown(text, id);
    let mut out = Writer::compact();
    out.open('{');
    match quiz_author::import::into_quiz(imported, id) {
        Ok(quiz) => {
            out.key("quiz").string(&quiz_format::write::quiz_to_json(&quiz, None));
        }
        Err(problems) => {
            out.key("problems").open('[');
            for problem in &problems {
                out.string(problem);
            }
            out.close(']');
        }
    }
    out.close('}');
    out.finish()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
