//! Request and response bodies, and their OpenAPI schemas.
//!
//! The records of `rasd-core` (events, incidents, documents) are serialized
//! as they are, so the JSON is the contract of DESIGN.md §4. Their schemas
//! cannot be derived (this crate does not own the types), so they are written
//! out here with the builders; `tests/api.rs` validates real responses against
//! them recursively, so a field added to the core types without a schema
//! fails the tests. Types of `rasd-store` that a response carries are copied
//! into schema-deriving structs with exhaustive destructuring, so a new store
//! field is a compile error here rather than a silent omission.

use crate::params::date_string;
use rasd_core::{Document, Event, EventType, Incident, PloverEvent, PloverMode, Qualifier, Scope, SubEventType};
use rasd_store::{CoverageGap, Stats, StoredEvent, StoredSpan};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Ref, Schema, SchemaType, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// The body of every error response.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub(crate) struct ErrorBody {
    /// What went wrong, for a person.
    pub error: String,
}

/// An event as stored: the record of DESIGN.md §4 plus its incident.
#[derive(Debug, Serialize)]
pub(crate) struct EventItem {
    #[serde(flatten)]
    pub event: Event,
    pub incident_id: String,
}

impl From<StoredEvent> for EventItem {
    fn from(s: StoredEvent) -> EventItem {
        let StoredEvent { event, incident_id } = s;
        EventItem { event, incident_id }
    }
}

/// One page of events.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EventPage {
    pub items: Vec<EventItem>,
    /// Cursor of the next page (pass it as `cursor`); null on the last page.
    pub next: Option<String>,
}

/// An incident (one happening merged from its reports), as stored.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub(crate) struct IncidentRecord(pub Incident);

/// One page of incidents.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IncidentPage {
    pub items: Vec<IncidentRecord>,
    /// Cursor of the next page (pass it as `cursor`); null on the last page.
    pub next: Option<String>,
}

/// An incident with its member events and, for a running total, what its
/// covered incidents leave unexplained.
#[derive(Debug, Serialize)]
pub(crate) struct IncidentDetail {
    #[serde(flatten)]
    pub incident: Incident,
    pub members: Vec<EventItem>,
    pub coverage_gap: Option<Gap>,
}

/// What a running total claims beyond the single incidents it covers.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = CoverageGap)]
pub(crate) struct Gap {
    /// The total's conservative death figure.
    pub total: u32,
    /// Deaths of the covered single incidents.
    pub known: u32,
    /// `total - known` (at least 0): deaths no stored report tells of.
    pub unaccounted: u32,
    /// How many single incidents it covers.
    pub covered: u32,
    /// Happenings the total says it sums, where stated.
    pub stated_count: Option<u32>,
    /// `stated_count - covered`, where stated.
    pub missing_happenings: Option<u32>,
}

impl From<CoverageGap> for Gap {
    fn from(g: CoverageGap) -> Gap {
        let CoverageGap { total, known, unaccounted, covered, stated_count, missing_happenings } = g;
        Gap { total, known, unaccounted, covered, stated_count, missing_happenings }
    }
}

/// A stored document: its text and metadata, every evidence span of its
/// events, and the events.
#[derive(Debug, Serialize)]
pub(crate) struct DocumentDetail {
    #[serde(flatten)]
    pub document: Document,
    pub sha256: String,
    pub spans: Vec<SpanItem>,
    pub events: Vec<EventItem>,
}

/// One evidence span: the part of the text that supports one field of one event.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = EvidenceSpan)]
pub(crate) struct SpanItem {
    pub event_id: String,
    /// The field it supports: `evidence`, `evidence_all`, `actor1`, `actor2`, `assoc_actor1`, `assoc_actor2`,
    /// `location`, `date`, `fatalities`, `reported_by` or `trigger`.
    pub field: String,
    /// Code-point offset into the document text.
    pub start: usize,
    /// Code-point offset, exclusive.
    pub end: usize,
    pub text: String,
}

impl From<StoredSpan> for SpanItem {
    fn from(s: StoredSpan) -> SpanItem {
        let StoredSpan { event_id, field, start, end, text } = s;
        SpanItem { event_id, field, start, end, text }
    }
}

/// A document to ingest (`application/json`). Other fields are ignored, so a
/// line of a JSONL corpus can be posted as it is.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct DocumentInput {
    /// Default: `doc-` and 16 hex digits of the text's SHA-256.
    pub id: Option<String>,
    /// The report, as published; evidence offsets point into it.
    pub text: String,
    /// Publication date: `YYYY-MM-DD`, an ISO timestamp or RFC 2822 (also read from `time` or `date`).
    #[serde(alias = "time", alias = "date")]
    pub published: Option<String>,
    /// Outlet name.
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// ISO 639-1; detected when missing.
    pub lang: Option<String>,
}

/// Whether the document was new.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum IngestStatus {
    /// Stored now (status 201).
    Inserted,
    /// The same text was already stored, under `id` (status 200); nothing changed.
    Duplicate,
}

/// The result of an ingest.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IngestResponse {
    /// The id the document is stored under.
    pub id: String,
    pub status: IngestStatus,
    /// Its events as stored.
    pub events: Vec<EventItem>,
}

/// What the database holds. Keys of the maps are event types, ISO 3166-1
/// alpha-2 countries or `YYYY-MM` months (of the start date), `unknown` when
/// missing.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Stats)]
pub(crate) struct StatsBody {
    pub documents: u64,
    pub events: u64,
    pub incidents: u64,
    pub events_by_type: BTreeMap<String, u64>,
    pub events_by_country: BTreeMap<String, u64>,
    pub events_by_month: BTreeMap<String, u64>,
    pub incidents_by_type: BTreeMap<String, u64>,
    pub incidents_by_country: BTreeMap<String, u64>,
    pub incidents_by_month: BTreeMap<String, u64>,
}

impl From<Stats> for StatsBody {
    fn from(s: Stats) -> StatsBody {
        let Stats {
            documents,
            events,
            incidents,
            events_by_type,
            events_by_country,
            events_by_month,
            incidents_by_type,
            incidents_by_country,
            incidents_by_month,
        } = s;
        StatsBody {
            documents,
            events,
            incidents,
            events_by_type,
            events_by_country,
            events_by_month,
            incidents_by_type,
            incidents_by_country,
            incidents_by_month,
        }
    }
}

/// The server is up and can read its database.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Health {
    /// Always `ok` (a failing check answers 503).
    pub status: String,
    /// The version of rasd.
    pub version: String,
    /// The schema version of the database.
    pub schema_version: i64,
    /// Whether `POST /api/documents` is enabled.
    pub ingest: bool,
}

// ---- hand-written schemas of the core records ----

/// Schema-only types for the closed vocabularies, named components that the
/// records and the query parameters share.
macro_rules! label_schema {
    ($ty:ident, $name:literal, $description:literal, $values:expr) => {
        pub(crate) struct $ty;
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                labels($values).description(Some($description)).into()
            }
        }
        impl ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
        }
    };
}

label_schema!(EventTypeLabel, "EventType", "ACLED event type.", EventType::ALL.iter().map(|t| t.as_str()));
label_schema!(SubEventTypeLabel, "SubEventType", "ACLED sub-event type.", SubEventType::ALL.iter().map(|t| t.as_str()));
label_schema!(
    ScopeLabel,
    "Scope",
    "`event`: one happening; `cumulative`: a running total over several.",
    Scope::ALL.iter().map(|s| s.as_str())
);
label_schema!(FormatLabel, "ExportFormat", "An export format.", rasd_export::Format::ALL.iter().map(|f| f.as_str()));
label_schema!(
    KindLabel,
    "RecordKind",
    "`events`: one report's claim each; `incidents`: merged, with fatality ranges.",
    ["events", "incidents"]
);

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn nullable(t: Type) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(SchemaType::from_iter([t, Type::Null]))
}

fn integer(min: Option<u32>, max: Option<u32>) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::Integer).minimum(min).maximum(max)
}

fn labels<'a>(values: impl IntoIterator<Item = &'a str>) -> ObjectBuilder {
    string().enum_values(Some(values.into_iter().map(str::to_string)))
}

fn reference(name: &str) -> RefOr<Schema> {
    RefOr::Ref(Ref::from_schema_name(name))
}

/// A reference that may be null (OpenAPI 3.1: `oneOf` the schema and null).
fn nullable_ref(name: &str) -> RefOr<Schema> {
    OneOfBuilder::new().item(reference(name)).item(ObjectBuilder::new().schema_type(Type::Null)).into()
}

fn array(item: RefOr<Schema>) -> ArrayBuilder {
    ArrayBuilder::new().items(item)
}

fn precision(description: &str) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::Integer).enum_values(Some([1, 2, 3])).description(Some(description))
}

/// The nested components of events, incidents and documents.
fn components() -> Vec<(String, RefOr<Schema>)> {
    let span = ObjectBuilder::new()
        .description(Some("Code-point offsets [start, end) into the document text."))
        .property("start", integer(Some(0), None))
        .property("end", integer(Some(0), None))
        .required("start")
        .required("end");
    let actor = ObjectBuilder::new()
        .property("name", string().description(Some("Canonical English name (ACLED style).")))
        .property("text", string().description(Some("Surface form in the document.")))
        .property("inter", integer(Some(1), Some(8)).description(Some("ACLED actor class 1–8.")))
        .property("country", nullable(Type::String).description(Some("ISO 3166-1 alpha-3.")))
        .property("wikidata", string())
        .property("span", reference("CharSpan"))
        .required("name")
        .required("text")
        .required("inter")
        .required("country");
    let location = ObjectBuilder::new()
        .property("name", string())
        .property("text", string())
        .property("country", nullable(Type::String).description(Some("ISO 3166-1 alpha-2.")))
        .property("admin1", nullable(Type::String))
        .property("lat", nullable(Type::Number))
        .property("lon", nullable(Type::Number))
        .property("geo_precision", precision("1 the town, 2 near a place or part of a region, 3 a region only."))
        .property("gazetteer_id", nullable(Type::String))
        .property("offset_km", ObjectBuilder::new().schema_type(Type::Number))
        .property("bearing", string())
        .property("span", reference("CharSpan"))
        .required("name")
        .required("text")
        .required("country")
        .required("admin1")
        .required("lat")
        .required("lon")
        .required("geo_precision")
        .required("gazetteer_id");
    let date = ObjectBuilder::new()
        .property("start", date_string().schema_type(SchemaType::from_iter([Type::String, Type::Null])))
        .property("end", date_string().schema_type(SchemaType::from_iter([Type::String, Type::Null])))
        .property("time_precision", precision("1 day, 2 within a week, 3 within a month."))
        .property("text", nullable(Type::String))
        .property("span", reference("CharSpan"))
        .required("start")
        .required("end")
        .required("time_precision")
        .required("text");
    let fatalities = ObjectBuilder::new()
        .property("min", nullable(Type::Integer).minimum(Some(0)))
        .property("max", nullable(Type::Integer).minimum(Some(0)))
        .property("qualifier", labels(Qualifier::ALL.iter().map(|q| q.as_str())))
        .property("text", string())
        .property("span", reference("CharSpan"))
        .required("min")
        .required("max")
        .required("qualifier")
        .required("text");
    let source = ObjectBuilder::new()
        .description(Some("Who the report quotes."))
        .property("name", string())
        .property("text", string())
        .property("span", reference("CharSpan"))
        .required("name")
        .required("text");
    let evidence = ObjectBuilder::new()
        .property("start", integer(Some(0), None))
        .property("end", integer(Some(0), None))
        .property("text", string())
        .required("start")
        .required("end")
        .required("text");
    let plover = ObjectBuilder::new()
        .property("event", labels(PloverEvent::ALL.iter().map(|e| e.as_str())))
        .property(
            "mode",
            nullable(Type::String).enum_values(Some(
                PloverMode::ALL.iter().map(|m| serde_json::Value::from(m.as_str())).chain([serde_json::Value::Null]),
            )),
        )
        .required("event")
        .required("mode");
    let explain = ObjectBuilder::new()
        .property("trigger", string())
        .property("trigger_span", reference("CharSpan"))
        .property("rules", array(string().into()))
        .required("trigger")
        .required("trigger_span")
        .required("rules");
    let range = ObjectBuilder::new()
        .description(Some(
            "low: the most conservative credible figure; high: the highest reported; best: the best supported.",
        ))
        .property("low", integer(Some(0), None))
        .property("best", integer(Some(0), None))
        .property("high", integer(Some(0), None))
        .required("low")
        .required("best")
        .required("high");
    let incident_source = ObjectBuilder::new()
        .property("doc_id", string())
        .property("event_id", string())
        .property("outlet", nullable(Type::String))
        .property("url", nullable(Type::String))
        .property("published", nullable(Type::String))
        .property("quoted", nullable(Type::String))
        .required("doc_id")
        .required("event_id")
        .required("outlet")
        .required("url")
        .required("published")
        .required("quoted");
    let labels = [
        (EventTypeLabel::name(), EventTypeLabel::schema()),
        (SubEventTypeLabel::name(), SubEventTypeLabel::schema()),
        (ScopeLabel::name(), ScopeLabel::schema()),
    ];
    labels
        .into_iter()
        .map(|(name, schema)| (name.to_string(), schema))
        .chain(
            [
                ("CharSpan", span),
                ("Actor", actor),
                ("Location", location),
                ("EventDate", date),
                ("Fatalities", fatalities),
                ("Source", source),
                ("Evidence", evidence),
                ("Plover", plover),
                ("Explain", explain),
                ("FatalityRange", range),
                ("IncidentSource", incident_source),
            ]
            .into_iter()
            .map(|(name, o)| (name.to_string(), o.into())),
        )
        .collect()
}

fn push_components(schemas: &mut Vec<(String, RefOr<Schema>)>) {
    schemas.extend(components());
}

/// The properties of an event record (DESIGN.md §4) and its incident id.
fn event_object() -> ObjectBuilder {
    ObjectBuilder::new()
        .description(Some("One report's claim about one happening, or a running total (DESIGN.md §4)."))
        .property("id", string().description(Some("`DOC_ID#N`.")))
        .property("doc_id", string())
        .property("event_type", reference("EventType"))
        .property("sub_event_type", reference("SubEventType"))
        .property("plover", reference("Plover"))
        .property("actor1", nullable_ref("Actor"))
        .property("actor2", nullable_ref("Actor"))
        .property("assoc_actor1", array(reference("Actor")))
        .property("assoc_actor2", array(reference("Actor")))
        .property("location", nullable_ref("Location"))
        .property("date", reference("EventDate"))
        .property("fatalities", nullable_ref("Fatalities"))
        .property("scope", reference("Scope"))
        .property("count", integer(Some(0), None).description(Some("Happenings a running total sums, where stated.")))
        .property("reported_by", nullable_ref("Source"))
        .property("evidence", reference("Evidence"))
        .property("evidence_all", array(reference("CharSpan")))
        .property("confidence", ObjectBuilder::new().schema_type(Type::Number).minimum(Some(0)).maximum(Some(1)))
        .property("explain", reference("Explain"))
        .property("incident_id", string().description(Some("The incident the event belongs to.")))
        .required("id")
        .required("doc_id")
        .required("event_type")
        .required("sub_event_type")
        .required("plover")
        .required("actor1")
        .required("actor2")
        .required("assoc_actor1")
        .required("assoc_actor2")
        .required("location")
        .required("date")
        .required("fatalities")
        .required("scope")
        .required("reported_by")
        .required("evidence")
        .required("confidence")
        .required("incident_id")
}

/// The properties of an incident record.
fn incident_object() -> ObjectBuilder {
    ObjectBuilder::new()
        .description(Some("One happening merged from every report of it, with the spread of their claims."))
        .property("id", string().description(Some("The smallest member event id.")))
        .property("event_type", reference("EventType"))
        .property("sub_event_type", reference("SubEventType"))
        .property("actor1", nullable_ref("Actor"))
        .property("actor2", nullable_ref("Actor"))
        .property("location", nullable_ref("Location"))
        .property("date", reference("EventDate"))
        .property("fatalities", nullable_ref("FatalityRange"))
        .property("scope", reference("Scope"))
        .property("events", array(string().into()).description(Some("Ids of the member events.")))
        .property("sources", array(reference("IncidentSource")))
        .property("covers", array(string().into()).description(Some("Running total: the single incidents it covers.")))
        .property(
            "covered_by",
            array(string().into()).description(Some("Single incident: the running totals that include it.")),
        )
        .required("id")
        .required("event_type")
        .required("sub_event_type")
        .required("actor1")
        .required("actor2")
        .required("location")
        .required("date")
        .required("fatalities")
        .required("scope")
        .required("events")
        .required("sources")
}

impl PartialSchema for EventItem {
    fn schema() -> RefOr<Schema> {
        event_object().into()
    }
}

impl ToSchema for EventItem {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Event")
    }
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        push_components(schemas);
    }
}

impl PartialSchema for IncidentRecord {
    fn schema() -> RefOr<Schema> {
        incident_object().into()
    }
}

impl ToSchema for IncidentRecord {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Incident")
    }
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        push_components(schemas);
    }
}

impl PartialSchema for IncidentDetail {
    fn schema() -> RefOr<Schema> {
        incident_object()
            .property("members", array(reference("Event")))
            .property("coverage_gap", nullable_ref("CoverageGap"))
            .required("members")
            .required("coverage_gap")
            .into()
    }
}

impl ToSchema for IncidentDetail {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        push_components(schemas);
        schemas.push((EventItem::name().into(), EventItem::schema()));
        schemas.push((Gap::name().into(), Gap::schema()));
    }
}

impl PartialSchema for DocumentDetail {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .property("id", string())
            .property("text", string().description(Some("The original text; offsets count its code points.")))
            .property("published", date_string())
            .property("source", string())
            .property("url", string())
            .property("title", string())
            .property("lang", string())
            .property("sha256", string().description(Some("SHA-256 of the text, hex.")))
            .property("spans", array(reference("EvidenceSpan")))
            .property("events", array(reference("Event")))
            .required("id")
            .required("text")
            .required("sha256")
            .required("spans")
            .required("events")
            .into()
    }
}

impl ToSchema for DocumentDetail {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        push_components(schemas);
        schemas.push((EventItem::name().into(), EventItem::schema()));
        schemas.push((SpanItem::name().into(), SpanItem::schema()));
    }
}
