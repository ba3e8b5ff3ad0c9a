//! Component tests in a real browser (headless Chromium via wasm-bindgen-test).
//! Each test mounts the widget into a fresh element, lets yew render, and
//! asserts on the DOM a learner would see.
// Test code asserts by panicking; the panic policy is for shipped code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::wildcard_enum_match_arm
)]
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod burst;
mod crash;
mod flows;
mod markdown;
mod storage;
