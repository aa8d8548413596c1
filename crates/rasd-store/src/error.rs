use std::path::PathBuf;

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: database schema version {found} is newer than version {supported}, the newest this build of \
         rasd-store knows; upgrade rasd to open it (the file was not modified)"
    )]
    SchemaTooNew { path: PathBuf, found: i64, supported: i64 },
    #[error(
        "{path}: database schema version {found} is older than version {supported}; open it once for writing \
         (Store::open) to migrate it"
    )]
    SchemaTooOld { path: PathBuf, found: i64, supported: i64 },
    #[error("{path} is not a rasd database (application_id {found:#x}, user_version {version})")]
    NotRasd { path: PathBuf, found: i64, version: i64 },
    #[error("this store was opened read-only")]
    ReadOnly,
    #[error("document id {id:?} is already stored with a different text (sha256 {stored})")]
    DocumentIdConflict { id: String, stored: String },
    #[error("event {event:?} names document {event_doc:?}, but it was given with document {doc:?}")]
    WrongDocument { event: String, event_doc: String, doc: String },
    #[error("event id {id:?} is already stored")]
    EventIdConflict { id: String },
    #[error("event {event:?}: {field} span {start}..{end} lies outside its document ({len} chars)")]
    SpanOutOfRange { event: String, field: String, start: usize, end: usize, len: usize },
    #[error("invalid filter: {0}")]
    InvalidFilter(String),
    #[error("corrupt stored value: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}
