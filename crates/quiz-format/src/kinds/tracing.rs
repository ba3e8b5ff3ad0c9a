//! `tracing`: read a program and tell whether it compiles, and then what it
//! prints or (when the file names it) where its first error is
//! (mdbook-quiz's `Tracing`).

use super::Kind;
use crate::format::{Field, FieldType as T};
use crate::json::Object;
use crate::hash::Fnv64;
use crate::check::{Checker, Fields};

/// Trace a program: does it compile, and if so what does it print, if not
/// which line has the first error.
#[derive(Clone, Debug, PartialEq)]
pub struct Tracing {
    /// Plain text, not blank.
    pub program: String,
    /// For highlighting; `rust` when the file names none.
    pub language: String,
    pub outcome: Outcome,
}

/// What the program does.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// It compiles and, run, prints this (maybe nothing).
    Prints(String),
    /// It does not compile; the first error is on this line, from 1, within the program.
    FailsAt(usize),
    /// It does not compile, and the learner is not asked where: a file
    /// without `error_line` (as mdbook-quiz's `Tracing` without
    /// `lineNumber`, which it grades by `doesCompile` alone).
    Fails,
}

impl Tracing {
    /// The program's lines, as the learner sees them numbered.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.program.trim_end().lines()
    }
}

fields! {
    FIELDS, DOCS = [
        ("program", T::Text, true, "The program, as plain text (not Markdown)."),
        ("language", T::Text, false, "The program's language, for highlighting: `rust` (the default), `python`, `toml`, `sh`, …"),
        ("compiles", T::Bool, true, "Whether the program passes the compiler."),
        (
            "output",
            T::Text,
            false,
            "What the program prints when run; required when `compiles` is true (\"\" for nothing). Compared line by line, ignoring white space at line ends and blank lines before and after.",
        ),
        (
            "error_line",
            T::Line,
            false,
            "The line of the program with the first compile error, from 1, when `compiles` is false; the learner is then asked for it. Without it, the learner is asked only whether the program compiles.",
        ),
    ]
}

impl Kind for Tracing {
    const DOC: &'static str = "Tell whether a program compiles, and then what it prints or which line has its first error.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        let program = checker.text(fields, "program");
        let language = checker.text(fields, "language");
        let compiles = checker.bool(fields, "compiles");
        let output = checker.text(fields, "output");
        let line = error_line(checker, fields);
        let (program, compiles) = (program?, compiles?);
        let outcome = match (compiles, output, line) {
            (true, Some(output), None) => Outcome::Prints(output),
            (false, None, Some(line)) => Outcome::FailsAt(usize::try_from(line).ok()?),
            (false, None, None) if fields.member("error_line").is_none() => Outcome::Fails,
            (compiles, _, _) => return mismatch(checker, fields, compiles),
        };
        let kind = Tracing {
            program,
            language: language.unwrap_or_else(|| "rust".to_owned()),
            outcome,
        };
        if let Outcome::FailsAt(line) = kind.outcome {
            let count = kind.lines().count();
            if line > count {
                let span = fields.member("error_line")?.value.span;
                let message = || format!("`error_line` is {line}, past the program's end: it has {count} lines");
                checker.error(&fields.path.key("error_line"), span, message);
                return None;
            }
        }
        Some(kind)
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        let object = object.text("program", &self.program);
        let object = match self.language.as_str() {
            "rust" => object,
            language => object.text("language", language),
        };
        match &self.outcome {
            Outcome::Prints(output) => object.bool("compiles", true).text("output", output),
            Outcome::FailsAt(line) => object.bool("compiles", false).number("error_line", line),
            Outcome::Fails => object.bool("compiles", false),
        }
    }

    fn hash(&self, hash: &mut Fnv64) {
        hash.field(&self.program);
        match &self.outcome {
            Outcome::Prints(output) => hash.field(output),
            Outcome::FailsAt(line) => hash.field(&line.to_string()),
            // Unlike any output or line number.
            Outcome::Fails => hash.field("\u{0}fails"),
        }
    }
}

/// `compiles` and the fields that go with it disagree: the one it needs is
/// missing or the other one is there. (Reported once, at whichever is wrong.)
fn mismatch<const F: bool>(checker: &mut Checker<F>, fields: &Fields, compiles: bool) -> Option<Tracing> {
    let (needed, other) = if compiles { ("output", "error_line") } else { ("error_line", "output") };
    match (fields.member(other), fields.member(needed)) {
        (Some(member), _) => {
            let message = if compiles {
                "`error_line` is for a program that does not compile, and this one has `\"compiles\": true`: remove `error_line`, or set `compiles` to false"
            } else {
                "`output` is for a program that compiles, and this one has `\"compiles\": false`: remove `output`, or set `compiles` to true"
            };
            checker.error(&fields.path.key(other), member.key_span, || message.to_owned());
        }
        // Only a program that compiles needs a field (`error_line` is optional).
        (None, None) => {
            // `compiles` was read, so it is there.
            let span = fields.member("compiles")?.value.span;
            let message = "a program that compiles needs `output`: add `\"output\": \"…\"` with what it prints (\"\" when it prints nothing)";
            checker.error(&fields.path.key("compiles"), span, || message.to_owned());
        }
        // `needed` is there but was reported as unreadable already.
        (None, Some(_)) => {}
    }
    None
}

/// `error_line`, a line number from 1.
fn error_line<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<u64> {
    let (node, path, _) = checker.get(fields, "error_line")?;
    match checker.whole_number(node, &path, "a line number, from 1")? {
        0 => {
            checker.error(&path, node.span, || "`error_line` is 0: the program's lines are numbered from 1".to_owned());
            None
        }
        n => Some(n),
    }
}
