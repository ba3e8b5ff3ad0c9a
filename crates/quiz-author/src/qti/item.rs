//! One QTI 1.2 `<item>` as data, and its XML in the shape Canvas exports:
//! `itemmetadata` (Canvas's `question_type`, `points_possible`,
//! `original_answer_ids`, `assessment_question_identifierref`), the
//! `presentation` (the question's HTML and its responses), `resprocessing`
//! (the `SCORE` variable, the conditions that show feedback and set or add
//! to the score) and the `itemfeedback`s.

use std::io;

use quick_xml::events::BytesText;

use crate::xml::Xml;

/// One question as a QTI item.
pub struct Item {
    pub ident: String,
    /// The item's `title`: the question's id, as Canvas titles an item by
    /// the question's name.
    pub title: String,
    /// Canvas's `question_type`, such as `multiple_choice_question`.
    pub question_type: &'static str,
    pub points: u16,
    /// Canvas's `original_answer_ids`: the choices, a matching question's
    /// left items, a short answer's accepted answers, each blank's answers.
    pub answer_ids: Vec<String>,
    /// The question's HTML.
    pub html: String,
    pub responses: Vec<Response>,
    pub conditions: Vec<Condition>,
    /// `(ident, HTML)`: `general_fb` and each answer's `<ident>_fb`.
    pub feedback: Vec<(String, String)>,
}

/// What the learner answers with.
pub enum Response {
    /// A choice from labels (`response_lid`): choices, a matching question's
    /// left item, a blank. `cardinality` is written when given (Canvas
    /// gives it for choice questions only); `material` is the left item or
    /// the blank's name.
    Choice {
        ident: String,
        cardinality: Option<&'static str>,
        material: Option<Material>,
        labels: Vec<Label>,
    },
    /// Typed text (`response_str` with `render_fib`): a short answer, or a
    /// number when `decimal`.
    Typed { decimal: bool },
}

/// One choice of a [`Response::Choice`].
pub struct Label {
    pub ident: String,
    pub material: Material,
}

/// A text as `mattext`: HTML (`texttype="text/html"`), plain text
/// (`text/plain`), or plain text without a `texttype`, as Canvas writes a
/// matching question's right items and a blank's name.
pub enum Material {
    Html(String),
    Plain(String),
    Bare(String),
}

/// A `respcondition`: when `tests` all hold, `score` applies and
/// `feedback` (an `itemfeedback`'s ident) shows. `proceed` is its
/// `continue` attribute, left out when `None` (as Canvas writes the
/// conditions that add to the score).
pub struct Condition {
    pub proceed: Option<bool>,
    pub tests: Vec<Test>,
    pub score: Option<Score>,
    pub feedback: Option<String>,
}

/// What a `conditionvar` tests, on the response `respident`.
pub enum Test {
    Other,
    Equal(String, String),
    AtLeast(String, String),
    AtMost(String, String),
    Not(Box<Test>),
    And(Vec<Test>),
    Or(Vec<Test>),
}

/// `setvar` on `SCORE`: `Set` to a value or `Add` a share.
pub enum Score {
    Set(String),
    Add(String),
}

/// The one response of a choice or typed question, `response1`.
pub const RESPONSE: &str = "response1";

impl Condition {
    /// Feedback `ident` shown whatever the answer (`<other/>`), processing going on.
    pub fn always(feedback: &str) -> Condition {
        Condition {
            proceed: Some(true),
            tests: vec![Test::Other],
            score: None,
            feedback: Some(feedback.to_owned()),
        }
    }

    /// Feedback shown when `response1` is `value`, processing going on.
    pub fn when(value: &str, feedback: String) -> Condition {
        Condition {
            proceed: Some(true),
            tests: vec![Test::Equal(RESPONSE.to_owned(), value.to_owned())],
            score: None,
            feedback: Some(feedback),
        }
    }

    /// Full marks when `tests` hold, processing stopping there.
    pub fn right(tests: Vec<Test>) -> Condition {
        Condition {
            proceed: Some(false),
            tests,
            score: Some(Score::Set("100".to_owned())),
            feedback: None,
        }
    }
}

impl Item {
    /// The item as XML.
    pub fn write(&self, w: &mut Xml, question_ref: &str) -> io::Result<()> {
        w.create_element("item")
            .with_attribute(("ident", self.ident.as_str()))
            .with_attribute(("title", self.title.as_str()))
            .write_inner_content(|w| {
                let points = format!("{}.0", self.points);
                let ids = self.answer_ids.join(",");
                let fields = [
                    ("question_type", self.question_type),
                    ("points_possible", points.as_str()),
                    ("original_answer_ids", ids.as_str()),
                    ("assessment_question_identifierref", question_ref),
                ];
                w.create_element("itemmetadata")
                    .write_inner_content(|w| metadata(w, &fields))?;
                w.create_element("presentation").write_inner_content(|w| {
                    material(w, &Material::Html(self.html.clone()))?;
                    self.responses.iter().try_for_each(|r| response(w, r))
                })?;
                w.create_element("resprocessing").write_inner_content(|w| {
                    w.create_element("outcomes").write_inner_content(|w| {
                        w.create_element("decvar")
                            .with_attributes([
                                ("maxvalue", "100"),
                                ("minvalue", "0"),
                                ("varname", "SCORE"),
                                ("vartype", "Decimal"),
                            ])
                            .write_empty()?;
                        Ok(())
                    })?;
                    self.conditions.iter().try_for_each(|c| condition(w, c))
                })?;
                self.feedback
                    .iter()
                    .try_for_each(|(ident, html)| feedback(w, ident, html))
            })?;
        Ok(())
    }
}

/// A `qtimetadata` of `fieldlabel`/`fieldentry` pairs.
pub fn metadata(w: &mut Xml, fields: &[(&str, &str)]) -> io::Result<()> {
    w.create_element("qtimetadata").write_inner_content(|w| {
        for (label, entry) in fields {
            w.create_element("qtimetadatafield").write_inner_content(|w| {
                w.create_element("fieldlabel")
                    .write_text_content(BytesText::new(label))?;
                w.create_element("fieldentry")
                    .write_text_content(BytesText::new(entry))?;
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

fn material(w: &mut Xml, material: &Material) -> io::Result<()> {
    w.create_element("material").write_inner_content(|w| {
        let (texttype, text) = match material {
            Material::Html(t) => (Some("text/html"), t),
            Material::Plain(t) => (Some("text/plain"), t),
            Material::Bare(t) => (None, t),
        };
        let element = w.create_element("mattext");
        let element = match texttype {
            Some(t) => element.with_attribute(("texttype", t)),
            None => element,
        };
        element.write_text_content(BytesText::new(text))?;
        Ok(())
    })?;
    Ok(())
}

fn response(w: &mut Xml, response: &Response) -> io::Result<()> {
    match response {
        Response::Choice {
            ident,
            cardinality,
            material: text,
            labels,
        } => {
            let element = w
                .create_element("response_lid")
                .with_attribute(("ident", ident.as_str()));
            let element = match cardinality {
                Some(c) => element.with_attribute(("rcardinality", *c)),
                None => element,
            };
            element.write_inner_content(|w| {
                if let Some(text) = text {
                    material(w, text)?;
                }
                w.create_element("render_choice").write_inner_content(|w| {
                    for label in labels {
                        w.create_element("response_label")
                            .with_attribute(("ident", label.ident.as_str()))
                            .write_inner_content(|w| material(w, &label.material))?;
                    }
                    Ok(())
                })?;
                Ok(())
            })?;
        }
        Response::Typed { decimal } => {
            w.create_element("response_str")
                .with_attributes([("ident", RESPONSE), ("rcardinality", "Single")])
                .write_inner_content(|w| {
                    let fib = w.create_element("render_fib");
                    let (fib, label) = match decimal {
                        true => (fib.with_attribute(("fibtype", "Decimal")), vec![("ident", "answer1")]),
                        false => (fib, vec![("ident", "answer1"), ("rshuffle", "No")]),
                    };
                    fib.write_inner_content(|w| {
                        w.create_element("response_label")
                            .with_attributes(label)
                            .write_empty()?;
                        Ok(())
                    })?;
                    Ok(())
                })?;
        }
    }
    Ok(())
}

fn condition(w: &mut Xml, condition: &Condition) -> io::Result<()> {
    let element = w.create_element("respcondition");
    let element = match condition.proceed {
        Some(true) => element.with_attribute(("continue", "Yes")),
        Some(false) => element.with_attribute(("continue", "No")),
        None => element,
    };
    element.write_inner_content(|w| {
        w.create_element("conditionvar")
            .write_inner_content(|w| condition.tests.iter().try_for_each(|t| test(w, t)))?;
        match &condition.score {
            Some(Score::Set(value)) => setvar(w, "Set", value)?,
            Some(Score::Add(value)) => setvar(w, "Add", value)?,
            None => {}
        }
        if let Some(ident) = &condition.feedback {
            w.create_element("displayfeedback")
                .with_attributes([("feedbacktype", "Response"), ("linkrefid", ident.as_str())])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

fn setvar(w: &mut Xml, action: &str, value: &str) -> io::Result<()> {
    w.create_element("setvar")
        .with_attributes([("action", action), ("varname", "SCORE")])
        .write_text_content(BytesText::new(value))?;
    Ok(())
}

fn test(w: &mut Xml, test: &Test) -> io::Result<()> {
    let compare = |w: &mut Xml, name: &str, respident: &str, value: &str| -> io::Result<()> {
        w.create_element(name)
            .with_attribute(("respident", respident))
            .write_text_content(BytesText::new(value))?;
        Ok(())
    };
    match test {
        Test::Other => {
            w.create_element("other").write_empty()?;
        }
        Test::Equal(r, v) => compare(w, "varequal", r, v)?,
        Test::AtLeast(r, v) => compare(w, "vargte", r, v)?,
        Test::AtMost(r, v) => compare(w, "varlte", r, v)?,
        Test::Not(inner) => {
            w.create_element("not").write_inner_content(|w| test_one(w, inner))?;
        }
        Test::And(all) => {
            w.create_element("and")
                .write_inner_content(|w| all.iter().try_for_each(|t| test_one(w, t)))?;
        }
        Test::Or(any) => {
            w.create_element("or")
                .write_inner_content(|w| any.iter().try_for_each(|t| test_one(w, t)))?;
        }
    }
    Ok(())
}

/// [`test`] as a closure body (quick-xml's nested writers take `FnOnce`).
fn test_one(w: &mut Xml, t: &Test) -> io::Result<()> {
    test(w, t)
}

fn feedback(w: &mut Xml, ident: &str, html: &str) -> io::Result<()> {
    w.create_element("itemfeedback")
        .with_attribute(("ident", ident))
        .write_inner_content(|w| {
            w.create_element("flow_mat")
                .write_inner_content(|w| material(w, &Material::Html(html.to_owned())))?;
            Ok(())
        })?;
    Ok(())
}
