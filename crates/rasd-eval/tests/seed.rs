//! The seed article end to end: rasd's actual output passes, a broken copy of it yields every kind
//! of error, and the Markdown report quotes the Arabic sentences with their triggers.

use rasd_eval::{read_gold, read_records, render_report, score_events, IssueKind, Json, Mode, Tally};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

/// The seed document's text (`data/examples` of the repository).
fn seed_docs() -> HashMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/examples/libya-2019-africom.jsonl");
    let line = std::fs::read_to_string(path).unwrap();
    let doc = Json::parse(line.trim()).unwrap();
    HashMap::from([(doc["id"].py_str(), doc["text"].as_str().unwrap().to_string())])
}

#[test]
fn rasd_seed_output_passes() {
    let golds = read_gold(&data("seed-gold.json")).unwrap();
    let res = score_events(&golds, &read_records(&data("seed-events.jsonl")).unwrap());
    assert!(res.passed());
    assert_eq!(
        res.script_output(Mode::Seed),
        "seed seed-libya-2019: 4/4 gold events exact, 4/4 found, 4 records, 0 errors\n"
    );
    let f = res.fields;
    assert_eq!(f.pairs, 4);
    assert_eq!(f.sub_event_type, Tally { checked: 4, correct: 4 });
    assert_eq!(f.fatalities, Tally { checked: 4, correct: 4 });
    assert_eq!(f.date, Tally { checked: 4, correct: 4 });
    assert_eq!(f.scope, Tally { checked: 4, correct: 4 });
    // Only the Wadi al-Hatiya item gives a point: rasd puts it at al-Qatrun, within 90 km.
    assert_eq!(f.place_50km.checked, 4);
    let wadi = &res.docs[0].pairs[2];
    assert!(wadi.distance_km.is_some_and(|d| d < 90.0), "{wadi:?}");
}

#[test]
fn broken_seed_output_yields_every_kind_of_error() {
    let golds = read_gold(&data("seed-gold.json")).unwrap();
    let res = score_events(&golds, &read_records(&data("seed-events-broken.jsonl")).unwrap());
    let kinds: Vec<&str> = res.docs[0].issues.iter().map(|i| i.kind.name()).collect();
    assert_eq!(
        kinds,
        ["MISSED", "WRONG", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "DUPLICATE", "UNEXPECTED", "UNEXPECTED", "TOTAL"]
    );
    let d = &res.docs[0];
    // The exact record #5 took the 7-killed item; #2 (6 killed) is the duplicate.
    let IssueKind::Duplicate { record, item: 0 } = d.issues[5].kind else { panic!("{:?}", d.issues[5]) };
    assert_eq!(d.records[record]["id"].py_str(), "seed-libya-2019#2");
    assert_eq!(d.records[d.assignment[0].unwrap()]["id"].py_str(), "seed-libya-2019#5");
    let IssueKind::Missed { closest, .. } = &d.issues[0].kind else { panic!() };
    assert!(!closest.is_empty());
    assert_eq!(res.issue_counts()[0], ("MISSED", 1));

    let errors = res.errors();
    assert_eq!(errors.len(), 9);
    let wrong = &errors[1];
    assert_eq!(
        (wrong.kind, wrong.doc_id, wrong.record_id.as_deref()),
        ("WRONG", "seed-libya-2019", Some("seed-libya-2019#4"))
    );
    assert!(wrong.gold_label.unwrap().starts_with("LNA (Haftar) forces clash"));
    assert_eq!(wrong.trigger, Some("اشتبكت"));
    assert!(wrong.evidence.unwrap().contains("اشتبكت"));
    assert_eq!(errors[0].record_id, None);
    assert_eq!(errors[7].record_id.as_deref(), Some("?"));
    assert_eq!(errors[8].gold_label, Some("event-scope fatalities must not double count the running total"));
}

#[test]
fn report_quotes_sentences_records_and_gold() {
    let golds = read_gold(&data("seed-gold.json")).unwrap();
    let res = score_events(&golds, &read_records(&data("seed-events-broken.jsonl")).unwrap());
    let docs = seed_docs();
    let md = render_report(&res, Some(&docs));
    for want in [
        "# rasd eval report",
        "## Errors: 9 (1 MISSED, 1 WRONG, 3 FORBIDDEN, 1 DUPLICATE, 2 UNEXPECTED, 1 TOTAL)",
        "### seed-libya-2019",
        "#### 1. MISSED  Warplane strike on IS members in Wadi al-Hatiya",
        "- **closest record `seed-libya-2019#",
        "- **rasd `seed-libya-2019#4`:** Battles / Armed clash (ASSAULT",
        "  - toll: 3 (exact) «ثلاثة\u{200c} قتلى»",
        "- **gold:** Battles / Armed clash (ASSAULT); actors: `Libyan National Army|LNA|Haftar|Military Forces of Libya`",
        "toll: none or vague; scope: event",
        "`seed-libya-2019#5` counts 7",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
    // The duplicate's sentence, from the document, with its trigger in bold.
    let dup = md.split("#### 6. DUPLICATE").nth(1).unwrap();
    assert!(dup.contains("> ومساء امس الاول أعلن"), "{dup}");
    assert!(dup.contains("**"), "{dup}");
    assert!(dup.contains("already matched by `seed-libya-2019#5`"), "{dup}");
}

/// `cargo test --release -p rasd-eval --test seed -- --ignored --nocapture print_report` shows the
/// report on the broken seed output.
#[test]
#[ignore]
fn print_report() {
    let golds = read_gold(&data("seed-gold.json")).unwrap();
    let res = score_events(&golds, &read_records(&data("seed-events-broken.jsonl")).unwrap());
    println!("{}", render_report(&res, Some(&seed_docs())));
}
