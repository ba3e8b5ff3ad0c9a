//! The study page's teacher panel: "Try your own questions". A teacher
//! chooses, drops or pastes a question file and sees the validator's full
//! report, or a live preview of the widget, and the embed snippet for it.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::{App, Source};

/// The embed snippet for the question file `file_name`, saved next to the page.
pub fn embed_snippet(widget_url: &str, file_name: &str) -> String {
    format!(
        "<script type=\"module\" src=\"{widget_url}\"></script>\n<quiz-widget src=\"{}\"></quiz-widget>",
        attribute_text(file_name)
    )
}

/// The embed snippet with the question file inline. `</` is written `<\/`
/// (the same JSON string), so no text in the file can end the script early.
pub fn inline_snippet(widget_url: &str, json: &str) -> String {
    format!(
        "<script type=\"module\" src=\"{widget_url}\"></script>\n<quiz-widget>\n  <script type=\"application/json\">\n{}\n  </script>\n</quiz-widget>",
        json.trim().replace("</", "<\\/")
    )
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
            crate::hooks::read_chosen_file(&input, set_text.clone());
        })
    };
    let ondrop = {
        let (set_text, file_name) = (set_text.clone(), file_name.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let file = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
            if let Some(file) = file {
                file_name.set(Some(file.name()));
                crate::hooks::read_file(file, set_text.clone());
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
    let snippet = embed_snippet(&props.widget, &props.name);
    let inline = props.valid.then(|| inline_snippet(&props.widget, &props.text));
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
        Callback::from(move |_: MouseEvent| crate::hooks::download(&name, "application/json", &text))
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
        </>
    }
}
