//! `flashcard`: recall the back of a card, then grade yourself.

use super::Kind;
use crate::format::{Field, FieldType as T};
use crate::hash::Fnv64;
use crate::check::{Checker, Fields};
use crate::json::Object;

/// Self-graded: the learner recalls, flips, and grades themselves.
#[derive(Clone, Debug, PartialEq)]
pub struct Flashcard {
    /// Markdown, not blank.
    pub back: String,
}

fields! {
    FIELDS, DOCS = [
        ("back", T::Markdown, true, "The answer side of the card, in Markdown."),
    ]
}

impl Kind for Flashcard {
    const DOC: &'static str = "Recall the back of a card, then grade yourself.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;
    const SELF_GRADED: bool = true;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        Some(Flashcard {
            back: checker.text(fields, "back")?,
        })
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        object.text("back", &self.back)
    }

    fn hash(&self, hash: &mut Fnv64) {
        hash.field(&self.back);
    }
}
