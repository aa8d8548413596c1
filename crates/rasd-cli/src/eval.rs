//! `rasd eval`: rasd's records scored against gold with the rules of
//! `shared/eval/score.py` (through `rasd-eval`), from a file of records or by
//! running extraction on the documents; plus sentence-level detection and a
//! Markdown error report to fix from.

use anyhow::{bail, Context, Result};
use rasd_core::Document;
use rasd_eval::{Json, Mode};
use rasd_extract::{Extractor, Options};
use rasd_lexicon::Lexicon;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct Args {
    pub gold: Option<PathBuf>,
    pub pred: Option<PathBuf>,
    pub input: Option<PathBuf>,
    pub detect: Option<PathBuf>,
    pub event: String,
    pub report: Option<PathBuf>,
}

/// Documents by id, from a JSONL corpus (bad lines are reported and skipped).
fn read_docs(path: &Path) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for d in crate::input::read_documents(path, None, None, true)? {
        match d {
            Ok(d) => docs.push(d),
            Err(e) => eprintln!("rasd: {}: {e}", path.display()),
        }
    }
    Ok(docs)
}

/// Extracts with `--explain` (the report shows the rules) and converts the
/// records keeping their field order.
fn extract(lex: &Lexicon, docs: &[Document]) -> Result<Vec<Json>> {
    let ex = Extractor::new(lex, Options { explain: true });
    let events: Vec<_> = docs.par_iter().map(|d| ex.extract(d).unwrap_or_default()).collect();
    let mut out = Vec::new();
    for e in events.iter().flatten() {
        out.push(Json::from_serialize(e)?);
    }
    Ok(out)
}

/// The sentence documents of a GSR file whose rows point into articles
/// (`id,label,doc_id,start,end[,published]`, offsets in code points), cut
/// from the articles in `corpus`; rows whose `id` is itself a document of
/// the corpus use that document.
fn sentence_docs(gsr: &Path, corpus: &[Document]) -> Result<Vec<Document>> {
    let by_id: HashMap<&str, &Document> = corpus.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut rd = csv::Reader::from_path(gsr).with_context(|| format!("reading {}", gsr.display()))?;
    let head = rd.headers()?.clone();
    let col = |name: &str| head.iter().position(|h| h == name);
    let (Some(id_c), doc_c, start_c, end_c, pub_c) =
        (col("id"), col("doc_id"), col("start"), col("end"), col("published"))
    else {
        bail!("{}: no `id` column", gsr.display());
    };
    let mut out = Vec::new();
    for (n, row) in rd.records().enumerate() {
        let row = row.with_context(|| format!("{}, row {}", gsr.display(), n + 2))?;
        let id = &row[id_c];
        if let Some(d) = by_id.get(id) {
            out.push((*d).clone());
            continue;
        }
        let (Some(dc), Some(sc), Some(ec)) = (doc_c, start_c, end_c) else { continue };
        let Some(article) = by_id.get(&row[dc]) else { continue };
        let (start, end): (usize, usize) = (row[sc].parse()?, row[ec].parse()?);
        let text: String = article.text.chars().skip(start).take(end.saturating_sub(start)).collect();
        let published = pub_c.map(|c| row[c].to_string()).filter(|p| !p.is_empty()).or(article.published.clone());
        out.push(Document {
            id: id.to_string(),
            text,
            published,
            source: article.source.clone(),
            ..Default::default()
        });
    }
    Ok(out)
}

pub fn run(lex: impl Fn() -> Result<Lexicon>, a: Args) -> Result<i32> {
    let docs = match &a.input {
        Some(p) => read_docs(p)?,
        None => Vec::new(),
    };
    let texts = |docs: &[Document]| -> HashMap<String, String> {
        docs.iter().map(|d| (d.id.clone(), d.text.clone())).collect()
    };
    let mut code = 0;
    if let Some(gold_path) = &a.gold {
        let golds = rasd_eval::read_gold(gold_path)?;
        let records = match (&a.pred, &a.input) {
            (Some(p), _) => rasd_eval::read_records(p)?,
            (None, Some(_)) => {
                let wanted: std::collections::HashSet<&str> = golds.iter().map(|g| g.doc_id.as_str()).collect();
                let docs: Vec<Document> = docs.iter().filter(|d| wanted.contains(d.id.as_str())).cloned().collect();
                if docs.is_empty() {
                    bail!("none of the gold's documents is in {}", a.input.as_ref().unwrap().display());
                }
                extract(&lex()?, &docs)?
            }
            (None, None) => bail!("--gold needs --pred EVENTS.jsonl or --input DOCS.jsonl"),
        };
        let result = rasd_eval::score_events(&golds, &records);
        // one gold object (a .json file) is scored as score.py's `seed`, JSONL as `events`
        let seed = gold_path.extension().is_some_and(|e| e == "json");
        let mut out = std::io::stdout().lock();
        write!(out, "{}", result.script_output(if seed { Mode::Seed } else { Mode::Events }))?;
        writeln!(out, "field accuracy on matched events:")?;
        for (name, t) in result.fields.rows() {
            if let Some(f) = t.fraction() {
                writeln!(out, "  {name:<22} {:>4}/{:<4} {f:.3}", t.correct, t.checked)?;
            }
        }
        drop(out);
        if let Some(r) = &a.report {
            let t = texts(&docs);
            std::fs::write(r, rasd_eval::render_report(&result, (!t.is_empty()).then_some(&t)))
                .with_context(|| format!("writing {}", r.display()))?;
            eprintln!("rasd: error report written to {}", r.display());
        }
        if seed && !result.passed() {
            code = 1;
        }
    }
    if let Some(gsr) = &a.detect {
        let rows = rasd_eval::read_gsr(gsr)?;
        let (records, sents) = match (&a.pred, &a.input) {
            (Some(p), _) if a.gold.is_none() => (rasd_eval::read_records(p)?, Vec::new()),
            (_, Some(_)) => {
                let sents = sentence_docs(gsr, &docs)?;
                if sents.is_empty() {
                    bail!("no sentence of {} found in {}", gsr.display(), a.input.as_ref().unwrap().display());
                }
                (extract(&lex()?, &sents)?, sents)
            }
            _ => bail!("--detect needs --pred EVENTS.jsonl or --input DOCS.jsonl"),
        };
        let result = rasd_eval::detect(&rows, &records, &a.event);
        writeln!(std::io::stdout(), "{}", result.summary_line())?;
        if !result.unknown_labels.is_empty() {
            eprintln!("rasd: {} row(s) with an unknown label counted as negatives", result.unknown_labels.len());
        }
        if let Some(r) = &a.report {
            let r = if a.gold.is_some() { r.with_extension("detect.md") } else { r.clone() };
            let t = texts(&sents);
            std::fs::write(&r, rasd_eval::render_detect_report(&result, (!t.is_empty()).then_some(&t)))
                .with_context(|| format!("writing {}", r.display()))?;
            eprintln!("rasd: detection report written to {}", r.display());
        }
    }
    if a.gold.is_none() && a.detect.is_none() {
        bail!("give --gold GOLD.jsonl and/or --detect GSR.csv");
    }
    Ok(code)
}
