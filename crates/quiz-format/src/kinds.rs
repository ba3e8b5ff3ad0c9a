//! The question kinds: one module each, and the registry that lists them.
//!
//! A kind's module holds everything the file format knows about it: its
//! struct (the fields only that kind has, after validation), its field table
//! with the fields' documentation, how the validator reads it, how the
//! writer writes it and what of it the content hash covers. The registry in
//! `kind_name.rs` is the only other place a kind is named in this crate;
//! ARCHITECTURE.md gives the steps for the other layers.

use crate::check::{Checker, Fields};
use crate::format::Field;
use crate::hash::Fnv64;
use crate::json::Object;
pub use crate::kind_name::KindName;

mod choice;

pub use crate::number::parse_number;
pub use cloze::Blank;
pub use numeric::NumericForm;
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

/// Declares the kinds from the registry ([`crate::kind_name::registry`]):
/// their modules, [`QuestionKind`], and the dispatch from each and from its
/// [`KindName`] to the kind's [`Kind`] implementation.
macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident($module:ident::$ty:ident) = $name:literal,)*) => {
        $(mod $module; pub use $module::$ty;)*

        /// What kind of item a question is, with the fields only that kind has.
        #[derive(Clone, Debug, PartialEq)]
        pub enum QuestionKind {
            $($(#[$doc])* $variant($ty),)*
        }

        impl KindName {
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

crate::kind_name::registry!(kinds);

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
