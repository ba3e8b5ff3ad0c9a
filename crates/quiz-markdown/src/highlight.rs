//! Syntax highlighting for code blocks: a small tokenizer for Python (the
//! bundled material's language) that is good enough for study snippets, and
//! plain text for every other language.

use crate::is_word_char;

/// What a piece of code is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    Plain,
    Keyword,
    Builtin,
    String,
    Comment,
    Number,
    Decorator,
}

impl Token {
    /// The CSS class suffix for this token.
    /// A short name for styling (the widget's `data-tok`); empty for plain text.
    pub fn name(self) -> &'static str {
        match self {
            Token::Plain => "",
            Token::Keyword => "kw",
            Token::Builtin => "bi",
            Token::String => "str",
            Token::Comment => "com",
            Token::Number => "num",
            Token::Decorator => "dec",
        }
    }
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "match",
    "case", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const BUILTINS: &[&str] = &[
    "print",
    "len",
    "range",
    "type",
    "int",
    "str",
    "float",
    "list",
    "dict",
    "set",
    "tuple",
    "bool",
    "open",
    "isinstance",
    "super",
    "enumerate",
    "zip",
    "map",
    "filter",
    "sorted",
    "sum",
    "min",
    "max",
    "any",
    "all",
    "abs",
    "repr",
    "iter",
    "next",
    "aiter",
    "anext",
    "input",
    "id",
    "hash",
    "self",
    "cls",
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "RuntimeError",
    "TimeoutError",
    "StopIteration",
    "StopAsyncIteration",
    "asyncio",
];

/// Splits code into coloured pieces. Unknown languages come back as one plain piece.
pub fn highlight<'a>(language: Option<&str>, code: &'a str) -> Vec<(Token, &'a str)> {
    match language.map(str::to_ascii_lowercase).as_deref() {
        Some("python" | "py" | "python3" | "pycon") => python(code),
        _ => vec![(Token::Plain, code)],
    }
}

/// Python code as tokens; what no rule claims stays plain.
fn python(code: &str) -> Vec<(Token, &str)> {
    let mut tokens = Tokens {
        code,
        out: Vec::new(),
        plain_start: 0,
    };
    let mut pos = 0;
    while pos < code.len() {
        let (token, end) = python_token(code, pos);
        // Every rule moves on; one that did not would loop forever.
        let end = if end > pos { end } else { pos + 1 };
        if let Some(token) = token {
            tokens.push(token, pos, end);
        }
        pos = end;
    }
    tokens.finish()
}

/// Tokens found so far, with the plain text between them.
struct Tokens<'a> {
    code: &'a str,
    out: Vec<(Token, &'a str)>,
    /// Where the text not yet claimed by a token starts.
    plain_start: usize,
}

impl<'a> Tokens<'a> {
    fn push(&mut self, token: Token, from: usize, to: usize) {
        if self.plain_start < from {
            if let Some(p) = self.code.get(self.plain_start..from) {
                self.out.push((Token::Plain, p));
            }
        }
        if let Some(t) = self.code.get(from..to) {
            self.out.push((token, t));
        }
        self.plain_start = to;
    }

    fn finish(mut self) -> Vec<(Token, &'a str)> {
        if self.plain_start < self.code.len() {
            if let Some(p) = self.code.get(self.plain_start..) {
                self.out.push((Token::Plain, p));
            }
        }
        self.out
    }
}

/// The token starting at `pos`, if any, and where it (or the plain
/// character there) ends.
fn python_token(code: &str, pos: usize) -> (Option<Token>, usize) {
    let bytes = code.as_bytes();
    let run = |mut end: usize, more: fn(&u8) -> bool| {
        while bytes.get(end).is_some_and(more) {
            end += 1;
        }
        end
    };
    let before = quiz_stdx::or_never(code.get(..pos), "", "tokens start on character boundaries");
    match quiz_stdx::or_never(bytes.get(pos).copied(), b' ', "python() calls this inside the code") {
        b'#' => {
            let end = code
                .get(pos..)
                .and_then(|r| r.find('\n'))
                .map_or(code.len(), |n| pos + n);
            (Some(Token::Comment), end)
        }
        b'@' if before.trim_end_matches([' ', '\t']).ends_with('\n') || before.trim().is_empty() => {
            let end = run(pos + 1, |c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'.');
            (Some(Token::Decorator), end)
        }
        b'"' | b'\'' => (Some(Token::String), string_end(code, pos)),
        b'0'..=b'9' if !before.ends_with(|c: char| is_word_char(c) || c == '_') => {
            let end = run(pos, |c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'_');
            (Some(Token::Number), end)
        }
        c if c.is_ascii_alphabetic() || c == b'_' => {
            let end = run(pos, |c| c.is_ascii_alphanumeric() || *c == b'_');
            word_token(code, pos, end)
        }
        _ => (
            None,
            pos + code.get(pos..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8),
        ),
    }
}

/// A word from `start` to `end`: a string prefix (`f"…"`, `rb'…'`), a
/// keyword, a builtin (not after a `.`), or plain.
fn word_token(code: &str, start: usize, end: usize) -> (Option<Token>, usize) {
    let word = quiz_stdx::or_never(code.get(start..end), "", "a word ends on a character boundary");
    let is_prefix = word.len() <= 2
        && word.chars().all(|c| "rRbBuUfF".contains(c))
        && matches!(code.as_bytes().get(end), Some(b'"' | b'\''));
    if is_prefix {
        (Some(Token::String), string_end(code, end))
    } else if KEYWORDS.contains(&word) {
        (Some(Token::Keyword), end)
    } else if BUILTINS.contains(&word) && !code.get(..start).is_some_and(|p| p.ends_with('.')) {
        (Some(Token::Builtin), end)
    } else {
        (None, end)
    }
}

/// The end of a string literal starting at `pos` (at its opening quote),
/// handling triple quotes and escapes; an unclosed string ends the line.
fn string_end(code: &str, pos: usize) -> usize {
    let rest = quiz_stdx::or_never(code.get(pos..), "", "tokens end on character boundaries");
    let quote = quiz_stdx::or_never(rest.chars().next(), '"', "a string starts at its quote");
    let triple: String = std::iter::repeat_n(quote, 3).collect();
    if rest.starts_with(&triple) {
        return rest
            .get(3..)
            .and_then(|r| r.find(&triple))
            .map_or(code.len(), |e| pos + 3 + e + 3);
    }
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '\n' => return pos + i,
            c if c == quote => return pos + i + 1,
            _ => {}
        }
    }
    code.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(code: &str) -> Vec<(Token, &str)> {
        highlight(Some("python"), code)
            .into_iter()
            .filter(|(t, _)| *t != Token::Plain)
            .collect()
    }

    #[test]
    fn colours_python() {
        assert_eq!(
            kinds("@app.route\nasync def f(x=1.5):  # hi\n    return await g(f\"{x}\", '''a\nb''', 0x1F)"),
            vec![
                (Token::Decorator, "@app.route"),
                (Token::Keyword, "async"),
                (Token::Keyword, "def"),
                (Token::Number, "1.5"),
                (Token::Comment, "# hi"),
                (Token::Keyword, "return"),
                (Token::Keyword, "await"),
                (Token::String, "f\"{x}\""),
                (Token::String, "'''a\nb'''"),
                (Token::Number, "0x1F"),
            ]
        );
        assert_eq!(
            kinds("print(len(x))"),
            vec![(Token::Builtin, "print"), (Token::Builtin, "len")]
        );
    }

    #[test]
    fn pieces_cover_the_code_exactly() {
        for code in [
            "x = 'unclosed\ny = 2",
            "a @ b",
            "é = \"ü\"  # ü",
            "\"\"\"never closed",
            "x1 = y2",
        ] {
            let joined: String = highlight(Some("py"), code).iter().map(|(_, s)| *s).collect();
            assert_eq!(joined, code);
        }
    }

    #[test]
    fn digits_inside_names_are_not_numbers() {
        assert_eq!(
            kinds("größe2 = x1 + 3"),
            vec![(Token::Number, "3")],
            "a digit after a letter of any script is part of a name"
        );
    }

    #[test]
    fn other_languages_are_plain() {
        assert_eq!(highlight(Some("bash"), "ls -la"), vec![(Token::Plain, "ls -la")]);
    }
}
