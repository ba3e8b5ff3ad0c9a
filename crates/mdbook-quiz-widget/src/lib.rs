//! The `mdbook-quiz-widget` preprocessor's logic, as a library so that its
//! tests can drive it without mdBook.
//!
//! In a chapter, `{{#quiz PATH}}` (PATH relative to the chapter file) is
//! replaced by a `<quiz-widget>` holding the quiz inline, read from our JSON,
//! a Markdown bank (`.md`, the conventions `quiz import` reads) or an
//! mdbook-quiz TOML file (`.toml`), with its first screen pre-rendered
//! (readable before any script runs). Every quiz is validated at build time
//! with `quiz validate`'s diagnostics. The widget's files go to
//! `quiz-widget/` in the book's source folder (a preprocessor cannot add
//! output files; mdBook copies that folder), and each chapter with a quiz
//! loads them once, relative to the book's root from any depth, after the
//! book's styles for quizzes, which it holds inline.

pub mod config;
mod source;

use std::path::Path;

use mdbook_preprocessor::book::{Book, BookItem};
use quiz_widget::prerender::{compact_css, snippet, Questions};
use source::Read;

pub use config::{Config, OnError};
/// mdBook's own types (the book, its config), for callers and tests.
pub use mdbook_preprocessor;
pub use source::{read_quiz, Problem};

/// The folder under the book's `src` that holds the widget's files.
pub const ASSET_DIR: &str = "quiz-widget";

/// The widget's files embedded at build time (see build.rs), and the book's glue.
pub mod assets {
    pub use quiz_cli::assets::WIDGET_FILES;
    /// Loads the widget and makes the quizzes' print forms; each chapter's snippet imports it.
    pub const BOOK_JS: &str = include_str!("book.js");
    /// The quizzes in the book's themes and in print; each chapter with a quiz holds it inline.
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
/// book's styles and the snippet that loads the widget; a `{{#quiz}}`
/// inside a code block or a code span, or escaped as `\{{#quiz …}}`, is
/// left alone.
pub fn expand(config: &Config, content: &str, chapter_dir: &Path, src_dir: &Path) -> Expanded {
    let mut out = Expanded {
        content: String::with_capacity(content.len()),
        problems: Vec::new(),
        notes: Vec::new(),
    };
    let mut rest = content;
    let mut once = Once::default();
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
        place(config, path, (chapter_dir, src_dir), &mut once, &mut out);
    }
    out.content.push_str(rest);
    out
}

/// What a chapter holds once, before its first quiz.
#[derive(Default)]
struct Once {
    styled: bool,
    loaded: bool,
}

/// Puts the quiz at `path` (relative to `chapter_dir`) in the chapter, or
/// what is wrong with it.
fn place(config: &Config, path: &str, (chapter_dir, src_dir): (&Path, &Path), once: &mut Once, out: &mut Expanded) {
    let shown = read_quiz(&chapter_dir.join(path), path, src_dir).and_then(|mut read| {
        let notes = std::mem::take(&mut read.notes);
        let first_screen = |e| vec![Problem(format!("{path}: cannot render its first screen: {e}"))];
        Ok((widget(read).map_err(first_screen)?, notes))
    });
    // The book's styles come first: a quiz, or its problems, shows styled
    // from the first frame.
    if !once.styled {
        out.content.push_str(&styles());
        once.styled = true;
    }
    match shown {
        Ok((html, notes)) => {
            out.notes.extend(notes);
            if !once.loaded {
                out.content.push_str(&config.loader());
                once.loaded = true;
            }
            out.content.push_str(&html);
        }
        Err(problems) => {
            out.content.push_str(&error_box(path, &problems));
            out.problems.extend(problems);
        }
    }
}

/// The book's styles for its quizzes (book.css), inline, on one line: a
/// stylesheet that a script added later would move and re-colour the
/// pre-rendered quizzes once it came.
fn styles() -> String {
    format!("\n<style>{}</style>\n", compact_css(assets::BOOK_CSS))
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

/// The element with the quiz inline and its first screen pre-rendered
/// ([`quiz_widget::prerender::snippet`]), which a reader sees before any
/// script runs, and without one. In the snippet every `<` of the JSON is
/// `\u003c`, so no text of the quiz can close the script element; its open
/// tag stands alone on its line and no line is blank, so Markdown keeps it
/// whole as one HTML block.
fn widget(read: Read) -> Result<String, String> {
    let attributes = [("class".to_owned(), Some("in-book".to_owned()))];
    let html = snippet(read.quiz, Questions::Inline(&read.json), &attributes)?;
    Ok(format!("\n{html}\n"))
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

#[cfg(test)]
#[allow(
    clippy::wildcard_enum_match_arm,
    reason = "pulldown_cmark::Event is foreign, and this is a test"
)]
mod tests {
    use std::path::PathBuf;

    use pulldown_cmark::{Event, Parser};

    use super::*;

    fn book_src() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/book/src")
    }

    /// `text` with what lies between each `open` and the next `close` left out.
    fn elide(text: &str, open: &str, close: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some((before, after)) = rest.split_once(open) {
            let (_, tail) = after.split_once(close).unwrap();
            out.push_str(&format!("{before}{open}…{close}"));
            rest = tail;
        }
        out + rest
    }

    #[test]
    fn a_quiz_comes_pre_rendered_after_the_books_styles_and_the_loader() {
        let content = "# A\n\nBefore.\n\n{{#quiz quizzes/basics.json}}\n\nAfter.\n\n{{#quiz quizzes/basics.json}}\n";
        let out = expand(&Config::default(), content, &book_src(), &book_src());
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        let mut shown = elide(&out.content, "<style>", "</style>");
        shown = elide(&shown, "<template shadowrootmode=\"open\">", "</template>");
        shown = elide(&shown, "<script type=\"application/json\">", "</script>");
        expect_test::expect![[r##"
            # A

            Before.


            <style>…</style>

            <script type="module">import("./" + path_to_root + "quiz-widget/book.js");</script>

            <quiz-widget class="in-book">
            <template shadowrootmode="open">…</template><script type="application/json">…</script></quiz-widget>


            After.


            <quiz-widget class="in-book">
            <template shadowrootmode="open">…</template><script type="application/json">…</script></quiz-widget>

        "##]]
        .assert_eq(&shown);
        // The first screen, for a new reader, with the book's styles for quizzes inline.
        assert!(out
            .content
            .contains("<div class=\"quiz-widget-host\" data-prerendered=\""));
        assert!(out
            .content
            .contains("A value is dropped when its owner goes out of scope."));
        assert!(out.content.contains("<style>quiz-widget.in-book{--qw-color-scheme:"));
        let json = out.content.split("application/json\">").nth(1).unwrap();
        let json = json.split("</script>").next().unwrap();
        assert!(
            json.starts_with("{\"id\":\"book-basics\",\"title\":\"Check: the basics\""),
            "{json}"
        );
    }

    /// Markdown keeps each quiz whole, as HTML, whatever its text holds:
    /// a program with blank lines, emphasis markers, dashes, quotes and `<`.
    #[test]
    fn markdown_reads_each_quiz_as_one_html_block() {
        let dir = std::env::temp_dir().join(format!("mdbook-quiz-widget-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let quiz = r#"{"id": "t", "title": "*Not* -- emphasis", "language": "en", "questions": [
            {"id": "a", "type": "tracing", "prompt": "Read `a < b` -- \"this\":", "compiles": true, "output": "1\n\n2\n",
             "program": "fn main() {\n    println!(\"1\");\n\n    println!(\"2\"); // *x* __y__\n}\n"}]}"#;
        std::fs::write(dir.join("t.json"), quiz).unwrap();
        let content = "# Chapter\n\nText.\n\n{{#quiz t.json}}\n\n- a list after it\n";
        let out = expand(&Config::default(), content, &dir, &dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        let widget = out.content.split_once("\n<quiz-widget").unwrap().1;
        let widget = format!("<quiz-widget{}", widget.split_once("\n\n").unwrap().0);
        assert!(
            widget.ends_with("</quiz-widget>") && widget.contains("println!"),
            "{widget}"
        );
        let mut html = String::new();
        let mut texts = Vec::new();
        for event in Parser::new(&out.content) {
            match event {
                Event::Html(h) => html.push_str(&h),
                Event::InlineHtml(h) => panic!("inline HTML: {h}"),
                Event::Text(t) => texts.push(t.into_string()),
                _ => {}
            }
        }
        assert!(html.contains(&widget), "the quiz is one HTML block, as written");
        assert_eq!(texts, ["Chapter", "Text.", "a list after it"]);
    }
}
