//! The JSON Schema of the question file format, made from the field tables
//! the validator reads (`quiz_format::format`), so that the two cannot
//! disagree. `make bank` writes it to `questions.schema.json`.

use quiz_format::format::{
    Field, FieldType as T, COMMON_DOCS, COMMON_FIELDS, QUIZ_DOCS, QUIZ_FIELDS, SECTION_DOCS, SECTION_FIELDS,
};
use quiz_format::json::{self, node, Node, Object, Value};
use quiz_format::model::{Difficulty, KindName, Repetition};

// Small builders so the schema below reads like the schema it makes.
fn string(s: &str) -> Node<'_> {
    node(Value::String(s.into()))
}
fn object<'a>(members: Vec<(&'a str, Node<'a>)>) -> Node<'a> {
    let object = members
        .into_iter()
        .fold(Object::new(), |o, (key, value)| o.put(key, value.value));
    node(object.build())
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
    let names = |names: Vec<&'static str>| array(names.into_iter().map(string).collect());
    match f.ty {
        T::QuizId => patterned(doc, "^[a-z0-9][a-z0-9-]*$"),
        T::Id => patterned(doc, "^\\S+$"),
        T::Solution => patterned(doc, "^(immediately|on-request|after-[1-9])$"),
        T::Text | T::Markdown | T::SchemaRef => typed("string", doc),
        T::TextList | T::MarkdownList => list(object(vec![("type", string("string"))])),
        T::Index => bounded("integer", doc, Some("0"), None),
        T::Draw | T::Line | T::Minutes => bounded("integer", doc, Some("1"), None),
        T::Points => bounded("integer", doc, Some("0"), Some("100")),
        T::Percent => bounded("integer", doc, Some("1"), Some("100")),
        T::Number => typed("number", doc),
        T::NonNegativeNumber => bounded("number", doc, Some("0"), None),
        T::Retention => bounded("number", doc, Some("0.7"), Some("0.99")),
        T::Pairs => pairs(doc, f.required),
        T::IndexList => {
            let item = object(vec![("type", string("integer")), ("minimum", number(0))]);
            object(vec![
                ("type", string("array")),
                ("description", string(doc)),
                ("items", item),
                ("minItems", number(1)),
                ("uniqueItems", node(Value::Bool(true))),
            ])
        }
        T::NumberRange => object(vec![
            ("type", string("array")),
            ("description", string(doc)),
            ("items", object(vec![("type", string("number"))])),
            ("minItems", number(2)),
            ("maxItems", number(2)),
        ]),
        T::Bool => typed("boolean", doc),
        T::Difficulty => enumerated(doc, names(Difficulty::ALL.iter().map(|d| d.as_str()).collect())),
        T::Repetition => {
            let values = names(Repetition::ALL.iter().map(|r| r.as_str()).collect());
            object(vec![
                ("type", string("string")),
                ("description", string(doc)),
                ("enum", values),
            ])
        }
        T::Kind => enumerated(doc, names(KindName::ALL.iter().map(|k| k.as_str()).collect())),
        T::Sections => list(object(vec![("$ref", string("#/$defs/section"))])),
        T::Questions => list(object(vec![("$ref", string("#/$defs/question"))])),
    }
}

/// A string matching `pattern`.
fn patterned(doc: &'static str, pattern: &'static str) -> Node<'static> {
    object(vec![
        ("type", string("string")),
        ("description", string(doc)),
        ("pattern", string(pattern)),
    ])
}

/// A number of type `ty` (`integer` or `number`) within its bounds.
fn bounded(
    ty: &'static str,
    doc: &'static str,
    low: Option<&'static str>,
    high: Option<&'static str>,
) -> Node<'static> {
    let mut members = vec![("type", string(ty)), ("description", string(doc))];
    members.extend(low.map(|n| ("minimum", node(Value::Number(n.into())))));
    members.extend(high.map(|n| ("maximum", node(Value::Number(n.into())))));
    object(members)
}

/// One of `values`.
fn enumerated(doc: &'static str, values: Node<'static>) -> Node<'static> {
    object(vec![("description", string(doc)), ("enum", values)])
}

/// A list of `[left, right]` string pairs: a matching question's `pairs`
/// (required) are two at least; `feedback` pairs (optional) may be one,
/// or none.
fn pairs(doc: &'static str, required: bool) -> Node<'static> {
    let pair = object(vec![
        ("type", string("array")),
        ("items", object(vec![("type", string("string"))])),
        ("minItems", number(2)),
        ("maxItems", number(2)),
    ]);
    let mut list = vec![("type", string("array")), ("description", string(doc)), ("items", pair)];
    if required {
        list.push(("minItems", number(2)));
    }
    object(list)
}

/// The lists whose length the validator bounds, by field name: the fewest
/// items, the most, and whether each item must hold more than white space.
const LISTS: &[(&str, u32, Option<u32>, bool)] = &[
    ("questions", 1, None, false),
    ("choices", 2, Some(26), true),
    ("items", 2, None, true),
    ("accept", 1, None, false),
    ("hints", 1, None, true),
];

/// A field's schema with what the validator asks beyond its type: a
/// required text is not blank, and a list has its bounds ([`LISTS`]).
fn narrowed<'a>(f: &Field, schema: Node<'a>) -> Node<'a> {
    let not_blank = || node(Value::String("\\S".into()));
    let Value::Object(mut members) = schema.value else {
        return schema;
    };
    let mut put = |key: &'static str, value: Node<'a>| {
        members.retain(|m| m.key != key);
        members.push(json::Member {
            key: key.into(),
            key_span: json::Span::default(),
            value,
        });
    };
    if f.required && matches!(f.ty, T::Text | T::Markdown) {
        put("pattern", not_blank());
    }
    if let Some(&(_, least, most, filled)) = LISTS.iter().find(|(name, ..)| *name == f.name) {
        put("minItems", number(least));
        if let Some(most) = most {
            put("maxItems", number(most));
        }
        if filled {
            put(
                "items",
                object(vec![("type", string("string")), ("pattern", not_blank())]),
            );
        }
    }
    node(Value::Object(members))
}

fn number(n: u32) -> Node<'static> {
    node(Value::Number(n.to_string().into()))
}

/// A field with its documentation.
type Documented = (&'static Field, &'static str);

fn documented(fields: &'static [Field], docs: &'static [&'static str]) -> impl Iterator<Item = Documented> {
    fields.iter().zip(docs.iter().copied())
}

/// An object with `fields`. `kind` narrows `type` to one kind's name (and
/// moves it last), so that editors pick the right branch.
fn object_schema<'a>(doc: &'a str, fields: &[Documented], kind: Option<&'a str>) -> Node<'a> {
    object(object_members(doc, fields, kind))
}

/// The members of [`object_schema`].
fn object_members<'a>(doc: &'a str, fields: &[Documented], kind: Option<&'a str>) -> Vec<(&'a str, Node<'a>)> {
    let mut properties: Vec<(&str, Node)> = fields
        .iter()
        .filter(|(f, _)| kind.is_none() || f.name != "type")
        .map(|&(f, doc)| (f.name, narrowed(f, field_schema(f, doc))))
        .collect();
    if let Some(name) = kind {
        properties.push(("type", object(vec![("const", string(name))])));
    }
    let required = fields.iter().filter(|(f, _)| f.required).map(|(f, _)| string(f.name));
    vec![
        ("type", string("object")),
        ("description", string(doc)),
        ("properties", object(properties)),
        ("required", array(required.collect())),
        ("additionalProperties", node(Value::Bool(false))),
    ]
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
            object_schema(kind.doc(), &fields, Some(kind.as_str()))
        })
        .collect();
    let defs = object(vec![
        ("section", object_schema("A group of questions.", &section_fields, None)),
        ("question", object(vec![("oneOf", array(variants))])),
    ]);
    let mut root = vec![
        ("$schema", string("https://json-schema.org/draft/2020-12/schema")),
        ("title", string("quiz-widget questions")),
    ];
    root.extend(object_members("A quiz-widget question file.", &quiz_fields, None));
    root.push(("$defs", defs));
    let mut out = json::to_pretty(&object(root).value);
    out.push('\n');
    out
}
