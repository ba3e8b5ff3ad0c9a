//! `ordering`: put the items in order.

use quiz_stdx::Set;

use super::Kind;
use crate::format::{Field, FieldType as T};
use crate::json::Object;
use crate::hash::Fnv64;
use crate::check::{Checker, Fields, MAX_CHOICES};

/// Put the items in order. The learner sees them shuffled.
#[derive(Clone, Debug, PartialEq)]
pub struct Ordering {
    /// Markdown, two to 26, distinct, in the right order.
    pub items: Vec<String>,
}

fields! {
    FIELDS, DOCS = [
        (
            "items",
            T::MarkdownList,
            true,
            "The items in the right order, in Markdown; two to 26, all different. Learners see them shuffled and move them into order.",
        ),
    ]
}

impl Kind for Ordering {
    const DOC: &'static str = "Put the items in order.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        let items = checker.text_list(fields, "items")?;
        let node = &fields.member("items")?.value;
        let path = fields.path.key("items");
        let span_of = |i: usize| node.as_array().and_then(|nodes| nodes.get(i)).map_or(node.span, |n| n.span);
        // A function, not yet the text: only a full checker writes it.
        let problem: fn(usize) -> String = match items.len() {
            0 | 1 => |n| format!("`items` has {n}: give at least two items to put in order"),
            n if n > MAX_CHOICES => |n| format!("{n} items are too many: an ordering question may have at most {MAX_CHOICES}"),
            _ => {
                // Two equal items could stand either way round: neither order
                // would be the right one. (The set is the one `choices` uses.)
                let mut seen = Set::default();
                for (i, item) in items.iter().enumerate() {
                    let text = item.trim();
                    if text.is_empty() {
                        checker.error(&path.index(i), span_of(i), || format!("item {i} is empty"));
                        return None;
                    }
                    if !seen.insert(text) {
                        let first = items.iter().position(|e| e.trim() == text).unwrap_or_default();
                        let message = || format!("item {i} repeats item {first}: two equal items have no right order between them");
                        checker.error(&path.index(i), span_of(i), message);
                        return None;
                    }
                }
                return Some(Ordering { items });
            }
        };
        checker.error(&path, node.span, || problem(items.len()));
        None
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        object.list("items", &self.items)
    }

    fn hash(&self, hash: &mut Fnv64) {
        self.items.iter().for_each(|item| hash.field(item));
    }
}
