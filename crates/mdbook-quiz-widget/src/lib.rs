//! The `mdbook-quiz-widget` preprocessor's logic, as a library so that its
//! tests can drive it without mdBook.
//!
//! In a chapter, `{{#quiz PATH}}` (PATH relative to the chapter file) is
//! replaced by a `<quiz-widget>` holding the quiz inline, read from our JSON,
//! a Markdown bank (`.md`, the conventions `quiz import` reads) or an
//! mdbook-quiz TOML file (`.toml`). Every quiz is validated at build time
//! with `quiz validate`'s diagnostics. The widget's files go to
//! `quiz-widget/` in the book's source folder (a preprocessor cannot add
//! output files; mdBook copies that folder), and each chapter with a quiz
//! loads them once, relative to the book's root from any depth.

pub mod config;
mod source;

use std::path::Path;

use mdbook_preprocessor::book::{Book, BookItem};

pub use config::{Config, OnError};
/// mdBook's own types (the book, its config), for callers and tests.
pub use mdbook_preprocessor;
pub use source::{read_quiz, Problem};

/// The folder under the book's `src` that holds the widget's files.
pub const ASSET_DIR: &str = "quiz-widget";

/// The widget's files embedded at build time (see build.rs), and the book's glue.
pub mod assets {
    pub use quiz_cli::assets::WIDGET_FILES;
    /// Loads the widget and the book's theme mapping; each chapter's snippet imports it.
    pub const BOOK_JS: &str = include_str!("book.js");
    pub const BOOK_CSS: &str = include_str!("book.css");
}

/// Expands every `{{#quiz …}}` of the book. An invalid quiz is an error
/// (with every problem of every quiz), unless `on-error = "warn"`, where it
/// is printed and its chapter shows the problems in its place.
pub fn run(config: &Config, src_dir: &Path, mut book: Book) -> Result<(Book, Vec<String>), String> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    book.for_each_mut(|item| {
        let BookItem::Chapter(chapter) = item else { return };
        let Some(path) = chapter.source_path.clone() else {
            return;
        };
        let chapter_dir = src_dir.join(path.parent().unwrap_or_else(|| Path::new("")));
        let expanded = expand(config, &chapter.content, &chapter_dir, src_dir);
        let chapter_name = path.display().to_string();
        for problem in expanded.problems {
            let text = format!("{chapter_name}: {problem}");
            match config.on_error {
                OnError::Fail => errors.push(text),
                OnError::Warn => warnings.push(text),
            }
        }
        warnings.extend(expanded.notes.into_iter().map(|n| format!("{chapter_name}: {n}")));
        chapter.content = expanded.content;
    });
    match errors.is_empty() {
        true => Ok((book, warnings)),
        false => Err(errors.join("\n")),
    }
}

/// A chapter's text with its quizzes in place, and what was found wrong.
pub struct Expanded {
    pub content: String,
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
}

/// Replaces each `{{#quiz PATH}}` of one chapter. The first quiz brings the
/// snippet that loads the widget; a `{{#quiz}}` inside a code block or a
/// code span, or escaped as `\{{#quiz …}}`, is left alone.
pub fn expand(config: &Config, content: &str, chapter_dir: &Path, src_dir: &Path) -> Expanded {
    let mut out = Expanded {
        content: String::with_capacity(content.len()),
        problems: Vec::new(),
        notes: Vec::new(),
    };
    let mut rest = content;
    let mut loaded = false;
    let mut fence: Option<&str> = None;
    while let Some(at) = rest.find("{{#quiz") {
        let (before, from) = rest.split_at(at);
        out.content.push_str(before);
        fence = fences_after(fence, before);
        let Some(end) = from.find("}}") else {
            out.content.push_str(from);
            rest = "";
            break;
        };
        let (tag, after) = from.split_at(end + 2);
        rest = after;
        let line_start = out.content.rfind('\n').map_or(0, |at| at + 1);
        let in_code_span = out
            .content
            .get(line_start..)
            .is_some_and(|line| line.matches('`').count() % 2 == 1);
        if fence.is_some() || in_code_span || before.ends_with('\\') {
            if before.ends_with('\\') {
                out.content.pop();
            }
            out.content.push_str(tag);
            continue;
        }
        let path = tag.trim_start_matches("{{#quiz").trim_end_matches("}}").trim();
        match read_quiz(&chapter_dir.join(path), path, src_dir) {
            Ok(read) => {
                out.notes.extend(read.notes);
                if !loaded {
                    out.content.push_str(&config.loader());
                    loaded = true;
                }
                out.content.push_str(&widget(&read.json));
            }
            Err(problems) => {
                out.content.push_str(&error_box(path, &problems));
                out.problems.extend(problems);
            }
        }
    }
    out.content.push_str(rest);
    out
}

/// Tracks ``` and ~~~ fences: the open fence after `text`, if any.
fn fences_after<'a>(mut open: Option<&'a str>, text: &'a str) -> Option<&'a str> {
    for line in text.lines() {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (open, marker) {
            (None, Some(m)) => open = Some(m),
            (Some(o), Some(m))
                if o == m && trimmed.trim_end().chars().all(|c| c == m.chars().next().unwrap_or('`')) =>
            {
                open = None
            }
            _ => {}
        }
    }
    open
}

/// The element with the quiz inline. Every `<` of the JSON is written as
/// `\u003c`, so no text of the quiz can close the script element, and the
/// block has no blank line, so Markdown leaves it whole.
fn widget(json: &str) -> String {
    let json = json.trim_end().replace('<', "\\u003c");
    format!(
        "\n<quiz-widget class=\"in-book\">\n<script type=\"application/json\">\n{json}\n</script>\n</quiz-widget>\n"
    )
}

/// What a chapter shows in place of a quiz that could not be read, when
/// the book is set to warn rather than fail.
fn error_box(path: &str, problems: &[Problem]) -> String {
    let mut text = String::new();
    for problem in problems {
        text.push_str(&problem.to_string());
        text.push('\n');
    }
    format!(
        "\n<div class=\"quiz-widget-error\" role=\"alert\">\n<p><strong>This quiz could not be shown:</strong> <code>{}</code> has problems.</p>\n<pre>{}</pre>\n</div>\n",
        escape(path),
        escape(text.trim_end()).replace("\n\n", "\n&#10;")
    )
}

/// Text made safe to put inside HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
