//! The first screen, rendered where the page is built: the widget's own
//! components ([`crate::view::screen`]) rendered to HTML natively by yew's
//! server renderer, for a new learner, in a declarative shadow root that the
//! browser shows before any script runs.
//!
//! `quiz embed`, the mdBook preprocessor and the LMS launch pages call
//! [`snippet`]. The loader (js/quiz-widget.js) keeps the pre-rendered screen
//! on the page until the wasm has rendered its own; js/quiz-handover.js then
//! swaps the two in one task and carries over what the learner did meanwhile (see
//! ARCHITECTURE.md, "The first screen"). The learner's module does not carry
//! this module (nothing of it is called there), and only the native build has
//! yew's server renderer; the study page's teacher panel renders the same
//! [`PrerenderedScreen`] in the browser and assembles the same snippet.

use std::rc::Rc;

use quiz_format::ValidQuiz;
use quiz_session::progress::Records;
use quiz_session::session::{self, Session};
use yew::prelude::*;

use crate::app::quiz_view_props;
use crate::element::{props_from, UID};
use crate::i18n::Texts;
use crate::state::QuizRef;
use crate::view::{screen, QuizViewProps, Screen};

/// The widget's stylesheet, as the pre-rendered root's inline `<style>`:
/// a root's styles must come with it, or the screen shows unstyled first.
#[cfg(not(target_arch = "wasm32"))]
const STYLESHEET: &str = include_str!("../quiz-widget.css");

/// The release this pre-renderer belongs to, written on the pre-rendered
/// screen: a loader of another release brings its own stylesheet.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where the questions of a snippet come from.
pub enum Questions<'a> {
    /// A URL the element fetches (`src`).
    Src(&'a str),
    /// The question file itself, as JSON, inline in the element.
    Inline(&'a str),
}

/// A `<quiz-widget>` element for any page: its attributes, its first screen
/// pre-rendered in a declarative shadow root with the stylesheet inline, and
/// the questions (inline or by `src`). `attributes` are the element's other
/// attributes, each a name and a value (`None` for a bare boolean one). The
/// snippet is two lines, the open tag and the rest, with no blank line, so
/// that Markdown keeps it as one HTML block.
#[cfg(not(target_arch = "wasm32"))]
pub fn snippet(
    quiz: ValidQuiz,
    questions: Questions,
    attributes: &[(String, Option<String>)],
) -> Result<String, String> {
    check_attributes(&quiz, attributes)?;
    let attribute = attribute_of(attributes);
    let tag = attribute("lang").or_else(|| quiz.language.clone()).unwrap_or_default();
    let texts = crate::i18n::native(&tag)?;
    let (props, seed) = first_screen(quiz, &attribute, texts);
    let key = props.storage_key().to_owned();
    let html = render(props)?;
    let first = FirstScreen { html, seed, key };
    assemble(&first, &compact_css(STYLESHEET), questions, attributes)
}

/// The attributes as [`props_from`] reads them: a bare one is empty.
pub fn attribute_of(attributes: &[(String, Option<String>)]) -> impl Fn(&str) -> Option<String> + '_ {
    |name: &str| {
        let given = attributes.iter().find(|(n, _)| n == name);
        given.map(|(_, value)| value.clone().unwrap_or_default())
    }
}

/// Whether the attributes can be written and mean something: the browser's
/// element ignores a value it cannot read, so a typo here (`controls=ful`)
/// would silently give every learner the default. An unknown `section`
/// would show "No items match these filters" to every learner.
pub fn check_attributes(quiz: &ValidQuiz, attributes: &[(String, Option<String>)]) -> Result<(), String> {
    if let Some((name, _)) = attributes.iter().find(|(name, _)| !is_attribute_name(name)) {
        return Err(format!("`{name}` is not an attribute name"));
    }
    for (name, value) in attributes {
        let value = value.as_deref().unwrap_or_default().trim();
        let number =
            |text: &str, low: u16, high: u16| text.trim().parse::<u16>().is_ok_and(|n| (low..=high).contains(&n));
        let expected = match name.as_str() {
            "heading-level" if !number(value, 1, 6) => "a level from 1 to 6",
            "pass-mark" if !number(value.trim_end_matches('%'), 1, 100) => "a percentage from 1 to 100",
            "draw" if !number(value, 1, u16::MAX) => "a number of questions, 1 or more",
            "controls" if !matches!(value, "check" | "full") => "`check` or `full`",
            "solution" if quiz_format::Solution::from_name(value).is_none() => {
                "`on-request`, `immediately` or `after-N` (N from 1 to 9)"
            }
            "mode" if quiz_session::session::Mode::from_name(value).is_none() => "`practice`, `review` or `due`",
            "shuffle" | "exam" if !matches!(value, "" | "true" | "false") => "nothing (written bare), or `false`",
            _ => continue,
        };
        return Err(format!("{name}=\"{value}\": give {expected}"));
    }
    let attribute = attribute_of(attributes);
    if let Some(draw) = attribute("draw").and_then(|d| d.trim().parse::<usize>().ok()) {
        let section = attribute("section");
        let pool = quiz.questions.iter().filter(|q| q.section == section).count();
        if draw > pool {
            let whose = section.map_or_else(|| "the quiz has".to_owned(), |s| format!("section \"{s}\" has"));
            return Err(format!("draw=\"{draw}\": {whose} {pool} questions to draw from"));
        }
    }
    let Some(section) = attribute("section") else {
        return Ok(());
    };
    if quiz.sections.iter().any(|s| s.id == section) {
        return Ok(());
    }
    let ids: Vec<&str> = quiz.sections.iter().map(|s| s.id.as_str()).collect();
    Err(match ids.is_empty() {
        true => format!("section=\"{section}\": the quiz has no sections"),
        false => format!(
            "section=\"{section}\" is not a section of the quiz; its sections are {}",
            ids.join(", ")
        ),
    })
}

/// The snippet around a rendered first screen, with `css` (the widget's
/// stylesheet, on one line) inline.
pub fn assemble(
    first: &FirstScreen,
    css: &str,
    questions: Questions,
    attributes: &[(String, Option<String>)],
) -> Result<String, String> {
    let mut out = String::from("<quiz-widget");
    if let Questions::Src(url) = questions {
        push_attribute(&mut out, "src", Some(url));
    }
    for (name, value) in attributes.iter().filter(|(name, _)| name != "src") {
        push_attribute(&mut out, name, value.as_deref());
    }
    // The open tag alone on the first line: a CommonMark HTML block of the
    // kind a custom element starts (type 7), which runs to a blank line.
    out.push_str(">\n<template shadowrootmode=\"open\"><style>");
    out.push_str(&css.replace("</", "<\\/"));
    out.push_str("</style><div class=\"quiz-widget-host\" data-prerendered=\"");
    out.push_str(VERSION);
    out.push('"');
    // Whose progress the loader looks for: a returning learner's screen is
    // their own, not this one.
    push_attribute(&mut out, "data-key", Some(&first.key));
    if let Some(seed) = first.seed {
        out.push_str(&format!(" data-seed=\"{seed}\""));
    }
    out.push('>');
    // A newline in text (code) as a reference: a blank line would end the
    // HTML block of a Markdown page around the snippet.
    out.push_str(&first.html.replace('\r', "&#13;").replace('\n', "&#10;"));
    out.push_str("</div></template>");
    if let Questions::Inline(json) = questions {
        // Compact, on the snippet's one line. `<` appears in JSON only
        // inside strings, where `\u003c` means the same: no `</script>`
        // can end the script early.
        let node = quiz_format::json::parse(json).map_err(|e| format!("the questions are not JSON: {e:?}"))?;
        let mut compact = quiz_format::json::Writer::compact();
        compact.value(&node.value);
        out.push_str("<script type=\"application/json\">");
        out.push_str(&compact.finish().replace('<', "\\u003c"));
        out.push_str("</script>");
    }
    out.push_str("</quiz-widget>");
    Ok(out)
}

/// A new learner's first screen, as HTML, and the shuffle seed it was drawn
/// with when the live widget must use it too.
pub struct FirstScreen {
    pub html: String,
    pub seed: Option<u64>,
    /// The storage key of the learner's progress (`storage-key`, else the quiz's id).
    pub key: String,
}

/// A new learner's first screen of `quiz` under the element's attributes
/// (as [`props_from`] reads them), in `texts`, ready to render with
/// [`PrerenderedScreen`]; and the seed the live widget must shuffle with.
pub fn first_screen(
    quiz: ValidQuiz,
    attribute: &dyn Fn(&str) -> Option<String>,
    texts: &'static Texts,
) -> (FirstScreenProps, Option<u64>) {
    let props = props_from(attribute);
    let quiz = QuizRef(Rc::new(quiz));
    let mut view = quiz_view_props(&props, &quiz, texts);
    view.uid = Some(AttrValue::Static(UID));
    // The seed is the page's, so that the page is the same at every build.
    let seed = page_seed(&quiz.0.id, attribute);
    let mut first = Some(seed);
    let entropy = move || first.take().unwrap_or(seed);
    let started = Session::start(
        Rc::clone(&quiz.0),
        Records::default(),
        None,
        view.host_choices(),
        crate::state::now(),
        entropy,
    );
    // A draw is each learner's own, so the live widget draws again; a
    // shuffle of the whole list keeps the page's order for new learners.
    let seed = (view.shuffle && view.draw.is_none()).then_some(seed);
    let props = FirstScreenProps {
        view: Rc::new(view),
        session: Rc::new(started.session),
    };
    (props, seed)
}

/// A new learner's session and its view, for [`PrerenderedScreen`].
#[derive(Properties, PartialEq, Clone)]
pub struct FirstScreenProps {
    view: Rc<QuizViewProps>,
    session: Rc<Session>,
}

impl FirstScreenProps {
    /// The storage key of the learner's progress on this quiz.
    pub fn storage_key(&self) -> &str {
        &self.view.storage_key
    }
}

/// A session's screen with nothing to call back: the page's HTML, rendered
/// natively by [`snippet`], or in the study page's teacher panel.
#[component]
pub fn PrerenderedScreen(props: &FirstScreenProps) -> Html {
    let view = &props.view;
    let section = props.session.filters().section.clone();
    let topics = session::topics(&view.quiz.0, section.as_deref());
    screen(
        view,
        Screen {
            session: &props.session,
            confirming_reset: false,
            notice: None,
            uid: &AttrValue::Static(UID),
            topics: Rc::new(topics.into_iter().map(AttrValue::from).collect()),
            on_action: Callback::noop(),
            on_confirming: Callback::noop(),
            transfer: crate::transfer::Callbacks {
                export: Callback::noop(),
                csv: Callback::noop(),
                import: Callback::noop(),
            },
            root: NodeRef::default(),
            onkeydown: Callback::noop(),
            onfocusin: Callback::noop(),
        },
    )
}

/// Renders natively on a one-thread runtime: the components and their props are not
/// `Send`, and nothing here waits on anything but the render.
#[cfg(not(target_arch = "wasm32"))]
fn render(props: FirstScreenProps) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("the renderer could not start: {e}"))?;
    let local = tokio::task::LocalSet::new();
    let renderer = yew::LocalServerRenderer::<PrerenderedScreen>::with_props(props).hydratable(false);
    Ok(runtime.block_on(local.run_until(renderer.render())))
}

/// A 53-bit seed (all a JS number holds exactly) from the quiz and the
/// page's attributes: FNV-1a, the same for the same page at every build.
fn page_seed(quiz_id: &str, attribute: &dyn Fn(&str) -> Option<String>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let attributes = ["section", "shuffle", "draw", "mode", "exam"].map(attribute);
    let parts = std::iter::once(quiz_id.to_owned()).chain(attributes.into_iter().flatten());
    for byte in parts.flat_map(|part| part.into_bytes().into_iter().chain([0])) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash >> 11
}

/// Whether `name` may be written as an attribute name in HTML.
fn is_attribute_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// ` name="value"`, the value escaped for a double-quoted attribute.
fn push_attribute(out: &mut String, name: &str, value: Option<&str>) {
    out.push(' ');
    out.push_str(name);
    if let Some(value) = value {
        out.push_str("=\"");
        for c in value.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\n' => out.push_str("&#10;"),
                '\r' => out.push_str("&#13;"),
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

/// The stylesheet without comments and with whitespace collapsed: one line,
/// about a fifth smaller. Strings are kept as written, and a space is
/// dropped only beside `{`, `}`, `;`, `,` and `>` and after `:`, where it
/// never means a descendant (a space before `:` or `(` can, so it stays).
pub fn compact_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            c => {
                let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>');
                // After a colon too: a selector never has a space there.
                if space && !out.is_empty() && !tight(c) && !out.ends_with(|c| tight(c) || c == ':') {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                if c == '"' || c == '\'' {
                    while let Some(inner) = chars.next() {
                        out.push(inner);
                        if inner == '\\' {
                            out.extend(chars.next());
                        } else if inner == c {
                            break;
                        }
                    }
                }
            }
        }
    }
    out
}
