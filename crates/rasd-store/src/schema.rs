//! The schema, as a list of migrations: step `i` takes the database from
//! `PRAGMA user_version = i` to `i + 1`. Append steps, never edit one that
//! has shipped.

/// `PRAGMA application_id` of a rasd database ("rasd" in ASCII), so that we
/// never migrate somebody else's SQLite file.
pub const APPLICATION_ID: i64 = 0x7261_7364;

pub const MIGRATIONS: &[&str] = &[
    // 1: documents, events, evidence spans, incidents, running-total links.
    r#"
CREATE TABLE documents (
    pk        INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    sha256    TEXT NOT NULL UNIQUE,
    source    TEXT,
    url       TEXT,
    published TEXT,
    title     TEXT,
    lang      TEXT,
    text      TEXT NOT NULL
);

-- Incidents are rebuilt (deleted and inserted) when members join, so rows
-- point at them by their stable text id, with the checks deferred to commit.
CREATE TABLE incidents (
    pk             INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    scope          TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    country        TEXT,
    admin1         TEXT,
    date_start     TEXT,
    date_end       TEXT,
    lat            REAL,
    lon            REAL,
    fat_low        INTEGER,
    fat_best       INTEGER,
    fat_high       INTEGER,
    actors         TEXT NOT NULL,
    n_events       INTEGER NOT NULL,
    json           TEXT NOT NULL
);
CREATE INDEX incidents_country ON incidents(country, id);
CREATE INDEX incidents_admin1 ON incidents(admin1 COLLATE NOCASE, id);
CREATE INDEX incidents_type ON incidents(event_type, id);
CREATE INDEX incidents_link ON incidents(scope, event_type, country, date_start);
CREATE INDEX incidents_date ON incidents(date_start, date_end);
CREATE INDEX incidents_lat ON incidents(lat, lon);
CREATE INDEX incidents_fat ON incidents(fat_low);

-- The filterable columns only: the full record lives in event_json so that
-- scans over events stay narrow.
CREATE TABLE events (
    pk             INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    doc_pk         INTEGER NOT NULL REFERENCES documents(pk),
    incident_id    TEXT NOT NULL REFERENCES incidents(id) DEFERRABLE INITIALLY DEFERRED,
    scope          TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    country        TEXT,
    admin1         TEXT,
    date_start     TEXT,
    date_end       TEXT,
    time_precision INTEGER NOT NULL,
    lat            REAL,
    lon            REAL,
    geo_precision  INTEGER,
    fat_min        INTEGER,
    fat_max        INTEGER,
    fat_n          INTEGER,
    actor1         TEXT,
    actor2         TEXT,
    actors         TEXT NOT NULL,
    reported_by    TEXT,
    count          INTEGER,
    confidence     REAL NOT NULL
);
CREATE INDEX events_doc ON events(doc_pk);
CREATE INDEX events_incident ON events(incident_id);
CREATE INDEX events_country ON events(country, id);
CREATE INDEX events_admin1 ON events(admin1 COLLATE NOCASE, id);
CREATE INDEX events_type ON events(event_type, id);
-- Candidate search when clustering: news arrive roughly in date order, so
-- `date_end >= window start` reads only the recent part of the timeline.
CREATE INDEX events_cluster ON events(scope, event_type, country, date_end);
CREATE INDEX events_cluster_any ON events(scope, event_type, date_end);
CREATE INDEX events_date ON events(date_start, date_end);
CREATE INDEX events_lat ON events(lat, lon);
CREATE INDEX events_fat ON events(fat_n);

CREATE TABLE event_json (
    pk   INTEGER PRIMARY KEY REFERENCES events(pk),
    json TEXT NOT NULL
);

-- One row per span an event carries; text is the covered document text.
CREATE TABLE spans (
    pk       INTEGER PRIMARY KEY,
    event_pk INTEGER NOT NULL REFERENCES events(pk),
    field    TEXT NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL
);
CREATE INDEX spans_event ON spans(event_pk);

-- Evidence text of each event (rowid = events.pk).
CREATE VIRTUAL TABLE event_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE incident_links (
    cumulative_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    single_id     TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (cumulative_id, single_id)
) WITHOUT ROWID;
CREATE INDEX incident_links_single ON incident_links(single_id, cumulative_id);
"#,
];

/// The schema version this build writes and reads.
pub const VERSION: i64 = MIGRATIONS.len() as i64;
