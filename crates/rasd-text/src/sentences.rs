//! Sentence and clause splitting over tokens.
//!
//! A sentence ends at `.` `!` `?` (also `؟`), `;` (also `؛`) or a line break;
//! closing quotes and brackets that follow the mark stay with it. A dot after
//! a Latin initial or a known abbreviation (`U.S.`, `Dr.`) or inside open
//! brackets does not end a sentence. Clauses are sentences cut further at
//! commas (`،`), the unit Arabic news often strings sentences with.

use crate::tokens::{Token, TokenKind};
use rasd_core::Span;
use serde::Serialize;
use std::ops::Range;

/// A run of tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Byte span in the original.
    pub span: Span,
    /// Indices into the token list.
    pub tokens: Range<usize>,
}

const ABBREVIATIONS: &[&str] =
    &["dr", "mr", "mrs", "ms", "st", "jr", "sr", "prof", "gen", "col", "lt", "no", "vs", "etc"];

fn segments(tokens: &[Token], norm: &str, clause: bool) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut i = 0;
    let close = |out: &mut Vec<Segment>, a: usize, b: usize| {
        if b > a {
            out.push(Segment { span: tokens[a].span.cover(tokens[b - 1].span), tokens: a..b });
        }
    };
    while i < tokens.len() {
        let t = &tokens[i];
        if t.newline_before && i > start {
            close(&mut out, start, i);
            start = i;
            depth = 0;
        }
        if t.kind == TokenKind::Punct {
            let p = t.norm(norm);
            match p {
                "(" | "[" | "{" => depth += 1,
                ")" | "]" | "}" => depth = (depth - 1).max(0),
                _ => {}
            }
            let ends = match p {
                "." => depth == 0 && !is_abbreviation(tokens, norm, i),
                "!" | "?" | ";" => depth == 0,
                "," => clause && depth == 0,
                _ => false,
            };
            if ends {
                let mut j = i + 1;
                // repeated marks and closing quotes/brackets stay with the sentence
                while j < tokens.len()
                    && tokens[j].kind == TokenKind::Punct
                    && !tokens[j].newline_before
                    && matches!(tokens[j].norm(norm), "." | "!" | "?" | "\"" | "'" | ")" | "]")
                    && (tokens[j].norm(norm) != "\"" || !tokens[j].space_before)
                {
                    j += 1;
                }
                close(&mut out, start, j);
                start = j;
                depth = 0;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    close(&mut out, start, tokens.len());
    out
}

fn is_abbreviation(tokens: &[Token], norm: &str, dot: usize) -> bool {
    if dot == 0 || tokens[dot].space_before {
        return false;
    }
    let prev = &tokens[dot - 1];
    if prev.kind != TokenKind::Latin {
        return false;
    }
    let w = prev.norm(norm);
    w.chars().count() == 1 || ABBREVIATIONS.contains(&w)
}

/// Sentences of a token list.
pub fn sentences(tokens: &[Token], norm: &str) -> Vec<Segment> {
    segments(tokens, norm, false)
}

/// Clauses: sentences cut further at commas.
pub fn clauses(tokens: &[Token], norm: &str) -> Vec<Segment> {
    segments(tokens, norm, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::tokens::tokenize;

    fn split(s: &str) -> Vec<String> {
        let n = normalize(s);
        let t = tokenize(s, &n);
        sentences(&t, &n.text).iter().map(|g| g.span.slice(s).to_string()).collect()
    }

    #[test]
    fn arabic_and_latin_marks_end_sentences() {
        assert_eq!(split("قتل 3.5 مسلحين. هل هذا صحيح؟ نعم! ثم"), ["قتل 3.5 مسلحين.", "هل هذا صحيح؟", "نعم!", "ثم"]);
    }

    #[test]
    fn quote_after_dot_and_abbreviations() {
        assert_eq!(
            split("في \"مهمة مراقبة\".وأرفق الموقع U.S. forces هنا"),
            ["في \"مهمة مراقبة\".", "وأرفق الموقع U.S. forces هنا"]
        );
        assert_eq!(split("سطر أول\nسطر ثان"), ["سطر أول", "سطر ثان"]);
    }

    #[test]
    fn brackets_hold_their_dots() {
        assert_eq!(split("قال (وفق م. ع.) إن"), ["قال (وفق م. ع.) إن"]);
    }
}
