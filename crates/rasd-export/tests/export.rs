//! Exports of real events (the seed report's, as `rasd extract` wrote them into
//! `tests/data/seed_events.jsonl`) and of hand-made incidents.

use rasd_core::{
    Actor, Event, EventDate, EventType, Fatalities, GeoPrecision, Incident, Qualifier, Scope, SubEventType,
    TimePrecision,
};
use rasd_export::{
    event_notes, incident_notes, write_events, write_incidents, ExportOptions, ExportSummary, Format, SkipReason,
};
use std::collections::BTreeMap;

const ACLED_HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,\
actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,\
admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

const UCDP_HEADER: &str = "id,year,type_of_violence,side_a,side_b,country,adm_1,latitude,longitude,where_prec,\
date_start,date_end,date_prec,best,low,high,source_article";

const OUTLET: &str = "Algerian daily, agency wire (Washington/Tripoli)";
const TIMESTAMP: i64 = 1_570_060_800;

fn seed() -> Vec<Event> {
    include_str!("data/seed_events.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a contract Event"))
        .collect()
}

fn seed_event(n: usize) -> Event {
    seed().into_iter().find(|e| e.id == format!("seed-libya-2019#{n}")).unwrap()
}

fn incidents() -> Vec<Incident> {
    serde_json::from_str(include_str!("data/incidents.json")).unwrap()
}

fn opts() -> ExportOptions {
    ExportOptions {
        timestamp: TIMESTAMP,
        outlets: BTreeMap::from([("seed-libya-2019".to_string(), OUTLET.to_string())]),
        skip_cumulative: false,
    }
}

fn export_events(format: Format, events: &[Event]) -> (String, ExportSummary) {
    let mut out = Vec::new();
    let summary = write_events(format, events, &opts(), &mut out).unwrap();
    (String::from_utf8(out).unwrap(), summary)
}

fn export_incidents(format: Format, incidents: &[Incident]) -> (String, ExportSummary) {
    let mut out = Vec::new();
    let summary = write_incidents(format, incidents, &opts(), &mut out).unwrap();
    (String::from_utf8(out).unwrap(), summary)
}

/// Reads a CSV with the csv crate (which rejects rows of unequal length) into
/// header → value maps.
fn read_csv(text: &str) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.expect("a well-formed row");
            assert_eq!(rec.len(), header.len());
            header.iter().cloned().zip(rec.iter().map(str::to_string)).collect()
        })
        .collect();
    (header, rows)
}

/// An event with nothing but a type.
fn bare_event() -> Event {
    Event {
        id: "bare#1".into(),
        doc_id: "bare".into(),
        actor1: None,
        actor2: None,
        assoc_actor1: vec![],
        assoc_actor2: vec![],
        location: None,
        date: EventDate { start: None, end: None, time_precision: TimePrecision::Week, text: None, span: None },
        fatalities: None,
        reported_by: None,
        count: None,
        scope: Scope::Event,
        evidence_all: vec![],
        explain: None,
        ..seed_event(2)
    }
}

fn actor(name: &str, text: &str, inter: u8) -> Actor {
    Actor { name: name.into(), text: text.into(), inter, country: None, wikidata: None, span: None }
}

/// An event whose fields hold Arabic, commas, quotes and newlines.
fn awkward_event() -> Event {
    let mut e = seed_event(4);
    e.id = "awkward#1".into();
    e.doc_id = "awkward".into();
    e.actor1 = Some(actor("Militia, \"Tariq\" Brigade\nof Sirte", "كتيبة \"طارق\"، سرت", 3));
    e.assoc_actor1 = vec![actor("قوة الردع", "قوة الردع", 3), actor("Zintan, Militia", "الزنتان", 4)];
    e.location.as_mut().unwrap().name = "وادي الحطية, \"south\"".into();
    e
}

#[test]
fn acled_header_is_exactly_acleds() {
    let (csv, _) = export_events(Format::AcledCsv, &seed());
    assert_eq!(csv.lines().next().unwrap(), ACLED_HEADER);
    assert_eq!(rasd_export::ACLED_COLUMNS.join(","), ACLED_HEADER);
    let (csv, _) = export_incidents(Format::AcledCsv, &incidents());
    assert_eq!(csv.lines().next().unwrap(), ACLED_HEADER);
}

#[test]
fn acled_rows_of_the_seed() {
    let events = seed();
    let (text, summary) = export_events(Format::AcledCsv, &events);
    assert_eq!(summary.written, events.len());
    let (header, rows) = read_csv(&text);
    assert_eq!(header.len(), 31);
    assert_eq!(rows.len(), events.len());
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["event_id_cnty"], format!("LBY{}", i + 1));
        assert_eq!((row["iso"].as_str(), row["country"].as_str()), ("434", "Libya"));
        assert_eq!(row["region"], "Northern Africa");
        assert_eq!(row["timestamp"], TIMESTAMP.to_string());
        assert_eq!(row["year"], "2019");
        assert!(row["source"].starts_with(OUTLET), "{}", row["source"]);
    }
    // #2: the single strike of 29 September.
    let strike = &rows[1];
    assert_eq!(strike["event_date"], "2019-09-29");
    assert_eq!(strike["time_precision"], "1");
    assert_eq!(strike["disorder_type"], "Political violence");
    assert_eq!(strike["sub_event_type"], "Air/drone strike");
    assert_eq!((strike["inter1"].as_str(), strike["inter2"].as_str()), ("8", "2"));
    assert_eq!(strike["interaction"], "28");
    assert_eq!(strike["civilian_targeting"], "");
    assert_eq!(strike["fatalities"], "7");
    assert_eq!(strike["source"], format!("{OUTLET}; AFRICOM"));
    assert_eq!(strike["latitude"], "27.03766");
    // #1: the running total, coded at the middle of its range.
    assert_eq!((rows[0]["event_date"].as_str(), rows[0]["time_precision"].as_str()), ("2019-09-25", "3"));
    assert_eq!(rows[0]["fatalities"], "43");
    // #3: no actor1: a sole actor's interaction.
    assert_eq!((rows[2]["actor1"].as_str(), rows[2]["interaction"].as_str()), ("", "20"));
    assert_eq!(rows[2]["fatalities"], "0");
    // #4: the clash with "heavy losses": ACLED's 10 for a significant attack.
    assert_eq!((rows[3]["interaction"].as_str(), rows[3]["fatalities"].as_str()), ("12", "10"));
    insta::assert_snapshot!("acled_seed", text);
}

#[test]
fn acled_codes_disorder_and_civilian_targeting() {
    let mut e = bare_event();
    e.event_type = EventType::ViolenceAgainstCivilians;
    e.sub_event_type = SubEventType::Attack;
    e.actor1 = Some(actor("Islamic State (Libya)", "داعش", 2));
    e.actor2 = Some(actor("Civilians (Libya)", "مدنيين", 7));
    let mut protest = bare_event();
    protest.event_type = EventType::Protests;
    protest.sub_event_type = SubEventType::ExcessiveForce;
    protest.actor1 = Some(actor("Protesters (Libya)", "متظاهرين", 6));
    protest.actor2 = Some(actor("Police Forces of Libya", "الشرطة", 1));
    let (text, _) = export_events(Format::AcledCsv, &[e, protest, bare_event()]);
    let (_, rows) = read_csv(&text);
    assert_eq!(rows[0]["civilian_targeting"], "Civilian targeting");
    assert_eq!(rows[0]["interaction"], "27");
    assert_eq!(rows[1]["disorder_type"], "Political violence; Demonstrations");
    assert_eq!(rows[1]["interaction"], "16");
    assert_eq!(rows[2]["event_id_cnty"], "XXX3");
    assert_eq!((rows[2]["event_date"].as_str(), rows[2]["interaction"].as_str()), ("", ""));
}

#[test]
fn csv_fields_round_trip() {
    let events = [awkward_event(), seed_event(2)];
    for format in [Format::AcledCsv, Format::UcdpCsv] {
        let (text, _) = export_events(format, &events);
        let (_, rows) = read_csv(&text);
        assert_eq!(rows.len(), 2, "{format}");
        let a1 = if format == Format::AcledCsv { "actor1" } else { "side_a" };
        let a1_value = &rows[0][a1];
        assert!(a1_value.contains("Militia, \"Tariq\" Brigade\nof Sirte"), "{format}: {a1_value:?}");
    }
    let (text, _) = export_events(Format::AcledCsv, &events);
    let (_, rows) = read_csv(&text);
    assert_eq!(rows[0]["actor1"], "Militia, \"Tariq\" Brigade\nof Sirte");
    assert_eq!(rows[0]["assoc_actor_1"], "قوة الردع; Zintan, Militia");
    assert_eq!(rows[0]["location"], "وادي الحطية, \"south\"");
    assert!(rows[0]["notes"].contains("Militia, \"Tariq\" Brigade\nof Sirte clashed with Islamic State (Libya)"));
}

/// Python's csv module (what pandas and most scripts use) reads the exports.
#[test]
fn csv_loads_in_python() {
    let python = std::env::var_os("PATH")
        .and_then(|p| std::env::split_paths(&p).map(|d| d.join("python3")).find(|p| p.is_file()));
    let Some(python) = python else {
        eprintln!("skipped: python3 is not on PATH");
        return;
    };
    let mut events = seed();
    events.push(awkward_event());
    events.push(bare_event());
    let dir = std::env::temp_dir().join(format!("rasd-export-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut exports = vec![
        ("acled.csv", export_events(Format::AcledCsv, &events).0, ACLED_HEADER, events.len()),
        ("ucdp.csv", export_events(Format::UcdpCsv, &events).0, UCDP_HEADER, events.len()),
        ("acled-incidents.csv", export_incidents(Format::AcledCsv, &incidents()).0, ACLED_HEADER, 3),
    ];
    exports.push(("ucdp-incidents.csv", export_incidents(Format::UcdpCsv, &incidents()).0, UCDP_HEADER, 2));
    let script = r#"
import csv, sys
path, header, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, strict=True))
assert ",".join(rows[0]) == header, rows[0]
assert all(len(r) == len(rows[0]) for r in rows), [len(r) for r in rows]
assert len(rows) == n + 1, len(rows)
with open(path, newline="", encoding="utf-8") as f:
    dicts = list(csv.DictReader(f))
print(len(dicts))
"#;
    for (name, text, header, n) in exports {
        let path = dir.join(name);
        std::fs::write(&path, &text).unwrap();
        let out = std::process::Command::new(&python)
            .arg("-c")
            .arg(script)
            .arg(&path)
            .arg(header)
            .arg(n.to_string())
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), n.to_string());
    }
    // Arabic survives the trip through Python.
    let path = dir.join("acled.csv");
    let out = std::process::Command::new(&python)
        .arg("-c")
        .arg("import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))); print(r[-2]['assoc_actor_1'])")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "قوة الردع; Zintan, Militia");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn notes_read_right() {
    assert_eq!(
        event_notes(&seed_event(2)),
        "On 29 September 2019, Military Forces of the United States conducted an air strike against \
         Islamic State (Libya) in Southern Libya (Fezzan), killing 7."
    );
    assert_eq!(
        event_notes(&seed_event(4)),
        "On or around 2 October 2019, Libyan National Army clashed with Islamic State (Libya) near Murzuk (Murzuq), \
         killing an unspecified number (coded as 10)."
    );
    assert_eq!(
        event_notes(&seed_event(1)),
        "Between 19 September and 2 October 2019, Military Forces of the United States conducted air strikes \
         against Islamic State (Libya) in Southern Libya (Fezzan), killing at least 43 in total across 4 strikes."
    );
    assert_eq!(
        event_notes(&seed_event(3)),
        "On or around 2 October 2019, an air strike was conducted against Islamic State (Libya) \
         about 40 km from Al Qaţrūn (Murzuq)."
    );
    assert_eq!(event_notes(&bare_event()), "An air strike was conducted.");
    let mut clash = bare_event();
    clash.event_type = EventType::Battles;
    clash.sub_event_type = SubEventType::ArmedClash;
    assert_eq!(event_notes(&clash), "An armed clash took place.");
    let mut attack = bare_event();
    attack.event_type = EventType::ViolenceAgainstCivilians;
    attack.sub_event_type = SubEventType::Attack;
    attack.date.start = Some("2019-10-15".into());
    attack.date.end = Some("2019-10-15".into());
    attack.date.time_precision = TimePrecision::Month;
    attack.fatalities =
        Some(Fatalities { min: Some(3), max: Some(5), qualifier: Qualifier::Range, text: "3-5".into(), span: None });
    assert_eq!(event_notes(&attack), "In October 2019, civilians were attacked, killing between 3 and 5.");
    let mut about = seed_event(2);
    about.fatalities.as_mut().unwrap().qualifier = Qualifier::About;
    about.location.as_mut().unwrap().geo_precision = GeoPrecision::Town;
    about.location.as_mut().unwrap().admin1 = Some("Fezzan".into());
    about.location.as_mut().unwrap().name = "Murzuq".into();
    assert!(event_notes(&about).ends_with("in Murzuq (Fezzan), killing about 7."), "{}", event_notes(&about));
    about.fatalities.as_mut().unwrap().qualifier = Qualifier::UpTo;
    assert!(event_notes(&about).ends_with(", killing up to 7."));
    about.fatalities =
        Some(Fatalities { min: Some(0), max: Some(0), qualifier: Qualifier::Exact, text: "".into(), span: None });
    assert!(event_notes(&about).ends_with(", with no fatalities reported."));
    let mut cross_year = bare_event();
    cross_year.scope = Scope::Cumulative;
    cross_year.count = Some(2);
    cross_year.date.start = Some("2019-12-28".into());
    cross_year.date.end = Some("2020-01-03".into());
    assert_eq!(
        event_notes(&cross_year),
        "Between 28 December 2019 and 3 January 2020, air strikes were conducted (2 strikes in total)."
    );
}

#[test]
fn incidents_export_with_their_range_and_sources() {
    let inc = incidents();
    assert_eq!(
        incident_notes(&inc[0]),
        "On 29 September 2019, Military Forces of the United States conducted an air strike against \
         Islamic State (Libya) near Murzuq (Fezzan), killing between 7 and 11 (best estimate 7)."
    );
    assert_eq!(
        incident_notes(&inc[1]),
        "Between 19 and 29 September 2019, Military Forces of the United States conducted air strikes against \
         Islamic State (Libya) in Southern Libya (Fezzan), killing 43 in total across 4 strikes."
    );
    assert_eq!(incident_notes(&inc[2]), "Protesters (Libya) held a peaceful protest.");

    let (text, summary) = export_incidents(Format::AcledCsv, &inc);
    assert_eq!(summary.written, 3);
    let (_, rows) = read_csv(&text);
    assert_eq!(rows[0]["fatalities"], "7");
    assert_eq!(rows[0]["source"], format!("{OUTLET}; AFRICOM; Libya Observer"));
    assert_eq!(rows[0]["geo_precision"], "2");
    assert_eq!(rows[1]["event_id_cnty"], "LBY2");
    assert_eq!(rows[2]["disorder_type"], "Demonstrations");
    assert_eq!((rows[2]["interaction"].as_str(), rows[2]["event_id_cnty"].as_str()), ("60", "XXX1"));

    let (text, summary) = export_incidents(Format::UcdpCsv, &inc);
    assert_eq!(summary.written, 2);
    assert_eq!(summary.skipped.len(), 1);
    assert_eq!(summary.skipped[0].reason, SkipReason::NotOrganizedViolence);
    let (header, rows) = read_csv(&text);
    assert_eq!(header.join(","), UCDP_HEADER);
    let r = &rows[0];
    assert_eq!((r["best"].as_str(), r["low"].as_str(), r["high"].as_str()), ("7", "7", "11"));
    assert_eq!((r["type_of_violence"].as_str(), r["where_prec"].as_str(), r["date_prec"].as_str()), ("1", "2", "1"));
    assert_eq!(r["source_article"], format!("{OUTLET}; AFRICOM; Libya Observer"));
    assert_eq!((rows[1]["date_start"].as_str(), rows[1]["date_end"].as_str()), ("2019-09-19", "2019-09-29"));
    assert_eq!((rows[1]["date_prec"].as_str(), rows[1]["where_prec"].as_str()), ("4", "5"));

    let (geo, summary) = export_incidents(Format::GeoJson, &inc);
    assert_eq!((summary.written, summary.skipped.len()), (2, 1));
    let v: serde_json::Value = serde_json::from_str(&geo).unwrap();
    let p = &v["features"][0]["properties"];
    assert_eq!((p["fatalities_low"].as_u64(), p["fatalities_high"].as_u64()), (Some(7), Some(11)));

    let (jsonl, _) = export_incidents(Format::PloverJsonl, &inc);
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!((first["event_type"].as_str(), first["mode"].as_str()), (Some("ASSAULT"), Some("aerial")));
    assert_eq!(first["events"].as_array().unwrap().len(), 2);
    assert_eq!(first["fatality_range"]["high"], 11);
}

#[test]
fn ucdp_rows_of_the_seed() {
    let (text, summary) = export_events(Format::UcdpCsv, &seed());
    assert_eq!(summary.written, 4);
    let (header, rows) = read_csv(&text);
    assert_eq!(header.join(","), UCDP_HEADER);
    let by_id = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    let strike = by_id("seed-libya-2019#2");
    assert_eq!(strike["type_of_violence"], "1");
    assert_eq!(
        (strike["side_a"].as_str(), strike["side_b"].as_str()),
        ("Military Forces of the United States", "Islamic State (Libya)")
    );
    assert_eq!((strike["best"].as_str(), strike["low"].as_str(), strike["high"].as_str()), ("7", "7", "7"));
    assert_eq!((strike["where_prec"].as_str(), strike["date_prec"].as_str()), ("5", "1"));
    assert_eq!((strike["country"].as_str(), strike["year"].as_str()), ("Libya", "2019"));
    // An air strike by an unnamed force is state-based; 40 km off a town is past UCDP's 25 km.
    let unnamed = by_id("seed-libya-2019#3");
    assert_eq!((unnamed["type_of_violence"].as_str(), unnamed["where_prec"].as_str()), ("1", "3"));
    assert_eq!(unnamed["date_prec"], "3");
    // The LNA (state forces, class 1) against IS.
    let clash = by_id("seed-libya-2019#4");
    assert_eq!((clash["type_of_violence"].as_str(), clash["adm_1"].as_str()), ("1", "Murzuq"));
    let mut non_state = seed_event(4);
    non_state.actor1 = Some(actor("Tuareg Ethnic Militia (Libya)", "الطوارق", 4));
    let mut one_sided = bare_event();
    one_sided.event_type = EventType::ViolenceAgainstCivilians;
    one_sided.sub_event_type = SubEventType::Abduction;
    let mut protest = bare_event();
    protest.event_type = EventType::Protests;
    protest.sub_event_type = SubEventType::PeacefulProtest;
    let (text, summary) = export_events(Format::UcdpCsv, &[non_state, one_sided, protest]);
    let (_, rows) = read_csv(&text);
    assert_eq!((rows[0]["type_of_violence"].as_str(), rows[1]["type_of_violence"].as_str()), ("2", "3"));
    assert_eq!(summary.skipped.len(), 1);
}

#[test]
fn geojson_is_a_feature_collection() {
    let mut events = seed();
    events.push(bare_event());
    let (text, summary) = export_events(Format::GeoJson, &events);
    assert_eq!(summary.written, 4);
    assert_eq!(summary.skipped.len(), 1);
    assert_eq!((summary.skipped[0].id.as_str(), summary.skipped[0].reason), ("bare#1", SkipReason::NoCoordinates));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 4);
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(c.len(), 2);
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        assert!(f["properties"].is_object());
    }
    let strike = &features[1];
    assert_eq!(strike["geometry"]["coordinates"][0].as_f64(), Some(14.42832), "longitude first");
    assert_eq!(strike["properties"]["fatalities"], 7);
    assert_eq!(strike["properties"]["country"], "Libya");
    insta::assert_snapshot!("geojson_strike", text.lines().nth(2).unwrap());
    // Empty input is still a valid collection.
    let (text, _) = export_events(Format::GeoJson, &[]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), 0);
}

#[test]
fn plover_lines() {
    let (text, summary) = export_events(Format::PloverJsonl, &seed());
    assert_eq!(summary.written, 4);
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    let strike = &lines[1];
    assert_eq!((strike["event_type"].as_str(), strike["mode"].as_str()), (Some("ASSAULT"), Some("aerial")));
    assert_eq!(strike["date"], "2019-09-29");
    assert_eq!(strike["actor"][0]["name"], "Military Forces of the United States");
    assert_eq!(strike["recipient"][0]["name"], "Islamic State (Libya)");
    assert_eq!(strike["dead"], 7);
    assert_eq!(strike["location"]["country"], "LBY");
    assert!(strike["evidence"]["text"].as_str().unwrap().contains("سبعة عناصر"));
    // A clash is reciprocal: both sides are actors.
    let clash = &lines[3];
    assert_eq!(clash["actor"].as_array().unwrap().len(), 2);
    assert_eq!(clash["recipient"].as_array().unwrap().len(), 0);
    assert_eq!((clash["dead"].is_null(), clash["dead_coded"].as_u64()), (true, Some(10)));
    assert_eq!(lines[0]["count"], 4);
    insta::assert_snapshot!("plover_strike", text.lines().nth(1).unwrap());
}

#[test]
fn exports_are_reproducible() {
    for format in Format::ALL {
        assert_eq!(format.as_str().parse::<Format>().unwrap(), format);
        assert_eq!(export_events(format, &seed()).0, export_events(format, &seed()).0);
    }
    assert!("acled".parse::<Format>().is_err());
}

#[test]
fn running_totals_can_be_left_out() {
    let opts = ExportOptions { skip_cumulative: true, ..opts() };
    let mut out = Vec::new();
    let summary = write_events(Format::AcledCsv, &seed(), &opts, &mut out).unwrap();
    assert_eq!(summary.written, 3);
    assert_eq!(summary.skipped.len(), 1);
    assert_eq!(
        (summary.skipped[0].id.as_str(), summary.skipped[0].reason),
        ("seed-libya-2019#1", SkipReason::Cumulative)
    );
    let (_, rows) = read_csv(std::str::from_utf8(&out).unwrap());
    assert_eq!(rows.iter().map(|r| r["fatalities"].as_str()).collect::<Vec<_>>(), ["7", "0", "10"]);
    let mut out = Vec::new();
    let summary = write_incidents(Format::GeoJson, &incidents(), &opts, &mut out).unwrap();
    assert_eq!((summary.written, summary.skipped.len()), (1, 2));
}
