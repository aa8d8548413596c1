//! score.py's `detect`: sentence-level detection of one PLOVER event class against a GSR CSV.

use crate::json::Json;
use crate::{read_text, EvalError};
use std::collections::HashMap;
use std::path::Path;

/// One row of a GSR CSV (`id,label`, other columns allowed).
#[derive(Debug, Clone, PartialEq)]
pub struct GsrRow {
    /// 1-based line of the row in the file (after the header).
    pub line: u64,
    /// `None` when the row is too short to have the column (Python's `DictReader` gives `None`).
    pub id: Option<String>,
    pub label: Option<String>,
    /// The sentence, when the file has a `text` or `sentence` column (used by the report only).
    pub text: Option<String>,
}

/// A sentence that was counted wrong (or whose label score.py does not know).
#[derive(Debug, Clone)]
pub struct DetectCase {
    pub row: GsrRow,
    /// False positives: the records that made it positive. False negatives: the records rasd did
    /// produce for that id (of other classes, or cumulative).
    pub records: Vec<Json>,
}

/// P/R/F1 of detection and the cases behind the errors.
#[derive(Debug, Clone)]
pub struct DetectResult {
    pub event: String,
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
    pub true_neg: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Rows labelled `ambiguous` (skipped).
    pub ambiguous: usize,
    pub false_positives: Vec<DetectCase>,
    pub false_negatives: Vec<DetectCase>,
    /// Rows whose label is none of `yes`, `easy no`, `difficult no`, `ambiguous`: score.py counts
    /// them as negatives (so does this), the caller may want to warn.
    pub unknown_labels: Vec<GsrRow>,
}

/// Reads a GSR CSV: a header row naming at least `id` and `label` (a repeated column name means
/// its last column, as in Python's `csv.DictReader`), rows of any length.
pub fn read_gsr(path: &Path) -> Result<Vec<GsrRow>, EvalError> {
    let text = read_text(path)?;
    parse_gsr(&text, &path.display().to_string())
}

/// [`read_gsr`] on text; `origin` names it in errors.
pub fn parse_gsr(text: &str, origin: &str) -> Result<Vec<GsrRow>, EvalError> {
    let csv_err = |e: csv::Error| EvalError::Csv { origin: origin.to_string(), message: e.to_string() };
    let mut rd = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = rd.headers().map_err(csv_err)?.clone();
    let names: Vec<&str> = headers.iter().collect();
    let col = |name: &str| names.iter().rposition(|h| *h == name);
    let (Some(id), Some(label)) = (col("id"), col("label")) else {
        return Err(EvalError::Csv {
            origin: origin.to_string(),
            message: format!("the header needs columns `id` and `label`; it has {names:?}"),
        });
    };
    let text_col = col("text").or_else(|| col("sentence"));
    let mut rows = Vec::new();
    for rec in rd.records() {
        let rec = rec.map_err(csv_err)?;
        // The csv crate's own line count lags behind on CRLF files and blank lines.
        let line = rec.position().map_or(0, |p| line_at(text, p.byte() as usize));
        let get = |i: usize| rec.get(i).map(str::to_string);
        rows.push(GsrRow { line, id: get(id), label: get(label), text: text_col.and_then(get) });
    }
    Ok(rows)
}

/// 1-based line of byte offset `at`, with `\n`, `\r\n` and `\r` as line ends.
fn line_at(text: &str, mut at: usize) -> u64 {
    let bytes = text.as_bytes();
    // The offset may point at the line ends (and blank lines) before the record.
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    let head = &bytes[..at.min(bytes.len())];
    let ends =
        head.iter().enumerate().filter(|&(i, &b)| b == b'\r' || (b == b'\n' && (i == 0 || head[i - 1] != b'\r')));
    1 + ends.count() as u64
}

/// score.py's `detect`: a row is predicted positive when some record with `doc_id` equal to its
/// `id` has `plover.event == event` and a `scope` other than `"cumulative"`. Gold `yes` is
/// positive, `ambiguous` skipped, any other label negative.
pub fn detect(rows: &[GsrRow], records: &[Json], event: &str) -> DetectResult {
    let want = Json::from(event);
    // Python keys the set by the record's doc_id; a CSV id is a string or (short row) None.
    let key = |r: &Json| -> Option<Option<String>> {
        match &r["doc_id"] {
            Json::Str(s) => Some(Some(s.clone())),
            Json::Null => Some(None),
            _ => None,
        }
    };
    let mut firing: HashMap<Option<String>, Vec<Json>> = HashMap::new();
    let mut all: HashMap<Option<String>, Vec<Json>> = HashMap::new();
    for r in records {
        let Some(k) = key(r) else { continue };
        all.entry(k.clone()).or_default().push(r.clone());
        let positive = r["plover"].dict_or_empty()["event"] == want && r["scope"].as_str() != Some("cumulative");
        if positive {
            firing.entry(k).or_default().push(r.clone());
        }
    }
    let mut res = DetectResult {
        event: event.to_string(),
        true_pos: 0,
        false_pos: 0,
        false_neg: 0,
        true_neg: 0,
        precision: 0.0,
        recall: 0.0,
        f1: 0.0,
        ambiguous: 0,
        false_positives: Vec::new(),
        false_negatives: Vec::new(),
        unknown_labels: Vec::new(),
    };
    for row in rows {
        let label = row.label.as_deref();
        if label == Some("ambiguous") {
            res.ambiguous += 1;
            continue;
        }
        if !matches!(label, Some("yes" | "easy no" | "difficult no")) {
            res.unknown_labels.push(row.clone());
        }
        let gold = label == Some("yes");
        let pred = firing.get(&row.id);
        match (gold, pred) {
            (true, Some(_)) => res.true_pos += 1,
            (false, Some(recs)) => {
                res.false_pos += 1;
                res.false_positives.push(DetectCase { row: row.clone(), records: recs.clone() });
            }
            (true, None) => {
                res.false_neg += 1;
                let recs = all.get(&row.id).cloned().unwrap_or_default();
                res.false_negatives.push(DetectCase { row: row.clone(), records: recs });
            }
            (false, None) => res.true_neg += 1,
        }
    }
    let (tp, fp, fneg) = (res.true_pos as f64, res.false_pos as f64, res.false_neg as f64);
    res.precision = if res.true_pos + res.false_pos > 0 { tp / (tp + fp) } else { 0.0 };
    res.recall = if res.true_pos + res.false_neg > 0 { tp / (tp + fneg) } else { 0.0 };
    let (p, r) = (res.precision, res.recall);
    res.f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    res
}

impl DetectResult {
    /// score.py's `detect EVENT: tp=… fp=… fn=… tn=… P=… R=… F1=…` line.
    pub fn summary_line(&self) -> String {
        format!(
            "detect {}: tp={} fp={} fn={} tn={} P={:.3} R={:.3} F1={:.3}",
            self.event,
            self.true_pos,
            self.false_pos,
            self.false_neg,
            self.true_neg,
            self.precision,
            self.recall,
            self.f1
        )
    }

    /// The ids of the false positives, in file order.
    pub fn false_positive_ids(&self) -> Vec<&str> {
        self.false_positives.iter().map(|c| c.row.id.as_deref().unwrap_or("")).collect()
    }

    /// The ids of the false negatives, in file order.
    pub fn false_negative_ids(&self) -> Vec<&str> {
        self.false_negatives.iter().map(|c| c.row.id.as_deref().unwrap_or("")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GSR: &str = "id,label,text\n\
        s1,yes,Gunmen attacked a convoy.\n\
        s2,easy no,The weather was fine.\n\
        s3,difficult no,\"Officials said attacks, if any, would be punished.\"\n\
        s4,ambiguous,Clashes were reported.\n\
        s5,yes,A drone struck a car.\n\
        s6,Yes,Police fired on protesters.\n";

    fn recs(lines: &[&str]) -> Vec<Json> {
        lines.iter().map(|l| Json::parse(l).unwrap()).collect()
    }

    #[test]
    fn reads_gsr_rows() {
        let rows = parse_gsr(GSR, "gsr.csv").unwrap();
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[2].text.as_deref(), Some("Officials said attacks, if any, would be punished."));
        assert_eq!((rows[0].line, rows[5].line), (2, 7));
        let short = parse_gsr("label,id\nyes\n", "x").unwrap();
        assert_eq!((short[0].id.as_deref(), short[0].label.as_deref()), (None, Some("yes")));
        let blank = parse_gsr("id,label\n\na,yes\n\n", "x").unwrap();
        assert_eq!((blank.len(), blank[0].line), (1, 3), "blank lines are no rows, as in Python's csv");
        let dup = parse_gsr("id,label,label\na,yes,easy no\n", "x").unwrap();
        assert_eq!(dup[0].label.as_deref(), Some("easy no"), "last column of a repeated name");
        let e = parse_gsr("sentence,gold\nx,yes\n", "gsr.csv").unwrap_err().to_string();
        assert!(e.starts_with("gsr.csv: the header needs columns `id` and `label`"), "{e}");
    }

    #[test]
    fn confusion_and_scores() {
        let rows = parse_gsr(GSR, "gsr.csv").unwrap();
        let r = recs(&[
            r#"{"id": "1", "doc_id": "s1", "plover": {"event": "ASSAULT"}, "scope": "event"}"#,
            r#"{"id": "2", "doc_id": "s3", "plover": {"event": "ASSAULT"}}"#,
            r#"{"id": "3", "doc_id": "s4", "plover": {"event": "ASSAULT"}}"#,
            r#"{"id": "4", "doc_id": "s5", "plover": {"event": "ASSAULT"}, "scope": "cumulative"}"#,
            r#"{"id": "5", "doc_id": "s5", "plover": {"event": "PROTEST"}}"#,
            r#"{"id": "6", "doc_id": "s6", "plover": {"event": "ASSAULT"}}"#,
        ]);
        let d = detect(&rows, &r, "ASSAULT");
        assert_eq!((d.true_pos, d.false_pos, d.false_neg, d.true_neg, d.ambiguous), (1, 2, 1, 1, 1));
        assert_eq!(d.false_positive_ids(), ["s3", "s6"], "an unknown label ('Yes') is a negative, as in score.py");
        assert_eq!(d.false_negative_ids(), ["s5"]);
        assert_eq!(d.false_negatives[0].records.len(), 2, "the cumulative ASSAULT and the PROTEST");
        assert_eq!(d.unknown_labels.len(), 1);
        assert_eq!(d.summary_line(), "detect ASSAULT: tp=1 fp=2 fn=1 tn=1 P=0.333 R=0.500 F1=0.400");
        let p = detect(&rows, &r, "PROTEST");
        assert_eq!(p.summary_line(), "detect PROTEST: tp=1 fp=0 fn=1 tn=3 P=1.000 R=0.500 F1=0.667");
    }
}
