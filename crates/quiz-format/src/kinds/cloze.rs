//! `cloze`: a text with blanks to fill in.
//!
//! In `text`, `{{asyncio.run|run}}` is a blank to type into (any of the
//! answers between `|` is right) and `{{[asyncio.run]|time.sleep}}` a blank
//! to pick from a list (the bracketed option is the right one).

use super::Kind;
use crate::format::{Field, FieldType as T};
use crate::json::Object;
use crate::hash::Fnv64;
use crate::check::{Checker, Fields};

/// A text with blanks.
#[derive(Clone, Debug, PartialEq)]
pub struct Cloze {
    /// The text as written, blanks included (for the writer and the hash).
    pub text: String,
    /// The text between the blanks (one more than the blanks), in Markdown.
    pub parts: Vec<String>,
    /// At least one, at most 26.
    pub blanks: Vec<Blank>,
    pub case_sensitive: bool,
}

/// One blank of a cloze text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blank {
    /// Typed; right when it matches one of these, as a `short` answer does.
    Typed(Vec<String>),
    /// Picked from `options`; `right` is the index of the right one.
    Pick { options: Vec<String>, right: usize },
}

impl Cloze {
    /// A cloze text read from its `text`; the message says what is wrong
    /// with its blanks.
    pub fn from_text(text: String, case_sensitive: bool) -> Result<Cloze, String> {
        let (parts, blanks) = split(&text)?;
        Ok(Cloze {
            text,
            parts,
            blanks,
            case_sensitive,
        })
    }
}

fields! {
    FIELDS, DOCS = [
        (
            "text",
            T::Markdown,
            true,
            "The text with its blanks: `{{answer|other answer}}` to type (any listed answer is right), `{{[right]|wrong|wrong}}` to pick from a list. One paragraph or more; at most 26 blanks.",
        ),
        ("case_sensitive", T::Bool, false, "Compare typed blanks case-sensitively (default false)."),
    ]
}

impl Kind for Cloze {
    const DOC: &'static str = "Fill in the blanks of a text, typed or picked from a list.";
    const FIELDS: &'static [Field] = FIELDS;
    const FIELD_DOCS: &'static [&'static str] = DOCS;

    fn read<const F: bool>(checker: &mut Checker<F>, fields: &Fields) -> Option<Self> {
        let case_sensitive = checker.bool(fields, "case_sensitive").unwrap_or(false);
        let text = checker.text(fields, "text")?;
        let node = &fields.member("text")?.value;
        match Cloze::from_text(text, case_sensitive) {
            Ok(cloze) => Some(cloze),
            Err(message) => {
                checker.error(&fields.path.key("text"), node.span, || message);
                None
            }
        }
    }

    fn write<'q>(&'q self, object: Object<'q>) -> Object<'q> {
        let object = object.text("text", &self.text);
        match self.case_sensitive {
            true => object.bool("case_sensitive", true),
            false => object,
        }
    }

    fn hash(&self, hash: &mut Fnv64) {
        hash.field(&self.text);
        hash.field(if self.case_sensitive { "cs" } else { "ci" });
    }
}

/// The text between the blanks, and the blanks; or what is wrong with them.
fn split(text: &str) -> Result<(Vec<String>, Vec<Blank>), String> {
    let (mut parts, mut blanks, mut rest) = (Vec::new(), Vec::new(), text);
    while let Some(open) = rest.find("{{") {
        let (before, after) = rest.split_at(open);
        let inner = after.get(2..).unwrap_or_default();
        let Some(close) = inner.find("}}") else {
            return Err(format!("blank {} opens with `{{{{` but never closes with `}}}}`", blanks.len() + 1));
        };
        let (body, after) = inner.split_at(close);
        blanks.push(blank(body, blanks.len() + 1)?);
        parts.push(before.to_owned());
        rest = after.get(2..).unwrap_or_default();
    }
    parts.push(rest.to_owned());
    match blanks.len() {
        0 => Err("the text has no blanks: write each as `{{answer}}` or `{{[right]|wrong}}`".to_owned()),
        n if n > crate::check::MAX_CHOICES => Err(format!("{n} blanks are too many: a cloze text may have at most 26")),
        _ => Ok((parts, blanks)),
    }
}

/// One blank's body, between `{{` and `}}`; `n` counts from 1 for messages.
fn blank(body: &str, n: usize) -> Result<Blank, String> {
    let options: Vec<&str> = body.split('|').map(str::trim).collect();
    if options.iter().any(|o| o.is_empty()) {
        return Err(format!("blank {n}, `{{{{{body}}}}}`, has an empty answer: write each between `|`s"));
    }
    let marked: Vec<usize> = (0..options.len())
        .filter(|&i| options.get(i).is_some_and(|o| o.starts_with('[') && o.ends_with(']')))
        .collect();
    match marked.as_slice() {
        [] => Ok(Blank::Typed(options.iter().map(|o| (*o).to_owned()).collect())),
        [right] if options.len() >= 2 => Ok(Blank::Pick {
            options: options
                .iter()
                .map(|o| o.strip_prefix('[').and_then(|o| o.strip_suffix(']')).unwrap_or(o).trim().to_owned())
                .collect(),
            right: *right,
        }),
        [_] => Err(format!("blank {n}, `{{{{{body}}}}}`, is a list with one option: add the wrong ones after `|`")),
        _ => Err(format!("blank {n}, `{{{{{body}}}}}`, marks {} options right: bracket only the right one", marked.len())),
    }
}
