//! Exact decimal arithmetic for a numeric question's bounds: `9.81 ± 0.05`
//! is written as 9.76 to 9.86, not as the binary floating-point sums
//! (`9.760000000000002`) an LMS would then compare with.

/// A decimal number: `digits` × 10^-`scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Decimal {
    digits: i128,
    scale: u32,
}

impl Decimal {
    /// A number written as `-12.5` (sign, digits, a decimal point); `None`
    /// for exponents or more digits than an `i128` holds comfortably.
    fn parse(text: &str) -> Option<Decimal> {
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
        let all = format!("{whole}{fraction}");
        if all.is_empty() || all.len() > 30 || !all.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let digits: i128 = all.parse().ok()?;
        let scale = u32::try_from(fraction.len()).ok()?;
        Some(Decimal {
            digits: if negative { -digits } else { digits },
            scale,
        })
    }

    fn rescale(self, scale: u32) -> Option<i128> {
        self.digits
            .checked_mul(10i128.checked_pow(scale.checked_sub(self.scale)?)?)
    }

    fn add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        Some(Decimal {
            digits: self.rescale(scale)?.checked_add(other.rescale(scale)?)?,
            scale,
        })
    }

    fn negate(self) -> Decimal {
        Decimal {
            digits: -self.digits,
            scale: self.scale,
        }
    }

    /// `self` × `percent` / 100.
    fn percent_of(self, percent: Decimal) -> Option<Decimal> {
        Some(Decimal {
            digits: self.digits.checked_mul(percent.digits)?,
            scale: self.scale.checked_add(percent.scale)?.checked_add(2)?,
        })
    }

    fn abs(self) -> Decimal {
        Decimal {
            digits: self.digits.abs(),
            scale: self.scale,
        }
    }

    /// As written: no exponent, no trailing zeros after the point.
    fn written(self) -> String {
        let sign = if self.digits < 0 { "-" } else { "" };
        let digits = format!(
            "{:0>width$}",
            self.digits.unsigned_abs(),
            width = self.scale as usize + 1
        );
        let (whole, fraction) = digits.split_at(digits.len() - self.scale as usize);
        let fraction = fraction.trim_end_matches('0');
        match (fraction.is_empty(), whole == "0" && fraction.is_empty()) {
            (_, true) => "0".to_owned(),
            (true, false) => format!("{sign}{whole}"),
            (false, false) => format!("{sign}{whole}.{fraction}"),
        }
    }
}

/// The lowest and highest right numbers of `answer` ± `margin` (`margin`
/// in percent of the answer when `percent`), exactly when both are plain
/// decimals, else from `fallback` (the validator's own floating-point
/// bounds).
pub fn bounds(answer: &str, margin: Option<&str>, percent: bool, fallback: (f64, f64)) -> (String, String) {
    let exact = || {
        let answer = Decimal::parse(answer)?;
        let margin = match margin {
            Some(m) => Decimal::parse(m)?,
            None => Decimal { digits: 0, scale: 0 },
        };
        let by = if percent {
            answer.abs().percent_of(margin)?
        } else {
            margin
        };
        Some((answer.add(by.negate())?.written(), answer.add(by)?.written()))
    };
    exact().unwrap_or_else(|| (fallback.0.to_string(), fallback.1.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_exact_decimals() {
        let f = (0.0, 0.0);
        assert_eq!(bounds("9.81", Some("0.05"), false, f), ("9.76".into(), "9.86".into()));
        assert_eq!(bounds("2", Some("0.2"), false, f), ("1.8".into(), "2.2".into()));
        assert_eq!(bounds("300000", Some("1"), true, f), ("297000".into(), "303000".into()));
        assert_eq!(bounds("-0.5", Some("10"), true, f), ("-0.55".into(), "-0.45".into()));
        assert_eq!(bounds("7", None, false, f), ("7".into(), "7".into()));
        assert_eq!(bounds("0.1", Some("0.1"), false, f), ("0".into(), "0.2".into()));
        assert_eq!(
            bounds("1e3", Some("1"), false, (999.0, 1001.0)),
            ("999".into(), "1001".into())
        );
    }
}
