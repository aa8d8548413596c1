//! The incident: one happening as several reports tell it (issue 5).

use crate::{Actor, EventDate, EventType, Location, Scope, SubEventType};
use serde::{Deserialize, Serialize};

/// One happening merged from every report of it, across documents and
/// outlets, with the spread of what they claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: String,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    pub location: Option<Location>,
    /// The narrowest date the members agree on.
    pub date: EventDate,
    /// Fatalities across the members' claims (UCDP style).
    pub fatalities: Option<FatalityRange>,
    /// `cumulative` for a running total; its covered incidents are in
    /// `covers` and it never adds deaths on top of them.
    pub scope: Scope,
    /// Ids of the member events.
    pub events: Vec<String>,
    /// Every report that tells of it.
    pub sources: Vec<IncidentSource>,
    /// For a running total: the single incidents it covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
    /// For a single incident: the running totals that include it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covered_by: Vec<String>,
}

/// Fatality figures of an incident's reports: `low` the most conservative
/// credible figure, `high` the highest reported, `best` the best-supported
/// one. ACLED's single `fatalities` is `low`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FatalityRange {
    pub low: u32,
    pub best: u32,
    pub high: u32,
}

/// One report of an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentSource {
    pub doc_id: String,
    pub event_id: String,
    /// The outlet (the document's `source`).
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Who the report quotes (the event's `reported_by`).
    pub quoted: Option<String>,
}
