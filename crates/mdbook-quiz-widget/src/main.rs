//! `mdbook-quiz-widget`: the mdBook preprocessor. mdBook runs it as
//! `mdbook-quiz-widget supports RENDERER` (only `html` is supported) and
//! then with the book as JSON on standard input.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use mdbook_quiz_widget::{assets, run, Config, ASSET_DIR};

const NAME: &str = "quiz-widget";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [supports, renderer] if supports == "supports" => match renderer.as_str() {
            "html" => ExitCode::SUCCESS,
            _ => ExitCode::from(1),
        },
        [flag] if flag == "--version" || flag == "-V" => {
            println!("mdbook-quiz-widget {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        [] => match preprocess() {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("[mdbook-quiz-widget] error: {message}");
                ExitCode::from(1)
            }
        },
        _ => {
            eprintln!("usage: mdbook-quiz-widget [supports RENDERER]\n  (mdBook runs it: add [preprocessor.quiz-widget] to book.toml)");
            ExitCode::from(2)
        }
    }
}

fn preprocess() -> Result<(), String> {
    let (ctx, book) = mdbook_preprocessor::parse_input(std::io::stdin()).map_err(|e| format!("{e:#}"))?;
    if ctx.mdbook_version != mdbook_preprocessor::MDBOOK_VERSION {
        eprintln!(
            "[mdbook-quiz-widget] note: built for mdBook {}, run by mdBook {}",
            mdbook_preprocessor::MDBOOK_VERSION,
            ctx.mdbook_version
        );
    }
    let (config, notes) = Config::from_book(&ctx.config, NAME)?;
    let src_dir = ctx.root.join(&ctx.config.book.src);
    let (book, warnings) = run(&config, &src_dir, book)?;
    for line in notes.iter().chain(&warnings) {
        eprintln!("[mdbook-quiz-widget] warning: {line}");
    }
    write_assets(&config, &src_dir.join(ASSET_DIR))?;
    let out = serde_json::to_vec(&book).map_err(|e| format!("cannot write the book: {e}"))?;
    std::io::stdout()
        .lock()
        .write_all(&out)
        .map_err(|e| format!("cannot write the book: {e}"))
}

/// Writes the widget's files and the book's glue where mdBook copies them
/// from, each only when it changed (so `mdbook serve` does not rebuild in a loop).
fn write_assets(config: &Config, dir: &Path) -> Result<(), String> {
    if !config.cdn && assets::WIDGET_FILES.is_empty() {
        return Err(
            "this mdbook-quiz-widget was built without the widget's files (build them first with `make build`, or set `cdn = true` under [preprocessor.quiz-widget])"
                .to_owned(),
        );
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let glue = assets::BOOK_JS.replace("./quiz-widget.js", &config.widget_url());
    let mut files: Vec<(&str, &[u8])> = vec![
        ("book.js", glue.as_bytes()),
        (".gitignore", b"# Written by mdbook-quiz-widget on every build.\n*\n"),
    ];
    if !config.cdn {
        files.extend(assets::WIDGET_FILES.iter().copied());
    }
    for (name, bytes) in files {
        let path = dir.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(bytes) {
            std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(())
}
