//! Syntax highlighting for code blocks: one small tokenizer, good enough
//! for study snippets, driven by a table per language: Python (the bundled
//! material's language), Rust (every Rust book quiz has it), and TOML and
//! shell (comments, strings, numbers and a few keywords); every other
//! language is plain text.

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

/// What the tokenizer knows of one language.
struct Syntax {
    /// Starts a comment to the end of the line.
    line_comment: &'static str,
    /// `/* … */` comments (Rust).
    block_comments: bool,
    keywords: &'static [&'static str],
    builtins: &'static [&'static str],
    /// The quotes that start a string.
    quotes: &'static [u8],
    /// Letters that may stand before a string's quote (`f"…"`, `b"…"`).
    string_prefixes: &'static str,
    /// `@decorator` lines (Python).
    decorators: bool,
    /// `name!` macros are builtins, `#[…]` attributes decorators, and `'x'`
    /// a character while `'a` is a lifetime (Rust).
    rust: bool,
}

const PYTHON: Syntax = Syntax {
    line_comment: "#",
    block_comments: false,
    keywords: KEYWORDS,
    builtins: BUILTINS,
    quotes: b"\"'",
    string_prefixes: "rRbBuUfF",
    decorators: true,
    rust: false,
};

const RUST: Syntax = Syntax {
    line_comment: "//",
    block_comments: true,
    keywords: &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
        "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
        "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while",
    ],
    builtins: &[
        "String", "Vec", "Option", "Some", "None", "Result", "Ok", "Err", "Box", "Rc", "Arc", "RefCell", "HashMap",
        "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64", "bool",
        "char", "str",
    ],
    quotes: b"\"",
    string_prefixes: "rb#",
    decorators: false,
    rust: true,
};

const TOML: Syntax = Syntax {
    line_comment: "#",
    block_comments: false,
    keywords: &["true", "false"],
    builtins: &[],
    quotes: b"\"'",
    string_prefixes: "",
    decorators: false,
    rust: false,
};

const SHELL: Syntax = Syntax {
    line_comment: "#",
    block_comments: false,
    keywords: &[
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "in", "function",
        "return", "export", "local",
    ],
    builtins: &["echo", "cd", "cargo", "rustc", "python", "pip", "mdbook", "npm", "git"],
    quotes: b"\"'",
    string_prefixes: "",
    decorators: false,
    rust: false,
};

/// Splits code into coloured pieces. Unknown languages come back as one plain piece.
pub fn highlight<'a>(language: Option<&str>, code: &'a str) -> Vec<(Token, &'a str)> {
    let syntax = match language.map(str::to_ascii_lowercase).as_deref() {
        Some("python" | "py" | "python3" | "pycon") => &PYTHON,
        Some("rust" | "rs") => &RUST,
        Some("toml") => &TOML,
        Some("sh" | "bash" | "shell" | "console" | "zsh") => &SHELL,
        _ => return vec![(Token::Plain, code)],
    };
    tokenize(syntax, code)
}

/// Code as tokens; what no rule claims stays plain.
fn tokenize<'a>(syntax: &Syntax, code: &'a str) -> Vec<(Token, &'a str)> {
    let mut tokens = Tokens {
        code,
        out: Vec::new(),
        plain_start: 0,
    };
    let mut pos = 0;
    while pos < code.len() {
        let (token, end) = token_at(syntax, code, pos);
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
fn token_at(syntax: &Syntax, code: &str, pos: usize) -> (Option<Token>, usize) {
    let bytes = code.as_bytes();
    let run = |mut end: usize, more: fn(&u8) -> bool| {
        while bytes.get(end).is_some_and(more) {
            end += 1;
        }
        end
    };
    let before = quiz_stdx::or_never(code.get(..pos), "", "tokens start on character boundaries");
    let rest = quiz_stdx::or_never(code.get(pos..), "", "tokens start on character boundaries");
    let line_end = |from: usize| {
        code.get(from..)
            .and_then(|r| r.find('\n'))
            .map_or(code.len(), |n| from + n)
    };
    match quiz_stdx::or_never(bytes.get(pos).copied(), b' ', "tokenize() calls this inside the code") {
        _ if rest.starts_with(syntax.line_comment) => (Some(Token::Comment), line_end(pos)),
        _ if syntax.block_comments && rest.starts_with("/*") => (
            Some(Token::Comment),
            rest.get(2..)
                .and_then(|r| r.find("*/"))
                .map_or(code.len(), |e| pos + 2 + e + 2),
        ),
        b'#' if syntax.rust && matches!(bytes.get(pos + 1), Some(b'[' | b'!')) => (
            Some(Token::Decorator),
            rest.find(']').map_or(line_end(pos), |e| pos + e + 1),
        ),
        b'\'' if syntax.rust => rust_quote(code, pos),
        b'@' if syntax.decorators
            && (before.trim_end_matches([' ', '\t']).ends_with('\n') || before.trim().is_empty()) =>
        {
            let end = run(pos + 1, |c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'.');
            (Some(Token::Decorator), end)
        }
        c if syntax.quotes.contains(&c) => (Some(Token::String), string_end(code, pos)),
        b'0'..=b'9' if !before.ends_with(|c: char| is_word_char(c) || c == '_') => {
            let end = run(pos, |c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'_');
            (Some(Token::Number), end)
        }
        c if c.is_ascii_alphabetic() || c == b'_' => {
            let end = run(pos, |c| c.is_ascii_alphanumeric() || *c == b'_');
            word_token(syntax, code, pos, end)
        }
        _ => (None, pos + rest.chars().next().map_or(1, char::len_utf8)),
    }
}

/// A `'` in Rust: a character literal (`'x'`, `'\n'`) is a string; a
/// lifetime (`'a`) is plain.
fn rust_quote(code: &str, pos: usize) -> (Option<Token>, usize) {
    let rest = quiz_stdx::or_never(code.get(pos + 1..), "", "a quote is one byte");
    let mut chars = rest.char_indices();
    match (chars.next(), chars.next()) {
        (Some((_, '\\')), _) => (Some(Token::String), string_end(code, pos)),
        (Some(_), Some((at, '\''))) => (Some(Token::String), pos + 1 + at + 1),
        _ => (None, pos + 1),
    }
}

/// A word from `start` to `end`: a string prefix (`f"…"`, `rb'…'`,
/// `r#"…"#`), a keyword, a builtin or macro (not after a `.`), or plain.
fn word_token(syntax: &Syntax, code: &str, start: usize, end: usize) -> (Option<Token>, usize) {
    let word = quiz_stdx::or_never(code.get(start..end), "", "a word ends on a character boundary");
    let after = code.get(end..).unwrap_or("");
    let hashes = after.len() - after.trim_start_matches('#').len();
    let is_prefix = word.len() <= 2
        && !syntax.string_prefixes.is_empty()
        && word.chars().all(|c| syntax.string_prefixes.contains(c))
        && after
            .get(hashes..)
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii() && syntax.quotes.contains(&(c as u8))));
    let after_dot = code.get(..start).is_some_and(|p| p.ends_with('.'));
    if is_prefix && hashes > 0 {
        // A raw string with hashes ends at the quote followed by as many.
        let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
        let body = end + hashes + 1;
        (
            Some(Token::String),
            code.get(body..)
                .and_then(|r| r.find(&close))
                .map_or(code.len(), |e| body + e + close.len()),
        )
    } else if is_prefix {
        (Some(Token::String), string_end(code, end))
    } else if syntax.keywords.contains(&word) {
        (Some(Token::Keyword), end)
    } else if syntax.rust && after.starts_with('!') && !after.starts_with("!=") {
        (Some(Token::Builtin), end + 1)
    } else if syntax.builtins.contains(&word) && !after_dot {
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
    fn colours_rust() {
        let code = "#[derive(Debug)]\nfn f<'a>(s: &'a str) -> String { // hi\n    /* block */ let c = '\\n'; println!(\"{s}\"); r#\"a\"b\"#; 'x'; 1_000u32 }";
        assert_eq!(
            highlight(Some("rust"), code)
                .into_iter()
                .filter(|(t, _)| *t != Token::Plain)
                .collect::<Vec<_>>(),
            vec![
                (Token::Decorator, "#[derive(Debug)]"),
                (Token::Keyword, "fn"),
                (Token::Builtin, "str"),
                (Token::Builtin, "String"),
                (Token::Comment, "// hi"),
                (Token::Comment, "/* block */"),
                (Token::Keyword, "let"),
                (Token::String, "'\\n'"),
                (Token::Builtin, "println!"),
                (Token::String, "\"{s}\""),
                (Token::String, "r#\"a\"b\"#"),
                (Token::String, "'x'"),
                (Token::Number, "1_000u32"),
            ]
        );
    }

    #[test]
    fn toml_and_shell_get_comments_and_strings() {
        let toml: Vec<_> = highlight(Some("toml"), "a = \"b\" # c\nd = true")
            .into_iter()
            .filter(|(t, _)| *t != Token::Plain)
            .collect();
        assert_eq!(
            toml,
            vec![
                (Token::String, "\"b\""),
                (Token::Comment, "# c"),
                (Token::Keyword, "true")
            ]
        );
        let sh: Vec<_> = highlight(Some("sh"), "echo 'hi' # done")
            .into_iter()
            .filter(|(t, _)| *t != Token::Plain)
            .collect();
        assert_eq!(
            sh,
            vec![
                (Token::Builtin, "echo"),
                (Token::String, "'hi'"),
                (Token::Comment, "# done")
            ]
        );
    }

    #[test]
    fn every_language_covers_the_code_exactly() {
        for language in ["rust", "toml", "sh"] {
            for code in ["'", "r#\"never", "/* open", "a'b", "#[x", "'\\", "é'ü'"] {
                let joined: String = highlight(Some(language), code).iter().map(|(_, s)| *s).collect();
                assert_eq!(joined, code, "{language}: {code:?}");
            }
        }
    }

    #[test]
    fn other_languages_are_plain() {
        assert_eq!(
            highlight(Some("haskell"), "main = pure ()"),
            vec![(Token::Plain, "main = pure ()")]
        );
    }
}
