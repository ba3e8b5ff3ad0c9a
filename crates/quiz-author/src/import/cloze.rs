//! Cloze texts (`cloze`): a `**Cloze:** prompt` line, then the text with
//! its blanks (`{{answer|other}}` to type, `{{[right]|wrong}}` to pick) up to
//! the first blank line, and an optional `**Explanation:**`.
//!
//! ```markdown
//! **Cloze:** Complete the call.
//! Run the coroutine with {{asyncio.run}}, and wait without blocking with
//! {{[asyncio.sleep]|time.sleep}}.
//! ```

use quiz_format::model::{Cloze, QuestionKind};

use super::Importer;

impl Importer<'_> {
    /// `**Cloze:** prompt`, then the text's lines.
    pub(super) fn cloze(&mut self) -> bool {
        let (mut lines, mut ended) = (Vec::new(), false);
        let Some(block) = self.labelled("cloze", |line| match line {
            _ if ended || line.starts_with("**") => false,
            "" => {
                ended = !lines.is_empty();
                true
            }
            line => {
                lines.push(line.to_owned());
                true
            }
        }) else {
            return false;
        };
        let start = block.start;
        let kind = match Cloze::from_text(lines.join("\n"), false) {
            Ok(cloze) => Some(QuestionKind::Cloze(cloze)),
            Err(message) if !lines.is_empty() => {
                self.problem(start, message);
                return true;
            }
            Err(_) => None,
        };
        self.push_labelled(
            block,
            kind,
            "a cloze question needs its text, with blanks, on the lines after `**Cloze:**`",
        );
        true
    }
}
