//! The question file format, free of the web.
//!
//! Text goes in, a validated [`Quiz`] or a list of [`Diagnostic`]s comes out:
//! the JSON reader keeps every value's span ([`json`]), the field tables say
//! what each object may hold ([`format`]), the validator checks a file
//! against them and builds the [`model`] ([`validate`], [`load`]), and the
//! writer turns a quiz back into JSON ([`write`]). The widget, the session,
//! the authoring tools and the CLI all read files through [`load`].

#[macro_use]
pub mod format;
mod check;
mod hash;
pub mod json;
mod kind_name;
pub mod kinds;
pub mod model;
mod number;
pub mod validate;
pub mod write;

pub use model::{
    Blank, Cloze, Difficulty, Exam, Exercise, Flashcard, KindName, Matching, Multiple, Numeric, Ordering, Outcome,
    Question, QuestionKind, Quiz, Repetition, Retention, Section, Short, Single, Solution, Tracing, TrueFalse,
    ValidQuiz,
};
pub use validate::{accept, check, load, Diagnostic, Report, Severity};
