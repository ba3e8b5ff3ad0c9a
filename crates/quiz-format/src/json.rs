//! A small JSON reader that keeps where every value stands, and a writer.
//!
//! serde_json stops at the first problem and forgets positions once a value is
//! read, but the validator must report *every* problem with its line and column.
//! So the core reads JSON into [`Node`]s that carry byte spans, and the
//! validator walks them. The reader is also where hostile input is bounded:
//! nesting depth is limited, duplicate keys are reported, and a leading BOM is
//! accepted.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Deepest nesting the reader accepts. Real question files nest four levels.
pub const MAX_DEPTH: usize = 128;

/// A byte range in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A JSON value with its span. Strings, numbers and keys borrow from the
/// source text where they can (a string with escapes is the exception), so a
/// large question file is read without an allocation per key and string.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'s> {
    pub value: Value<'s>,
    pub span: Span,
}

/// A JSON value. Object members keep their order and their duplicates, so the
/// validator can point at a repeated key.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'s> {
    Null,
    Bool(bool),
    /// The number as written, so that `1e400` or `1.0` can be told apart from
    /// an index.
    Number(Cow<'s, str>),
    String(Cow<'s, str>),
    Array(Vec<Node<'s>>),
    Object(Vec<Member<'s>>),
}

/// One `"key": value` pair of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'s> {
    pub key: Cow<'s, str>,
    pub key_span: Span,
    pub value: Node<'s>,
}

impl Value<'_> {
    /// The JSON type name a person would use in an error message.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

impl<'s> Node<'s> {
    /// The member named `key` of an object (the first, when it is repeated).
    pub fn get(&self, key: &str) -> Option<&Node<'s>> {
        let members = self.as_object()?;
        members.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    pub fn as_str(&self) -> Option<&str> {
        if let Value::String(s) = &self.value {
            Some(s)
        } else {
            None
        }
    }

    pub fn as_array(&self) -> Option<&[Node<'s>]> {
        if let Value::Array(items) = &self.value {
            Some(items)
        } else {
            None
        }
    }

    /// The members of an object, in order, repeated keys and all.
    pub fn as_object(&self) -> Option<&[Member<'s>]> {
        if let Value::Object(members) = &self.value {
            Some(members)
        } else {
            None
        }
    }
}

/// A syntax error: where, and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// Reads one JSON document. A leading byte-order mark is skipped.
pub fn parse(source: &str) -> Result<Node<'_>, SyntaxError> {
    let mut reader = Reader {
        src: source,
        pos: 0,
        depth: 0,
    };
    if source.starts_with('\u{feff}') {
        reader.pos = '\u{feff}'.len_utf8();
    }
    reader.skip_ws();
    if reader.pos >= source.len() {
        return Err(reader.error("the file is empty: expected a JSON object"));
    }
    let node = reader.value()?;
    reader.skip_ws();
    if reader.pos < source.len() {
        return Err(reader.error("unexpected text after the end of the JSON document"));
    }
    Ok(node)
}

struct Reader<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset: self.pos,
            message: message.into(),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn describe_here(&self) -> String {
        match self.src.get(self.pos..).and_then(|rest| rest.chars().next()) {
            None => "the end of the file".to_owned(),
            Some(c) if c.is_control() => format!("control character U+{:04X}", c as u32),
            Some(c) => format!("`{c}`"),
        }
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.nested(Self::object)?,
            Some(b'[') => self.nested(Self::array)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            _ => {
                let hint = match self.peek() {
                    Some(b'\'') => " (JSON strings use double quotes)",
                    Some(b'}' | b']') => " (is there a trailing comma before it?)",
                    _ => "",
                };
                return Err(self.error(format!("expected a value, found {}{hint}", self.describe_here())));
            }
        };
        Ok(Node {
            value,
            span: Span { start, end: self.pos },
        })
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Value<'a>, SyntaxError>) -> Result<Value<'a>, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(format!("the JSON is nested more than {MAX_DEPTH} levels deep")));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.src.get(self.pos..).is_some_and(|rest| rest.starts_with(word)) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(format!("expected a value, found {}", self.describe_here())))
        }
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.pos += 1; // `{`
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                let hint = match self.peek() {
                    Some(b'}') => " (remove the trailing comma)",
                    Some(b'\'') => " (JSON strings use double quotes)",
                    _ => "",
                };
                return Err(self.error(format!(
                    "expected a key in double quotes, found {}{hint}",
                    self.describe_here()
                )));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span {
                start: key_start,
                end: self.pos,
            };
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error(format!(
                    "expected `:` after the key \"{key}\", found {}",
                    self.describe_here()
                )));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value()?;
            members.push(Member { key, key_span, value });
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => {
                    return Err(self.error(format!(
                        "expected `,` or `}}` in the object, found {}",
                        self.describe_here()
                    )))
                }
            }
        }
    }

    fn array(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.pos += 1; // `[`
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => {
                    return Err(self.error(format!(
                        "expected `,` or `]` in the array, found {}",
                        self.describe_here()
                    )))
                }
            }
        }
    }

    fn number(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let start = self.pos;
        let bytes = self.src.as_bytes();
        let mut pos = self.pos;
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos > from
        };
        if bytes.get(pos) == Some(&b'-') {
            pos += 1;
        }
        let first_digit = pos;
        if !digits(&mut pos) {
            self.pos = pos;
            return Err(self.error("expected digits in the number"));
        }
        if bytes.get(first_digit) == Some(&b'0') && pos > first_digit + 1 {
            let written = quiz_stdx::or_never(self.src.get(first_digit..pos), "", "digits are ASCII");
            let meant = written.trim_start_matches('0');
            let meant = if meant.is_empty() { "0" } else { meant };
            self.pos = first_digit;
            return Err(self.error(format!(
                "a number cannot start with 0 in JSON: write {meant}, not {written}"
            )));
        }
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            if !digits(&mut pos) {
                self.pos = pos;
                return Err(self.error("expected digits after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            pos += 1;
            if let Some(b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            if !digits(&mut pos) {
                self.pos = pos;
                return Err(self.error("expected digits in the exponent"));
            }
        }
        self.pos = pos;
        match self.src.get(start..pos) {
            Some(number) => Ok(Cow::Borrowed(number)),
            None => {
                quiz_stdx::never!("a number's digits are ASCII, so {start}..{pos} is on char boundaries");
                Err(self.error("this number could not be read"))
            }
        }
    }

    /// Reads a string literal. Without escapes it is a slice of the source;
    /// the first escape starts an owned copy.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1; // opening quote
        let src: &'a str = self.src;
        let mut out: Option<String> = None;
        loop {
            let rest = quiz_stdx::or_never(src.get(self.pos..), "", "a string is read up to ASCII delimiters");
            // Take the run up to the next quote, backslash or control character
            // at once. Scanning bytes, not chars, is safe because all of those
            // are ASCII, so the run always ends on a character boundary.
            let run = rest
                .bytes()
                .position(|b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            let text = quiz_stdx::or_never(rest.get(..run), "", "a run ends at an ASCII byte");
            self.pos += run;
            match self.peek() {
                None => return Err(self.error("this string is never closed: a `\"` is missing")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(match out {
                        None => Cow::Borrowed(text),
                        Some(mut owned) => {
                            owned.push_str(text);
                            Cow::Owned(owned)
                        }
                    });
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let owned = out.get_or_insert_with(String::new);
                    owned.push_str(text);
                    self.escape(owned)?;
                }
                Some(b'\n') => {
                    return Err(self.error("this string is not closed before the end of the line: a `\"` is missing"));
                }
                Some(_) => {
                    return Err(self.error(format!(
                        "{} inside a string: write it as an escape such as \\n or \\t",
                        self.describe_here()
                    )))
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let c = self.peek();
        self.pos += 1;
        match c {
            Some(b'"') => out.push('"'),
            Some(b'\\') => out.push('\\'),
            Some(b'/') => out.push('/'),
            Some(b'b') => out.push('\u{8}'),
            Some(b'f') => out.push('\u{c}'),
            Some(b'n') => out.push('\n'),
            Some(b'r') => out.push('\r'),
            Some(b't') => out.push('\t'),
            Some(b'u') => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A high surrogate must be followed by `\uDC00`-`\uDFFF`.
                    if self.src.get(self.pos..).is_some_and(|r| r.starts_with("\\u")) {
                        self.pos += 2;
                        let second = self.hex4()?;
                        if (0xDC00..0xE000).contains(&second) {
                            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                        } else {
                            0xFFFD
                        }
                    } else {
                        0xFFFD
                    }
                } else {
                    first
                };
                out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            _ => {
                self.pos -= 1;
                return Err(self.error(format!(
                    "unknown escape `\\{}` in a string",
                    self.describe_here().trim_matches('`')
                )));
            }
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let hex = self.src.get(self.pos..self.pos + 4).unwrap_or_default();
        match u32::from_str_radix(hex, 16) {
            Ok(code) if hex.len() == 4 && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.pos += 4;
                Ok(code)
            }
            _ => Err(self.error("expected four hex digits after \\u")),
        }
    }
}

/// Maps byte offsets to 1-based line and column (columns count characters).
pub struct LineIndex<'a> {
    src: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { src, line_starts }
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1);
        let start = quiz_stdx::or_never(self.line_starts.get(line - 1).copied(), 0, "line numbers start at 1");
        let column = self
            .src
            .get(start..offset.min(self.src.len()))
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.src.len());
        let end = self.line_starts.get(line).map_or(self.src.len(), |next| next - 1);
        quiz_stdx::or_never(self.src.get(start..end), "", "lines end at a newline").trim_end_matches('\r')
    }
}

/// Writes `s` as a JSON string literal.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The string as a JSON literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_string(&mut out, s);
    out
}

/// Writes a value as pretty JSON: two-space indent, one member or item a line,
/// and arrays of scalars kept on one line.
pub fn to_pretty(value: &Value<'_>) -> String {
    let mut writer = Writer::pretty();
    writer.value(value);
    writer.finish()
}

/// The one JSON writer: values are written as they come, compact (what
/// storage keeps: no space at all) or pretty (files people read).
/// [`to_pretty`] walks a [`Value`] through it; stored records and settings
/// are written straight into it, without building a tree first.
pub struct Writer {
    out: String,
    /// The current indent when pretty; `None` when compact.
    indent: Option<usize>,
    /// Nothing written yet in the innermost array or object.
    first: bool,
    /// A key was just written: its value needs no separator.
    after_key: bool,
    /// Inside a pretty array written on one line: items are split by ", ".
    inline: bool,
}

impl Writer {
    pub fn compact() -> Writer {
        Writer {
            out: String::new(),
            indent: None,
            first: true,
            after_key: false,
            inline: false,
        }
    }

    pub fn pretty() -> Writer {
        Writer {
            indent: Some(0),
            ..Writer::compact()
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// Before a value or a key: the comma and, when pretty, a new line.
    fn item(&mut self) {
        if std::mem::take(&mut self.after_key) {
            return;
        }
        if !std::mem::take(&mut self.first) {
            self.out.push_str(if self.inline { ", " } else { "," });
        }
        // A value at the top level starts the text.
        if !self.out.is_empty() {
            self.new_line();
        }
    }

    fn new_line(&mut self) {
        if let Some(n) = self.indent {
            self.out.push('\n');
            self.out.extend(std::iter::repeat_n(' ', n));
        }
    }

    /// Opens an object (`{`) or an array (`[`).
    pub fn open(&mut self, bracket: char) -> &mut Self {
        self.item();
        self.out.push(bracket);
        self.first = true;
        self.indent = self.indent.map(|n| n + 2);
        self
    }

    /// Closes what [`Writer::open`] opened, with `}` or `]`.
    pub fn close(&mut self, bracket: char) -> &mut Self {
        self.indent = self.indent.map(|n| n.saturating_sub(2));
        if !std::mem::replace(&mut self.first, false) {
            self.new_line();
        }
        self.out.push(bracket);
        self
    }

    /// An object's key; the value written next is its value.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.item();
        write_string(&mut self.out, key);
        self.out.push_str(if self.indent.is_some() { ": " } else { ":" });
        self.after_key = true;
        self
    }

    pub fn string(&mut self, text: &str) -> &mut Self {
        self.item();
        write_string(&mut self.out, text);
        self
    }

    pub fn number(&mut self, n: i64) -> &mut Self {
        self.item();
        let _ = write!(self.out, "{n}");
        self
    }

    /// A literal written as it is: a number's text, `true`, `false` or `null`.
    pub fn raw(&mut self, literal: &str) -> &mut Self {
        self.item();
        self.out.push_str(literal);
        self
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.raw(if b { "true" } else { "false" })
    }

    /// A whole value; pretty arrays of numbers and booleans stay on one line.
    pub fn value(&mut self, value: &Value<'_>) -> &mut Self {
        match value {
            Value::Null => self.raw("null"),
            Value::Bool(b) => self.bool(*b),
            Value::Number(n) => self.raw(n),
            Value::String(s) => self.string(s),
            Value::Array(items) => {
                let scalars = items
                    .iter()
                    .all(|i| matches!(i.value, Value::Number(_) | Value::Bool(_)));
                let outer = self.indent;
                self.open('[');
                let inline = scalars && outer.is_some();
                if inline {
                    (self.indent, self.inline) = (None, true);
                }
                items.iter().for_each(|item| {
                    self.value(&item.value);
                });
                self.close(']');
                if inline {
                    (self.indent, self.inline) = (outer, false);
                }
                self
            }
            Value::Object(members) => {
                self.open('{');
                for member in members {
                    self.key(&member.key).value(&member.value.value);
                }
                self.close('}')
            }
        }
    }
}

/// A node that stands nowhere in a source text: a value about to be written.
pub fn node(value: Value<'_>) -> Node<'_> {
    Node {
        value,
        span: Span::default(),
    }
}

/// Builds an object to write, member by member in order; absent optional
/// values and empty lists are left out.
pub struct Object<'a>(Vec<Member<'a>>);

impl<'a> Object<'a> {
    pub fn new() -> Self {
        Object(Vec::new())
    }

    pub fn put(mut self, key: &'a str, value: Value<'a>) -> Self {
        self.0.push(Member {
            key: key.into(),
            key_span: Span::default(),
            value: node(value),
        });
        self
    }

    pub fn text(self, key: &'a str, value: impl Into<Cow<'a, str>>) -> Self {
        self.put(key, Value::String(value.into()))
    }

    pub fn maybe(self, key: &'a str, value: Option<&'a String>) -> Self {
        match value {
            Some(v) => self.text(key, v.as_str()),
            None => self,
        }
    }

    pub fn number(self, key: &'a str, value: impl ToString) -> Self {
        self.put(key, Value::Number(value.to_string().into()))
    }

    pub fn bool(self, key: &'a str, value: bool) -> Self {
        self.put(key, Value::Bool(value))
    }

    /// A list of strings, left out when it is empty.
    pub fn list(self, key: &'a str, items: &'a [String]) -> Self {
        if items.is_empty() {
            return self;
        }
        self.array(key, items.iter().map(|s| Value::String(s.as_str().into())))
    }

    pub fn array(self, key: &'a str, items: impl Iterator<Item = Value<'a>>) -> Self {
        self.put(key, Value::Array(items.map(node).collect()))
    }

    pub fn build(self) -> Value<'a> {
        Value::Object(self.0)
    }
}

impl Default for Object<'_> {
    fn default() -> Self {
        Object::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_error(src: &str, expected: &str) {
        let err = parse(src).expect_err("should not parse");
        assert!(
            err.message.contains(expected),
            "{:?} does not contain {expected:?}",
            err.message
        );
    }

    #[test]
    fn reads_nested_values_with_spans() {
        let node = parse(r#" {"a": [1, -2.5e3, "x\n\u00e9\ud83d\ude80"], "b": null, "c": true} "#).unwrap();
        let a = node.get("a").unwrap();
        assert_eq!(a.span, Span { start: 7, end: 43 });
        let Value::Array(items) = &a.value else { panic!() };
        assert_eq!(items[1].value, Value::Number("-2.5e3".into()));
        assert!(matches!(&items[1].value, Value::Number(Cow::Borrowed(_))));
        assert_eq!(items[2].as_str(), Some("x\né🚀"));
        assert_eq!(node.get("b").unwrap().value, Value::Null);
    }

    #[test]
    fn borrows_keys_and_strings_without_escapes() {
        let node = parse(r#"{"plain": "text", "esc\u0061ped": "a\tb", "n": 12}"#).unwrap();
        let Value::Object(members) = &node.value else { panic!() };
        assert!(matches!(members[0].key, Cow::Borrowed("plain")));
        assert!(matches!(&members[0].value.value, Value::String(Cow::Borrowed("text"))));
        assert_eq!(members[1].key, "escaped");
        assert!(matches!(members[1].key, Cow::Owned(_)));
        assert_eq!(members[1].value.as_str(), Some("a\tb"));
        assert!(matches!(&members[2].value.value, Value::Number(Cow::Borrowed("12"))));
    }

    #[test]
    fn keeps_duplicate_keys() {
        let node = parse(r#"{"a": 1, "a": 2}"#).unwrap();
        let Value::Object(members) = node.value else { panic!() };
        assert_eq!(members.len(), 2);
    }

    #[test]
    fn numbers_have_no_leading_zeros() {
        // A fuzz finding: `03` was read as a number; JSON has no leading zeros.
        check_error("[03]", "cannot start with 0 in JSON: write 3, not 03");
        check_error("-007", "write 7, not 007");
        check_error("00", "write 0, not 00");
        assert!(parse("[0, -0, 0.5, 0e1, 10]").is_ok());
    }

    #[test]
    fn control_characters_are_u0000_to_u001f_only() {
        // RFC 8259 lets DEL and the C1 controls stand unescaped (a fuzz finding:
        // the reader refused them, so the writer's own output was refused).
        assert_eq!(parse("\"a\u{7f}\u{85}b\"").unwrap().as_str(), Some("a\u{7f}\u{85}b"));
        check_error("\"a\u{1f}b\"", "control character U+001F");
    }

    #[test]
    fn skips_a_byte_order_mark() {
        assert!(parse("\u{feff}{}").is_ok());
    }

    #[test]
    fn syntax_errors_say_what_was_expected() {
        check_error("", "empty");
        check_error("{\"a\": 1,}", "trailing comma");
        check_error("{'a': 1}", "double quotes");
        check_error("[1, 2", "expected `,` or `]`");
        check_error("\"abc", "never closed");
        check_error("\"a\u{1}b\"", "control character U+0001");
        check_error("{} x", "after the end");
        check_error("[1.]", "decimal point");
        check_error("\"\\q\"", "unknown escape");
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        check_error(&deep, "nested more than 128 levels");
    }

    #[test]
    fn line_index_counts_characters() {
        let src = "ab\né{x\n";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(3), (2, 1));
        assert_eq!(index.line_col(5), (2, 2));
        assert_eq!(index.line_text(2), "é{x");
    }

    #[test]
    fn writer_round_trips_through_reader() {
        let tricky = "quote \" back \\ nl \n tab \t ctl \u{1} sep \u{2028} 🚀";
        assert_eq!(parse(&quote(tricky)).unwrap().as_str(), Some(tricky));
    }
}
