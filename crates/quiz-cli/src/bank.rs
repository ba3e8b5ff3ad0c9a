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

use quiz_author::import::{import_markdown, Problem};
use quiz_author::mojibake;
use quiz_format::json::{self, LineIndex, Node, Value};
use quiz_format::model::{Quiz, Section};
use quiz_format::validate::suggest;

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

/// The keys a manifest may have at the top and in each section: anything
/// else is a typo, reported with a "did you mean", never ignored.
const MANIFEST_KEYS: &[&str] = &["$schema", "id", "title", "description", "language", "fixes", "sections"];
const SECTION_KEYS: &[&str] = &["id", "file", "title", "description"];

/// A manifest being read, for messages that say where a problem is.
struct Manifest<'a> {
    path: &'a Path,
    lines: LineIndex<'a>,
}

impl Manifest<'_> {
    fn error(&self, offset: usize, message: &str) -> String {
        let (line, column) = self.lines.line_col(offset);
        format!("{}:{line}:{column}: {message}", self.path.display())
    }

    /// Every key of `node` that is not in `known`, as one error each.
    fn unknown_keys(&self, node: &Node, known: &[&str], what: &str) -> Vec<String> {
        let Value::Object(members) = &node.value else {
            return vec![self.error(node.span.start, &format!("{what} must be an object"))];
        };
        let unknown = members.iter().filter(|m| !known.contains(&m.key.as_ref()));
        unknown
            .map(|m| {
                let mut message = format!("unknown key `{}` in {what}", m.key);
                match suggest(&m.key, known.iter().copied()) {
                    Some(near) => message.push_str(&format!("; did you mean `{near}`?")),
                    None => message.push_str(&format!("; the keys are {}", known.join(", "))),
                }
                self.error(m.key_span.start, &message)
            })
            .collect()
    }

    /// The string at `key`, if there is one; another type is an error.
    fn text(&self, node: &Node, key: &str) -> Result<Option<String>, String> {
        match node.get(key) {
            None => Ok(None),
            Some(value) => match value.as_str() {
                Some(text) => Ok(Some(text.to_owned())),
                None => Err(self.error(
                    value.span.start,
                    &format!("`{key}` must be a string, not {}", value.value.type_name()),
                )),
            },
        }
    }

    fn required(&self, node: &Node, key: &str, what: &str) -> Result<String, String> {
        self.text(node, key)?
            .ok_or_else(|| self.error(node.span.start, &format!("{what} needs a string `{key}`")))
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

/// Imports one Markdown file as a section: mojibake repaired, hand fixes applied.
pub fn import_section(text: &str, section_id: &str, fixes: &str) -> (Section, quiz_author::import::Imported) {
    let text = mojibake::apply_fixes(&mojibake::repair(text), fixes);
    as_section(import_markdown(&text, section_id), section_id)
}

/// Imports one file of `quiz import`: an mdbook-quiz TOML file (`.toml`), a
/// GIFT bank (see [`is_gift`]), or a Markdown bank (anything else); with its
/// sections: GIFT's categories, else the file as one section.
pub fn import_file(file: &str, text: &str, section_id: &str) -> (Vec<Section>, quiz_author::import::Imported) {
    let (section, imported) = if file.ends_with(".toml") {
        as_section(quiz_author::mdbook_quiz::import_toml(text, section_id), section_id)
    } else if is_gift(file) {
        let imported = quiz_author::gift::import_gift(text, section_id);
        if !imported.sections.is_empty() {
            return (imported.sections.clone(), imported);
        }
        as_section(imported, section_id)
    } else {
        import_section(text, section_id, "")
    };
    (vec![section], imported)
}

/// A question file, not a bank to import: `.json`, or standard input
/// (`-`) that starts as a JSON object does. Every command that takes a
/// question file takes a bank too, imported first by [`import_file`].
pub fn is_question_file(file: &str, text: &str) -> bool {
    match file {
        "-" => text.trim_start_matches('\u{feff}').trim_start().starts_with('{'),
        _ => file.to_ascii_lowercase().ends_with(".json"),
    }
}

/// A Moodle GIFT bank, by its name: `.gift`, or `.txt` as Moodle exports it.
pub fn is_gift(file: &str) -> bool {
    file.ends_with(".gift") || file.ends_with(".txt")
}

fn as_section(
    mut imported: quiz_author::import::Imported,
    section_id: &str,
) -> (Section, quiz_author::import::Imported) {
    for q in &mut imported.questions {
        q.section = Some(section_id.to_owned());
    }
    let section = Section {
        id: section_id.to_owned(),
        title: imported.title.clone().unwrap_or_else(|| section_id.to_owned()),
        description: imported.description.clone(),
        draw: None,
    };
    (section, imported)
}

/// Reads a manifest and every source it names, and assembles the quiz.
pub fn build(manifest_path: &Path) -> Result<Built, String> {
    let base = manifest_path.parent().unwrap_or(Path::new("."));
    let source = read(manifest_path)?;
    let root = json::parse(&source).map_err(|e| format!("{}: invalid JSON: {}", manifest_path.display(), e.message))?;
    let manifest = Manifest {
        path: manifest_path,
        lines: LineIndex::new(&source),
    };
    let mut unknown = manifest.unknown_keys(&root, MANIFEST_KEYS, "the manifest");
    let entries = match root.get("sections").map(|n| &n.value) {
        Some(Value::Array(entries)) => entries.as_slice(),
        _ => return Err(manifest.error(root.span.start, "the manifest needs a `sections` list")),
    };
    for entry in entries {
        unknown.extend(manifest.unknown_keys(entry, SECTION_KEYS, "a section"));
    }
    if !unknown.is_empty() {
        return Err(unknown.join("\n"));
    }
    let fixes = match manifest.text(&root, "fixes")? {
        Some(file) => read(&base.join(file))?,
        None => String::new(),
    };
    let mut quiz = Quiz::new(
        manifest.required(&root, "id", "the manifest")?,
        manifest.required(&root, "title", "the manifest")?,
    );
    quiz.description = manifest.text(&root, "description")?;
    quiz.language = manifest.text(&root, "language")?;
    let mut problems = Vec::new();
    for entry in entries {
        let id = manifest.required(entry, "id", "a section")?;
        let file = manifest.required(entry, "file", "a section")?;
        let (mut section, imported) = import_section(&read(&base.join(&file))?, &id, &fixes);
        if let Some(title) = manifest.text(entry, "title")? {
            section.title = title;
        }
        if let Some(description) = manifest.text(entry, "description")? {
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

/// A lowercase id made of letters, digits and `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "quiz".to_owned()
    } else {
        out
    }
}
