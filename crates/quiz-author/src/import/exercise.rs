//! Exercises (`exercise`): `### Question 1: Title` followed by
//! bold-labelled parts (`**Task:**`, `**Real-life Scenario:**`,
//! `**Think about:**`, …).

use quiz_format::model::{Exercise, QuestionKind};

use super::{bold_label, difficulty_in, Importer, Item};

/// Which of an exercise's lists the bullets below a label go to.
type ListOf = fn(&mut Exercise) -> &mut Vec<String>;

/// What an exercise's labels gave so far.
#[derive(Default)]
struct Parts {
    exercise: Exercise,
    task: Option<String>,
    topic: Option<String>,
}

impl Importer<'_> {
    /// `### Question 1: Title` with labelled parts.
    pub(super) fn exercise(&mut self) -> bool {
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
        let mut part = Parts::default();
        // Which list the bullets below a label belong to.
        let mut list: Option<ListOf> = None;
        while let Some(l) = self.next_in_block() {
            let t = l.trim();
            if t.is_empty() {
                continue;
            }
            if let Some(item) = t.strip_prefix("- ") {
                match list {
                    Some(target) => target(&mut part.exercise).push(item.trim().to_owned()),
                    None => self.problem(self.pos - 1, format!("a list item under no label: {t}")),
                }
                continue;
            }
            // A label may follow an emoji (`💡 **Tip:** …`).
            let labelled = match bold_label(t) {
                Some(_) => t,
                None => t
                    .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '*')
                    .trim_start(),
            };
            let Some((label, value)) = bold_label(labelled) else {
                let message = format!(
                    "unexpected line in exercise: {t} (each part starts with a bold label, such as `**Task:**`, `**Think about:**` or `**Tip:**`)"
                );
                self.problem(self.pos - 1, message);
                continue;
            };
            list = self.label(&mut part, &label, value, labelled);
        }
        let Some(task) = part.task else {
            self.problem(start, "this exercise has no `**Task:**` line");
            return true;
        };
        let difficulty = self.category.as_deref().and_then(difficulty_in);
        self.push(Item {
            prompt: format!("**{title}**\n\n{task}"),
            kind: QuestionKind::Exercise(part.exercise),
            difficulty,
            topic: part.topic,
            explanation: None,
        });
        true
    }

    /// Reads one `**Label:** value` line into `part`; returns the list that
    /// the bullets below it belong to, if any.
    fn label(&mut self, part: &mut Parts, label: &str, value: String, line: &str) -> Option<ListOf> {
        let key = label.to_lowercase();
        match key.as_str() {
            "time estimate" => {
                // A whole number of minutes, at least one (as the format requires).
                let minutes = value.split_whitespace().next().and_then(|n| n.parse().ok());
                part.exercise.minutes = minutes.filter(|&m: &u32| m >= 1);
                if part.exercise.minutes.is_none() {
                    self.problem(
                        self.pos - 1,
                        format!("cannot read minutes in {line}: write a whole number from 1"),
                    );
                }
            }
            "category" => part.topic = Some(value),
            "skills tested" => {
                part.exercise.skills = value
                    .split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            }
            "task" => part.task = Some(value),
            "real-life scenario" | "scenario" => {
                if !value.is_empty() {
                    part.exercise.scenario.push(value);
                }
                return Some(|e| &mut e.scenario);
            }
            // Text on the label's own line is the list's first item.
            "think about" => {
                if !value.is_empty() {
                    part.exercise.think_about.push(value);
                }
                return Some(|e| &mut e.think_about);
            }
            "challenge yourself" | "challenges" => {
                if !value.is_empty() {
                    part.exercise.challenges.push(value);
                }
                return Some(|e| &mut e.challenges);
            }
            k if k.starts_with("if you can") => part.exercise.review = Some(value),
            // Any other label ("Pro Tip", "Remember") is the tip, label and all.
            _ => {
                let head = line
                    .split_once(":**")
                    .map_or(label, |(h, _)| h.trim_start_matches("**"));
                part.exercise.tip = Some(format!("**{head}:** {value}"));
            }
        }
        None
    }
}
