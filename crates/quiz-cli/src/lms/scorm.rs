//! `quiz scorm`: a SCORM package with one SCO, the quiz.
//!
//! The package holds `imsmanifest.xml`, the launch page `index.html` (the
//! quiz inline in a `<quiz-widget data-scorm-launch>`), the widget's
//! course-page files and the SCORM bridge `quiz-scorm.js`, which talks to
//! the LMS (see its header). The manifest follows the version asked for:
//! SCORM 1.2 (the one every LMS takes) or SCORM 2004 4th edition. A pass
//! mark (`--mastery`, else the quiz's `pass_mark`) goes into the manifest as
//! the LMS expects it and into the launch page, so that the quiz judges the
//! same way where the LMS does not pass it on.

use quiz_format::model::ValidQuiz;

use super::{launch_page, xml_escape, zip_files, Launch};

/// The SCORM version of a package.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Version {
    #[default]
    Scorm12,
    Scorm2004,
}

impl Version {
    pub fn from_name(name: &str) -> Option<Version> {
        match name {
            "1.2" => Some(Version::Scorm12),
            "2004" => Some(Version::Scorm2004),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Version::Scorm12 => "1.2",
            Version::Scorm2004 => "2004",
        }
    }
}

/// What a package is made of besides the quiz.
pub struct Options<'a> {
    pub version: Version,
    /// The pass mark in percent, 1 to 100.
    pub mastery: Option<u8>,
    /// The widget's files and the bridge, by name (see [`crate::assets`]).
    pub files: &'a [(&'a str, &'a [u8])],
}

/// The package as zip bytes. `json` is the quiz's file as it is to be served.
pub fn package(quiz: &ValidQuiz, json: &str, options: &Options) -> Result<Vec<u8>, String> {
    let launch = Launch {
        script: "quiz-scorm.js",
        html_attributes: &format!(" data-scorm=\"{}\"", options.version.as_str()),
        widget_attributes: " data-scorm-launch",
        pass_mark: options.mastery,
    };
    let page = launch_page(quiz, json, &launch);
    let names: Vec<&str> = options.files.iter().map(|(name, _)| *name).collect();
    let manifest = manifest(quiz, options, &names);
    let entries = [
        ("imsmanifest.xml", manifest.as_bytes()),
        ("index.html", page.as_bytes()),
    ];
    zip_files(entries.into_iter().chain(options.files.iter().copied()))
}

/// `imsmanifest.xml`: one organization, one item, one SCO resource listing every file.
pub fn manifest(quiz: &ValidQuiz, options: &Options, files: &[&str]) -> String {
    let id = format!("quiz-widget-{}", quiz.id);
    let title = xml_escape(&quiz.title);
    let file_list: String = ["index.html"]
        .iter()
        .chain(files)
        .map(|f| format!("      <file href=\"{}\"/>\n", xml_escape(f)))
        .collect();
    let (head, schemaversion, scorm_type, mastery) = match options.version {
        Version::Scorm12 => (
            MANIFEST_12,
            "1.2",
            "adlcp:scormtype",
            options
                .mastery
                .map(|m| format!("        <adlcp:masteryscore>{m}</adlcp:masteryscore>\n")),
        ),
        Version::Scorm2004 => (
            MANIFEST_2004,
            "2004 4th Edition",
            "adlcp:scormType",
            options.mastery.map(sequencing_2004),
        ),
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest identifier=\"{id}\" version=\"1\"\n{head}>\n  \
         <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>{schemaversion}</schemaversion>\n  </metadata>\n  \
         <organizations default=\"{id}-org\">\n    <organization identifier=\"{id}-org\">\n      <title>{title}</title>\n      \
         <item identifier=\"{id}-item\" identifierref=\"{id}-sco\" isvisible=\"true\">\n        <title>{title}</title>\n{}      \
         </item>\n    </organization>\n  </organizations>\n  <resources>\n    \
         <resource identifier=\"{id}-sco\" type=\"webcontent\" {scorm_type}=\"sco\" href=\"index.html\">\n{file_list}    \
         </resource>\n  </resources>\n</manifest>\n",
        mastery.unwrap_or_default()
    )
}

const MANIFEST_12: &str = "  xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"
  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"
  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"
  xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\"";

const MANIFEST_2004: &str = "  xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"
  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"
  xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"
  xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\"
  xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"
  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"
  xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd\"";

/// SCORM 2004's mastery: the primary objective is satisfied by the scaled score.
fn sequencing_2004(mastery: u8) -> String {
    format!(
        "        <imsss:sequencing>\n          <imsss:objectives>\n            \
         <imsss:primaryObjective objectiveID=\"passed\" satisfiedByMeasure=\"true\">\n              \
         <imsss:minNormalizedMeasure>{}</imsss:minNormalizedMeasure>\n            </imsss:primaryObjective>\n          \
         </imsss:objectives>\n        </imsss:sequencing>\n",
        f64::from(mastery) / 100.0
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use expect_test::{expect, Expect};

    use super::*;

    pub(crate) fn quiz(title: &str) -> ValidQuiz {
        let source = format!(
            r#"{{"id": "q", "title": {}, "language": "de", "questions": [{{"id": "a", "type": "flashcard", "prompt": "p", "back": "b"}}]}}"#,
            quiz_format::json::quote(title)
        );
        quiz_format::load(&source).quiz.expect("a valid quiz")
    }

    #[track_caller]
    fn check(version: Version, mastery: Option<u8>, expected: Expect) {
        let options = Options {
            version,
            mastery,
            files: &[],
        };
        let written = manifest(&quiz("Fish & <chips> \"quoted\" 'too'"), &options, &["quiz-widget.js"]);
        expected.assert_eq(&written);
    }

    #[test]
    fn manifests_of_both_versions() {
        check(
            Version::Scorm12,
            Some(80),
            expect![[r#"
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="quiz-widget-q" version="1"
              xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
              xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
              <metadata>
                <schema>ADL SCORM</schema>
                <schemaversion>1.2</schemaversion>
              </metadata>
              <organizations default="quiz-widget-q-org">
                <organization identifier="quiz-widget-q-org">
                  <title>Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</title>
                  <item identifier="quiz-widget-q-item" identifierref="quiz-widget-q-sco" isvisible="true">
                    <title>Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</title>
                    <adlcp:masteryscore>80</adlcp:masteryscore>
                  </item>
                </organization>
              </organizations>
              <resources>
                <resource identifier="quiz-widget-q-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
                  <file href="index.html"/>
                  <file href="quiz-widget.js"/>
                </resource>
              </resources>
            </manifest>
        "#]],
        );
        check(
            Version::Scorm2004,
            Some(75),
            expect![[r#"
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="quiz-widget-q" version="1"
              xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
              xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
              xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
              xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
              xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
              <metadata>
                <schema>ADL SCORM</schema>
                <schemaversion>2004 4th Edition</schemaversion>
              </metadata>
              <organizations default="quiz-widget-q-org">
                <organization identifier="quiz-widget-q-org">
                  <title>Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</title>
                  <item identifier="quiz-widget-q-item" identifierref="quiz-widget-q-sco" isvisible="true">
                    <title>Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</title>
                    <imsss:sequencing>
                      <imsss:objectives>
                        <imsss:primaryObjective objectiveID="passed" satisfiedByMeasure="true">
                          <imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>
                        </imsss:primaryObjective>
                      </imsss:objectives>
                    </imsss:sequencing>
                  </item>
                </organization>
              </organizations>
              <resources>
                <resource identifier="quiz-widget-q-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
                  <file href="index.html"/>
                  <file href="quiz-widget.js"/>
                </resource>
              </resources>
            </manifest>
        "#]],
        );
        check(
            Version::Scorm2004,
            None,
            expect![[r#"
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="quiz-widget-q" version="1"
              xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
              xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
              xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
              xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
              xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
              <metadata>
                <schema>ADL SCORM</schema>
                <schemaversion>2004 4th Edition</schemaversion>
              </metadata>
              <organizations default="quiz-widget-q-org">
                <organization identifier="quiz-widget-q-org">
                  <title>Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</title>
                  <item identifier="quiz-widget-q-item" identifierref="quiz-widget-q-sco" isvisible="true">
                    <title>Fish &amp; &lt;chips&gt; &quot;quoted&quot; &apos;too&apos;</title>
                  </item>
                </organization>
              </organizations>
              <resources>
                <resource identifier="quiz-widget-q-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
                  <file href="index.html"/>
                  <file href="quiz-widget.js"/>
                </resource>
              </resources>
            </manifest>
        "#]],
        );
    }
}
