//! Choice questions (`single`) in three conventions: chapter questions
//! (`**Q13.1: Basic - [Topic]**`, `A)` choices, `**Answer: B**`), a quiz
//! with a later answer list (`### 1. Prompt`, `a.` choices, `## Answers`),
//! and bold numbered questions (`1. **Prompt**`, `- A)` items).

use quiz_format::model::{Difficulty, Multiple, Question, QuestionKind, Single};

use super::{bold_label, difficulty_in, heading, is_explanation, join_block, Fences, Importer, Item, Problem};

/// A choice question as a convention read it, before it is checked.
struct ChoiceDraft {
    /// The 0-based line it starts on.
    start: usize,
    prompt: String,
    choices: Vec<String>,
    /// The right choices: one for a `single` question, more for a `multiple` one.
    answer: Option<Vec<usize>>,
    explanation: Option<String>,
    difficulty: Option<Difficulty>,
    topic: Option<String>,
}

/// The parts of a chapter question read so far.
#[derive(Default)]
struct ChapterParts<'a> {
    prompt: Vec<&'a str>,
    choices: Vec<String>,
    answer: Option<Vec<usize>>,
}

impl<'a> Importer<'a> {
    /// `**Q13.1: Basic - [Topic]**`
    pub(super) fn chapter_question(&mut self) -> bool {
        let Some((level, topic)) = self.line(self.pos).and_then(chapter_marker) else {
            return false;
        };
        let start = self.pos;
        self.pos += 1;
        let mut parts = ChapterParts::default();
        let mut explanation = None;
        let mut fences = Fences::default();
        while let Some(l) = self.line(self.pos) {
            if !fences.is_open() && self.ends_question(self.pos) {
                break;
            }
            if !fences.is_open() && is_explanation(l) {
                explanation = self.explanation(start);
                break;
            }
            self.pos += 1;
            match fences.skips(l) {
                true => parts.prompt.push(l),
                false => self.chapter_line(l, &mut parts),
            }
        }
        self.push_choice_question(ChoiceDraft {
            start,
            prompt: join_block(&parts.prompt),
            choices: parts.choices,
            answer: parts.answer,
            explanation,
            difficulty: difficulty_in(level),
            topic: Some(topic),
        });
        true
    }

    /// One line of a chapter question, outside code, before its explanation.
    fn chapter_line(&mut self, l: &'a str, parts: &mut ChapterParts<'a>) {
        let t = l.trim();
        if let Some((index, text)) = choice_line(l, ChoiceStyle::Paren) {
            if index != parts.choices.len() {
                self.problem(self.pos - 1, format!("choice {t} is out of order"));
            }
            parts.choices.push(text);
        } else if let Some(written) = answer_letters(t) {
            parts.answer = letters(&written);
            if parts.answer.is_none() {
                let message = format!("cannot read the answer letter in {t}: write `**Answer: B**`, or `**Answer: A, C**` when several are right");
                self.problem(self.pos - 1, message);
            }
        } else if let Some(label) = super::misspelled_label(t) {
            let message = format!(
                "`{t}` is not a label the importer reads: did you mean `**{}:**`?",
                super::capitalized(label)
            );
            self.problem(self.pos - 1, message);
        } else if parts.choices.is_empty() {
            parts.prompt.push(l);
        } else if !t.is_empty() {
            match parts.choices.last_mut() {
                Some(last) if parts.answer.is_none() => {
                    last.push(' ');
                    last.push_str(t);
                }
                _ => self.problem(self.pos - 1, format!("unexpected line in question: {t}")),
            }
        }
    }

    /// Keeps a choice question that has a prompt, two choices and answers
    /// among them: one is a `single` question, several a `multiple` one.
    fn push_choice_question(&mut self, draft: ChoiceDraft) {
        let ChoiceDraft {
            start, prompt, choices, ..
        } = draft;
        let count = choices.len();
        let problem = match draft.answer {
            _ if prompt.is_empty() => "this question has no prompt".to_owned(),
            _ if count < 2 => format!("this question has {count} choices; at least two are needed"),
            None => "this question has no `**Answer: X**` line".to_owned(),
            Some(answers) if answers.iter().any(|&a| a >= count) => {
                format!("the answer letter is past the last of {count} choices")
            }
            Some(answers) => {
                let kind = match answers.as_slice() {
                    [answer] => QuestionKind::Single(Single {
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
                self.push(Item {
                    prompt,
                    kind,
                    difficulty: draft.difficulty,
                    topic: draft.topic.filter(|t| !t.is_empty()),
                    explanation: draft.explanation.filter(|e| !e.is_empty()),
                });
                return;
            }
        };
        self.problem(start, problem);
    }

    /// `### 1. Prompt` followed by `a.` choices.
    pub(super) fn quiz_question(&mut self) -> bool {
        let Some(line) = self.line(self.pos) else { return false };
        let Some(rest) = line.strip_prefix("### ") else {
            return false;
        };
        let Some((number, prompt)) = rest.split_once(". ") else {
            return false;
        };
        let Ok(number) = number.trim().parse::<u32>() else {
            return false;
        };
        // Only a heading followed by `a.` choices is a question; numbered
        // section headings like `### 1.1 What is…` are not.
        let mut look = self.pos + 1;
        while self.line(look).is_some_and(|l| l.trim().is_empty()) {
            look += 1;
        }
        let has_choices = (look..look + 12)
            .filter_map(|i| self.line(i))
            .any(|l| choice_line(l, ChoiceStyle::Dot).is_some());
        if !has_choices {
            return false;
        }
        let start = self.pos;
        self.pos += 1;
        let mut extra_prompt = Vec::new();
        let mut choices: Vec<String> = Vec::new();
        let mut waiting_for_text = false;
        while let Some(l) = self.next_in_block() {
            if let Some((index, text)) = choice_line(l, ChoiceStyle::Dot) {
                if index != choices.len() {
                    self.problem(self.pos - 1, format!("choice {} is out of order", l.trim()));
                }
                waiting_for_text = text.is_empty();
                choices.push(text);
            } else if l.trim().is_empty() {
                continue;
            } else if waiting_for_text {
                // A choice whose text slipped onto a later line (`b.` then the text).
                if let Some(last) = choices.last_mut() {
                    last.push_str(l.trim());
                }
                waiting_for_text = false;
            } else if choices.is_empty() {
                extra_prompt.push(l);
            } else {
                self.problem(self.pos - 1, format!("unexpected line after the choices: {}", l.trim()));
            }
        }
        let mut prompt = prompt.trim().to_owned();
        if !extra_prompt.is_empty() {
            prompt = format!("{prompt}\n\n{}", join_block(&extra_prompt));
        }
        if choices.len() < 2 {
            self.problem(start, format!("question {number} has fewer than two choices"));
            return true;
        }
        let index = self.push(Item {
            prompt,
            // The answer comes from the `## Answers` list further down.
            kind: QuestionKind::Single(Single {
                choices,
                feedback: Vec::new(),
                answer: usize::MAX,
            }),
            difficulty: None,
            topic: self.part.clone(),
            explanation: None,
        });
        self.pending_answers.push((number, index, start));
        true
    }

    /// `## Answers` followed by `1. **b. text**` lines.
    pub(super) fn answer_list(&mut self) -> bool {
        let Some(line) = self.line(self.pos) else { return false };
        let Some((_, text)) = heading(line) else { return false };
        if !text.eq_ignore_ascii_case("answers") || self.pending_answers.is_empty() {
            return false;
        }
        self.pos += 1;
        let pending = std::mem::take(&mut self.pending_answers);
        let mut answered = Vec::new();
        while let Some(l) = self.next_in_block() {
            let t = l.trim();
            if t.is_empty() {
                continue;
            }
            let parsed = t.split_once(". ").and_then(|(n, rest)| {
                let n = n.parse::<u32>().ok()?;
                let rest = rest.trim().trim_start_matches("**");
                let letter = rest.split(['.', ')']).next()?;
                Some((n, letter_index(letter)?, rest.trim_end_matches("**").to_owned()))
            });
            let Some((number, index, _)) = parsed else {
                if answered.len() == pending.len() {
                    // Every question has its answer: this line is the text after the list.
                    self.pos -= 1;
                    break;
                }
                self.problem(self.pos - 1, format!("cannot read this answer: {t}"));
                continue;
            };
            // A number used twice before the list is two questions: each
            // answer line goes to the first of them still unanswered.
            match pending.iter().find(|(n, q, _)| *n == number && !answered.contains(q)) {
                Some(&(_, q, _)) => {
                    if let Some(Question {
                        kind: QuestionKind::Single(Single { choices, answer, .. }),
                        ..
                    }) = self.out.questions.get_mut(q)
                    {
                        if index < choices.len() {
                            *answer = index;
                            answered.push(q);
                        } else {
                            self.out.problems.push(Problem {
                                line: self.pos,
                                message: format!("answer {number} names a choice past the last of {}", choices.len()),
                            });
                        }
                    }
                }
                None if pending.iter().any(|(n, _, _)| *n == number) => {
                    self.problem(self.pos - 1, format!("answer {number} is given twice"));
                }
                None => self.problem(
                    self.pos - 1,
                    format!("answer {number} has no question {number} above it"),
                ),
            }
        }
        // Questions left without an answer cannot be kept.
        let mut unanswered: Vec<usize> = Vec::new();
        for (number, q, line) in pending {
            if !answered.contains(&q) {
                self.problem(
                    line,
                    format!("question {number} has no entry in the `## Answers` list below it"),
                );
                unanswered.push(q);
            }
        }
        for q in unanswered.into_iter().rev() {
            if q < self.out.questions.len() {
                self.out.questions.remove(q);
            }
        }
        true
    }

    /// `1. **Prompt**` with indented `- A)` items.
    pub(super) fn bold_question(&mut self) -> bool {
        let Some(line) = self.line(self.pos) else { return false };
        let next = self.line(self.pos + 1).unwrap_or_default();
        let Some(prompt) = bold_question_prompt(line, next) else {
            return false;
        };
        let start = self.pos;
        self.pos += 1;
        let mut extra_prompt = Vec::new();
        let mut choices: Vec<String> = Vec::new();
        let mut answer = None;
        let mut explanation = None;
        let mut fences = Fences::default();
        while let Some(l) = self.line(self.pos) {
            let indented = l.starts_with(' ') || l.starts_with('\t');
            if !indented && !l.trim().is_empty() {
                break;
            }
            self.pos += 1;
            if fences.skips(l) {
                extra_prompt.push(l);
                continue;
            }
            let t = l.trim();
            if let Some((index, text)) = choice_line(l, ChoiceStyle::Dash) {
                if index != choices.len() {
                    self.problem(self.pos - 1, format!("choice {t} is out of order"));
                }
                choices.push(text);
            } else if let Some(a) = t.strip_prefix("- **Answer**:") {
                answer = letters(a);
                if answer.is_none() {
                    let message = format!("cannot read the answer letter in {t}: write `- **Answer**: B`, or `- **Answer**: A, C` when several are right");
                    self.problem(self.pos - 1, message);
                }
            } else if let Some(e) = t.strip_prefix("- **Explanation**:") {
                explanation = Some(e.trim().to_owned());
            } else if !t.is_empty() {
                if choices.is_empty() {
                    extra_prompt.push(l);
                } else {
                    self.problem(self.pos - 1, format!("unexpected line in question: {t}"));
                }
            }
        }
        let mut prompt = prompt.trim().to_owned();
        let extra = join_block(&extra_prompt);
        if !extra.is_empty() {
            prompt = format!("{prompt}\n\n{extra}");
        }
        let category = self.category.clone();
        let difficulty = category.as_deref().and_then(difficulty_in);
        self.push_choice_question(ChoiceDraft {
            start,
            prompt,
            choices,
            answer,
            explanation,
            difficulty,
            topic: category,
        });
        true
    }
}

/// `**Q13.1: Basic - [Topic]**`: the level and the topic (empty when there is none).
fn chapter_marker(line: &str) -> Option<(&str, String)> {
    let inner = line.trim().strip_prefix("**Q")?.strip_suffix("**")?;
    let (_number, rest) = inner.split_once(':')?;
    Some(match rest.split_once(" - ") {
        Some((level, topic)) => (
            level.trim(),
            topic.trim().trim_start_matches('[').trim_end_matches(']').to_owned(),
        ),
        None => (rest.trim(), String::new()),
    })
}

/// Whether a line starts a chapter question, `**Q13.1: Basic - [Topic]**`.
pub(super) fn is_chapter_marker(line: &str) -> bool {
    chapter_marker(line).is_some()
}

/// `1. **Prompt**` followed by an indented line: the prompt.
fn bold_question_prompt<'l>(line: &'l str, next: &str) -> Option<&'l str> {
    let (number, rest) = line.split_once(". ")?;
    number.parse::<u32>().ok()?;
    let prompt = rest.trim().strip_prefix("**")?.strip_suffix("**")?;
    (next.starts_with(' ') || next.starts_with('\t')).then_some(prompt)
}

/// Whether a line and the next start a bold numbered question.
pub(super) fn is_bold_question(line: &str, next: &str) -> bool {
    bold_question_prompt(line, next).is_some()
}

/// Whether a line is a lettered choice, `A) text` or `- A) text`.
pub(super) fn is_choice_line(line: &str) -> bool {
    choice_line(line, ChoiceStyle::Paren).is_some() || choice_line(line, ChoiceStyle::Dash).is_some()
}

/// The letters of an answer line, `**Answer: B**` or `**Answer:** B`.
fn answer_letters(line: &str) -> Option<String> {
    match line.strip_prefix("**Answer:").and_then(|s| s.strip_suffix("**")) {
        Some(letters) => Some(letters.to_owned()),
        None => bold_label(line)
            .filter(|(label, _)| label.eq_ignore_ascii_case("answer"))
            .map(|(_, letters)| letters),
    }
}

/// `B`, or several: `A, C`, `A and C`; sorted, each once.
fn letters(text: &str) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    for part in text
        .split(',')
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split('&'))
    {
        out.push(letter_index(part)?);
    }
    out.sort_unstable();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// A choice line such as `A) text`, `a. text` or `- A) text`: its letter's index and text.
fn choice_line(line: &str, style: ChoiceStyle) -> Option<(usize, String)> {
    let t = line.trim();
    let t = if style == ChoiceStyle::Dash {
        t.strip_prefix("- ")?
    } else {
        t
    };
    let mut chars = t.chars();
    let letter = chars.next()?;
    let mark = chars.next()?;
    let ok = match style {
        ChoiceStyle::Paren | ChoiceStyle::Dash => letter.is_ascii_uppercase() && mark == ')',
        ChoiceStyle::Dot => letter.is_ascii_lowercase() && mark == '.',
    };
    if !ok {
        return None;
    }
    let rest = chars.as_str();
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let index = usize::from(letter.to_ascii_uppercase() as u8 - b'A');
    Some((index, rest.trim().to_owned()))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ChoiceStyle {
    /// `A) text`
    Paren,
    /// `a. text`
    Dot,
    /// `- A) text`
    Dash,
}

fn letter_index(s: &str) -> Option<usize> {
    let s = s.trim().trim_end_matches([')', '.']);
    let mut chars = s.chars();
    let c = chars.next()?;
    (chars.next().is_none() && c.is_ascii_alphabetic()).then(|| usize::from(c.to_ascii_uppercase() as u8 - b'A'))
}
