//! Every question kind is documented where teachers and page authors look
//! for it: a row of the format's kind table, the kinds `quiz-answer` names,
//! and the interaction types the LMS modules give it.

use quiz_format::KindName;

fn read(path: &str) -> String {
    std::fs::read_to_string(crate::repo(path)).unwrap()
}

#[test]
fn every_kind_has_a_row_in_the_formats_table() {
    let format = read("docs/format.md");
    for kind in KindName::ALL {
        let row = format!("\n| `{}` |", kind.as_str());
        assert!(
            format.contains(&row),
            "docs/format.md's kind table has no row for `{}`",
            kind.as_str()
        );
    }
}

#[test]
fn quiz_answers_kinds_are_every_kind() {
    let element = read("docs/element.md");
    let row = element.lines().find(|l| l.starts_with("| `quiz-answer` |")).unwrap();
    let listed = row
        .split("`kind` (")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .unwrap();
    let mut listed: Vec<&str> = listed.split(", ").map(|k| k.trim_matches('`')).collect();
    let mut all = KindName::ALL.map(KindName::as_str).to_vec();
    listed.sort_unstable();
    all.sort_unstable();
    assert_eq!(listed, all, "docs/element.md's quiz-answer row lists the kinds");
}

#[test]
fn the_lms_page_says_what_each_kind_becomes() {
    let lms = read("docs/lms.md");
    let start = lms.find("its type and correct responses pattern").unwrap();
    let mapping = &lms[start..start + lms[start..].find("\n\n").unwrap_or(lms.len() - start)];
    let mapping = mapping.replace('\n', " ").replace("  ", " ");
    for kind in KindName::ALL {
        // As the page writes them: `true_false` as "true-false", a few in the plural.
        let words: &[&str] = match kind {
            KindName::Single => &["single"],
            KindName::Multiple => &["multiple"],
            KindName::TrueFalse => &["true-false"],
            KindName::Short => &["short answers"],
            KindName::Numeric => &["numeric"],
            KindName::Ordering => &["ordering"],
            KindName::Matching => &["matching"],
            KindName::Cloze => &["cloze"],
            KindName::Tracing => &["tracing"],
            KindName::Flashcard => &["flashcards"],
            KindName::Exercise => &["exercises"],
        };
        assert!(
            words.iter().any(|w| mapping.contains(w)),
            "docs/lms.md does not say what `{}` becomes:\n{mapping}",
            kind.as_str()
        );
    }
}
