//! Grading `multiple`: the picked choices are exactly the answers.

use quiz_format::model::Multiple;

use crate::progress::Response;

pub(super) fn is_answerable(kind: &Multiple, response: &Response) -> bool {
    matches!(response, Response::Choices(list) if !list.is_empty() && list.iter().all(|i| *i < kind.choices.len()))
}

/// The same set: the list may come from storage in any order, with repeats.
pub(super) fn is_right(kind: &Multiple, response: &Response) -> bool {
    let Response::Choices(list) = response else {
        return false;
    };
    list.iter().all(|p| kind.answers.contains(p)) && kind.answers.iter().all(|a| list.contains(a))
}
