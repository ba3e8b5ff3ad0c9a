//! XML documents written by quick-xml, for every package writer (the QTI
//! export here; the SCORM and cmi5 manifests in quiz-cli): every element,
//! attribute and text goes through its writer, which escapes; no XML is
//! formatted by hand.

use quick_xml::events::{BytesDecl, Event};
use quiz_format::validate::{forbidden_in_xml, name_forbidden};

/// An XML document being written.
pub type Xml = quick_xml::Writer<Vec<u8>>;

/// An XML document named `name` (for messages): the declaration, then what
/// `root` writes, indented by two spaces, ending in a line break.
/// quick-xml escapes text and attributes so that they read back exactly
/// (`\r` as `&#13;`; in attributes also tab and line feed, which a parser
/// would turn into spaces). A character XML 1.0 cannot hold (the validator
/// refuses them in a quiz; an option may still bring one) is an error,
/// never a document no parser takes.
pub fn xml_document(name: &str, root: impl FnOnce(&mut Xml) -> std::io::Result<()>) -> Result<String, String> {
    let failed = |e: &dyn std::fmt::Display| format!("cannot write {name}: {e}");
    let mut writer = Xml::new_with_indent(Vec::new(), b' ', 2);
    writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(|e| failed(&e))?;
    root(&mut writer).map_err(|e| failed(&e))?;
    let mut text = String::from_utf8(writer.into_inner()).map_err(|e| failed(&e))?;
    if let Some((_, c)) = forbidden_in_xml(&text) {
        return Err(failed(&format!(
            "it would hold {}, which XML cannot",
            name_forbidden(c)
        )));
    }
    text.push('\n');
    Ok(text)
}
