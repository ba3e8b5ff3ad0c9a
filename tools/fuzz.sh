#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of untrusted text with cargo-fuzz
# (libFuzzer), on the machine's stable toolchain: RUSTC_BOOTSTRAP enables the
# unstable options cargo-fuzz passes, as the release build does for its own.
#
#   make fuzz                          every target, FUZZ_SECONDS each (default 300)
#   tools/fuzz.sh load markdown        only these targets
#
# Each target's corpus (fuzz/corpus/<target>/, not committed) is seeded from
# the fixtures and the bundled bank. An input that breaks a property is
# copied to tests/fixtures/fuzz/<target>/, which `make test` replays; commit
# it with the fix. The last lines print executions, coverage and time.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-300}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json load markdown import progress)

seed() {
  local corpus=fuzz/corpus/$1
  mkdir -p "$corpus"
  local file
  for file in tests/fixtures/{invalid,banks}/* tests/e2e/fixtures/* content/* "tests/fixtures/fuzz/$1"/* \
              questions.json tests/fixtures/xss.json; do
    [ -f "$file" ] && cp -n "$file" "$corpus/seed-$(basename "$file")"
  done
  return 0
}

export RUSTC_BOOTSTRAP=1
summary=()
for target in "${targets[@]}"; do
  seed "$target"
  rm -rf "fuzz/artifacts/$target"
  mkdir -p "fuzz/artifacts/$target" "tests/fixtures/fuzz/$target"
  log=fuzz/artifacts/$target.log
  echo "[fuzz] $target for ${seconds}s"
  status=0
  cargo fuzz run --fuzz-dir fuzz --sanitizer none "$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$target/" >"$log" 2>&1 || status=$?
  for found in fuzz/artifacts/"$target"/{crash,timeout,oom,leak}-*; do
    [ -e "$found" ] && cp "$found" "tests/fixtures/fuzz/$target/" && echo "[fuzz] $target: kept $found"
  done
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  # Plateau: the coverage when half the executions were done, beside the last.
  half=$(awk -v total="${execs:-0}" '/^#[0-9]+/ && /cov: / {
      n = substr($1, 2) + 0; if (n <= total / 2) { for (i = 1; i <= NF; i++) if ($i == "cov:") c = $(i + 1) } }
      END { print c + 0 }' "$log")
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  summary+=("$target: $execs executions, ${cov:-cov: ?} (edges, features; $half edges at half the executions), corpus $corpus, ${seconds}s, exit $status")
  [ "$status" = 0 ] || tail -30 "$log"
done
printf '[fuzz] %s\n' "${summary[@]}"
