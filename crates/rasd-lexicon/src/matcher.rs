//! A compiled phrase matcher over tokens.
//!
//! Entries are phrases of one or more words. Both the entries and the text
//! are compared in their normalized form with the article ال removed from
//! every word, and the first word of a match may carry proclitics
//! (وبالقوات matches قوات; للجيش الليبي matches الجيش الليبي). The trie's
//! edges are a hash map keyed by (node, word key), where the word keys of a
//! document come from [`Analysis::keys`], segmented and hashed once for all
//! lexicons: a document costs one pass over its tokens with a few integer
//! lookups per token, whatever the number of entries.

use rasd_text::clitics::strip_article;
use rasd_text::keys::{word_key, Cont, Keys, RootIndex};
use rasd_text::{normalize_str, Analysis, WordKey};
use rustc_hash::FxHashMap;

/// Phrase → payload ids (indices into the owner's table).
#[derive(Debug, Clone, Default)]
pub struct PhraseMatcher {
    /// (node, word key) → next node (a [`Target`]); node 0 is the root.
    edges: FxHashMap<(u32, WordKey), Target>,
    /// Payloads of the phrase ending at each node.
    terminal: Vec<Vec<u32>>,
    /// This matcher's bit in the text layer's [`RootIndex`], once registered.
    slot: Option<u8>,
    /// Strip pronoun suffixes from the first word too (verbs: قتلهم).
    suffixes: bool,
}

/// The node an edge leads to (the low 31 bits), whether a phrase ends there
/// ([`ENDS`]), and in the high 32 bits a signature of the words the node has
/// edges for (see [`sig`]). Walking the trie then reads
/// [`PhraseMatcher::terminal`] (out of cache) only at the node of a match,
/// and mostly stops at a word that continues no phrase, or at a leaf,
/// without probing the edges: a phrase rarely goes on, and every lexicon
/// walks from a quarter of the tokens of a news text.
type Target = u64;
const ENDS: Target = 1 << 31;
const NODE: Target = ENDS - 1;
/// The root, as a target: it may have an edge for any word.
const ROOT: Target = !0 << 32;

/// The signature bit of a word key (one of 32, by its top bits).
#[inline]
fn sig(key: WordKey) -> Target {
    1 << (32 + (key >> 59))
}

/// One match in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match<'m> {
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// Payload ids of the phrase.
    pub ids: &'m [u32],
    /// Byte length of the proclitics on the first token (وب in وبالقوات), so
    /// that the evidence can start after them.
    pub pre_len: usize,
    /// The first token had a pronoun suffix stripped.
    pub suffix: bool,
    /// The first token was read without a final alif (مسلحا → مسلح).
    pub accusative: bool,
}

impl PhraseMatcher {
    pub fn new(suffixes: bool) -> PhraseMatcher {
        PhraseMatcher { terminal: vec![Vec::new()], suffixes, ..Default::default() }
    }

    /// Adds a phrase (any spelling: it is normalized here). Returns false for
    /// a phrase with no words.
    pub fn insert(&mut self, phrase: &str, id: u32) -> bool {
        let norm = normalize_str(phrase);
        let mut node = 0u32;
        let mut last: Option<(u32, WordKey)> = None;
        for w in norm.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let key = word_key(strip_article(w));
            let next_node = self.terminal.len() as u32;
            assert!(next_node as Target <= NODE, "a phrase matcher has fewer than 2³¹ nodes");
            // the edge into `node` records that `node` has an edge for `key`
            if let Some(t) = last.and_then(|e| self.edges.get_mut(&e)) {
                *t |= sig(key);
            }
            let edge = (node, key);
            node = (*self.edges.entry(edge).or_insert(next_node as Target) & NODE) as u32;
            if node == next_node {
                self.terminal.push(Vec::new());
            }
            last = Some(edge);
        }
        let Some(edge) = last else { return false };
        if !self.terminal[node as usize].contains(&id) {
            self.terminal[node as usize].push(id);
        }
        if let Some(t) = self.edges.get_mut(&edge) {
            *t |= ENDS;
        }
        true
    }

    /// Adds this matcher's first words to `index` as lexicon `slot`: on the
    /// analyses of a text layer carrying that index, this matcher then skips
    /// with one bit test every token that begins none of its phrases.
    pub fn register(&mut self, slot: u8, index: &mut RootIndex) {
        assert!(slot < 64, "a root index has 64 lexicon slots");
        for &(node, key) in self.edges.keys() {
            if node == 0 {
                index.add(key, slot);
            }
        }
        self.slot = Some(slot);
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// The target after `node` on `key`, if `node` has an edge for it.
    #[inline]
    fn step(&self, node: Target, key: WordKey) -> Option<Target> {
        if node & sig(key) == 0 {
            return None;
        }
        self.edges.get(&((node & NODE) as u32, key)).copied()
    }

    /// Longest phrase starting at token `i`, if any.
    pub fn longest_at(&self, a: &Analysis<'_>, i: usize) -> Option<Match<'_>> {
        let keys = a.keys();
        if !self.may_begin(keys, i) {
            return None;
        }
        self.longest_in(keys, i)
    }

    /// Whether a phrase may begin at token `i` (the root index says so).
    #[inline]
    fn may_begin(&self, keys: &Keys, i: usize) -> bool {
        self.slot.is_none_or(|s| keys.lexicons(i) & (1 << s) != 0)
    }

    fn longest_in(&self, keys: &Keys, i: usize) -> Option<Match<'_>> {
        let mut best: Option<(Target, usize, usize, bool, bool)> = None;
        for f in keys.first(i) {
            if f.suffix && !self.suffixes {
                continue;
            }
            let Some(mut node) = self.step(ROOT, f.key) else { continue };
            let mut found = (node & ENDS != 0).then_some((node, i + 1));
            // a suffixed verb ends its phrase (قتلهم); otherwise go on
            // through the following words, skipping quotes inside a name
            let mut j = i + 1;
            while !f.suffix && node >> 32 != 0 && j <= keys.len() {
                match keys.cont(j) {
                    Cont::Skip => j += 1,
                    Cont::Stop => break,
                    Cont::Word { key, acc } => match self.step(node, key).or_else(|| self.step(node, acc?)) {
                        Some(n) => {
                            node = n;
                            j += 1;
                            if node & ENDS != 0 {
                                found = Some((node, j));
                            }
                        }
                        None => break,
                    },
                }
            }
            if let Some((node, end)) = found {
                let pre_len = f.pre_len as usize;
                let better = match best {
                    None => true,
                    Some((_, b_end, b_pre, _, _)) => end > b_end || (end == b_end && pre_len < b_pre),
                };
                if better {
                    best = Some((node, end, pre_len, f.suffix, f.accusative));
                }
            }
        }
        best.map(|(node, end, pre_len, suffix, accusative)| Match {
            start: i,
            end,
            ids: &self.terminal[(node & NODE) as usize],
            pre_len,
            suffix,
            accusative,
        })
    }

    /// All leftmost-longest, non-overlapping matches in a document.
    pub fn find_all(&self, a: &Analysis<'_>) -> Vec<Match<'_>> {
        let keys = a.keys();
        let mut out = Vec::new();
        // the end of the last match: matches do not overlap
        let mut free = 0;
        for i in keys.may_begin_in(self.slot) {
            if i < free || !self.may_begin(keys, i) {
                continue;
            }
            if let Some(m) = self.longest_in(keys, i) {
                free = m.end;
                out.push(m);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_text::TextLayer;

    #[test]
    fn clitics_articles_and_letter_variants() {
        let mut m = PhraseMatcher::new(false);
        m.insert("القوات الأمريكية", 1);
        m.insert("داعش", 2);
        m.insert("الجيش الليبي", 3);
        let layer = TextLayer::default();
        let a = layer.analyze("وبالقوات الامريكيه ضد لداعش وتنظيم \"داعش\" وللجيش الليبي");
        let found: Vec<_> = m.find_all(&a).into_iter().map(|m| (m.ids[0], a.surface(m.start))).collect();
        assert_eq!(found, [(1, "وبالقوات"), (2, "لداعش"), (2, "داعش"), (3, "وللجيش")]);
    }

    #[test]
    fn longest_match_wins_and_suffixes_only_when_asked() {
        let mut m = PhraseMatcher::new(true);
        m.insert("قتل", 1);
        m.insert("ضربة جوية", 2);
        m.insert("ضربة", 3);
        let a = TextLayer::default().analyze("قتلهم بضربة جوية ثم ضربة");
        let ids: Vec<_> = m.find_all(&a).into_iter().map(|m| m.ids).collect();
        assert_eq!(ids, [&[1][..], &[2], &[3]]);
    }
}
