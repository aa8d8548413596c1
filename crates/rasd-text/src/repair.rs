//! Run-together word repair (initial version: to be replaced by the unigram
//! segmenter).

use crate::normalize::Normalized;
use crate::tokens::Token;
use crate::vocab::Vocab;

/// Byte offsets inside the normalized word `w` where spaces are missing.
pub fn split_points(_w: &str, _vocab: &Vocab) -> Vec<usize> {
    Vec::new()
}

/// Replaces every run-together Arabic token by its pieces.
pub fn repair_tokens(original: &str, norm: &Normalized, tokens: Vec<Token>, vocab: &Vocab) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len() + 8);
    for t in tokens {
        if t.kind != crate::TokenKind::Arabic {
            out.push(t);
            continue;
        }
        let w = t.norm(&norm.text);
        let cuts = split_points(w, vocab);
        let mut a = t.norm_start as usize;
        let mut first = true;
        for c in cuts.into_iter().map(|c| t.norm_start as usize + c).chain([t.norm_end as usize]) {
            if c <= a || (c < t.norm_end as usize && !norm.is_source_boundary(c)) {
                continue;
            }
            out.push(Token {
                span: norm.orig_span(original, a, c),
                norm_start: a as u32,
                norm_end: c as u32,
                repaired: !first,
                space_before: if first { t.space_before } else { false },
                newline_before: first && t.newline_before,
                ..t
            });
            first = false;
            a = c;
        }
    }
    out
}
