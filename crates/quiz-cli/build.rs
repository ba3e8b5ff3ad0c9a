//! Embeds the widget's course-page files in the binary, so that `quiz scorm`,
//! `quiz cmi5` and the mdBook preprocessor need no network: from `assets/` (a published
//! crate carries them there) or else from the workspace's release build in
//! `dist/` (`make build`). Without either, the binary is built without them
//! and says so when asked for them.

use std::path::{Path, PathBuf};

/// What a course page loads, with the interface languages beside English
/// (each fetched only by a page in that language; src/i18n.rs `LANGUAGES`)
/// and the study face's transfer tools (fetched when a learner first uses
/// one, on a widget with `controls="full"`), and the handover of a
/// pre-rendered first screen (fetched by a page that has one).
const WIDGET: [&str; 8] = [
    "quiz-widget.js",
    "quiz-handover.js",
    "quiz-widget-embed.js",
    "quiz-widget-embed_bg.wasm",
    "quiz-widget.css",
    "quiz-lang-de.json",
    "quiz-transfer.js",
    "quiz-transfer_bg.wasm",
];
/// What a SCORM package's launch page loads besides: the bridge, and the
/// xAPI module for its table of interaction types.
const SCORM: [&str; 2] = ["quiz-scorm.js", "quiz-xapi.js"];
/// What a cmi5 package's launch page loads besides.
const XAPI: [&str; 1] = ["quiz-xapi.js"];

fn main() {
    let crate_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let candidates = [crate_dir.join("assets"), crate_dir.join("../../dist")];
    for dir in &candidates {
        for file in WIDGET.iter().chain(&SCORM).chain(&XAPI) {
            println!("cargo:rerun-if-changed={}", dir.join(file).display());
        }
    }
    let code = [
        ("WIDGET_FILES", &WIDGET[..]),
        ("SCORM_FILES", &SCORM[..]),
        ("XAPI_FILES", &XAPI[..]),
    ]
    .iter()
    .map(|(name, files)| {
        let found = candidates
            .iter()
            .find(|dir| files.iter().all(|f| dir.join(f).is_file()));
        embedded(name, found.map(|dir| (dir.as_path(), *files)))
    })
    .collect::<String>();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("assets.rs");
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}

fn embedded(name: &str, found: Option<(&Path, &[&str])>) -> String {
    let mut code = format!("pub const {name}: &[(&str, &[u8])] = &[\n");
    for (dir, file) in found
        .into_iter()
        .flat_map(|(dir, files)| files.iter().map(move |f| (dir, f)))
    {
        let path = dir.join(file).canonicalize().unwrap_or_else(|_| dir.join(file));
        code.push_str(&format!(
            "    ({file:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    code
}
