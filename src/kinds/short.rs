//! `short`: a text field.

use quiz_format::Short;
use quiz_session::progress::Response;
use quiz_session::session::{Action, Answer};
use yew::prelude::*;

use crate::kinds::ItemProps;

pub(super) fn inputs(props: &ItemProps, prompt_id: &str) -> Html {
    typed_answer(props, prompt_id, "text", None)
}

/// The answer field of a typed answer (`short`, `numeric`): `mode` is its
/// `inputmode`, `unit` what stands beside it.
pub(super) fn typed_answer(props: &ItemProps, prompt_id: &str, mode: &'static str, unit: Option<&str>) -> Html {
    let t = props.texts;
    let value = if let Some(Response::Text(s)) = &props.view.draft {
        s.clone()
    } else {
        String::new()
    };
    let on_action = props.on_action.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on_action.emit(Action::Answer(Answer::Type(input.value())));
    });
    let input_id = format!("{}-short", props.uid);
    html! {
        <div class="short">
            <label for={input_id.clone()}>{ t.type_answer() }</label>
            <span class="with-unit">
                <input id={input_id} type="text" inputmode={mode} autocomplete="off" spellcheck="false" {value}
                    readonly={props.view.checked} {oninput} aria-describedby={prompt_id.to_owned()} />
                if let Some(unit) = unit {
                    <span class="unit">{ unit.to_owned() }</span>
                }
            </span>
        </div>
    }
}

/// A wrong answer's solution lists the accepted answers.
pub(super) fn solution_note(props: &ItemProps, kind: &Short) -> Html {
    html! { <p class="accepted">{ props.texts.accepted_answers() }{ ": " }{ kind.accept.join(" · ") }</p> }
}
