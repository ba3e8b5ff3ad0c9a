//! `quiz scorm`: a SCORM package with one SCO, the quiz.
//!
//! The package holds `imsmanifest.xml`, the launch page `index.html` (the
//! quiz inline in a `<quiz-widget data-scorm-launch>`, its first screen
//! pre-rendered), the widget's course-page files and the SCORM bridge
//! `quiz-scorm.js`, which talks to the LMS (see its header). The manifest follows the version asked for:
//! SCORM 1.2 (the one every LMS takes) or SCORM 2004 4th edition. A pass
//! mark (`--mastery`, else the quiz's `pass_mark`) goes into the manifest as
//! the LMS expects it and into the launch page, so that the quiz judges the
//! same way where the LMS does not pass it on.

use std::io;

use quick_xml::events::BytesText;
use quiz_format::model::ValidQuiz;

use super::{launch_page, xml_document, zip_files, Launch, Xml};

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
        widget_attributes: &[("data-scorm-launch", None)],
        pass_mark: options.mastery,
    };
    let page = launch_page(quiz, json, &launch)?;
    let names: Vec<&str> = options.files.iter().map(|(name, _)| *name).collect();
    let manifest = manifest(quiz, options, &names)?;
    let entries = [
        ("imsmanifest.xml", manifest.as_bytes()),
        ("index.html", page.as_bytes()),
    ];
    zip_files(entries.into_iter().chain(options.files.iter().copied()))
}

/// `imsmanifest.xml`: one organization, one item, one SCO resource listing every file.
pub fn manifest(quiz: &ValidQuiz, options: &Options, files: &[&str]) -> Result<String, String> {
    let id = format!("quiz-widget-{}", quiz.id);
    let (namespaces, schemaversion) = match options.version {
        Version::Scorm12 => (NAMESPACES_12, "1.2"),
        Version::Scorm2004 => (NAMESPACES_2004, "2004 4th Edition"),
    };
    xml_document("imsmanifest.xml", |w| {
        let mut root = w
            .create_element("manifest")
            .with_attribute(("identifier", id.as_str()))
            .with_attribute(("version", "1"));
        for &namespace in namespaces {
            root = root.new_line().with_attribute(namespace);
        }
        root.write_inner_content(|w| {
            w.create_element("metadata").write_inner_content(|w| {
                w.create_element("schema")
                    .write_text_content(BytesText::new("ADL SCORM"))?;
                w.create_element("schemaversion")
                    .write_text_content(BytesText::new(schemaversion))?;
                Ok(())
            })?;
            organizations(w, &id, &quiz.title, options)?;
            resources(w, &id, options.version, files)
        })?;
        Ok(())
    })
}

/// The one organization with its one item, the SCO, and the pass mark.
fn organizations(w: &mut Xml, id: &str, title: &str, options: &Options) -> io::Result<()> {
    let org = format!("{id}-org");
    w.create_element("organizations")
        .with_attribute(("default", org.as_str()))
        .write_inner_content(|w| {
            w.create_element("organization")
                .with_attribute(("identifier", org.as_str()))
                .write_inner_content(|w| {
                    w.create_element("title").write_text_content(BytesText::new(title))?;
                    w.create_element("item")
                        .with_attribute(("identifier", format!("{id}-item").as_str()))
                        .with_attribute(("identifierref", format!("{id}-sco").as_str()))
                        .with_attribute(("isvisible", "true"))
                        .write_inner_content(|w| {
                            w.create_element("title").write_text_content(BytesText::new(title))?;
                            match (options.version, options.mastery) {
                                (_, None) => Ok(()),
                                (Version::Scorm12, Some(m)) => mastery_12(w, m),
                                (Version::Scorm2004, Some(m)) => sequencing_2004(w, m),
                            }
                        })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// The SCO resource: the launch page and every file of the package.
fn resources(w: &mut Xml, id: &str, version: Version, files: &[&str]) -> io::Result<()> {
    let scorm_type = match version {
        Version::Scorm12 => "adlcp:scormtype",
        Version::Scorm2004 => "adlcp:scormType",
    };
    w.create_element("resources").write_inner_content(|w| {
        w.create_element("resource")
            .with_attribute(("identifier", format!("{id}-sco").as_str()))
            .with_attribute(("type", "webcontent"))
            .with_attribute((scorm_type, "sco"))
            .with_attribute(("href", "index.html"))
            .write_inner_content(|w| {
                for file in ["index.html"].iter().chain(files) {
                    w.create_element("file").with_attribute(("href", *file)).write_empty()?;
                }
                Ok(())
            })?;
        Ok(())
    })?;
    Ok(())
}

const NAMESPACES_12: &[(&str, &str)] = &[
    ("xmlns", "http://www.imsproject.org/xsd/imscp_rootv1p1p2"),
    ("xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_rootv1p2"),
    ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    (
        "xsi:schemaLocation",
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd",
    ),
];

const NAMESPACES_2004: &[(&str, &str)] = &[
    ("xmlns", "http://www.imsglobal.org/xsd/imscp_v1p1"),
    ("xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_v1p3"),
    ("xmlns:adlseq", "http://www.adlnet.org/xsd/adlseq_v1p3"),
    ("xmlns:adlnav", "http://www.adlnet.org/xsd/adlnav_v1p3"),
    ("xmlns:imsss", "http://www.imsglobal.org/xsd/imsss"),
    ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    (
        "xsi:schemaLocation",
        "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd",
    ),
];

/// SCORM 1.2's mastery: the score in percent.
fn mastery_12(w: &mut Xml, mastery: u8) -> io::Result<()> {
    w.create_element("adlcp:masteryscore")
        .write_text_content(BytesText::new(&mastery.to_string()))?;
    Ok(())
}

/// SCORM 2004's mastery: the primary objective is satisfied by the scaled score.
fn sequencing_2004(w: &mut Xml, mastery: u8) -> io::Result<()> {
    let measure = (f64::from(mastery) / 100.0).to_string();
    w.create_element("imsss:sequencing").write_inner_content(|w| {
        w.create_element("imsss:objectives").write_inner_content(|w| {
            w.create_element("imsss:primaryObjective")
                .with_attribute(("objectiveID", "passed"))
                .with_attribute(("satisfiedByMeasure", "true"))
                .write_inner_content(|w| {
                    w.create_element("imsss:minNormalizedMeasure")
                        .write_text_content(BytesText::new(&measure))?;
                    Ok(())
                })?;
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
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
        let written = manifest(&quiz("Fish & <chips> \"quoted\" 'too'"), &options, &["quiz-widget.js"]).unwrap();
        expected.assert_eq(&written);
    }

    #[test]
    #[allow(clippy::too_many_lines, reason = "the expected data is long, the test is not")]
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
