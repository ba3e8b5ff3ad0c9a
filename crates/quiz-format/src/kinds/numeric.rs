//! `numeric`: type a number, right within a tolerance or a range.

use super::Kind;
use crate::format::{Field, FieldType as T};
use crate::json::{Node, Value};
use crate::hash::Fnv64;
use crate::number::parse_number;
use crate::check::{Checker, Fields, Path};
use crate::json::Object;

/// Type a number; it is right when it lies in `min..=max`.
#[derive(Clone, Debug, PartialEq)]
pub struct Numeric {
    /// What the author wrote, shown as the solution: `9.81`, `9.81 ± 0.05`
    /// or `9.7 to 9.9`.
    pub shown: String,
    pub min: f64,
    pub max: f64,
    /// Shown beside the field, such as `m/s²`.
    pub unit: Option<String>,
    /// `(value, feedback)`: shown when the learner's number is this value
    /// (a common wrong one, say); the value as written, a number.
    pub feedback: Vec<(String, String)>,
    /// The fields as written, for the writer and the content hash.
    written: Written,
}

/// A numeric question's fields as the author wrote them.
#[derive(Clone, Debug, PartialEq)]
enum Written {
    Answer { answer: String, tolerance: Option<String>, percent: Option<String> },
    Range(String, String),
}

fields! {
    FIELDS, DOCS = [
        ("answer", T::Number, false, "The right number. Give `answer` or `range`."),
        ("tolerance", T::NonNegativeNumber, false, "How far an answer may be from `answer` and still be right (default 0)."),
        ("tolerance_percent", T::NonNegativeNumber, false, "The same, as a percentage of `answer`; not with `tolerance`."),
        ("range", T::NumberRange, false, "The lowest and highest right answer, `[min, max]`; instead of `answer`."),
        ("unit", T::Text, false, "Shown beside the answer field, such as `m/s²`."),
        (
            "feedback",
            T::Pairs,
            false,
            "Feedback for particular numbers, `[number, text]` (the number as a string, such as [\"6\", \"They sleep at the same time.\"]): the Markdown text shows with the verdict when the learner's number is that one.",
        ),
    ]
}

impl Kind for Numeric {
    const DOC: &'static str = "Type a number; right within a tolerance or a range.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        let unit = checker.text(fields, "unit");
        let written = match (fields.member("answer"), fields.member("range")) {
            (Some(_), Some(range)) => {
                let message = "give `answer` (with a `tolerance`) or `range`, not both";
                checker.error(&fields.path.key("range"), range.key_span, || message.to_owned());
                return None;
            }
            (None, Some(_)) => read_range(checker, fields)?,
            _ => read_answer(checker, fields)?,
        };
        let feedback = feedback(checker, fields)?;
        let (min, max) = written.bounds()?;
        Some(Numeric {
            shown: written.shown(),
            min,
            max,
            unit,
            feedback,
            written,
        })
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        let number = |text: &'q str| Value::Number(text.into());
        let object = match &self.written {
            Written::Answer { answer, tolerance, percent } => {
                let object = object.put("answer", number(answer));
                let object = match tolerance {
                    Some(t) => object.put("tolerance", number(t)),
                    None => object,
                };
                match percent {
                    Some(p) => object.put("tolerance_percent", number(p)),
                    None => object,
                }
            }
            Written::Range(low, high) => object.array("range", [number(low), number(high)].into_iter()),
        };
        let object = object.maybe("unit", self.unit.as_ref());
        match self.feedback.is_empty() {
            true => object,
            false => object.array("feedback", self.feedback.iter().map(|(v, t)| super::matching::pair_value(v, t))),
        }
    }

    fn hash(&self, hash: &mut Fnv64) {
        hash.field(&self.min.to_bits().to_string());
        hash.field(&self.max.to_bits().to_string());
    }
}

/// The optional `feedback` pairs, each first a number in a string.
fn feedback<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Vec<(String, String)>> {
    let pairs = super::short::feedback(checker, fields)?;
    if let Some((i, (value, _))) = pairs.iter().enumerate().find(|(_, (v, _))| parse_number(v.trim()).is_none()) {
        let path = fields.path.key("feedback");
        let span = fields.member("feedback").map_or(fields.span(), |m| m.value.span);
        let message = || format!("feedback {i} is for \"{value}\", which is not a number: write it as `9.81` or `-2`");
        checker.error(&path.index(i), span, message);
        return None;
    }
    Some(pairs)
}

impl Numeric {
    /// A numeric question from how a Markdown bank writes its answer:
    /// `9.81`, `9.81 ± 0.05` (or `+-`), `300000 ± 1 %`, or `6.5 to 7.5`,
    /// each with an optional unit after it (`2 ± 0.2 s`). The message says
    /// what could not be read.
    pub fn from_answer_text(text: &str) -> Result<Numeric, String> {
        let text = text.replace("+-", "±").replace('±', " ± ");
        let words: Vec<&str> = text.split_whitespace().collect();
        let number = |at: usize| {
            let word = words.get(at).copied().unwrap_or_default();
            parse_number(word).map(|_| word.to_owned())
        };
        let not_a_number = |at: usize| format!("\"{}\" is not a number", words.get(at).copied().unwrap_or_default());
        let (written, rest) = match words.get(1).copied() {
            Some("to") => {
                let (low, high) = (number(0).ok_or_else(|| not_a_number(0))?, number(2).ok_or_else(|| not_a_number(2))?);
                (Written::Range(low, high), 3)
            }
            Some("±") => {
                let answer = number(0).ok_or_else(|| not_a_number(0))?;
                let by = number(2).ok_or_else(|| not_a_number(2))?;
                match words.get(3).copied() {
                    Some("%") => (Written::Answer { answer, tolerance: None, percent: Some(by) }, 4),
                    _ => (Written::Answer { answer, tolerance: Some(by), percent: None }, 3),
                }
            }
            _ => (Written::Answer { answer: number(0).ok_or_else(|| not_a_number(0))?, tolerance: None, percent: None }, 1),
        };
        let (min, max) = written.bounds().ok_or_else(|| "the numbers give no range".to_owned())?;
        if min > max {
            return Err("the lower number of a range comes first".to_owned());
        }
        let unit = words.get(rest..).filter(|w| !w.is_empty()).map(|w| w.join(" "));
        Ok(Numeric { shown: written.shown(), min, max, unit, feedback: Vec::new(), written })
    }
}

/// How the author wrote a numeric question's right answers, as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumericForm<'a> {
    /// `answer`, with an absolute `tolerance` or a `tolerance_percent`.
    Answer { answer: &'a str, tolerance: Option<&'a str>, percent: Option<&'a str> },
    /// `range`: the lowest and the highest right number.
    Range(&'a str, &'a str),
}

impl Numeric {
    /// The right answers as the author wrote them (for writers of other formats).
    pub fn form(&self) -> NumericForm<'_> {
        match &self.written {
            Written::Answer { answer, tolerance, percent } => {
                NumericForm::Answer { answer, tolerance: tolerance.as_deref(), percent: percent.as_deref() }
            }
            Written::Range(low, high) => NumericForm::Range(low, high),
        }
    }
}

impl Written {
    /// The right answers as a closed range.
    fn bounds(&self) -> Option<(f64, f64)> {
        match self {
            Written::Answer { answer, tolerance, percent } => {
                let answer = parse_number(answer)?;
                let by = match (tolerance, percent) {
                    (Some(t), _) => parse_number(t)?,
                    (None, Some(p)) => answer.abs() * parse_number(p)? / 100.0,
                    (None, None) => 0.0,
                };
                Some((answer - by, answer + by))
            }
            Written::Range(low, high) => Some((parse_number(low)?, parse_number(high)?)),
        }
    }

    fn shown(&self) -> String {
        match self {
            Written::Answer { answer, tolerance: Some(t), .. } => format!("{answer} ± {t}"),
            Written::Answer { answer, percent: Some(p), .. } => format!("{answer} ± {p} %"),
            Written::Answer { answer, .. } => answer.clone(),
            Written::Range(low, high) => format!("{low} – {high}"),
        }
    }
}

fn read_answer<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Written> {
    let Some((node, path, _)) = checker.get(fields, "answer") else {
        let message = "missing the answer: add `\"answer\": 9.81` (with a `tolerance` if you like) or `\"range\": [9.7, 9.9]`";
        checker.error(&fields.path, fields.span(), || message.to_owned());
        return None;
    };
    let answer = number(checker, node, &path, false);
    let tolerance = checker.get(fields, "tolerance").and_then(|(n, p, _)| number(checker, n, &p, true));
    let percent = checker.get(fields, "tolerance_percent").and_then(|(n, p, _)| number(checker, n, &p, true));
    if let (Some(_), Some(member)) = (&tolerance, fields.member("tolerance_percent")) {
        let message = "give `tolerance` or `tolerance_percent`, not both";
        checker.error(&fields.path.key("tolerance_percent"), member.key_span, || message.to_owned());
        return None;
    }
    Some(Written::Answer { answer: answer?, tolerance, percent })
}

fn read_range<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Written> {
    for name in ["tolerance", "tolerance_percent"] {
        if let Some(member) = fields.member(name) {
            let message = || format!("`{name}` goes with `answer`; a `range` is already the right answers");
            checker.error(&fields.path.key(name), member.key_span, message);
        }
    }
    let (node, path, _) = checker.get(fields, "range")?;
    let Some(items) = node.as_array().filter(|items| items.len() == 2) else {
        checker.error(&path, node.span, || "`range` must be two numbers, `[min, max]`".to_owned());
        return None;
    };
    let mut bounds = items.iter().enumerate().map(|(i, item)| number(checker, item, &path.index(i), false));
    let (low, high) = (bounds.next().flatten()?, bounds.next().flatten()?);
    if parse_number(&low)? > parse_number(&high)? {
        let message = || format!("the lower number of `range` comes first: write [{high}, {low}]");
        checker.error(&path, node.span, message);
        return None;
    }
    Some(Written::Range(low, high))
}

/// A JSON number as written, if the reader of answers can read it too (at
/// most 15 significant digits); `non_negative` for tolerances.
fn number<const F: bool>(checker: &mut Checker<F>, node: &Node, path: &Path, non_negative: bool) -> Option<String> {
    let Value::Number(raw) = &node.value else {
        checker.wrong_type(path, node, if non_negative { "a number, 0 or more" } else { "a number" });
        return None;
    };
    if non_negative && raw.starts_with('-') {
        checker.error(path, node.span, || format!("{raw} is negative: a tolerance is 0 or more"));
        return None;
    }
    if parse_number(raw).is_none() {
        let message = || format!("{raw} has too many digits: a number may have at most 15 significant digits");
        checker.error(path, node.span, message);
        return None;
    }
    Some(raw.as_ref().to_owned())
}
