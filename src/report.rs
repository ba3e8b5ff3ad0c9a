//! The full report of a question file the widget rejects.
//!
//! The learner's module reads files with `quiz_format::accept`, which says
//! only whether a file is valid and carries none of the validator's
//! messages. When it says no, the problems come from here: on the study
//! page from the full validator linked in (`mount_all` installs it), on
//! course pages from `quiz-report.js`, a small wasm module without yew that
//! the loader fetches only then.

use std::cell::RefCell;

use quiz_format::json::{self, Node, Span};
use quiz_format::{Diagnostic, Severity};
use wasm_bindgen::JsValue;

/// Where the full report comes from.
#[derive(Clone)]
pub enum Reporter {
    /// The validator in this module (the study page's binary).
    Linked(fn(&str) -> Vec<Diagnostic>),
    /// The loader's `(text) => Promise<string>`, answering with the report as
    /// JSON (`crates/quiz-import-web/src/bin/report.rs`).
    Module(js_sys::Function),
}

const NOT_LOADED: &str = "the validator could not be loaded";

thread_local! {
    static REPORTER: RefCell<Option<Reporter>> = const { RefCell::new(None) };
}

/// Sets where reports come from, for every widget of the page.
pub fn install(reporter: Reporter) {
    REPORTER.with(|r| *r.borrow_mut() = Some(reporter));
}

/// Every problem of `text`, a file `accept` rejected; `Err` says why they
/// could not be listed.
pub async fn problems(text: &str) -> Result<Vec<Diagnostic>, String> {
    let reporter = REPORTER.with(|r| r.borrow().clone());
    let function = match reporter {
        Some(Reporter::Linked(report)) => return Ok(report(text)),
        Some(Reporter::Module(function)) => function,
        None => return Err("no validator is loaded".to_owned()),
    };
    let promise = function
        .call1(&JsValue::NULL, &JsValue::from_str(text))
        .map_err(|e| reason(&e, NOT_LOADED))?;
    let answer = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(|e| reason(&e, NOT_LOADED))?;
    let answer = answer.as_string().ok_or("the validator gave no report")?;
    read(&answer).ok_or_else(|| "the validator's report could not be read".to_owned())
}

/// A JS error's message (a failed fetch's, say), else `fallback`.
pub(crate) fn reason(error: &JsValue, fallback: &str) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| fallback.to_owned())
}

/// The report's JSON: `[{"severity", "path", "line", "column", "start", "end", "message"}, …]`.
fn read(report: &str) -> Option<Vec<Diagnostic>> {
    let root = json::parse(report).ok()?;
    let json::Value::Array(items) = &root.value else {
        return None;
    };
    items.iter().map(diagnostic).collect()
}

fn diagnostic(node: &Node) -> Option<Diagnostic> {
    let text = |name: &str| node.get(name).and_then(Node::as_str).map(str::to_owned);
    let number = |name: &str| {
        if let Some(json::Value::Number(raw)) = node.get(name).map(|n| &n.value) {
            raw.parse::<usize>().ok()
        } else {
            None
        }
    };
    Some(Diagnostic {
        severity: match text("severity")?.as_str() {
            "error" => Severity::Error,
            _ => Severity::Warning,
        },
        path: text("path")?,
        line: number("line")?,
        column: number("column")?,
        span: Span {
            start: number("start")?,
            end: number("end")?,
        },
        message: text("message")?,
    })
}
