//! The event record of the output contract (DESIGN.md §4).

use crate::{
    CharSpan, EventType, GeoPrecision, PloverEvent, PloverMode, Qualifier, Scope, SubEventType, TimePrecision,
};
use serde::{Deserialize, Serialize};

/// One report's claim about one happening (or a running total).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub doc_id: String,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub plover: Plover,
    pub actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    #[serde(default)]
    pub assoc_actor1: Vec<Actor>,
    #[serde(default)]
    pub assoc_actor2: Vec<Actor>,
    pub location: Option<Location>,
    pub date: EventDate,
    pub fatalities: Option<Fatalities>,
    pub scope: Scope,
    /// Number of happenings a cumulative record sums, where the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    pub reported_by: Option<Source>,
    pub evidence: Evidence,
    /// Every span that supports this record (lede and body mentions merged).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence_all: Vec<CharSpan>,
    pub confidence: f32,
    /// Why rasd said it (`--explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explain>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    pub event: PloverEvent,
    pub mode: Option<PloverMode>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical English name (ACLED style).
    pub name: String,
    /// Surface form in the document.
    pub text: String,
    /// ACLED actor class 1–8.
    pub inter: u8,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<CharSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub text: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: GeoPrecision,
    pub gazetteer_id: Option<String>,
    /// Offset from the named place ("40 km before al-Qatrun"), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset_km: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bearing: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<CharSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    pub start: Option<String>,
    pub end: Option<String>,
    pub time_precision: TimePrecision,
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<CharSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fatalities {
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub qualifier: Qualifier,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<CharSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<CharSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The trigger, frame and rules behind a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explain {
    pub trigger: String,
    pub trigger_span: CharSpan,
    pub rules: Vec<String>,
}
