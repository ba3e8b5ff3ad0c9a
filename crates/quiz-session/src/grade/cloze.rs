//! Grading `cloze`: each typed blank like a `short` answer, each picked
//! blank by its option; right when every blank is.

use quiz_format::model::{Blank, Cloze};

use super::normalize;
use crate::progress::Response;

/// A text for every blank.
pub(super) fn is_answerable(kind: &Cloze, response: &Response) -> bool {
    matches!(response, Response::Blanks(texts)
        if texts.len() == kind.blanks.len() && texts.iter().all(|t| !t.trim().is_empty()))
}

pub(super) fn is_right(kind: &Cloze, response: &Response) -> bool {
    right_blanks(kind, response) == kind.blanks.len()
}

/// How many blanks are filled in right.
pub(crate) fn right_blanks(kind: &Cloze, response: &Response) -> usize {
    let Response::Blanks(texts) = response else { return 0 };
    kind.blanks
        .iter()
        .zip(texts)
        .filter(|(blank, text)| is_right_blank(kind, blank, text))
        .count()
}

/// Whether `text` is right for `blank`.
pub fn is_right_blank(kind: &Cloze, blank: &Blank, text: &str) -> bool {
    match blank {
        Blank::Typed(accept) => {
            let given = normalize(text, kind.case_sensitive);
            accept.iter().any(|a| normalize(a, kind.case_sensitive) == given)
        }
        Blank::Pick { options, right } => options.get(*right).is_some_and(|o| o == text),
    }
}
