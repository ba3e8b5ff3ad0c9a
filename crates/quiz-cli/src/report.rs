//! Renders validator diagnostics in the style of rustc: level and message,
//! `--> file:line:col`, the JSON path, and the source line with a caret.

use std::fmt::Write as _;

use quiz_format::json::LineIndex;
use quiz_format::{Diagnostic, Severity};

/// One diagnostic as a rustc-style block, ending in a blank line.
pub fn render(file: &str, source: &str, index: &LineIndex, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = format!("{level}: {}\n", d.message);
    let gutter = d.line.to_string().len();
    let pad = " ".repeat(gutter);
    let _ = writeln!(out, "{pad}--> {file}:{}:{}", d.line, d.column);
    if !d.path.is_empty() {
        let _ = writeln!(out, "{pad} = at {}", d.path);
    }
    if !source.is_empty() {
        let text = index.line_text(d.line);
        // Long lines (a minified file) are cut around the column.
        let (shown, caret_col) = excerpt(text, d.column);
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{} | {shown}", d.line);
        let _ = writeln!(out, "{pad} | {}^", " ".repeat(caret_col.saturating_sub(1)));
    }
    out.push('\n');
    out
}

fn excerpt(line: &str, column: usize) -> (String, usize) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= WIDTH {
        return (line.to_owned(), column);
    }
    let start = column.saturating_sub(WIDTH / 2).min(chars.len().saturating_sub(WIDTH));
    let end = (start + WIDTH).min(chars.len());
    let body: String = chars.get(start..end).unwrap_or_default().iter().collect();
    (format!("…{body}…"), column - start + 1)
}
