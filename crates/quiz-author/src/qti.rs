//! A quiz as a QTI 1.2 package in the layout Canvas exports and imports
//! (and text2qti writes): `imsmanifest.xml`, the assessment
//! `<ident>/<ident>.xml` (one `<section>` of `<item>`s, each with Canvas's
//! `question_type` and `points_possible`) and `<ident>/assessment_meta.xml`
//! (Canvas's quiz settings: title, description, points). Canvas (Classic
//! and New Quizzes), Blackboard, Brightspace and Sakai import QTI 1.2 as a
//! quiz of their own questions.
//!
//! [`export_qti`] makes the package's files in memory, paths and bytes, so
//! that the CLI zips them and a page in the browser could too. Everything
//! is deterministic: idents come from the quiz's and the questions' ids,
//! and nothing holds a date.

pub mod html;
mod item;
mod kinds;
mod number;

use std::io;

use quick_xml::events::BytesText;
use quiz_format::model::{fnv64, Quiz};

use crate::xml::{xml_document, Xml};
use item::Item;

/// A QTI package's files, and what it could not hold.
pub struct Package {
    /// `(path, bytes)`, the manifest first.
    pub files: Vec<(String, Vec<u8>)>,
    /// Per question (`question ID: …`) and for the quiz (`the quiz: …`),
    /// what QTI 1.2 (as Canvas reads it) could not hold: a question of a
    /// kind it lacks is left out and said so.
    pub notes: Vec<String>,
}

/// The quiz as a QTI 1.2 package. An error only when a text holds a
/// character XML cannot (the validator refuses them in a valid quiz).
pub fn export_qti(quiz: &Quiz) -> Result<Package, String> {
    let ident = format!("quiz-{}", quiz.id);
    let mut notes = quiz_notes(quiz);
    let mut items = Vec::new();
    for q in &quiz.questions {
        let mut cx = kinds::Context {
            question: q,
            ident: item_ident(&q.id),
            notes: Vec::new(),
        };
        let item = kinds::item(&mut cx);
        if item.is_none() {
            cx.notes.push("left out".to_owned());
        }
        notes.extend(cx.notes.into_iter().map(|n| format!("question {}: {n}", q.id)));
        items.extend(item);
    }
    let points: u32 = items.iter().map(|i| u32::from(i.points)).sum();
    let files = vec![
        ("imsmanifest.xml".to_owned(), manifest(&ident)?),
        (format!("{ident}/{ident}.xml"), assessment(quiz, &ident, &items)?),
        (format!("{ident}/assessment_meta.xml"), meta(quiz, &ident, points)?),
    ];
    Ok(Package {
        files: files.into_iter().map(|(p, t)| (p, t.into_bytes())).collect(),
        notes,
    })
}

/// An item's ident: `item-` and the question's id when it is made of
/// letters, digits, `-`, `_` and `.` (as an XML name may be); else
/// `item-x` and the id's hash, so that any id makes a plain ident.
fn item_ident(id: &str) -> String {
    match id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        true => format!("item-{id}"),
        false => format!("item-x{:016x}", fnv64(id)),
    }
}

/// What the quiz's settings lose: draws (Canvas's question groups pick
/// from their own questions, which this export does not make) and the pass
/// mark (QTI 1.2 has none: the LMS sets it).
fn quiz_notes(quiz: &Quiz) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(mark) = quiz.pass_mark {
        notes.push(format!(
            "the quiz: its pass mark of {mark} % is not kept (QTI 1.2 has none): set it in the LMS"
        ));
    }
    if let Some(n) = quiz.draw {
        notes.push(format!(
            "the quiz: its draw of {n} questions is not kept: every question is in the quiz"
        ));
    }
    for s in quiz.sections.iter().filter(|s| s.draw.is_some()) {
        notes.push(format!(
            "section {}: its draw is not kept: every question is in the quiz",
            s.id
        ));
    }
    notes
}

/// `imsmanifest.xml`: the assessment's resource and, as its dependency,
/// the resource of Canvas's settings, as Canvas exports them.
fn manifest(ident: &str) -> Result<String, String> {
    let meta_ref = format!("{ident}-meta");
    let meta_path = format!("{ident}/assessment_meta.xml");
    xml_document("imsmanifest.xml", |w| {
        w.create_element("manifest")
            .with_attribute(("identifier", format!("{ident}-manifest").as_str()))
            .with_attribute(("xmlns", "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"))
            .write_inner_content(|w| {
                w.create_element("metadata").write_inner_content(|w| {
                    text(w, "schema", "IMS Content")?;
                    text(w, "schemaversion", "1.1.3")
                })?;
                w.create_element("organizations").write_empty()?;
                w.create_element("resources").write_inner_content(|w| {
                    w.create_element("resource")
                        .with_attributes([("identifier", ident), ("type", "imsqti_xmlv1p2")])
                        .write_inner_content(|w| {
                            let path = format!("{ident}/{ident}.xml");
                            w.create_element("file")
                                .with_attribute(("href", path.as_str()))
                                .write_empty()?;
                            w.create_element("dependency")
                                .with_attribute(("identifierref", meta_ref.as_str()))
                                .write_empty()?;
                            Ok(())
                        })?;
                    w.create_element("resource")
                        .with_attributes([
                            ("identifier", meta_ref.as_str()),
                            ("type", "associatedcontent/imscc_xmlv1p1/learning-application-resource"),
                            ("href", meta_path.as_str()),
                        ])
                        .write_inner_content(|w| {
                            w.create_element("file")
                                .with_attribute(("href", meta_path.as_str()))
                                .write_empty()?;
                            Ok(())
                        })?;
                    Ok(())
                })?;
                Ok(())
            })?;
        Ok(())
    })
}

/// The assessment: its attempts and time limit, then one section of items.
fn assessment(quiz: &Quiz, ident: &str, items: &[Item]) -> Result<String, String> {
    let attempts = quiz
        .exam
        .and_then(|e| e.attempts)
        .map_or_else(|| "unlimited".to_owned(), |n| n.to_string());
    xml_document(&format!("{ident}.xml"), |w| {
        w.create_element("questestinterop")
            .with_attribute(("xmlns", "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"))
            .write_inner_content(|w| {
                w.create_element("assessment")
                    .with_attributes([("ident", ident), ("title", quiz.title.as_str())])
                    .write_inner_content(|w| {
                        let minutes = quiz.exam.and_then(|e| e.minutes).map(|m| m.to_string());
                        let mut fields = Vec::new();
                        if let Some(m) = &minutes {
                            fields.push(("qmd_timelimit", m.as_str()));
                        }
                        fields.push(("cc_maxattempts", attempts.as_str()));
                        item::metadata(w, &fields)?;
                        w.create_element("section")
                            .with_attribute(("ident", "root_section"))
                            .write_inner_content(|w| {
                                items
                                    .iter()
                                    .try_for_each(|i| i.write(w, &format!("{}-question", i.ident)))
                            })?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

/// `assessment_meta.xml`: Canvas's quiz settings. Answers are not
/// shuffled (the widget shuffles only when asked), correct answers are
/// shown, and the quiz arrives unpublished, for the teacher to look over.
fn meta(quiz: &Quiz, ident: &str, points: u32) -> Result<String, String> {
    let description = quiz.description.as_deref().map(html::blocks).unwrap_or_default();
    let points = format!("{points}.0");
    let attempts = quiz
        .exam
        .and_then(|e| e.attempts)
        .map_or_else(|| "-1".to_owned(), |n| n.to_string());
    xml_document("assessment_meta.xml", |w| {
        w.create_element("quiz")
            .with_attributes([
                ("identifier", ident),
                ("xmlns", "http://canvas.instructure.com/xsd/cccv1p0"),
            ])
            .write_inner_content(|w| {
                text(w, "title", &quiz.title)?;
                text(w, "description", &description)?;
                text(w, "shuffle_answers", "false")?;
                text(w, "scoring_policy", "keep_highest")?;
                text(w, "quiz_type", "assignment")?;
                text(w, "points_possible", &points)?;
                text(w, "show_correct_answers", "true")?;
                if let Some(m) = quiz.exam.and_then(|e| e.minutes) {
                    text(w, "time_limit", &m.to_string())?;
                }
                text(w, "allowed_attempts", &attempts)?;
                text(w, "one_question_at_a_time", "false")?;
                text(w, "cant_go_back", "false")?;
                text(w, "available", "false")?;
                assignment(w, quiz, ident, &points)
            })?;
        Ok(())
    })
}

/// The quiz's assignment in the gradebook, unpublished.
fn assignment(w: &mut Xml, quiz: &Quiz, ident: &str, points: &str) -> io::Result<()> {
    w.create_element("assignment")
        .with_attribute(("identifier", format!("{ident}-assignment").as_str()))
        .write_inner_content(|w| {
            text(w, "title", &quiz.title)?;
            text(w, "workflow_state", "unpublished")?;
            text(w, "quiz_identifierref", ident)?;
            text(w, "points_possible", points)?;
            text(w, "grading_type", "points")?;
            text(w, "submission_types", "online_quiz")
        })?;
    Ok(())
}

fn text(w: &mut Xml, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name).write_text_content(BytesText::new(value))?;
    Ok(())
}
