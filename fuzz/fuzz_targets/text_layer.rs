//! The text layer on arbitrary input: no panic, and every token's span slices
//! the original at character boundaries to a source that normalizes to it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd_text::{normalize_str, TextLayer, TokenKind};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = TextLayer::default().analyze(&text);
    for (i, t) in a.tokens.iter().enumerate() {
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        if t.kind != TokenKind::Symbol {
            assert_eq!(normalize_str(t.span.slice(&text)).trim(), a.norm(i));
        }
    }
});
