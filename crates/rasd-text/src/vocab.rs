//! The unigram vocabulary: normalized word → log10 probability, built from
//! the wordfreq list (`data/lexicon/wordfreq_ar.tsv`, CC BY-SA 4.0).

use crate::normalize::normalize_str;
use rustc_hash::FxHashMap;

/// Error while reading a vocabulary list.
#[derive(Debug, thiserror::Error)]
#[error("vocabulary line {line}: {msg}")]
pub struct VocabError {
    pub line: usize,
    pub msg: String,
}

/// Word frequencies of normalized words. Spelling variants that normalize to
/// the same form (أن / ان) are summed.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    logp: FxHashMap<Box<str>, f32>,
    /// log10 probability of the least frequent listed word.
    floor: f32,
}

impl Vocab {
    /// Parses `word<TAB>relative frequency` lines (`#` comments allowed).
    pub fn from_wordfreq(tsv: &str) -> Result<Vocab, VocabError> {
        let mut freq: FxHashMap<Box<str>, f64> = FxHashMap::default();
        freq.reserve(200_000);
        for (n, line) in tsv.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (w, f) = line
                .split_once('\t')
                .ok_or_else(|| VocabError { line: n + 1, msg: "expected word<TAB>frequency".into() })?;
            let f: f64 =
                f.trim().parse().map_err(|_| VocabError { line: n + 1, msg: format!("bad frequency {f:?}") })?;
            let key = normalize_str(w);
            if key.is_empty() {
                continue;
            }
            *freq.entry(key.into_boxed_str()).or_insert(0.0) += f;
        }
        let mut floor = 0.0f32;
        let logp: FxHashMap<Box<str>, f32> = freq
            .into_iter()
            .map(|(w, f)| {
                let l = f.log10() as f32;
                floor = floor.min(l);
                (w, l)
            })
            .collect();
        Ok(Vocab { logp, floor })
    }

    /// log10 probability of a normalized word, if listed.
    #[inline]
    pub fn logp(&self, w: &str) -> Option<f32> {
        self.logp.get(w).copied()
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.logp.contains_key(w)
    }

    /// log10 probability of the rarest listed word.
    pub fn floor(&self) -> f32 {
        self.floor
    }

    pub fn len(&self) -> usize {
        self.logp.len()
    }

    pub fn is_empty(&self) -> bool {
        self.logp.is_empty()
    }

    /// Whether `w` reads better as proclitics (its first `pre_len` bytes) +
    /// a word than as a word of its own: كامل is "whole", not ك + آمل;
    /// لحلب is ل + حلب; وأصاب is و + أصاب.
    pub fn prefers_split(&self, w: &str, pre_len: usize) -> bool {
        let Some(stem) = w.get(pre_len..) else { return false };
        let stem_p = self.logp(stem).or_else(|| self.logp(crate::clitics::strip_article(stem))).unwrap_or(self.floor);
        match self.logp(w) {
            None => true,
            Some(p) => p < stem_p - 1.0,
        }
    }

    /// All words with their log10 probabilities (unordered).
    pub fn iter(&self) -> impl Iterator<Item = (&str, f32)> {
        self.logp.iter().map(|(w, l)| (&**w, *l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_summed_and_rejects_garbage() {
        let v = Vocab::from_wordfreq("أن\t0.01\nان\t0.01\nفي\t0.1\n").unwrap();
        assert!((v.logp("ان").unwrap() - (0.02f32).log10()).abs() < 1e-4);
        assert!(v.contains("في"));
        assert!(Vocab::from_wordfreq("x 1\n").is_err());
    }
}
