//! Normalization for matching: a separate view of the text whose every byte
//! maps back to a character of the original, which is never altered.
//!
//! The view is NFKC-folded (presentation forms such as ﻻ become لا), without
//! tatweel and harakat, with alef forms unified (أ إ آ ٱ → ا), ى → ي and
//! ة → ه (a matching-only fold: مدينة and مدينه are one word in scraped
//! news), Arabic-Indic and Persian digits as ASCII, Arabic punctuation as
//! Latin, and Latin letters lower-cased.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The matching view of one text.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// For every byte of `text`, the byte offset in the original of the
    /// character it came from; one extra entry holds the original's length.
    starts: Vec<u32>,
}

impl Normalized {
    /// Byte offset in the original of the character that produced normalized
    /// byte `b` (or the original's length at `b == text.len()`).
    #[inline]
    pub fn orig_start(&self, b: usize) -> usize {
        self.starts[b] as usize
    }

    /// The original byte span covering normalized bytes `[a, b)`: from the
    /// source character of byte `a` up to the source character of byte `b`,
    /// so that marks the view dropped (a final fatha, tatweel) stay inside.
    pub fn orig_span(&self, original: &str, a: usize, b: usize) -> rasd_core::Span {
        let start = self.starts[a] as usize;
        if b <= a {
            return rasd_core::Span::new(start, start);
        }
        let end = if self.is_source_boundary(b) {
            self.starts[b] as usize
        } else {
            let last = self.starts[b - 1] as usize;
            last + original[last..].chars().next().map_or(0, char::len_utf8)
        };
        rasd_core::Span::new(start, end)
    }

    /// Whether normalized byte `b` begins a new source character (a token may
    /// only start or end at such a place).
    #[inline]
    pub fn is_source_boundary(&self, b: usize) -> bool {
        b == 0 || b >= self.text.len() || self.starts[b] != self.starts[b - 1]
    }
}

/// The fold of one character: `None` drops it, otherwise up to a few chars.
#[inline]
fn fold_basic(c: char) -> Option<Fold> {
    Some(match c {
        'a'..='z' | '0'..='9' | ' ' => Fold::One(c),
        'A'..='Z' => Fold::One(c.to_ascii_lowercase()),
        '\u{0640}' => Fold::Drop, // tatweel ـ
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' => Fold::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => Fold::One('ا'),
        'ى' | 'ی' | 'ې' => Fold::One('ي'),
        'ة' => Fold::One('ه'),
        'ک' => Fold::One('ك'),
        '٠'..='٩' => Fold::One(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '۰'..='۹' => Fold::One(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '،' => Fold::One(','),
        '؛' => Fold::One(';'),
        '؟' => Fold::One('?'),
        '٪' => Fold::One('%'),
        '٫' => Fold::One('.'),
        '٬' => Fold::One(','),
        '۔' => Fold::One('.'),
        '«' | '»' | '“' | '”' | '„' | '″' => Fold::One('"'),
        '‘' | '’' | '‚' | '′' => Fold::One('\''),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => Fold::One(' '),
        // zero-width joiners, marks and the BOM: invisible, dropped
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' => {
            Fold::Drop
        }
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => Fold::One(c),
        '\n' | '\r' | '.' | ',' | '!' | '?' | ';' | ':' | '"' | '\'' | '(' | ')' | '-' => Fold::One(c),
        _ => return None,
    })
}

enum Fold {
    Drop,
    One(char),
}

/// Appends the fold of `c` to `out`.
#[inline]
fn fold_into(c: char, out: &mut String) {
    match fold_basic(c) {
        Some(Fold::Drop) => {}
        Some(Fold::One(f)) => out.push(f),
        None => fold_rare(c, out),
    }
}

#[cold]
fn fold_rare(c: char, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    let mut buf = [char::default(); 8];
    let mut n = 0;
    let mut ok = true;
    decompose_compatible(c, |d| {
        if n < buf.len() {
            buf[n] = d;
            n += 1;
        } else {
            ok = false;
        }
    });
    // An expansion that contains a separator (﷽, ¼) stays one symbol, so
    // that no token boundary can fall inside one source character.
    if !ok || (n > 1 && buf[..n].iter().any(|d| !d.is_alphanumeric() && !is_combining_mark(*d))) {
        out.push(c);
        return;
    }
    for &d in &buf[..n] {
        if d == c {
            out.extend(c.to_lowercase());
            continue;
        }
        match fold_basic(d) {
            Some(Fold::Drop) => {}
            Some(Fold::One(f)) => out.push(f),
            None if is_combining_mark(d) => {}
            None => out.extend(d.to_lowercase()),
        }
    }
}

/// Builds the matching view of `original`.
pub fn normalize(original: &str) -> Normalized {
    let mut text = String::with_capacity(original.len());
    let mut starts: Vec<u32> = Vec::with_capacity(original.len() + 1);
    for (o, c) in original.char_indices() {
        fold_into(c, &mut text);
        starts.resize(text.len(), o as u32);
    }
    starts.push(original.len() as u32);
    Normalized { text, starts }
}

/// The normalized form of a lexicon entry or any string where offsets are
/// not needed.
pub fn normalize_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_into(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_letter_variants_and_digits() {
        assert_eq!(normalize_str("أُعلنَ إطلاقُ آلافِ ٱلصواريخ"), "اعلن اطلاق الاف الصواريخ");
        assert_eq!(normalize_str("مستشفىـــ المدينة"), "مستشفي المدينه");
        assert_eq!(normalize_str("٤٣ قتيلاً و۱۲"), "43 قتيلا و12");
        assert_eq!(normalize_str("لماذا؟ «نعم»، ﻻ"), "لماذا? \"نعم\", لا");
        assert_eq!(normalize_str("AFRICOM Ünité"), "africom unite");
    }

    #[test]
    fn every_normalized_byte_maps_to_its_source_char() {
        let orig = "قتلَ الطيرانُ ٤٣ مسلحاً ﻻ";
        let n = normalize(orig);
        let s = n.orig_span(orig, 0, "قتل".len());
        assert_eq!(s.slice(orig), "قتلَ", "a dropped final mark stays in the span");
        let at = n.text.find("43").unwrap();
        assert_eq!(n.orig_span(orig, at, at + 2).slice(orig), "٤٣");
        let la = n.text.find("لا").unwrap();
        assert_eq!(n.orig_span(orig, la, la + "لا".len()).slice(orig), "ﻻ");
    }
}
