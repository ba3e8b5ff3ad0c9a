//! `tracing`: the program with numbered lines, then "Does this program
//! compile?" as two radio buttons; Yes opens a field for what it prints, No
//! a list of its lines to pick the first error's from (when the question
//! asks for it). The learner's output
//! and line are both kept while they change their mind. Interface sentences
//! keep their own direction in a right-to-left quiz (`<bdi>`), and the
//! program, its output and its lines read left to right (the stylesheet).

use quiz_format::{Outcome, Tracing};
use quiz_session::progress::Response;
use quiz_session::session::{Action, Answer};
use yew::prelude::*;

use super::choice::{truth_list, Marks};
use crate::kinds::ItemProps;
use crate::parts::markdown::{code_block, Gutter};

/// The learner's answer so far: compiles (if said), output, line.
fn draft(props: &ItemProps) -> (Option<bool>, String, Option<usize>) {
    if let Some(Response::Trace { compiles, output, line }) = &props.view.draft {
        (Some(*compiles), output.clone(), *line)
    } else {
        (None, String::new(), None)
    }
}

pub(super) fn inputs(props: &ItemProps, kind: &Tracing, solved: bool) -> Html {
    let t = props.texts;
    let (compiles, output, line) = draft(props);
    let send = {
        let on_action = props.on_action.clone();
        move |compiles: bool, output: String, line: Option<usize>| {
            on_action.emit(Action::Answer(Answer::Trace { compiles, output, line }))
        }
    };
    let say = {
        let (output, line) = (output.clone(), line);
        move |compiles: bool| {
            Action::Answer(Answer::Trace {
                compiles,
                output: output.clone(),
                line,
            })
        }
    };
    let picked: Vec<usize> = compiles.map(|c| usize::from(!c)).into_iter().collect();
    let answer = usize::from(!matches!(kind.outcome, Outcome::Prints(_)));
    let marks = Marks {
        solved,
        multiple: false,
    };
    let id = format!("{}-trace", props.uid);
    // Once the solution shows, the error line is marked beside the program.
    let marked = match kind.outcome {
        Outcome::FailsAt(line) if props.view.checked && solved => Some(line),
        Outcome::Prints(_) | Outcome::FailsAt(_) | Outcome::Fails => None,
    };
    let labels = [t.yes().to_owned(), t.no().to_owned()];
    let truth = truth_list(props, &labels, &picked, answer, marks, &say);
    let step = match compiles {
        Some(true) => output_field(props, &id, output, send),
        Some(false) if kind.outcome != Outcome::Fails => line_select(props, kind, &id, (output, line), send),
        Some(false) | None => Html::default(),
    };
    html! {
        <div class="tracing">
            { code_block(Some(&kind.language), &kind.program, Gutter::Numbers { marked }) }
            <fieldset class="trace-step">
                <legend lang={t.tag()}><bdi>{ t.does_compile() }</bdi></legend>
                { truth }
            </fieldset>
            { step }
        </div>
    }
}

fn output_field(
    props: &ItemProps,
    id: &str,
    output: String,
    send: impl Fn(bool, String, Option<usize>) + 'static,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        send(
            true,
            e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value(),
            None,
        )
    });
    html! {
        <div class="trace-step">
            <label for={id.to_owned()} lang={props.texts.tag()}><bdi>{ props.texts.what_prints() }</bdi></label>
            <textarea id={id.to_owned()} class="output" rows="3" autocomplete="off" autocapitalize="off" spellcheck="false"
                value={output} readonly={props.view.checked} {oninput} />
        </div>
    }
}

fn line_select(
    props: &ItemProps,
    kind: &Tracing,
    id: &str,
    (output, line): (String, Option<usize>),
    send: impl Fn(bool, String, Option<usize>) + 'static,
) -> Html {
    let t = props.texts;
    let onchange = Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        send(false, output.clone(), value.parse().ok())
    });
    html! {
        <div class="trace-step">
            <label for={id.to_owned()} lang={t.tag()}><bdi>{ t.error_line() }</bdi></label>
            <select id={id.to_owned()} disabled={props.view.checked} {onchange}>
                <option value="" selected={line.is_none()}>{ t.choose() }</option>
                { for kind.lines().enumerate().map(|(i, text)| {
                    let n = i + 1;
                    let text: String = text.trim().chars().take(48).collect();
                    html! { <option value={n.to_string()} selected={line == Some(n)}>{ format!("{}: {text}", t.line_n(n)) }</option> }
                }) }
            </select>
        </div>
    }
}

/// A wrong answer's solution: what the program does.
pub(super) fn solution_note(props: &ItemProps, kind: &Tracing) -> Html {
    let t = props.texts;
    match &kind.outcome {
        Outcome::Prints(output) => html! {
            <div class="accepted">
                <p lang={t.tag()}><bdi>{ t.prints() }</bdi></p>
                <pre class="output"><code>{ output.clone() }</code></pre>
            </div>
        },
        Outcome::FailsAt(line) => html! { <p class="accepted" lang={t.tag()}><bdi>{ t.fails_at(*line) }</bdi></p> },
        Outcome::Fails => html! { <p class="accepted" lang={t.tag()}><bdi>{ t.fails() }</bdi></p> },
    }
}

/// `1` or `a` says it compiles, `2` or `b` that it does not; what was typed
/// or picked for the next step stays.
pub(super) fn pick(n: usize, draft: Option<&Response>) -> Option<Action> {
    let (output, line) = if let Some(Response::Trace { output, line, .. }) = draft {
        (output.clone(), *line)
    } else {
        (String::new(), None)
    };
    (n < 2).then_some(Action::Answer(Answer::Trace {
        compiles: n == 0,
        output,
        line,
    }))
}
