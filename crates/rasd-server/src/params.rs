//! Query parameters: their documentation (`IntoParams`) and their reading.
//!
//! A route accepts exactly the parameters its OpenAPI operation lists: the
//! names are taken from the same `IntoParams` types at run time, so the
//! documentation and the behaviour cannot drift apart. Every value arrives as
//! a string and is converted here, so that a bad value gets a message naming
//! the parameter (serde's would not).

use crate::error::ApiError;
use rasd_core::{EventType, Scope, SubEventType};
use rasd_store::{BBox, EventFilter};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::BTreeSet;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::IntoParams;

/// Default and largest page size of the list routes.
pub(crate) const DEFAULT_PAGE: usize = 100;
pub(crate) const MAX_PAGE: usize = 1000;

/// Filters shared by the event and incident lists and the export. An empty
/// value is the same as leaving the parameter out (as HTML forms send them).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct FilterParams {
    /// Country of the place: ISO 3166-1 alpha-2, any case.
    #[param(example = "LY")]
    pub country: Option<String>,
    /// First-level division (province, governorate), exact name, ASCII case-insensitive.
    #[param(example = "Murzuq")]
    pub admin1: Option<String>,
    /// ACLED event type, spelled as ACLED spells it.
    #[param(value_type = Option<crate::schema::EventTypeLabel>)]
    pub event_type: Option<String>,
    /// ACLED sub-event type, spelled as ACLED spells it.
    #[param(value_type = Option<crate::schema::SubEventTypeLabel>)]
    pub sub_event_type: Option<String>,
    /// `event` (one happening) or `cumulative` (a running total).
    #[param(value_type = Option<crate::schema::ScopeLabel>)]
    pub scope: Option<String>,
    /// Part of an actor's canonical name or of its text in the report (ASCII case-insensitive).
    #[param(example = "United States")]
    pub actor: Option<String>,
    /// Dated on or after this day (`YYYY-MM-DD`; a record's period overlaps).
    #[param(value_type = Option<String>, format = Date, example = "2019-09-01")]
    pub date_from: Option<String>,
    /// Dated on or before this day (`YYYY-MM-DD`).
    #[param(value_type = Option<String>, format = Date, example = "2019-09-30")]
    pub date_to: Option<String>,
    /// Bounding box `minLon,minLat,maxLon,maxLat` (degrees, edges included).
    #[param(example = "9,19,19,28")]
    pub bbox: Option<String>,
    /// At least this many deaths (events: the claim's conservative figure; incidents: the range's `low`).
    #[param(value_type = Option<u32>, minimum = 0, example = 5)]
    pub min_fatalities: Option<String>,
    /// Words that must all occur in the evidence text (literal words, no query syntax).
    #[param(example = "مرزق")]
    pub q: Option<String>,
    /// Only the records of this document (its id as stored; incidents: those holding one of its events).
    #[param(example = "fezzan-2019-09-30")]
    pub doc_id: Option<String>,
}

/// Paging of the list routes.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct PageParams {
    /// Page size (default 100).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000, example = 100)]
    pub limit: Option<String>,
    /// The `next` of the previous page.
    pub cursor: Option<String>,
}

/// What to export and how.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ExportParams {
    /// The file format.
    #[param(value_type = crate::schema::FormatLabel)]
    pub format: String,
    /// Export events (one report's claim each, default) or incidents (merged, with fatality ranges).
    #[param(value_type = Option<crate::schema::KindLabel>)]
    pub kind: Option<String>,
    /// Leave running totals out (`true`), so that summing a column does not count deaths twice.
    #[param(value_type = Option<bool>)]
    pub skip_cumulative: Option<String>,
}

/// Metadata of a `text/plain` document, and extraction options.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct IngestParams {
    /// Document id (`text/plain` only; default: `doc-` and 16 hex digits of the text's SHA-256).
    pub id: Option<String>,
    /// Publication date, `YYYY-MM-DD`, an ISO timestamp or RFC 2822 (`text/plain` only); relative dates in the
    /// text are resolved against it.
    #[param(example = "2019-10-02")]
    pub published: Option<String>,
    /// Outlet name (`text/plain` only).
    pub source: Option<String>,
    /// Address of the article (`text/plain` only).
    pub url: Option<String>,
    /// Headline (`text/plain` only).
    pub title: Option<String>,
    /// Language, ISO 639-1 (`text/plain` only; default: detected).
    #[param(example = "ar")]
    pub lang: Option<String>,
    /// Add the trigger and the rules that fired to each stored event.
    #[param(value_type = Option<bool>)]
    pub explain: Option<String>,
}

/// Schema of a `YYYY-MM-DD` string, for hand-written schemas.
pub(crate) fn date_string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
}

/// The names of the query parameters `P` documents.
pub(crate) fn names<P: IntoParams>() -> Vec<String> {
    P::into_params(|| None).into_iter().map(|p| p.name).collect()
}

/// Reads a query string into `T`, refusing parameters not in `known`
/// (naming all of them) and parameters given twice.
pub(crate) fn parse<T: DeserializeOwned>(raw: Option<&str>, known: &[String]) -> Result<T, ApiError> {
    let raw = raw.unwrap_or("");
    let mut seen = BTreeSet::new();
    let mut unknown: Vec<String> = Vec::new();
    for (name, _) in form_urlencoded::parse(raw.as_bytes()) {
        if !known.iter().any(|k| *k == name) {
            if !unknown.iter().any(|u| *u == name) {
                unknown.push(name.into_owned());
            }
        } else if !seen.insert(name.clone()) {
            return Err(ApiError::bad_request(format!("query parameter {name:?} is given more than once")));
        }
    }
    if !unknown.is_empty() {
        let accepted = if known.is_empty() { "none".to_string() } else { known.join(", ") };
        let plural = if unknown.len() > 1 { "s" } else { "" };
        return Err(ApiError::bad_request(format!(
            "unknown query parameter{plural} {} (accepted: {accepted})",
            unknown.iter().map(|u| format!("{u:?}")).collect::<Vec<_>>().join(", ")
        )));
    }
    serde_urlencoded::from_str(raw).map_err(|e| ApiError::bad_request(format!("query: {e}")))
}

/// A value, with a blank one read as absent.
fn given(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn label<T: std::str::FromStr>(name: &str, v: Option<String>, all: &[&str]) -> Result<Option<T>, ApiError> {
    match given(v) {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(|_| {
            ApiError::bad_request(format!("{name}: unknown value {s:?} (expected one of: {})", all.join(", ")))
        }),
    }
}

fn date(name: &str, v: Option<String>) -> Result<Option<String>, ApiError> {
    match given(v) {
        None => Ok(None),
        Some(d) if d.len() == 10 && rasd_store::cluster::day_number(&d).is_some() => Ok(Some(d)),
        Some(d) => Err(ApiError::bad_request(format!("{name}: not a YYYY-MM-DD date: {d:?}"))),
    }
}

pub(crate) fn boolean(name: &str, v: Option<String>) -> Result<bool, ApiError> {
    match given(v).as_deref() {
        None | Some("false" | "0" | "no") => Ok(false),
        Some("true" | "1" | "yes") => Ok(true),
        Some(other) => Err(ApiError::bad_request(format!("{name}: expected true or false, got {other:?}"))),
    }
}

fn bbox(v: Option<String>) -> Result<Option<BBox>, ApiError> {
    let Some(s) = given(v) else { return Ok(None) };
    let bad =
        |why: &str| ApiError::bad_request(format!("bbox: {why}; expected minLon,minLat,maxLon,maxLat, got {s:?}"));
    let parts: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>().ok().filter(|x| x.is_finite()))
        .collect::<Option<_>>()
        .ok_or_else(|| bad("not four numbers"))?;
    let [min_lon, min_lat, max_lon, max_lat] = parts[..] else { return Err(bad("not four numbers")) };
    if ![min_lon, max_lon].iter().all(|x| (-180.0..=180.0).contains(x))
        || ![min_lat, max_lat].iter().all(|x| (-90.0..=90.0).contains(x))
    {
        return Err(bad("longitudes must lie in -180..180 and latitudes in -90..90"));
    }
    if min_lon > max_lon || min_lat > max_lat {
        return Err(bad("the minimum is above the maximum"));
    }
    Ok(Some(BBox { min_lat, min_lon, max_lat, max_lon }))
}

/// The store filter of a request's filter and page parameters.
pub(crate) fn filter(f: FilterParams, page: PageParams) -> Result<EventFilter, ApiError> {
    let country = match given(f.country) {
        Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) => Some(c.to_ascii_uppercase()),
        Some(c) => {
            return Err(ApiError::bad_request(format!(
                "country: expected an ISO 3166-1 alpha-2 code such as LY, got {c:?}"
            )))
        }
        None => None,
    };
    let event_types: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
    let sub_types: Vec<&str> = SubEventType::ALL.iter().map(|t| t.as_str()).collect();
    let scopes: Vec<&str> = Scope::ALL.iter().map(|t| t.as_str()).collect();
    let date_from = date("date_from", f.date_from)?;
    let date_to = date("date_to", f.date_to)?;
    if let (Some(a), Some(b)) = (&date_from, &date_to) {
        if a > b {
            return Err(ApiError::bad_request(format!("date_from {a} is after date_to {b}")));
        }
    }
    let min_fatalities =
        match given(f.min_fatalities) {
            None => None,
            Some(n) => Some(n.parse::<u32>().map_err(|_| {
                ApiError::bad_request(format!("min_fatalities: expected a whole number ≥ 0, got {n:?}"))
            })?),
        };
    let limit = match given(page.limit) {
        None => DEFAULT_PAGE,
        Some(n) => match n.parse::<usize>() {
            Ok(n @ 1..=MAX_PAGE) => n,
            _ => {
                return Err(ApiError::bad_request(format!("limit: expected a number from 1 to {MAX_PAGE}, got {n:?}")))
            }
        },
    };
    Ok(EventFilter {
        country,
        admin1: given(f.admin1),
        event_type: label("event_type", f.event_type, &event_types)?,
        sub_event_type: label("sub_event_type", f.sub_event_type, &sub_types)?,
        scope: label("scope", f.scope, &scopes)?,
        actor: given(f.actor),
        date_from,
        date_to,
        bbox: bbox(f.bbox)?,
        min_fatalities,
        text: given(f.q),
        doc_id: given(f.doc_id),
        limit: Some(limit),
        // A cursor is an id, taken as is.
        after: page.cursor.filter(|c| !c.is_empty()),
    })
}
