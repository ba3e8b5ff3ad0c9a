//! Imports mdbook-quiz's TOML quizzes (the format its `mdbook-quiz-schema`
//! crate defines): `MultipleChoice` becomes `single` or `multiple`,
//! `ShortAnswer` becomes `short` and `Tracing` becomes `tracing`.
//!
//! - `id` is kept as the question id (`{prefix}-{n:02}` without one);
//!   `context` becomes the explanation.
//! - A `multipart` question's context, from the file's `[multipart]` table,
//!   stands above its prompt.
//! - Choices: the answers (one, or a list) at `answerIndex` when given, in
//!   their order, as mdbook-quiz places them; sorted by their text with
//!   `sortAnswers`; otherwise mdbook-quiz shuffles them on every visit,
//!   and here they are put in an order of their own that is the same on
//!   every visit (by a hash of each choice's text), so the answer is not
//!   always first and saved answers keep their place.
//! - Only what cannot be carried is reported: `promptExplanation` (a
//!   telemetry prompt) and a `long` or `code` short answer (asked in one
//!   field) are notes; unknown keys and missing fields are problems, with
//!   their line.

use std::collections::BTreeMap;

use quiz_format::model::{Multiple, Outcome, Question, QuestionKind, Short, Single, Tracing};
use serde::Deserialize;
use toml::{Spanned, Value};

use crate::import::{Imported, Problem};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    questions: Vec<Spanned<Entry>>,
    #[serde(default)]
    multipart: BTreeMap<String, String>,
}

/// A question; its `prompt` and `answer` are read once its `type` is known.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Entry {
    id: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    multipart: Option<String>,
    prompt: Spanned<Value>,
    answer: Spanned<Value>,
    context: Option<String>,
    prompt_explanation: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ChoicePrompt {
    prompt: String,
    distractors: Vec<String>,
    answer_index: Option<usize>,
    sort_answers: Option<bool>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Answers {
    One(String),
    Several(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceAnswer {
    answer: Answers,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShortPrompt {
    prompt: String,
    response: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShortAnswer {
    answer: String,
    #[serde(default)]
    alternatives: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TracingPrompt {
    program: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TracingAnswer {
    does_compile: bool,
    stdout: Option<String>,
    line_number: Option<usize>,
}

/// The prompt of a tracing question, which mdbook-quiz's format does not have.
pub const TRACING_PROMPT: &str = "Read this program.";

/// Imports one mdbook-quiz TOML file.
pub fn import_toml(text: &str, id_prefix: &str) -> Imported {
    let mut out = Imported::default();
    let file: File = match toml::from_str(text) {
        Ok(file) => file,
        Err(e) => {
            let line = e.span().map_or(1, |span| line_of(text, span.start));
            out.problems.push(Problem {
                line,
                message: e.message().trim().to_owned(),
            });
            return out;
        }
    };
    for (n, entry) in file.questions.into_iter().enumerate() {
        let line = line_of(text, entry.span().start);
        let entry = entry.into_inner();
        let id = match entry.id.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() => usable_id(id, line, &mut out.notes),
            _ => format!("{id_prefix}-{:02}", n + 1),
        };
        let context = match &entry.multipart {
            Some(key) => match file.multipart.get(key) {
                Some(context) => Some(context.trim_end().to_owned()),
                None => {
                    let message =
                        format!("question {id}: `multipart = \"{key}\"` names no entry of the `[multipart]` table");
                    out.problems.push(Problem { line, message });
                    continue;
                }
            },
            None => None,
        };
        if entry.prompt_explanation == Some(true) {
            let message = format!("question {id}: `promptExplanation` (asking learners to justify their answer for telemetry) is not supported; the question is asked without it");
            out.notes.push(Problem { line, message });
        }
        let answer_line = line_of(text, entry.answer.span().start);
        let prompt_line = line_of(text, entry.prompt.span().start);
        match question(entry, id.clone(), line, &mut out.notes) {
            Ok(mut q) => {
                if let Some(context) = context {
                    q.prompt = format!("{context}\n\n{}", q.prompt);
                }
                out.questions.push(q);
            }
            Err(message) => {
                // At the table the problem is in, when it is one of the two.
                let line = match message.split('`').nth(1) {
                    Some("answer") => answer_line,
                    Some("prompt") => prompt_line,
                    _ => line,
                };
                out.problems.push(Problem {
                    line,
                    message: format!("question {id}: {message}"),
                })
            }
        }
    }
    out
}

fn question(entry: Entry, id: String, line: usize, notes: &mut Vec<Problem>) -> Result<Question, String> {
    let (prompt, kind) = match entry.kind.as_str() {
        "MultipleChoice" => multiple_choice(part(entry.prompt, "prompt")?, part(entry.answer, "answer")?, &id)?,
        "ShortAnswer" => {
            let (prompt, answer): (ShortPrompt, ShortAnswer) =
                (part(entry.prompt, "prompt")?, part(entry.answer, "answer")?);
            if let Some(response @ ("long" | "code")) = prompt.response.as_deref() {
                let message = format!("question {id}: `response = \"{response}\"` is asked in a one-line field");
                notes.push(Problem { line, message });
            }
            let mut accept = vec![answer.answer];
            accept.extend(answer.alternatives);
            let kind = QuestionKind::Short(Short {
                accept,
                case_sensitive: false,
                feedback: Vec::new(),
            });
            (prompt.prompt, kind)
        }
        "Tracing" => {
            let (prompt, answer): (TracingPrompt, TracingAnswer) =
                (part(entry.prompt, "prompt")?, part(entry.answer, "answer")?);
            // mdbook-quiz asks for no line; with `lineNumber` the learner is
            // asked for it too, and without it only whether it compiles.
            let outcome = match (answer.does_compile, answer.stdout, answer.line_number) {
                (true, stdout, _) => Outcome::Prints(stdout.unwrap_or_default()),
                (false, _, Some(line)) => Outcome::FailsAt(line),
                (false, _, None) => Outcome::Fails,
            };
            let kind = Tracing {
                program: prompt.program,
                language: "rust".to_owned(),
                outcome,
            };
            (TRACING_PROMPT.to_owned(), QuestionKind::Tracing(kind))
        }
        other => {
            return Err(format!(
                "unknown type \"{other}\": mdbook-quiz has \"MultipleChoice\", \"ShortAnswer\" and \"Tracing\""
            ))
        }
    };
    Ok(Question {
        id,
        section: None,
        difficulty: None,
        topic: None,
        tags: Vec::new(),
        prompt,
        hints: Vec::new(),
        explanation: entry.context.map(|c| c.trim_end().to_owned()),
        points: None,
        kind,
    })
}

/// A question's `prompt` or `answer` table read as its type has it.
fn part<T: for<'de> Deserialize<'de>>(value: Spanned<Value>, name: &str) -> Result<T, String> {
    value
        .into_inner()
        .try_into()
        .map_err(|e: toml::de::Error| format!("`{name}`: {}", e.message().trim()))
}

fn multiple_choice(prompt: ChoicePrompt, answer: ChoiceAnswer, id: &str) -> Result<(String, QuestionKind), String> {
    // A list, even of one, is mdbook-quiz's "select each" question.
    let (answers, several) = match answer.answer {
        Answers::One(a) => (vec![a], false),
        Answers::Several(list) => (list, true),
    };
    let answers = answers.into_iter().map(|a| (a, true));
    let mut choices: Vec<(String, bool)> = prompt.distractors.into_iter().map(|d| (d, false)).collect();
    match (prompt.answer_index, prompt.sort_answers) {
        // As mdbook-quiz places them: every answer, in its order, from that index.
        (Some(at), _) if at <= choices.len() => drop(choices.splice(at..at, answers)),
        (Some(at), _) => {
            return Err(format!(
                "`answerIndex = {at}` is past the end: with {} distractors it is at most {}",
                choices.len(),
                choices.len()
            ))
        }
        (None, sort) => {
            choices.splice(0..0, answers);
            match sort {
                Some(true) => choices.sort_by(|a, b| a.0.cmp(&b.0)),
                _ => choices.sort_by_key(|(text, _)| quiz_format::model::fnv64(&format!("{id}\u{0}{text}"))),
            }
        }
    }
    let answers: Vec<usize> = choices
        .iter()
        .enumerate()
        .filter(|(_, c)| c.1)
        .map(|(i, _)| i)
        .collect();
    let choices: Vec<String> = choices.into_iter().map(|(text, _)| text).collect();
    let kind = match answers.as_slice() {
        [answer] if !several => QuestionKind::Single(Single {
            choices,
            feedback: Vec::new(),
            answer: *answer,
        }),
        _ => QuestionKind::Multiple(Multiple {
            choices,
            feedback: Vec::new(),
            answers,
        }),
    };
    Ok((prompt.prompt, kind))
}

/// mdbook-quiz takes any text as an id (it names the question in
/// telemetry); ours keys the learner's progress and has no white space, so
/// each run of it becomes one `-`, with a note.
fn usable_id(id: &str, line: usize, notes: &mut Vec<Problem>) -> String {
    if !id.contains(char::is_whitespace) {
        return id.to_owned();
    }
    let usable = id.split_whitespace().collect::<Vec<_>>().join("-");
    let message = format!("question id \"{id}\" has spaces, which ids here cannot have: it is \"{usable}\"");
    notes.push(Problem { line, message });
    usable
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(1, |before| before.matches('\n').count() + 1)
}
