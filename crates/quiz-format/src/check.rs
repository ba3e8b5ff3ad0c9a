//! The validator's machinery: a [`Checker`] that collects problems while a
//! file's values are read, the [`Path`] of a value, an object's [`Fields`],
//! and the readers of values that every object shares (texts, lists,
//! booleans, whole numbers). It knows the field tables and the kinds' names,
//! not the kinds: each kind's module reads its own fields with it, and
//! `validate.rs` reads the quiz, its sections and its questions.

use std::fmt;

use crate::format::{Field, FieldType};
use crate::json::{self, Member, Node, Span, Value};
use crate::kind_name::KindName;

/// Most choices in one question (one letter key each, a to z).
pub const MAX_CHOICES: usize = 26;

/// Longest text field, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file cannot be used until it is fixed.
    Error,
    /// The file works, but something is probably not what the author meant.
    Warning,
}

/// The first character of `text` that XML 1.0 cannot hold, with its
/// index in characters: a C0 control other than tab, line feed and
/// carriage return, or U+FFFE or U+FFFF. (Lone surrogates, the other
/// characters XML refuses, cannot occur in a Rust string.) Tabs and line
/// breaks are text like any other.
pub fn forbidden_in_xml(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// A character [`forbidden_in_xml`] found, by code point and name, for messages.
pub fn name_forbidden(c: char) -> String {
    let name = match c {
        '\0' => "null",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab, as Word pastes a line break",
        '\u{c}' => "form feed, as Word pastes a page break",
        '\u{1b}' => "escape",
        '\u{FFFE}' | '\u{FFFF}' => "a noncharacter",
        _ => "a control character",
    };
    format!("U+{:04X} ({name})", u32::from(c))
}

/// Collects the problems of one file while its values are read.
///
/// `FULL` checkers keep every problem with its message and path; the others
/// (`accept`) only note that there was an error. A message is a closure,
/// called only by a full checker, so a lean one carries no message code.
#[derive(Default)]
pub(crate) struct Checker<'s, const FULL: bool> {
    pub(crate) found: Vec<(Severity, String, Span, String)>,
    pub(crate) rejected: bool,
    /// The file's text, for pointing inside a string literal; a full
    /// checker's only (a lean one reports no position).
    pub(crate) source: &'s str,
}

/// Where a value stands in the document, such as `questions[12].answer`.
///
/// A chain of steps, each borrowing the one before it, written out only when
/// a problem is reported: a valid file of 10,000 questions formats no path.
#[derive(Clone, Copy)]
pub(crate) enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl<'p> Path<'p> {
    pub(crate) fn key(&'p self, key: &'p str) -> Path<'p> {
        Path::Key(self, key)
    }

    pub(crate) fn index(&'p self, index: usize) -> Path<'p> {
        Path::Index(self, index)
    }

    /// The last key with the indices after it, such as `choices[1]`.
    fn last_segment(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(_, key) => (*key).to_owned(),
            Path::Index(parent, i) => format!("{}[{i}]", parent.last_segment()),
        }
    }

    /// The last key, without indices.
    fn last_key(&self) -> &'p str {
        match *self {
            Path::Root => "",
            Path::Key(_, key) => key,
            Path::Index(parent, _) => parent.last_key(),
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = quiz_stdx::or_never(row.get(j + 1).copied(), usize::MAX, "the row has a cell per character");
            let left = quiz_stdx::or_never(row.get(j).copied(), usize::MAX, "the row has a cell per character");
            let cost = diagonal + usize::from(ca != *cb);
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = cost.min(above + 1).min(left + 1);
            }
        }
    }
    quiz_stdx::or_never(row.last().copied(), 0, "the row is never empty")
}

/// The closest of `candidates` to `word`, if it is close enough to be a typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase().replace('-', "_");
    candidates
        .into_iter()
        .map(|c| (edit_distance(&lower, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// What a field must hold, for messages.
pub(crate) fn describe(field: &Field) -> &'static str {
    match field.ty {
        FieldType::QuizId => "an id such as \"python-asyncio\"",
        FieldType::Id => "an id without spaces",
        FieldType::Text | FieldType::Markdown | FieldType::SchemaRef => "a string",
        FieldType::TextList | FieldType::MarkdownList => "a list of strings",
        FieldType::Index => "a 0-based choice index",
        FieldType::IndexList => "a list of 0-based choice indices",
        FieldType::Bool => "true or false",
        FieldType::Difficulty => "one of \"basic\", \"intermediate\", \"advanced\", \"expert\"",
        FieldType::Minutes => "a whole number of minutes",
        FieldType::Number => "a number",
        FieldType::NonNegativeNumber => "a number, 0 or more",
        FieldType::NumberRange => "two numbers, `[min, max]`",
        FieldType::Pairs => "a list of pairs, `[left, right]`",
        FieldType::Points => "a whole number of points, 0 to 100",
        FieldType::Percent => "a whole percentage, 1 to 100",
        FieldType::Draw => "a whole number of questions, 1 or more",
        FieldType::Line => "a line number, from 1",
        FieldType::Solution => "\"immediately\", \"on-request\" or \"after-N\"",
        FieldType::Repetition => "\"all\" or \"flashcards\"",
        FieldType::Retention => "a number from 0.7 to 0.99",
        FieldType::Kind => KindName::ONE_OF,
        FieldType::Sections => "a list of sections",
        FieldType::Questions => "a list of questions",
    }
}

/// The fields of an object, checked for duplicates and unknown keys.
pub(crate) struct Fields<'n> {
    node: &'n Node<'n>,
    pub(crate) path: Path<'n>,
    allowed: Vec<&'static Field>,
}

impl<'n> Fields<'n> {
    /// An object's fields, once `validate` has checked its keys against `allowed`.
    pub(crate) fn new(node: &'n Node<'n>, path: Path<'n>, allowed: Vec<&'static Field>) -> Self {
        Fields { node, path, allowed }
    }

    /// Where a problem with the object as a whole is reported: its opening brace.
    pub(crate) fn span(&self) -> Span {
        Span {
            start: self.node.span.start,
            end: self.node.span.start + 1,
        }
    }

    pub(crate) fn member(&self, name: &str) -> Option<&'n Member<'n>> {
        self.node.as_object()?.iter().find(|m| m.key == name)
    }
}

impl<const FULL: bool> Checker<'_, FULL> {
    pub(crate) fn error(&mut self, path: &Path, span: Span, message: impl FnOnce() -> String) {
        self.rejected = true;
        if FULL {
            self.found.push((Severity::Error, path.to_string(), span, message()));
        }
    }

    pub(crate) fn warning(&mut self, path: &Path, span: Span, message: impl FnOnce() -> String) {
        if FULL {
            self.found.push((Severity::Warning, path.to_string(), span, message()));
        }
    }

    pub(crate) fn wrong_type(&mut self, path: &Path, node: &Node, expected: &str) {
        self.error(path, node.span, || {
            let found = match &node.value {
                Value::String(s) if s.chars().count() <= 20 => format!("the string {}", json::quote(s)),
                Value::Number(n) => format!("the number {n}"),
                Value::Null | Value::Bool(_) | Value::String(_) | Value::Array(_) | Value::Object(_) => {
                    node.value.type_name().to_owned()
                }
            };
            let fix = if node.value == Value::Null {
                ": give a value or remove the field"
            } else {
                ""
            };
            format!("`{}` must be {expected}, found {found}{fix}", path.last_segment())
        });
    }

    /// The value of a field, reporting it when required and missing.
    pub(crate) fn get<'f>(
        &mut self,
        fields: &'f Fields<'_>,
        name: &'f str,
    ) -> Option<(&'f Node<'f>, Path<'f>, &'static Field)> {
        let spec = fields.allowed.iter().copied().find(|f| f.name == name)?;
        let path = fields.path.key(name);
        match fields.member(name) {
            Some(member) if member.value.value == Value::Null && !spec.required => {
                self.wrong_type(&path, &member.value, describe(spec));
                None
            }
            Some(member) => Some((&member.value, path, spec)),
            None => {
                if spec.required {
                    let span = Span {
                        start: fields.node.span.start,
                        end: fields.node.span.start + 1,
                    };
                    self.error(&fields.path, span, || {
                        format!(
                            "missing required field `{name}`: add `\"{name}\": …` with {}",
                            describe(spec)
                        )
                    });
                }
                None
            }
        }
    }

    pub(crate) fn text_of(&mut self, node: &Node, path: &Path, expected: &str) -> Option<String> {
        match &node.value {
            // A string has no more characters than bytes, so most are never counted.
            Value::String(s) if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS => {
                self.error(path, node.span, || {
                    format!(
                        "this text is {} characters long; a field may hold at most {MAX_TEXT_CHARS}",
                        s.chars().count()
                    )
                });
                None
            }
            Value::String(s) => match forbidden_in_xml(s) {
                None => Some(s.as_ref().to_owned()),
                Some((at, c)) => {
                    let span = if FULL {
                        self.escape_span(node.span, c)
                    } else {
                        node.span
                    };
                    self.error(path, span, || {
                        format!(
                            "`{}` holds {} at character {}, which no XML file (a SCORM or cmi5 package) can carry: \
                             delete it, or write a line break as \\n",
                            path.last_segment(),
                            name_forbidden(c),
                            at + 1
                        )
                    });
                    None
                }
            },
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::Array(_) | Value::Object(_) => {
                self.wrong_type(path, node, expected);
                None
            }
        }
    }

    /// Where `c` first stands in the string literal at `literal`: its
    /// escape (`\u000B`, `\b`, `\f`) or, for U+FFFE and U+FFFF, the
    /// character itself; the literal's span when it is not found.
    pub(crate) fn escape_span(&self, literal: Span, c: char) -> Span {
        let raw = self.source.get(literal.start..literal.end).unwrap_or_default();
        let mut at = 0;
        // Escapes are ASCII, so `at` stays on character boundaries.
        while let Some(here) = raw.get(at..).and_then(|rest| rest.chars().next()) {
            let (len, found) = match (here, raw.as_bytes().get(at + 1)) {
                ('\\', Some(b'u')) => (
                    6,
                    raw.get(at + 2..at + 6)
                        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                        .and_then(char::from_u32),
                ),
                ('\\', Some(b'b')) => (2, Some('\u{8}')),
                ('\\', Some(b'f')) => (2, Some('\u{c}')),
                ('\\', _) => (2, None),
                (other, _) => (other.len_utf8(), Some(other)),
            };
            if found == Some(c) {
                let start = literal.start + at;
                return Span {
                    start,
                    end: start + len,
                };
            }
            at += len;
        }
        literal
    }

    pub(crate) fn text(&mut self, fields: &Fields, name: &str) -> Option<String> {
        let (node, path, spec) = self.get(fields, name)?;
        let text = self.text_of(node, &path, describe(spec))?;
        if spec.required && text.trim().is_empty() {
            self.error(&path, node.span, || format!("`{name}` is empty; write the {name} text"));
            return None;
        }
        if spec.ty == FieldType::Markdown {
            self.check_images(&path, node.span, &text);
        }
        Some(text)
    }

    /// Every image needs a description for learners who cannot see it.
    /// Only text with `![` is parsed, so a large bank without images costs nothing.
    pub(crate) fn check_images(&mut self, path: &Path, span: Span, text: &str) {
        if !text.contains("![") {
            return;
        }
        for alt in quiz_markdown::image_alts(text) {
            if alt.trim().is_empty() {
                let message = "an image has no alt text: describe it in the brackets, `![what it shows](…)`, for learners who cannot see it";
                self.warning(path, span, || message.to_owned());
            }
        }
    }

    pub(crate) fn id(&mut self, fields: &Fields, name: &str) -> Option<String> {
        let (node, path, spec) = self.get(fields, name)?;
        let id = self.text_of(node, &path, describe(spec))?;
        let valid = if spec.ty == FieldType::QuizId {
            let mut chars = id.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        } else {
            !id.is_empty() && !id.chars().any(char::is_whitespace)
        };
        if !valid {
            let rule = if spec.ty == FieldType::QuizId {
                "lowercase letters, digits and `-`, starting with a letter or digit"
            } else {
                "at least one character and no spaces"
            };
            self.error(&path, node.span, || {
                format!("{} is not a valid `{name}`: use {rule}", json::quote(&id))
            });
            return None;
        }
        Some(id)
    }

    pub(crate) fn text_list(&mut self, fields: &Fields, name: &str) -> Option<Vec<String>> {
        let (node, path, spec) = self.get(fields, name)?;
        let Value::Array(items) = &node.value else {
            self.wrong_type(&path, node, describe(spec));
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.text_of(item, &path.index(i), "a string") {
                Some(s) => {
                    if spec.ty == FieldType::MarkdownList {
                        self.check_images(&path.index(i), item.span, &s);
                    }
                    out.push(s);
                }
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    pub(crate) fn bool(&mut self, fields: &Fields, name: &str) -> Option<bool> {
        let (node, path, spec) = self.get(fields, name)?;
        match node.value {
            Value::Bool(b) => Some(b),
            Value::String(ref s) if s == "true" || s == "false" => {
                self.error(&path, node.span, || {
                    format!("`{name}` must be true or false without quotes, found \"{s}\"")
                });
                None
            }
            Value::Null | Value::Number(_) | Value::String(_) | Value::Array(_) | Value::Object(_) => {
                self.wrong_type(&path, node, describe(spec));
                None
            }
        }
    }

    /// A whole number that is not negative, with a message fit for indices.
    pub(crate) fn whole_number(&mut self, node: &Node, path: &Path, expected: &str) -> Option<u64> {
        let Value::Number(raw) = &node.value else {
            if let Value::String(s) = &node.value {
                let letter = s.trim().trim_end_matches(')');
                if letter.len() == 1 && letter.chars().all(|c| c.is_ascii_alphabetic()) {
                    let index = letter.to_ascii_uppercase().bytes().next().map_or(0, |b| b - b'A');
                    self.error(
                        path,
                        node.span,
                        || format!(
                            "`{}` must be {expected}, found the letter \"{}\": choices are numbered from 0, so {letter} is {index}",
                            path.last_key(),
                            s.trim()
                        ),
                    );
                    return None;
                }
            }
            self.wrong_type(path, node, expected);
            return None;
        };
        if raw.starts_with('-') {
            self.error(path, node.span, || {
                format!("{raw} is negative: `{}` must be {expected}", path.last_key())
            });
            return None;
        }
        match raw.parse::<u64>() {
            Ok(n) => Some(n),
            Err(_) if raw.contains(['.', 'e', 'E']) => {
                self.error(path, node.span, || {
                    format!("{raw} is not a whole number: `{}` must be {expected}", path.last_key())
                });
                None
            }
            Err(_) => {
                self.error(path, node.span, || {
                    format!("{raw} is far too large for `{}`", path.last_key())
                });
                None
            }
        }
    }

    /// The array at `name`, with its node and path; a value of another type,
    /// or an empty array (reported with `empty`), is a problem and `None`.
    pub(crate) fn non_empty_array<'f>(
        &mut self,
        fields: &'f Fields<'_>,
        name: &'f str,
        empty: &str,
    ) -> Option<(&'f Node<'f>, Path<'f>, &'f [Node<'f>])> {
        let (node, path, spec) = self.get(fields, name)?;
        let Value::Array(items) = &node.value else {
            self.wrong_type(&path, node, describe(spec));
            return None;
        };
        if items.is_empty() {
            self.error(&path, node.span, || empty.to_owned());
            return None;
        }
        Some((node, path, items))
    }

    /// A whole number from `low` to `high` at `name`, if present and valid.
    pub(crate) fn bounded(&mut self, fields: &Fields, name: &str, low: u64, high: u64) -> Option<u64> {
        let (node, path, spec) = self.get(fields, name)?;
        let n = self.whole_number(node, &path, describe(spec))?;
        if !(low..=high).contains(&n) {
            self.error(&path, node.span, || {
                format!("`{name}` is {n}: use a whole number from {low} to {high}")
            });
            return None;
        }
        Some(n)
    }
}
