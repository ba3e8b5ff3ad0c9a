//! The full report of a question file, for the course pages' widget: its
//! module accepts or rejects a file without a word of the validator's
//! messages (`quiz_format::accept`), and js/quiz-widget.js fetches this one,
//! without yew, only when it rejects one.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use quiz_format::json::Writer;
use quiz_format::Severity;
use wasm_bindgen::prelude::*;

/// Every problem of the question file `text`, as `quiz validate` finds
/// them: `[{"severity", "path", "line", "column", "start", "end", "message"}, …]`,
/// errors first, in source order (what src/report.rs reads).
#[wasm_bindgen]
pub fn report(text: &str) -> String {
    let report = quiz_format::load(text);
    let mut out = Writer::compact();
    out.open('[');
    for d in &report.diagnostics {
        out.open('{');
        let severity = if d.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        out.key("severity").string(severity);
        out.key("path").string(&d.path);
        for (name, n) in [
            ("line", d.line),
            ("column", d.column),
            ("start", d.span.start),
            ("end", d.span.end),
        ] {
            out.key(name).number(i64::try_from(n).unwrap_or(i64::MAX));
        }
        out.key("message").string(&d.message);
        out.close('}');
    }
    out.close(']');
    out.finish()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
