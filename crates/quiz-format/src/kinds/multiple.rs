//! `multiple`: pick every correct choice.

use super::{choice, Kind};
use crate::format::{Field, FieldType as T};
use crate::json::Value;
use crate::hash::Fnv64;
use crate::check::{Checker, Fields};
use crate::json::Object;

/// Pick every correct choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Multiple {
    /// Markdown, two to 26.
    pub choices: Vec<String>,
    /// Markdown shown when the choice at the same index is picked; empty, or
    /// one per choice (`""` for none).
    pub feedback: Vec<String>,
    /// Sorted, distinct indices into `choices`; at least one.
    pub answers: Vec<usize>,
}

fields! {
    FIELDS, DOCS = [
        ("choices", T::MarkdownList, true, choice::CHOICES_DOC),
        ("feedback", T::MarkdownList, false, choice::FEEDBACK_DOC),
        ("answers", T::IndexList, true, "0-based indices of every correct choice."),
    ]
}

impl Kind for Multiple {
    const DOC: &'static str = "Pick every correct choice.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        let choices = choice::choices(checker, fields);
        let empty = "`answers` is empty: list the index of every correct choice";
        let (_, path, items) = checker.non_empty_array(fields, "answers", empty)?;
        let mut answers = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            let index = choice::index(checker, item, &item_path, choices.as_deref())?;
            match answers.binary_search(&index) {
                Ok(_) => {
                    let message = || format!("answer {index} is listed twice in `answers`");
                    checker.error(&item_path, item.span, message);
                    return None;
                }
                // Kept sorted as they are read.
                Err(at) => answers.insert(at, index),
            }
        }
        let feedback = choice::feedback(checker, fields, choices.as_deref());
        Some(Multiple {
            feedback,
            choices: choices?,
            answers,
        })
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        let answers = self.answers.iter().map(|&a| Value::Number(a.to_string().into()));
        object.list("choices", &self.choices).list("feedback", &self.feedback).array("answers", answers)
    }

    fn hash(&self, hash: &mut Fnv64) {
        self.choices.iter().for_each(|c| hash.field(c));
        self.answers.iter().for_each(|a| hash.field(&a.to_string()));
    }
}
