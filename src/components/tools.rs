//! Below the item: the study tools (keyboard help, export, import, CSV) on
//! the study face, a small menu on the check face, and reset with its
//! confirmation on both.

use quiz_session::session::{Action, List};
use yew::prelude::*;

use crate::components::Face;
use crate::i18n::Texts;
use crate::parts::{click, send};

/// What the tools show; a plain function like `nav`, for the same reason.
pub struct ToolsProps {
    pub texts: &'static Texts,
    pub face: Face,
    pub confirming_reset: bool,
    /// What a transfer tool did, or why it failed (a notice).
    pub notice: Option<Html>,
    /// The quiz is an exam: a new attempt starts from its summary, not here.
    pub exam: bool,
    /// The summary shows: it has Start over and Reset progress of its own,
    /// so they are not offered twice (its Reset asks here).
    pub at_summary: bool,
    pub on_action: Callback<Action>,
    /// Asks to reset (`true`) or cancels the question (`false`).
    pub on_confirming: Callback<bool>,
    pub on_export: Callback<()>,
    pub on_export_csv: Callback<()>,
    /// The text of a chosen progress file.
    pub on_import: Callback<String>,
}

pub fn tools(props: &ToolsProps) -> Html {
    let t = props.texts;
    let reset = if props.confirming_reset {
        html! {
            <div class="confirm" role="alertdialog" aria-label={t.reset_progress()}>
                <p>{ t.confirm_reset() }</p>
                <button type="button" class="danger" onclick={send(&props.on_action, Action::List(List::ResetProgress))}>{ t.reset_progress() }</button>
                <button type="button" class="secondary" onclick={props.on_confirming.reform(|_| false)}>{ t.cancel() }</button>
            </div>
        }
    } else if props.at_summary {
        Html::default()
    } else {
        html! { <button type="button" class="link danger-link" onclick={props.on_confirming.reform(|_| true)}>{ t.reset_progress() }</button> }
    };
    if props.face == Face::Check {
        return html! {
            <div class="quiz-footer menu">
                if !props.exam && !props.at_summary {
                    <button type="button" class="link" onclick={send(&props.on_action, Action::List(List::StartOver))}>{ t.start_over() }</button>
                }
                { reset }
            </div>
        };
    }
    let on_file = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            crate::dom::read_chosen_file(&input, on_import.clone());
        })
    };
    html! {
        <div class="quiz-footer">
            <p class="keys">{ t.keyboard_help() }</p>
            <div class="transfer">
                <button type="button" class="link" onclick={click(&props.on_export)}>{ t.export_progress() }</button>
                <label class="link file-button">
                    { t.import_progress() }
                    <input type="file" class="visually-hidden" accept=".json,application/json" onchange={on_file} />
                </label>
                <button type="button" class="link" onclick={click(&props.on_export_csv)}>{ t.export_results() }</button>
            </div>
            { for props.notice.clone() }
            { reset }
        </div>
    }
}
