//! What the choice kinds (`single`, `multiple`, `true_false`) share: a
//! list of native inputs with labels, keys and, once checked, marks.

use quiz_session::session::{Action, Answer};
use yew::prelude::*;

use crate::i18n::Texts;
use crate::kinds::ItemProps;
use crate::parts::markdown::markdown;

/// The feedback of each picked choice that has one, in the shown order.
pub(super) fn picked_feedback(props: &ItemProps, feedback: &[String], picked: &[usize]) -> Html {
    let texts = props
        .choice_order
        .iter()
        .filter(|i| picked.contains(i))
        .filter_map(|&i| feedback.get(i).filter(|text| !text.trim().is_empty()));
    html! {
        { for texts.map(|text| html! { <div class="choice-feedback">{ markdown(text, false) }</div> }) }
    }
}

/// How a choice is marked once the question is checked.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Unmarked,
    /// A right choice the learner picked.
    Right,
    /// A right choice the learner did not pick.
    Answer,
    /// A wrong choice the learner picked.
    Wrong,
}

/// What the choices of a checked question may show.
#[derive(Clone, Copy)]
pub(super) struct Marks {
    /// The solution is shown: every choice says what it is.
    pub(super) solved: bool,
    /// Several answers: a right choice not picked was missed.
    pub(super) multiple: bool,
}

impl Mark {
    fn of(marks: Marks, checked: bool, is_answer: bool, is_picked: bool) -> Mark {
        match (checked && marks.solved, is_answer, is_picked) {
            (false, ..) => Mark::Unmarked,
            (true, true, true) => Mark::Right,
            (true, true, false) => Mark::Answer,
            (true, false, true) => Mark::Wrong,
            (true, false, false) => Mark::Unmarked,
        }
    }

    /// The choice's `data-state`, which the stylesheet colours.
    fn state(self, marks: Marks) -> Option<&'static str> {
        match self {
            Mark::Unmarked => None,
            Mark::Right => Some("right"),
            Mark::Answer if marks.multiple => Some("missed"),
            Mark::Answer => Some("answer"),
            Mark::Wrong => Some("wrong"),
        }
    }

    /// What the mark says in words, so that colour is never the only sign.
    fn words(self, marks: Marks, t: &Texts) -> Option<String> {
        let (sign, text) = match (self, marks.multiple) {
            (Mark::Unmarked, _) => return None,
            (Mark::Right, true) => ("✓", t.right_pick()),
            (Mark::Right, false) => ("✓", t.your_answer()),
            (Mark::Answer, true) => ("○", t.missed()),
            (Mark::Answer, false) => ("✓", t.correct_answer()),
            (Mark::Wrong, true) => ("✗", t.wrong_pick()),
            (Mark::Wrong, false) => ("✗", t.your_answer()),
        };
        Some(format!("{sign} {text}"))
    }
}

/// One choice: a native input with its label, the key that picks it, and
/// after checking a mark saying whether it is the answer.
struct ChoiceRow<'a> {
    id: String,
    name: &'a str,
    input_type: &'static str,
    shown: usize,
    label: Html,
    picked: bool,
    mark: Mark,
    marks: Marks,
    action: Action,
}

fn choice_row(props: &ItemProps, row: ChoiceRow) -> Html {
    let t = props.texts;
    let on_action = props.on_action.clone();
    let action = row.action;
    let onchange = Callback::from(move |_: Event| on_action.emit(action.clone()));
    let key_hint = char::from(b'A' + (row.shown % 26) as u8);
    html! {
        <li class="choice" data-state={row.mark.state(row.marks)} data-picked={row.picked.then_some("true")}>
            <input type={row.input_type} id={row.id.clone()} name={row.name.to_owned()}
                checked={row.picked} disabled={props.view.checked} {onchange} />
            <label for={row.id}>
                <span class="key" aria-hidden="true">{ key_hint }</span>
                <span class="choice-text">{ row.label }</span>
                if let Some(words) = row.mark.words(row.marks, t) {
                    <span class="mark" lang={t.tag()}><bdi>{ words }</bdi></span>
                }
            </label>
        </li>
    }
}

pub(super) fn choice_list(
    props: &ItemProps,
    choices: &[String],
    picked: &[usize],
    answers: &[usize],
    marks: Marks,
) -> Html {
    let multiple = marks.multiple;
    let name = format!("{}-choice", props.uid);
    html! {
        <ol class="choices" role="list">
            { for props.choice_order.iter().enumerate().filter_map(|(shown, &original)| {
                let text = choices.get(original)?;
                let is_picked = picked.contains(&original);
                Some(choice_row(props, ChoiceRow {
                    id: format!("{name}-{shown}"),
                    name: &name,
                    input_type: if multiple { "checkbox" } else { "radio" },
                    shown,
                    label: html! { { markdown(text, true) } },
                    picked: is_picked,
                    mark: Mark::of(marks, props.view.checked, answers.contains(&original), is_picked),
                    marks,
                    action: if multiple { Action::Answer(Answer::Toggle(original)) } else { Action::Answer(Answer::Choose(original)) },
                }))
            }) }
        </ol>
    }
}

/// Two radio buttons, the first meaning yes: `say` is the action of each.
pub(super) fn truth_list(
    props: &ItemProps,
    labels: &[String; 2],
    picked: &[usize],
    answer: usize,
    marks: Marks,
    say: &dyn Fn(bool) -> Action,
) -> Html {
    let name = format!("{}-truth", props.uid);
    html! {
        <ol class="choices truth" role="list">
            { for labels.iter().enumerate().map(|(i, label)| choice_row(props, ChoiceRow {
                id: format!("{name}-{i}"),
                name: &name,
                input_type: "radio",
                shown: i,
                label: html! { { label.clone() } },
                picked: picked.contains(&i),
                mark: Mark::of(marks, props.view.checked, i == answer, picked.contains(&i)),
                marks,
                action: say(i == 0),
            })) }
        </ol>
    }
}
