//! The QTI 1.2 export (`quiz export --format qti`) against a reference and
//! against XML parsers.
//!
//! The reference is text2qti, whose packages Canvas imports:
//! `tests/fixtures/qti/text2qti.json` holds its items for every question
//! of the bundled bank and of the example file that its Markdown can
//! express, summarized (`tools/text2qti-reference.py` writes it; comparing
//! needs nothing installed). Our items are summarized the same way here
//! and must be equal, but for the differences listed in `DELIBERATE`, each
//! with its reason; a listed difference that no longer differs fails too,
//! so the list stays true.
//!
//! Every XML file of a package parses, and gives back its texts, whatever
//! characters the quiz holds; the same quiz makes the same bytes.

use std::collections::BTreeMap;

use quiz_author::qti::{export_qti, Package};
use quiz_format::model::Quiz;
use serde_json::{json, Value};

/// The sources the fixture covers.
const SOURCES: [&str; 3] = [
    "questions.json",
    "examples/my-questions.json",
    "tests/fixtures/qti/reference.json",
];

/// Where our items may differ from text2qti's, and why: (a question's id
/// or an item's type; the summary's key path, `/`-separated; why).
const DELIBERATE: &[(&str, &str, &str)] = &[
    (
        "true_false_question",
        "responses/0/labels/0/0",
        "True is plain text, as Canvas exports a true/false answer; text2qti writes it as Markdown made HTML",
    ),
    (
        "true_false_question",
        "responses/0/labels/1/0",
        "False is plain text, as Canvas exports a true/false answer; text2qti writes it as Markdown made HTML",
    ),
];

fn load(path: &str) -> Quiz {
    let report = quiz_format::load(&crate::read(path));
    report
        .quiz
        .unwrap_or_else(|| panic!("{path}: {:?}", report.diagnostics))
        .into_inner()
}

/// The package's assessment (the one XML file under a folder that is not
/// `assessment_meta.xml`).
fn assessment(package: &Package) -> String {
    let (_, bytes) = package
        .files
        .iter()
        .find(|(path, _)| path.contains('/') && !path.ends_with("assessment_meta.xml"))
        .expect("an assessment");
    String::from_utf8(bytes.clone()).unwrap()
}

// ------------------------------------------------------------ the summary
// The same reduction as `summary` in tools/text2qti-reference.py.

const BLOCK_TAGS: [&str; 21] = [
    "p",
    "div",
    "pre",
    "li",
    "ul",
    "ol",
    "br",
    "hr",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];
const TYPOGRAPHY: [(char, &str); 9] = [
    ('\u{2018}', "'"),
    ('\u{2019}', "'"),
    ('\u{201c}', "\""),
    ('\u{201d}', "\""),
    ('\u{2026}', "..."),
    ('\u{2014}', "---"),
    ('\u{2013}', "--"),
    ('\u{ab}', "<<"),
    ('\u{bb}', ">>"),
];

/// The words of our HTML (see the script's `text`): block elements apart,
/// inline ones gone, the entities our writer makes read.
fn words(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('>').expect("a closed tag") + open;
        let name: String = rest[open + 1..close]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if BLOCK_TAGS.contains(&name.as_str()) {
            out.push(' ');
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    assert!(
        !out.contains('<') && !out.contains('>'),
        "every < and > of text is escaped: {html}"
    );
    let mut text = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    for (fancy, plain) in TYPOGRAPHY {
        text = text.replace(fancy, plain);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn number(text: &str) -> Value {
    match text.trim().parse::<f64>() {
        Ok(n) => json!(n),
        Err(_) => json!(text),
    }
}

fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    node.children().find(|n| n.has_tag_name(name))
}

/// The words of a `mattext`: of its HTML when it is `text/html`, else of its text.
fn mattext(node: roxmltree::Node) -> String {
    let Some(mattext) = node.descendants().find(|n| n.has_tag_name("mattext")) else {
        return String::new();
    };
    let text = mattext.text().unwrap_or("");
    match mattext.attribute("texttype") {
        Some("text/html") => words(text),
        _ => text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

fn texttype(node: roxmltree::Node) -> Option<String> {
    let mattext = node.descendants().find(|n| n.has_tag_name("mattext"))?;
    mattext.attribute("texttype").map(str::to_owned)
}

/// One item reduced to what both writers must agree on.
fn summary(item: roxmltree::Node) -> Value {
    let fields: BTreeMap<&str, &str> = item
        .descendants()
        .filter(|n| n.has_tag_name("qtimetadatafield"))
        .map(|f| {
            let get = |name| child(f, name).and_then(|n| n.text()).unwrap_or("");
            (get("fieldlabel"), get("fieldentry"))
        })
        .collect();
    let presentation = child(item, "presentation").unwrap();
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    let mut responses = Vec::new();
    let kinds = presentation
        .children()
        .filter(|r| r.has_tag_name("response_lid") || r.has_tag_name("response_str"));
    for (n, response) in kinds.enumerate() {
        let ident = response.attribute("ident").unwrap();
        let name = if ident == "response1" {
            ident.to_owned()
        } else {
            format!("response#{}", n + 1)
        };
        let lid = response.has_tag_name("response_lid");
        let own: Vec<_> = response
            .descendants()
            .filter(|l| l.has_tag_name("response_label"))
            .collect();
        if lid {
            for (i, label) in own.iter().enumerate() {
                labels.insert(label.attribute("ident").unwrap().to_owned(), format!("#{}", i + 1));
            }
        }
        let fib = child(response, "render_fib");
        responses.push(json!({
            "ident": name,
            "kind": if lid { "lid" } else { "str" },
            "cardinality": response.attribute("rcardinality"),
            "fibtype": fib.and_then(|f| f.attribute("fibtype")),
            "material": child(response, "material").map(mattext),
            "labels": if lid { own.iter().map(|l| json!([texttype(*l), mattext(*l)])).collect::<Vec<_>>() } else { Vec::new() },
        }));
        labels.insert(ident.to_owned(), name);
    }
    let feedback_ident = |ident: &str| match ident.strip_suffix("_fb").and_then(|l| labels.get(l)) {
        Some(label) => format!("{label}_fb"),
        None => ident.to_owned(),
    };
    let conditions: Vec<Value> = item
        .descendants()
        .filter(|n| n.has_tag_name("respcondition"))
        .map(|c| {
            let setvar = child(c, "setvar");
            json!({
                "continue": c.attribute("continue"),
                "test": child(c, "conditionvar").unwrap().children().filter(|n| n.is_element()).map(|t| test(t, &labels)).collect::<Vec<_>>(),
                "score": setvar.map(|s| json!([s.attribute("action"), number(s.text().unwrap_or(""))])),
                "feedback": child(c, "displayfeedback").map(|d| feedback_ident(d.attribute("linkrefid").unwrap())),
            })
        })
        .collect();
    let feedback: serde_json::Map<String, Value> = item
        .children()
        .filter(|n| n.has_tag_name("itemfeedback"))
        .map(|f| (feedback_ident(f.attribute("ident").unwrap()), json!(mattext(f))))
        .collect();
    json!({
        "type": fields["question_type"],
        "points": number(fields["points_possible"]),
        "text": mattext(child(presentation, "material").unwrap()),
        "responses": responses,
        "conditions": conditions,
        "feedback": feedback,
    })
}

fn test(node: roxmltree::Node, labels: &BTreeMap<String, String>) -> Value {
    let tag = node.tag_name().name();
    match tag {
        "other" => json!("other"),
        "varequal" | "vargte" | "varlte" => {
            let respident = node.attribute("respident").unwrap();
            let value = node.text().unwrap_or("");
            let value = labels.get(value).map_or_else(|| number(value), |l| json!(l));
            json!({ tag: [labels.get(respident).map_or(respident, String::as_str), value] })
        }
        _ => json!({ tag: node.children().filter(|n| n.is_element()).map(|t| test(t, labels)).collect::<Vec<_>>() }),
    }
}

/// Our items of `path`'s quiz, summarized, by title (the question's id).
fn our_items(path: &str) -> BTreeMap<String, Value> {
    let text = assessment(&export_qti(&load(path)).unwrap());
    let doc = roxmltree::Document::parse(&text).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("item"))
        .map(|item| (item.attribute("title").unwrap().to_owned(), summary(item)))
        .collect()
}

// ------------------------------------------------------------ the tests

/// Takes out the value at `path` (`/`-separated keys and indices).
fn take(value: &mut Value, path: &str) -> Value {
    let (parent, last) = path.rsplit_once('/').unwrap_or(("", path));
    let mut at = value;
    for key in parent.split('/').filter(|k| !k.is_empty()) {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[key],
        };
    }
    match (at, last.parse::<usize>()) {
        (Value::Array(a), Ok(i)) if i < a.len() => std::mem::take(&mut a[i]),
        (Value::Object(o), _) => o.remove(last).unwrap_or(Value::Null),
        _ => Value::Null,
    }
}

#[test]
fn our_items_agree_with_text2qtis_on_every_question_both_can_express() {
    let fixture: Value = serde_json::from_str(&crate::read("tests/fixtures/qti/text2qti.json")).unwrap();
    assert_eq!(fixture["text2qti"], "0.8.0");
    let mut compared = 0;
    let mut used = vec![false; DELIBERATE.len()];
    for source in SOURCES {
        let ours = our_items(source);
        let theirs = fixture["items"][source].as_object().unwrap();
        for (id, reference) in theirs {
            let mut reference = reference.clone();
            let mut ours = ours
                .get(id)
                .unwrap_or_else(|| panic!("{source}: {id} is not in our package"))
                .clone();
            for (n, (which, path, _)) in DELIBERATE.iter().enumerate() {
                if which == id || reference["type"] == *which {
                    let (a, b) = (take(&mut ours, path), take(&mut reference, path));
                    used[n] |= a != b;
                }
            }
            assert_eq!(
                ours, reference,
                "{source}: question {id} differs from text2qti's\n ours:   {ours}\n theirs: {reference}"
            );
            compared += 1;
        }
        // Every question text2qti could not express is one of the kinds it
        // lacks (or ours left out).
        let skipped = fixture["not_expressible"][source].as_array().unwrap();
        let quiz = load(source);
        for q in &quiz.questions {
            let in_fixture = theirs.contains_key(&q.id);
            let skipped_there = skipped.iter().any(|s| s == q.id.as_str());
            assert!(in_fixture != skipped_there, "{source}: {} is in the fixture once", q.id);
        }
    }
    assert!(compared >= 120, "{compared} questions compared");
    for ((which, path, why), used) in DELIBERATE.iter().zip(used) {
        assert!(
            used,
            "the listed difference at {which} {path} ({why}) no longer differs: take it off the list"
        );
    }
}

/// A quiz of every kind whose every text holds what XML and HTML give a
/// meaning (`<>&"'`, `]]>`, a comment) and text beyond ASCII.
const HOSTILE: &str = r#"{"id": "hostile", "title": "<Quiz> & \"quotes\" 'single' — ü 漢字 🦀 ]]> \t end",
 "description": "<script>alert(1)</script> & ]]>",
 "questions": [
  {"id": "q<1>&\"'", "type": "single", "prompt": "<b>bold?</b> & ]]> ü <!-- c -->", "choices": ["<a>", "&amp;"],
   "feedback": ["\"x\"", "'y'"], "answer": 0, "explanation": "<!-- c --> & 🦀"},
  {"id": "ü-2", "type": "multiple", "prompt": "x < y", "choices": ["<", "&", "\""], "answers": [0, 2], "explanation": "e"},
  {"id": "tf", "type": "true_false", "prompt": "1 < 2 & 3 > 2", "answer": true, "explanation": "e"},
  {"id": "sh", "type": "short", "prompt": "a", "accept": ["<tag>", "a&b", "\"q\""], "case_sensitive": true,
   "feedback": [["<tag>", "<ok>"], ["wrong<", "<no>"]], "explanation": "e"},
  {"id": "num", "type": "numeric", "prompt": "n", "answer": -1.5, "tolerance": 0.25, "unit": "<m>",
   "feedback": [["2", "<two>"]], "explanation": "e"},
  {"id": "m", "type": "matching", "prompt": "m", "pairs": [["<l1>", "<r1>"], ["&l2", "&r2"]], "distractors": ["\"d\""],
   "explanation": "e"},
  {"id": "c", "type": "cloze", "prompt": "<c>", "text": "A {{<x>|&y}} and {{[\"p\"]|'q'}} ]]>", "explanation": "e"},
  {"id": "o", "type": "ordering", "prompt": "o", "items": ["<1>", "<2>"], "explanation": "e"},
  {"id": "fc", "type": "flashcard", "prompt": "<f>", "back": "<b>"}
 ]}"#;

/// Every XML file of `quiz`'s package, parsed; the assessment's items by title.
fn parse_all(quiz: &Quiz, name: &str) -> Vec<(String, String)> {
    let package = export_qti(quiz).unwrap();
    let paths: Vec<&str> = package.files.iter().map(|(p, _)| p.as_str()).collect();
    let folder = format!("quiz-{}", quiz.id);
    assert_eq!(
        paths,
        [
            "imsmanifest.xml".to_owned(),
            format!("{folder}/{folder}.xml"),
            format!("{folder}/assessment_meta.xml")
        ],
        "{name}: Canvas's layout"
    );
    package
        .files
        .into_iter()
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            if let Err(e) = roxmltree::Document::parse(&text) {
                panic!("{name}: {path} is not well-formed: {e}\n{text}");
            }
            (path, text)
        })
        .collect()
}

/// No registry package ships the IMS QTI 1.2 XML schema (ims_qtiasiv1p2p1.xsd):
/// PyPI's text2qti, qti-package-maker, json2qti and hektor and npm's
/// @citolab/qti-convert hold none, so the files are checked as XML, read
/// back, rather than validated against it.
#[test]
fn every_xml_file_parses_and_gives_back_the_texts_whatever_the_quiz_holds() {
    for path in SOURCES.into_iter().chain([
        "tests/e2e/fixtures/all-kinds.json",
        "tests/e2e/fixtures/teacher-file.json",
    ]) {
        parse_all(&load(path), path);
    }
    let report = quiz_format::load(HOSTILE);
    let quiz = report
        .quiz
        .unwrap_or_else(|| panic!("{:?}", report.diagnostics))
        .into_inner();
    let files = parse_all(&quiz, "the hostile quiz");
    let doc = |i: usize| roxmltree::Document::parse(&files[i].1).unwrap();
    let (assessment, meta) = (doc(1), doc(2));
    let title = assessment
        .descendants()
        .find(|n| n.has_tag_name("assessment"))
        .unwrap()
        .attribute("title");
    assert_eq!(title, Some(quiz.title.as_str()), "the title attribute reads back");
    let meta_title = meta.descendants().find(|n| n.has_tag_name("title")).unwrap().text();
    assert_eq!(meta_title, Some(quiz.title.as_str()));
    let description = meta.descendants().find(|n| n.has_tag_name("description")).unwrap();
    assert_eq!(
        words(description.text().unwrap()),
        "<script>alert(1)</script> & ]]>",
        "HTML as text, escaped twice"
    );
    let items: BTreeMap<&str, roxmltree::Node> = assessment
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .map(|i| (i.attribute("title").unwrap(), i))
        .collect();
    let ids: Vec<&str> = items.keys().copied().collect();
    assert_eq!(
        ids,
        ["c", "m", "num", "q<1>&\"'", "sh", "tf", "ü-2"],
        "the kinds QTI has, titled by id"
    );
    for q in quiz.questions.iter().filter(|q| items.contains_key(q.id.as_str())) {
        let item = summary(items[q.id.as_str()]);
        let text = item["text"].as_str().unwrap();
        let prompt = q.prompt.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.starts_with(&prompt),
            "{}: {text} is the prompt, {prompt}, as text",
            q.id
        );
        let ident = items[q.id.as_str()].attribute("ident").unwrap();
        assert!(
            ident.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "a plain ident: {ident}"
        );
    }
    let single = summary(items["q<1>&\"'"]);
    // `&amp;` is Markdown's entity for `&`, as the widget shows it.
    assert_eq!(
        single["responses"][0]["labels"],
        json!([["text/html", "<a>"], ["text/html", "&"]])
    );
    assert_eq!(
        single["feedback"],
        json!({"general_fb": "<!-- c --> & 🦀", "#1_fb": "\"x\"", "#2_fb": "'y'"})
    );
    let cloze = summary(items["c"]);
    assert_eq!(cloze["text"], "<c> A [blank1] and [blank2] ]]>");
    assert_eq!(
        cloze["responses"][0]["labels"],
        json!([["text/plain", "<x>"], ["text/plain", "&y"]])
    );
}

#[test]
fn the_same_quiz_makes_the_same_bytes_dated_1980() {
    let quiz = load("examples/my-questions.json");
    let zip = || {
        let package = export_qti(&quiz).unwrap();
        let files = package.files.iter().map(|(p, b)| (p.as_str(), b.as_slice()));
        quiz_cli::lms::zip_files(files).unwrap()
    };
    let first = zip();
    assert_eq!(first, zip());
    // The first local header's modification time and date: 00:00, 1980-01-01.
    assert_eq!(first[10..14], [0, 0, 0x21, 0]);
}

#[test]
fn what_qti_cannot_hold_is_said_per_question() {
    let notes = |path: &str| export_qti(&load(path)).unwrap().notes;
    assert_eq!(
        notes("examples/my-questions.json"),
        [
            "the quiz: its pass mark of 60 % is not kept (QTI 1.2 has none): set it in the LMS",
            "question run-steps: QTI 1.2 has no ordering questions",
            "question run-steps: left out",
            "question gather-time: its unit (s) is not kept (Canvas numbers have none)",
            "question fill-run: its picked blanks are written as typed blanks that accept the right option (Canvas has no question with both kinds)",
            "question event-loop-card: QTI 1.2 has no flashcard questions",
            "question event-loop-card: left out",
            "question await-outside: QTI 1.2 has no tracing questions",
            "question await-outside: left out",
        ]
    );
    let bank = notes("questions.json");
    assert_eq!(
        bank.len(),
        2 * 25,
        "each of the 20 exercises and 5 flashcards, left out: {bank:?}"
    );
    let quiz = quiz_format::load(HOSTILE).quiz.unwrap().into_inner();
    let hostile = export_qti(&quiz).unwrap().notes;
    for expected in [
        "question sh: case-sensitive comparison is not kept (Canvas compares short answers without case)",
        "question sh: feedback for wrong answers is not kept (a Canvas short answer's answers are all right ones): wrong<",
        "question num: its unit (<m>) is not kept (Canvas numbers have none)",
        "question num: feedback for particular numbers is not kept (a Canvas numerical answer's answers are all right ones)",
        "question o: QTI 1.2 has no ordering questions",
    ] {
        assert!(hostile.iter().any(|n| n == expected), "{expected}: {hostile:?}");
    }
}
