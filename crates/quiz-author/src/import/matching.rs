//! Matching questions (`matching`): a `**Match:** prompt` line, then one
//! `- left -> right` line per pair (`→` works too), a `- -> right` line for
//! each distractor (a right item with nothing on the left), and an optional
//! `**Explanation:**`.
//!
//! ```markdown
//! **Match:** Match each call with what it does.
//! - `asyncio.run()` -> Runs a coroutine from plain code
//! - `asyncio.gather()` -> Awaits several awaitables together
//! - -> Starts a thread
//! ```

use quiz_format::model::{Matching, QuestionKind};

use super::{bold_label, Importer, Item};

impl Importer<'_> {
    /// `**Match:** prompt`, then `- left -> right` lines.
    pub(super) fn matching(&mut self) -> bool {
        let Some((label, prompt)) = self.line(self.pos).and_then(bold_label) else {
            return false;
        };
        if !label.eq_ignore_ascii_case("match") {
            return false;
        }
        let start = self.pos;
        self.pos += 1;
        let (mut pairs, mut distractors, mut explanation) = (Vec::new(), Vec::new(), None);
        while let Some(line) = self.line(self.pos) {
            let t = line.trim();
            if let Some((left, right)) = arrow_pair(t) {
                match left {
                    "" => distractors.push(right.to_owned()),
                    left => pairs.push((left.to_owned(), right.to_owned())),
                }
            } else if let Some((_, text)) = bold_label(t).filter(|(l, _)| l == "Explanation") {
                explanation = Some(text);
            } else if !t.is_empty() {
                break;
            }
            self.pos += 1;
        }
        if prompt.is_empty() {
            self.problem(
                start,
                "this matching question has no prompt: write it after `**Match:**`",
            );
        } else if pairs.len() < 2 {
            let message = "a matching question needs at least two `- left -> right` lines";
            self.problem(start, message);
        } else {
            self.push(Item {
                prompt,
                kind: QuestionKind::Matching(Matching { pairs, distractors }),
                difficulty: None,
                topic: self.category.clone(),
                explanation,
            });
        }
        true
    }
}

/// `- left -> right` (or `→`): the two sides, trimmed; the left may be empty.
fn arrow_pair(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("- ").or_else(|| line.strip_prefix("-"))?;
    let (left, right) = rest.split_once("->").or_else(|| rest.split_once('→'))?;
    let right = right.trim();
    (!right.is_empty()).then_some((left.trim(), right))
}
