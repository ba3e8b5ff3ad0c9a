//! `exercise`: a practice task, checked by the learner.

use super::Kind;
use crate::format::{Field, FieldType as T};
use crate::hash::Fnv64;
use crate::check::{describe, Checker, Fields};
use crate::json::Object;

/// The parts of a practice exercise. All text is Markdown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Exercise {
    pub scenario: Vec<String>,
    pub think_about: Vec<String>,
    pub challenges: Vec<String>,
    pub review: Option<String>,
    pub tip: Option<String>,
    /// At least 1.
    pub minutes: Option<u32>,
    pub skills: Vec<String>,
}

fields! {
    FIELDS, DOCS = [
        ("scenario", T::MarkdownList, false, "A real-life scenario: its lead-in and steps."),
        ("think_about", T::MarkdownList, false, "Questions to think about."),
        ("challenges", T::MarkdownList, false, "Extensions to try (\"Challenge yourself\")."),
        ("review", T::Markdown, false, "What to review if the exercise is too hard."),
        ("tip", T::Markdown, false, "A tip."),
        ("minutes", T::Minutes, false, "Time estimate in minutes."),
        ("skills", T::TextList, false, "Skills the exercise tests."),
    ]
}

impl Kind for Exercise {
    const DOC: &'static str = "A practice task, checked by the learner.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;
    const SELF_GRADED: bool = true;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        let minutes = minutes(checker, fields);
        Some(Exercise {
            scenario: checker.text_list(fields, "scenario").unwrap_or_default(),
            think_about: checker.text_list(fields, "think_about").unwrap_or_default(),
            challenges: checker.text_list(fields, "challenges").unwrap_or_default(),
            review: checker.text(fields, "review"),
            tip: checker.text(fields, "tip"),
            minutes,
            skills: checker.text_list(fields, "skills").unwrap_or_default(),
        })
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        let object = object
            .list("scenario", &self.scenario)
            .list("think_about", &self.think_about)
            .list("challenges", &self.challenges)
            .maybe("review", self.review.as_ref())
            .maybe("tip", self.tip.as_ref());
        match self.minutes {
            Some(m) => object.number("minutes", m),
            None => object,
        }
        .list("skills", &self.skills)
    }

    /// An exercise is self-checked against nothing, so no edit of it
    /// invalidates the learner's notes.
    fn hash(&self, _: &mut Fnv64) {}
}

fn minutes<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<u32> {
    let (node, path, spec) = checker.get(fields, "minutes")?;
    match checker.whole_number(node, &path, describe(spec))? {
        0 => {
            checker.error(&path, node.span, || "`minutes` must be at least 1".into());
            None
        }
        m => u32::try_from(m).ok().or_else(|| {
            checker.error(&path, node.span, || format!("{m} minutes is far too long for `minutes`"));
            None
        }),
    }
}
