//! HTML ingest on arbitrary bytes: no panic, no hang, and any document it yields is well-formed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd_ingest::{content_id, detect, read_bytes, Format};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let name = Path::new("fuzz.html");
    let _ = detect(Path::new("fuzz"), data);
    let results = read_bytes(name, data, Format::Html);
    assert_eq!(results.len(), 1, "a page is one document or one error");
    if let Ok(item) = &results[0] {
        let d = &item.doc;
        assert!(!d.text.trim().is_empty());
        assert_eq!(d.id, content_id(&d.text));
        if let Some(p) = &d.published {
            assert!(p.len() == 10 && p.as_bytes()[4] == b'-' && p.as_bytes()[7] == b'-', "{p}");
        }
        if let Some(l) = &d.lang {
            assert!((2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()), "{l}");
        }
    }
});
