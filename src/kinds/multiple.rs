//! `multiple`: check boxes, one per choice, in the shown order.

use quiz_format::Multiple;
use quiz_session::progress::Response;
use quiz_session::session::{Action, Answer};
use yew::prelude::*;

use super::choice::{choice_list, Marks};
use crate::kinds::ItemProps;

pub(super) fn inputs(props: &ItemProps, kind: &Multiple, solved: bool) -> Html {
    let picked = if let Some(Response::Choices(list)) = &props.view.draft {
        list.clone()
    } else {
        Vec::new()
    };
    let marks = Marks { solved, multiple: true };
    choice_list(props, &kind.choices, &picked, &kind.answers, marks)
}

pub(super) fn instruction(props: &ItemProps) -> Html {
    html! { props.texts.pick_all() }
}

/// The key of the n-th shown choice toggles it.
pub(super) fn pick(original: Option<&usize>) -> Option<Action> {
    original.map(|&i| Action::Answer(Answer::Toggle(i)))
}
