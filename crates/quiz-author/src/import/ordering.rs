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

use super::Importer;

impl Importer<'_> {
    /// `**Order:** prompt`, then `1. item` lines in the right order.
    pub(super) fn ordering(&mut self) -> bool {
        let mut items = Vec::new();
        let Some(block) = self.labelled("order", |line| {
            numbered_item(line).map(|item| items.push(item.to_owned())).is_some()
        }) else {
            return false;
        };
        let kind = (items.len() >= 2).then_some(QuestionKind::Ordering(Ordering { items }));
        let too_few = "an ordering question needs at least two numbered items (`1. …`, `2. …`) in the right order";
        self.push_labelled(block, kind, too_few);
        true
    }
}

/// The text of a `1. text` line.
fn numbered_item(line: &str) -> Option<&str> {
    let (number, text) = line.split_once(". ")?;
    (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) && !text.trim().is_empty()).then(|| text.trim())
}
