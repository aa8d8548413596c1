//! Database access: a pool of read-only stores for queries, one writer, and
//! event lookups by id.

use crate::error::{ApiError, ServerError};
use rasd_store::{EventFilter, Store, StoreError, StoredEvent};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// At most this many queries run at once; more wait their turn (without a
/// thread) instead of each opening a connection. SQLite readers do not block
/// one another in WAL mode, so this only bounds memory and open files.
const MAX_READERS: usize = 16;

/// Page size of the id lookups: a document's events and an incident's members
/// are neighbours in id order, so one page usually holds all of them.
const LOOKUP_PAGE: usize = 64;

pub(crate) struct Db {
    path: PathBuf,
    /// Idle read-only connections, reused across requests.
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
    /// The only read-write connection; `None` when writes are disabled.
    writer: Option<Arc<tokio::sync::Mutex<Store>>>,
}

impl Db {
    /// Opens `path`. With `writable`, the file is created or migrated first
    /// (readers can only open a current schema); without, it must exist and
    /// is checked by opening one reader.
    pub fn open(path: &Path, writable: bool) -> Result<Db, ServerError> {
        let writer = if writable { Some(Arc::new(tokio::sync::Mutex::new(Store::open(path)?))) } else { None };
        if !path.exists() {
            return Err(ServerError::NoDatabase(path.to_path_buf()));
        }
        let first = Store::open_read_only(path)?;
        Ok(Db {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(MAX_READERS)),
            writer,
        })
    }

    pub fn writable(&self) -> bool {
        self.writer.is_some()
    }

    /// Runs `f` on a read-only store in the blocking pool.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self.permits.clone().acquire_owned().await.expect("the semaphore is never closed");
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let store = db.take()?;
            let out = f(&store);
            db.give_back(store);
            out
        })
        .await
        .map_err(|e| ApiError::internal("query task", e))?
    }

    /// Runs `f` on the writer in the blocking pool, after the writes queued
    /// before it.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let writer = self.writer.clone().ok_or_else(|| ApiError::internal("write", "no writer is open"))?;
        let mut guard = writer.lock_owned().await;
        tokio::task::spawn_blocking(move || f(&mut guard)).await.map_err(|e| ApiError::internal("write task", e))?
    }

    fn take(&self) -> Result<Store, ApiError> {
        let pooled = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match pooled {
            Some(s) => Ok(s),
            None => Store::open_read_only(&self.path).map_err(ApiError::from),
        }
    }

    fn give_back(&self, store: Store) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < MAX_READERS {
            idle.push(store);
        }
    }
}

/// The stored events with the given ids (those that exist), by id.
///
/// The store has no lookup by id, so this walks its keyset pages: starting
/// after the id without its last character (a prefix, hence smaller than the
/// id and than every id that extends it), the id is met within the ids that
/// share that prefix. Ids are visited in order and every page is searched for
/// all wanted ids, so the events of one document (`doc#1`, `doc#2`, …), which
/// are neighbours in that order, come in one or two queries.
pub(crate) fn events_by_id(
    store: &Store,
    wanted: &BTreeSet<String>,
) -> Result<BTreeMap<String, StoredEvent>, StoreError> {
    let mut found: BTreeMap<String, StoredEvent> = BTreeMap::new();
    for id in wanted {
        if found.contains_key(id) {
            continue;
        }
        let mut after = {
            let mut p = id.clone();
            p.pop();
            p
        };
        loop {
            let page =
                store.events(&EventFilter { after: Some(after), limit: Some(LOOKUP_PAGE), ..Default::default() })?;
            let past = page.items.last().is_some_and(|e| e.event.id.as_str() >= id.as_str());
            for e in page.items {
                if wanted.contains(&e.event.id) {
                    found.insert(e.event.id.clone(), e);
                }
            }
            match page.next {
                Some(next) if !past => after = next,
                _ => break,
            }
        }
    }
    Ok(found)
}

/// Sort key that puts `doc#2` before `doc#10`: the extractor numbers a
/// document's events in text order.
pub(crate) fn natural_key(id: &str) -> (&str, u64, &str) {
    match id.rsplit_once('#') {
        Some((doc, n)) => match n.parse::<u64>() {
            Ok(n) => (doc, n, id),
            Err(_) => (id, 0, id),
        },
        None => (id, 0, id),
    }
}
