//! The root component: [`App`] loads and validates a question source, then
//! shows its problems or the learner's session on it (`crate::view`).

use std::rc::Rc;

use quiz_format::{Diagnostic, Severity, Solution};
use quiz_session::session::Mode;
use yew::prelude::*;

use crate::components::Face;
use crate::i18n::Texts;
use crate::state::QuizRef;
use crate::storage::KeyValueStore;
use crate::view::{QuizView, QuizViewProps};

/// Where the questions come from.
#[derive(Clone, Debug)]
pub enum Source {
    /// Fetched from a URL (the `src` attribute).
    Url(AttrValue),
    /// A URL whose fetch the `<quiz-widget>` element started while the wasm
    /// was still loading, so the two overlap.
    Prefetched(AttrValue, crate::fetch::Prefetch),
    /// Given as text (an inline `<script type="application/json">`, or the teacher's paste).
    Text(AttrValue),
}

/// Two sources are the same when they name the same URL, fetched ahead by
/// the loader or not, or hold the same text: a change of another attribute
/// (`mode`, `section`) keeps the quiz and does not fetch its file again.
impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Source::Text(a), Source::Text(b)) => a == b,
            (Source::Url(a) | Source::Prefetched(a, _), Source::Url(b) | Source::Prefetched(b, _)) => a == b,
            _ => false,
        }
    }
}

/// Why the quiz could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The fetch failed: network, CORS or an HTTP status.
    Fetch { url: AttrValue, reason: String },
    /// The file was read but is not a valid question file.
    Invalid { origin: AttrValue, problems: Problems },
}

/// A rejected file's problems, which the full validator lists (`report`).
#[derive(Clone, Debug, PartialEq)]
pub enum Problems {
    /// The report is on its way.
    Listing,
    Listed(Rc<Vec<Diagnostic>>),
    /// The report could not be had, and why.
    Unlisted(String),
}

/// How far loading got.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Failed(LoadError),
    Ready(QuizRef),
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub source: Source,
    /// Interface language tag; the quiz's `language` is used when absent.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// Namespace for stored progress; the quiz id when absent.
    #[prop_or_default]
    pub storage_key: Option<AttrValue>,
    /// Show this section only.
    #[prop_or_default]
    pub section: Option<AttrValue>,
    #[prop_or_default]
    pub mode: Option<Mode>,
    /// Shuffle questions and choices (seeded per learner and remembered).
    #[prop_or_default]
    pub shuffle: bool,
    /// When a wrong answer's solution shows; the quiz's `solution` when absent.
    #[prop_or_default]
    pub solution: Option<Solution>,
    /// The focused check (course pages) or the whole study app.
    #[prop_or_default]
    pub face: Face,
    /// The level of the quiz title's heading (1 to 6); items and the summary
    /// use the next level, so the widget fits the page's outline.
    #[prop_or(2)]
    pub heading_level: u8,
    /// Show this many questions of the list, drawn for each learner: of the
    /// `section`'s, or of those outside any section (the `draw` attribute).
    #[prop_or_default]
    pub draw: Option<u16>,
    /// Make the quiz an exam on this page (the `exam` attribute).
    #[prop_or_default]
    pub exam: bool,
    /// The pass mark on this page, in percent (the `pass-mark` attribute).
    #[prop_or_default]
    pub pass_mark: Option<u8>,
    /// The host's storage (the element's `storage` property), in place of `localStorage`.
    #[prop_or_default]
    pub storage: Option<KeyValueStore>,
    /// The prefix of element ids; random when absent. A widget in its own
    /// shadow root has a fixed one, the one its pre-rendered screen has.
    #[prop_or_default]
    pub uid: Option<AttrValue>,
    /// A new learner's shuffle seed, from a pre-rendered first screen.
    #[prop_or_default]
    pub seed: Option<u64>,
}

/// Shows the quiz in `text`, or, for a file that is not valid, its problems
/// once the full validator has listed them. `current` tells a report whether
/// its file is still the one shown.
fn validate(text: String, origin: AttrValue, load: UseStateHandle<LoadState>, current: impl Fn() -> bool + 'static) {
    if let Some(quiz) = quiz_format::accept(&text) {
        load.set(LoadState::Ready(QuizRef(Rc::new(quiz))));
        return;
    }
    let failed = move |problems| {
        LoadState::Failed(LoadError::Invalid {
            origin: origin.clone(),
            problems,
        })
    };
    load.set(failed(Problems::Listing));
    wasm_bindgen_futures::spawn_local(async move {
        let problems = match crate::report::problems(&text).await {
            Ok(list) => Problems::Listed(Rc::new(list)),
            Err(reason) => Problems::Unlisted(reason),
        };
        if current() {
            load.set(failed(problems));
        }
    });
}

/// Loads the source, then shows the quiz or what is wrong with it.
#[component]
pub fn App(props: &AppProps) -> Html {
    let load = use_state(|| LoadState::Loading);
    // Counts the sources shown, so that a late report of an earlier one is dropped.
    let generation = use_mut_ref(|| 0u32);
    {
        let load = load.clone();
        use_effect_with(props.source.clone(), move |source| {
            *generation.borrow_mut() += 1;
            let shown = *generation.borrow();
            let current = move || *generation.borrow() == shown;
            let (url, under_way) = match source {
                Source::Text(text) => {
                    validate(text.to_string(), AttrValue::from("inline questions"), load, current);
                    return;
                }
                Source::Url(url) => (url.clone(), None),
                Source::Prefetched(url, prefetch) => (url.clone(), Some(prefetch.clone())),
            };
            load.set(LoadState::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                match crate::fetch::fetch_text(&url, under_way).await {
                    Ok(text) => validate(text, url, load, current),
                    Err(reason) => load.set(LoadState::Failed(LoadError::Fetch { url, reason })),
                }
            });
        });
    }
    let quiz = if let LoadState::Ready(quiz) = &*load {
        Some(quiz)
    } else {
        None
    };
    let lang_tag = props.lang.as_deref().or(quiz.and_then(|q| q.0.language.as_deref()));
    // A language other than English is a file, fetched once for the page.
    let redraw = use_force_update();
    let texts = crate::i18n::texts(
        lang_tag.unwrap_or_default(),
        &Callback::from(move |()| redraw.force_update()),
    );
    let loading = |t: &Texts| html! { <div class="quiz-widget loading" role="status">{ t.loading() }</div> };
    let Some(texts) = texts else {
        return loading(&crate::i18n::EN);
    };
    match &*load {
        LoadState::Loading => loading(texts),
        LoadState::Failed(error) => load_error_view(texts, error),
        LoadState::Ready(quiz) => {
            let view = quiz_view_props(props, quiz, texts);
            // A new quiz or storage key starts a new session, not a patched old one.
            let session_key = format!("{}@{:p}", view.storage_key, Rc::as_ptr(&quiz.0));
            html! { <QuizView key={session_key} ..view /> }
        }
    }
}

/// A valid quiz's view under the host's attributes: the live widget's, and
/// the pre-renderer's.
pub fn quiz_view_props(props: &AppProps, quiz: &QuizRef, texts: &'static Texts) -> QuizViewProps {
    let key = props
        .storage_key
        .as_deref()
        .map_or_else(|| quiz.0.id.clone(), str::to_owned);
    QuizViewProps {
        quiz: quiz.clone(),
        texts,
        storage_key: AttrValue::from(key),
        storage: props.storage.clone(),
        section: props.section.clone(),
        mode: props.mode,
        shuffle: props.shuffle,
        draw: props.draw,
        exam: props.exam,
        pass_mark: props.pass_mark.or(quiz.0.pass_mark),
        solution: props.solution.or(quiz.0.solution).unwrap_or_default(),
        face: props.face,
        heading_level: props.heading_level,
        uid: props.uid.clone(),
        seed: props.seed,
    }
}

/// The validator's report, or the fetch failure, inside the widget.
pub fn load_error_view(t: &Texts, error: &LoadError) -> Html {
    html! {
        // In the interface's language, except what only comes in English:
        // the file's problems, marked as such so that a right-to-left page
        // does not reorder their punctuation.
        <div class="quiz-widget load-error" role="alert" lang={t.tag()} dir={crate::i18n::direction(t.tag())}>
            <h2>{ t.load_failed() }</h2>
            { match error {
                LoadError::Fetch { url, reason } => html! { <p lang="en" dir="ltr"><code>{ url.clone() }</code>{ ": " }{ reason.clone() }</p> },
                LoadError::Invalid { origin, problems: Problems::Listed(diagnostics) } => {
                    let errors = || diagnostics.iter().filter(|d| d.severity == Severity::Error);
                    let count = errors().count();
                    html! {
                        <>
                            <p lang="en" dir="ltr"><code>{ origin.clone() }</code>{ format!(": {count} problem(s)") }</p>
                            { crate::components::diagnostics::diagnostics(errors(), count) }
                        </>
                    }
                }
                LoadError::Invalid { origin, problems: Problems::Listing } => html! {
                    <p lang="en" dir="ltr"><code>{ origin.clone() }</code>{ ": not a valid question file; listing its problems…" }</p>
                },
                LoadError::Invalid { origin, problems: Problems::Unlisted(reason) } => html! {
                    <p lang="en" dir="ltr"><code>{ origin.clone() }</code>
                        { format!(": not a valid question file, and its problems could not be listed ({reason}). `quiz validate` lists them, as does the study page.") }</p>
                },
            } }
        </div>
    }
}
