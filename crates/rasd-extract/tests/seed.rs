//! The seed report (DESIGN.md §6) against its gold: a Rust port of
//! `../shared/eval/score.py seed`, so CI checks it with the repository alone.

use rasd_core::{Document, Event, Scope};
use rasd_extract::{Extractor, Options};
use rasd_lexicon::Lexicon;
use regex::Regex;
use serde_json::Value;

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((b.1 - a.1).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

fn between(v: &str, r: &Value) -> bool {
    r[0].as_str().unwrap() <= v && v <= r[1].as_str().unwrap()
}

/// score.py's core_match: same type, place, date, actors and scope.
fn core_match(e: &Event, item: &Value) -> bool {
    if let Some(t) = item.get("event_type") {
        if e.event_type.as_str() != t {
            return false;
        }
    }
    if let Some(ts) = item.get("event_type_in") {
        if !ts.as_array().unwrap().iter().any(|t| t == e.event_type.as_str()) {
            return false;
        }
    }
    if let Some(p) = item.get("place") {
        let loc = e.location.as_ref();
        if let Some(c) = p.get("country") {
            if loc.and_then(|l| l.country.as_deref()) != c.as_str() {
                return false;
            }
        }
        let ll = loc.and_then(|l| l.lat.zip(l.lon));
        if p.get("lat_range").is_some() || p.get("near").is_some() {
            let Some((lat, lon)) = ll else { return false };
            let inr =
                |k: &str, v: f64| p.get(k).is_none_or(|r| r[0].as_f64().unwrap() <= v && v <= r[1].as_f64().unwrap());
            if !inr("lat_range", lat) || !inr("lon_range", lon) {
                return false;
            }
            if let Some(n) = p.get("near") {
                let limit = p.get("km").and_then(Value::as_f64).unwrap_or(30.0);
                if km((lat, lon), (n[0].as_f64().unwrap(), n[1].as_f64().unwrap())) > limit {
                    return false;
                }
            }
        }
    }
    if let Some(d) = item.get("date") {
        let s = e.date.start.as_deref();
        let end = e.date.end.as_deref().or(s);
        if let Some(y) = d.get("not_year") {
            return s.is_some_and(|s| Some(&s[..4]) != y.as_u64().map(|y| y.to_string()).as_deref());
        }
        let Some(s) = s else { return false };
        let end = end.unwrap();
        if d.get("start").is_some_and(|v| v != s)
            || d.get("end").is_some_and(|v| v != end)
            || d.get("start_between").is_some_and(|r| !between(s, r))
            || d.get("end_between").is_some_and(|r| !between(end, r))
        {
            return false;
        }
    }
    let names: Vec<&str> = [&e.actor1, &e.actor2].into_iter().flatten().map(|a| a.name.as_str()).collect();
    for pat in item.get("actors_all").and_then(Value::as_array).into_iter().flatten() {
        let re = Regex::new(pat.as_str().unwrap()).unwrap();
        if !names.iter().any(|n| re.is_match(n)) {
            return false;
        }
    }
    item.get("scope").is_none_or(|s| s == e.scope.as_str())
}

fn field_errors(e: &Event, item: &Value) -> Vec<String> {
    let mut errs = vec![];
    if item.get("sub_event_type").is_some_and(|s| s != e.sub_event_type.as_str()) {
        errs.push(format!("sub_event_type {}", e.sub_event_type));
    }
    if item.get("plover_event").is_some_and(|s| s != e.plover.event.as_str()) {
        errs.push(format!("plover {}", e.plover.event));
    }
    match item.get("fatalities") {
        Some(Value::Null) if e.fatalities.as_ref().is_some_and(|f| f.min.unwrap_or(0) != 0) => {
            errs.push("fatalities where the text gives none".into());
        }
        Some(Value::String(s))
            if s == "null_or_vague" && e.fatalities.as_ref().is_some_and(|f| f.qualifier.as_str() != "vague") =>
        {
            errs.push("fatalities not vague".into());
        }
        Some(Value::Object(o)) => {
            for (k, v) in o {
                let got = e.fatalities.as_ref().and_then(|f| if k == "min" { f.min } else { f.max });
                if got.map(u64::from) != v.as_u64() {
                    errs.push(format!("fatalities.{k} {got:?} != {v}"));
                }
            }
        }
        _ => {}
    }
    errs
}

/// rasd's records for the bundled seed report.
fn seed_events() -> Vec<Event> {
    let lex = Lexicon::bundled().unwrap();
    let line = include_str!("data/seed/libya-2019-africom.jsonl").lines().next().unwrap();
    let v: Value = serde_json::from_str(line).unwrap();
    let doc = Document {
        id: v["id"].as_str().unwrap().into(),
        text: v["text"].as_str().unwrap().into(),
        published: v["published"].as_str().map(str::to_string),
        ..Default::default()
    };
    let events = Extractor::new(&lex, Options::default()).extract(&doc).unwrap();
    events
}

#[test]
fn seed_report_matches_its_gold_exactly() {
    let events = seed_events();
    let gold: Value = serde_json::from_str(include_str!("data/seed/libya-2019-africom.json")).unwrap();
    let items = gold["gold"].as_array().unwrap();
    let mut used = vec![false; events.len()];
    let mut errors = vec![];
    for it in items {
        let exact =
            events.iter().enumerate().find(|(i, e)| !used[*i] && core_match(e, it) && field_errors(e, it).is_empty());
        let any = exact.or_else(|| events.iter().enumerate().find(|(i, e)| !used[*i] && core_match(e, it)));
        match any {
            Some((i, e)) => {
                used[i] = true;
                let fe = field_errors(e, it);
                if !fe.is_empty() {
                    errors.push(format!("WRONG {}: {}", it["label"], fe.join("; ")));
                }
            }
            None => errors.push(format!("MISSED {}", it["label"])),
        }
    }
    for (i, e) in events.iter().enumerate() {
        for f in gold["forbidden"].as_array().unwrap() {
            if core_match(e, f) {
                errors.push(format!("FORBIDDEN {}: {}", e.id, f["label"]));
            }
        }
        if !used[i] && !gold["optional"].as_array().unwrap().iter().any(|o| core_match(e, o)) {
            errors.push(format!("UNEXPECTED {}: {}", e.id, e.sub_event_type));
        }
    }
    let total: u32 = events
        .iter()
        .filter(|e| e.scope == Scope::Event && e.fatalities.as_ref().is_some_and(|f| f.qualifier.as_str() != "vague"))
        .filter_map(|e| e.fatalities.as_ref().and_then(|f| f.min))
        .sum();
    if u64::from(total) != gold["totals"]["sum_event_fatalities_min"].as_u64().unwrap() {
        errors.push(format!("TOTAL event fatalities {total}"));
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// When python3 and the shared scorer are there, the scorer itself agrees.
#[test]
fn seed_passes_the_shared_scorer_when_present() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/score.py");
    if !std::path::Path::new(root).exists() || std::process::Command::new("python3").arg("--version").output().is_err()
    {
        eprintln!("skipped: ../shared/eval/score.py or python3 not present");
        return;
    }
    let events = seed_events();
    let dir = std::env::temp_dir().join(format!("rasd-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("events.jsonl");
    let body: String = events.iter().map(|e| serde_json::to_string(e).unwrap() + "\n").collect();
    std::fs::write(&out, body).unwrap();
    let gold = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed/libya-2019-africom.json");
    let r = std::process::Command::new("python3").args([root, "seed", gold, out.to_str().unwrap()]).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stdout));
}
