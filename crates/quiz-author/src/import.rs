//! Imports Markdown question banks into the question format.
//!
//! Question banks are written in a handful of conventions; this module knows
//! these, wherever they appear in a file:
//!
//! - **Chapter questions**: a `**Q13.1: Basic - [Topic]**` line, the prompt
//!   (with code), `A)`-style choices, `**Answer: B**` and `**Explanation:**`.
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
//!
//! It is pure: text in, questions and problems out. What looks like a
//! question but cannot be read is reported with its line number, never
//! dropped silently.

use quiz_format::model::{Difficulty, Exercise, Flashcard, Question, QuestionKind, Single};

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

fn is_fence(line: &str) -> bool {
    line.trim_start().starts_with("```")
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

impl<'a> Importer<'a> {
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

    fn next_id(&self) -> String {
        format!("{}-{:02}", self.prefix, self.out.questions.len() + 1)
    }

    fn run(&mut self) {
        let mut in_fence = false;
        while let Some(line) = self.line(self.pos) {
            if is_fence(line) {
                in_fence = !in_fence;
                self.pos += 1;
                continue;
            }
            if in_fence {
                self.pos += 1;
                continue;
            }
            let start = self.pos;
            let handled = self.chapter_question()
                || self.exercise()
                || self.quiz_question()
                || self.answer_list()
                || self.bold_question()
                || self.flashcard();
            if handled {
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
        if !self.intro.is_empty() {
            self.out.description = Some(self.intro.join("\n"));
        }
    }

    fn looks_like_stray_answer(&self, line: &str) -> bool {
        let t = line.trim();
        t.starts_with("**Answer") || t.starts_with("- **Answer")
    }

    /// `**Q13.1: Basic - [Topic]**`
    fn chapter_question(&mut self) -> bool {
        let Some(line) = self.line(self.pos) else { return false };
        let Some(inner) = line.trim().strip_prefix("**Q").and_then(|s| s.strip_suffix("**")) else {
            return false;
        };
        let Some((_number, rest)) = inner.split_once(':') else {
            return false;
        };
        let (level, topic) = match rest.split_once(" - ") {
            Some((level, topic)) => (
                level.trim(),
                topic.trim().trim_start_matches('[').trim_end_matches(']').to_owned(),
            ),
            None => (rest.trim(), String::new()),
        };
        let start = self.pos;
        self.pos += 1;
        let mut prompt = Vec::new();
        let mut choices: Vec<String> = Vec::new();
        let mut answer = None;
        let mut explanation = Vec::new();
        let mut in_explanation = false;
        let mut in_fence = false;
        while let Some(l) = self.line(self.pos) {
            if !in_fence && (l.trim() == "---" || (l.trim().starts_with("**Q") && l.trim().ends_with("**"))) {
                break;
            }
            self.pos += 1;
            if is_fence(l) {
                in_fence = !in_fence;
            }
            if in_explanation {
                explanation.push(l);
            } else if in_fence || is_fence(l) {
                prompt.push(l);
            } else if let Some((index, text)) = choice_line(l, ChoiceStyle::Paren) {
                if index != choices.len() {
                    self.problem(self.pos - 1, format!("choice {} is out of order", l.trim()));
                }
                choices.push(text);
            } else if let Some(a) = l.trim().strip_prefix("**Answer:").and_then(|s| s.strip_suffix("**")) {
                answer = letter_index(a);
                if answer.is_none() {
                    self.problem(self.pos - 1, format!("cannot read the answer letter in {}", l.trim()));
                }
            } else if let Some(rest) = l.trim().strip_prefix("**Explanation:**") {
                in_explanation = true;
                explanation.push(rest);
            } else if choices.is_empty() {
                prompt.push(l);
            } else if !l.trim().is_empty() {
                match choices.last_mut() {
                    Some(last) if answer.is_none() => {
                        last.push(' ');
                        last.push_str(l.trim());
                    }
                    _ => self.problem(self.pos - 1, format!("unexpected line in question: {}", l.trim())),
                }
            }
        }
        self.push_choice_question(
            start,
            join_block(&prompt),
            choices,
            answer,
            Some(join_block(&explanation)),
            difficulty_in(level),
            Some(topic),
        );
        true
    }

    #[allow(clippy::too_many_arguments)]
    fn push_choice_question(
        &mut self,
        start: usize,
        prompt: String,
        choices: Vec<String>,
        answer: Option<usize>,
        explanation: Option<String>,
        difficulty: Option<Difficulty>,
        topic: Option<String>,
    ) {
        if prompt.is_empty() {
            self.problem(start, "this question has no prompt");
            return;
        }
        if choices.len() < 2 {
            self.problem(
                start,
                format!("this question has {} choices; at least two are needed", choices.len()),
            );
            return;
        }
        let Some(answer) = answer else {
            self.problem(start, "this question has no `**Answer: X**` line");
            return;
        };
        if answer >= choices.len() {
            self.problem(
                start,
                format!("the answer letter is past the last of {} choices", choices.len()),
            );
            return;
        }
        self.out.questions.push(Question {
            id: self.next_id(),
            section: None,
            difficulty,
            topic: topic.filter(|t| !t.is_empty()),
            tags: Vec::new(),
            prompt,
            hint: None,
            explanation: explanation.filter(|e| !e.is_empty()),
            kind: QuestionKind::Single(Single { choices, answer }),
        });
    }

    /// `### 1. Prompt` followed by `a.` choices.
    fn quiz_question(&mut self) -> bool {
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
        let index = self.out.questions.len();
        self.out.questions.push(Question {
            id: self.next_id(),
            section: None,
            difficulty: None,
            topic: self.part.clone(),
            tags: Vec::new(),
            prompt,
            hint: None,
            explanation: None,
            // The answer comes from the `## Answers` list further down.
            kind: QuestionKind::Single(Single {
                choices,
                answer: usize::MAX,
            }),
        });
        self.pending_answers.push((number, index, start));
        true
    }

    /// `## Answers` followed by `1. **b. text**` lines.
    fn answer_list(&mut self) -> bool {
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
                        kind: QuestionKind::Single(Single { choices, answer }),
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
    fn bold_question(&mut self) -> bool {
        let Some(line) = self.line(self.pos) else { return false };
        let Some((number, rest)) = line.split_once(". ") else {
            return false;
        };
        if number.parse::<u32>().is_err() {
            return false;
        }
        let Some(prompt) = rest.trim().strip_prefix("**").and_then(|s| s.strip_suffix("**")) else {
            return false;
        };
        let next = self.line(self.pos + 1).unwrap_or_default();
        if !(next.starts_with(' ') || next.starts_with('\t')) {
            return false;
        }
        let start = self.pos;
        self.pos += 1;
        let mut extra_prompt = Vec::new();
        let mut choices: Vec<String> = Vec::new();
        let mut answer = None;
        let mut explanation = None;
        let mut in_fence = false;
        while let Some(l) = self.line(self.pos) {
            let indented = l.starts_with(' ') || l.starts_with('\t');
            if !indented && !l.trim().is_empty() {
                break;
            }
            self.pos += 1;
            if is_fence(l) {
                in_fence = !in_fence;
                extra_prompt.push(l);
                continue;
            }
            if in_fence {
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
                answer = letter_index(a);
                if answer.is_none() {
                    self.problem(self.pos - 1, format!("cannot read the answer letter in {t}"));
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
        self.push_choice_question(start, prompt, choices, answer, explanation, difficulty, category);
        true
    }

    /// `1 / 5`, the front, then the back.
    fn flashcard(&mut self) -> bool {
        let Some(line) = self.line(self.pos) else { return false };
        let Some((n, m)) = line.trim().split_once(" / ") else {
            return false;
        };
        if n.trim().parse::<u32>().is_err() || m.trim().parse::<u32>().is_err() {
            return false;
        }
        let start = self.pos;
        self.pos += 1;
        let mut body = Vec::new();
        while let Some(l) = self.line(self.pos) {
            if is_counter_line(l) || l.starts_with('#') {
                break;
            }
            self.pos += 1;
            body.push(l);
        }
        let mut parts = body.iter().filter(|l| !l.trim().is_empty());
        let Some(front) = parts.next() else {
            self.problem(start, "this flashcard has no front");
            return true;
        };
        let back: Vec<&str> = parts.map(|l| l.trim()).collect();
        if back.is_empty() {
            self.problem(start, "this flashcard has no back");
            return true;
        }
        let back = back.join("\n\n");
        // Exports glue a label to the answer ("Event loop:asyncio.run…"): make it the topic.
        let (topic, back) = match back.split_once(':') {
            Some((label, rest))
                if label.len() <= 40 && !label.contains(['.', '`', '\n']) && !rest.trim().is_empty() =>
            {
                (
                    Some(label.trim().to_owned()),
                    format!("**{}:** {}", label.trim(), rest.trim()),
                )
            }
            _ => (None, back),
        };
        self.out.questions.push(Question {
            id: self.next_id(),
            section: None,
            difficulty: None,
            topic,
            tags: Vec::new(),
            prompt: front.trim().to_owned(),
            hint: None,
            explanation: None,
            kind: QuestionKind::Flashcard(Flashcard { back }),
        });
        true
    }

    /// `### Question 1: Title` with labelled parts.
    fn exercise(&mut self) -> bool {
        let Some(line) = self.line(self.pos) else { return false };
        let Some(rest) = line.strip_prefix("### Question ") else {
            return false;
        };
        let Some((_, title)) = rest.split_once(':') else {
            return false;
        };
        let title = title.trim().to_owned();
        let start = self.pos;
        self.pos += 1;
        let mut exercise = Exercise::default();
        let mut task = None;
        let mut topic = None;
        // Which list the bullets below a label belong to.
        let mut list: Option<fn(&mut Exercise) -> &mut Vec<String>> = None;
        while let Some(l) = self.next_in_block() {
            let t = l.trim();
            if t.is_empty() {
                continue;
            }
            if let Some(item) = t.strip_prefix("- ") {
                match list {
                    Some(target) => target(&mut exercise).push(item.trim().to_owned()),
                    None => self.problem(self.pos - 1, format!("a list item under no label: {t}")),
                }
                continue;
            }
            let Some((label, value)) = bold_label(t) else {
                self.problem(self.pos - 1, format!("unexpected line in exercise: {t}"));
                continue;
            };
            list = None;
            let key = label.to_lowercase();
            match key.as_str() {
                "time estimate" => {
                    // A whole number of minutes, at least one (as the format requires).
                    let minutes = value.split_whitespace().next().and_then(|n| n.parse().ok());
                    exercise.minutes = minutes.filter(|&m: &u32| m >= 1);
                    if exercise.minutes.is_none() {
                        self.problem(
                            self.pos - 1,
                            format!("cannot read minutes in {t}: write a whole number from 1"),
                        );
                    }
                }
                "category" => topic = Some(value),
                "skills tested" => {
                    exercise.skills = value
                        .split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect()
                }
                "task" => task = Some(value),
                "real-life scenario" | "scenario" => {
                    if !value.is_empty() {
                        exercise.scenario.push(value);
                    }
                    list = Some(|e| &mut e.scenario);
                }
                "think about" => list = Some(|e| &mut e.think_about),
                "challenge yourself" | "challenges" => list = Some(|e| &mut e.challenges),
                k if k.starts_with("if you can") => exercise.review = Some(value),
                // Any other label ("Pro Tip", "Remember") is the tip, label and all.
                _ => {
                    let head = t
                        .split_once(":**")
                        .map_or(label.as_str(), |(h, _)| h.trim_start_matches("**"));
                    exercise.tip = Some(format!("**{head}:** {value}"));
                }
            }
        }
        let Some(task) = task else {
            self.problem(start, "this exercise has no `**Task:**` line");
            return true;
        };
        let difficulty = self.category.as_deref().and_then(difficulty_in);
        self.out.questions.push(Question {
            id: self.next_id(),
            section: None,
            difficulty,
            topic,
            tags: Vec::new(),
            prompt: format!("**{title}**\n\n{task}"),
            hint: None,
            explanation: None,
            kind: QuestionKind::Exercise(exercise),
        });
        true
    }
}

fn is_counter_line(line: &str) -> bool {
    line.trim()
        .split_once(" / ")
        .is_some_and(|(n, m)| n.trim().parse::<u32>().is_ok() && m.trim().parse::<u32>().is_ok())
}

fn is_progress_line(line: &str) -> bool {
    line.trim().ends_with(" completed") && line.contains(" / ")
}
