//! Builds a question file from a bank manifest: a small JSON file that lists
//! the Markdown sources, one section each, and the quiz's own fields.
//!
//! ```json
//! { "id": "python-asyncio", "title": "…", "description": "…", "language": "en",
//!   "fixes": "mojibake-fixes.tsv",
//!   "sections": [ { "id": "chapter-13", "file": "1-chapter-13.md", "title": "…" } ] }
//! ```
//! Paths are relative to the manifest. `title` and `description` of a section
//! default to what the importer finds in the file (its first heading, its intro).

use std::path::{Path, PathBuf};

use quiz_core::import::{import_markdown, Problem};
use quiz_core::json::{self, Node, Value};
use quiz_core::model::{Quiz, Section};
use quiz_core::mojibake;

/// A problem found while building, with the file it is in.
#[derive(Debug)]
pub struct BuildProblem {
    pub file: PathBuf,
    pub problem: Problem,
}

impl std::fmt::Display for BuildProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}",
            self.file.display(),
            self.problem.line,
            self.problem.message
        )
    }
}

/// The outcome of a build: the quiz and every problem met on the way.
pub struct Built {
    pub quiz: Quiz,
    pub problems: Vec<BuildProblem>,
}

fn text_field(node: &Node, key: &str) -> Option<String> {
    node.get(key).and_then(Node::as_str).map(str::to_owned)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

/// Imports one Markdown file as a section: mojibake repaired, hand fixes applied.
pub fn import_section(text: &str, section_id: &str, fixes: &str) -> (Section, quiz_core::import::Imported) {
    let text = mojibake::apply_fixes(&mojibake::repair(text), fixes);
    let mut imported = import_markdown(&text, section_id);
    for q in &mut imported.questions {
        q.section = Some(section_id.to_owned());
    }
    let section = Section {
        id: section_id.to_owned(),
        title: imported.title.clone().unwrap_or_else(|| section_id.to_owned()),
        description: imported.description.clone(),
    };
    (section, imported)
}

/// Reads a manifest and every source it names, and assembles the quiz.
pub fn build(manifest_path: &Path) -> Result<Built, String> {
    let base = manifest_path.parent().unwrap_or(Path::new("."));
    let source = read(manifest_path)?;
    let root = json::parse(&source).map_err(|e| format!("{}: invalid JSON: {}", manifest_path.display(), e.message))?;
    let need = |key: &str| {
        text_field(&root, key)
            .ok_or_else(|| format!("{}: the manifest needs a string `{key}`", manifest_path.display()))
    };
    let fixes = match text_field(&root, "fixes") {
        Some(file) => read(&base.join(file))?,
        None => String::new(),
    };
    let mut quiz = Quiz {
        id: need("id")?,
        title: need("title")?,
        description: text_field(&root, "description"),
        language: text_field(&root, "language"),
        sections: Vec::new(),
        questions: Vec::new(),
    };
    let Some(Value::Array(entries)) = root.get("sections").map(|n| &n.value) else {
        return Err(format!(
            "{}: the manifest needs a `sections` list",
            manifest_path.display()
        ));
    };
    let mut problems = Vec::new();
    for entry in entries {
        let (Some(id), Some(file)) = (text_field(entry, "id"), text_field(entry, "file")) else {
            return Err(format!(
                "{}: each section needs `id` and `file`",
                manifest_path.display()
            ));
        };
        let path = base.join(&file);
        let (mut section, imported) = import_section(&read(&path)?, &id, &fixes);
        if let Some(title) = text_field(entry, "title") {
            section.title = title;
        }
        if let Some(description) = text_field(entry, "description") {
            section.description = Some(description);
        }
        problems.extend(imported.problems.into_iter().map(|problem| BuildProblem {
            file: PathBuf::from(&file),
            problem,
        }));
        quiz.sections.push(section);
        quiz.questions.extend(imported.questions);
    }
    Ok(Built { quiz, problems })
}
