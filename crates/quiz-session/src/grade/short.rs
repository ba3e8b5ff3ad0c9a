//! Grading `short`: the typed text, normalized, equals an accepted answer.

use quiz_format::model::Short;

use super::normalize;
use crate::progress::Response;

pub(super) fn is_answerable(_: &Short, response: &Response) -> bool {
    matches!(response, Response::Text(t) if !t.trim().is_empty())
}

/// The author's feedback for the typed answer, if they wrote one for it.
pub(super) fn feedback<'k>(kind: &'k Short, text: &str) -> Option<&'k str> {
    let given = normalize(text, kind.case_sensitive);
    let found = kind
        .feedback
        .iter()
        .find(|(answer, _)| normalize(answer, kind.case_sensitive) == given);
    found.map(|(_, feedback)| feedback.as_str())
}

pub(super) fn is_right(kind: &Short, response: &Response) -> bool {
    let Response::Text(text) = response else { return false };
    let given = normalize(text, kind.case_sensitive);
    kind.accept.iter().any(|a| normalize(a, kind.case_sensitive) == given)
}
