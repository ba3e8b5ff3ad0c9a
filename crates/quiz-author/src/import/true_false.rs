//! True/false questions (`true_false`): a `**True or false:** statement`
//! line (or `**True/False:**`), an `**Answer:**` line saying `True` or
//! `False`, and an optional `**Explanation:**`.
//!
//! ```markdown
//! **True or false:** `asyncio.sleep()` blocks the event loop.
//! **Answer:** False
//! ```

use quiz_format::model::{QuestionKind, TrueFalse};

use super::Importer;

impl Importer<'_> {
    /// `**True or false:** statement`, then `**Answer:** True` or `False`.
    pub(super) fn true_false(&mut self) -> bool {
        let Some((block, answer)) = self.answered("true or false").or_else(|| self.answered("true/false")) else {
            return false;
        };
        let kind = match answer.as_deref().map(truth) {
            Some(Some(answer)) => Some(QuestionKind::TrueFalse(TrueFalse { answer })),
            Some(None) => {
                let message = format!(
                    "the answer of this true/false question is \"{}\": write `**Answer:** True` or `**Answer:** False`",
                    answer.unwrap_or_default()
                );
                self.problem(block.start, message);
                return true;
            }
            None => None,
        };
        self.push_labelled(
            block,
            kind,
            "a true/false question needs an `**Answer:**` line saying `True` or `False`",
        );
        true
    }
}

/// `True`, `False`, `T` or `F` in any case, with an optional full stop.
fn truth(text: &str) -> Option<bool> {
    match text.trim().trim_end_matches('.').to_lowercase().as_str() {
        "true" | "t" => Some(true),
        "false" | "f" => Some(false),
        _ => None,
    }
}
