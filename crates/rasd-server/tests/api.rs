//! The REST API end to end: a real server on 127.0.0.1 (random port) over a
//! database built from the seed report and, where `../shared` is present, a
//! few articles of the ANT conflict corpus. Expected results come from the
//! store itself, so the tests check that the API passes filters, pages and
//! records through faithfully.

use rasd_core::Document;
use rasd_extract::{Extractor, Options};
use rasd_lexicon::Lexicon;
use rasd_server::{AppState, ServerConfig};
use rasd_store::{EventFilter, Store};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tempfile::TempDir;

const SEED_ID: &str = "seed-libya-2019";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn lexicon() -> Arc<Lexicon> {
    static LEX: OnceLock<Arc<Lexicon>> = OnceLock::new();
    LEX.get_or_init(|| Arc::new(Lexicon::bundled().expect("the bundled lexicon loads"))).clone()
}

fn read_jsonl(path: &Path, max_lines: usize) -> Vec<Document> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut head: Vec<u8> = Vec::new();
    for line in bytes.split(|&b| b == b'\n').take(max_lines) {
        head.extend_from_slice(line);
        head.push(b'\n');
    }
    rasd_ingest::read_bytes(path, &head, rasd_ingest::Format::Jsonl).into_iter().map(|r| r.unwrap().doc).collect()
}

/// The documents of the base database: the seed report, then the first four
/// corpus articles (of its first 300) with at least two events.
fn base_documents() -> Vec<Document> {
    let mut docs = read_jsonl(&repo().join("data/examples/libya-2019-africom.jsonl"), 10);
    let corpus = repo().join("../shared/data/news/ant-2018-conflict.jsonl");
    if corpus.exists() {
        let lex = lexicon();
        let ex = Extractor::new(&lex, Options::default());
        let rich = read_jsonl(&corpus, 300).into_iter().filter(|d| ex.extract(d).is_ok_and(|e| e.len() >= 2));
        docs.extend(rich.take(4));
    } else {
        eprintln!("note: {} is absent; testing on the seed report only", corpus.display());
    }
    docs
}

/// The base database file, built once per test binary and never written
/// afterwards: every server gets its own copy.
fn base_db() -> &'static Path {
    static BASE: OnceLock<PathBuf> = OnceLock::new();
    BASE.get_or_init(|| {
        let dir = tempfile::Builder::new().prefix("rasd-api-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        let path = dir.keep().join("base.db");
        let lex = lexicon();
        let ex = Extractor::new(&lex, Options::default());
        let mut store = Store::open(&path).unwrap();
        for doc in base_documents() {
            let events = ex.extract(&doc).unwrap();
            store.add_document(&doc, &events).unwrap();
        }
        // Closing the only connection checkpoints the WAL into the file, so the file alone is the database.
        drop(store);
        path
    })
}

fn ground_truth() -> Store {
    Store::open_read_only(base_db()).unwrap()
}

struct Server {
    url: String,
    client: Client,
    db: PathBuf,
    _stop: tokio::sync::oneshot::Sender<()>,
    _dir: TempDir,
}

impl Server {
    async fn start(configure: impl FnOnce(&mut ServerConfig)) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("rasd.db");
        std::fs::copy(base_db(), &db).unwrap();
        let mut cfg = ServerConfig::new(&db);
        cfg.token = None; // whatever RASD_TOKEN the environment has
        configure(&mut cfg);
        let state = AppState::with_lexicon(&cfg, lexicon()).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(rasd_server::serve_on(listener, state, async {
            let _ = stopped.await;
        }));
        // No proxy: a proxy from the environment must not see loopback traffic.
        let client = Client::builder().no_proxy().timeout(Duration::from_secs(30)).build().unwrap();
        Server { url, client, db, _stop: stop, _dir: dir }
    }

    async fn get(&self, path: &str) -> (StatusCode, Value) {
        let res = self.client.get(format!("{}{path}", self.url)).send().await.unwrap();
        let status = res.status();
        let text = res.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or_else(|e| panic!("GET {path}: not JSON ({e}): {text:.200}")))
    }

    async fn ok(&self, path: &str) -> Value {
        let (status, body) = self.get(path).await;
        assert_eq!(status, StatusCode::OK, "GET {path}: {body}");
        body
    }

    async fn post_json(&self, path: &str, body: &Value, token: Option<&str>) -> (StatusCode, Value) {
        let mut req = self.client.post(format!("{}{path}", self.url)).json(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let res = req.send().await.unwrap();
        let status = res.status();
        (status, res.json().await.unwrap())
    }

    async fn post_text(&self, path: &str, text: &str) -> (StatusCode, Value) {
        let res = self
            .client
            .post(format!("{}{path}", self.url))
            .header("content-type", "text/plain; charset=utf-8")
            .body(text.to_string())
            .send()
            .await
            .unwrap();
        let status = res.status();
        (status, res.json().await.unwrap())
    }
}

/// Percent-encodes a query value.
fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn ids(items: &Value) -> Vec<String> {
    items.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()).collect()
}

fn error_of(body: &Value) -> &str {
    body["error"].as_str().unwrap_or_else(|| panic!("not an error body: {body}"))
}

/// A short report that yields events, made distinct by `n`.
fn report(n: usize) -> String {
    format!(
        "قتل سبعة مسلحين من تنظيم داعش في غارة جوية أمريكية على مرزق جنوب ليبيا يوم الأحد، حسب ما أعلنت القيادة \
         الأمريكية في إفريقيا في بيان رقم {n}."
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_stats_and_dashboard_files() {
    let s = Server::start(|_| {}).await;
    let health = s.ok("/healthz").await;
    assert_eq!(health["status"], "ok");
    assert_eq!(health["ingest"], false);
    assert_eq!(health["schema_version"], rasd_store::SCHEMA_VERSION);

    let stats = s.ok("/api/stats").await;
    let truth = ground_truth().stats().unwrap();
    assert_eq!(stats, serde_json::to_value(&truth).unwrap());
    assert!(truth.events_by_month.contains_key("2019-09"), "{:?}", truth.events_by_month);
    assert!(truth.events_by_type.contains_key("Explosions/Remote violence"));

    // The dashboard page, from the embedded files.
    let index = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/index.html")).unwrap();
    for path in ["/", "/assets/index.html"] {
        let res = s.client.get(format!("{}{path}", s.url)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(res.headers()["content-type"], "text/html; charset=utf-8");
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        let etag = res.headers()["etag"].to_str().unwrap().to_string();
        assert_eq!(res.bytes().await.unwrap().as_ref(), index.as_slice());
        let again = s.client.get(format!("{}{path}", s.url)).header("if-none-match", &etag).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
    }
    let (status, body) = s.get("/assets/no-such-file.js").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error_of(&body).contains("no-such-file.js"));
    let (status, body) = s.get("/api/no-such-route").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error_of(&body).contains("/api/no-such-route"));
    let res = s.client.delete(format!("{}/api/events", s.url)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(res.headers()["allow"], "GET,HEAD");
    assert!(error_of(&res.json().await.unwrap()).contains("not allowed"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn event_and_incident_filters_match_the_store() {
    let s = Server::start(|_| {}).await;
    let store = ground_truth();
    let f = EventFilter::default;
    let a_doc = store.events(&f()).unwrap().items[0].event.doc_id.clone();
    let cases: Vec<(String, EventFilter, bool)> = vec![
        ("".into(), f(), true),
        (format!("doc_id={}", enc(&a_doc)), EventFilter { doc_id: Some(a_doc.clone()), ..f() }, true),
        ("country=ly".into(), EventFilter { country: Some("LY".into()), ..f() }, true),
        (
            format!("event_type={}", enc("Explosions/Remote violence")),
            EventFilter { event_type: Some(rasd_core::EventType::Explosions), ..f() },
            true,
        ),
        (
            format!("sub_event_type={}", enc("Armed clash")),
            EventFilter { sub_event_type: Some(rasd_core::SubEventType::ArmedClash), ..f() },
            true,
        ),
        ("scope=cumulative".into(), EventFilter { scope: Some(rasd_core::Scope::Cumulative), ..f() }, true),
        (format!("actor={}", enc("united states")), EventFilter { actor: Some("united states".into()), ..f() }, true),
        ("admin1=murzuq".into(), EventFilter { admin1: Some("murzuq".into()), ..f() }, false),
        (
            "date_from=2019-09-29&date_to=2019-09-29".into(),
            EventFilter { date_from: Some("2019-09-29".into()), date_to: Some("2019-09-29".into()), ..f() },
            true,
        ),
        (
            // Around Murzuq and al-Qatrun: minLon,minLat,maxLon,maxLat.
            "bbox=13,24,15,26.5".into(),
            EventFilter {
                bbox: Some(rasd_store::BBox { min_lon: 13.0, min_lat: 24.0, max_lon: 15.0, max_lat: 26.5 }),
                ..f()
            },
            true,
        ),
        ("min_fatalities=7".into(), EventFilter { min_fatalities: Some(7), ..f() }, true),
        (format!("q={}", enc("مرزق")), EventFilter { text: Some("مرزق".into()), ..f() }, true),
        (
            format!("country=LY&scope=event&q={}&limit=1000", enc("الطيران")),
            EventFilter {
                country: Some("LY".into()),
                scope: Some(rasd_core::Scope::Event),
                text: Some("الطيران".into()),
                limit: Some(1000),
                ..f()
            },
            false,
        ),
        // Blank values are absent values (HTML forms send them).
        ("country=&q=+".into(), f(), true),
    ];
    for (query, filter, nonempty) in cases {
        let want: Vec<String> = store.events(&filter).unwrap().items.into_iter().map(|e| e.event.id).collect();
        let got = s.ok(&format!("/api/events?{query}")).await;
        assert_eq!(ids(&got["items"]), want, "events?{query}");
        assert!(!nonempty || !want.is_empty(), "events?{query} should match something in the base database");
        for item in got["items"].as_array().unwrap() {
            let id = item["id"].as_str().unwrap();
            let incident = store.incident_of(id).unwrap().unwrap();
            assert_eq!(item["incident_id"], incident.id.as_str());
        }
        let want: Vec<String> = store.incidents(&filter).unwrap().items.into_iter().map(|i| i.id).collect();
        let got = s.ok(&format!("/api/incidents?{query}")).await;
        assert_eq!(ids(&got["items"]), want, "incidents?{query}");
    }
    // The seed's records in the contract's field names.
    let page = s.ok("/api/events?country=LY&min_fatalities=7&scope=event").await;
    let strike = &page["items"][0];
    assert_eq!(strike["id"], format!("{SEED_ID}#2"));
    assert_eq!(strike["sub_event_type"], "Air/drone strike");
    assert_eq!(strike["plover"]["event"], "ASSAULT");
    assert_eq!(strike["actor1"]["name"], "Military Forces of the United States");
    assert_eq!(strike["fatalities"]["min"], 7);
    assert_eq!(strike["date"]["start"], "2019-09-29");
    assert!(strike["evidence"]["text"].as_str().unwrap().contains("سبعة"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_walk_every_record_once() {
    let s = Server::start(|_| {}).await;
    for (route, size) in [("events", 2), ("incidents", 1)] {
        let all = ids(&s.ok(&format!("/api/{route}?limit=1000")).await["items"]);
        assert!(all.len() > size, "{route}: too few records to page");
        let mut walked: Vec<String> = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut path = format!("/api/{route}?limit={size}");
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={}", enc(c)));
            }
            let page = s.ok(&path).await;
            let items = ids(&page["items"]);
            assert!(items.len() <= size);
            walked.extend(items);
            match page["next"].as_str() {
                Some(n) => cursor = Some(n.to_string()),
                None => break,
            }
        }
        let distinct: BTreeSet<&String> = walked.iter().collect();
        assert_eq!(distinct.len(), walked.len(), "{route}: a record came twice");
        assert_eq!(walked, all, "{route}");
    }
    // Default page size.
    let store = ground_truth();
    let n = store.events(&EventFilter { limit: Some(1000), ..Default::default() }).unwrap().items.len();
    assert_eq!(ids(&s.ok("/api/events").await["items"]).len(), n.min(100));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incident_detail_has_members_sources_ranges_and_gap() {
    let s = Server::start(|_| {}).await;
    let store = ground_truth();
    let incidents = ids(&s.ok("/api/incidents?limit=1000").await["items"]);
    let mut totals = 0;
    for id in &incidents {
        let d = s.ok(&format!("/api/incidents/{}", enc(id))).await;
        assert_eq!(d["id"], id.as_str());
        let members: BTreeSet<String> = ids(&d["members"]).into_iter().collect();
        let listed: BTreeSet<String> =
            d["events"].as_array().unwrap().iter().map(|e| e.as_str().unwrap().to_string()).collect();
        assert_eq!(members, listed, "incident {id}: members");
        assert!(d["members"].as_array().unwrap().iter().all(|m| m["incident_id"] == id.as_str()));
        assert!(!d["sources"].as_array().unwrap().is_empty());
        let gap = store.coverage_gap(id).unwrap();
        if d["scope"] == "cumulative" {
            totals += 1;
        }
        assert_eq!(d["coverage_gap"], serde_json::to_value(&gap).unwrap(), "incident {id}");
    }
    assert!(totals > 0, "the seed's running total is an incident");
    let total = store.incident_of(&format!("{SEED_ID}#1")).unwrap().unwrap();
    let d = s.ok(&format!("/api/incidents/{}", enc(&total.id))).await;
    assert_eq!(d["scope"], "cumulative");
    assert_eq!(d["fatalities"]["low"], 43);
    assert_eq!(d["coverage_gap"]["total"], 43);
    let (status, body) = s.get("/api/incidents/no-such-incident").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error_of(&body).contains("no-such-incident"));
    // Each event by id: the stored record and its incident.
    for e in store.events(&EventFilter { limit: Some(1000), ..Default::default() }).unwrap().items {
        let d = s.ok(&format!("/api/events/{}", enc(&e.event.id))).await;
        assert_eq!(d["id"], e.event.id.as_str());
        assert_eq!(d["incident_id"], e.incident_id.as_str());
        assert_eq!(d["evidence"], serde_json::to_value(&e.event.evidence).unwrap());
    }
    let (status, body) = s.get(&format!("/api/events/{}", enc(&format!("{SEED_ID}#99")))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error_of(&body).contains("#99"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_detail_has_text_spans_and_events() {
    let s = Server::start(|_| {}).await;
    let seed = &read_jsonl(&repo().join("data/examples/libya-2019-africom.jsonl"), 1)[0];
    let d = s.ok(&format!("/api/documents/{SEED_ID}")).await;
    assert_eq!(d["id"], SEED_ID);
    assert_eq!(d["text"], seed.text.as_str());
    assert_eq!(d["published"], "2019-10-02");
    let chars: Vec<char> = seed.text.chars().collect();
    let spans = d["spans"].as_array().unwrap();
    assert!(spans.len() >= 4);
    let mut fields = BTreeSet::new();
    for sp in spans {
        let (start, end) = (sp["start"].as_u64().unwrap() as usize, sp["end"].as_u64().unwrap() as usize);
        let text: String = chars[start..end].iter().collect();
        assert_eq!(sp["text"], text.as_str(), "span {sp}: offsets are code points into the text");
        fields.insert(sp["field"].as_str().unwrap().to_string());
    }
    for f in ["evidence", "actor1", "location", "date", "fatalities"] {
        assert!(fields.contains(f), "no {f} span in {fields:?}");
    }
    let events = ids(&d["events"]);
    assert_eq!(events, (1..=4).map(|n| format!("{SEED_ID}#{n}")).collect::<Vec<_>>());
    let span_events: BTreeSet<&str> = spans.iter().map(|s| s["event_id"].as_str().unwrap()).collect();
    assert_eq!(span_events, events.iter().map(String::as_str).collect());
    // By the SHA-256 of the text too.
    let by_hash = s.ok(&format!("/api/documents/{}", d["sha256"].as_str().unwrap())).await;
    assert_eq!(by_hash["id"], SEED_ID);
    let (status, body) = s.get("/api/documents/no-such-doc").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error_of(&body).contains("no-such-doc"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_in_every_format() {
    let s = Server::start(|_| {}).await;
    let store = ground_truth();
    let n_events = store.events(&EventFilter { limit: Some(1000), ..Default::default() }).unwrap().items.len();
    for format in rasd_export::Format::ALL {
        for kind in ["events", "incidents"] {
            let url = format!("{}/api/export?format={format}&kind={kind}", s.url);
            let res = s.client.get(&url).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{url}");
            let h = res.headers().clone();
            assert_eq!(h["content-type"], format.media_type(), "{url}");
            assert_eq!(
                h["content-disposition"].to_str().unwrap(),
                format!("attachment; filename=\"rasd-{kind}.{}\"", format.extension())
            );
            let written: usize = h["x-rasd-exported"].to_str().unwrap().parse().unwrap();
            let body = res.text().await.unwrap();
            match format {
                rasd_export::Format::AcledCsv => {
                    assert!(body.starts_with("event_id_cnty,event_date,year,"));
                    if kind == "events" {
                        assert_eq!(written, n_events);
                    }
                }
                rasd_export::Format::UcdpCsv => assert!(body.lines().next().unwrap().contains(',')),
                rasd_export::Format::PloverJsonl => {
                    assert_eq!(body.lines().count(), written);
                    body.lines().for_each(|l| drop(serde_json::from_str::<Value>(l).unwrap()));
                }
                rasd_export::Format::GeoJson => {
                    let v: Value = serde_json::from_str(&body).unwrap();
                    assert_eq!(v["type"], "FeatureCollection");
                    assert_eq!(v["features"].as_array().unwrap().len(), written);
                }
            }
        }
    }
    // Filters apply; running totals can be left out.
    let all = s.client.get(format!("{}/api/export?format=plover-jsonl", s.url)).send().await.unwrap();
    let all = all.text().await.unwrap().lines().count();
    let url = format!("{}/api/export?format=plover-jsonl&country=LY&skip_cumulative=true", s.url);
    let res = s.client.get(url).send().await.unwrap();
    let totals =
        EventFilter { country: Some("LY".into()), scope: Some(rasd_core::Scope::Cumulative), ..Default::default() };
    let totals = store.events(&totals).unwrap().items.len();
    assert!(totals > 0);
    assert_eq!(res.headers()["x-rasd-skipped"], totals.to_string().as_str());
    let libya = res.text().await.unwrap().lines().count();
    let want = store
        .events(&EventFilter { country: Some("LY".into()), scope: Some(rasd_core::Scope::Event), ..Default::default() })
        .unwrap()
        .items
        .len();
    assert_eq!(libya, want);
    assert!(libya < all);
    for (query, needle) in [
        ("format=xlsx", "xlsx"),
        ("", "format"),
        ("format=geojson&kind=places", "kind"),
        ("format=geojson&cursor=a", "cursor"),
    ] {
        let (status, body) = s.get(&format!("/api/export?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert!(error_of(&body).contains(needle), "{query}: {body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_queries_are_refused_with_a_message() {
    let s = Server::start(|_| {}).await;
    for (path, needles) in [
        ("/api/events?bogus=1&other=2&country=LY", &["\"bogus\"", "\"other\""][..]),
        ("/api/incidents?limits=5", &["\"limits\""]),
        ("/api/events?country=LY&country=SY", &["more than once"]),
        ("/api/events?limit=0", &["limit"]),
        ("/api/events?limit=1001", &["limit"]),
        ("/api/events?limit=ten", &["limit"]),
        ("/api/events?bbox=1,2,3", &["bbox"]),
        ("/api/events?bbox=15,20,10,30", &["bbox"]),
        ("/api/events?bbox=0,-95,1,1", &["bbox"]),
        ("/api/events?date_from=2019-13-01", &["date_from"]),
        ("/api/incidents?date_to=yesterday", &["date_to"]),
        ("/api/events?date_from=2019-10-01&date_to=2019-09-01", &["after"]),
        ("/api/events?event_type=Airstrike", &["event_type", "Battles"]),
        ("/api/events?sub_event_type=air", &["sub_event_type"]),
        ("/api/events?scope=all", &["scope", "cumulative"]),
        ("/api/events?country=LBY", &["country"]),
        ("/api/events?min_fatalities=-1", &["min_fatalities"]),
        ("/api/stats?x=1", &["\"x\""]),
        ("/api/documents/seed-libya-2019?full=1", &["\"full\""]),
        ("/api/openapi.json?v=1", &["\"v\""]),
    ] {
        let (status, body) = s.get(path).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {body}");
        for n in needles {
            assert!(error_of(&body).contains(n), "{path}: {body} should mention {n}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingest_needs_allow_or_a_token() {
    let doc = json!({"id": "t-1", "text": report(1), "published": "2019-10-02"});
    let closed = Server::start(|_| {}).await;
    let (status, body) = closed.post_json("/api/documents", &doc, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(error_of(&body).contains("--allow-ingest"));

    let guarded = Server::start(|c| c.token = Some("s3cret-token".into())).await;
    assert_eq!(guarded.ok("/healthz").await["ingest"], true);
    for token in [None, Some("wrong"), Some("s3cret-token-and-more"), Some("")] {
        let (status, body) = guarded.post_json("/api/documents", &doc, token).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{token:?}");
        assert!(error_of(&body).contains("Bearer"));
    }
    let res = guarded
        .client
        .post(format!("{}/api/documents", guarded.url))
        .header("authorization", "Basic czNjcmV0LXRva2Vu")
        .json(&doc)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res.headers()["www-authenticate"].to_str().unwrap().starts_with("Bearer"));
    let (status, body) = guarded.post_json("/api/documents", &doc, Some("s3cret-token")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["id"], "t-1");
    // Reads need no token.
    assert_eq!(guarded.ok("/api/documents/t-1").await["id"], "t-1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingest_json_and_plain_text() {
    let s = Server::start(|c| c.allow_ingest = true).await;
    let before = ground_truth().stats().unwrap();

    // JSON, with a corpus-style extra field and `time` for the date.
    let doc = json!({"id": "api-1", "text": report(1), "time": "Thu, 03 Oct 2019 10:00:00 +0200",
                     "source": "test wire", "category": "ignored"});
    let res = s.client.post(format!("{}/api/documents", s.url)).json(&doc).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.headers()["location"], "/api/documents/api-1");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], "inserted");
    let events = body["events"].as_array().unwrap();
    assert!(!events.is_empty(), "{body}");
    assert!(events.iter().all(|e| e["doc_id"] == "api-1" && e["incident_id"].is_string()));
    let stored = s.ok("/api/documents/api-1").await;
    assert_eq!(stored["published"], "2019-10-03");
    assert_eq!(stored["source"], "test wire");
    assert_eq!(stored["lang"], "ar");
    assert_eq!(stored["events"], body["events"]);

    // The same text again, under another id: nothing changes, the stored events come back.
    let again = json!({"id": "api-1-copy", "text": report(1)});
    let (status, dup) = s.post_json("/api/documents", &again, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(dup["status"], "duplicate");
    assert_eq!(dup["id"], "api-1");
    assert_eq!(dup["events"], body["events"]);

    // Plain text with its metadata in the query; the id needs encoding in the Location.
    let (status, plain) =
        s.post_text(&format!("/api/documents?id={}&published=2019-10-04&source=wire", enc("نص 2")), &report(2)).await;
    assert_eq!(status, StatusCode::CREATED, "{plain}");
    assert_eq!(plain["id"], "نص 2");
    let stored = s.ok(&format!("/api/documents/{}", enc("نص 2").replace('+', "%20"))).await;
    assert_eq!(stored["published"], "2019-10-04");
    assert_eq!(stored["source"], "wire");

    // No id: the content id; explain adds the trigger.
    let (status, anon) = s.post_text("/api/documents?explain=true", &report(3)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(anon["id"], rasd_ingest::content_id(&report(3)));
    assert!(anon["events"][0]["explain"]["trigger"].is_string(), "{anon}");

    let after = s.ok("/api/stats").await;
    assert_eq!(after["documents"], before.documents + 3);

    // Refusals.
    let post = |body: &'static str, ct: &'static str| {
        let req = s.client.post(format!("{}/api/documents", s.url)).header("content-type", ct).body(body);
        async move {
            let res = req.send().await.unwrap();
            (res.status(), res.json::<Value>().await.unwrap())
        }
    };
    for (body, ct, status, needle) in [
        ("{\"text\": ", "application/json", StatusCode::BAD_REQUEST, "invalid JSON"),
        ("{\"id\": \"x\"}", "application/json", StatusCode::BAD_REQUEST, "text"),
        ("{\"text\": \"  \"}", "application/json", StatusCode::BAD_REQUEST, "no text"),
        ("{\"text\": \"x\", \"published\": \"soon\"}", "application/json", StatusCode::BAD_REQUEST, "published"),
        ("{\"text\": \"x\", \"id\": 5}", "application/json", StatusCode::BAD_REQUEST, "invalid JSON"),
        ("text=x", "application/x-www-form-urlencoded", StatusCode::UNSUPPORTED_MEDIA_TYPE, "text/plain"),
        ("", "text/plain", StatusCode::BAD_REQUEST, "text"),
    ] {
        let (got, err) = post(body, ct).await;
        assert_eq!(got, status, "{body:?} as {ct}: {err}");
        assert!(error_of(&err).contains(needle), "{body:?}: {err}");
    }
    // Metadata belongs in a JSON body, not the query.
    let (status, err) = s.post_json("/api/documents?published=2019-10-02", &json!({"text": "x"}), None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error_of(&err).contains("body"));
    // An id taken by another text.
    let (status, err) = s.post_json("/api/documents", &json!({"id": "api-1", "text": report(9)}), None).await;
    assert_eq!(status, StatusCode::CONFLICT, "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_bodies_and_slow_requests() {
    let s = Server::start(|c| {
        c.allow_ingest = true;
        c.body_limit = 64 * 1024;
    })
    .await;
    let big = "ا".repeat(40 * 1024); // 80 KB of UTF-8
    let (status, body) = s.post_text("/api/documents", &big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(error_of(&body).contains("limit of 65536 bytes"), "{body}");
    let (status, body) = s.post_json("/api/documents", &json!({ "text": big }), None).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    // Authorization is checked before the body is read.
    let guarded = Server::start(|c| {
        c.token = Some("t".into());
        c.body_limit = 64 * 1024;
    })
    .await;
    let (status, _) = guarded.post_text("/api/documents", &big).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // An empty token would let anyone in.
    let mut cfg = ServerConfig::new(base_db());
    cfg.token = Some(" ".into());
    assert!(matches!(AppState::with_lexicon(&cfg, lexicon()), Err(rasd_server::ServerError::EmptyToken)));

    // A client that sends half a body and stalls is cut off at the time limit.
    let slow = Server::start(|c| {
        c.allow_ingest = true;
        c.request_timeout = Duration::from_millis(200);
    })
    .await;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut tcp = tokio::net::TcpStream::connect(slow.url.trim_start_matches("http://")).await.unwrap();
    let head = "POST /api/documents HTTP/1.1\r\nHost: rasd\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n";
    tcp.write_all(format!("{head}{}", report(1)).as_bytes()).await.unwrap();
    let started = std::time::Instant::now();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), tcp.read_to_end(&mut answer)).await.unwrap().unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("{\"error\":\"the request took longer than the server's limit of 0.2 s\"}"), "{answer}");
    assert!(started.elapsed() >= Duration::from_millis(150));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_readers_while_a_writer_ingests() {
    let s = Arc::new(Server::start(|c| c.allow_ingest = true).await);
    let incident = ids(&s.ok("/api/incidents?limit=1").await["items"])[0].clone();
    let paths: Vec<String> = vec![
        "/api/events?limit=5".into(),
        "/api/events?country=LY&limit=1000".into(),
        format!("/api/events?q={}", enc("مرزق")),
        "/api/incidents".into(),
        format!("/api/incidents/{}", enc(&incident)),
        format!("/api/documents/{SEED_ID}"),
        "/api/stats".into(),
        "/healthz".into(),
    ];
    let writer = {
        let s = s.clone();
        tokio::spawn(async move {
            for n in 100..106 {
                let (status, body) =
                    s.post_json("/api/documents", &json!({"id": format!("c-{n}"), "text": report(n)}), None).await;
                assert_eq!(status, StatusCode::CREATED, "{body}");
            }
        })
    };
    let readers: Vec<_> = (0..200)
        .map(|i| {
            let s = s.clone();
            let path = paths[i % paths.len()].clone();
            tokio::spawn(async move {
                let res = s.client.get(format!("{}{path}", s.url)).send().await.unwrap();
                let status = res.status();
                let body = res.bytes().await.unwrap();
                assert_eq!(status, StatusCode::OK, "{path}: {}", String::from_utf8_lossy(&body));
                serde_json::from_slice::<Value>(&body).unwrap();
            })
        })
        .collect();
    for r in readers {
        r.await.unwrap();
    }
    writer.await.unwrap();
    let stats = s.ok("/api/stats").await;
    assert_eq!(stats["documents"], ground_truth().stats().unwrap().documents + 6);
    // The writer's work is in the file for any other reader.
    let other = Store::open_read_only(&s.db).unwrap();
    assert!(other.document("c-105").unwrap().is_some());
}

// ---- the OpenAPI document against the router ----

/// A valid value for each documented query parameter.
fn sample(name: &str) -> &'static str {
    match name {
        "country" => "LY",
        "admin1" => "Murzuq",
        "event_type" => "Battles",
        "sub_event_type" => "Armed clash",
        "scope" => "event",
        "actor" => "United",
        "date_from" => "2019-01-01",
        "date_to" => "2019-12-31",
        "bbox" => "-180,-90,180,90",
        "min_fatalities" => "0",
        "q" => "مرزق",
        "doc_id" => "fezzan-2019-09-30",
        "limit" => "5",
        "cursor" => "a",
        "format" => "geojson",
        "kind" => "incidents",
        "skip_cumulative" => "true",
        "explain" => "true",
        "id" => "sample-id",
        "published" => "2019-10-02",
        "source" => "wire",
        "url" => "https://example.invalid/a",
        "title" => "عنوان",
        "lang" => "ar",
        other => panic!("documented parameter {other:?} has no sample value in this test"),
    }
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => {
            let name = r.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("unexpected $ref {r}"));
            let target = &doc["components"]["schemas"][name];
            assert!(target.is_object(), "dangling $ref {r}");
            resolve(doc, target)
        }
        None => schema,
    }
}

/// Every `$ref` anywhere in the document.
fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::Object(m) => {
            if let Some(r) = m.get("$ref").and_then(Value::as_str) {
                out.push(r);
            }
            m.values().for_each(|x| refs(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
        _ => {}
    }
}

fn type_matches(t: &str, v: &Value) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "string" => v.is_string(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        other => panic!("unknown schema type {other}"),
    }
}

/// Checks a value against a schema of the document: types, enums, required
/// properties, and no property the schema does not list.
fn validate(doc: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    if let Some(branches) = schema["oneOf"].as_array() {
        let fits = branches.iter().filter(|b| {
            let mut e = Vec::new();
            validate(doc, b, v, at, &mut e);
            e.is_empty()
        });
        if fits.count() != 1 {
            errors.push(format!("{at}: {v:.80} fits not exactly one branch of oneOf"));
        }
        return;
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
        _ => vec![],
    };
    if !types.is_empty() && !types.iter().any(|t| type_matches(t, v)) {
        errors.push(format!("{at}: {v:.80} is not of type {types:?}"));
        return;
    }
    if let Some(values) = schema["enum"].as_array() {
        if !values.contains(v) {
            errors.push(format!("{at}: {v} is not one of {values:?}"));
        }
    }
    match v {
        Value::Object(map) => {
            for r in schema["required"].as_array().into_iter().flatten() {
                if !map.contains_key(r.as_str().unwrap()) {
                    errors.push(format!("{at}: required property {r} is missing"));
                }
            }
            let props = schema["properties"].as_object();
            for (k, x) in map {
                match props.and_then(|p| p.get(k)) {
                    Some(s) => validate(doc, s, x, &format!("{at}.{k}"), errors),
                    None => match &schema["additionalProperties"] {
                        Value::Object(_) => {
                            validate(doc, &schema["additionalProperties"], x, &format!("{at}.{k}"), errors)
                        }
                        _ if props.is_some() => errors.push(format!("{at}: property {k} is not documented")),
                        _ => {}
                    },
                }
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                validate(doc, &schema["items"], x, &format!("{at}[{i}]"), errors);
            }
        }
        _ => {}
    }
}

#[test]
fn the_schema_check_catches_mismatches() {
    let doc = serde_json::to_value(rasd_server::openapi()).unwrap();
    let check = |schema: &str, v: Value| {
        let mut errors = Vec::new();
        validate(&doc, &json!({ "$ref": format!("#/components/schemas/{schema}") }), &v, schema, &mut errors);
        errors
    };
    assert!(check("ErrorBody", json!({"error": "x"})).is_empty());
    assert_eq!(check("ErrorBody", json!({"error": "x", "extra": 1})).len(), 1);
    assert_eq!(check("ErrorBody", json!({})).len(), 1);
    assert_eq!(check("ErrorBody", json!({"error": 1})).len(), 1);
    let errors = check("Event", json!({"event_type": "Airstrike", "actor1": {"name": "x"}}));
    assert!(errors.iter().any(|e| e.contains("Airstrike")), "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("actor1")), "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("required property \"doc_id\"")), "{errors:?}");
    assert!(check(
        "Stats",
        json!({"documents": 1, "events": 0, "incidents": 0, "events_by_type": {"Battles": "2"},
        "events_by_country": {}, "events_by_month": {}, "incidents_by_type": {}, "incidents_by_country": {},
        "incidents_by_month": {}})
    )
    .iter()
    .any(|e| e.contains("Battles")));
}

/// Validates a real response against the schema its operation documents for its status.
fn check_response(doc: &Value, path: &str, method: &str, status: StatusCode, body: &Value) {
    let op = &doc["paths"][path][method];
    let response = &op["responses"][status.as_str()];
    assert!(response.is_object(), "{method} {path}: status {status} is not documented");
    let schema = &response["content"]["application/json"]["schema"];
    assert!(schema.is_object(), "{method} {path} {status}: no JSON schema");
    let mut errors = Vec::new();
    validate(doc, schema, body, &format!("{method} {path} {status}"), &mut errors);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_document_matches_the_router() {
    let s = Server::start(|c| c.allow_ingest = true).await;
    let doc = s.ok("/api/openapi.json").await;
    assert_eq!(doc, serde_json::to_value(rasd_server::openapi()).unwrap());
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut all_refs = Vec::new();
    refs(&doc, &mut all_refs);
    assert!(all_refs.len() > 20);
    for r in all_refs {
        let name = r.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("unexpected $ref {r}"));
        assert!(doc["components"]["schemas"][name].is_object(), "dangling $ref {r}");
    }
    let paths = doc["paths"].as_object().unwrap();
    let documented: BTreeSet<&str> = paths.keys().map(String::as_str).collect();
    let served: BTreeSet<&str> = [
        "/",
        "/assets/{path}",
        "/healthz",
        "/api/openapi.json",
        "/api/events",
        "/api/events/{id}",
        "/api/incidents",
        "/api/incidents/{id}",
        "/api/documents",
        "/api/documents/{id}",
        "/api/export",
        "/api/stats",
    ]
    .into();
    assert_eq!(documented, served);

    let incident = ids(&s.ok("/api/incidents?limit=1").await["items"])[0].clone();
    let concrete = |p: &str| {
        p.replace("/api/incidents/{id}", &format!("/api/incidents/{}", enc(&incident)))
            .replace("/api/events/{id}", &format!("/api/events/{}", enc(&incident)))
            .replace("/api/documents/{id}", &format!("/api/documents/{SEED_ID}"))
            .replace("{path}", "index.html")
    };
    let methods = ["get", "post", "put", "delete", "patch"];
    let mut posts = 0;
    for (path, item) in paths {
        let url = format!("{}{}", s.url, concrete(path));
        for m in methods {
            let method = Method::from_bytes(m.to_uppercase().as_bytes()).unwrap();
            let Some(op) = item.get(m) else {
                let res = s.client.request(method, &url).send().await.unwrap();
                assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED, "{m} {path} is served but not documented");
                continue;
            };
            let params: Vec<&Value> = op["parameters"].as_array().map(|a| a.iter().collect()).unwrap_or_default();
            for p in &params {
                assert!(["query", "path"].contains(&p["in"].as_str().unwrap()), "{m} {path}: {p}");
                if p["in"] == "path" {
                    assert!(path.contains(&format!("{{{}}}", p["name"].as_str().unwrap())), "{m} {path}: {p}");
                }
            }
            let query: Vec<&str> =
                params.iter().filter(|p| p["in"] == "query").map(|p| p["name"].as_str().unwrap()).collect();
            let required: Vec<String> = params
                .iter()
                .filter(|p| p["in"] == "query" && p["required"] == true)
                .map(|p| format!("{}={}", p["name"].as_str().unwrap(), enc(sample(p["name"].as_str().unwrap()))))
                .collect();
            // Each documented query parameter is accepted, one at a time, beside the required ones.
            let mut queries: Vec<Vec<String>> = vec![required.clone()];
            for name in &query {
                let mut q = required.clone();
                let pair = format!("{name}={}", enc(sample(name)));
                if !q.contains(&pair) {
                    q.push(pair);
                }
                queries.push(q);
            }
            for q in queries {
                let url = format!("{url}?{}", q.join("&"));
                let res = if m == "post" {
                    posts += 1;
                    // Metadata parameters go with plain text; a fresh text each time.
                    let text = report(1000 + posts);
                    s.client.post(&url).header("content-type", "text/plain").body(text)
                } else {
                    s.client.request(method.clone(), &url)
                }
                .send()
                .await
                .unwrap();
                let status = res.status();
                let is_json = res.headers()["content-type"].to_str().unwrap().starts_with("application/json");
                let body = res.text().await.unwrap();
                assert!(status.is_success(), "{m} {url}: {status} {body}");
                if is_json && path != "/api/openapi.json" {
                    check_response(&doc, path, m, status, &serde_json::from_str(&body).unwrap());
                }
            }
            // And an undocumented one is refused on every API route.
            if path.starts_with("/api/") {
                let mut q = required.clone();
                q.push("undocumented=1".into());
                let url = format!("{url}?{}", q.join("&"));
                let res = s.client.request(method.clone(), &url).header("content-type", "text/plain").body("x");
                let res = res.send().await.unwrap();
                let status = res.status();
                let body: Value = res.json().await.unwrap();
                assert_eq!(status, StatusCode::BAD_REQUEST, "{m} {url}");
                assert!(error_of(&body).contains("undocumented"));
                check_response(&doc, path, m, status, &body);
            }
        }
    }
    assert!(posts > 0);
    // The full records and the documented error bodies.
    let (status, body) = s.get("/api/documents/nothing-here").await;
    check_response(&doc, "/api/documents/{id}", "get", status, &body);
    let (status, body) = s.get("/api/incidents/nothing-here").await;
    check_response(&doc, "/api/incidents/{id}", "get", status, &body);
    let (status, body) = s.get("/api/events/nothing-here").await;
    check_response(&doc, "/api/events/{id}", "get", status, &body);
    let body = s.ok(&format!("/api/events/{}", enc(&incident))).await;
    check_response(&doc, "/api/events/{id}", "get", StatusCode::OK, &body);
    let (status, body) = s.post_json("/api/documents", &json!({"id": "oa-1", "text": report(1)}), None).await;
    assert_eq!(status, StatusCode::CREATED);
    check_response(&doc, "/api/documents", "post", status, &body);
    let (status, body) = s.post_json("/api/documents", &json!({"id": "oa-2", "text": report(1)}), None).await;
    assert_eq!(status, StatusCode::OK);
    check_response(&doc, "/api/documents", "post", status, &body);
    for path in ["/api/events?limit=1000", "/api/incidents?limit=1000"] {
        let body = s.ok(path).await;
        check_response(&doc, path.split('?').next().unwrap(), "get", StatusCode::OK, &body);
    }
    let mut details = BTreeMap::new();
    for id in ids(&s.ok("/api/incidents?limit=1000").await["items"]) {
        details.insert(id.clone(), s.ok(&format!("/api/incidents/{}", enc(&id))).await);
    }
    for body in details.values() {
        check_response(&doc, "/api/incidents/{id}", "get", StatusCode::OK, body);
    }
}
