//! The JSON Schema of the question file format, made from the field tables
//! the validator reads (`quiz_format::format`), so that the two cannot
//! disagree. `make bank` writes it to `questions.schema.json`.

use quiz_format::format::{
    Field, FieldType as T, COMMON_DOCS, COMMON_FIELDS, QUIZ_DOCS, QUIZ_FIELDS, SECTION_DOCS, SECTION_FIELDS,
};
use quiz_format::json::{self, Member, Node, Span, Value};
use quiz_format::model::{Difficulty, KindName};

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
                .chain(documented(kind.fields(), kind.field_docs()))
                .collect();
            let mut schema = object_schema(kind.doc(), &fields, vec![]);
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
