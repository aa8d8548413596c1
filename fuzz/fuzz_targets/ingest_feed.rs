//! Feed ingest on arbitrary bytes: no panic, items numbered in order, documents well-formed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd_ingest::{read_bytes, Format};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let results = read_bytes(Path::new("fuzz.xml"), data, Format::Feed);
    assert!(!results.is_empty(), "a failure is reported, never dropped");
    for (n, r) in results.iter().enumerate() {
        match r {
            Ok(item) => {
                assert_eq!(item.origin.item, Some(n + 1));
                assert!(!item.doc.text.trim().is_empty());
                assert!(item.doc.id.starts_with("doc-"));
                if let Some(p) = &item.doc.published {
                    assert_eq!(p.len(), 10, "{p}");
                }
            }
            // A whole-feed failure has no item number; an item's failure has its own.
            Err(e) => assert!(e.origin.item.is_none() || e.origin.item == Some(n + 1)),
        }
    }
});
