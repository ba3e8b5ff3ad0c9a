//! Flashcards (`flashcard`): a `1 / 5` counter line, the front on the next
//! line, the back below it, up to the next question or heading.

use quiz_format::model::{Flashcard, QuestionKind};

use super::{Importer, Item};

impl Importer<'_> {
    /// `1 / 5`, the front, then the back.
    pub(super) fn flashcard(&mut self) -> bool {
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
        // The card ends where the next question of any convention, a
        // heading or a `---` rule begins: a question below it is never its back.
        while let Some(l) = self.line(self.pos) {
            if self.ends_question(self.pos) {
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
        self.push(Item {
            prompt: front.trim().to_owned(),
            kind: QuestionKind::Flashcard(Flashcard { back }),
            difficulty: None,
            topic,
            explanation: None,
        });
        true
    }
}

/// Whether a line is a flashcard's `1 / 5` counter.
pub(super) fn is_counter_line(line: &str) -> bool {
    line.trim()
        .split_once(" / ")
        .is_some_and(|(n, m)| n.trim().parse::<u32>().is_ok() && m.trim().parse::<u32>().is_ok())
}
