//! The crate layout's promise: the widget depends on no authoring code.
//! Authoring crates (the importer, mojibake repair, the schema writer, the
//! CLI) may use any crate they like because they never ship to learners.

use std::process::Command;

/// The packages the widget's wasm links, by name.
fn widget_dependencies() -> Vec<String> {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "-p",
            "quiz-widget",
            "-e",
            "normal",
            "--prefix",
            "none",
            "-f",
            "{p}",
        ])
        .args(["--target", "wasm32-unknown-unknown", "--offline", "--locked"])
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
    names
}

#[test]
fn the_widget_depends_on_no_authoring_crate() {
    let deps = widget_dependencies();
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
        let output = Command::new(env!("CARGO"))
            .args([
                "tree",
                "-p",
                domain,
                "-e",
                "normal",
                "--prefix",
                "none",
                "-f",
                "{p}",
                "--offline",
                "--locked",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("cargo tree runs");
        let text = String::from_utf8(output.stdout).unwrap();
        let foreign: Vec<&str> = text
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter(|name| !name.starts_with("quiz-"))
            .collect();
        assert!(foreign.is_empty(), "{domain} depends on {foreign:?}");
    }
}
