//! Writes a [`Quiz`] back out in the question file format.
//!
//! Used by the importer to produce `questions.json`; the output reads back
//! through [`crate::load`] to the same quiz (a test checks the round trip).

use crate::json::{node, to_pretty, Node, Object, Value};
use crate::model::{Question, Quiz, Section};

fn section(s: &Section) -> Node<'_> {
    let mut o = Object::new()
        .text("id", &s.id)
        .text("title", &s.title)
        .maybe("description", s.description.as_ref());
    if let Some(draw) = s.draw {
        o = o.number("draw", usize::from(draw));
    }
    node(o.build())
}

fn question(q: &Question) -> Node<'_> {
    let mut o = Object::new().text("id", &q.id).text("type", q.kind.name().as_str());
    o = o.maybe("section", q.section.as_ref());
    if let Some(d) = q.difficulty {
        o = o.text("difficulty", d.as_str());
    }
    o = o
        .maybe("topic", q.topic.as_ref())
        .list("tags", &q.tags)
        .text("prompt", &q.prompt);
    o = q.kind.write(o);
    o = hints(o, &q.hints).maybe("explanation", q.explanation.as_ref());
    if let Some(points) = q.points {
        o = o.number("points", usize::from(points));
    }
    node(o.build())
}

/// One hint as `hint`, several as `hints`.
fn hints<'q>(o: Object<'q>, hints: &'q [String]) -> Object<'q> {
    match hints {
        [one] => o.text("hint", one.as_str()),
        _ => o.list("hints", hints),
    }
}

/// The quiz as pretty JSON with a trailing newline. `schema` is written as
/// `$schema` so editors find the JSON Schema.
pub fn quiz_to_json(quiz: &Quiz, schema: Option<&str>) -> String {
    let mut o = Object::new();
    if let Some(s) = schema {
        o = o.text("$schema", s);
    }
    o = o.text("id", &quiz.id).text("title", &quiz.title);
    let solution = quiz.solution.map(crate::model::Solution::name);
    let repetition = quiz.spaced_repetition.map(|r| r.as_str().to_owned());
    o = o
        .maybe("description", quiz.description.as_ref())
        .maybe("language", quiz.language.as_ref())
        .maybe("solution", solution.as_ref())
        .maybe("spaced_repetition", repetition.as_ref());
    if let Some(r) = quiz.retention {
        o = o.put("retention", Value::Number(r.written().into()));
    }
    if let Some(mark) = quiz.pass_mark {
        o = o.number("pass_mark", usize::from(mark));
    }
    if let Some(draw) = quiz.draw {
        o = o.number("draw", usize::from(draw));
    }
    if let Some(exam) = quiz.exam {
        o = o.bool("exam", true);
        if let Some(n) = exam.attempts {
            o = o.number("attempts", usize::from(n));
        }
        if let Some(m) = exam.minutes {
            o = o.number("time_limit", usize::from(m));
        }
    }
    if !quiz.sections.is_empty() {
        o = o.put("sections", Value::Array(quiz.sections.iter().map(section).collect()));
    }
    o = o.put("questions", Value::Array(quiz.questions.iter().map(question).collect()));
    let mut out = to_pretty(&o.build());
    out.push('\n');
    out
}
