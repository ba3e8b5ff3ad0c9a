//! Replays the fuzz targets' inputs: every input the fuzzers (`make fuzz`,
//! cargo-fuzz in `fuzz/`) found to break a property, kept in
//! `tests/fixtures/fuzz/<target>/`, and every seed the corpora start from
//! (the fixtures and the bundled bank), through the same target bodies
//! (`quiz-fuzz`). A target reports a broken property by panicking, so a
//! failure here names the target and the file.

use std::path::{Path, PathBuf};

use crate::repo;

/// The files directly in `dir`, sorted; none if it does not exist.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    paths.sort();
    paths
}

/// What the fuzz corpora are seeded from (`tools/fuzz.sh` copies the same).
fn seeds() -> Vec<PathBuf> {
    let mut seeds = Vec::new();
    for dir in [
        "tests/fixtures/invalid",
        "tests/fixtures/banks",
        "tests/e2e/fixtures",
        "content",
    ] {
        seeds.extend(files(&repo(dir)));
    }
    seeds.extend([repo("questions.json"), repo("tests/fixtures/xss.json")]);
    seeds
}

#[track_caller]
fn replay(target: &str, run: fn(&[u8]), path: &Path) {
    let data = std::fs::read(path).unwrap();
    if std::panic::catch_unwind(|| run(&data)).is_err() {
        panic!("fuzz target `{target}` fails on {}", path.display());
    }
}

#[test]
fn every_kept_fuzz_finding_passes() {
    let mut replayed = 0;
    for &(target, run) in quiz_fuzz::TARGETS {
        for path in files(&repo(&format!("tests/fixtures/fuzz/{target}"))) {
            replay(target, run, &path);
            replayed += 1;
        }
    }
    println!("replayed {replayed} kept fuzz findings");
}

#[test]
fn every_target_holds_on_the_seed_corpus() {
    let seeds = seeds();
    assert!(seeds.len() > 50, "{} seeds", seeds.len());
    for &(target, run) in quiz_fuzz::TARGETS {
        for path in &seeds {
            replay(target, run, path);
        }
    }
}
