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

#[inline]
fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Strips the article from a normalized word: الجيش → جيش; keeps words the
/// article leaves too short (ال, الا).
pub fn strip_article(w: &str) -> &str {
    match w.strip_prefix("ال") {
        Some(rest) if chars(rest) >= MIN_STEM => rest,
        _ => w,
    }
}

/// Every analysis of `w` into proclitics + host (+ article), the unsegmented
/// word first. Pronoun suffixes are not stripped (see [`splits_with_suffix`]).
pub fn splits(w: &str) -> impl Iterator<Item = Split<'_>> + '_ {
    PRE.iter().filter_map(move |p| {
        let rest = w.strip_prefix(p)?;
        // لل = ل + ال: للجيش → ل + جيش
        if *p == "ل" || *p == "ول" || *p == "فل" {
            if let Some(host) = rest.strip_prefix('ل') {
                if chars(host) > MIN_STEM && !host.starts_with("ال") {
                    // handled below as article
                    let pre = &w[..w.len() - host.len()];
                    return Some(Split { pre, stem: host, suf: "", article: true });
                }
            }
        }
        let (stem, article) = match rest.strip_prefix("ال") {
            Some(h) if chars(h) >= MIN_STEM => (h, true),
            _ => (rest, false),
        };
        if chars(stem) < MIN_STEM {
            return None;
        }
        Some(Split { pre: &w[..w.len() - stem.len()], stem, suf: "", article })
    })
}

/// Like [`splits`], also stripping one pronoun suffix from hosts of at least
/// three letters (قتلهم → قتل + هم).
pub fn splits_with_suffix(w: &str) -> impl Iterator<Item = Split<'_>> + '_ {
    splits(w).flat_map(|s| {
        let with = SUF.iter().filter_map(move |x| {
            let host = s.stem.strip_suffix(x)?;
            (!s.article && chars(host) >= 3).then_some(Split { stem: host, suf: &s.stem[host.len()..], ..s })
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
