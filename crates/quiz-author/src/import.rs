//! Imports Markdown question banks into the question format.
//!
//! Question banks are written in a handful of conventions; this module knows
//! these, wherever they appear in a file:
//!
//! - **Chapter questions**: a `**Q13.1: Basic - [Topic]**` line, the prompt
//!   (with code), `A)`-style choices, `**Answer: B**` and `**Explanation:**`;
//!   `**Answer: A, C**` (several letters) makes it a `multiple` question.
//! - **Quiz with an answer list**: `### 1. Prompt` headings with `a.`-style
//!   choices, and a later `## Answers` list of `1. **b. text**`. The nearest
//!   `#` heading above names the quiz part and becomes the topic.
//! - **Bold numbered questions**: `1. **Prompt**` with indented `- A)` items,
//!   `- **Answer**: B` and `- **Explanation**: …`; the `###` heading above is
//!   the category (topic, and difficulty when it names a level).
//! - **Flashcards**: a `1 / 5` counter line, the front on the next line, the
//!   back below it.
//! - **Exercises**: `### Question 1: Title` followed by bold-labelled parts
//!   (`**Task:**`, `**Real-life Scenario:**`, `**Think about:**`, …).
//! - **Ordering**: a `**Order:** prompt` line, the items in the right order
//!   as a numbered list, and an optional `**Explanation:**` line.
//! - **Matching**: a `**Match:** prompt` line, `- left -> right` lines (a
//!   `- -> right` line is a distractor), and an optional `**Explanation:**`.
//! - **Cloze**: a `**Cloze:** prompt` line, the text with its `{{…}}` blanks
//!   up to a blank line, and an optional `**Explanation:**`.
//! - **Numeric**: a `**Number:** prompt` line, an `**Answer:**` line
//!   (`9.81 ± 0.05 m/s²`, `300000 ± 1 %`, `6.5 to 7.5`), and an optional
//!   `**Explanation:**`.
//! - **True or false**: a `**True or false:** statement` line (or
//!   `**True/False:**`), `**Answer:** True` or `False`, and an optional
//!   `**Explanation:**`.
//! - **Short answer**: a `**Short:** prompt` line (or `**Short answer:**`),
//!   `**Answer:** accepted | also accepted`, and an optional
//!   `**Explanation:**`.
//!
//! An explanation runs from its `**Explanation:**` line to the next heading,
//! `---` rule or question in any of these conventions; a line in it that
//! looks like a part of a question (an answer, a lettered choice, a pair) is
//! noted, since learners would see it with the explanation.
//!
//! It is pure: text in, questions and problems out. What looks like a
//! question but cannot be read is reported with its line number, never
//! dropped silently.

use quiz_format::model::{Difficulty, Question, QuestionKind, Quiz, Section, ValidQuiz};

mod cloze;
mod exercise;
mod flashcard;
mod matching;
mod numeric;
mod ordering;
mod short;
mod single;
#[cfg(test)]
mod tests;
mod true_false;

/// Something the importer could not read, with the 1-based line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// What one Markdown file held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// The first heading, without `#`s and emphasis.
    pub title: Option<String>,
    /// Text before the first question that is not a heading, such as an intro line.
    pub description: Option<String>,
    pub questions: Vec<Question>,
    pub problems: Vec<Problem>,
    /// What was read but not carried over in full (an option the widget
    /// has no use for, say): worth telling, not a reason to stop.
    pub notes: Vec<Problem>,
    /// Sections the file itself declares (GIFT's categories), which the
    /// questions name; empty for formats without them.
    pub sections: Vec<Section>,
}

/// Imports one Markdown bank. Question ids are `{id_prefix}-{n:02}` in order of appearance.
pub fn import_markdown(text: &str, id_prefix: &str) -> Imported {
    let lines: Vec<&str> = text.lines().collect();
    let mut importer = Importer {
        lines: &lines,
        pos: 0,
        out: Imported::default(),
        prefix: id_prefix,
        ..Default::default()
    };
    importer.run();
    importer.out
}

/// One imported file as a quiz of its own, named `id` (the title is the
/// file's first heading, else `Quiz`), checked as every quiz is. The
/// problems of the file, else what the format refuses (named by question id).
pub fn into_quiz(imported: Imported, id: &str) -> Result<ValidQuiz, Vec<String>> {
    if !imported.problems.is_empty() {
        return Err(imported
            .problems
            .iter()
            .map(|p| format!("line {}: {}", p.line, p.message))
            .collect());
    }
    let quiz = Quiz {
        description: imported.description,
        questions: imported
            .questions
            .into_iter()
            .map(|q| Question { section: None, ..q })
            .collect(),
        ..Quiz::new(id, imported.title.unwrap_or_else(|| "Quiz".to_owned()))
    };
    let report = quiz_format::check(&quiz);
    let problems: Vec<String> = report
        .errors()
        .map(|d| {
            let index = d
                .path
                .strip_prefix("questions[")
                .and_then(|rest| rest.split(']').next());
            match index
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| quiz.questions.get(n))
            {
                Some(q) => format!("question {}: {}", q.id, d.message),
                None => d.message.clone(),
            }
        })
        .collect();
    report.quiz.filter(|_| problems.is_empty()).ok_or(problems)
}

#[derive(Default)]
struct Importer<'a> {
    lines: &'a [&'a str],
    pos: usize,
    out: Imported,
    prefix: &'a str,
    /// The latest `#` heading (a quiz part).
    part: Option<String>,
    /// The latest `##`/`###` heading that is not itself a question.
    category: Option<String>,
    /// Quiz-style questions waiting for their `## Answers` list: (number, index in `out.questions`, line).
    pending_answers: Vec<(u32, usize, usize)>,
    intro: Vec<String>,
}

fn heading(line: &str) -> Option<(usize, String)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = line.get(level..)?;
    rest.starts_with(' ').then(|| (level, clean_heading(rest)))
}

/// A heading's text without emphasis markers, leading emoji and trailing counts like `(1-6)`.
fn clean_heading(text: &str) -> String {
    let text = text.replace("**", "");
    let text = text
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '`' && c != '(');
    text.trim().to_owned()
}

fn difficulty_in(text: &str) -> Option<Difficulty> {
    let lower = text.to_lowercase();
    Difficulty::ALL
        .into_iter()
        .find(|d| lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == d.as_str()))
}

/// A `**Label:** rest` line: the label without emoji, and the rest.
fn bold_label(line: &str) -> Option<(String, String)> {
    let t = line.trim().strip_prefix("**")?;
    let (label, rest) = t.split_once(":**")?;
    let label = label.trim_start_matches(|c: char| !c.is_ascii_alphanumeric()).trim();
    (!label.is_empty()).then(|| (label.to_owned(), rest.trim().to_owned()))
}

/// Joins lines into Markdown, removing the indentation they share and trailing blank lines.
fn join_block(lines: &[&str]) -> String {
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut text: Vec<&str> = lines
        .iter()
        .map(|l| {
            if l.len() >= indent {
                l.get(indent..).unwrap_or(l)
            } else {
                l.trim_start()
            }
        })
        .collect();
    while text.last().is_some_and(|l| l.trim().is_empty()) {
        text.pop();
    }
    while text.first().is_some_and(|l| l.trim().is_empty()) {
        text.remove(0);
    }
    text.iter().map(|l| l.trim_end()).collect::<Vec<_>>().join("\n")
}

/// What a convention read, before it gets its id.
struct Item {
    prompt: String,
    kind: QuestionKind,
    difficulty: Option<Difficulty>,
    topic: Option<String>,
    explanation: Option<String>,
}

/// A question block that starts with a `**Label:** prompt` line.
struct Labelled {
    /// The label line.
    start: usize,
    label: String,
    prompt: String,
    explanation: Option<String>,
}

/// Whether lines are inside a fenced code block, where nothing is a question.
#[derive(Default)]
struct Fences<'a>(Option<&'a str>);

impl<'a> Fences<'a> {
    fn is_open(&self) -> bool {
        self.0.is_some()
    }

    /// Whether `line` is a fence or inside a code block; keeps track of both.
    fn skips(&mut self, line: &'a str) -> bool {
        match self.0 {
            Some(marker) => {
                if quiz_markdown::closes_fence(marker, line) {
                    self.0 = None;
                }
                true
            }
            None => {
                self.0 = quiz_markdown::fence_marker(line.trim_start());
                self.is_open()
            }
        }
    }
}

impl<'a> Importer<'a> {
    /// The conventions, tried in this order at each line outside code. Each
    /// returns whether the line starts what it reads (then it has read it
    /// all, reporting what it could not use) and leaves the position alone
    /// otherwise.
    fn conventions() -> [fn(&mut Self) -> bool; 12] {
        [
            Self::numeric,
            Self::true_false,
            Self::short,
            Self::ordering,
            Self::matching,
            Self::cloze,
            Self::chapter_question,
            Self::exercise,
            Self::quiz_question,
            Self::answer_list,
            Self::bold_question,
            Self::flashcard,
        ]
    }

    /// A block that starts with a `**{label}:** prompt` line (any case): the
    /// lines after it that `take` accepts and blank lines, up to the first
    /// other line, then an optional explanation (see [`Self::explanation`]).
    /// `None`, with the position left alone, when the line is not such a label.
    fn labelled(&mut self, label: &str, mut take: impl FnMut(&str) -> bool) -> Option<Labelled> {
        let (found, prompt) = self.line(self.pos).and_then(bold_label)?;
        if !found.eq_ignore_ascii_case(label) {
            return None;
        }
        let start = self.pos;
        self.pos += 1;
        while let Some(line) = self.line(self.pos) {
            let t = line.trim();
            if self.ends_question(self.pos) || !(take(t) || t.is_empty()) {
                break;
            }
            self.pos += 1;
        }
        let explanation = self.explanation(start);
        Some(Labelled {
            start,
            label: found,
            prompt,
            explanation,
        })
    }

    /// A labelled block whose parts are one `**Answer:** text` line: the
    /// block and the answer's text, if it has one.
    fn answered(&mut self, label: &str) -> Option<(Labelled, Option<String>)> {
        let mut answer = None;
        let block = self.labelled(label, |line| match bold_label(line) {
            Some((found, text)) if found.eq_ignore_ascii_case("answer") && answer.is_none() => {
                answer = Some(text);
                true
            }
            _ => false,
        })?;
        Some((block, answer))
    }

    /// Whether the line at `at` ends the question above it: a heading, a
    /// `---` rule, or the first line of a question in any convention. (The
    /// end of the file ends it too.)
    fn ends_question(&self, at: usize) -> bool {
        let Some(line) = self.line(at) else { return true };
        let next = self.line(at + 1).unwrap_or_default();
        heading(line).is_some()
            || line.trim() == "---"
            || single::is_chapter_marker(line)
            || single::is_bold_question(line, next)
            || flashcard::is_counter_line(line)
            || bold_label(line).is_some_and(|(label, _)| is_question_label(&label))
    }

    /// An `**Explanation:** text` line at the position, if there is one, and
    /// the lines below it up to the end of the question (see
    /// [`Self::ends_question`]; code blocks are read whole). A line in it
    /// that looks like a part of a question (an answer, a choice, a pair) is
    /// noted: it is shown with the explanation, which may give the answer
    /// away. `question` is the question's first line, for the note.
    fn explanation(&mut self, question: usize) -> Option<String> {
        let line = self.line(self.pos).filter(|l| is_explanation(l))?;
        let first = bold_label(line).map(|(_, text)| text).unwrap_or_default();
        self.pos += 1;
        let mut lines = vec![first.as_str()];
        let mut fences = Fences::default();
        while let Some(line) = self.line(self.pos) {
            if !fences.is_open() && self.ends_question(self.pos) {
                break;
            }
            if !fences.skips(line) && looks_like_a_part(line) {
                let message = format!(
                    "`{}` looks like part of a question, but it is read as part of the explanation of the question on line {}: start a new question with its marker (such as `**Q2: …**` or `**Number:**`), or move the line above `**Explanation:**`",
                    line.trim(),
                    question + 1
                );
                self.note(self.pos, message);
            }
            lines.push(line);
            self.pos += 1;
        }
        let text = join_block(&lines);
        (!text.is_empty()).then_some(text)
    }

    /// Adds the question a labelled block holds, or reports why it cannot:
    /// it has no prompt, or `kind` is `None` (too few parts: `too_few`).
    fn push_labelled(&mut self, block: Labelled, kind: Option<QuestionKind>, too_few: &str) {
        match (block.prompt.is_empty(), kind) {
            (true, _) => {
                let message = format!("this question has no prompt: write it after `**{}:**`", block.label);
                self.problem(block.start, message);
            }
            (false, None) => self.problem(block.start, too_few),
            (false, Some(kind)) => {
                self.push(Item {
                    prompt: block.prompt,
                    kind,
                    difficulty: None,
                    topic: self.category.clone(),
                    explanation: block.explanation,
                });
            }
        }
    }

    fn line(&self, at: usize) -> Option<&'a str> {
        self.lines.get(at).copied()
    }

    /// The next line of the current block, which ends at a heading or a `---` rule.
    fn next_in_block(&mut self) -> Option<&'a str> {
        let line = self
            .line(self.pos)
            .filter(|l| !l.starts_with('#') && l.trim() != "---")?;
        self.pos += 1;
        Some(line)
    }

    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.out.problems.push(Problem {
            line: line + 1,
            message: message.into(),
        });
    }

    /// Something read but not as its author may have meant it, on the 0-based `line`.
    fn note(&mut self, line: usize, message: impl Into<String>) {
        self.out.notes.push(Problem {
            line: line + 1,
            message: message.into(),
        });
    }

    /// Adds a question with the next id; returns its index.
    fn push(&mut self, item: Item) -> usize {
        let index = self.out.questions.len();
        self.out.questions.push(Question {
            id: format!("{}-{:02}", self.prefix, index + 1),
            section: None,
            difficulty: item.difficulty,
            topic: item.topic,
            tags: Vec::new(),
            prompt: item.prompt,
            hints: Vec::new(),
            explanation: item.explanation,
            points: None,
            kind: item.kind,
        });
        index
    }

    fn run(&mut self) {
        let mut fences = Fences::default();
        while let Some(line) = self.line(self.pos) {
            if fences.skips(line) {
                self.pos += 1;
                continue;
            }
            let start = self.pos;
            if Self::conventions().iter().any(|read| read(self)) {
                continue;
            }
            self.pos = start + 1;
            if let Some((level, text)) = heading(line) {
                if self.out.title.is_none() {
                    self.out.title = Some(text.clone());
                }
                if level == 1 {
                    self.part = Some(text);
                    self.category = None;
                } else {
                    self.category = Some(text);
                }
            } else if self.out.questions.is_empty() && self.out.title.is_none() && !line.trim().is_empty() {
                // A file without headings (such as a flashcard export) opens with its description.
                if !is_progress_line(line) {
                    self.intro.push(line.trim().to_owned());
                }
            } else if self.looks_like_stray_answer(line) {
                self.problem(start, format!("an answer line outside any question: {}", line.trim()));
            }
        }
        // Quiz questions whose answer list never came cannot be kept.
        let mut unanswered = std::mem::take(&mut self.pending_answers);
        unanswered.sort_by_key(|&(_, index, _)| std::cmp::Reverse(index));
        for (number, index, line) in unanswered {
            self.problem(line, format!("question {number} has no entry in an `## Answers` list"));
            if index < self.out.questions.len() {
                self.out.questions.remove(index);
            }
        }
        self.out.problems.sort_by_key(|p| p.line);
        self.out.notes.sort_by_key(|p| p.line);
        if !self.intro.is_empty() {
            self.out.description = Some(self.intro.join("\n"));
        }
    }

    fn looks_like_stray_answer(&self, line: &str) -> bool {
        let t = line.trim();
        t.starts_with("**Answer") || t.starts_with("- **Answer")
    }
}

/// Whether a line is an `**Explanation:**` line.
fn is_explanation(line: &str) -> bool {
    bold_label(line).is_some_and(|(label, _)| label.eq_ignore_ascii_case("explanation"))
}

/// The labels that start a question: `**Order:** prompt` and the like.
const QUESTION_LABELS: [&str; 8] = [
    "order",
    "match",
    "cloze",
    "number",
    "true or false",
    "true/false",
    "short",
    "short answer",
];

fn is_question_label(label: &str) -> bool {
    QUESTION_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
}

/// For a line that starts like a bold label (`**Answr: B**`, `**Shrot:**`)
/// whose label is a letter or two away from one the importer reads, that
/// label: a typo is named, not glued to the text above it.
fn misspelled_label(line: &str) -> Option<&'static str> {
    let t = line.trim().trim_start_matches("- ").strip_prefix("**")?;
    let label = t.split([':', '*']).next()?.trim().to_lowercase();
    let known = QUESTION_LABELS
        .iter()
        .chain(&["answer", "explanation", "task", "think about", "tip"]);
    known
        .copied()
        .find(|k| *k != label && label.len() >= 3 && edit_distance(k, &label) <= 2)
}

/// Levenshtein distance of two short labels.
fn edit_distance(a: &str, b: &str) -> usize {
    let mut previous: Vec<usize> = (0..=b.chars().count()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.chars().enumerate() {
            let (Some(&replace), Some(&delete), Some(&insert)) = (previous.get(j), previous.get(j + 1), current.last())
            else {
                break;
            };
            current.push((replace + usize::from(ca != cb)).min(delete + 1).min(insert + 1));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

/// A label as a teacher writes it: its first letter capital.
fn capitalized(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        // ASCII: every label is, and Unicode's upper-case table would cost
        // the importer's download 7 KB.
        .map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect())
        .unwrap_or_default()
}

/// Whether a line reads as a part of a question rather than prose: an
/// answer line, a lettered choice (`A)`, `- A)`) or a matching pair.
fn looks_like_a_part(line: &str) -> bool {
    let t = line.trim();
    let answer = t.trim_start_matches("- ").trim_start_matches("**").to_lowercase();
    answer.starts_with("answer:")
        || answer.starts_with("answer**:")
        || single::is_choice_line(t)
        || matching::is_pair_line(t)
}

fn is_progress_line(line: &str) -> bool {
    line.trim().ends_with(" completed") && line.contains(" / ")
}
