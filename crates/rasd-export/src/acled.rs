//! ACLED CSV: ACLED's column layout and codebook conventions.

use crate::notes::notes;
use crate::record::{disorder_type, iso_date, Record};
use crate::{ExportError, ExportOptions, ExportSummary};
use rasd_core::Actor;
use std::collections::HashMap;
use std::io::Write;

/// ACLED's columns, in ACLED's order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// `event_id_cnty` prefix of a record whose country is unknown.
pub const UNKNOWN_COUNTRY_PREFIX: &str = "XXX";

fn names(actors: &[Actor]) -> String {
    actors.iter().map(|a| a.name.trim()).filter(|n| !n.is_empty()).collect::<Vec<_>>().join("; ")
}

pub(crate) fn write<W: Write>(records: &[&Record], opts: &ExportOptions, w: W) -> Result<ExportSummary, ExportError> {
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record(ACLED_COLUMNS)?;
    let mut numbers: HashMap<String, u32> = HashMap::new();
    let opt = |v: Option<String>| v.unwrap_or_default();
    for r in records {
        let country = r.country();
        let prefix = match (country, r.country_code()) {
            (Some(c), _) => c.iso3.to_string(),
            (None, Some(code)) if code.len() == 3 => code.to_ascii_uppercase(),
            _ => UNKNOWN_COUNTRY_PREFIX.to_string(),
        };
        let n = numbers.entry(prefix.clone()).or_insert(0);
        *n += 1;
        let (date, precision) = r.dates().acled();
        let loc = r.location;
        let coords = r.coordinates();
        let row: [String; 31] = [
            format!("{prefix}{n}"),
            iso_date(date),
            opt(date.map(|d| d.year().to_string())),
            precision.to_string(),
            disorder_type(r.sub_event_type).to_string(),
            r.event_type.as_str().to_string(),
            r.sub_event_type.as_str().to_string(),
            opt(r.actor1.map(|a| a.name.clone())),
            names(r.assoc1),
            opt(r.actor1.map(|a| a.inter.to_string())),
            opt(r.actor2.map(|a| a.name.clone())),
            names(r.assoc2),
            opt(r.actor2.map(|a| a.inter.to_string())),
            opt(r.interaction().map(|i| i.to_string())),
            if r.civilian_targeting() { "Civilian targeting".to_string() } else { String::new() },
            opt(country.map(|c| c.numeric.to_string())),
            opt(country.map(|c| c.region.to_string())),
            opt(country.map(|c| c.name.to_string()).or_else(|| r.country_code().map(str::to_string))),
            opt(loc.and_then(|l| l.admin1.clone())),
            String::new(),
            String::new(),
            opt(loc.map(|l| l.name.clone())),
            opt(coords.map(|c| c.0.to_string())),
            opt(coords.map(|c| c.1.to_string())),
            opt(loc.map(|l| (l.geo_precision as u8).to_string())),
            r.sources_joined(),
            String::new(),
            notes(r),
            r.toll.coded().to_string(),
            String::new(),
            opts.timestamp.to_string(),
        ];
        csv.write_record(&row)?;
    }
    csv.flush()?;
    Ok(ExportSummary { written: records.len(), skipped: Vec::new() })
}
