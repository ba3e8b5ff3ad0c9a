//! `quiz`: validate question files, print the JSON Schema, import Markdown banks.

use std::path::Path;
use std::process::ExitCode;

use quiz_cli::args::{self, Cmi5Args, Command, ImportArgs, ScormArgs, USAGE};
use quiz_cli::bank::{self, slug};
use quiz_cli::report;
use quiz_format::json::LineIndex;
use quiz_format::model::{KindName, Quiz, ValidQuiz};
use quiz_format::write::quiz_to_json;

fn main() -> ExitCode {
    let result = match args::parse(std::env::args_os().skip(1)) {
        Ok(Command::Validate { files }) => validate(&files),
        Ok(Command::Schema) => {
            say(&quiz_author::schema::json_schema());
            Ok(true)
        }
        Ok(Command::Types) => {
            say(&quiz_author::typescript::declarations());
            Ok(true)
        }
        Ok(Command::Import(import_args)) => import(import_args),
        Ok(Command::Bank { manifest, out }) => build_bank(&manifest, out.as_deref()),
        Ok(Command::Export { file, out }) => export(&file, out.as_deref()),
        Ok(Command::Scorm(scorm_args)) => scorm(&scorm_args),
        Ok(Command::Cmi5(cmi5_args)) => cmi5(&cmi5_args),
        Ok(Command::Help) => {
            say(&format!("{USAGE}\n"));
            Ok(true)
        }
        Ok(Command::Version) => {
            say(&format!("quiz {}\n", env!("CARGO_PKG_VERSION")));
            Ok(true)
        }
        Err(message) => Err(format!("error: {message}\n\n{USAGE}")),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn count_by_kind(quiz: &Quiz) -> String {
    let counts: Vec<String> = KindName::ALL
        .iter()
        .filter_map(|&k| {
            let n = quiz.questions.iter().filter(|q| q.kind.name() == k).count();
            (n > 0).then(|| format!("{n} {}", k.as_str()))
        })
        .collect();
    counts.join(", ")
}

fn validate(files: &[String]) -> Result<bool, String> {
    let mut all_ok = true;
    for file in files {
        let source = std::fs::read_to_string(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
        let loaded = quiz_format::load(&source);
        let index = LineIndex::new(&source);
        for d in &loaded.diagnostics {
            eprint!("{}", report::render(file, &source, &index, d));
        }
        let (errors, warnings) = (loaded.errors().count(), loaded.warnings().count());
        match &loaded.quiz {
            Some(quiz) => say(&format!(
                "{file}: ok, {} items ({}) in {}; {}\n",
                quiz.questions.len(),
                count_by_kind(quiz),
                plural(quiz.sections.len(), "section"),
                plural(warnings, "warning")
            )),
            None => {
                all_ok = false;
                say(&format!(
                    "{file}: {}, {}\n",
                    plural(errors, "error"),
                    plural(warnings, "warning")
                ));
            }
        }
    }
    Ok(all_ok)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn import(args: ImportArgs) -> Result<bool, String> {
    let mut quiz = Quiz {
        language: args.language,
        ..Quiz::new("", "")
    };
    let mut ok = true;
    for file in &args.files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
        let stem = Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("section");
        let id = slug(stem);
        let (sections, imported) = bank::import_file(file, &text, &id);
        for p in &imported.problems {
            eprintln!("{file}:{}: {}", p.line, p.message);
            ok = false;
        }
        for p in &imported.notes {
            eprintln!("{file}:{}: note: {}", p.line, p.message);
        }
        eprintln!("{file}: {} items imported", imported.questions.len());
        quiz.sections.extend(sections);
        quiz.questions.extend(imported.questions);
    }
    quiz.title = args
        .title
        .unwrap_or_else(|| quiz.sections.first().map(|s| s.title.clone()).unwrap_or_default());
    quiz.id = args.id.unwrap_or_else(|| slug(&quiz.title));
    let quiz = checked(&quiz, "the imported quiz")?;
    say(&quiz_to_json(&quiz, None));
    Ok(ok)
}

/// A quiz built here, checked the one way every quiz is: written out and
/// loaded. An error means the importer or the manifest let through what the
/// format refuses; it is reported, and nothing is written.
fn checked(quiz: &Quiz, what: &str) -> Result<ValidQuiz, String> {
    let report = quiz_format::check(quiz);
    let errors: Vec<String> = report
        .errors()
        .map(|d| format!("  at {}: {}", d.path, d.message))
        .collect();
    report
        .quiz
        .ok_or_else(|| format!("{what} is not valid, so it was not written:\n{}", errors.join("\n")))
}

fn build_bank(manifest: &str, out: Option<&str>) -> Result<bool, String> {
    let built = bank::build(Path::new(manifest))?;
    for p in &built.problems {
        eprintln!("{p}");
    }
    let quiz = checked(&built.quiz, "the bank")?;
    let json = quiz_to_json(&quiz, Some("./questions.schema.json"));
    match out {
        Some(out) => {
            std::fs::write(out, &json).map_err(|e| format!("{out}: cannot write: {e}"))?;
            eprintln!("{out}: {} items ({})", quiz.questions.len(), count_by_kind(&quiz));
        }
        None => say(&json),
    }
    Ok(built.problems.is_empty())
}

/// `quiz export --format gift`: the file, validated, as a GIFT bank; what GIFT
/// cannot hold is said on standard error, question by question.
fn export(file: &str, out: Option<&str>) -> Result<bool, String> {
    let source = std::fs::read_to_string(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
    let report = quiz_format::load(&source);
    let Some(quiz) = report.quiz else {
        return Err(format!(
            "{file} is not valid (run `quiz validate {file}`), so it was not exported"
        ));
    };
    let (gift, notes) = quiz_author::gift::export_gift(&quiz);
    for note in &notes {
        eprintln!("{file}: {note}");
    }
    match out {
        Some(out) => std::fs::write(out, &gift).map_err(|e| format!("{out}: cannot write: {e}"))?,
        None => say(&gift),
    }
    Ok(true)
}

/// A question file for a package: validated, its errors shown as `quiz
/// validate` shows them, its warnings counted.
fn read_for_package(file: &str) -> Result<ValidQuiz, String> {
    let source = std::fs::read_to_string(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
    let report = quiz_format::load(&source);
    let index = LineIndex::new(&source);
    for d in report.errors() {
        eprint!("{}", report::render(file, &source, &index, d));
    }
    let warnings = report.warnings().count();
    let quiz = report
        .quiz
        .ok_or_else(|| format!("{file} is not valid, so it was not packaged"))?;
    if warnings > 0 {
        eprintln!(
            "{file}: {} (`quiz validate {file}` shows them)",
            plural(warnings, "warning")
        );
    }
    Ok(quiz)
}

/// The widget's files and `extra`, as embedded in this binary.
fn widget_files(extra: &'static [(&'static str, &'static [u8])]) -> Result<Vec<(&'static str, &'static [u8])>, String> {
    if quiz_cli::assets::WIDGET_FILES.is_empty() || extra.is_empty() {
        return Err(
            "this quiz binary was built without the widget's files: run `make build`, then build it again".to_owned(),
        );
    }
    Ok(quiz_cli::assets::WIDGET_FILES.iter().chain(extra).copied().collect())
}

fn write_package(out: &str, zip: &[u8], what: &str, quiz: &ValidQuiz, mastery: Option<u8>) -> Result<bool, String> {
    std::fs::write(out, zip).map_err(|e| format!("{out}: cannot write: {e}"))?;
    eprintln!(
        "{out}: {what} of {} ({} items, pass mark {}), {} bytes",
        quiz.title,
        quiz.questions.len(),
        mastery.map_or_else(|| "none".to_owned(), |m| format!("{m} %")),
        zip.len()
    );
    Ok(true)
}

/// `quiz scorm`: the file as a SCORM package.
fn scorm(args: &ScormArgs) -> Result<bool, String> {
    let quiz = read_for_package(&args.file)?;
    let files = widget_files(quiz_cli::assets::SCORM_FILES)?;
    let options = quiz_cli::lms::scorm::Options {
        version: args.version,
        mastery: args.mastery.or(quiz.pass_mark),
        files: &files,
    };
    let zip = quiz_cli::lms::scorm::package(&quiz, &quiz_to_json(&quiz, None), &options)?;
    let what = format!("SCORM {} package", args.version.as_str());
    write_package(&args.out, &zip, &what, &quiz, options.mastery)
}

/// `quiz cmi5`: the file as a cmi5 course of one AU.
fn cmi5(args: &Cmi5Args) -> Result<bool, String> {
    let quiz = read_for_package(&args.file)?;
    let files = widget_files(quiz_cli::assets::XAPI_FILES)?;
    let options = quiz_cli::lms::cmi5::Options {
        id: args.id.as_deref(),
        mastery: args.mastery.or(quiz.pass_mark),
        files: &files,
    };
    let zip = quiz_cli::lms::cmi5::package(&quiz, &quiz_to_json(&quiz, None), &options)?;
    write_package(&args.out, &zip, "cmi5 course", &quiz, options.mastery)
}

/// Writes to standard output. A reader that stopped early (`quiz schema |
/// head`) is not an error; `print!` would panic on the broken pipe.
fn say(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
