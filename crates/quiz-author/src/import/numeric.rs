//! Numeric questions (`numeric`): a `**Number:** prompt` line, then an
//! `**Answer:**` line with the number (`9.81`, `9.81 ± 0.05`, `300000 ± 1 %`
//! or `6.5 to 7.5`, and a unit if any), and an optional `**Explanation:**`.
//!
//! ```markdown
//! **Number:** Three coroutines each sleep 2 s, gathered. How many seconds?
//! **Answer:** 2 ± 0.2 s
//! ```

use quiz_format::model::{Numeric, QuestionKind};

use super::Importer;

impl Importer<'_> {
    /// `**Number:** prompt`, then `**Answer:** number`.
    pub(super) fn numeric(&mut self) -> bool {
        let Some((block, answer)) = self.answered("number") else {
            return false;
        };
        let kind = match answer.as_deref().map(Numeric::from_answer_text) {
            Some(Ok(numeric)) => Some(QuestionKind::Numeric(numeric)),
            Some(Err(message)) => {
                self.problem(
                    block.start,
                    format!("the answer of this numeric question cannot be read: {message}"),
                );
                return true;
            }
            None => None,
        };
        self.push_labelled(
            block,
            kind,
            "a numeric question needs an `**Answer:**` line, such as `**Answer:** 9.81 ± 0.05 m/s²`",
        );
        true
    }
}
