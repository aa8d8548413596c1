//! `rasd ingest`: sources → documents (rasd-ingest) → events (rasd-extract)
//! → the database (rasd-store).
//!
//! Extraction runs on every core in chunks while this thread writes the
//! previous chunk. Every document is written whole, with its events and
//! incident updates, in one transaction (a few documents share one, see
//! [`BATCH`]): a kill at any moment loses at most the documents in flight,
//! and a re-run skips what is stored (by content hash) before extracting it
//! again, so it resumes where it was.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rasd_core::{Document, Event};
use rasd_extract::{Extractor, Options};
use rasd_ingest::Item;
use rasd_lexicon::Lexicon;
use rasd_store::{Added, Store};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

/// Documents extracted per chunk: large enough to keep every core busy, small
/// enough that the writer starts at once and the progress bar moves.
const CHUNK: usize = 256;

/// Documents written per transaction. Each document is whole in one
/// transaction whatever the batch; a batch only bounds what a kill can lose
/// (the documents in flight) while sparing one disk sync per document.
const BATCH: usize = 32;

/// Writes a group of documents in one transaction; if any of them is refused
/// (e.g. an id already used for another text), the transaction rolls back and
/// they are written one by one so that only the bad one is left out.
fn write(store: &mut Store, group: &[(&Item, Vec<Event>)], summary: &mut Summary) {
    let count = |added: Added, summary: &mut Summary| match added {
        Added::Inserted { events, .. } => {
            summary.inserted += 1;
            summary.events += events;
        }
        Added::Duplicate { .. } => summary.duplicates += 1,
    };
    if let Ok(all) = store.add_documents(group.iter().map(|(item, ev)| (&item.doc, ev.as_slice()))) {
        all.into_iter().for_each(|a| count(a, summary));
        return;
    }
    for (item, events) in group {
        match store.add_document(&item.doc, events) {
            Ok(a) => count(a, summary),
            Err(e) => summary.failures.push(format!("{} (document {}): {e}", item.origin, item.doc.id)),
        }
    }
}

/// What one ingest did, printed at the end.
#[derive(Debug, Default)]
pub struct Summary {
    pub read: usize,
    pub inserted: usize,
    pub duplicates: usize,
    pub events: usize,
    /// Inputs (files, lines, feed items, documents) that failed, with why.
    pub failures: Vec<String>,
}

/// Extracts one document; a document in a language other than Arabic is
/// stored without events (English extraction is not written yet).
fn extract(ex: &Extractor<'_>, doc: &Document) -> Result<Vec<Event>, String> {
    if doc.lang.as_deref().is_some_and(|l| l != "ar") {
        return Ok(Vec::new());
    }
    ex.extract(doc).map_err(|e| e.to_string())
}

pub fn run(lex: &Lexicon, db: &Path, sources: &[PathBuf], quiet: bool) -> Result<Summary> {
    let mut store = Store::open(db).with_context(|| format!("opening the database {}", db.display()))?;
    let mut summary = Summary::default();
    let t0 = Instant::now();

    // Read every source; a bad file, line or item is listed and skipped.
    // The database and its WAL files may sit in a folder being ingested: they are not reports.
    let db_files: Vec<PathBuf> = ["", "-wal", "-shm", "-journal"]
        .iter()
        .filter_map(|suffix| {
            let mut p = db.as_os_str().to_owned();
            p.push(suffix);
            std::fs::canonicalize(PathBuf::from(p)).ok()
        })
        .collect();
    // Every item of a JSONL file carries its path: compare names first, and
    // resolve the path only for files named like the database.
    let db_name = db.file_name().map(|n| n.as_encoded_bytes().to_vec()).unwrap_or_default();
    let is_db = |p: &Path| {
        p.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(&db_name))
            && std::fs::canonicalize(p).is_ok_and(|p| db_files.contains(&p))
    };
    let mut items = Vec::new();
    for src in sources {
        for r in rasd_ingest::read_path(src) {
            match r {
                Ok(item) if !is_db(&item.origin.path) => items.push(item),
                Err(e) if !is_db(&e.origin.path) => summary.failures.push(e.to_string()),
                _ => {}
            }
        }
    }
    summary.read = items.len();
    // Skip what is already stored before paying for its extraction.
    let mut todo = Vec::with_capacity(items.len());
    for item in items {
        if store.stored_id_of_text(&item.doc.text)?.is_some() {
            summary.duplicates += 1;
        } else {
            todo.push(item);
        }
    }

    let pb = if quiet { ProgressBar::hidden() } else { ProgressBar::new(todo.len() as u64) };
    pb.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} documents, {per_sec}, {msg} [{elapsed_precise}]")
            .expect("a valid template"),
    );
    pb.set_message("0 events");

    let ex = Extractor::new(lex, Options::default());
    let (tx, rx) = mpsc::sync_channel::<Vec<Result<Vec<Event>, String>>>(2);
    std::thread::scope(|s| -> Result<()> {
        let chunks = todo.chunks(CHUNK);
        s.spawn(|| {
            for chunk in todo.chunks(CHUNK) {
                let out: Vec<_> = chunk.par_iter().map(|item| extract(&ex, &item.doc)).collect();
                if tx.send(out).is_err() {
                    return; // the writer stopped on an error
                }
            }
            drop(tx);
        });
        for (chunk, results) in chunks.zip(rx) {
            let mut batch = Vec::with_capacity(chunk.len());
            for (item, result) in chunk.iter().zip(results) {
                match result {
                    Ok(events) => batch.push((item, events)),
                    Err(msg) => summary.failures.push(format!("{} (document {}): {msg}", item.origin, item.doc.id)),
                }
            }
            for group in batch.chunks(BATCH) {
                write(&mut store, group, &mut summary);
                pb.inc(group.len() as u64);
                pb.set_message(format!("{} events", summary.events));
            }
            pb.inc((chunk.len() - batch.len()) as u64);
        }
        Ok(())
    })?;
    pb.finish_and_clear();
    if !quiet {
        let secs = t0.elapsed().as_secs_f64();
        eprintln!(
            "rasd: {} document(s) read: {} stored with {} event(s), {} already stored, {} failed ({:.1} s, {:.0} documents/s) → {}",
            summary.read,
            summary.inserted,
            summary.events,
            summary.duplicates,
            summary.failures.len(),
            secs,
            summary.read as f64 / secs.max(1e-9),
            db.display()
        );
    }
    Ok(summary)
}
