//! `quiz`: validate question files, print the JSON Schema, import Markdown
//! banks, export GIFT and QTI, package for an LMS.
//!
//! Exit status: 0 done, 1 the input has problems (nothing was written),
//! 2 the command could not run (its arguments, a file it cannot read or write).

use std::path::Path;
use std::process::ExitCode;

use quiz_cli::args::{self, Cmi5Args, Command, EmbedArgs, ExportFormat, ImportArgs, ScormArgs};
use quiz_cli::bank::{self, slug};
use quiz_cli::files::{self, display};
use quiz_cli::report;
use quiz_format::json::LineIndex;
use quiz_format::model::{KindName, Quiz, ValidQuiz};
use quiz_format::write::quiz_to_json;
use quiz_widget::prerender::Questions;

fn main() -> ExitCode {
    let result = match args::parse(std::env::args_os().skip(1)) {
        Ok(command) => run(command),
        Err(e) => {
            eprintln!("error: {}\n{}", e.message, e.hint());
            return ExitCode::from(2);
        }
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

fn run(command: Command) -> Result<bool, String> {
    let text = match command {
        Command::Validate { files } => return validate(&files),
        Command::Import(import_args) => return import(&import_args),
        Command::Bank { manifest, out } => return build_bank(&manifest, out.as_deref()),
        Command::Export { format, file, out } => return export(format, &file, out.as_deref()),
        Command::Scorm(scorm_args) => return scorm(&scorm_args),
        Command::Cmi5(cmi5_args) => return cmi5(&cmi5_args),
        Command::Embed(embed_args) => return embed(&embed_args),
        Command::Page(page_args) => return page(&page_args),
        Command::Schema => quiz_author::schema::json_schema(),
        Command::Types => quiz_author::typescript::declarations(),
        Command::Help(None) => args::usage(),
        Command::Help(Some(name)) => args::usage_of(name).unwrap_or_else(args::usage),
        Command::Version => format!("quiz {}\n", env!("CARGO_PKG_VERSION")),
    };
    files::write(None, text.as_bytes())?;
    Ok(true)
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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A quiz read for a command, and what was wrong on the way.
struct Read {
    /// The quiz, when the file (or the bank, imported) is valid.
    quiz: Option<ValidQuiz>,
    errors: usize,
    warnings: usize,
}

/// Any file a command takes as its quiz: a question file, validated, with
/// its diagnostics shown as `quiz validate` shows them (warnings too when
/// `warnings` is set, else counted); or a bank of any format `quiz import`
/// reads, imported first.
fn read_quiz(file: &str, warnings: bool) -> Result<Read, String> {
    let source = files::read(file)?;
    if !bank::is_question_file(file, &source) {
        let import_args = ImportArgs {
            files: vec![file.to_owned()],
            ..ImportArgs::default()
        };
        // The text already read: standard input cannot be read again.
        let (quiz, problems) = import_texts(&import_args, &[(file, source)])?;
        if problems > 0 {
            return Ok(Read {
                quiz: None,
                errors: problems,
                warnings: 0,
            });
        }
        return Ok(check_built(&quiz, display(file), warnings));
    }
    let loaded = quiz_format::load(&source);
    let index = LineIndex::new(&source);
    let name = display(file);
    for d in loaded
        .diagnostics
        .iter()
        .filter(|d| warnings || d.severity == quiz_format::Severity::Error)
    {
        eprint!("{}", report::render(name, &source, &index, d));
    }
    Ok(Read {
        errors: loaded.errors().count(),
        warnings: loaded.warnings().count(),
        quiz: loaded.quiz,
    })
}

fn validate(files: &[String]) -> Result<bool, String> {
    let mut all_ok = true;
    for file in files {
        let read = read_quiz(file, true)?;
        let name = display(file);
        let line = match &read.quiz {
            Some(quiz) => format!(
                "{name}: ok, {} items ({}) in {}; {}\n",
                quiz.questions.len(),
                count_by_kind(quiz),
                plural(quiz.sections.len(), "section"),
                plural(read.warnings, "warning")
            ),
            None => {
                all_ok = false;
                format!(
                    "{name}: {}, {}\n",
                    plural(read.errors.max(1), "error"),
                    plural(read.warnings, "warning")
                )
            }
        };
        files::write(None, line.as_bytes())?;
    }
    Ok(all_ok)
}

/// `quiz import`: every file imported into one question file, written only
/// when every file imported without a problem.
fn import(import_args: &ImportArgs) -> Result<bool, String> {
    let (quiz, problems) = import_quiz(import_args)?;
    if problems > 0 {
        eprintln!(
            "{} in the input, so nothing was written: fix them and import again",
            plural(problems, "problem")
        );
        return Ok(false);
    }
    let Some(quiz) = check_built(&quiz, "the imported quiz", false).quiz else {
        eprintln!("the imported quiz is not valid, so nothing was written");
        return Ok(false);
    };
    files::write(import_args.out.as_deref(), quiz_to_json(&quiz, None).as_bytes())?;
    Ok(true)
}

/// The files of `import_args` imported into one quiz, and the number of
/// problems met (each shown as `FILE:LINE: message`). A question file
/// (JSON) is not imported: it is one already.
fn import_quiz(import_args: &ImportArgs) -> Result<(Quiz, usize), String> {
    let mut texts = Vec::with_capacity(import_args.files.len());
    for file in &import_args.files {
        texts.push((file.as_str(), files::read(file)?));
    }
    import_texts(import_args, &texts)
}

/// [`import_quiz`] of texts already read (standard input can be read once).
fn import_texts(import_args: &ImportArgs, texts: &[(&str, String)]) -> Result<(Quiz, usize), String> {
    let mut quiz = Quiz {
        language: import_args.language.clone(),
        ..Quiz::new("", "")
    };
    let mut problems = 0;
    for &(file, ref text) in texts {
        let name = display(file);
        if bank::is_question_file(file, text) {
            return Err(format!(
                "{name} is already a question file (JSON), so there is nothing to import: \
                 `quiz validate {file}` checks it, and every other command takes it as it is"
            ));
        }
        let stem = Path::new(file).file_stem().and_then(|s| s.to_str());
        let id = slug(stem.filter(|_| file != "-").unwrap_or("section"));
        let (sections, imported) = bank::import_file(file, text, &id);
        for p in &imported.problems {
            eprintln!("{name}:{}: {}", p.line, p.message);
        }
        for p in &imported.notes {
            eprintln!("{name}:{}: note: {}", p.line, p.message);
        }
        problems += imported.problems.len();
        if imported.questions.is_empty() && imported.problems.is_empty() {
            eprintln!(
                "{name}: no questions found: is it a question bank? `quiz import --help` names the formats, \
                 and the README's \"Writing quizzes in Markdown\" shows one"
            );
            problems += 1;
        } else {
            let count = imported.questions.len();
            eprintln!("{name}: {count} {} imported", if count == 1 { "item" } else { "items" });
        }
        quiz.sections.extend(sections);
        quiz.questions.extend(imported.questions);
    }
    quiz.title = import_args
        .title
        .clone()
        .unwrap_or_else(|| quiz.sections.first().map(|s| s.title.clone()).unwrap_or_default());
    quiz.id = import_args.id.clone().unwrap_or_else(|| slug(&quiz.title));
    Ok((quiz, problems))
}

/// A quiz built here (imported, or a bank's), checked the one way every
/// quiz is: written out and loaded. What the importer let through and the
/// format refuses (such as a control character pasted from Word) is shown
/// as `NAME: error at PATH: message`, with warnings when `warnings` is set:
/// a line and column would be in the written JSON, not in the source.
fn check_built(quiz: &Quiz, name: &str, warnings: bool) -> Read {
    let report = quiz_format::check(quiz);
    for d in &report.diagnostics {
        match d.severity {
            quiz_format::Severity::Error => eprintln!("{name}: error at {}: {}", d.path, d.message),
            quiz_format::Severity::Warning if warnings => {
                eprintln!("{name}: warning at {}: {}", d.path, d.message);
            }
            quiz_format::Severity::Warning => {}
        }
    }
    Read {
        errors: report.errors().count(),
        warnings: report.warnings().count(),
        quiz: report.quiz,
    }
}

fn build_bank(manifest: &str, out: Option<&str>) -> Result<bool, String> {
    let built = bank::build(Path::new(manifest))?;
    for p in &built.problems {
        eprintln!("{p}");
    }
    let quiz = check_built(&built.quiz, "the bank", false).quiz;
    let Some(quiz) = quiz.filter(|_| built.problems.is_empty()) else {
        eprintln!("the bank has problems (above), so nothing was written");
        return Ok(false);
    };
    let json = quiz_to_json(&quiz, Some("./questions.schema.json"));
    files::write(out, json.as_bytes())?;
    if let Some(out) = out.filter(|&o| o != "-") {
        eprintln!("{out}: {} items ({})", quiz.questions.len(), count_by_kind(&quiz));
    }
    Ok(true)
}

/// A quiz for `quiz export`, `quiz scorm` and `quiz cmi5`: errors shown,
/// warnings counted; `None` (and a word on what was not done) when it is
/// not valid.
fn quiz_for(file: &str, not_done: &str) -> Result<Option<ValidQuiz>, String> {
    let read = read_quiz(file, false)?;
    let name = display(file);
    let Some(quiz) = read.quiz else {
        eprintln!("{name} is not valid, so it was not {not_done}");
        return Ok(None);
    };
    if read.warnings > 0 {
        eprintln!(
            "{name}: {} (`quiz validate {file}` shows them)",
            plural(read.warnings, "warning")
        );
    }
    Ok(Some(quiz))
}

/// `quiz export`: the file, validated, as a GIFT bank or a QTI package;
/// what the format cannot hold is said on standard error, question by
/// question.
fn export(format: ExportFormat, file: &str, out: Option<&str>) -> Result<bool, String> {
    let Some(quiz) = quiz_for(file, "exported")? else {
        return Ok(false);
    };
    let (bytes, notes) = match format {
        ExportFormat::Gift => {
            let (gift, notes) = quiz_author::gift::export_gift(&quiz);
            (gift.into_bytes(), notes)
        }
        ExportFormat::Qti => {
            let package = quiz_author::qti::export_qti(&quiz)?;
            let files = package
                .files
                .iter()
                .map(|(path, bytes)| (path.as_str(), bytes.as_slice()));
            (quiz_cli::lms::zip_files(files)?, package.notes)
        }
    };
    for note in &notes {
        eprintln!("{}: {note}", display(file));
    }
    files::write(out, &bytes)?;
    if format == ExportFormat::Qti {
        let left_out = notes.iter().filter(|n| n.ends_with(": left out")).count();
        eprintln!(
            "{}: QTI 1.2 package of {} ({} of {} questions), {} bytes",
            match out {
                Some("-") | None => "standard output",
                Some(path) => path,
            },
            quiz.title,
            quiz.questions.len() - left_out,
            quiz.questions.len(),
            bytes.len()
        );
    }
    Ok(true)
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
    files::write(Some(out), zip)?;
    eprintln!(
        "{}: {what} of {} ({} items, pass mark {}), {} bytes",
        if out == "-" { "standard output" } else { out },
        quiz.title,
        quiz.questions.len(),
        mastery.map_or_else(|| "none".to_owned(), |m| format!("{m} %")),
        zip.len()
    );
    Ok(true)
}

/// `quiz scorm`: the file as a SCORM package.
fn scorm(args: &ScormArgs) -> Result<bool, String> {
    let Some(quiz) = quiz_for(&args.file, "packaged")? else {
        return Ok(false);
    };
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
    let Some(quiz) = quiz_for(&args.file, "packaged")? else {
        return Ok(false);
    };
    let files = widget_files(quiz_cli::assets::XAPI_FILES)?;
    let options = quiz_cli::lms::cmi5::Options {
        id: args.id.as_deref(),
        mastery: args.mastery.or(quiz.pass_mark),
        files: &files,
    };
    let zip = quiz_cli::lms::cmi5::package(&quiz, &quiz_to_json(&quiz, None), &options)?;
    write_package(&args.out, &zip, "cmi5 course", &quiz, options.mastery)
}

/// `quiz embed`: the file as a `<quiz-widget>` whose first screen is
/// pre-rendered, with the questions inline or by `--src`.
fn embed(args: &EmbedArgs) -> Result<bool, String> {
    let Some(quiz) = quiz_for(&args.file, "embedded")? else {
        return Ok(false);
    };
    // An attribute the quiz cannot take is a problem of the input, as a
    // question file's is: said with the file, and exit 1.
    if let Err(problem) = quiz_widget::prerender::check_attributes(&quiz, &args.attributes) {
        eprintln!("error: {problem}\n{} was not embedded", display(&args.file));
        return Ok(false);
    }
    if let Some(url) = &args.src {
        note_other_file(&args.file, url);
    }
    let lang = args
        .attributes
        .iter()
        .find(|(name, _)| name == "lang")
        .and_then(|(_, v)| v.as_deref());
    if let Some(tag) =
        lang.filter(|t| quiz_widget::i18n::language_of(t).is_none() && !t.to_ascii_lowercase().starts_with("en"))
    {
        eprintln!("note: lang=\"{tag}\": the interface has no such language yet, so it shows in English");
    }
    let json = quiz_to_json(&quiz, None);
    let questions = match &args.src {
        Some(url) => Questions::Src(url),
        None => Questions::Inline(&json),
    };
    let html = quiz_widget::prerender::snippet(quiz, questions, &args.attributes)?;
    files::write(args.out.as_deref(), format!("{html}\n").as_bytes())?;
    Ok(true)
}

/// `quiz page`: one HTML file with the quiz, its first screen pre-rendered,
/// and the widget's files inside it.
fn page(args: &EmbedArgs) -> Result<bool, String> {
    let Some(quiz) = quiz_for(&args.file, "made into a page")? else {
        return Ok(false);
    };
    if let Err(problem) = quiz_widget::prerender::check_attributes(&quiz, &args.attributes) {
        eprintln!("error: {problem}\n{} was not made into a page", display(&args.file));
        return Ok(false);
    }
    if args
        .attributes
        .iter()
        .any(|(name, value)| name == "controls" && value.as_deref() == Some("full"))
    {
        eprintln!("note: controls=full: the study face's export, import and CSV tools need files beside the page, so a page of its own shows them but they do not work");
    }
    let json = quiz_to_json(&quiz, None);
    let language = attribute(args, "lang")
        .or(quiz.language.as_deref())
        .unwrap_or("en")
        .to_owned();
    let title = quiz.title.clone();
    let snippet = quiz_widget::prerender::snippet(quiz, Questions::Inline(&json), &args.attributes)?;
    if quiz_cli::assets::WIDGET_FILES.is_empty() {
        return Err(
            "this quiz binary was built without the widget's files: run `make build`, then build it again".to_owned(),
        );
    }
    let page = quiz_cli::page::Page {
        title: &title,
        language: &language,
        snippet: &snippet,
    };
    let html = quiz_cli::page::html(&page, quiz_cli::assets::WIDGET_FILES)?;
    let out = args.out.as_deref().unwrap_or("-");
    files::write(Some(out), html.as_bytes())?;
    eprintln!(
        "{}: a page of {} ({} bytes): open it in a browser, from disk or from any web server",
        if out == "-" { "standard output" } else { out },
        title,
        html.len()
    );
    Ok(true)
}

/// The value of the element's attribute `name`, if given with one.
fn attribute<'a>(args: &'a EmbedArgs, name: &str) -> Option<&'a str> {
    args.attributes
        .iter()
        .find(|(n, _)| n == name)
        .and_then(|(_, v)| v.as_deref())
}

/// The first screen comes from FILE, the live quiz from the page's `--src`:
/// a URL naming another file is said, as it is a likely slip (the page would
/// swap one quiz for another when the widget starts). A bank served as
/// itself (`--src bank.md`) has the same name.
fn note_other_file(file: &str, url: &str) {
    let served = url.split(['?', '#']).next().unwrap_or_default();
    let served = served.rsplit('/').next().unwrap_or_default();
    let local = Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or_default();
    if file != "-" && served != local {
        eprintln!(
            "note: the first screen is {}'s, and the page will fetch `{url}`: they should be the same file",
            display(file)
        );
    }
}
