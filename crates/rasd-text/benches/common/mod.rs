//! The corpus the text-layer and lookup benches share (also included by
//! `rasd-lexicon`'s bench): the first 2,000 articles of
//! ../shared/data/news/ant-2018-10k.jsonl when present, else 200 copies of
//! the bundled seed report.

pub fn corpus() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/news/ant-2018-10k.jsonl");
    match std::fs::read_to_string(path) {
        Ok(s) => s
            .lines()
            .take(2000)
            .filter_map(|l| Some(serde_json::from_str::<serde_json::Value>(l).ok()?["text"].as_str()?.to_string()))
            .collect(),
        Err(_) => vec![include_str!("../../../../data/examples/libya-2019-africom.txt").to_string(); 200],
    }
}
