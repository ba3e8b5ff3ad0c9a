//! The question file format, described once.
//!
//! These tables are the single description of which fields each object has,
//! of what type, and which are required (each question kind's own table is in
//! its module under [`crate::kinds`]). The validator reads them to find
//! unknown and missing fields, and `quiz_author::schema::json_schema` turns
//! them and their documentation into the JSON Schema committed as
//! `questions.schema.json`, so the two cannot disagree.

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// The quiz id: lowercase letters, digits and `-`.
    QuizId,
    /// An identifier: a non-empty string without spaces.
    Id,
    /// Plain text.
    Text,
    /// Markdown text.
    Markdown,
    /// A list of plain strings.
    TextList,
    /// A list of Markdown strings.
    MarkdownList,
    /// A 0-based index into `choices`.
    Index,
    /// A list of 0-based indices into `choices`.
    IndexList,
    Bool,
    Difficulty,
    /// A whole number of minutes.
    Minutes,
    /// A number.
    Number,
    /// A number, 0 or more.
    NonNegativeNumber,
    /// Two numbers, the lower first.
    NumberRange,
    /// A list of `[left, right]` pairs of Markdown strings.
    Pairs,
    /// A whole number of points, 0 to 100.
    Points,
    /// A whole percentage, 1 to 100.
    Percent,
    /// How many questions to draw, at least 1.
    Draw,
    /// A line number of a program, from 1.
    Line,
    /// The question `type` tag.
    Kind,
    /// A list of section objects.
    Sections,
    /// A list of question objects.
    Questions,
    /// The `$schema` reference editors use.
    SchemaRef,
    /// When a wrong answer's solution is shown: `immediately`, `on-request` or `after-N`.
    Solution,
    /// Which items spaced repetition schedules: `all` or `flashcards`.
    Repetition,
    /// The desired retention, a number from 0.7 to 0.99.
    Retention,
}

/// One field of an object in the format. Its documentation is kept apart
/// (see [`fields!`]).
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: FieldType,
    pub required: bool,
}

/// Declares a table of fields and, beside it, the fields' documentation in
/// the same order. The validator reads only the table, so the documentation,
/// which only the JSON Schema needs, stays out of the widget's wasm (0.7 KB
/// gzip); each field is still written once.
macro_rules! fields {
    ($(#[$meta:meta])* $vis:vis $table:ident, $docs:ident = [$(($name:literal, $ty:expr, $required:expr, $doc:expr $(,)?)),* $(,)?]) => {
        $(#[$meta])*
        $vis const $table: &[Field] = &[$(Field { name: $name, ty: $ty, required: $required }),*];
        /// The documentation of each field of the table beside it, in order.
        $vis const $docs: &[&str] = &[$($doc),*];
    };
}

use FieldType as T;

fields! {
    /// Fields of the top-level object.
    pub QUIZ_FIELDS, QUIZ_DOCS = [
        ("$schema", T::SchemaRef, false, "Path or URL of questions.schema.json, for editors."),
        (
            "id",
            T::QuizId,
            true,
            "Namespaces stored progress. Lowercase letters, digits and `-`, starting with a letter or digit.",
        ),
        ("title", T::Text, true, "The quiz title shown in the header."),
        ("description", T::Markdown, false, "Markdown shown under the title."),
        ("language", T::Text, false, "Interface language as a BCP 47 tag, such as `en` or `de`."),
        (
            "solution",
            T::Solution,
            false,
            "When a wrong answer's correct answer and explanation are shown: `on-request` (the default: each wrong try offers Try again and Show answer), `immediately`, or `after-N` (Show answer is offered after N wrong tries, N from 1 to 9).",
        ),
        (
            "spaced_repetition",
            T::Repetition,
            false,
            "What spaced repetition brings back when it is due: `all` (the default: flashcards and every graded question, each check counting as a review) or `flashcards` (flashcards only).",
        ),
        (
            "retention",
            T::Retention,
            false,
            "The chance of recall reviews are scheduled at, from 0.7 to 0.99 with at most three decimals (default 0.9): higher brings items back sooner and more often.",
        ),
        (
            "pass_mark",
            T::Percent,
            false,
            "The share of the points a learner needs to pass, in percent (1 to 100); the summary and the `quiz-complete` event say whether they did.",
        ),
        (
            "draw",
            T::Draw,
            false,
            "Show each learner only this many of the questions outside any section, drawn at random for them and kept across visits.",
        ),
        (
            "exam",
            T::Bool,
            false,
            "An exam: answers are saved without feedback until the learner submits them all; then the score, pass or fail (with `pass_mark`) and every item's feedback show.",
        ),
        (
            "attempts",
            T::Draw,
            false,
            "With `exam`: how many times it may be submitted (no limit when absent); each new attempt starts fresh.",
        ),
        (
            "time_limit",
            T::Minutes,
            false,
            "With `exam`: minutes from an attempt's first saved answer; at the limit the answers saved so far are submitted.",
        ),
        ("sections", T::Sections, false, "Groups of questions, such as chapters."),
        ("questions", T::Questions, true, "The items of the quiz."),
    ]
}

fields! {
    /// Fields of a section object.
    pub SECTION_FIELDS, SECTION_DOCS = [
        ("id", T::Id, true, "Unique section id; questions refer to it in `section`."),
        ("title", T::Text, true, "The section title shown in the section picker."),
        ("description", T::Markdown, false, "Markdown shown at the start of the section."),
        (
            "draw",
            T::Draw,
            false,
            "Show each learner only this many of the section's questions, drawn at random for them and kept across visits.",
        ),
    ]
}

fields! {
    /// Fields every question has.
    pub COMMON_FIELDS, COMMON_DOCS = [
        ("id", T::Id, true, "Unique in the file and stable: stored progress is keyed by it."),
        ("type", T::Kind, true, "The kind of item."),
        ("prompt", T::Markdown, true, "The question, task or flashcard front, in Markdown."),
        ("section", T::Id, false, "The id of the section this question belongs to."),
        ("difficulty", T::Difficulty, false, "How hard the question is."),
        ("topic", T::Text, false, "A short topic name; the summary scores per topic."),
        ("tags", T::TextList, false, "Free-form tags."),
        ("hint", T::Markdown, false, "Shown on request before checking."),
        (
            "hints",
            T::MarkdownList,
            false,
            "Hints shown one at a time, each on request, before checking; instead of `hint`.",
        ),
        ("explanation", T::Markdown, false, "Shown with the feedback."),
        (
            "points",
            T::Points,
            false,
            "What the question is worth in the score, 0 to 100 (default 1; 0 leaves it out). Multiple, ordering and matching questions earn part of it for a partly right answer.",
        ),
    ]
}
