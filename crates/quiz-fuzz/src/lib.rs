//! The bodies of the fuzz targets, one function per reader of untrusted text.
//!
//! Each takes the fuzzer's bytes and checks what must hold for every input,
//! not only that nothing panics: the JSON reader agrees with serde_json and
//! its writer round-trips, a valid quiz survives being written and read
//! again, Markdown links are always safe and highlighting loses no text,
//! imported questions are valid or reported, and progress files round-trip.
//! A violated property panics, which is what libFuzzer (in `fuzz/`) reports
//! and what the host tests' replay of `tests/fixtures/fuzz/` catches.
#![allow(
    clippy::wildcard_enum_match_arm,
    reason = "test code: the fuzz targets' bodies compare trees, where a catch-all arm decides what is compared"
)]
// Fuzz targets report a broken property by panicking; the panic policy is for shipped code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod json;
pub mod markdown_oracle;
mod readers;

pub use json::json;
pub use readers::{import, load, markdown, progress};

/// A target's body: the fuzzer's bytes in, a panic when a property breaks.
pub type Target = fn(&[u8]);

/// The targets by name, as the fuzzer and the fixture folders name them.
pub const TARGETS: &[(&str, Target)] = &[
    ("json", json),
    ("load", load),
    ("markdown", markdown),
    ("import", import),
    ("progress", progress),
];

/// The fuzzer's bytes as text: every reader takes `&str`, so invalid UTF-8
/// is replaced the way a browser's `TextDecoder` would.
fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}
