//! Grading `short`: the typed text, normalized, equals an accepted answer.

use quiz_format::model::Short;

use super::normalize;
use crate::progress::Response;

pub(super) fn is_answerable(_: &Short, response: &Response) -> bool {
    matches!(response, Response::Text(t) if !t.trim().is_empty())
}

pub(super) fn is_right(kind: &Short, response: &Response) -> bool {
    let Response::Text(text) = response else { return false };
    let given = normalize(text, kind.case_sensitive);
    kind.accept.iter().any(|a| normalize(a, kind.case_sensitive) == given)
}
