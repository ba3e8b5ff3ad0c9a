//! Grading `true_false`.

use quiz_format::model::TrueFalse;

use crate::progress::Response;

pub(super) fn is_answerable(_: &TrueFalse, response: &Response) -> bool {
    matches!(response, Response::Bool(_))
}

pub(super) fn is_right(kind: &TrueFalse, response: &Response) -> bool {
    *response == Response::Bool(kind.answer)
}
