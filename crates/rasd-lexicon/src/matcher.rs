//! A compiled phrase matcher over tokens.
//!
//! Entries are phrases of one or more words. Both the entries and the text
//! are compared in their normalized form with the article ال removed from
//! every word, and the first word of a match may carry proclitics
//! (وبالقوات matches قوات; للجيش الليبي matches الجيش الليبي). Words are
//! interned once; the trie's edges are a hash map keyed by (node, word id),
//! so a document costs one pass over its tokens with a few hash lookups per
//! token, whatever the number of entries.

use rasd_text::clitics::{splits, splits_with_suffix, strip_article};
use rasd_text::{normalize_str, Analysis, TokenKind};
use rustc_hash::FxHashMap;

/// Phrase → payload ids (indices into the owner's table).
#[derive(Debug, Clone, Default)]
pub struct PhraseMatcher {
    words: FxHashMap<Box<str>, u32>,
    edges: FxHashMap<(u32, u32), u32>,
    /// Payloads of the phrase ending at each node.
    terminal: Vec<Vec<u32>>,
    /// Strip pronoun suffixes from the first word too (verbs: قتلهم).
    suffixes: bool,
}

/// One match in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// Payload ids of the phrase.
    pub ids: Vec<u32>,
    /// Byte length of the proclitics on the first token (وب in وبالقوات), so
    /// that the evidence can start after them.
    pub pre_len: usize,
    /// The first token had a pronoun suffix stripped.
    pub suffix: bool,
}

/// An indefinite accusative noun without its written tanween alif
/// (طيرانا حربيا → طيران حربي; مسلحا → مسلح).
fn accusative_base(w: &str) -> Option<&str> {
    let b = w.strip_suffix('ا')?;
    (b.chars().count() >= 3).then_some(b)
}

/// The key of one word of an entry: normalized, article removed.
pub fn word_key(w: &str) -> String {
    strip_article(&normalize_str(w)).to_string()
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
        let mut any = false;
        for w in norm.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            any = true;
            let key = strip_article(w);
            let next_word = self.words.len() as u32;
            let wid = *self.words.entry(key.into()).or_insert(next_word);
            let next_node = self.terminal.len() as u32;
            node = *self.edges.entry((node, wid)).or_insert(next_node);
            if node == next_node {
                self.terminal.push(Vec::new());
            }
        }
        if any && !self.terminal[node as usize].contains(&id) {
            self.terminal[node as usize].push(id);
        }
        any
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    #[inline]
    fn step(&self, node: u32, word: &str) -> Option<u32> {
        let wid = *self.words.get(word)?;
        self.edges.get(&(node, wid)).copied()
    }

    /// Longest phrase starting at token `i`, if any.
    pub fn longest_at(&self, a: &Analysis<'_>, i: usize) -> Option<Match> {
        let tok = a.tokens.get(i)?;
        if !tok.is_word() && tok.kind != TokenKind::Number {
            return None;
        }
        let w = a.norm(i);
        let mut best: Option<Match> = None;
        let mut try_first = |stem: &str, pre_len: usize, suffix: bool| {
            let Some(mut node) = self.step(0, stem) else { return };
            let mut end = i + 1;
            let mut found = (!self.terminal[node as usize].is_empty()).then_some((node, end));
            // continue through the following words (quotes inside a name are skipped)
            let mut j = i + 1;
            while j < a.tokens.len() && !suffix {
                let t = &a.tokens[j];
                if t.kind == TokenKind::Punct && matches!(a.norm(j), "\"" | "'") {
                    j += 1;
                    continue;
                }
                if !t.is_word() && t.kind != TokenKind::Number {
                    break;
                }
                let wj = strip_article(a.norm(j));
                match self.step(node, wj).or_else(|| self.step(node, accusative_base(wj)?)) {
                    Some(n) => {
                        node = n;
                        end = j + 1;
                        if !self.terminal[node as usize].is_empty() {
                            found = Some((node, end));
                        }
                        j += 1;
                    }
                    None => break,
                }
            }
            if let Some((node, end)) = found {
                let better = match &best {
                    None => true,
                    Some(b) => end > b.end || (end == b.end && pre_len < b.pre_len),
                };
                if better {
                    best = Some(Match { start: i, end, ids: self.terminal[node as usize].clone(), pre_len, suffix });
                }
            }
        };
        if self.suffixes {
            for s in splits_with_suffix(w) {
                try_first(s.stem, s.pre.len(), !s.suf.is_empty());
                if s.suf.is_empty() {
                    if let Some(b) = accusative_base(s.stem) {
                        try_first(b, s.pre.len(), false);
                    }
                }
            }
        } else {
            for s in splits(w) {
                try_first(s.stem, s.pre.len(), false);
                if let Some(b) = accusative_base(s.stem) {
                    try_first(b, s.pre.len(), false);
                }
            }
        }
        best
    }

    /// All leftmost-longest, non-overlapping matches in a document.
    pub fn find_all(&self, a: &Analysis<'_>) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < a.tokens.len() {
            match self.longest_at(a, i) {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
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
        assert_eq!(ids, [vec![1], vec![2], vec![3]]);
    }
}
