//! Moving between items: Previous, where the learner is, Next.

use quiz_session::session::{Action, Navigate};
use yew::prelude::*;

use crate::components::Face;
use crate::i18n::Texts;

/// Above this many items the item picker is a number field, not a list: a
/// list longer than a section of the bundled bank (50 items) is slower to scan
/// than typing a number, and its options were a third of the first render's
/// DOM for the whole bank (143 options of 317 elements; 10 ms of the first
/// question's 145 ms in an A/B of 20 cold loads).
const MAX_LISTED_ITEMS: usize = 50;

/// What the navigation shows. A plain function, not a component: it keeps no
/// state, and each component costs the wasm its own copy of yew's machinery.
pub struct NavProps {
    pub texts: &'static Texts,
    pub face: Face,
    /// Position in the list; `count` is the summary.
    pub position: usize,
    pub count: usize,
    pub on_action: Callback<Action>,
}

/// Previous and Next around the item picker (study face) or "3 / 6" (check face).
pub fn nav(props: &NavProps) -> Html {
    let t = props.texts;
    let (position, count) = (props.position, props.count);
    let go = |action: Action| crate::parts::send(&props.on_action, action);
    html! {
        <div class="quiz-nav" role="group" aria-label={t.jump_to()}>
            <button type="button" class="secondary" disabled={position == 0} onclick={go(Action::Navigate(Navigate::Previous))}>
                <span class="arrow">{ "←" }</span>{ " " }{ t.previous() }
            </button>
            if props.face == Face::Check {
                <span class="where" lang={t.tag()}><bdi>{ if position < count { t.item_of(position + 1, count) } else { t.summary().to_owned() } }</bdi></span>
            } else {
                { picker(props) }
            }
            <button type="button" class="secondary" disabled={position >= count} onclick={go(Action::Navigate(Navigate::Next))}>
                { t.next() }{ " " }<span class="arrow">{ "→" }</span>
            </button>
        </div>
    }
}

/// The item list (short lists) or an item number field clamped to the list.
fn picker(props: &NavProps) -> Html {
    let t = props.texts;
    let (position, count) = (props.position, props.count);
    let on_action = props.on_action.clone();
    if count <= MAX_LISTED_ITEMS {
        let jump = Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(n) = select.value().parse::<usize>() {
                on_action.emit(Action::Navigate(Navigate::GoTo(n)));
            }
        });
        return html! {
            <label class="jump">
                <span class="visually-hidden">{ t.jump_to() }</span>
                <select onchange={jump}>
                    { for (0..count).map(|n| html! { <option value={n.to_string()} selected={n == position}>{ t.item_of(n + 1, count) }</option> }) }
                    <option value={count.to_string()} selected={position >= count}>{ t.summary() }</option>
                </select>
            </label>
        };
    }
    let jump = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        // Out of range (0, -5, 144 of 143) goes to the nearest item, and the
        // field says which.
        let value = input.value();
        let n = match value.trim().parse::<usize>() {
            Ok(n) => n.clamp(1, count),
            // A negative number goes to the first item.
            Err(_) if value.trim().starts_with('-') => 1,
            Err(_) => {
                input.set_value(&(position + 1).min(count).to_string());
                return;
            }
        };
        input.set_value(&n.to_string());
        on_action.emit(Action::Navigate(Navigate::GoTo(n - 1)));
    });
    html! {
        <label class="jump">
            <span class="visually-hidden">{ t.jump_to() }</span>
            // Empty at the summary, which has no item number.
            <input type="number" min="1" max={count.to_string()} onchange={jump} inputmode="numeric"
                value={if position < count { (position + 1).to_string() } else { String::new() }} />
            <span class="of-count">{ format!(" / {count}") }</span>
        </label>
    }
}
