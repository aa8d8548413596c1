//! score.py's per-record rules: `core_match` (is this record the gold item's happening?) and
//! `field_errors` (once matched, are its checked fields right?), plus the reasons a record fails
//! to match, for the report.
//!
//! Where score.py would stop with a `TypeError`/`AttributeError` on a record value (a `location`
//! that is a string, a `lat` that is text, a `fatalities` that is a number), the value counts as
//! absent: the condition that needed it fails (or, for `fatalities`, the record has no toll).
//! On every input score.py finishes on, the result is the script's.

use crate::gold::{DateWant, FatalitiesWant, GoldItem, PlaceWant};
use crate::json::{Json, Num};
use std::cmp::Ordering;

/// Great-circle distance in km, as score.py computes it (same formula and operation order).
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let ((la1, lo1), (la2, lo2)) = (a, b);
    let (p1, p2) = (la1.to_radians(), la2.to_radians());
    let (dp, dl) = (p2 - p1, (lo2 - lo1).to_radians());
    let h = (dp / 2.0).sin().powf(2.0) + p1.cos() * p2.cos() * (dl / 2.0).sin().powf(2.0);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The names of `actor1`, `actor2` and every `assoc_actor1`/`assoc_actor2` entry, empty ones
/// dropped (score.py's `actor_names`). Names that are not strings are dropped too.
pub fn actor_names(rec: &Json) -> Vec<&str> {
    let mut names = Vec::new();
    for key in ["actor1", "actor2"] {
        names.push(rec[key].dict_or_empty()["name"].as_str().unwrap_or(""));
    }
    for key in ["assoc_actor1", "assoc_actor2"] {
        if let Json::Array(list) = &rec[key] {
            for a in list {
                names.push(a.dict_or_empty()["name"].as_str().unwrap_or(""));
            }
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Why a record is not a gold item's happening (the first failed test of each part).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Miss {
    EventType,
    EventTypeIn,
    Country,
    NoCoordinates,
    Lat,
    Lon,
    Near(f64),
    Date(DateMiss),
    Actor(usize),
    Scope,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum DateMiss {
    NotYear,
    NoStart,
    Start,
    End,
    StartBetween,
    EndBetween,
}

/// score.py's `core_match`: same happening (type, place, date, actors, scope).
pub fn core_match(rec: &Json, item: &GoldItem) -> bool {
    core_misses(rec, item, false).is_empty()
}

/// Every part of `core_match` that fails, in words (empty exactly when `core_match` holds).
pub fn core_failures(rec: &Json, item: &GoldItem) -> Vec<String> {
    core_misses(rec, item, true).iter().map(|m| describe_miss(m, rec, item)).collect()
}

/// The failed parts in score.py's order; stops at the first unless `all`.
pub(crate) fn core_misses(rec: &Json, item: &GoldItem, all: bool) -> Vec<Miss> {
    let mut out = Vec::new();
    macro_rules! fail {
        ($m:expr) => {{
            out.push($m);
            if !all {
                return out;
            }
        }};
    }
    if let Some(want) = &item.event_type {
        if &rec["event_type"] != want {
            fail!(Miss::EventType);
        }
    }
    if let Some(list) = &item.event_type_in {
        if !list.contains(&rec["event_type"]) {
            fail!(Miss::EventTypeIn);
        }
    }
    if let Some(want) = &item.place {
        if let Err(m) = place_check(rec, want) {
            fail!(m);
        }
    }
    if let Some(want) = &item.date {
        if let Err(m) = date_check(rec, want) {
            fail!(Miss::Date(m));
        }
    }
    if !item.actors_all.is_empty() {
        let names = actor_names(rec);
        for (n, p) in item.actors_all.iter().enumerate() {
            if !names.iter().any(|name| p.is_match(name)) {
                fail!(Miss::Actor(n));
            }
        }
    }
    if let Some(want) = &item.scope {
        if !scope_ok(rec, want) {
            fail!(Miss::Scope);
        }
    }
    out
}

/// `(rec.get("scope") or "event") == want`.
pub(crate) fn scope_ok(rec: &Json, want: &Json) -> bool {
    let got = &rec["scope"];
    if got.truthy() {
        got == want
    } else {
        want.as_str() == Some("event")
    }
}

/// A record coordinate as a number; `None` when absent or not a number.
fn coord(v: &Json) -> Option<Num> {
    v.num()
}

fn within(lo: f64, v: Num, hi: f64) -> bool {
    matches!(Num::Float(lo).cmp(v), Some(Ordering::Less | Ordering::Equal))
        && matches!(v.cmp(Num::Float(hi)), Some(Ordering::Less | Ordering::Equal))
}

/// score.py's `place_ok`, telling which test failed.
pub(crate) fn place_check(rec: &Json, want: &PlaceWant) -> Result<(), Miss> {
    let loc = rec["location"].dict_or_empty();
    if let Some(c) = &want.country {
        if &loc["country"] != c {
            return Err(Miss::Country);
        }
    }
    if want.has_coordinates() {
        let (lat, lon) = (&loc["lat"], &loc["lon"]);
        if lat.is_null() || lon.is_null() {
            return Err(Miss::NoCoordinates);
        }
        if let Some((lo, hi)) = want.lat_range {
            if !coord(lat).is_some_and(|v| within(lo, v, hi)) {
                return Err(Miss::Lat);
            }
        }
        if let Some((lo, hi)) = want.lon_range {
            if !coord(lon).is_some_and(|v| within(lo, v, hi)) {
                return Err(Miss::Lon);
            }
        }
        if let Some(near) = want.near {
            let (Some(la), Some(lo)) = (coord(lat), coord(lon)) else { return Err(Miss::NoCoordinates) };
            let d = km((la.to_f64(), lo.to_f64()), near);
            if d > want.radius_km() {
                return Err(Miss::Near(d));
            }
        }
    }
    Ok(())
}

/// The record's distance from the gold's `near` point, when both are known.
pub(crate) fn distance_to(rec: &Json, near: (f64, f64)) -> Option<f64> {
    let loc = rec["location"].dict_or_empty();
    let (la, lo) = (coord(&loc["lat"])?, coord(&loc["lon"])?);
    Some(km((la.to_f64(), lo.to_f64()), near))
}

fn str_between(lo: &str, v: &Json, hi: &str) -> bool {
    v.as_str().is_some_and(|s| lo <= s && s <= hi)
}

/// score.py's `date_ok`, telling which test failed.
pub(crate) fn date_check(rec: &Json, want: &DateWant) -> Result<(), DateMiss> {
    let d = rec["date"].dict_or_empty();
    let s = &d["start"];
    let e = if d["end"].truthy() { &d["end"] } else { s };
    if let Some(year) = &want.not_year {
        // `s is not None and s[:4] != str(want["not_year"])`; a list start slices to a list, which
        // is never equal to a string; other non-strings raise in Python.
        return match s {
            Json::Str(st) => {
                let head: String = st.chars().take(4).collect();
                if head != year.py_str() {
                    Ok(())
                } else {
                    Err(DateMiss::NotYear)
                }
            }
            Json::Array(_) => Ok(()),
            _ => Err(DateMiss::NotYear),
        };
    }
    if s.is_null() {
        return Err(DateMiss::NoStart);
    }
    if let Some(start) = &want.start {
        if s.as_str() != Some(start) {
            return Err(DateMiss::Start);
        }
    }
    if let Some(end) = &want.end {
        if e.as_str() != Some(end) {
            return Err(DateMiss::End);
        }
    }
    if let Some((lo, hi)) = &want.start_between {
        if !str_between(lo, s, hi) {
            return Err(DateMiss::StartBetween);
        }
    }
    if let Some((lo, hi)) = &want.end_between {
        if !str_between(lo, e, hi) {
            return Err(DateMiss::EndBetween);
        }
    }
    Ok(())
}

fn place_name(loc: &Json) -> String {
    loc["name"].as_str().map_or_else(|| "the unnamed place".to_string(), str::to_string)
}

fn describe_miss(m: &Miss, rec: &Json, item: &GoldItem) -> String {
    let loc = rec["location"].dict_or_empty();
    let date = rec["date"].dict_or_empty();
    let want = |v: &Option<Json>| v.as_ref().map(Json::repr).unwrap_or_default();
    match m {
        Miss::EventType => format!("event_type {} != {}", rec["event_type"].repr(), want(&item.event_type)),
        Miss::EventTypeIn => {
            let list = Json::Array(item.event_type_in.clone().unwrap_or_default());
            format!("event_type {} not in {}", rec["event_type"].repr(), list.repr())
        }
        Miss::Country => {
            let c = item.place.as_ref().and_then(|p| p.country.clone()).unwrap_or(Json::Null);
            format!("place: country {} != {}", loc["country"].repr(), c.repr())
        }
        Miss::NoCoordinates => format!("place: no coordinates for {}", place_name(loc)),
        Miss::Lat | Miss::Lon => {
            let p = item.place.as_ref();
            let (key, range) = if *m == Miss::Lat {
                ("lat", p.and_then(|p| p.lat_range))
            } else {
                ("lon", p.and_then(|p| p.lon_range))
            };
            let (lo, hi) = range.unwrap_or_default();
            format!("place: {key} {} outside [{lo}, {hi}] ({})", loc[key].repr(), place_name(loc))
        }
        Miss::Near(d) => {
            let p = item.place.as_ref();
            let (la, lo) = p.and_then(|p| p.near).unwrap_or_default();
            let r = p.map(PlaceWant::radius_km).unwrap_or(30.0);
            format!("place: {} is {d:.0} km from [{la}, {lo}] (at most {r} km)", place_name(loc))
        }
        Miss::Date(dm) => {
            let w = item.date.clone().unwrap_or_default();
            let (s, e) = (&date["start"], if date["end"].truthy() { &date["end"] } else { &date["start"] });
            match dm {
                DateMiss::NotYear => format!(
                    "date: start {} is in the year {} (or missing)",
                    s.repr(),
                    w.not_year.map(|y| y.py_str()).unwrap_or_default()
                ),
                DateMiss::NoStart => "date: no start date".to_string(),
                DateMiss::Start => format!("date: start {} != {:?}", s.repr(), w.start.unwrap_or_default()),
                DateMiss::End => format!("date: end {} != {:?}", e.repr(), w.end.unwrap_or_default()),
                DateMiss::StartBetween => {
                    let (a, b) = w.start_between.unwrap_or_default();
                    format!("date: start {} not in [{a}, {b}]", s.repr())
                }
                DateMiss::EndBetween => {
                    let (a, b) = w.end_between.unwrap_or_default();
                    format!("date: end {} not in [{a}, {b}]", e.repr())
                }
            }
        }
        Miss::Actor(n) => {
            let names = actor_names(rec);
            let shown = if names.is_empty() { "no actor names".to_string() } else { names.join(", ") };
            format!("actors: /{}/ not found in {shown}", item.actors_all[*n].pattern)
        }
        Miss::Scope => {
            let got = if rec["scope"].truthy() { rec["scope"].clone() } else { Json::from("event") };
            format!("scope {} != {}", got.repr(), want(&item.scope))
        }
    }
}

/// score.py's `field_errors`: the checked fields (sub-event type, PLOVER event, fatalities) that
/// are wrong on a matched record, in the script's words.
pub fn field_errors(rec: &Json, item: &GoldItem) -> Vec<String> {
    let mut errs = Vec::new();
    if let Some(want) = &item.sub_event_type {
        let got = &rec["sub_event_type"];
        if got != want {
            errs.push(format!("sub_event_type {} != {}", got.repr(), want.repr()));
        }
    }
    if let Some(want) = &item.plover_event {
        let got = &rec["plover"].dict_or_empty()["event"];
        if got != want {
            errs.push(format!("plover.event {} != {}", got.repr(), want.repr()));
        }
    }
    if let Some(want) = &item.fatalities {
        errs.extend(fatality_errors(rec, want));
    }
    errs
}

pub(crate) fn fatality_errors(rec: &Json, want: &FatalitiesWant) -> Vec<String> {
    let got = &rec["fatalities"];
    // A non-object toll makes score.py raise; it counts as no toll here.
    let dict = matches!(got, Json::Object(_));
    let mut errs = Vec::new();
    match want {
        FatalitiesWant::NoToll => {
            if dict && got.truthy() && got["min"].truthy() {
                errs.push(format!("fatalities {} where the text gives none", got.py_str()));
            }
        }
        FatalitiesWant::NullOrVague => {
            if dict && got.truthy() && got["qualifier"].as_str() != Some("vague") {
                errs.push(format!("fatalities {} where the text gives only a vague toll", got.py_str()));
            }
        }
        FatalitiesWant::Fields(fields) => {
            let have = dict && got.truthy();
            for (k, v) in fields {
                let g = if have { &got[k.as_str()] } else { &Json::Null };
                if !have || g != v {
                    errs.push(format!("fatalities.{k} {} != {}", g.repr(), v.repr()));
                }
            }
        }
    }
    errs
}

/// The record's fatality minimum as score.py's `totals` sums it, or `None` when the record does not
/// count (scope other than `event`, or a `vague` toll).
pub(crate) fn total_contribution(rec: &Json) -> Option<Num> {
    if !scope_ok(rec, &Json::from("event")) {
        return None;
    }
    let f = rec["fatalities"].dict_or_empty();
    if f["qualifier"].as_str() == Some("vague") {
        return None;
    }
    let min = &f["min"];
    Some(if min.truthy() { min.num().unwrap_or(Num::Int(0)) } else { Num::Int(0) })
}

/// Beyond score.py: date right in the sense of the gold's bounds (`start`/`end` exact,
/// `*_between` inside). `None` when the gold gives no such bound.
pub(crate) fn date_right(rec: &Json, want: &DateWant) -> Option<bool> {
    let bounds = DateWant { not_year: None, ..want.clone() };
    if bounds.start.is_none() && bounds.end.is_none() && bounds.start_between.is_none() && bounds.end_between.is_none()
    {
        return None;
    }
    Some(date_check(rec, &bounds).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::parse_gold;

    /// A gold item from its JSON, as it would stand in a gold file.
    fn item(json: &str) -> GoldItem {
        let text = format!(r#"{{"doc_id": "d", "gold": [{json}]}}"#);
        parse_gold(&text, "test").unwrap().remove(0).gold.remove(0)
    }

    fn rec(json: &str) -> Json {
        Json::parse(json).unwrap()
    }

    #[test]
    fn event_type_and_type_lists() {
        let it = item(r#"{"label": "x", "event_type": "Battles"}"#);
        assert!(core_match(&rec(r#"{"event_type": "Battles"}"#), &it));
        assert!(!core_match(&rec(r#"{"event_type": "Riots"}"#), &it));
        assert!(!core_match(&rec("{}"), &it));
        let it = item(r#"{"label": "x", "event_type_in": ["Strategic developments", "Riots"]}"#);
        assert!(core_match(&rec(r#"{"event_type": "Riots"}"#), &it));
        assert!(!core_match(&rec(r#"{"event_type": "Battles"}"#), &it));
        assert_eq!(
            core_failures(&rec(r#"{"event_type": "Battles"}"#), &it),
            ["event_type 'Battles' not in ['Strategic developments', 'Riots']"]
        );
    }

    #[test]
    fn place_country_ranges_and_near() {
        let it = item(r#"{"label": "x", "place": {"country": "LY", "lat_range": [22, 29], "lon_range": [9.0, 20.0]}}"#);
        assert!(core_match(&rec(r#"{"location": {"country": "LY", "lat": 27.03766, "lon": 14.42832}}"#), &it));
        assert!(core_match(&rec(r#"{"location": {"country": "LY", "lat": 22, "lon": 20}}"#), &it), "bounds inclusive");
        assert!(!core_match(&rec(r#"{"location": {"country": "LY", "lat": 32.9, "lon": 13.2}}"#), &it));
        assert!(!core_match(&rec(r#"{"location": {"country": "TN", "lat": 27.0, "lon": 14.4}}"#), &it));
        assert!(!core_match(&rec(r#"{"location": {"country": "LY", "lat": null, "lon": 14.4}}"#), &it));
        assert!(!core_match(&rec(r#"{"location": "Libya"}"#), &it), "a string location counts as none");
        // Country only: coordinates are not needed.
        let it = item(r#"{"label": "x", "place": {"country": "LY"}}"#);
        assert!(core_match(&rec(r#"{"location": {"country": "LY", "lat": null, "lon": null}}"#), &it));
        assert!(!core_match(&rec("{}"), &it));
        // near: 30 km by default, `km` widens it. Murzuq (25.9155, 13.9184) to al-Qatrun area.
        let near = item(r#"{"label": "x", "place": {"near": [24.9514, 14.6486]}}"#);
        let wide = item(r#"{"label": "x", "place": {"near": [24.9514, 14.6486], "km": 140}}"#);
        let murzuq = rec(r#"{"location": {"lat": 25.9155, "lon": 13.9184}}"#);
        let d = km((25.9155, 13.9184), (24.9514, 14.6486));
        assert!((d - 130.0).abs() < 5.0, "{d}");
        assert!(!core_match(&murzuq, &near) && core_match(&murzuq, &wide));
        assert_eq!(
            core_failures(&murzuq, &near),
            [format!("place: the unnamed place is {d:.0} km from [24.9514, 14.6486] (at most 30 km)")]
        );
    }

    #[test]
    fn lat_range_alone_never_touches_a_text_lon() {
        // score.py would only raise if it compared `lon`; with a lat range alone it does not.
        let it = item(r#"{"label": "x", "place": {"lat_range": [22, 29]}}"#);
        assert!(core_match(&rec(r#"{"location": {"lat": 25, "lon": "east"}}"#), &it));
    }

    #[test]
    fn dates() {
        let exact = item(r#"{"label": "x", "date": {"start": "2019-09-29", "end": "2019-09-29"}}"#);
        assert!(core_match(&rec(r#"{"date": {"start": "2019-09-29", "end": null}}"#), &exact), "end defaults to start");
        assert!(core_match(&rec(r#"{"date": {"start": "2019-09-29", "end": ""}}"#), &exact), "a falsy end too");
        assert!(!core_match(&rec(r#"{"date": {"start": "2019-09-29", "end": "2019-09-30"}}"#), &exact));
        let between =
            item(r#"{"label": "x", "date": {"start": "2019-09-19", "end_between": ["2019-09-29", "2019-10-02"]}}"#);
        assert!(core_match(&rec(r#"{"date": {"start": "2019-09-19", "end": "2019-10-02"}}"#), &between));
        assert!(!core_match(&rec(r#"{"date": {"start": "2019-09-19", "end": "2019-10-03"}}"#), &between));
        assert!(!core_match(&rec(r#"{"date": {"start": null}}"#), &between));
        let window = item(r#"{"label": "x", "date": {"start_between": ["2019-09-19", "2019-10-02"]}}"#);
        assert!(core_match(&rec(r#"{"date": {"start": "2019-10-02"}}"#), &window));
        assert!(!core_match(&rec(r#"{"date": {"start": "2019-10-02T10"}}"#), &window), "string order, as Python");
        assert!(!core_match(&rec(r#"{"date": {"start": 20191001}}"#), &window));
    }

    #[test]
    fn not_year_decides_alone() {
        let it = item(r#"{"label": "x", "date": {"not_year": 2019, "start": "2017-01-20"}}"#);
        assert!(core_match(&rec(r#"{"date": {"start": "2017-01-20"}}"#), &it));
        assert!(core_match(&rec(r#"{"date": {"start": "2018-05-01"}}"#), &it), "other keys are not looked at");
        assert!(!core_match(&rec(r#"{"date": {"start": "2019-09-29"}}"#), &it));
        assert!(!core_match(&rec(r#"{"date": {"start": null}}"#), &it), "undated records are in no year");
        let s = item(r#"{"label": "x", "date": {"not_year": "2019"}}"#);
        assert!(!core_match(&rec(r#"{"date": {"start": "2019-09-29"}}"#), &s));
    }

    #[test]
    fn actors_are_python_regex_searches() {
        let it =
            item(r#"{"label": "x", "actors_all": ["United States|U\\.S\\.|AFRICOM|US ", "Islamic State|\\bIS\\b"]}"#);
        let us_is = rec(
            r#"{"actor1": {"name": "Military Forces of the United States"}, "actor2": {"name": "Islamic State (Libya)"}}"#,
        );
        assert!(core_match(&us_is, &it));
        let assoc =
            rec(r#"{"actor1": {"name": "AFRICOM"}, "actor2": null, "assoc_actor2": [null, {"name": "IS fighters"}]}"#);
        assert!(core_match(&assoc, &it), "assoc actors count");
        let is_word = rec(r#"{"actor1": {"name": "AFRICOM"}, "actor2": {"name": "ISIS remnants"}}"#);
        assert!(!core_match(&is_word, &it), "\\bIS\\b is a word");
        assert_eq!(
            core_failures(&is_word, &it),
            ["actors: /Islamic State|\\bIS\\b/ not found in AFRICOM, ISIS remnants"]
        );
        assert!(!core_match(&rec(r#"{"actor1": {"name": "Military Forces of the U.S.A"}}"#), &it));
        // Look-behind, as in eval/dev/articles.gold.jsonl.
        let syria =
            item(r#"{"label": "x", "actors_all": ["Government of Syria|(?<!Free )Syrian (Arab )?([Aa]rmy|forces)"]}"#);
        assert!(core_match(&rec(r#"{"actor1": {"name": "Syrian Arab Army"}}"#), &syria));
        assert!(!core_match(&rec(r#"{"actor1": {"name": "Free Syrian Army"}}"#), &syria));
        assert_eq!(actor_names(&rec(r#"{"actor1": {"name": ""}, "assoc_actor1": {"name": "x"}}"#)), Vec::<&str>::new());
    }

    #[test]
    fn scope_defaults_to_event() {
        let ev = item(r#"{"label": "x", "scope": "event"}"#);
        let cu = item(r#"{"label": "x", "scope": "cumulative"}"#);
        assert!(core_match(&rec("{}"), &ev) && core_match(&rec(r#"{"scope": null}"#), &ev));
        assert!(!core_match(&rec("{}"), &cu));
        assert!(core_match(&rec(r#"{"scope": "cumulative"}"#), &cu));
    }

    #[test]
    fn failures_list_every_part() {
        let it = item(
            r#"{"label": "x", "event_type": "Battles", "place": {"country": "LY"}, "date": {"start": "2019-09-29"}, "scope": "event"}"#,
        );
        let r = rec(
            r#"{"event_type": "Riots", "location": {"country": "TN"}, "date": {"start": "2019-09-28"}, "scope": "cumulative"}"#,
        );
        assert_eq!(
            core_failures(&r, &it),
            [
                "event_type 'Riots' != 'Battles'",
                "place: country 'TN' != 'LY'",
                "date: start '2019-09-28' != \"2019-09-29\"",
                "scope 'cumulative' != 'event'"
            ]
        );
        assert!(!core_match(&r, &it));
    }

    #[test]
    fn field_errors_sub_type_and_plover() {
        let it = item(r#"{"label": "x", "sub_event_type": "Air/drone strike", "plover_event": "ASSAULT"}"#);
        assert!(field_errors(&rec(r#"{"sub_event_type": "Air/drone strike", "plover": {"event": "ASSAULT"}}"#), &it)
            .is_empty());
        assert_eq!(
            field_errors(&rec(r#"{"sub_event_type": "Armed clash", "plover": null}"#), &it),
            ["sub_event_type 'Armed clash' != 'Air/drone strike'", "plover.event None != 'ASSAULT'"]
        );
    }

    #[test]
    fn fatalities_null_means_no_nonzero_minimum() {
        let it = item(r#"{"label": "x", "fatalities": null}"#);
        for ok in [
            "{}",
            r#"{"fatalities": null}"#,
            r#"{"fatalities": {}}"#,
            r#"{"fatalities": {"min": 0, "max": 5}}"#,
            r#"{"fatalities": {"min": null, "qualifier": "vague"}}"#,
            r#"{"fatalities": {"min": 0.0}}"#,
        ] {
            assert!(field_errors(&rec(ok), &it).is_empty(), "{ok}");
        }
        assert_eq!(
            field_errors(&rec(r#"{"fatalities": {"min": 7, "max": 7, "qualifier": "exact", "text": "سبعة"}}"#), &it),
            ["fatalities {'min': 7, 'max': 7, 'qualifier': 'exact', 'text': 'سبعة'} where the text gives none"]
        );
    }

    #[test]
    fn fatalities_null_or_vague() {
        let it = item(r#"{"label": "x", "fatalities": "null_or_vague"}"#);
        assert!(field_errors(&rec(r#"{"fatalities": null}"#), &it).is_empty());
        assert!(field_errors(&rec(r#"{"fatalities": {}}"#), &it).is_empty());
        assert!(field_errors(&rec(r#"{"fatalities": {"min": 12, "qualifier": "vague"}}"#), &it).is_empty());
        assert_eq!(
            field_errors(&rec(r#"{"fatalities": {"min": 3, "qualifier": "exact"}}"#), &it),
            ["fatalities {'min': 3, 'qualifier': 'exact'} where the text gives only a vague toll"]
        );
    }

    #[test]
    fn fatalities_fields_in_gold_order() {
        let it = item(r#"{"label": "x", "fatalities": {"max": 7, "min": 7, "qualifier": "exact"}}"#);
        assert!(field_errors(&rec(r#"{"fatalities": {"min": 7.0, "max": 7, "qualifier": "exact"}}"#), &it).is_empty());
        assert_eq!(
            field_errors(&rec(r#"{"fatalities": {"min": 6, "max": null, "qualifier": "exact"}}"#), &it),
            ["fatalities.max None != 7", "fatalities.min 6 != 7"]
        );
        assert_eq!(field_errors(&rec(r#"{"fatalities": {}}"#), &it).len(), 3, "an empty toll misses every key");
        assert_eq!(field_errors(&rec(r#"{"fatalities": null}"#), &it)[0], "fatalities.max None != 7");
    }

    #[test]
    fn totals_contribution() {
        assert_eq!(total_contribution(&rec(r#"{"fatalities": {"min": 7}}"#)).map(|n| n.to_f64()), Some(7.0));
        assert!(total_contribution(&rec(r#"{"scope": "cumulative", "fatalities": {"min": 43}}"#)).is_none());
        assert!(total_contribution(&rec(r#"{"fatalities": {"min": 12, "qualifier": "vague"}}"#)).is_none());
        assert_eq!(total_contribution(&rec(r#"{"fatalities": null}"#)).map(|n| n.to_f64()), Some(0.0));
    }
}
