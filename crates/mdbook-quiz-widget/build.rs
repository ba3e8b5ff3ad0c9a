//! Embeds the widget's course-page files in the binary, so that a book needs
//! no network: from `assets/` (a published crate carries them there) or else
//! from the workspace's release build in `dist/` (`make build`). Without
//! either, the binary is built without them and says so when a book asks
//! for them (`cdn = true` still works).

use std::path::{Path, PathBuf};

const FILES: [&str; 4] = [
    "quiz-widget.js",
    "quiz-widget-embed.js",
    "quiz-widget-embed_bg.wasm",
    "quiz-widget.css",
];

fn main() {
    let crate_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let candidates = [crate_dir.join("assets"), crate_dir.join("../../dist")];
    for dir in &candidates {
        for file in FILES {
            println!("cargo:rerun-if-changed={}", dir.join(file).display());
        }
    }
    let found = candidates
        .iter()
        .find(|dir| FILES.iter().all(|f| dir.join(f).is_file()));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("assets.rs");
    let code = match found {
        Some(dir) => embedded(dir),
        None => "pub const WIDGET_FILES: &[(&str, &[u8])] = &[];\n".to_owned(),
    };
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}

fn embedded(dir: &Path) -> String {
    let mut code = String::from("pub const WIDGET_FILES: &[(&str, &[u8])] = &[\n");
    for file in FILES {
        let path = dir.join(file).canonicalize().unwrap_or_else(|_| dir.join(file));
        code.push_str(&format!(
            "    ({file:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    code
}
