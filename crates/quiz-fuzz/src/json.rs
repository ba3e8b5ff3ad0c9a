//! The JSON reader against serde_json, and the writer against the reader.

use quiz_format::json::{self, Node, Value};

/// How deep serde_json goes before it refuses (its recursion limit), and ours.
const MAX_DEPTH: usize = 128;

/// The reader accepts exactly what serde_json accepts, with the documented
/// differences: ours keeps numbers as written (so one beyond f64's range is
/// read), accepts a leading BOM, reads a lone UTF-16 surrogate escape
/// (`\ud956` with no partner, which RFC 8259 allows) as U+FFFD, and reports
/// duplicate keys to the validator instead of keeping the last. What both read is the same tree, and the
/// writer's output, pretty and compact, reads back as that tree.
pub fn json(data: &[u8]) {
    let text = crate::text(data);
    let ours = json::parse(&text);
    let without_bom = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let theirs = serde_json::from_str::<serde_json::Value>(without_bom);
    match (&ours, &theirs) {
        (Ok(node), Ok(value)) => same(node, value),
        (Ok(node), Err(e)) => assert!(
            has_huge_number(node) || depth(node) > MAX_DEPTH - 1 || has_lone_surrogate(&text),
            "we read JSON that serde_json refuses ({e}): {text:?}"
        ),
        (Err(e), Ok(_)) => assert!(
            text.matches(['[', '{']).count() >= MAX_DEPTH,
            "we refuse JSON that serde_json reads ({}): {text:?}",
            e.message
        ),
        (Err(_), Err(_)) => {}
    }
    if let Ok(node) = ours {
        let mut compact = json::Writer::compact();
        compact.value(&node.value);
        for written in [json::to_pretty(&node.value), compact.finish()] {
            let again = json::parse(&written)
                .unwrap_or_else(|e| panic!("our own output is not JSON ({}): {written}", e.message));
            assert!(equal(&node, &again), "writing and reading changed the tree: {written}");
        }
    }
}

/// The two trees hold the same values (serde keeps the last of duplicate keys).
fn same(node: &Node, value: &serde_json::Value) {
    match (&node.value, value) {
        (Value::Null, serde_json::Value::Null) => {}
        (Value::Bool(a), serde_json::Value::Bool(b)) => assert_eq!(a, b),
        (Value::String(a), serde_json::Value::String(b)) => assert_eq!(a, b),
        (Value::Number(a), serde_json::Value::Number(b)) => {
            let (a, b) = (a.parse::<f64>().ok(), b.as_f64());
            assert_eq!(a, b, "numbers differ");
        }
        (Value::Array(a), serde_json::Value::Array(b)) => {
            assert_eq!(a.len(), b.len());
            a.iter().zip(b).for_each(|(a, b)| same(a, b));
        }
        (Value::Object(members), serde_json::Value::Object(map)) => {
            for (key, value) in map {
                let last = members.iter().rev().find(|m| m.key == key.as_str());
                same(&last.expect("serde's key is ours too").value, value);
            }
            assert!(members.iter().all(|m| map.contains_key(m.key.as_ref())));
        }
        (a, b) => panic!("{} against {b}", a.type_name()),
    }
}

/// Equal trees, spans aside.
fn equal(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| equal(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(a, b)| a.key == b.key && equal(&a.value, &b.value))
        }
        (x, y) => x == y,
    }
}

/// Whether a `\uXXXX` escape in the text is half of a surrogate pair
/// without its other half.
fn has_lone_surrogate(text: &str) -> bool {
    let hex = |s: &str| s.get(..4).and_then(|h| u32::from_str_radix(h, 16).ok());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        rest = rest.get(at + 1..).unwrap_or_default();
        let Some(escaped) = rest.strip_prefix('u') else {
            rest = rest
                .get(rest.chars().next().map_or(0, char::len_utf8)..)
                .unwrap_or_default();
            continue;
        };
        let Some(code) = hex(escaped) else { continue };
        rest = escaped.get(4..).unwrap_or_default();
        match code {
            0xD800..=0xDBFF => match rest.strip_prefix("\\u").and_then(hex) {
                Some(0xDC00..=0xDFFF) => rest = rest.get(6..).unwrap_or_default(),
                _ => return true,
            },
            0xDC00..=0xDFFF => return true,
            _ => {}
        }
    }
    false
}

fn has_huge_number(node: &Node) -> bool {
    match &node.value {
        Value::Number(n) => n.parse::<f64>().map_or(true, |f| !f.is_finite()),
        Value::Array(items) => items.iter().any(has_huge_number),
        Value::Object(members) => members.iter().any(|m| has_huge_number(&m.value)),
        _ => false,
    }
}

fn depth(node: &Node) -> usize {
    match &node.value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(members) => 1 + members.iter().map(|m| depth(&m.value)).max().unwrap_or(0),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_are_told_from_pairs_and_escaped_backslashes() {
        assert!(has_lone_surrogate(r#"["\ud956ptcho"]"#));
        assert!(has_lone_surrogate(r#"["\udc00"]"#));
        assert!(!has_lone_surrogate(r#"["\ud83d\ude80"]"#), "a pair");
        assert!(!has_lone_surrogate(r#"["\\ud956"]"#), "a backslash, then text");
        json(br#"{"a": ["\ud83d\ude80", "\ud956x", 1e400, 0.1]}"#);
    }
}
