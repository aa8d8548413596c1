//! Scoring of rasd event records against gold: the engine of `rasd eval`.
//!
//! The official scorer is `shared/eval/score.py` (`../shared/eval/score.py` from the repository).
//! This crate is a port of it that gives the same numbers and the same error lines on the same
//! files, plus what a developer needs to fix the errors:
//!
//! - [`score_events`] is score.py's `events` mode and, for one gold object, its `seed` mode:
//!   per document, `core_match` ([`core_match`]: event type, place, date, actors, scope) decides
//!   which records could be which gold item; a maximum one-to-one assignment (augmenting paths,
//!   gold items in order, records in index order) first over the pairs whose checked fields are
//!   all right ([`field_errors`]: sub-event type, PLOVER event, fatalities), then over all
//!   matching pairs; then `FORBIDDEN`, `DUPLICATE`/`UNEXPECTED` (records left to optional items
//!   are neither) and `TOTAL`. [`EvalResult::script_output`] prints what score.py prints.
//! - Beyond the script, [`FieldAccuracy`] counts field by field on the matched pairs (with how many
//!   pairs each field could be checked on), every error keeps the gold item and record it is about
//!   ([`IssueKind`]), and a missed gold item lists the closest records with the conditions they
//!   fail ([`core_failures`]).
//! - [`detect`] is score.py's `detect` mode (sentence-level detection of a PLOVER class from a GSR
//!   CSV), with the false positives and negatives listed.
//! - [`render_report`] / [`render_detect_report`] turn results into Markdown.
//!
//! # Same semantics as the script
//!
//! Records are kept as [`Json`], the values Python's `json.loads` gives: key order is kept (the
//! error lines print `dict`s and walk gold `fatalities` keys in file order), `7` and `7.0` stay
//! apart, and `==`, truth (`x or {}`), ordering, `str()` and `repr()` are Python's, so
//! `fatalities {'min': 7, 'max': 7, 'qualifier': 'exact', 'text': 'سبعة'} where the text gives
//! none` comes out character for character. Regular expressions in `actors_all` go to
//! `fancy-regex` (the `regex` crate's engine plus look-around, which the dev gold uses), after a
//! rewrite of the constructs Python reads differently (`\w`/`\b` without combining marks, `$`
//! before a final newline, `\Z`, literal `[` in classes; see [`ActorPattern`]). Files are split
//! into lines as Python's text mode does (`\n`, `\r\n` and `\r`) and each line stripped of Python
//! whitespace.
//!
//! Where score.py would stop with a Python exception on a *record* value of an odd type (a string
//! `location`, a text `lat`), the value counts as absent. Where it would stop on a *gold* value, or
//! accept a gold value that can only be a mistake (a `fatalities` of `"none"`, an `actors_all`
//! string, a range of three numbers), reading the gold fails with an error naming the file, line
//! and key. Unknown keys are ignored, as the script ignores them.
//!
//! Known differences, all outside what rasd writes: JSON that Python reads and serde_json does not
//! (`NaN`, `Infinity`, lone surrogates, integers beyond 64 bits, which become floats here); `-0`
//! reads as a float; Python >= 3.12 sums float fatality minimums with compensated summation; gold
//! `doc_id`, dates and labels must be strings (the script would take other types); a seed file
//! without `gold` has no items here where the script stops; a GSR file without `id`/`label` columns
//! is an error even when it has no rows.
//!
//! Tests: `tests/agreement.rs` compares [`EvalResult::script_output`] and
//! [`DetectResult::summary_line`] with score.py's standard output on the fixtures in `tests/data/`
//! (saved output always; the script run live when `python3` and `../shared/eval/score.py` are
//! there), on 400 generated documents, and [`ActorPattern`] with Python's `re.search` on the
//! patterns of the repository's gold files against the actor dictionary.

mod detect;
mod gold;
mod json;
mod pyre;
mod report;
mod rules;
mod score;
mod unprintable;

pub use detect::{detect, parse_gsr, read_gsr, DetectCase, DetectResult, GsrRow};
pub use gold::{parse_gold, read_gold, ActorPattern, DateWant, FatalitiesWant, Gold, GoldItem, PlaceWant, Totals};
pub use json::Json;
pub use report::{render_detect_report, render_report};
pub use rules::{actor_names, core_failures, core_match, field_errors, km};
pub use score::{
    score_doc, score_events, DocResult, ErrorView, EvalResult, FieldAccuracy, Issue, IssueKind, Mode, NearMiss,
    PairCheck, Tally,
};

use std::path::{Path, PathBuf};

/// Errors reading gold, record and GSR files. Each names the file (and line, for JSONL).
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    /// `origin` is `file:line` for JSONL, `file` for a whole-file JSON object.
    #[error("{origin}: not JSON: {source}")]
    Json { origin: String, source: serde_json::Error },
    /// A gold value of the wrong type; `field` is its path, e.g. `gold[2].place.near`.
    #[error("{origin}: {field}: {message}")]
    Gold { origin: String, field: String, message: String },
    #[error("{origin}: {message}")]
    Record { origin: String, message: String },
    #[error("{origin}: {message}")]
    Csv { origin: String, message: String },
}

/// Reads event records (the JSONL of `rasd extract`): one JSON object a line, blank lines skipped.
pub fn read_records(path: &Path) -> Result<Vec<Json>, EvalError> {
    let text = read_text(path)?;
    parse_records(&text, &path.display().to_string())
}

/// [`read_records`] on text; `origin` names it in errors (`origin:line: …`).
pub fn parse_records(text: &str, origin: &str) -> Result<Vec<Json>, EvalError> {
    parse_json_lines(text, origin)?
        .into_iter()
        .map(|(n, v)| match v {
            Json::Object(_) => Ok(v),
            other => Err(EvalError::Record {
                origin: format!("{origin}:{n}"),
                message: format!("a record must be a JSON object, not {}", kind_of(&other)),
            }),
        })
        .collect()
}

fn kind_of(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Int(_) | Json::Float(_) => "a number",
        Json::Str(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

pub(crate) fn read_text(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io { path: path.to_path_buf(), source })
}

/// score.py's `load_jsonl`: `(line number, value)` of every non-blank line.
pub(crate) fn parse_json_lines(text: &str, origin: &str) -> Result<Vec<(usize, Json)>, EvalError> {
    let mut out = Vec::new();
    for (n, line) in py_lines(text) {
        let line = py_strip(line);
        if line.is_empty() {
            continue;
        }
        let v = Json::parse(line).map_err(|source| EvalError::Json { origin: format!("{origin}:{n}"), source })?;
        out.push((n, v));
    }
    Ok(out)
}

/// Lines as Python's text mode reads them (universal newlines: `\n`, `\r\n`, `\r`), numbered from 1.
pub(crate) fn py_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut n = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        n += 1;
        let (line, next) = match rest.find(['\r', '\n']) {
            None => (rest, ""),
            Some(i) => {
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], &rest[i + skip..])
            }
        };
        rest = next;
        Some((n, line))
    })
}

/// Python's `str.strip()`.
pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(json::is_py_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_like_python_text_mode() {
        let got: Vec<_> = py_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(got, [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
        assert_eq!(py_lines("x\n").count(), 1);
        assert_eq!(py_strip("\u{a0}\u{1c} {} \u{3000}"), "{}");
    }

    #[test]
    fn records_are_objects_and_errors_name_the_line() {
        let r = parse_records("{\"id\": 1}\n\n  \n{\"id\": 2}\n", "ev.jsonl").unwrap();
        assert_eq!(r.len(), 2);
        let e = parse_records("{\"id\": 1}\n[1]\n", "ev.jsonl").unwrap_err().to_string();
        assert_eq!(e, "ev.jsonl:2: a record must be a JSON object, not an array");
        let e = parse_records("{\"id\": 1}\n\n{\"id\": \n", "ev.jsonl").unwrap_err().to_string();
        assert!(e.starts_with("ev.jsonl:3: not JSON: "), "{e}");
    }
}
