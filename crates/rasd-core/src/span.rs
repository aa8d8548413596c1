use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's original text.
///
/// Always lies on `char` boundaries of the text it was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Converts byte offsets of one text into Unicode code-point offsets (the
/// unit of the output contract) in O(log n) per lookup.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every 64th char; `chars_at` walks at most 63 chars.
    marks: Vec<usize>,
    len_chars: usize,
}

impl CharIndex {
    const STEP: usize = 64;

    pub fn new(text: &str) -> CharIndex {
        let mut marks = Vec::with_capacity(text.len() / Self::STEP + 1);
        let mut n = 0;
        for (b, _) in text.char_indices() {
            if n % Self::STEP == 0 {
                marks.push(b);
            }
            n += 1;
        }
        CharIndex { marks, len_chars: n }
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary
    /// of `text`, or its length).
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        if byte >= text.len() {
            return self.len_chars;
        }
        let k = match self.marks.binary_search(&byte) {
            Ok(k) => return k * Self::STEP,
            Err(k) => k - 1,
        };
        k * Self::STEP + text[self.marks[k]..byte].chars().count()
    }

    /// A byte span as a code-point span.
    pub fn char_span(&self, text: &str, span: Span) -> CharSpan {
        CharSpan { start: self.char_offset(text, span.start), end: self.char_offset(text, span.end) }
    }
}

/// Code-point offsets `[start, end)` with the covered text: the evidence
/// form of the output contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let t = "قتل 43 مسلحاً".repeat(30);
        let ix = CharIndex::new(&t);
        for (n, (b, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.char_offset(&t, b), n);
        }
        assert_eq!(ix.char_offset(&t, t.len()), t.chars().count());
    }
}
