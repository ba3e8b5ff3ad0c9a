//! The study face's transfer tools, for the course pages' widget: progress
//! exported as a JSON file, an export read back, results as CSV. Learners on
//! a course page seldom use them, so js/quiz-widget.js fetches this module,
//! without yew, only when one is used (src/transfer.rs hands it the records
//! and questions as JSON, in the forms `quiz_session::transfer` writes).
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use quiz_session::progress::Records;
use quiz_session::transfer;
use wasm_bindgen::prelude::*;

/// Records from `transfer::write_records`; those that do not read are left out.
fn records(text: &str) -> Records {
    let read = transfer::read_records(text).unwrap_or_default();
    read.into_iter().filter_map(|(id, r)| Some((id, r?))).collect()
}

/// The progress file of the quiz `quiz_id`, `[name, type, text]`: `records` as
/// `transfer::write_records` wrote them, exported at `now_ms`.
#[wasm_bindgen]
pub fn export_progress(quiz_id: &str, records_json: &str, now_ms: f64) -> Vec<String> {
    // A time in ms is exact in a JS number (53 bits) and in an i64.
    #[allow(clippy::cast_possible_truncation)]
    let now = now_ms as i64;
    let [name, _] = transfer::file_names(quiz_id);
    vec![
        name,
        "application/json".to_owned(),
        transfer::export_progress(quiz_id, &records(records_json), now),
    ]
}

/// The results as CSV, `[name, type, text]`: `questions` as
/// `transfer::write_questions` wrote them.
#[wasm_bindgen]
pub fn results_csv(quiz_id: &str, questions_json: &str, records_json: &str) -> Vec<String> {
    let questions = transfer::read_questions(questions_json).unwrap_or_default();
    let rows = questions.iter().map(|(id, topic)| (id.as_str(), Some(topic.as_str())));
    let [_, name] = transfer::file_names(quiz_id);
    vec![
        name,
        "text/csv".to_owned(),
        transfer::results_csv(rows, &records(records_json)),
    ]
}

/// The `records` object of a progress export of the quiz `quiz_id`, or why
/// the file is refused (thrown, as a string).
#[wasm_bindgen]
pub fn read_export(text: &str, quiz_id: &str) -> Result<String, String> {
    transfer::read_export(text, quiz_id).map(str::to_owned)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
