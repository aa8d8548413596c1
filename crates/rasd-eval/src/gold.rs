//! Gold files: one document's gold object (`shared/gold/*.json`) or JSONL with one a line.
//!
//! Unknown keys (`note`, annotators' remarks) are ignored as score.py ignores them. A key score.py
//! reads must have a type it can use; anything else is an error naming the file, the line (JSONL)
//! and the path of the key, e.g. `gold.jsonl:3: gold[1].place.near: expected an array of two
//! numbers, found 'Murzuq'`.

use crate::json::Json;
use crate::{parse_json_lines, read_text, EvalError};
use fancy_regex::Regex;
use std::path::Path;

/// One document's gold: the items rasd must find, the ones it may find, the ones it must not, and
/// an optional check on the sum of its event-scope fatalities.
#[derive(Debug, Clone)]
pub struct Gold {
    pub doc_id: String,
    pub published: Option<String>,
    /// Each must be matched by exactly one record with every checked field right.
    pub gold: Vec<GoldItem>,
    /// Records matching one of these are neither rewarded nor penalised.
    pub optional: Vec<GoldItem>,
    /// A record matching one of these is an error.
    pub forbidden: Vec<GoldItem>,
    /// `None` when absent, `null` or `{}` (score.py's `if tot:`).
    pub totals: Option<Totals>,
    /// Where it was read: `file:line` for JSONL, `file` for a single object.
    pub origin: String,
}

/// A gold, optional or forbidden item. Every `Some` field is a condition; see
/// [`core_match`](crate::core_match) and [`field_errors`](crate::field_errors).
#[derive(Debug, Clone, Default)]
pub struct GoldItem {
    /// Required on gold and forbidden items (score.py prints it); `""` when an optional item has none.
    pub label: String,
    pub event_type: Option<Json>,
    pub event_type_in: Option<Vec<Json>>,
    /// Checked once matched, as are `plover_event` and `fatalities`.
    pub sub_event_type: Option<Json>,
    pub plover_event: Option<Json>,
    pub place: Option<PlaceWant>,
    pub date: Option<DateWant>,
    /// Every pattern must be found (Python `re.search`) in some actor name of the record.
    pub actors_all: Vec<ActorPattern>,
    /// Compared with the record's `scope`, which defaults to `"event"`.
    pub scope: Option<Json>,
    pub fatalities: Option<FatalitiesWant>,
}

/// `place`: every given part must hold.
#[derive(Debug, Clone, Default)]
pub struct PlaceWant {
    /// Compared with `location.country` (ISO alpha-2); `Some(Json::Null)` asks for a null country.
    pub country: Option<Json>,
    pub lat_range: Option<(f64, f64)>,
    pub lon_range: Option<(f64, f64)>,
    /// `[lat, lon]`: the record's coordinates must be within `km` (default 30) of it.
    pub near: Option<(f64, f64)>,
    pub km: Option<f64>,
}

impl PlaceWant {
    /// The radius of `near` (score.py's default 30 km).
    pub fn radius_km(&self) -> f64 {
        self.km.unwrap_or(30.0)
    }

    /// Whether the record's coordinates are checked at all.
    pub fn has_coordinates(&self) -> bool {
        self.lat_range.is_some() || self.lon_range.is_some() || self.near.is_some()
    }
}

/// `date`: `not_year` alone decides when present; otherwise every given part must hold, with the
/// record's `end` defaulting to its `start`.
#[derive(Debug, Clone, Default)]
pub struct DateWant {
    /// Matches records dated in any other year (an integer or a string; compared with `str()`).
    pub not_year: Option<Json>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub start_between: Option<(String, String)>,
    pub end_between: Option<(String, String)>,
}

/// `fatalities` of a gold item.
#[derive(Debug, Clone, PartialEq)]
pub enum FatalitiesWant {
    /// `null`: the text gives no toll; a record with a non-zero `min` is wrong.
    NoToll,
    /// `"null_or_vague"`: no toll, or one whose qualifier is `vague`.
    NullOrVague,
    /// `{min, max, qualifier, …}`: each key must equal the record's, in this (file) order.
    Fields(Vec<(String, Json)>),
}

/// A Python regular expression from `actors_all`, compiled with `fancy-regex` (the `regex` crate's
/// engine plus backtracking for what it lacks: look-around, as in the dev gold's
/// `(?<!Free )Syrian`, back-references, atomic groups).
///
/// The pattern is first rewritten where Python reads it differently (`\w`/`\b` without combining
/// marks, `$` before a final newline, `\Z`, literal `[` in classes: see `pyre.rs`), so matches are
/// Python's. Patterns neither engine reads are rejected when the gold is read. A search that
/// exceeds fancy-regex's backtracking limit counts as no match (Python would take as long as it
/// needs).
#[derive(Debug, Clone)]
pub struct ActorPattern {
    pub pattern: String,
    regex: Regex,
}

impl ActorPattern {
    pub fn new(pattern: &str) -> Result<ActorPattern, Box<fancy_regex::Error>> {
        Ok(ActorPattern {
            pattern: pattern.to_string(),
            regex: Regex::new(&crate::pyre::translate(pattern)).map_err(Box::new)?,
        })
    }

    /// Python's `re.search(pattern, name)` is truthy.
    pub fn is_match(&self, name: &str) -> bool {
        self.regex.is_match(name).unwrap_or(false)
    }
}

/// `totals`: the event-scope, non-vague fatality minimums of all the document's records must add up
/// to this.
#[derive(Debug, Clone)]
pub struct Totals {
    pub label: String,
    /// An integer or a float, compared with Python's `!=`.
    pub sum_event_fatalities_min: Json,
}

/// Reads a gold file: a single JSON object (as `shared/gold/*.json`), a JSON array of them, or JSONL
/// with one object a line (blank lines skipped).
pub fn read_gold(path: &Path) -> Result<Vec<Gold>, EvalError> {
    let text = read_text(path)?;
    parse_gold(&text, &path.display().to_string())
}

/// [`read_gold`] on text; `origin` names it in errors (usually the file path).
pub fn parse_gold(text: &str, origin: &str) -> Result<Vec<Gold>, EvalError> {
    match Json::parse(text) {
        Ok(Json::Array(all)) => {
            all.iter().enumerate().map(|(n, v)| Gold::from_json(v, &format!("{origin}: [{n}]"))).collect()
        }
        Ok(v) => Ok(vec![Gold::from_json(&v, origin)?]),
        Err(whole) => {
            // JSONL when the first non-blank line is JSON by itself; otherwise the error is the
            // whole-file one (a pretty-printed object with a mistake in it).
            let first = crate::py_lines(text).map(|(_, l)| crate::py_strip(l)).find(|l| !l.is_empty());
            if first.is_some_and(|l| Json::parse(l).is_ok()) {
                parse_json_lines(text, origin)?
                    .iter()
                    .map(|(n, v)| Gold::from_json(v, &format!("{origin}:{n}")))
                    .collect()
            } else {
                Err(EvalError::Json { origin: origin.to_string(), source: whole })
            }
        }
    }
}

impl Gold {
    /// Reads one gold object; `origin` (e.g. `gold.jsonl:3`) names it in errors.
    pub fn from_json(v: &Json, origin: &str) -> Result<Gold, EvalError> {
        let at = At { origin };
        let obj = at.object(v, "")?;
        let doc_id = match obj.get("doc_id") {
            Some(Json::Str(s)) => s.clone(),
            Some(other) => return Err(at.wrong("doc_id", "a string", other)),
            None => return Err(at.err("doc_id", "missing (every gold object names its document)")),
        };
        let published = match obj.get_or_null("published") {
            Json::Null => None,
            Json::Str(s) => Some(s.clone()),
            other => return Err(at.wrong("published", "a date string or null", other)),
        };
        let items = |key: &str, labelled: bool| -> Result<Vec<GoldItem>, EvalError> {
            match obj.get(key) {
                None => Ok(Vec::new()),
                Some(Json::Array(a)) => a
                    .iter()
                    .enumerate()
                    .map(|(n, it)| GoldItem::from_json(it, &at, &format!("{key}[{n}]"), labelled))
                    .collect(),
                Some(other) => Err(at.wrong(key, "an array of items", other)),
            }
        };
        let totals = match obj.get_or_null("totals") {
            t if !t.truthy() => None,
            Json::Object(_) => {
                let t = obj.get_or_null("totals");
                let label =
                    at.string(t.get("label"), "totals.label")?.ok_or_else(|| at.err("totals.label", "missing"))?;
                let sum = match t.get("sum_event_fatalities_min") {
                    Some(n @ (Json::Int(_) | Json::Float(_))) => n.clone(),
                    Some(other) => return Err(at.wrong("totals.sum_event_fatalities_min", "a number", other)),
                    None => return Err(at.err("totals.sum_event_fatalities_min", "missing")),
                };
                Some(Totals { label, sum_event_fatalities_min: sum })
            }
            other => return Err(at.wrong("totals", "an object", other)),
        };
        Ok(Gold {
            doc_id,
            published,
            gold: items("gold", true)?,
            optional: items("optional", false)?,
            forbidden: items("forbidden", true)?,
            totals,
            origin: origin.to_string(),
        })
    }
}

impl GoldItem {
    fn from_json(v: &Json, at: &At, path: &str, labelled: bool) -> Result<GoldItem, EvalError> {
        let obj = at.object(v, path)?;
        let key = |k: &str| format!("{path}.{k}");
        let label = match at.string(obj.get("label"), &key("label"))? {
            Some(l) => l,
            None if labelled => return Err(at.err(&key("label"), "missing (score.py prints it)")),
            None => String::new(),
        };
        let event_type_in = match obj.get("event_type_in") {
            None => None,
            Some(Json::Array(a)) => Some(a.clone()),
            Some(other) => return Err(at.wrong(&key("event_type_in"), "an array", other)),
        };
        let place = match obj.get("place") {
            None => None,
            Some(p) => Some(PlaceWant::from_json(p, at, &key("place"))?),
        };
        let date = match obj.get("date") {
            None => None,
            Some(d) => Some(DateWant::from_json(d, at, &key("date"))?),
        };
        let actors_all = match obj.get("actors_all") {
            None => Vec::new(),
            Some(Json::Array(a)) => a
                .iter()
                .enumerate()
                .map(|(n, p)| {
                    let k = format!("{path}.actors_all[{n}]");
                    let s = p.as_str().ok_or_else(|| at.wrong(&k, "a regular expression string", p))?;
                    ActorPattern::new(s)
                        .map_err(|e| at.err(&k, &format!("pattern {} is not one fancy-regex reads: {e}", p.repr())))
                })
                .collect::<Result<_, _>>()?,
            Some(other) => return Err(at.wrong(&key("actors_all"), "an array of regular expressions", other)),
        };
        let fatalities = match obj.get("fatalities") {
            None => None,
            Some(Json::Null) => Some(FatalitiesWant::NoToll),
            Some(Json::Str(s)) if s == "null_or_vague" => Some(FatalitiesWant::NullOrVague),
            Some(Json::Object(m)) => Some(FatalitiesWant::Fields(m.clone())),
            Some(other) => return Err(at.wrong(&key("fatalities"), "null, \"null_or_vague\" or an object", other)),
        };
        Ok(GoldItem {
            label,
            event_type: obj.get("event_type").cloned(),
            event_type_in,
            sub_event_type: obj.get("sub_event_type").cloned(),
            plover_event: obj.get("plover_event").cloned(),
            place,
            date,
            actors_all,
            scope: obj.get("scope").cloned(),
            fatalities,
        })
    }
}

impl PlaceWant {
    fn from_json(v: &Json, at: &At, path: &str) -> Result<PlaceWant, EvalError> {
        let obj = at.object(v, path)?;
        let key = |k: &str| format!("{path}.{k}");
        let pair = |k: &str| -> Result<Option<(f64, f64)>, EvalError> {
            match obj.get(k) {
                None => Ok(None),
                Some(Json::Array(a)) if a.len() == 2 => match (a[0].as_f64(), a[1].as_f64()) {
                    (Some(x), Some(y)) if !matches!(a[0], Json::Bool(_)) && !matches!(a[1], Json::Bool(_)) => {
                        Ok(Some((x, y)))
                    }
                    _ => Err(at.wrong(&key(k), "an array of two numbers", &obj[k])),
                },
                Some(other) => Err(at.wrong(&key(k), "an array of two numbers", other)),
            }
        };
        let km = match obj.get("km") {
            None => None,
            Some(n @ (Json::Int(_) | Json::Float(_))) => n.as_f64(),
            Some(other) => return Err(at.wrong(&key("km"), "a number", other)),
        };
        Ok(PlaceWant {
            country: obj.get("country").cloned(),
            lat_range: pair("lat_range")?,
            lon_range: pair("lon_range")?,
            near: pair("near")?,
            km,
        })
    }
}

impl DateWant {
    fn from_json(v: &Json, at: &At, path: &str) -> Result<DateWant, EvalError> {
        let obj = at.object(v, path)?;
        let key = |k: &str| format!("{path}.{k}");
        let pair = |k: &str| -> Result<Option<(String, String)>, EvalError> {
            match obj.get(k) {
                None => Ok(None),
                Some(Json::Array(a)) if a.len() == 2 => match (&a[0], &a[1]) {
                    (Json::Str(x), Json::Str(y)) => Ok(Some((x.clone(), y.clone()))),
                    _ => Err(at.wrong(&key(k), "an array of two date strings", &obj[k])),
                },
                Some(other) => Err(at.wrong(&key(k), "an array of two date strings", other)),
            }
        };
        let not_year = match obj.get("not_year") {
            None => None,
            Some(y @ (Json::Int(_) | Json::Str(_))) => Some(y.clone()),
            Some(other) => return Err(at.wrong(&key("not_year"), "a year (integer or string)", other)),
        };
        Ok(DateWant {
            not_year,
            start: at.string(obj.get("start"), &key("start"))?,
            end: at.string(obj.get("end"), &key("end"))?,
            start_between: pair("start_between")?,
            end_between: pair("end_between")?,
        })
    }
}

/// Error context: where the gold object came from.
struct At<'a> {
    origin: &'a str,
}

impl At<'_> {
    fn err(&self, field: &str, message: &str) -> EvalError {
        EvalError::Gold { origin: self.origin.to_string(), field: field.to_string(), message: message.to_string() }
    }

    fn wrong(&self, field: &str, expected: &str, found: &Json) -> EvalError {
        let mut shown = found.repr();
        if shown.chars().count() > 60 {
            shown = shown.chars().take(57).collect::<String>() + "...";
        }
        self.err(field, &format!("expected {expected}, found {shown}"))
    }

    fn object<'j>(&self, v: &'j Json, path: &str) -> Result<&'j Json, EvalError> {
        match v {
            Json::Object(_) => Ok(v),
            other => Err(self.wrong(if path.is_empty() { "(gold object)" } else { path }, "an object", other)),
        }
    }

    fn string(&self, v: Option<&Json>, field: &str) -> Result<Option<String>, EvalError> {
        match v {
            None => Ok(None),
            Some(Json::Str(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.wrong(field, "a string", other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Result<Gold, EvalError> {
        parse_gold(text, "g.jsonl").map(|mut v| v.remove(0))
    }

    #[test]
    fn reads_items_and_ignores_unknown_keys() {
        let g = one(r#"{"doc_id": "d", "note": "x", "gold": [{"label": "a", "remark": 1, "place": {"near": [1, 2.5]},
            "fatalities": {"max": 3, "min": 2}, "actors_all": ["\\bIS\\b"]}], "optional": [{"event_type_in": []}]}"#)
        .unwrap();
        assert_eq!(g.doc_id, "d");
        let it = &g.gold[0];
        assert_eq!(it.place.as_ref().unwrap().near, Some((1.0, 2.5)));
        assert_eq!(it.place.as_ref().unwrap().radius_km(), 30.0);
        let Some(FatalitiesWant::Fields(f)) = &it.fatalities else { panic!() };
        assert_eq!(f.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["max", "min"]);
        assert!(it.actors_all[0].is_match("IS fighters"));
        assert_eq!(g.optional[0].label, "");
        assert!(g.totals.is_none());
    }

    #[test]
    fn fatalities_forms() {
        let g = one(r#"{"doc_id": "d", "gold": [{"label": "a", "fatalities": null},
            {"label": "b", "fatalities": "null_or_vague"}, {"label": "c"}]}"#)
        .unwrap();
        assert_eq!(g.gold[0].fatalities, Some(FatalitiesWant::NoToll));
        assert_eq!(g.gold[1].fatalities, Some(FatalitiesWant::NullOrVague));
        assert_eq!(g.gold[2].fatalities, None);
    }

    #[test]
    fn jsonl_errors_name_the_line_and_key() {
        let text = "{\"doc_id\": \"a\"}\n\n{\"doc_id\": \"b\", \"gold\": [{\"label\": \"x\", \"place\": {\"near\": \"Murzuq\"}}]}\n";
        let e = parse_gold(text, "g.jsonl").unwrap_err().to_string();
        assert_eq!(e, "g.jsonl:3: gold[0].place.near: expected an array of two numbers, found 'Murzuq'");
        let e = parse_gold("{\"doc_id\": \"a\"}\n{\"doc_id\": 5}\n", "g.jsonl").unwrap_err().to_string();
        assert_eq!(e, "g.jsonl:2: doc_id: expected a string, found 5");
        let e = parse_gold("{\"doc_id\": \"a\"}\n{\"doc_id\": \n", "g.jsonl").unwrap_err().to_string();
        assert!(e.starts_with("g.jsonl:2: not JSON:"), "{e}");
    }

    #[test]
    fn rejects_wrong_types() {
        for (text, want) in [
            (r#"{"gold": []}"#, "g.jsonl: doc_id: missing"),
            (r#"{"doc_id": "d", "gold": {}}"#, "g.jsonl: gold: expected an array of items, found {}"),
            (r#"{"doc_id": "d", "gold": [{"event_type": "Battles"}]}"#, "g.jsonl: gold[0].label: missing"),
            (
                r#"{"doc_id": "d", "forbidden": [{"label": "x", "date": {"not_year": 2019.0}}]}"#,
                "g.jsonl: forbidden[0].date.not_year: expected a year (integer or string), found 2019.0",
            ),
            (
                r#"{"doc_id": "d", "gold": [{"label": "x", "fatalities": "none"}]}"#,
                "g.jsonl: gold[0].fatalities: expected null, \"null_or_vague\" or an object, found 'none'",
            ),
            (
                r#"{"doc_id": "d", "gold": [{"label": "x", "actors_all": "IS"}]}"#,
                "g.jsonl: gold[0].actors_all: expected an array of regular expressions, found 'IS'",
            ),
            (
                r#"{"doc_id": "d", "gold": [{"label": "x", "actors_all": ["(IS"]}]}"#,
                "g.jsonl: gold[0].actors_all[0]: pattern '(IS' is not one fancy-regex reads",
            ),
            (
                r#"{"doc_id": "d", "gold": [{"label": "x", "date": {"start_between": ["2019-01-01"]}}]}"#,
                "g.jsonl: gold[0].date.start_between: expected an array of two date strings",
            ),
            (r#"{"doc_id": "d", "totals": {"label": "t"}}"#, "g.jsonl: totals.sum_event_fatalities_min: missing"),
            (r#"{"doc_id": "d", "totals": [1]}"#, "g.jsonl: totals: expected an object, found [1]"),
        ] {
            let e = one(text).unwrap_err().to_string();
            assert!(e.starts_with(want), "{e}\n  wanted {want}");
        }
    }

    #[test]
    fn empty_totals_are_no_totals_like_pythons_if() {
        assert!(one(r#"{"doc_id": "d", "totals": {}}"#).unwrap().totals.is_none());
        assert!(one(r#"{"doc_id": "d", "totals": null}"#).unwrap().totals.is_none());
    }

    #[test]
    fn single_object_array_and_pretty_printed_error() {
        let g = parse_gold("{\n  \"doc_id\": \"a\",\n  \"gold\": []\n}\n", "seed.json").unwrap();
        assert_eq!((g.len(), g[0].origin.as_str()), (1, "seed.json"));
        assert_eq!(parse_gold(r#"[{"doc_id": "a"}, {"doc_id": "b"}]"#, "x").unwrap().len(), 2);
        let e = parse_gold("{\n  \"doc_id\": \"a\",\n  \"gold\": [,]\n}\n", "seed.json").unwrap_err().to_string();
        assert!(e.starts_with("seed.json: not JSON:") && e.contains("line 3"), "{e}");
    }
}
