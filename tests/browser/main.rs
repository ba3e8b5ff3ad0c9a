//! Component tests in a real browser (headless Chromium via wasm-bindgen-test).
//! Each test mounts the widget into a fresh element, lets yew render, and
//! asserts on the DOM a learner would see.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod flows;
mod markdown;
mod storage;
