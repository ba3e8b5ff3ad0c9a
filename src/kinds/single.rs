//! `single`: radio buttons, one per choice, in the shown order.

use quiz_format::Single;
use quiz_session::progress::Response;
use quiz_session::session::{Action, Answer};
use yew::prelude::*;

use super::choice::{choice_list, Marks};
use crate::kinds::ItemProps;

pub(super) fn inputs(props: &ItemProps, kind: &Single, solved: bool) -> Html {
    let picked = if let Some(Response::Choice(i)) = props.view.draft {
        vec![i]
    } else {
        Vec::new()
    };
    let marks = Marks {
        solved,
        multiple: false,
    };
    choice_list(props, &kind.choices, &picked, std::slice::from_ref(&kind.answer), marks)
}

/// The key of the n-th shown choice picks it.
pub(super) fn pick(original: Option<&usize>) -> Option<Action> {
    original.map(|&i| Action::Answer(Answer::Choose(i)))
}
