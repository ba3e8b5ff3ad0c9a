//! The question kinds: one module each, and the registry that lists them.
//!
//! A kind's module holds everything the file format knows about it: its
//! struct (the fields only that kind has, after validation), its field table
//! with the fields' documentation, how the validator reads it, how the
//! writer writes it and what of it the content hash covers. The [`kinds!`]
//! list at the bottom is the only other place a kind is named in this crate;
//! ARCHITECTURE.md gives the steps for the other layers.

use crate::format::Field;
use crate::json::Object;
use crate::model::Fnv64;
use crate::validate::{Checker, Fields};

mod choice;

pub use cloze::Blank;
pub use numeric::{parse_number, NumericForm};
pub use tracing::Outcome;

/// What the format knows about one kind of question.
pub(crate) trait Kind: Sized {
    /// One line on what the kind is, for the schema.
    const DOC: &'static str;
    /// The fields only this kind has.
    const FIELDS: &'static [Field];
    /// Their documentation, in the same order (only the schema reads it).
    const FIELD_DOCS: &'static [&'static str];
    /// Whether the learner grades it, rather than the widget.
    const SELF_GRADED: bool = false;

    /// Reads the kind's fields, reporting every problem to `checker`.
    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self>;
    /// Writes the kind's fields after the common ones.
    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q>;
    /// Feeds what the learner answers against into the content hash.
    fn hash(&self, hash: &mut Fnv64);
}

/// Declares the kinds: their modules, [`QuestionKind`], [`KindName`] and the
/// dispatch from each to the kind's [`Kind`] implementation.
macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident($module:ident::$ty:ident) = $name:literal,)*) => {
        $(mod $module; pub use $module::$ty;)*

        /// What kind of item a question is, with the fields only that kind has.
        #[derive(Clone, Debug, PartialEq)]
        pub enum QuestionKind {
            $($(#[$doc])* $variant($ty),)*
        }

        /// The `type` names of the question file format.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum KindName {
            $($variant,)*
        }

        impl KindName {
            /// Every kind, in the order of the registry.
            pub const ALL: [KindName; [$(KindName::$variant),*].len()] = [$(KindName::$variant),*];

            /// The `type` name used in question files.
            pub fn as_str(self) -> &'static str {
                match self { $(KindName::$variant => $name,)* }
            }

            /// "one of" and every `type` name, quoted and comma-separated, for messages.
            pub const ONE_OF: &'static str = {
                let list = concat!("one of ", $("\"", $name, "\", ",)*);
                // Without the last ", ".
                match core::str::from_utf8(list.as_bytes().split_at(list.len() - 2).0) {
                    Ok(list) => list,
                    Err(_) => list,
                }
            };

            /// Fields only questions of this kind have.
            pub fn fields(self) -> &'static [Field] {
                match self { $(KindName::$variant => $ty::FIELDS,)* }
            }

            /// The documentation of [`KindName::fields`], in the same order.
            pub fn field_docs(self) -> &'static [&'static str] {
                match self { $(KindName::$variant => $ty::FIELD_DOCS,)* }
            }

            /// One line on what the kind is, for the schema.
            pub fn doc(self) -> &'static str {
                match self { $(KindName::$variant => $ty::DOC,)* }
            }

            /// Whether the learner grades this kind themselves rather than the widget.
            pub fn is_self_graded(self) -> bool {
                match self { $(KindName::$variant => $ty::SELF_GRADED,)* }
            }
        }

        impl QuestionKind {
            pub fn name(&self) -> KindName {
                match self { $(QuestionKind::$variant(_) => KindName::$variant,)* }
            }

            pub(crate) fn read<const F: bool>(name: KindName, checker: &mut Checker<F>, fields: &Fields) -> Option<QuestionKind> {
                match name { $(KindName::$variant => $ty::read(checker, fields).map(QuestionKind::$variant),)* }
            }

            pub(crate) fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
                match self { $(QuestionKind::$variant(kind) => kind.write(object),)* }
            }

            pub(crate) fn hash(&self, hash: &mut Fnv64) {
                match self { $(QuestionKind::$variant(kind) => kind.hash(hash),)* }
            }
        }
    };
}

kinds! {
    /// Pick one choice.
    Single(single::Single) = "single",
    /// Pick every correct choice.
    Multiple(multiple::Multiple) = "multiple",
    /// Decide whether a statement is true.
    TrueFalse(true_false::TrueFalse) = "true_false",
    /// Type a short answer.
    Short(short::Short) = "short",
    /// Self-graded: the learner recalls, flips, and grades themselves.
    Flashcard(flashcard::Flashcard) = "flashcard",
    /// A practice task, self-checked.
    Exercise(exercise::Exercise) = "exercise",
    /// Type a number, right within a tolerance or a range.
    Numeric(numeric::Numeric) = "numeric",
    /// Put the items in order.
    Ordering(ordering::Ordering) = "ordering",
    /// Pair each item on the left with one on the right.
    Matching(matching::Matching) = "matching",
    /// Fill in the blanks of a text, typed or picked from a list.
    Cloze(cloze::Cloze) = "cloze",
    /// Tell whether a program compiles, then what it prints or where it fails.
    Tracing(tracing::Tracing) = "tracing",
}

impl KindName {
    pub fn from_name(name: &str) -> Option<KindName> {
        KindName::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl QuestionKind {
    /// The choices of a choice question, empty for other kinds.
    pub fn choices(&self) -> &[String] {
        match self {
            QuestionKind::Single(Single { choices, .. }) | QuestionKind::Multiple(Multiple { choices, .. }) => choices,
            // No choices to list (matching and cloze options are their own).
            QuestionKind::TrueFalse(_)
            | QuestionKind::Short(_)
            | QuestionKind::Flashcard(_)
            | QuestionKind::Exercise(_)
            | QuestionKind::Numeric(_)
            | QuestionKind::Ordering(_)
            | QuestionKind::Matching(_)
            | QuestionKind::Cloze(_)
            | QuestionKind::Tracing(_) => &[],
        }
    }
}
