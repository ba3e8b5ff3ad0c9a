//! Moodle's GIFT question format, both ways: [`import_gift`] reads a bank
//! (categories become sections) and [`export_gift`] writes a quiz, each
//! reporting per question what the other side cannot hold.
//!
//! GIFT in brief: questions are separated by blank lines, `//` lines are
//! comments, `$CATEGORY: path` starts a category, `::name::` names a
//! question, and the answers stand in braces: `{=right ~wrong}` (with
//! `#feedback` after an answer and `%50%` weights), `{T}` / `{F}`,
//! `{=accepted =also}` (short answer), `{#3.14:0.01}` or `{#1..5}`
//! (numeric), `{=left -> right}` (matching), `{}` (essay), and
//! `####feedback` for the whole question. Text before and after the braces
//! is a missing-word question. `~ = # { } :` are escaped with `\`, and `\n`
//! is a line break.

mod html;
mod read;
mod write;

pub use read::import_gift;
pub use write::export_gift;

/// Adds `note` to a question's notes unless it is there already.
fn note_once(notes: &mut Vec<String>, note: String) {
    if !notes.contains(&note) {
        notes.push(note);
    }
}

/// The characters GIFT gives a meaning, written with a `\` in text.
const SPECIAL: [char; 6] = ['~', '=', '#', '{', '}', ':'];

/// Text as GIFT writes it: specials and `\` escaped, line breaks as `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if SPECIAL.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// GIFT text as it reads: `\x` is `x`, `\n` a line break.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some(next) => out.push(next),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// Where `pattern` first stands in `text` unescaped (not after a `\`).
fn find_unescaped(text: &str, pattern: &str) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if text.get(at..).is_some_and(|rest| rest.starts_with(pattern)) {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_read_back() {
        let text = "a = b: {x} ~ #1 \\ end\nnext";
        assert_eq!(escape(text), "a \\= b\\: \\{x\\} \\~ \\#1 \\\\ end\\nnext");
        assert_eq!(unescape(&escape(text)), text);
        assert_eq!(find_unescaped("a\\{b{c", "{"), Some(4));
    }
}
