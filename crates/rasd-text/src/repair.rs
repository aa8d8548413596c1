//! Run-together word repair: scraped Arabic often loses the space between two
//! words (الأممالمتحدة = الأمم + المتحدة). A token is cut only when it is out of
//! vocabulary (also after clitic analysis: وللجيش, بالمسلحين are words, not
//! joins) and a segmentation into 2–4 known words is far more probable under
//! the unigram [`Vocab`] than the token as one unknown word.
//!
//! The model (log10 units, tuned on `tests/repair_eval.rs`):
//!
//! * a piece scores its vocabulary log-probability, or that of its host after
//!   stripping proclitics (و ف, then ب ل ك, and لل = ل + ال), minus
//!   [`CLITIC_PENALTY`] per clitic; pieces have at least [`MIN_PIECE_CHARS`]
//!   letters except a few very frequent function words (في من عن …), and
//!   every piece after the first costs [`PIECE_PENALTY`]; ال + one or two
//!   letters is no piece (الحر|وفيه), except الي التي الذي الا; a final ان
//!   is the dual (المسلحان), and عبد|ال… a name (عبدالباقي): never cut;
//! * the whole token as one unknown word scores `floor − OOV_CHAR_PENALTY ×
//!   letters` (a letter-level backoff below the rarest listed word);
//! * a Viterbi pass finds the best segmentation, which wins only with a
//!   margin of [`MARGIN`] over the unknown-word score.
//!
//! In-vocabulary tokens cost one hash lookup and no allocation. Measured by
//! `tests/repair_eval.rs`: false splits 0.09% (raw 0.86%) of 11k distinct long
//! words of real news; 96% of joins of frequent words recovered.

use crate::normalize::Normalized;
use crate::tokens::Token;
use crate::vocab::Vocab;

/// Tokens shorter than this (in letters) are never cut.
pub const MIN_TOKEN_CHARS: usize = 7;
/// Longest token considered (longer ones are left alone).
const MAX_TOKEN_CHARS: usize = 40;
/// Most pieces in one segmentation.
const MAX_PIECES: usize = 4;
/// Pieces have at least this many letters, except [`SHORT_WORDS`].
pub const MIN_PIECE_CHARS: usize = 3;
/// Longest piece considered, in letters.
const MAX_PIECE_CHARS: usize = 18;
/// Cost of each proclitic group (و/ف, ب/ل/ك) on a piece.
pub const CLITIC_PENALTY: f32 = 1.0;
/// Cost of each piece after the first (a missing space is itself unlikely).
pub const PIECE_PENALTY: f32 = 1.0;
/// Cost per letter of the token as one unknown word, below the vocab floor.
pub const OOV_CHAR_PENALTY: f32 = 0.55;
/// How much more probable (log10) the segmentation must be.
pub const MARGIN: f32 = 1.0;
/// Rarer vocabulary words are not trusted as pieces (the tail holds noise).
pub const MIN_PIECE_LOGP: f32 = -6.8;

/// Two-letter words frequent enough to stand as a piece (normalized).
const SHORT_WORDS: &[&str] = &["في", "من", "عن", "مع", "ما", "لا", "ان"];

/// Words of ال + one or two letters allowed as a piece.
const SHORT_ARTICLE_WORDS: &[&str] = &["الي", "التي", "الذي", "الا"];

/// Byte offsets inside the normalized word `w` where spaces are missing
/// (empty: leave the word alone).
pub fn split_points(w: &str, vocab: &Vocab) -> Vec<usize> {
    // Arabic letters are two bytes in UTF-8: a cheap length filter first.
    if w.len() < 2 * MIN_TOKEN_CHARS || vocab.is_empty() || vocab.contains(w) {
        return Vec::new();
    }
    split_oov(w, vocab)
}

/// Pronoun suffixes, longest first (the empty one last).
const PRONOUNS: &[&str] = &["هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه", "ي", ""];
/// Dual, plural and nisba endings, longest first (the empty one last).
const ENDINGS: &[&str] = &["يتين", "يتان", "تين", "تان", "يين", "يون", "يان", "يات", "ين", "ون", "ان", "ات", ""];

/// Whether `w` (normalized) is a word: listed, or a listed host with
/// proclitics (وللجيش, بالمسلحين), a dual/plural/nisba ending (الاردنيان,
/// السعوديتين) and a pronoun suffix (مسيرتهما = مسيرة + هما).
pub fn is_known(w: &str, vocab: &Vocab) -> bool {
    if host_known(w, vocab) {
        return true;
    }
    let mut buf = String::new();
    for pron in PRONOUNS {
        let Some(s1) = w.strip_suffix(pron) else { continue };
        for end in ENDINGS {
            if pron.is_empty() && end.is_empty() {
                continue;
            }
            let Some(stem) = s1.strip_suffix(end) else { continue };
            if stem.len() < 2 * 3 {
                continue;
            }
            if host_known(stem, vocab) {
                return true;
            }
            // a ta marbuta is written ت before an ending or a pronoun
            if let Some(t) = stem.strip_suffix('ت') {
                buf.clear();
                buf.push_str(t);
                buf.push('ه');
                if host_known(&buf, vocab) {
                    return true;
                }
            }
        }
    }
    false
}

/// Listed directly or after proclitics and article.
fn host_known(w: &str, vocab: &Vocab) -> bool {
    vocab.contains(w) || crate::clitics::splits(w).skip(1).any(|s| vocab.contains(s.stem))
}

#[cold]
fn split_oov(w: &str, vocab: &Vocab) -> Vec<usize> {
    // letter boundaries
    let mut bounds = [0usize; MAX_TOKEN_CHARS + 1];
    let mut n = 0;
    for (b, _) in w.char_indices() {
        if n >= MAX_TOKEN_CHARS {
            return Vec::new();
        }
        bounds[n] = b;
        n += 1;
    }
    bounds[n] = w.len();
    if n < MIN_TOKEN_CHARS || is_known(w, vocab) {
        return Vec::new();
    }
    let oov = vocab.floor() - OOV_CHAR_PENALTY * n as f32;

    // best[k][j]: best score of the prefix up to letter j in k+1 pieces.
    const NONE: f32 = f32::NEG_INFINITY;
    let mut best = [[NONE; MAX_TOKEN_CHARS + 1]; MAX_PIECES];
    let mut back = [[0u8; MAX_TOKEN_CHARS + 1]; MAX_PIECES];
    let mut buf = String::new();
    let mut reachable = [false; MAX_TOKEN_CHARS + 1];
    reachable[0] = true;
    for i in 0..n {
        if !reachable[i] {
            continue;
        }
        let lo = i + 2;
        let hi = (i + MAX_PIECE_CHARS).min(n);
        for j in lo..=hi {
            // the first piece never covers the whole token
            if i == 0 && j == n {
                continue;
            }
            // a final ان is the dual or a verb ending (المسلحان, يتواصلان);
            // عبد + ال… is a name written as one word (عبدالرحمن)
            if (j == n && &w[bounds[i]..] == "ان") || (i == 0 && j == 3 && w.starts_with("عبدال")) {
                continue;
            }
            let Some(s) = piece_score(&w[bounds[i]..bounds[j]], j - i, vocab, &mut buf) else {
                continue;
            };
            if i == 0 {
                if s > best[0][j] {
                    best[0][j] = s;
                    reachable[j] = true;
                }
                continue;
            }
            for k in 1..MAX_PIECES {
                let prev = best[k - 1][i];
                if prev == NONE {
                    continue;
                }
                let t = prev + s - PIECE_PENALTY;
                if t > best[k][j] {
                    best[k][j] = t;
                    back[k][j] = i as u8;
                    reachable[j] = true;
                }
            }
        }
    }
    let Some((k, score)) =
        (1..MAX_PIECES).map(|k| (k, best[k][n])).max_by(|a, b| a.1.total_cmp(&b.1)).filter(|&(_, s)| s > NONE)
    else {
        return Vec::new();
    };
    if score < oov + MARGIN {
        return Vec::new();
    }
    let mut cuts = Vec::with_capacity(k);
    let mut j = n;
    for kk in (1..=k).rev() {
        j = back[kk][j] as usize;
        cuts.push(bounds[j]);
    }
    cuts.reverse();
    cuts
}

/// Score of one piece of `chars` letters: its log10 probability, or its
/// host's after proclitics minus [`CLITIC_PENALTY`] each; `None` if unknown.
fn piece_score(p: &str, chars: usize, vocab: &Vocab, buf: &mut String) -> Option<f32> {
    if chars < MIN_PIECE_CHARS {
        return if SHORT_WORDS.contains(&p) { known(vocab, p) } else { None };
    }
    // ال + a stem of one or two letters: mostly the start of a longer word
    // (الحر|وفيه, الان|جازان), except a few function words
    if chars < 5 && p.starts_with("ال") && !SHORT_ARTICLE_WORDS.contains(&p) {
        return None;
    }
    let mut best = known(vocab, p);
    let mut consider = |s: Option<f32>, clitics: usize| {
        if let Some(s) = s {
            let s = s - CLITIC_PENALTY * clitics as f32;
            if !matches!(best, Some(b) if b >= s) {
                best = Some(s);
            }
        }
    };
    // conjunction و/ف, then preposition ب/ل/ك (لل = ل + ال)
    let (rest, conj) = match p.strip_prefix(['و', 'ف']) {
        Some(r) => (r, 1),
        None => (p, 0),
    };
    if conj == 1 && rest.len() >= 2 * MIN_PIECE_CHARS {
        consider(known(vocab, rest), 1);
    }
    if let Some(host) = rest.strip_prefix(['ب', 'ل', 'ك']) {
        if host.len() >= 2 * MIN_PIECE_CHARS {
            consider(known(vocab, host), conj + 1);
        }
        if rest.starts_with('ل') {
            if let Some(h) = host.strip_prefix('ل') {
                if h.len() >= 2 * (MIN_PIECE_CHARS - 1) {
                    buf.clear();
                    buf.push_str("ال");
                    buf.push_str(h);
                    consider(known(vocab, buf), conj + 1);
                }
            }
        }
    }
    best
}

/// log10 probability of a piece host, if frequent enough to be trusted (the
/// tail of the list holds noise, joins among it).
#[inline]
fn known(vocab: &Vocab, w: &str) -> Option<f32> {
    vocab.logp(w).filter(|&l| l >= MIN_PIECE_LOGP)
}

/// Replaces every run-together Arabic token by its pieces.
pub fn repair_tokens(original: &str, norm: &Normalized, tokens: Vec<Token>, vocab: &Vocab) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len() + 8);
    for t in tokens {
        if t.kind != crate::TokenKind::Arabic {
            out.push(t);
            continue;
        }
        let w = t.norm(&norm.text);
        let cuts = split_points(w, vocab);
        let mut a = t.norm_start as usize;
        let mut first = true;
        for c in cuts.into_iter().map(|c| t.norm_start as usize + c).chain([t.norm_end as usize]) {
            if c <= a || (c < t.norm_end as usize && !norm.is_source_boundary(c)) {
                continue;
            }
            out.push(Token {
                span: norm.orig_span(original, a, c),
                norm_start: a as u32,
                norm_end: c as u32,
                repaired: !first,
                space_before: if first { t.space_before } else { false },
                newline_before: first && t.newline_before,
                ..t
            });
            first = false;
            a = c;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize_str;
    use std::sync::OnceLock;

    fn vocab() -> &'static Vocab {
        static V: OnceLock<Vocab> = OnceLock::new();
        V.get_or_init(|| Vocab::from_wordfreq(include_str!("../../../data/lexicon/wordfreq_ar.tsv")).unwrap())
    }

    fn pieces(w: &str) -> Vec<String> {
        let n = normalize_str(w);
        let mut out = Vec::new();
        let mut a = 0;
        for c in split_points(&n, vocab()).into_iter().chain([n.len()]) {
            out.push(n[a..c].to_string());
            a = c;
        }
        out
    }

    #[test]
    fn repairs_run_together_words() {
        assert_eq!(pieces("الأممالمتحدة"), ["الامم", "المتحده"]);
        assert_eq!(pieces("الولاياتالمتحدةالامريكية"), ["الولايات", "المتحده", "الامريكيه"]);
        assert_eq!(pieces("واشنطنطرابلس"), ["واشنطن", "طرابلس"]);
        assert_eq!(pieces("النظرإلى"), ["النظر", "الي"]);
    }

    #[test]
    fn leaves_real_words_alone() {
        for w in [
            "المتحدة",
            "والمسلحين",
            "بالقوات",
            "الإرهابية",
            "استهدافها",
            "فلسطينيون",
            "الاستخبارات",
            "مستشفيات",
            "وللجيش",
            "بالمسلحين",
            "ليبيا",
        ] {
            assert_eq!(pieces(w).len(), 1, "{w} was split: {:?}", pieces(w));
        }
    }

    #[test]
    fn repaired_tokens_keep_original_spans() {
        let text = "قالت الأممالمتحدة إن";
        let norm = crate::normalize(text);
        let toks = repair_tokens(text, &norm, crate::tokens::tokenize(text, &norm), vocab());
        let words: Vec<(&str, bool)> = toks.iter().map(|t| (t.span.slice(text), t.repaired)).collect();
        assert_eq!(words, [("قالت", false), ("الأمم", false), ("المتحدة", true), ("إن", false)]);
    }

    #[test]
    fn empty_vocab_never_splits() {
        assert!(split_points("الامممالمتحده", &Vocab::default()).is_empty());
    }
}
