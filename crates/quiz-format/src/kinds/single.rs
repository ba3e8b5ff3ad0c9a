//! `single`: pick one choice.

use super::{choice, Kind};
use crate::format::{Field, FieldType as T};
use crate::hash::Fnv64;
use crate::check::{Checker, Fields};
use crate::json::Object;

/// Pick one choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Single {
    /// Markdown, two to 26.
    pub choices: Vec<String>,
    /// Markdown shown when the choice at the same index is picked; empty, or
    /// one per choice (`""` for none).
    pub feedback: Vec<String>,
    /// A 0-based index into `choices`.
    pub answer: usize,
}

fields! {
    FIELDS, DOCS = [
        ("choices", T::MarkdownList, true, choice::CHOICES_DOC),
        ("feedback", T::MarkdownList, false, choice::FEEDBACK_DOC),
        ("answer", T::Index, true, "0-based index of the correct choice."),
    ]
}

impl Kind for Single {
    const DOC: &'static str = "Pick one choice.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        let choices = choice::choices(checker, fields);
        let (node, path, _) = checker.get(fields, "answer")?;
        let answer = choice::index(checker, node, &path, choices.as_deref())?;
        let feedback = choice::feedback(checker, fields, choices.as_deref());
        Some(Single {
            feedback,
            choices: choices?,
            answer,
        })
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        object.list("choices", &self.choices).list("feedback", &self.feedback).number("answer", self.answer)
    }

    fn hash(&self, hash: &mut Fnv64) {
        self.choices.iter().for_each(|c| hash.field(c));
        hash.field(&self.answer.to_string());
    }
}
