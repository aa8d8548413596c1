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

/// Proclitic sequences before an optional article, longest first (the
/// order of the analyses). Two letters: و or ف, then ب ك ل or س.
#[cfg(test)]
const PRE: &[&str] = &["", "وب", "وك", "ول", "فب", "فل", "فك", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س"];
/// Pronoun suffixes (see [`pronoun_suffix`]). None is a suffix of another,
/// so a word ends with at most one of them.
#[cfg(test)]
const SUF: &[&str] = &["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي"];
const MIN_STEM: usize = 2;

/// The suffix of [`SUF`] that `w` ends with, if any. Chosen by the last
/// byte (that of the suffix's last letter), then compared with constants
/// that the compiler inlines: this runs for every new word of every
/// document, and a scan of the table was a tenth of the analysis.
#[inline]
fn pronoun_suffix(w: &str) -> Option<&'static str> {
    let ends = |x: &'static str| w.as_bytes().ends_with(x.as_bytes()).then_some(x);
    match w.as_bytes().last()? {
        // ا
        0xA7 => ends("هما").or_else(|| ends("كما")).or_else(|| ends("ها")).or_else(|| ends("نا")),
        // م، ن، ه، ك، ي
        0x85 => ends("هم").or_else(|| ends("كم")),
        0x86 => ends("هن").or_else(|| ends("كن")),
        0x87 => ends("ه"),
        0x83 => ends("ك"),
        0x8A => ends("ي"),
        _ => None,
    }
}

/// Whether `s` has at least `n` characters (without decoding them).
#[inline]
pub(crate) fn has_chars(s: &str, n: usize) -> bool {
    // a character is at most four bytes, and each has one byte that is not
    // a continuation byte (10xxxxxx): counting those in a short word is a
    // few instructions, where `chars().nth` decodes every character
    s.len() >= 4 * n || s.bytes().filter(|&b| (b as i8) >= -0x40).count() >= n
}

/// Strips the article from a normalized word: الجيش → جيش; keeps words the
/// article leaves too short (ال, الا).
pub fn strip_article(w: &str) -> &str {
    match w.strip_prefix("ال") {
        Some(rest) if has_chars(rest, MIN_STEM) => rest,
        _ => w,
    }
}

/// The analyses of one word, in order: an iterator over a small array.
///
/// A word has at most three proclitic analyses (none, one two-letter
/// sequence and one letter: their first letter is the word's), each with at
/// most one suffix, so six analyses at most; they are computed at once,
/// which for the few of a word is much cheaper than a lazy chain of
/// iterator adapters (this runs for every new word of every document).
#[derive(Debug, Clone)]
pub struct Splits<'w> {
    items: [Split<'w>; 6],
    len: u8,
    next: u8,
}

impl<'w> Iterator for Splits<'w> {
    type Item = Split<'w>;

    #[inline]
    fn next(&mut self) -> Option<Split<'w>> {
        let s = self.items[..self.len as usize].get(self.next as usize)?;
        self.next += 1;
        Some(*s)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.len - self.next) as usize;
        (n, Some(n))
    }
}

impl<'w> Splits<'w> {
    fn of(w: &'w str, suffixes: bool) -> Splits<'w> {
        let none = Split { pre: "", stem: "", suf: "", article: false };
        let mut out = Splits { items: [none; 6], len: 0, next: 0 };
        each_split(w, suffixes, |s| {
            out.items[out.len as usize] = s;
            out.len += 1;
        });
        out
    }
}

/// Calls `f` with every analysis of `w`, in the order of [`splits`] (and
/// with pronoun suffixes, of [`splits_with_suffix`], when `suffixes`): the
/// allocation-free form for the hot loops (see [`crate::keys`]).
#[inline]
pub fn each_split<'w>(w: &'w str, suffixes: bool, mut f: impl FnMut(Split<'w>)) {
    after(w, 0, suffixes, &mut f);
    // a proclitic letter is two bytes; a two-letter sequence comes first
    let b = w.as_bytes();
    let is = |i: usize, letters: &[&str]| b.get(i..i + 2).is_some_and(|c| letters.iter().any(|l| c == l.as_bytes()));
    if is(0, &["و", "ف"]) {
        if is(2, &["ب", "ك", "ل", "س"]) {
            after(w, 4, suffixes, &mut f);
        }
        after(w, 2, suffixes, &mut f);
    } else if is(0, &["ب", "ل", "ك", "س"]) {
        after(w, 2, suffixes, &mut f);
    }
}

/// The analysis of `w` with its first `k` bytes as proclitics.
#[inline]
fn after<'w>(w: &'w str, k: usize, suffixes: bool, f: &mut impl FnMut(Split<'w>)) {
    let rest = &w[k..];
    // لل = ل + ال: للجيش → ل + جيش
    if k > 0 && w[..k].ends_with('ل') {
        if let Some(host) = rest.strip_prefix('ل') {
            if has_chars(host, MIN_STEM + 1) && !host.starts_with("ال") {
                let pre = &w[..w.len() - host.len()];
                return f(Split { pre, stem: host, suf: "", article: true });
            }
        }
    }
    let (stem, article) = match rest.strip_prefix("ال") {
        Some(h) if has_chars(h, MIN_STEM) => (h, true),
        _ => (rest, false),
    };
    if !has_chars(stem, MIN_STEM) {
        return;
    }
    let s = Split { pre: &w[..w.len() - stem.len()], stem, suf: "", article };
    f(s);
    // a pronoun suffix from a host of at least three letters; none follows
    // the article
    if suffixes && !article {
        if let Some(host) = pronoun_suffix(stem).map(|x| &stem[..stem.len() - x.len()]) {
            if has_chars(host, 3) {
                f(Split { stem: host, suf: &stem[host.len()..], ..s });
            }
        }
    }
}

/// Every analysis of `w` into proclitics + host (+ article), the unsegmented
/// word first. Pronoun suffixes are not stripped (see [`splits_with_suffix`]).
pub fn splits(w: &str) -> Splits<'_> {
    Splits::of(w, false)
}

/// Like [`splits`], also stripping one pronoun suffix from hosts of at least
/// three letters (قتلهم → قتل + هم), each suffixed analysis right after its
/// unsuffixed one.
pub fn splits_with_suffix(w: &str) -> Splits<'_> {
    Splits::of(w, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The analyses as first written, with a lazy chain over every
    /// proclitic sequence and suffix: what [`Splits`] must give.
    fn reference(w: &str, suffixes: bool) -> Vec<Split<'_>> {
        let prefixed = PRE.iter().filter_map(move |p| {
            let rest = w.strip_prefix(p)?;
            if *p == "ل" || *p == "ول" || *p == "فل" {
                if let Some(host) = rest.strip_prefix("ل") {
                    if host.chars().count() > MIN_STEM && !host.starts_with("ال") {
                        let pre = &w[..w.len() - host.len()];
                        return Some(Split { pre, stem: host, suf: "", article: true });
                    }
                }
            }
            let (stem, article) = match rest.strip_prefix("ال") {
                Some(h) if h.chars().count() >= MIN_STEM => (h, true),
                _ => (rest, false),
            };
            (stem.chars().count() >= MIN_STEM).then(|| Split {
                pre: &w[..w.len() - stem.len()],
                stem,
                suf: "",
                article,
            })
        });
        prefixed
            .flat_map(|s| {
                let with = SUF.iter().filter(move |_| suffixes && !s.article).filter_map(move |x| {
                    let host = s.stem.strip_suffix(x)?;
                    (host.chars().count() >= 3).then_some(Split { stem: host, suf: &s.stem[host.len()..], ..s })
                });
                std::iter::once(s).chain(with)
            })
            .collect()
    }

    #[test]
    fn same_analyses_as_the_reference() {
        let text = include_str!("../../../data/examples/libya-2019-africom.txt");
        let mut words: Vec<String> = crate::normalize_str(text).split_whitespace().map(str::to_string).collect();
        // every proclitic sequence and suffix, with and without the article
        // and on hosts of every length around the minimum
        for p in PRE {
            for art in ["", "ال", "ل"] {
                for host in ["", "ق", "قت", "قتل", "قتال", "اليبيا"] {
                    for x in SUF.iter().chain([&"", &"ا"]) {
                        words.push(format!("{p}{art}{host}{x}"));
                    }
                }
            }
        }
        for w in &words {
            for suffixes in [false, true] {
                assert_eq!(Splits::of(w, suffixes).collect::<Vec<_>>(), reference(w, suffixes), "{w}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn same_analyses_as_the_reference_on_any_word(w in "[وفبلكسالهمنياقتx1]{0,9}") {
            for suffixes in [false, true] {
                let expected = reference(&w, suffixes);
                proptest::prop_assert_eq!(&Splits::of(&w, suffixes).collect::<Vec<_>>(), &expected);
                let mut each = Vec::new();
                each_split(&w, suffixes, |s| each.push(s));
                proptest::prop_assert_eq!(each, expected);
            }
        }
    }

    #[test]
    fn every_suffix_is_found_and_none_ends_another() {
        for x in SUF {
            assert!(!SUF.iter().any(|y| y != x && y.ends_with(x)), "{x}");
            assert_eq!(pronoun_suffix(&format!("قتل{x}")), Some(*x));
        }
        assert_eq!(pronoun_suffix("قتلما"), None);
        assert_eq!(pronoun_suffix(""), None);
    }

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
