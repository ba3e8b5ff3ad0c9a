#!/usr/bin/env bash
# Installs whatever is missing for building and testing quiz-widget, and nothing else.
# Idempotent: each step first checks whether its tool is already there at the pinned
# version, so a second run finishes in seconds.
#
#   tools/install.sh build   wasm target, rust-src, trunk, wasm-bindgen CLI, wasm-opt (npm binaryen)
#   tools/install.sh test    all of the above, plus Chromium, ChromeDriver, mdBook and the npm test tools
#   tools/install.sh fuzz    cargo-fuzz, for `make fuzz`
#
# Only package registries are used (crates.io, npm, Debian); nothing downloads a binary.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=versions.env
. tools/versions.env

want=${1:-test}
say() { printf '\033[1m[install]\033[0m %s\n' "$*"; }
die() { printf '[install] error: %s\n' "$*" >&2; exit 1; }

check_pins_agree() {
  local locked
  locked=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
  [ "$locked" = "$WASM_BINDGEN_VERSION" ] ||
    die "Cargo.lock has wasm-bindgen $locked but tools/versions.env says $WASM_BINDGEN_VERSION"
  grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml ||
    die "Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" (tools/versions.env)"
  grep -q "wasm_opt = \"version_${BINARYEN_VERSION%%.*}\"" Trunk.toml ||
    die "Trunk.toml [tools] wasm_opt must be \"version_${BINARYEN_VERSION%%.*}\" (tools/versions.env)"
  grep -q "\"binaryen\": \"$BINARYEN_VERSION\"" package.json ||
    die "package.json must pin binaryen $BINARYEN_VERSION (tools/versions.env)"
  grep -q "\"playwright-core\": \"$PLAYWRIGHT_CORE_VERSION\"" package.json ||
    die "package.json must pin playwright-core $PLAYWRIGHT_CORE_VERSION (tools/versions.env)"
  grep -q "\"terser\": \"$TERSER_VERSION\"" package.json ||
    die "package.json must pin terser $TERSER_VERSION (tools/versions.env)"
  grep -q "\"axe-core\": \"$AXE_CORE_VERSION\"" package.json ||
    die "package.json must pin axe-core $AXE_CORE_VERSION (tools/versions.env)"
  grep -q "\"@custom-elements-manifest/analyzer\": \"$CEM_ANALYZER_VERSION\"" package.json ||
    die "package.json must pin @custom-elements-manifest/analyzer $CEM_ANALYZER_VERSION (tools/versions.env)"
  grep -q "\"typescript\": \"$TYPESCRIPT_VERSION\"" package.json ||
    die "package.json must pin typescript $TYPESCRIPT_VERSION (tools/versions.env)"
  grep -q "\"gift-pegjs\": \"$GIFT_PEGJS_VERSION\"" package.json ||
    die "package.json must pin gift-pegjs $GIFT_PEGJS_VERSION (tools/versions.env)"
  grep -q "\"scorm-again\": \"$SCORM_AGAIN_VERSION\"" package.json ||
    die "package.json must pin scorm-again $SCORM_AGAIN_VERSION (tools/versions.env)"
  grep -q "\"fflate\": \"$FFLATE_VERSION\"" package.json ||
    die "package.json must pin fflate $FFLATE_VERSION (tools/versions.env)"
  grep -q "\"xapi-validation\": \"$XAPI_VALIDATION_VERSION\"" package.json ||
    die "package.json must pin xapi-validation $XAPI_VALIDATION_VERSION (tools/versions.env)"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*"; fi
}

install_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

# The release build compiles std itself (see `build` in the Makefile), from the
# toolchain's own source component.
install_std_source() {
  rustup component list --installed | grep -q '^rust-src' && return
  say "adding the rust-src component (the release build compiles std)"
  rustup component add rust-src
}

install_trunk() {
  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then return; fi
  say "building trunk $TRUNK_VERSION from crates.io (about 6 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
}

install_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\b" &&
     command -v wasm-bindgen-test-runner >/dev/null; then return; fi
  # Not --locked: one of the CLI's locked dependencies is no longer on crates.io.
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (about 4 minutes)"
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
}

install_npm_tools() {
  if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/terser ] && [ -d node_modules/playwright-core ] &&
     [ -d node_modules/axe-core ] && [ -x node_modules/.bin/tsc ] && [ -x node_modules/.bin/cem ] &&
     [ -d node_modules/gift-pegjs ] && [ -d node_modules/scorm-again ] && [ -d node_modules/fflate ] &&
     [ -d node_modules/xapi-validation ] &&
     [ node_modules/.package-lock.json -nt package-lock.json ]; then return; fi
  command -v npm >/dev/null || { say "installing Node.js and npm from Debian"; apt_install nodejs npm; }
  say "installing npm tools (binaryen, terser, playwright-core, axe-core, typescript, the custom-elements analyzer, gift-pegjs, scorm-again, fflate, xapi-validation) from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
}

# Trunk runs cargo offline, so every crate the builds need must already be in
# cargo's cache: the workspace's (for the host and for wasm32) and, for the
# release build, std's own dependencies (moto-rt, object, ...), which only a
# fetch with build-std enabled resolves. `cargo fetch` downloads only what is
# missing, so this takes seconds once everything is there.
fetch_crates() {
  say "fetching crates for offline builds (workspace, and std's own for the release build)"
  cargo fetch --locked --quiet
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    cargo fetch --locked --quiet --target wasm32-unknown-unknown
}

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then as_root apt-get update -qq; apt_updated=yes; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

install_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  say "installing Debian's chromium and chromium-driver"
  apt_install chromium chromium-driver
}

# The real mdBook, for the example book that the end-to-end tests build with
# the preprocessor (crates/mdbook-quiz-widget).
install_mdbook() {
  if mdbook --version 2>/dev/null | grep -q "v$MDBOOK_VERSION\b"; then return; fi
  say "building mdbook $MDBOOK_VERSION from crates.io (about 4 minutes)"
  cargo install --locked "mdbook@$MDBOOK_VERSION"
}

# cargo-fuzz drives libFuzzer (built from source by the libfuzzer-sys crate).
install_cargo_fuzz() {
  if cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION\b"; then return; fi
  say "building cargo-fuzz $CARGO_FUZZ_VERSION from crates.io (about 2 minutes)"
  cargo install --locked "cargo-fuzz@$CARGO_FUZZ_VERSION"
}

if [ "$want" = fuzz ]; then
  install_cargo_fuzz
  say "all tools present"
  exit 0
fi
check_pins_agree
install_wasm_target
install_std_source
fetch_crates
install_npm_tools
install_wasm_bindgen
install_trunk
if [ "$want" = test ]; then
  install_chromium
  install_mdbook
fi
say "all tools present"
