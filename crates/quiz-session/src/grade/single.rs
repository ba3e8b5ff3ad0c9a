//! Grading `single`: the one picked choice is the answer.

use quiz_format::model::Single;

use crate::progress::Response;

pub(super) fn is_answerable(kind: &Single, response: &Response) -> bool {
    matches!(response, Response::Choice(i) if *i < kind.choices.len())
}

pub(super) fn is_right(kind: &Single, response: &Response) -> bool {
    *response == Response::Choice(kind.answer)
}
