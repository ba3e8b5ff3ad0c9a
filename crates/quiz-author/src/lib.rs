//! Authoring tools, native only: they never ship in the widget, which does
//! not depend on this crate (a test in `make test` checks that).
//!
//! [`import`] reads Markdown question banks in the conventions the seed
//! material is written in, [`mojibake`] repairs text whose UTF-8 was decoded
//! as Windows-1252, and [`schema`] writes the JSON Schema of the format from
//! the same field tables the validator reads, as [`typescript`] writes its
//! TypeScript declarations. [`mdbook_quiz`] reads mdbook-quiz's TOML
//! quizzes, so that a book can switch without rewriting them, [`gift`]
//! reads and writes Moodle's GIFT banks, and [`qti`] writes a QTI 1.2
//! package as Canvas imports it (with [`xml`], the XML writer quiz-cli's
//! packages use too).

pub mod gift;
pub mod import;
pub mod mdbook_quiz;
pub mod mojibake;
pub mod qti;
pub mod schema;
pub mod typescript;
pub mod xml;
