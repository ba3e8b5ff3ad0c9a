//! The `quiz` command's arguments, parsed strictly with lexopt: an unknown
//! option, a missing value or a stray argument is an error with the usage,
//! never silently ignored.
#![allow(
    clippy::wildcard_enum_match_arm,
    reason = "lexopt::Arg is foreign: the rest of a command line is an error"
)]

use std::ffi::OsString;

use lexopt::prelude::*;
use quiz_format::validate::suggest;

/// Each subcommand: its name, its synopsis with what it does (a line of
/// the full usage), and its options (`quiz NAME --help` prints both).
pub const SUBCOMMANDS: &[(&str, &str, &str)] = &[
    (
        "validate",
        "quiz validate FILE...                 check question files; exit 1 on errors",
        "  FILE   a question file (.json), or a bank to import first (.md, .toml, .gift, .txt); - reads standard input",
    ),
    (
        "schema",
        "quiz schema                           print the JSON Schema of the format",
        "",
    ),
    (
        "types",
        "quiz types                            print the format's TypeScript declarations",
        "",
    ),
    (
        "import",
        "quiz import [--id ID] [--title TITLE] [--language LANG] [--out FILE] FILE...
                                        turn Markdown banks (.md), mdbook-quiz quizzes
                                        (.toml) and Moodle GIFT banks (.gift, .txt)
                                        into a question file",
        "  --id ID            the quiz's id (default: from the title)
  --title TITLE      the quiz's title (default: the first file's heading)
  --language LANG    the quiz's language, such as de
  -o, --out FILE     where the question file goes (default and -: standard output)
  FILE               a bank; - reads Markdown from standard input",
    ),
    (
        "export",
        "quiz export --format gift|qti FILE [--out FILE]
                                        write a question file as a Moodle GIFT bank,
                                        or as a QTI 1.2 package for Canvas, Blackboard,
                                        Brightspace and Sakai (--out PACKAGE.zip)",
        "  --format gift      a GIFT bank (default --out: standard output)
  --format qti       a QTI 1.2 package, a zip: --out is needed (- writes it to
                     standard output)
  -o, --out FILE     where the bank or package goes
  FILE               a question file, or a bank to import first; - reads standard input",
    ),
    (
        "scorm",
        "quiz scorm FILE [--scorm 1.2|2004] [--mastery PERCENT] --out PACKAGE.zip
                                        package a question file for an LMS: one SCO
                                        that reports score and status and keeps the
                                        learner's progress in the LMS (default 1.2)",
        "  --scorm 1.2|2004   the SCORM version (default 1.2)
  --mastery PERCENT  the pass mark, 1 to 100 (default: the quiz's pass_mark)
  -o, --out FILE     where the package goes; - writes it to standard output
  FILE               a question file, or a bank to import first; - reads standard input",
    ),
    (
        "cmi5",
        "quiz cmi5 FILE [--mastery PERCENT] [--id IRI] --out COURSE.zip
                                        package a question file as a cmi5 course: one
                                        AU that sends xAPI statements to the LMS's LRS",
        "  --mastery PERCENT  the pass mark, 1 to 100 (default: the quiz's pass_mark)
  --id IRI           the course's IRI (default urn:quiz-widget:<quiz id>)
  -o, --out FILE     where the course goes; - writes it to standard output
  FILE               a question file, or a bank to import first; - reads standard input",
    ),
    (
        "embed",
        "quiz embed FILE [--src URL] [--out FILE] [ATTRIBUTE[=VALUE]...]
                                        print a <quiz-widget> for any page, its first
                                        screen pre-rendered: shown before any script
                                        runs, and readable where wasm cannot run",
        "  --src URL          the URL the page fetches the questions from (default:
                     the questions go inline in the element)
  -o, --out FILE     where the snippet goes (default and -: standard output)
  FILE               a question file, or a bank to import first; - reads standard input
  ATTRIBUTE[=VALUE]  the element's attributes, such as section=basics, shuffle
                     or heading-level=3 (docs/element.md lists them)",
    ),
    (
        "page",
        "quiz page FILE --out PAGE.html [ATTRIBUTE[=VALUE]...]
                                        write one HTML file that runs the quiz with
                                        nothing beside it: opened from disk, offline,
                                        it keeps the learner's progress in the browser",
        "  -o, --out FILE     where the page goes; - writes it to standard output
  FILE               a question file, or a bank to import first; - reads standard input
  ATTRIBUTE[=VALUE]  the element's attributes, such as section=basics, shuffle
                     or heading-level=3 (docs/element.md lists them)",
    ),
    (
        "bank",
        "quiz bank MANIFEST [--out FILE]       build a question file from a bank manifest
                                        (content/bank.json builds questions.json)",
        "  -o, --out FILE     where the question file goes (default and -: standard output)",
    ),
    (
        "help",
        "quiz help [COMMAND]                   print this help, or a command's",
        "",
    ),
];

/// The full usage, `quiz --help`: every subcommand's synopsis, and what
/// holds for all of them.
pub fn usage() -> String {
    let mut text = "usage:\n".to_owned();
    for (_, synopsis, _) in SUBCOMMANDS {
        text.push_str(&format!("  {synopsis}\n"));
    }
    text.push_str(
        "  quiz --version                        print the version

Every command takes -h or --help for its own usage. A FILE of - is standard
input, an --out of - standard output. Output is written only when the whole
command succeeds: a file by --out appears whole, or not at all.
",
    );
    text
}

/// One subcommand's usage, `quiz NAME --help`: its synopsis and options.
pub fn usage_of(name: &str) -> Option<String> {
    let (_, synopsis, options) = SUBCOMMANDS.iter().find(|(n, _, _)| *n == name)?;
    let options = if options.is_empty() {
        String::new()
    } else {
        format!("\noptions:\n{options}\n")
    };
    Some(format!("usage: {synopsis}\n{options}"))
}

/// What the command was asked to do.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Validate {
        files: Vec<String>,
    },
    Schema,
    Types,
    Import(ImportArgs),
    Bank {
        manifest: String,
        out: Option<String>,
    },
    /// `quiz export`: a question file in another format.
    Export {
        format: ExportFormat,
        file: String,
        out: Option<String>,
    },
    /// `quiz scorm`: a SCORM package of a question file.
    Scorm(ScormArgs),
    /// `quiz cmi5`: a cmi5 course of a question file.
    Cmi5(Cmi5Args),
    /// `quiz embed`: a pre-rendered `<quiz-widget>` for a page.
    Embed(EmbedArgs),
    /// `quiz page`: one HTML file that runs the quiz offline (never `src`).
    Page(EmbedArgs),
    /// The full usage, or one subcommand's.
    Help(Option<&'static str>),
    Version,
}

/// What `quiz export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// A Moodle GIFT bank (`--format gift`).
    Gift,
    /// A QTI 1.2 package as Canvas imports it (`--format qti`), a zip.
    Qti,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 2] = [ExportFormat::Gift, ExportFormat::Qti];

    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Gift => "gift",
            ExportFormat::Qti => "qti",
        }
    }
}

/// `quiz embed`'s options.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct EmbedArgs {
    pub file: String,
    /// The URL the page fetches the questions from; inline when absent.
    pub src: Option<String>,
    pub out: Option<String>,
    /// The element's attributes, in order: a name and its value (`None`
    /// for a boolean attribute written bare).
    pub attributes: Vec<(String, Option<String>)>,
}

/// The `<quiz-widget>` attributes (js/quiz-widget.js's list), and the
/// global ones a page may want on it too.
pub const ELEMENT_ATTRIBUTES: &[&str] = &[
    "section",
    "mode",
    "lang",
    "storage-key",
    "shuffle",
    "solution",
    "controls",
    "heading-level",
    "draw",
    "exam",
    "pass-mark",
    "xapi",
    "xapi-actor",
    "xapi-activity",
    "id",
    "class",
    "style",
    "title",
    "dir",
    "hidden",
];

/// `quiz cmi5`'s options.
#[derive(Debug, PartialEq, Eq)]
pub struct Cmi5Args {
    pub file: String,
    /// The pass mark in percent, 1 to 100; the quiz's `pass_mark` when absent.
    pub mastery: Option<u8>,
    /// The course's IRI.
    pub id: Option<String>,
    pub out: String,
}

/// `quiz scorm`'s options.
#[derive(Debug, PartialEq, Eq)]
pub struct ScormArgs {
    pub file: String,
    pub version: crate::lms::scorm::Version,
    /// The pass mark in percent, 1 to 100; the quiz's `pass_mark` when absent.
    pub mastery: Option<u8>,
    pub out: String,
}

/// `quiz import`'s options and files.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportArgs {
    pub id: Option<String>,
    pub title: Option<String>,
    pub language: Option<String>,
    /// Where the question file goes; standard output when absent or `-`.
    pub out: Option<String>,
    pub files: Vec<String>,
}

/// An argument error: the message, and the subcommand whose usage helps
/// (none for a missing or unknown subcommand).
#[derive(Debug, PartialEq, Eq)]
pub struct ArgsError {
    pub message: String,
    pub subcommand: Option<&'static str>,
}

impl ArgsError {
    /// The one line that says where the usage is.
    pub fn hint(&self) -> String {
        match self.subcommand {
            Some(name) => format!("`quiz {name} --help` shows its usage"),
            None => "`quiz --help` shows the usage".to_owned(),
        }
    }
}

/// Why a subcommand's parser stopped early: its usage was asked for, or an error.
enum Stop {
    Help,
    Error(String),
}

impl From<String> for Stop {
    fn from(message: String) -> Stop {
        Stop::Error(message)
    }
}

impl From<&str> for Stop {
    fn from(message: &str) -> Stop {
        Stop::Error(message.to_owned())
    }
}

impl From<lexopt::Error> for Stop {
    fn from(e: lexopt::Error) -> Stop {
        Stop::Error(e.to_string())
    }
}

/// The next argument; `-h` and `--help` stop with the usage.
fn next(parser: &mut lexopt::Parser) -> Result<Option<lexopt::Arg<'_>>, Stop> {
    match parser.next()? {
        Some(Long("help") | Short('h')) => Err(Stop::Help),
        arg => Ok(arg),
    }
}

/// Parses the arguments after the program's name. The error's message
/// names the subcommand and the argument.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, ArgsError> {
    let mut parser = lexopt::Parser::from_args(args);
    let general = |message: String| ArgsError {
        message,
        subcommand: None,
    };
    let name = match parser.next().map_err(|e| general(e.to_string()))? {
        Some(Value(name)) => string(name).map_err(general)?,
        Some(Long("help") | Short('h')) => return Ok(Command::Help(None)),
        Some(Long("version") | Short('V')) => return Ok(Command::Version),
        Some(other) => return Err(general(other.unexpected().to_string())),
        None => return Err(general("no subcommand given".to_owned())),
    };
    let Some(&(subcommand, _, _)) = SUBCOMMANDS.iter().find(|(n, _, _)| *n == name) else {
        let mut message = format!("unknown subcommand `{name}`");
        if let Some(near) = suggest(&name, SUBCOMMANDS.iter().map(|(n, _, _)| *n)) {
            message.push_str(&format!("; did you mean `{near}`?"));
        }
        return Err(general(message));
    };
    let command = match subcommand {
        "validate" => validate(&mut parser),
        "schema" => no_arguments(&mut parser).map(|()| Command::Schema),
        "types" => no_arguments(&mut parser).map(|()| Command::Types),
        "import" => import(&mut parser),
        "bank" => bank(&mut parser),
        "export" => export(&mut parser),
        "scorm" => scorm(&mut parser),
        "cmi5" => cmi5(&mut parser),
        "embed" => embed(&mut parser),
        "page" => page(&mut parser),
        _ => help(&mut parser),
    };
    match command {
        Ok(command) => Ok(command),
        Err(Stop::Help) => Ok(Command::Help(Some(subcommand))),
        Err(Stop::Error(e)) => Err(ArgsError {
            message: format!("quiz {subcommand}: {e}"),
            subcommand: Some(subcommand),
        }),
    }
}

/// `quiz help [COMMAND]`.
fn help(parser: &mut lexopt::Parser) -> Result<Command, Stop> {
    let topic = match next(parser)? {
        None => return Ok(Command::Help(None)),
        Some(Value(name)) => string(name)?,
        Some(other) => return Err(unexpected(other, &[]).into()),
    };
    no_arguments(parser)?;
    match SUBCOMMANDS.iter().find(|(n, _, _)| *n == topic) {
        Some(&(name, _, _)) => Ok(Command::Help(Some(name))),
        None => Err(format!("there is no command `{topic}`").into()),
    }
}

/// An argument the subcommand does not take; a long option close to one of
/// `options` gets a "did you mean".
fn unexpected(arg: lexopt::Arg, options: &[&str]) -> String {
    match arg {
        Long(name) => {
            let mut message = format!("unknown option `--{name}`");
            if let Some(near) = suggest(name, options.iter().copied()) {
                message.push_str(&format!("; did you mean `--{near}`?"));
            }
            message
        }
        other => other.unexpected().to_string(),
    }
}

fn string(value: OsString) -> Result<String, String> {
    value
        .into_string()
        .map_err(|v| format!("{} is not valid UTF-8", v.to_string_lossy()))
}

fn no_arguments(parser: &mut lexopt::Parser) -> Result<(), Stop> {
    match next(parser)? {
        None => Ok(()),
        Some(arg) => Err(unexpected(arg, &[]).into()),
    }
}

fn validate(parser: &mut lexopt::Parser) -> Result<Command, Stop> {
    let mut files = Vec::new();
    while let Some(arg) = next(parser)? {
        match arg {
            Value(file) => files.push(string(file)?),
            other => return Err(unexpected(other, &[]).into()),
        }
    }
    if files.is_empty() {
        return Err("name at least one question file".into());
    }
    Ok(Command::Validate { files })
}

fn import(parser: &mut lexopt::Parser) -> Result<Command, Stop> {
    let mut args = ImportArgs::default();
    while let Some(arg) = next(parser)? {
        let slot = match arg {
            Long("id") => &mut args.id,
            Long("title") => &mut args.title,
            Long("language") => &mut args.language,
            Long("out") | Short('o') => &mut args.out,
            Value(file) => {
                args.files.push(string(file)?);
                continue;
            }
            other => return Err(unexpected(other, &["id", "title", "language", "out"]).into()),
        };
        *slot = Some(string(parser.value()?)?);
    }
    if args.files.is_empty() {
        return Err("name at least one file to import".into());
    }
    Ok(Command::Import(args))
}

fn bank(parser: &mut lexopt::Parser) -> Result<Command, Stop> {
    let (mut manifest, mut out) = (None, None);
    while let Some(arg) = next(parser)? {
        match arg {
            Long("out") | Short('o') => out = Some(string(parser.value()?)?),
            Value(file) if manifest.is_none() => manifest = Some(string(file)?),
            other => return Err(unexpected(other, &["out"]).into()),
        }
    }
    let manifest = manifest.ok_or("name the bank manifest")?;
    Ok(Command::Bank { manifest, out })
}

fn export(parser: &mut lexopt::Parser) -> Result<Command, Stop> {
    let (mut file, mut out, mut format) = (None, None, None);
    while let Some(arg) = next(parser)? {
        match arg {
            Long("out") | Short('o') => out = Some(string(parser.value()?)?),
            Long("format") => format = Some(string(parser.value()?)?),
            Value(name) if file.is_none() => file = Some(string(name)?),
            other => return Err(unexpected(other, &["format", "out"]).into()),
        }
    }
    let format = match format.as_deref() {
        Some(name) => ExportFormat::ALL
            .into_iter()
            .find(|f| f.as_str() == name)
            .ok_or_else(|| {
                let mut message = format!("there is no format \"{name}\"; say gift or qti");
                if let Some(near) = suggest(name, ExportFormat::ALL.map(ExportFormat::as_str)) {
                    message = format!("there is no format \"{name}\"; did you mean {near}?");
                }
                message
            })?,
        None => return Err("say the format, `--format gift` or `--format qti`".into()),
    };
    let file = file.ok_or("name the question file to export")?;
    if format == ExportFormat::Qti && out.is_none() {
        return Err("say where the package goes, `--out PACKAGE.zip` (a QTI package is a zip)".into());
    }
    Ok(Command::Export { format, file, out })
}

/// A package's question file and its options: `--out` (or `-o`) and
/// `names`, each with a value, at most one file.
struct PackageArgs {
    file: String,
    out: String,
    /// The values of `names`, in their order.
    values: Vec<Option<String>>,
}

fn package_args(parser: &mut lexopt::Parser, names: &[&str], out_example: &str) -> Result<PackageArgs, Stop> {
    let (mut file, mut out, mut values) = (None, None, vec![None; names.len()]);
    while let Some(arg) = next(parser)? {
        let slot = match arg {
            Long("out") | Short('o') => &mut out,
            Long(name) => match names.iter().zip(values.iter_mut()).find(|(n, _)| **n == name) {
                Some((_, slot)) => slot,
                None => return Err(unexpected(Long(name), &[names, &["out"]].concat()).into()),
            },
            Value(name) if file.is_none() => {
                file = Some(string(name)?);
                continue;
            }
            other => return Err(unexpected(other, &[names, &["out"]].concat()).into()),
        };
        *slot = Some(string(parser.value()?)?);
    }
    Ok(PackageArgs {
        file: file.ok_or("name the question file to package")?,
        out: out.ok_or_else(|| format!("say where the package goes, `--out {out_example}`"))?,
        values,
    })
}

fn scorm(parser: &mut lexopt::Parser) -> Result<Command, Stop> {
    let PackageArgs { file, out, values } = package_args(parser, &["scorm", "mastery"], "PACKAGE.zip")?;
    let [version, mastery] = [0, 1].map(|i| values.get(i).cloned().flatten());
    let version = match version.as_deref() {
        None => crate::lms::scorm::Version::default(),
        Some(name) => crate::lms::scorm::Version::from_name(name)
            .ok_or_else(|| format!("there is no SCORM version \"{name}\"; say 1.2 or 2004"))?,
    };
    let mastery = mastery.as_deref().map(percent).transpose()?;
    Ok(Command::Scorm(ScormArgs {
        file,
        version,
        mastery,
        out,
    }))
}

fn cmi5(parser: &mut lexopt::Parser) -> Result<Command, Stop> {
    let PackageArgs { file, out, values } = package_args(parser, &["mastery", "id"], "COURSE.zip")?;
    let [mastery, id] = [0, 1].map(|i| values.get(i).cloned().flatten());
    let mastery = mastery.as_deref().map(percent).transpose()?;
    Ok(Command::Cmi5(Cmi5Args { file, mastery, id, out }))
}

fn embed(parser: &mut lexopt::Parser) -> Result<Command, Stop> {
    let mut args = EmbedArgs::default();
    let mut file = None;
    while let Some(arg) = next(parser)? {
        match arg {
            Long("src") => args.src = Some(string(parser.value()?)?),
            Long("out") | Short('o') => args.out = Some(string(parser.value()?)?),
            Value(value) if file.is_none() => file = Some(string(value)?),
            Value(value) => args.attributes.push(attribute(&string(value)?)?),
            other => return Err(unexpected(other, &["src", "out"]).into()),
        }
    }
    args.file = file.ok_or("name the question file")?;
    Ok(Command::Embed(args))
}

fn page(parser: &mut lexopt::Parser) -> Result<Command, Stop> {
    let mut args = EmbedArgs::default();
    let mut file = None;
    while let Some(arg) = next(parser)? {
        match arg {
            Long("out") | Short('o') => args.out = Some(string(parser.value()?)?),
            Value(value) if file.is_none() => file = Some(string(value)?),
            Value(value) => args.attributes.push(attribute(&string(value)?)?),
            other => return Err(unexpected(other, &["out"]).into()),
        }
    }
    args.file = file.ok_or("name the question file")?;
    if args.out.is_none() {
        return Err("say where the page goes: --out PAGE.html".into());
    }
    Ok(Command::Page(args))
}

/// `name=value` or a bare `name`: one of [`ELEMENT_ATTRIBUTES`], a `data-`
/// or an `aria-` attribute. `src` is `--src`, which says the questions are
/// not inline.
fn attribute(text: &str) -> Result<(String, Option<String>), String> {
    let (name, value) = match text.split_once('=') {
        Some((name, value)) => (name.trim(), Some(value.to_owned())),
        None => (text.trim(), None),
    };
    let custom = |prefix: &str| {
        name.strip_prefix(prefix).is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
    };
    if name == "src" {
        return Err("give the questions' URL as --src URL".to_owned());
    }
    if !ELEMENT_ATTRIBUTES.contains(&name) && !custom("data-") && !custom("aria-") {
        let mut message = format!("`{name}` is not an attribute of <quiz-widget>");
        if let Some(near) = suggest(name, ELEMENT_ATTRIBUTES.iter().copied()) {
            message.push_str(&format!("; did you mean `{near}`?"));
        }
        return Err(message);
    }
    Ok((name.to_owned(), value))
}

/// A pass mark: a percentage from 1 to 100, with or without `%`.
fn percent(text: &str) -> Result<u8, String> {
    text.trim_end_matches('%')
        .parse::<u8>()
        .ok()
        .filter(|m| (1..=100).contains(m))
        .ok_or_else(|| format!("--mastery takes a percentage from 1 to 100, not \"{text}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(args: &str, expected: Result<Command, &str>) {
        let parsed = parse(args.split_whitespace().map(OsString::from)).map_err(|e| e.message);
        assert_eq!(parsed, expected.map_err(str::to_owned), "quiz {args}");
    }

    #[test]
    fn subcommands_and_their_options() {
        check(
            "validate a.json b.json",
            Ok(Command::Validate {
                files: vec!["a.json".into(), "b.json".into()],
            }),
        );
        check("schema", Ok(Command::Schema));
        check("--help", Ok(Command::Help(None)));
        check("help", Ok(Command::Help(None)));
        check("--version", Ok(Command::Version));
        check("-V", Ok(Command::Version));
        check(
            "import --id x --title=T a.md --language de b.md",
            Ok(Command::Import(ImportArgs {
                id: Some("x".into()),
                title: Some("T".into()),
                language: Some("de".into()),
                out: None,
                files: vec!["a.md".into(), "b.md".into()],
            })),
        );
        check(
            "bank m.json --out q.json",
            Ok(Command::Bank {
                manifest: "m.json".into(),
                out: Some("q.json".into()),
            }),
        );
        check(
            "bank -o q.json m.json",
            Ok(Command::Bank {
                manifest: "m.json".into(),
                out: Some("q.json".into()),
            }),
        );
    }

    #[test]
    fn export_takes_a_format_and_a_qti_package_an_out() {
        check(
            "export a.json",
            Err("quiz export: say the format, `--format gift` or `--format qti`"),
        );
        check(
            "export --format pdf a.json",
            Err("quiz export: there is no format \"pdf\"; say gift or qti"),
        );
        check(
            "export --format qtl a.json",
            Err("quiz export: there is no format \"qtl\"; did you mean qti?"),
        );
        check(
            "export --format qti a.json",
            Err("quiz export: say where the package goes, `--out PACKAGE.zip` (a QTI package is a zip)"),
        );
        check(
            "export --format qti a.json --out q.zip",
            Ok(Command::Export {
                format: ExportFormat::Qti,
                file: "a.json".to_owned(),
                out: Some("q.zip".to_owned()),
            }),
        );
        check(
            "export --format gift a.json -o out.gift",
            Ok(Command::Export {
                format: ExportFormat::Gift,
                file: "a.json".to_owned(),
                out: Some("out.gift".to_owned()),
            }),
        );
    }

    #[test]
    fn typos_and_missing_values_are_errors() {
        check(
            "import --titel T a.md",
            Err("quiz import: unknown option `--titel`; did you mean `--title`?"),
        );
        check(
            "import a.md --id",
            Err("quiz import: missing argument for option '--id'"),
        );
        check("import --id x", Err("quiz import: name at least one file to import"));
        check(
            "scorm q.json --scorm 2004 --mastery 80% -o q.zip",
            Ok(Command::Scorm(ScormArgs {
                file: "q.json".into(),
                version: crate::lms::scorm::Version::Scorm2004,
                mastery: Some(80),
                out: "q.zip".into(),
            })),
        );
        check(
            "scorm q.json --scorm 3 -o q.zip",
            Err("quiz scorm: there is no SCORM version \"3\"; say 1.2 or 2004"),
        );
        check(
            "scorm q.json --mastery 0 -o q.zip",
            Err("quiz scorm: --mastery takes a percentage from 1 to 100, not \"0\""),
        );
        check(
            "scorm q.json",
            Err("quiz scorm: say where the package goes, `--out PACKAGE.zip`"),
        );
        check(
            "cmi5 q.json --id https://school.example/quiz --mastery 75 --out c.zip",
            Ok(Command::Cmi5(Cmi5Args {
                file: "q.json".into(),
                mastery: Some(75),
                id: Some("https://school.example/quiz".into()),
                out: "c.zip".into(),
            })),
        );
        check(
            "cmi5 q.json --scorm 2004 -o c.zip",
            Err("quiz cmi5: unknown option `--scorm`"),
        );
        check("validate", Err("quiz validate: name at least one question file"));
        check(
            "validate --strict a.json",
            Err("quiz validate: unknown option `--strict`"),
        );
        check(
            "bank m.json --otu q.json",
            Err("quiz bank: unknown option `--otu`; did you mean `--out`?"),
        );
        check(
            "bank m.json other.json",
            Err("quiz bank: unexpected argument \"other.json\""),
        );
        check("bank", Err("quiz bank: name the bank manifest"));
        check("schema extra", Err("quiz schema: unexpected argument \"extra\""));
        check(
            "valdate a.json",
            Err("unknown subcommand `valdate`; did you mean `validate`?"),
        );
        check("", Err("no subcommand given"));
    }

    #[test]
    fn every_command_has_its_own_help() {
        for (name, _, _) in SUBCOMMANDS {
            for flag in ["--help", "-h"] {
                check(&format!("{name} {flag}"), Ok(Command::Help(Some(name))));
            }
            check(&format!("help {name}"), Ok(Command::Help(Some(name))));
            let usage = usage_of(name).unwrap();
            assert!(usage.starts_with(&format!("usage: quiz {name}")), "{usage}");
            assert!(usage.lines().count() <= 12, "{usage}");
        }
        // Wherever it stands, and before an error further on.
        check("import --title T -h a.md", Ok(Command::Help(Some("import"))));
        check("scorm q.json --help --mastery 0", Ok(Command::Help(Some("scorm"))));
        check("help valdate", Err("quiz help: there is no command `valdate`"));
    }

    #[test]
    fn an_error_points_to_its_commands_help() {
        let hint = |args: &str| parse(args.split_whitespace().map(OsString::from)).unwrap_err().hint();
        assert_eq!(hint("import --titel T a.md"), "`quiz import --help` shows its usage");
        assert_eq!(hint("scorm q.json"), "`quiz scorm --help` shows its usage");
        assert_eq!(hint("valdate a.json"), "`quiz --help` shows the usage");
        assert_eq!(hint(""), "`quiz --help` shows the usage");
    }

    #[test]
    fn a_dash_is_standard_input_and_output() {
        check(
            "import - --out -",
            Ok(Command::Import(ImportArgs {
                out: Some("-".into()),
                files: vec!["-".into()],
                ..ImportArgs::default()
            })),
        );
        check(
            "export --format gift - -o -",
            Ok(Command::Export {
                format: ExportFormat::Gift,
                file: "-".into(),
                out: Some("-".into()),
            }),
        );
        check(
            "validate - b.md",
            Ok(Command::Validate {
                files: vec!["-".into(), "b.md".into()],
            }),
        );
    }
}
