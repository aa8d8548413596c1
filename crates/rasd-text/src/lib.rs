//! The Arabic text layer of rasd (رصد): the first stage of the pipeline
//! (DESIGN.md §2), on which every later stage stands.
//!
//! [`TextLayer::analyze`] turns an original text into an [`Analysis`]:
//!
//! 1. [`normalize`] builds a matching view (NFKC, no harakat/tatweel, unified
//!    alef/ya/ta-marbuta, ASCII digits and punctuation) whose every byte maps
//!    back to a character of the original, which is never altered;
//! 2. [`tokens`] splits the view into words, numbers and marks;
//! 3. [`repair`] cuts run-together words (الأممالمتحدة → الأمم + المتحدة) when
//!    a segmentation into known words is far more probable under the unigram
//!    [`vocab`] than the token as one unknown word;
//! 4. [`sentences`] finds sentences and clauses;
//! 5. [`numbers`] reads digits, number words, vague quantities and their
//!    qualifiers ("ما لا يقل عن 43").
//!
//! [`clitics`] proposes proclitic/suffix analyses for lexicon lookup, and
//! [`keys`] hashes them once per document for all lexicons. All
//! offsets in the output are byte spans into the original text.

pub mod clitics;
pub mod keys;
pub mod normalize;
pub mod numbers;
pub mod repair;
pub mod sentences;
pub mod tokens;
pub mod vocab;

pub use keys::{Keys, RootIndex, WordKey};
pub use normalize::{normalize, normalize_str, Normalized};
pub use numbers::{Quantity, QuantityKind};
pub use sentences::Segment;
pub use tokens::{Token, TokenKind};
pub use vocab::Vocab;

use std::cell::OnceCell;
use std::sync::Arc;

/// The text layer with its vocabulary; cheap to share between threads.
#[derive(Debug, Clone, Default)]
pub struct TextLayer {
    vocab: Vocab,
    /// The first words of every lexicon phrase, when the lexicons that will
    /// read this layer's analyses registered them (see [`keys`]).
    roots: Option<Arc<RootIndex>>,
}

/// Everything the text layer found in one text.
#[derive(Debug, Clone)]
pub struct Analysis<'t> {
    pub original: &'t str,
    pub norm: Normalized,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Segment>,
    pub clauses: Vec<Segment>,
    pub quantities: Vec<Quantity>,
    /// Lookup keys, computed on first use and shared by every lexicon.
    keys: OnceCell<Keys>,
    roots: Option<Arc<RootIndex>>,
}

impl<'t> Analysis<'t> {
    /// Normalized form of token `i`.
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        self.tokens[i].norm(&self.norm.text)
    }
    /// Original text of token `i`.
    #[inline]
    pub fn surface(&self, i: usize) -> &'t str {
        self.tokens[i].span.slice(self.original)
    }
    /// The lookup keys of every token (see [`keys`]), computed once.
    pub fn keys(&self) -> &Keys {
        self.keys.get_or_init(|| Keys::new(self, self.roots.as_deref()))
    }
    /// The byte span of the original text covered by tokens `start..end`
    /// (`end > start`).
    #[inline]
    pub fn span(&self, start: usize, end: usize) -> rasd_core::Span {
        self.tokens[start].span.cover(self.tokens[end - 1].span)
    }
    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= i)
    }
}

impl TextLayer {
    pub fn new(vocab: Vocab) -> TextLayer {
        TextLayer { vocab, roots: None }
    }

    /// This layer with the root index of the lexicons that will read its
    /// analyses (see [`keys`]).
    pub fn with_roots(self, roots: RootIndex) -> TextLayer {
        TextLayer { roots: Some(Arc::new(roots)), ..self }
    }

    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// Runs the whole text layer on `text`.
    pub fn analyze<'t>(&self, text: &'t str) -> Analysis<'t> {
        let norm = normalize(text);
        let mut tokens = tokens::tokenize(text, &norm);
        if !self.vocab.is_empty() {
            tokens = repair::repair_tokens(text, &norm, tokens, &self.vocab);
        }
        let sentences = sentences::sentences(&tokens, &norm.text);
        let clauses = sentences::clauses(&tokens, &norm.text);
        let quantities = numbers::find_quantities(&tokens, &norm.text);
        Analysis {
            original: text,
            norm,
            tokens,
            sentences,
            clauses,
            quantities,
            keys: OnceCell::new(),
            roots: self.roots.clone(),
        }
    }

    /// The text with a space inserted at every repaired join and no other
    /// change (what `rasd repair` prints).
    pub fn repair_text(&self, text: &str) -> String {
        let norm = normalize(text);
        let tokens = repair::repair_tokens(text, &norm, tokens::tokenize(text, &norm), &self.vocab);
        let mut out = String::with_capacity(text.len() + 16);
        let mut last = 0;
        for t in &tokens {
            if t.repaired {
                out.push_str(&text[last..t.span.start]);
                out.push(' ');
                last = t.span.start;
            }
        }
        out.push_str(&text[last..]);
        out
    }
}
