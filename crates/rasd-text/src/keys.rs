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
//! mask of the lexicons that may match there, and each lexicon the list of
//! its tokens ([`Keys::may_begin_in`]): most tokens begin nothing, and a
//! lexicon visits only the few where its own phrases may begin.

use crate::clitics::{each_split, strip_article};
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
    crate::clitics::has_chars(b, 3).then_some(b)
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

/// Appends every analysis of the word `w` as the first word of a phrase to
/// `firsts`, and returns what it is inside a phrase.
fn analyse(w: &str, firsts: &mut Vec<FirstKey>) -> Cont {
    let from = firsts.len();
    each_split(w, true, |s| {
        let pre_len = s.pre.len() as u16;
        let suffix = !s.suf.is_empty();
        let f = FirstKey { key: word_key(s.stem), pre_len, suffix, article: s.article, accusative: false };
        firsts.push(f);
        if let (false, Some(b)) = (suffix, accusative_base(s.stem)) {
            firsts.push(FirstKey { key: word_key(b), accusative: true, ..f });
        }
    });
    // the first analysis, when there is one, is the word without proclitics
    // (but the article): the key inside a phrase, and right after it its
    // accusative base, both hashed already
    match &firsts[from..] {
        [f, rest @ ..] => Cont::Word { key: f.key, acc: rest.first().filter(|g| g.accusative).map(|g| g.key) },
        [] => {
            let c = strip_article(w);
            Cont::Word { key: word_key(c), acc: accusative_base(c).map(word_key) }
        }
    }
}

/// Calls `f` with the index of every bit set in `m`, lowest first.
#[inline]
fn for_each_bit(mut m: u64, mut f: impl FnMut(usize)) {
    while m != 0 {
        f(m.trailing_zeros() as usize);
        m &= m - 1;
    }
}

/// `a == b`, inline: words are a few bytes, shorter than the call to
/// `memcmp` that `==` makes.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
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
    /// With a root index: the tokens of each lexicon slot's mask, in order,
    /// slot after slot; slot `s` has `by_slot[slots[s]..slots[s + 1]]`.
    /// A lexicon then visits only its own tokens, not every token that
    /// begins a phrase of some lexicon (a quarter of a news text's tokens
    /// do, for the twenty lexicons).
    by_slot: Vec<u32>,
    slots: Vec<u32>,
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
        let mut k = Keys { firsts: Vec::with_capacity(n * 2), tokens: Vec::with_capacity(n), ..Keys::default() };
        // a news text repeats its words (في، من، القوات): analyse each once.
        // The words seen: an open-addressing table of the token where each
        // first occurs, at most half full; a few KB, in cache, where a map
        // from words to keys would be several times larger.
        let mut seen = vec![u32::MAX; (2 * n).next_power_of_two()];
        let mask = seen.len() - 1;
        // the number of tokens of each lexicon slot (for `by_slot`), shifted by one
        let mut counts = [0u32; 65];
        for (i, t) in a.tokens.iter().enumerate() {
            let w = a.norm(i);
            if !t.is_word() && t.kind != TokenKind::Number {
                let cont = if t.kind == TokenKind::Punct && matches!(w, "\"" | "'") { Cont::Skip } else { Cont::Stop };
                k.tokens.push(TokenKeys { first: (0, 0), cont, lexicons: 0 });
                continue;
            }
            let mut h = rustc_hash::FxHasher::default();
            h.write(w.as_bytes());
            let mut s = h.finish() as usize & mask;
            let tk = loop {
                match seen[s] {
                    u32::MAX => {
                        seen[s] = i as u32;
                        break k.analysed(w, roots);
                    }
                    j if same(a.norm(j as usize), w) => break k.tokens[j as usize],
                    _ => s = (s + 1) & mask,
                }
            };
            if tk.lexicons != 0 {
                k.may_begin.push(i as u32);
                if roots.is_some() {
                    for_each_bit(tk.lexicons, |b| counts[b + 1] += 1);
                }
            }
            k.tokens.push(tk);
        }
        if roots.is_some() {
            k.index_slots(counts);
        }
        k
    }

    /// The keys of a word met for the first time, its analyses appended to
    /// [`Keys::firsts`].
    #[inline]
    fn analysed(&mut self, w: &str, roots: Option<&RootIndex>) -> TokenKeys {
        let from = self.firsts.len();
        let cont = analyse(w, &mut self.firsts);
        TokenKeys {
            first: (from as u32, self.firsts.len() as u32),
            cont,
            lexicons: match roots {
                Some(r) => self.firsts[from..].iter().fold(0, |m, f| m | r.get(f.key)),
                None => u64::MAX,
            },
        }
    }

    /// Fills [`Keys::by_slot`] from the number of tokens of each slot (a
    /// counting sort of the tokens by slot).
    fn index_slots(&mut self, mut counts: [u32; 65]) {
        for s in 1..counts.len() {
            counts[s] += counts[s - 1];
        }
        self.slots = counts.to_vec();
        self.by_slot = vec![0; counts[64] as usize];
        for &i in &self.may_begin {
            for_each_bit(self.tokens[i as usize].lexicons, |s| {
                self.by_slot[counts[s] as usize] = i;
                counts[s] += 1;
            });
        }
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

    /// The tokens at which lexicon `slot` of the root index (see
    /// [`RootIndex::add`]) may have a phrase beginning, in order; every
    /// token that may begin some phrase for a lexicon without a slot.
    pub fn may_begin_in(&self, slot: Option<u8>) -> impl Iterator<Item = usize> + '_ {
        let all = &self.may_begin[..];
        let own = match (slot, self.slots.is_empty()) {
            (Some(s), false) => &self.by_slot[self.slots[s as usize] as usize..self.slots[s as usize + 1] as usize],
            _ => all,
        };
        own.iter().map(|&i| i as usize)
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

    /// The keys of token `i` of `a` computed from their definition, word by
    /// word, with none of the sharing and shortcuts of [`Keys::new`].
    fn reference(a: &Analysis<'_>, i: usize, roots: Option<&RootIndex>) -> (Vec<FirstKey>, Cont, u64) {
        let (t, w) = (&a.tokens[i], a.norm(i));
        if !t.is_word() && t.kind != TokenKind::Number {
            let quote = t.kind == TokenKind::Punct && matches!(w, "\"" | "'");
            return (vec![], if quote { Cont::Skip } else { Cont::Stop }, 0);
        }
        let mut firsts = Vec::new();
        for s in crate::clitics::splits_with_suffix(w) {
            let suffix = !s.suf.is_empty();
            let f = FirstKey {
                key: word_key(s.stem),
                pre_len: s.pre.len() as u16,
                suffix,
                article: s.article,
                accusative: false,
            };
            firsts.push(f);
            if let (false, Some(b)) = (suffix, accusative_base(s.stem)) {
                firsts.push(FirstKey { key: word_key(b), accusative: true, ..f });
            }
        }
        let c = strip_article(w);
        let cont = Cont::Word { key: word_key(c), acc: accusative_base(c).map(word_key) };
        let mask = roots.map_or(u64::MAX, |r| firsts.iter().fold(0, |m, f| m | r.get(f.key)));
        (firsts, cont, mask)
    }

    #[test]
    fn keys_of_a_real_text_are_those_of_their_definition() {
        let text = include_str!("../../../data/examples/libya-2019-africom.txt");
        let a = TextLayer::default().analyze(text);
        // roots: every fifth distinct stem, in one of a few lexicon slots
        let mut roots = RootIndex::default();
        let mut stems: Vec<&str> = (0..a.tokens.len()).map(|i| strip_article(a.norm(i))).collect();
        stems.sort_unstable();
        stems.dedup();
        for (n, w) in stems.iter().enumerate().filter(|(n, _)| n % 5 == 0) {
            roots.add(word_key(w), (n % 7) as u8 * 9);
        }
        for roots in [None, Some(&roots)] {
            let k = Keys::new(&a, roots);
            assert_eq!(k.len(), a.tokens.len());
            for i in 0..k.len() {
                let (firsts, cont, mask) = reference(&a, i, roots);
                assert_eq!((k.first(i), k.cont(i), k.lexicons(i)), (&firsts[..], cont, mask), "{}", a.norm(i));
            }
            let may_begin: Vec<usize> = (0..k.len()).filter(|&i| k.lexicons(i) != 0).collect();
            assert!(may_begin.len() > 50 && may_begin.len() < k.len(), "a test that tests");
            assert_eq!(k.may_begin().collect::<Vec<_>>(), may_begin);
            assert_eq!(k.may_begin_in(None).collect::<Vec<_>>(), may_begin);
            for slot in 0..64 {
                let own: Vec<usize> = match roots {
                    Some(_) => may_begin.iter().copied().filter(|&i| k.lexicons(i) & 1 << slot != 0).collect(),
                    None => may_begin.clone(),
                };
                assert_eq!(k.may_begin_in(Some(slot)).collect::<Vec<_>>(), own, "slot {slot}");
            }
        }
    }

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
