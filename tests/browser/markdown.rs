//! Question text is Markdown rendered as nodes: markup in it stays text.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

#[wasm_bindgen_test]
async fn html_in_question_text_is_shown_as_text_and_bad_links_are_dropped() {
    let quiz = r#"{"id": "xss", "title": "T", "questions": [{"id": "a", "type": "single",
        "prompt": "<img src=x onerror=\"window.__pwned=1\"> [click](javascript:window.__pwned=1) [ok](https://python.org)",
        "choices": ["<script>window.__pwned=1</script>", "b"], "answer": 0, "explanation": "e"}]}"#;
    let root = mount(quiz, "md-xss").await;
    assert!(query(&root, "img").is_none());
    assert!(query(&root, "script").is_none());
    assert!(text(&root, "legend").contains("<img src=x onerror="));
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let link: web_sys::Element = wasm_bindgen::JsCast::dyn_into(links.item(0).unwrap()).unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://python.org"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn python_code_blocks_are_highlighted() {
    let quiz = r#"{"id": "code", "title": "T", "questions": [{"id": "a", "type": "flashcard",
        "prompt": "What prints?\n```python\nasync def f():\n    return \"hi\"  # note\n```", "back": "b"}]}"#;
    let root = mount(quiz, "md-code").await;
    assert_eq!(text(&root, "pre.code [data-tok=\"kw\"]"), "async");
    assert_eq!(text(&root, "pre.code [data-tok=\"str\"]"), "\"hi\"");
    assert_eq!(text(&root, "pre.code [data-tok=\"com\"]"), "# note");
    assert_eq!(
        query(&root, "pre.code").unwrap().get_attribute("data-lang").as_deref(),
        Some("python")
    );
}
