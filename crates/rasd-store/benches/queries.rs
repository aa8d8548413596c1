//! Query latency over 100,000 stored events (the target is < 100 ms per
//! query). The database is generated once per run: synthetic events spread
//! over 50 countries, six types, three years, with actors, places, tolls and
//! Arabic evidence, ingested in batches through the public API (so clustering
//! and incidents are built exactly as in production).

use criterion::{criterion_group, criterion_main, Criterion};
use rasd_core::{
    Actor, Document, Event, EventDate, EventType, Evidence, Fatalities, GeoPrecision, Location, Plover, PloverEvent,
    Qualifier, Scope, SubEventType, TimePrecision,
};
use rasd_store::{BBox, EventFilter, Store};
use std::hint::black_box;

const EVENTS: usize = 100_000;
const PER_DOC: usize = 4;

/// A small deterministic generator (xorshift), so every run stores the same data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
}

const SUBS: [SubEventType; 8] = [
    SubEventType::ArmedClash,
    SubEventType::AirDroneStrike,
    SubEventType::Shelling,
    SubEventType::Attack,
    SubEventType::PeacefulProtest,
    SubEventType::MobViolence,
    SubEventType::Arrests,
    SubEventType::RemoteExplosive,
];
const WORDS: [&str; 8] = ["غارة", "قصف", "اشتباك", "تظاهرة", "اعتقال", "انفجار", "هجوم", "مسلحين"];

fn country(k: usize) -> String {
    let a = b'A' + (k / 26) as u8;
    let b = b'A' + (k % 26) as u8;
    format!("{}{}", a as char, b as char)
}

fn actor(name: String, inter: u8) -> Actor {
    Actor { text: name.clone(), name, inter, country: None, wikidata: None, span: None }
}

fn synthetic(rng: &mut Rng, doc: &str, k: usize, text: &str) -> Event {
    let c = rng.below(50);
    let sub = SUBS[rng.below(SUBS.len())];
    let day = 17_897 + rng.below(3 * 365) as i64; // from 2019-01-01
    let date = rasd_store::cluster::iso_date(day);
    let lat = (c as f64 - 25.0) + rng.unit() * 4.0;
    let lon = (c as f64 * 2.0 - 50.0) + rng.unit() * 4.0;
    let n = rng.below(40) as u32;
    Event {
        id: format!("{doc}#{k}"),
        doc_id: doc.into(),
        event_type: sub.event_type(),
        sub_event_type: sub,
        plover: Plover { event: PloverEvent::Assault, mode: None },
        actor1: Some(actor(format!("Armed Group {} ({})", rng.below(300), country(c)), 1 + rng.below(4) as u8)),
        actor2: (rng.below(3) > 0).then(|| actor(format!("Militia {}", rng.below(300)), 3)),
        assoc_actor1: vec![],
        assoc_actor2: vec![],
        location: Some(Location {
            name: format!("Town {}", rng.below(5000)),
            text: "بلدة".into(),
            country: Some(country(c)),
            admin1: Some(format!("Province {}-{}", country(c), rng.below(12))),
            lat: Some(lat),
            lon: Some(lon),
            geo_precision: if rng.below(4) == 0 { GeoPrecision::Region } else { GeoPrecision::Town },
            gazetteer_id: None,
            offset_km: None,
            bearing: None,
            span: None,
        }),
        date: EventDate {
            start: Some(date.clone()),
            end: Some(date),
            time_precision: if rng.below(5) == 0 { TimePrecision::Week } else { TimePrecision::Day },
            text: None,
            span: None,
        },
        fatalities: (n > 5).then(|| Fatalities {
            min: Some(n),
            max: Some(n),
            qualifier: Qualifier::Exact,
            text: n.to_string(),
            span: None,
        }),
        scope: Scope::Event,
        count: None,
        reported_by: None,
        evidence: Evidence { start: 0, end: text.chars().count(), text: text.into() },
        evidence_all: vec![],
        confidence: 0.7,
        explain: None,
    }
}

fn build(path: &std::path::Path) -> Store {
    let mut store = Store::open(path).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let docs = EVENTS / PER_DOC;
    let mut batch: Vec<(Document, Vec<Event>)> = Vec::new();
    for d in 0..docs {
        let id = format!("doc{d:06}");
        let text: String =
            (0..12).map(|_| WORDS[rng.below(WORDS.len())]).collect::<Vec<_>>().join(" ") + &format!(" رقم {d}");
        let events = (0..PER_DOC).map(|k| synthetic(&mut rng, &id, k + 1, &text)).collect();
        batch.push((Document { id, text, published: None, ..Default::default() }, events));
        if batch.len() == 1000 || d + 1 == docs {
            store.add_documents(batch.iter().map(|(d, e)| (d, e.as_slice()))).unwrap();
            batch.clear();
        }
    }
    // Let the planner see real statistics, as a long-lived store would.
    drop(store);
    let store = Store::open(path).unwrap();
    let s = store.stats().unwrap();
    eprintln!("stored {} events in {} incidents", s.events, s.incidents);
    store
}

fn queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let t = std::time::Instant::now();
    drop(build(&path));
    eprintln!("generated in {:.1?}", t.elapsed());
    let store = Store::open_read_only(&path).unwrap();
    let base = EventFilter { limit: Some(100), ..Default::default() };
    let cases: Vec<(&str, EventFilter)> = vec![
        ("all", base.clone()),
        ("country", EventFilter { country: Some("BD".into()), ..base.clone() }),
        ("admin1", EventFilter { admin1: Some("Province BD-3".into()), ..base.clone() }),
        ("event_type", EventFilter { event_type: Some(EventType::Riots), ..base.clone() }),
        ("actor", EventFilter { actor: Some("armed group 17 ".into()), ..base.clone() }),
        (
            "date_range",
            EventFilter { date_from: Some("2020-03-01".into()), date_to: Some("2020-03-07".into()), ..base.clone() },
        ),
        (
            "bbox",
            EventFilter { bbox: Some(BBox { min_lat: 0.0, min_lon: 0.0, max_lat: 1.0, max_lon: 1.5 }), ..base.clone() },
        ),
        ("min_fatalities", EventFilter { min_fatalities: Some(38), ..base.clone() }),
        ("text", EventFilter { text: Some("رقم 12345".into()), ..base.clone() }),
        ("text_common", EventFilter { text: Some("غارة قصف".into()), ..base.clone() }),
        (
            "combined",
            EventFilter {
                country: Some("BD".into()),
                event_type: Some(EventType::Battles),
                date_from: Some("2020-01-01".into()),
                date_to: Some("2020-12-31".into()),
                min_fatalities: Some(10),
                ..base.clone()
            },
        ),
        ("deep_page", EventFilter { after: Some("doc020000#1".into()), ..base.clone() }),
        ("rare_no_match", EventFilter { country: Some("ZZ".into()), ..base.clone() }),
    ];
    let mut g = c.benchmark_group("events_100k");
    g.sample_size(20);
    for (name, f) in &cases {
        g.bench_function(*name, |b| b.iter(|| black_box(store.events(f).unwrap())));
    }
    g.finish();
    let mut g = c.benchmark_group("incidents_100k");
    g.sample_size(20);
    for (name, f) in &cases {
        g.bench_function(*name, |b| b.iter(|| black_box(store.incidents(f).unwrap())));
    }
    g.finish();
    let mut g = c.benchmark_group("other_100k");
    g.sample_size(10);
    g.bench_function("document", |b| b.iter(|| black_box(store.document("doc012345").unwrap())));
    g.bench_function("stats", |b| b.iter(|| black_box(store.stats().unwrap())));
    g.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
