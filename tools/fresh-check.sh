#!/usr/bin/env bash
# The fresh-machine check: the test command of CONTRIBUTING.md, as a new user or a new
# CI machine runs it, where nothing was downloaded or built before.
#
# It clones the committed HEAD into a new folder and runs `make test` there
# with an empty cargo home (no registry cache, no installed trunk or
# wasm-bindgen), an empty npm cache and no node_modules, so every install
# step of tools/install.sh has to work from the registries. Only what a new
# machine of this kind comes with stays: the Rust toolchain that rustup
# manages, Node.js and npm, and Debian's packages (Chromium may already be
# installed; install.sh installs it when it is not).
#
#   make fresh-check            prints the time it took; keeps the folder on failure
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/quiz-fresh.XXXXXX")
say() { printf '\033[1m[fresh-check]\033[0m %s\n' "$*"; }

git clone --quiet --no-hardlinks "$repo" "$work/repo"
mkdir -p "$work/cargo-home/bin" "$work/npm-cache" "$work/toolchain"

# rustup's proxies (cargo, rustc, ...) without anything else installed beside
# them: a trunk or wasm-bindgen from an earlier install must not be found.
rustup_bin=$(dirname "$(command -v rustup)")
for tool in cargo rustc rustdoc rustup cargo-clippy cargo-fmt clippy-driver rustfmt; do
  [ -e "$rustup_bin/$tool" ] && ln -s "$rustup_bin/$tool" "$work/toolchain/$tool"
done
path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -x -F -e "$rustup_bin" -e "$repo/node_modules/.bin" | paste -sd: -)

say "make test in $work/repo (commit $(git -C "$work/repo" rev-parse --short HEAD))"
start=$(date +%s)
status=0
env -u CARGO_TARGET_DIR \
  CARGO_HOME="$work/cargo-home" \
  RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" \
  npm_config_cache="$work/npm-cache" \
  PATH="$work/cargo-home/bin:$work/toolchain:$path" \
  make -C "$work/repo" --no-print-directory test || status=$?
elapsed=$(( $(date +%s) - start ))
if [ "$status" = 0 ]; then
  say "passed in $((elapsed / 60)) min $((elapsed % 60)) s"
  rm -rf "$work"
else
  say "FAILED (exit $status) after $((elapsed / 60)) min $((elapsed % 60)) s; the clone is kept in $work"
fi
exit "$status"
