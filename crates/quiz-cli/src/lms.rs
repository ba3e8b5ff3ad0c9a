//! Packages for learning management systems: `quiz scorm` (a SCORM 1.2 or
//! 2004 package, [`scorm`]) and `quiz cmi5` (a cmi5 course, [`cmi5`]). Both
//! are a zip of a launch page with the quiz inline and its first screen
//! pre-rendered, the widget's files and the package's own description of
//! itself.

pub mod cmi5;
pub mod scorm;

use std::io::Write as _;

use quiz_format::model::ValidQuiz;
use quiz_format::validate::forbidden_in_xml;
use quiz_widget::prerender::{snippet, Questions};
use zip::write::SimpleFileOptions;

/// The one XML writer, shared with the QTI export (quiz-author).
pub use quiz_author::xml::{xml_document, Xml};

/// A zip of `files`, by name, deflated, each dated 1980-01-01 (zip's
/// earliest date, set here rather than left to zip's default, which is the
/// time of writing when its `time` feature is on), so that the same input
/// makes the same bytes.
pub fn zip_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644)
        .last_modified_time(zip::DateTime::default());
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
    /// Attributes of the `<quiz-widget>` element besides the heading level
    /// and the pass mark, each a name and a value (`None` for a bare one).
    pub widget_attributes: &'a [(&'a str, Option<&'a str>)],
    /// The pass mark in percent.
    pub pass_mark: Option<u8>,
}

/// `index.html`, in the quiz's language and direction: the quiz inline
/// (every `<` as `\u003c`, so no text of it can close the script element)
/// in a `<quiz-widget>` whose first screen is pre-rendered
/// ([`quiz_widget::prerender::snippet`]), so that the learner reads the
/// first question while the widget loads, and without scripts.
pub fn launch_page(quiz: &ValidQuiz, json: &str, launch: &Launch) -> Result<String, String> {
    let lang = quiz.language.as_deref().unwrap_or("en");
    let mut attributes = vec![("heading-level".to_owned(), Some("1".to_owned()))];
    if let Some(mark) = launch.pass_mark {
        attributes.push(("pass-mark".to_owned(), Some(mark.to_string())));
    }
    for (name, value) in launch.widget_attributes {
        attributes.push(((*name).to_owned(), value.map(str::to_owned)));
    }
    let widget = snippet(quiz.clone(), Questions::Inline(json), &attributes)
        .map_err(|e| format!("cannot pre-render the launch page's first screen: {e}"))?;
    Ok(format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\"{html}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{title}</title>\n<style>{LAUNCH_CSS}</style>\n<script type=\"module\" src=\"{script}\"></script>\n</head>\n<body>\n\
         {widget}\n</body>\n</html>\n",
        lang = html_escape(lang),
        dir = quiz_format::model::direction(lang),
        html = launch.html_attributes,
        title = html_escape(&quiz.title),
        script = launch.script,
    ))
}

const LAUNCH_CSS: &str = "body{margin:0 auto;max-width:50rem;padding:1rem;font-family:system-ui,sans-serif;\
background:Canvas;color:CanvasText}.scorm-status{margin:1rem 0;font-size:.9rem}.scorm-status:empty{display:none}";

/// Text for an HTML attribute or element (the launch page is HTML; the
/// XML files are written by [`xml_document`]). A character XML refuses
/// (the validator refuses it in a quiz before it gets here) becomes U+FFFD,
/// as a browser shows an unreadable character, not a control code in the title.
pub fn html_escape(text: &str) -> String {
    let readable: String = text
        .chars()
        .map(|c| match forbidden_in_xml(c.encode_utf8(&mut [0; 4])) {
            Some(_) => '\u{FFFD}',
            None => c,
        })
        .collect();
    quiz_author::qti::html::escape(&readable)
}

/// Every XML file read back by an independent parser (roxmltree) gives
/// back exactly the text that went in, whatever Unicode the validator lets
/// through; the launch page holds the pre-rendered element and no
/// character XML cannot hold.
#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use quiz_format::json::quote;

    use super::*;

    /// A quiz with these texts, if the validator takes them.
    fn quiz(id: &str, title: &str, description: &str, language: &str) -> Option<ValidQuiz> {
        let source = format!(
            r#"{{"id": {}, "title": {}, "description": {}, "language": {}, "questions": [{{"id": "a", "type": "flashcard", "prompt": "p", "back": "b"}}]}}"#,
            quote(id),
            quote(title),
            quote(description),
            quote(language)
        );
        quiz_format::load(&source).quiz
    }

    /// Any Unicode text, with what XML treats specially often in it:
    /// markup, quotes, white space it normalizes, `]]>`, and now and then
    /// a character it cannot hold at all (the validator refuses those in a
    /// quiz; an option may still bring one).
    fn text() -> impl Strategy<Value = String> {
        let special = proptest::sample::select(vec![
            '\t', '\n', '\r', ' ', '&', '<', '>', '"', '\'', ']', '\u{85}', '\u{2028}', '\u{FFFD}',
        ]);
        let forbidden = proptest::sample::select(vec!['\u{b}', '\0', '\u{FFFF}']);
        proptest::collection::vec(prop_oneof![10 => any::<char>(), 10 => special, 1 => forbidden], 0..12)
            .prop_map(|chars| chars.into_iter().collect())
    }

    fn texts<'a>(doc: &'a roxmltree::Document, tag: &str) -> Vec<&'a str> {
        doc.descendants()
            .filter(|n| n.tag_name().name() == tag)
            .map(|n| n.text().unwrap_or(""))
            .collect()
    }

    fn attributes<'a>(doc: &'a roxmltree::Document, tag: &str, name: &str) -> Vec<&'a str> {
        doc.descendants()
            .filter(|n| n.tag_name().name() == tag)
            .filter_map(|n| n.attribute(name))
            .collect()
    }

    fn scorm_launch(pass_mark: Option<u8>) -> Launch<'static> {
        Launch {
            script: "quiz-scorm.js",
            html_attributes: " data-scorm=\"1.2\"",
            widget_attributes: &[("data-scorm-launch", None)],
            pass_mark,
        }
    }

    #[test]
    fn the_launch_page_holds_the_first_screen_pre_rendered_with_the_elements_attributes() {
        let quiz = quiz("q", "Tasks & <Futures>", "d", "de").unwrap();
        let json = quiz_format::write::quiz_to_json(&quiz, None);
        let page = launch_page(&quiz, &json, &scorm_launch(Some(60))).unwrap();
        assert!(
            page.contains("<html lang=\"de\" dir=\"ltr\" data-scorm=\"1.2\">"),
            "{page}"
        );
        assert!(page.contains("<title>Tasks &amp; &lt;Futures&gt;</title>"), "{page}");
        let widget = page.split_once("<body>\n").unwrap().1;
        assert!(
            widget.starts_with("<quiz-widget heading-level=\"1\" pass-mark=\"60\" data-scorm-launch>\n<template shadowrootmode=\"open\"><style>"),
            "{widget}"
        );
        assert!(
            widget.ends_with("</script></quiz-widget>\n</body>\n</html>\n"),
            "{widget}"
        );
        // The first screen, in the quiz's language, its title the page's heading.
        assert!(page.contains("data-prerendered=\""), "{page}");
        assert!(page.contains(">Tasks &amp; &lt;Futures&gt;</h1>"), "{page}");
        assert!(page.contains(">Antwort zeigen<"), "{page}");
        // The questions inline, as the bridge and the widget read them.
        let inline = page.split("<script type=\"application/json\">").nth(1).unwrap();
        let inline = inline.split("</script>").next().unwrap();
        assert!(
            inline.starts_with("{\"id\":\"q\",\"title\":\"Tasks & \\u003cFutures>\""),
            "{inline}"
        );
        // cmi5's page: no bridge attribute, and no pass mark without one.
        let cmi5 = Launch {
            script: "quiz-widget.js",
            html_attributes: "",
            widget_attributes: &[],
            pass_mark: None,
        };
        let page = launch_page(&quiz, &json, &cmi5).unwrap();
        assert!(
            page.contains("<body>\n<quiz-widget heading-level=\"1\">\n<template"),
            "{page}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn launch_pages_hold_no_character_xml_cannot(
            title in text(),
            description in text(),
            language in text(),
        ) {
            let Some(quiz) = quiz("q", &title, &description, &language) else {
                return Err(TestCaseError::reject("the validator refuses these texts"));
            };
            let json = quiz_format::write::quiz_to_json(&quiz, None);
            let page = launch_page(&quiz, &json, &scorm_launch(Some(50))).unwrap();
            prop_assert_eq!(forbidden_in_xml(&page), None);
            let title = format!("<title>{}</title>", html_escape(&title));
            prop_assert!(page.contains(&title));
        }

        #[test]
        fn manifests_read_back_as_written(
            id in "[a-z0-9][a-z0-9-]{0,12}",
            title in text(),
            description in text(),
            language in text(),
            files in proptest::collection::vec(text(), 0..3),
            mastery in proptest::option::of(1u8..=100),
        ) {
            let Some(quiz) = quiz(&id, &title, &description, &language) else {
                return Err(TestCaseError::reject("the validator refuses these texts"));
            };
            let names: Vec<&str> = files.iter().map(String::as_str).collect();
            for version in [scorm::Version::Scorm12, scorm::Version::Scorm2004] {
                let options = scorm::Options { version, mastery, files: &[] };
                let written = scorm::manifest(&quiz, &options, &names);
                if names.iter().any(|n| forbidden_in_xml(n).is_some()) {
                    prop_assert!(written.is_err());
                    continue;
                }
                let written = written.unwrap();
                let doc = roxmltree::Document::parse(&written).unwrap();
                prop_assert_eq!(texts(&doc, "title"), vec![title.as_str(); 2]);
                let mut hrefs = vec!["index.html"];
                hrefs.extend(&names);
                prop_assert_eq!(attributes(&doc, "file", "href"), hrefs);
                let expected_id = format!("quiz-widget-{id}");
                prop_assert_eq!(doc.root_element().attribute("identifier"), Some(expected_id.as_str()));
            }
        }

        #[test]
        fn course_structures_read_back_as_written(
            title in text(),
            description in text(),
            language in text(),
            iri in text(),
        ) {
            let Some(quiz) = quiz("q", &title, &description, &language) else {
                return Err(TestCaseError::reject("the validator refuses these texts"));
            };
            let options = cmi5::Options { id: Some(&iri), mastery: Some(50), files: &[] };
            let written = cmi5::course_structure(&quiz, &options);
            if forbidden_in_xml(&iri).is_some() {
                prop_assert!(written.unwrap_err().contains("`--id`"));
                return Ok(());
            }
            let written = written.unwrap();
            let doc = roxmltree::Document::parse(&written).unwrap();
            let both = [title.as_str(), description.as_str()];
            prop_assert_eq!(texts(&doc, "langstring"), [both, both].concat());
            prop_assert_eq!(attributes(&doc, "langstring", "lang"), vec![language.as_str(); 4]);
            prop_assert_eq!(attributes(&doc, "course", "id"), vec![iri.as_str()]);
        }
    }
}
