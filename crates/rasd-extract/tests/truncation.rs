//! Every rule that looks a few words ahead or behind must stop at the edges
//! of the text: a report cut anywhere (a feed's abstract, a truncated page)
//! is extracted without a panic and every span stays inside the text. The
//! passages are the real sentences of `tests/data/cases*.toml`, cut after and
//! before every word.

use rasd_core::Document;
use rasd_extract::{Extractor, Options};
use rasd_lexicon::Lexicon;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    published: String,
}

/// Every `{start, end}` pair of character offsets in a record (evidence,
/// actors, place, date, toll, source, trigger).
fn spans(v: &serde_json::Value) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(s), Some(e)) = (m.get("start").and_then(|x| x.as_u64()), m.get("end").and_then(|x| x.as_u64()))
            {
                out.push((s, e));
            }
            m.values().for_each(|x| out.extend(spans(x)));
        }
        serde_json::Value::Array(xs) => xs.iter().for_each(|x| out.extend(spans(x))),
        _ => {}
    }
    out
}

/// Every case file in `tests/data/` (`cases.toml`, `cases-*.toml`), in name order.
fn case_files() -> Vec<Case> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("cases") && n.ends_with(".toml"))
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            toml::from_str::<File>(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display())).case
        })
        .collect()
}

#[test]
fn reports_cut_at_any_word_extract_without_panic_and_spans_stay_inside() {
    let lex = Lexicon::bundled().unwrap();
    let ex = Extractor::new(&lex, Options::default());
    let cases = case_files();
    let mut cuts = 0;
    for c in &cases {
        let bounds: Vec<usize> = c.text.char_indices().filter(|(_, ch)| ch.is_whitespace()).map(|(i, _)| i).collect();
        let pieces = bounds.iter().flat_map(|&b| [&c.text[..b], c.text[b..].trim_start()]);
        for text in pieces {
            let doc = Document {
                id: "cut".into(),
                text: text.to_string(),
                published: Some(c.published.clone()),
                ..Default::default()
            };
            let chars = text.chars().count() as u64;
            let events = ex.extract(&doc).unwrap_or_else(|e| panic!("{e}: {text}"));
            for e in &events {
                let json = serde_json::to_value(e).unwrap();
                for (start, end) in spans(&json) {
                    assert!(
                        start <= end && end <= chars,
                        "span {start}..{end} beyond the {chars} characters of: {text}"
                    );
                }
            }
            cuts += 1;
        }
    }
    assert!(cuts > 5_000, "only {cuts} cuts");
}
