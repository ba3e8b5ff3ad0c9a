//! The `quiz` command's arguments, parsed strictly with lexopt: an unknown
//! option, a missing value or a stray argument is an error with the usage,
//! never silently ignored.

use std::ffi::OsString;

use lexopt::prelude::*;
use quiz_format::validate::suggest;

pub const USAGE: &str = "\
usage:
  quiz validate FILE...                 check question files; exit 1 on errors
  quiz schema                           print the JSON Schema of the format
  quiz types                            print the format's TypeScript declarations
  quiz import [--id ID] [--title TITLE] [--language LANG] FILE...
                                        turn Markdown banks (.md), mdbook-quiz quizzes
                                        (.toml) and Moodle GIFT banks (.gift, .txt)
                                        into a question file (stdout)
  quiz export --format gift FILE [--out FILE]
                                        write a question file as a Moodle GIFT bank
  quiz scorm FILE [--scorm 1.2|2004] [--mastery PERCENT] --out PACKAGE.zip
                                        package a question file for an LMS: one SCO
                                        that reports score and status and keeps the
                                        learner's progress in the LMS (default 1.2)
  quiz cmi5 FILE [--mastery PERCENT] [--id IRI] --out COURSE.zip
                                        package a question file as a cmi5 course: one
                                        AU that sends xAPI statements to the LMS's LRS
  quiz bank MANIFEST [--out FILE]       build a question file from a bank manifest
                                        (content/bank.json builds questions.json)
  quiz help                             print this help
  quiz --version                        print the version";

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
    /// `quiz export --format gift`: the one format there is to export to.
    Export {
        file: String,
        out: Option<String>,
    },
    /// `quiz scorm`: a SCORM package of a question file.
    Scorm(ScormArgs),
    /// `quiz cmi5`: a cmi5 course of a question file.
    Cmi5(Cmi5Args),
    Help,
    Version,
}

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
    pub files: Vec<String>,
}

/// Parses the arguments after the program's name. The error is a sentence
/// that names the subcommand and the argument, for the usage to follow.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut parser = lexopt::Parser::from_args(args);
    let subcommand = match parser.next().map_err(|e| e.to_string())? {
        Some(Value(name)) => string(name)?,
        Some(Long("help") | Short('h')) => return Ok(Command::Help),
        Some(Long("version") | Short('V')) => return Ok(Command::Version),
        Some(other) => return Err(other.unexpected().to_string()),
        None => return Err("no subcommand given".to_owned()),
    };
    let command = match subcommand.as_str() {
        "validate" => validate(&mut parser),
        "schema" => no_arguments(&mut parser).map(|()| Command::Schema),
        "types" => no_arguments(&mut parser).map(|()| Command::Types),
        "import" => import(&mut parser),
        "bank" => bank(&mut parser),
        "export" => export(&mut parser),
        "scorm" => scorm(&mut parser),
        "cmi5" => cmi5(&mut parser),
        "help" => no_arguments(&mut parser).map(|()| Command::Help),
        other => {
            let mut message = format!("unknown subcommand `{other}`");
            if let Some(near) = suggest(
                other,
                [
                    "validate", "schema", "types", "import", "bank", "export", "scorm", "help",
                ],
            ) {
                message.push_str(&format!("; did you mean `{near}`?"));
            }
            return Err(message);
        }
    };
    command.map_err(|e| format!("quiz {subcommand}: {e}"))
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

fn no_arguments(parser: &mut lexopt::Parser) -> Result<(), String> {
    match parser.next().map_err(|e| e.to_string())? {
        None => Ok(()),
        Some(arg) => Err(unexpected(arg, &[])),
    }
}

fn validate(parser: &mut lexopt::Parser) -> Result<Command, String> {
    let mut files = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Value(file) => files.push(string(file)?),
            other => return Err(unexpected(other, &[])),
        }
    }
    if files.is_empty() {
        return Err("name at least one question file".to_owned());
    }
    Ok(Command::Validate { files })
}

fn import(parser: &mut lexopt::Parser) -> Result<Command, String> {
    let mut args = ImportArgs::default();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        let slot = match arg {
            Long("id") => &mut args.id,
            Long("title") => &mut args.title,
            Long("language") => &mut args.language,
            Value(file) => {
                args.files.push(string(file)?);
                continue;
            }
            other => return Err(unexpected(other, &["id", "title", "language"])),
        };
        *slot = Some(string(parser.value().map_err(|e| e.to_string())?)?);
    }
    if args.files.is_empty() {
        return Err("name at least one file to import".to_owned());
    }
    Ok(Command::Import(args))
}

fn bank(parser: &mut lexopt::Parser) -> Result<Command, String> {
    let (mut manifest, mut out) = (None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("out") | Short('o') => out = Some(string(parser.value().map_err(|e| e.to_string())?)?),
            Value(file) if manifest.is_none() => manifest = Some(string(file)?),
            other => return Err(unexpected(other, &["out"])),
        }
    }
    let manifest = manifest.ok_or("name the bank manifest")?;
    Ok(Command::Bank { manifest, out })
}

fn export(parser: &mut lexopt::Parser) -> Result<Command, String> {
    let (mut file, mut out, mut format) = (None, None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("out") | Short('o') => out = Some(string(parser.value().map_err(|e| e.to_string())?)?),
            Long("format") => format = Some(string(parser.value().map_err(|e| e.to_string())?)?),
            Value(name) if file.is_none() => file = Some(string(name)?),
            other => return Err(unexpected(other, &["format", "out"])),
        }
    }
    match format.as_deref() {
        Some("gift") => {}
        Some(other) => return Err(format!("there is no format \"{other}\"; the one there is: gift")),
        None => return Err("say the format, `--format gift`".to_owned()),
    }
    let file = file.ok_or("name the question file to export")?;
    Ok(Command::Export { file, out })
}

/// A package's question file and its options: `--out` (or `-o`) and
/// `names`, each with a value, at most one file.
struct PackageArgs {
    file: String,
    out: String,
    /// The values of `names`, in their order.
    values: Vec<Option<String>>,
}

fn package_args(parser: &mut lexopt::Parser, names: &[&str], out_example: &str) -> Result<PackageArgs, String> {
    let (mut file, mut out, mut values) = (None, None, vec![None; names.len()]);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        let slot = match arg {
            Long("out") | Short('o') => &mut out,
            Long(name) => match names.iter().zip(values.iter_mut()).find(|(n, _)| **n == name) {
                Some((_, slot)) => slot,
                None => return Err(unexpected(Long(name), &[names, &["out"]].concat())),
            },
            Value(name) if file.is_none() => {
                file = Some(string(name)?);
                continue;
            }
            other => return Err(unexpected(other, &[names, &["out"]].concat())),
        };
        *slot = Some(string(parser.value().map_err(|e| e.to_string())?)?);
    }
    Ok(PackageArgs {
        file: file.ok_or("name the question file to package")?,
        out: out.ok_or_else(|| format!("say where the package goes, `--out {out_example}`"))?,
        values,
    })
}

fn scorm(parser: &mut lexopt::Parser) -> Result<Command, String> {
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

fn cmi5(parser: &mut lexopt::Parser) -> Result<Command, String> {
    let PackageArgs { file, out, values } = package_args(parser, &["mastery", "id"], "COURSE.zip")?;
    let [mastery, id] = [0, 1].map(|i| values.get(i).cloned().flatten());
    let mastery = mastery.as_deref().map(percent).transpose()?;
    Ok(Command::Cmi5(Cmi5Args { file, mastery, id, out }))
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
        let parsed = parse(args.split_whitespace().map(OsString::from));
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
        check("--help", Ok(Command::Help));
        check("help", Ok(Command::Help));
        check("--version", Ok(Command::Version));
        check("-V", Ok(Command::Version));
        check(
            "import --id x --title=T a.md --language de b.md",
            Ok(Command::Import(ImportArgs {
                id: Some("x".into()),
                title: Some("T".into()),
                language: Some("de".into()),
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
        check("export a.json", Err("quiz export: say the format, `--format gift`"));
        check(
            "export --format qti a.json",
            Err("quiz export: there is no format \"qti\"; the one there is: gift"),
        );
        check(
            "export --format gift a.json -o out.gift",
            Ok(Command::Export {
                file: "a.json".to_owned(),
                out: Some("out.gift".to_owned()),
            }),
        );
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
}
