//! Tokenization of the normalized view.
//!
//! Tokens are runs of one class (Arabic letters, other letters, digits) or a
//! single punctuation mark; a change of class splits, so that a number keeps
//! apart from its unit (`40كم` → `40` + `كم`). Numbers keep their internal
//! separators (`3.5`, `1,000`). A token never starts or ends inside the
//! expansion of one source character, so its span always slices the
//! original at character boundaries.

use crate::normalize::Normalized;
use rasd_core::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Arabic-script word.
    Arabic,
    /// Latin or other-script word.
    Latin,
    /// Digits, possibly with `.` or `,` separators between digits.
    Number,
    /// One punctuation mark.
    Punct,
    /// Anything else (emoji, symbols).
    Symbol,
}

/// One token: its span in the original and its normalized form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the original text.
    pub span: Span,
    /// Byte range in the normalized text.
    pub norm_start: u32,
    pub norm_end: u32,
    pub kind: TokenKind,
    /// Whitespace separates it from the previous token.
    pub space_before: bool,
    /// A line break separates it from the previous token.
    pub newline_before: bool,
    /// Repair cut it from the end of a run-together word: a space was missing
    /// right before it (الأممالمتحدة → الأمم + *المتحدة*).
    pub repaired: bool,
}

impl Token {
    /// The normalized form, given the normalized text it indexes.
    #[inline]
    pub fn norm<'n>(&self, normalized: &'n str) -> &'n str {
        &normalized[self.norm_start as usize..self.norm_end as usize]
    }
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Arabic | TokenKind::Latin)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Newline,
    Arabic,
    Latin,
    Digit,
    Punct,
    Symbol,
}

#[inline]
fn class(c: char) -> Class {
    match c {
        ' ' => Class::Space,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}' => Class::Newline,
        '0'..='9' => Class::Digit,
        'a'..='z' => Class::Latin,
        '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => {
            Class::Arabic
        }
        c if c.is_whitespace() => Class::Space,
        c if c.is_alphabetic() => Class::Latin,
        c if c.is_numeric() => Class::Symbol,
        c if c.is_ascii_punctuation() => Class::Punct,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3001}' | '\u{3002}' | '\u{FF01}'..='\u{FF0F}' => {
            Class::Punct
        }
        _ => Class::Symbol,
    }
}

/// Splits the normalized view into tokens.
pub fn tokenize(original: &str, norm: &Normalized) -> Vec<Token> {
    let text = norm.text.as_str();
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut space = false;
    let mut newline = false;
    let mut iter = text.char_indices().peekable();
    while let Some((b, c)) = iter.next() {
        let cl = class(c);
        match cl {
            Class::Space => {
                space = true;
                continue;
            }
            Class::Newline => {
                space = true;
                newline = true;
                continue;
            }
            _ => {}
        }
        let mut end = b + c.len_utf8();
        if matches!(cl, Class::Arabic | Class::Latin | Class::Digit) {
            while let Some(&(nb, nc)) = iter.peek() {
                let ncl = class(nc);
                let same = ncl == cl
                    || (cl == Class::Digit
                        && (nc == '.' || nc == ',')
                        && bytes.get(nb + 1).is_some_and(u8::is_ascii_digit)
                        && norm.is_source_boundary(nb + 1))
                    || !norm.is_source_boundary(nb);
                if !same {
                    break;
                }
                // a separator inside a number is consumed with the digit after it
                if ncl != cl && (nc == '.' || nc == ',') {
                    iter.next();
                    let (db, dc) = iter.next().expect("digit after separator");
                    end = db + dc.len_utf8();
                    continue;
                }
                iter.next();
                end = nb + nc.len_utf8();
            }
        } else {
            while let Some(&(nb, nc)) = iter.peek() {
                if norm.is_source_boundary(nb) {
                    break;
                }
                iter.next();
                end = nb + nc.len_utf8();
            }
        }
        let kind = match cl {
            Class::Arabic => TokenKind::Arabic,
            Class::Latin => TokenKind::Latin,
            Class::Digit => TokenKind::Number,
            Class::Punct => TokenKind::Punct,
            _ => TokenKind::Symbol,
        };
        out.push(Token {
            span: norm.orig_span(original, b, end),
            norm_start: b as u32,
            norm_end: end as u32,
            kind,
            space_before: space,
            newline_before: newline,
            repaired: false,
        });
        space = false;
        newline = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn toks(s: &str) -> Vec<(String, TokenKind)> {
        let n = normalize(s);
        tokenize(s, &n).iter().map(|t| (t.span.slice(s).to_string(), t.kind)).collect()
    }

    #[test]
    fn numbers_keep_apart_from_units_and_keep_separators() {
        let t = toks("بحوالي 40كم و3.5 مليون، 1,000 جندي");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["بحوالي", "40", "كم", "و", "3.5", "مليون", "،", "1,000", "جندي"]);
        assert_eq!(t[1].1, TokenKind::Number);
    }

    #[test]
    fn arabic_indic_digits_and_punctuation() {
        let t = toks("قُتل ٤٣ شخصاً.");
        assert_eq!(t[1], ("٤٣".to_string(), TokenKind::Number));
        assert_eq!(t[3], (".".to_string(), TokenKind::Punct));
    }

    #[test]
    fn end_of_sentence_dot_is_not_a_decimal_point() {
        let t = toks("قتل 43. وأصاب");
        assert_eq!(t[1].0, "43");
        assert_eq!(t[2].0, ".");
    }
}
