//! A mutation fuzzer over everything that reads untrusted text: the JSON
//! reader and validator, the Markdown reader, the highlighter, the Markdown
//! bank importer and the mojibake repair. It is seeded, so a run is
//! repeatable; the test command runs a short bounded run. For a longer one:
//!
//! ```sh
//! QUIZ_FUZZ_ITERATIONS=200000 QUIZ_FUZZ_SEED=7 cargo test --release --test host fuzz -- --nocapture
//! ```
//!
//! An input that panics is written to `tests/fixtures/fuzz/` and the test
//! fails; committed files there are replayed by every run as regressions.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::repo;

/// Tokens that tend to reach rarely taken paths.
const DICTIONARY: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "null",
    "true",
    "1e400",
    "-1",
    "0.5",
    "\"type\": \"single\"",
    "\"answers\": [0, 0]",
    "\"choices\": []",
    "```python\n",
    "```",
    "~~~",
    "**",
    "*",
    "_",
    "`",
    "[x](",
    "javascript:",
    "](",
    ")",
    "<",
    ">",
    "&lt;",
    "&#",
    "\n",
    "\n\n",
    "  \n",
    "> ",
    "- ",
    "1. ",
    "# ",
    "| a |\n|---|\n",
    "\u{feff}",
    "\u{0}",
    "\u{7f}",
    "é",
    "🚀",
    "â€™",
    "ğŸ",
    "**Q1.1: Basic - [T]**\n",
    "A) ",
    "**Answer: Z**\n",
    "### 1. q\na. x\nb. y\n",
    "## Answers\n1. **b. y**\n",
    "1 / 2\n",
    "### Question 1: T\n",
    "**Task:** t\n",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn char_boundary(s: &str, at: usize) -> usize {
    (0..=at.min(s.len()))
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

fn mutate(input: &str, rng: &mut Rng) -> String {
    let mut s = input.to_owned();
    for _ in 0..1 + rng.below(4) {
        let at = char_boundary(&s, rng.below(s.len() + 1));
        match rng.below(6) {
            0 => s.insert_str(at, DICTIONARY[rng.below(DICTIONARY.len())]),
            1 => {
                let end = char_boundary(&s, at + rng.below(64));
                s.replace_range(at..end, "");
            }
            2 => {
                let end = char_boundary(&s, at + rng.below(256));
                let chunk = s[at..end].to_owned();
                s.insert_str(end, &chunk);
            }
            3 => s.truncate(at),
            4 => {
                // Flip one byte, keeping the text valid UTF-8.
                let mut bytes = s.into_bytes();
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
                s = String::from_utf8_lossy(&bytes).into_owned();
            }
            _ => {
                let nest = rng.below(300);
                s.insert_str(at, &"[".repeat(nest));
            }
        }
    }
    s
}

/// Every reader of untrusted text, on one input.
fn exercise(input: &str) {
    let report = quiz_core::load(input);
    for d in &report.diagnostics {
        let _ = d.to_string();
    }
    if let Some(quiz) = report.quiz {
        for q in &quiz.questions {
            let _ = quiz_core::markdown::parse(&q.prompt);
        }
    }
    let _ = quiz_core::markdown::parse(input);
    let _ = quiz_core::highlight::highlight(Some("python"), input);
    let _ = quiz_core::import::import_markdown(input, "fuzz");
    let _ = quiz_core::mojibake::repair(input);
    let _ = quiz_core::progress::Record::from_json(input);
}

fn corpus() -> Vec<String> {
    let mut files = Vec::new();
    for dir in [
        "tests/fixtures/invalid",
        "tests/fixtures/banks",
        "tests/fixtures/fuzz",
        "tests/e2e/fixtures",
    ] {
        let Ok(entries) = std::fs::read_dir(repo(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
        paths.sort();
        files.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    // A slice of the bundled bank: real questions, small enough to mutate often.
    let bank = std::fs::read_to_string(repo("questions.json")).unwrap();
    files.push(bank[..char_boundary(&bank, 12_000)].to_owned());
    files
}

#[test]
fn fuzz_the_readers_of_untrusted_text() {
    let iterations: usize = std::env::var("QUIZ_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let seed: u64 = std::env::var("QUIZ_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let corpus = corpus();
    assert!(corpus.len() > 50);
    // Regressions first: every committed input, unmutated.
    for input in &corpus {
        exercise(input);
    }
    let mut rng = Rng(seed);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut crashes = Vec::new();
    for _ in 0..iterations {
        let base = &corpus[rng.below(corpus.len())];
        let input = mutate(base, &mut rng);
        if catch_unwind(AssertUnwindSafe(|| exercise(&input))).is_err() {
            let name = format!("tests/fixtures/fuzz/crash-{:016x}.txt", quiz_core::model::fnv64(&input));
            std::fs::write(repo(&name), &input).unwrap();
            crashes.push(name);
        }
    }
    std::panic::set_hook(hook);
    assert!(
        crashes.is_empty(),
        "inputs that panic, kept as regression fixtures: {crashes:#?}"
    );
    println!("fuzz: {iterations} inputs from seed {seed}, no panic");
}
