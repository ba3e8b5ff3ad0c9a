//! Grading `numeric`: the typed number lies in the right range.
//!
//! Learners type numbers as their language writes them, so both `,` and `.`
//! are decimal marks: spaces (also no-break and thin ones), `'` and `_`
//! group digits and are dropped; when both `.` and `,` appear, the last one
//! is the decimal mark and the other groups digits (`1,000.5` and
//! `1.000,5` are both 1000.5); a mark that appears twice or more groups
//! digits (`1,000,000`); a single mark followed by exactly three digits
//! (`1,000`, `2.500`) reads both ways, and the answer is right if either
//! reading is.

use quiz_format::kinds::parse_number;
use quiz_format::model::Numeric;

use crate::progress::Response;

pub(super) fn is_answerable(_: &Numeric, response: &Response) -> bool {
    matches!(response, Response::Text(t) if !readings(t).is_empty())
}

pub(super) fn is_right(kind: &Numeric, response: &Response) -> bool {
    let Response::Text(text) = response else { return false };
    readings(text).into_iter().any(|n| kind.min <= n && n <= kind.max)
}

/// The author's feedback for the typed number, if they wrote one for it.
pub(super) fn feedback<'k>(kind: &'k Numeric, text: &str) -> Option<&'k str> {
    let typed = readings(text);
    let same = |value: &str| {
        parse_number(value.trim()).is_some_and(|v| typed.iter().any(|&n| (n - v).abs() <= 1e-9 * v.abs().max(1.0)))
    };
    kind.feedback
        .iter()
        .find(|(value, _)| same(value))
        .map(|(_, text)| text.as_str())
}

/// The numbers `text` may mean: none, one, or two for an ambiguous group mark.
pub fn readings(text: &str) -> Vec<f64> {
    let mut digits = String::with_capacity(text.len());
    // Each mark's count and the position of its last one in `digits`.
    let (mut commas, mut dots, mut last_comma, mut last_dot) = (0, 0, 0, 0);
    for c in text.trim().chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '_' => continue,
            ',' => (commas, last_comma) = (commas + 1, digits.len()),
            '.' => (dots, last_dot) = (dots + 1, digits.len()),
            _ => {}
        }
        digits.push(if c == '\u{2212}' { '-' } else { c });
    }
    // The decimal mark, if any: the other mark, and a repeated one, group digits.
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (1, 0) => Some(last_comma),
        (0, 1) => Some(last_dot),
        (_, 0) | (0, _) => None,
        _ if last_comma > last_dot && commas == 1 => Some(last_comma),
        _ if last_dot > last_comma && dots == 1 => Some(last_dot),
        _ => return Vec::new(),
    };
    let number = |mark: Option<usize>| {
        let plain: String = digits
            .char_indices()
            .filter_map(|(i, c)| match c {
                ',' | '.' if Some(i) == mark => Some('.'),
                ',' | '.' => None,
                c => Some(c),
            })
            .collect();
        parse_number(&plain)
    };
    // A lone mark followed by exactly three digits may group them (1,000).
    let ambiguous = commas + dots == 1
        && decimal.is_some_and(|at| digits.len() - at == 4 && digits.bytes().skip(at + 1).all(|b| b.is_ascii_digit()));
    let mut out: Vec<f64> = number(decimal).into_iter().collect();
    if ambiguous {
        out.extend(number(None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::readings;

    #[track_caller]
    fn check(text: &str, expected: &[f64]) {
        assert_eq!(readings(text), expected, "{text}");
    }

    #[test]
    fn decimal_marks_and_digit_groups() {
        check("9.81", &[9.81]);
        check("9,81", &[9.81]);
        check(" -3 ", &[-3.0]);
        check("\u{2212}3", &[-3.0]);
        check("1 000,5", &[1000.5]);
        check("1'000.5", &[1000.5]);
        check("1,000.5", &[1000.5]);
        check("1.000,5", &[1000.5]);
        check("1,000,000", &[1_000_000.0]);
        check("1.000.000", &[1_000_000.0]);
        check("1,000", &[1.0, 1000.0]);
        check("2.500", &[2.5, 2500.0]);
        check("6.02e23", &[6.02e23]);
        for nothing in ["", "abc", "1,2,3.4.5", "--1", "1.2.3,4,5"] {
            check(nothing, &[]);
        }
    }
}
