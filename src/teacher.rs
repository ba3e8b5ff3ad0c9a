//! The study page's teacher panel: "Try your own questions". A teacher
//! chooses, drops or pastes a question file and sees the validator's full
//! report, or a live preview of the widget, and the embed snippet for it.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::{App, Source};
use crate::prerender::{
    assemble, compact_css, first_screen, FirstScreen, FirstScreenProps, PrerenderedScreen, Questions,
};

/// The embed snippets for the question file `file_name`, saved next to the
/// page (`src`), and with the file inline: each the loader's script line and
/// the element with its pre-rendered first screen (`first`), as `quiz embed`
/// prints it. An invalid file gets the `src` one, without a first screen.
pub fn embed_snippets(
    widget_url: &str,
    file_name: &str,
    first: Option<(&FirstScreen, &str, &str)>,
) -> (String, Option<String>) {
    let script = format!(
        "<script type=\"module\" src=\"{}\"></script>\n",
        attribute_text(widget_url)
    );
    let Some((first, css, json)) = first else {
        return (
            format!(
                "{script}<quiz-widget src=\"{}\"></quiz-widget>",
                attribute_text(file_name)
            ),
            None,
        );
    };
    let snippet = |questions| assemble(first, css, questions, &[]).map(|element| format!("{script}{element}"));
    match (snippet(Questions::Src(file_name)), snippet(Questions::Inline(json))) {
        (Ok(src), Ok(inline)) => (src, Some(inline)),
        (Err(reason), _) | (_, Err(reason)) => (reason, None),
    }
}

/// Text for a double-quoted HTML attribute.
fn attribute_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

fn widget_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|href| web_sys::Url::new_with_base("quiz-widget.js", &href).ok())
        .map_or_else(|| "quiz-widget.js".to_owned(), |u| u.href())
}

#[component]
pub fn TeacherPanel() -> Html {
    let text = use_state(String::new);
    // The name of the chosen or dropped file, for the snippet and the download.
    let file_name = use_state(|| None::<String>);
    let report = use_memo((*text).clone(), |text| {
        (!text.trim().is_empty()).then(|| Rc::new(quiz_format::load(text)))
    });
    let widget = use_memo((), |_| widget_url());
    let quiz_id = report
        .as_ref()
        .as_ref()
        .and_then(|r| r.quiz.as_ref())
        .map(|q| q.id.clone());
    let name = (*file_name)
        .clone()
        .unwrap_or_else(|| format!("{}.json", quiz_id.as_deref().unwrap_or("my-questions")));

    let set_text = {
        let text = text.clone();
        Callback::from(move |value: String| text.set(value))
    };
    let oninput = {
        let set_text = set_text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            set_text.emit(area.value());
        })
    };
    let (onchange, ondrop) = file_handlers(&set_text, &file_name);
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let result = result_view(report.as_ref().as_ref().map(Rc::as_ref), &text);

    html! {
        <section class="teacher-panel" aria-labelledby="teacher-title" {ondragover} {ondrop}>
            <h2 id="teacher-title">{ "Try your own questions" }</h2>
            <p>
                { "Check a question file against the format and preview it. See the " }
                <a href="questions.schema.json">{ "JSON Schema" }</a>
                { " (point your file's " }<code>{ "$schema" }</code>{ " at it for autocompletion) and a " }
                <a href="examples/course-page.html">{ "sample course page" }</a>{ "." }
            </p>
            <div class="inputs">
                <label class="file">
                    { "Choose a JSON file" }
                    <input type="file" accept=".json,application/json" {onchange} />
                </label>
                <span class="drop">{ "or drop it anywhere on this panel, or paste it below" }</span>
            </div>
            <label for="teacher-json" class="paste-label">{ "Question JSON" }</label>
            <textarea id="teacher-json" rows="8" spellcheck="false" value={(*text).clone()} {oninput}
                placeholder="{ \"id\": \"my-quiz\", \"title\": \"…\", \"questions\": [ … ] }" />
            { result }
            <Snippets widget={(*widget).clone()} name={name} text={(*text).clone()} valid={quiz_id.is_some()} />
        </section>
    }
}

/// What the panel says about the pasted file: nothing yet, the validator's
/// report, or "valid" with a live preview.
fn result_view(report: Option<&quiz_format::Report>, text: &str) -> Html {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let Some(report) = report else {
        return html! { <p class="hint-text">{ "Choose, drop or paste a question file to check it and preview it here." }</p> };
    };
    if report.quiz.is_none() {
        let errors = report.errors().count();
        return html! {
            <div class="report" role="alert">
                <h3>{ format!("{} to fix", plural(errors, "problem")) }</h3>
                { crate::components::diagnostics::diagnostics(report.diagnostics.iter(), report.diagnostics.len()) }
            </div>
        };
    }
    let warnings = report.warnings().count();
    let count = report.quiz.as_ref().map_or(0, |q| q.questions.len());
    html! {
        <div class="preview">
            <p role="status" class="valid">
                { format!("✓ Valid: {}", plural(count, "item")) }
                if warnings > 0 { { format!(", {}", plural(warnings, "warning")) } }
                { ". Preview:" }
            </p>
            <App source={Source::Text(AttrValue::from(text.to_owned()))} storage_key={Some(AttrValue::from("teacher-preview"))} />
        </div>
    }
}

/// The file input's and the drop zone's handlers: each reads the file and
/// remembers its name.
fn file_handlers(
    set_text: &Callback<String>,
    file_name: &UseStateHandle<Option<String>>,
) -> (Callback<Event>, Callback<DragEvent>) {
    let onchange = {
        let (set_text, file_name) = (set_text.clone(), file_name.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            file_name.set(input.files().and_then(|f| f.get(0)).map(|f| f.name()));
            crate::dom::read_chosen_file(&input, set_text.clone());
        })
    };
    let ondrop = {
        let (set_text, file_name) = (set_text.clone(), file_name.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let file = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
            if let Some(file) = file {
                file_name.set(Some(file.name()));
                crate::dom::read_file(file, set_text.clone());
            }
        })
    };
    (onchange, ondrop)
}

#[derive(Properties, PartialEq)]
struct SnippetsProps {
    /// The URL of `quiz-widget.js` beside this page.
    widget: String,
    /// The question file's name: the chosen file's, or the quiz id's.
    name: String,
    /// The pasted file.
    text: String,
    /// Whether the pasted file is a valid quiz (then it can be inlined or downloaded).
    valid: bool,
}

/// The embed snippets for what was pasted, with copy and download buttons.
#[component]
fn Snippets(props: &SnippetsProps) -> Html {
    // Which snippet was copied last: 0 none, 1 the `src` one, 2 the inline one.
    let copied = use_state(|| 0u8);
    {
        let copied = copied.clone();
        use_effect_with(props.text.clone(), move |_| copied.set(0));
    }
    let (screen, first, css) = use_first_screen(&props.text, props.valid);
    let first = Option::as_ref(&*first)
        .zip(Option::as_deref(&*css))
        .map(|(first, css)| (first, css, props.text.as_str()));
    let (snippet, inline) = embed_snippets(&props.widget, &props.name, first);
    let copy = |snippet: String, which: u8| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&snippet);
                copied.set(which);
            }
        })
    };
    let download = {
        let (text, name) = (props.text.clone(), props.name.clone());
        Callback::from(move |_: MouseEvent| crate::dom::download(&name, "application/json", &text))
    };
    let name = &props.name;
    html! {
        <>
            <h3>{ "Embed it in a course page" }</h3>
            <p>{ "Save the question file next to the course page as " }<code>{ name.clone() }</code>{ " and paste:" }</p>
            <pre class="snippet"><code>{ snippet.clone() }</code></pre>
            <div class="inputs">
                <button type="button" onclick={copy(snippet, 1)}>{ if *copied == 1 { "Copied ✓" } else { "Copy embed snippet" } }</button>
                if props.valid {
                    <button type="button" onclick={download}>{ format!("Download {name}") }</button>
                }
            </div>
            if let Some(inline) = inline {
                <p>{ "Or put the questions in the page itself:" }</p>
                <pre class="snippet"><code>{ inline.clone() }</code></pre>
                <button type="button" onclick={copy(inline, 2)}>{ if *copied == 2 { "Copied ✓" } else { "Copy inline snippet" } }</button>
            }
            if props.valid {
                <p class="hint-text">{ "Each snippet holds the quiz's first screen, so learners see it before the widget's program has loaded, and where it cannot run." }</p>
            }
            { screen }
        </>
    }
}

/// A new learner's first screen of `text`, rendered hidden by the component
/// `quiz embed` renders natively, and read back as HTML; with the widget's
/// stylesheet (fetched once) for the snippet. The hidden render, then the
/// screen and the stylesheet once they are had.
#[hook]
fn use_first_screen(text: &str, valid: bool) -> (Html, Rc<Option<FirstScreen>>, Rc<Option<String>>) {
    let holder = use_node_ref();
    let read = use_state(|| Rc::new(None::<FirstScreen>));
    let css = use_state(|| Rc::new(None::<String>));
    let redraw = use_force_update();
    let quiz = valid.then(|| quiz_format::accept(text)).flatten();
    let tag = quiz.as_ref().and_then(|q| q.language.clone()).unwrap_or_default();
    let texts = crate::i18n::texts(&tag, &Callback::from(move |()| redraw.force_update()));
    let props = use_memo((text.to_owned(), texts.map(|t| t.tag())), move |_| {
        Some(first_screen(quiz?, &|_| None, texts?))
    });
    {
        let (holder, read, css, props) = (holder.clone(), read.clone(), css.clone(), Rc::clone(&props));
        use_effect_with(Rc::clone(&props), move |_| {
            let html = holder.cast::<web_sys::Element>().map(|e| e.inner_html());
            let (seed, key) = match props.as_ref() {
                Some((screen, seed)) => (*seed, screen.storage_key().to_owned()),
                None => (None, String::new()),
            };
            let first = html
                .filter(|h| !h.is_empty())
                .map(|html| FirstScreen { html, seed, key });
            read.set(Rc::new(first));
            if css.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(text) = crate::fetch::fetch_text("quiz-widget.css", None).await {
                        css.set(Rc::new(Some(compact_css(&text))));
                    }
                });
            }
        });
    }
    let screen: Option<FirstScreenProps> = props.as_ref().as_ref().map(|(p, _)| p.clone());
    let html = html! {
        <div hidden=true ref={holder}>
            if let Some(screen) = screen { <PrerenderedScreen ..screen /> }
        </div>
    };
    (html, (*read).clone(), (*css).clone())
}
