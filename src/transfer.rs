//! The study face's transfer tools: progress exported as a JSON file, an
//! export imported again, results as CSV.
//!
//! Course pages seldom use them, so the learner's module does not carry
//! their code: on course pages it comes from `quiz-transfer.js`, a small wasm
//! module without yew that the loader fetches the first time a tool is used
//! (`crates/quiz-import-web/src/bin/transfer.rs`); the study page links it
//! in (`mount_all` installs it). Either way the functions are
//! `quiz_session::transfer`'s. What stays here is the handover: the records
//! and questions as JSON to the module (the loader saves the files it
//! makes), and an import's records to the session, which merges them.

use std::cell::RefCell;

use quiz_format::model::Quiz;
use quiz_session::progress::Records;
use quiz_session::session::{Action, Transfer};
use quiz_session::transfer;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::state::{now, Msg, Notice, QuizRef, State};

/// Where the tools come from.
#[derive(Clone)]
pub enum Tools {
    /// Linked in (the study page's binary): [`linked`].
    Linked(fn(&Quiz, &Records, &Job) -> Made),
    /// The loader's `(name, ...args) => Promise`, which calls the tools
    /// module's function of that name and saves the file it makes (as
    /// `[name, type, text]`), or answers what it returns.
    Module(js_sys::Function),
}

/// What a tool made: `Ok(None)` once its file is saved, an import's records
/// as `Ok(Some(text))`, or why it could not.
pub type Made = Result<Option<String>, String>;

/// A tool's run.
pub enum Job {
    Export,
    Csv,
    /// The chosen file's text.
    Import(String),
}

const TOOLS_MISSING: &str = "the transfer tools could not be loaded";

thread_local! {
    static TOOLS: RefCell<Option<Tools>> = const { RefCell::new(None) };
}

/// Sets where the tools come from, for every widget of the page.
pub fn install(tools: Tools) {
    TOOLS.with(|t| *t.borrow_mut() = Some(tools));
}

/// The tools' callbacks for the study face.
pub struct Callbacks {
    pub export: Callback<()>,
    pub csv: Callback<()>,
    /// Given the chosen file's text.
    pub import: Callback<String>,
}

/// The three tools; one that fails says why in a notice.
pub fn callbacks(state: &UseReducerHandle<State>, quiz: &QuizRef) -> Callbacks {
    let start = {
        let (state, quiz) = (state.clone(), quiz.clone());
        Callback::from(move |job: Job| wasm_bindgen_futures::spawn_local(run(state.clone(), quiz.clone(), job)))
    };
    Callbacks {
        export: start.reform(|()| Job::Export),
        csv: start.reform(|()| Job::Csv),
        import: start.reform(Job::Import),
    }
}

/// Runs a tool and hands an import's records to the session, or says why a
/// tool failed.
async fn run(state: UseReducerHandle<State>, quiz: QuizRef, job: Job) {
    let (quiz, records) = (&quiz.0, state.session.records());
    let made = match TOOLS.with(|t| t.borrow().clone()) {
        Some(Tools::Linked(linked)) => linked(quiz, records, &job),
        Some(Tools::Module(function)) => in_module(&function, quiz, records, &job).await,
        None => Err(TOOLS_MISSING.to_owned()),
    };
    state.dispatch(match (job, made) {
        (Job::Import(_), Ok(Some(records))) => Msg::Session(Action::Transfer(Transfer::ImportRecords(records))),
        (Job::Import(_), Err(message)) => Msg::Notice(Some(Notice::ImportFailed(message))),
        (_, Err(reason)) => Msg::Notice(Some(Notice::ExportFailed(reason))),
        (_, Ok(_)) => return,
    });
}

/// A tool run with `quiz_session::transfer` linked in (the study page).
pub fn linked(quiz: &Quiz, records: &Records, job: &Job) -> Made {
    let [progress, results] = transfer::file_names(&quiz.id);
    let (name, mime, file) = match job {
        Job::Export => (
            progress,
            "application/json",
            transfer::export_progress(&quiz.id, records, now()),
        ),
        Job::Csv => (results, "text/csv", transfer::quiz_results_csv(quiz, records)),
        Job::Import(text) => return transfer::read_export(text, &quiz.id).map(|r| Some(r.to_owned())),
    };
    crate::dom::download(&name, mime, &file);
    Ok(None)
}

/// A tool run in the tools module (`crates/quiz-import-web/src/bin/transfer.rs`),
/// handed the records and questions as JSON; the loader saves the files it
/// makes.
async fn in_module(function: &js_sys::Function, quiz: &Quiz, records: &Records, job: &Job) -> Made {
    let id = JsValue::from_str(&quiz.id);
    // A time in ms is exact in a JS number.
    #[allow(clippy::cast_precision_loss)]
    let now = JsValue::from_f64(now() as f64);
    let (name, a, b, c): (&str, JsValue, JsValue, JsValue) = match job {
        Job::Export => ("export_progress", id, transfer::write_records(records).into(), now),
        Job::Csv => (
            "results_csv",
            id,
            transfer::write_questions(quiz).into(),
            transfer::write_records(records).into(),
        ),
        Job::Import(text) => ("read_export", text.into(), id, JsValue::UNDEFINED),
    };
    // The module's refusal is a string it throws; a failed fetch an Error.
    let missing = |e: JsValue| {
        e.as_string()
            .unwrap_or_else(|| crate::report::reason(&e, TOOLS_MISSING))
    };
    let promise = function
        .call4(&JsValue::NULL, &name.into(), &a, &b, &c)
        .map_err(missing)?;
    let answer = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(missing)?;
    Ok(answer.as_string())
}
