//! `quiz`: validate question files, print the JSON Schema, import Markdown banks.

use std::path::Path;
use std::process::ExitCode;

use quiz_cli::{bank, report};
use quiz_core::json::LineIndex;
use quiz_core::model::{KindName, Quiz};
use quiz_core::write::quiz_to_json;

const USAGE: &str = "\
usage:
  quiz validate FILE...                 check question files; exit 1 on errors
  quiz schema                           print the JSON Schema of the format
  quiz import [--id ID] [--title TITLE] [--language LANG] FILE.md...
                                        turn Markdown banks into a question file (stdout)
  quiz bank MANIFEST [--out FILE]       build a question file from a bank manifest
                                        (content/bank.json builds questions.json)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(args.get(1..).unwrap_or_default()),
        Some("schema") => {
            print!("{}", quiz_core::format::json_schema());
            Ok(true)
        }
        Some("import") => import(args.get(1..).unwrap_or_default()),
        Some("bank") if args.len() > 1 => build_bank(args.get(1..).unwrap_or_default()),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(true)
        }
        _ => Err(USAGE.to_owned()),
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
        let loaded = quiz_core::load(&source);
        let index = LineIndex::new(&source);
        for d in &loaded.diagnostics {
            eprint!("{}", report::render(file, &source, &index, d));
        }
        let (errors, warnings) = (loaded.errors().count(), loaded.warnings().count());
        match &loaded.quiz {
            Some(quiz) => println!(
                "{file}: ok, {} items ({}) in {}; {}",
                quiz.questions.len(),
                count_by_kind(quiz),
                plural(quiz.sections.len(), "section"),
                plural(warnings, "warning")
            ),
            None => {
                all_ok = false;
                println!("{file}: {}, {}", plural(errors, "error"), plural(warnings, "warning"));
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

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn import(args: &[String]) -> Result<bool, String> {
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg.starts_with("--") {
            rest.next();
        } else {
            files.push(arg.clone());
        }
    }
    if files.is_empty() {
        return Err(USAGE.to_owned());
    }
    let mut quiz = Quiz {
        id: String::new(),
        title: String::new(),
        description: None,
        language: flag(args, "--language"),
        sections: Vec::new(),
        questions: Vec::new(),
    };
    let mut ok = true;
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
        let stem = Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("section");
        let id = slug(stem);
        let (section, imported) = bank::import_section(&text, &id, "");
        for p in &imported.problems {
            eprintln!("{file}:{}: {}", p.line, p.message);
            ok = false;
        }
        eprintln!("{file}: {} items imported", imported.questions.len());
        quiz.sections.push(section);
        quiz.questions.extend(imported.questions);
    }
    quiz.title =
        flag(args, "--title").unwrap_or_else(|| quiz.sections.first().map(|s| s.title.clone()).unwrap_or_default());
    quiz.id = flag(args, "--id").unwrap_or_else(|| slug(&quiz.title));
    print!("{}", quiz_to_json(&quiz, None));
    Ok(ok)
}

/// A lowercase id made of letters, digits and `-`.
fn slug(text: &str) -> String {
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

fn build_bank(args: &[String]) -> Result<bool, String> {
    let manifest = args.first().ok_or(USAGE)?;
    let built = bank::build(Path::new(manifest))?;
    for p in &built.problems {
        eprintln!("{p}");
    }
    let json = quiz_to_json(&built.quiz, Some("./questions.schema.json"));
    match flag(args, "--out") {
        Some(out) => {
            std::fs::write(&out, &json).map_err(|e| format!("{out}: cannot write: {e}"))?;
            eprintln!(
                "{out}: {} items ({})",
                built.quiz.questions.len(),
                count_by_kind(&built.quiz)
            );
        }
        None => print!("{json}"),
    }
    Ok(built.problems.is_empty())
}
