//! The registry of question kinds, and their `type` names.
//!
//! The list below is the one place a kind is registered. It sits at the
//! bottom of the crate so that the validator's own machinery (`check.rs`)
//! can name the kinds without depending on them: this module makes
//! [`KindName`] from it, and `kinds.rs` makes `QuestionKind` and the
//! dispatch to each kind's module.

/// Calls `$then!` with the registry: one line per kind, its variant, its
/// module and struct, and its `type` name.
macro_rules! registry {
    ($then:ident) => {
        $then! {
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
    };
}
pub(crate) use registry;

/// Makes [`KindName`] from the registry.
macro_rules! kind_names {
    ($($(#[$doc:meta])* $variant:ident($module:ident::$ty:ident) = $name:literal,)*) => {
        /// The `type` names of the question file format.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum KindName {
            $($(#[$doc])* $variant,)*
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
        }
    };
}

registry!(kind_names);

impl KindName {
    pub fn from_name(name: &str) -> Option<KindName> {
        KindName::ALL.into_iter().find(|k| k.as_str() == name)
    }
}
