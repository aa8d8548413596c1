//! PLOVER JSON lines (POLECAT-style), one object per event or incident.

use crate::notes::notes;
use crate::record::{iso_date, Record, Toll};
use crate::{ExportError, ExportSummary};
use rasd_core::{Actor, EventType, Evidence, Fatalities, FatalityRange, PloverEvent, PloverMode, Scope};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct PloverRecord<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc_id: Option<&'a str>,
    /// PLOVER category; null when the ACLED type has no PLOVER equivalent.
    event_type: Option<PloverEvent>,
    mode: Option<PloverMode>,
    acled_event_type: &'a str,
    acled_sub_event_type: &'a str,
    /// The single date (ACLED's coding of a range: its middle).
    date: String,
    date_start: String,
    date_end: String,
    time_precision: u8,
    /// In reciprocal violence (battles) every side is an actor; otherwise the
    /// second side is the recipient.
    actor: Vec<PActor<'a>>,
    recipient: Vec<PActor<'a>>,
    location: Option<PLocation<'a>>,
    /// Deaths as stated (null when the text gives no figure).
    dead: Option<u32>,
    /// ACLED's conservative figure (0 when unknown, vague tolls by convention).
    dead_coded: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    fatalities: Option<&'a Fatalities>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fatality_range: Option<FatalityRange>,
    injured: Option<u32>,
    arrested: Option<u32>,
    scope: Scope,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<u32>,
    sources: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a Evidence>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    events: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
    notes: String,
}

#[derive(Serialize)]
struct PActor<'a> {
    name: &'a str,
    text: &'a str,
    /// ISO 3166-1 alpha-3.
    country: Option<&'a str>,
    inter: u8,
    /// `actor1`, `actor2`, `assoc_actor1`, `assoc_actor2`.
    role: &'static str,
}

#[derive(Serialize)]
struct PLocation<'a> {
    name: &'a str,
    text: &'a str,
    /// ISO 3166-1 alpha-3 (POLECAT's country code), alpha-2 in `iso2`.
    country: Option<&'static str>,
    iso2: Option<&'a str>,
    admin1: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    geo_precision: u8,
    gazetteer_id: Option<&'a str>,
}

fn actors<'a>(list: impl IntoIterator<Item = (&'a Actor, &'static str)>) -> Vec<PActor<'a>> {
    list.into_iter()
        .map(|(a, role)| PActor { name: &a.name, text: &a.text, country: a.country.as_deref(), inter: a.inter, role })
        .collect()
}

pub(crate) fn write<W: Write>(records: &[&Record], w: W) -> Result<ExportSummary, ExportError> {
    let mut w = std::io::BufWriter::new(w);
    for r in records {
        let side1 = r.actor1.map(|a| (a, "actor1")).into_iter().chain(r.assoc1.iter().map(|a| (a, "assoc_actor1")));
        let side2 = r.actor2.map(|a| (a, "actor2")).into_iter().chain(r.assoc2.iter().map(|a| (a, "assoc_actor2")));
        let (actor, recipient) = if r.event_type == EventType::Battles {
            (actors(side1.chain(side2)), Vec::new())
        } else {
            (actors(side1), actors(side2))
        };
        let dates = r.dates();
        let (date, precision) = dates.acled();
        let location = r.location.map(|l| PLocation {
            name: &l.name,
            text: &l.text,
            country: r.country().map(|c| c.iso3),
            iso2: l.country.as_deref(),
            admin1: l.admin1.as_deref(),
            lat: l.lat,
            lon: l.lon,
            geo_precision: l.geo_precision as u8,
            gazetteer_id: l.gazetteer_id.as_deref(),
        });
        let rec = PloverRecord {
            id: r.id,
            doc_id: r.doc_id,
            event_type: r.plover_event,
            mode: r.plover_mode,
            acled_event_type: r.event_type.as_str(),
            acled_sub_event_type: r.sub_event_type.as_str(),
            date: iso_date(date),
            date_start: iso_date(dates.start.or(dates.end)),
            date_end: iso_date(dates.end.or(dates.start)),
            time_precision: precision,
            actor,
            recipient,
            location,
            dead: r.toll.stated(),
            dead_coded: r.toll.coded(),
            fatalities: match r.toll {
                Toll::Claim(f) => Some(f),
                _ => None,
            },
            fatality_range: match r.toll {
                Toll::Range(g) => Some(g),
                _ => None,
            },
            injured: None,
            arrested: None,
            scope: r.scope,
            count: r.count,
            sources: &r.sources,
            evidence: r.evidence,
            events: r.members,
            confidence: r.confidence,
            notes: notes(r),
        };
        serde_json::to_writer(&mut w, &rec)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(ExportSummary { written: records.len(), skipped: Vec::new() })
}
