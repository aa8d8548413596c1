//! Clitic segmentation for lexicon lookup.
//!
//! Arabic writes conjunctions (و ف), prepositions (ب ل ك), the future marker
//! (س), the article (ال, and لل for ل + ال) and object/possessive pronouns
//! (ه ها هم هما هن كم نا ي) as one word with their host: وبالقوات = و + ب +
//! ال + قوات. Stripping is ambiguous (ليبيا is not ل + يبيا), so this module
//! proposes every admissible analysis and lets the caller pick by lexicon or
//! vocabulary. All functions take normalized words (see [`crate::normalize`]).

use serde::Serialize;

/// One analysis of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Split<'w> {
    /// Proclitics as written (`وبال`), possibly empty.
    pub pre: &'w str,
    /// The host word without article.
    pub stem: &'w str,
    /// Pronoun suffix, possibly empty.
    pub suf: &'w str,
    /// Whether an article (ال / the ل of لل) was among the proclitics.
    pub article: bool,
}

/// Proclitic sequences before an optional article, longest first.
const PRE: &[&str] = &["", "وب", "وك", "ول", "فب", "فل", "فك", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س"];
const SUF: &[&str] = &["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي"];
const MIN_STEM: usize = 2;

/// `w` without the prefix `p`. Clitics are two to six bytes: comparing
/// them inline is several times faster than `str::strip_prefix`, which
/// calls `memcmp`, and this runs for every token of every document.
#[inline]
fn cut_prefix<'w>(w: &'w str, p: &str) -> Option<&'w str> {
    let (wb, pb) = (w.as_bytes(), p.as_bytes());
    (wb.len() >= pb.len() && wb.iter().zip(pb).all(|(a, b)| a == b)).then(|| &w[pb.len()..])
}

#[inline]
fn cut_suffix<'w>(w: &'w str, s: &str) -> Option<&'w str> {
    let (wb, sb) = (w.as_bytes(), s.as_bytes());
    (wb.len() >= sb.len() && wb[wb.len() - sb.len()..].iter().zip(sb).all(|(a, b)| a == b))
        .then(|| &w[..w.len() - sb.len()])
}

/// Whether `s` has at least `n` characters (without counting them all).
#[inline]
fn has_chars(s: &str, n: usize) -> bool {
    // a character is at most four bytes
    s.len() >= 4 * n || n == 0 || s.chars().nth(n - 1).is_some()
}

/// Strips the article from a normalized word: الجيش → جيش; keeps words the
/// article leaves too short (ال, الا).
pub fn strip_article(w: &str) -> &str {
    match cut_prefix(w, "ال") {
        Some(rest) if has_chars(rest, MIN_STEM) => rest,
        _ => w,
    }
}

/// Every analysis of `w` into proclitics + host (+ article), the unsegmented
/// word first. Pronoun suffixes are not stripped (see [`splits_with_suffix`]).
pub fn splits(w: &str) -> impl Iterator<Item = Split<'_>> + '_ {
    // most words begin with no clitic letter: then only the unsegmented
    // word (PRE[0] = "") needs trying
    let clitic = matches!(w.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س'));
    PRE[..if clitic { PRE.len() } else { 1 }].iter().filter_map(move |p| {
        let rest = cut_prefix(w, p)?;
        // لل = ل + ال: للجيش → ل + جيش
        if *p == "ل" || *p == "ول" || *p == "فل" {
            if let Some(host) = cut_prefix(rest, "ل") {
                if has_chars(host, MIN_STEM + 1) && !host.starts_with("ال") {
                    // handled below as article
                    let pre = &w[..w.len() - host.len()];
                    return Some(Split { pre, stem: host, suf: "", article: true });
                }
            }
        }
        let (stem, article) = match cut_prefix(rest, "ال") {
            Some(h) if has_chars(h, MIN_STEM) => (h, true),
            _ => (rest, false),
        };
        if !has_chars(stem, MIN_STEM) {
            return None;
        }
        Some(Split { pre: &w[..w.len() - stem.len()], stem, suf: "", article })
    })
}

/// Like [`splits`], also stripping one pronoun suffix from hosts of at least
/// three letters (قتلهم → قتل + هم).
pub fn splits_with_suffix(w: &str) -> impl Iterator<Item = Split<'_>> + '_ {
    splits(w).flat_map(|s| {
        // every suffix ends in one of these letters, and none follows the article
        let suffixed = !s.article && matches!(s.stem.chars().next_back(), Some('ه' | 'ا' | 'م' | 'ن' | 'ك' | 'ي'));
        let with = SUF[..if suffixed { SUF.len() } else { 0 }].iter().filter_map(move |x| {
            let host = cut_suffix(s.stem, x)?;
            has_chars(host, 3).then_some(Split { stem: host, suf: &s.stem[host.len()..], ..s })
        });
        std::iter::once(s).chain(with)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(w: &str) -> Vec<&str> {
        splits(w).map(|s| s.stem).collect()
    }

    #[test]
    fn proclitics_and_article() {
        assert!(stems("وبالقوات").contains(&"قوات"));
        assert!(stems("للجيش").contains(&"جيش"));
        assert!(stems("لداعش").contains(&"داعش"));
        assert_eq!(stems("ليبيا")[0], "ليبيا");
        assert_eq!(strip_article("الجيش"), "جيش");
        assert_eq!(strip_article("ال"), "ال");
    }

    #[test]
    fn suffixes() {
        let s: Vec<_> = splits_with_suffix("وقتلهم").map(|s| (s.pre, s.stem, s.suf)).collect();
        assert!(s.contains(&("و", "قتل", "هم")));
    }
}
