//! The question file format, described once.
//!
//! These tables are the single description of which fields each object has,
//! of what type, and which are required. The validator reads them to find
//! unknown and missing fields, and [`json_schema`] turns them into the JSON
//! Schema committed as `questions.schema.json`, so the two cannot disagree.

use crate::json::{self, Member, Node, Span, Value};
use crate::model::{Difficulty, KindName};

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
        const $docs: &[&str] = &[$($doc),*];
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
        ("explanation", T::Markdown, false, "Shown with the feedback."),
    ]
}

fields! {
    SINGLE_FIELDS, SINGLE_DOCS = [
        ("choices", T::MarkdownList, true, "The choices, in Markdown; at least two."),
        ("answer", T::Index, true, "0-based index of the correct choice."),
    ]
}

fields! {
    MULTIPLE_FIELDS, MULTIPLE_DOCS = [
        ("choices", T::MarkdownList, true, "The choices, in Markdown; at least two."),
        ("answers", T::IndexList, true, "0-based indices of every correct choice."),
    ]
}

fields! {
    TRUE_FALSE_FIELDS, TRUE_FALSE_DOCS = [
        ("answer", T::Bool, true, "Whether the statement is true."),
    ]
}

fields! {
    SHORT_FIELDS, SHORT_DOCS = [
        ("accept", T::TextList, true, "Accepted answers; the learner's answer is trimmed before comparing."),
        ("case_sensitive", T::Bool, false, "Compare case-sensitively (default false)."),
    ]
}

fields! {
    FLASHCARD_FIELDS, FLASHCARD_DOCS = [
        ("back", T::Markdown, true, "The answer side of the card, in Markdown."),
    ]
}

fields! {
    EXERCISE_FIELDS, EXERCISE_DOCS = [
        ("scenario", T::MarkdownList, false, "A real-life scenario: its lead-in and steps."),
        ("think_about", T::MarkdownList, false, "Questions to think about."),
        ("challenges", T::MarkdownList, false, "Extensions to try (\"Challenge yourself\")."),
        ("review", T::Markdown, false, "What to review if the exercise is too hard."),
        ("tip", T::Markdown, false, "A tip."),
        ("minutes", T::Minutes, false, "Time estimate in minutes."),
        ("skills", T::TextList, false, "Skills the exercise tests."),
    ]
}

/// Fields only questions of this kind have.
pub fn kind_fields(kind: KindName) -> &'static [Field] {
    match kind {
        KindName::Single => SINGLE_FIELDS,
        KindName::Multiple => MULTIPLE_FIELDS,
        KindName::TrueFalse => TRUE_FALSE_FIELDS,
        KindName::Short => SHORT_FIELDS,
        KindName::Flashcard => FLASHCARD_FIELDS,
        KindName::Exercise => EXERCISE_FIELDS,
    }
}

/// The documentation of [`kind_fields`], in the same order.
fn kind_field_docs(kind: KindName) -> &'static [&'static str] {
    match kind {
        KindName::Single => SINGLE_DOCS,
        KindName::Multiple => MULTIPLE_DOCS,
        KindName::TrueFalse => TRUE_FALSE_DOCS,
        KindName::Short => SHORT_DOCS,
        KindName::Flashcard => FLASHCARD_DOCS,
        KindName::Exercise => EXERCISE_DOCS,
    }
}

fn kind_doc(kind: KindName) -> &'static str {
    match kind {
        KindName::Single => "Pick one choice.",
        KindName::Multiple => "Pick every correct choice.",
        KindName::TrueFalse => "Decide whether a statement is true.",
        KindName::Short => "Type a short answer.",
        KindName::Flashcard => "Recall the back of a card, then grade yourself.",
        KindName::Exercise => "A practice task, checked by the learner.",
    }
}

// Small builders so the schema below reads like the schema it makes.
fn node(value: Value<'_>) -> Node<'_> {
    Node {
        value,
        span: Span::default(),
    }
}
fn string(s: &str) -> Node<'_> {
    node(Value::String(s.into()))
}
fn object<'a>(members: Vec<(&'a str, Node<'a>)>) -> Node<'a> {
    node(Value::Object(
        members
            .into_iter()
            .map(|(key, value)| Member {
                key: key.into(),
                key_span: Span::default(),
                value,
            })
            .collect(),
    ))
}
fn array(items: Vec<Node<'_>>) -> Node<'_> {
    node(Value::Array(items))
}
fn typed<'a>(ty: &'a str, doc: &'a str) -> Node<'a> {
    object(vec![("type", string(ty)), ("description", string(doc))])
}

fn field_schema(f: &Field, doc: &'static str) -> Node<'static> {
    let list = |item: Node<'static>| {
        object(vec![
            ("type", string("array")),
            ("description", string(doc)),
            ("items", item),
        ])
    };
    match f.ty {
        T::QuizId => object(vec![
            ("type", string("string")),
            ("description", string(doc)),
            ("pattern", string("^[a-z0-9][a-z0-9-]*$")),
        ]),
        T::Id => object(vec![
            ("type", string("string")),
            ("description", string(doc)),
            ("pattern", string("^\\S+$")),
        ]),
        T::Text | T::Markdown | T::SchemaRef => typed("string", doc),
        T::TextList | T::MarkdownList => list(object(vec![("type", string("string"))])),
        T::Index => object(vec![
            ("type", string("integer")),
            ("description", string(doc)),
            ("minimum", number(0)),
        ]),
        T::IndexList => {
            let mut schema = list(object(vec![("type", string("integer")), ("minimum", number(0))]));
            push_member(&mut schema, "minItems", number(1));
            push_member(&mut schema, "uniqueItems", node(Value::Bool(true)));
            schema
        }
        T::Bool => typed("boolean", doc),
        T::Difficulty => object(vec![
            ("description", string(doc)),
            (
                "enum",
                array(Difficulty::ALL.iter().map(|d| string(d.as_str())).collect()),
            ),
        ]),
        T::Solution => object(vec![
            ("type", string("string")),
            ("description", string(doc)),
            ("pattern", string("^(immediately|on-request|after-[1-9])$")),
        ]),
        T::Minutes => object(vec![
            ("type", string("integer")),
            ("description", string(doc)),
            ("minimum", number(1)),
        ]),
        T::Kind => object(vec![
            ("description", string(doc)),
            (
                "enum",
                array(KindName::ALL.iter().map(|k| string(k.as_str())).collect()),
            ),
        ]),
        T::Sections => list(object(vec![("$ref", string("#/$defs/section"))])),
        T::Questions => list(object(vec![("$ref", string("#/$defs/question"))])),
    }
}

fn number(n: u32) -> Node<'static> {
    node(Value::Number(n.to_string().into()))
}

fn push_member<'a>(schema: &mut Node<'a>, key: &'a str, value: Node<'a>) {
    if let Value::Object(members) = &mut schema.value {
        members.push(Member {
            key: key.into(),
            key_span: Span::default(),
            value,
        });
    }
}

/// A field with its documentation.
type Documented = (&'static Field, &'static str);

fn documented(fields: &'static [Field], docs: &'static [&'static str]) -> impl Iterator<Item = Documented> {
    fields.iter().zip(docs.iter().copied())
}

fn object_schema<'a>(doc: &'a str, fields: &[Documented], extra: Vec<(&'a str, Node<'a>)>) -> Node<'a> {
    let mut members = vec![
        ("type", string("object")),
        ("description", string(doc)),
        (
            "properties",
            object(fields.iter().map(|&(f, doc)| (f.name, field_schema(f, doc))).collect()),
        ),
        (
            "required",
            array(
                fields
                    .iter()
                    .filter(|(f, _)| f.required)
                    .map(|(f, _)| string(f.name))
                    .collect(),
            ),
        ),
        ("additionalProperties", node(Value::Bool(false))),
    ];
    members.extend(extra);
    object(members)
}

/// The JSON Schema (draft 2020-12) of the question file format, pretty-printed.
pub fn json_schema() -> String {
    let quiz_fields: Vec<Documented> = documented(QUIZ_FIELDS, QUIZ_DOCS).collect();
    let section_fields: Vec<Documented> = documented(SECTION_FIELDS, SECTION_DOCS).collect();
    let variants = KindName::ALL
        .iter()
        .map(|&kind| {
            let fields: Vec<Documented> = documented(COMMON_FIELDS, COMMON_DOCS)
                .chain(documented(kind_fields(kind), kind_field_docs(kind)))
                .collect();
            let mut schema = object_schema(kind_doc(kind), &fields, vec![]);
            // Narrow `type` to this kind's name so editors pick the right branch.
            if let Value::Object(members) = &mut schema.value {
                if let Some(props) = members.iter_mut().find(|m| m.key == "properties") {
                    push_member(&mut props.value, "type", object(vec![("const", string(kind.as_str()))]));
                    if let Value::Object(props) = &mut props.value.value {
                        // The pushed `type` replaces the generic one.
                        let generic = props.iter().position(|m| m.key == "type");
                        if let Some(i) = generic {
                            props.remove(i);
                        }
                    }
                }
            }
            schema
        })
        .collect();
    let root = {
        let mut root = object_schema("A quiz-widget question file.", &quiz_fields, vec![]);
        if let Value::Object(members) = &mut root.value {
            let head = vec![
                Member {
                    key: "$schema".into(),
                    key_span: Span::default(),
                    value: string("https://json-schema.org/draft/2020-12/schema"),
                },
                Member {
                    key: "title".into(),
                    key_span: Span::default(),
                    value: string("quiz-widget questions"),
                },
            ];
            members.splice(0..0, head);
        }
        push_member(
            &mut root,
            "$defs",
            object(vec![
                (
                    "section",
                    object_schema("A group of questions.", &section_fields, vec![]),
                ),
                ("question", object(vec![("oneOf", array(variants))])),
            ]),
        );
        root
    };
    let mut out = json::to_pretty(&root.value);
    out.push('\n');
    out
}
