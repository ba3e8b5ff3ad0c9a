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

use super::Importer;

impl Importer<'_> {
    /// `**Match:** prompt`, then `- left -> right` lines.
    pub(super) fn matching(&mut self) -> bool {
        let (mut pairs, mut distractors) = (Vec::new(), Vec::new());
        let Some(block) = self.labelled("match", |line| match arrow_pair(line) {
            Some(("", right)) => {
                distractors.push(right.to_owned());
                true
            }
            Some((left, right)) => {
                pairs.push((left.to_owned(), right.to_owned()));
                true
            }
            None => false,
        }) else {
            return false;
        };
        let kind = (pairs.len() >= 2).then_some(QuestionKind::Matching(Matching { pairs, distractors }));
        self.push_labelled(
            block,
            kind,
            "a matching question needs at least two `- left -> right` lines",
        );
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

/// Whether a line is a `- left -> right` pair.
pub(super) fn is_pair_line(line: &str) -> bool {
    arrow_pair(line.trim()).is_some()
}
