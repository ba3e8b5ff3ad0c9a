//! The one reader of numbers, for authors' numbers and learners' answers.

/// Reads a number written with digits, an optional `-`, one decimal point
/// (`.`) and an optional exponent, with at most 15 significant digits.
/// Authors' numbers (JSON) and learners' answers (after
/// `quiz_session::grade`'s separator rules) are read by this one reader, so
/// the two agree exactly; std's float parser would cost the download
/// several kilobytes for precision no quiz needs.
pub fn parse_number(text: &str) -> Option<f64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.strip_prefix('+').unwrap_or(e).parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let digits = whole.bytes().chain(fraction.bytes());
    let mut value: u64 = 0;
    let mut significant = 0;
    for digit in digits {
        if !digit.is_ascii_digit() {
            return None;
        }
        if value > 0 || digit != b'0' {
            significant += 1;
        }
        value = value * 10 + u64::from(digit - b'0');
        if significant > 15 {
            return None;
        }
    }
    // Zero is zero whatever its exponent (`0e400` too, whose power of ten is infinite).
    if value == 0 {
        return Some(0.0);
    }
    let scale = exponent.checked_sub(i32::try_from(fraction.len()).ok()?)?;
    // An exact power of ten for the scale, then one rounding: 0.1 reads as the nearest f64 to 0.1.
    let magnitude = if scale >= 0 {
        value as f64 * 10f64.powi(scale)
    } else if scale >= -300 {
        value as f64 / 10f64.powi(-scale)
    } else {
        // 10^-scale would be infinite, though the number is not 0: two steps.
        value as f64 / 1e300 / 10f64.powi(-scale - 300)
    };
    magnitude
        .is_finite()
        .then_some(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn reads_numbers_as_the_json_reader_writes_them() {
        assert_eq!(parse_number("9.81"), Some(9.81));
        assert_eq!(parse_number("0.1"), Some(0.1));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("1e3"), Some(1000.0));
        assert_eq!(parse_number("2.5E-3"), Some(0.0025));
        assert_eq!(parse_number(".5"), Some(0.5));
        assert_eq!(parse_number("1234567890.12345"), Some(1234567890.12345));
        assert_eq!(parse_number("1234567890123456"), None, "16 significant digits");
        assert_eq!(parse_number("0.000000000000000000001"), Some(1e-21));
        for bad in ["", "-", ".", "1.2.3", "1,5", "abc", "1e", "--1"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    /// The number of significant digits of a number as written.
    fn significant(text: &str) -> usize {
        let mantissa = text.split(['e', 'E']).next().unwrap_or("");
        let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        digits.trim_start_matches('0').len()
    }

    proptest::proptest! {
        /// std's float parser, correctly rounded, is the oracle: whatever
        /// ours reads, std reads alike, exactly when the power of ten is
        /// exact (up to 1e22) and within 1e-14 of it beyond (`powi` rounds
        /// a few times there; answers are compared within 1e-9); and what
        /// std reads to a finite number within our 15 significant digits,
        /// ours reads too.
        #[test]
        fn reads_as_std_parses(text in "-?[0-9]{0,9}(\\.[0-9]{0,9})?([eE][+-]?[0-9]{1,3})?") {
            let ours = parse_number(&text);
            let std = text.parse::<f64>().ok().filter(|v| v.is_finite());
            // Below 2.2e-308 (subnormal) ours may read 0: no quiz goes there.
            proptest::prop_assume!(std.is_none_or(|v| v == 0.0 || v.is_normal()));
            match (ours, std) {
                (Some(ours), Some(std)) => {
                    let fraction = text.split(['e', 'E']).next().and_then(|m| m.split_once('.')).map_or(0, |(_, f)| f.len());
                    let exponent: i32 = text.split_once(['e', 'E']).map_or(0, |(_, e)| e.parse().unwrap_or(0));
                    let scale = exponent - i32::try_from(fraction).unwrap_or(0);
                    if scale.abs() <= 22 {
                        proptest::prop_assert_eq!(ours, std, "{}", text);
                    } else {
                        proptest::prop_assert!((ours - std).abs() <= 1e-14 * std.abs(), "{}: {} vs {}", text, ours, std);
                    }
                }
                (None, Some(std)) => proptest::prop_assert!(significant(&text) > 15, "{} is {} for std", text, std),
                (Some(ours), None) => proptest::prop_assert!(false, "{} is {} for us and nothing for std", text, ours),
                (None, None) => {}
            }
        }
    }
}
