//! Caseless comparison of typed answers, without Unicode's case tables.
//!
//! `str::to_lowercase` brings 11 KB of conversion tables and the final-sigma
//! rules into the wasm, 7 KB gzip, to compare a few typed words. Case folding
//! needs one character for another, and the characters that change move in
//! runs by the same distance (`À`-`Þ` by +32, `Ā`, `Ă`, `Ą`, … by +1 every other
//! character), so [`table::RUNS`] holds under 200 runs instead of 1,400 pairs.
//! The runs are generated from std's own case mappings by a test, which also
//! checks the fold against std for every character.

mod table;

/// Folds one character for caseless comparison: the lowercase of its
/// uppercase, so that every case form of a letter folds to the same character
/// (`Σ`, `σ` and `ς` to `σ`; `µ` and `Μ` to `μ`; `ſ` to `s`). A letter whose
/// other case is several characters (`ß`, whose uppercase is `SS`) keeps its
/// own lowercase, and `İ` folds to `i`.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let code = u32::from(c);
    let after = table::RUNS.partition_point(|&(start, _, _)| start <= code);
    let Some(&(start, length_and_stride, distance)) = after.checked_sub(1).and_then(|i| table::RUNS.get(i)) else {
        return c;
    };
    let stride = (length_and_stride & 1) + 1;
    let length = length_and_stride >> 1;
    let offset = code - start;
    if offset % stride != 0 || offset / stride >= length {
        return c;
    }
    // The table is generated from std's mappings, which map to characters.
    quiz_stdx::or_never(
        char::from_u32(code.wrapping_add_signed(distance)),
        c,
        "a fold maps to a character",
    )
}

/// The text with every character folded by [`fold_char`].
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fold, from std's case mappings.
    fn reference(c: char) -> char {
        fn single(mut chars: impl Iterator<Item = char>) -> Option<char> {
            let first = chars.next()?;
            chars.next().is_none().then_some(first)
        }
        // Its lowercase is `i` and a combining dot; compared without case, it is `i`.
        if c == 'İ' {
            return 'i';
        }
        let upper = single(c.to_uppercase()).unwrap_or(c);
        single(upper.to_lowercase())
            .or_else(|| single(c.to_lowercase()))
            .unwrap_or(c)
    }

    /// Runs of characters that fold by the same distance, every character or
    /// every other one, as `(first, length << 1 | (stride - 1), distance)`.
    fn runs() -> Vec<(u32, u32, i32)> {
        struct Run {
            start: u32,
            length: u32,
            stride: u32,
            distance: i64,
        }
        let mut runs: Vec<Run> = Vec::new();
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let folded = reference(c);
            if folded == c {
                continue;
            }
            let (code, distance) = (u32::from(c), i64::from(u32::from(folded)) - i64::from(u32::from(c)));
            if let Some(run) = runs.last_mut().filter(|run| run.distance == distance) {
                if code == run.start + run.length * run.stride {
                    run.length += 1;
                    continue;
                }
                if run.length == 1 && code == run.start + 2 {
                    (run.length, run.stride) = (2, 2);
                    continue;
                }
            }
            runs.push(Run {
                start: code,
                length: 1,
                stride: 1,
                distance,
            });
        }
        runs.iter()
            .map(|r| {
                (
                    r.start,
                    r.length << 1 | (r.stride - 1),
                    i32::try_from(r.distance).unwrap(),
                )
            })
            .collect()
    }

    fn table_source() -> String {
        let mut out = String::from(
            "//! Generated from Rust's Unicode data by `case_fold::tests::table_is_up_to_date`;\n\
             //! rewrite it with `UPDATE_EXPECT=1 cargo test -p quiz-session case_fold`.\n\n\
             /// Runs of characters that fold by the same distance: the first\n\
             /// character, the run's length << 1 | (stride - 1), and the distance.\n\
             #[rustfmt::skip]\n\
             pub(super) const RUNS: &[(u32, u32, i32)] = &[\n",
        );
        for (start, length_and_stride, distance) in runs() {
            out.push_str(&format!("    (0x{start:X}, {length_and_stride}, {distance}),\n"));
        }
        out.push_str("];\n");
        out
    }

    #[test]
    fn table_is_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/case_fold/table.rs");
        let expected = table_source();
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(path, &expected).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == expected,
            "src/case_fold/table.rs is stale (a new Unicode version?): run UPDATE_EXPECT=1 cargo test -p quiz-session case_fold"
        );
    }

    #[test]
    fn every_character_folds_as_std_maps_it() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(fold_char(c), reference(c), "U+{:04X}", u32::from(c));
            // Every case form of a letter meets at one character, which stays put.
            assert_eq!(
                fold_char(fold_char(c)),
                fold_char(c),
                "U+{:04X} folds twice",
                u32::from(c)
            );
        }
    }

    #[test]
    fn case_forms_compare_equal() {
        for (a, b) in [
            ("asyncio.RUN", "asyncio.run"),
            ("ÄRGER über Öl", "ärger ÜBER öl"),
            ("ΟΔΟΣ", "οδος"),
            ("ΜΈΛΙ", "μέλι"),
            ("ПРИВЕТ", "привет"),
            ("Straße", "STRAẞE"),
            ("İstanbul", "istanbul"),
            ("ſtate", "STATE"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} / {b}");
        }
        assert_ne!(fold("Strasse"), fold("Straße"));
    }
}
