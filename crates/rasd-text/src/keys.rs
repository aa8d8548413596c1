//! Lookup keys: every way each token can begin or continue a lexicon phrase,
//! computed once per document and shared by every lexicon.
//!
//! A lexicon word is compared in its normalized form without the article.
//! The first word of a phrase may also carry proclitics, a pronoun suffix or
//! the tanween alif of the accusative (وبالقوات, قتلهم, مسلحا), so a token has
//! several candidate stems there; later words of a phrase have one (plus the
//! accusative base). Segmenting and hashing those candidates is the costly
//! part of a lookup, so [`Keys`] does it once per document, and each lexicon
//! then walks its trie with integer keys only.
//!
//! A key is a 64-bit hash of the word, not an interned id, so that lexicons
//! need no shared word table: with a few hundred thousand distinct words a
//! collision has a probability of about 10⁻⁹.
//!
//! When the text layer carries a [`RootIndex`] (the words that begin a
//! phrase in some lexicon, with a bit per lexicon), each token also gets the
//! mask of the lexicons that may match there: most tokens begin nothing, and
//! then cost every lexicon one bit test.

use crate::clitics::{splits_with_suffix, strip_article};
use crate::{Analysis, TokenKind};
use std::hash::Hasher;

/// The hash of a normalized, article-free word.
pub type WordKey = u64;

/// Key of a word already normalized and stripped of its article.
#[inline]
pub fn word_key(w: &str) -> WordKey {
    let mut h = rustc_hash::FxHasher::default();
    h.write(w.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

/// An indefinite accusative noun without its written tanween alif
/// (طيرانا حربيا → طيران حربي; مسلحا → مسلح).
pub fn accusative_base(w: &str) -> Option<&str> {
    let b = w.strip_suffix('ا')?;
    b.chars().nth(2).is_some().then_some(b)
}

/// One analysis of a token as the first word of a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstKey {
    pub key: WordKey,
    /// Byte length of the proclitics (وب in وبالقوات).
    pub pre_len: u16,
    /// A pronoun suffix was stripped (only verb lexicons accept those).
    pub suffix: bool,
    /// The article was among the proclitics (التنظيم، للجيش).
    pub article: bool,
    /// The key is that of the accusative base (مسلحا → مسلح).
    pub accusative: bool,
}

/// What a token is inside a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cont {
    /// A word or number: its key, and that of its accusative base.
    Word { key: WordKey, acc: Option<WordKey> },
    /// A quotation mark inside a name (تنظيم "داعش"): skipped.
    Skip,
    /// Anything else ends a phrase.
    Stop,
}

/// The first words of the phrases of every lexicon, each with the bitmask of
/// the lexicon slots (at most 64) whose phrases begin with it.
#[derive(Debug, Clone, Default)]
pub struct RootIndex {
    map: rustc_hash::FxHashMap<WordKey, u64>,
    /// A one-hash Bloom filter over the keys (128 KiB, a few percent false
    /// positives): most words begin no phrase, and a bit test in cache is
    /// far cheaper than a probe of the map.
    bloom: Vec<u64>,
}

const BLOOM_BITS: usize = 1 << 18;

#[inline]
fn bloom_bit(key: WordKey) -> usize {
    (key >> 40) as usize & (BLOOM_BITS - 1)
}

impl RootIndex {
    /// Records that lexicon `slot` (< 64) has a phrase beginning with `key`.
    pub fn add(&mut self, key: WordKey, slot: u8) {
        *self.map.entry(key).or_default() |= 1 << slot;
        if self.bloom.is_empty() {
            self.bloom = vec![0; BLOOM_BITS / 64];
        }
        let b = bloom_bit(key);
        self.bloom[b / 64] |= 1 << (b % 64);
    }

    #[inline]
    pub fn get(&self, key: WordKey) -> u64 {
        let b = bloom_bit(key);
        if self.bloom.get(b / 64).is_none_or(|w| w & (1 << (b % 64)) == 0) {
            return 0;
        }
        self.map.get(&key).copied().unwrap_or(0)
    }
}

/// The lookup keys of every token of one document.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    firsts: Vec<FirstKey>,
    /// Per token: its range in `firsts` (shared by repeats of a word), its
    /// phrase-continuation key and its lexicon mask.
    tokens: Vec<TokenKeys>,
    /// The tokens whose lexicon mask is not empty, in order.
    may_begin: Vec<u32>,
}

#[derive(Debug, Clone, Copy)]
struct TokenKeys {
    first: (u32, u32),
    cont: Cont,
    /// The lexicon slots that have a phrase beginning with one of the
    /// token's analyses (all bits without a [`RootIndex`]).
    lexicons: u64,
}

impl Keys {
    /// The keys of `a`, with the lexicon masks of `roots` when given.
    pub fn new(a: &Analysis<'_>, roots: Option<&RootIndex>) -> Keys {
        let n = a.tokens.len();
        let mut k = Keys { firsts: Vec::with_capacity(n * 2), tokens: Vec::with_capacity(n), may_begin: Vec::new() };
        // a news text repeats its words (في، من، القوات): analyse each once
        let mut seen: rustc_hash::FxHashMap<&str, TokenKeys> = Default::default();
        for (i, t) in a.tokens.iter().enumerate() {
            let w = a.norm(i);
            if !t.is_word() && t.kind != TokenKind::Number {
                let cont = if t.kind == TokenKind::Punct && matches!(w, "\"" | "'") { Cont::Skip } else { Cont::Stop };
                k.tokens.push(TokenKeys { first: (0, 0), cont, lexicons: 0 });
                continue;
            }
            if let Some(tk) = seen.get(w) {
                if tk.lexicons != 0 {
                    k.may_begin.push(i as u32);
                }
                k.tokens.push(*tk);
                continue;
            }
            let from = k.firsts.len();
            for s in splits_with_suffix(w) {
                let pre_len = s.pre.len() as u16;
                let suffix = !s.suf.is_empty();
                let f = FirstKey { key: word_key(s.stem), pre_len, suffix, article: s.article, accusative: false };
                k.firsts.push(f);
                if let (false, Some(b)) = (suffix, accusative_base(s.stem)) {
                    k.firsts.push(FirstKey { key: word_key(b), accusative: true, ..f });
                }
            }
            let c = strip_article(w);
            let tk = TokenKeys {
                first: (from as u32, k.firsts.len() as u32),
                cont: Cont::Word { key: word_key(c), acc: accusative_base(c).map(word_key) },
                lexicons: match roots {
                    Some(r) => k.firsts[from..].iter().fold(0, |m, f| m | r.get(f.key)),
                    None => u64::MAX,
                },
            };
            seen.insert(w, tk);
            if tk.lexicons != 0 {
                k.may_begin.push(i as u32);
            }
            k.tokens.push(tk);
        }
        k
    }

    /// The analyses of token `i` as the first word of a phrase.
    #[inline]
    pub fn first(&self, i: usize) -> &[FirstKey] {
        self.tokens.get(i).map_or(&[], |t| &self.firsts[t.first.0 as usize..t.first.1 as usize])
    }

    /// The tokens at which some lexicon may have a phrase beginning, in order.
    pub fn may_begin(&self) -> impl Iterator<Item = usize> + '_ {
        self.may_begin.iter().map(|&i| i as usize)
    }

    /// Whether token `i` can be read with the article (الجيش، للجيش، والتنظيم).
    pub fn definite(&self, i: usize) -> bool {
        self.first(i).iter().any(|f| f.article)
    }

    /// The lexicon slots that may have a phrase beginning at token `i`.
    #[inline]
    pub fn lexicons(&self, i: usize) -> u64 {
        self.tokens.get(i).map_or(0, |t| t.lexicons)
    }

    /// Token `i` inside a phrase.
    #[inline]
    pub fn cont(&self, i: usize) -> Cont {
        self.tokens.get(i).map_or(Cont::Stop, |t| t.cont)
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// A small set of stems (normalized, article-free) tested against the
/// proclitic analyses of a token, as [`crate::clitics::splits`] gives them:
/// the rules' own word lists (محكمة، حكم …) cost one lookup a token.
#[derive(Debug, Clone, Default)]
pub struct StemSet {
    keys: rustc_hash::FxHashMap<WordKey, u32>,
}

impl StemSet {
    pub fn new(words: &[&str]) -> StemSet {
        StemSet { keys: words.iter().enumerate().map(|(i, w)| (word_key(w), i as u32)).collect() }
    }

    /// The first analysis of token `i` (proclitics, article, no suffix)
    /// whose stem is in the set, with the stem's index in the list.
    pub fn at(&self, a: &Analysis<'_>, i: usize) -> Option<(usize, FirstKey)> {
        a.keys()
            .first(i)
            .iter()
            .filter(|f| !f.suffix && !f.accusative)
            .find_map(|f| Some((*self.keys.get(&f.key)? as usize, *f)))
    }

    /// Whether any analysis of token `i` has its stem in the set.
    pub fn contains(&self, a: &Analysis<'_>, i: usize) -> bool {
        self.at(a, i).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TextLayer;

    #[test]
    fn first_keys_cover_clitics_suffixes_and_accusative() {
        let a = TextLayer::default().analyze("وبالقوات قتلهم مسلحا \"داعش\"");
        let k = a.keys();
        let has = |i: usize, w: &str| k.first(i).iter().any(|f| f.key == word_key(w));
        assert!(has(0, "قوات") && has(1, "قتل") && has(2, "مسلح"));
        assert!(k.first(1).iter().any(|f| f.key == word_key("قتل") && f.suffix));
        assert_eq!(k.cont(3), Cont::Skip);
        assert!(matches!(k.cont(4), Cont::Word { key, .. } if key == word_key("داعش")));
        assert_eq!(k.cont(99), Cont::Stop);
        let set = StemSet::new(&["تنظيم", "مسلح"]);
        assert!(set.at(&a, 2).is_none(), "accusative bases are for phrases only");
        let a = TextLayer::default().analyze("وللتنظيم");
        let (idx, f) = set.at(&a, 0).unwrap();
        assert_eq!((idx, f.article, f.pre_len), (0, true, "ولل".len() as u16));
        assert!(k.first(99).is_empty());
        assert_eq!(k.lexicons(0), u64::MAX, "no root index: every lexicon may match");
    }

    #[test]
    fn root_index_masks_say_which_lexicons_may_match() {
        let mut roots = RootIndex::default();
        roots.add(word_key("قوات"), 0);
        roots.add(word_key("قتل"), 3);
        let layer = TextLayer::default().with_roots(roots);
        let a = layer.analyze("وبالقوات قتلهم في");
        let k = a.keys();
        assert_eq!((k.lexicons(0), k.lexicons(1), k.lexicons(2)), (1, 1 << 3, 0));
        assert!(!k.first(2).is_empty(), "analyses stay for rules that test stems");
    }
}
