//! `short`: type a short answer.

use super::Kind;
use crate::format::{Field, FieldType as T};
use crate::hash::Fnv64;
use crate::check::{Checker, Fields};
use crate::json::{Object, Value};

/// Type an answer; it is compared with each accepted string.
#[derive(Clone, Debug, PartialEq)]
pub struct Short {
    /// At least one is not blank.
    pub accept: Vec<String>,
    pub case_sensitive: bool,
    /// `(answer, feedback)`: shown when the learner's answer, compared as
    /// the accepted ones are, is this one (a common wrong answer, say).
    pub feedback: Vec<(String, String)>,
}

fields! {
    FIELDS, DOCS = [
        ("accept", T::TextList, true, "Accepted answers; the learner's answer is trimmed before comparing."),
        ("case_sensitive", T::Bool, false, "Compare case-sensitively (default false)."),
        (
            "feedback",
            T::Pairs,
            false,
            "Feedback for particular answers, `[answer, text]`: the Markdown text shows with the verdict when the learner's answer is that one (compared as accepted answers are), such as a common wrong answer.",
        ),
    ]
}

impl Kind for Short {
    const DOC: &'static str = "Type a short answer.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        let accept = checker.text_list(fields, "accept");
        let case_sensitive = checker.bool(fields, "case_sensitive").unwrap_or(false);
        let accept = accept?;
        let node = &fields.member("accept")?.value;
        if accept.iter().all(|a| a.trim().is_empty()) {
            let message = "`accept` has no answers: list at least one accepted answer";
            checker.error(&fields.path.key("accept"), node.span, || message.to_owned());
            return None;
        }
        let feedback = feedback(checker, fields)?;
        Some(Short {
            accept,
            case_sensitive,
            feedback,
        })
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        let object = object.list("accept", &self.accept);
        let object = match self.feedback.is_empty() {
            true => object,
            false => object.array("feedback", self.feedback.iter().map(|(a, t)| super::matching::pair_value(a, t))),
        };
        match self.case_sensitive {
            true => object.bool("case_sensitive", true),
            false => object,
        }
    }

    fn hash(&self, hash: &mut Fnv64) {
        self.accept.iter().for_each(|a| hash.field(a));
        hash.field(if self.case_sensitive { "cs" } else { "ci" });
    }
}

/// The optional `feedback` pairs; `None` (reported) when one is not a pair.
/// (`numeric` reads its own the same way.)
pub(super) fn feedback<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Vec<(String, String)>> {
    let Some((node, path, _)) = checker.get(fields, "feedback") else {
        return Some(Vec::new());
    };
    let Value::Array(items) = &node.value else {
        checker.wrong_type(&path, node, "a list of pairs, `[answer, text]`");
        return None;
    };
    let pairs: Vec<Option<(String, String)>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| super::matching::pair(checker, item, &path.index(i)))
        .collect();
    pairs.into_iter().collect()
}
