//! A question file's problems, one line each: where (line and column, and
//! the JSON path), then what to do. The course page's load error and the
//! teacher panel show them with this one view. They are in English, and
//! say so, so that a right-to-left page keeps their order.

use quiz_format::{Diagnostic, Severity};
use yew::prelude::*;

/// Most problems listed; the rest are counted.
const MAX_SHOWN: usize = 50;

/// `list` holds `count` problems.
pub fn diagnostics<'a>(list: impl Iterator<Item = &'a Diagnostic>, count: usize) -> Html {
    let more = count.saturating_sub(MAX_SHOWN);
    html! {
        <ul class="diagnostics" lang="en" dir="ltr">
            { for list.take(MAX_SHOWN).map(|d| html! {
                <li data-severity={if d.severity == Severity::Error { "error" } else { "warning" }}>
                    <span class="where">{ format!("{}:{}", d.line, d.column) }</span>
                    if !d.path.is_empty() { <code class="path">{ d.path.clone() }</code> }
                    <span class="message">
                        if d.severity == Severity::Warning { { "warning: " } }
                        { d.message.clone() }
                    </span>
                </li>
            }) }
            if more > 0 {
                <li class="more">{ format!("… {more} more") }</li>
            }
        </ul>
    }
}
