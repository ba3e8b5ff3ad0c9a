//! Packages for learning management systems: `quiz scorm` (a SCORM 1.2 or
//! 2004 package, [`scorm`]) and `quiz cmi5` (a cmi5 course, [`cmi5`]). Both
//! are a zip of a launch page with the quiz inline, the widget's files and
//! the package's own description of itself.

pub mod cmi5;
pub mod scorm;

use std::io::Write as _;

use quiz_format::model::ValidQuiz;
use zip::write::SimpleFileOptions;

/// A zip of `files`, by name, deflated.
pub fn zip_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for (name, bytes) in files {
        let failed = |e: &dyn std::fmt::Display| format!("cannot add {name} to the package: {e}");
        zip.start_file(name, deflated).map_err(|e| failed(&e))?;
        zip.write_all(bytes).map_err(|e| failed(&e))?;
    }
    let cursor = zip.finish().map_err(|e| format!("cannot finish the package: {e}"))?;
    Ok(cursor.into_inner())
}

/// What a launch page is made of besides the quiz.
pub struct Launch<'a> {
    /// The script that starts the page, beside it in the package.
    pub script: &'a str,
    /// Attributes of the `<html>` element besides `lang` and `dir`.
    pub html_attributes: &'a str,
    /// Attributes of the `<quiz-widget>` element besides the heading level and the pass mark.
    pub widget_attributes: &'a str,
    /// The pass mark in percent.
    pub pass_mark: Option<u8>,
}

/// `index.html`: the quiz inline (every `<` as `\u003c`, so no text of it
/// can close the script element), in the quiz's language and direction.
pub fn launch_page(quiz: &ValidQuiz, json: &str, launch: &Launch) -> String {
    let lang = quiz.language.as_deref().unwrap_or("en");
    let pass_mark = launch
        .pass_mark
        .map(|m| format!(" pass-mark=\"{m}\""))
        .unwrap_or_default();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\"{html}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{title}</title>\n<style>{LAUNCH_CSS}</style>\n<script type=\"module\" src=\"{script}\"></script>\n</head>\n<body>\n\
         <quiz-widget heading-level=\"1\"{pass_mark}{widget}>\n<script type=\"application/json\">\n{json}\n</script>\n</quiz-widget>\n\
         </body>\n</html>\n",
        lang = xml_escape(lang),
        dir = quiz_format::model::direction(lang),
        html = launch.html_attributes,
        title = xml_escape(&quiz.title),
        script = launch.script,
        widget = launch.widget_attributes,
        json = json.trim_end().replace('<', "\\u003c"),
    )
}

const LAUNCH_CSS: &str = "body{margin:0 auto;max-width:50rem;padding:1rem;font-family:system-ui,sans-serif;\
background:Canvas;color:CanvasText}.scorm-status{margin:1rem 0;font-size:.9rem}.scorm-status:empty{display:none}";

/// Text for an XML or HTML attribute or element.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
