//! rasd-eval against the official scorer, `shared/eval/score.py`, on the files in `tests/data/`.
//!
//! The whole standard output is compared (every error line, the summary with matched, exact and
//! record counts and P/R/F1), and for `seed` the pass/fail exit status:
//! - always, against `tests/data/expected/*.out`, the script's output saved when the fixtures were
//!   made (see `tests/data/README.md`);
//! - when `python3` and `../shared/eval/score.py` are there, against the script run now (skipped
//!   with a message otherwise; `RASD_SCORE_PY` names another copy of the script).

use rasd_eval::{detect, read_gold, read_gsr, read_records, score_events, ActorPattern, Json, Mode};
use std::path::{Path, PathBuf};
use std::process::Command;

/// `(name, score.py arguments)`; the name is also that of the saved output.
const CASES: &[(&str, &[&str])] = &[
    ("seed", &["seed", "seed-gold.json", "seed-events.jsonl"]),
    ("seed-explain", &["seed", "seed-gold.json", "seed-events-explain.jsonl"]),
    ("seed-broken", &["seed", "seed-gold.json", "seed-events-broken.jsonl"]),
    ("events-seed-broken", &["events", "seed-gold.jsonl", "seed-events-broken.jsonl"]),
    ("events-rules", &["events", "rules-gold.jsonl", "rules-events.jsonl"]),
    ("events-no-records", &["events", "seed-gold.jsonl", "rules-events.jsonl"]),
    ("detect-assault", &["detect", "gsr.csv", "gsr-events.jsonl", "--event", "ASSAULT"]),
    ("detect-protest", &["detect", "gsr.csv", "gsr-events.jsonl", "--event", "PROTEST"]),
];

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// What rasd-eval prints for a score.py command line, and score.py's exit status for it.
fn rasd_eval(args: &[&str]) -> (String, i32) {
    let dir = data();
    let (gold, events) = (dir.join(args[1]), dir.join(args[2]));
    let records = read_records(&events).unwrap();
    match args[0] {
        "seed" | "events" => {
            let golds = read_gold(&gold).unwrap();
            let res = score_events(&golds, &records);
            if args[0] == "seed" {
                (res.script_output(Mode::Seed), if res.passed() { 0 } else { 1 })
            } else {
                (res.script_output(Mode::Events), 0)
            }
        }
        "detect" => {
            let event = args.iter().position(|a| *a == "--event").map_or("ASSAULT", |i| args[i + 1]);
            let res = detect(&read_gsr(&gold).unwrap(), &records, event);
            (res.summary_line() + "\n", 0)
        }
        other => panic!("unknown mode {other}"),
    }
}

#[test]
fn agrees_with_saved_score_py_output() {
    for (name, args) in CASES {
        let want = std::fs::read_to_string(data().join(format!("expected/{name}.out"))).unwrap();
        let (got, _) = rasd_eval(args);
        assert_eq!(got, want, "case {name}: rasd-eval (left) differs from the saved score.py output (right)");
    }
}

fn python3() -> bool {
    let ok = Command::new("python3").arg("--version").output().is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipping the live comparison: python3 not found");
    }
    ok
}

fn score_py() -> Option<PathBuf> {
    let script = std::env::var_os("RASD_SCORE_PY")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/score.py"));
    if !script.is_file() {
        eprintln!("skipping the live comparison: {} not found", script.display());
        return None;
    }
    python3().then_some(script)
}

#[test]
fn agrees_with_score_py_run_now() {
    let Some(script) = score_py() else { return };
    for (name, args) in CASES {
        let out = Command::new("python3").arg(&script).args(*args).current_dir(data()).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(out.status.code().is_some(), "score.py was killed on case {name}");
        let (got, code) = rasd_eval(args);
        assert_eq!(
            got,
            stdout,
            "case {name}: rasd-eval (left) differs from score.py (right); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(Some(code), out.status.code(), "case {name}: exit status");
        let saved = std::fs::read_to_string(data().join(format!("expected/{name}.out"))).unwrap();
        assert_eq!(stdout, saved, "case {name}: score.py changed since tests/data/expected was saved");
    }
}

/// A small deterministic generator (xorshift64*), so the generated cases are the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Clone>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())].clone()
    }
}

fn j(text: &str) -> Json {
    Json::parse(text).unwrap()
}

/// An object from the `(key, value)` pairs that are `Some`.
fn obj(pairs: Vec<(&str, Option<Json>)>) -> Json {
    Json::Object(pairs.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_string(), v))).collect())
}

/// A value from JSON texts; `None` (the key left out) for `"-"`.
fn one_of(rng: &mut Rng, texts: &[&str]) -> Option<Json> {
    let t = rng.pick(texts);
    (t != "-").then(|| j(t))
}

fn random_record(rng: &mut Rng, doc: &str, n: usize) -> Json {
    let name = |rng: &mut Rng| {
        one_of(
            rng,
            &[
                "-",
                "null",
                "{}",
                r#"{"name": "IS"}"#,
                r#"{"name": "ISIS"}"#,
                r#"{"name": "Libyan National Army"}"#,
                r#"{"name": ""}"#,
                r#"{"name": null}"#,
                r#"{"name": "Daesh fighters"}"#,
            ],
        )
    };
    let location = obj(vec![
        ("name", one_of(rng, &["-", r#""Sabha""#, "null", r#""Murzuq""#])),
        ("country", one_of(rng, &["-", r#""LY""#, r#""LY""#, r#""TN""#, "null"])),
        ("lat", one_of(rng, &["-", "null", "25", "25.5", "27.0", "32.1", "24.95", "29"])),
        ("lon", one_of(rng, &["-", "null", "14", "14.6", "9.0", "20", "13.2", "21.5"])),
    ]);
    let date = obj(vec![
        (
            "start",
            one_of(rng, &["-", "null", r#""2020-01-01""#, r#""2020-01-03""#, r#""2019-12-31""#, r#""2020-01-05""#]),
        ),
        ("end", one_of(rng, &["-", "null", r#""""#, r#""2020-01-03""#, r#""2020-01-09""#])),
    ]);
    let fatalities = obj(vec![
        ("min", one_of(rng, &["-", "null", "0", "3", "7", "7.0", "true", "0.0", "2.5"])),
        ("max", one_of(rng, &["-", "null", "7", "3"])),
        ("qualifier", one_of(rng, &["-", r#""exact""#, r#""vague""#, r#""about""#, "null"])),
        ("text", one_of(rng, &["-", r#""سبعة\u200c""#, r#""it's""#, r#""\"q\" it's\u00a0""#, r#""x\\y\n""#])),
    ]);
    obj(vec![
        ("id", one_of(rng, &[&format!(r#""{doc}#{n}""#), &format!(r#""{doc}#{n}""#), "null", "-", "5"])),
        ("doc_id", Some(Json::from(doc))),
        ("event_type", one_of(rng, &[r#""Battles""#, r#""Battles""#, r#""Riots""#, r#""Protests""#, "null", "-"])),
        ("sub_event_type", one_of(rng, &[r#""Armed clash""#, r#""Mob violence""#, r#""Attack""#, "null", "-"])),
        (
            "plover",
            one_of(rng, &[r#"{"event": "ASSAULT"}"#, r#"{"event": "PROTEST", "mode": null}"#, "null", "-", "{}"]),
        ),
        ("actor1", name(rng)),
        ("actor2", name(rng)),
        (
            "assoc_actor2",
            one_of(rng, &["-", "[]", "null", r#"[null, {"name": "IS"}]"#, r#"[{"name": "Haftar forces"}]"#]),
        ),
        ("location", if rng.chance(15) { Some(Json::Null) } else { Some(location) }),
        ("date", if rng.chance(10) { None } else { Some(date) }),
        ("fatalities", if rng.chance(30) { one_of(rng, &["null", "-", "{}"]) } else { Some(fatalities) }),
        ("scope", one_of(rng, &[r#""event""#, r#""event""#, r#""cumulative""#, "null", "-", r#""""#])),
    ])
}

fn random_item(rng: &mut Rng, label: String) -> Json {
    let some = |rng: &mut Rng, p: usize, texts: &[&str]| if rng.chance(p) { one_of(rng, texts) } else { None };
    let place = obj(vec![
        ("country", some(rng, 50, &[r#""LY""#, r#""TN""#, "null"])),
        ("lat_range", some(rng, 30, &["[22, 29]", "[25.5, 32.1]", "[24.0, 25.0]"])),
        ("lon_range", some(rng, 30, &["[9, 20]", "[14.6, 21.5]"])),
        ("near", some(rng, 30, &["[24.9514, 14.6486]", "[32.1, 13.2]", "[25, 14]"])),
        ("km", some(rng, 30, &["90", "30", "150.5", "5"])),
    ]);
    let date = obj(vec![
        ("start", some(rng, 30, &[r#""2020-01-01""#, r#""2020-01-03""#])),
        ("end", some(rng, 20, &[r#""2020-01-03""#, r#""2020-01-09""#])),
        ("start_between", some(rng, 30, &[r#"["2020-01-01", "2020-01-04"]"#, r#"["2019-12-01", "2020-01-01"]"#])),
        ("end_between", some(rng, 20, &[r#"["2020-01-03", "2020-01-09"]"#])),
        ("not_year", some(rng, 10, &["2020", r#""2019""#])),
    ]);
    obj(vec![
        ("label", Some(Json::Str(label))),
        ("note", some(rng, 10, &[r#""ignored""#])),
        ("event_type", some(rng, 60, &[r#""Battles""#, r#""Riots""#, r#""Protests""#])),
        ("event_type_in", some(rng, 15, &[r#"["Battles", "Riots"]"#, "[]", r#"["Protests", null]"#])),
        ("sub_event_type", some(rng, 40, &[r#""Armed clash""#, r#""Mob violence""#, "null"])),
        ("plover_event", some(rng, 30, &[r#""ASSAULT""#, r#""PROTEST""#, "null"])),
        (
            "actors_all",
            some(rng, 35, &[r#"["\\bIS\\b"]"#, r#"["ISIS|Daesh"]"#, r#"["(?i)libyan", "IS"]"#, r#"["^IS$"]"#, "[]"]),
        ),
        ("place", if rng.chance(50) { Some(place) } else { None }),
        ("date", if rng.chance(50) { Some(date) } else { None }),
        (
            "fatalities",
            some(
                rng,
                50,
                &[
                    "null",
                    r#""null_or_vague""#,
                    r#"{"min": 7}"#,
                    r#"{"max": 7, "min": 3}"#,
                    r#"{"qualifier": "exact", "min": 7.0}"#,
                ],
            ),
        ),
        ("scope", some(rng, 30, &[r#""event""#, r#""cumulative""#])),
    ])
}

/// Many generated documents with crowded, ambiguous and odd (but score.py-safe) values, scored by
/// score.py `events` and by rasd-eval; the outputs must be identical.
#[test]
fn agrees_with_score_py_on_generated_documents() {
    let Some(script) = score_py() else { return };
    // `RASD_EVAL_SEED=N` tries other cases.
    let seed = std::env::var("RASD_EVAL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_1234_abcd_0001);
    let mut rng = Rng(seed);
    let (mut golds, mut records) = (String::new(), String::new());
    for d in 0..400 {
        let doc = format!("doc{}", if rng.chance(5) && d > 0 { d - 1 } else { d });
        let items = |rng: &mut Rng, kind: &str, most: usize| {
            let n = rng.below(most + 1);
            Json::Array((0..n).map(|i| random_item(rng, format!("{doc} {kind} {i}"))).collect())
        };
        let gold = obj(vec![
            ("doc_id", Some(Json::from(doc.as_str()))),
            ("published", rng.chance(50).then(|| j(r#""2020-01-09""#))),
            ("gold", Some(items(&mut rng, "gold", 4))),
            ("optional", rng.chance(40).then(|| items(&mut rng, "optional", 2))),
            ("forbidden", rng.chance(40).then(|| items(&mut rng, "forbidden", 2))),
            (
                "totals",
                if rng.chance(30) {
                    one_of(
                        &mut rng,
                        &[
                            r#"{"label": "sum", "sum_event_fatalities_min": 7}"#,
                            "{}",
                            "null",
                            r#"{"label": "sum", "sum_event_fatalities_min": 10.0}"#,
                        ],
                    )
                } else {
                    None
                },
            ),
        ]);
        golds.push_str(&format!("{gold}\n"));
        for n in 0..rng.below(6) {
            records.push_str(&format!("{}\n", random_record(&mut rng, &doc, n)));
        }
    }
    let dir = std::env::temp_dir().join(format!("rasd-eval-agreement-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (gold_path, events_path) = (dir.join("gold.jsonl"), dir.join("events.jsonl"));
    std::fs::write(&gold_path, &golds).unwrap();
    std::fs::write(&events_path, &records).unwrap();

    let out = Command::new("python3").arg(&script).arg("events").arg(&gold_path).arg(&events_path).output().unwrap();
    let want = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    let res = score_events(&read_gold(&gold_path).unwrap(), &read_records(&events_path).unwrap());
    let got = res.script_output(Mode::Events);
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("generated (seed {seed}): {}; {:?}", res.summary_line(), res.issue_counts());
    assert!(
        res.issue_count() > 300 && res.matched > 100,
        "the generated cases exercise little: {}",
        res.summary_line()
    );
    for (n, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "line {}: rasd-eval (left) differs from score.py (right)", n + 1);
    }
    assert_eq!(got, want);
}

/// Every `actors_all` pattern of the gold files in the repository (the dev gold, the fixtures) and
/// some hard ones, against every actor name of the dictionary and some hard names: `ActorPattern`
/// must say what Python's `re.search` says.
#[test]
fn actor_patterns_match_as_python_re_search() {
    if !python3() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut patterns: Vec<String> = [
        r"\bIS\b",
        r"^IS$",
        r"IS$",
        r"IS\Z",
        r"(?i)haftar|\bLNA\b",
        r"[[:alpha:]]+",
        r"[]a]",
        r"\w+\s\w+",
        r"\Bic\b",
        r"(?<!Free )Syrian",
        r"(?<=of )Libya",
        r"(\w)\1",
        r"(?P<x>al)-(?P=x)",
        r"a{",
        r"\bداعش\b",
        r"^\W",
        r"\d",
        r"(?m)y\)$",
        r"[\w-]+ \(",
        r"[^\W\d]{12}",
    ]
    .iter()
    .map(|p| p.to_string())
    .collect();
    for gold in [
        "eval/dev/articles.gold.jsonl",
        "crates/rasd-eval/tests/data/seed-gold.json",
        "crates/rasd-eval/tests/data/rules-gold.jsonl",
    ] {
        let Ok(golds) = read_gold(&root.join(gold)) else { continue };
        for g in &golds {
            for it in g.gold.iter().chain(&g.optional).chain(&g.forbidden) {
                patterns.extend(it.actors_all.iter().map(|p| p.pattern.clone()));
            }
        }
    }
    patterns.sort();
    patterns.dedup();
    let mut names: Vec<String> = [
        "IS",
        "IS\n",
        "ISIS",
        "(IS)",
        "Islamic State (Libya)",
        "Free Syrian Army",
        "Syrian Arab Army",
        "داعش\u{64e}",
        "داعشي",
        "U.S. forces",
        "al-al",
        "Civilians (Libya)\n",
        "Libya y)\nz",
        "_x",
        "٣ killed",
        "a]",
    ]
    .iter()
    .map(|n| n.to_string())
    .collect();
    if let Ok(tsv) = std::fs::read_to_string(root.join("data/actors/actors.tsv")) {
        names.extend(
            tsv.lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .filter_map(|l| l.split('\t').next())
                .map(String::from),
        );
    }
    let cases: Vec<Json> = patterns
        .iter()
        .flat_map(|p| names.iter().map(move |n| Json::Array(vec![Json::from(p.as_str()), Json::from(n.as_str())])))
        .collect();
    let script = "import json, re, sys\nprint(json.dumps([bool(re.search(p, n)) for p, n in json.load(sys.stdin)]))";
    let mut child = Command::new("python3")
        .args(["-W", "ignore", "-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), Json::Array(cases).to_string().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let want = Json::parse(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let want = want.as_array().unwrap();
    let mut k = 0;
    for p in &patterns {
        let pat = ActorPattern::new(p).unwrap();
        for n in &names {
            assert_eq!(pat.is_match(n), want[k] == Json::Bool(true), "re.search({p:?}, {n:?})");
            k += 1;
        }
    }
    eprintln!("{} patterns × {} names agree with Python's re", patterns.len(), names.len());
}
