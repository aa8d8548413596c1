//! The embedded database of rasd (رصد): documents, the events extracted from
//! them with every evidence span, and the incidents that merge reports of one
//! happening (DESIGN.md §3). It depends on `rasd-core` only: callers pass a
//! [`Document`] and the [`Event`]s extracted from it.
//!
//! # Schema
//!
//! One SQLite file (see `schema.rs`, versioned by `PRAGMA user_version`, with
//! migrations applied in order on [`Store::open`]; a file from a newer schema
//! is refused before anything is written):
//!
//! - `documents`: text and metadata, keyed by `id` and unique by the SHA-256
//!   of the text, so ingesting the same report twice changes nothing.
//! - `events`: one row per event with the filterable columns (type, country,
//!   admin1, dates, coordinates, tolls, actor names, scope, incident id),
//!   the full record as JSON in `event_json`, its evidence spans in `spans`
//!   (field, code-point offsets, text) and its evidence text in the FTS5
//!   table `event_fts`.
//! - `incidents`: the merged records (JSON plus the same filterable columns),
//!   and `incident_links` from running totals to the single incidents they
//!   cover.
//!
//! Queries page by keyset on the text id (`id > cursor ORDER BY id`), with
//! `(column, id)` indexes so that a filtered page reads only what it returns.
//!
//! # Transactions and durability
//!
//! A document, its events, spans, search rows and every incident update it
//! causes are written in one `BEGIN IMMEDIATE` transaction (taking the write
//! lock up front, so two writers queue on the busy timeout instead of
//! deadlocking). The database runs in WAL mode with `synchronous = FULL`, so a
//! crash at any moment loses at most the transaction in flight and never
//! leaves a half-written document or incident; readers
//! ([`Store::open_read_only`]) see the last committed state while a writer
//! ingests.
//!
//! # Incidents, and why they do not depend on ingest order
//!
//! [`cluster::compatible`] is a fixed, symmetric relation between two events
//! (same type family, dates within the precision windows, places within a
//! precision-dependent distance and in one country, no two different named
//! actors in one role, never a running total with a single happening).
//! Incidents are the connected components of that relation. When a document
//! arrives, each new event is compared with every stored event that could be
//! compatible (an indexed candidate query on type, country and a date window
//! that is wider than any precision window) and the components it touches are
//! merged. Since a pair is linked whichever of the two arrives last, the
//! components are the same for every order. The incident id is its smallest
//! member event id, and every field is recomputed from the members sorted by
//! id with ties broken by id ([`cluster::build_incident`]), so the records are
//! identical too. Running totals link to single incidents by
//! [`cluster::covers`], a function of the two incident records, recomputed for
//! every incident that changed; the gap between a total and what its covered
//! incidents account for is [`Store::coverage_gap`], never new events.

pub mod cluster;
mod error;
mod query;
mod schema;

pub use cluster::{CoverageGap, Report};
pub use error::StoreError;
pub use query::*;
pub use schema::VERSION as SCHEMA_VERSION;

use cluster::{
    build_incident, compatible, covers, dates_may_match, day_number, day_range, iso_date, type_family,
    MAX_DATE_WINDOW_DAYS,
};
use query::{where_clause, Target};
use rasd_core::{Document, Event, Incident, Scope, TimePrecision};
use rusqlite::{params, params_from_iter, Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a connection waits for a lock held by another before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Ids bound in one lookup query (SQLite builds before 3.32 allow 999 parameters).
pub const ID_BATCH: usize = 500;

/// What [`Store::add_document`] did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Added {
    /// Stored under `id` with this many events.
    Inserted { id: String, events: usize },
    /// The same text is already stored under `id`; nothing changed.
    Duplicate { id: String },
}

/// A handle on one rasd database file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn header(conn: &Connection) -> Result<(i64, i64), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    Ok((version, app))
}

impl Store {
    /// Opens (creating on first use) a database for reading and writing,
    /// migrating an older schema. A database of a newer schema, or an SQLite
    /// file that is not rasd's, is refused without being modified.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref().to_path_buf();
        let mut conn = Connection::open(&path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Inspect before changing anything (even switching to WAL rewrites the header).
        let (version, app) = header(&conn)?;
        if version > schema::VERSION {
            return Err(StoreError::SchemaTooNew { path, found: version, supported: schema::VERSION });
        }
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        let ours = app == schema::APPLICATION_ID || (app == 0 && version == 0 && tables == 0);
        if !ours {
            return Err(StoreError::NotRasd { path, found: app, version });
        }
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Corrupt(format!(
                "could not switch {} to WAL (journal mode {mode})",
                path.display()
            )));
        }
        // FULL: a commit is on disk before add_document returns, so a crash
        // or power loss loses at most the document in flight.
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        // Clustering reads recent events of the same type for every new one;
        // a 64 MB page cache (the default is 2 MB) keeps them in memory.
        conn.execute_batch("PRAGMA cache_size = -65536;")?;
        // Checkpoint the WAL every ~16 MB rather than every 4 MB: fewer
        // copies back into the database during a bulk ingest.
        conn.execute_batch("PRAGMA wal_autocheckpoint = 4000;")?;
        // The ingest statements plus the candidate queries' variants (type × country × date).
        conn.set_prepared_statement_cache_capacity(64);
        for (i, step) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
            // Re-check under the lock: another process may have migrated meanwhile.
            let (now, _) = header(&tx)?;
            if now > i as i64 {
                continue;
            }
            tx.execute_batch(step)?;
            tx.execute_batch(&format!(
                "PRAGMA user_version = {}; PRAGMA application_id = {};",
                i + 1,
                schema::APPLICATION_ID
            ))?;
            tx.commit()?;
        }
        conn.execute_batch("PRAGMA optimize = 0x10002;")?;
        Ok(Store { conn, path, read_only: false })
    }

    /// Opens an existing database for queries only. Any number of readers
    /// may query while one writer ingests (WAL).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref().to_path_buf();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(&path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let (version, app) = header(&conn)?;
        if version > schema::VERSION {
            return Err(StoreError::SchemaTooNew { path, found: version, supported: schema::VERSION });
        }
        if app != schema::APPLICATION_ID {
            return Err(StoreError::NotRasd { path, found: app, version });
        }
        if version < schema::VERSION {
            return Err(StoreError::SchemaTooOld { path, found: version, supported: schema::VERSION });
        }
        conn.execute_batch("PRAGMA query_only = ON;")?;
        Ok(Store { conn, path, read_only: true })
    }

    /// The file this store reads.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(header(&self.conn)?.0)
    }

    /// Stores a document, its events and evidence spans, and updates the
    /// incidents, all in one transaction. The same text a second time
    /// changes nothing and returns [`Added::Duplicate`]. A document with an
    /// empty id gets its SHA-256 as id (and events with an empty `doc_id`
    /// take it too).
    pub fn add_document(&mut self, doc: &Document, events: &[Event]) -> Result<Added, StoreError> {
        Ok(self.add_documents([(doc, events)])?.remove(0))
    }

    /// Stores many documents in one transaction (faster for bulk imports;
    /// an error in any of them stores none of them).
    pub fn add_documents<'a>(
        &mut self,
        batch: impl IntoIterator<Item = (&'a Document, &'a [Event])>,
    ) -> Result<Vec<Added>, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out = Vec::new();
        for (doc, events) in batch {
            out.push(ingest(&tx, doc, events)?);
        }
        tx.commit()?;
        Ok(out)
    }

    /// The id under which this exact text is stored, if it is: lets a
    /// re-run of an ingest skip documents before extracting them again.
    pub fn stored_id_of_text(&self, text: &str) -> Result<Option<String>, StoreError> {
        let sha = sha256_hex(text);
        let mut st = self.conn.prepare_cached("SELECT id FROM documents WHERE sha256 = ?1")?;
        Ok(st.query_row([&sha], |r| r.get(0)).optional()?)
    }

    /// Checks the file (SQLite's `integrity_check` and foreign keys) and
    /// the store's own invariants: every event belongs to a stored document
    /// and an incident, and every incident has members.
    pub fn check(&self) -> Result<(), StoreError> {
        let ok: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if ok != "ok" {
            return Err(StoreError::Corrupt(format!("{}: {ok}", self.path.display())));
        }
        let fk: Option<String> = self.conn.query_row("PRAGMA foreign_key_check", [], |r| r.get(0)).optional()?;
        if let Some(table) = fk {
            return Err(StoreError::Corrupt(format!("{}: dangling reference in {table}", self.path.display())));
        }
        for (what, sql) in [
            ("events without a document", "SELECT count(*) FROM events WHERE doc_pk NOT IN (SELECT pk FROM documents)"),
            (
                "events without an incident",
                "SELECT count(*) FROM events WHERE incident_id NOT IN (SELECT id FROM incidents)",
            ),
            (
                "incidents without events",
                "SELECT count(*) FROM incidents WHERE id NOT IN (SELECT incident_id FROM events)",
            ),
        ] {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            if n > 0 {
                return Err(StoreError::Corrupt(format!("{}: {n} {what}", self.path.display())));
            }
        }
        Ok(())
    }

    /// Outlet (`source`) per document id, for the source columns of exports.
    pub fn outlets(&self) -> Result<BTreeMap<String, String>, StoreError> {
        let mut st = self.conn.prepare("SELECT id, source FROM documents WHERE source IS NOT NULL")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Events matching a filter, by id.
    pub fn events(&self, f: &EventFilter) -> Result<Page<StoredEvent>, StoreError> {
        let (clause, params, limit) = where_clause(f, Target::Events)?;
        let sql = format!(
            "SELECT t.id, t.incident_id, j.json FROM events t JOIN event_json j ON j.pk = t.pk \
             WHERE t.pk IN (SELECT t.pk FROM events t{clause}) ORDER BY t.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(params), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (_, incident_id, json) = row?;
            items.push(StoredEvent { event: serde_json::from_str(&json)?, incident_id });
        }
        let next = (items.len() == limit).then(|| items.last().map(|e: &StoredEvent| e.event.id.clone())).flatten();
        Ok(Page { items, next })
    }

    /// One event by id, with its incident.
    pub fn event(&self, id: &str) -> Result<Option<StoredEvent>, StoreError> {
        Ok(self.events_by_id([id])?.remove(id))
    }

    /// The stored events with these ids (those that exist), by id: one
    /// query for every [`ID_BATCH`] ids.
    pub fn events_by_id<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<BTreeMap<String, StoredEvent>, StoreError> {
        let ids: Vec<&str> = ids.into_iter().collect();
        let mut found = BTreeMap::new();
        for chunk in ids.chunks(ID_BATCH) {
            let marks = vec!["?"; chunk.len()].join(",");
            let sql = format!(
                "SELECT t.id, t.incident_id, j.json FROM events t JOIN event_json j ON j.pk = t.pk WHERE t.id IN ({marks})"
            );
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(chunk), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
            })?;
            for row in rows {
                let (id, incident_id, json) = row?;
                found.insert(id, StoredEvent { event: serde_json::from_str(&json)?, incident_id });
            }
        }
        Ok(found)
    }

    /// Incidents matching a filter, by id, with `covers`/`covered_by` filled.
    /// `actor` matches any member's actor; `text` any member's evidence.
    pub fn incidents(&self, f: &EventFilter) -> Result<Page<Incident>, StoreError> {
        let (clause, params, limit) = where_clause(f, Target::Incidents)?;
        let sql = format!("SELECT t.json FROM incidents t{clause}");
        let jsons: Vec<String> = {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(params), |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut items = Vec::with_capacity(jsons.len());
        for j in jsons {
            let mut inc: Incident = serde_json::from_str(&j)?;
            self.fill_links(&mut inc)?;
            items.push(inc);
        }
        let next = (items.len() == limit).then(|| items.last().map(|i: &Incident| i.id.clone())).flatten();
        Ok(Page { items, next })
    }

    /// One incident by id.
    pub fn incident(&self, id: &str) -> Result<Option<Incident>, StoreError> {
        let json: Option<String> =
            self.conn.query_row("SELECT json FROM incidents WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        let Some(json) = json else { return Ok(None) };
        let mut inc: Incident = serde_json::from_str(&json)?;
        self.fill_links(&mut inc)?;
        Ok(Some(inc))
    }

    /// The incident that holds event `event_id`.
    pub fn incident_of(&self, event_id: &str) -> Result<Option<Incident>, StoreError> {
        let id: Option<String> =
            self.conn.query_row("SELECT incident_id FROM events WHERE id = ?1", [event_id], |r| r.get(0)).optional()?;
        match id {
            Some(id) => self.incident(&id),
            None => Ok(None),
        }
    }

    fn fill_links(&self, inc: &mut Incident) -> Result<(), StoreError> {
        let ids = |sql: &str| -> Result<Vec<String>, StoreError> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map([&inc.id], |r| r.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        inc.covers = ids("SELECT single_id FROM incident_links WHERE cumulative_id = ?1 ORDER BY single_id")?;
        inc.covered_by = ids("SELECT cumulative_id FROM incident_links WHERE single_id = ?1 ORDER BY cumulative_id")?;
        Ok(())
    }

    /// For a running total: the deaths (and happenings) it claims beyond the
    /// single incidents it covers, e.g. 43 claimed, 7 + 11 known → 25
    /// unaccounted. `None` for a single incident or a total without a figure.
    pub fn coverage_gap(&self, incident_id: &str) -> Result<Option<CoverageGap>, StoreError> {
        let Some(inc) = self.incident(incident_id)? else { return Ok(None) };
        if inc.scope != Scope::Cumulative {
            return Ok(None);
        }
        let mut covered = Vec::new();
        for id in &inc.covers {
            if let Some(c) = self.incident(id)? {
                covered.push(c);
            }
        }
        // The most conservative stated number of happenings.
        let stated: Option<u32> =
            self.conn.query_row("SELECT min(count) FROM events WHERE incident_id = ?1", [incident_id], |r| r.get(0))?;
        Ok(cluster::coverage_gap(&inc, &covered.iter().collect::<Vec<_>>(), stated))
    }

    /// A document (by id or SHA-256) with every evidence span of its events,
    /// sorted by event id, then start.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT pk, id, sha256, source, url, published, title, lang, text FROM documents \
                 WHERE id = ?1 OR sha256 = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        Document {
                            id: r.get(1)?,
                            text: r.get(8)?,
                            published: r.get(5)?,
                            source: r.get(3)?,
                            url: r.get(4)?,
                            title: r.get(6)?,
                            lang: r.get(7)?,
                        },
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()?;
        let Some((pk, document, sha256)) = row else { return Ok(None) };
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, s.field, s.start, s.end, s.text FROM spans s JOIN events e ON e.pk = s.event_pk \
             WHERE e.doc_pk = ?1 ORDER BY e.id, s.start, s.end, s.field",
        )?;
        let spans = stmt
            .query_map([pk], |r| {
                Ok(StoredSpan {
                    event_id: r.get(0)?,
                    field: r.get(1)?,
                    start: r.get::<_, i64>(2)? as usize,
                    end: r.get::<_, i64>(3)? as usize,
                    text: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(StoredDocument { document, sha256, spans }))
    }

    /// Counts of documents, events and incidents, by type, country and month.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let one =
            |sql: &str| -> Result<u64, StoreError> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        let by = |sql: &str| -> Result<Counts, StoreError> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, Option<String>>(0)?.unwrap_or_else(|| "unknown".into()), r.get::<_, i64>(1)? as u64))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        Ok(Stats {
            documents: one("SELECT count(*) FROM documents")?,
            events: one("SELECT count(*) FROM events")?,
            incidents: one("SELECT count(*) FROM incidents")?,
            events_by_type: by("SELECT event_type, count(*) FROM events GROUP BY 1")?,
            events_by_country: by("SELECT country, count(*) FROM events GROUP BY 1")?,
            events_by_month: by("SELECT substr(date_start, 1, 7), count(*) FROM events GROUP BY 1")?,
            incidents_by_type: by("SELECT event_type, count(*) FROM incidents GROUP BY 1")?,
            incidents_by_country: by("SELECT country, count(*) FROM incidents GROUP BY 1")?,
            incidents_by_month: by("SELECT substr(date_start, 1, 7), count(*) FROM incidents GROUP BY 1")?,
        })
    }
}

/// The columns an event or incident is filtered by.
struct Cols {
    country: Option<String>,
    admin1: Option<String>,
    date: Option<(String, String)>,
    lat: Option<f64>,
    lon: Option<f64>,
}

fn cols(location: Option<&rasd_core::Location>, date: &rasd_core::EventDate) -> Cols {
    Cols {
        country: location.and_then(|l| l.country.as_ref()).map(|c| c.to_ascii_uppercase()),
        admin1: location.and_then(|l| l.admin1.clone()),
        date: day_range(date).map(|(s, e)| (iso_date(s), iso_date(e))),
        lat: location.and_then(|l| l.lat),
        lon: location.and_then(|l| l.lon),
    }
}

fn actor_text<'a>(actors: impl IntoIterator<Item = &'a rasd_core::Actor>) -> String {
    let mut parts = BTreeSet::new();
    for a in actors {
        parts.insert(a.name.clone());
        parts.insert(a.text.clone());
    }
    parts.into_iter().collect::<Vec<_>>().join("\n")
}

fn event_actors(e: &Event) -> impl Iterator<Item = &rasd_core::Actor> {
    e.actor1.iter().chain(e.actor2.iter()).chain(e.assoc_actor1.iter()).chain(e.assoc_actor2.iter())
}

/// Every span an event carries, as (field, start, end) in code points.
fn event_spans(e: &Event) -> Vec<(&'static str, usize, usize)> {
    let mut v = vec![("evidence", e.evidence.start, e.evidence.end)];
    v.extend(e.evidence_all.iter().map(|s| ("evidence_all", s.start, s.end)));
    let mut opt = |field: &'static str, s: Option<&rasd_core::CharSpan>| {
        if let Some(s) = s {
            v.push((field, s.start, s.end));
        }
    };
    opt("actor1", e.actor1.as_ref().and_then(|a| a.span.as_ref()));
    opt("actor2", e.actor2.as_ref().and_then(|a| a.span.as_ref()));
    for a in &e.assoc_actor1 {
        opt("assoc_actor1", a.span.as_ref());
    }
    for a in &e.assoc_actor2 {
        opt("assoc_actor2", a.span.as_ref());
    }
    opt("location", e.location.as_ref().and_then(|l| l.span.as_ref()));
    opt("date", e.date.span.as_ref());
    opt("fatalities", e.fatalities.as_ref().and_then(|f| f.span.as_ref()));
    opt("reported_by", e.reported_by.as_ref().and_then(|s| s.span.as_ref()));
    opt("trigger", e.explain.as_ref().map(|x| &x.trigger_span));
    v
}

fn ingest(tx: &Transaction<'_>, doc: &Document, events: &[Event]) -> Result<Added, StoreError> {
    let sha = sha256_hex(&doc.text);
    let existing: Option<String> =
        tx.query_row("SELECT id FROM documents WHERE sha256 = ?1", [&sha], |r| r.get(0)).optional()?;
    if let Some(id) = existing {
        return Ok(Added::Duplicate { id });
    }
    let id = if doc.id.is_empty() { sha.clone() } else { doc.id.clone() };
    let clash: Option<String> =
        tx.query_row("SELECT sha256 FROM documents WHERE id = ?1", [&id], |r| r.get(0)).optional()?;
    if let Some(stored) = clash {
        return Err(StoreError::DocumentIdConflict { id, stored });
    }
    let mut evs: Vec<Event> = Vec::with_capacity(events.len());
    let mut seen = BTreeSet::new();
    for e in events {
        let mut e = e.clone();
        if e.doc_id.is_empty() {
            e.doc_id = id.clone();
        }
        if e.doc_id != id {
            return Err(StoreError::WrongDocument { event: e.id, event_doc: e.doc_id, doc: id });
        }
        let taken = tx.query_row("SELECT 1 FROM events WHERE id = ?1", [&e.id], |_| Ok(())).optional()?.is_some();
        if taken || !seen.insert(e.id.clone()) {
            return Err(StoreError::EventIdConflict { id: e.id });
        }
        evs.push(e);
    }
    exec(
        tx,
        "INSERT INTO documents (id, sha256, source, url, published, title, lang, text) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, sha, doc.source, doc.url, doc.published, doc.title, doc.lang, doc.text],
    )?;
    let doc_pk = tx.last_insert_rowid();
    // Byte offset of every char (and the end), to cut span texts.
    let mut bounds: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
    bounds.push(doc.text.len());
    let nchars = bounds.len() - 1;
    for e in &evs {
        let c = cols(e.location.as_ref(), &e.date);
        let (ds, de) = c.date.clone().unzip();
        let fat_min = e.fatalities.as_ref().and_then(|f| f.min);
        let fat_max = e.fatalities.as_ref().and_then(|f| f.max);
        exec(
            tx,
            "INSERT INTO events (id, doc_pk, incident_id, scope, event_type, sub_event_type, country, admin1, \
             date_start, date_end, time_precision, lat, lon, geo_precision, fat_min, fat_max, fat_n, actor1, actor2, \
             actors, reported_by, count, confidence) \
             VALUES (?1, ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, \
             ?21, ?22)",
            params![
                e.id,
                doc_pk,
                e.scope.as_str(),
                e.event_type.as_str(),
                e.sub_event_type.as_str(),
                c.country,
                c.admin1,
                ds,
                de,
                e.date.time_precision as i64,
                c.lat,
                c.lon,
                e.location.as_ref().map(|l| l.geo_precision as i64),
                fat_min,
                fat_max,
                fat_min.or(fat_max),
                e.actor1.as_ref().map(|a| &a.name),
                e.actor2.as_ref().map(|a| &a.name),
                actor_text(event_actors(e)),
                e.reported_by.as_ref().map(|s| &s.name),
                e.count,
                f64::from(e.confidence),
            ],
        )?;
        let pk = tx.last_insert_rowid();
        exec(tx, "INSERT INTO event_json (pk, json) VALUES (?1, ?2)", params![pk, serde_json::to_string(e)?])?;
        let mut fts = e.evidence.text.clone();
        let mut ins =
            tx.prepare_cached("INSERT INTO spans (event_pk, field, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)")?;
        for (field, start, end) in event_spans(e) {
            if start > end || end > nchars {
                return Err(StoreError::SpanOutOfRange {
                    event: e.id.clone(),
                    field: field.into(),
                    start,
                    end,
                    len: nchars,
                });
            }
            let text = if field == "evidence" { &e.evidence.text } else { &doc.text[bounds[start]..bounds[end]] };
            if field == "evidence_all" && (start, end) != (e.evidence.start, e.evidence.end) {
                fts.push('\n');
                fts.push_str(text);
            }
            ins.execute(params![pk, field, start as i64, end as i64, text])?;
        }
        exec(tx, "INSERT INTO event_fts (rowid, text) VALUES (?1, ?2)", params![pk, fts])?;
    }
    let reports: Vec<Report> = evs
        .into_iter()
        .map(|event| Report {
            event,
            outlet: doc.source.clone(),
            url: doc.url.clone(),
            published: doc.published.clone(),
        })
        .collect();
    update_incidents(tx, doc_pk, &reports)?;
    Ok(Added::Inserted { id, events: reports.len() })
}

/// Runs a statement through the connection's statement cache: ingest runs
/// the same few statements for every document, and parsing them anew each
/// time cost a tenth of its time.
fn exec(tx: &Transaction<'_>, sql: &str, params: impl rusqlite::Params) -> Result<usize, rusqlite::Error> {
    tx.prepare_cached(sql)?.execute(params)
}

/// Union-find over `n` nodes.
struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        self.0[a.max(b)] = a.min(b);
    }
}

/// Joins the new events to the incidents they are compatible with (merging
/// those incidents), rebuilds every touched incident from all its members,
/// and relinks running totals.
fn update_incidents(tx: &Transaction<'_>, doc_pk: i64, new: &[Report]) -> Result<(), StoreError> {
    if new.is_empty() {
        return Ok(());
    }
    // Nodes: the new events, then each existing incident they touch.
    let mut old_ids: Vec<String> = Vec::new();
    let mut old_index: BTreeMap<String, usize> = BTreeMap::new();
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (i, r) in new.iter().enumerate() {
        let e = &r.event;
        for (inc, other) in candidates(tx, doc_pk, e)? {
            if compatible(e, &other) {
                let k = *old_index.entry(inc.clone()).or_insert_with(|| {
                    old_ids.push(inc);
                    new.len() + old_ids.len() - 1
                });
                edges.push((i, k));
            }
        }
        for (j, o) in new.iter().enumerate().skip(i + 1) {
            if compatible(e, &o.event) {
                edges.push((i, j));
            }
        }
    }
    let mut dsu = Dsu((0..new.len() + old_ids.len()).collect());
    for (a, b) in edges {
        dsu.union(a, b);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..new.len() + old_ids.len() {
        let root = dsu.find(n);
        groups.entry(root).or_default().push(n);
    }
    let mut rebuilt: Vec<Incident> = Vec::new();
    for nodes in groups.values() {
        let mut members: Vec<Report> = Vec::new();
        let mut replaced: Vec<&str> = Vec::new();
        for &n in nodes {
            if n < new.len() {
                members.push(new[n].clone());
            } else {
                let id = &old_ids[n - new.len()];
                members.extend(load_members(tx, id)?);
                replaced.push(id);
            }
        }
        let inc = build_incident(&members.iter().collect::<Vec<_>>());
        for id in &replaced {
            // Cascades to its links; events are repointed below, before the
            // deferred foreign keys are checked at commit.
            exec(tx, "DELETE FROM incidents WHERE id = ?1", [id])?;
        }
        insert_incident(tx, &inc)?;
        let mut repoint = tx.prepare_cached("UPDATE events SET incident_id = ?1 WHERE id = ?2")?;
        for m in &members {
            repoint.execute([&inc.id, &m.event.id])?;
        }
        rebuilt.push(inc);
    }
    for inc in &rebuilt {
        link(tx, inc)?;
    }
    Ok(())
}

/// Every stored event (of other documents) that could be compatible with
/// `e`, with its incident id: a superset of [`compatible`]'s matches, found
/// by index (type, country or none, date window wider than any precision
/// window, or no date).
fn candidates(tx: &Transaction<'_>, doc_pk: i64, e: &Event) -> Result<Vec<(String, Event)>, StoreError> {
    use rusqlite::types::Value;
    let c = cols(e.location.as_ref(), &e.date);
    let window = day_range(&e.date)
        .map(|(s, t)| (iso_date(s - MAX_DATE_WINDOW_DAYS - 1), iso_date(t + MAX_DATE_WINDOW_DAYS + 1)));
    // A known country matches itself or none; an unknown one matches any.
    let places: Vec<(&str, Vec<Value>)> = match c.country {
        Some(k) => vec![(" AND e.country = ?", vec![Value::Text(k)]), (" AND e.country IS NULL", vec![])],
        None => vec![("", vec![])],
    };
    // Dated: overlapping the widened window, or undated.
    let dates: Vec<(&str, Vec<Value>)> = match window {
        Some((lo, hi)) => vec![
            (" AND e.date_end >= ? AND e.date_start <= ?", vec![Value::Text(lo), Value::Text(hi)]),
            (" AND e.date_end IS NULL", vec![]),
        ],
        None => vec![("", vec![])],
    };
    let mut out = Vec::new();
    for t in type_family(e.event_type) {
        for (pc, pp) in &places {
            for (dc, dp) in &dates {
                // The date columns first: most rows of a busy month fail the
                // pair's precision window, and are then never decoded.
                let sql = format!(
                    "SELECT e.pk, e.incident_id, e.date_start, e.date_end, e.time_precision FROM events e \
                     WHERE e.scope = ? AND e.event_type = ? AND e.doc_pk != ?{pc}{dc}"
                );
                let mut p =
                    vec![Value::Text(e.scope.as_str().into()), Value::Text(t.as_str().into()), Value::Integer(doc_pk)];
                p.extend(pp.iter().chain(dp).cloned());
                let mut stmt = tx.prepare_cached(&sql)?;
                let mut rows = stmt.query(params_from_iter(p))?;
                let mut keep: Vec<(i64, String)> = Vec::new();
                while let Some(r) = rows.next()? {
                    let days = match (r.get::<_, Option<String>>(2)?, r.get::<_, Option<String>>(3)?) {
                        (Some(s), Some(t)) => day_number(&s).zip(day_number(&t)),
                        _ => None,
                    };
                    let precision = match r.get::<_, i64>(4)? {
                        1 => TimePrecision::Day,
                        2 => TimePrecision::Week,
                        _ => TimePrecision::Month,
                    };
                    if dates_may_match(&e.date, days, precision) {
                        keep.push((r.get(0)?, r.get(1)?));
                    }
                }
                let mut json = tx.prepare_cached("SELECT json FROM event_json WHERE pk = ?1")?;
                for (pk, inc) in keep {
                    let text: String = json.query_row([pk], |r| r.get(0))?;
                    out.push((inc, serde_json::from_str(&text)?));
                }
            }
        }
    }
    Ok(out)
}

fn load_members(tx: &Transaction<'_>, incident_id: &str) -> Result<Vec<Report>, StoreError> {
    let mut stmt = tx.prepare_cached(
        "SELECT j.json, d.source, d.url, d.published FROM events e JOIN event_json j ON j.pk = e.pk \
         JOIN documents d ON d.pk = e.doc_pk WHERE e.incident_id = ?1",
    )?;
    let rows = stmt.query_map([incident_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get(2)?, r.get(3)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (json, outlet, url, published) = row?;
        out.push(Report { event: serde_json::from_str(&json)?, outlet, url, published });
    }
    Ok(out)
}

fn insert_incident(tx: &Transaction<'_>, inc: &Incident) -> Result<(), StoreError> {
    let c = cols(inc.location.as_ref(), &inc.date);
    let (ds, de) = c.date.unzip();
    let f = inc.fatalities;
    // Member actors are in the incident's JSON only through actor1/actor2;
    // the filter column holds every member's actors.
    let names: String = {
        let mut stmt = tx.prepare_cached(
            "SELECT group_concat(actors, char(10)) FROM events WHERE id IN (SELECT value FROM json_each(?1))",
        )?;
        let member_ids = serde_json::to_string(&inc.events)?;
        let stored: Option<String> = stmt.query_row([&member_ids], |r| r.get(0))?;
        let mut set: BTreeSet<&str> = stored.as_deref().unwrap_or("").split('\n').filter(|s| !s.is_empty()).collect();
        let own = actor_text(inc.actor1.iter().chain(inc.actor2.iter()));
        set.extend(own.split('\n').filter(|s| !s.is_empty()));
        set.into_iter().collect::<Vec<_>>().join("\n")
    };
    exec(
        tx,
        "INSERT INTO incidents (id, scope, event_type, sub_event_type, country, admin1, date_start, date_end, lat, \
         lon, fat_low, fat_best, fat_high, actors, n_events, json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            inc.id,
            inc.scope.as_str(),
            inc.event_type.as_str(),
            inc.sub_event_type.as_str(),
            c.country,
            c.admin1,
            ds,
            de,
            c.lat,
            c.lon,
            f.map(|f| f.low),
            f.map(|f| f.best),
            f.map(|f| f.high),
            names,
            inc.events.len() as i64,
            serde_json::to_string(inc)?,
        ],
    )?;
    Ok(())
}

/// Links a rebuilt incident to the running totals that cover it (or, for a
/// running total, to the single incidents it covers).
fn link(tx: &Transaction<'_>, inc: &Incident) -> Result<(), StoreError> {
    let c = cols(inc.location.as_ref(), &inc.date);
    let (Some(country), Some((s, e))) = (c.country, day_range(&inc.date)) else { return Ok(()) };
    let (lo, hi) = (iso_date(s - MAX_DATE_WINDOW_DAYS - 1), iso_date(e + MAX_DATE_WINDOW_DAYS + 1));
    let cumulative = inc.scope == Scope::Cumulative;
    let sql = if cumulative {
        "SELECT json FROM incidents WHERE scope = 'event' AND event_type = ?1 AND country = ?2 \
         AND date_start >= ?3 AND date_end <= ?4"
    } else {
        "SELECT json FROM incidents WHERE scope = 'cumulative' AND event_type = ?1 AND country = ?2 \
         AND date_start <= ?4 AND date_end >= ?3"
    };
    let others: Vec<String> = {
        let mut stmt = tx.prepare_cached(sql)?;
        let rows = stmt.query_map(params![inc.event_type.as_str(), country, lo, hi], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut ins =
        tx.prepare_cached("INSERT OR IGNORE INTO incident_links (cumulative_id, single_id) VALUES (?1, ?2)")?;
    for json in others {
        let other: Incident = serde_json::from_str(&json)?;
        let (total, single) = if cumulative { (inc, &other) } else { (&other, inc) };
        if covers(total, single) {
            ins.execute([&total.id, &single.id])?;
        }
    }
    Ok(())
}
