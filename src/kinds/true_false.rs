//! `true_false`: two radio buttons, True then False.

use quiz_format::TrueFalse;
use quiz_session::progress::Response;
use quiz_session::session::{Action, Answer};
use yew::prelude::*;

use super::choice::{truth_list, Marks};
use crate::kinds::ItemProps;

pub(super) fn inputs(props: &ItemProps, kind: &TrueFalse, solved: bool) -> Html {
    let t = props.texts;
    let picked: Vec<usize> = if let Some(Response::Bool(b)) = props.view.draft {
        vec![usize::from(!b)]
    } else {
        Vec::new()
    };
    let labels = [t.true_().to_owned(), t.false_().to_owned()];
    let marks = Marks {
        solved,
        multiple: false,
    };
    truth_list(props, &labels, &picked, usize::from(!kind.answer), marks, &|b| {
        Action::Answer(Answer::ChooseTruth(b))
    })
}

/// `1` or `a` says true, `2` or `b` false.
pub(super) fn pick(n: usize) -> Option<Action> {
    (n < 2).then_some(Action::Answer(Answer::ChooseTruth(n == 0)))
}
