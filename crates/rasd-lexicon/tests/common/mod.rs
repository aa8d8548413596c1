//! What the real-sentence test sets of this crate share: the bundled
//! lexicon, loaded once, their TSV rows and the token range of a labelled
//! substring.

use rasd_lexicon::Lexicon;
use rasd_text::Analysis;
use std::sync::OnceLock;

pub fn lex() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::bundled().expect("bundled data compiles"))
}

/// The rows of a tab-separated test set (blank lines and `#` comments
/// skipped), each with its 1-based line; every row must have `columns` fields.
pub fn rows<'a>(text: &'a str, file: &str, columns: usize) -> Vec<(usize, Vec<&'a str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), columns, "{file}:{}: {columns} columns expected", i + 1);
            (i + 1, c)
        })
        .collect()
}

/// Token range `[start, end)` of the tokens overlapping the first occurrence
/// of `sub` in the analysed text.
pub fn token_range(a: &Analysis<'_>, sub: &str) -> Option<(usize, usize)> {
    let s = a.original.find(sub)?;
    let e = s + sub.len();
    let toks: Vec<usize> =
        (0..a.tokens.len()).filter(|&i| a.tokens[i].span.start < e && s < a.tokens[i].span.end).collect();
    Some((*toks.first()?, *toks.last()? + 1))
}
