//! Renders validator diagnostics as rustc does, with rustc's own renderer
//! (annotate-snippets): level and message, `--> file:line:col`, the source
//! line with the span underlined, and the JSON path as a note.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use quiz_format::json::LineIndex;
use quiz_format::{Diagnostic, Severity};

/// Widest source line shown; a longer one (a minified file) is cut around the span.
const WIDTH: usize = 100;

/// One diagnostic as a rustc-style block, ending in a blank line.
pub fn render(file: &str, source: &str, index: &LineIndex, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    // The diagnostic's line alone, and its span within it: a file of many
    // megabytes is not handed to the renderer whole.
    let line = if source.is_empty() { "" } else { index.line_text(d.line) };
    let start = line
        .char_indices()
        .nth(d.column.saturating_sub(1))
        .map_or(line.len(), |(at, _)| at);
    let end = (start + d.span.end.saturating_sub(d.span.start)).min(line.len());
    let end = (start..=end)
        .rev()
        .find(|&at| line.is_char_boundary(at))
        .unwrap_or(start);
    let snippet = Snippet::source(line)
        .line_start(d.line)
        .path(file)
        .annotation(AnnotationKind::Primary.span(start..end));
    let mut group: Group = level.primary_title(d.message.as_str()).element(snippet);
    if !d.path.is_empty() {
        group = group.element(Level::NOTE.message(format!("at {}", d.path)));
    }
    let mut out = Renderer::plain().term_width(WIDTH).render(&[group]);
    out.push_str("\n\n");
    out
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    fn check(source: &str, expected: expect_test::Expect) {
        let report = quiz_format::load(source);
        let index = LineIndex::new(source);
        let rendered: String = report
            .diagnostics
            .iter()
            .map(|d| render("q.json", source, &index, d))
            .collect();
        expected.assert_eq(&rendered);
    }

    #[test]
    fn points_at_the_value_and_names_its_path() {
        check(
            r#"{"id": "q", "title": "Q", "questions": [
  {"id": "a", "type": "single", "prompt": "p", "choices": ["x", "y"], "answer": 4, "explanation": "e"}
]}"#,
            expect![[r#"
                error: answer 4 is out of range: this question has 2 choices, numbered 0-1
                 --> q.json:2:81
                  |
                2 |   {"id": "a", "type": "single", "prompt": "p", "choices": ["x", "y"], "answer": 4, "explanati...
                  |                                                                                 ^
                  |
                  = note: at questions[0].answer

            "#]],
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let padding = "x".repeat(300);
        let source = format!(r#"{{"id": "q", "title": "{padding}", "questions": [], "extra": 1}}"#);
        let report = quiz_format::load(&source);
        let index = LineIndex::new(&source);
        for d in &report.diagnostics {
            let rendered = render("q.json", &source, &index, d);
            let source_lines = rendered.lines().filter(|l| l.starts_with("1 |"));
            assert!(source_lines.clone().count() == 1, "{rendered}");
            assert!(
                source_lines.into_iter().all(|l| l.chars().count() <= WIDTH),
                "{rendered}"
            );
            assert!(rendered.contains("q.json:1:"), "{rendered}");
        }
    }
}
