//! `rasd ingest` through the binary: killed mid-way it leaves a sound
//! database holding whole documents only, a re-run completes it, and the
//! result equals an uninterrupted ingest; bad inputs are listed and skipped.

use rasd_store::{EventFilter, Store};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn rasd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rasd"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A corpus of real reports: the conflict corpus when `../shared` is there,
/// else variants of the bundled seed report (each a distinct text).
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let shared = repo().join("../shared/data/news/ant-2018-conflict.jsonl");
    let lines: Vec<String> = match std::fs::read_to_string(&shared) {
        Ok(s) => s.lines().take(n).map(String::from).collect(),
        Err(_) => {
            let seed = std::fs::read_to_string(repo().join("data/examples/libya-2019-africom.jsonl")).unwrap();
            let doc: Value = serde_json::from_str(seed.lines().next().unwrap()).unwrap();
            (0..n)
                .map(|i| {
                    let mut d = doc.clone();
                    d["id"] = format!("seed-copy-{i}").into();
                    d["text"] = format!("{}\n(نسخة رقم {i})", d["text"].as_str().unwrap()).into();
                    d.to_string()
                })
                .collect()
        }
    };
    let p = dir.join("corpus.jsonl");
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    p
}

/// Events per stored document, read back through `rasd events --json`.
fn events_by_doc(db: &Path) -> BTreeMap<String, Vec<String>> {
    let out = rasd().args(["events", "--json", "--db"]).arg(db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut by = BTreeMap::<String, Vec<String>>::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        by.entry(v["doc_id"].as_str().unwrap().into()).or_default().push(v["id"].as_str().unwrap().into());
    }
    by.values_mut().for_each(|ids| ids.sort());
    by
}

/// Asserts two maps of document → event ids are equal, naming the first
/// document that differs rather than printing both maps.
fn assert_same(got: &BTreeMap<String, Vec<String>>, want: &BTreeMap<String, Vec<String>>) {
    for (doc, ids) in want {
        assert_eq!(got.get(doc), Some(ids), "document {doc}");
    }
    assert_eq!(got.len(), want.len(), "stored documents with events");
}

fn incidents_json(db: &Path) -> String {
    let out = rasd().args(["incidents", "--json", "--db"]).arg(db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_killed_ingest_leaves_whole_documents_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), 400);

    // What every document should yield, from `rasd extract`.
    let out = rasd().arg("extract").arg(&corpus).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut expected = BTreeMap::<String, Vec<String>>::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        expected.entry(v["doc_id"].as_str().unwrap().into()).or_default().push(v["id"].as_str().unwrap().into());
    }
    expected.values_mut().for_each(|ids| ids.sort());
    let total_docs = std::fs::read_to_string(&corpus).unwrap().lines().count();

    // Kill an ingest with SIGKILL once it has committed some documents.
    let db = dir.path().join("killed.db");
    let mut child =
        rasd().args(["ingest", "--quiet", "--db"]).arg(&db).arg(&corpus).stderr(Stdio::null()).spawn().unwrap();
    let t = Instant::now();
    let mut stored_at_kill = 0;
    while t.elapsed() < Duration::from_secs(60) {
        if let Ok(s) = Store::open_read_only(&db) {
            stored_at_kill = s.stats().map(|s| s.documents).unwrap_or(0);
            if stored_at_kill >= 10 {
                break;
            }
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(stored_at_kill >= 10, "the ingest stored nothing before it was killed");

    // Sound file, and every stored document has exactly its events.
    let store = Store::open_read_only(&db).unwrap();
    store.check().unwrap();
    let docs = store.stats().unwrap().documents as usize;
    assert!(docs < total_docs, "killed too late to test anything ({docs} of {total_docs} stored)");
    drop(store);
    for (doc, ids) in events_by_doc(&db) {
        assert_eq!(expected.get(&doc), Some(&ids), "document {doc} is stored with a partial set of events");
    }

    // The re-run completes the database…
    let status = rasd().args(["ingest", "--quiet", "--db"]).arg(&db).arg(&corpus).status().unwrap();
    assert!(status.success());
    let store = Store::open_read_only(&db).unwrap();
    store.check().unwrap();
    assert_eq!(store.stats().unwrap().documents as usize, total_docs);
    drop(store);
    assert_same(&events_by_doc(&db), &expected);

    // …to exactly what an uninterrupted ingest gives, incidents included.
    let clean = dir.path().join("clean.db");
    let status = rasd().args(["ingest", "--quiet", "--db"]).arg(&clean).arg(&corpus).status().unwrap();
    assert!(status.success());
    assert_eq!(incidents_json(&db), incidents_json(&clean));

    // And a third run changes nothing.
    let before = Store::open_read_only(&db).unwrap().stats().unwrap();
    let out = rasd().args(["ingest", "--db"]).arg(&db).arg(&corpus).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{total_docs} already stored")));
    assert_eq!(Store::open_read_only(&db).unwrap().stats().unwrap(), before);
}

#[test]
fn bad_inputs_are_listed_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    std::fs::copy(repo().join("data/examples/libya-2019-africom.txt"), src.join("seed.txt")).unwrap();
    std::fs::write(src.join("broken.jsonl"), "{\"id\": \"a\", \"text\": \"نص قصير\"}\nnot json\n").unwrap();
    std::fs::write(src.join("image.png"), [0x89, b'P', b'N', b'G', 0, 0, 0, 0x0d, 0xff, 0xfe]).unwrap();
    std::fs::write(src.join("feed.xml"), "<rss><channel><item><title>x").unwrap();
    // The database inside the folder being ingested is not taken for a report.
    let db = src.join("rasd.db");

    let out = rasd().args(["ingest", "--db"]).arg(&db).arg(&src).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("broken.jsonl, line 2"), "{err}");
    assert!(err.contains("image.png"), "{err}");
    assert!(err.contains("feed.xml"), "{err}");
    assert!(!err.lines().any(|l| l.starts_with("rasd: failed") && l.contains("rasd.db")), "{err}");
    let store = Store::open_read_only(&db).unwrap();
    store.check().unwrap();
    assert_eq!(store.stats().unwrap().documents, 2, "the seed report and the good JSONL line");
    let events = store.events(&EventFilter::default()).unwrap().items;
    assert!(events.iter().any(|e| e.event.sub_event_type.as_str() == "Air/drone strike"));
}

#[test]
fn queries_filter_and_export_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rasd.db");
    let status = rasd()
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(repo().join("data/examples/libya-2019-africom.jsonl"))
        .status()
        .unwrap();
    assert!(status.success());

    let run = |args: &[&str]| {
        let out = rasd().args(args).arg("--db").arg(&db).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let table = run(&["events"]);
    assert!(table.starts_with("ID "), "{table}");
    assert!(table.contains("Air/drone strike"));
    let strikes = run(&["events", "--json", "--sub-type", "Air/drone strike", "--country", "LY"]);
    assert!(strikes.lines().count() >= 2);
    assert_eq!(run(&["events", "--json", "--country", "SY"]), "");
    assert_eq!(
        run(&[
            "events",
            "--json",
            "--scope",
            "event",
            "--from",
            "2019-09-29",
            "--to",
            "2019-09-29",
            "--min-fatalities",
            "7"
        ])
        .lines()
        .count(),
        1
    );
    assert!(run(&["events", "--json", "--bbox", "9,22,20,29"]).lines().count() >= 2);
    assert_eq!(run(&["events", "--json", "--bbox", "-10,0,0,10"]), "");
    assert!(run(&["events", "--json", "--actor", "Islamic State"]).lines().count() >= 2);
    // The running total of 43 is linked to the 7 of the single strike and shows what is unaccounted.
    let totals = run(&["incidents", "--json", "--scope", "cumulative"]);
    let total: Value = serde_json::from_str(totals.lines().next().unwrap()).unwrap();
    assert_eq!(total["coverage_gap"]["total"], 43, "{totals}");
    assert_eq!(total["coverage_gap"]["known"], 7, "{totals}");
    assert_eq!(total["coverage_gap"]["unaccounted"], 36, "{totals}");
    assert!(run(&["incidents"]).contains("36 unaccounted"));

    let csv = run(&["export", "--format", "acled-csv", "--timestamp", "0"]);
    assert!(csv.starts_with("event_id_cnty,event_date,"));
    let by_incident = run(&["export", "--incidents", "--format", "ucdp-csv", "--timestamp", "0"]);
    assert!(by_incident.lines().count() >= 3);

    // Bad filters are refused with a message naming them.
    for args in
        [&["events", "--type", "Skirmish"][..], &["events", "--from", "29/09/2019"], &["events", "--bbox", "1,2,3"]]
    {
        let out = rasd().args(args).arg("--db").arg(&db).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(args[1]), "{args:?}");
    }
    // A missing database is an error, not a new empty file.
    let out = rasd().args(["events", "--db"]).arg(dir.path().join("nope.db")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("nope.db").exists());
}
