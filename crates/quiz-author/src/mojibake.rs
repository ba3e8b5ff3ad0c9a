//! Repairs text whose UTF-8 was decoded as Windows-1252 or Windows-1254.
//!
//! Question banks pasted through old tools arrive with `â€™` for `’` and
//! `ğŸš€` for `🚀`. Where every byte survived, re-encoding the characters to
//! their code-page bytes and decoding those as UTF-8 gives the original back.
//! Bytes the code page has no character for (0x81, 0x8D, 0x8E, 0x8F, 0x90,
//! 0x9D, 0x9E) were usually dropped, and then the original cannot be told
//! apart from its neighbours; such sequences are left for a small table of
//! hand fixes (see [`apply_fixes`]).

use encoding_rs::{WINDOWS_1252, WINDOWS_1254};

/// The byte that stands for `c` in Windows-1252, or in Windows-1254 for the
/// Turkish letters that replace six Latin-1 positions there (encoding_rs's
/// tables, as browsers use them). Only bytes from 0x80 count: ASCII was
/// never mis-decoded.
fn code_page_byte(c: char) -> Option<u8> {
    let mut buffer = [0; 4];
    let text = c.encode_utf8(&mut buffer);
    [WINDOWS_1252, WINDOWS_1254].into_iter().find_map(|code_page| {
        let (bytes, _, unmappable) = code_page.encode(text);
        match *bytes {
            [byte] if !unmappable && byte >= 0x80 => Some(byte),
            _ => None,
        }
    })
}

fn continuation_count(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// Repairs every complete mis-decoded UTF-8 sequence in `text`.
pub fn repair(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if let Some(decoded) = decode_at(&chars, i) {
            out.push_str(&decoded.0);
            i += decoded.1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The text a mis-decoded sequence starting at `i` stood for, and how many
/// characters it spans.
fn decode_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    let lead = code_page_byte(*chars.get(i)?)?;
    let needed = continuation_count(lead)?;
    let mut bytes = vec![lead];
    for k in 1..=needed {
        let b = code_page_byte(*chars.get(i + k)?)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes.push(b);
    }
    let decoded = String::from_utf8(bytes).ok()?;
    Some((decoded, needed + 1))
}

/// Applies hand fixes: lines of `mojibake<TAB>intended`; `#` starts a comment.
/// Longer patterns are applied first, so a fix for `â±ï¸` wins over one for `â`.
pub fn apply_fixes(text: &str, fixes: &str) -> String {
    let mut pairs: Vec<(&str, &str)> = fixes
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .filter(|(from, _)| !from.is_empty())
        .collect();
    pairs.sort_by_key(|(from, _)| std::cmp::Reverse(from.chars().count()));
    let mut out = text.to_owned();
    for (from, to) in pairs {
        out = out.replace(from, to);
    }
    out
}

/// Sequences that show text is still mis-decoded.
pub const TELLTALES: [&str; 6] = ["â€", "ğŸ", "Â©", "âš", "Ã©", "ï¸"];

/// Whether `text` still holds a telltale sequence.
pub fn looks_mis_decoded(text: &str) -> bool {
    TELLTALES.iter().any(|t| text.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_complete_sequences() {
        assert_eq!(repair("Hereâ€™s"), "Here’s");
        assert_eq!(repair("ğŸš€ go ğŸŸ¢"), "🚀 go 🟢");
        assert_eq!(repair("âš¡ fast"), "⚡ fast");
        assert_eq!(repair("Â© 2024"), "© 2024");
        assert_eq!(repair("cafÃ©"), "café");
    }

    #[test]
    fn leaves_real_text_alone() {
        for text in ["naïve café — “quoted” €5", "Ça va? Öl, ğüşı", "plain ascii"] {
            assert_eq!(repair(text), text);
        }
    }

    #[test]
    fn hand_fixes_apply_longest_first() {
        let fixes = "# comment\nâ\t⭐\nâ±ï¸\t⏱️\n";
        assert_eq!(apply_fixes("â±ï¸ 10 min ââ", fixes), "⏱️ 10 min ⭐⭐");
    }
}
