//! `short`: type a short answer.

use super::Kind;
use crate::format::{Field, FieldType as T};
use crate::model::Fnv64;
use crate::validate::{Checker, Fields};
use crate::json::Object;

/// Type an answer; it is compared with each accepted string.
#[derive(Clone, Debug, PartialEq)]
pub struct Short {
    /// At least one is not blank.
    pub accept: Vec<String>,
    pub case_sensitive: bool,
}

fields! {
    FIELDS, DOCS = [
        ("accept", T::TextList, true, "Accepted answers; the learner's answer is trimmed before comparing."),
        ("case_sensitive", T::Bool, false, "Compare case-sensitively (default false)."),
    ]
}

impl Kind for Short {
    const DOC: &'static str = "Type a short answer.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;

    fn read(checker: &mut Checker, fields: &Fields) -> Option<Self> {
        let accept = checker.text_list(fields, "accept");
        let case_sensitive = checker.bool(fields, "case_sensitive").unwrap_or(false);
        let accept = accept?;
        let node = &fields.member("accept")?.value;
        if accept.iter().all(|a| a.trim().is_empty()) {
            let message = "`accept` has no answers: list at least one accepted answer";
            checker.error(&fields.path.key("accept"), node.span, message.to_owned());
            return None;
        }
        Some(Short { accept, case_sensitive })
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        let object = object.list("accept", &self.accept);
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
