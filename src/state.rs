//! The widget's state: the core [`Session`] plus what the shell still has to do.
//!
//! The reducer only changes state. The effects a change asks for (storage
//! writes, events for the host page) are appended to the [`Outbox`], which a
//! hook drains after the render: the reducer never touches the web.

use std::cell::RefCell;
use std::rc::Rc;

use quiz_format::ValidQuiz;
use quiz_session::schedule::{Now, Schedulers};
use quiz_session::session::{Action, Effect, List, Session};
use yew::prelude::*;

/// A shared quiz compared by identity: a deep comparison of thousands of
/// questions on every render would cost more than the render.
#[derive(Clone, Debug)]
pub struct QuizRef(pub Rc<ValidQuiz>);

impl PartialEq for QuizRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A quiz's schedulers as props: equal when they are the same ones, without
/// comparing their weights (they are made once per quiz).
#[derive(Clone)]
pub struct SchedulersRef(pub Rc<Schedulers>);

impl PartialEq for SchedulersRef {
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
    Imported(quiz_session::transfer::ImportSummary),
    ImportFailed(String),
    /// Export or CSV: the tools could not be had, and why.
    ExportFailed(String),
}

/// Effects queued by the reducer and not yet carried out, oldest first.
///
/// Every copy of a [`State`] shares one outbox. yew may reduce several actions
/// before it renders (a burst of input in one task, or another tab's record
/// arriving with the learner's click), and the effect hook runs once for all
/// of them: it drains everything queued since it last ran, so no action's
/// effects are skipped or carried out twice, whatever the timing.
#[derive(Clone, Debug, Default)]
pub struct Outbox(Rc<RefCell<Vec<Effect>>>);

impl Outbox {
    fn push(&self, effects: Vec<Effect>) {
        self.0.borrow_mut().extend(effects);
    }

    /// Takes every queued effect, in the order the actions asked for them.
    pub fn drain(&self) -> Vec<Effect> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

impl PartialEq for Outbox {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
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
    /// Effects not yet carried out, shared by every copy of the state.
    pub outbox: Outbox,
    /// Bumped on every action, so the effect hook runs after each render that
    /// follows one or more actions.
    pub generation: u64,
    pub confirming_reset: bool,
    pub notice: Option<Notice>,
}

impl State {
    pub fn new(session: Session, notice: Option<Notice>) -> State {
        State {
            session,
            outbox: Outbox::default(),
            generation: 0,
            confirming_reset: false,
            notice,
        }
    }
}

/// Now on the learner's clock: the time and the local offset from UTC, so
/// that "due today" ends at the learner's midnight. For every session action
/// and for building sessions outside the reducer.
pub fn now_here() -> Now {
    // getTimezoneOffset is minutes behind UTC (positive west of Greenwich).
    let behind = js_sys::Date::new_0().get_timezone_offset();
    Now::local(now(), -(behind as i32))
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Session(action) => {
                let resets = matches!(action, Action::List(List::ResetProgress));
                next.outbox.push(next.session.apply(action, now_here()));
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

/// The current time in ms since the epoch, for what counts minutes.
#[cfg(target_arch = "wasm32")]
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// The current time natively, where the pre-renderer renders a first screen.
#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> i64 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    since.map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Whole minutes from `now_ms` until `due_ms`, rounded up: a review due in
/// 47 hours 59.9 minutes is "in 2 days", not "in 1 day".
pub fn minutes_until(due_ms: i64, now_ms: i64) -> i64 {
    (due_ms.saturating_sub(now_ms).max(0) + 59_999) / 60_000
}
