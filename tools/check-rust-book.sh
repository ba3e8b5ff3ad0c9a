#!/usr/bin/env bash
# Checks the real corpus of mdbook-quiz quizzes: every TOML file of a folder
# (the Rust Book's `quizzes/`, from the cognitive-engineering-lab/rust-book
# repository, is the largest there is) must import with `quiz import`, and a
# book with a chapter per file, built by the real mdBook with our
# preprocessor, must build. The corpus is not ours to commit, so this is run
# by hand (the shapes it holds are covered by tests/fixtures/mdbook-quiz and
# examples/book, which `make test` runs):
#
#   make build && tools/check-rust-book.sh PATH/TO/rust-book/quizzes
set -euo pipefail
cd "$(dirname "$0")/.."
quizzes=$(cd "${1:?usage: tools/check-rust-book.sh QUIZZES_DIR}" && pwd)
cargo build -q --locked -p quiz-cli -p mdbook-quiz-widget
export PATH="$PWD/target/debug:$PATH"

book=$(mktemp -d)
trap 'rm -rf "$book"' EXIT
mkdir -p "$book/src/quizzes"
printf '[book]\ntitle = "mdbook-quiz corpus"\nsrc = "src"\n\n[preprocessor.quiz-widget]\n\n[output.html]\n[output.html.playground]\nrunnable = false\n' >"$book/book.toml"
echo '# Summary' >"$book/src/SUMMARY.md"

files=0 questions=0
for toml in "$quizzes"/*.toml; do
  name=$(basename "$toml" .toml)
  json=$(quiz import "$toml" 2>"$book/stderr") || { cat "$book/stderr" >&2; echo "FAILED: quiz import $toml" >&2; exit 1; }
  n=$(printf '%s' "$json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).questions.length))')
  want=$(grep -c '^\[\[questions\]\]' "$toml")
  [ "$n" = "$want" ] || { echo "FAILED: $toml has $want questions, $n imported" >&2; exit 1; }
  cp "$toml" "$book/src/quizzes/"
  printf '# %s\n\n{{#quiz quizzes/%s.toml}}\n' "$name" "$name" >"$book/src/$name.md"
  printf -- '- [%s](%s.md)\n' "$name" "$name" >>"$book/src/SUMMARY.md"
  files=$((files + 1)) questions=$((questions + n))
done
mdbook build "$book" >"$book/build.log" 2>&1 || { cat "$book/build.log" >&2; echo "FAILED: mdbook build" >&2; exit 1; }
# Each chapter's page (index.html repeats the first, print.html holds them all).
chapters=$(grep -l '<quiz-widget' "$book"/book/*.html | grep -v -e '/index.html$' -e '/print.html$' | wc -l)
echo "ok: $files files, $questions questions imported; mdbook build made $chapters chapters with a quiz"
