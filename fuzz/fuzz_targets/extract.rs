//! Whole extraction on arbitrary input: no panic, evidence inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd_core::Document;
use rasd_extract::{Extractor, Options};
use rasd_lexicon::Lexicon;
use std::sync::OnceLock;

static LEX: OnceLock<Lexicon> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let lex = LEX.get_or_init(|| Lexicon::bundled().unwrap());
    let text = String::from_utf8_lossy(data).into_owned();
    let n = text.chars().count();
    let doc = Document { id: "fuzz".into(), text, published: Some("2019-10-02".into()), ..Default::default() };
    for e in Extractor::new(lex, Options::default()).extract(&doc).unwrap() {
        assert!(e.evidence.start <= e.evidence.end && e.evidence.end <= n);
    }
});
