//! Interface languages beside English are data (`lang/quiz-lang-<tag>.json`,
//! src/i18n.rs): each file has every key, in the order the widget reads
//! them, with the placeholders English has, and ships wherever the widget's
//! files go.

use std::collections::BTreeSet;

use quiz_format::json::{self, Value, Writer};
use quiz_format::KindName;
use quiz_widget::i18n::{self, EN, KEYS, LANGUAGES};

use crate::{read, repo};

/// The `{0}`, `{1}`, … of a template.
fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}'))
        .map(|(n, _)| n.to_owned())
        .collect()
}

fn files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(repo("lang"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    files
}

#[test]
fn every_language_file_has_every_key_in_order_with_englishs_placeholders() {
    assert_eq!(
        files(),
        LANGUAGES
            .iter()
            .map(|l| format!("quiz-lang-{l}.json"))
            .collect::<Vec<_>>(),
        "one file per language of i18n::LANGUAGES"
    );
    for language in LANGUAGES {
        let path = format!("lang/quiz-lang-{language}.json");
        let text = read(&path);
        let root = json::parse(&text).unwrap();
        let Value::Object(members) = &root.value else {
            panic!("{path} is an object")
        };
        let found: Vec<&str> = members.iter().map(|m| m.key.as_ref()).collect();
        let mut keys: Vec<&str> = KEYS.to_vec();
        keys.push("kind_names");
        assert_eq!(
            found, keys,
            "{path}: every key, in the order of i18n::KEYS, and no other"
        );
        assert_eq!(root.get("tag").and_then(|n| n.as_str()), Some(*language));
        for key in KEYS {
            let text = root
                .get(key)
                .and_then(|n| n.as_str())
                .unwrap_or_else(|| panic!("{path}: {key} is a string"));
            assert!(!text.trim().is_empty(), "{path}: {key} is empty");
            let english = EN.by_key(key).unwrap();
            assert_eq!(
                placeholders(text),
                placeholders(english),
                "{path}: {key} has English's placeholders"
            );
        }
        let Some(Value::Object(kinds)) = root.get("kind_names").map(|n| &n.value) else {
            panic!("{path}: kind_names")
        };
        let names: Vec<&str> = kinds.iter().map(|m| m.key.as_ref()).collect();
        let expected: Vec<&str> = KindName::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            names, expected,
            "{path}: a name for every kind, in the registry's order"
        );
    }
}

#[test]
fn the_file_the_build_makes_is_read_whole_and_a_broken_one_is_refused() {
    // What tools/post-build.mjs makes of the source: the values in order, then the kinds' names.
    let text = read("lang/quiz-lang-de.json");
    let root = json::parse(&text).unwrap();
    let string = |node: Option<&json::Node>| node.and_then(|n| n.as_str()).unwrap().to_owned();
    let mut list: Vec<String> = KEYS.iter().map(|k| string(root.get(k))).collect();
    let kinds = root.get("kind_names");
    list.extend(
        KindName::ALL
            .iter()
            .map(|k| string(kinds.and_then(|n| n.get(k.as_str())))),
    );
    let array = |list: &[String]| {
        let mut w = Writer::compact();
        w.open('[');
        list.iter().for_each(|s| {
            w.string(s);
        });
        w.close(']');
        w.finish()
    };
    let de = i18n::read(&array(&list)).expect("read");
    assert_eq!(de.check(), "Prüfen");
    assert_eq!(de.answered(1, 3, 1), "1 / 3 beantwortet · 1 richtig");
    assert_eq!(de.due_today(0), "Heute keine Wiederholung fällig");
    assert_eq!(de.kind_names.last().copied(), list.last().map(String::as_str));
    // One string short, or not strings: refused (the widget stays in English).
    assert!(i18n::read(&array(&list[1..])).is_none());
    assert!(i18n::read("{\"check\": \"Prüfen\"}").is_none());
    assert!(i18n::read("[1, 2]").is_none());
}

#[test]
fn templates_fill_their_placeholders_and_leave_others_as_written() {
    assert_eq!(i18n::fill("{0} of {1}", &[&3, &"four"]), "3 of four");
    assert_eq!(i18n::fill("{2} {x} {", &[&1]), "{2} {x} {");
    assert_eq!(EN.comes_back(59), "in 59 min");
    assert_eq!(EN.comes_back(3 * 60), "in 3 h");
    assert_eq!(EN.comes_back(1440), "in 1 day");
    assert_eq!(EN.comes_back(3 * 1440), "in 3 days");
    assert_eq!(EN.new_attempt(Some(1)), "New attempt (the last)");
    assert_eq!(EN.new_attempt(Some(2)), "New attempt (2 left)");
    assert_eq!(EN.attempts(1), "1 attempt");
}

#[test]
fn every_language_file_ships_with_the_widget() {
    let sizes = read("bench/sizes.mjs");
    let build = read("crates/quiz-cli/build.rs");
    let index = read("index.html");
    for file in files() {
        assert!(
            sizes.contains(&format!("'{file}'")),
            "bench/sizes.mjs LANGUAGE_FILES lists {file}"
        );
        assert!(
            build.contains(&format!("\"{file}\"")),
            "quiz-cli's build.rs embeds {file}"
        );
        assert!(
            index.contains(&format!("href=\"lang/{file}\"")),
            "index.html copies {file}"
        );
    }
    assert_eq!(i18n::language_of("de-AT"), Some("de"));
    assert_eq!(i18n::language_of("en"), None);
    assert_eq!(i18n::language_of("xx"), None);
}

#[test]
fn englishs_kind_names_stand_in_the_registrys_order() {
    assert_eq!(i18n::EN_KIND_TYPES, KindName::ALL.map(KindName::as_str));
}
