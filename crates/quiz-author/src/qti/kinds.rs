//! Each question kind as the Canvas question type that holds it, or
//! `None` (with what was left out said) for the kinds QTI 1.2 has no type
//! for.

use quiz_format::model::{NumericForm, Question, QuestionKind};
use quiz_format::{Blank, Cloze, Matching, Numeric, Short};

use super::html;
use super::item::{Condition, Item, Label, Material, Response, Score, Test, RESPONSE};
use super::number::bounds;

/// A question being written: its item's ident and what was said of it.
pub struct Context<'q> {
    pub question: &'q Question,
    pub ident: String,
    pub notes: Vec<String>,
}

impl Context<'_> {
    /// An answer's ident: the item's, then `-` and `suffix`.
    fn answer(&self, suffix: impl std::fmt::Display) -> String {
        format!("{}-{suffix}", self.ident)
    }

    /// The item with what every kind shares: title, points, the prompt's
    /// HTML, the explanation as the general feedback (`general_fb`).
    fn item(&self, question_type: &'static str, html: String) -> Item {
        let q = self.question;
        let mut item = Item {
            ident: self.ident.clone(),
            title: q.id.clone(),
            question_type,
            points: q.points(),
            answer_ids: Vec::new(),
            html,
            responses: Vec::new(),
            conditions: Vec::new(),
            feedback: Vec::new(),
        };
        if let Some(explanation) = &q.explanation {
            item.conditions.push(Condition::always("general_fb"));
            item.feedback.push(("general_fb".to_owned(), html::blocks(explanation)));
        }
        item
    }
}

/// The question as an item, or `None` for a kind QTI cannot hold.
pub fn item(cx: &mut Context) -> Option<Item> {
    let q = cx.question;
    if !q.hints.is_empty() {
        cx.notes.push("its hints are not kept (QTI 1.2 has none)".to_owned());
    }
    let prompt = html::blocks(&q.prompt);
    match &q.kind {
        QuestionKind::Single(k) => Some(choices(
            cx,
            "multiple_choice_question",
            prompt,
            &k.choices,
            &k.feedback,
            &[k.answer],
        )),
        QuestionKind::Multiple(k) => Some(choices(
            cx,
            "multiple_answers_question",
            prompt,
            &k.choices,
            &k.feedback,
            &k.answers,
        )),
        QuestionKind::TrueFalse(k) => Some(true_false(cx, prompt, k.answer)),
        QuestionKind::Short(k) => Some(short(cx, prompt, k)),
        QuestionKind::Numeric(k) => Some(numeric(cx, prompt, k)),
        QuestionKind::Matching(k) => Some(matching(cx, prompt, k)),
        QuestionKind::Cloze(k) => Some(cloze(cx, &q.prompt, k)),
        QuestionKind::Ordering(_)
        | QuestionKind::Tracing(_)
        | QuestionKind::Flashcard(_)
        | QuestionKind::Exercise(_) => {
            cx.notes
                .push(format!("QTI 1.2 has no {} questions", q.kind.name().as_str()));
            None
        }
    }
}

/// A single or multiple choice question: one `response_lid` of the
/// choices; each choice's feedback shown when it is picked.
fn choices(
    cx: &Context,
    question_type: &'static str,
    prompt: String,
    choices: &[String],
    feedback: &[String],
    right: &[usize],
) -> Item {
    let mut item = cx.item(question_type, prompt);
    let idents: Vec<String> = (1..=choices.len()).map(|n| cx.answer(n)).collect();
    let labels = choices
        .iter()
        .zip(&idents)
        .map(|(c, ident)| Label {
            ident: ident.clone(),
            material: Material::Html(html::inline(c)),
        })
        .collect();
    let multiple = question_type == "multiple_answers_question";
    item.responses.push(Response::Choice {
        ident: RESPONSE.to_owned(),
        cardinality: Some(if multiple { "Multiple" } else { "Single" }),
        material: None,
        labels,
    });
    for (ident, text) in idents.iter().zip(feedback).filter(|(_, f)| !f.is_empty()) {
        let fb = format!("{ident}_fb");
        item.conditions.push(Condition::when(ident, fb.clone()));
        item.feedback.push((fb, html::blocks(text)));
    }
    let equal = |ident: &String| Test::Equal(RESPONSE.to_owned(), ident.clone());
    let test = match multiple {
        // Every right choice picked and no other, as Canvas writes it.
        true => Test::And(
            idents
                .iter()
                .enumerate()
                .map(|(i, ident)| {
                    if right.contains(&i) {
                        equal(ident)
                    } else {
                        Test::Not(Box::new(equal(ident)))
                    }
                })
                .collect(),
        ),
        false => equal(
            idents
                .get(right.first().copied().unwrap_or_default())
                .unwrap_or(&cx.answer(1)),
        ),
    };
    item.conditions.push(Condition::right(vec![test]));
    item.answer_ids = idents;
    item
}

fn true_false(cx: &Context, prompt: String, answer: bool) -> Item {
    let mut item = cx.item("true_false_question", prompt);
    let (yes, no) = (cx.answer(1), cx.answer(2));
    item.responses.push(Response::Choice {
        ident: RESPONSE.to_owned(),
        cardinality: Some("Single"),
        material: None,
        labels: vec![
            Label {
                ident: yes.clone(),
                material: Material::Plain("True".to_owned()),
            },
            Label {
                ident: no.clone(),
                material: Material::Plain("False".to_owned()),
            },
        ],
    });
    let right = if answer { &yes } else { &no };
    item.conditions
        .push(Condition::right(vec![Test::Equal(RESPONSE.to_owned(), right.clone())]));
    item.answer_ids = vec![yes, no];
    item
}

/// A short answer: a typed response, right when it is one of the accepted
/// answers; an accepted answer's feedback shown when it is given.
fn short(cx: &mut Context, prompt: String, k: &Short) -> Item {
    let mut item = cx.item("short_answer_question", prompt);
    item.responses.push(Response::Typed { decimal: false });
    if k.case_sensitive {
        cx.notes
            .push("case-sensitive comparison is not kept (Canvas compares short answers without case)".to_owned());
    }
    item.answer_ids = (1..=k.accept.len()).map(|n| cx.answer(n)).collect();
    for (ident, accepted) in item.answer_ids.iter().zip(&k.accept) {
        if let Some((_, text)) = k.feedback.iter().find(|(a, _)| a == accepted) {
            let fb = format!("{ident}_fb");
            item.conditions.push(Condition::when(accepted, fb.clone()));
            item.feedback.push((fb, html::blocks(text)));
        }
    }
    let wrong: Vec<&str> = k
        .feedback
        .iter()
        .filter(|(a, _)| !k.accept.contains(a))
        .map(|(a, _)| a.as_str())
        .collect();
    if !wrong.is_empty() {
        cx.notes.push(format!(
            "feedback for wrong answers is not kept (a Canvas short answer's answers are all right ones): {}",
            wrong.join(", ")
        ));
    }
    let tests = k
        .accept
        .iter()
        .map(|a| Test::Equal(RESPONSE.to_owned(), a.clone()))
        .collect();
    item.conditions.push(Condition::right(tests));
    item
}

/// A number: an exact answer with its margin as Canvas writes it (the
/// answer, or between its bounds), or a range.
fn numeric(cx: &mut Context, prompt: String, k: &Numeric) -> Item {
    let mut item = cx.item("numerical_question", prompt);
    item.responses.push(Response::Typed { decimal: true });
    item.answer_ids = vec![cx.answer(1)];
    if let Some(unit) = &k.unit {
        cx.notes
            .push(format!("its unit ({unit}) is not kept (Canvas numbers have none)"));
    }
    if !k.feedback.is_empty() {
        cx.notes.push(
            "feedback for particular numbers is not kept (a Canvas numerical answer's answers are all right ones)"
                .to_owned(),
        );
    }
    let at = |name: fn(String, String) -> Test, value: String| name(RESPONSE.to_owned(), value);
    let tests = match k.form() {
        NumericForm::Answer {
            answer,
            tolerance,
            percent,
        } => {
            if percent.is_some() {
                cx.notes
                    .push("its tolerance in percent is written as the bounds it gives".to_owned());
            }
            let (low, high) = bounds(answer, tolerance.or(percent), percent.is_some(), (k.min, k.max));
            vec![Test::Or(vec![
                at(Test::Equal, answer.to_owned()),
                Test::And(vec![at(Test::AtLeast, low), at(Test::AtMost, high)]),
            ])]
        }
        NumericForm::Range(low, high) => vec![at(Test::AtLeast, low.to_owned()), at(Test::AtMost, high.to_owned())],
    };
    item.conditions.push(Condition::right(tests));
    item
}

/// A matching question as Canvas writes one: a `response_lid` per left
/// item, each offering every right item (distractors too), and an equal
/// share of the score for each right match.
fn matching(cx: &mut Context, prompt: String, k: &Matching) -> Item {
    let mut item = cx.item("matching_question", prompt);
    let rights: Vec<Label> = k
        .rights()
        .enumerate()
        .map(|(j, r)| Label {
            ident: cx.answer(format!("r{}", j + 1)),
            material: Material::Bare(html::plain(r)),
        })
        .collect();
    if k.rights().any(|r| html::plain(r) != *r) {
        cx.notes
            .push("the right items' formatting is not kept (Canvas's matches are plain text)".to_owned());
    }
    let share = share(k.pairs.len());
    for (i, (left, _)) in k.pairs.iter().enumerate() {
        let ident = cx.answer(i + 1);
        let response = format!("response_{ident}");
        let right = rights.get(i).map(|l| l.ident.clone()).unwrap_or_default();
        item.conditions.push(Condition {
            proceed: None,
            tests: vec![Test::Equal(response.clone(), right)],
            score: Some(Score::Add(share.clone())),
            feedback: None,
        });
        let labels = rights
            .iter()
            .map(|l| Label {
                ident: l.ident.clone(),
                material: Material::Bare(bare(&l.material)),
            })
            .collect();
        item.responses.push(Response::Choice {
            ident: response,
            cardinality: None,
            material: Some(Material::Html(html::inline(left))),
            labels,
        });
        item.answer_ids.push(ident);
    }
    item
}

fn bare(material: &Material) -> String {
    match material {
        Material::Html(t) | Material::Plain(t) | Material::Bare(t) => t.clone(),
    }
}

/// Each of `n` parts' share of 100, as Canvas writes it (`33.33`).
fn share(n: usize) -> String {
    format!("{:.2}", 100.0 / n.max(1) as f64)
}

/// A cloze text: typed blanks make a `fill_in_multiple_blanks_question`,
/// picked ones a `multiple_dropdowns_question`; the text holds each blank
/// as `[blankN]`, and each blank is a `response_lid` of its answers (every
/// one right in a typed blank, as Canvas reads them; the right option
/// scored in a picked one). A text with both kinds is written with typed
/// blanks: Canvas has no question with both, a dropdown made of a typed
/// blank's answers would show only right ones, and typing the right option
/// asks no less than picking it.
fn cloze(cx: &mut Context, prompt: &str, k: &Cloze) -> Item {
    let typed = k.blanks.iter().any(|b| matches!(b, Blank::Typed(_)));
    let picked = k.blanks.iter().any(|b| matches!(b, Blank::Pick { .. }));
    if typed && picked {
        cx.notes.push(
            "its picked blanks are written as typed blanks that accept the right option (Canvas has no question with both kinds)"
                .to_owned(),
        );
    }
    if typed && k.case_sensitive {
        cx.notes
            .push("case-sensitive comparison is not kept (Canvas compares blanks without case)".to_owned());
    }
    let question_type = if typed {
        "fill_in_multiple_blanks_question"
    } else {
        "multiple_dropdowns_question"
    };
    let mut item = cx.item(question_type, cloze_html(prompt, k));
    let share = share(k.blanks.len());
    for (b, blank) in k.blanks.iter().enumerate() {
        let name = format!("blank{}", b + 1);
        let (answers, right): (Vec<&String>, Vec<usize>) = match blank {
            Blank::Typed(accept) => (accept.iter().collect(), (0..accept.len()).collect()),
            Blank::Pick { options, right } if typed => (options.get(*right).into_iter().collect(), vec![0]),
            Blank::Pick { options, right } => (options.iter().collect(), vec![*right]),
        };
        let idents: Vec<String> = (1..=answers.len())
            .map(|n| cx.answer(format!("b{}-{n}", b + 1)))
            .collect();
        let response = format!("response_{name}");
        let equal = |i: &usize| idents.get(*i).map(|id| Test::Equal(response.clone(), id.clone()));
        let mut tests: Vec<Test> = right.iter().filter_map(equal).collect();
        let test = if tests.len() == 1 {
            tests.remove(0)
        } else {
            Test::Or(tests)
        };
        item.conditions.push(Condition {
            proceed: None,
            tests: vec![test],
            score: Some(Score::Add(share.clone())),
            feedback: None,
        });
        let labels = answers.iter().zip(&idents).map(|(a, id)| Label {
            ident: id.clone(),
            material: Material::Plain((*a).clone()),
        });
        item.responses.push(Response::Choice {
            ident: response,
            cardinality: None,
            material: Some(Material::Bare(name)),
            labels: labels.collect(),
        });
        item.answer_ids.extend(idents);
    }
    item
}

/// The prompt, then the text with `[blankN]` where each blank stands.
/// The text is read as Markdown with a placeholder in each blank that
/// Markdown leaves alone (a private-use character and the blank's number),
/// which becomes `[blankN]` in the HTML, so that no `[…](…)` around a
/// blank is read as a link.
fn cloze_html(prompt: &str, k: &Cloze) -> String {
    let mut text = String::new();
    for (i, part) in k.parts.iter().enumerate() {
        text.push_str(part);
        if i + 1 < k.parts.len() {
            text.push_str(&format!("\u{E000}{}\u{E001}", i + 1));
        }
    }
    let mut body = html::blocks(&text);
    for n in 1..=k.blanks.len() {
        body = body.replace(&format!("\u{E000}{n}\u{E001}"), &format!("[blank{n}]"));
    }
    format!("{}{body}", html::blocks(prompt))
}
