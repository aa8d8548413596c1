//! The dashboard end to end in headless Chromium, driven through WebDriver
//! (chromedriver): a database built from real reports, the real router on
//! 127.0.0.1, and the page's map, timeline, filter, table and incident detail
//! with the Arabic evidence highlighted.
//!
//! Needs `chromium` (or `google-chrome`) and `chromedriver` on the PATH, or
//! `CHROME_BIN` / `CHROMEDRIVER` pointing at them (Debian: `apt-get install
//! chromium chromium-driver`). Without them the test prints why and passes,
//! so that developer machines without a browser stay green; CI installs them.
//!
//! Screenshots go to `<target dir>/browser-test/` (the target directory this
//! test binary was built in, so `CARGO_TARGET_DIR` is honoured), or to
//! `RASD_SCREENSHOTS` when set; the test prints the path.

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use rasd_core::{Document, Incident, Scope};
use rasd_extract::{Extractor, Options};
use rasd_lexicon::Lexicon;
use rasd_store::{EventFilter, Store};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const FILTER_TYPE: &str = "Explosions/Remote violence";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An executable from an environment variable, or the first of `names` on the PATH.
fn find_exe(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|d| names.iter().map(move |n| d.join(n))).find(|p| p.is_file())
}

/// Where the screenshots go: `RASD_SCREENSHOTS`, else `<target>/browser-test`
/// (this binary lives in `<target>/<profile>/deps/`).
fn screenshot_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("RASD_SCREENSHOTS") {
        return PathBuf::from(d);
    }
    let exe = std::env::current_exe().unwrap();
    match exe.ancestors().nth(3) {
        Some(target) => target.join("browser-test"),
        None => repo().join("target/browser-test"),
    }
}

/// Kills and reaps a child process when dropped.
struct KillOnDrop(Child);
impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn doc_from_json(line: &str) -> Document {
    let v: Value = serde_json::from_str(line).unwrap();
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    Document {
        id: s("id").unwrap(),
        text: s("text").unwrap(),
        published: s("published").or_else(|| s("time")),
        source: s("source"),
        url: s("url"),
        title: s("title"),
        lang: s("lang"),
    }
}

/// The reports of the test database: the seed article, the reports of the
/// Murzuq strike (rasd-store's fixture), and the first articles of the
/// shared conflict corpus when `../shared` is there.
fn reports() -> Vec<Document> {
    let seed = std::fs::read_to_string(repo().join("data/examples/libya-2019-africom.jsonl")).unwrap();
    let mut docs: Vec<Document> = seed.lines().filter(|l| !l.trim().is_empty()).map(doc_from_json).collect();
    let fixture = std::fs::read_to_string(repo().join("crates/rasd-store/tests/data/murzuq-strike.json")).unwrap();
    let items: Vec<Value> = serde_json::from_str(&fixture).unwrap();
    docs.extend(items.iter().map(|it| serde_json::from_value::<Document>(it["document"].clone()).unwrap()));
    if let Ok(corpus) = std::fs::read_to_string(repo().join("../shared/data/news/ant-2018-conflict.jsonl")) {
        docs.extend(corpus.lines().take(40).map(doc_from_json));
    }
    docs
}

fn build_db(path: &Path) -> Store {
    let lex = Lexicon::bundled().unwrap();
    // explain: the trigger spans are stored too, and highlighted
    let ex = Extractor::new(&lex, Options { explain: true });
    let mut store = Store::open(path).unwrap();
    for d in reports() {
        let events = ex.extract(&d).unwrap();
        if !events.is_empty() {
            store.add_document(&d, &events).unwrap();
        }
    }
    store
}

fn all_incidents(store: &Store, mut f: EventFilter) -> Vec<Incident> {
    let mut out = Vec::new();
    f.limit = Some(1000);
    loop {
        let page = store.incidents(&f).unwrap();
        out.extend(page.items);
        match page.next {
            Some(n) => f.after = Some(n),
            None => return out,
        }
    }
}

fn has_point(i: &Incident) -> bool {
    i.location.as_ref().is_some_and(|l| l.lat.is_some() && l.lon.is_some())
}

/// Starts the real router on 127.0.0.1 (a free port) over the database, read-only.
async fn start_server(db: &Path) -> String {
    let mut cfg = rasd_server::ServerConfig::new(db);
    cfg.token = None; // whatever RASD_TOKEN the environment has
    let state = rasd_server::AppState::open(&cfg).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(rasd_server::serve_on(listener, state, std::future::pending()));
    url
}

/// chromedriver's log endpoint: the browser console (needs `goog:loggingPrefs`).
#[derive(Debug)]
struct BrowserLog;
impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({"type": "browser"}).to_string()))
    }
}

/// A Chrome DevTools command through chromedriver.
#[derive(Debug)]
struct Cdp(&'static str, Value);
impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({"cmd": self.0, "params": self.1}).to_string()))
    }
}

/// Console entries of level SEVERE since the last call (`None`: not supported).
async fn severe_logs(c: &Client) -> Option<Vec<String>> {
    let v = c.issue_cmd(BrowserLog).await.ok()?;
    Some(
        v.as_array()?
            .iter()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect(),
    )
}

async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Polls `script` until it returns a truthy value, for at most 20 s.
async fn wait_js(c: &Client, script: &str, what: &str) -> Value {
    let t = Instant::now();
    loop {
        let v = js(c, script).await;
        let truthy = match &v {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => n.as_f64() != Some(0.0),
            Value::String(s) => !s.is_empty(),
            _ => true,
        };
        if truthy {
            return v;
        }
        if t.elapsed() > Duration::from_secs(20) {
            let state = js(c, COUNTS).await;
            panic!("timed out waiting for {what}; page: {state}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

const COUNTS: &str = r#"
const q = (s) => document.querySelectorAll(s);
return {
  circles: q('#map circle.inc').length,
  countries: q('#map path.country').length,
  bars: q('#timeline rect.bar').length,
  rows: q('#incidents tbody tr[data-id]').length,
  circle_types: [...new Set([...q('#map circle.inc')].map(e => e.dataset.type))],
  row_types: [...new Set([...q('#incidents tbody tr[data-id]')].map(e => e.dataset.type))],
  bar_types: [...new Set([...q('#timeline rect.bar')].map(e => e.dataset.type))],
  status: document.querySelector('#status').textContent,
  hash: location.hash,
  errors: window.__errors || null,
};"#;

/// Sizes the window so that the page itself (the viewport) is `w`×`h`.
async fn set_viewport(c: &Client, w: u32, h: u32) {
    c.set_window_size(w, h).await.unwrap();
    let d = js(c, "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];").await;
    let (dw, dh) = (d[0].as_u64().unwrap_or(0) as u32, d[1].as_u64().unwrap_or(0) as u32);
    if dw > 0 || dh > 0 {
        c.set_window_size(w + dw, h + dh).await.unwrap();
    }
    let v = js(c, "return [window.innerWidth, window.innerHeight];").await;
    assert_eq!(v, json!([w, h]), "viewport size");
}

/// Scrolls the detail panel to the source texts, for the screenshots.
const SHOW_TEXTS: &str = "const b = document.querySelector('#detail-body'); \
    b.scrollTop = document.querySelector('#detail .report').offsetTop - b.offsetTop - 60; return true;";

async fn screenshot(c: &Client, dir: &Path, name: &str) {
    // let scrolling and layout settle: two frames
    let frames = "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
    c.execute_async(frames, vec![]).await.unwrap();
    let png = c.screenshot().await.unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_in_headless_chromium() {
    let (Some(chrome), Some(driver)) = (
        find_exe("CHROME_BIN", &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]),
        find_exe("CHROMEDRIVER", &["chromedriver"]),
    ) else {
        eprintln!(
            "SKIPPED dashboard_in_headless_chromium: chromium and chromedriver are not both installed \
             (apt-get install chromium chromium-driver, or set CHROME_BIN and CHROMEDRIVER)"
        );
        return;
    };
    let started = Instant::now();

    // the database and what the page must show of it
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rasd.db");
    let store = build_db(&db);
    let all = all_incidents(&store, EventFilter::default());
    let filtered =
        all_incidents(&store, EventFilter { event_type: Some(FILTER_TYPE.parse().unwrap()), ..Default::default() });
    assert!(!filtered.is_empty() && filtered.len() < all.len(), "the filter must narrow the data");
    // an incident of the filtered type told by the seed report (a single
    // strike with the most reports), with the spans of its members
    let pick = filtered
        .iter()
        .filter(|i| i.sources.iter().any(|s| s.doc_id == "seed-libya-2019"))
        .max_by_key(|i| (i.scope == Scope::Event, i.sources.len(), i.fatalities.map(|f| f.low)))
        .expect("the seed report yields an air strike")
        .clone();
    let members: BTreeSet<&str> = pick.events.iter().map(String::as_str).collect();
    let docs: BTreeSet<&str> = pick.sources.iter().map(|s| s.doc_id.as_str()).collect();
    let span_texts: BTreeSet<(String, String)> = docs
        .iter()
        .flat_map(|d| store.document(d).unwrap().unwrap().spans)
        .filter(|s| members.contains(s.event_id.as_str()))
        .map(|s| (s.field, s.text))
        .collect();
    drop(store);

    let base = start_server(&db).await;

    // chromedriver on a free port
    let port = free_port();
    let _driver = KillOnDrop(
        Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", driver.display())),
    );
    let t = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(t.elapsed() < Duration::from_secs(15), "chromedriver did not listen on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut caps = Capabilities::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chrome.to_string_lossy(),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,800", "--lang=en-US", "--hide-scrollbars"],
        }),
    );
    caps.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let c = ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session");

    let shots = screenshot_dir();
    std::fs::create_dir_all(&shots).unwrap();
    // the checks run in a task of their own so that the session is closed
    // (and Chromium ends) whatever they find
    let task = {
        let (c, shots) = (c.clone(), shots.clone());
        tokio::spawn(async move { checks(&c, &base, &all, &filtered, &pick, &span_texts, &shots).await })
    };
    let result = task.await;
    let _ = c.close().await;
    if let Err(e) = result {
        std::panic::resume_unwind(e.into_panic());
    }
    println!("browser test: screenshots in {} ({:.1} s)", shots.display(), started.elapsed().as_secs_f64());
}

async fn checks(
    c: &Client,
    base: &str,
    all: &[Incident],
    filtered: &[Incident],
    pick: &Incident,
    span_texts: &BTreeSet<(String, String)>,
    shots: &Path,
) {
    c.goto(&format!("{base}/")).await.unwrap();
    set_viewport(c, 1280, 800).await;
    assert_eq!(c.title().await.unwrap(), "rasd · رصد — conflict events");

    // everything loaded: one row per incident, one circle per located one,
    // the country outlines, timeline bars
    let all_points = all.iter().filter(|i| has_point(i)).count();
    let script = format!(
        "const q = (s) => document.querySelectorAll(s).length; \
         return q('#incidents tbody tr[data-id]') === {} && q('#map circle.inc') === {} && \
         q('#map path.country') > 100 && q('#timeline rect.bar') > 0;",
        all.len(),
        all_points
    );
    wait_js(c, &script, "the incidents, the map and the timeline").await;
    let before = js(c, COUNTS).await;
    assert!(before["circles"].as_u64().unwrap() > 0, "{before}");
    assert!(before["bars"].as_u64().unwrap() > 0, "{before}");
    assert!(before["circle_types"].as_array().unwrap().len() > 1, "several event types at first: {before}");
    // the vendored Arabic font is the one in use
    let font = wait_js(
        c,
        "return [...document.fonts].some(f => f.family.includes('Noto Naskh Arabic') && f.status === 'loaded');",
        "the vendored Noto Naskh Arabic font",
    )
    .await;
    assert_eq!(font, Value::Bool(true));
    screenshot(c, shots, "desktop-1280x800.png").await;

    // filter by event type through the form: map, table and timeline follow
    let select = c.find(Locator::Css("#f-type")).await.unwrap();
    select.select_by_value(FILTER_TYPE).await.unwrap();
    c.find(Locator::Css("#apply")).await.unwrap().click().await.unwrap();
    let filtered_points = filtered.iter().filter(|i| has_point(i)).count();
    let script = format!(
        "const q = (s) => document.querySelectorAll(s).length; \
         return q('#incidents tbody tr[data-id]') === {} && q('#map circle.inc') === {};",
        filtered.len(),
        filtered_points
    );
    wait_js(c, &script, "the filtered incidents").await;
    let after = js(c, COUNTS).await;
    assert_ne!(before["rows"], after["rows"], "the filter changed the table");
    for key in ["circle_types", "row_types", "bar_types"] {
        assert_eq!(after[key], json!([FILTER_TYPE]), "{key} after the filter: {after}");
    }
    let hash = after["hash"].as_str().unwrap();
    assert!(hash.contains("event_type=Explosions%2FRemote+violence"), "filter state in the URL: {hash}");

    // sorting by deaths puts the deadliest first
    c.find(Locator::Css("#incidents th[data-key=fatalities] button")).await.unwrap().click().await.unwrap();
    let sorted =
        js(c, "return document.querySelector('#incidents th[data-key=fatalities]').getAttribute('aria-sort');").await;
    assert_eq!(sorted, "descending");
    let max_low = filtered.iter().filter_map(|i| i.fatalities.map(|f| f.low)).max().unwrap_or(0);
    let first_row =
        js(c, "return document.querySelector('#incidents tbody tr[data-id] td:nth-child(5)').textContent;").await;
    assert!(
        first_row.as_str().unwrap().starts_with(&max_low.to_string()),
        "first row after sorting by deaths: {first_row}, most: {max_low}"
    );

    // a click on the timeline's busiest bar narrows the dates to its bin
    let bar = js(
        c,
        "const b = [...document.querySelectorAll('#timeline rect.bar')] \
           .sort((x, y) => y.dataset.count - x.dataset.count)[0]; \
         return [b.dataset.from, b.dataset.to];",
    )
    .await;
    let (from, to) = (bar[0].as_str().unwrap().to_string(), bar[1].as_str().unwrap().to_string());
    c.find(Locator::Css(&format!("#timeline rect.bar[data-from='{from}']"))).await.unwrap().click().await.unwrap();
    let in_bin = filtered
        .iter()
        .filter(|i| {
            let (s, e) = (i.date.start.as_deref(), i.date.end.as_deref());
            s.is_some_and(|s| s <= to.as_str()) && e.is_some_and(|e| e >= from.as_str())
        })
        .count();
    let script = format!(
        "return location.hash.includes('date_from={from}') && location.hash.includes('date_to={to}') && \
         document.querySelectorAll('#incidents tbody tr[data-id]').length === {in_bin} && \
         document.querySelector('#f-date-from').value === '{from}';"
    );
    wait_js(c, &script, "the timeline's date filter").await;
    // back: the previous filters, from the URL
    c.back().await.unwrap();
    let script = format!(
        "return !location.hash.includes('date_from') && \
         document.querySelectorAll('#incidents tbody tr[data-id]').length === {};",
        filtered.len()
    );
    wait_js(c, &script, "the filters before the timeline click, after going back").await;

    // a circle on the map opens its incident; Escape closes it
    let id = js(
        c,
        "const e = document.querySelector('#map circle.inc'); \
         e.dispatchEvent(new MouseEvent('click', {bubbles: true})); return e.dataset.id;",
    )
    .await;
    let script = format!(
        "return !document.querySelector('#detail').hidden && \
         decodeURIComponent(location.hash).includes('incident=' + {id}) && \
         document.querySelectorAll('#detail dl.coded dt').length > 5;"
    );
    wait_js(c, &script, "the detail of a circle's incident").await;
    c.active_element().await.unwrap().send_keys("\u{e00c}").await.unwrap(); // Escape
    wait_js(c, "return document.querySelector('#detail').hidden;", "Escape to close the detail").await;

    // open an incident of the seed report from its table row
    let row = c.find(Locator::Css(&format!("#incidents tbody tr[data-id=\"{}\"]", pick.id))).await.unwrap();
    row.click().await.unwrap();
    wait_js(c, "return document.querySelectorAll('#detail:not([hidden]) [dir=rtl] mark').length > 0;", "highlights")
        .await;
    let marks = js(
        c,
        "return [...document.querySelectorAll('#detail [dir=rtl][lang=ar] mark')].map(m => ({ \
           field: m.dataset.field, text: m.textContent, title: m.title, cls: m.className }));",
    )
    .await;
    let marks = marks.as_array().unwrap();
    let arabic = |s: &str| s.chars().any(|ch| ('\u{0600}'..='\u{06FF}').contains(&ch));
    assert!(marks.iter().all(|m| !m["title"].as_str().unwrap().is_empty()), "every mark names its field");
    assert!(marks.iter().any(|m| m["cls"] == "f-evidence" && arabic(m["text"].as_str().unwrap())), "{marks:?}");
    // the field marks cover exactly the stored spans' text (code points, not UTF-16 units)
    let fields: Vec<(String, String)> = marks
        .iter()
        .map(|m| (m["field"].as_str().unwrap().to_string(), m["text"].as_str().unwrap().to_string()))
        .filter(|(f, _)| f != "evidence" && f != "evidence_all")
        .collect();
    assert!(fields.len() >= 2, "field highlights (actor, place, date, fatalities, trigger…): {marks:?}");
    assert!(fields.iter().any(|(_, t)| arabic(t)), "Arabic text in the field highlights: {fields:?}");
    for (f, t) in &fields {
        assert!(span_texts.contains(&(f.clone(), t.clone())), "{f} highlight {t:?} is a stored span: {span_texts:?}");
    }
    let detail = js(
        c,
        "return {h: document.querySelector('#detail-h').textContent, \
                 sources: document.querySelectorAll('#detail ul.sources li').length, \
                 hash: location.hash};",
    )
    .await;
    assert!(detail["h"].as_str().unwrap().starts_with(FILTER_TYPE), "{detail}");
    assert_eq!(detail["sources"].as_u64().unwrap() as usize, pick.sources.len(), "{detail}");
    assert!(detail["hash"].as_str().unwrap().contains("incident="), "{detail}");
    js(c, SHOW_TEXTS).await;
    screenshot(c, shots, "desktop-detail-1280x800.png").await;

    // a phone: the panels stack, nothing overflows sideways
    // (Chrome keeps windows at least 500 px wide: emulate the phone's screen)
    let phone = json!({"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true});
    c.issue_cmd(Cdp("Emulation.setDeviceMetricsOverride", phone)).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let fit = js(c, "return [window.innerWidth, document.documentElement.scrollWidth];").await;
    let (w, sw) = (fit[0].as_u64().unwrap(), fit[1].as_u64().unwrap());
    assert_eq!(w, 390, "a phone-wide viewport");
    assert!(sw <= w, "no sideways scrolling at {w} px: {fit}");
    js(c, SHOW_TEXTS).await;
    screenshot(c, shots, "phone-detail-390.png").await;
    c.find(Locator::Css("#detail-close")).await.unwrap().click().await.unwrap();
    wait_js(c, "return document.querySelector('#detail').hidden;", "the detail to close").await;
    let stacked = js(
        c,
        "const r = (s) => document.querySelector(s).getBoundingClientRect(); \
         return r('.map-panel').bottom <= r('.timeline-panel').top && r('.timeline-panel').bottom <= r('.table-panel').top;",
    )
    .await;
    assert_eq!(stacked, Value::Bool(true), "map, timeline and table stack on a phone");
    js(c, "window.scrollTo(0, 0); return true;").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    screenshot(c, shots, "phone-390.png").await;

    // no errors: the page's own collector and the browser console
    let errors = js(c, "return window.__errors;").await;
    assert_eq!(errors, json!([]), "errors on the page");
    match severe_logs(c).await {
        Some(severe) => assert!(severe.is_empty(), "console errors: {severe:?}"),
        None => eprintln!("note: chromedriver gave no browser log; relied on window.__errors"),
    }
}
