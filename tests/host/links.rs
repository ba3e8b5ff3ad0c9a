//! Every relative link between the project's documents resolves: in
//! README.md, CONTRIBUTING.md, ARCHITECTURE.md, PUBLISHING.md, CHANGELOG.md
//! and docs/*.md, each `[text](target)`, `![alt](target)`, `[label]: target`
//! and HTML `src="…"` or `href="…"` outside code names a file or folder that
//! exists, relative to the document, and a `#anchor` names a heading of the
//! target document as GitHub makes anchors from headings. Links to other
//! sites are not fetched.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use crate::{read, repo};

/// The documents whose links are checked, by path from the repository root.
fn documents() -> Vec<String> {
    let mut all: Vec<String> = ["ARCHITECTURE.md", "PUBLISHING.md", "CHANGELOG.md"]
        .map(str::to_owned)
        .into();
    // README.md, CONTRIBUTING.md and docs/*.md.
    all.extend(crate::readme::documents());
    all
}

/// The document's text outside fenced code blocks, as paragraphs (blocks of
/// lines between blank lines), so that nothing in code counts as a heading
/// or a link.
fn prose(text: &str) -> Vec<String> {
    let mut paragraphs = vec![String::new()];
    let mut fence: Option<(char, usize)> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let mark = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = mark.map_or(0, |m| trimmed.chars().take_while(|&c| c == m).count());
        match (fence, mark) {
            (None, Some(m)) if run >= 3 => fence = Some((m, run)),
            (Some((m, n)), Some(c)) if c == m && run >= n && trimmed[run..].trim().is_empty() => {
                fence = None;
            }
            (Some(_), _) => {}
            (None, _) if line.trim().is_empty() => paragraphs.push(String::new()),
            (None, _) => {
                let last = paragraphs.last_mut().unwrap();
                last.push_str(line);
                last.push('\n');
            }
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs
}

/// A paragraph without its code spans: a run of backticks up to the next run
/// of as many; a run with no partner is literal text (CommonMark's rule).
fn without_code_spans(paragraph: &str) -> String {
    let mut out = String::new();
    let mut rest = paragraph;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        let run = rest[start..].chars().take_while(|&c| c == '`').count();
        let after = &rest[start + run..];
        let mut search = 0;
        let close = loop {
            let Some(at) = after[search..].find('`') else {
                break None;
            };
            let at = search + at;
            let len = after[at..].chars().take_while(|&c| c == '`').count();
            if len == run {
                break Some(at);
            }
            search = at + len;
        };
        match close {
            Some(at) => rest = &after[at + run..],
            None => {
                out.push_str(&rest[start..start + run]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The anchor GitHub gives a heading: its text without markup, lower case,
/// with every character but letters, digits, `-`, `_` and spaces dropped,
/// and spaces made `-`.
fn slug(heading: &str) -> String {
    // A link in a heading anchors by its text.
    let mut text = String::new();
    let mut rest = heading;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|m| open + m) else {
            break;
        };
        let Some(close) = rest[mid..].find(')').map(|c| mid + c) else {
            break;
        };
        text.push_str(&rest[..open]);
        text.push_str(&rest[open + 1..mid]);
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a document's headings; a repeated one gets `-1`, `-2`, …
fn anchors(text: &str) -> HashSet<String> {
    let mut seen = HashSet::new();
    for paragraph in prose(text) {
        for line in paragraph.lines() {
            let level = line.chars().take_while(|&c| c == '#').count();
            if !(1..=6).contains(&level) || !line[level..].starts_with(' ') {
                continue;
            }
            let title = line[level..].trim().trim_end_matches('#').trim_end();
            let base = slug(title);
            let mut anchor = base.clone();
            let mut n = 0;
            while !seen.insert(anchor.clone()) {
                n += 1;
                anchor = format!("{base}-{n}");
            }
        }
    }
    seen
}

/// The link targets in a paragraph (code spans already removed).
fn targets(paragraph: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in paragraph.match_indices("](") {
        let rest = &paragraph[at + 2..];
        let rest = rest.strip_prefix('<').unwrap_or(rest);
        let end = rest
            .find(|c: char| c == ')' || c == '>' || c.is_whitespace())
            .unwrap_or(rest.len());
        found.push(rest[..end].to_owned());
    }
    for opening in ["src=\"", "href=\""] {
        for (at, _) in paragraph.match_indices(opening) {
            let rest = &paragraph[at + opening.len()..];
            found.push(rest.split('"').next().unwrap_or_default().to_owned());
        }
    }
    // Reference definitions: `[label]: target` at the start of a line.
    for line in paragraph.lines() {
        if let Some(after) = line.strip_prefix('[').and_then(|l| l.split_once("]: ")) {
            found.push(after.1.split_whitespace().next().unwrap_or_default().to_owned());
        }
    }
    found
}

/// `path` with its `.` and `..` parts resolved, without touching the disk.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[test]
fn anchors_are_made_as_github_makes_them() {
    assert_eq!(slug("What `make test` runs"), "what-make-test-runs");
    assert_eq!(slug("The `<quiz-widget>` element"), "the-quiz-widget-element");
    assert_eq!(
        slug("In an LMS (SCORM, cmi5 and xAPI)"),
        "in-an-lms-scorm-cmi5-and-xapi"
    );
    assert_eq!(
        slug("Hosting the files: CSP and other origins"),
        "hosting-the-files-csp-and-other-origins"
    );
    assert_eq!(slug("Bird's-eye view"), "birds-eye-view");
    assert_eq!(slug("[0.1.0] - 2026-11-20"), "010---2026-11-20");
    let repeated = anchors("# A\n\n## Notes\n\n```md\n# Not a heading\n```\n\n## Notes\n");
    assert_eq!(
        repeated,
        ["a", "notes", "notes-1"].map(str::to_owned).into_iter().collect()
    );
    assert_eq!(without_code_spans("a `x](y)` b ``c ` d`` e ` f"), "a  b  e ` f");
}

#[test]
fn every_relative_link_in_the_documents_resolves() {
    let mut broken = Vec::new();
    let (mut files, mut with_anchor) = (0, 0);
    for document in documents() {
        let text = read(&document);
        let folder = Path::new(&document).parent().unwrap_or(Path::new(""));
        for paragraph in prose(&text) {
            for target in targets(&without_code_spans(&paragraph)) {
                if target.is_empty()
                    || target.contains("://")
                    || target.starts_with("mailto:")
                    || target.starts_with("data:")
                {
                    continue;
                }
                let (path, anchor) = target.split_once('#').unwrap_or((&target, ""));
                let file = if path.is_empty() {
                    PathBuf::from(&document)
                } else {
                    normal(&folder.join(path))
                };
                if !repo(&file.to_string_lossy()).exists() {
                    broken.push(format!(
                        "{document}: {target}: no such file or folder {}",
                        file.display()
                    ));
                    continue;
                }
                files += 1;
                if anchor.is_empty() {
                    continue;
                }
                with_anchor += 1;
                if file.extension().is_none_or(|e| e != "md") {
                    broken.push(format!(
                        "{document}: {target}: an anchor in a file that is not Markdown"
                    ));
                } else if !anchors(&read(&file.to_string_lossy())).contains(anchor) {
                    broken.push(format!(
                        "{document}: {target}: no heading in {} makes #{anchor}",
                        file.display()
                    ));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} broken links:\n{}",
        broken.len(),
        broken.join("\n")
    );
    // The documents do link to each other, anchors included: the test checks something.
    assert!(
        files >= 40 && with_anchor >= 10,
        "{files} relative links, {with_anchor} with an anchor"
    );
}
