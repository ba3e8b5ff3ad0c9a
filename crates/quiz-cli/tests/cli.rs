//! The `quiz` binary as a teacher runs it: each command's help, argument
//! errors, standard input and output, output written whole or not at all,
//! and banks of every format wherever a question file goes.
// Test code asserts by panicking, its helpers too; the panic policy is for shipped code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A fresh folder for one test, with the repository's bank fixtures in it.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quiz-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/banks");
    for file in ["quiz-style.md", "broken.md"] {
        std::fs::copy(fixtures.join(file), dir.join(file)).unwrap();
    }
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `quiz ARGS` in `dir`, with `stdin` on its standard input.
fn quiz(dir: &Path, args: &str, stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quiz"))
        .args(args.split_whitespace())
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

const QUIZ: &str =
    r#"{"id": "q", "title": "Q", "questions": [{"id": "a", "type": "flashcard", "prompt": "p", "back": "b"}]}"#;

#[test]
fn every_command_prints_its_own_help() {
    let dir = folder("help");
    for name in [
        "validate", "schema", "types", "import", "export", "scorm", "cmi5", "bank", "help",
    ] {
        for flag in ["--help", "-h"] {
            let run = quiz(&dir, &format!("{name} {flag}"), "");
            assert_eq!(run.code, 0, "{name} {flag}: {}", run.stderr);
            assert!(run.stdout.starts_with(&format!("usage: quiz {name}")), "{}", run.stdout);
            assert!(
                !run.stdout.contains("quiz bank MANIFEST") || name == "bank",
                "{}",
                run.stdout
            );
        }
    }
    let run = quiz(&dir, "--help", "");
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("quiz scorm FILE") && run.stdout.contains("quiz bank MANIFEST"));
}

#[test]
fn an_argument_error_is_the_error_and_a_hint() {
    let run = quiz(&folder("error"), "import --titel T a.md", "");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: quiz import: unknown option `--titel`; did you mean `--title`?\n`quiz import --help` shows its usage\n"
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn a_failed_import_writes_nothing() {
    let dir = folder("partial");
    let run = quiz(&dir, "import broken.md", "");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "", "no partial question file on standard output");
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    std::fs::write(dir.join("out.json"), "old").unwrap();
    let run = quiz(&dir, "import quiz-style.md broken.md --out out.json", "");
    assert_eq!(run.code, 1);
    assert_eq!(std::fs::read_to_string(dir.join("out.json")).unwrap(), "old");
    let run = quiz(&dir, "import quiz-style.md --out out.json", "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(dir.join("out.json"))
        .unwrap()
        .contains("\"questions\""));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["broken.md", "out.json", "quiz-style.md"],
        "no temporary file stays"
    );
}

#[test]
fn a_dash_is_standard_input_and_output() {
    let dir = folder("dash");
    let markdown = std::fs::read_to_string(dir.join("quiz-style.md")).unwrap();
    let run = quiz(&dir, "import - --out -", &markdown);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = quiz(&dir, "validate -", &run.stdout);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("standard input: ok, 3 items"), "{}", run.stdout);
    let run = quiz(&dir, "export --format gift - -o -", QUIZ);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("::a::"), "{}", run.stdout);
    // A bank on standard input, read once, for every command that takes one.
    let run = quiz(&dir, "validate -", &markdown);
    assert!(
        run.stdout.starts_with("standard input: ok, 3 items"),
        "{}{}",
        run.stdout,
        run.stderr
    );
    let run = quiz(&dir, "export --format gift - -o -", &markdown);
    assert!(
        run.stdout.starts_with("// Learning SQL"),
        "{}{}",
        run.stdout,
        run.stderr
    );
    assert!(
        run.stderr.contains("standard input: 3 items imported"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_command_takes_a_bank() {
    let dir = folder("bank");
    let run = quiz(&dir, "validate quiz-style.md", "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("quiz-style.md: ok, 3 items (3 single)"),
        "{}",
        run.stdout
    );
    let run = quiz(&dir, "export --format gift quiz-style.md", "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("// Learning SQL"), "{}", run.stdout);
    let run = quiz(&dir, "scorm quiz-style.md --out p.zip", "");
    assert!(!run.stderr.contains("JSON"), "{}", run.stderr);
    // Without the widget's build (`make build`) the binary says so, and writes nothing.
    if run.code != 0 {
        assert!(
            run.stderr.contains("built without the widget's files"),
            "{}",
            run.stderr
        );
        assert!(!dir.join("p.zip").exists());
    }
    let run = quiz(&dir, "validate broken.md", "");
    assert_eq!(run.code, 1);
    assert!(run.stdout.starts_with("broken.md: 3 errors"), "{}", run.stdout);
}

#[test]
fn the_wrong_kind_of_file_says_what_to_run() {
    let dir = folder("kind");
    std::fs::write(dir.join("q.json"), QUIZ).unwrap();
    let run = quiz(&dir, "import q.json", "");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "q.json is already a question file (JSON), so there is nothing to import: `quiz validate q.json` checks it"
        ),
        "{}",
        run.stderr
    );
    std::fs::write(dir.join("notes.md"), "Just some notes.\n").unwrap();
    let run = quiz(&dir, "validate notes.md", "");
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("notes.md: no questions found"), "{}", run.stderr);
    std::fs::write(dir.join("slides.pdf"), b"%PDF-1.7\n\xff\xfe").unwrap();
    let run = quiz(&dir, "validate slides.pdf", "");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("slides.pdf is not a text file"), "{}", run.stderr);
}

#[test]
fn a_control_character_is_refused_before_any_package() {
    let dir = folder("control");
    let pasted = QUIZ.replace(r#""title": "Q""#, r#""title": "Line\u000bbreak""#);
    std::fs::write(dir.join("q.json"), pasted).unwrap();
    let run = quiz(&dir, "validate q.json", "");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("U+000B (vertical tab, as Word pastes a line break)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("q.json:1:"), "{}", run.stderr);
    for command in [
        "scorm q.json -o p.zip",
        "scorm q.json --scorm 2004 -o p.zip",
        "cmi5 q.json -o p.zip",
    ] {
        let run = quiz(&dir, command, "");
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        assert!(!dir.join("p.zip").exists(), "{command}");
    }
}
