//! `quiz page`: one HTML file that runs a quiz with nothing beside it, for a
//! USB stick, an email attachment or a folder of course notes. It opens from
//! disk (`file://`) with the network off, and keeps the learner's progress
//! in that browser's storage, as any course page does.
//!
//! The page carries the widget's release files inside it:
//! - the loader, as the page's module script;
//! - the wasm's glue and the handover, as `data:` URLs an import map gives
//!   the loader's imports (`./quiz-widget-embed.js`, `./quiz-handover.js`),
//!   since a page opened from disk may not import files beside it;
//! - the wasm and the interface languages, which the loader and the widget
//!   fetch by name beside the loader, from a first script that answers
//!   those fetches from the page itself (every other fetch goes out as it
//!   would);
//! - the questions and the pre-rendered first screen, as `quiz embed` writes
//!   them, with the stylesheet inline.
//!
//! What only a study face's tools or a rejected file would fetch (the
//! transfer tools, the full report) is left out: the questions were checked
//! when the page was made.

use base64::Engine;

/// The release files a page carries, by name, with their media types:
/// fetched by name, or imported.
const FETCHED: [(&str, &str); 2] = [
    ("quiz-widget-embed_bg.wasm", "application/wasm"),
    ("quiz-lang-", "application/json"),
];
const IMPORTED: [&str; 2] = ["quiz-widget-embed.js", "quiz-handover.js"];
const LOADER: &str = "quiz-widget.js";

/// What the page is: its title and language, and the `<quiz-widget>`
/// snippet (`prerender::snippet`, with the questions inline).
pub struct Page<'a> {
    pub title: &'a str,
    /// A BCP 47 tag; the page's `lang`.
    pub language: &'a str,
    pub snippet: &'a str,
}

/// The whole HTML file, from the widget's release files (`assets::WIDGET_FILES`).
pub fn html(page: &Page, files: &[(&str, &[u8])]) -> Result<String, String> {
    let file = |name: &str| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, bytes)| *bytes)
            .ok_or_else(|| {
                format!("the widget's `{name}` is missing from this quiz binary: run `make build`, then build it again")
            })
    };
    let loader = std::str::from_utf8(file(LOADER)?).map_err(|_| format!("the widget's `{LOADER}` is not UTF-8"))?;
    let base64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut fetched = String::new();
    for (name, bytes) in files {
        let Some((_, media)) = FETCHED.iter().find(|(prefix, _)| name.starts_with(prefix)) else {
            continue;
        };
        fetched.push_str(&format!(
            "{}:[{},{}],",
            js_string(name),
            js_string(media),
            js_string(&base64(bytes))
        ));
    }
    let mut imports = String::new();
    for name in IMPORTED {
        let url = format!("data:text/javascript;base64,{}", base64(file(name)?));
        imports.push_str(&format!("{}:{},", js_string(&format!("./{name}")), js_string(&url)));
    }
    let direction = quiz_format::model::direction(page.language);
    Ok(format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{direction}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
         <style>:root{{color-scheme:light dark}}body{{margin:0 auto;max-width:48rem;padding:1rem;font-family:system-ui,sans-serif}}</style>\n\
         <script>{{const files={{{fetched}}};const fetched=window.fetch;\
         window.fetch=(input,init)=>{{const name=String(input instanceof Request?input.url:input).replace(/[?#].*/,'').split('/').pop();\
         const file=files[name];if(!file)return fetched(input,init);\
         const bytes=Uint8Array.from(atob(file[1]),(c)=>c.charCodeAt(0));\
         return Promise.resolve(new Response(bytes,{{headers:{{'content-type':file[0]}}}}));}};}}</script>\n\
         <script type=\"importmap\">{{\"imports\":{{{imports}}}}}</script>\n\
         <script type=\"module\">{loader}</script>\n</head>\n<body>\n{snippet}\n</body>\n</html>\n",
        lang = crate::lms::html_escape(page.language),
        title = crate::lms::html_escape(page.title),
        fetched = fetched.trim_end_matches(','),
        imports = imports.trim_end_matches(','),
        loader = script_text(loader),
        snippet = page.snippet,
    ))
}

/// `text` as a JavaScript (and JSON) string literal that cannot end the
/// `<script>` element it stands in.
fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    quiz_format::json::write_string(&mut out, text);
    out.replace('<', "\\u003c")
}

/// Script text that cannot close its element early: `</script` inside
/// it (in a string or a comment) is written `<\/script`.
fn script_text(text: &str) -> String {
    text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[(&str, &[u8])] = &[
        ("quiz-widget.js", b"const a = '</script>'; export const version = '1';"),
        ("quiz-widget-embed.js", b"export default async function () {}"),
        ("quiz-handover.js", b"export function handOver() {}"),
        ("quiz-widget-embed_bg.wasm", b"\0asm\x01\0\0\0"),
        ("quiz-widget.css", b".quiz-widget {}"),
        ("quiz-lang-de.json", b"[\"Pr\xc3\xbcfen\"]"),
        ("quiz-transfer.js", b"export default 1"),
    ];

    fn page() -> String {
        let page = Page {
            title: "Tasks & <Futures>",
            language: "ar",
            snippet: "<quiz-widget></quiz-widget>",
        };
        html(&page, FILES).unwrap()
    }

    #[test]
    fn the_page_carries_what_it_fetches_and_imports_and_nothing_else() {
        let html = page();
        assert!(
            html.contains("\"quiz-widget-embed_bg.wasm\":[\"application/wasm\",\"AGFzbQEAAAA=\"]"),
            "{html}"
        );
        assert!(html.contains("\"quiz-lang-de.json\":[\"application/json\""));
        assert!(html.contains("\"./quiz-widget-embed.js\":\"data:text/javascript;base64,"));
        assert!(html.contains("\"./quiz-handover.js\":\"data:text/javascript;base64,"));
        assert!(!html.contains("quiz-transfer"), "the study face's tools stay out");
        assert!(html.contains("<title>Tasks &amp; &lt;Futures&gt;</title>"));
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    }

    #[test]
    fn no_script_ends_before_its_end() {
        let html = page();
        let scripts = html.matches("<script").count();
        assert_eq!(scripts, 3);
        assert_eq!(html.matches("</script>").count(), scripts, "{html}");
        assert!(html.contains("const a = '<\\/script>'"));
    }

    #[test]
    fn a_missing_release_file_is_named() {
        let page = Page {
            title: "t",
            language: "en",
            snippet: "",
        };
        let error = html(&page, &FILES[..2]).unwrap_err();
        assert!(error.contains("quiz-handover.js"), "{error}");
    }
}
