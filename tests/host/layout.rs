//! The crate layout's promise: the widget depends on no authoring code.
//! Authoring crates (the importer, mojibake repair, the schema writer, the
//! CLI) may use any crate they like because they never ship to learners.

use std::process::Command;

/// The packages `package` depends on for building (for `target`, if given), by name.
fn dependencies(package: &str, target: Option<&str>) -> Vec<String> {
    let mut command = Command::new(env!("CARGO"));
    command.args([
        "tree",
        "-p",
        package,
        "-e",
        "normal",
        "--prefix",
        "none",
        "-f",
        "{p}",
        "--offline",
        "--locked",
    ]);
    if let Some(target) = target {
        command.args(["--target", target]);
    }
    let output = command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let mut names: Vec<String> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names.retain(|name| name != package);
    names
}

#[test]
fn the_widget_depends_on_no_authoring_crate() {
    let deps = dependencies("quiz-widget", Some("wasm32-unknown-unknown"));
    for ours in ["quiz-format", "quiz-session", "quiz-markdown"] {
        assert!(deps.iter().any(|d| d == ours), "the widget uses {ours}: {deps:?}");
    }
    for authoring in ["quiz-author", "quiz-cli", "quiz-fuzz", "lexopt"] {
        assert!(
            !deps.iter().any(|d| d == authoring),
            "{authoring} reaches the widget: {deps:?}"
        );
    }
}

#[test]
fn the_domain_crates_depend_on_nothing_of_the_web() {
    for domain in ["quiz-format", "quiz-session", "quiz-markdown"] {
        let deps = dependencies(domain, None);
        let foreign: Vec<&String> = deps.iter().filter(|name| !name.starts_with("quiz-")).collect();
        assert!(foreign.is_empty(), "{domain} depends on {foreign:?}");
    }
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_widget_writes_every_class_out() {
    // A class from a variable goes through yew's `Classes`, an ordered hash
    // set that costs the wasm 1.5 to 2.4 KB gzip; state goes in data-* and
    // aria-* attributes instead (ARCHITECTURE.md).
    let mut files = Vec::new();
    rust_files(&crate::repo("src"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains("class={") || line.contains("{class}") {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "dynamic classes: {found:#?}");
}
