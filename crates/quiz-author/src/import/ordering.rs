//! Ordering questions (`ordering`): a `**Order:** prompt` line, the items in
//! the right order as a numbered list, and an optional `**Explanation:**`.
//!
//! ```markdown
//! **Order:** Put the steps of running a coroutine in order.
//! 1. Define it with `async def`
//! 2. Call it to get a coroutine object
//! 3. Pass it to `asyncio.run()`
//! **Explanation:** `asyncio.run()` starts the loop that runs it.
//! ```

use quiz_format::model::{Ordering, QuestionKind};

use super::{bold_label, Importer, Item};

impl Importer<'_> {
    /// `**Order:** prompt`, then `1. item` lines in the right order.
    pub(super) fn ordering(&mut self) -> bool {
        let Some((label, prompt)) = self.line(self.pos).and_then(bold_label) else {
            return false;
        };
        if !label.eq_ignore_ascii_case("order") {
            return false;
        }
        let start = self.pos;
        self.pos += 1;
        let (mut items, mut explanation) = (Vec::new(), None);
        while let Some(line) = self.line(self.pos) {
            let t = line.trim();
            if let Some(item) = numbered_item(t) {
                items.push(item.to_owned());
            } else if let Some(("Explanation", text)) = bold_label(t).as_ref().map(|(l, r)| (l.as_str(), r.as_str())) {
                explanation = Some(text.to_owned());
            } else if !t.is_empty() {
                break;
            }
            self.pos += 1;
        }
        if prompt.is_empty() {
            self.problem(
                start,
                "this ordering question has no prompt: write it after `**Order:**`",
            );
        } else if items.len() < 2 {
            let message = "an ordering question needs at least two numbered items (`1. …`, `2. …`) in the right order";
            self.problem(start, message);
        } else {
            self.push(Item {
                prompt,
                kind: QuestionKind::Ordering(Ordering { items }),
                difficulty: None,
                topic: self.category.clone(),
                explanation,
            });
        }
        true
    }
}

/// The text of a `1. text` line.
fn numbered_item(line: &str) -> Option<&str> {
    let (number, text) = line.split_once(". ")?;
    (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) && !text.trim().is_empty()).then(|| text.trim())
}
