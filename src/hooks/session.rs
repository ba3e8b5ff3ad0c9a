//! The hooks of a learner's session: each does one thing at the edge, so
//! that `QuizView` only renders.
//!
//! - [`use_session`]: the reducer, seeded from storage and the host's attributes.
//! - [`use_host_attributes`]: later changes of `section`, `mode` and `shuffle`.
//! - [`use_effects`]: carries out every effect the reducer queued, in order.
//! - [`use_focus_follow`]: keeps focus where the learner goes on.
//! - [`use_exam_clock`]: an exam's time left, and its submission at the limit.

use std::rc::Rc;

use quiz_session::session::{Action, Effect, HostChoices, List, Mode, Session, Storage};
use yew::prelude::*;

use crate::dom::HostTarget;
use crate::state::{now, now_here, Msg, Notice, QuizRef, State};
use crate::storage::Store;

/// The session's reducer, started once from what is stored (records for an
/// edited or removed question are dropped, and the learner told) and the
/// host's attributes, in the order `Session::start` keeps.
#[hook]
pub fn use_session(quiz: &QuizRef, store: &Rc<Store>, host: HostChoices, seed: Option<u64>) -> UseReducerHandle<State> {
    let (quiz, store) = (quiz.clone(), Rc::clone(store));
    use_reducer(move || {
        let loaded = store.load();
        let settings = loaded.settings.as_deref();
        // A pre-rendered page's seed is a new learner's first: the live
        // widget then shuffles as the page's first screen did.
        let mut seed = seed;
        let entropy = move || seed.take().unwrap_or_else(crate::dom::entropy);
        let started = Session::start(Rc::clone(&quiz.0), loaded.records, settings, host, now_here(), entropy);
        let (session, dropped) = (started.session, started.dropped);
        // A learner's first visit to a quiz that draws: their draw is made
        // and stored at once, so that every later visit shows the same one.
        if started.save_settings {
            let _ = store.save_settings(&session.settings_json());
        }
        let notice = if !store.is_persistent() {
            Some(Notice::StorageUnavailable)
        } else if dropped + loaded.unreadable > 0 {
            Some(Notice::ProgressDropped(dropped + loaded.unreadable))
        } else {
            None
        };
        State::new(session, notice)
    })
}

/// The host can change `section`, `mode` and `shuffle` after load; the first
/// values are the seed's.
#[hook]
pub fn use_host_attributes(
    dispatch: UseReducerDispatcher<State>,
    section: Option<AttrValue>,
    mode: Option<Mode>,
    shuffle: bool,
) {
    let first = use_mut_ref(|| true);
    use_effect_with((section, mode, shuffle), move |(section, mode, shuffle)| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let section = section.as_ref().map(ToString::to_string);
        dispatch.dispatch(Msg::Session(Action::List(List::PickSection(section))));
        if let Some(mode) = mode {
            dispatch.dispatch(Msg::Session(Action::List(List::PickMode(*mode))));
        }
        dispatch.dispatch(Msg::Session(Action::List(List::Shuffle(
            shuffle.then(crate::dom::entropy),
        ))));
    });
}

/// Carries out what every action since the last render asked for, in order:
/// the outbox holds them all, however many actions were reduced.
#[hook]
pub fn use_effects(state: &UseReducerHandle<State>, store: &Rc<Store>, target: HostTarget) {
    let (state, store) = (state.clone(), Rc::clone(store));
    use_effect_with(state.generation, move |_| {
        // Read everything first: dispatching below can change what the handle shows.
        let pending = state.outbox.drain();
        let shown = state.notice.clone();
        let mut notice = None;
        let mut saved = false;
        let mut announce = Vec::new();
        for effect in &pending {
            match effect {
                Effect::Store(Storage::SaveRecord(id)) => {
                    let Some(record) = state.session.records().get(id) else {
                        continue;
                    };
                    match store.save_record(id, record) {
                        Ok(()) => saved = true,
                        Err(_) if store.is_persistent() => notice = Some(Notice::StorageFull),
                        Err(_) => notice = Some(Notice::StorageUnavailable),
                    }
                    // Other widgets of this quiz on the page follow, even without storage.
                    announce.push((store.record_key(id), record.to_json()));
                }
                Effect::Store(Storage::ClearRecords) => store.clear(),
                Effect::Store(Storage::SaveSettings) => {
                    let _ = store.save_settings(&state.session.settings_json());
                }
                Effect::Imported(outcome) => {
                    notice = Some(match outcome {
                        Ok(summary) => Notice::Imported(summary.clone()),
                        Err(message) => Notice::ImportFailed(message.clone()),
                    });
                }
                Effect::Host(event) => {
                    crate::dom::dispatch_host_event(&target, &state.session, event);
                }
            }
        }
        if notice.is_some() {
            state.dispatch(Msg::Notice(notice));
        } else if saved && shown == Some(Notice::StorageFull) {
            // The retry succeeded: storage has room again.
            state.dispatch(Msg::Notice(None));
        }
        for (key, value) in announce {
            crate::dom::announce_stored(store.origin, &key, &value);
        }
    });
}

/// While an exam attempt with a time limit is open: the header's time left
/// is drawn again every 30 seconds, and at the deadline (at once, when a
/// later visit finds it passed) what is saved is submitted.
#[hook]
pub fn use_exam_clock(state: &UseReducerHandle<State>) {
    let deadline = state.session.exam_deadline();
    let redraw = use_force_update();
    let dispatch = state.dispatcher();
    use_effect_with(deadline, move |deadline| {
        let timers = deadline.map(|deadline| {
            let wait = u32::try_from((deadline - now()).max(0)).unwrap_or(u32::MAX);
            let submit = gloo::timers::callback::Timeout::new(wait, move || {
                dispatch.dispatch(Msg::Session(Action::List(List::SubmitExam)));
            });
            let tick = gloo::timers::callback::Interval::new(30_000, move || redraw.force_update());
            (submit, tick)
        });
        move || drop(timers)
    });
}

/// After the learner acts, keeps focus inside the widget where the next step
/// is (see `move_focus`). Nothing is focused before the learner has used the
/// widget, so loading a page never scrolls to it: the returned callback, on
/// the widget's `focusin`, says they have.
#[hook]
pub fn use_focus_follow(state: &UseReducerHandle<State>, root: &NodeRef) -> Callback<FocusEvent> {
    let engaged = use_mut_ref(|| false);
    let session = &state.session;
    let current = session.current();
    let view = current.map(|i| session.view(i));
    let shown = view.map(|v| (v.checked, v.flipped, v.revealed, v.hints_shown, v.moved));
    {
        let (root, engaged) = (root.clone(), engaged.clone());
        // An exam's submission changes the summary in place; "Reset
        // progress?" replaces the button that asked it.
        let deps = (
            session.position(),
            current,
            shown,
            session.is_exam_open(),
            state.confirming_reset,
        );
        use_effect_with(deps, move |_| {
            if *engaged.borrow() {
                crate::dom::move_focus(&root);
            }
        });
    }
    Callback::from(move |_: FocusEvent| *engaged.borrow_mut() = true)
}
