//! The widget's state: the core [`Session`] plus what the shell still has to do.
//!
//! The reducer only changes state. The effects a change asks for (storage
//! writes, events for the host page) are queued in [`State::pending`] and
//! carried out by a hook after the render, so the reducer stays pure.

use std::rc::Rc;

use quiz_core::json;
use quiz_core::session::{Action, Effect, Mode, Session};
use quiz_core::Quiz;
use yew::prelude::*;

/// A shared quiz compared by identity: a deep comparison of thousands of
/// questions on every render would cost more than the render.
#[derive(Clone, Debug)]
pub struct QuizRef(pub Rc<Quiz>);

impl PartialEq for QuizRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Something the learner should know about storage or their progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    StorageUnavailable,
    StorageFull,
    ProgressDropped(usize),
    Imported(quiz_core::transfer::ImportSummary),
    ImportFailed(String),
}

/// Messages to the reducer.
pub enum Msg {
    /// A learner's action for the core session.
    Session(Action),
    AskReset,
    CancelReset,
    Notice(Option<Notice>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub session: Session,
    /// Effects of the last action, for the effect hook.
    pub pending: Rc<Vec<Effect>>,
    /// Bumped on every action, so the effect hook runs once per action.
    pub generation: u64,
    pub confirming_reset: bool,
    pub notice: Option<Notice>,
}

impl State {
    pub fn new(session: Session, notice: Option<Notice>) -> State {
        State {
            session,
            pending: Rc::new(Vec::new()),
            generation: 0,
            confirming_reset: false,
            notice,
        }
    }
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Session(action) => {
                let resets = matches!(action, Action::ResetProgress);
                next.pending = Rc::new(next.session.apply(action, now_ms()));
                next.generation += 1;
                if resets {
                    next.confirming_reset = false;
                }
            }
            Msg::AskReset => next.confirming_reset = true,
            Msg::CancelReset => next.confirming_reset = false,
            Msg::Notice(notice) => {
                if next.notice == notice {
                    return self;
                }
                next.notice = notice;
            }
        }
        Rc::new(next)
    }
}

/// The session settings as stored: mode, filters and shuffle seed.
pub fn settings_to_json(session: &Session) -> String {
    let mut out = format!("{{\"mode\":\"{}\"", session.mode.as_str());
    if let Some(section) = &session.filters.section {
        out.push_str(",\"section\":");
        out.push_str(&json::quote(section));
    }
    if let Some(seed) = session.shuffle_seed {
        out.push_str(&format!(",\"seed\":\"{seed:x}\""));
    }
    out.push('}');
    out
}

/// Restores stored settings into a new session, ignoring anything unreadable.
pub fn apply_settings(session: &mut Session, stored: &str, now: i64) {
    let Ok(root) = json::parse(stored) else { return };
    if let Some(seed) = root
        .get("seed")
        .and_then(|n| n.as_str())
        .and_then(|s| u64::from_str_radix(s, 16).ok())
    {
        session.apply(Action::Shuffle(Some(seed)), now);
    }
    if let Some(section) = root.get("section").and_then(|n| n.as_str()) {
        if session.quiz.sections.iter().any(|s| s.id == section) {
            session.apply(Action::PickSection(Some(section.to_owned())), now);
        }
    }
    if let Some(mode) = root.get("mode").and_then(|n| n.as_str()).and_then(Mode::from_name) {
        session.apply(Action::PickMode(mode), now);
    }
}

/// The current time, for building sessions outside the reducer.
pub fn now() -> i64 {
    now_ms()
}
