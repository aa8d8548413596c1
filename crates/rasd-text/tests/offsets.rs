//! Property tests: offsets survive normalization, repair and tokenization.

use proptest::prelude::*;
use rasd_text::{normalize_str, TextLayer, TokenKind, Vocab};
use std::sync::OnceLock;

/// The text layer with the real vocabulary, so that repair runs too.
fn layer() -> &'static TextLayer {
    static L: OnceLock<TextLayer> = OnceLock::new();
    L.get_or_init(|| {
        let v = Vocab::from_wordfreq(include_str!("../../../data/lexicon/wordfreq_ar.tsv")).unwrap();
        TextLayer::new(v)
    })
}

/// Arabic letters, harakat, tatweel, alef forms, digits of three systems,
/// Arabic and Latin punctuation, presentation forms, emoji, whitespace.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قتل",
        "الطيران",
        "الأمريكي",
        "ما لا يقل عن",
        "٤٣",
        "۱۲",
        "43",
        "مسلحاً",
        "ـــ",
        "َ",
        "ُ",
        "ّ",
        "أ",
        "إ",
        "آ",
        "ٱ",
        "ى",
        "ة",
        "،",
        "؛",
        "؟",
        ".",
        "!",
        "\"",
        "«",
        "»",
        "(",
        ")",
        " ",
        "\n",
        "\u{200f}",
        "ﻻ",
        "ﷲ",
        "﷽",
        "🙂",
        "U.S.",
        "3.5",
        "1,000",
        "40كم",
        "الأممالمتحدة",
        "é",
        "\u{feff}",
        "\t",
        "ß",
        "İ",
        "الولاياتالمتحدةالامريكية",
        "واشنطنطرابلس",
    ]);
    prop_oneof![3 => prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat()), 1 => any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_token_span_slices_the_original_to_its_source(text in texty()) {
        let layer = layer();
        let a = layer.analyze(&text);
        let mut last = 0;
        for (i, t) in a.tokens.iter().enumerate() {
            prop_assert!(t.span.start >= last, "tokens in order");
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            let src = t.span.slice(&text);
            prop_assert!(!src.is_empty());
            // the source of a token normalizes to the token (repair only cuts inside a source token)
            if t.kind != TokenKind::Symbol {
                let n = normalize_str(src);
                prop_assert_eq!(n.trim(), a.norm(i));
            }
            last = t.span.end;
        }
        for s in &a.sentences {
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
        for q in &a.quantities {
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        }
    }

    #[test]
    fn repair_only_inserts_spaces(text in texty()) {
        let layer = layer();
        let out = layer.repair_text(&text);
        prop_assert_eq!(out.replace(' ', ""), text.replace(' ', ""));
    }
}
