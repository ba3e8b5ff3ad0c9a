//! The `<quiz-widget>` attributes are named in four places that must agree:
//! the loader's observed list and its JSDoc (js/quiz-widget.js), the
//! element's Rust side that reads them (src/element.rs, `props_from`), and
//! the names `quiz embed` accepts (quiz-cli's `ELEMENT_ATTRIBUTES`).

use std::collections::BTreeSet;

use crate::repo;

/// The strings quoted in `text` right after each of `openings`.
fn quoted_after(text: &str, openings: &[&str]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for opening in openings {
        for (at, _) in text.match_indices(opening) {
            let rest = &text[at + opening.len()..];
            if let Some(name) = rest.split('"').next().filter(|n| !n.is_empty()) {
                found.insert(name.to_owned());
            }
        }
    }
    found
}

#[test]
fn the_loader_its_docs_the_element_and_quiz_embed_name_the_same_attributes() {
    let loader = std::fs::read_to_string(repo("js/quiz-widget.js")).unwrap();
    let list = loader
        .split("const ATTRIBUTES = [")
        .nth(1)
        .unwrap()
        .split(']')
        .next()
        .unwrap();
    let observed: BTreeSet<String> = list
        .split(',')
        .map(|n| n.trim().trim_matches('\'').to_owned())
        .collect();
    let documented: BTreeSet<String> = loader
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("* @attr {"))
        .filter_map(|l| l.split("} ").nth(1))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    assert_eq!(
        documented, observed,
        "the loader's JSDoc against its observed attributes"
    );

    let element = std::fs::read_to_string(repo("src/element.rs")).unwrap();
    let reader = element.split("pub fn props_from").nth(1).unwrap();
    let read = quoted_after(reader, &["attr(\"", "flag(\""]);
    // What only the loader or an LMS module reads (the xAPI module).
    let loader_only: BTreeSet<String> = ["xapi", "xapi-actor", "xapi-activity"].map(str::to_owned).into();
    let widget: BTreeSet<String> = observed.difference(&loader_only).cloned().collect();
    assert_eq!(read, widget, "src/element.rs's props_from against the loader's list");

    let embed: BTreeSet<String> = quiz_cli::args::ELEMENT_ATTRIBUTES
        .iter()
        .map(|n| (*n).to_owned())
        .collect();
    let global: BTreeSet<String> = ["id", "class", "style", "title", "dir", "hidden"]
        .map(str::to_owned)
        .into();
    let mut expected: BTreeSet<String> = observed.clone();
    expected.remove("src");
    assert_eq!(
        embed.difference(&global).cloned().collect::<BTreeSet<_>>(),
        expected,
        "quiz embed's attributes"
    );
}
