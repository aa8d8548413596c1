//! Database access: a pool of read-only stores for queries, one writer, and
//! event lookups by id.

use crate::error::{ApiError, ServerError};
use rasd_store::Store;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// At most this many queries run at once; more wait their turn (without a
/// thread) instead of each opening a connection. SQLite readers do not block
/// one another in WAL mode, so this only bounds memory and open files.
const MAX_READERS: usize = 16;

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
