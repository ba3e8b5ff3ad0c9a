//! What the learner gave as an answer to one question: the draft the
//! widget edits, the answer a record keeps, and its stored JSON form. One
//! variant per answer shape; each kind says which it takes
//! (`grade::is_answerable`).

use quiz_format::json::{Node, Value, Writer};

/// What the learner gave as an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    /// One choice index (`single`).
    Choice(usize),
    /// Several choice indices, sorted (`multiple`).
    Choices(Vec<usize>),
    /// `true_false`.
    Bool(bool),
    /// `short` and `numeric`.
    Text(String),
    /// The item indices in the learner's order (`ordering`).
    Order(Vec<usize>),
    /// For each left item, the right item picked for it, if any (`matching`).
    Matches(Vec<Option<usize>>),
    /// What is in each blank, typed or picked (`cloze`).
    Blanks(Vec<String>),
    /// Whether the program compiles, what it prints, and the line of its
    /// first error (`tracing`); the learner's output and line are both kept
    /// while they change their mind about compiling.
    Trace {
        compiles: bool,
        output: String,
        line: Option<usize>,
    },
}

impl Response {
    /// The response as JSON, as it is stored (and as the host's `quiz-answer` event has it).
    pub fn to_json(&self) -> String {
        let mut writer = Writer::compact();
        self.write(&mut writer);
        writer.finish()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        match self {
            Response::Choice(i) => w.number(index(*i)),
            Response::Choices(list) => {
                w.open('[');
                list.iter().for_each(|&i| {
                    w.number(index(i));
                });
                w.close(']')
            }
            Response::Bool(b) => w.bool(*b),
            Response::Text(t) => w.string(t),
            // An object, so that it is never read as a `multiple` answer.
            Response::Order(order) => {
                w.open('{').key("order").open('[');
                order.iter().for_each(|&i| {
                    w.number(index(i));
                });
                w.close(']').close('}')
            }
            Response::Blanks(texts) => {
                w.open('{').key("blanks").open('[');
                texts.iter().for_each(|t| {
                    w.string(t);
                });
                w.close(']').close('}')
            }
            Response::Trace { compiles, output, line } => {
                w.open('{').key("compiles").bool(*compiles).key("output").string(output);
                if let Some(line) = line {
                    w.key("line").number(index(*line));
                }
                w.close('}')
            }
            Response::Matches(picks) => {
                w.open('{').key("match").open('[');
                for pick in picks {
                    match pick {
                        Some(i) => w.number(index(*i)),
                        None => w.raw("null"),
                    };
                }
                w.close(']').close('}')
            }
        };
    }

    pub(crate) fn read(r: &Node) -> Option<Response> {
        Some(match &r.value {
            Value::Number(_) => Response::Choice(usize::try_from(as_int(r)?).ok()?),
            Value::Array(_) => Response::Choices(indices(r)?),
            Value::Bool(b) => Response::Bool(*b),
            Value::String(s) => Response::Text(s.as_ref().to_owned()),
            Value::Object(_) => match (r.get("order"), r.get("match")) {
                _ if r.get("compiles").is_some() => Response::Trace {
                    compiles: matches!(r.get("compiles")?.value, Value::Bool(true)),
                    output: r.get("output")?.as_str()?.to_owned(),
                    line: match r.get("line") {
                        Some(line) => Some(usize::try_from(as_int(line)?).ok()?),
                        None => None,
                    },
                },
                _ if r.get("blanks").is_some() => Response::Blanks(
                    r.get("blanks")?
                        .as_array()?
                        .iter()
                        .map(|t| Some(t.as_str()?.to_owned()))
                        .collect::<Option<_>>()?,
                ),
                (Some(order), None) => Response::Order(indices(order)?),
                (
                    None,
                    Some(Node {
                        value: Value::Array(picks),
                        ..
                    }),
                ) => Response::Matches(
                    picks
                        .iter()
                        .map(|p| {
                            if p.value == Value::Null {
                                Some(None)
                            } else {
                                as_int(p).and_then(|n| usize::try_from(n).ok()).map(Some)
                            }
                        })
                        .collect::<Option<_>>()?,
                ),
                _ => return None,
            },
            Value::Null => return None,
        })
    }
}

/// A list of indices.
fn indices(node: &Node) -> Option<Vec<usize>> {
    integers(Some(node))?
        .into_iter()
        .map(|n| usize::try_from(n).ok())
        .collect()
}

pub(crate) fn index(i: usize) -> i64 {
    quiz_stdx::or_never(i64::try_from(i).ok(), 0, "an index fits in i64")
}

/// The integers of a JSON list, if it is one of integers only.
pub(crate) fn integers(node: Option<&Node>) -> Option<Vec<i64>> {
    node?.as_array()?.iter().map(as_int).collect()
}

pub(crate) fn as_int(node: &Node) -> Option<i64> {
    if let Value::Number(raw) = &node.value {
        raw.parse().ok()
    } else {
        None
    }
}
