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
}

/// One field of an object in the format.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: FieldType,
    pub required: bool,
    pub doc: &'static str,
}

const fn field(name: &'static str, ty: FieldType, required: bool, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required,
        doc,
    }
}

use FieldType as T;

/// Fields of the top-level object.
pub const QUIZ_FIELDS: &[Field] = &[
    field(
        "$schema",
        T::SchemaRef,
        false,
        "Path or URL of questions.schema.json, for editors.",
    ),
    field(
        "id",
        T::QuizId,
        true,
        "Namespaces stored progress. Lowercase letters, digits and `-`, starting with a letter or digit.",
    ),
    field("title", T::Text, true, "The quiz title shown in the header."),
    field("description", T::Markdown, false, "Markdown shown under the title."),
    field(
        "language",
        T::Text,
        false,
        "Interface language as a BCP 47 tag, such as `en` or `de`.",
    ),
    field("sections", T::Sections, false, "Groups of questions, such as chapters."),
    field("questions", T::Questions, true, "The items of the quiz."),
];

/// Fields of a section object.
pub const SECTION_FIELDS: &[Field] = &[
    field(
        "id",
        T::Id,
        true,
        "Unique section id; questions refer to it in `section`.",
    ),
    field("title", T::Text, true, "The section title shown in the section picker."),
    field(
        "description",
        T::Markdown,
        false,
        "Markdown shown at the start of the section.",
    ),
];

/// Fields every question has.
pub const COMMON_FIELDS: &[Field] = &[
    field(
        "id",
        T::Id,
        true,
        "Unique in the file and stable: stored progress is keyed by it.",
    ),
    field("type", T::Kind, true, "The kind of item."),
    field(
        "prompt",
        T::Markdown,
        true,
        "The question, task or flashcard front, in Markdown.",
    ),
    field(
        "section",
        T::Id,
        false,
        "The id of the section this question belongs to.",
    ),
    field("difficulty", T::Difficulty, false, "How hard the question is."),
    field(
        "topic",
        T::Text,
        false,
        "A short topic name; the summary scores per topic.",
    ),
    field("tags", T::TextList, false, "Free-form tags."),
    field("hint", T::Markdown, false, "Shown on request before checking."),
    field("explanation", T::Markdown, false, "Shown with the feedback."),
];

const SINGLE_FIELDS: &[Field] = &[
    field(
        "choices",
        T::MarkdownList,
        true,
        "The choices, in Markdown; at least two.",
    ),
    field("answer", T::Index, true, "0-based index of the correct choice."),
];
const MULTIPLE_FIELDS: &[Field] = &[
    field(
        "choices",
        T::MarkdownList,
        true,
        "The choices, in Markdown; at least two.",
    ),
    field(
        "answers",
        T::IndexList,
        true,
        "0-based indices of every correct choice.",
    ),
];
const TRUE_FALSE_FIELDS: &[Field] = &[field("answer", T::Bool, true, "Whether the statement is true.")];
const SHORT_FIELDS: &[Field] = &[
    field(
        "accept",
        T::TextList,
        true,
        "Accepted answers; the learner's answer is trimmed before comparing.",
    ),
    field(
        "case_sensitive",
        T::Bool,
        false,
        "Compare case-sensitively (default false).",
    ),
];
const FLASHCARD_FIELDS: &[Field] = &[field(
    "back",
    T::Markdown,
    true,
    "The answer side of the card, in Markdown.",
)];
const EXERCISE_FIELDS: &[Field] = &[
    field(
        "scenario",
        T::MarkdownList,
        false,
        "A real-life scenario: its lead-in and steps.",
    ),
    field("think_about", T::MarkdownList, false, "Questions to think about."),
    field(
        "challenges",
        T::MarkdownList,
        false,
        "Extensions to try (\"Challenge yourself\").",
    ),
    field(
        "review",
        T::Markdown,
        false,
        "What to review if the exercise is too hard.",
    ),
    field("tip", T::Markdown, false, "A tip."),
    field("minutes", T::Minutes, false, "Time estimate in minutes."),
    field("skills", T::TextList, false, "Skills the exercise tests."),
];

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

fn field_schema(f: &Field) -> Node<'static> {
    let list = |item: Node<'static>| {
        object(vec![
            ("type", string("array")),
            ("description", string(f.doc)),
            ("items", item),
        ])
    };
    match f.ty {
        T::QuizId => object(vec![
            ("type", string("string")),
            ("description", string(f.doc)),
            ("pattern", string("^[a-z0-9][a-z0-9-]*$")),
        ]),
        T::Id => object(vec![
            ("type", string("string")),
            ("description", string(f.doc)),
            ("pattern", string("^\\S+$")),
        ]),
        T::Text | T::Markdown | T::SchemaRef => typed("string", f.doc),
        T::TextList | T::MarkdownList => list(object(vec![("type", string("string"))])),
        T::Index => object(vec![
            ("type", string("integer")),
            ("description", string(f.doc)),
            ("minimum", number(0)),
        ]),
        T::IndexList => {
            let mut schema = list(object(vec![("type", string("integer")), ("minimum", number(0))]));
            push_member(&mut schema, "minItems", number(1));
            push_member(&mut schema, "uniqueItems", node(Value::Bool(true)));
            schema
        }
        T::Bool => typed("boolean", f.doc),
        T::Difficulty => object(vec![
            ("description", string(f.doc)),
            (
                "enum",
                array(Difficulty::ALL.iter().map(|d| string(d.as_str())).collect()),
            ),
        ]),
        T::Minutes => object(vec![
            ("type", string("integer")),
            ("description", string(f.doc)),
            ("minimum", number(1)),
        ]),
        T::Kind => object(vec![
            ("description", string(f.doc)),
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

fn object_schema<'a>(doc: &'a str, fields: &[&'a Field], extra: Vec<(&'a str, Node<'a>)>) -> Node<'a> {
    let mut members = vec![
        ("type", string("object")),
        ("description", string(doc)),
        (
            "properties",
            object(fields.iter().map(|f| (f.name, field_schema(f))).collect()),
        ),
        (
            "required",
            array(fields.iter().filter(|f| f.required).map(|f| string(f.name)).collect()),
        ),
        ("additionalProperties", node(Value::Bool(false))),
    ];
    members.extend(extra);
    object(members)
}

/// The JSON Schema (draft 2020-12) of the question file format, pretty-printed.
pub fn json_schema() -> String {
    let quiz_fields: Vec<&Field> = QUIZ_FIELDS.iter().collect();
    let section_fields: Vec<&Field> = SECTION_FIELDS.iter().collect();
    let variants = KindName::ALL
        .iter()
        .map(|&kind| {
            let fields: Vec<&Field> = COMMON_FIELDS.iter().chain(kind_fields(kind)).collect();
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
