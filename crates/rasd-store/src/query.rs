//! Query filters and result types, and the SQL they compile to (always with
//! bound parameters).

use crate::cluster::day_number;
use crate::StoreError;
use rasd_core::{Document, Event, EventType, Scope, SubEventType};
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

/// Default and maximum page sizes.
pub const DEFAULT_LIMIT: usize = 100;
pub const MAX_LIMIT: usize = 10_000;

/// A latitude/longitude box, edges included.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    pub min_lat: f64,
    pub min_lon: f64,
    pub max_lat: f64,
    pub max_lon: f64,
}

/// Which events (or incidents) to return. Every field narrows the result;
/// the default matches everything. Results come sorted by id; pass the
/// previous page's `next` as `after` for the following page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventFilter {
    /// ISO 3166-1 alpha-2 (any case).
    pub country: Option<String>,
    /// Exact first-level division name (ASCII case-insensitive).
    pub admin1: Option<String>,
    pub event_type: Option<EventType>,
    pub sub_event_type: Option<SubEventType>,
    pub scope: Option<Scope>,
    /// Substring of an actor's canonical name or surface text (ASCII
    /// case-insensitive).
    pub actor: Option<String>,
    /// `YYYY-MM-DD`: dated on or after (the record's period overlaps).
    pub date_from: Option<String>,
    /// `YYYY-MM-DD`: dated on or before.
    pub date_to: Option<String>,
    pub bbox: Option<BBox>,
    /// At least this many deaths (events: the claim's conservative figure;
    /// incidents: `low`).
    pub min_fatalities: Option<u32>,
    /// Words that must all occur in the evidence (FTS5; each word is matched
    /// as a literal token, no query syntax).
    pub text: Option<String>,
    /// Only the records of this document (its id as stored).
    pub doc_id: Option<String>,
    /// Page size, default [`DEFAULT_LIMIT`], at most [`MAX_LIMIT`].
    pub limit: Option<usize>,
    /// Cursor: return ids after this one.
    pub after: Option<String>,
}

/// One page of results; `next` is the cursor for the following page, `None`
/// on the last one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

/// A stored event and the incident it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    pub event: Event,
    pub incident_id: String,
}

/// One stored evidence span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSpan {
    pub event_id: String,
    /// Which field of the event it supports (`evidence`, `evidence_all`,
    /// `actor1`, `location`, `date`, `fatalities`, `reported_by`, …).
    pub field: String,
    /// Code-point offsets into the document text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A stored document with every evidence span of its events.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredDocument {
    pub document: Document,
    pub sha256: String,
    pub spans: Vec<StoredSpan>,
}

/// Counts by key (`unknown` for a missing country or date).
pub type Counts = std::collections::BTreeMap<String, u64>;

/// What the store holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub documents: u64,
    pub events: u64,
    pub incidents: u64,
    pub events_by_type: Counts,
    pub events_by_country: Counts,
    /// `YYYY-MM` of the start date.
    pub events_by_month: Counts,
    pub incidents_by_type: Counts,
    pub incidents_by_country: Counts,
    pub incidents_by_month: Counts,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Events,
    Incidents,
}

/// Turns free text into an FTS5 query of quoted literal tokens, so that user
/// input can never be read as FTS syntax.
fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text.split_whitespace().map(|t| format!("\"{}\"", t.replace('"', "\"\""))).collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn check_date(d: &str) -> Result<String, StoreError> {
    match day_number(d) {
        Some(_) if d.len() == 10 => Ok(d.to_string()),
        _ => Err(StoreError::InvalidFilter(format!("not a YYYY-MM-DD date: {d:?}"))),
    }
}

/// `WHERE … ORDER BY id LIMIT ?` for a filter, with its parameters and the
/// effective limit. Table alias is `t`.
pub(crate) fn where_clause(f: &EventFilter, target: Target) -> Result<(String, Vec<Value>, usize), StoreError> {
    let mut w: Vec<&str> = Vec::new();
    let mut p: Vec<Value> = Vec::new();
    if let Some(c) = &f.country {
        w.push("t.country = ?");
        p.push(Value::Text(c.to_ascii_uppercase()));
    }
    if let Some(a) = &f.admin1 {
        w.push("t.admin1 = ? COLLATE NOCASE");
        p.push(Value::Text(a.clone()));
    }
    if let Some(t) = f.event_type {
        w.push("t.event_type = ?");
        p.push(Value::Text(t.as_str().into()));
    }
    if let Some(t) = f.sub_event_type {
        w.push("t.sub_event_type = ?");
        p.push(Value::Text(t.as_str().into()));
    }
    if let Some(s) = f.scope {
        w.push("t.scope = ?");
        p.push(Value::Text(s.as_str().into()));
    }
    if let Some(a) = f.actor.as_deref().filter(|a| !a.is_empty()) {
        w.push("instr(lower(t.actors), lower(?)) > 0");
        p.push(Value::Text(a.into()));
    }
    if let Some(d) = &f.date_from {
        w.push("t.date_end >= ?");
        p.push(Value::Text(check_date(d)?));
    }
    if let Some(d) = &f.date_to {
        w.push("t.date_start <= ?");
        p.push(Value::Text(check_date(d)?));
    }
    if let Some(b) = f.bbox {
        if !(b.min_lat <= b.max_lat && b.min_lon <= b.max_lon) {
            return Err(StoreError::InvalidFilter(format!("empty bounding box {b:?}")));
        }
        w.push("t.lat BETWEEN ? AND ? AND t.lon BETWEEN ? AND ?");
        p.extend([Value::Real(b.min_lat), Value::Real(b.max_lat), Value::Real(b.min_lon), Value::Real(b.max_lon)]);
    }
    if let Some(n) = f.min_fatalities {
        w.push(if target == Target::Events { "t.fat_n >= ?" } else { "t.fat_low >= ?" });
        p.push(Value::Integer(n.into()));
    }
    if let Some(text) = &f.text {
        let q = fts_query(text).ok_or_else(|| StoreError::InvalidFilter("empty text search".into()))?;
        w.push(if target == Target::Events {
            "t.pk IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)"
        } else {
            "t.id IN (SELECT e.incident_id FROM events e WHERE e.pk IN \
             (SELECT rowid FROM event_fts WHERE event_fts MATCH ?))"
        });
        p.push(Value::Text(q));
    }
    if let Some(d) = &f.doc_id {
        w.push(if target == Target::Events {
            "t.doc_pk = (SELECT pk FROM documents WHERE id = ?)"
        } else {
            "t.id IN (SELECT e.incident_id FROM events e WHERE e.doc_pk = (SELECT pk FROM documents WHERE id = ?))"
        });
        p.push(Value::Text(d.clone()));
    }
    if let Some(a) = &f.after {
        w.push("t.id > ?");
        p.push(Value::Text(a.clone()));
    }
    let limit = f.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let mut sql = String::new();
    if !w.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&w.join(" AND "));
    }
    sql.push_str(" ORDER BY t.id LIMIT ?");
    p.push(Value::Integer(limit as i64));
    Ok((sql, p, limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_input_is_quoted() {
        assert_eq!(fts_query(r#"داعش OR "x"#).unwrap(), r#""داعش" "OR" """x""#);
        assert_eq!(fts_query("  "), None);
    }

    #[test]
    fn bad_filters_are_refused() {
        let f = EventFilter { date_from: Some("2019-13-01".into()), ..Default::default() };
        assert!(matches!(where_clause(&f, Target::Events), Err(StoreError::InvalidFilter(_))));
        let f = EventFilter { text: Some(" ".into()), ..Default::default() };
        assert!(where_clause(&f, Target::Events).is_err());
    }
}
