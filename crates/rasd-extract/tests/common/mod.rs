//! Shared by the tests that read the real-sentence cases.

use serde::de::DeserializeOwned;
use serde::Deserialize;

#[derive(Deserialize)]
struct File<C> {
    case: Vec<C>,
}

/// Every case of every case file in `tests/data/` (`cases.toml`,
/// `cases-*.toml`, one file a topic), in file-name order; each test reads
/// the fields it needs.
pub fn case_files<C: DeserializeOwned>() -> Vec<C> {
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
            toml::from_str::<File<C>>(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display())).case
        })
        .collect()
}
