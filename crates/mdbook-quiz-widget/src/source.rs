//! Reads the file a `{{#quiz PATH}}` names into a valid quiz: our JSON as
//! `quiz validate` reads it, a Markdown bank or an mdbook-quiz TOML file as
//! `quiz import` reads it (the same function, so the two agree).

use std::fmt;
use std::path::Path;

use quiz_cli::bank::{import_file, slug};
use quiz_format::json::LineIndex;
use quiz_format::write::quiz_to_json;
use quiz_format::{Severity, ValidQuiz};

/// One problem of a quiz file, as text: `quiz validate`'s rustc-style
/// block for JSON, `FILE:LINE: message` for an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem(pub String);

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.trim_end())
    }
}

/// A quiz ready for a chapter: the quiz, its JSON, and notes on what was
/// not carried over.
pub struct Read {
    pub quiz: ValidQuiz,
    pub json: String,
    pub notes: Vec<String>,
}

/// Reads and validates the quiz at `path` (`written` as the chapter has
/// it). Imported quizzes take their id from their path under `src_dir`,
/// so each file keeps its own progress, shared by every chapter showing it,
/// and their questions' ids from the file's name, as `quiz import` does.
pub fn read_quiz(path: &Path, written: &str, src_dir: &Path) -> Result<Read, Vec<Problem>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| vec![Problem(format!("{written}: cannot read {}: {e}", path.display()))])?;
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match extension {
        "json" => from_json(&text, written),
        "md" | "markdown" | "toml" => {
            // `ownership/../quizzes/a.toml` is `quizzes/a.toml` wherever it is named from.
            let (path, src_dir) = (
                path.canonicalize().unwrap_or_else(|_| path.to_owned()),
                src_dir.canonicalize().unwrap_or_else(|_| src_dir.to_owned()),
            );
            let under_src = path.strip_prefix(&src_dir).unwrap_or(&path).with_extension("");
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            from_import(&text, written, &slug(&under_src.to_string_lossy()), &slug(&stem))
        }
        other => Err(vec![Problem(format!(
            "{written}: a quiz file ends in .json, .md or .toml, and this one ends in \"{other}\""
        ))]),
    }
}

fn from_json(text: &str, written: &str) -> Result<Read, Vec<Problem>> {
    let report = quiz_format::load(text);
    let index = LineIndex::new(text);
    let render = |d| Problem(quiz_cli::report::render(written, text, &index, d));
    let notes = report.warnings().map(|d| render(d).to_string()).collect();
    match report.quiz {
        Some(quiz) => Ok(Read {
            json: quiz_to_json(&quiz, None),
            quiz,
            notes,
        }),
        None => Err(report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(render)
            .collect()),
    }
}

/// `id` names the quiz; question ids start with `prefix`, as `quiz import` makes them.
fn from_import(text: &str, written: &str, id: &str, prefix: &str) -> Result<Read, Vec<Problem>> {
    let (_, imported) = import_file(written, text, prefix);
    let notes = imported
        .notes
        .iter()
        .map(|p| format!("{written}:{}: note: {}", p.line, p.message))
        .collect();
    let problem = |text: String| {
        Problem(match text.strip_prefix("line ") {
            // `line N: …` from the importer becomes `FILE:N: …`.
            Some(rest) => format!("{written}:{rest}"),
            None => format!("{written}: {text}"),
        })
    };
    match quiz_author::import::into_quiz(imported, id) {
        Ok(valid) => Ok(Read {
            json: quiz_to_json(&valid, None),
            quiz: valid,
            notes,
        }),
        Err(problems) => Err(problems.into_iter().map(problem).collect()),
    }
}
