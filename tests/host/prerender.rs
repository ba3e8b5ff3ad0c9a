//! The pre-renderer's snippet (src/prerender.rs), natively: what a page
//! builder gets from `quiz embed`. The browser side (every kind rendered
//! alike natively and by the wasm, the handover) is tests/e2e/prerender.test.mjs.

use quiz_widget::prerender::{compact_css, snippet, Questions};

use crate::repo;

fn quiz(text: &str) -> quiz_format::ValidQuiz {
    quiz_format::accept(text).expect("a valid quiz")
}

fn example() -> String {
    std::fs::read_to_string(repo("examples/my-questions.json")).unwrap()
}

fn attributes(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    list.iter()
        .map(|(n, v)| ((*n).to_owned(), v.map(str::to_owned)))
        .collect()
}

#[test]
fn a_snippet_is_two_lines_that_markdown_keeps_as_one_html_block() {
    let text = example();
    let html = snippet(quiz(&text), Questions::Inline(&text), &[]).unwrap();
    // The open tag on a line of its own (a CommonMark HTML block of type 7),
    // then the rest on one line: no blank line can end the block early.
    assert_eq!(html.lines().count(), 2);
    assert!(!html.contains('\r'));
    assert!(html.starts_with("<quiz-widget>\n<template shadowrootmode=\"open\"><style>"));
    assert!(html.ends_with("</script></quiz-widget>"));
    // A code block keeps its lines, as references.
    let code = r#"{ "id": "code", "title": "Code", "questions": [{ "id": "q", "type": "true_false",
        "prompt": "Does it run?\n\n```python\nimport asyncio\n\n\nasyncio.run(main())\n```", "answer": true }] }"#;
    let with_code = snippet(quiz(code), Questions::Src("x"), &[]).unwrap();
    assert!(with_code.contains("asyncio</span>&#10;&#10;&#10;"), "{with_code}");
    assert_eq!(with_code.lines().count(), 2);
    // pulldown-cmark, as mdBook reads a chapter: the snippet between two
    // paragraphs is one HTML block, passed through whole.
    let page = format!("Before.\n\n{html}\n\nAfter.\n");
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new(&page));
    assert!(out.contains(&html), "the snippet passed through Markdown unchanged");
}

#[test]
fn the_inline_questions_read_back_as_the_same_quiz_and_cannot_close_the_script() {
    let text = r#"{ "id": "tricky", "title": "</script><script>alert(1)</script>", "questions": [
        { "id": "q", "type": "true_false", "prompt": "Is `</script>` text? <!-- -->", "answer": true } ] }"#;
    let html = snippet(quiz(text), Questions::Inline(text), &[]).unwrap();
    let script = html.split("<script type=\"application/json\">").nth(1).unwrap();
    let json = script.strip_suffix("</script></quiz-widget>").unwrap();
    assert!(!json.contains('<'), "every < is \\u003c");
    assert_eq!(*quiz(json), *quiz(text));
    // The title in the first screen is text, escaped.
    assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn attributes_are_written_escaped_and_checked_against_the_quiz() {
    let text = example();
    let given = attributes(&[
        ("heading-level", Some("3")),
        ("shuffle", None),
        ("data-note", Some("a \"b\" & <c>")),
    ]);
    let html = snippet(quiz(&text), Questions::Src("my questions.json?a=1&b=2"), &given).unwrap();
    assert!(html.starts_with(
        "<quiz-widget src=\"my questions.json?a=1&amp;b=2\" heading-level=\"3\" shuffle data-note=\"a &quot;b&quot; &amp; &lt;c&gt;\">\n<template"
    ));
    assert!(!html.contains("<script"), "with --src the questions are not inline");
    assert!(html.contains("<h3 "), "the title at the page's heading level");
    // A shuffled page carries its seed, the same at every build.
    let seed = |html: &str| {
        html.split("data-seed=\"")
            .nth(1)
            .map(|s| s.split('"').next().unwrap().to_owned())
    };
    assert!(seed(&html).is_some());
    assert_eq!(
        seed(&html),
        seed(&snippet(quiz(&text), Questions::Src("x"), &given).unwrap())
    );
    let error = snippet(
        quiz(&text),
        Questions::Src("x"),
        &attributes(&[("section", Some("week-9"))]),
    )
    .unwrap_err();
    assert_eq!(error, "section=\"week-9\": the quiz has no sections");
    let error = snippet(quiz(&text), Questions::Src("x"), &attributes(&[("on click", None)])).unwrap_err();
    assert_eq!(error, "`on click` is not an attribute name");
    // A value the element would ignore is refused, not passed on silently.
    for (given, message) in [
        (
            ("heading-level", Some("9")),
            "heading-level=\"9\": give a level from 1 to 6",
        ),
        (("controls", Some("ful")), "controls=\"ful\": give `check` or `full`"),
        (
            ("solution", Some("sometimes")),
            "solution=\"sometimes\": give `on-request`, `immediately` or `after-N` (N from 1 to 9)",
        ),
        (
            ("mode", Some("bogus")),
            "mode=\"bogus\": give `practice`, `review` or `due`",
        ),
        (
            ("pass-mark", Some("200")),
            "pass-mark=\"200\": give a percentage from 1 to 100",
        ),
        (("draw", Some("0")), "draw=\"0\": give a number of questions, 1 or more"),
        (
            ("draw", Some("100")),
            "draw=\"100\": the quiz has 8 questions to draw from",
        ),
        (
            ("shuffle", Some("yes")),
            "shuffle=\"yes\": give nothing (written bare), or `false`",
        ),
    ] {
        let error = snippet(quiz(&text), Questions::Src("x"), &attributes(&[given])).unwrap_err();
        assert_eq!(error, message);
    }
    for fine in [
        ("pass-mark", Some("80%")),
        ("solution", Some("after-2")),
        ("exam", Some("false")),
        ("controls", Some("full")),
    ] {
        snippet(quiz(&text), Questions::Src("x"), &attributes(&[fine])).unwrap();
    }
}

#[test]
fn a_quiz_in_german_is_pre_rendered_in_german() {
    let text = example().replacen("\"language\": \"en\"", "\"language\": \"de\"", 1);
    assert!(text.contains("\"language\": \"de\""));
    let html = snippet(quiz(&text), Questions::Src("x"), &[]).unwrap();
    assert!(html.contains(">Prüfen</button>"), "the Check button in German");
    let html = snippet(quiz(&text), Questions::Src("x"), &attributes(&[("lang", Some("en"))])).unwrap();
    assert!(html.contains(">Check</button>"), "the element's lang wins");
}

#[test]
fn the_compacted_stylesheet_keeps_every_rule() {
    let source = std::fs::read_to_string(repo("quiz-widget.css")).unwrap();
    let compact = compact_css(&source);
    assert!(
        compact.len() * 10 < source.len() * 9,
        "{} of {} bytes",
        compact.len(),
        source.len()
    );
    assert!(!compact.contains("/*") && !compact.contains('\n'));
    // Every rule's selector and every declaration is there, with its spaces
    // as meaningful as they were: compare with whitespace removed, comments
    // dropped from the source.
    let mut uncommented = String::new();
    let mut rest = source.as_str();
    while let Some(at) = rest.find("/*") {
        uncommented.push_str(&rest[..at]);
        rest = rest[at..].split_once("*/").map_or("", |(_, after)| after);
    }
    uncommented.push_str(rest);
    let bare = |css: &str| css.split_whitespace().collect::<String>();
    assert_eq!(bare(&compact), bare(&uncommented));
    // A descendant combinator before a pseudo-class stays one.
    // (A space before a colon stays, in a declaration too, where it is harmless.)
    assert_eq!(
        compact_css(".a :focus-visible { color : red ; }"),
        ".a :focus-visible{color :red;}"
    );
    assert_eq!(
        compact_css("a > b , c { content: \"  x  \" }"),
        "a>b,c{content:\"  x  \"}"
    );
}
