//! `rasd`: the command-line shell around the extraction core.

mod eval;
mod ingest;
mod input;
mod query;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use rasd_core::Document;
use rasd_extract::{Extractor, Options};
use rasd_lexicon::Lexicon;
use rayon::prelude::*;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::time::Instant;

/// rasd (رصد): Arabic-first conflict-event extraction.
///
/// Reads Arabic news reports and codes every conflict event in them (ACLED
/// event types, PLOVER, actors, place, date, death toll, source), with the
/// character span of the text behind every field.
#[derive(Parser)]
#[command(name = "rasd", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract events from reports and print them as JSONL (DESIGN.md §4).
    ///
    /// Each FILE is a plain-text report (one document) or a `.jsonl` file with
    /// one document a line: {"id","text","published"?,"source"?,"url"?,"title"?}.
    /// `-` or no FILE reads standard input. Documents are processed in
    /// parallel and printed in input order; a document that fails is reported
    /// on stderr with its id, the batch goes on, and the exit code is 1.
    Extract {
        files: Vec<PathBuf>,
        /// Publication date (YYYY-MM-DD) of plain-text input.
        #[arg(long)]
        published: Option<String>,
        /// Document id of plain-text input (default: the file name).
        #[arg(long)]
        id: Option<String>,
        /// Pretty-print each record.
        #[arg(long)]
        pretty: bool,
        /// Add the trigger and the rules that fired to each record.
        #[arg(long)]
        explain: bool,
        /// Replace invalid UTF-8 instead of failing the document.
        #[arg(long)]
        lossy: bool,
        /// Write every event frame and what became of it (coded, or dropped
        /// and why) to standard error, one JSON object a line.
        #[arg(long)]
        trace: bool,
    },
    /// Print how the text layer reads a text, as JSON: sentences, tokens
    /// (original character offsets, normalized form, clitic split), numbers.
    Analyze {
        /// A text file, or `-` for standard input.
        file: PathBuf,
        #[arg(long)]
        lossy: bool,
    },
    /// Read text on stdin and write it with spaces inserted where run-together
    /// words were repaired (الأممالمتحدة → الأمم المتحدة), and no other change.
    Repair {
        #[arg(long)]
        lossy: bool,
    },
    /// Show the place mentions of a text: candidates, the one chosen and why.
    Places {
        /// The text itself.
        text: String,
    },
    /// Read reports into the database: extract their events, store them with
    /// their evidence, and merge reports of one happening into incidents.
    ///
    /// SOURCES are plain-text, HTML, RSS/Atom or JSONL files, or folders of
    /// them (recursive). Each document is stored in one transaction with its
    /// events; ingesting the same text again changes nothing, so an
    /// interrupted ingest resumes when run again. Inputs that cannot be read
    /// are listed at the end and the exit code is 1.
    Ingest {
        #[arg(required = true)]
        sources: Vec<PathBuf>,
        /// The database file (created on first use).
        #[arg(long, default_value = "rasd.db")]
        db: PathBuf,
        /// No progress bar or summary (failures are still listed).
        #[arg(long, short)]
        quiet: bool,
    },
    /// List stored events (one report's claim each), filtered; a table, or
    /// JSON lines in the event contract plus `incident_id` with `--json`.
    Events(query::ListArgs),
    /// List incidents (a happening merged from all its reports, with the
    /// death toll as low/best/high and every source), filtered.
    Incidents(query::ListArgs),
    /// Convert event records to the formats analysts' tools read: acled-csv,
    /// plover-jsonl, geojson, ucdp-csv. Reads the JSONL of `rasd extract`, or
    /// with `--db` the stored events (or `--incidents`), filtered.
    Export {
        /// Event JSONL files (`-` or none: standard input), unless --db.
        files: Vec<PathBuf>,
        /// Export from this database instead of event files.
        #[arg(long, conflicts_with = "files")]
        db: Option<PathBuf>,
        /// With --db: one record per incident (all its sources, the
        /// conservative death toll) instead of one per report.
        #[arg(long, requires = "db")]
        incidents: bool,
        #[command(flatten)]
        filter: query::FilterArgs,
        #[arg(long, default_value = "acled-csv")]
        format: String,
        /// ACLED's `timestamp` column (Unix seconds; default: now).
        #[arg(long)]
        timestamp: Option<i64>,
        /// Leave out running totals (they would double-count deaths).
        #[arg(long)]
        skip_cumulative: bool,
    },
    /// Serve the REST API (`/api/…`, OpenAPI at `/api/openapi.json`) and the
    /// dashboard (`/`: map, timeline, incidents, the Arabic evidence
    /// highlighted) over a database. Reads are open; `POST /api/documents`
    /// needs `--allow-ingest` or the token in the `RASD_TOKEN` environment
    /// variable (`Authorization: Bearer TOKEN`).
    Serve {
        #[arg(long, default_value = "rasd.db")]
        db: PathBuf,
        /// Address to listen on (loopback by default).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Accept documents without a token.
        #[arg(long)]
        allow_ingest: bool,
    },
    /// Measure accuracy against gold, with the matching rules of
    /// `shared/eval/score.py`: event precision/recall/F1 and per-field
    /// accuracy (`--gold`), or sentence-level detection of a PLOVER event
    /// class (`--detect`).
    ///
    /// Records come from `--pred EVENTS.jsonl`, or rasd extracts them from
    /// `--input DOCS.jsonl` (for `--detect`, a GSR file with `doc_id,start,end`
    /// columns is cut into sentence documents from the articles of --input).
    /// A gold `.json` file (one document) is scored like `score.py seed` and
    /// the exit code is 1 unless it passes.
    Eval {
        /// Gold: one JSON object (a document) or JSONL (one per document).
        #[arg(long)]
        gold: Option<PathBuf>,
        /// Event records to score (JSONL, the contract of DESIGN.md §4).
        #[arg(long)]
        pred: Option<PathBuf>,
        /// Documents (JSONL) to run extraction on instead of --pred.
        #[arg(long)]
        input: Option<PathBuf>,
        /// A GSR CSV (`id,label`, labels yes / easy no / difficult no / ambiguous).
        #[arg(long)]
        detect: Option<PathBuf>,
        /// The PLOVER event class --detect scores.
        #[arg(long, default_value = "ASSAULT")]
        event: String,
        /// Write a Markdown report of every miss, false alarm and wrong field.
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Measure throughput on a JSONL corpus (text layer and full extraction).
    Bench {
        /// JSONL corpus (e.g. ../shared/data/news/ant-2018-10k.jsonl).
        corpus: PathBuf,
        /// Use at most this many documents.
        #[arg(long)]
        limit: Option<usize>,
    },
}

fn main() {
    match run() {
        Ok(code) => std::process::exit(code),
        // a reader that stopped early (rasd extract … | head) is no failure
        Err(e) if broken_pipe(&e) => std::process::exit(0),
        Err(e) => {
            eprintln!("rasd: {e:#}");
            std::process::exit(2);
        }
    }
}

/// Whether `e` comes from writing to a pipe whose reader has gone.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == io::ErrorKind::BrokenPipe)
    })
}

fn lexicon() -> Result<Lexicon> {
    Lexicon::bundled().context("loading the bundled data")
}

fn run() -> Result<i32> {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Extract { files, published, id, pretty, explain, lossy, trace } => {
            let lex = lexicon()?;
            let ex = Extractor::new(&lex, Options { explain });
            let mut failed = 0usize;
            let mut out = BufWriter::new(io::stdout().lock());
            let files = if files.is_empty() { vec![PathBuf::from("-")] } else { files };
            for f in &files {
                let docs = match input::read_documents(f, published.as_deref(), id.as_deref(), lossy) {
                    Ok(d) => d,
                    Err(e) => {
                        eprintln!("rasd: {e:#}");
                        failed += 1;
                        continue;
                    }
                };
                let results: Vec<_> = docs
                    .par_iter()
                    .map(|d| match d {
                        Ok(doc) => if trace {
                            ex.trace(doc).map(|(events, frames)| (events, Some(frames)))
                        } else {
                            ex.extract(doc).map(|events| (events, None))
                        }
                        .map_err(|e| e.to_string()),
                        Err(e) => Err(e.clone()),
                    })
                    .collect();
                for r in results {
                    match r {
                        Ok((events, frames)) => {
                            for f in frames.iter().flatten() {
                                eprintln!("{}", serde_json::to_string(f)?);
                            }
                            for e in events {
                                if pretty {
                                    serde_json::to_writer_pretty(&mut out, &e)?;
                                } else {
                                    serde_json::to_writer(&mut out, &e)?;
                                }
                                out.write_all(b"\n")?;
                            }
                        }
                        Err(msg) => {
                            eprintln!("rasd: {}: {msg}", f.display());
                            failed += 1;
                        }
                    }
                }
            }
            out.flush()?;
            if failed > 0 {
                eprintln!("rasd: {failed} document(s) failed");
                return Ok(1);
            }
            Ok(0)
        }
        Cmd::Analyze { file, lossy } => {
            let text = input::read_text(&file, lossy)?;
            let lex = lexicon()?;
            let a = lex.text.analyze(&text);
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &input::analysis_json(&lex, &a))?;
            writeln!(out)?;
            Ok(0)
        }
        Cmd::Repair { lossy } => {
            let mut buf = Vec::new();
            io::stdin().read_to_end(&mut buf)?;
            let text = input::decode(buf, "<stdin>", lossy)?;
            let lex = lexicon()?;
            io::stdout().write_all(lex.text.repair_text(&text).as_bytes())?;
            Ok(0)
        }
        Cmd::Places { text } => {
            let lex = lexicon()?;
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &input::places_json(&lex, &text))?;
            writeln!(out)?;
            Ok(0)
        }
        Cmd::Ingest { sources, db, quiet } => {
            let lex = lexicon()?;
            let summary = ingest::run(&lex, &db, &sources, quiet)?;
            for f in &summary.failures {
                eprintln!("rasd: failed: {f}");
            }
            Ok(if summary.failures.is_empty() { 0 } else { 1 })
        }
        Cmd::Events(args) => query::list(
            &args,
            "events",
            |s, f| s.events(f),
            |out, _, items, json| {
                let items: Vec<_> = items.into_iter().map(|s| (s.event, s.incident_id)).collect();
                query::print_events(out, &items, json)
            },
        ),
        Cmd::Incidents(args) => query::list(
            &args,
            "incidents",
            |s, f| s.incidents(f),
            |out, store, items, json| query::print_incidents(out, store, &items, json),
        ),
        Cmd::Export { db: Some(db), incidents, filter, format, timestamp, skip_cumulative, .. } => {
            let format: rasd_export::Format = format.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            let store = query::open(&db)?;
            let f = filter.to_filter()?;
            let timestamp = timestamp.unwrap_or_else(|| jiff::Timestamp::now().as_second());
            let opts = rasd_export::ExportOptions { timestamp, skip_cumulative, outlets: store.outlets()? };
            let out = BufWriter::new(io::stdout().lock());
            let summary = if incidents {
                let (items, _) = query::collect(f, None, |f| store.incidents(f))?;
                rasd_export::write_incidents(format, &items, &opts, out)?
            } else {
                let (items, _) = query::collect(f, None, |f| store.events(f))?;
                let events: Vec<_> = items.into_iter().map(|s| s.event).collect();
                rasd_export::write_events(format, &events, &opts, out)?
            };
            if !summary.skipped.is_empty() {
                eprintln!("rasd: {} record(s) written, {} left out", summary.written, summary.skipped.len());
            }
            Ok(0)
        }
        Cmd::Export { files, format, timestamp, skip_cumulative, .. } => {
            let format: rasd_export::Format = format.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            let files = if files.is_empty() { vec![PathBuf::from("-")] } else { files };
            let mut events = Vec::new();
            for f in &files {
                let text = input::read_text(f, false)?;
                for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                    let e: rasd_core::Event = serde_json::from_str(line)
                        .with_context(|| format!("{}, line {}: not an event record", f.display(), n + 1))?;
                    events.push(e);
                }
            }
            let timestamp = timestamp.unwrap_or_else(|| jiff::Timestamp::now().as_second());
            let opts = rasd_export::ExportOptions { timestamp, skip_cumulative, ..Default::default() };
            let out = BufWriter::new(io::stdout().lock());
            let summary = rasd_export::write_events(format, &events, &opts, out)?;
            if !summary.skipped.is_empty() {
                eprintln!("rasd: {} record(s) written, {} left out", summary.written, summary.skipped.len());
            }
            Ok(0)
        }
        Cmd::Serve { db, addr, allow_ingest } => {
            let mut cfg = rasd_server::ServerConfig::new(db);
            cfg.addr = addr;
            cfg.allow_ingest = allow_ingest;
            rasd_server::run(cfg)?;
            Ok(0)
        }
        Cmd::Eval { gold, pred, input, detect, event, report } => {
            eval::run(lexicon, eval::Args { gold, pred, input, detect, event, report })
        }
        Cmd::Bench { corpus, limit } => {
            let t0 = Instant::now();
            let lex = lexicon()?;
            let load = t0.elapsed();
            let mut docs: Vec<Document> =
                input::read_documents(&corpus, None, None, true)?.into_iter().filter_map(|d| d.ok()).collect();
            if let Some(l) = limit {
                docs.truncate(l);
            }
            let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
            let t = Instant::now();
            let mut toks = 0usize;
            for d in &docs {
                toks += lex.text.analyze(&d.text).tokens.len();
            }
            let text_s = t.elapsed().as_secs_f64();
            // the lookup stage alone: each document analysed untimed first
            let mut lookup_s = 0.0;
            let mut found = 0usize;
            for d in &docs {
                let a = lex.text.analyze(&d.text);
                let t = Instant::now();
                found += lex.lookup_all(&a);
                lookup_s += t.elapsed().as_secs_f64();
            }
            let ex = Extractor::new(&lex, Options::default());
            let t = Instant::now();
            let mut events = 0usize;
            let mut failed = 0usize;
            for d in &docs {
                match ex.extract(d) {
                    Ok(e) => events += e.len(),
                    Err(_) => failed += 1,
                }
            }
            let ext_s = t.elapsed().as_secs_f64();
            let mut out = io::stdout().lock();
            writeln!(
                out,
                "corpus: {} ({} documents, {:.1} MB of text)",
                corpus.display(),
                docs.len(),
                bytes as f64 / 1e6
            )?;
            writeln!(out, "start-up (load and compile the bundled data): {:.0} ms", load.as_secs_f64() * 1e3)?;
            writeln!(
                out,
                "text layer (normalize+repair+sentences+tokens+numbers), 1 core: {:.1} MB/s, {:.0} docs/s, {} tokens",
                bytes as f64 / 1e6 / text_s,
                docs.len() as f64 / text_s,
                toks
            )?;
            writeln!(
                out,
                "dictionary lookups (keys + actors, triggers, places, cues, calendar), 1 core: {:.1} MB/s, {:.0} docs/s, {} mentions ({:.2}x the text layer's time)",
                bytes as f64 / 1e6 / lookup_s,
                docs.len() as f64 / lookup_s,
                found,
                lookup_s / text_s
            )?;
            writeln!(
                out,
                "extraction end to end, 1 core: {:.0} docs/s, {:.1} MB/s, {} events, {} failed",
                docs.len() as f64 / ext_s,
                bytes as f64 / 1e6 / ext_s,
                events,
                failed
            )?;
            Ok(0)
        }
    }
}
