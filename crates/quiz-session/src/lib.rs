//! A learner's session on a quiz, free of the web.
//!
//! Everything that happens after a file is loaded: the [`session`] state
//! machine (actions in, effects out), grading ([`grade`], with [`case_fold`]
//! for typed answers), flashcard scheduling ([`schedule`]), progress records
//! and their order-independent merge ([`progress`], kept in a copy-on-write
//! [`cow_map`]), and progress export, import and CSV ([`transfer`]). The time
//! of each action is passed in; nothing here reads the clock or storage.

pub mod case_fold;
pub mod cow_map;
pub mod grade;
pub mod progress;
pub mod schedule;
pub mod session;
pub mod transfer;

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
