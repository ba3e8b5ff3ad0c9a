//! The widget's `src/` is a graph without circles: each module (a file
//! `src/x.rs` with its children in `src/x/`) uses only modules below it,
//! element → app → view → components and kinds → state, i18n, storage,
//! fetch. A circle would make every change to either side a change to both.

use std::collections::{BTreeMap, BTreeSet};

use crate::repo;

/// Each top-level module of the crate whose sources are in `src` (the crate
/// root is `lib`) with the modules its files name by `crate::` paths.
fn uses(src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let module_file = |name: &str| repo(&format!("{src}/{name}.rs")).is_file();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = vec![repo(&format!("{src}/lib.rs"))];
    let mut dirs = vec![repo(src)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() && !path.ends_with("bin") {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("lib.rs")
                && !path.ends_with("main.rs")
            {
                files.push(path);
            }
        }
    }
    for file in files {
        let relative = file.strip_prefix(repo(src)).unwrap();
        let first = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        let module = first.trim_end_matches(".rs").to_owned();
        // Code only: a comment may name a module above (who calls this).
        let text = std::fs::read_to_string(&file).unwrap();
        let text: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let used = graph.entry(module.clone()).or_default();
        // The root names its modules without `crate::`.
        if module == "lib" {
            for line in text
                .lines()
                .filter(|l| l.trim_start().starts_with("use ") && !l.contains("crate::"))
            {
                let name: String = line.trim_start()["use ".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if module_file(&name) {
                    used.insert(name);
                }
            }
            for (at, _) in text.match_indices("::") {
                let before: String = text[..at]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let name: String = before.chars().rev().collect();
                let boundary =
                    text[..at - name.len()].ends_with(|c: char| !c.is_ascii_alphanumeric() && c != '_' && c != ':');
                if boundary && module_file(&name) {
                    used.insert(name);
                }
            }
        }
        for (at, _) in text.match_indices("crate::") {
            let rest = &text[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `crate::name` of an item of the root (not a module) is lib's.
            let is_module = module_file(&name);
            let target = if is_module { name } else { "lib".to_owned() };
            if target != module && !target.is_empty() {
                used.insert(target);
            }
        }
    }
    graph
}

/// A circle through `start`, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        for next in graph.get(last).into_iter().flatten() {
            if next == start {
                return Some([path.clone(), vec![next.clone()]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push([path.clone(), vec![next.clone()]].concat());
            }
        }
    }
    None
}

fn circles(src: &str) -> Vec<String> {
    let graph = uses(src);
    assert!(graph.len() > 5, "{graph:?}");
    graph
        .keys()
        .filter_map(|m| circle(&graph, m))
        .map(|c| c.join(" → "))
        .collect()
}

#[test]
fn the_widgets_modules_form_no_circle() {
    let circles = circles("src");
    assert!(circles.is_empty(), "circles in src/:\n{}", circles.join("\n"));
}

#[test]
fn the_formats_modules_form_no_circle() {
    let circles = circles("crates/quiz-format/src");
    assert!(circles.is_empty(), "circles in quiz-format:\n{}", circles.join("\n"));
}
