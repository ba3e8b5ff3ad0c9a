//! The quiz domain, free of the web.
//!
//! Everything a quiz *means* lives here: the question file format and its
//! validator, grading, the learner's session, spaced-repetition scheduling,
//! stored progress and its merge, and Markdown parsing. The crate has no
//! dependency on yew, web-sys, gloo or js-sys, so all of it is tested natively
//! with `cargo test`, and the widget crate is a thin shell around it.

pub mod case_fold;
pub mod cow_map;
pub mod format;
pub mod json;
pub mod model;
pub mod validate;

pub use model::{Difficulty, Exercise, KindName, Question, QuestionKind, Quiz, Section, Solution};
pub use validate::{load, Diagnostic, Report, Severity};
pub mod grade;
pub mod highlight;
pub mod import;
pub mod markdown;
pub mod mojibake;
pub mod progress;
pub mod schedule;
pub mod session;
pub mod transfer;
pub mod write;

/// A small deterministic generator for the property tests.
#[cfg(test)]
pub(crate) struct TestRng(pub u64);

#[cfg(test)]
impl TestRng {
    /// A number in `0..n` (LCG steps; the high bits are the good ones).
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}
