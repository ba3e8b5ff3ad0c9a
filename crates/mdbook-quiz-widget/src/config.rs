//! The preprocessor's table in `book.toml`, `[preprocessor.quiz-widget]`.
//!
//! Ours: `on-error` ("fail", the default, or "warn": the chapter shows the
//! problems in the quiz's place) and `cdn` (load the widget from the public
//! npm package instead of the book's own copy). mdbook-quiz's, so that a
//! book switches by renaming its table: `cache-answers` is what the widget
//! always does; `fullscreen`, `spellcheck`, `more-words`,
//! `show-bug-reporter`, `initial-text` and `default-language` are reported
//! as not supported and change nothing.

use mdbook_preprocessor::config::Config as BookConfig;

/// What to do with an invalid quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnError {
    /// Stop the build (the default).
    Fail,
    /// Build, print the problems, and show them in the chapter.
    Warn,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub on_error: OnError,
    /// Load the widget from the public CDN package rather than the book's copy.
    pub cdn: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            on_error: OnError::Fail,
            cdn: false,
        }
    }
}

/// The public CDN's URL of the loader, at this release line.
pub fn cdn_url() -> String {
    let version = env!("CARGO_PKG_VERSION");
    let line = match version.split('.').collect::<Vec<_>>().as_slice() {
        ["0", minor, ..] => format!("0.{minor}"),
        [major, ..] => (*major).to_owned(),
        [] => version.to_owned(),
    };
    format!("https://cdn.jsdelivr.net/npm/quiz-widget@{line}/quiz-widget.js")
}

const UNSUPPORTED: [&str; 6] = [
    "fullscreen",
    "spellcheck",
    "more-words",
    "show-bug-reporter",
    "initial-text",
    "default-language",
];
const MDBOOK_KEYS: [&str; 5] = ["command", "renderers", "before", "after", "optional"];

impl Config {
    /// Reads the table `[preprocessor.NAME]`: the config, and notes on what it ignores.
    pub fn from_book(book: &BookConfig, name: &str) -> Result<(Config, Vec<String>), String> {
        let key = format!("preprocessor.{name}");
        let Some(value) = book.get::<serde_json::Value>(&key).map_err(|e| format!("{key}: {e}"))? else {
            return Ok((Config::default(), Vec::new()));
        };
        let Some(table) = value.as_object() else {
            return Err(format!("[{key}] must be a table"));
        };
        let mut config = Config::default();
        let mut notes = Vec::new();
        for (k, v) in table {
            match (k.as_str(), v) {
                ("on-error", serde_json::Value::String(s)) if s == "fail" => config.on_error = OnError::Fail,
                ("on-error", serde_json::Value::String(s)) if s == "warn" => config.on_error = OnError::Warn,
                ("on-error", other) => return Err(format!("[{key}] on-error is {other}: use \"fail\" or \"warn\"")),
                ("cdn", serde_json::Value::Bool(b)) => config.cdn = *b,
                ("cdn", other) => return Err(format!("[{key}] cdn is {other}: use true or false")),
                ("cache-answers", serde_json::Value::Bool(true)) => {}
                ("cache-answers", _) => notes.push(format!(
                    "[{key}] cache-answers: the widget always keeps a learner's answers in their browser; the setting changes nothing"
                )),
                (k, _) if UNSUPPORTED.contains(&k) => {
                    notes.push(format!("[{key}] {k}: an mdbook-quiz option that quiz-widget does not support; it changes nothing"))
                }
                (k, _) if MDBOOK_KEYS.contains(&k) => {}
                (k, _) => return Err(format!("[{key}] has an unknown key `{k}`: the keys are on-error and cdn")),
            }
        }
        Ok((config, notes))
    }

    /// The snippet that loads the widget, once per chapter with a quiz:
    /// the book's glue, relative to the book's root through mdBook's
    /// `path_to_root`, which is right from any chapter and on the print page.
    pub fn loader(&self) -> String {
        // "./" first: at the root `path_to_root` is empty, and a bare name is no URL to import().
        format!(
            "\n<script type=\"module\">import(\"./\" + path_to_root + \"{}/book.js\");</script>\n",
            crate::ASSET_DIR
        )
    }

    /// What the glue imports: the book's own copy of the loader, or the CDN's.
    pub fn widget_url(&self) -> String {
        match self.cdn {
            true => cdn_url(),
            false => "./quiz-widget.js".to_owned(),
        }
    }
}
