//! `quiz cmi5`: a cmi5 course of one assignable unit, the quiz.
//!
//! The zip holds `cmi5.xml` (the course structure an LMS imports), the
//! launch page `index.html` and the widget's files with the xAPI module,
//! which the loader starts when the LMS launches the page the cmi5 way. The
//! LMS judges the AU by its `moveOn` (completed, and passed when there is a
//! mastery score) from the statements the AU sends (`js/quiz-xapi.js`).

use std::io;

use quick_xml::events::BytesText;
use quiz_format::model::ValidQuiz;
use quiz_format::validate::{forbidden_in_xml, name_forbidden};

use super::{launch_page, xml_document, zip_files, Launch, Xml};

/// What a course is made of besides the quiz.
pub struct Options<'a> {
    /// The course's IRI; the AU's is this with `/quiz` (`:quiz` for a URN). Default
    /// `urn:quiz-widget:<quiz id>`: give one of your own site to be sure
    /// that no other course has it.
    pub id: Option<&'a str>,
    /// The pass mark in percent, 1 to 100: the AU's mastery score.
    pub mastery: Option<u8>,
    /// The widget's files and the xAPI module, by name (see [`crate::assets`]).
    pub files: &'a [(&'a str, &'a [u8])],
}

/// The course as zip bytes. `json` is the quiz's file as it is to be served.
pub fn package(quiz: &ValidQuiz, json: &str, options: &Options) -> Result<Vec<u8>, String> {
    let launch = Launch {
        script: "quiz-widget.js",
        html_attributes: "",
        widget_attributes: &[],
        pass_mark: options.mastery,
    };
    let page = launch_page(quiz, json, &launch)?;
    let structure = course_structure(quiz, options)?;
    let entries = [("cmi5.xml", structure.as_bytes()), ("index.html", page.as_bytes())];
    zip_files(entries.into_iter().chain(options.files.iter().copied()))
}

/// `cmi5.xml`: the course and its one AU, launched in any window, moving
/// on when completed (and passed, with a mastery score). An IRI with a
/// character XML cannot hold is an error.
pub fn course_structure(quiz: &ValidQuiz, options: &Options) -> Result<String, String> {
    if let Some((_, c)) = options.id.and_then(forbidden_in_xml) {
        return Err(format!(
            "the course IRI (`--id`) holds {}, which cmi5.xml cannot: give the IRI without it",
            name_forbidden(c)
        ));
    }
    let course = options
        .id
        .map_or_else(|| format!("urn:quiz-widget:{}", quiz.id), str::to_owned);
    let au = format!("{course}{}quiz", if course.starts_with("urn:") { ':' } else { '/' });
    let texts = Texts {
        lang: quiz.language.as_deref().unwrap_or("en"),
        title: &quiz.title,
        description: quiz.description.as_deref().unwrap_or(&quiz.title),
    };
    let mastery = options.mastery.map(|m| (f64::from(m) / 100.0).to_string());
    let move_on = if mastery.is_some() {
        "CompletedAndPassed"
    } else {
        "Completed"
    };
    xml_document("cmi5.xml", |w| {
        w.create_element("courseStructure")
            .with_attribute(("xmlns", "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"))
            .write_inner_content(|w| {
                w.create_element("course")
                    .with_attribute(("id", course.as_str()))
                    .write_inner_content(|w| texts.write(w))?;
                let au_element = w
                    .create_element("au")
                    .with_attribute(("id", au.as_str()))
                    .with_attribute(("moveOn", move_on));
                let au_element = match &mastery {
                    Some(m) => au_element.with_attribute(("masteryScore", m.as_str())),
                    None => au_element,
                };
                au_element
                    .with_attribute(("launchMethod", "AnyWindow"))
                    .write_inner_content(|w| {
                        texts.write(w)?;
                        w.create_element("url")
                            .write_text_content(BytesText::new("index.html"))?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

/// The title and description of the course and of the AU, in the quiz's language.
struct Texts<'a> {
    lang: &'a str,
    title: &'a str,
    description: &'a str,
}

impl Texts<'_> {
    fn write(&self, w: &mut Xml) -> io::Result<()> {
        for (name, text) in [("title", self.title), ("description", self.description)] {
            w.create_element(name).write_inner_content(|w| {
                w.create_element("langstring")
                    .with_attribute(("lang", self.lang))
                    .write_text_content(BytesText::new(text))?;
                Ok(())
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;
    use crate::lms::scorm::tests::quiz;

    #[track_caller]
    fn check(id: Option<&str>, mastery: Option<u8>, expected: Expect) {
        let options = Options {
            id,
            mastery,
            files: &[],
        };
        let written = course_structure(&quiz("Fish & <chips> \"quoted\" 'too'"), &options).unwrap();
        expected.assert_eq(&written);
    }

    #[test]
    fn course_structures() {
        check(
            None,
            Some(80),
            expect![[r#"
                <?xml version="1.0" encoding="UTF-8"?>
                <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
                  <course id="urn:quiz-widget:q">
                    <title>
                      <langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring>
                    </title>
                    <description>
                      <langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring>
                    </description>
                  </course>
                  <au id="urn:quiz-widget:q:quiz" moveOn="CompletedAndPassed" masteryScore="0.8" launchMethod="AnyWindow">
                    <title>
                      <langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring>
                    </title>
                    <description>
                      <langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring>
                    </description>
                    <url>index.html</url>
                  </au>
                </courseStructure>
            "#]],
        );
        check(
            Some("https://school.example/fish?a=1&b=2"),
            None,
            expect![[r#"
                <?xml version="1.0" encoding="UTF-8"?>
                <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
                  <course id="https://school.example/fish?a=1&amp;b=2">
                    <title>
                      <langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring>
                    </title>
                    <description>
                      <langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring>
                    </description>
                  </course>
                  <au id="https://school.example/fish?a=1&amp;b=2/quiz" moveOn="Completed" launchMethod="AnyWindow">
                    <title>
                      <langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring>
                    </title>
                    <description>
                      <langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring>
                    </description>
                    <url>index.html</url>
                  </au>
                </courseStructure>
            "#]],
        );
    }
}
