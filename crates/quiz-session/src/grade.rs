//! Grading a response against a question's key: one module per graded
//! kind, each with `is_answerable` (is the response complete enough to
//! check) and `is_right` (called only on an answerable response), and the
//! two functions below that dispatch to them.

pub mod cloze;
mod matching;
mod multiple;
mod numeric;
mod ordering;
mod short;
mod single;
pub mod tracing;
mod true_false;

use crate::case_fold;
use crate::progress::Response;
use quiz_format::model::QuestionKind;
#[cfg(test)]
use quiz_format::model::{Flashcard, Multiple, Short, Single, TrueFalse};

/// Normalizes a short answer for comparison: trimmed, inner runs of
/// white space folded to one space, and case-folded unless case matters.
pub fn normalize(text: &str, case_sensitive: bool) -> String {
    let spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if case_sensitive {
        spaced
    } else {
        case_fold::fold(&spaced)
    }
}

/// Whether the response is complete enough to check (a choice is picked,
/// some text is typed). Self-graded kinds take no response.
pub fn is_answerable(kind: &QuestionKind, response: &Response) -> bool {
    match kind {
        QuestionKind::Single(k) => single::is_answerable(k, response),
        QuestionKind::Multiple(k) => multiple::is_answerable(k, response),
        QuestionKind::TrueFalse(k) => true_false::is_answerable(k, response),
        QuestionKind::Short(k) => short::is_answerable(k, response),
        QuestionKind::Numeric(k) => numeric::is_answerable(k, response),
        QuestionKind::Ordering(k) => ordering::is_answerable(k, response),
        QuestionKind::Matching(k) => matching::is_answerable(k, response),
        QuestionKind::Cloze(k) => cloze::is_answerable(k, response),
        QuestionKind::Tracing(k) => tracing::is_answerable(k, response),
        QuestionKind::Flashcard(_) | QuestionKind::Exercise(_) => false,
    }
}

/// Whether the response is correct; `None` when it does not fit the
/// question's kind, or the kind is self-graded.
pub fn grade(kind: &QuestionKind, response: &Response) -> Option<bool> {
    if !is_answerable(kind, response) {
        return None;
    }
    Some(match kind {
        QuestionKind::Single(k) => single::is_right(k, response),
        QuestionKind::Multiple(k) => multiple::is_right(k, response),
        QuestionKind::TrueFalse(k) => true_false::is_right(k, response),
        QuestionKind::Short(k) => short::is_right(k, response),
        QuestionKind::Numeric(k) => numeric::is_right(k, response),
        QuestionKind::Ordering(k) => ordering::is_right(k, response),
        QuestionKind::Matching(k) => matching::is_right(k, response),
        QuestionKind::Cloze(k) => cloze::is_right(k, response),
        QuestionKind::Tracing(k) => tracing::is_right(k, response),
        QuestionKind::Flashcard(_) | QuestionKind::Exercise(_) => return None,
    })
}

/// What the author wrote for this typed answer of a `short` or `numeric`
/// question (a common wrong one, say), shown with the verdict.
pub fn typed_feedback<'k>(kind: &'k QuestionKind, response: &Response) -> Option<&'k str> {
    let Response::Text(text) = response else {
        return None;
    };
    match kind {
        QuestionKind::Short(k) => short::feedback(k, text),
        QuestionKind::Numeric(k) => numeric::feedback(k, text),
        // No typed answer, or no feedback by answer.
        QuestionKind::Single(_)
        | QuestionKind::Multiple(_)
        | QuestionKind::TrueFalse(_)
        | QuestionKind::Ordering(_)
        | QuestionKind::Matching(_)
        | QuestionKind::Cloze(_)
        | QuestionKind::Tracing(_)
        | QuestionKind::Flashcard(_)
        | QuestionKind::Exercise(_) => None,
    }
}

/// How much of a question's points an answer earns, in thousandths: all of
/// them for a right answer, none for a wrong one, and for a partly right
/// answer to the kinds where parts can be right:
///
/// - `multiple`: the right choices picked minus the wrong ones picked, as a
///   share of the right choices, never below nothing (2 of 3 right and 1
///   wrong picked earns a third);
/// - `ordering`: the share of items in their place;
/// - `matching`: the share of left items matched with their own right item;
/// - `cloze`: the share of blanks filled in right;
/// - `tracing`: half for telling right whether the program compiles.
///
/// `None` when the response does not fit the question.
pub fn credit(kind: &QuestionKind, response: &Response) -> Option<u32> {
    if grade(kind, response)? {
        return Some(1000);
    }
    let share = |part: usize, whole: usize| u32::try_from(part * 1000 / whole.max(1)).unwrap_or(0);
    Some(match (kind, response) {
        (QuestionKind::Multiple(k), Response::Choices(picked)) => {
            let hits = picked.iter().filter(|p| k.answers.contains(p)).count();
            share(hits.saturating_sub(picked.len() - hits), k.answers.len())
        }
        (QuestionKind::Ordering(_), Response::Order(order)) => {
            share(order.iter().enumerate().filter(|(at, i)| at == *i).count(), order.len())
        }
        (QuestionKind::Matching(k), Response::Matches(picks)) => share(
            picks.iter().enumerate().filter(|(i, p)| **p == Some(*i)).count(),
            k.pairs.len(),
        ),
        // A response of another kind's shape (which `grade` refuses first).
        (QuestionKind::Multiple(_) | QuestionKind::Ordering(_) | QuestionKind::Matching(_), _) => 0,
        (QuestionKind::Cloze(k), _) => share(cloze::right_blanks(k, response), k.blanks.len()),
        (QuestionKind::Tracing(k), _) => {
            if tracing::is_compile_right(k, response) {
                500
            } else {
                0
            }
        }
        // All or nothing: no part of the answer earns points alone.
        (
            QuestionKind::Single(_)
            | QuestionKind::TrueFalse(_)
            | QuestionKind::Short(_)
            | QuestionKind::Numeric(_)
            | QuestionKind::Flashcard(_)
            | QuestionKind::Exercise(_),
            _,
        ) => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(kind: QuestionKind, response: Response, expected: Option<bool>) {
        assert_eq!(grade(&kind, &response), expected);
    }

    fn single() -> QuestionKind {
        QuestionKind::Single(Single {
            choices: vec!["a".into(), "b".into(), "c".into()],
            feedback: Vec::new(),
            answer: 1,
        })
    }

    #[test]
    fn grades_each_kind() {
        check(single(), Response::Choice(1), Some(true));
        check(single(), Response::Choice(0), Some(false));
        check(single(), Response::Choice(7), None);
        check(single(), Response::Bool(true), None);
        let multiple = QuestionKind::Multiple(Multiple {
            choices: vec!["a".into(), "b".into(), "c".into()],
            feedback: Vec::new(),
            answers: vec![0, 2],
        });
        check(multiple.clone(), Response::Choices(vec![2, 0]), Some(true));
        check(multiple.clone(), Response::Choices(vec![0]), Some(false));
        check(multiple.clone(), Response::Choices(vec![0, 1, 2]), Some(false));
        check(multiple.clone(), Response::Choices(vec![2, 0, 2]), Some(true));
        check(multiple.clone(), Response::Choices(vec![0, 0]), Some(false));
        check(multiple, Response::Choices(vec![]), None);
        check(
            QuestionKind::TrueFalse(TrueFalse { answer: false }),
            Response::Bool(false),
            Some(true),
        );
        check(
            QuestionKind::TrueFalse(TrueFalse { answer: false }),
            Response::Bool(true),
            Some(false),
        );
        check(
            QuestionKind::Flashcard(Flashcard { back: "x".into() }),
            Response::Bool(true),
            None,
        );
    }

    #[test]
    fn short_answers_are_trimmed_and_case_folded_unless_case_sensitive() {
        let loose = QuestionKind::Short(Short {
            accept: vec!["asyncio.run".into(), "run".into()],
            case_sensitive: false,
            feedback: vec![("time.sleep".into(), "That blocks the loop.".into())],
        });
        check(loose.clone(), Response::Text("  AsyncIO.run ".into()), Some(true));
        check(loose.clone(), Response::Text("RUN".into()), Some(true));
        check(loose.clone(), Response::Text("asyncio . run".into()), Some(false));
        check(loose.clone(), Response::Text("   ".into()), None);
        assert_eq!(
            typed_feedback(&loose, &Response::Text(" Time.Sleep ".into())),
            Some("That blocks the loop.")
        );
        assert_eq!(typed_feedback(&loose, &Response::Text("asyncio.run".into())), None);
        let strict = QuestionKind::Short(Short {
            accept: vec!["Task".into()],
            case_sensitive: true,
            feedback: Vec::new(),
        });
        check(strict.clone(), Response::Text("Task".into()), Some(true));
        check(strict, Response::Text("task".into()), Some(false));
    }

    #[test]
    fn partial_credit_by_the_stated_rules() {
        let multiple = QuestionKind::Multiple(Multiple {
            choices: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            feedback: Vec::new(),
            answers: vec![0, 1, 2],
        });
        let credit_of = |r: Vec<usize>| credit(&multiple, &Response::Choices(r));
        assert_eq!(credit_of(vec![0, 1, 2]), Some(1000));
        assert_eq!(credit_of(vec![0, 1]), Some(666));
        assert_eq!(credit_of(vec![0, 1, 3]), Some(333), "two right, one wrong");
        assert_eq!(credit_of(vec![0, 3]), Some(0), "never below nothing");
        assert_eq!(credit_of(vec![]), None);
        assert_eq!(credit(&single(), &Response::Choice(0)), Some(0));
        assert_eq!(credit(&single(), &Response::Choice(1)), Some(1000));
    }
}
