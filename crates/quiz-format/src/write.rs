//! Writes a [`Quiz`] back out in the question file format.
//!
//! Used by the importer to produce `questions.json`; the output reads back
//! through [`crate::load`] to the same quiz (a test checks the round trip).

use crate::json::{to_pretty, Member, Node, Span, Value};
use crate::model::{Question, Quiz, Section};

/// An object's members in the order they are written.
pub(crate) struct ObjectBuilder<'q>(Vec<Member<'q>>);

impl<'q> ObjectBuilder<'q> {
    pub(crate) fn new() -> Self {
        ObjectBuilder(Vec::new())
    }

    pub(crate) fn put(mut self, key: &'static str, value: Value<'q>) -> Self {
        self.0.push(Member {
            key: key.into(),
            key_span: Span::default(),
            value: Node {
                value,
                span: Span::default(),
            },
        });
        self
    }

    pub(crate) fn text(self, key: &'static str, value: &'q str) -> Self {
        self.put(key, Value::String(value.into()))
    }

    pub(crate) fn maybe(self, key: &'static str, value: Option<&'q String>) -> Self {
        match value {
            Some(v) => self.text(key, v),
            None => self,
        }
    }

    pub(crate) fn list(self, key: &'static str, items: &'q [String]) -> Self {
        if items.is_empty() {
            return self;
        }
        self.put(key, strings(items))
    }

    pub(crate) fn number(self, key: &'static str, value: impl ToString) -> Self {
        self.put(key, Value::Number(value.to_string().into()))
    }

    pub(crate) fn array(self, key: &'static str, items: impl Iterator<Item = Value<'q>>) -> Self {
        self.put(key, Value::Array(items.map(node).collect()))
    }

    pub(crate) fn build(self) -> Value<'q> {
        Value::Object(self.0)
    }
}

fn node(value: Value<'_>) -> Node<'_> {
    Node {
        value,
        span: Span::default(),
    }
}

fn strings(items: &[String]) -> Value<'_> {
    Value::Array(items.iter().map(|s| node(Value::String(s.as_str().into()))).collect())
}

fn section(s: &Section) -> Node<'_> {
    node(
        ObjectBuilder::new()
            .text("id", &s.id)
            .text("title", &s.title)
            .maybe("description", s.description.as_ref())
            .build(),
    )
}

fn question(q: &Question) -> Node<'_> {
    let mut o = ObjectBuilder::new()
        .text("id", &q.id)
        .text("type", q.kind.name().as_str());
    o = o.maybe("section", q.section.as_ref());
    if let Some(d) = q.difficulty {
        o = o.text("difficulty", d.as_str());
    }
    o = o
        .maybe("topic", q.topic.as_ref())
        .list("tags", &q.tags)
        .text("prompt", &q.prompt);
    o = q.kind.write(o);
    node(
        o.maybe("hint", q.hint.as_ref())
            .maybe("explanation", q.explanation.as_ref())
            .build(),
    )
}

/// The quiz as pretty JSON with a trailing newline. `schema` is written as
/// `$schema` so editors find the JSON Schema.
pub fn quiz_to_json(quiz: &Quiz, schema: Option<&str>) -> String {
    let mut o = ObjectBuilder::new();
    if let Some(s) = schema {
        o = o.text("$schema", s);
    }
    o = o.text("id", &quiz.id).text("title", &quiz.title);
    let solution = quiz.solution.map(crate::model::Solution::name);
    o = o
        .maybe("description", quiz.description.as_ref())
        .maybe("language", quiz.language.as_ref())
        .maybe("solution", solution.as_ref());
    if !quiz.sections.is_empty() {
        o = o.put("sections", Value::Array(quiz.sections.iter().map(section).collect()));
    }
    o = o.put("questions", Value::Array(quiz.questions.iter().map(question).collect()));
    let mut out = to_pretty(&o.build());
    out.push('\n');
    out
}
