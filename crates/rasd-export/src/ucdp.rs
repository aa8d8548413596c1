//! UCDP GED-style CSV.

use crate::record::{iso_date, Record};
use crate::{ExportError, ExportSummary, SkipReason, Skipped};
use rasd_core::{Actor, EventType, GeoPrecision, SubEventType};
use std::io::Write;

/// The columns written, a subset of UCDP GED's, in GED's order.
pub const UCDP_COLUMNS: [&str; 17] = [
    "id",
    "year",
    "type_of_violence",
    "side_a",
    "side_b",
    "country",
    "adm_1",
    "latitude",
    "longitude",
    "where_prec",
    "date_start",
    "date_end",
    "date_prec",
    "best",
    "low",
    "high",
    "source_article",
];

/// Organized violence, the scope of UCDP GED: battles, remote violence,
/// violence against civilians and lethal force against protesters.
/// Protests, riots and strategic developments are left out.
fn in_scope(sub: SubEventType) -> bool {
    matches!(sub.event_type(), EventType::Battles | EventType::Explosions | EventType::ViolenceAgainstCivilians)
        || sub == SubEventType::ExcessiveForce
}

/// A state's forces: ACLED class 1, or an external force (class 8) with a
/// country (a foreign military; a class 8 without one is a UN or private force).
fn is_state(a: &Actor) -> bool {
    a.inter == 1 || (a.inter == 8 && a.country.is_some())
}

/// UCDP's `type_of_violence` (1 state-based, 2 non-state, 3 one-sided) and
/// the sides in UCDP's order (the state first), as UCDP codes from ACLED's
/// type and actor classes; `None` when the actors do not tell.
pub(crate) fn type_of_violence<'a>(r: &Record<'a>) -> (Option<u8>, Option<&'a Actor>, Option<&'a Actor>) {
    let (a1, a2) = (r.actor1, r.actor2);
    let civilians = |a: Option<&Actor>| a.is_some_and(|a| a.inter == 7);
    if r.event_type == EventType::ViolenceAgainstCivilians
        || r.sub_event_type == SubEventType::ExcessiveForce
        || civilians(a2)
    {
        return (Some(3), a1, a2);
    }
    if civilians(a1) {
        return (Some(3), a2, a1);
    }
    match (a1.is_some_and(is_state), a2.is_some_and(is_state)) {
        (true, _) => return (Some(1), a1, a2),
        (false, true) => return (Some(1), a2, a1),
        _ => {}
    }
    // Only states fly aircraft: an air strike by an unnamed force is state-based.
    if r.sub_event_type == SubEventType::AirDroneStrike && a1.is_none() {
        return (Some(1), a1, a2);
    }
    let organized = |a: Option<&Actor>| a.is_some_and(|a| matches!(a.inter, 2..=4 | 8));
    if organized(a1) && organized(a2) {
        return (Some(2), a1, a2);
    }
    (None, a1, a2)
}

/// UCDP's `where_prec` from the place: 1 the town, 2 near it (within ~25 km),
/// 3 further off (a stated offset over 25 km, about an admin-2 area), 4 an
/// admin-1 region, 5 a larger or unnamed region; empty when there is no place.
fn where_prec(r: &Record) -> Option<u8> {
    r.location.map(|l| match l.geo_precision {
        GeoPrecision::Town => 1,
        GeoPrecision::Near if l.offset_km.is_some_and(|k| k > 25.0) => 3,
        GeoPrecision::Near => 2,
        GeoPrecision::Region if l.admin1.is_some() => 4,
        GeoPrecision::Region => 5,
    })
}

pub(crate) fn write<W: Write>(records: &[&Record], w: W) -> Result<ExportSummary, ExportError> {
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record(UCDP_COLUMNS)?;
    let mut summary = ExportSummary::default();
    for r in records {
        if !in_scope(r.sub_event_type) {
            summary.skipped.push(Skipped { id: r.id.to_string(), reason: SkipReason::NotOrganizedViolence });
            continue;
        }
        let (tov, side_a, side_b) = type_of_violence(r);
        let dates = r.dates();
        let (start, end) = (dates.start.or(dates.end), dates.end.or(dates.start));
        let (low, best, high) = r.toll.ucdp();
        let country = r.country();
        let coords = r.coordinates();
        let opt = |v: Option<String>| v.unwrap_or_default();
        let row: [String; 17] = [
            r.id.to_string(),
            opt(start.map(|d| d.year().to_string())),
            opt(tov.map(|t| t.to_string())),
            opt(side_a.map(|a| a.name.clone())),
            opt(side_b.map(|a| a.name.clone())),
            opt(country.map(|c| c.name.to_string()).or_else(|| r.country_code().map(str::to_string))),
            opt(r.location.and_then(|l| l.admin1.clone())),
            opt(coords.map(|c| c.0.to_string())),
            opt(coords.map(|c| c.1.to_string())),
            opt(where_prec(r).map(|p| p.to_string())),
            iso_date(start),
            iso_date(end),
            dates.ucdp_prec().to_string(),
            best.to_string(),
            low.to_string(),
            high.to_string(),
            r.sources_joined(),
        ];
        csv.write_record(&row)?;
        summary.written += 1;
    }
    csv.flush()?;
    Ok(summary)
}
