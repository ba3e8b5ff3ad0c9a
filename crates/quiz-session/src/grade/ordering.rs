//! Grading `ordering`: every item in its place.

use quiz_format::model::Ordering;

use crate::progress::Response;

/// An arrangement of every item once (a permutation of the item indices).
pub(super) fn is_answerable(kind: &Ordering, response: &Response) -> bool {
    let Response::Order(order) = response else {
        return false;
    };
    let mut seen = vec![false; kind.items.len()];
    order.len() == kind.items.len()
        && order
            .iter()
            .all(|&i| seen.get_mut(i).is_some_and(|s| !std::mem::replace(s, true)))
}

/// The items stand in the author's order.
pub(super) fn is_right(_kind: &Ordering, response: &Response) -> bool {
    matches!(response, Response::Order(order) if order.iter().enumerate().all(|(at, &i)| at == i))
}
