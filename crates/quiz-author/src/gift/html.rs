//! Moodle's HTML text as our Markdown.
//!
//! Moodle's GIFT export writes a question's text, answers and feedback in
//! the format they were written in, by default `[html]` from its editor:
//! `<p dir="ltr" style="text-align: left;">…<br></p>`. This module turns the
//! HTML an editor makes into Markdown that shows the same: paragraphs, line
//! breaks, bold, italics, code, lists, links with a web address, and
//! superscripts and subscripts in Unicode where Unicode has them. It is a
//! small scanner of tags and entities, not a browser: what it cannot keep
//! (an image file, a table's layout, a colour, an unknown tag) leaves its
//! text in place and a note that says what was dropped. No tag is passed on:
//! a `<` that starts a tag is read as one, and text is escaped for Markdown.

/// The Markdown of one HTML text, and what it could not keep.
#[derive(Debug, PartialEq)]
pub(super) struct Converted {
    pub text: String,
    pub notes: Vec<String>,
}

/// Reads HTML into Markdown.
pub(super) fn to_markdown(html: &str) -> Converted {
    let mut writer = Writer {
        line_start: true,
        ..Writer::default()
    };
    let mut rest = html;
    while !rest.is_empty() {
        let (token, used) = next_token(rest);
        match token {
            Token::Text(text) => writer.text(text),
            Token::Tag(tag) => writer.tag(&tag),
            Token::Skipped => {}
        }
        rest = rest.get(used..).unwrap_or_default();
    }
    writer.finish()
}

/// Moodle's own format (`[moodle]`): text whose line breaks are kept, in
/// which HTML tags and entities are read as in HTML.
pub(super) fn moodle_to_markdown(text: &str) -> Converted {
    to_markdown(&text.replace("\r\n", "\n").replace('\n', "<br>"))
}

enum Token<'a> {
    Text(&'a str),
    Tag(Tag),
    /// A comment, `<!DOCTYPE …>` or `<?…?>`.
    Skipped,
}

/// A start or end tag: its lowercase name and attributes.
struct Tag {
    name: String,
    end: bool,
    attributes: Vec<(String, String)>,
}

impl Tag {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// The next token of `rest` and its length in bytes. A `<` that does not
/// open a tag (`2 < 3`) is text.
fn next_token(rest: &str) -> (Token<'_>, usize) {
    let text_end = |from: usize| {
        rest.get(from..)
            .and_then(|r| r.find('<'))
            .map_or(rest.len(), |at| at + from)
    };
    if !rest.starts_with('<') {
        let end = text_end(0);
        return (Token::Text(rest.get(..end).unwrap_or_default()), end);
    }
    if let Some(comment) = rest.strip_prefix("<!--") {
        let end = comment.find("-->").map_or(rest.len(), |at| at + 7);
        return (Token::Skipped, end);
    }
    let after = rest.get(1..).unwrap_or_default();
    let opens_tag = after.starts_with(|c: char| c.is_ascii_alphabetic())
        || (after.starts_with('/')
            && after
                .get(1..)
                .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_alphabetic())))
        || after.starts_with(['!', '?']);
    match (opens_tag, tag_end(rest)) {
        (true, Some(end)) if after.starts_with(['!', '?']) => (Token::Skipped, end),
        (true, Some(end)) => (Token::Tag(tag(rest.get(1..end - 1).unwrap_or_default())), end),
        _ => {
            let end = text_end(1);
            (Token::Text(rest.get(..end).unwrap_or_default()), end)
        }
    }
}

/// Where the tag that starts `text` ends, just after its `>` (quotes in attributes respected).
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (at, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(at + 1),
            (None, _) => {}
        }
    }
    None
}

/// A tag's inside, between `<` and `>`.
fn tag(inside: &str) -> Tag {
    let inside = inside.trim_end_matches('/');
    let (end, inside) = match inside.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inside),
    };
    let name_end = inside
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(inside.len());
    Tag {
        name: inside.get(..name_end).unwrap_or_default().to_ascii_lowercase(),
        end,
        attributes: attributes(inside.get(name_end..).unwrap_or_default()),
    }
}

/// `name="value" name='value' name=value name`, names in lowercase and values decoded.
fn attributes(mut text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let name_end = text
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(text.len());
        if name_end == 0 {
            return out;
        }
        let name = text.get(..name_end).unwrap_or_default().to_ascii_lowercase();
        text = text.get(name_end..).unwrap_or_default().trim_start();
        let Some(value) = text.strip_prefix('=') else {
            out.push((name, String::new()));
            continue;
        };
        let value = value.trim_start();
        let (raw, rest) = match value.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = value.get(1..).unwrap_or_default();
                let end = inner.find(q).unwrap_or(inner.len());
                (
                    inner.get(..end).unwrap_or_default(),
                    inner.get(end + 1..).unwrap_or_default(),
                )
            }
            _ => {
                let end = value.find(char::is_whitespace).unwrap_or(value.len());
                (
                    value.get(..end).unwrap_or_default(),
                    value.get(end..).unwrap_or_default(),
                )
            }
        };
        out.push((name, decode(raw).0));
        text = rest;
    }
}

/// Text with its character references decoded, and the names of those that are not known (kept as written).
fn decode(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut unknown = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at..).unwrap_or_default();
        let end = after.char_indices().take(33).find(|&(_, c)| c == ';').map(|(i, _)| i);
        let reference = end.and_then(|end| Some((after.get(1..end)?, end + 1)));
        match reference.and_then(|(name, len)| Some((character(name)?, len))) {
            Some((c, len)) => {
                out.push(c);
                rest = after.get(len..).unwrap_or_default();
            }
            None => {
                if let Some((name, _)) =
                    reference.filter(|(n, _)| n.chars().all(|c| c.is_ascii_alphanumeric() || c == '#'))
                {
                    unknown.push(format!("&{name};"));
                }
                out.push('&');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    (out, unknown)
}

/// The character a reference names: `amp`, `#39`, `#x2019`, … Invalid code points are U+FFFD.
fn character(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let (digits, radix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (number, 10),
        };
        let code = u32::from_str_radix(digits, radix).ok()?;
        return Some(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}'));
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// The named references editors write, and the common typographic ones.
const NAMED: [(&str, char); 62] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ensp", ' '),
    ("emsp", ' '),
    ("thinsp", '\u{2009}'),
    ("shy", '\u{ad}'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bull", '•'),
    ("middot", '·'),
    ("times", '×'),
    ("divide", '÷'),
    ("minus", '−'),
    ("plusmn", '±'),
    ("deg", '°'),
    ("micro", 'µ'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("radic", '√'),
    ("larr", '←'),
    ("rarr", '→'),
    ("harr", '↔'),
    ("rArr", '⇒'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("Delta", 'Δ'),
    ("lambda", 'λ'),
    ("mu", 'μ'),
    ("pi", 'π'),
    ("sigma", 'σ'),
    ("omega", 'ω'),
];

/// Superscript and subscript forms that Unicode has.
const SUPERSCRIPT: [(char, char); 17] = [
    ('0', '⁰'),
    ('1', '¹'),
    ('2', '²'),
    ('3', '³'),
    ('4', '⁴'),
    ('5', '⁵'),
    ('6', '⁶'),
    ('7', '⁷'),
    ('8', '⁸'),
    ('9', '⁹'),
    ('+', '⁺'),
    ('-', '⁻'),
    ('−', '⁻'),
    ('=', '⁼'),
    ('(', '⁽'),
    (')', '⁾'),
    ('n', 'ⁿ'),
];
const SUBSCRIPT: [(char, char); 19] = [
    ('0', '₀'),
    ('1', '₁'),
    ('2', '₂'),
    ('3', '₃'),
    ('4', '₄'),
    ('5', '₅'),
    ('6', '₆'),
    ('7', '₇'),
    ('8', '₈'),
    ('9', '₉'),
    ('+', '₊'),
    ('-', '₋'),
    ('=', '₌'),
    ('(', '₍'),
    (')', '₎'),
    ('i', 'ᵢ'),
    ('n', 'ₙ'),
    ('x', 'ₓ'),
    ('e', 'ₑ'),
];

/// Tags whose content is not text for the reader: dropped with a note.
const DROPPED: [&str; 10] = [
    "script", "style", "head", "iframe", "object", "video", "audio", "svg", "math", "noscript",
];

/// Tags that only wrap text (layout, alignment, language): read silently.
const WRAPPERS: [&str; 20] = [
    "span", "html", "body", "section", "article", "header", "footer", "main", "aside", "nav", "center", "small", "big",
    "abbr", "label", "bdi", "bdo", "nobr", "wbr", "font",
];

/// What stands between the text written so far and the next, strongest last.
#[derive(Clone, Default, PartialEq)]
enum Pending {
    #[default]
    Nothing,
    Space,
    LineBreak,
    Paragraph,
    /// A list item's marker (`- `, `2. `), after a line break or, for a list's first item, a blank line.
    Item {
        marker: String,
        first: bool,
    },
}

impl Pending {
    fn rank(&self) -> u8 {
        match self {
            Pending::Nothing => 0,
            Pending::Space => 1,
            Pending::LineBreak => 2,
            Pending::Paragraph => 3,
            Pending::Item { .. } => 4,
        }
    }
}

/// Text read whole before it is written: code, preformatted text, a superscript, a subscript.
#[derive(Clone, Copy, PartialEq)]
enum Held {
    Code,
    Pre,
    Sup,
    Sub,
}

impl Held {
    fn tag(self) -> &'static str {
        match self {
            Held::Code => "code",
            Held::Pre => "pre",
            Held::Sup => "sup",
            Held::Sub => "sub",
        }
    }
}

/// One list being written: whether it is numbered, and the next number.
struct List {
    ordered: bool,
    next: u32,
    items: u32,
}

#[derive(Default)]
struct Writer {
    out: String,
    pending: Pending,
    notes: Vec<String>,
    bold: usize,
    italic: usize,
    /// Where the last opening `**` or `*` stands, while nothing follows it.
    opened: Option<(usize, usize)>,
    lists: Vec<List>,
    held: Option<(Held, String)>,
    /// The target of the link being written, if it is kept: `(where its `[` is, href)`.
    links: Vec<Option<(usize, String)>>,
    /// How deep inside dropped tags (`<script>`) the text is.
    dropped: usize,
    /// Whether the next character starts a line (where `#`, `-`, `1.` would start a block).
    line_start: bool,
    /// Where the `\` of an escaped `1\.` at a line's start stands: needed
    /// only before a space, so taken out when a character follows at once.
    number_escape: Option<usize>,
}

impl Writer {
    fn note(&mut self, note: String) {
        super::note_once(&mut self.notes, note);
    }

    fn raise(&mut self, pending: Pending) {
        if pending.rank() > self.pending.rank() {
            self.pending = pending;
        }
    }

    /// Text between tags: held, or written with its white space collapsed.
    fn text(&mut self, raw: &str) {
        if self.dropped > 0 {
            return;
        }
        let (text, unknown) = decode(raw);
        for name in unknown {
            self.note(format!(
                "the character reference {name} is not known; it is kept as written"
            ));
        }
        if let Some((held, buffer)) = &mut self.held {
            match held {
                Held::Pre => buffer.push_str(&text),
                Held::Code | Held::Sup | Held::Sub => push_collapsed(buffer, &text),
            }
            return;
        }
        for c in text.chars() {
            match c.is_whitespace() {
                true => self.raise(Pending::Space),
                false => {
                    self.flush();
                    self.push_escaped(c);
                }
            }
        }
    }

    /// Writes what is pending before more text.
    fn flush(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let indent = "   ".repeat(self.lists.len().saturating_sub(1));
        match pending {
            Pending::Nothing => {}
            Pending::Space => match self.opened {
                // A space just inside `**` goes before it: `a **b**`, not `a** b**`.
                Some((at, _)) if self.out.get(..at).is_some_and(|b| !b.is_empty() && !b.ends_with(' ')) => {
                    self.out.insert(at, ' ');
                    self.opened = None;
                }
                Some(_) => {}
                None if self.out.is_empty() || self.line_start => {}
                None => self.out.push(' '),
            },
            _ if self.out.is_empty() && !matches!(pending, Pending::Item { .. }) => {}
            Pending::LineBreak => {
                let continuation = if self.lists.is_empty() {
                    String::new()
                } else {
                    format!("{indent}   ")
                };
                self.out.push_str(&format!("\\\n{continuation}"));
                self.line_start = true;
            }
            Pending::Paragraph => {
                self.out.push_str("\n\n");
                self.line_start = true;
            }
            Pending::Item { marker, first } => {
                let gap = match (self.out.is_empty(), first && self.lists.len() == 1) {
                    (true, _) => "",
                    (false, true) => "\n\n",
                    (false, false) => "\n",
                };
                self.out.push_str(&format!("{gap}{indent}{marker}"));
                self.line_start = true;
            }
        }
    }

    /// One character of text, escaped where Markdown would read it as markup.
    fn push_escaped(&mut self, c: char) {
        if let Some(at) = self.number_escape.take() {
            if self.out.len() == at + 2 && self.out.get(at..at + 1) == Some("\\") {
                self.out.remove(at);
            }
        }
        let at_line_start = std::mem::take(&mut self.line_start);
        self.opened = None;
        let block_marker = at_line_start && matches!(c, '#' | '>' | '-' | '+' | '=');
        let number_end = matches!(c, '.' | ')')
            && self.out.rsplit('\n').next().is_some_and(|line| {
                !line.trim_start().is_empty() && line.trim_start().chars().all(|d| d.is_ascii_digit())
            });
        if number_end {
            self.number_escape = Some(self.out.len());
        }
        if block_marker || number_end || matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '&' | '|' | '!') {
            self.out.push('\\');
        }
        self.out.push(c);
    }

    fn finish(mut self) -> Converted {
        if let Some((held, _)) = self.held {
            self.close_held(held);
        }
        while self.links.last().is_some() {
            self.close_link();
        }
        if self.italic > 0 {
            self.italic = 1;
            self.emphasis(false, true);
        }
        if self.bold > 0 {
            self.bold = 1;
            self.emphasis(true, true);
        }
        Converted {
            text: self.out.trim_end().to_owned(),
            notes: self.notes,
        }
    }
}

/// Appends text with its runs of white space as one space.
fn push_collapsed(buffer: &mut String, text: &str) {
    for c in text.chars() {
        match c.is_whitespace() {
            true if buffer.ends_with(' ') => {}
            true => buffer.push(' '),
            false => buffer.push(c),
        }
    }
}

impl Writer {
    /// A start or end tag.
    fn tag(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        if DROPPED.contains(&name) {
            match tag.end {
                true => self.dropped = self.dropped.saturating_sub(1),
                false => {
                    self.dropped += 1;
                    self.note(format!("a `<{name}>` element is not kept"));
                }
            }
            return;
        }
        if self.dropped > 0 {
            return;
        }
        if let Some((held, buffer)) = &mut self.held {
            let held = *held;
            match (tag.end && name == held.tag(), held, name) {
                (true, held, _) => self.close_held(held),
                (false, Held::Pre, "br") => buffer.push('\n'),
                _ => {}
            }
            return;
        }
        self.style(tag);
        match tag.end {
            true => self.end_tag(name),
            false => self.start_tag(tag),
        }
    }

    fn start_tag(&mut self, tag: &Tag) {
        match tag.name.as_str() {
            "p" | "div" | "blockquote" | "dl" | "dt" | "dd" | "figure" | "figcaption" | "address" | "table" => {
                self.block()
            }
            "br" => self.raise(Pending::LineBreak),
            "hr" => {
                self.raise(Pending::Paragraph);
                self.flush();
                self.out.push_str("---");
                self.raise(Pending::Paragraph);
            }
            "b" | "strong" => self.emphasis(true, false),
            "i" | "em" | "cite" | "var" | "dfn" => self.emphasis(false, false),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.raise(Pending::Paragraph);
                self.emphasis(true, false);
            }
            "code" | "kbd" | "samp" | "tt" => self.hold(Held::Code),
            "pre" => self.hold(Held::Pre),
            "sup" => self.hold(Held::Sup),
            "sub" => self.hold(Held::Sub),
            "ul" | "ol" => {
                let start = tag.attribute("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
                self.lists.push(List {
                    ordered: tag.name == "ol",
                    next: start,
                    items: 0,
                });
            }
            "li" => self.item(),
            "a" => self.open_link(tag.attribute("href").unwrap_or_default()),
            "img" => self.image(tag),
            other => self.lossy_start(other),
        }
    }

    /// Tags read with a loss, or not known: their text is kept, and a note says what is not.
    fn lossy_start(&mut self, name: &str) {
        match name {
            "tr" => self.raise(Pending::LineBreak),
            "td" | "th" => self.raise(Pending::Space),
            "thead" | "tbody" | "tfoot" | "caption" | "colgroup" | "col" => {}
            "u" | "ins" => self.note("underlining is not kept".to_owned()),
            "s" | "strike" | "del" => self.note("struck-out text is kept as ordinary text".to_owned()),
            "mark" => self.note("highlighting is not kept".to_owned()),
            name if WRAPPERS.contains(&name) => {}
            name => self.note(format!("the tag `<{name}>` is not known here; its text is kept")),
        }
        if name == "table" || name == "tr" {
            self.note("a table is kept as its text, without its rows and columns".to_owned());
        }
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            "p" | "div" | "blockquote" | "dl" | "dt" | "dd" | "figure" | "figcaption" | "address" | "table" => {
                self.block()
            }
            "b" | "strong" => self.emphasis(true, true),
            "i" | "em" | "cite" | "var" | "dfn" => self.emphasis(false, true),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.emphasis(true, true);
                self.raise(Pending::Paragraph);
            }
            "ul" | "ol" => {
                self.lists.pop();
                match self.lists.is_empty() {
                    true => self.raise(Pending::Paragraph),
                    false => self.raise(Pending::LineBreak),
                }
            }
            "a" => self.close_link(),
            "tr" => self.raise(Pending::LineBreak),
            "td" | "th" => self.raise(Pending::Space),
            _ => {}
        }
    }

    /// A paragraph's start or end: a blank line, or inside a list item a line break.
    fn block(&mut self) {
        match self.lists.is_empty() {
            true => self.raise(Pending::Paragraph),
            false => self.raise(Pending::LineBreak),
        }
    }

    /// Opens (`close` false) or closes bold (`strong`) or italics; nested ones write nothing.
    fn emphasis(&mut self, strong: bool, close: bool) {
        let marker = if strong { "**" } else { "*" };
        let depth = if strong { self.bold } else { self.italic };
        let new_depth = match close {
            true => depth.saturating_sub(1),
            false => depth + 1,
        };
        match strong {
            true => self.bold = new_depth,
            false => self.italic = new_depth,
        }
        match (close, depth) {
            (false, d) => {
                if d == 0 {
                    self.flush_but_space();
                    self.opened = Some((self.out.len(), marker.len()));
                    self.out.push_str(marker);
                }
            }
            (true, 0) => {}
            (true, d) => {
                if d == 1 {
                    match self.opened {
                        // Nothing between the markers: write neither.
                        Some((at, len)) if at + len == self.out.len() => self.out.truncate(at),
                        _ => self.out.push_str(marker),
                    }
                    self.opened = None;
                }
            }
        }
    }

    /// Writes what is pending, except a space, which stays pending to go
    /// before or after what comes next.
    fn flush_but_space(&mut self) {
        if self.pending == Pending::Space {
            if !self.out.is_empty() && !self.out.ends_with(' ') && !self.line_start {
                self.out.push(' ');
            }
            self.pending = Pending::Nothing;
        } else {
            self.flush();
        }
    }

    fn hold(&mut self, held: Held) {
        self.held = Some((held, String::new()));
    }

    /// Writes held text: code in backticks, a code block, a superscript or subscript.
    fn close_held(&mut self, held: Held) {
        let Some((_, text)) = self.held.take() else { return };
        match held {
            Held::Code if text.trim().is_empty() => {}
            Held::Code => {
                self.flush();
                self.line_start = false;
                self.opened = None;
                let ticks = "`".repeat(longest_run(&text, '`') + 1);
                let pad = if text.starts_with('`') || text.ends_with('`') {
                    " "
                } else {
                    ""
                };
                self.out.push_str(&format!("{ticks}{pad}{text}{pad}{ticks}"));
            }
            Held::Pre => {
                self.raise(Pending::Paragraph);
                self.flush();
                let body = text.strip_prefix('\n').unwrap_or(&text).trim_end();
                let fence = "`".repeat(longest_run(body, '`').max(2) + 1);
                self.out.push_str(&format!("{fence}\n{body}\n{fence}"));
                self.raise(Pending::Paragraph);
            }
            Held::Sup | Held::Sub => self.script(held == Held::Sup, text.trim()),
        }
    }

    /// A superscript or subscript in Unicode's forms, or `^(…)` / `_(…)` with a note.
    fn script(&mut self, sup: bool, text: &str) {
        let table: &[(char, char)] = if sup { &SUPERSCRIPT } else { &SUBSCRIPT };
        let mapped: Option<String> = text
            .chars()
            .map(|c| table.iter().find(|(from, _)| *from == c).map(|&(_, to)| to))
            .collect();
        match mapped {
            Some(mapped) => {
                self.flush();
                self.line_start = false;
                self.opened = None;
                self.out.push_str(&mapped);
            }
            None => {
                let (mark, what) = if sup { ('^', "superscript") } else { ('_', "subscript") };
                self.note(format!(
                    "the {what} \"{text}\" has no Unicode form; it is written {mark}({text})"
                ));
                self.flush();
                for c in std::iter::once(mark)
                    .chain("(".chars())
                    .chain(text.chars())
                    .chain(")".chars())
                {
                    self.push_escaped(c);
                }
            }
        }
    }

    fn item(&mut self) {
        let first = self.lists.last().is_some_and(|l| l.items == 0);
        let marker = match self.lists.last_mut() {
            Some(list) => {
                list.items = list.items.saturating_add(1);
                match list.ordered {
                    true => {
                        let number = list.next;
                        list.next = number.saturating_add(1);
                        format!("{number}. ")
                    }
                    false => "- ".to_owned(),
                }
            }
            // An item outside any list: a line of its own.
            None => {
                self.raise(Pending::LineBreak);
                return;
            }
        };
        self.pending = Pending::Item { marker, first };
    }

    /// `<a href>`: a link when its target is a web or mail address, else its text.
    fn open_link(&mut self, href: &str) {
        let href = href.trim();
        let web = ["http://", "https://", "mailto:"]
            .iter()
            .any(|scheme| href.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)));
        match quiz_markdown::safe_href(href).filter(|_| web) {
            Some(href) => {
                self.flush_but_space();
                self.links.push(Some((self.out.len(), href)));
                self.out.push('[');
            }
            None => {
                self.note(format!(
                    "a link to \"{href}\" is not kept (not a web address); its text is"
                ));
                self.links.push(None);
            }
        }
    }

    fn close_link(&mut self) {
        let Some(Some((at, href))) = self.links.pop() else {
            return;
        };
        let href = href.replace('(', "%28").replace(')', "%29").replace(' ', "%20");
        match self.out.len() == at + 1 {
            // No text: the address is the text.
            true => {
                self.out.truncate(at);
                self.out.push_str(&format!("<{href}>"));
            }
            false => self.out.push_str(&format!("]({href})")),
        }
        self.opened = None;
    }

    /// `<img>`: an image with a web address; otherwise its description, and a note.
    fn image(&mut self, tag: &Tag) {
        let src = tag.attribute("src").unwrap_or_default().trim().to_owned();
        let alt = tag.attribute("alt").unwrap_or_default().trim().to_owned();
        let web = src.starts_with("https://") || src.starts_with("http://");
        match quiz_markdown::safe_href(&src).filter(|_| web) {
            Some(src) => {
                self.flush();
                self.line_start = false;
                self.opened = None;
                self.out.push_str("![");
                for c in alt.chars() {
                    self.push_escaped(c);
                }
                self.out
                    .push_str(&format!("]({})", src.replace('(', "%28").replace(')', "%29")));
            }
            None => {
                let file = src.rsplit('/').next().unwrap_or_default();
                let file = file.split('?').next().unwrap_or_default();
                self.note(format!(
                    "the image \"{file}\" is not kept: a GIFT file does not carry Moodle's files{}",
                    if alt.is_empty() {
                        String::new()
                    } else {
                        "; its description is".to_owned()
                    }
                ));
                if !alt.is_empty() {
                    self.text(&format!("(image: {})", alt.replace('&', "&amp;").replace('<', "&lt;")));
                }
            }
        }
    }

    /// Notes what an inline style says that Markdown cannot (a colour, say).
    fn style(&mut self, tag: &Tag) {
        if let Some(color) = tag.attribute("color").filter(|_| tag.name == "font" && !tag.end) {
            self.note(format!("the colour {color} is not kept"));
        }
        let Some(style) = tag.attribute("style") else { return };
        for declaration in style.split(';') {
            let Some((property, value)) = declaration.split_once(':') else {
                continue;
            };
            let property = property.trim().to_ascii_lowercase();
            let kept_elsewhere = [
                "text-align",
                "direction",
                "margin",
                "padding",
                "line-height",
                "font-family",
            ]
            .iter()
            .any(|p| property.starts_with(p));
            if !kept_elsewhere {
                self.note(format!("the style \"{property}: {}\" is not kept", value.trim()));
            }
        }
    }
}

fn longest_run(text: &str, of: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == of { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(html: &str, expected: &str) {
        let converted = to_markdown(html);
        let mut out = converted.text;
        for note in converted.notes {
            out.push_str(&format!("\nnote: {note}"));
        }
        assert_eq!(out, expected);
    }

    #[test]
    fn paragraphs_and_breaks() {
        check(
            r#"<p dir="ltr" style="text-align: left;">What is 2<sup>3</sup>?<br></p>"#,
            "What is 2³?",
        );
        check("<p>One</p>\n<p>Two<br>three</p>", "One\n\nTwo\\\nthree");
        check("<div><span class=\"x\">a</span>  b\n c</div>", "a b c");
        check("<p><br></p><p>After</p>", "After");
        check("<p>a</p><hr><p>b</p>", "a\n\n---\n\nb");
    }

    #[test]
    fn emphasis_and_code() {
        check("<strong>Bold</strong> and <em>it</em>", "**Bold** and *it*");
        check("a<b> b </b>c", "a **b** c");
        check("<b><strong>x</strong></b><b></b>", "**x**");
        check("<code>a*b</code> and <code>x`y</code>", "`a*b` and ``x`y``");
        check(
            "<pre><code>def f():\n    return 1</code></pre>",
            "```\ndef f():\n    return 1\n```",
        );
        check("<h3>Title</h3><p>Text</p>", "**Title**\n\nText");
    }

    #[test]
    fn lists() {
        check("<ul><li>one</li><li>two</li></ul>", "- one\n- two");
        check(
            "<p>Steps:</p><ol><li><p>first</p></li><li>second</li></ol><p>End</p>",
            "Steps:\n\n1. first\n2. second\n\nEnd",
        );
        check("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n   - b\n- c");
        check(
            "<ol start=\"4294967295\"><li>a</li><li>b</li></ol>",
            "4294967295. a\n4294967295. b",
        );
        let nested = quiz_markdown::parse(&to_markdown("<ul><li>a<ul><li>b</li></ul></li><li>c<br>d</li></ul>").text);
        let [quiz_markdown::Block::List { items, .. }] = nested.as_slice() else {
            panic!("{nested:?}")
        };
        assert_eq!(items.len(), 2, "{nested:?}");
        assert!(
            matches!(items[0].as_slice(), [_, quiz_markdown::Block::List { .. }]),
            "{nested:?}"
        );
    }

    #[test]
    fn entities_and_markdown_characters_are_text() {
        check(
            "&lt;b&gt; &amp; &quot;q&quot; &#39;s&#x2019; a&nbsp;b &hellip;",
            "\\<b> \\& \"q\" 's’ a b …",
        );
        check("2 * 3 * 4 = x_1 [a] 1 < 2", "2 \\* 3 \\* 4 = x\\_1 \\[a\\] 1 \\< 2");
        check(
            "<p># not a heading</p><p>1. not a list</p><p>- nor this</p>",
            "\\# not a heading\n\n1\\. not a list\n\n\\- nor this",
        );
        check("<p>1.41<sup>2</sup> is 1.9881</p><p>2.</p>", "1.41² is 1.9881\n\n2\\.");
        check("&bogus; &#xZZ;", "\\&bogus; \\&#xZZ;\nnote: the character reference &bogus; is not known; it is kept as written\nnote: the character reference &#xZZ; is not known; it is kept as written");
    }

    #[test]
    fn scripts() {
        check(
            "H<sub>2</sub>O, x<sup>n+1</sup>, e<sup>iπ</sup>",
            "H₂O, xⁿ⁺¹, e^(iπ)\nnote: the superscript \"iπ\" has no Unicode form; it is written ^(iπ)",
        );
    }

    #[test]
    fn links_and_images() {
        check(
            "<a href=\"https://docs.python.org/3/?a=1&amp;b=2\">docs</a>",
            "[docs](https://docs.python.org/3/?a=1&b=2)",
        );
        check(
            "<a href=\"javascript:alert(1)\">x</a>",
            "x\nnote: a link to \"javascript:alert(1)\" is not kept (not a web address); its text is",
        );
        check("<img src=\"@@PLUGINFILE@@/graph.png\" alt=\"A graph\">", "(image: A graph)\nnote: the image \"graph.png\" is not kept: a GIFT file does not carry Moodle's files; its description is");
        check(
            "<img src=\"https://example.org/a.png\" alt=\"A\">",
            "![A](https://example.org/a.png)",
        );
    }

    #[test]
    fn what_is_not_kept_is_noted_and_its_text_kept() {
        check(
            "<span style=\"color: red;\">Red</span>",
            "Red\nnote: the style \"color: red\" is not kept",
        );
        check(
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
            "a b\\\nc\nnote: a table is kept as its text, without its rows and columns",
        );
        check(
            "<blink>x</blink><u>y</u>",
            "xy\nnote: the tag `<blink>` is not known here; its text is kept\nnote: underlining is not kept",
        );
        check(
            "a<script>alert(1)</script>b<!-- c -->",
            "ab\nnote: a `<script>` element is not kept",
        );
        check("1 < 2 and <3 and a <", "1 \\< 2 and \\<3 and a \\<");
        check("<p unclosed", "\\<p unclosed");
    }

    #[test]
    fn moodle_format_keeps_line_breaks() {
        assert_eq!(
            moodle_to_markdown("one\ntwo &amp; <b>three</b>").text,
            "one\\\ntwo \\& **three**"
        );
    }
}
