//! Reading a GIFT bank into questions.

use quiz_format::model::{
    Cloze, Difficulty, Exercise, Matching, Multiple, Numeric, Question, QuestionKind, Section, Short, Single, TrueFalse,
};

use super::{find_unescaped, html, unescape};
use crate::import::{Imported, Problem};

/// The prompt of a missing-word question, which GIFT writes as its sentence alone.
pub(super) const MISSING_WORD_PROMPT: &str = "Fill in the blank.";

/// One answer in braces: `=` or `~`, an optional `%weight%`, the text and its `#feedback`.
struct Answer {
    right: bool,
    weight: Option<f64>,
    text: String,
    feedback: Option<String>,
}

/// What one question block holds, read.
struct Read {
    name: Option<String>,
    /// Moodle's `[tag:…]` in the comments above the question.
    tags: Vec<String>,
    prompt: String,
    explanation: Option<String>,
    kind: QuestionKind,
    notes: Vec<String>,
}

/// How a text is written, which says how it is read: Moodle's `[html]` and
/// `[moodle]` become Markdown, the others (`[markdown]`, `[plain]`, none)
/// are taken as written.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    AsWritten,
    Html,
    Moodle,
}

/// A text's own `[format]` marker, else `default`; and the text after it.
fn format_of(text: &str, default: Format) -> (Format, &str) {
    for (marker, format) in [
        ("[html]", Format::Html),
        ("[moodle]", Format::Moodle),
        ("[markdown]", Format::AsWritten),
        ("[plain]", Format::AsWritten),
    ] {
        if let Some(rest) = text.strip_prefix(marker) {
            return (format, rest);
        }
    }
    (default, text)
}

/// Reads one question's texts in its format (an answer or feedback may
/// name its own), gathering what could not be kept.
struct Texts {
    format: Format,
    notes: Vec<String>,
}

impl Texts {
    fn note(&mut self, note: String) {
        super::note_once(&mut self.notes, note);
    }

    /// Unescaped text as our Markdown.
    fn read(&mut self, text: &str) -> String {
        let (format, text) = format_of(text.trim(), self.format);
        let converted = match format {
            Format::AsWritten => return text.trim().to_owned(),
            Format::Html => html::to_markdown(text),
            Format::Moodle => html::moodle_to_markdown(text),
        };
        for note in converted.notes {
            self.note(note);
        }
        converted.text
    }

    /// Unescaped text that Moodle writes as plain text whatever the
    /// question's format (a short answer, a matching pair's right side):
    /// without a `[format]` marker, as written; but where an `[html]`
    /// question's answer holds tags (`=<p>Fe</p>`, as a teacher may write
    /// it), its text, with a note: a learner types the text, not the tags.
    fn plain(&mut self, text: &str) -> String {
        let (format, text) = format_of(text.trim(), self.format);
        let text = text.trim();
        if format != Format::Html || !has_tag(text) {
            return text.to_owned();
        }
        let markdown = html::to_markdown(text).text;
        let plain: Vec<String> = quiz_markdown::parse(&markdown)
            .iter()
            .filter_map(|block| match block {
                quiz_markdown::Block::Paragraph(inlines) => Some(quiz_markdown::plain_text(inlines)),
                quiz_markdown::Block::Heading(..)
                | quiz_markdown::Block::Code { .. }
                | quiz_markdown::Block::List { .. }
                | quiz_markdown::Block::Quote(_)
                | quiz_markdown::Block::Table { .. }
                | quiz_markdown::Block::Rule => None,
            })
            .collect();
        let plain = plain.join(" ");
        self.note(format!(
            "the answer `{text}` is HTML: learners are asked to type its text, `{plain}`"
        ));
        plain
    }
}

/// Whether `text` holds an HTML tag (`<p>`, `</b>`, `<br/>`): `<` then a
/// letter or `/`, and a `>` after it. (`a < b` and `x<3` are not tags.)
fn has_tag(text: &str) -> bool {
    text.match_indices('<').any(|(at, _)| {
        let rest = text.get(at + 1..).unwrap_or_default();
        rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') && rest.contains('>')
    })
}

/// Imports one GIFT bank. Question ids come from the questions' names
/// (`::name::`), else `{id_prefix}-{n:02}`; categories become sections.
pub fn import_gift(text: &str, id_prefix: &str) -> Imported {
    let mut out = Imported::default();
    let mut section: Option<String> = None;
    for (first, block) in blocks(text) {
        // The question's line is its first after the comments above it.
        let line = first + block.lines().take_while(|l| l.trim_start().starts_with("//")).count();
        let (comments, block) = comments(&block);
        if block.is_empty() {
            continue;
        }
        if let Some(path) = block.strip_prefix("$CATEGORY:") {
            section = Some(category(&mut out, path));
            continue;
        }
        match question(&block) {
            Ok(Some(read)) => add(
                &mut out,
                Read {
                    tags: tags(&comments),
                    ..read
                },
                line,
                id_prefix,
                section.clone(),
            ),
            Ok(None) => {
                let message = "a description (text without answers in braces) is not a question; it was not imported";
                out.notes.push(Problem {
                    line,
                    message: message.to_owned(),
                });
            }
            Err(message) => out.problems.push(Problem { line, message }),
        }
    }
    out
}

/// The blocks: runs of lines between blank lines, each with its first
/// line's number. `//` comment lines stay in their block: Moodle reads a
/// question's `[tag:…]` from the comments just above it.
fn blocks(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut open = false;
    for (n, line) in text.lines().enumerate() {
        match (line.trim().is_empty(), open, out.last_mut()) {
            (true, _, _) => open = false,
            (false, true, Some((_, block))) => {
                block.push('\n');
                block.push_str(line);
            }
            (false, _, _) => {
                out.push((n + 1, line.to_owned()));
                open = true;
            }
        }
    }
    out
}

/// A block's `//` comment lines, and the rest.
fn comments(block: &str) -> (Vec<&str>, String) {
    let (comments, rest): (Vec<&str>, Vec<&str>) = block.lines().partition(|l| l.trim_start().starts_with("//"));
    (comments, rest.join("\n").trim().to_owned())
}

/// Moodle's `[tag:name]` marks in comment lines.
fn tags(comments: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for comment in comments {
        let mut rest = *comment;
        while let Some(at) = rest.find("[tag:") {
            let after = rest.get(at + 5..).unwrap_or_default();
            let Some(end) = after.find(']') else { break };
            out.push(after.get(..end).unwrap_or_default().trim().to_owned());
            rest = after.get(end..).unwrap_or_default();
        }
    }
    out
}

/// A `$CATEGORY:` line: its last part names a section, added once.
fn category(out: &mut Imported, path: &str) -> String {
    let path = path.trim().trim_start_matches("$course$/").trim_start_matches("top/");
    let title = unescape(path.rsplit('/').next().unwrap_or(path).trim());
    let id = slug(&title);
    if !out.sections.iter().any(|s| s.id == id) {
        out.sections.push(Section {
            id: id.clone(),
            title,
            description: None,
            draw: None,
        });
    }
    id
}

fn add(out: &mut Imported, read: Read, line: usize, prefix: &str, section: Option<String>) {
    let n = out.questions.len() + 1;
    let named = read.name.as_deref().map(slug).filter(|id| !id.is_empty());
    let id = match named {
        Some(id) if !out.questions.iter().any(|q| q.id == id) => id,
        _ => format!("{prefix}-{n:02}"),
    };
    for note in read.notes {
        out.notes.push(Problem {
            line,
            message: format!("question {id}: {note}"),
        });
    }
    // `topic:…` and `difficulty:…` tags are those fields, as the export writes them.
    let field = |prefix: &str| read.tags.iter().find_map(|t| t.strip_prefix(prefix)).map(str::to_owned);
    let difficulty = field("difficulty:").and_then(|d| Difficulty::ALL.into_iter().find(|x| x.as_str() == d));
    let topic = field("topic:");
    let tags = read
        .tags
        .iter()
        .filter(|t| !t.starts_with("topic:") && !t.starts_with("difficulty:"))
        .cloned()
        .collect();
    out.questions.push(Question {
        id,
        section,
        difficulty,
        topic,
        tags,
        prompt: read.prompt,
        hints: Vec::new(),
        explanation: read.explanation,
        points: None,
        kind: read.kind,
    });
}

/// Reads one question block; `None` for a description.
fn question(block: &str) -> Result<Option<Read>, String> {
    let mut rest = block.trim();
    let mut name = None;
    if let Some(after) = rest.strip_prefix("::") {
        let end = find_unescaped(after, "::").ok_or("the question's name has no closing `::`")?;
        name = Some(unescape(after.get(..end).unwrap_or_default().trim()));
        rest = after.get(end + 2..).unwrap_or_default().trim_start();
    }
    let (format, after) = format_of(rest, Format::AsWritten);
    rest = after.trim_start();
    let mut texts = Texts {
        format,
        notes: Vec::new(),
    };
    let Some(open) = find_unescaped(rest, "{") else {
        return Ok(None);
    };
    let inside = rest.get(open + 1..).unwrap_or_default();
    let close = find_unescaped(inside, "}").ok_or("the answers' `{` has no closing `}`")?;
    let stem = texts.read(&unescape(rest.get(..open).unwrap_or_default()));
    let tail = texts.read(&unescape(inside.get(close + 1..).unwrap_or_default()));
    let body = inside.get(..close).unwrap_or_default();
    let (body, explanation) = match find_unescaped(body, "####") {
        Some(at) => (
            body.get(..at).unwrap_or_default(),
            Some(texts.read(&unescape(body.get(at + 4..).unwrap_or_default()))),
        ),
        None => (body, None),
    };
    let (prompt, kind) = kind(&stem, &tail, body.trim(), &mut texts)?;
    let explanation = explanation.filter(|e| !e.is_empty());
    Ok(Some(Read {
        name,
        tags: Vec::new(),
        prompt,
        explanation,
        kind,
        notes: texts.notes,
    }))
}

/// The question's prompt and kind from its text and its answers.
fn kind(stem: &str, tail: &str, body: &str, texts: &mut Texts) -> Result<(String, QuestionKind), String> {
    let prompt = |text: &str| match text.is_empty() {
        true => Err("the question has no text".to_owned()),
        false => Ok(text.to_owned()),
    };
    let truth = body.split('#').next().unwrap_or_default().trim();
    if body.is_empty() {
        let exercise = Exercise {
            scenario: Vec::new(),
            think_about: Vec::new(),
            challenges: Vec::new(),
            review: None,
            tip: None,
            minutes: None,
            skills: Vec::new(),
        };
        return Ok((prompt(&joined(stem, tail))?, QuestionKind::Exercise(exercise)));
    }
    if let Some(numeric) = body.strip_prefix('#') {
        return Ok((
            prompt(&joined(stem, tail))?,
            QuestionKind::Numeric(self::numeric(numeric, texts)?),
        ));
    }
    if matches!(truth, "T" | "TRUE" | "F" | "FALSE") {
        if body.contains('#') {
            texts.note(
                "a true/false question's feedback per answer is not kept; write it in the explanation".to_owned(),
            );
        }
        return Ok((
            prompt(&joined(stem, tail))?,
            QuestionKind::TrueFalse(TrueFalse {
                answer: truth.starts_with('T'),
            }),
        ));
    }
    let answers = answers(body)?;
    if find_unescaped(body, "->").is_some() {
        return Ok((prompt(&joined(stem, tail))?, matching(&answers, texts)?));
    }
    let kind = match answers.iter().any(|a| !a.right) {
        true => choice(&answers, texts)?,
        false => short(&answers, texts)?,
    };
    match tail.is_empty() {
        true => Ok((prompt(stem)?, kind)),
        false => Ok((MISSING_WORD_PROMPT.to_owned(), missing_word(stem, tail, &kind)?)),
    }
}

/// Text before and after the braces of a question that is not a missing word.
fn joined(stem: &str, tail: &str) -> String {
    match tail.is_empty() {
        true => stem.to_owned(),
        false => format!("{stem} _____ {tail}"),
    }
}

/// The answers in braces, cut at each unescaped `=` or `~`.
fn answers(body: &str) -> Result<Vec<Answer>, String> {
    let mut out = Vec::new();
    let mut rest = body.trim();
    while let Some(marker) = rest.chars().next() {
        if marker != '=' && marker != '~' {
            return Err(format!(
                "an answer starts with `=` (right) or `~` (wrong), not with \"{}\"",
                rest.chars().take(12).collect::<String>()
            ));
        }
        let after = rest.get(1..).unwrap_or_default();
        let end = [find_unescaped(after, "="), find_unescaped(after, "~")]
            .into_iter()
            .flatten()
            .min();
        let item = end.map_or(after, |e| after.get(..e).unwrap_or_default());
        out.push(answer(marker == '=', item)?);
        rest = end.map_or("", |e| after.get(e..).unwrap_or_default()).trim_start();
    }
    Ok(out)
}

fn answer(right: bool, item: &str) -> Result<Answer, String> {
    let mut item = item.trim();
    let mut weight = None;
    if let Some(after) = item.strip_prefix('%') {
        let end = after.find('%').ok_or("a weight `%50%` has no closing `%`")?;
        let number = after.get(..end).unwrap_or_default();
        weight = Some(
            number
                .trim()
                .parse::<f64>()
                .map_err(|_| format!("\"{number}\" is not a weight in percent"))?,
        );
        item = after.get(end + 1..).unwrap_or_default();
    }
    let (text, feedback) = match find_unescaped(item, "#") {
        Some(at) => (
            item.get(..at).unwrap_or_default(),
            Some(unescape(item.get(at + 1..).unwrap_or_default()).trim().to_owned()),
        ),
        None => (item, None),
    };
    Ok(Answer {
        right,
        weight,
        text: text.trim().to_owned(),
        feedback: feedback.filter(|f| !f.is_empty()),
    })
}

/// `~` among the answers: one `=` is a single choice; weights without `=`
/// are several right answers (those weighing more than nothing).
fn choice(answers: &[Answer], texts: &mut Texts) -> Result<QuestionKind, String> {
    let choices: Vec<String> = answers.iter().map(|a| texts.read(&unescape(&a.text))).collect();
    let feedback: Vec<String> = answers
        .iter()
        .map(|a| a.feedback.as_deref().map(|f| texts.read(f)).unwrap_or_default())
        .collect();
    let feedback = if feedback.iter().all(String::is_empty) {
        Vec::new()
    } else {
        feedback
    };
    let rights: Vec<usize> = answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.right)
        .map(|(i, _)| i)
        .collect();
    match rights.as_slice() {
        [answer] => {
            if answers.iter().any(|a| a.weight.is_some_and(|w| w != 0.0)) {
                texts.note("partial weights on wrong answers are not kept: a wrong answer earns nothing".to_owned());
            }
            Ok(QuestionKind::Single(Single { choices, feedback, answer: *answer }))
        }
        [] => {
            let answers_: Vec<usize> = answers.iter().enumerate().filter(|(_, a)| a.weight.is_some_and(|w| w > 0.0)).map(|(i, _)| i).collect();
            if answers_.is_empty() {
                return Err("no answer is right: mark one with `=`, or give the right ones a weight above 0 (`~%50%`)".to_owned());
            }
            let share = 100.0 / answers_.len() as f64;
            if answers.iter().any(|a| a.weight.is_some_and(|w| w > 0.0 && (w - share).abs() > 0.01)) {
                texts.note("weights that are not equal shares are not kept: each right answer earns an equal share".to_owned());
            }
            Ok(QuestionKind::Multiple(Multiple { choices, feedback, answers: answers_ }))
        }
        _ => Err("several answers are marked `=`: a multiple-choice question with several right answers gives them weights, `~%50%`".to_owned()),
    }
}

/// Only `=` answers: a short answer. Fully weighted ones are accepted; `%0%`
/// ones with feedback are feedback for that answer.
fn short(answers: &[Answer], texts: &mut Texts) -> Result<QuestionKind, String> {
    let mut accept = Vec::new();
    let mut feedback = Vec::new();
    for a in answers {
        let text = texts.plain(&unescape(&a.text));
        match a.weight {
            None | Some(100.0) => accept.push(text.clone()),
            Some(0.0) => {}
            Some(w) => texts.note(format!(
                "the answer \"{text}\" weighs {w} %: only fully right answers are kept, so it counts as wrong"
            )),
        }
        if let Some(f) = &a.feedback {
            feedback.push((text, texts.read(f)));
        }
    }
    if accept.is_empty() {
        return Err("no answer is fully right: give one without a weight, or `%100%`".to_owned());
    }
    Ok(QuestionKind::Short(Short {
        accept,
        case_sensitive: false,
        feedback,
    }))
}

fn matching(answers: &[Answer], texts: &mut Texts) -> Result<QuestionKind, String> {
    let mut pairs = Vec::new();
    let mut distractors = Vec::new();
    for a in answers {
        let at = find_unescaped(&a.text, "->").ok_or("a matching question's answers are all `=left -> right`")?;
        let (left, right) = (
            texts.read(&unescape(a.text.get(..at).unwrap_or_default())),
            texts.plain(&unescape(a.text.get(at + 2..).unwrap_or_default())),
        );
        match left.trim().is_empty() {
            true => distractors.push(right.trim().to_owned()),
            false => pairs.push((left.trim().to_owned(), right.trim().to_owned())),
        }
        if a.feedback.is_some() {
            texts.note("feedback on a matching pair is not kept".to_owned());
        }
    }
    Ok(QuestionKind::Matching(Matching { pairs, distractors }))
}

/// `{#…}`: `answer`, `answer:tolerance` or `low..high`, or several `=` of
/// them with weights, where the fully right one counts.
fn numeric(body: &str, texts: &mut Texts) -> Result<Numeric, String> {
    let body = body.trim();
    let items = match body.starts_with('=') {
        true => answers(body)?,
        false => vec![answer(true, body)?],
    };
    let read = |text: &str| -> Result<String, String> {
        let text = unescape(text);
        match text
            .split_once("..")
            .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        {
            Some((low, high)) => Ok(format!("{low} to {high}")),
            None => Ok(match text.split_once(':') {
                Some((answer, tolerance)) if tolerance.trim().parse::<f64>().is_ok_and(|t| t == 0.0) => {
                    answer.trim().to_owned()
                }
                Some((answer, tolerance)) => format!("{} ± {}", answer.trim(), tolerance.trim()),
                None => text.trim().to_owned(),
            }),
        }
    };
    let right = items
        .iter()
        .find(|a| a.right && a.weight.is_none_or(|w| w == 100.0))
        .ok_or("no numeric answer is fully right")?;
    let mut numeric = Numeric::from_answer_text(&read(&right.text)?).map_err(|e| format!("the numeric answer: {e}"))?;
    for a in &items {
        let value = unescape(a.text.split(':').next().unwrap_or_default()).trim().to_owned();
        if let Some(w) = a.weight.filter(|&w| w != 0.0 && w != 100.0) {
            texts.note(format!(
                "the answer {value} weighs {w} %: only fully right answers are kept, so it counts as wrong"
            ));
        }
        match (&a.feedback, a.weight) {
            // Moodle's feedback for any other number (`~#…`).
            (Some(_), _) if value.is_empty() => {
                texts.note("feedback for any other number is not kept; write it in the explanation".to_owned())
            }
            (Some(f), _) => {
                let f = texts.read(f);
                numeric.feedback.push((value, f))
            }
            _ => {}
        }
    }
    Ok(numeric)
}

const MISSING_WORD: &str = "a missing-word question here takes one right answer among choices, or accepted answers, \
                            without `|`, `[`, `]`, `{` or `}`";

/// Text, answers, text: a cloze text with one blank, picked for a choice
/// and typed for a short answer.
fn missing_word(stem: &str, tail: &str, kind: &QuestionKind) -> Result<QuestionKind, String> {
    let clean = |t: &str| !t.contains(['|', '[', ']', '{', '}']);
    let blank = match kind {
        QuestionKind::Single(k) if k.choices.iter().all(|c| clean(c)) => {
            let options: Vec<String> = k
                .choices
                .iter()
                .enumerate()
                .map(|(i, c)| if i == k.answer { format!("[{c}]") } else { c.clone() })
                .collect();
            options.join("|")
        }
        QuestionKind::Short(k) if k.accept.iter().all(|a| clean(a)) => k.accept.join("|"),
        // A choice or an accepted answer with cloze syntax in it, or another
        // kind's answer, which no blank holds.
        QuestionKind::Single(_) | QuestionKind::Short(_) => return Err(MISSING_WORD.to_owned()),
        QuestionKind::Multiple(_)
        | QuestionKind::TrueFalse(_)
        | QuestionKind::Flashcard(_)
        | QuestionKind::Exercise(_)
        | QuestionKind::Numeric(_)
        | QuestionKind::Ordering(_)
        | QuestionKind::Matching(_)
        | QuestionKind::Cloze(_)
        | QuestionKind::Tracing(_) => return Err(MISSING_WORD.to_owned()),
    };
    Cloze::from_text(format!("{stem} {{{{{blank}}}}} {tail}"), false)
        .map(QuestionKind::Cloze)
        .map_err(|e| format!("the missing word: {e}"))
}

/// A lowercase id of letters, digits and `-`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match c.is_ascii_alphanumeric() {
            true => out.push(c),
            false if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            false => {}
        }
    }
    out.trim_end_matches('-').to_owned()
}
