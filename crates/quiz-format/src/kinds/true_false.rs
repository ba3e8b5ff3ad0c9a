//! `true_false`: decide whether a statement is true.

use super::Kind;
use crate::format::{Field, FieldType as T};
use crate::hash::Fnv64;
use crate::check::{Checker, Fields};
use crate::json::Object;

/// Decide whether the prompt's statement is true.
#[derive(Clone, Debug, PartialEq)]
pub struct TrueFalse {
    pub answer: bool,
}

fields! {
    FIELDS, DOCS = [
        ("answer", T::Bool, true, "Whether the statement is true."),
    ]
}

impl Kind for TrueFalse {
    const DOC: &'static str = "Decide whether a statement is true.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        Some(TrueFalse {
            answer: checker.bool(fields, "answer")?,
        })
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        object.bool("answer", self.answer)
    }

    fn hash(&self, hash: &mut Fnv64) {
        hash.field(if self.answer { "true" } else { "false" });
    }
}
