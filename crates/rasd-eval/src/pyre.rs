//! Python `re` patterns rewritten for `fancy-regex`, where the two read the same text differently.
//!
//! - `\w`, `\W`, `\b`, `\B`: Python's word characters are letters, numbers and `_`
//!   (`str.isalnum()`), while the regex crate also counts combining marks (Arabic harakat) and
//!   connector punctuation; they become explicit classes (and `\b`/`\B` look-arounds over them).
//! - `\s`, `\S`: Python's whitespace includes `\x1c`–`\x1f`.
//! - `$` without the `m` flag: Python also matches just before a final newline.
//! - `\Z`: end of text in Python (`\z` here; fancy-regex reads `\Z` as Perl's).
//! - In a class, `[` is a literal (Python warns about "nested sets" but takes it literally) and so
//!   are `&&`, `~~`, `--` (set operations in the regex crate), and `\b` is a backspace; a `]` right
//!   after `[` or `[^` is a literal.
//!
//! Everything else is passed through: look-around, back-references, named groups and the usual
//! syntax read the same in both.

const WORD: &str = r"\p{L}\p{N}_";
const SPACE: &str = r"\s\x1c-\x1f";

/// The `fancy-regex` pattern that matches what Python's `re.search(pattern, …)` matches.
pub(crate) fn translate(pattern: &str) -> String {
    let multiline = has_flag(pattern, 'm');
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c == '\\' {
            let Some(&n) = chars.get(i) else {
                out.push('\\');
                break;
            };
            i += 1;
            match (n, in_class) {
                ('w', false) => out.push_str(&format!("[{WORD}]")),
                ('w', true) => out.push_str(WORD),
                ('W', _) => out.push_str(&format!("[^{WORD}]")),
                ('s', false) => out.push_str(&format!("[{SPACE}]")),
                ('s', true) => out.push_str(SPACE),
                ('S', _) => out.push_str(&format!("[^{SPACE}]")),
                ('b', false) => out.push_str(&format!("(?:(?<=[{WORD}])(?![{WORD}])|(?<![{WORD}])(?=[{WORD}]))")),
                ('B', false) => out.push_str(&format!("(?:(?<=[{WORD}])(?=[{WORD}])|(?<![{WORD}])(?![{WORD}]))")),
                ('b', true) => out.push_str(r"\x08"),
                ('Z', false) => out.push_str(r"\z"),
                _ => {
                    out.push('\\');
                    out.push(n);
                }
            }
            continue;
        }
        if in_class {
            match c {
                ']' => {
                    in_class = false;
                    out.push(']');
                }
                '[' | '&' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                '-' if chars.get(i) == Some(&'-') => out.push_str(r"\-"),
                _ => out.push(c),
            }
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                out.push('[');
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i) == Some(&']') {
                    out.push_str(r"\]");
                    i += 1;
                }
            }
            '$' if !multiline => out.push_str(r"(?=\n?\z)"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether an inline flag group (`(?m)`, `(?im:…)`) turns on `flag` somewhere in the pattern.
fn has_flag(pattern: &str, flag: char) -> bool {
    let mut rest = pattern;
    while let Some(at) = rest.find("(?") {
        let after = &rest[at + 2..];
        let flags: String = after.chars().take_while(|c| c.is_ascii_alphabetic() || *c == '-').collect();
        let end = after[flags.len()..].chars().next();
        let on = flags.split('-').next().unwrap_or("");
        if matches!(end, Some(':' | ')')) && on.contains(flag) {
            return true;
        }
        rest = after;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, s: &str) -> bool {
        fancy_regex::Regex::new(&translate(p)).unwrap().is_match(s).unwrap()
    }

    #[test]
    fn word_boundaries_are_pythons() {
        assert!(m(r"\bIS\b", "(IS)") && !m(r"\bIS\b", "ISIS"));
        // A fatha after the word: a word character for the regex crate, not for Python.
        assert!(m(r"\bداعش\b", "داعش\u{64e}"));
        assert!(!m(r"\w", "\u{64e}"));
        assert!(m(r"\w", "٣") && m(r"\w", "_") && !m(r"\w", "‿"));
        assert!(m(r"a\Bb", "ab") && !m(r"a\Bb", "a b"));
        assert!(m(r"[\w.]+$", "U.S"));
    }

    #[test]
    fn ends_of_text() {
        assert!(m("IS$", "IS\n") && !m("IS$", "IS\n\n") && m("IS$", "IS"));
        assert!(!m(r"IS\Z", "IS\n") && m(r"IS\Z", "IS"));
        assert!(m("(?m)IS$", "IS\nx") && m("[$]", "$") && m(r"\$", "$"));
    }

    #[test]
    fn classes_read_as_python_reads_them() {
        assert!(m("[[:alpha:]]", "[]") && !m("[[:alpha:]]", "b"));
        assert!(m("[]a]", "]") && m("[^]a]", "b") && !m("[^]a]", "]"));
        assert!(m("[a&&b]", "&") && m("[~~]", "~"));
        assert!(m(r"[\b]", "\u{8}") && m(r"[\s]", "\u{1c}") && m(r"\s", "\u{1f}"));
    }

    #[test]
    fn flags() {
        assert!(has_flag("(?m)x", 'm') && has_flag("(?im:x)", 'm') && !has_flag("(?i-m:x)", 'm'));
        assert!(!has_flag("(?P<m>x)", 'm') && !has_flag("(?:m)", 'm') && has_flag("(?m-i:x)", 'm'));
    }
}
