//! What the choice kinds (`single`, `multiple`) share: the `choices` list
//! and indices into it.

use quiz_stdx::Set;

use crate::check::{Checker, Fields, Path, MAX_CHOICES};
use crate::json::Node;

/// The documentation of `choices`, the same in both kinds.
pub(super) const CHOICES_DOC: &str = "The choices, in Markdown; at least two.";
/// The documentation of `feedback`.
pub(super) const FEEDBACK_DOC: &str =
    "Shown when the choice at the same index is picked and checked: one per choice, \"\" for none.";

/// The `choices` field: two to [`MAX_CHOICES`] non-empty strings; a repeat is a warning.
pub(super) fn choices<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Vec<String>> {
    let choices = checker.text_list(fields, "choices")?;
    let node = &fields.member("choices")?.value;
    let path = fields.path.key("choices");
    // A function, not yet the text: only a full checker writes it.
    let problem: fn(usize) -> String = match choices.len() {
        0 => |_| "`choices` is empty: give at least two choices".to_owned(),
        1 => |_| "only one choice: give at least two, or use a `short` question".to_owned(),
        n if n > MAX_CHOICES => |n| format!("{n} choices are too many: a question may have at most {MAX_CHOICES}"),
        _ => {
            let mut seen = Set::default();
            for (i, c) in choices.iter().enumerate() {
                if c.trim().is_empty() {
                    checker.error(&path.index(i), node.span, || format!("choice {i} is empty"));
                    return None;
                }
                if !seen.insert(c.trim()) {
                    let message = || format!("choice {i} repeats an earlier choice");
                    checker.warning(&path.index(i), node.span, message);
                }
            }
            return Some(choices);
        }
    };
    checker.error(&path, node.span, || problem(choices.len()));
    None
}

/// The optional `feedback` list: one Markdown text per choice, shown when
/// that choice is picked (`""` for none). Its length must be the choices'.
pub(super) fn feedback<const F: bool>(
    checker: &mut Checker<F>,
    fields: &Fields,
    choices: Option<&[String]>,
) -> Vec<String> {
    let Some(list) = checker.text_list(fields, "feedback") else {
        return Vec::new();
    };
    let (Some(choices), Some(member)) = (choices, fields.member("feedback")) else {
        return Vec::new();
    };
    if list.len() != choices.len() {
        let message = || {
            format!(
                "`feedback` has {} texts for {} choices: give one per choice, in the same order (\"\" for none)",
                list.len(),
                choices.len()
            )
        };
        checker.error(&fields.path.key("feedback"), member.value.span, message);
        return Vec::new();
    }
    list
}

/// A 0-based index into `choices`; `None` (reporting nothing more) when the
/// choices themselves were not valid.
pub(super) fn index<const F: bool>(
    checker: &mut Checker<F>,
    node: &Node,
    path: &Path,
    choices: Option<&[String]>,
) -> Option<usize> {
    let n = checker.whole_number(node, path, "a 0-based choice index")?;
    let count = choices?.len();
    match usize::try_from(n) {
        Ok(i) if i < count => Some(i),
        _ => {
            let last = count.saturating_sub(1);
            let message =
                || format!("answer {n} is out of range: this question has {count} choices, numbered 0-{last}");
            checker.error(path, node.span, message);
            None
        }
    }
}
