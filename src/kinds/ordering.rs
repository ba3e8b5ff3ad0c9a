//! `ordering`: the items in the learner's order, each with Move up and Move
//! down buttons (and Alt+↑ / Alt+↓ on them); every move is announced, and
//! focus stays with the moved item (`data-moved`, which `dom::move_focus`
//! follows). An item can also be dragged onto another's place with a mouse
//! (HTML drag and drop), but nothing depends on dragging.

use quiz_format::Ordering;
use quiz_session::progress::Response;
use quiz_session::session::{Action, Answer, Moved};
use yew::prelude::*;

use crate::kinds::ItemProps;
use crate::parts::markdown::markdown;

pub(super) fn inputs(props: &ItemProps, kind: &Ordering, solved: bool) -> Html {
    let t = props.texts;
    let order: &[usize] = if let Some(Response::Order(order)) = &props.view.draft {
        order
    } else {
        &[]
    };
    let announcement = props.view.moved.and_then(|m| {
        let text = kind.items.get(m.item)?;
        Some(format!("“{}” {}", text.trim(), t.moved_to(m.to + 1, order.len())))
    });
    let marked = props.view.checked && solved;
    html! {
        <>
            <ol class="ordering">
                { for order.iter().enumerate().map(|(at, &item)| row(props, kind, order.len(), at, item, marked)) }
            </ol>
            <p class="visually-hidden" role="status" aria-live="polite">{ announcement.unwrap_or_default() }</p>
        </>
    }
}

/// One item with its position, its buttons and, once solved, its mark.
fn row(props: &ItemProps, kind: &Ordering, count: usize, at: usize, item: usize, marked: bool) -> Html {
    let t = props.texts;
    let last = count.saturating_sub(1);
    let text_id = format!("{}-order-{item}", props.uid);
    let move_to = |to: usize| crate::parts::send(&props.on_action, Action::Answer(Answer::Move { from: at, to }));
    let onkeydown = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let to = match e.key().as_str() {
                "ArrowUp" if e.alt_key() && at > 0 => at - 1,
                "ArrowDown" if e.alt_key() && at < last => at + 1,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(Action::Answer(Answer::Move { from: at, to }));
        })
    };
    let drag = drag_handlers(props, at);
    let moved = match props.view.moved {
        Some(Moved { item: m, from, to }) if m == item => Some(if to < from { "up" } else { "down" }),
        _ => None,
    };
    let state = marked.then_some(if at == item { "right" } else { "wrong" });
    let Some(text) = kind.items.get(item) else {
        quiz_stdx::never!("item {item} of an ordering question is in its items");
        return Html::default();
    };
    html! {
        <li class="order-item" key={item} data-moved={moved} data-state={state} {onkeydown}
            draggable={(!props.view.checked).then_some("true")}
            ondragstart={drag.start} ondragover={drag.over} ondrop={drag.drop} ondragend={drag.end}>
            // The list says each position to screen readers already.
            <span class="position" aria-hidden="true">{ at + 1 }</span>
            <span class="order-body">
                <span class="order-text" id={text_id.clone()}>{ markdown(text, true) }</span>
                if let Some(state) = state {
                    <span class="mark">{ if state == "right" { format!("✓ {}", t.in_place()) } else { format!("✗ {}", t.belongs_at(item + 1)) } }</span>
                }
            </span>
            <span class="order-moves">
                <button type="button" class="move up" aria-label={t.move_up()} aria-describedby={text_id.clone()}
                    disabled={props.view.checked || at == 0} onclick={move_to(at.saturating_sub(1))}>{ "↑" }</button>
                <button type="button" class="move down" aria-label={t.move_down()} aria-describedby={text_id}
                    disabled={props.view.checked || at == last} onclick={move_to((at + 1).min(last))}>{ "↓" }</button>
            </span>
        </li>
    }
}

struct Drag {
    start: Callback<DragEvent>,
    over: Callback<DragEvent>,
    drop: Callback<DragEvent>,
    end: Callback<DragEvent>,
}

thread_local! {
    /// The item being dragged: its question's uid and its place. Kept here
    /// rather than in the drag's data, so that a drop from another list (or
    /// any other drag) finds no place of its own and moves nothing.
    static DRAGGED: std::cell::RefCell<Option<(AttrValue, usize)>> = const { std::cell::RefCell::new(None) };
}

fn drag_handlers(props: &ItemProps, at: usize) -> Drag {
    let uid = props.uid.clone();
    let start = {
        let uid = uid.clone();
        Callback::from(move |e: DragEvent| {
            DRAGGED.with(|d| *d.borrow_mut() = Some((uid.clone(), at)));
            // Some browsers start a drag only with data in it.
            if let Some(data) = e.data_transfer() {
                let _ = data.set_data("text/plain", "");
            }
        })
    };
    let on_action = props.on_action.clone();
    let drop = Callback::from(move |e: DragEvent| {
        let from = DRAGGED
            .with(|d| d.borrow_mut().take())
            .and_then(|(from_uid, from)| (from_uid == uid).then_some(from));
        if let Some(from) = from {
            e.prevent_default();
            if from != at {
                on_action.emit(Action::Answer(Answer::Move { from, to: at }));
            }
        }
    });
    Drag {
        start,
        // Every drag may end here; the drop tells whether it was one of this list's items.
        over: Callback::from(|e: DragEvent| e.prevent_default()),
        drop,
        // A drag dropped anywhere else is forgotten.
        end: Callback::from(|_: DragEvent| DRAGGED.with(|d| *d.borrow_mut() = None)),
    }
}

/// How to answer, above the items.
pub(super) fn instruction(props: &ItemProps) -> Html {
    let t = props.texts;
    html! { <>{ t.put_in_order() }<span class="kbd">{ t.order_keys() }</span></> }
}

/// The right order, shown with the solution of a wrong answer.
pub(super) fn solution_note(props: &ItemProps, kind: &Ordering) -> Html {
    html! {
        <div class="right-order">
            <p>{ props.texts.right_order() }</p>
            <ol>{ for kind.items.iter().map(|item| html! { <li>{ markdown(item, false) }</li> }) }</ol>
        </div>
    }
}
