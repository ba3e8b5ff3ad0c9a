//! A learner's session on a quiz, free of the web.
//!
//! Everything that happens after a file is loaded: the [`session`] state
//! machine (actions in, effects out), grading ([`grade`], with [`case_fold`]
//! for typed answers), flashcard scheduling ([`schedule`]), progress records
//! and their order-independent merge ([`progress`], kept in a copy-on-write
//! [`cow_map`]), progress export, import and CSV ([`transfer`]), and the
//! seeded generator behind every shuffle ([`random`]). The time
//! of each action is passed in; nothing here reads the clock or storage.

pub mod case_fold;
pub mod cow_map;
pub mod fsrs;
pub mod grade;
pub mod progress;
pub mod random;
pub mod response;
pub mod schedule;
pub mod session;
pub mod transfer;

/// The property tests' generator: the session's own, with a `u64` range.
#[cfg(test)]
pub(crate) struct TestRng(random::SplitMix64);

#[cfg(test)]
impl TestRng {
    pub fn new(seed: u64) -> Self {
        TestRng(random::SplitMix64::new(seed))
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0.next_u64() % n
    }
}
