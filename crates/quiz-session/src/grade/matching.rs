//! Grading `matching`: every left item matched with its own right item.

use quiz_format::model::Matching;

use crate::progress::Response;

/// A match for every left item, each an index into the right items.
pub(super) fn is_answerable(kind: &Matching, response: &Response) -> bool {
    let rights = kind.pairs.len() + kind.distractors.len();
    matches!(response, Response::Matches(picks)
        if picks.len() == kind.pairs.len() && picks.iter().all(|p| p.is_some_and(|r| r < rights)))
}

/// Left item `i` matched with right item `i` (the pair's own), for every `i`.
pub(super) fn is_right(_kind: &Matching, response: &Response) -> bool {
    matches!(response, Response::Matches(picks) if picks.iter().enumerate().all(|(i, p)| *p == Some(i)))
}
