//! Detection on the GSR fixture: counts, confusion listing and report.

use rasd_eval::{detect, read_gsr, read_records, render_detect_report};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

#[test]
fn assault_confusion_and_report() {
    let rows = read_gsr(&data("gsr.csv")).unwrap();
    assert_eq!(rows.len(), 9, "the short last row is a row");
    let recs = read_records(&data("gsr-events.jsonl")).unwrap();
    let res = detect(&rows, &recs, "ASSAULT");
    assert_eq!(res.false_positive_ids(), ["s3", "s6"]);
    assert_eq!(res.false_negative_ids(), ["s5", "s7"]);
    assert_eq!(res.ambiguous, 1);
    assert_eq!(res.unknown_labels.iter().map(|r| r.id.as_deref().unwrap()).collect::<Vec<_>>(), ["s6", "s9"]);

    let docs = HashMap::from([("s5".to_string(), "A drone struck a car, killing 3 (from the docs).".to_string())]);
    let md = render_detect_report(&res, Some(&docs));
    for want in [
        "# rasd detect report: ASSAULT",
        "`detect ASSAULT: tp=1 fp=2 fn=2 tn=3 P=0.333 R=0.333 F1=0.333`",
        "1 ambiguous sentences skipped.",
        "## False positives (2)",
        "- `s3` (difficult no, line 4)",
        "  > Officials said attacks, if any, \"would be punished\".",
        "  - rasd `g2`: Violence against civilians / Attack (ASSAULT), trigger «attacks»",
        "## False negatives (2)",
        "  > A drone struck a car, killing 3 (from the docs).",
        "  - rasd `g4`: None / None (ASSAULT), scope cumulative",
        "  - rasd `g5`: None / None (COERCE)",
        "- `s7` (yes, line 8)",
        "- line 10: `s9` labelled `(none)`",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
}
