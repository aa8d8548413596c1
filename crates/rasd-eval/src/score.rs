//! score.py's `score_doc`, `cmd_seed` and `cmd_events`, with the error lines kept as structured
//! issues and per-field accuracy on the matched pairs.

use crate::gold::{Gold, GoldItem, PlaceWant};
use crate::json::{Json, Num};
use crate::rules::{
    core_failures, core_match, date_right, distance_to, fatality_errors, field_errors, place_check, scope_ok,
    total_contribution,
};
use std::collections::HashMap;

/// The result of scoring records against gold documents (score.py's `events` mode; `seed` mode is
/// the same scoring of one document, printed differently: see [`Mode`]).
#[derive(Debug, Clone)]
pub struct EvalResult {
    /// One per gold object, in gold file order.
    pub docs: Vec<DocResult>,
    /// Gold items (optional and forbidden items are not counted).
    pub gold_count: usize,
    /// Records that count for precision: matched ones plus false alarms. Records left only to
    /// optional items do not count, nor do records of documents that have no gold.
    pub record_count: usize,
    /// Gold items matched by a record (true positives).
    pub matched: usize,
    /// Matched gold items with every checked field right.
    pub exact: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Beyond score.py: field by field, on the matched pairs.
    pub fields: FieldAccuracy,
}

/// One gold document's score.
#[derive(Debug, Clone)]
pub struct DocResult {
    pub gold: Gold,
    /// The document's records (`doc_id` equal to the gold's), in input order. Issue indices point
    /// here.
    pub records: Vec<Json>,
    /// Where each of `records` stood in the slice given to [`score_events`].
    pub input_index: Vec<usize>,
    /// For each gold item, the record assigned to it.
    pub assignment: Vec<Option<usize>>,
    pub matched: usize,
    pub correct: usize,
    /// Records that are false alarms (unexpected or duplicate).
    pub extra: usize,
    /// Records not assigned to a gold item but matching an optional one: `(record, optional item)`.
    pub optional: Vec<(usize, usize)>,
    /// Every error, in score.py's order.
    pub issues: Vec<Issue>,
    /// Field checks of each matched pair, in gold item order.
    pub pairs: Vec<PairCheck>,
}

/// One error line of score.py, with what it is about.
#[derive(Debug, Clone)]
pub struct Issue {
    pub kind: IssueKind,
    /// The line exactly as score.py prints it (without the `doc_id: ` prefix of `events` mode).
    pub line: String,
}

#[derive(Debug, Clone)]
pub enum IssueKind {
    /// `MISSED`: no record is assigned to gold item `item`. `closest` are the document's records
    /// that fail the fewest match conditions (at most three).
    Missed { item: usize, closest: Vec<NearMiss> },
    /// `WRONG`: `record` matches gold item `item` but these checked fields are wrong.
    Wrong { item: usize, record: usize, errors: Vec<String> },
    /// `FORBIDDEN`: `record` matches forbidden item `forbidden`.
    Forbidden { record: usize, forbidden: usize },
    /// `DUPLICATE`: `record` matches gold item `item`, which another record already has.
    Duplicate { record: usize, item: usize },
    /// `UNEXPECTED`: `record` matches no gold and no optional item.
    Unexpected { record: usize },
    /// `TOTAL`: the event-scope fatality minimums add up to `got`, not `want`.
    Total { got: Json, want: Json },
}

impl IssueKind {
    /// The score.py word: `MISSED`, `WRONG`, `FORBIDDEN`, `DUPLICATE`, `UNEXPECTED`, `TOTAL`.
    pub fn name(&self) -> &'static str {
        match self {
            IssueKind::Missed { .. } => "MISSED",
            IssueKind::Wrong { .. } => "WRONG",
            IssueKind::Forbidden { .. } => "FORBIDDEN",
            IssueKind::Duplicate { .. } => "DUPLICATE",
            IssueKind::Unexpected { .. } => "UNEXPECTED",
            IssueKind::Total { .. } => "TOTAL",
        }
    }

    /// The record the issue is about, if any.
    pub fn record(&self) -> Option<usize> {
        match self {
            IssueKind::Wrong { record, .. }
            | IssueKind::Forbidden { record, .. }
            | IssueKind::Duplicate { record, .. }
            | IssueKind::Unexpected { record } => Some(*record),
            IssueKind::Missed { .. } | IssueKind::Total { .. } => None,
        }
    }
}

/// A record that did not match a missed gold item, and why.
#[derive(Debug, Clone)]
pub struct NearMiss {
    pub record: usize,
    /// The failed match conditions, in words; empty when the record does match but was assigned
    /// to another gold item (`taken_by`).
    pub failures: Vec<String>,
    pub taken_by: Option<usize>,
}

/// Field checks of one matched pair; `None` where the gold item does not say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairCheck {
    pub item: usize,
    pub record: usize,
    pub sub_event_type: Option<bool>,
    pub plover_event: Option<bool>,
    /// Every `actors_all` pattern found (implied by the match itself).
    pub actors: Option<bool>,
    /// Within 25 km of the gold's `near` and inside its ranges (only ranges: inside them).
    pub place_25km: Option<bool>,
    pub place_50km: Option<bool>,
    /// Distance to the gold's `near`, when both have coordinates.
    pub distance_km: Option<f64>,
    /// `start`/`end` exact and inside `*_between` (implied by the match).
    pub date: Option<bool>,
    pub fatalities: Option<bool>,
    /// Implied by the match.
    pub scope: Option<bool>,
}

/// How many matched pairs a field could be checked on, and how many had it right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub checked: usize,
    pub correct: usize,
}

impl Tally {
    /// `correct / checked`, or `None` when nothing was checked.
    pub fn fraction(&self) -> Option<f64> {
        (self.checked > 0).then(|| self.correct as f64 / self.checked as f64)
    }

    fn add(&mut self, v: Option<bool>) {
        if let Some(ok) = v {
            self.checked += 1;
            self.correct += usize::from(ok);
        }
    }
}

/// Per-field accuracy over all matched pairs. Actors, date and scope (and place inside ranges)
/// are conditions of the match itself, so they are right on every pair by construction; the
/// informative ones are the sub-event type, the PLOVER event, the toll and the distance tiers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldAccuracy {
    pub pairs: usize,
    pub sub_event_type: Tally,
    pub plover_event: Tally,
    pub actors: Tally,
    pub place_25km: Tally,
    pub place_50km: Tally,
    pub date: Tally,
    pub fatalities: Tally,
    pub scope: Tally,
}

impl FieldAccuracy {
    /// `(name, tally)` in report order.
    pub fn rows(&self) -> [(&'static str, Tally); 8] {
        [
            ("sub-event type", self.sub_event_type),
            ("PLOVER event", self.plover_event),
            ("actors", self.actors),
            ("place within 25 km", self.place_25km),
            ("place within 50 km", self.place_50km),
            ("date", self.date),
            ("fatalities", self.fatalities),
            ("scope", self.scope),
        ]
    }

    fn add(&mut self, p: &PairCheck) {
        self.pairs += 1;
        self.sub_event_type.add(p.sub_event_type);
        self.plover_event.add(p.plover_event);
        self.actors.add(p.actors);
        self.place_25km.add(p.place_25km);
        self.place_50km.add(p.place_50km);
        self.date.add(p.date);
        self.fatalities.add(p.fatalities);
        self.scope.add(p.scope);
    }
}

/// How score.py prints a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `score.py seed`: each document's error lines, then
    /// `seed DOC: C/N gold events exact, M/N found, R records, E errors`.
    Seed,
    /// `score.py events`: every error line as `DOC: LINE`, then the `events: …` summary.
    Events,
}

/// Scores records against gold documents: for each gold object, the records whose `doc_id` equals
/// its `doc_id` (in input order). Records of other documents are ignored, as score.py ignores them.
pub fn score_events(golds: &[Gold], records: &[Json]) -> EvalResult {
    let mut by_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if let Json::Str(d) = &r["doc_id"] {
            by_doc.entry(d).or_default().push(i);
        }
    }
    let docs: Vec<DocResult> = golds
        .iter()
        .map(|g| {
            let idx = by_doc.get(g.doc_id.as_str()).cloned().unwrap_or_default();
            let recs = idx.iter().map(|&i| records[i].clone()).collect();
            score_doc_inner(g, recs, idx)
        })
        .collect();
    let (mut tp, mut exact, mut gold_n, mut rec_n) = (0, 0, 0, 0);
    let mut fields = FieldAccuracy::default();
    for d in &docs {
        tp += d.matched;
        exact += d.correct;
        gold_n += d.gold.gold.len();
        rec_n += d.matched + d.extra;
        d.pairs.iter().for_each(|p| fields.add(p));
    }
    let p = if rec_n > 0 { tp as f64 / rec_n as f64 } else { 0.0 };
    let r = if gold_n > 0 { tp as f64 / gold_n as f64 } else { 0.0 };
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    EvalResult {
        docs,
        gold_count: gold_n,
        record_count: rec_n,
        matched: tp,
        exact,
        precision: p,
        recall: r,
        f1,
        fields,
    }
}

/// Scores one document's records (all of `records` are taken as that document's).
pub fn score_doc(gold: &Gold, records: &[Json]) -> DocResult {
    score_doc_inner(gold, records.to_vec(), (0..records.len()).collect())
}

fn score_doc_inner(gold: &Gold, recs: Vec<Json>, input_index: Vec<usize>) -> DocResult {
    let items = &gold.gold;
    let hits: Vec<Vec<usize>> =
        items.iter().map(|it| (0..recs.len()).filter(|&i| core_match(&recs[i], it)).collect()).collect();
    let exact: Vec<Vec<usize>> = hits
        .iter()
        .zip(items)
        .map(|(h, it)| h.iter().copied().filter(|&i| field_errors(&recs[i], it).is_empty()).collect())
        .collect();
    let first = assign(&exact, recs.len(), vec![None; recs.len()]);
    let rec_to_gold = assign(&hits, recs.len(), first);
    let mut owner = vec![None; items.len()];
    for (r, g) in rec_to_gold.iter().enumerate() {
        if let Some(g) = *g {
            owner[g] = Some(r);
        }
    }

    let mut issues = Vec::new();
    let mut pairs = Vec::new();
    let (mut matched, mut correct) = (0, 0);
    for (g, it) in items.iter().enumerate() {
        let Some(r) = owner[g] else {
            let closest = closest_records(&recs, it, &rec_to_gold);
            issues.push(Issue { kind: IssueKind::Missed { item: g, closest }, line: format!("MISSED  {}", it.label) });
            continue;
        };
        matched += 1;
        pairs.push(pair_check(&recs[r], it, g, r));
        let errs = field_errors(&recs[r], it);
        if errs.is_empty() {
            correct += 1;
        } else {
            let line = format!("WRONG   {}: {}", it.label, errs.join("; "));
            issues.push(Issue { kind: IssueKind::Wrong { item: g, record: r, errors: errs }, line });
        }
    }
    for (r, rec) in recs.iter().enumerate() {
        for (f, it) in gold.forbidden.iter().enumerate() {
            if core_match(rec, it) {
                let line = format!("FORBIDDEN {}: {}", record_id(rec), it.label);
                issues.push(Issue { kind: IssueKind::Forbidden { record: r, forbidden: f }, line });
            }
        }
    }
    let mut extra = 0;
    let mut optional = Vec::new();
    for (r, rec) in recs.iter().enumerate() {
        if rec_to_gold[r].is_some() {
            continue;
        }
        if let Some(o) = gold.optional.iter().position(|o| core_match(rec, o)) {
            optional.push((r, o));
            continue;
        }
        extra += 1;
        let id = record_id(rec);
        if let Some(g) = (0..items.len()).find(|&g| hits[g].contains(&r)) {
            let line = format!("DUPLICATE {id}: a second record for: {}", items[g].label);
            issues.push(Issue { kind: IssueKind::Duplicate { record: r, item: g }, line });
        } else {
            let loc = rec["location"].dict_or_empty();
            let date = rec["date"].dict_or_empty();
            let line = format!(
                "UNEXPECTED {id}: {} / {} at {} on {}",
                rec["event_type"].py_str(),
                rec["sub_event_type"].py_str(),
                loc["name"].py_str(),
                date["start"].py_str()
            );
            issues.push(Issue { kind: IssueKind::Unexpected { record: r }, line });
        }
    }
    if let Some(tot) = &gold.totals {
        let sum = recs.iter().filter_map(total_contribution).fold(Num::Int(0), Num::add).to_json();
        if sum != tot.sum_event_fatalities_min {
            let want = tot.sum_event_fatalities_min.clone();
            let line = format!("TOTAL   {}: {} != {}", tot.label, sum.py_str(), want.py_str());
            issues.push(Issue { kind: IssueKind::Total { got: sum, want }, line });
        }
    }
    let assignment = owner;
    DocResult {
        gold: gold.clone(),
        records: recs,
        input_index,
        assignment,
        matched,
        correct,
        extra,
        optional,
        issues,
        pairs,
    }
}

/// `r.get('id', '?')` as score.py prints it.
pub(crate) fn record_id(rec: &Json) -> String {
    rec.get("id").map_or_else(|| "?".to_string(), Json::py_str)
}

/// score.py's `assign`: maximum one-to-one matching of gold items to records by augmenting paths,
/// trying gold items in order and each item's records in index order, starting from `rec_to_gold`.
/// Returns, for each record, its gold item.
fn assign(edges: &[Vec<usize>], n_recs: usize, mut rec_to_gold: Vec<Option<usize>>) -> Vec<Option<usize>> {
    let mut gold_to_rec = vec![None; edges.len()];
    for (r, g) in rec_to_gold.iter().enumerate() {
        if let Some(g) = *g {
            gold_to_rec[g] = Some(r);
        }
    }
    for g in 0..edges.len() {
        if gold_to_rec[g].is_none() {
            let mut seen = vec![false; n_recs];
            augment(g, edges, &mut rec_to_gold, &mut gold_to_rec, &mut seen);
        }
    }
    rec_to_gold
}

/// The recursive `augment(g, seen)` of score.py with an explicit stack (same visiting order).
fn augment(
    root: usize,
    edges: &[Vec<usize>],
    rec_to_gold: &mut [Option<usize>],
    gold_to_rec: &mut [Option<usize>],
    seen: &mut [bool],
) -> bool {
    // Frames: (gold item, index of its next edge). A frame below the top is waiting on the record
    // just before its index.
    let mut stack = vec![(root, 0usize)];
    while let Some(top) = stack.last_mut() {
        let (g, i) = *top;
        if i == edges[g].len() {
            stack.pop();
            continue;
        }
        top.1 += 1;
        let r = edges[g][i];
        if seen[r] {
            continue;
        }
        seen[r] = true;
        match rec_to_gold[r] {
            Some(other) => stack.push((other, 0)),
            None => {
                for &(g, i) in &stack {
                    let r = edges[g][i - 1];
                    rec_to_gold[r] = Some(g);
                    gold_to_rec[g] = Some(r);
                }
                return true;
            }
        }
    }
    false
}

fn closest_records(recs: &[Json], item: &GoldItem, rec_to_gold: &[Option<usize>]) -> Vec<NearMiss> {
    let mut all: Vec<NearMiss> = recs
        .iter()
        .enumerate()
        .map(|(r, rec)| {
            let failures = core_failures(rec, item);
            let taken_by = if failures.is_empty() { rec_to_gold[r] } else { None };
            NearMiss { record: r, failures, taken_by }
        })
        .collect();
    all.sort_by_key(|m| m.failures.len());
    all.truncate(3);
    all
}

fn pair_check(rec: &Json, item: &GoldItem, g: usize, r: usize) -> PairCheck {
    let mut p = PairCheck { item: g, record: r, ..PairCheck::default() };
    p.sub_event_type = item.sub_event_type.as_ref().map(|w| &rec["sub_event_type"] == w);
    p.plover_event = item.plover_event.as_ref().map(|w| &rec["plover"].dict_or_empty()["event"] == w);
    if !item.actors_all.is_empty() {
        let names = crate::rules::actor_names(rec);
        p.actors = Some(item.actors_all.iter().all(|pat| names.iter().any(|n| pat.is_match(n))));
    }
    if let Some(place) = item.place.as_ref().filter(|p| p.has_coordinates()) {
        let ranges = PlaceWant { country: None, near: None, km: None, ..place.clone() };
        let in_ranges = place_check(rec, &ranges).is_ok();
        match place.near {
            Some(near) => {
                p.distance_km = distance_to(rec, near);
                let tier = |km: f64| in_ranges && p.distance_km.is_some_and(|d| d <= km);
                p.place_25km = Some(tier(25.0));
                p.place_50km = Some(tier(50.0));
            }
            None => {
                p.place_25km = Some(in_ranges);
                p.place_50km = Some(in_ranges);
            }
        }
    }
    p.date = item.date.as_ref().and_then(|d| date_right(rec, d));
    p.fatalities = item.fatalities.as_ref().map(|f| fatality_errors(rec, f).is_empty());
    p.scope = item.scope.as_ref().map(|s| scope_ok(rec, s));
    p
}

impl EvalResult {
    /// What score.py prints on standard output in `mode` for these files, byte for byte.
    pub fn script_output(&self, mode: Mode) -> String {
        let mut out = String::new();
        match mode {
            Mode::Seed => {
                for d in &self.docs {
                    for i in &d.issues {
                        out.push_str(&i.line);
                        out.push('\n');
                    }
                    out.push_str(&d.seed_line());
                    out.push('\n');
                }
            }
            Mode::Events => {
                for d in &self.docs {
                    for i in &d.issues {
                        out.push_str(&format!("{}: {}\n", d.gold.doc_id, i.line));
                    }
                }
                out.push_str(&self.summary_line());
                out.push('\n');
            }
        }
        out
    }

    /// score.py's `events: …; P=… R=… F1=…` line.
    pub fn summary_line(&self) -> String {
        format!(
            "events: {} docs, {} gold, {} records, matched {}, all fields right {}; P={:.3} R={:.3} F1={:.3}",
            self.docs.len(),
            self.gold_count,
            self.record_count,
            self.matched,
            self.exact,
            self.precision,
            self.recall,
            self.f1
        )
    }

    /// score.py `seed`'s exit status 0: every document has every gold item exact and no error.
    pub fn passed(&self) -> bool {
        self.docs.iter().all(DocResult::passed)
    }

    pub fn issue_count(&self) -> usize {
        self.docs.iter().map(|d| d.issues.len()).sum()
    }

    /// Issues of each kind, by [`IssueKind::name`], in the order the names first occur.
    pub fn issue_counts(&self) -> Vec<(&'static str, usize)> {
        let mut out: Vec<(&'static str, usize)> = Vec::new();
        for i in self.docs.iter().flat_map(|d| &d.issues) {
            match out.iter_mut().find(|(n, _)| *n == i.kind.name()) {
                Some(slot) => slot.1 += 1,
                None => out.push((i.kind.name(), 1)),
            }
        }
        out
    }
}

/// One error, flattened for printing: what the CLI needs to list errors without walking the
/// structures.
#[derive(Debug, Clone)]
pub struct ErrorView<'a> {
    pub doc_id: &'a str,
    /// `MISSED`, `WRONG`, `FORBIDDEN`, `DUPLICATE`, `UNEXPECTED` or `TOTAL`.
    pub kind: &'static str,
    /// score.py's line (without the `doc_id: ` prefix).
    pub line: &'a str,
    /// The gold item's label (the forbidden item's for `FORBIDDEN`, the totals' for `TOTAL`).
    pub gold_label: Option<&'a str>,
    pub record: Option<&'a Json>,
    /// The record's `id` as score.py prints it (`?` when it has none).
    pub record_id: Option<String>,
    /// The record's `evidence.text`.
    pub evidence: Option<&'a str>,
    /// The record's trigger word (`explain.trigger`, with `rasd extract --explain`).
    pub trigger: Option<&'a str>,
}

impl EvalResult {
    /// Every error of every document, in score.py's order.
    pub fn errors(&self) -> Vec<ErrorView<'_>> {
        let mut out = Vec::new();
        for d in &self.docs {
            for issue in &d.issues {
                let gold_label = match &issue.kind {
                    IssueKind::Missed { item, .. }
                    | IssueKind::Wrong { item, .. }
                    | IssueKind::Duplicate { item, .. } => Some(d.gold.gold[*item].label.as_str()),
                    IssueKind::Forbidden { forbidden, .. } => Some(d.gold.forbidden[*forbidden].label.as_str()),
                    IssueKind::Total { .. } => d.gold.totals.as_ref().map(|t| t.label.as_str()),
                    IssueKind::Unexpected { .. } => None,
                };
                let record = issue.kind.record().map(|r| &d.records[r]);
                out.push(ErrorView {
                    doc_id: &d.gold.doc_id,
                    kind: issue.kind.name(),
                    line: &issue.line,
                    gold_label,
                    record,
                    record_id: record.map(record_id),
                    evidence: record.and_then(|r| r["evidence"].dict_or_empty()["text"].as_str()),
                    trigger: record.and_then(|r| r["explain"].dict_or_empty()["trigger"].as_str()),
                });
            }
        }
        out
    }
}

impl DocResult {
    /// score.py's `seed DOC: …` line.
    pub fn seed_line(&self) -> String {
        let n = self.gold.gold.len();
        format!(
            "seed {}: {}/{n} gold events exact, {}/{n} found, {} records, {} errors",
            self.gold.doc_id,
            self.correct,
            self.matched,
            self.records.len(),
            self.issues.len()
        )
    }

    /// Every gold item exact and no error.
    pub fn passed(&self) -> bool {
        self.correct == self.gold.gold.len() && self.issues.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::parse_gold;

    fn gold(json: &str) -> Gold {
        parse_gold(json, "test").unwrap().remove(0)
    }

    fn recs(lines: &[&str]) -> Vec<Json> {
        lines.iter().map(|l| Json::parse(l).unwrap()).collect()
    }

    fn lines(d: &DocResult) -> Vec<&str> {
        d.issues.iter().map(|i| i.line.as_str()).collect()
    }

    #[test]
    fn assignment_prefers_exact_pairs() {
        // Both records match both items; only record 1 has item 0's sub-type and only record 0
        // item 1's. Greedy in index order would pair 0-0 and 1-1 with two wrong fields.
        let g = gold(
            r#"{"doc_id": "d", "gold": [
            {"label": "strike", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
            {"label": "shelling", "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}]}"#,
        );
        let r = recs(&[
            r#"{"id": "a", "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}"#,
            r#"{"id": "b", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}"#,
        ]);
        let d = score_doc(&g, &r);
        assert_eq!(d.assignment, [Some(1), Some(0)]);
        assert_eq!((d.matched, d.correct, d.extra), (2, 2, 0));
        assert!(d.issues.is_empty());
    }

    #[test]
    fn augmenting_paths_reroute_for_a_maximum_matching() {
        // Item 0 matches records 0 and 1, item 1 only record 0: record 0 must go to item 1.
        let g = gold(
            r#"{"doc_id": "d", "gold": [
            {"label": "any battle", "event_type": "Battles"},
            {"label": "battle on the 1st", "event_type": "Battles", "date": {"start": "2020-01-01"}}]}"#,
        );
        let r = recs(&[
            r#"{"id": "a", "event_type": "Battles", "date": {"start": "2020-01-01"}}"#,
            r#"{"id": "b", "event_type": "Battles", "date": {"start": "2020-01-02"}}"#,
        ]);
        let d = score_doc(&g, &r);
        assert_eq!(d.assignment, [Some(1), Some(0)]);
        assert_eq!(d.matched, 2);
    }

    #[test]
    fn duplicates_unexpected_optional_forbidden() {
        let g = gold(
            r#"{"doc_id": "d", "gold": [{"label": "the clash", "event_type": "Battles"}],
            "optional": [{"event_type_in": ["Strategic developments"]}],
            "forbidden": [{"label": "not in Tunisia", "place": {"country": "TN"}}]}"#,
        );
        let r = recs(&[
            r#"{"id": "a", "event_type": "Battles"}"#,
            r#"{"id": "b", "event_type": "Battles", "location": {"country": "TN", "name": "Tunis"}}"#,
            r#"{"id": "c", "event_type": "Strategic developments", "sub_event_type": "Other"}"#,
            r#"{"event_type": "Riots", "sub_event_type": "Mob violence", "location": {"name": "Sabha"}, "date": {"start": "2020-02-02"}}"#,
            r#"{"id": null, "event_type": "Strategic developments", "location": {"country": "TN"}}"#,
        ]);
        let d = score_doc(&g, &r);
        assert_eq!(
            lines(&d),
            [
                "FORBIDDEN b: not in Tunisia",
                "FORBIDDEN None: not in Tunisia",
                "DUPLICATE b: a second record for: the clash",
                "UNEXPECTED ?: Riots / Mob violence at Sabha on 2020-02-02",
            ]
        );
        assert_eq!((d.matched, d.correct, d.extra), (1, 1, 2));
        assert_eq!(d.optional, [(2, 0), (4, 0)], "a forbidden record left to an optional item is not also extra");
    }

    #[test]
    fn missed_and_wrong_with_closest_records() {
        let g = gold(
            r#"{"doc_id": "d", "gold": [
            {"label": "strike", "event_type": "Explosions/Remote violence", "fatalities": {"min": 7}},
            {"label": "clash", "event_type": "Battles", "date": {"start": "2020-01-01"}}]}"#,
        );
        let r = recs(&[
            r#"{"id": "a", "event_type": "Explosions/Remote violence", "fatalities": {"min": 6}}"#,
            r#"{"id": "b", "event_type": "Battles", "date": {"start": "2020-01-02"}}"#,
        ]);
        let d = score_doc(&g, &r);
        assert_eq!(
            lines(&d),
            [
                "WRONG   strike: fatalities.min 6 != 7",
                "MISSED  clash",
                "UNEXPECTED b: Battles / None at None on 2020-01-02"
            ]
        );
        let IssueKind::Missed { closest, .. } = &d.issues[1].kind else { panic!() };
        assert_eq!(closest[0].record, 1);
        assert_eq!(closest[0].failures, ["date: start '2020-01-02' != \"2020-01-01\""]);
        assert_eq!(d.pairs[0].fatalities, Some(false));
    }

    #[test]
    fn totals_sum_event_scope_non_vague_minimums() {
        let g = gold(r#"{"doc_id": "d", "totals": {"label": "no double count", "sum_event_fatalities_min": 7}}"#);
        let r = recs(&[
            r#"{"id": "a", "fatalities": {"min": 7}}"#,
            r#"{"id": "b", "scope": "cumulative", "fatalities": {"min": 43}}"#,
            r#"{"id": "c", "fatalities": {"min": 12, "qualifier": "vague"}}"#,
            r#"{"id": "d", "fatalities": null}"#,
        ]);
        assert!(score_doc(&g, &r).issues.iter().all(|i| !matches!(i.kind, IssueKind::Total { .. })));
        let r2 = recs(&[r#"{"fatalities": {"min": 7}}"#, r#"{"scope": "event", "fatalities": {"min": 43.0}}"#]);
        let d = score_doc(&g, &r2);
        assert_eq!(d.issues.last().unwrap().line, "TOTAL   no double count: 50.0 != 7");
    }

    #[test]
    fn events_counts_and_summary() {
        let golds = vec![
            gold(
                r#"{"doc_id": "a", "gold": [{"label": "x", "event_type": "Battles"}, {"label": "y", "event_type": "Riots"}]}"#,
            ),
            gold(r#"{"doc_id": "b", "gold": []}"#),
        ];
        let r = recs(&[
            r#"{"doc_id": "a", "event_type": "Battles"}"#,
            r#"{"doc_id": "b", "event_type": "Battles"}"#,
            r#"{"doc_id": "zzz", "event_type": "Battles"}"#,
        ]);
        let res = score_events(&golds, &r);
        assert_eq!((res.gold_count, res.record_count, res.matched), (2, 2, 1));
        assert_eq!(
            res.summary_line(),
            "events: 2 docs, 2 gold, 2 records, matched 1, all fields right 1; P=0.500 R=0.500 F1=0.500"
        );
        assert_eq!(
            res.script_output(Mode::Events),
            "a: MISSED  y\nb: UNEXPECTED ?: Battles / None at None on None\n".to_string() + &res.summary_line() + "\n"
        );
        assert_eq!(res.docs[0].input_index, [0]);
        assert!(!res.passed());
    }

    #[test]
    fn field_accuracy_counts_checkable_pairs() {
        let g = gold(
            r#"{"doc_id": "d", "gold": [
            {"label": "near", "event_type": "Battles", "place": {"near": [25.0, 14.0], "km": 90}, "sub_event_type": "Armed clash"},
            {"label": "ranges", "event_type": "Riots", "place": {"lat_range": [20, 30], "lon_range": [10, 20]}, "fatalities": null}]}"#,
        );
        let r = recs(&[
            r#"{"doc_id": "d", "event_type": "Battles", "sub_event_type": "Armed clash", "location": {"lat": 25.3, "lon": 14.0}}"#,
            r#"{"doc_id": "d", "event_type": "Riots", "location": {"lat": 25, "lon": 15}, "fatalities": {"min": 2}}"#,
        ]);
        let res = score_events(&[g], &r);
        let f = res.fields;
        assert_eq!(f.pairs, 2);
        assert_eq!(f.sub_event_type, Tally { checked: 1, correct: 1 });
        assert_eq!(f.place_25km, Tally { checked: 2, correct: 1 }, "33 km off near, inside the ranges");
        assert_eq!(f.place_50km, Tally { checked: 2, correct: 2 });
        assert_eq!(f.fatalities, Tally { checked: 1, correct: 0 });
        assert_eq!(f.date, Tally::default());
        assert_eq!(f.fatalities.fraction(), Some(0.0));
        assert!((res.docs[0].pairs[0].distance_km.unwrap() - 33.4).abs() < 0.5);
    }

    #[test]
    fn deep_augmenting_chain_does_not_overflow() {
        // Item k matches records k and k+1; records are offered so that every new item reroutes
        // all earlier ones.
        let n = 3000;
        let edges: Vec<Vec<usize>> = (0..n).map(|k| if k == 0 { vec![0] } else { vec![k - 1, k] }).collect();
        let m = assign(&edges, n, vec![None; n]);
        assert_eq!(m.iter().filter(|x| x.is_some()).count(), n);
    }
}
