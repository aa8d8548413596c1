//! GeoJSON: a FeatureCollection of Point features, one per record with
//! coordinates; records without coordinates are left out and counted.

use crate::notes::notes;
use crate::record::{disorder_type, iso_date, Record, Toll};
use crate::{ExportError, ExportSummary, SkipReason, Skipped};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    geometry: Point,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// `[longitude, latitude]`, as GeoJSON orders them.
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Properties<'a> {
    id: &'a str,
    event_date: String,
    date_start: String,
    date_end: String,
    time_precision: u8,
    disorder_type: &'static str,
    event_type: &'a str,
    sub_event_type: &'a str,
    plover_event: Option<&'static str>,
    plover_mode: Option<&'static str>,
    actor1: Option<&'a str>,
    actor2: Option<&'a str>,
    inter1: Option<u8>,
    inter2: Option<u8>,
    location: &'a str,
    admin1: Option<&'a str>,
    country: Option<&'static str>,
    iso3: Option<&'static str>,
    geo_precision: u8,
    fatalities: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    fatalities_qualifier: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fatalities_low: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fatalities_best: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fatalities_high: Option<u32>,
    scope: &'static str,
    source: String,
    notes: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a str>,
}

pub(crate) fn write<W: Write>(records: &[&Record], w: W) -> Result<ExportSummary, ExportError> {
    let mut w = std::io::BufWriter::new(w);
    let mut summary = ExportSummary::default();
    w.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    for r in records {
        let (Some((lat, lon)), Some(l)) = (r.coordinates(), r.location) else {
            summary.skipped.push(Skipped { id: r.id.to_string(), reason: SkipReason::NoCoordinates });
            continue;
        };
        let dates = r.dates();
        let (date, precision) = dates.acled();
        let country = r.country();
        let range = match r.toll {
            Toll::Range(g) => Some(g),
            _ => None,
        };
        let feature = Feature {
            kind: "Feature",
            id: r.id,
            geometry: Point { kind: "Point", coordinates: [lon, lat] },
            properties: Properties {
                id: r.id,
                event_date: iso_date(date),
                date_start: iso_date(dates.start.or(dates.end)),
                date_end: iso_date(dates.end.or(dates.start)),
                time_precision: precision,
                disorder_type: disorder_type(r.sub_event_type),
                event_type: r.event_type.as_str(),
                sub_event_type: r.sub_event_type.as_str(),
                plover_event: r.plover_event.map(|p| p.as_str()),
                plover_mode: r.plover_mode.map(|m| m.as_str()),
                actor1: r.actor1.map(|a| a.name.as_str()),
                actor2: r.actor2.map(|a| a.name.as_str()),
                inter1: r.actor1.map(|a| a.inter),
                inter2: r.actor2.map(|a| a.inter),
                location: &l.name,
                admin1: l.admin1.as_deref(),
                country: country.map(|c| c.name),
                iso3: country.map(|c| c.iso3),
                geo_precision: l.geo_precision as u8,
                fatalities: r.toll.coded(),
                fatalities_qualifier: match r.toll {
                    Toll::Claim(f) => Some(f.qualifier.as_str()),
                    _ => None,
                },
                fatalities_low: range.map(|g| g.low),
                fatalities_best: range.map(|g| g.best),
                fatalities_high: range.map(|g| g.high),
                scope: r.scope.as_str(),
                source: r.sources_joined(),
                notes: notes(r),
                evidence: r.evidence.map(|e| e.text.as_str()),
            },
        };
        w.write_all(if summary.written == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut w, &feature)?;
        summary.written += 1;
    }
    w.write_all(b"\n]}\n")?;
    w.flush()?;
    Ok(summary)
}
