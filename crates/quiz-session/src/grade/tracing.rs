//! Grading `tracing`: the learner says whether the program compiles, and
//! then what it prints or (when the question asks) on which line its first
//! error is.

use quiz_format::model::Tracing;
use quiz_format::Outcome;

use crate::progress::Response;

pub(super) fn is_answerable(kind: &Tracing, response: &Response) -> bool {
    matches!(response, Response::Trace { compiles, line, .. } if *compiles || line.is_some() || kind.outcome == Outcome::Fails)
}

pub(super) fn is_right(kind: &Tracing, response: &Response) -> bool {
    is_compile_right(kind, response) && is_rest_right(kind, response)
}

/// Whether the learner told right whether the program compiles: half the
/// answer, and half the points (see `grade::credit`).
pub fn is_compile_right(kind: &Tracing, response: &Response) -> bool {
    matches!(response, Response::Trace { compiles, .. } if *compiles == matches!(kind.outcome, Outcome::Prints(_)))
}

fn is_rest_right(kind: &Tracing, response: &Response) -> bool {
    let Response::Trace { output, line, .. } = response else {
        return false;
    };
    match &kind.outcome {
        Outcome::Prints(expected) => same_output(expected, output.as_str()),
        Outcome::FailsAt(expected) => line == &Some(*expected),
        Outcome::Fails => true,
    }
}

/// Two outputs are the same when their lines are, each without the white
/// space at its end, and without blank lines before and after.
pub fn same_output(a: &str, b: &str) -> bool {
    fn lines(text: &str) -> impl Iterator<Item = &str> {
        text.trim_matches(|c: char| c == '\n' || c == '\r')
            .lines()
            .map(str::trim_end)
    }
    lines(a.trim_end()).eq(lines(b.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(outcome: Outcome) -> Tracing {
        Tracing {
            program: "fn main() {\n    println!(\"hi\");\n}\n".into(),
            language: "rust".into(),
            outcome,
        }
    }

    fn trace(compiles: bool, output: &str, line: Option<usize>) -> Response {
        Response::Trace {
            compiles,
            output: output.into(),
            line,
        }
    }

    #[test]
    fn a_program_that_prints() {
        let k = kind(Outcome::Prints("hi\nthere".into()));
        assert!(is_right(&k, &trace(true, "hi\r\nthere  \n\n", None)));
        assert!(is_right(&k, &trace(true, "\nhi\nthere", Some(2))));
        assert!(!is_right(&k, &trace(true, "hi there", None)));
        assert!(!is_right(&k, &trace(true, "hi\n\nthere", None)));
        assert!(!is_right(&k, &trace(false, "hi\nthere", Some(1))));
        assert!(is_compile_right(&k, &trace(true, "nonsense", None)));
        assert!(is_answerable(&k, &trace(true, "", None)), "a program may print nothing");
    }

    #[test]
    fn a_program_that_fails() {
        let k = kind(Outcome::FailsAt(2));
        assert!(is_right(&k, &trace(false, "", Some(2))));
        assert!(!is_right(&k, &trace(false, "", Some(1))));
        assert!(!is_answerable(&k, &trace(false, "typed before", None)));
        assert!(!is_right(&k, &trace(true, "", Some(2))));
        assert!(is_compile_right(&k, &trace(false, "", Some(3))));
    }
}
