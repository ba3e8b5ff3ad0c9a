//! `quiz cmi5`: a cmi5 course of one assignable unit, the quiz.
//!
//! The zip holds `cmi5.xml` (the course structure an LMS imports), the
//! launch page `index.html` and the widget's files with the xAPI module,
//! which the loader starts when the LMS launches the page the cmi5 way. The
//! LMS judges the AU by its `moveOn` (completed, and passed when there is a
//! mastery score) from the statements the AU sends (`js/quiz-xapi.js`).

use quiz_format::model::ValidQuiz;

use super::{launch_page, xml_escape, zip_files, Launch};

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
        widget_attributes: "",
        pass_mark: options.mastery,
    };
    let page = launch_page(quiz, json, &launch);
    let structure = course_structure(quiz, options);
    let entries = [("cmi5.xml", structure.as_bytes()), ("index.html", page.as_bytes())];
    zip_files(entries.into_iter().chain(options.files.iter().copied()))
}

/// `cmi5.xml`: the course and its one AU, launched in any window, moving
/// on when completed (and passed, with a mastery score).
pub fn course_structure(quiz: &ValidQuiz, options: &Options) -> String {
    let course = options
        .id
        .map_or_else(|| format!("urn:quiz-widget:{}", quiz.id), str::to_owned);
    let lang = xml_escape(quiz.language.as_deref().unwrap_or("en"));
    let text = |value: &str| format!("<langstring lang=\"{lang}\">{}</langstring>", xml_escape(value));
    let title = text(&quiz.title);
    let description = text(quiz.description.as_deref().unwrap_or(&quiz.title));
    let (move_on, mastery) = match options.mastery {
        Some(m) => (
            "CompletedAndPassed",
            format!(" masteryScore=\"{}\"", f64::from(m) / 100.0),
        ),
        None => ("Completed", String::new()),
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">\n  \
         <course id=\"{course}\">\n    <title>{title}</title>\n    <description>{description}</description>\n  </course>\n  \
         <au id=\"{au}\" moveOn=\"{move_on}\"{mastery} launchMethod=\"AnyWindow\">\n    \
         <title>{title}</title>\n    <description>{description}</description>\n    <url>index.html</url>\n  </au>\n\
         </courseStructure>\n",
        au = xml_escape(&format!("{course}{}quiz", if course.starts_with("urn:") { ':' } else { '/' })),
        course = xml_escape(&course),
    )
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
        let written = course_structure(&quiz("Fish & <chips> \"quoted\" 'too'"), &options);
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
                <title><langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring></title>
                <description><langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring></description>
              </course>
              <au id="urn:quiz-widget:q:quiz" moveOn="CompletedAndPassed" masteryScore="0.8" launchMethod="AnyWindow">
                <title><langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring></title>
                <description><langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring></description>
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
                <title><langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring></title>
                <description><langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring></description>
              </course>
              <au id="https://school.example/fish?a=1&amp;b=2/quiz" moveOn="Completed" launchMethod="AnyWindow">
                <title><langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring></title>
                <description><langstring lang="de">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</langstring></description>
                <url>index.html</url>
              </au>
            </courseStructure>
        "#]],
        );
    }
}
