# The project's two front-door commands (see CONTRIBUTING.md):
#   make serve   install whatever is missing, then serve the study page
#   make test    install whatever is missing, then run every test and check
# Both are idempotent: tools/install.sh skips what is already at its pinned version.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
# wasm-bindgen-test runs the browser tests in Debian's headless Chromium.
export CHROMEDRIVER := /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT := 120

.PHONY: serve test fresh-check fuzz build package check-host check-lint test-browser test-e2e bank screenshots bench

serve:
	tools/install.sh build
	trunk serve --offline

test:
	tools/install.sh test
	$(MAKE) --no-print-directory check-lint check-host test-browser test-e2e

# The test command of CONTRIBUTING.md in a clean clone with an empty cargo home and npm
# cache: proves that install.sh fetches everything (see tools/fresh-check.sh).
fresh-check:
	tools/fresh-check.sh

# Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of every reader of untrusted
# text; findings land in tests/fixtures/fuzz/, which `make test` replays.
fuzz:
	tools/install.sh fuzz
	tools/fuzz.sh

check-lint:
	cargo fmt --all --check
	tsc -p js
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy -p quiz-widget -p quiz-import-web --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

# Core, CLI and the host integration tests (fixtures, bank, schema, importer).
check-host:
	cargo test --workspace --locked

# Component tests in headless Chromium.
test-browser:
	cargo test -p quiz-widget --target wasm32-unknown-unknown --locked

# The release build rebuilds std for wasm32 with the workspace's size profile and
# makes a panic abort at once (-Cpanic=immediate-abort): no panic formatting,
# hook or unwinding code ships, 16 KB gzip less; and no source locations are kept
# for panics that nobody reads (-Zlocation-detail=none, 0.3 KB). std is built
# with its optimize_for_size feature (smaller sorts, formatting and hashing
# code, 2.6 KB) and without the backtrace and unwinding features nothing here
# uses. All are unstable options of the machine's stable toolchain, enabled
# for this one command by RUSTC_BOOTSTRAP. A panic then traps; lib.rs
# reports the trap in every widget.
build:
	RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
	trunk build --release --offline

# The npm package and the zip under target/package/ (tools/package.mjs).
package: build
	node tools/package.mjs

# End-to-end tests against the release build, served on 127.0.0.1.
test-e2e: package
	node --test --test-concurrency=1 tests/e2e/

# Regenerates questions.json and questions.schema.json from content/, and the
# format's TypeScript declarations that `tsc -p js` checks the modules against.
bank:
	cargo run -q -p quiz-cli -- bank content/bank.json --out questions.json
	cargo run -q -p quiz-cli -- schema > questions.schema.json
	cargo run -q -p quiz-cli -- types > js/questions.d.ts

screenshots: build
	node tests/e2e/screenshots.mjs docs/screenshots

# Size, time to first question and scale, side by side with quizdown; rewrites BENCHMARKS.md.
bench: build
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	node bench/run.mjs
