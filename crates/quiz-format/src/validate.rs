//! Turns question-file text into a [`Quiz`], collecting every problem.
//!
//! The reader in [`crate::json`] gives positioned nodes; this module walks
//! them against the tables in [`crate::format`] and reports each problem with
//! its JSON path, line, column and a message that says how to fix it. It never
//! stops at the first problem: a teacher fixes a file in one pass.

use quiz_stdx::{Map, Set};

use crate::check::{describe, Checker, Fields, Path};
pub use crate::check::{forbidden_in_xml, name_forbidden, suggest, Severity, MAX_CHOICES, MAX_TEXT_CHARS};
use crate::format::{Field, COMMON_FIELDS, QUIZ_FIELDS, SECTION_FIELDS};
use crate::json::{self, LineIndex, Node, Span, Value};
use crate::model::{
    Difficulty, Exam, KindName, Question, QuestionKind, Quiz, Repetition, Retention, Section, Solution, ValidQuiz,
};

/// Largest question file read, in bytes.
pub const MAX_SOURCE_BYTES: usize = 32 * 1024 * 1024;
/// Most questions in one file.
pub const MAX_QUESTIONS: usize = 100_000;
/// One problem found in a question file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Where in the document, as a JSON path such as `questions[12].answer`;
    /// empty for the whole document.
    pub path: String,
    /// 1-based line and column in the source text.
    pub line: usize,
    pub column: usize,
    pub span: Span,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!(" at {}", self.path)
        };
        write!(f, "{level}: {}:{}{path}: {}", self.line, self.column, self.message)
    }
}

/// The result of loading a question file: the quiz when there were no
/// errors, and every diagnostic, errors first, in source order.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub quiz: Option<ValidQuiz>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning)
    }
}

/// Reads and validates a question file.
pub fn load(source: &str) -> Report {
    let index = LineIndex::new(source);
    let mut checker = Checker::<true> {
        source,
        ..Checker::default()
    };
    let quiz = checker.file(source);
    let mut diagnostics: Vec<Diagnostic> = checker
        .found
        .into_iter()
        .map(|(severity, path, span, message)| {
            let (line, column) = index.line_col(span.start);
            Diagnostic {
                severity,
                path,
                line,
                column,
                span,
                message,
            }
        })
        .collect();
    // Unstable, with the rest of the span and the message as tie-breakers: one
    // sort routine fewer in the wasm, and the order is still fully determined.
    diagnostics.sort_unstable_by(|a, b| {
        (a.severity, a.span.start, a.span.end, &a.message).cmp(&(b.severity, b.span.start, b.span.end, &b.message))
    });
    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Report {
        quiz: if has_errors { None } else { quiz.map(ValidQuiz::new) },
        diagnostics,
    }
}

/// Reads a question file as [`load`] does, and only says whether it is
/// valid: the quiz, or `None` for a file with errors. The same walk without
/// a word of its messages, which the compiler leaves out: the learner's
/// module takes this path and fetches the full report only for a file it
/// rejects. `tests/host/lean.rs` and the fuzz targets check that the two agree.
pub fn accept(source: &str) -> Option<ValidQuiz> {
    let mut checker = Checker::<false>::default();
    let quiz = checker.file(source);
    (!checker.rejected).then_some(quiz?).map(ValidQuiz::new)
}
/// Checks a quiz built in code (by the importer, the bank builder) the one
/// way every quiz is checked: it is written out and loaded. Positions in
/// the diagnostics are in that written text.
pub fn check(quiz: &Quiz) -> Report {
    load(&crate::write::quiz_to_json(quiz, None))
}

/// The file's sections, for checking the `section` of each question.
struct KnownSections<'a> {
    in_order: &'a [Section],
    index: &'a Map<String, usize>,
}

/// The fields a question of `kind` may have; without a known type, any
/// kind's field may be meant, so only the missing type is reported.
fn allowed_fields(kind: Option<KindName>) -> Vec<&'static Field> {
    let mut all: Vec<&'static Field> = COMMON_FIELDS.iter().collect();
    let kinds: &[KindName] = match &kind {
        Some(k) => std::slice::from_ref(k),
        None => &KindName::ALL,
    };
    for k in kinds {
        for f in k.fields() {
            if !all.iter().any(|a| a.name == f.name) {
                all.push(f);
            }
        }
    }
    all
}

impl<const FULL: bool> Checker<'_, FULL> {
    /// The file, read and checked (the size limit, then JSON, then the quiz).
    fn file(&mut self, source: &str) -> Option<Quiz> {
        if source.len() > MAX_SOURCE_BYTES {
            self.error(&Path::Root, Span::default(), || {
                format!(
                    "the file is {} bytes; question files may be at most {MAX_SOURCE_BYTES} bytes ({} MB). Split it into several quizzes",
                    source.len(),
                    MAX_SOURCE_BYTES / (1024 * 1024)
                )
            });
            return None;
        }
        match json::parse(source) {
            Ok(root) => self.quiz(&root),
            Err(e) => {
                let at = Span {
                    start: e.offset,
                    end: e.offset,
                };
                self.error(&Path::Root, at, || format!("invalid JSON: {}", e.message));
                None
            }
        }
    }

    /// Checks an object's keys against its fields. `other_owner` names
    /// another question type a stray key belongs to, for a better message.
    fn fields<'n>(
        &mut self,
        node: &'n Node<'n>,
        path: Path<'n>,
        what: &str,
        allowed: Vec<&'static Field>,
        other_owner: &dyn Fn(&str) -> Option<KindName>,
    ) -> Option<Fields<'n>> {
        let Value::Object(members) = &node.value else {
            let found = node.value.type_name();
            self.error(&path, node.span, || {
                format!("{what} must be an object {{ … }}, found {found}")
            });
            return None;
        };
        // Known keys are few, so a bit each finds a repeat without hashing;
        // a set is made only for the keys that are not known.
        let mut seen_known: u64 = 0;
        let mut seen_others: Option<Set<&str>> = None;
        for member in members {
            let key: &str = &member.key;
            let position = allowed.iter().position(|f| f.name == key);
            let bit = position
                .and_then(|p| u32::try_from(p).ok())
                .and_then(|p| 1u64.checked_shl(p));
            let repeated = match bit {
                Some(bit) => {
                    let before = seen_known;
                    seen_known |= bit;
                    before & bit != 0
                }
                None => !seen_others.get_or_insert_with(Set::default).insert(key),
            };
            if repeated {
                self.error(&path.key(key), member.key_span, || {
                    format!("`{key}` appears twice in this object; keep one")
                });
            }
            if position.is_some() {
                continue;
            }
            let message = || {
                let mut message = format!("unknown field `{}` in {what}", member.key);
                if let Some(owner) = other_owner(&member.key) {
                    message.push_str(&format!(" (it belongs to `{}` questions)", owner.as_str()));
                }
                match suggest(&member.key, allowed.iter().map(|f| f.name)) {
                    Some(s) => message.push_str(&format!("; did you mean `{s}`?")),
                    None => {
                        let names: Vec<&str> = allowed.iter().map(|f| f.name).collect();
                        message.push_str(&format!("; known fields are {}", names.join(", ")));
                    }
                }
                message
            };
            self.error(&path.key(key), member.key_span, message);
        }
        Some(Fields::new(node, path, allowed))
    }

    fn quiz(&mut self, root: &Node) -> Option<Quiz> {
        let fields = self.fields(
            root,
            Path::Root,
            "the question file",
            QUIZ_FIELDS.iter().collect(),
            &|_| None,
        )?;
        if let Some((node, path, spec)) = self.get(&fields, "$schema") {
            self.text_of(node, &path, describe(spec));
        }
        let id = self.id(&fields, "id");
        let title = self.text(&fields, "title");
        let description = self.text(&fields, "description");
        let language = self.text(&fields, "language");
        let solution = self.solution(&fields);
        let spaced_repetition = self.repetition(&fields);
        let retention = self.retention(&fields);
        let pass_mark = self
            .bounded(&fields, "pass_mark", 1, 100)
            .and_then(|n| u8::try_from(n).ok());
        let draw = self.draw(&fields);
        let exam = self.exam(&fields);
        let (sections, section_index) = self.sections(&fields);
        let known = KnownSections {
            in_order: &sections,
            index: &section_index,
        };
        let questions = self.questions(&fields, &known);
        Some(Quiz {
            id: id?,
            title: title?,
            description,
            language,
            solution,
            spaced_repetition,
            retention,
            pass_mark,
            draw,
            exam,
            sections,
            questions: questions?,
        })
        .inspect(|quiz| self.check_draws(quiz, &fields))
    }

    /// `exam`, with its `attempts` and `time_limit`, which need it.
    fn exam(&mut self, fields: &Fields) -> Option<Exam> {
        let exam = self.bool(fields, "exam").unwrap_or(false);
        let attempts = self
            .bounded(fields, "attempts", 1, 99)
            .and_then(|n| u16::try_from(n).ok());
        let minutes = self
            .bounded(fields, "time_limit", 1, 600)
            .and_then(|n| u16::try_from(n).ok());
        if !exam {
            for name in ["attempts", "time_limit"] {
                if let Some(member) = fields.member(name) {
                    let message = || format!("`{name}` limits an exam: add `\"exam\": true`, or remove `{name}`");
                    self.error(&Path::Root.key(name), member.key_span, message);
                }
            }
            return None;
        }
        Some(Exam { attempts, minutes })
    }

    fn draw(&mut self, fields: &Fields) -> Option<u16> {
        let n = self.bounded(fields, "draw", 1, u64::from(u16::MAX))?;
        u16::try_from(n).ok()
    }

    /// Each `draw` must leave something to draw from: it is at most the
    /// questions of its pool, and fewer than all of them (a warning).
    fn check_draws(&mut self, quiz: &Quiz, fields: &Fields) {
        let pools = quiz
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (Some(s.id.as_str()), s.draw, Some(i)));
        for (section, draw, at) in std::iter::once((None, quiz.draw, None)).chain(pools) {
            let Some(draw) = draw else { continue };
            let count = quiz
                .questions
                .iter()
                .filter(|q| q.section.as_deref() == section)
                .count();
            let is_error = match usize::from(draw).cmp(&count) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Equal => false,
                std::cmp::Ordering::Less => continue,
            };
            let message = || match (is_error, section) {
                (true, Some(id)) => {
                    format!("`draw` is {draw}, but section \"{id}\" has {count} questions: draw at most {count}")
                }
                (true, None) => {
                    format!("`draw` is {draw}, but {count} questions are outside any section: draw at most {count}")
                }
                (false, Some(id)) => {
                    format!("`draw` is {draw}: all the questions of section \"{id}\", so every learner gets them all")
                }
                (false, None) => {
                    format!("`draw` is {draw}: all the questions outside any section, so every learner gets them all")
                }
            };
            let span_of = |name: &str| fields.member(name).map_or(fields.span(), |m| m.value.span);
            let (root, span) = (Path::Root, span_of(if at.is_some() { "sections" } else { "draw" }));
            let (sections, item);
            let path = match at {
                Some(i) => {
                    sections = root.key("sections");
                    item = sections.index(i);
                    item.key("draw")
                }
                None => root.key("draw"),
            };
            match is_error {
                true => self.error(&path, span, message),
                false => self.warning(&path, span, message),
            }
        }
    }

    /// The sections, and the index of each by id.
    fn sections(&mut self, fields: &Fields) -> (Vec<Section>, Map<String, usize>) {
        let Some((node, path, spec)) = self.get(fields, "sections") else {
            return (Vec::new(), Map::default());
        };
        let Value::Array(items) = &node.value else {
            self.wrong_type(&path, node, describe(spec));
            return (Vec::new(), Map::default());
        };
        let mut sections: Vec<Section> = Vec::new();
        let mut first_at: Map<String, usize> = Map::default();
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            let Some(f) = self.fields(item, item_path, "a section", SECTION_FIELDS.iter().collect(), &|_| None) else {
                continue;
            };
            let (id, title, description) = (self.id(&f, "id"), self.text(&f, "title"), self.text(&f, "description"));
            let draw = self.draw(&f);
            let (Some(id), Some(title)) = (id, title) else { continue };
            if let Some(first) = first_at.get(&id) {
                let at = f.member("id").map_or(item.span, |m| m.value.span);
                self.error(&item_path.key("id"), at, || {
                    format!("section id \"{id}\" is already used by sections[{first}]")
                });
                continue;
            }
            first_at.insert(id.clone(), i);
            sections.push(Section {
                id,
                title,
                description,
                draw,
            });
        }
        (sections, first_at)
    }

    fn questions(&mut self, fields: &Fields, known: &KnownSections) -> Option<Vec<Question>> {
        let (node, path, items) =
            self.non_empty_array(fields, "questions", "`questions` is empty: add at least one question")?;
        if items.len() > MAX_QUESTIONS {
            self.error(&path, node.span, || {
                format!(
                    "the file has {} questions; at most {MAX_QUESTIONS} are allowed in one file",
                    items.len()
                )
            });
            return None;
        }
        let mut questions = Vec::with_capacity(items.len());
        let mut first_at: Map<&str, usize> = Map::with_capacity_and_hasher(items.len(), Default::default());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            // Duplicates are found on the raw ids, so they are reported even
            // when the question has other problems.
            if let Some(id_node) = item.get("id") {
                if let Some(id) = id_node.as_str() {
                    if let Some(first) = first_at.get(id) {
                        self.error(&item_path.key("id"), id_node.span, || {
                            format!("question id \"{id}\" is already used by questions[{first}]; ids must be unique")
                        });
                        ok = false;
                    } else {
                        first_at.insert(id, i);
                    }
                }
            }
            match self.question(item, &item_path, known) {
                Some(q) => questions.push(q),
                None => ok = false,
            }
        }
        ok.then_some(questions)
    }

    fn question(&mut self, node: &Node, path: &Path, known: &KnownSections) -> Option<Question> {
        // The type decides which fields are allowed, so read it first.
        let kind = self.kind_name(node, path).ok()?;
        let owner = |key: &str| {
            KindName::ALL
                .into_iter()
                .find(|&k| k.fields().iter().any(|f| f.name == key))
        };
        let what = match kind {
            Some(k) => format!("a `{}` question", k.as_str()),
            None => "a question".to_owned(),
        };
        let fields = self.fields(node, *path, &what, allowed_fields(kind), &owner)?;
        let id = self.id(&fields, "id");
        let kind = kind.or_else(|| {
            self.get(&fields, "type");
            None
        });
        let prompt = self.text(&fields, "prompt");
        let section = self.id(&fields, "section");
        if let (Some(section), Some(m)) = (&section, fields.member("section")) {
            self.known_section(section, known, &path.key("section"), m.value.span);
        }
        let difficulty = self.difficulty(&fields);
        let topic = self.text(&fields, "topic");
        let tags = self.text_list(&fields, "tags").unwrap_or_default();
        let hints = self.hints(&fields);
        let explanation = self.text(&fields, "explanation");
        let points = self
            .bounded(&fields, "points", 0, 100)
            .and_then(|n| u16::try_from(n).ok());
        let kind = QuestionKind::read(kind?, self, &fields)?;
        if explanation.is_none() && !kind.name().is_self_graded() {
            let message = "no `explanation`: learners see only right or wrong";
            self.warning(path, node.span, || message.to_owned());
        }
        Some(Question {
            id: id?,
            section,
            difficulty,
            topic,
            tags,
            prompt: prompt?,
            hints,
            explanation,
            points,
            kind,
        })
    }

    /// The question's `type`: `Ok(None)` when it is missing (reported with
    /// the other missing fields), `Err` when it names no kind.
    fn kind_name(&mut self, node: &Node, path: &Path) -> Result<Option<KindName>, ()> {
        let Some(t) = node.get("type") else { return Ok(None) };
        let Some(name) = t.as_str() else {
            self.wrong_type(&path.key("type"), t, KindName::ONE_OF);
            return Err(());
        };
        if let Some(kind) = KindName::from_name(name) {
            return Ok(Some(kind));
        }
        let message = || match suggest(name, KindName::ALL.map(KindName::as_str)) {
            Some(s) => format!("unknown question type \"{name}\"; did you mean \"{s}\"?"),
            None => format!(
                "unknown question type \"{name}\"; use one of {}",
                KindName::ALL.map(KindName::as_str).join(", ")
            ),
        };
        self.error(&path.key("type"), t.span, message);
        Err(())
    }

    /// `hint`, or the list `hints`; not both, and no blank one.
    fn hints(&mut self, fields: &Fields) -> Vec<String> {
        let hint = self.text(fields, "hint");
        let Some(list) = self.text_list(fields, "hints") else {
            return hint.into_iter().collect();
        };
        let Some(member) = fields.member("hints") else {
            return Vec::new();
        };
        let path = fields.path.key("hints");
        let blank = list.iter().position(|h| h.trim().is_empty());
        if hint.is_none() && !list.is_empty() && blank.is_none() {
            return list;
        }
        self.error(&path, member.key_span, || match blank {
            _ if hint.is_some() => "give `hint` or `hints`, not both".to_owned(),
            Some(i) => format!("hint {i} is empty"),
            None => "`hints` is empty: list at least one hint, or remove it".to_owned(),
        });
        Vec::new()
    }

    fn known_section(&mut self, section: &str, known: &KnownSections, path: &Path, span: Span) {
        if known.index.contains_key(section) {
            return;
        }
        let message = || {
            let mut message = format!("section \"{section}\" does not exist");
            // In file order, so that of two equally close ids the first is named.
            match suggest(section, known.in_order.iter().map(|s| s.id.as_str())) {
                Some(s) => message.push_str(&format!("; did you mean \"{s}\"?")),
                None if known.in_order.is_empty() => message.push_str("; add it to the top-level `sections` list"),
                None => message.push_str("; add it to `sections` or use an existing section id"),
            }
            message
        };
        self.error(path, span, message);
    }

    fn solution(&mut self, fields: &Fields) -> Option<Solution> {
        let (node, path, spec) = self.get(fields, "solution")?;
        let name = self.text_of(node, &path, describe(spec))?;
        Solution::from_name(name.trim()).or_else(|| {
            let message = || format!(
                "unknown solution policy \"{name}\"; use \"on-request\", \"immediately\" or \"after-N\" with N from 1 to 9, such as \"after-2\""
            );
            self.error(&path, node.span, message);
            None
        })
    }

    fn repetition(&mut self, fields: &Fields) -> Option<Repetition> {
        let (node, path, spec) = self.get(fields, "spaced_repetition")?;
        let name = self.text_of(node, &path, describe(spec))?;
        Repetition::from_name(name.trim()).or_else(|| {
            let message = || format!(
                "unknown spaced_repetition \"{name}\"; use \"all\" (flashcards and graded questions) or \"flashcards\" (flashcards only)"
            );
            self.error(&path, node.span, message);
            None
        })
    }

    fn retention(&mut self, fields: &Fields) -> Option<Retention> {
        let (node, path, spec) = self.get(fields, "retention")?;
        let Value::Number(raw) = &node.value else {
            self.wrong_type(&path, node, describe(spec));
            return None;
        };
        let thousandths = crate::kinds::parse_number(raw).map(|v| v * 1000.0).unwrap_or(f64::NAN);
        let in_range = (700.0..=990.0).contains(&thousandths);
        let whole = (thousandths - thousandths.round_ties_even()).abs() < 1e-6;
        let retention = (in_range && whole)
            .then(|| Retention::from_thousandths(thousandths.round_ties_even() as u16))
            .flatten();
        if retention.is_none() {
            let message = || {
                match in_range {
                true => format!("retention {raw} has too many decimals: give at most three, such as 0.9 or 0.925"),
                false => format!(
                    "retention {raw} is out of range: give the chance of recall to schedule reviews at, from 0.7 to 0.99, such as 0.9"
                ),
            }
            };
            self.error(&path, node.span, message);
        }
        retention
    }

    fn difficulty(&mut self, fields: &Fields) -> Option<Difficulty> {
        let (node, path, spec) = self.get(fields, "difficulty")?;
        let name = self.text_of(node, &path, describe(spec))?;
        Difficulty::from_name(&name.to_ascii_lowercase()).or_else(|| {
            let message = || match suggest(&name, Difficulty::ALL.map(Difficulty::as_str)) {
                Some(s) => format!("unknown difficulty \"{name}\"; did you mean \"{s}\"?"),
                None => format!("unknown difficulty \"{name}\"; use one of basic, intermediate, advanced, expert"),
            };
            self.error(&path, node.span, message);
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The errors of a file whose single flashcard is `question`, as
    /// `line:column at path: message`; the lean `accept` must agree.
    #[track_caller]
    fn check(title: &str, question: &str, expected: &[&str]) {
        let source = format!("{{\"id\": \"q\", \"title\": \"{title}\", \"questions\": [\n{question}]}}");
        let report = load(&source);
        let errors: Vec<String> = report.errors().map(ToString::to_string).collect();
        assert_eq!(errors, expected, "{source}");
        assert_eq!(accept(&source), report.quiz, "accept and load disagree on {source}");
    }

    const CARD: &str = r#"{"id": "a", "type": "flashcard", "prompt": "p", "back": "b"}"#;

    #[test]
    fn characters_xml_cannot_hold_are_errors_where_they_stand() {
        let word = "`title` holds U+000B (vertical tab, as Word pastes a line break) at character 5, which no XML file (a SCORM or cmi5 package) can carry: delete it, or write a line break as \\n";
        check("Line\\u000bbreak", CARD, &[&format!("error: 1:27 at title: {word}")]);
        check("Line\\u000Bbreak", CARD, &[&format!("error: 1:27 at title: {word}")]);
        check(
            r"\\u000b, then \f",
            CARD,
            &["error: 1:37 at title: `title` holds U+000C (form feed, as Word pastes a page break) at character 14, which no XML file (a SCORM or cmi5 package) can carry: delete it, or write a line break as \\n"],
        );
        check(
            "T",
            r#"{"id": "a", "type": "flashcard", "prompt": "p", "back": "é\u0000"}"#,
            &["error: 2:59 at questions[0].back: `back` holds U+0000 (null) at character 2, which no XML file (a SCORM or cmi5 package) can carry: delete it, or write a line break as \\n"],
        );
        check(
            "T",
            "{\"id\": \"a\", \"type\": \"single\", \"prompt\": \"p\", \"choices\": [\"x\", \"y\u{FFFF}\"], \"answer\": 0, \"explanation\": \"e\"}",
            &["error: 2:65 at questions[0].choices[1]: `choices[1]` holds U+FFFF (a noncharacter) at character 2, which no XML file (a SCORM or cmi5 package) can carry: delete it, or write a line break as \\n"],
        );
        check(
            "T",
            r#"{"id": "a\u0001", "type": "flashcard", "prompt": "p", "back": "b"}"#,
            &["error: 2:10 at questions[0].id: `id` holds U+0001 (a control character) at character 2, which no XML file (a SCORM or cmi5 package) can carry: delete it, or write a line break as \\n"],
        );
    }

    #[test]
    fn tabs_and_line_breaks_are_text() {
        check("Tab\\there,\\nline\\r\\n", CARD, &[]);
        check("\u{7f} and \u{85} and \u{FFFD}", CARD, &[]);
    }
}
