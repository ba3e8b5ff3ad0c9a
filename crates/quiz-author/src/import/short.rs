//! Short answers (`short`): a `**Short:** prompt` line (or `**Short
//! answer:**`), an `**Answer:**` line with the accepted answers separated by
//! `|`, and an optional `**Explanation:**`. Answers are compared ignoring
//! case, as in the format's default.
//!
//! ```markdown
//! **Short:** Which function starts the event loop from plain code?
//! **Answer:** asyncio.run | asyncio.run()
//! ```

use quiz_format::model::{QuestionKind, Short};

use super::Importer;

impl Importer<'_> {
    /// `**Short:** prompt`, then `**Answer:** accepted | also accepted`.
    pub(super) fn short(&mut self) -> bool {
        let Some((block, answer)) = self.answered("short").or_else(|| self.answered("short answer")) else {
            return false;
        };
        let accept: Vec<String> = answer
            .iter()
            .flat_map(|a| a.split('|'))
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect();
        if answer.is_some() && accept.is_empty() {
            let message = "the `**Answer:**` line of this short-answer question is empty: write the accepted answers, separated by `|`";
            self.problem(block.start, message);
            return true;
        }
        let kind = (!accept.is_empty()).then(|| {
            QuestionKind::Short(Short {
                accept,
                case_sensitive: false,
                feedback: Vec::new(),
            })
        });
        self.push_labelled(
            block,
            kind,
            "a short-answer question needs an `**Answer:**` line with the accepted answers, such as `**Answer:** asyncio.run | asyncio.run()`",
        );
        true
    }
}
