//! The store end to end, on the reports of one strike in tests/data.

use rasd_core::{Document, Event, EventType, FatalityRange, Scope};
use rasd_store::{cluster, Added, BBox, EventFilter, Report, Store, StoreError};

#[derive(serde::Deserialize, Clone)]
struct Item {
    document: Document,
    events: Vec<Event>,
}

fn fixture() -> Vec<Item> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/murzuq-strike.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn ingest(store: &mut Store, items: &[Item]) {
    for it in items {
        let added = store.add_document(&it.document, &it.events).unwrap();
        assert!(matches!(added, Added::Inserted { .. }), "{added:?}");
    }
}

fn all_incidents(store: &Store) -> Vec<rasd_core::Incident> {
    let mut out = Vec::new();
    let mut f = EventFilter { limit: Some(2), ..Default::default() };
    loop {
        let page = store.incidents(&f).unwrap();
        out.extend(page.items);
        match page.next {
            Some(n) => f.after = Some(n),
            None => return out,
        }
    }
}

const MURZUQ: [&str; 4] =
    ["ahrar-2019-10-02#1", "alwasat-2019-10-01#1", "fezzan-2019-09-30#1", "libyaobserver-2019-09-30#1"];

#[test]
fn reports_of_one_strike_become_one_incident() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rasd.db")).unwrap();
    ingest(&mut store, &fixture());
    let incs = all_incidents(&store);
    assert_eq!(incs.len(), 5, "{:#?}", incs.iter().map(|i| &i.events).collect::<Vec<_>>());

    let strike = store.incident_of("fezzan-2019-09-30#1").unwrap().unwrap();
    assert_eq!(strike.id, MURZUQ[0], "the smallest member id");
    assert_eq!(strike.events, MURZUQ);
    assert_eq!(strike.fatalities, Some(FatalityRange { low: 7, best: 7, high: 11 }));
    assert_eq!(strike.location.as_ref().unwrap().name, "Murzuq", "the gazetteer's point, not the misspelling");
    assert_eq!(strike.date.start.as_deref(), Some("2019-09-29"));
    assert_eq!(strike.actor1.as_ref().unwrap().name, "Military Forces of the United States");
    let outlets: Vec<_> = strike.sources.iter().map(|s| s.outlet.as_deref().unwrap()).collect();
    assert_eq!(outlets, ["Libya Al-Ahrar", "Al-Wasat", "Fezzan Libya News", "Libya Observer"]);
    assert_eq!(strike.sources[1].quoted.as_deref(), Some("AFRICOM"));
    assert_eq!(strike.sources[1].url.as_deref(), Some("https://alwasat.example/news/1"));
    assert_eq!(strike.sources[0].published.as_deref(), Some("2019-10-02"));

    // The battle the same day in the same town is another incident (other
    // type, other attacker); the strike three weeks later too.
    let battle = store.incident_of("alwasat-2019-09-30#1").unwrap().unwrap();
    assert_eq!((battle.event_type, battle.events.len()), (EventType::Battles, 1));
    assert_eq!(store.incident_of("alwasat-2019-10-20#1").unwrap().unwrap().events.len(), 1);

    // The running total is its own incident, covering the two strikes of its
    // period, and never adding to them.
    let total = store.incident_of("wire-2019-10-02#1").unwrap().unwrap();
    assert_eq!(total.scope, Scope::Cumulative);
    assert_eq!(total.events.len(), 1);
    assert_eq!(total.covers, [MURZUQ[0], "libyaobserver-2019-09-25#1"]);
    assert_eq!(strike.covered_by, ["wire-2019-10-02#1"]);
    assert_eq!(total.id, "wire-2019-10-02#1");
    assert!(battle.covered_by.is_empty());
    let gap = store.coverage_gap(&total.id).unwrap().unwrap();
    assert_eq!((gap.total, gap.known, gap.unaccounted), (43, 7 + 11, 25));
    assert_eq!((gap.stated_count, gap.missing_happenings), (Some(4), Some(2)));
    assert_eq!(store.coverage_gap(&strike.id).unwrap(), None);

    // The store's incremental result is the in-memory clustering of the whole set.
    let reports: Vec<Report> = fixture()
        .into_iter()
        .flat_map(|it| {
            let d = it.document;
            it.events.into_iter().map(move |event| Report {
                event,
                outlet: d.source.clone(),
                url: d.url.clone(),
                published: d.published.clone(),
            })
        })
        .collect();
    assert_eq!(incs, cluster::cluster(&reports));
}

#[test]
fn ingest_order_does_not_change_incidents() {
    let items = fixture();
    let dir = tempfile::tempdir().unwrap();
    let mut reference = None;
    let n = items.len();
    // Forward, backward, and a few rotations/interleavings.
    let orders: Vec<Vec<usize>> = vec![
        (0..n).collect(),
        (0..n).rev().collect(),
        (0..n).map(|i| (i * 3 + 1) % n).collect(),
        (0..n).map(|i| (i + n / 2) % n).collect(),
        (0..n).map(|i| if i % 2 == 0 { i / 2 } else { n - 1 - i / 2 }).collect(),
    ];
    for (k, order) in orders.iter().enumerate() {
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(sorted, (0..n).collect::<Vec<_>>());
        let mut store = Store::open(dir.path().join(format!("o{k}.db"))).unwrap();
        let permuted: Vec<Item> = order.iter().map(|&i| items[i].clone()).collect();
        ingest(&mut store, &permuted);
        let incs = all_incidents(&store);
        match &reference {
            None => reference = Some(incs),
            Some(r) => assert_eq!(r, &incs, "order {order:?}"),
        }
    }
}

#[test]
fn the_same_document_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rasd.db")).unwrap();
    let items = fixture();
    ingest(&mut store, &items);
    let before = (store.stats().unwrap(), all_incidents(&store));
    let mut again = items[0].document.clone();
    again.id = "another-id-same-text".into();
    let added = store.add_document(&again, &items[0].events).unwrap();
    assert_eq!(added, Added::Duplicate { id: items[0].document.id.clone() });
    assert_eq!(
        store.add_document(&items[1].document, &items[1].events).unwrap(),
        Added::Duplicate { id: items[1].document.id.clone() }
    );
    assert_eq!(before, (store.stats().unwrap(), all_incidents(&store)));
}

#[test]
fn a_failing_document_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rasd.db")).unwrap();
    let items = fixture();
    ingest(&mut store, &items[..1]);
    // Second event carries a span past the end of its text: the error comes
    // after the document and its first event were written, and must undo them.
    let mut bad = items[1].clone();
    let mut e2 = bad.events[0].clone();
    e2.id = format!("{}#2", bad.document.id);
    e2.evidence_all = vec![rasd_core::CharSpan { start: 0, end: 100_000 }];
    bad.events.push(e2);
    let err = store.add_document(&bad.document, &bad.events).unwrap_err();
    assert!(matches!(err, StoreError::SpanOutOfRange { .. }), "{err}");
    let s = store.stats().unwrap();
    assert_eq!((s.documents, s.events, s.incidents), (1, 1, 1));
    assert!(store.document(&bad.document.id).unwrap().is_none());
    // A clash of ids is refused too.
    let mut clash = items[1].clone();
    clash.document.id = items[0].document.id.clone();
    assert!(matches!(
        store.add_document(&clash.document, &clash.events),
        Err(StoreError::DocumentIdConflict { .. }) | Err(StoreError::WrongDocument { .. })
    ));
    assert_eq!(store.stats().unwrap().documents, 1);
}

#[test]
fn queries_filter_and_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rasd.db")).unwrap();
    ingest(&mut store, &fixture());
    let ids =
        |f: EventFilter| -> Vec<String> { store.events(&f).unwrap().items.into_iter().map(|e| e.event.id).collect() };
    assert_eq!(ids(EventFilter::default()).len(), 8);
    assert_eq!(ids(EventFilter { country: Some("ly".into()), ..Default::default() }).len(), 8);
    assert!(ids(EventFilter { country: Some("NE".into()), ..Default::default() }).is_empty());
    assert_eq!(
        ids(EventFilter { admin1: Some("wadi al hayaa".into()), ..Default::default() }),
        ["libyaobserver-2019-09-25#1"]
    );
    assert_eq!(
        ids(EventFilter { event_type: Some(EventType::Battles), ..Default::default() }),
        ["alwasat-2019-09-30#1"]
    );
    assert_eq!(ids(EventFilter { actor: Some("libyan national".into()), ..Default::default() }).len(), 1);
    assert_eq!(ids(EventFilter { actor: Some("داعش".into()), ..Default::default() }).len(), 8);
    assert_eq!(
        ids(EventFilter {
            date_from: Some("2019-10-01".into()),
            date_to: Some("2019-10-31".into()),
            ..Default::default()
        }),
        ["alwasat-2019-10-20#1", "wire-2019-10-02#1"]
    );
    let bbox = BBox { min_lat: 25.8, min_lon: 13.8, max_lat: 26.0, max_lon: 14.0 };
    assert_eq!(ids(EventFilter { bbox: Some(bbox), ..Default::default() }).len(), 6);
    assert_eq!(ids(EventFilter { min_fatalities: Some(11), ..Default::default() }).len(), 3);
    assert_eq!(ids(EventFilter { text: Some("مرزوق".into()), ..Default::default() }), ["fezzan-2019-09-30#1"]);
    assert_eq!(ids(EventFilter { text: Some("أوباري غارة".into()), ..Default::default() }).len(), 1);
    assert!(ids(EventFilter { text: Some("\"OR NEAR(".into()), ..Default::default() }).is_empty());
    // Pages of 3 cover everything once, in id order.
    let mut seen = Vec::new();
    let mut f = EventFilter { limit: Some(3), ..Default::default() };
    loop {
        let page = store.events(&f).unwrap();
        seen.extend(page.items.iter().map(|e| e.event.id.clone()));
        let Some(next) = page.next else { break };
        f.after = Some(next);
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!((seen.len(), seen.clone()), (8, sorted));

    let inc = |f: EventFilter| store.incidents(&f).unwrap().items.into_iter().map(|i| i.id).collect::<Vec<_>>();
    assert_eq!(inc(EventFilter { text: Some("مرزوق".into()), ..Default::default() }), [MURZUQ[0]]);
    assert_eq!(
        inc(EventFilter { min_fatalities: Some(7), scope: Some(Scope::Event), ..Default::default() }),
        [MURZUQ[0], "libyaobserver-2019-09-25#1"]
    );
    assert_eq!(inc(EventFilter { actor: Some("libyan national army".into()), ..Default::default() }).len(), 1);

    // One document's records, and the incidents they belong to.
    assert_eq!(ids(EventFilter { doc_id: Some("alwasat-2019-10-01".into()), ..Default::default() }), [MURZUQ[1]]);
    assert!(ids(EventFilter { doc_id: Some("no-such-doc".into()), ..Default::default() }).is_empty());
    assert_eq!(inc(EventFilter { doc_id: Some("alwasat-2019-10-01".into()), ..Default::default() }), [MURZUQ[0]]);
    // Lookup by id: the ones that exist, each with its incident; more ids than one query binds.
    let one = store.event(MURZUQ[2]).unwrap().unwrap();
    assert_eq!((one.event.id.as_str(), one.incident_id.as_str()), (MURZUQ[2], MURZUQ[0]));
    assert!(store.event("fezzan-2019-09-30#9").unwrap().is_none());
    let many: Vec<String> = (0..rasd_store::ID_BATCH * 2).map(|i| format!("missing#{i}")).collect();
    let found = store.events_by_id(many.iter().map(String::as_str).chain(MURZUQ)).unwrap();
    assert_eq!(found.keys().map(String::as_str).collect::<Vec<_>>(), MURZUQ);

    let doc = store.document("fezzan-2019-09-30").unwrap().unwrap();
    assert!(doc.document.text.contains("مرزوق"));
    assert_eq!(doc.sha256.len(), 64);
    assert_eq!(store.document(&doc.sha256).unwrap().unwrap().document.id, "fezzan-2019-09-30");
    let loc = doc.spans.iter().find(|s| s.field == "location").unwrap();
    assert_eq!(loc.text, "مرزوق");
    let fields: Vec<&str> = doc.spans.iter().map(|s| s.field.as_str()).collect();
    for f in ["evidence", "actor2", "location", "date", "fatalities"] {
        assert!(fields.contains(&f), "{fields:?}");
    }

    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events, stats.incidents), (8, 8, 5));
    assert_eq!(stats.events_by_type["Battles"], 1);
    assert_eq!(stats.events_by_country["LY"], 8);
    assert_eq!(stats.events_by_month["2019-10"], 1);
    assert_eq!(stats.incidents_by_month["2019-09"], 4);

    assert!(matches!(
        store.events(&EventFilter { date_from: Some("29/09/2019".into()), ..Default::default() }),
        Err(StoreError::InvalidFilter(_))
    ));
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let mut store = Store::open(&path).unwrap();
        ingest(&mut store, &fixture()[..2]);
    }
    {
        // What a future rasd would leave: our file, a higher version, no WAL.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let listing = |p: &std::path::Path| {
        let mut v: Vec<_> = std::fs::read_dir(p).unwrap().map(|e| e.unwrap().file_name()).collect();
        v.sort();
        v
    };
    let files = listing(dir.path());
    for read_only in [false, true] {
        let err = if read_only { Store::open_read_only(&path) } else { Store::open(&path) }.unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, StoreError::SchemaTooNew { found: 99, supported: 1, .. }), "{msg}");
        assert!(msg.contains("99") && msg.contains("version 1"), "{msg}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file's bytes are unchanged");
    assert_eq!(listing(dir.path()), files);
}

#[test]
fn foreign_sqlite_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE t (x);").unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::NotRasd { .. })));
}

#[test]
fn readers_query_while_a_writer_ingests() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rasd.db");
    let items = fixture();
    let mut writer = Store::open(&path).unwrap();
    assert_eq!(writer.schema_version().unwrap(), rasd_store::SCHEMA_VERSION);
    let ro = Store::open_read_only(&path).unwrap();
    assert!(matches!(
        Store::open_read_only(&path).unwrap().add_document(&items[0].document, &items[0].events),
        Err(StoreError::ReadOnly)
    ));
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        let readers: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let r = Store::open_read_only(&path).unwrap();
                    let mut last = 0;
                    let mut reads = 0;
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) || reads == 0 {
                        let n = r.events(&EventFilter::default()).unwrap().items.len();
                        assert!(n >= last, "a reader never goes back in time");
                        last = n;
                        r.incidents(&EventFilter::default()).unwrap();
                        reads += 1;
                    }
                    reads
                })
            })
            .collect();
        // Generated variants so the writer keeps writing for a while.
        for round in 0..15 {
            for it in &items {
                let mut it = it.clone();
                it.document.id = format!("{}-r{round}", it.document.id);
                it.document.text = format!("{} ({round})", it.document.text);
                for e in &mut it.events {
                    e.id = e.id.replacen('#', &format!("-r{round}#"), 1);
                    e.doc_id = it.document.id.clone();
                }
                writer.add_document(&it.document, &it.events).unwrap();
            }
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for r in readers {
            assert!(r.join().unwrap() > 0);
        }
    });
    assert_eq!(ro.stats().unwrap().events, 15 * 8);
}
