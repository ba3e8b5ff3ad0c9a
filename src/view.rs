//! A learner's session on a valid quiz: [`QuizView`] with its hooks, and
//! [`screen`], the one view of a session, which the pre-renderer
//! (`crate::prerender`) renders natively too.

use std::rc::Rc;

use quiz_format::{Quiz, Solution};
use quiz_session::session::{Action, Attempt, HostChoices, List, Mode, Navigate, Session};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::header::HeaderProps;
use crate::components::item::item;
use crate::components::nav::{nav, NavProps};
use crate::components::summary::{summary, SummaryProps};
use crate::components::tools::{tools, ToolsProps};
use crate::components::Face;
use crate::dom::HostTarget;
use crate::hooks::session::{use_effects, use_exam_clock, use_focus_follow, use_host_attributes, use_session};
use crate::hooks::use_storage_sync;
use crate::i18n::Texts;
use crate::kinds::ItemProps;
use crate::state::{Msg, Notice, QuizRef, SchedulersRef, State};
use crate::storage::{KeyValueStore, Store};

#[derive(Properties, PartialEq)]
pub struct QuizViewProps {
    pub quiz: QuizRef,
    /// The host's `draw`: this many questions of the list, per learner.
    pub draw: Option<u16>,
    /// The host's `exam`: the quiz is an exam on this page.
    pub exam: bool,
    /// The pass mark: the host's `pass-mark`, else the quiz's.
    pub pass_mark: Option<u8>,
    pub texts: &'static Texts,
    pub storage_key: AttrValue,
    pub storage: Option<KeyValueStore>,
    pub section: Option<AttrValue>,
    pub mode: Option<Mode>,
    pub shuffle: bool,
    pub solution: Solution,
    pub face: Face,
    pub heading_level: u8,
    /// The prefix of the widget's element ids; random when absent (the
    /// study page, whose widgets share one document).
    pub uid: Option<AttrValue>,
    /// A new learner's shuffle seed: the one a pre-rendered first screen was
    /// shuffled with, so that the live widget shows the same order.
    pub seed: Option<u64>,
}

impl QuizViewProps {
    /// What the host's attributes ask of the session when it starts.
    pub(crate) fn host_choices(&self) -> HostChoices {
        HostChoices {
            section: self.section.as_ref().map(ToString::to_string),
            mode: self.mode,
            shuffle: self.shuffle,
            draw: self.draw,
            exam: self.exam,
        }
    }

    /// Where the session's events for the host page go.
    fn host_target(&self, root: &NodeRef) -> HostTarget {
        HostTarget {
            root: root.clone(),
            quiz_id: self.quiz.0.id.clone(),
            section: self.section.clone(),
            pass_mark: self.pass_mark,
        }
    }
}

/// A learner's session on one quiz.
#[component]
pub fn QuizView(props: &QuizViewProps) -> Html {
    let store = use_memo((props.storage_key.clone(), props.storage.clone()), |(key, host)| {
        Store::open(key, host.as_ref())
    });
    let uid = use_memo(props.uid.clone(), |uid| {
        uid.clone()
            .unwrap_or_else(|| AttrValue::from(format!("qw{:x}", crate::dom::entropy())))
    });
    let state = use_session(&props.quiz, &store, props.host_choices(), props.seed);
    let root = use_node_ref();
    use_host_attributes(state.dispatcher(), props.section.clone(), props.mode, props.shuffle);
    let on_action = {
        let dispatch = state.dispatcher();
        Callback::from(move |action: Action| dispatch.dispatch(Msg::Session(action)))
    };
    use_effects(&state, &store, props.host_target(&root));
    use_storage_sync(store.clone(), state.dispatcher());
    let onfocusin = use_focus_follow(&state, &root);
    use_exam_clock(&state);
    let topics = use_topics(&props.quiz, state.session.filters().section.clone());
    let on_confirming = {
        let dispatch = state.dispatcher();
        Callback::from(move |ask: bool| dispatch.dispatch(if ask { Msg::AskReset } else { Msg::CancelReset }))
    };
    screen(
        props,
        Screen {
            session: &state.session,
            confirming_reset: state.confirming_reset,
            notice: state.notice.as_ref(),
            uid: &uid,
            topics,
            onkeydown: keyboard_handler(&state, on_action.clone()),
            on_action,
            on_confirming,
            transfer: crate::transfer::callbacks(&state, &props.quiz),
            root,
            onfocusin,
        },
    )
}

/// What one screen of a session shows beside its props: the session, the
/// shell's own state, and where the learner's acts go. [`QuizView`] fills it
/// from its hooks; the pre-renderer (`crate::prerender`) from a session it
/// starts natively, with callbacks that nothing calls.
pub struct Screen<'a> {
    pub session: &'a Session,
    pub confirming_reset: bool,
    pub notice: Option<&'a Notice>,
    pub uid: &'a AttrValue,
    pub topics: Rc<Vec<AttrValue>>,
    pub on_action: Callback<Action>,
    pub on_confirming: Callback<bool>,
    pub transfer: crate::transfer::Callbacks,
    pub root: NodeRef,
    pub onkeydown: Callback<KeyboardEvent>,
    pub onfocusin: Callback<FocusEvent>,
}

/// A session's screen: the one view of the live widget and of its
/// pre-rendered first screen, so that the two cannot drift.
pub fn screen(props: &QuizViewProps, s: Screen) -> Html {
    let t = props.texts;
    let session = s.session;
    let on_action = s.on_action;
    let position = session.position();
    let count = session.items().len();
    // What a transfer tool did shows beside the tools, where the learner
    // looks; storage notices above everything. (Written here rather than as
    // a function: 149 B less in the wasm.)
    let from_tool = matches!(
        s.notice,
        Some(Notice::Imported(_) | Notice::ImportFailed(_) | Notice::ExportFailed(_))
    );
    let notice = s
        .notice
        .map(|n| html! { <p class="notice" role="status">{ notice_text(t, n) }</p> });
    let (notice, tool_notice) = if from_tool { (None, notice) } else { (notice, None) };
    let body = body(
        props,
        session,
        on_action.clone(),
        s.on_confirming.reform(|()| true),
        s.uid,
    );
    let title_id = format!("{}-title", s.uid);
    // The quiz's language and its direction for the content; without one the
    // host page's direction is inherited (through the shadow root too).
    let language = props.quiz.0.language.clone();
    let dir = language.as_deref().map(crate::i18n::direction);
    html! {
        <section class="quiz-widget" ref={s.root} onkeydown={s.onkeydown} onfocusin={s.onfocusin}
            lang={language.unwrap_or_else(|| t.tag().to_owned())} {dir}
            aria-labelledby={title_id.clone()} data-face={if props.face == Face::Check { "check" } else { "study" }}>
            { header(props, session, s.topics, s.uid, title_id, &on_action) }
            { for notice }
            // Above the item, so that Previous and Next stay where they are
            // however long each item is.
            if count > 0 {
                { nav(&NavProps { texts: t, face: props.face, position, count, on_action: on_action.clone() }) }
            }
            // The quiz's and the section's introductions open the first item,
            // below the navigation, so that it never moves.
            if position == 0 {
                { introductions(&props.quiz.0, session) }
            }
            <div class="quiz-body">{ body }</div>
            { tools(&ToolsProps {
                texts: t,
                face: props.face,
                confirming_reset: s.confirming_reset,
                notice: tool_notice,
                exam: session.exam().is_some(),
                at_summary: session.is_at_summary(),
                on_action,
                on_confirming: s.on_confirming,
                on_export: s.transfer.export,
                on_export_csv: s.transfer.csv,
                on_import: s.transfer.import,
            }) }
        </section>
    }
}

/// The topics of the section, for the topic filter. They only change with
/// the section, not with each answer: a pass over every question per render
/// would make feedback slower in bigger quizzes.
#[hook]
fn use_topics(quiz: &QuizRef, section: Option<String>) -> Rc<Vec<AttrValue>> {
    use_memo((quiz.clone(), section), |(quiz, section)| {
        quiz_session::session::topics(&quiz.0, section.as_deref())
            .into_iter()
            .map(AttrValue::from)
            .collect::<Vec<_>>()
    })
}

/// The quiz's header: title, progress, filters and mode.
fn header(
    props: &QuizViewProps,
    session: &Session,
    topics: Rc<Vec<AttrValue>>,
    uid: &AttrValue,
    title_id: String,
    on_action: &Callback<Action>,
) -> Html {
    let on_shuffle = on_action.reform(|on: bool| Action::List(List::Shuffle(on.then(crate::dom::entropy))));
    crate::components::header::header(&HeaderProps {
        session,
        quiz: props.quiz.clone(),
        texts: props.texts,
        face: props.face,
        heading_level: props.heading_level,
        title_id,
        topics,
        pick_section: props.section.is_none(),
        uid: uid.clone(),
        on_action: on_action.clone(),
        on_shuffle,
    })
}

/// The current item, the summary, or why the list is empty.
fn body(
    props: &QuizViewProps,
    session: &Session,
    on_action: Callback<Action>,
    on_reset: Callback<()>,
    uid: &AttrValue,
) -> Html {
    let t = props.texts;
    if let Some(index) = session.current() {
        return item(&ItemProps {
            quiz: props.quiz.clone(),
            index,
            view: session.view(index),
            record: session.record_of(index).cloned(),
            choice_order: session.choice_order(index),
            texts: t,
            on_action,
            uid: uid.clone(),
            solution: props.solution,
            heading_level: props.heading_level,
            schedulers: SchedulersRef(session.schedulers().clone()),
            exam_open: session.is_exam_open(),
        });
    }
    if session.is_at_summary() {
        return summary(&SummaryProps {
            texts: t,
            tally: session.whole_tally(),
            round: session.is_retry().then(|| session.tally()),
            by_topic: session.tally_by_topic(),
            pass_mark: props.pass_mark,
            exam: session.exam().map(|e| (!e.done, session.attempts_left())),
            on_action,
            on_reset,
            heading_level: props.heading_level,
        });
    }
    let message = match session.mode() {
        Mode::Review => t.nothing_to_review(),
        Mode::Due => t.nothing_due(),
        Mode::Practice => t.nothing_here(),
    };
    html! { <p class="empty">{ message }</p> }
}

/// The quiz's description and the current section's, before the first item.
/// Each `class` is written out: a class from a variable would bring yew's
/// `Classes` into the wasm (2 KB gzip).
fn introductions(quiz: &Quiz, session: &Session) -> Html {
    use crate::parts::markdown::markdown;
    let section = session.filters().section.as_ref();
    let section = section.and_then(|id| quiz.sections.iter().find(|s| &s.id == id));
    let section = section.and_then(|s| s.description.clone());
    html! {
        <>
            if let Some(text) = quiz.description.clone() {
                <div class="quiz-description">{ markdown(&text, false) }</div>
            }
            if let Some(text) = section {
                <div class="section-intro">{ markdown(&text, false) }</div>
            }
        </>
    }
}

fn notice_text(t: &Texts, notice: &Notice) -> String {
    match notice {
        Notice::StorageUnavailable => t.storage_unavailable().to_owned(),
        Notice::StorageFull => t.storage_full().to_owned(),
        Notice::ProgressDropped(n) => t.progress_dropped(*n),
        Notice::Imported(s) => t.imported(s.added, s.updated, s.unchanged, s.skipped),
        Notice::ImportFailed(message) => format!("{}: {message}", t.import_failed()),
        Notice::ExportFailed(reason) => format!("{}: {reason}", t.export_failed()),
    }
}

/// Where a key was pressed, which decides whether it is a shortcut.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyTarget {
    /// A choice or the item itself: keys are the widget's shortcuts.
    Shortcuts,
    /// A button, link or disclosure: Enter and Space press it; other keys
    /// are shortcuts.
    Control,
    /// A short answer's text field: Enter checks the answer, other keys type.
    AnswerField,
    /// Any other field (notes, the item number, a list): its keys are its own.
    Field,
}

fn key_target(e: &KeyboardEvent) -> KeyTarget {
    let Some(element) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return KeyTarget::Shortcuts;
    };
    match element.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => match input.type_().as_str() {
            "radio" | "checkbox" | "button" => KeyTarget::Shortcuts,
            "text" => KeyTarget::AnswerField,
            _ => KeyTarget::Field,
        },
        None => match element.tag_name().to_ascii_lowercase().as_str() {
            "textarea" | "select" => KeyTarget::Field,
            "button" | "a" | "summary" => KeyTarget::Control,
            _ => KeyTarget::Shortcuts,
        },
    }
}

/// Keys: digits and letters pick, Enter checks then goes on, Space flips,
/// arrows move. Keys typed into a field are left to it (see [`KeyTarget`]).
fn keyboard_handler(state: &UseReducerHandle<State>, on_action: Callback<Action>) -> Callback<KeyboardEvent> {
    let state = state.clone();
    Callback::from(move |e: KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let key = e.key();
        // Escape answers "Reset progress?" with Cancel.
        if key == "Escape" && state.confirming_reset {
            state.dispatch(Msg::CancelReset);
            return;
        }
        let target = key_target(&e);
        let session = &state.session;
        let Some(index) = session.current() else { return };
        let Some(question) = session.quiz().questions.get(index) else {
            quiz_stdx::never!("the current item {index} is in the quiz");
            return;
        };
        let view = session.view(index);
        let action = match key.as_str() {
            "Enter" | " " if target == KeyTarget::Control => None,
            "Enter" if target == KeyTarget::Field => None,
            "Enter" if view.checked => Some(Action::Navigate(Navigate::Next)),
            "Enter" if question.kind.name().is_self_graded() => None,
            "Enter" => Some(Action::Attempt(Attempt::Check)),
            _ if !matches!(target, KeyTarget::Shortcuts | KeyTarget::Control) => None,
            "ArrowRight" => Some(Action::Navigate(Navigate::Next)),
            "ArrowLeft" => Some(Action::Navigate(Navigate::Previous)),
            k => crate::kinds::key_action(k, session, index, question),
        };
        if let Some(action) = action {
            e.prevent_default();
            on_action.emit(action);
        }
    })
}
