//! `numeric`: a text field for a number, with its unit beside it.

use quiz_format::Numeric;
use yew::prelude::*;

use crate::kinds::ItemProps;

/// A text field, not `type="number"`: that one refuses "9,81" in some
/// browsers and changes the value on a scroll over it.
pub(super) fn inputs(props: &ItemProps, kind: &Numeric, prompt_id: &str) -> Html {
    super::short::typed_answer(props, prompt_id, "decimal", kind.unit.as_deref())
}

/// A wrong answer's solution gives the right number, with its unit.
pub(super) fn solution_note(props: &ItemProps, kind: &Numeric) -> Html {
    html! {
        <p class="accepted">
            { props.texts.correct_answer() }{ ": " }{ kind.shown.clone() }
            if let Some(unit) = &kind.unit { { " " }{ unit.clone() } }
        </p>
    }
}
