//! `matching`: pair each item on the left with one on the right.

use quiz_stdx::Set;

use super::Kind;
use crate::format::{Field, FieldType as T};
use crate::json::{Node, Object, Value};
use crate::hash::Fnv64;
use crate::check::{Checker, Fields, Path, MAX_CHOICES};

/// Pair each left item with its right item; `distractors` are right items
/// that belong to no left one.
#[derive(Clone, Debug, PartialEq)]
pub struct Matching {
    /// `(left, right)` in Markdown, two to 26; the lefts all different, the
    /// rights all different from each other and from the distractors.
    pub pairs: Vec<(String, String)>,
    /// More right items, matching nothing.
    pub distractors: Vec<String>,
}

impl Matching {
    /// Every right item: the pairs' in order, then the distractors. A
    /// learner's match is an index into this list.
    pub fn rights(&self) -> impl Iterator<Item = &String> {
        self.pairs.iter().map(|(_, r)| r).chain(&self.distractors)
    }
}

fields! {
    FIELDS, DOCS = [
        (
            "pairs",
            T::Pairs,
            true,
            "The pairs, `[left, right]` in Markdown; two to 26. Learners choose the right item for each left one from all right items, shuffled.",
        ),
        ("distractors", T::MarkdownList, false, "More right items that belong to no left item."),
    ]
}

impl Kind for Matching {
    const DOC: &'static str = "Pair each item on the left with one on the right.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        let distractors = checker.text_list(fields, "distractors").unwrap_or_default();
        let (node, path, _) = checker.get(fields, "pairs")?;
        let Value::Array(items) = &node.value else {
            checker.wrong_type(&path, node, "a list of pairs, `[left, right]`");
            return None;
        };
        if items.len() < 2 || items.len() > MAX_CHOICES {
            let message = || match items.len() {
                0 | 1 => format!("`pairs` has {}: give at least two pairs to match", items.len()),
                n => format!("{n} pairs are too many: a matching question may have at most {MAX_CHOICES}"),
            };
            checker.error(&path, node.span, message);
            return None;
        }
        let pairs: Vec<(String, String)> = items
            .iter()
            .enumerate()
            .map(|(i, item)| pair(checker, item, &path.index(i)))
            .collect::<Vec<_>>()
            .into_iter()
            .collect::<Option<_>>()?;
        let matching = Matching { pairs, distractors };
        all_different(checker, fields, &path, items, &matching).then_some(matching)
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        let pairs = self.pairs.iter().map(|(l, r)| pair_value(l, r));
        object.array("pairs", pairs).list("distractors", &self.distractors)
    }

    fn hash(&self, hash: &mut Fnv64) {
        for (left, right) in &self.pairs {
            hash.field(left);
            hash.field(right);
        }
        self.distractors.iter().for_each(|d| hash.field(d));
    }
}

/// A pair as written: `[left, right]`.
pub(super) fn pair_value<'q>(left: &'q str, right: &'q str) -> Value<'q> {
    Value::Array(vec![
        crate::json::node(Value::String(left.into())),
        crate::json::node(Value::String(right.into())),
    ])
}

/// One `[left, right]` pair of non-empty strings (also `short`'s feedback).
pub(super) fn pair<const F: bool>(checker: &mut Checker<F>, item: &Node, path: &Path) -> Option<(String, String)> {
    let Some(two) = item.as_array().filter(|two| two.len() == 2) else {
        let message = "each pair is two texts, `[left, right]`, such as [\"asyncio.run\", \"Runs a coroutine\"]";
        checker.error(path, item.span, || message.to_owned());
        return None;
    };
    let texts = two
        .iter()
        .enumerate()
        .map(|(i, n)| checker.text_of(n, &path.index(i), "a string"))
        .collect::<Vec<_>>();
    let [Some(left), Some(right)] = <[Option<String>; 2]>::try_from(texts).ok()? else {
        return None;
    };
    if left.trim().is_empty() || right.trim().is_empty() {
        checker.error(path, item.span, || "a pair has an empty side: give both texts".to_owned());
        return None;
    }
    Some((left, right))
}

/// The left items all different, and the right items (with the
/// distractors) too: a right item twice could be either one's match.
fn all_different<const F: bool>(checker: &mut Checker<F>, fields: &Fields, path: &Path, items: &[Node], m: &Matching) -> bool {
    let mut lefts = Set::default();
    for (i, (left, _)) in m.pairs.iter().enumerate() {
        if !lefts.insert(left.trim()) {
            let span = items.get(i).map_or(fields.span(), |n| n.span);
            checker.error(&path.index(i), span, || format!("the left item of pair {i} repeats an earlier one"));
            return false;
        }
    }
    let mut rights = Set::default();
    for (i, right) in m.rights().enumerate() {
        if !rights.insert(right.trim()) {
            let (where_, span) = match items.get(i) {
                Some(n) => (path.index(i), n.span),
                None => (fields.path.key("distractors"), fields.member("distractors").map_or(fields.span(), |m| m.value.span)),
            };
            let message = || format!("the right item \"{}\" appears twice: each right item may match one left item only", right.trim());
            checker.error(&where_, span, message);
            return false;
        }
    }
    true
}
