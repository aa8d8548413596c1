//! Writers for rasd records in the formats analysts' tools read
//! (`rasd export --format acled-csv|plover-jsonl|geojson|ucdp-csv`).
//!
//! # Design
//!
//! - **One view, four writers.** An [`Event`] (one report's claim) and an
//!   [`Incident`] (one happening merged from many reports, with a fatality
//!   range) are first turned into one internal record view; each format's
//!   writer reads only that view, so both kinds export the same way. An
//!   incident exports with its range (ACLED's `fatalities` is its `low`, UCDP's
//!   `low`/`best`/`high` are the range) and with its sources joined by `"; "`.
//! - **Codebook conventions live here, not in the extractor.** The extractor
//!   keeps what the text says (`qualifier: vague`, a date range, a region);
//!   the export applies each format's rules: ACLED's most conservative figure
//!   (0 when unknown, 10 / 3 for deaths reported with no number), a range coded
//!   at its middle with a coarser `time_precision`, `interaction` with the lower
//!   class first, `disorder_type`, `civilian_targeting`; UCDP's
//!   `type_of_violence`, `where_prec` and `date_prec` scales.
//! - **Tables are data.** The country table (ISO 3166-1 codes with ACLED's
//!   country names and regions, `data/export/countries.tsv`) and the English
//!   sentence templates of `notes` (`data/export/notes.tsv`, one line per
//!   sub-event type) are commented TSV files compiled in with `include_str!`.
//! - **Reproducible.** Output depends only on the records, their order and
//!   [`ExportOptions`]: ACLED's `timestamp` is passed in, never read from the
//!   clock, and `event_id_cnty` numbers records per country in input order
//!   (`LBY1`, `LBY2`, …; `XXX1` when the country is unknown).
//! - **Streaming.** Writers take any [`Write`] and never hold the whole output.
//!
//! ```
//! use rasd_export::{write_events, ExportOptions, Format};
//! let events: Vec<rasd_core::Event> = Vec::new();
//! let mut out = Vec::new();
//! let opts = ExportOptions { timestamp: 1_570_000_000, ..Default::default() };
//! let summary = write_events("acled-csv".parse::<Format>().unwrap(), &events, &opts, &mut out).unwrap();
//! assert_eq!(summary.written, 0);
//! assert!(out.starts_with(b"event_id_cnty,event_date,year,"));
//! ```

mod acled;
mod country;
mod geojson;
mod notes;
mod plover;
mod record;
mod ucdp;

pub use acled::{ACLED_COLUMNS, UNKNOWN_COUNTRY_PREFIX};
pub use country::{countries, country, Country};
pub use record::{VAGUE_LIMITED, VAGUE_SIGNIFICANT};
pub use ucdp::UCDP_COLUMNS;

use rasd_core::{Event, Incident, Scope};
use record::Record;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::str::FromStr;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// ACLED's CSV layout (`acled-csv`).
    AcledCsv,
    /// PLOVER JSON lines, one object per record (`plover-jsonl`).
    PloverJsonl,
    /// A GeoJSON FeatureCollection of points (`geojson`).
    GeoJson,
    /// UCDP GED-style CSV (`ucdp-csv`).
    UcdpCsv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::AcledCsv, Format::PloverJsonl, Format::GeoJson, Format::UcdpCsv];

    /// The name `--format` takes.
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::AcledCsv => "acled-csv",
            Format::PloverJsonl => "plover-jsonl",
            Format::GeoJson => "geojson",
            Format::UcdpCsv => "ucdp-csv",
        }
    }

    /// The usual file extension.
    pub const fn extension(self) -> &'static str {
        match self {
            Format::AcledCsv | Format::UcdpCsv => "csv",
            Format::PloverJsonl => "jsonl",
            Format::GeoJson => "geojson",
        }
    }

    /// The media type.
    pub const fn media_type(self) -> &'static str {
        match self {
            Format::AcledCsv | Format::UcdpCsv => "text/csv; charset=utf-8",
            Format::PloverJsonl => "application/x-ndjson",
            Format::GeoJson => "application/geo+json",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `--format` value that names no format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format {0:?} (expected acled-csv, plover-jsonl, geojson or ucdp-csv)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, UnknownFormat> {
        Format::ALL.into_iter().find(|f| f.as_str() == s.trim()).ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// What an export needs besides the records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// ACLED's `timestamp` column (Unix seconds), given by the caller so that
    /// an export is reproducible.
    pub timestamp: i64,
    /// Outlet name per document id (the document's `source`), for the
    /// `source` columns of events; an event's quoted source (`reported_by`)
    /// follows the outlet, joined with `"; "`.
    pub outlets: BTreeMap<String, String>,
    /// Leave out running totals (`scope: cumulative`). ACLED and UCDP code
    /// only single happenings, and a total exported beside the single events
    /// it sums up counts their deaths twice when a column is summed; by
    /// default totals are written (their notes say "in total") so that a
    /// reviewer sees them.
    pub skip_cumulative: bool,
}

/// What an export wrote and what it left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Records written (rows, lines or features).
    pub written: usize,
    /// Records left out, with the reason.
    pub skipped: Vec<Skipped>,
}

/// A record an export left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub id: String,
    pub reason: SkipReason,
}

/// Why a record was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// GeoJSON: the record has no coordinates.
    NoCoordinates,
    /// UCDP: protests, riots and strategic developments are not organized
    /// violence, the scope of UCDP GED.
    NotOrganizedViolence,
    /// A running total left out by [`ExportOptions::skip_cumulative`].
    Cumulative,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SkipReason::NoCoordinates => "no coordinates",
            SkipReason::NotOrganizedViolence => "not organized violence (outside UCDP GED's scope)",
            SkipReason::Cumulative => "a running total (cumulative record)",
        })
    }
}

/// An export that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Writes events (one report's claim each) in `format`.
pub fn write_events<W: Write>(
    format: Format,
    events: &[Event],
    opts: &ExportOptions,
    w: W,
) -> Result<ExportSummary, ExportError> {
    let records: Vec<Record> = events.iter().map(|e| Record::from_event(e, opts)).collect();
    write_records(format, &records, opts, w)
}

/// Writes incidents (one happening merged from its reports) in `format`,
/// with their fatality ranges and all their sources.
pub fn write_incidents<W: Write>(
    format: Format,
    incidents: &[Incident],
    opts: &ExportOptions,
    w: W,
) -> Result<ExportSummary, ExportError> {
    let records: Vec<Record> = incidents.iter().map(Record::from_incident).collect();
    write_records(format, &records, opts, w)
}

fn write_records<W: Write>(
    format: Format,
    records: &[Record],
    opts: &ExportOptions,
    w: W,
) -> Result<ExportSummary, ExportError> {
    let mut skipped = Vec::new();
    let kept: Vec<&Record> = records
        .iter()
        .filter(|r| {
            let skip = opts.skip_cumulative && r.scope == Scope::Cumulative;
            if skip {
                skipped.push(Skipped { id: r.id.to_string(), reason: SkipReason::Cumulative });
            }
            !skip
        })
        .collect();
    let mut summary = match format {
        Format::AcledCsv => acled::write(&kept, opts, w),
        Format::PloverJsonl => plover::write(&kept, w),
        Format::GeoJson => geojson::write(&kept, w),
        Format::UcdpCsv => ucdp::write(&kept, w),
    }?;
    skipped.append(&mut summary.skipped);
    summary.skipped = skipped;
    Ok(summary)
}

/// The ACLED-style English `notes` of an event, e.g. "On 29 September 2019,
/// Military Forces of the United States conducted an air strike against
/// Islamic State (Libya) in Southern Libya (Fezzan), killing 7."
pub fn event_notes(event: &Event) -> String {
    notes::notes(&Record::from_event(event, &ExportOptions::default()))
}

/// The ACLED-style English `notes` of an incident (its range included).
pub fn incident_notes(incident: &Incident) -> String {
    notes::notes(&Record::from_incident(incident))
}
